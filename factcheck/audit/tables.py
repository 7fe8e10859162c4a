"""Tables as copied out of papers: one cell per line (column after column, as PDF text layers
give them) or tab/space-separated rows. Both become one ``Table``: row labels, group columns
with their sizes (n=…), and the test-statistic and P columns aligned to the rows they test.

Alignment is only trusted when the counts agree (every group column has one value per data
row, the statistic column one value per test); otherwise the table still yields its count (%)
cells for GRIM, and nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

START = re.compile(r"^(指标|项目|变量|因素|特征|临床特征|Variables?|Characteristics?|Items?|Parameters?)$", re.I)
N_IN = re.compile(r"[(（]\s*[nN]\s*=\s*(\d+)\s*[)）]")
STAT_HEAD = re.compile(r"^(t|z|Z|F|χ2|x2|χ2值|t值|Z值|统计量|统计值|检验值|[tZzχ2x/]{1,8}(值)?)$")
P_HEAD = re.compile(r"^(P|p|P值|p值|P-value|p-value)$")
MEAN = re.compile(r"^(-?\d+(?:\.\d+)?)\s*±\s*(\d+(?:\.\d+)?)$")
COUNT = re.compile(r"^(\d+)\s*\(\s*(\d+(?:\.\d+)?)\s*%?\s*\)$")
MEDIAN = re.compile(r"^-?\d+(?:\.\d+)?\s*\(\s*-?\d+(?:\.\d+)?\s*[~,-]\s*-?\d+(?:\.\d+)?\s*\)$")
NUMBER = re.compile(r"^(<=|>=|≤|≥|<|>)?\s*(-?\d*\.?\d+)$")
TITLE = re.compile(r"^(表|Table)\s*(\d+)", re.I)


def cell_kind(s: str) -> Optional[str]:
    """mean | count | median | number, or None for text."""
    s = s.strip()
    for kind, rx in (("mean", MEAN), ("count", COUNT), ("median", MEDIAN), ("number", NUMBER)):
        if rx.match(s):
            return kind
    return None


@dataclass
class Row:
    label: str
    indent: int
    cells: list[str] = field(default_factory=list)   # one per group; empty for a heading row
    line: int = 0


@dataclass
class Unit:
    """One test: the rows it compares, its statistic and P as printed."""

    rows: list[int]
    stat: str
    p: str


@dataclass
class Table:
    title: str
    line: int
    groups: list[tuple[str, Optional[int]]]
    rows: list[Row]
    units: list[Unit] = field(default_factory=list)
    stat_head: str = ""
    end: int = 0                                          # 0-based line after the table
    cell_lines: dict = field(default_factory=dict)        # (row, group) → 1-based line
    heads: set = field(default_factory=set)               # heading rows (their children indented)
    note: str = ""                                        # why part of the table was not audited

    def data_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.cells]


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t\u3000"))


def _group_header(lines: list[str], i: int) -> Optional[tuple[str, Optional[int], int]]:
    """A group column's heading at line i: 'X组（n=138）' or 'X组' over '（n=138）'."""
    s = lines[i].strip()
    m = N_IN.search(s)
    if m and len(s) <= 40:
        name = N_IN.sub("", s).strip() or (lines[i - 1].strip() if i else "")
        return name, int(m.group(1)), i + 1
    j = _next_nonblank(lines, i + 1)
    if j is not None and N_IN.fullmatch(lines[j].strip()) and len(s) <= 30:
        return s, int(N_IN.search(lines[j]).group(1)), j + 1
    return None


def _next_nonblank(lines: list[str], i: int) -> Optional[int]:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i if i < len(lines) else None


def _read_values(lines: list[str], i: int) -> tuple[list[tuple[str, int]], int]:
    vals = []
    while i < len(lines):
        s = lines[i].strip()
        if s:
            if cell_kind(s) is None:
                break
            vals.append((s, i + 1))
        i += 1
    return vals, i


