"""Findings as editors' tools see them: one flat list with exact positions.

SARIF, the Word comments and the HTTP API all need the same thing from a Report: each
finding's span, rule, severity, message and the paper's side, with its position counted the
ways other tools count (code points, UTF-16 units as a browser's JavaScript does, line and
column). Built here once so the three cannot drift apart.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass
from typing import Any, Optional

from factcheck.core.codes import registry
from factcheck.core.model import Report
from factcheck.render.report import CATEGORY_ZH, VERDICT_ZH
from factcheck.text.sentences import LineIndex


@dataclass
class Finding:
    rule: str
    severity: str                 # info | warning | error
    kind: str                     # claim | overstatement
    verdict: str                  # a claim's verdict, or an overstatement's category
    label: str                    # verdict or category in the report's language
    message: str
    start: int                    # code-point offsets into the article text
    end: int
    line: int                     # 1-based
    column: int                   # 1-based, in code points
    end_column: int               # 1-based, exclusive, on the start line
    utf16_start: int
    utf16_end: int
    surface: str
    paper_value: Any = None
    paper_text: Optional[str] = None
    summary_id: Optional[str] = None

    def to_dict(self) -> dict:
        return asdict(self)


class Positions:
    """Code-point offset → line, column and UTF-16 offset, for one text."""

    def __init__(self, text: str):
        self.text = text
        self.starts = LineIndex(text).starts
        # characters outside the BMP count twice in UTF-16: their offsets, for a prefix sum
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)


def _anchor(report: Report, claim) -> tuple[int, int]:
    """A claim's number, not its whole sentence: that is what an editor looks for. The first
    number that earned the claim its verdict (40% in "40% vs 9.1%" when 40% is the mismatch)."""
    ids = set(claim.mention_ids)
    decisive = {v.mention_id for v in claim.mention_verdicts if v.verdict == claim.verdict}
    spans = sorted((m.start, m.end) for m in report.mentions if m.id in (decisive & ids or ids))
    return spans[0] if spans else (claim.start, claim.end)


def collect(report: Report, lang: str = "zh", verbose: bool = False) -> list[Finding]:
    """Every finding of a report, in reading order. Unattributed numbers only when ``verbose``
    (the text renderer's rule: they are info, and there are many)."""
    text = report.text or ""
    pos = Positions(text)
    zh = lang == "zh"
    out: list[Finding] = []

    def add(rule, sev, kind, verdict, label, msg, s, e, **extra):
        s, e = max(0, min(s, len(text))), max(0, min(e, len(text)))
        line, col = pos.line_col(s)
        eline, ecol = pos.line_col(e)
        end_col = ecol if eline == line else len(text[pos.starts[line - 1]:].split("\n", 1)[0]) + 1
        out.append(Finding(rule=rule or "FC000", severity=sev, kind=kind, verdict=verdict, label=label,
                           message=msg, start=s, end=e, line=line, column=col, end_column=max(end_col, col),
                           utf16_start=pos.utf16(s), utf16_end=pos.utf16(e), surface=text[s:e], **extra))

    for c in report.claims:
        if c.verdict == "unattributed" and not verbose:
            continue
        s, e = _anchor(report, c)
        ev = c.evidence
        add(c.rule, c.severity, "claim", c.verdict, VERDICT_ZH.get(c.verdict, c.verdict) if zh else c.verdict,
            c.message, s, e, paper_value=ev.paper_value if ev else None,
            paper_text=ev.paper_text if ev else None, summary_id=ev.summary_id if ev else None)
    for o in report.overstatements:
        add(o.rule, o.severity, "overstatement", o.category,
            CATEGORY_ZH.get(o.category, o.category) if zh else o.category, o.message, o.start, o.end,
            paper_text=o.paper_wording)
    out.sort(key=lambda f: (f.start, f.end, f.rule))
    return out


def rule_registry(lang: str = "zh", rules_dirs: tuple[str, ...] = ()) -> list[dict]:
    """Every rule code check can report, with severity and description: a view of
    ``codes.registry()`` (the number rules FC1xx and the bundled overstatement rules; FC3xx and
    FC4xx are not check's findings) plus the overstatement rules of a config's ``rules_dirs``,
    which the registry does not read."""
    out: dict[str, dict] = {}
    if rules_dirs:
        from factcheck.judge.overstate import load_rules   # compiled rules: only for a config's own
    for code, e in registry().items():
        desc = {"description": e.get(lang) or e["zh"], "description_en": e["en"]}
        if e["kind"] == "claim":
            out[code] = {"code": code, "kind": "claim", "verdict": e["verdict"],
                         "severity": e["severity"] or "warning", **desc}
        elif e["kind"] == "overstatement":
            out[code] = {"code": code, "kind": "overstatement", "category": e["category"],
                         "severity": e["severity"], **desc}
    for r in load_rules(tuple(rules_dirs)) if rules_dirs else ():
        if r.code in out:
            continue        # one code may have several entries (scope has a few); the first describes it
        msg = r.message if isinstance(r.message, dict) else {"zh": str(r.message)}
        out[r.code] = {"code": r.code, "kind": "overstatement", "category": r.category, "severity": r.severity,
                       "description": msg.get(lang) or msg.get("zh", ""), "description_en": msg.get("en", "")}
    return [out[k] for k in sorted(out)]
