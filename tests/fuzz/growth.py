"""How the work of the extractor and of ``check`` grows with pathological input.

Two measures of the same runs. ``calls`` counts every function call (Python and C, regex searches
included) under cProfile: deterministic, so the test suite can assert on it without timing
anything on a shared machine. ``seconds`` is wall time, best of a few runs: ``make fuzz`` reports
it as a ratio (and fails the fuzz run when it grows far faster than the input), because a regex
that backtracks or a scan of a whole sentence per number costs time without costing calls.
"""

from __future__ import annotations

import cProfile
import pstats
import time
from typing import Callable

# Each string is one "unit"; inputs are made by repeating it, so size is k × len(unit).
PATHOLOGICAL = {
    "separators": "1.2,3，4、5~6～7-8–9—0%倍万亿" * 40,
    "brackets": "（（（[[[" * 40 + "2.63倍" + "]]]）））" * 40 + "，",
    "chinese": "一二三四五六七八九十百千万亿两点" * 40,
    "fullwidth": "１２３，４５６．７８９％" * 60,
    "ranges": "5%-15%至20%～30%、" * 60,
    "digits": "1234567890" * 200,
}


def calls(fn: Callable[[int], object], k: int) -> int:
    """Function calls made by ``fn(k)``: the same number on every machine and every run."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        fn(k)
    finally:
        prof.disable()
    return pstats.Stats(prof).total_calls


def seconds(fn: Callable[[int], object], k: int, runs: int = 3) -> float:
    """Best wall time of ``fn(k)`` over ``runs`` runs."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(k)
        best = min(best, time.perf_counter() - t0)
    return best


def ratio(measure: Callable[[Callable[[int], object], int], float], fn: Callable[[int], object],
          small: int, factor: int = 4) -> float:
    """measure(k = factor × small) / measure(k = small), after one warm-up run."""
    fn(small)
    return measure(fn, small * factor) / max(measure(fn, small), 1e-9)