def read_cell_table(lines: list[str], start: int) -> Optional[Table]:
    """The one-cell-per-line layout beginning at the heading line ``start`` ('指标')."""
    i, labels = start + 1, []
    while i < len(lines) and len(labels) < 120:
        if lines[i].strip():
            if _group_header(lines, i):
                break
            if cell_kind(lines[i]) is not None:
                return None
            labels.append((lines[i].strip(), _indent(lines[i]), i + 1))
        i += 1
    columns, stat, pcol, stat_head = [], [], [], ""
    while i < len(lines):
        j = _next_nonblank(lines, i)
        if j is None:
            break
        head = lines[j].strip()
        gh = _group_header(lines, j)
        if gh and not stat:
            vals, i = _read_values(lines, gh[2])
            columns.append((gh[0], gh[1], vals))
        elif STAT_HEAD.match(head) and columns and not stat:
            stat_head = head
            stat, i = _read_values(lines, j + 1)
        elif P_HEAD.match(head) and columns and not pcol:
            pcol, i = _read_values(lines, j + 1)
        else:
            i = j
            break
    if not columns or not labels:
        return None
    return _assemble(lines, start, i, labels, columns, stat, pcol, stat_head)


def _assemble(lines, start, end, labels, columns, stat, pcol, stat_head) -> Table:
    rows = [Row(text, ind, line=ln) for text, ind, ln in labels]
    heads = {k for k in range(len(rows) - 1) if rows[k + 1].indent > rows[k].indent}
    data = [k for k in range(len(rows)) if k not in heads]
    table = Table(_title(lines, start, end), start + 1, [(c[0], c[1]) for c in columns], rows,
                  stat_head=stat_head, end=end, heads=heads)
    if all(len(c[2]) == len(data) for c in columns):
        for k, r in enumerate(data):
            rows[r].cells = [c[2][k][0] for c in columns]
            for g, c in enumerate(columns):
                table.cell_lines[(r, g)] = c[2][k][1]
    else:   # rows unknown: keep the cells for GRIM, one pseudo-row per position
        table.note = (f"{len(data)} row labels but {'/'.join(str(len(c[2])) for c in columns)} values per "
                      "column: rows not aligned, only count (%) cells audited")
        table.rows, table.heads = [], set()
        for k in range(max(len(c[2]) for c in columns)):
            cells = [c[2][k][0] if k < len(c[2]) else "" for c in columns]
            table.rows.append(Row("?", 0, cells, line=next(c[2][k][1] for c in columns if k < len(c[2]))))
            for g, c in enumerate(columns):
                if k < len(c[2]):
                    table.cell_lines[(k, g)] = c[2][k][1]
        return table
    if stat and len(stat) == len(pcol):
        table.units = align_units(table, heads, [s for s, _ in stat], [p for p, _ in pcol])
    if stat and not table.units:
        table.note = (f"{len(stat)} statistics and {len(pcol)} P values for {len(data)} rows: "
                      "tests not aligned to rows, not audited")
    return table


def align_units(table: Table, heads: set[int], stats: list[str], ps: list[str]) -> list[Unit]:
    """Tests to rows. Count rows under one heading that add up to their groups (卵裂期/囊胚期)
    are one r×c test; other rows one test each. Used only when the number of tests agrees."""
    grouped, single = [], []
    rows = table.rows
    k = 0
    while k < len(rows):
        if k in heads:
            kids = []
            j = k + 1
            while j < len(rows) and rows[j].indent > rows[k].indent:
                kids.append(j)
                j += 1
            if kids and _complementary(table, kids):
                grouped.append(kids)
            else:
                grouped.extend([x] for x in kids)
            single.extend([x] for x in kids)
            k = j
            continue
        grouped.append([k])
        single.append([k])
        k += 1
    for plan in (grouped, single):
        if len(plan) == len(stats):
            return [Unit(rs, s, p) for rs, s, p in zip(plan, stats, ps)]
    return []


def _complementary(table: Table, kids: list[int]) -> bool:
    """Count rows whose counts add up to every group's n (two categories of one variable)."""
    if len(kids) < 2 or not all(table.rows[k].cells and COUNT.match(table.rows[k].cells[0]) for k in kids):
        return False
    for g, (_, n) in enumerate(table.groups):
        if n is None:
            return False
        total = sum(int(COUNT.match(table.rows[k].cells[g]).group(1)) for k in kids
                    if COUNT.match(table.rows[k].cells[g]))
        pct = sum(float(COUNT.match(table.rows[k].cells[g]).group(2)) for k in kids
                  if COUNT.match(table.rows[k].cells[g]))
        if total != n and abs(pct - 100) > 0.5:
            return False
    return True


