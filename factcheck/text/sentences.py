"""Sentence and clause splitting over the article body (cheap regexes, no segmenter).

Sentences end at 。！？!? (with closing quotes/brackets), at ；; between clauses of a list, and at
line ends: WeChat-style posts put one sentence per line. A full stop ends a sentence before a
Han character, and before a capitalised word (an English abstract pasted into the article). A decimal point or an English
abbreviation never ends a sentence. Clauses (split at ，,：:) are what a number's local context
is taken from when matching it to a paper's measure.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from factcheck.core.model import Sentence, Span

# one class of every ending's first character, then the branch that character opens (chosen
# by a lookbehind): the same matches as "[。！？!?]+[”…]*|[.．](?<!…)…|\n", but a pattern that
# opens with a class lets the regex engine skip ahead to the next candidate instead of trying
# each branch at every position
# (a citation marker right after a full stop, "…趋势。[1]", is that sentence's: it cites what the
# sentence said, and opens no sentence of its own)
# (and a spaced dash between words, a page's list flattened onto one line: "…新的治疗选择 [1] 分组1:
# Xolair获批信息 - FDA批准… [1] - 这是…": each item its own sentence; not "2 - 3", a range)
_END = re.compile(r"[。！？!?.．\n-](?:(?<=[。！？!?])[。！？!?]*[”’\"'）)」』】]*"
                  r"(?:[\[［]\d{1,3}(?:[,，、\-–~]\d{1,3})*[\]］])*"
                  r"|(?<=[.．])(?<!\d[.．])(?!\d)(?=\s*(?:[\u4e00-\u9fff]|$)|\s+[A-Z][a-z])|(?<=\n)"
                  r"|(?<=[^\d\s] -)(?= [^\d\s]))")
# an abbreviation's point is not a full stop even before a Han character ("Zhang et al. 发现")
_ABBREV = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bvs|\bFigs?|\bTab|\bDr|\bProf|\bNo|\bRefs?|\bcf"
                     r"|\bapprox|\bEq|\bVol|\bpp?|\bSt|\b[A-Z])$", re.I)


class LineIndex:
    """Offset → 1-based line number, by bisection over newline positions. The package's one
    line counter: ``starts`` (the offset of each line's first character) also gives the columns
    of the text report, the positions of SARIF and the columns the evaluation aligns by."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def split_sentences(text: str, spans: list[Span], lines: LineIndex | None = None) -> list[Sentence]:
    """Sentences inside ``spans``; leading/trailing whitespace trimmed; empty ones dropped."""
    line_of = (lines or LineIndex(text)).line
    out: list[Sentence] = []
    para = 0
    for sp in spans:
        pos = base = sp.start
        seg = text[sp.start:sp.end]
        for m in _END.finditer(seg):
            g = m.group()
            if (g == "." or g == "．") and _ABBREV.search(seg, max(0, m.start() - 8), m.start()):
                continue
            end = base + m.end()
            if g == "\n" and end - pos == 1:
                para += 1           # an empty line (nothing to add) closes the paragraph
                pos = end
                continue
            added = _add(out, text, pos, end, line_of, para)
            if g == "\n" and not added:
                para += 1           # a blank line closes the paragraph
            pos = end
        _add(out, text, pos, sp.end, line_of, para)
        para += 1
    # paragraph = the line block: consecutive non-empty lines share one
    return out


def _add(out: list[Sentence], text: str, s: int, e: int, line_of, para: int) -> bool:
    """Append text[s:e] trimmed as a sentence, unless it is blank."""
    chunk = text[s:e]
    body = chunk.strip()
    if not body:
        return False
    s += len(chunk) - len(chunk.lstrip())
    out.append(Sentence(s, s + len(body), line_of(s), body, para))
    return True


def by_sentence(mentions, sentences: list[Sentence]) -> dict[int, list]:
    """The mentions (anything with a ``start``) that start inside each sentence, by sentence
    index, in their order."""
    starts = [s.start for s in sentences]
    out: dict[int, list] = {}
    for m in mentions:
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k].end:
            out.setdefault(k, []).append(m)
    return out


def clause_bounds(sentence: Sentence, offset: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``offset`` (absolute offsets); brackets keep clauses whole."""
    lo, hi = clause_at(clause_cuts(sentence.text), offset - sentence.start)
    return sentence.start + lo, sentence.start + hi


def clause_at(cuts: tuple[int, ...], rel: int) -> tuple[int, int]:
    """The clause holding sentence-relative offset ``rel``, given the sentence's ``clause_cuts``
    (clamped to the sentence: an offset past either end gets the first or last clause)."""
    k = max(0, min(bisect.bisect_right(cuts, rel) - 1, len(cuts) - 2))
    return cuts[k], cuts[k + 1]


_CLAUSE_OR_BRACKET = re.compile(r"[，,：:；;（(【\[）)】\]]")
_OPENERS = frozenset("（(【[")
_CLOSERS = frozenset("）)】]")


@lru_cache(maxsize=4096)
def clause_cuts(t: str) -> tuple[int, ...]:
    """Clause starts of a sentence, computed once per sentence: matching asks for the clause of
    every mention, and a long sentence with hundreds of numbers must not cost a scan each.
    The regex visits only the separators and brackets, not every character."""
    depth = 0
    cuts = [0]
    for m in _CLAUSE_OR_BRACKET.finditer(t):
        ch = m.group()
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            cuts.append(m.end())
    cuts.append(len(t))
    return tuple(cuts)
