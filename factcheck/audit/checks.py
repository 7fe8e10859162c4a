"""Pure consistency checks on reported statistics (statcheck, GRIM and their relatives).

Every check takes the numbers as printed (strings, so that the printed precision is known) and
answers with a ``Verdict``: consistent or not, the recomputed value, and which conventions were
tried. A value is called inconsistent only after every convention a careful author might have
used (rounding half-up, half-down, half-even or truncation; one-sided tests where the paper allows them;
χ² with and without Yates' correction) fails to reproduce it: a false alarm costs an editor's
trust more than a miss.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext
from typing import Optional, Sequence

from factcheck.audit import dist

ROUNDINGS = {"half-up": ROUND_HALF_UP, "half-down": ROUND_HALF_DOWN, "half-even": ROUND_HALF_EVEN,
             "truncation": ROUND_DOWN}
ALPHA = 0.05


@dataclass
class Verdict:
    """The outcome of one check. ``recomputed`` is printed beside the reported value."""

    ok: bool
    recomputed: str = ""
    tried: list[str] = field(default_factory=list)
    decision_error: bool = False
    note: str = ""


def decimals(s: str) -> int:
    """Digits after the decimal point as printed ('68.88' → 2, '.04' → 2, '3' → 0)."""
    s = s.strip().lstrip("+-")
    return len(s.split(".", 1)[1]) if "." in s else 0


def half_unit(s: str) -> float:
    """Half a unit in the last printed place: the rounding error a printed value can carry."""
    return 0.5 * 10.0 ** -decimals(s)


def _round(x: Decimal, places: int, mode: str) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUNDINGS[mode])


def percent_matches(k: int, n: int, pct: str) -> list[str]:
    """The rounding conventions under which k/n, as a percentage, prints as ``pct``."""
    places = decimals(pct)
    with localcontext() as ctx:
        ctx.prec = 40
        exact = Decimal(k) * 100 / Decimal(n)
        return [m for m in ROUNDINGS if _round(exact, places, m) == Decimal(pct)]


def grim_counts(pct: str, n: int) -> list[int]:
    """Every count k in 0..n whose percentage of n prints as ``pct`` under some convention."""
    centre = float(pct) * n / 100.0
    lo, hi = max(0, math.floor(centre) - 2), min(n, math.ceil(centre) + 2)
    return [k for k in range(lo, hi + 1) if percent_matches(k, n, pct)]


def check_percent(pct: str, n: int, k: Optional[int] = None) -> Verdict:
    """GRIM for percentages: with a count, does k/n print as pct; without, does any k."""
    tried = [f"{m} to {decimals(pct)} decimals" for m in ROUNDINGS]
    if n <= 0:
        return Verdict(True, tried=tried, note="no denominator")
    if k is not None:
        if k > n:
            return Verdict(False, f"{k}/{n} > 100%", tried)
        if percent_matches(k, n, pct):
            return Verdict(True, tried=tried)
        shown = f"{k}/{n} = {k * 100 / n:.{max(decimals(pct), 2)}f}%"
        others = grim_counts(pct, n)
        note = (f"{', '.join(str(o) for o in others)}/{n} would give {pct}%" if others
                else f"no count out of {n} gives {pct}%")
        return Verdict(False, shown, tried, note=note)
    ks = grim_counts(pct, n)
    if ks:
        return Verdict(True, f"{ks[0]}/{n}", tried)
    return Verdict(False, f"no count out of {n} gives {pct}%", tried)


def grim_mean(mean: str, n: int, items: int = 1, modes: Sequence[str] = tuple(ROUNDINGS)) -> list[str]:
    """GRIM (Brown & Heathers): the conventions under which some integer total over n × items
    integer-valued answers gives a mean that prints as ``mean``. Empty: impossible."""
    places, cells = decimals(mean), n * items
    if cells <= 0:
        return list(modes)
    target = Decimal(mean.strip())
    centre = float(target) * cells
    with localcontext() as ctx:
        ctx.prec = 40
        found = []
        for total in range(math.floor(centre) - 2, math.ceil(centre) + 3):
            exact = Decimal(total) / Decimal(cells)
            found += [m for m in modes if m not in found and _round(exact, places, m) == target]
        return found


def check_grim_mean(mean: str, n: int, items: int = 1) -> Verdict:
    """GRIM as a verdict: the nearest possible means are shown when none gives the printed one."""
    tried = [f"{m} to {decimals(mean)} decimals" for m in ROUNDINGS] + [f"n × items = {n * items}"]
    if grim_mean(mean, n, items):
        return Verdict(True, tried=tried)
    cells, places = n * items, decimals(mean)
    below = math.floor(float(mean) * cells)
    near = [f"{t}/{cells} = {t / cells:.{places + 2}f}" for t in (below, below + 1)]
    return Verdict(False, "; ".join(near), tried, note=f"no integer total over {cells} gives {mean}")


def check_ratio_centre(ratio: str, lo: str, hi: str, slack: float = 0.10) -> Verdict:
    """A ratio estimate sits at the geometric centre of its Wald CI. Tried: the bounds anywhere in
    their printed rounding, the ratio anywhere in its own, plus ``slack`` of the CI's log
    half-width for intervals that are not Wald (profile likelihood, exact)."""
    r, a, b = float(ratio), float(lo), float(hi)
    if min(r, a, b) <= 0 or not a < b:
        return Verdict(True, note="not a ratio CI")
    ha, hb, hr = half_unit(lo), half_unit(hi), half_unit(ratio)
    c_lo = math.log(max(a - ha, 1e-12)) + math.log(b - hb)
    c_hi = math.log(a + ha) + math.log(b + hb)
    c_lo, c_hi = c_lo / 2, c_hi / 2
    margin = slack * (math.log(b) - math.log(a)) / 2
    r_lo, r_hi = math.log(max(r - hr, 1e-12)), math.log(r + hr)
    ok = r_hi >= c_lo - margin and r_lo <= c_hi + margin
    centre = math.sqrt(a * b)
    tried = ["geometric centre with the bounds anywhere in their printed rounding",
             f"±{int(slack * 100)}% of the log half-width for non-Wald intervals"]
    return Verdict(ok, f"√({lo}×{hi}) = {centre:.{max(decimals(ratio), 2)}f}", tried)


def p_significant(cmp: str, p: float) -> Optional[bool]:
    """Whether a reported P says significant at 0.05; None when it cannot tell (P < 0.1, P > 0.01)."""
    if cmp in ("<", "≤", "<="):
        return True if p <= ALPHA else None
    if cmp in (">", "≥", ">="):
        return False if p >= ALPHA else None
    return p <= ALPHA   # P = 0.05 read as significant, as statcheck does by default


def check_ci_p(lo: str, hi: str, cmp: str, p: str, null: float = 1.0) -> Verdict:
    """A 95% CI that excludes the null value means P < 0.05, and the reverse."""
    a, b = float(lo), float(hi)
    if abs(a - null) <= half_unit(lo) or abs(b - null) <= half_unit(hi):
        return Verdict(True, note="a bound is at the null value")
    excludes = a > null or b < null
    sig = p_significant(cmp, float(p))
    recomputed = f"CI {'excludes' if excludes else 'includes'} {null:g} → P {'<' if excludes else '>'} 0.05"
    tried = ["95% CI against two-sided P at 0.05"]
    if sig is None or sig == excludes:
        return Verdict(True, recomputed, tried)
    return Verdict(False, recomputed, tried, decision_error=True)


def stat_p_value(kind: str, value: float, df1: Optional[float], df2: Optional[float]) -> float:
    """Two-sided P for t, z and r; upper-tail P for F and χ²."""
    if kind == "t":
        return dist.t_two_sided(value, df1)
    if kind == "z":
        return dist.z_two_sided(value)
    if kind == "r":
        return dist.t_two_sided(dist.r_to_t(value, df1), df1)
    if kind == "F":
        return dist.f_upper(value, df1, df2)
    if kind == "chi2":
        return dist.chi2_upper(value, df1)
    raise ValueError(kind)


def _p_interval(kind: str, stat: str, dfs: Sequence[tuple]) -> tuple[float, float]:
    """The P values the printed statistic can stand for: its rounding and every df given."""
    v, h = abs(float(stat)), half_unit(stat)
    ends = [max(v - h, 0.0), v + h]
    if kind == "r":
        ends = [min(e, 0.999999) for e in ends]
    ps = [stat_p_value(kind, e, d1, d2) for e in ends for d1, d2 in dfs]
    return min(ps), max(ps)


def _p_fits(cmp: str, p: str, lo: float, hi: float) -> bool:
    """Whether a P interval [lo, hi] agrees with the reported comparison at its precision.
    'P < x' needs some P below x and 'P > x' some P above it (x itself does not do)."""
    pv = float(p)
    if cmp in ("<", "≤", "<="):
        return pv > 0 and lo < pv * (1 - 1e-9)
    if cmp in (">", "≥", ">="):
        return hi > pv * (1 + 1e-9)
    if pv == 0:   # P = 0.000 is printed for P < 0.0005
        return lo < half_unit(p)
    h = half_unit(p)
    return hi >= pv - h - 1e-12 and lo <= pv + h + 1e-12


def check_stat_p(kind: str, stat: str, cmp: str, p: str, dfs: Sequence[tuple],
                 one_sided_ok: bool = False, stat_cmp: str = "=") -> Verdict:
    """statcheck: recompute P from the test statistic and its df, compare at printed precision.

    ``dfs`` lists the df pairs to try (one for a printed df; the pooled and Welch extremes when the
    df comes from group sizes). One-sided P is tried for t, z and r when ``one_sided_ok``."""
    if kind != "z":
        dfs = [(a, b) for a, b in dfs if a and a > 0 and (kind != "F" or (b and b > 0))]
        if not dfs:
            return Verdict(True, note="no usable df")
    if stat_cmp != "=":
        return _check_stat_bound(kind, stat, cmp, p, dfs, stat_cmp)
    lo, hi = _p_interval(kind, stat, dfs)
    tried = [f"{stat} anywhere in its printed rounding", "two-sided" if kind in ("t", "z", "r") else "upper tail"]
    if len(dfs) > 1:
        lo_df, hi_df = min(d[0] for d in dfs), max(d[0] for d in dfs)
        tried.append(f"df {lo_df:g}–{hi_df:g}" if hi_df < 1e5 else f"any df ≥ {lo_df:g}")
    shown = _show_p(lo, hi)
    if _p_fits(cmp, p, lo, hi):
        return Verdict(True, shown, tried)
    if one_sided_ok and kind in ("t", "z", "r"):
        tried.append("one-sided")
        if _p_fits(cmp, p, lo / 2, hi / 2):
            return Verdict(True, shown, tried, note="one-sided")
    sig = p_significant(cmp, float(p))
    rec_sig = {lo <= ALPHA, hi <= ALPHA}
    decision = sig is not None and len(rec_sig) == 1 and sig not in rec_sig
    return Verdict(False, shown, tried, decision_error=decision)


def _check_stat_bound(kind: str, stat: str, cmp: str, p: str, dfs: Sequence[tuple], stat_cmp: str) -> Verdict:
    """A statistic given as a bound (t < 2.2, F > 4): statcheck's rules. 't < x' means P above
    the P of x's rounding interval, 't > x' means P below it; some pairs cannot disagree."""
    lo, hi = _p_interval(kind, stat, dfs)
    pv, dec = float(p), decimals(p)
    small = stat_cmp in ("<", "≤", "<=")
    if small:
        bad = {"=": pv < round(hi, dec), "<": pv < hi, ">": False}
        comparator = ">"
    else:
        bad = {"=": pv > round(lo, dec), "<": False, ">": pv > lo}
        comparator = "<"
    key = "=" if cmp == "=" else ("<" if cmp in ("<", "≤", "<=") else ">")
    tried = [f"{kind} {stat_cmp} {stat} with {stat} anywhere in its printed rounding"]
    shown = f"P {comparator} {_show_p(lo, hi).split()[-1]}"
    if not bad[key]:
        return Verdict(True, shown, tried)
    point = stat_p_value(kind, abs(float(stat)), *dfs[0])
    if small:
        decision = key != ">" and pv <= ALPHA and point >= ALPHA
    else:
        says_nonsig = pv > ALPHA if key == "=" else (key == ">" and pv >= ALPHA)
        decision = says_nonsig and point <= ALPHA
    return Verdict(False, shown, tried, decision_error=bool(decision))