def _title(lines: list[str], start: int, end: int) -> str:
    """The '表N …' line right after the table, else right before it."""
    for rng in (range(end, min(end + 4, len(lines))), range(start - 1, max(start - 8, -1), -1)):
        for j in rng:
            s = lines[j].strip()
            if TITLE.match(s):
                return s
    return ""


ROW_SPLIT = re.compile(r"\t+|\s{2,}")


def read_row_tables(lines: list[str], taken: set[int]) -> list[Table]:
    """Tab- or space-separated rows: a heading row with (n=…) cells, then one row per line."""
    tables, i = [], 0
    while i < len(lines):
        cells = [c for c in ROW_SPLIT.split(lines[i].strip()) if c]
        if i in taken or len(cells) < 3 or sum(bool(N_IN.search(c)) for c in cells) < 1:
            i += 1
            continue
        t = _row_table(lines, i, cells)
        if t is None:
            i += 1
            continue
        tables.append(t)
        i = t.end
    return tables


def _row_table(lines: list[str], h: int, head: list[str]) -> Optional[Table]:
    gcols = [k for k, c in enumerate(head) if N_IN.search(c)]
    scol = next((k for k, c in enumerate(head) if STAT_HEAD.match(c.strip())), None)
    pcol = next((k for k, c in enumerate(head) if P_HEAD.match(c.strip())), None)
    offset = 1 if gcols[0] > 0 else 0   # the label column may have no heading
    width = max(k for k in (*gcols, scol, pcol) if k is not None) - offset + 1   # cells after the label
    rows, items, i = [], [], h + 1
    while i < len(lines) and lines[i].strip():
        raw = lines[i]
        cells = [c for c in ROW_SPLIT.split(raw.strip()) if c]
        label = cells[0] if cell_kind(cells[0]) is None else ""
        vals = cells[1:] if label else cells
        row = Row(label, _indent(raw), line=i + 1)
        got = [vals[k - offset] for k in gcols if 0 <= k - offset < len(vals)]
        stat_only = (scol is not None and pcol is not None and len(vals) == 2 < width
                     and all(cell_kind(v) == "number" for v in vals) and _looks_like_p(vals[1]))
        if label and not stat_only and len(got) == len(gcols) and all(cell_kind(c) for c in got):
            row.cells = got
        stat = None
        if row.cells and scol is not None and pcol is not None and len(vals) > pcol - offset:
            stat = (vals[scol - offset], vals[pcol - offset])
        items.append((row, vals, stat))
        rows.append(row)
        i += 1
    if not rows:
        return None
    groups = [(N_IN.sub("", head[k]).strip(), int(N_IN.search(head[k]).group(1))) for k in gcols]
    t = Table(_title(lines, h, i), h + 1, groups, rows, units=_row_units(items),
              stat_head=head[scol] if scol is not None else "", end=i)
    for r, row in enumerate(rows):
        for g in range(len(row.cells)):
            t.cell_lines[(r, g)] = row.line
    return t


def _looks_like_p(s: str) -> bool:
    m = NUMBER.match(s.strip())
    return bool(m) and (bool(m.group(1)) or 0 <= float(m.group(2)) <= 1)


def _row_units(items: list[tuple[Row, list[str], Optional[tuple[str, str]]]]) -> list[Unit]:
    """Tests of a row layout: a row's own statistic, or a heading row's (移植周期类型 … 0.17 0.279)
    over the category rows below it (新鲜周期, 冻融周期), which have none of their own."""
    units: list[Unit] = []
    heading: Optional[Unit] = None
    for idx, (row, vals, stat) in enumerate(items):
        if row.cells and stat:
            units.append(Unit([idx], *stat))
            heading = None
        elif row.cells and heading is not None:
            heading.rows.append(idx)
        elif not row.cells and row.label and len(vals) == 2 and all(NUMBER.match(v) for v in vals):
            heading = Unit([], vals[0], vals[1])
            units.append(heading)
        else:
            heading = None
    return [u for u in units if u.rows]


def find_tables(lines: list[str]) -> list[Table]:
    """Every table in the text, in order, both layouts."""
    tables = []
    for i, raw in enumerate(lines):
        if START.match(raw.strip()):
            t = read_cell_table(lines, i)
            if t is not None:
                tables.append(t)
    taken = {j for t in tables for j in range(t.line - 1, t.end)}
    tables.extend(read_row_tables(lines, taken))
    return tables
