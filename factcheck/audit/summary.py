"""The audit's checks on a structured summary (references/*.yaml): a finding whose own numbers
contradict each other (a ratio off its CI's centre, a CI and a P that disagree) is reported by
``factcheck references validate``. Percentages are not checked here: a summary's group sizes are
the randomised ones, and papers give many rates over the analysed (zang2022: 4.55% of 44
analysed, 46 randomised)."""

from __future__ import annotations

from typing import Optional

from factcheck.audit import checks
from factcheck.audit.render import message
from factcheck.audit.core import AuditFinding

RATIO_LABELS = {"OR", "RR", "HR", "IRR", "AOR", "AHR", "ADJUSTED_OR", "ADJUSTED_HR"}


def _printed(x: float) -> str:
    """A YAML float as the paper printed it (0.94 stays '0.94'; 20.0 becomes '20')."""
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def _p_parts(p: Optional[str]) -> Optional[tuple[str, str]]:
    if not p:
        return None
    s = p.strip().replace("＜", "<").replace("＞", ">").replace(" ", "").lstrip("Pp=")
    cmp = s[0] if s[:1] in "<>≤≥" else "="
    val = s[1:] if cmp != "=" else s
    try:
        float(val)
    except ValueError:
        return None
    return cmp, val


def audit_summary(summary) -> list[tuple[str, AuditFinding]]:
    """(field path, finding) for every finding whose numbers do not agree with each other."""
    out = []
    for i, fnd in enumerate(summary.findings):
        where = f"{summary.id}/{fnd.id}"
        ratio = next((v for v in fnd.values if ((v.label or "").upper() in RATIO_LABELS or v.kind == "ratio")
                      and isinstance(v.value, (int, float))), None)
        pp = _p_parts(fnd.p)
        if ratio is not None and fnd.ci and len(fnd.ci) == 2:
            r, lo, hi = (_printed(x) for x in (ratio.value, *fnd.ci))
            reported = f"{ratio.label or 'ratio'} = {r}, 95% CI {lo}–{hi}" + (f", P {pp[0]} {pp[1]}" if pp else "")
            v = checks.check_ratio_centre(r, lo, hi)
            if not v.ok:
                out.append((f"findings.{i}", AuditFinding("FC402", 0, where, reported, v.recomputed, v.tried)))
            if pp:
                v = checks.check_ci_p(lo, hi, pp[0], pp[1])
                if not v.ok:
                    out.append((f"findings.{i}", AuditFinding("FC403", 0, where, reported, v.recomputed, v.tried)))
    return out


def summary_problems(path, summary, lang: str = "en") -> list[str]:
    """``file:field: message`` lines for ``references validate``."""
    return [f"{path}:{field}: {f.code} {message(f, lang)}" for field, f in audit_summary(summary)]