def _show_p(lo: float, hi: float) -> str:
    def one(x: float) -> str:
        return "P < 0.001" if x < 0.001 else f"P = {x:.3f}"
    a, b = one(lo), one(hi)
    return a if a == b else f"{a}…{b.split()[-1]}"


def chi2_from_counts(table: Sequence[Sequence[int]], yates: bool = False) -> Optional[float]:
    """Pearson χ² of an r×c table of counts; Yates' correction applies to 2×2 only."""
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table)]
    total = sum(rows)
    if total == 0 or 0 in rows or 0 in cols:
        return None
    x = 0.0
    for i, row in enumerate(table):
        for j, obs in enumerate(row):
            exp = rows[i] * cols[j] / total
            dev = abs(obs - exp)
            if yates:
                dev = max(0.0, dev - 0.5)
            x += dev * dev / exp
    return x


def min_expected(table: Sequence[Sequence[int]]) -> float:
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table)]
    total = sum(rows) or 1
    return min(r * c / total for r in rows for c in cols)


def check_chi2_counts(table: Sequence[Sequence[int]], stat: str, rel: float = 0.01) -> Verdict:
    """The printed χ² against the one recomputed from the counts, with and without Yates'
    correction (2×2). Tables with an expected count under 5 are left alone: the paper may have
    used Fisher's exact test."""
    if min_expected(table) < 5:
        return Verdict(True, note="expected count < 5: Fisher's exact test likely")
    is_2x2 = len(table) == 2 and len(table[0]) == 2
    df = (len(table) - 1) * (len(table[0]) - 1)
    conventions = [("Pearson", False)] + ([("Yates", True)] if is_2x2 else [])
    rep, h = abs(float(stat)), half_unit(stat)
    shown, tried = [], []
    for name, yates in conventions:
        x = chi2_from_counts(table, yates)
        if x is None:
            return Verdict(True, note="empty row or column")
        tried.append(f"{name} χ²")
        shown.append(f"{name} χ²({df}) = {x:.2f}, P = {dist.chi2_upper(x, df):.3f}")
        if abs(rep - x) <= h + rel * x + 1e-9:
            return Verdict(True, shown[-1], tried)
    return Verdict(False, "; ".join(shown), tried)


