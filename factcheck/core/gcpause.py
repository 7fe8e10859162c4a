"""Pausing Python's cyclic garbage collector around one article's check.

Checking an article allocates tens of thousands of small objects (mentions, verdicts, match
objects, tuples) and builds no reference cycles worth collecting: reference counting frees
them. The cyclic collector still runs every few hundred allocations and, on its older
generations, walks every object the process holds (jieba's dictionary, spaCy, the summaries),
which costs 10-30% of a check. It is paused for the call and switched back on after, so any
cycle made meanwhile is collected at the next run; nested pauses leave it to the outermost.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
