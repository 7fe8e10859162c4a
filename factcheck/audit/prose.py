"""Reported statistics in running text, Chinese and English, on the flattened prose.

Read: ratio with CI (``OR=1.385，95% CI：1.035～2.508，P＜0.05``), APA-style tests
(``t(28) = 2.20, p = .04``, ``t=2.20，P=0.04`` with any df, ``F(2, 45) = 3.1, p < .05``, ``χ2(1, N = 90) = 4.21, p = .04``,
``r(86) = .35, p < .001``, ``z = 2.1, p = .03``), χ² without df (``χ2=4.21，P=0.04``),
``k/n (p%)``, the total sample size, and abbreviations with their expansions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

NUM = r"(?P<val>-?\s?\d*\.?\d+)"
CMP = r"(<=|>=|≤|≥|<|>|=)"
STAT_CMP = r"\s*(?P<sc><=|>=|≤|≥|<|>|=)\s*"
P_TAIL = (r"\s*[,;]?\s*(?:(?:and\s+)?[Pp]\s*(?:值|-value)?\s*(?P<pc><=|>=|≤|≥|<|>|=)\s*(?P<p>\d*\.?\d+)"
          r"|(?P<ns>n\.?s\.?)(?![A-Za-z]))")
DF1 = r"(?P<df1>\d+(?:\.\d+)?)"
DF2 = r"(?P<df2>\d+(?:\.\d+)?)"

PATTERNS = {
    "t": re.compile(r"(?<![A-Za-z])t\s*(?:\(\s*" + DF1 + r"\s*\))?\s*(?:值)?" + STAT_CMP + NUM + P_TAIL),
    "F": re.compile(r"(?<![A-Za-z])F\s*\(\s*" + DF1 + r"\s*,\s*" + DF2 + r"\s*\)" + STAT_CMP + NUM + P_TAIL),
    "r": re.compile(r"(?<![A-Za-z])r\s*\(\s*" + DF1 + r"\s*\)" + STAT_CMP + NUM + P_TAIL),
    "chi2": re.compile(r"(?:χ|chi|Chi|x|X)\s*\^?\s*2\s*(?:\(\s*" + DF1 + r"\s*(?:,\s*[Nn]\s*=\s*\d+\s*)?\))?"
                       r"\s*(?:值)?" + STAT_CMP + NUM + P_TAIL),
    "z": re.compile(r"(?<![A-Za-z])[zZ]" + STAT_CMP + NUM + P_TAIL),
    "Q": re.compile(r"(?<![A-Za-z])Q\s*\(\s*" + DF1 + r"\s*\)" + STAT_CMP + NUM + P_TAIL),
}
RATIO = re.compile(r"(?<![A-Za-z])(a?OR|RR|a?HR|IRR|PR|SHR)\s*(?:值)?\s*[=:]?\s*(\d*\.?\d+)\s*[,;(]?\s*"
                   r"(?:95\s*%\s*(?:CI|置信区间|可信区间)|CI)\s*[:=,]?\s*[\[(]?\s*(\d*\.?\d+)\s*"
                   r"(?:~|-|to|,|至)\s*(\d*\.?\d+)\s*[\])]?")
RATIO_P = re.compile(r"\s*[,;]?\s*[Pp]\s*" + CMP + r"\s*(\d*\.?\d+)")
FRACTION = re.compile(r"(?<![\d.])(\d+)\s*/\s*(\d+)\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)")
TOTAL_ZH = re.compile(r"(?:纳入|入组|分析|招募|收集|共有|共)[^。;]{0,120}?(?<![\d.])(\d+)\s*(?:例|名)(?!\s*[次个])")
TOTAL_EN = re.compile(r"\b(?:of|on|included|enrolled|recruited|total of)\s+(\d+)\s+"
                      r"(?:patients|participants|subjects|women|men|cases|children|adults)\b", re.I)
SUBGROUP = re.compile(r"(?<![\d.])(\d+)\s*例\s*(非\s*)?([A-Za-z\u4e00-\u9fff][A-Za-z0-9\-\u4e00-\u9fff]{0,7}?)\s*患者")
# '176例 IR患者中，64例接受…': a subset of a named total, as the table's two groups should split it
SPLIT = re.compile(r"(?<![\d.])(\d+)\s*例[^,。;]{0,15}?中\s*,\s*(\d+)\s*例")
ABBR = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff0-9\-]*)\s*\(\s*([A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9])\s*\)")
# the paper says a test was one-sided (not 单侧卵巢, a unilateral ovary)
ONE_SIDED = re.compile(r"one[- ]sided|one[- ]tailed|directional|单侧检验|单尾检验|单侧[Pp]|单侧\s*α|单侧显著")
ABSTRACT_END = re.compile(r"关键词|关键字|Key\s?words", re.I)


@dataclass
class Stat:
    kind: str
    value: str
    df1: Optional[float]
    df2: Optional[float]
    cmp: str
    p: str
    start: int
    surface: str
    stat_cmp: str = "="


@dataclass
class Ratio:
    name: str
    ratio: str
    lo: str
    hi: str
    cmp: Optional[str]
    p: Optional[str]
    start: int
    surface: str


def _num(s: str) -> str:
    return s.replace(" ", "")


def find_stats(flat: str) -> Iterator[Stat]:
    """APA and Chinese test statistics followed by their P ('ns' is read as P > 0.05)."""
    seen: set[int] = set()
    for kind, rx in PATTERNS.items():
        for m in rx.finditer(flat):
            if m.start() in seen:
                continue
            seen.add(m.start())
            d = m.groupdict()
            cmp, p = (">", "0.05") if d.get("ns") else (d["pc"], d["p"])
            df1 = float(d["df1"]) if d.get("df1") else None
            df2 = float(d["df2"]) if d.get("df2") else None
            # Cochran's Q (heterogeneity) is a χ² with k - 1 df
            yield Stat("chi2" if kind == "Q" else kind, _num(d["val"]), df1, df2, cmp, p, m.start(),
                       m.group(0), d["sc"])


def find_ratios(flat: str) -> Iterator[Ratio]:
    for m in RATIO.finditer(flat):
        pm = RATIO_P.match(flat, m.end())
        yield Ratio(m.group(1), m.group(2), m.group(3), m.group(4), pm.group(1) if pm else None,
                    pm.group(2) if pm else None, m.start(), flat[m.start():(pm.end() if pm else m.end())])


def find_fractions(flat: str) -> Iterator[tuple[int, int, str, int, str]]:
    for m in FRACTION.finditer(flat):
        yield int(m.group(1)), int(m.group(2)), m.group(3), m.start(), m.group(0)


def abstract_end(flat: str) -> int:
    m = ABSTRACT_END.search(flat)
    return m.start() if m else 0


def find_totals(flat: str) -> list[tuple[int, int, str]]:
    """(N, offset, surface) for every 'N patients were included/analysed' claim."""
    out = []
    for rx in (TOTAL_ZH, TOTAL_EN):
        for m in rx.finditer(flat):
            out.append((int(m.group(1)), m.start(1), m.group(0)[-40:]))
    return sorted(out, key=lambda x: x[1])


def find_subgroups(flat: str) -> dict[str, list[tuple[int, bool, int]]]:
    """'176例 IR患者' and '159例非 IR患者': name → [(n, negated, offset)]."""
    out: dict[str, list[tuple[int, bool, int]]] = {}
    for m in SUBGROUP.finditer(flat):
        out.setdefault(m.group(3).strip(), []).append((int(m.group(1)), bool(m.group(2)), m.start()))
    return out


def find_splits(flat: str) -> list[tuple[int, int, int]]:
    """(N, M, offset) for 'N例…中，M例…'."""
    return [(int(m.group(1)), int(m.group(2)), m.start()) for m in SPLIT.finditer(flat)]


def find_abbreviations(flat: str) -> dict[str, list[tuple[str, int]]]:
    """ABBR → [(Chinese expansion, offset)] for '胰岛素抵抗（IR）'."""
    out: dict[str, list[tuple[str, int]]] = {}
    for m in ABBR.finditer(flat):
        out.setdefault(m.group(2), []).append((m.group(1), m.start()))
    return out


def same_entity(a: str, b: str) -> bool:
    """Two expansions of one abbreviation name the same thing: one ends the other (words
    before it were caught too), or they share most characters (类胰岛素生长因子 / 胰岛素样生长因子)."""
    a, b = a.strip("-"), b.strip("-")
    if a.endswith(b) or b.endswith(a):
        return True
    sa, sb = set(a[-10:]), set(b[-10:])
    return len(sa & sb) / max(1, len(sa | sb)) >= 0.5
