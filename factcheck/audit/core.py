"""Run every audit check over one paper's text and collect the findings.

The checks themselves are pure (``checks``); this module finds what to feed them (``tables``,
``prose``) and says where each finding is, with the reported value beside the recomputed one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Optional

from factcheck.audit import checks, prose, tables
from factcheck.audit.text import Prose, flatten, fold

MAX_DF_GUESS = 10


@dataclass
class AuditFinding:
    code: str
    line: int
    where: str
    reported: str
    recomputed: str
    tried: list[str] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class AuditReport:
    source: str
    findings: list[AuditFinding] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)   # check → values examined
    notes: list[str] = field(default_factory=list)

    def count(self, what: str, n: int = 1) -> None:
        self.checked[what] = self.checked.get(what, 0) + n


def audit_text(text: str, source: str = "<text>") -> AuditReport:
    """Audit one paper given as text."""
    rep = AuditReport(source)
    lines = fold(text).split("\n")
    found = tables.find_tables(lines)
    skip = {j for t in found for j in range(t.line - 1, t.end)}
    flat = flatten(lines, skip)
    one_sided = bool(prose.ONE_SIDED.search(flat.flat))
    for t in found:
        _audit_table(t, rep, one_sided)
        if t.note:
            rep.notes.append(f"{_short_title(t)} (line {t.line}): {t.note}")
    _audit_prose(flat, rep, one_sided)
    _audit_sizes(flat, rep)
    _audit_splits(flat, found, rep)
    _audit_abbreviations(flat, rep)
    rep.findings.sort(key=lambda f: (f.line, f.code))
    return rep


def _short_title(t: tables.Table) -> str:
    m = tables.TITLE.match(t.title)
    return " ".join(m.group(0).split()) if m else f"table at line {t.line}"


def _label(row: tables.Row) -> str:
    return re.split(r"[,，]", row.label)[0].strip() or "?"


# a mean of whole numbers per person (losses, cycles, embryos); not 指数 (an index)
INTEGER_VARIABLE = re.compile(r"次数|个数|例数|胚胎数|周期数|/\s*[次个枚例]|number of|no\. of", re.I)


def _audit_table(t: tables.Table, rep: AuditReport, one_sided: bool) -> None:
    title = _short_title(t)
    for r, row in enumerate(t.rows):
        for g, cell in enumerate(row.cells):
            n = t.groups[g][1] if g < len(t.groups) else None
            if n and INTEGER_VARIABLE.search(row.label):
                _grim_mean_cell(t, r, g, cell, n, rep, title)
            m = tables.COUNT.match(cell)
            if not m or not n:
                continue
            rep.count("percent")
            v = checks.check_percent(m.group(2), n, int(m.group(1)))
            if not v.ok:
                where = f"{title} {_label(row)}，{t.groups[g][0]}（n={n}）"
                rep.findings.append(AuditFinding("FC401", t.cell_lines.get((r, g), row.line), where,
                                                 cell, v.recomputed, v.tried, v.note))
    _audit_table_sums(t, rep, title)
    for u in t.units:
        _audit_unit(t, u, rep, title, one_sided)


def _grim_mean_cell(t: tables.Table, r: int, g: int, cell: str, n: int, rep: AuditReport, title: str) -> None:
    """GRIM on the mean of a whole-number variable (x̄ ± s cell)."""
    m = tables.MEAN.match(cell)
    if not m:
        return
    rep.count("mean (GRIM)")
    v = checks.check_grim_mean(m.group(1), n)
    if not v.ok:
        row = t.rows[r]
        where = f"{title} {_label(row)}，{t.groups[g][0]}（n={n}）"
        rep.findings.append(AuditFinding("FC410", t.cell_lines.get((r, g), row.line), where,
                                         f"x̄ = {m.group(1)}", v.recomputed, v.tried, v.note))


def _audit_table_sums(t: tables.Table, rep: AuditReport, title: str) -> None:
    """Categories of one variable (percentages adding to 100) whose counts miss the group size."""
    for h in sorted(t.heads):
        kids = [k for k in range(h + 1, len(t.rows)) if t.rows[k].indent > t.rows[h].indent]
        kids = kids[:next((i for i, k in enumerate(kids) if k != h + 1 + i), len(kids))]
        if len(kids) < 2:
            continue
        for g, (name, n) in enumerate(t.groups):
            ms = [tables.COUNT.match(t.rows[k].cells[g]) if g < len(t.rows[k].cells) else None for k in kids]
            if not n or not all(ms):
                continue
            total, pct = sum(int(m.group(1)) for m in ms), sum(float(m.group(2)) for m in ms)
            rep.count("subgroup sum")
            if abs(pct - 100) <= 0.1 * len(ms) and total != n:
                rep.findings.append(AuditFinding(
                    "FC407", t.rows[h].line, f"{title} {_label(t.rows[h])}，{name}",
                    " + ".join(m.group(1) for m in ms) + f" = {total}", f"n = {n}", ["sum of the categories"]))


def _p_cell(p: str) -> Optional[tuple[str, str]]:
    m = tables.NUMBER.match(p.strip())
    return (m.group(1) or "=", m.group(2)) if m else None


def _unit_kind(t: tables.Table, u: tables.Unit) -> Optional[str]:
    kinds = {tables.cell_kind(c) for r in u.rows for c in t.rows[r].cells}
    if len(kinds) != 1:
        return None
    return {"mean": "t", "median": "z", "count": "chi2"}.get(kinds.pop())


def _audit_unit(t: tables.Table, u: tables.Unit, rep: AuditReport, title: str, one_sided: bool) -> None:
    kind, pc = _unit_kind(t, u), _p_cell(u.p)
    if kind is None or pc is None or not tables.NUMBER.match(u.stat.strip()):
        return
    stat = u.stat.strip()
    if kind == "chi2" and (stat.startswith("-") or _z_column(t.stat_head)):
        kind = "z"          # counts compared by a z test of two proportions
    where = f"{title} {_label(t.rows[u.rows[0]] if len(u.rows) == 1 else t.rows[u.rows[0] - 1])}"
    line = t.rows[u.rows[0]].line
    counts = _counts_table(t, u) if _unit_kind(t, u) == "chi2" and not paired_columns(t) else None
    dfs = _unit_dfs(kind, [n for _, n in t.groups], counts)
    if dfs is None:
        return
    kind = "F" if kind == "t" and len(t.groups) > 2 else kind
    _stat_vs_p(rep, kind, stat, pc, dfs, line, where, one_sided)
    if kind in ("t", "F") and len(u.rows) == 1:
        _t_from_means(t, u.rows[0], stat, rep, line, where)
    if counts is None:
        return
    rep.count("chi2 from counts")
    if kind == "z":
        v = checks.check_z_counts(counts, stat)
        reported = f"Z = {stat}, P {pc[0]} {pc[1]}"
    else:
        v = checks.check_chi2_counts(counts, stat)
        reported = f"χ² = {stat}, P {pc[0]} {pc[1]}"
    if not v.ok:
        rep.findings.append(AuditFinding("FC405", line, where, reported, v.recomputed, v.tried, v.note))


# columns that are time points of the same people: a paired test, not two groups
TIME_POINT = re.compile(r"前|后|基线|随访|第\s*\d+\s*[天周月年]|baseline|before|after|\bpre|\bpost|week|month|follow",
                        re.I)


def paired_columns(t: tables.Table) -> bool:
    """Whether the columns look like time points (治疗前/治疗后) rather than independent groups."""
    return any(TIME_POINT.search(name) for name, _ in t.groups)


def _t_from_means(t: tables.Table, r: int, stat: str, rep: AuditReport, line: int, where: str) -> None:
    """The t of a two-group x̄ ± s row against the one its means, SDs and group sizes give."""
    ms = [tables.MEAN.match(c) for c in t.rows[r].cells]
    ns = [n for _, n in t.groups]
    if len(ms) < 2 or len(ms) != len(ns) or not all(ms) or None in ns or paired_columns(t):
        return
    groups = [(m.group(1), m.group(2), n) for m, n in zip(ms, ns)]
    if len(groups) == 2:
        rep.count("t from means")
        v, name = checks.check_t_means(groups[0], groups[1], stat), "t"
    else:
        rep.count("F from means")
        v, name = checks.check_f_means(groups, stat), "F"
    if not v.ok:
        cells = " vs ".join(t.rows[r].cells)
        reported = f"{name} = {stat}（{cells}, n = {'/'.join(str(n) for n in ns)}）"
        rep.findings.append(AuditFinding("FC411", line, where, reported, v.recomputed, v.tried, v.note))


def _z_column(head: str) -> bool:
    return bool(re.search(r"[Zzu]", head)) and not re.search(r"χ|x2|X2", head)


def _unit_dfs(kind: str, ns: list, counts) -> Optional[list]:
    """The df to try: group sizes for t (pooled and Welch), k − 1 and N − k for F, the table for χ²."""
    if kind == "t":
        if None in ns or len(ns) < 2:
            return None
        if len(ns) > 2:
            return [(len(ns) - 1, sum(ns) - len(ns))]
        return checks.two_group_dfs(ns[0], ns[1])
    if kind == "chi2":
        if counts is None:
            return None
        return [((len(counts) - 1) * (len(counts[0]) - 1), None)]
    return [(None, None)]


def _counts_table(t: tables.Table, u: tables.Unit) -> Optional[list[list[int]]]:
    """groups × categories; one row of counts becomes (k, n - k) per group."""
    ms = [[tables.COUNT.match(c) for c in t.rows[r].cells] for r in u.rows]
    if not all(m for row in ms for m in row):
        return None
    ks = [[int(m.group(1)) for m in row] for row in ms]
    if len(u.rows) == 1:
        ns = [n for _, n in t.groups]
        if None in ns or any(k > n for k, n in zip(ks[0], ns)):
            return None
        return [[k, n - k] for k, n in zip(ks[0], ns)]
    return [list(col) for col in zip(*ks)]


def _stat_vs_p(rep: AuditReport, kind: str, stat: str, pc: tuple[str, str], dfs: list, line: int,
               where: str, one_sided: bool, stat_cmp: str = "=", df_printed: bool = True) -> None:
    rep.count("statistic vs P")
    v = checks.check_stat_p(kind, stat, pc[0], pc[1], dfs, one_sided_ok=one_sided, stat_cmp=stat_cmp)
    if v.ok:
        return
    name = {"chi2": "χ²", "t": "t", "z": "Z", "F": "F", "r": "r"}[kind]
    df = "" if dfs[0][0] is None or not df_printed else f"({dfs[0][0]:g}{'' if dfs[0][1] is None else f', {dfs[0][1]:g}'})"
    rep.findings.append(AuditFinding("FC408" if v.decision_error else "FC404", line, where,
                                     f"{name}{df} {stat_cmp} {stat}, P {pc[0]} {pc[1]}", v.recomputed, v.tried, v.note))


def _audit_prose(pr: Prose, rep: AuditReport, one_sided: bool) -> None:
    flat = pr.flat
    for s in prose.find_stats(flat):
        if s.kind == "chi2" and s.df1 is None:
            dfs = [(d, None) for d in range(1, MAX_DF_GUESS + 1)]
        elif s.kind == "t" and s.df1 is None:   # P falls as df grows: the two ends cover every df
            dfs = [(1, None), (1e6, None)]
        elif s.kind == "z":
            dfs = [(None, None)]
        else:
            dfs = [(s.df1, s.df2)]
        where = _context(flat, s.start)
        _stat_vs_p(rep, s.kind, s.value, (s.cmp, s.p), dfs, pr.line_at(s.start), where, one_sided, s.stat_cmp,
                   df_printed=s.df1 is not None)
    for r in prose.find_ratios(flat):
        _audit_ratio(r, pr, rep)
    for k, n, pct, start, surface in prose.find_fractions(flat):
        rep.count("percent")
        v = checks.check_percent(pct, n, k)
        if not v.ok:
            rep.findings.append(AuditFinding("FC401", pr.line_at(start), _context(flat, start), surface,
                                             v.recomputed, v.tried, v.note))


def _audit_ratio(r: prose.Ratio, pr: Prose, rep: AuditReport) -> None:
    line, where = pr.line_at(r.start), _context(pr.flat, r.start)
    reported = f"{r.name} = {r.ratio}, 95% CI {r.lo}–{r.hi}" + (f", P {r.cmp} {r.p}" if r.p else "")
    rep.count("ratio vs CI")
    v = checks.check_ratio_centre(r.ratio, r.lo, r.hi)
    if not v.ok:
        rep.findings.append(AuditFinding("FC402", line, where, reported, v.recomputed, v.tried, v.note))
    if r.p:
        rep.count("CI vs P")
        v = checks.check_ci_p(r.lo, r.hi, r.cmp, r.p)
        if not v.ok:
            rep.findings.append(AuditFinding("FC403", line, where, reported, v.recomputed, v.tried, v.note))


def _context(flat: str, start: int, width: int = 48) -> str:
    """The clause before a statistic, to say which result it is (no word cut in half)."""
    left = flat[max(0, start - width):start]
    if not left.strip() or left.rstrip()[-1] in "。;；.\n":   # the statistic opens a sentence
        return flat[start:start + 24].strip()
    left = left.rstrip(" (（[,，:：")
    parts = [p.strip() for p in re.split(r"[。;；,，(（\n]", left)]
    parts = [p for p in parts if p]
    if not parts:
        return flat[start:start + 24]
    clause = parts[-1]
    if start - width > 0 and clause is parts[0] and flat[start - width - 1].isalnum():
        clause = re.sub(r"^\S+\s*", "", clause) or clause   # the window cut a word
    short = clause[-32:]
    if len(clause) > 32 and clause[-33].isascii() and clause[-33].isalnum() and short[0].isalnum():
        short = re.sub(r"^\S+\s*", "", short) or short
    return short.strip()


def _audit_sizes(pr: Prose, rep: AuditReport) -> None:
    """The total N of the abstract against the body's; X + 非X subgroups against the total."""
    flat, cut = pr.flat, prose.abstract_end(pr.flat)
    totals = prose.find_totals(flat)
    head = [t for t in totals if t[1] < cut]
    body = [t for t in totals if t[1] >= cut]
    body_ns = {t[0] for t in body}
    rep.count("sample size", len(totals))
    for n, off, surface in head:
        if body_ns and n not in body_ns:
            rep.findings.append(AuditFinding("FC406", pr.line_at(off), "摘要 / abstract", f"N = {n}",
                                             f"正文 / body: N = {', '.join(str(x) for x in sorted(body_ns))}",
                                             ["abstract against body"]))
    if len(body_ns) != 1:
        return
    total = body_ns.pop()
    for name, items in prose.find_subgroups(flat).items():
        pos = [i for i in items if not i[1]]
        neg = [i for i in items if i[1]]
        if pos and neg:
            rep.count("subgroup sum")
            a, b = pos[0][0], neg[0][0]
            if a + b != total:
                rep.findings.append(AuditFinding("FC407", pr.line_at(pos[0][2]), f"{name} / 非{name}",
                                                 f"{a} + {b} = {a + b}", f"N = {total}", ["X + 非X = N"]))