def check_z_counts(table: Sequence[Sequence[int]], stat: str, rel: float = 0.01) -> Verdict:
    """A z test of two proportions is the square root of the 2×2 χ²: the printed |z| against
    √χ² with and without Yates' correction."""
    if len(table) != 2 or len(table[0]) != 2:
        return Verdict(True, note="not a 2×2 table")
    if min_expected(table) < 5:
        return Verdict(True, note="expected count < 5: Fisher's exact test likely")
    rep, h = abs(float(stat)), half_unit(stat)
    shown, tried = [], []
    for name, yates in (("pooled z", False), ("pooled z, continuity-corrected", True)):
        x = chi2_from_counts(table, yates)
        if x is None:
            return Verdict(True, note="empty row or column")
        z = math.sqrt(x)
        tried.append(name)
        shown.append(f"{name} = {z:.2f}, P = {dist.z_two_sided(z):.3f}")
        if abs(rep - z) <= h + rel * z + 1e-9:
            return Verdict(True, shown[-1], tried)
    return Verdict(False, "; ".join(shown), tried)


def _t_pair(diff: float, s1: float, s2: float, n1: int, n2: int) -> tuple[float, float]:
    """(pooled t, Welch t) for a difference of means."""
    pooled_sd = math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / (n1 + n2 - 2))
    pooled = diff / (pooled_sd * math.sqrt(1 / n1 + 1 / n2)) if pooled_sd else math.inf
    se = math.sqrt(s1 * s1 / n1 + s2 * s2 / n2)
    return pooled, (diff / se if se else math.inf)


