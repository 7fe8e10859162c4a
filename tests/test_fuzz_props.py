"""Property-based fuzzing of the number extractor and of the whole check (hypothesis).

Properties: never an exception; every mention / claim / overstatement offset lies inside the
text and ``text[start:end]`` is its surface (or sentence); the JSON report is valid against the
contract. Inputs: random Unicode, adversarial number forms (separators . , ， 、 ~ ～ - – — %,
倍 万 亿, Chinese numerals, full-width digits, 10**400, deep bracket nesting) mixed with real
seed sentences. FUZZ_MAX_EXAMPLES raises the example counts for a longer local run; the
standalone driver is tests/fuzz/run.py (``make fuzz``).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.text.numbers import extract
from fuzz.growth import PATHOLOGICAL, calls, ratio

ROOT = Path(__file__).resolve().parent.parent
SCALE = float(os.environ.get("FUZZ_MAX_EXAMPLES", "1"))
FAST = settings(max_examples=int(200 * SCALE), deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=int(60 * SCALE), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def seed_lines() -> tuple[str, ...]:
    out = []
    for p in sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus" / "papers").glob("*.txt")):
        out += [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return tuple(out)


@lru_cache(maxsize=1)
def reference_blocks() -> tuple[str, ...]:
    blocks = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        t = p.read_text(encoding="utf-8")
        for h in ("参考文献\n", "参考资料:\n"):
            if h in t:
                blocks.append(t[t.rindex(h):])
    return tuple(blocks)


@lru_cache(maxsize=1)
def store():
    from factcheck.papers.summaries import Store

    return Store.load(ROOT / "references")


@lru_cache(maxsize=1)
def validator():
    schema = json.loads((ROOT / "tests" / "data" / "report.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# ---------------------------------------------------------------- strategies

FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
SEPS = [".", ",", "，", "、", "~", "～", "-", "–", "—", "至", "到", "/", ":", "×", "±", " ", "", "．", "·"]
UNITS = ["", "%", "％", "‰", "倍", "万", "亿", "万例", "亿元", "例", "名", "位", "人", "mg", "mg/kg", "IU", "μg/L",
         "mmol/L", "周", "个月", "年", "天", "岁", "次", "kg/m²", "×10⁹/L", "g/cm2", "cm", "MET", "分", "小时"]
PREFIX = ["", "约", "超过", "高达", "不到", "至少", ">", "≥", "<", "≤", "＞", "P=", "p<", "P＜", "OR=", "HR ",
          "95%CI", "±", "第", "前", "近", "降低了", "提高了", "是", "下降", "从", "-", "+", "−"]
BRACKETS = [("（", "）"), ("(", ")"), ("[", "]"), ("［", "］"), ("【", "】"), ("《", "》"), ("“", "”"), ("{", "}")]
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点半几"


@st.composite
def number(draw):
    kind = draw(st.integers(0, 7))
    if kind == 0:
        s = str(draw(st.integers(0, 10 ** 12)))
    elif kind == 1:
        s = f"{draw(st.floats(0, 1e6, allow_nan=False)):.{draw(st.integers(0, 4))}f}"
    elif kind == 2:
        s = draw(st.sampled_from(["10" + "0" * 400, str(10 ** 400), "9" * 500, "0." + "0" * 300 + "1",
                                  "1e400", "1E-400", "1.2.3.4.5", "1,2,3,4", "00000", "٣٤", "໓", "²³", "⑫"]))
    elif kind == 3:
        s = "".join(draw(st.lists(st.sampled_from(CN_DIGITS), min_size=1, max_size=12)))
    elif kind == 4:
        import cn2an

        s = cn2an.an2cn(str(draw(st.integers(0, 10 ** 15))))
    elif kind == 5:
        s = f"{draw(st.integers(0, 10 ** 9)):,}".replace(",", draw(st.sampled_from([",", "，", " ", "'"])))
    elif kind == 6:
        a, b = draw(st.integers(0, 999)), draw(st.integers(0, 999))
        s = f"{a}{draw(st.sampled_from(SEPS))}{b}"
    else:
        s = draw(st.sampled_from(["1+1>2", "2.63倍", "4100-7500IU", "13.5%", "(FPG×FINS)/22.5", "P＜0.05",
                                  "OR=1.385，95% CI：1.035～2.508", "24.11%  vs. 13.77%", "Th1/Th2",
                                  "200 mg/kg至800 mg/kg", "28.2% vs. 2.8%", "3-7", "[1]", "[1-3]", "¹²",
                                  "2025年5月19日", "2022.05.03", "10.1186/s13287-022-02848-6"]))
    if draw(st.booleans()):
        s = s.translate(FULL)
    return draw(st.sampled_from(PREFIX)) + s + draw(st.sampled_from(UNITS))


@st.composite
def nested(draw, inner):
    depth = draw(st.integers(1, 40))
    pairs = [draw(st.sampled_from(BRACKETS)) for _ in range(depth)]
    body = draw(inner)
    close = "".join(c for _o, c in reversed(pairs))
    if draw(st.booleans()):
        close = close[:draw(st.integers(0, len(close)))]      # unbalanced
    return "".join(o for o, _c in pairs) + body + close


def piece():
    base = st.one_of(number(), st.sampled_from(seed_lines()), st.text(max_size=30),
                     st.sampled_from(["。", "，", "\n", "、", "；", " ", "\t", "——", "…", "\u3000", "\ufeff",
                                      "\x00", "\ud7ff", "\U0001f600", "\u202e", "\r\n", "．", "vs.", "et al."]))
    return st.one_of(base, nested(base))


texts = st.lists(piece(), max_size=25).map("".join)


def assert_mentions_ok(text: str, mentions) -> None:
    n = len(text)
    prev = -1
    ids = set()
    for m in mentions:
        assert 0 <= m.start < m.end <= n, (m.start, m.end, n)
        assert text[m.start:m.end] == m.surface, (text[m.start:m.end], m.surface)
        assert m.start >= prev
        prev = m.start
        assert m.id not in ids
        ids.add(m.id)
        v = m.value
        if isinstance(v, list):
            assert len(v) == 2 and all(isinstance(x, (int, float)) for x in v), v
        else:
            assert isinstance(v, (int, float, str)), v
        json.dumps(m.value, allow_nan=False)


# ---------------------------------------------------------------- extract()

@FAST
@given(text=st.text(max_size=300))
@example(text="")
@example(text="\x00" * 10)
@example(text="１２３４５６７８９０" * 20)
def test_extract_random_unicode(text):
    assert_mentions_ok(text, extract(text))


@FAST
@given(text=texts)
@example(text="（（（[[[" * 30 + "2.63倍" + "]]]）））" * 30)
@example(text=str(10 ** 400) + "%")
@example(text="1" + "．1" * 300 + "倍")
@example(text="一" * 300 + "万亿")
@example(text="5%-15%～20%—30%，40%、50%")
def test_extract_adversarial_numbers(text):
    assert_mentions_ok(text, extract(text))


@FAST
@given(text=texts, data=st.data())
def test_extract_with_spans_and_norm(text, data):
    from factcheck.text.textnorm import normalize

    n = len(text)
    cuts = sorted(data.draw(st.lists(st.integers(-5, n + 5), max_size=6)))
    spans = list(zip(cuts[0::2], cuts[1::2]))
    ms = extract(text, spans, norm=normalize(text))
    assert_mentions_ok(text, ms)
    inside: list[list[int]] = []
    for a, b in sorted((max(0, a), min(n, b)) for a, b in spans):
        if b <= a:
            continue
        if inside and a <= inside[-1][1]:          # touching spans are one region
            inside[-1][1] = max(inside[-1][1], b)
        else:
            inside.append([a, b])
    for m in ms:
        assert any(a <= m.start and m.end <= b for a, b in inside), (m.start, m.end, inside)


# ---------------------------------------------------------------- the whole check

def run_check(text: str, source: str = "fuzz.txt"):
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check

    art = article_from_text(text, source)
    rep = check(art, store())
    t = art.text
    assert_mentions_ok(t, rep.mentions)
    mids = {m.id for m in rep.mentions}
    for c in rep.claims:
        assert 0 <= c.start <= c.end <= len(t) and t[c.start:c.end] == c.sentence
        assert set(c.mention_ids) <= mids
        assert c.reference is None or isinstance(c.reference, int)
    for o in rep.overstatements:
        assert 0 <= o.start < o.end <= len(t) and t[o.start:o.end] == o.surface, (o.surface, t[o.start:o.end])
    doc = json.loads(json.dumps(rep.to_dict(), ensure_ascii=False, allow_nan=False))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(doc)]
    assert errors == []
    return rep


@SLOW
@given(lines=st.lists(piece(), min_size=1, max_size=12), refs=st.integers(-1, 3), marks=st.booleans())
@example(lines=["研究[1]证实，干细胞能逆转糖尿病，HbA1c下降1.31%。"], refs=2, marks=True)
@example(lines=["（（（[[[" * 50 + "研究[2]发现所有患者都治愈了，提高了2倍。" + "]]]）））" * 50], refs=0, marks=True)
def test_check_never_fails_and_keeps_offsets(lines, refs, marks):
    body = "\n".join(lines)
    if marks:
        body = body.replace("。", "[1]。", 2).replace("，", "[2,3]，", 1)
    blocks = reference_blocks()
    text = body + ("\n" + blocks[refs % len(blocks)] if refs >= 0 else "")
    run_check(text)


@SLOW
@given(idx=st.integers(0, 10 ** 6), cut=st.integers(0, 400), noise=texts)
def test_check_on_mutated_seeds(idx, cut, noise):
    """A seed article with a slice replaced by adversarial text."""
    seeds = sorted((ROOT / "corpus").glob("*.txt"))
    t = seeds[idx % len(seeds)].read_text(encoding="utf-8")
    pos = idx % max(1, len(t))
    run_check(t[:pos] + noise + t[pos + cut:])


# ---------------------------------------------------------------- linear work
# Counted, not timed: function calls under cProfile are the same on every machine. Wall-time growth
# (which also sees a regex that backtracks) is measured by `make fuzz`, which prints the ratios.

@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_extract_work_grows_linearly(name):
    unit = PATHOLOGICAL[name]
    r = ratio(calls, lambda k: extract(unit * k), 2)        # 4x the input
    assert r < 4.5, (name, r)


@lru_cache(maxsize=1)
def _seed_parts() -> tuple[str, str]:
    seed = next((ROOT / "corpus").glob("002_*.txt")).read_text(encoding="utf-8")
    i = seed.index("参考资料")
    return seed[:i], seed[i:]


@pytest.mark.parametrize("name", ["separators", "brackets", "ranges", "fullwidth"])
def test_check_work_grows_linearly(name):
    """More sentences of pathological numbers: 4x the article, < 4.5x the calls."""
    body, refs = _seed_parts()
    unit = "研究[1]显示，HbA1c" + PATHOLOGICAL[name][:120] + "。\n" + body.splitlines()[28] + "\n"
    r = ratio(calls, lambda k: run_check(unit * k + refs), 2)
    assert r < 4.5, (name, r)


def test_check_work_grows_linearly_in_one_long_sentence():
    """One sentence that grows: every per-number step must look at a bounded window of it."""
    _body, refs = _seed_parts()
    r = ratio(calls, lambda k: run_check("研究[1]显示，HbA1c" + PATHOLOGICAL["ranges"][:480] * k + "。\n" + refs), 2)
    assert r < 4.5, r


# ---------------------------------------------------------------- regressions found by the fuzzer

# found by tests/fuzz/run.py: a multi-dot section number reached float() ('2.1.1')
@pytest.mark.parametrize("text", ["2.1.1. 研究对象", "2.1.1 研究对象", "3.2.1.统计方法", "0.41.50）", "0.0.0.0.",
                                  "前言\n2.2.2.逆转2.2.1%，"])
def test_extract_multi_dot_section_numbers(text):
    assert_mentions_ok(text, extract(text))


def test_check_replaces_lone_surrogates():
    """Text from JSON can hold lone surrogates; spaCy hashes strings as UTF-8 and raised
    UnicodeEncodeError. article_from_text replaces them (same length) and notes FC303."""
    rep = run_check("研究[1]显示\ud800HbA1c下降1.31%\udfff。\n" + reference_blocks()[1])
    assert any(n.startswith("FC303") for n in rep.notes)


def test_fuzz_driver_smoke(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("fuzz_run", ROOT / "tests" / "fuzz" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    code = mod.main(["--count", "300", "--seed", "11", "--check-every", "100", "--crash-dir", str(tmp_path),
                     "--quiet", "--no-growth"])
    # failures (if any) are saved as replayable reproducers
    saved = sorted(tmp_path.glob("*.json"))
    assert code == (1 if saved else 0)
    for f in saved:
        rec = json.loads(f.read_text(encoding="ascii"))
        assert rec["target"] in mod.TARGETS and rec["error"]


def test_every_saved_fuzz_reproducer_passes():
    """Inputs the fuzzer once broke the code with (tests/fuzz/crashes) stay fixed."""
    import json
    from pathlib import Path

    import signal

    from fuzz.run import Targets, _alarm, run_one

    files = sorted((Path(__file__).parent / "fuzz" / "crashes").glob("*.json"))
    assert files
    targets = Targets()
    previous = signal.signal(signal.SIGALRM, _alarm) if hasattr(signal, "SIGALRM") else None
    try:
        for f in files:
            rec = json.loads(f.read_text(encoding="ascii"))
            assert run_one(targets, rec["target"], rec["input"], 60.0) is None, f.name
    finally:
        if previous is not None:
            signal.signal(signal.SIGALRM, previous)
