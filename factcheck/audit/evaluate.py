"""Agreement with labelled peer cases (statcheck's test suite): the audit reads each case's
text as a paper and its verdict is compared with the label. Cases in a format the audit does
not read (``t(28) < 2.2``, ``ns``) are counted apart, never as agreement."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from factcheck.audit.core import audit_text


@dataclass
class Agreement:
    read: int = 0
    unread: list[str] = field(default_factory=list)
    agree: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def rate(self, label: str) -> float:
        return self.agree.get(label, 0) / max(1, self.total.get(label, 0))


def load_cases(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def case_agreement(cases: list[dict]) -> Agreement:
    """Score each labelled case: 'error' against any FC404/FC408, 'decision_error' against FC408."""
    out = Agreement()
    for c in cases:
        rep = audit_text(c["text"], "<case>")
        if not rep.checked.get("statistic vs P"):
            out.unread.append(c["text"])
            continue
        out.read += 1
        codes = {f.code for f in rep.findings}
        predicted = {"error": bool(codes & {"FC404", "FC408"}), "decision_error": "FC408" in codes}
        for label in ("error", "decision_error"):
            if c.get(label) is None:
                continue
            out.total[label] = out.total.get(label, 0) + 1
            if predicted[label] == c[label]:
                out.agree[label] = out.agree.get(label, 0) + 1
            else:
                out.misses.append(f"{label}: expected {c[label]}, got {predicted[label]}: {c['text']!r} ({c['source']})")
    return out


def run_case_eval(path: str) -> int:
    """``factcheck audit --eval``: the agreement table, then each disagreement."""
    cases = load_cases(path)
    a = case_agreement(cases)
    print(f"{path}: {len(cases)} cases, {a.read} read, {len(a.unread)} in a format the audit does not read")
    for label in ("error", "decision_error"):
        if a.total.get(label):
            print(f"  {label:15s} agreement {a.agree.get(label, 0)}/{a.total[label]} = {a.rate(label):.1%}")
    for m in a.misses:
        print(f"  disagree: {m}")
    for u in a.unread:
        print(f"  not read: {u!r}")
    return 0