def _audit_splits(pr: Prose, found: list[tables.Table], rep: AuditReport) -> None:
    """'176例 IR患者中，64例…' against a two-group table with a group of 64: the other must be 112."""
    for total, part, off in prose.find_splits(pr.flat):
        if part >= total:
            continue
        for t in found:
            ns = [n for _, n in t.groups]
            if len(ns) != 2 or None in ns or ns.count(part) != 1:
                continue
            rep.count("sample size")
            other = ns[1] if ns[0] == part else ns[0]
            if part + other != total:
                rep.findings.append(AuditFinding(
                    "FC406", t.line, f"{_short_title(t)} / 正文 line {pr.line_at(off)}",
                    f"{part} + {other} = {part + other}（{_short_title(t)}）", f"N = {total}（正文）",
                    ["table groups against the text's total"]))


def _audit_abbreviations(pr: Prose, rep: AuditReport) -> None:
    for abbr, uses in prose.find_abbreviations(pr.flat).items():
        rep.count("abbreviation")
        first = uses[0][0]
        for exp, off in uses[1:]:
            if not prose.same_entity(first, exp):
                rep.findings.append(AuditFinding("FC409", pr.line_at(off), abbr, f"{exp}（{abbr}）",
                                                 f"{first}（{abbr}）", ["expansions of one abbreviation"]))
                break
