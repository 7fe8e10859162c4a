"""Property tests of factcheck.text.numbers.extract (hypothesis)."""

from __future__ import annotations

import os

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.text.numbers import extract

# NUMBERS_MAX_EXAMPLES=5000 for a longer fuzzing run
SETTINGS = settings(max_examples=int(os.environ.get("NUMBERS_MAX_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")

# unit as written -> (normalised code, kind)
UNITS = {
    "%": ("%", "percent"), "倍": ("x", "multiplier"), "例": ("person", "count"), "周": ("week", "duration"),
    "个月": ("month", "duration"), " mg/kg": ("mg/kg", "dose"), "IU": ("IU", "dose"), "岁": ("age", "measurement"),
    " mmol/L": ("mmol/L", "measurement"),
}
CN_UNITS = ["%", "倍", "周", "个月", "岁"]     # 一例 / 一位 are articles, not counts


def render_int(n: int, form: str) -> str:
    if form == "arabic":
        return str(n)
    if form == "fullwidth":
        return str(n).translate(FULLWIDTH)
    if form == "thousands":
        return f"{n:,}"
    if form == "thousands_cn":
        return f"{n:,}".replace(",", "，")
    if form == "fullwidth_thousands":
        return f"{n:,}".translate(FULLWIDTH)
    if form == "chinese":
        return cn2an.an2cn(str(n))
    raise AssertionError(form)


def only_mention(text):
    ms = [m for m in extract(text) if m.kind != "other"]
    assert len(ms) == 1, (text, [(m.surface, m.kind, m.value) for m in ms])
    return ms[0]


@SETTINGS
@given(n=st.integers(min_value=0, max_value=10 ** 12),
       form=st.sampled_from(["arabic", "fullwidth", "thousands", "thousands_cn", "fullwidth_thousands", "chinese"]),
       unit=st.sampled_from(sorted(UNITS)))
def test_integer_round_trip(n, form, unit):
    if form == "chinese" and unit not in CN_UNITS:
        unit = "倍"
    if form.startswith("thousands") or form == "fullwidth_thousands":
        n = max(n, 1000)
    s = render_int(n, form) + unit
    m = only_mention(f"结果显示为{s}，差异显著。")
    assert m.value == n
    assert (m.unit, m.kind) == UNITS[unit]
    assert m.surface == s


@SETTINGS
@given(ip=st.integers(min_value=0, max_value=10 ** 6), dp=st.integers(min_value=0, max_value=999),
       ndec=st.integers(min_value=1, max_value=3), chinese=st.booleans(),
       unit=st.sampled_from(["%", "倍", "周", " mg/kg"]))
def test_decimal_round_trip(ip, dp, ndec, chinese, unit):
    digits = str(dp).zfill(3)[:ndec]
    written = f"{ip}.{digits}"
    if chinese:
        unit = unit if unit in CN_UNITS else "倍"
        s = cn2an.an2cn(written) + unit
    else:
        s = written + unit
    m = only_mention(f"观察到{s}的变化。")
    assert m.value == pytest.approx(float(written))
    if not chinese:
        assert m.decimals == ndec
    assert m.surface == s


@SETTINGS
@given(n=st.integers(min_value=1, max_value=9999), scale=st.sampled_from(["万", "亿"]),
       dec=st.integers(min_value=0, max_value=9))
def test_wan_yi(n, scale, dec):
    written = f"{n}.{dec}" if dec else str(n)
    m = only_mention(f"覆盖{written}{scale}人。")
    factor = 10 ** 4 if scale == "万" else 10 ** 8
    assert m.value == pytest.approx(float(written) * factor)
    assert m.unit == "person"


@SETTINGS
@given(lo=st.integers(min_value=0, max_value=5000), width=st.integers(min_value=1, max_value=5000),
       sep=st.sampled_from(["-", "–", "~", "～", "至", "到"]),
       unit=st.sampled_from(["周", "IU", "%", "岁", "分钟"]), both=st.booleans())
def test_range_round_trip(lo, width, sep, unit, both):
    hi = lo + width
    s = f"{lo}{unit if both else ''}{sep}{hi}{unit}"
    m = only_mention(f"剂量为{s}。")
    assert m.kind == "range"
    assert m.value == [lo, hi]
    assert m.surface == s


def _check_invariants(text, ms):
    prev = -1
    for i, m in enumerate(ms, 1):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
        assert m.id == f"m{i}"
        assert m.start >= prev
        assert m.line == text.count("\n", 0, m.start) + 1
        prev = m.start


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text_offsets(text):
    _check_invariants(text, extract(text))


ALPHABET = list("0123456789０１２３.,，、-–~～至到%‰倍例周岁个月年日次/d×^±()（）[]<>≤≥=Pp: \n一二两三十百千万亿点分之成约近超过以上左右"
                "ABCDEFHIORTabcghmnsvxμ") + ["mg/kg", "IU", "vs.", "95% CI", "HOMA-IR", "IL-", "年", "月", "日", "降至",
                                            "百分之", "每周", "2型", "[1]", "doi:10.1/x", "SPSS 23.0"]


@SETTINGS
@given(parts=st.lists(st.sampled_from(ALPHABET), max_size=80),
       cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_number_soup_offsets(parts, cut):
    text = "".join(parts)
    ms = extract(text)
    _check_invariants(text, ms)
    a, b = sorted(cut)
    for m in extract(text, [(a, b)]):
        assert a <= m.start < m.end <= max(a, min(b, len(text)))
        assert text[m.start:m.end] == m.surface