def check_t_means(a: tuple[str, str, int], b: tuple[str, str, int], t: str, rel: float = 0.03) -> Verdict:
    """A two-sample t against the one recomputed from the printed means, SDs and group sizes:
    Student's (pooled) and Welch's, every mean and SD anywhere in its printed rounding. The sign
    is left aside (papers subtract either way); ``rel`` allows for digits the table dropped."""
    (m1, s1, n1), (m2, s2, n2) = a, b
    if n1 < 2 or n2 < 2:
        return Verdict(True, note="group too small")
    h1, h2 = half_unit(m1), half_unit(m2)
    diff = abs(float(m1) - float(m2))
    sd1, sd2 = float(s1), float(s2)
    hs1, hs2 = half_unit(s1), half_unit(s2)
    high = _t_pair(diff + h1 + h2, max(sd1 - hs1, 1e-12), max(sd2 - hs2, 1e-12), n1, n2)
    low = _t_pair(max(diff - h1 - h2, 0.0), sd1 + hs1, sd2 + hs2, n1, n2)
    t_lo, t_hi = min(low) * (1 - rel), max(high) * (1 + rel)
    rep, ht = abs(float(t)), half_unit(t)
    pooled, welch = _t_pair(diff, sd1, sd2, n1, n2)
    df = n1 + n2 - 2
    shown = (f"pooled t({df}) = {pooled:.2f} ({_show_p(*[dist.t_two_sided(pooled, df)] * 2)}); "
             f"Welch t = {welch:.2f}; range {t_lo:.2f}–{t_hi:.2f}")
    tried = ["pooled (Student) t", "Welch t", "means and SDs anywhere in their printed rounding",
             f"±{int(rel * 100)}%"]
    ok = rep + ht >= t_lo and rep - ht <= t_hi
    return Verdict(ok, shown, tried)


