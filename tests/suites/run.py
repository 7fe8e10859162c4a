"""Public Chinese number test suites as development data for the extractor (issue 14).

    python tests/suites/run.py [--verbose] [--min-rate 0.95]

Each case of WeTextProcessing (ITN cardinal/number/measure/money/fraction/math), cn2an
(strict/normal/smart dictionaries) and NeMo text-processing (zh ITN cardinal/decimal/fraction/
money) is turned into a sentence in which its number is checkable: a count of patients
(研究共纳入X名患者), a dose (剂量为X毫克), a share (X的患者有效), a cost (费用为X). The value the
suite expects is checked against the value of the mention the extractor finds there. Cases an
article checker should not read are listed with the reason, never silently dropped.
Exit 1 when a suite's in-scope pass rate is under --min-rate.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from factcheck.text.numbers import extract  # noqa: E402
from factcheck.text.textnorm import normalize  # noqa: E402

_NUMERAL = set("零〇一二两兩三四五六七八九十百千万萬亿億点點负負壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿")
_DIGITS = set("零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖")
_RANKS = set("十百千万萬亿億拾佰仟兆")
_CURRENCY = ("印度卢布", "马来西亚令吉", "新台币", "人民币", "美元", "欧元", "英镑", "日元", "韩元", "卢布",
             "港元", "元")
_PAIRS = {"一二", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五"}   # 三五百, 七八公斤
_UNIT_WORDS = ("千克", "公斤", "克", "公里", "千米", "米", "摩尔", "吨", "伏特", "千瓦时", "度", "秒", "分钟",
               "人", "两")


# ---------------------------------------------------------------- reading the suites

def wetext_cases() -> dict[str, list[tuple[str, str, str]]]:
    out = {}
    for f in sorted((HERE / "wetextprocessing").glob("*.txt")):
        rows = []
        for line in f.read_text(encoding="utf-8").splitlines():
            if " => " in line:
                a, b = line.split(" => ", 1)
                rows.append((f.stem, a.strip(), b.strip()))
        out[f.stem] = rows
    return out


def nemo_cases() -> dict[str, list[tuple[str, str, str]]]:
    out = {}
    for f in sorted((HERE / "nemo").glob("test_cases_*.txt")):
        name = f.stem.replace("test_cases_", "")
        rows = []
        for line in f.read_text(encoding="utf-8").splitlines():
            if "~" in line:
                a, b = line.split("~", 1)
                rows.append((name, a.strip(), b.strip()))
        out[name] = rows
    return out


def cn2an_cases() -> dict[str, list[tuple[str, str, str]]]:
    """The dictionaries of cn2an's own test (strict, normal, smart, direct) and its lists of
    inputs that are not numerals (error_*), read from the copied source with ast."""
    tree = ast.parse((HERE / "cn2an" / "cn2an_test.py.txt").read_text(encoding="utf-8"))
    out: dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Attribute):
            name = node.targets[0].attr
            try:
                val = ast.literal_eval(node.value)
            except ValueError:
                continue
            if isinstance(val, dict):
                out[name] = [(name, k, _plain(v)) for k, v in val.items()]
            elif isinstance(val, list):
                out[name] = [(name, k, "") for k in val]
    return out


# ---------------------------------------------------------------- expected values

def _plain(v) -> str:
    """1e-15 as 0.000000000000001: the written form the suite means."""
    if isinstance(v, float):
        from decimal import Decimal

        return format(Decimal(repr(v)), "f")
    return str(v)


def _expand_short(a: str, b: str) -> float:
    """WeTextProcessing's 45-6 / 730-40 / 16000-7000: the second end written short."""
    if len(b) < len(a) and b.isdigit():
        b = a[: len(a) - len(b)] + b
    return float(b)


