"""Finding every occurrence of every word of a list in a text, in one regex scan.

An alternation of literal words, longest first, tried at every start position, reports at each
position the longest word there; the shorter words at that position are its prefixes. So one
scan plus a table of prefixes gives every occurrence of every word, overlapping ones included
(所有 inside 所有代谢指标, 证实 inside 已证实) - the job of an Aho-Corasick automaton, with the
regex engine's fast first-character search doing the skipping.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Optional


def overlapping(pattern: re.Pattern, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[re.Match]:
    """Every match of ``pattern``, including one that starts inside the previous one."""
    endpos = len(text) if endpos is None else endpos
    while True:
        m = pattern.search(text, pos, endpos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


class WordIndex:
    """The words of a list, compiled once; ``occurrences`` finds them all in a text."""

    def __init__(self, words: Iterable[str]):
        self.words = sorted(set(w for w in words if w), key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, self.words))) if self.words else None
        # each word -> the words that are its prefixes (itself included), longest first
        self.prefixes = {w: tuple(v for v in self.words if w.startswith(v)) for w in self.words}

    def occurrences(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[tuple[int, str]]:
        """(position, word) for every occurrence of every word in text[pos:endpos]."""
        if self.pattern is None:
            return
        for m in overlapping(self.pattern, text, pos, endpos):
            for w in self.prefixes[m.group(0)]:
                yield m.start(), w
