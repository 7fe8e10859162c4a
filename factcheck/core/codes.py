"""The rule codes and their messages to editors, read once per process.

Every code the package can report is declared once: the number verdicts (FC1xx), the
factcheck audit (FC4xx), the input problems (FC3xx) and the fallback FC000 in
data/messages.yaml; the overstatement rules (FC2xx) in data/rules/*.yaml, with their options.
``registry()`` reads both into one table (tests/test_codes.py checks that every code written in
the source is in it, once).

Matching writes its verdicts with these messages, the audit its findings, the rule list of
SARIF and of the server describes them (``findings.rule_registry``, a view of ``registry()``),
the readers of input format their errors with ``input_message``: all read them here, so none of
them needs the others.
"""

from __future__ import annotations

from functools import lru_cache

# the keys an entry of messages.yaml may have (a rule file's are overstate.RULE_KEYS/RULE_OPTIONS)
MESSAGE_KEYS = {"kind", "verdict", "severity", "zh", "en", "problems"}


@lru_cache(maxsize=1)
def messages() -> dict:
    from factcheck.core.datafiles import data_file

    return data_file("messages.yaml")


def input_message(code: str, problem: str, /, **details) -> str:
    """The message of an input problem (FC3xx): ``problems.<problem>`` of the code's entry in
    messages.yaml, its {placeholders} filled from ``details``, Chinese then English: zh, " / ",
    en, with no space before the slash after a template that ends with a closing full-width
    parenthesis （…）/ as the messages were always written (a detail that ends with one keeps
    the space)."""
    p = messages()[code]["problems"][problem]
    zh, en = p["zh"].format(**details), p["en"].format(**details)
    return zh + ("/ " if p["zh"].endswith("）") else " / ") + en


def input_note(code: str, problem: str, /, **details) -> str:
    """A note for the report (a repair of the input, how a paper was identified or why none
    was): ``FC3xx: `` and ``input_message``."""
    return f"{code}: {input_message(code, problem, **details)}"


def _kind(code: str, entry: dict) -> str:
    return entry.get("kind") or {"FC1": "claim", "FC4": "audit"}.get(code[:3], "other")


@lru_cache(maxsize=1)
def registry() -> dict[str, dict]:
    """code -> {kind, severity, zh, en, declared, verdict, category}: every code of messages.yaml
    and of the bundled rule files. kind is claim (FC1xx), overstatement (FC2xx), input (FC3xx),
    audit (FC4xx) or finding (FC000); zh/en are the message templates (for FC3xx and FC000, what
    the code means); verdict is a claim's, category an overstatement rule's (else None). A code
    declared in both places, or an unknown key in messages.yaml (or in one of its ``problems``),
    is a ValueError."""
    from factcheck.core.datafiles import DATA_DIR, data_file

    out: dict[str, dict] = {}
    for code, m in messages().items():
        unknown = sorted(set(m) - MESSAGE_KEYS)
        if unknown:
            raise ValueError(f"messages.yaml: {code}: unknown key {unknown[0]!r} (known: {', '.join(sorted(MESSAGE_KEYS))})")
        for name, p in (m.get("problems") or {}).items():
            if not isinstance(p, dict) or set(p) != {"zh", "en"}:
                raise ValueError(f"messages.yaml: {code}: problem {name!r} needs exactly zh and en")
        out[code] = {"kind": _kind(code, m), "severity": m.get("severity"), "zh": m.get("zh", ""),
                     "en": m.get("en", ""), "declared": "messages.yaml", "verdict": m.get("verdict"),
                     "category": None}
    for f in sorted((DATA_DIR / "rules").glob("*.yaml")):
        for r in data_file(f"rules/{f.name}") or []:
            code = str(r["code"])
            if out.get(code, {}).get("declared") == "messages.yaml":
                raise ValueError(f"{code} is declared twice: messages.yaml and rules/{f.name}")
            if code in out:
                continue        # one code may have several entries; the first describes it
            msg = r["message"] if isinstance(r["message"], dict) else {"zh": str(r["message"])}
            out[code] = {"kind": "overstatement", "severity": r.get("severity", "warning"), "zh": msg.get("zh", ""),
                         "en": msg.get("en", ""), "declared": f"rules/{f.name}", "verdict": None,
                         "category": r.get("category")}
    return out