_SCALE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_EXP_RE = re.compile(r"(?P<neg>-)?(?P<a>[0-9][0-9,]*(?:\.[0-9]+)?)"
                     r"(?:(?P<sep>[~-])(?P<b>[0-9][0-9,]*(?:\.[0-9]+)?))?(?P<s>万|萬|亿|億|兆)?"
                     r"(?:/(?P<den>[0-9]+))?(?P<pct>%)?")


_COMPOUND_RE = re.compile(r"(?:[0-9.]+(?:亿|億|万|萬)){1,2}[0-9]+")
_PIECE_RE = re.compile(r"([0-9.]+)(亿|億|万|萬)?")


def expected_value(written: str):
    """(value, is_percent) of the written form: 110, 3~5万 -> [30000, 50000], 1/2 -> 50 (%),
    2% -> 2 (%); None when it does not hold exactly one quantity."""
    core = written.replace(",", "").removesuffix("人")
    if _COMPOUND_RE.fullmatch(core):    # 100万1111, 1亿72300: one number written in pieces
        return sum(float(n) * _SCALE.get(sc, 1.0) for n, sc in _PIECE_RE.findall(core)), False
    ms = [m for m in _EXP_RE.finditer(written)]
    if len(ms) != 1:
        return None
    m = ms[0]
    a = float(m.group("a").replace(",", ""))
    scale = _SCALE.get(m.group("s") or "", 1.0)
    sign = -1 if m.group("neg") else 1
    if m.group("den"):
        return round(sign * a / float(m.group("den")) * 100, 2), True
    if m.group("b"):
        b = _expand_short(m.group("a").replace(",", ""), m.group("b").replace(",", ""))
        return [sign * a * scale, b * scale], bool(m.group("pct"))
    return sign * a * scale, bool(m.group("pct"))


# ---------------------------------------------------------------- scope and sentences

def out_of_scope(suite: str, said: str, written: str) -> str | None:
    """Why a case is not something an article checker should read, or None."""
    if suite.startswith("error_"):
        return "cn2an error case: the input is not a numeral, so there is no value to check"
    if suite == "direct_data_dict":
        return "digit string with leading zeros (01, 003): a code, not a quantity"
    if any(c in said for c in "幺拐洞"):
        return "digit-by-digit reading (幺/拐/洞: phone numbers, codes): a string, not a quantity"
    if not re.search(r"[0-9]", written):
        return "no number in the written form"
    core = said
    for w in _CURRENCY + _UNIT_WORDS:
        core = core.replace(w, "")
    core = re.sub(r"[点點][零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]+", "", core)   # decimals are digits
    runs = re.findall(r"[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]{2,}", core)
    if any(len(r) > 2 or r not in _PAIRS for r in runs if not r.startswith("零")):
        return "digits read one by one (一二三四, 一七二零): text-normalisation choice, not a quantity"
    if "又" in said:
        return "mixed fraction (三又五分之一): a school-mathematics form, not health writing"
    if any(w in said for w in ("加", "等于")):
        return "arithmetic expression (一加二): not a quantity claim"
    if "点" in said and written.count(".") >= 2:
        return "dotted address (127.0.0.1): not a quantity"
    if "廿" in said:
        return "archaic 廿 (twenty): not modern health writing"
    if re.search(r"[0-9]", said) and re.search(r"[一二三四五六七八九]", said):
        return "Arabic and Chinese digits mixed in one number (100万三千, 一百点123): not how articles write"
    if re.search(r"[角毛分](?!之)", said) and any(c in said for c in "元块圆") and "分之" not in said:
        return "currency sub-units (五角八分, 五毛): prices to the cent are not findings"
    if "每小时" in said or "km/h" in written:
        return "speed (千米每小时): a unit an article checker does not read"
    if "号" in said or "年后" in said:
        return "a name or a date (中关村一百零一号, 两年后): not a quantity"
    if expected_value(written) is None:
        return "a whole sentence with several numbers: the runner checks one number per case"
    if any(w in said for w in ("摩尔", "伏特", "千瓦时", "吨")) or said.endswith(("度", "二两")):
        return "physics/market units (摩尔, 伏特, 千瓦时, 吨, 度, 两): not in units.yaml"
    if "号" in said or "年后" in said:
        return "a name or a date (中关村一百零一号, 两年后): not a quantity"
    if "百分三十" in said or said == "百分百":
        return "百分三十/百分百 without 之: colloquial speech, not written Chinese"
    if "兆" in said:
        return "兆 is 10^6 or 10^12 depending on the reader (and MHz in physics): not read as a count"
    if expected_value(written) is None:
        return "a whole sentence with several numbers: the runner checks one number per case"
    return None


