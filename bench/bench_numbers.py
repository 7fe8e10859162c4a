"""Time factcheck.text.numbers.extract on adversarial 1 MB lines and on 1 MB of ordinary articles.

    .venv/bin/python bench/bench_numbers.py [--size BYTES] [--repeat N]

Prints the time of each input, the mentions found, and the ratio of the worst adversarial
time to the ordinary-article time: a ratio near or below 1 means no pathological
(super-linear) case; a regex with catastrophic backtracking would show up as a ratio
of hundreds or as a run that never ends.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.text.numbers import extract  # noqa: E402


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def inputs(size: int) -> dict[str, str]:
    seeds = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    return {
        "adversarial: '1.2-3%~4,5倍' * n": _fill("1.2-3%~4,5倍", size),
        "adversarial: '9、' * n": _fill("9、", size),
        "adversarial: '1' * n": "1" * size,
        "adversarial: '1,' * n": _fill("1,", size),
        "adversarial: '1.' * n": _fill("1.", size),
        "adversarial: '一' * n": "一" * size,
        "adversarial: 'P<0.05 vs 3±1 (2~3) ' * n": _fill("P<0.05 vs 3±1 (2~3) ", size),
        "adversarial: '[1,' * n": _fill("[1,", size),
        "adversarial: '95% CI 1' * n": _fill("95% CI 1", size),
        "ordinary: seed articles repeated": _fill(seeds + "\n", size),
    }


def time_one(text: str, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock and best CPU time (process_time: less sensitive to a busy machine)."""
    best = best_cpu = float("inf")
    n = 0
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        ms = extract(text)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
        n = len(ms)
    return best, best_cpu, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters per input (default 1e6)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per input; the best is kept")
    args = ap.parse_args(argv)

    extract("预热：约13.5%的患者，两倍。")    # import cn2an, fill caches
    article = (ROOT / "corpus" / "000_a8adcad3e0149db4.txt").read_text("utf-8")
    t, c, n = time_one(article, 20)
    print(f"{'one seed article (%d chars)' % len(article):45s} wall {t * 1000:8.2f} ms  cpu {c * 1000:8.2f} ms"
          f"  {n:7d} mentions")

    results = {}
    for name, text in inputs(args.size).items():
        t, c, n = time_one(text, args.repeat)
        results[name] = c
        print(f"{name:45s} wall {t:8.3f} s   cpu {c:8.3f} s   {n:7d} mentions")
    ordinary = results["ordinary: seed articles repeated"]
    worst_name = max((k for k in results if k.startswith("adversarial")), key=results.get)
    worst = results[worst_name]
    print(f"\nCPU time: ordinary 1 MB {ordinary:.3f} s; worst adversarial 1 MB {worst:.3f} s ({worst_name})")
    print(f"ratio worst adversarial / ordinary = {worst / ordinary:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
