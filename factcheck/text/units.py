"""How close a number must be, and in which unit: the tolerance a number carries as the
article wrote it (its last digit, 约/近, 万/亿) and the factor between two units
(data/conversions.yaml).

Both matching (is the paper's value this number?) and attribution (is this number one only
that paper states?) read numbers this way; they live here, below both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Optional

from factcheck.core.model import Mention


@lru_cache(maxsize=1)
def conversions() -> dict:
    from factcheck.core.datafiles import data_file

    return data_file("conversions.yaml")


def tolerance(m: Mention) -> float:
    """Half a unit in the last digit the article wrote; wider for 约/近 (approximate): 5% of the
    value (约6% is not 7.52%), or half a tenth for 约三成 (tenths are coarse by nature).
    Worked out once per mention's form: matching asks it for every value it compares."""
    v = tuple(m.value) if isinstance(m.value, list) else m.value
    return _tolerance(m.surface, m.kind, m.decimals, v, m.qualifier)


@lru_cache(maxsize=4096)
def _tolerance(surface: str, kind: str, decimals: int, value: Any, qualifier: Optional[str]) -> float:
    """``tolerance`` of a mention by the parts it depends on (``value``: a range as a tuple)."""
    scale = _scale_of(surface)
    tol = 0.5 * 10 ** (-max(0, decimals)) * scale + 1e-9
    if kind == "multiplier" and not decimals and isinstance(value, (int, float)) and value:
        # 两倍 for 1.8 is a reader's rounding, 一倍 (double) for 1.57 is not: whole multiples are
        # read to within 15% of their size, never to half a unit
        tol = min(tol, 0.15 * abs(float(value)))
    if scale > 1 and not decimals:
        # 50万 is "half a million": a round number before 万/亿 is read to its first digits
        digits = re.match(r"\d+", re.sub(r"\s", "", surface))
        zeros = len(digits.group()) - len(digits.group().rstrip("0")) if digits else 0
        tol = 0.5 * 10 ** zeros * scale + 1e-9
        if isinstance(value, (int, float)) and value:
            # (never by more than 15% of it: 100万 is no round million for 826 436)
            tol = min(tol, 0.15 * abs(float(value)) + 1e-9)
    elif kind == "count" and not decimals and isinstance(value, (int, float)) and abs(value) >= 100:
        # 36,400 (or 36,500, to the half thousand) for 36 429: a count written with trailing
        # zeros is rounded to them, never by more than 2% (1000 is not 1100)
        zeros = written_zeros(surface)
        if zeros >= 2:
            step = (5 if re.sub(r"\D", "", surface.split(".")[0]).rstrip("0").endswith("5") else 1) * 10 ** zeros
            tol = max(tol, min(0.5 * step, 0.02 * abs(float(value))))
    if kind == "percent" and surface.endswith("成") and not decimals:
        return 5.0 if qualifier == "approx" else 3.0     # 2成 is written to the tenth: 21% (HR 0.79) is 2成
    if kind == "percent" and not decimals and isinstance(value, (int, float)) and value >= 10 \
            and not value % 10 and re.search(r"\d", surface):
        tol = max(tol, 1.0 + 1e-9)      # 增加20% for RR 1.19: a round ten is read to the nearest whole point
    if kind == "percent" and re.search(r"成[一二三四五六七八九半]$", surface):
        # 四成三 (43%) is written to the point, 三成半 (35%) to the half tenth: not the words' 5%
        return 2.5 if surface.endswith("半") else 1.0 + 1e-9
    if kind == "percent" and isinstance(value, (int, float)) and not re.search(r"\d", surface):
        tol = max(tol, 0.05 * abs(float(value)))     # 一半, 减半, 三分之一: words, not figures, for 51%
    if kind == "percent" and ("分之" in surface or "/" in surface) and isinstance(value, (int, float)):
        tol = max(tol, 0.1 * abs(float(value)))      # 增加1/3, 三分之一 for 36%: a fraction is coarse
    if kind != "percent" and "半" in surface and isinstance(value, (int, float)) and not value % 0.5 and value % 1:
        tol = max(tol, 0.25 + 1e-9)     # 七年半, 3个半月: told to the half (7.4 years is 七年半), not to the tenth
    if qualifier == "approx":
        if kind == "percent" and ("分之" in surface or "/" in surface) and isinstance(value, (int, float)):
            return max(tol, 0.1 * abs(float(value)))     # 几乎五分之一, 近1/3 for 18%, 31%: fractions are coarse too
        v = value[0] if isinstance(value, tuple) else value
        if isinstance(v, (int, float)):         # (a date's value is a string)
            # (约33.9 is written to its tenth: 约 widens it by a unit of that digit, not by 5%)
            tol = max(tol, min(0.05 * abs(v), 10 ** -decimals * scale) if decimals else 0.05 * abs(v))
    return tol