def sentence(said: str, written: str) -> str:
    """The case inside a sentence where its number is checkable."""
    if "分之" in said:
        return f"研究发现{said}的患者有效。"
    if any(said.endswith(c) for c in _CURRENCY) or "圆" in said:
        return f"每位患者的治疗费用为{said}。"
    if said.endswith(("千克", "公斤", "克", "公里", "千米", "人", "万", "亿", "萬", "億")) and not said.endswith("人"):
        return f"平均为{said}。" if not said.endswith(("万", "亿", "萬", "億")) else f"研究共纳入{said}名患者。"
    if said.endswith("人"):
        return f"研究共纳入{said}。"
    return f"剂量为{said}毫克。"


def _close(a, b, pct: bool = False) -> bool:
    """Equal values; a share from a fraction (1/3 = 33.33%) to the two decimals it is rounded to."""
    if isinstance(a, list) or isinstance(b, list):
        return (isinstance(a, list) and isinstance(b, list) and len(a) == len(b)
                and all(_close(x, y, pct) for x, y in zip(a, b)))
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-9 * abs(b) + 1e-18 or (pct and abs(a - b) < 0.006)


def run_case(suite: str, said: str, written: str) -> tuple[str, str]:
    """('out', reason) | ('pass', text) | ('fail', what was read)."""
    reason = out_of_scope(suite, said, written)
    if reason:
        return "out", reason
    exp = expected_value(written)
    value, pct = exp
    text = sentence(said, written)
    ms = extract(text, norm=normalize(text))
    for m in ms:
        if m.checkable and _close(m.value, value, pct or "分之" in said):
            return "pass", text
    return "fail", f"{text} expected {value}; read " + "; ".join(
        f"{m.surface}={m.value}{m.unit}{'' if m.checkable else '(not checkable)'}" for m in ms)


SUITES = {
    "WeTextProcessing (itn/chinese/test/data)": wetext_cases,
    "cn2an (cn2an/cn2an_test.py)": cn2an_cases,
    "NeMo text-processing (zh ITN test cases)": nemo_cases,
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    ap.add_argument("--min-rate", type=float, default=0.0)
    ap.add_argument("--out-of-scope", action="store_true", help="list the out-of-scope cases")
    args = ap.parse_args(argv)
    worst = 1.0
    for name, load in SUITES.items():
        passed = failed = 0
        outs: list[str] = []
        fails: list[str] = []
        for part, rows in load().items():
            for suite, said, written in rows:
                status, info = run_case(suite, said, written)
                if status == "pass":
                    passed += 1
                elif status == "fail":
                    failed += 1
                    fails.append(f"  [{part}] {said} => {written}: {info}")
                else:
                    outs.append(f"  [{part}] {said} => {written or '-'}: {info}")
        n = passed + failed
        rate = passed / n if n else 1.0
        worst = min(worst, rate)
        print(f"{name}: {passed}/{n} in-scope cases pass ({rate:.1%}); {len(outs)} out of scope")
        if args.verbose:
            print("\n".join(fails))
        if args.out_of_scope:
            print("\n".join(outs))
    return 1 if worst < args.min_rate else 0


if __name__ == "__main__":
    raise SystemExit(main())