def _f_pair(ms: Sequence[float], ss: Sequence[float], ns: Sequence[int]) -> tuple[float, float]:
    """(one-way ANOVA F, Welch's ANOVA F) from group means, SDs and sizes."""
    k, total = len(ms), sum(ns)
    grand = sum(m * n for m, n in zip(ms, ns)) / total
    between = sum(n * (m - grand) ** 2 for m, n in zip(ms, ns)) / (k - 1)
    within = sum((n - 1) * s * s for s, n in zip(ss, ns)) / (total - k)
    classic = between / within if within else math.inf
    w = [n / (s * s) if s else 1e12 for s, n in zip(ss, ns)]
    mw = sum(wi * m for wi, m in zip(w, ms)) / sum(w)
    a = sum(wi * (m - mw) ** 2 for wi, m in zip(w, ms)) / (k - 1)
    b = 1 + 2 * (k - 2) / (k * k - 1) * sum((1 - wi / sum(w)) ** 2 / (n - 1) for wi, n in zip(w, ns))
    return classic, a / b


def check_f_means(groups: Sequence[tuple[str, str, int]], f: str, rel: float = 0.03, max_groups: int = 4) -> Verdict:
    """An F against the one-way ANOVA (and Welch's) recomputed from three or more groups' printed
    means, SDs and sizes, at every corner of their rounding box (up to ``max_groups`` groups)."""
    if not 3 <= len(groups) <= max_groups or any(n < 2 for _, _, n in groups):
        return Verdict(True, note="not audited")
    ms = [float(m) for m, _, _ in groups]
    ss = [float(s) for _, s, _ in groups]
    ns = [n for _, _, n in groups]
    hm = [half_unit(m) for m, _, _ in groups]
    hs = [half_unit(s) for _, s, _ in groups]
    values = []
    for signs in itertools.product((-1, 1), repeat=2 * len(groups)):
        m2 = [m + sg * h for m, sg, h in zip(ms, signs, hm)]
        s2 = [max(x + sg * h, 1e-12) for x, sg, h in zip(ss, signs[len(groups):], hs)]
        values.extend(_f_pair(m2, s2, ns))
    lo, hi = min(values) * (1 - rel), max(values) * (1 + rel)
    rep, hf = abs(float(f)), half_unit(f)
    classic, welch = _f_pair(ms, ss, ns)
    df1, df2 = len(groups) - 1, sum(ns) - len(groups)
    shown = (f"F({df1}, {df2}) = {classic:.2f} ({_show_p(*[dist.f_upper(classic, df1, df2)] * 2)}); "
             f"Welch F = {welch:.2f}; range {lo:.2f}–{hi:.2f}")
    tried = ["one-way ANOVA F", "Welch F", "means and SDs anywhere in their printed rounding", f"±{int(rel * 100)}%"]
    return Verdict(rep + hf >= lo and rep - hf <= hi, shown, tried)


def two_group_dfs(n1: int, n2: int) -> list[tuple]:
    """df for a two-sample t from group sizes: pooled n1+n2-2, and Welch's lower limit."""
    return [(n1 + n2 - 2, None), (min(n1, n2) - 1, None)]