# (千 is a scale only as a round count's rank: 7千名, 三千人; never 千克, 千卡, 千米, 千分之 or 3千5百)
_SCALE_WORD = re.compile(r"[0-9０-９一二三四五六七八九十两.．]\s*(万亿|千万|百万|万|亿|千(?![克卡米瓦焦帕赫分0-9一二三四五六七八九]))")


def written_zeros(surface: str) -> int:
    """How many zeros the digits of a whole number end in as the article writes them (36,000名:
    3): the place it is rounded, or cut, to."""
    digits = re.sub(r"\D", "", surface.split(".")[0])
    return len(digits) - len(digits.rstrip("0"))


def _scale_of(surface: str) -> float:
    """The size of the unit the article's last digit counts in: 1.8万 is written to the
    thousand (±500), 51万 to the ten thousand (±5000), 7千 to the thousand, as a reader reads it."""
    if "万" not in surface and "亿" not in surface and "千" not in surface:
        if "萬" not in surface and "億" not in surface:
            return 1.0
        surface = surface.replace("萬", "万").replace("億", "亿")     # a traditional page's surface, as written
    last = None
    for last in _SCALE_WORD.finditer(surface):
        pass
    if last is None:
        return 1.0
    tail = _NUMERAL_TAIL.match(surface, last.end())
    if tail.group():
        # 2万875, 3万1712, 四萬七千三百五十五: a numeral after the last 万 or 千 is written to the
        # place of its own last digit (5万9000: to the unit, its zeros read as counts' zeros are)
        return 1e2 if tail.group().endswith("百") else 1.0
    return {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3}[last.group(1)]


_NUMERAL_TAIL = re.compile(r"\s*[0-9０-９一二三四五六七八九十两兩零〇百,]*")


# the units a length of time is counted in (a study's duration, a follow-up, an interval)
TIME_UNITS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def convert(value: float, from_unit: str, to_unit: str) -> Optional[float]:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when not convertible."""
    if from_unit == to_unit:
        return value
    f = _factor(from_unit, to_unit)
    return None if f is None else value * f


@lru_cache(maxsize=1024)
def _factor(from_unit: str, to_unit: str) -> Optional[float]:
    """The factor between two units of a dimension that holds both: a unit may stand in
    several (ug is a mass and, for vitamin D, a number of IU), so the dimension is the one
    they share, not the first that names one of them."""
    for table in conversions().get("dimensions", {}).values():
        if from_unit in table and to_unit in table:
            return float(table[from_unit]) / float(table[to_unit])
    pair = conversions().get("pairs", {}).get(f"{from_unit}->{to_unit}")
    if pair is None and from_unit.endswith("/day") != to_unit.endswith("/day"):
        # a daily dose and a dose: 每天补充2000IU for "2,000 IU per day", 150 μg for "150 mg/d"
        return _factor(from_unit.removesuffix("/day"), to_unit.removesuffix("/day"))
    return pair
