#!/usr/bin/env python3
"""Bounded fuzzing of the number extractor and of the whole check (``make fuzz``).

    python tests/fuzz/run.py --seconds 120            # run for two minutes
    python tests/fuzz/run.py --count 200000 --seed 7  # run a fixed number of inputs, reproducibly
    python tests/fuzz/run.py --replay tests/fuzz/crashes/extract-1a2b3c4d5e.json

Inputs are generated (adversarial number forms: separators . , ， 、 ~ ～ - – — %, 倍 万 亿, Chinese
numerals, full-width digits, 10**400, deep bracket nesting, random Unicode) or mutated from the
seed articles (character inserts, deletions, duplications, splices, digit re-writing). Most go to
``factcheck.text.numbers.extract`` on short strings; every ``--check-every``-th input is a whole
article (a mutated seed with its reference list) through ``factcheck.pipeline.check``.

What counts as a failure: any exception; a mention, claim or overstatement whose offsets fall
outside the text or whose ``text[start:end]`` is not its surface (sentence for claims); a value
that is not a finite number, a [low, high] pair or a string; a JSON report that does not validate
against tests/data/report.schema.json; an input that takes longer than ``--timeout`` seconds
(SIGALRM, POSIX only). Each failure is saved once (by kind and error) as a JSON reproducer in
tests/fuzz/crashes/ and printed; the exit code is 1 when anything failed.

A random-based driver rather than atheris: it needs no native build, runs on any Python the
package supports, and is reproducible with ``--seed``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))      # growth.py, shared with the test suite

FULL = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")
SEPS = [".", ",", "，", "、", "~", "～", "-", "–", "—", "至", "到", "/", ":", "×", "±", " ", "", "．", "·", "^"]
UNITS = ["", "%", "％", "‰", "倍", "万", "亿", "万例", "亿元", "例", "名", "位", "人", "mg", "mg/kg", "IU", "μg/L",
         "mmol/L", "周", "个月", "年", "天", "岁", "次", "kg/m²", "×10⁹/L", "g/cm2", "cm", "MET", "分", "小时",
         "mmHg", "bpm", "ng/mL", "U/L", "cells/μL", "‱", "成", "折"]
PREFIX = ["", "约", "超过", "高达", "不到", "至少", ">", "≥", "<", "≤", "＞", "P=", "p<", "P＜", "OR=", "HR ",
          "95%CI", "±", "第", "前", "近", "降低了", "提高了", "是", "下降", "从", "-", "+", "−", "n=", "N = "]
BRACKETS = [("（", "）"), ("(", ")"), ("[", "]"), ("［", "］"), ("【", "】"), ("《", "》"), ("“", "”"), ("{", "}")]
CN = "零〇一二两三四五六七八九十百千万亿点半几多余"
SPECIAL = ["\x00", "\ufeff", "\u202e", "\u200b", "\U0001f600", "\ud800", "\r", "\r\n", "\u3000", "\t", "\x1b[31m",
           "①", "⑫", "²", "₃", "٣", "Ⅻ", "½", "…", "——", "。", "，", "\n", "\n\n", "参考文献\n", "[1]", "[1-3]",
           "10.1186/", "doi:", "PMID: 1", "全文完", "——THE END——", "所有", "逆转", "证实", "导致", "突破性"]
SAMPLES = ["1+1>2", "2.63倍", "4100-7500IU", "13.5%", "(FPG×FINS)/22.5", "P＜0.05", "OR=1.385，95% CI：1.035～2.508",
           "24.11%  vs. 13.77%", "Th1/Th2", "200 mg/kg至800 mg/kg", "28.2% vs. 2.8%", "5%-15%", "2025年5月19日",
           "2022.05.03", "1.31%", "HbA1c<7%", "≥50%", "8–24周", "6至12个月", "两倍", "百分之十三点五", "一万例",
           "0.04 g/cm2 (P = 0.011)", "19.2%，其中女性为32.1%", "1e400", str(10 ** 400), "9" * 300]


def load_seeds() -> tuple[list[str], list[str], list[str]]:
    arts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    papers = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "papers").glob("*.txt"))]
    lines = [ln for t in arts + papers for ln in t.splitlines() if ln.strip()]
    return arts, papers, lines


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.arts, self.papers, self.lines = load_seeds()

    # ---- generation
    def number(self) -> str:
        r = self.r
        k = r.randrange(8)
        if k == 0:
            s = str(r.randrange(10 ** r.randrange(1, 13)))
        elif k == 1:
            s = f"{r.uniform(0, 10 ** r.randrange(1, 7)):.{r.randrange(0, 5)}f}"
        elif k == 2:
            s = r.choice(SAMPLES)
        elif k == 3:
            s = "".join(r.choice(CN) for _ in range(r.randrange(1, 10)))
        elif k == 4:
            s = f"{r.randrange(10 ** 10):,}".replace(",", r.choice([",", "，", " ", "'", "."]))
        elif k == 5:
            s = f"{r.randrange(1000)}{r.choice(SEPS)}{r.randrange(1000)}"
        elif k == 6:
            s = r.choice(SEPS).join(str(r.randrange(100)) for _ in range(r.randrange(2, 12)))
        else:
            s = r.choice(["0" * r.randrange(1, 400), "1" + "0" * r.randrange(300, 500), "." * r.randrange(1, 50)])
        if r.random() < 0.3:
            s = s.translate(FULL)
        return r.choice(PREFIX) + s + r.choice(UNITS)

    def rand_unicode(self, n: int) -> str:
        r = self.r
        out = []
        for _ in range(n):
            b = r.random()
            if b < 0.4:
                out.append(chr(r.randrange(0x4E00, 0x9FFF)))
            elif b < 0.6:
                out.append(chr(r.randrange(0x20, 0x7F)))
            elif b < 0.75:
                out.append(chr(r.randrange(0xFF00, 0xFFEF)))
            elif b < 0.85:
                out.append(chr(r.randrange(0x2000, 0x2BFF)))
            else:
                out.append(chr(r.randrange(0, 0x110000)))
        return "".join(out)

    def piece(self) -> str:
        r = self.r
        k = r.random()
        if k < 0.45:
            s = self.number()
        elif k < 0.65:
            ln = r.choice(self.lines)
            a = r.randrange(len(ln))
            s = ln[a:a + r.randrange(1, 60)]
        elif k < 0.8:
            s = r.choice(SPECIAL)
        else:
            s = self.rand_unicode(r.randrange(1, 12))
        if r.random() < 0.08:
            depth = r.randrange(1, 60)
            pairs = [r.choice(BRACKETS) for _ in range(depth)]
            closes = "".join(c for _o, c in reversed(pairs))
            s = "".join(o for o, _c in pairs) + s + closes[:r.randrange(len(closes) + 1)]
        return s

    def short(self) -> str:
        return "".join(self.piece() for _ in range(self.r.randrange(1, 8)))

    # ---- mutation
    def mutate(self, s: str, rounds: int = 3) -> str:
        r = self.r
        for _ in range(r.randrange(1, rounds + 1)):
            n = len(s)
            op = r.randrange(7)
            a = r.randrange(n + 1)
            b = min(n, a + r.randrange(0, 40))
            if op == 0:
                s = s[:a] + self.piece() + s[a:]
            elif op == 1:
                s = s[:a] + s[b:]
            elif op == 2:
                s = s[:a] + s[a:b] * r.randrange(2, 6) + s[b:]
            elif op == 3:
                s = s[:a] + s[a:b].translate(FULL) + s[b:]
            elif op == 4:
                other = r.choice(self.lines)
                c = r.randrange(len(other))
                s = s[:a] + other[c:c + r.randrange(1, 80)] + s[b:]
            elif op == 5:
                s = s[:a] + "".join(r.choice("0123456789") if ch.isdigit() else ch for ch in s[a:b]) + s[b:]
            else:
                s = s[:a] + r.choice(SPECIAL) + s[b:]
        return s

    def extract_input(self) -> str:
        if self.r.random() < 0.5:
            return self.short()
        ln = self.r.choice(self.lines)
        a = self.r.randrange(len(ln))
        return self.mutate(ln[a:a + self.r.randrange(5, 120)])

    def article_input(self) -> str:
        r = self.r
        t = r.choice(self.arts + self.papers[:1])
        if r.random() < 0.5:      # a window of the article plus its reference list
            a = r.randrange(len(t))
            head = t[a:a + r.randrange(200, 2500)]
            tail = t[t.rfind("\n参考"):] if "\n参考" in t else ""
            t = head + tail
        return self.mutate(t, rounds=6)


# ---------------------------------------------------------------- properties

from surface import Failure  # noqa: E402 - one failure class for every target


def _check_value(v) -> None:
    if isinstance(v, bool):
        raise Failure(f"boolean value {v!r}")
    if isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            raise Failure(f"non-finite value {v!r}")
        return
    if isinstance(v, list):
        if len(v) != 2:
            raise Failure(f"range value of length {len(v)}")
        for x in v:
            _check_value(x)
        return
    if not isinstance(v, str):
        raise Failure(f"value of type {type(v).__name__}")


def check_mentions(text: str, mentions) -> None:
    n = len(text)
    prev = -1
    for m in mentions:
        if not (0 <= m.start < m.end <= n):
            raise Failure(f"mention {m.id} offsets {m.start}:{m.end} outside 0:{n}")
        if text[m.start:m.end] != m.surface:
            raise Failure(f"mention {m.id} surface {m.surface!r} != text {text[m.start:m.end]!r}")
        if m.start < prev:
            raise Failure("mentions not sorted by start")
        prev = m.start
        _check_value(m.value)


class Targets:
    def __init__(self):
        from factcheck.text.numbers import extract
        from factcheck.papers.summaries import Store

        self.extract = extract
        self.store = Store.load(ROOT / "references")
        self.validator = None
        try:
            import jsonschema

            schema = json.loads((ROOT / "tests" / "data" / "report.schema.json").read_text(encoding="utf-8"))
            self.validator = jsonschema.Draft202012Validator(schema)
        except (ImportError, OSError):   # jsonschema is a dev extra
            pass

    def run_extract(self, text: str) -> None:
        check_mentions(text, self.extract(text))

    def run_check(self, text: str) -> None:
        from factcheck.ingest.reader import article_from_text

        self.run_check_article(article_from_text(text, "fuzz.txt"))

    def run_check_article(self, art) -> None:
        from factcheck.pipeline import check

        self.assert_report(check(art, self.store))

    def assert_json(self, doc) -> None:
        if self.validator is not None:
            errs = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in self.validator.iter_errors(doc)]
            if errs:
                raise Failure("report does not match the schema: " + "; ".join(errs[:3]))

    def assert_report(self, rep) -> None:
        t = rep.text
        check_mentions(t, rep.mentions)
        for c in rep.claims:
            if not (0 <= c.start <= c.end <= len(t)) or t[c.start:c.end] != c.sentence:
                raise Failure(f"claim {c.id} offsets {c.start}:{c.end} do not slice its sentence")
        for o in rep.overstatements:
            if not (0 <= o.start < o.end <= len(t)) or t[o.start:o.end] != o.surface:
                raise Failure(f"overstatement {o.id} surface {o.surface!r} != text {t[o.start:o.end]!r}")
        doc = json.loads(json.dumps(rep.to_dict(), ensure_ascii=False, allow_nan=False))
        self.assert_json(doc)

    def surface(self):
        """The wider surface (surface.py), built on first use."""
        if getattr(self, "_surface", None) is None:
            import surface

            self._surface = surface.Surface(self)
        return self._surface

    def runner(self, target: str):
        if target == "extract":
            return self.run_extract
        if target == "check":
            return self.run_check
        return getattr(self.surface(), f"run_{target}")


# ---------------------------------------------------------------- driver

class _Timeout(BaseException):
    pass


def _alarm(_sig, _frame):
    raise _Timeout()


# inputs per 1,000 that go to each target of the wider surface (the rest: extract, and one
# whole-article check every --check-every inputs)
SURFACE_WEIGHTS = {"bytes": 40, "html": 12, "docx": 3, "yaml": 4, "render": 12, "cli": 3}
TARGETS = ("extract", "check") + tuple(SURFACE_WEIGHTS)


def pick_target(rng: random.Random, i: int, check_every: int, only: set) -> str:
    if check_every > 0 and i % check_every == check_every - 1 and "check" in only:
        return "check"
    x = rng.randrange(1000)
    for t, w in SURFACE_WEIGHTS.items():
        if x < w:
            return t if t in only else ("extract" if "extract" in only else t)
        x -= w
    if "extract" in only:
        return "extract"
    return rng.choice(sorted(only))


def save_crash(crash_dir: Path, target: str, text, err: str, seen: set) -> Path | None:
    lines = err.strip().splitlines() if err else [""]
    frames = [ln.strip() for ln in lines if ln.startswith('  File "')]
    # one reproducer per kind of failure: exception type and the innermost frame
    key = (target, lines[-1].split(":")[0], frames[-1] if frames else lines[-1][:200])
    if key in seen:
        return None
    seen.add(key)
    crash_dir.mkdir(parents=True, exist_ok=True)
    blob = text if isinstance(text, str) else json.dumps(text, sort_keys=True, ensure_ascii=True)
    h = hashlib.sha1((target + blob).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    path = crash_dir / f"{target}-{h}.json"
    path.write_text(json.dumps({"target": target, "input": text, "error": err}, ensure_ascii=True, indent=1),
                    encoding="ascii")
    return path


def run_one(targets: Targets, target: str, text: str, timeout: float) -> str | None:
    """None when the input passes; the error text otherwise."""
    fn = targets.runner(target)
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        fn(text)
        return None
    except _Timeout:
        return f"Timeout: {target} took longer than {timeout:g} s on an input of {len(text)} characters"
    except Failure as e:
        return f"Failure: {e}"
    except SystemExit as e:
        return f"SystemExit({e.code}) from {target}"
    except Exception:  # noqa: BLE001 - any exception is a finding
        return traceback.format_exc()
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=None, help="stop after this many seconds (default 60 "
                    "when --count is not given)")
    ap.add_argument("--count", type=int, default=None, help="stop after this many inputs")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock; printed)")
    ap.add_argument("--check-every", type=int, default=400, help="one whole-article check per N inputs")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds one input may take")
    ap.add_argument("--crash-dir", default=str(HERE / "crashes"))
    ap.add_argument("--replay", nargs="*", metavar="FILE", help="re-run saved reproducers and exit")
    ap.add_argument("--quiet", "-q", action="store_true")
    ap.add_argument("--max-growth", type=float, default=12.0, help="fail when 4x a pathological input takes "
                    "more than this many times as long (default 12; linear is 4)")
    ap.add_argument("--no-growth", action="store_true", help="skip the growth measurement")
    ap.add_argument("--targets", default=",".join(TARGETS),
                    help=f"comma-separated targets to fuzz (default: all of {', '.join(TARGETS)})")
    a = ap.parse_args(argv)
    only = {t.strip() for t in a.targets.split(",") if t.strip()}
    if not only or only - set(TARGETS):
        ap.error(f"--targets: choose from {', '.join(TARGETS)}")

    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _alarm)
    targets = Targets()
    if a.replay is not None:
        bad = 0
        for f in a.replay:
            rec = json.loads(Path(f).read_text(encoding="ascii"))
            err = run_one(targets, rec["target"], rec["input"], a.timeout)
            print(f"{f}: {'still fails' if err else 'passes now'}")
            if err:
                bad += 1
                print(err)
        return 1 if bad else 0

    seconds = a.seconds if a.seconds is not None else (None if a.count else 60.0)
    seed = a.seed if a.seed is not None else int(time.time() * 1000) % 2 ** 31
    rng = random.Random(seed)
    gen = Gen(rng)
    crash_dir = Path(a.crash_dir)
    seen: set = set()
    counts = {t: 0 for t in TARGETS}
    failures = 0
    t0 = time.monotonic()
    last = t0
    i = 0
    print(f"fuzz: seed {seed}; {'%g s' % seconds if seconds else ''}"
          f"{' / ' if seconds and a.count else ''}{'%d inputs' % a.count if a.count else ''}", flush=True)
    while True:
        if a.count is not None and i >= a.count:
            break
        now = time.monotonic()
        if seconds is not None and now - t0 >= seconds:
            break
        target = pick_target(rng, i, a.check_every, only)
        if target == "check":
            text = gen.article_input()
        elif target == "extract":
            text = gen.extract_input()
        else:
            text = getattr(targets.surface(), f"gen_{target}")(rng, gen)
        err = run_one(targets, target, text, a.timeout)
        counts[target] += 1
        i += 1
        if err:
            failures += 1
            path = save_crash(crash_dir, target, text, err, seen)
            if path:
                print(f"fuzz: FAILURE in {target} (input of {len(text)} characters), reproducer {path}\n{err}",
                      flush=True)
        if not a.quiet and now - last >= 10:
            last = now
            print(f"fuzz: {i} inputs ({_counts(counts)}), {failures} failures, {now - t0:.0f} s", flush=True)
    dt = time.monotonic() - t0
    print(f"fuzz: {i} inputs in {dt:.1f} s ({i / max(dt, 1e-9):.0f}/s): {_counts(counts)}; "
          f"{failures} failures ({len(seen)} distinct); seed {seed}")
    if getattr(targets, "_surface", None) is not None:
        targets._surface.close()
    if not a.no_growth:
        failures += growth_report(targets, a.max_growth)
    return 1 if failures else 0


def _counts(counts: dict) -> str:
    return ", ".join(f"{n} {t}" for t, n in counts.items() if n)


def growth_report(targets: Targets, limit: float) -> int:
    """Time and calls at 4x the input, per pathological form; returns how many grew past ``limit``."""
    from growth import PATHOLOGICAL, calls, ratio, seconds

    seed = next((ROOT / "corpus").glob("002_*.txt")).read_text(encoding="utf-8")
    refs = seed[seed.index("参考资料"):]        # cites [1], so the numbers are judged, not skipped
    cases = [(f"extract/{n}", lambda k, u=u: targets.run_extract(u * k)) for n, u in PATHOLOGICAL.items()]
    cases += [(f"check/{n}", lambda k, u=u: targets.run_check("研究[1]显示，HbA1c" + u[:120] * k + "。\n" + refs))
              for n, u in PATHOLOGICAL.items() if n in ("separators", "brackets", "ranges", "fullwidth")]
    cases.append(("check/one long sentence",
                  lambda k: targets.run_check("研究[1]显示，HbA1c" + PATHOLOGICAL["ranges"][:480] * k + "。\n" + refs)))
    bad = 0
    print(f"growth at 4x the input (linear = 4.0; the run fails above {limit:g}):")
    for name, fn in cases:
        t, c = ratio(seconds, fn, 2), ratio(calls, fn, 2)
        flag = "" if t <= limit else "  <- FAILURE"
        bad += t > limit
        print(f"  {name:26s} time {t:5.2f}x  calls {c:5.2f}x{flag}", flush=True)
    return bad


if __name__ == "__main__":
    raise SystemExit(main())
