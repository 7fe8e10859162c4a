"""Every FC code is declared once (factcheck/core/codes.py: messages.yaml or one rule file)."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.core.codes import MESSAGE_KEYS, messages, registry
from factcheck.core.model import SEVERITIES

PKG = Path(__file__).resolve().parent.parent / "factcheck"
CODE = re.compile(r"\bFC\d{3}\b")


def codes_in_source() -> dict[str, set[str]]:
    """code -> the package files (Python and data) that write it."""
    out: dict[str, set[str]] = {}
    for p in sorted(PKG.rglob("*")):
        if p.suffix in (".py", ".yaml") and p.is_file():
            for c in CODE.findall(p.read_text(encoding="utf-8")):
                out.setdefault(c, set()).add(str(p.relative_to(PKG)))
    return out


def test_every_code_in_the_source_is_declared():
    reg = registry()
    missing = {c: sorted(files) for c, files in codes_in_source().items() if c not in reg}
    assert not missing, f"codes used but declared nowhere: {missing}"


def test_each_code_declared_once_with_known_keys():
    reg = registry()        # raises on a code in both places or an unknown key
    for code, m in messages().items():
        assert set(m) <= MESSAGE_KEYS, code
    for code, e in reg.items():
        assert e["severity"] in SEVERITIES, code
        assert e["zh"] and e["en"], code
        assert e["kind"] == {"FC1": "claim", "FC2": "overstatement", "FC3": "input", "FC4": "audit",
                             "FC0": "finding"}[code[:3]], code
