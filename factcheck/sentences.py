"""Sentence and clause splitting over the article body (cheap regexes, no segmenter).

Sentences end at 。！？!? (with closing quotes/brackets), at ；; between clauses of a list, and at
line ends: WeChat-style posts put one sentence per line. A decimal point or an English
abbreviation never ends a sentence. Clauses (split at ，,：:) are what a number's local context
is taken from when matching it to a paper's measure.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from factcheck.model import Sentence, Span

# every branch opens with its character (the lookbehind follows the point): the regex engine
# then skips ahead to the next candidate instead of trying each branch at each position
_END = re.compile(r"[。！？!?]+[”’\"'）)」』】]*|[.．](?<!\d[.．])(?!\d)(?=\s*(?:[\u4e00-\u9fff]|$))|\n")
_CLAUSE = re.compile(r"[，,：:；;]")
_CLAUSE_CHARS = frozenset("，,：:；;")
# an abbreviation's point is not a full stop even before a Han character ("Zhang et al. 发现")
_ABBREV = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bFigs?|\bTab|\bDr|\bProf|\bNo|\bRefs?|\bcf"
                     r"|\bapprox|\bEq|\bVol|\bpp?|\bSt)$", re.I)


class LineIndex:
    """Offset → 1-based line number, by bisection over newline positions."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def split_sentences(text: str, spans: list[Span], lines: LineIndex | None = None) -> list[Sentence]:
    """Sentences inside ``spans``; leading/trailing whitespace trimmed; empty ones dropped."""
    lines = lines or LineIndex(text)
    out: list[Sentence] = []
    para = 0
    for sp in spans:
        pos = sp.start
        seg = text[sp.start:sp.end]
        for m in _END.finditer(seg):
            if m.group(0) in (".", "．") and _ABBREV.search(seg, max(0, m.start() - 8), m.start()):
                continue
            end = sp.start + m.end()
            _add(out, text, pos, end, lines, para)
            if m.group(0) == "\n":
                para += 1 if text[pos:end].strip() == "" else 0
            pos = end
        _add(out, text, pos, sp.end, lines, para)
        para += 1
    # paragraph = the line block: consecutive non-empty lines share one
    return out


def _add(out: list[Sentence], text: str, s: int, e: int, lines: LineIndex, para: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, lines.line(s), text[s:e], para))


def clause_bounds(sentence: Sentence, offset: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``offset`` (absolute offsets); brackets keep clauses whole."""
    cuts = clause_cuts(sentence.text)
    rel = offset - sentence.start
    k = bisect.bisect_right(cuts, rel) - 1
    k = max(0, min(k, len(cuts) - 2))
    return sentence.start + cuts[k], sentence.start + cuts[k + 1]


@lru_cache(maxsize=4096)
def clause_cuts(t: str) -> tuple[int, ...]:
    """Clause starts of a sentence, computed once per sentence: matching asks for the clause of
    every mention, and a long sentence with hundreds of numbers must not cost a scan each."""
    depth = 0
    cuts = [0]
    for i, ch in enumerate(t):
        if ch in "（(【[":
            depth += 1
        elif ch in "）)】]":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _CLAUSE_CHARS:
            cuts.append(i + 1)
    cuts.append(len(t))
    return tuple(cuts)
