"""Agreement with labelled peer cases (statcheck's test suite): the audit reads each case's
text as a paper and its verdict is compared with the label. Cases in a format the audit does
not read (``t(28) < 2.2``, ``ns``) are counted apart, never as agreement."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from decimal import Decimal

from factcheck.audit.checks import ROUNDINGS, decimals, grim_mean
from factcheck.audit.core import audit_text

DEFAULT_CASES = ("tests/audit/statcheck_cases.jsonl", "tests/audit/scrutiny_grim_cases.jsonl")


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


def grim_agreement(cases: list[dict], modes=tuple(ROUNDINGS)) -> tuple[int, int, list[str]]:
    """scrutiny's GRIM vectors: (agreeing, total, disagreements) under the given roundings."""
    agree, misses = 0, []
    for c in cases:
        x = c["x"]
        if c.get("percent"):
            x = f"{Decimal(x) / 100:.{decimals(x) + 2}f}"
        got = bool(grim_mean(x, c["n"], c.get("items", 1), modes))
        agree += got == c["consistent"]
        if got != c["consistent"]:
            misses.append(f"expected {c['consistent']}, got {got}: {c['x']} with n = {c['n']}, "
                          f"items = {c.get('items', 1)} ({c['source']})")
    return agree, len(cases), misses


def run_grim_eval(path: str, cases: list[dict]) -> int:
    agree, total, misses = grim_agreement(cases)
    strict, _, _ = grim_agreement(cases, ("half-up", "half-down"))
    print(f"{path}: {total} GRIM cases")
    print(f"  consistent      agreement {agree}/{total} = {agree / max(1, total):.1%} "
          "(half-up, half-down, half-even and truncation, as the audit tries them)")
    print(f"  consistent      agreement {strict}/{total} = {strict / max(1, total):.1%} "
          "(half-up and half-down only: scrutiny's default up_or_down)")
    for m in misses:
        print(f"  disagree: {m}")
    return 0


def run_case_eval(path: str) -> int:
    """``factcheck audit --eval``: the agreement table, then each disagreement."""
    cases = load_cases(path)
    if cases and "x" in cases[0]:
        return run_grim_eval(path, cases)
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
