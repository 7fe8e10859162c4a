"""Finding every occurrence of every word of a list in a text, in one regex scan per share of
their first characters.

An alternation of literal words, longest first, tried at every start position, reports at each
position the longest word there; the shorter words at that position are its prefixes. So one
scan plus a table of prefixes gives every occurrence of every word, overlapping ones included
(所有 inside 所有代谢指标, 证实 inside 已证实) - the job of an Aho-Corasick automaton, with the
regex engine's fast first-character search doing the skipping.
"""

from __future__ import annotations

import heapq
import math
import re
from typing import Iterable, Iterator, Optional


def positions(text: str, words: Iterable[str]) -> list[int]:
    """Where any of a few ``words`` stands in ``text``, sorted: str.find for each (a word the text
    does not hold costs one pass of the fast substring search, no regex scan)."""
    out = []
    for w in words:
        p = text.find(w)
        while p != -1:
            out.append(p)
            p = text.find(w, p + 1)
    return sorted(out)


def overlapping(pattern: re.Pattern, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[re.Match]:
    """Every match of ``pattern``, including one that starts inside the previous one."""
    endpos = len(text) if endpos is None else endpos
    while True:
        m = pattern.search(text, pos, endpos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def trie_pattern(words: Iterable[str], latin_whole_words: bool = False) -> str:
    """A regex matching, at each position, the longest of ``words`` that starts there, as
    the alternation of them longest first would, written as a trie ("所有(?:代谢指标)?|证实"):
    the regex engine then tests each character once instead of trying every word.

    With ``latin_whole_words``, a word written in ASCII matches only where no Latin letter
    stands right before or after it ("ir" not inside "first"), and where the longest such word
    does not stand alone a shorter one may. The checks sit inside the regex, after each word's
    first character, so that the engine can still search for first characters."""
    def build(ws: Iterable[str]) -> dict:
        trie: dict = {}
        for w in ws:
            if w:
                node = trie
                for ch in w:
                    node = node.setdefault(ch, {})
                node[""] = {}
        return trie

    def branches(node: dict, latin: bool, depth: int) -> list[tuple[str, str]]:
        """(first character, regex) of each branch below ``node``, in character order."""
        out = []
        for ch, sub in sorted(node.items()):
            if not ch:
                continue
            run = [ch]
            while len(sub) == 1 and "" not in sub:     # a chain with no branch: one literal
                (nxt, sub), = sub.items()
                run.append(nxt)
            out.append((ch, re.escape("".join(run)) + emit(sub, latin, depth + 1)))
        return out

    def emit(node: dict, latin: bool, depth: int = 0) -> str:
        if depth > _MAX_NESTING:
            raise _TooDeep
        parts = [b for _ch, b in branches(node, latin, depth)]
        if "" in node and latin:
            parts.append("(?![a-zA-Z])")          # a word may end here if no letter follows
        elif "" in node and parts:              # a word ends here: the longer ones are tried first
            return "(?:" + "|".join(parts) + ")?"
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    words = [w for w in words if w]
    try:
        if not latin_whole_words:
            top = branches(build(words), False, 0)
            return "" if not top else top[0][1] if len(top) == 1 else "(?:" + _dispatch(top) + ")"
        # one branch per first character, as the engine needs to search for them; in it, a
        # non-ASCII word comes first: it is never shorter than an ASCII word at the same
        # position (one would be a prefix of the other)
        other = build(w for w in words if not w.isascii())
        latin = build(w for w in words if w.isascii())
        top = []
        for ch in sorted(set(other) | set(latin)):
            rests = []
            if ch in other:
                rests.append(emit(other[ch], False))
            if ch in latin:
                rests.append("(?<![a-zA-Z].)" + emit(latin[ch], True))
            top.append((ch, re.escape(ch) + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")))
        return _dispatch(top)
    except _TooDeep:
        # words nested inside words hundreds deep (a, aa, aaa ...): the plain alternation,
        # longest first, reads the same and nests nothing
        ordered = sorted(set(words), key=len, reverse=True)
        if not latin_whole_words:
            return "|".join(map(re.escape, ordered))
        return "|".join(f"(?<![a-zA-Z]){re.escape(w)}(?![a-zA-Z])" if w.isascii() else re.escape(w)
                        for w in ordered)


def _dispatch(branches: list[tuple[str, str]]) -> str:
    """The alternation of one branch per first character. The regex engine tries the branches
    of an alternation one after another at each position its first-character search stops at,
    and a failed word sends it through all the rest: hundreds of literal tests for one
    character. Many branches are therefore grouped under a look-ahead of their first
    characters, so that a position tries the groups' classes and one group's branches (the
    glossary's 955 first characters: about six times faster, same matches)."""
    if len(branches) <= _DISPATCH_MIN:
        return "|".join(b for _ch, b in branches)
    size = max(8, math.isqrt(8 * len(branches)))
    groups = [branches[k:k + size] for k in range(0, len(branches), size)]
    return "|".join("(?=[" + "".join(re.escape(ch) for ch, _b in g) + "])(?:" + "|".join(b for _ch, b in g) + ")"
                    for g in groups)


_DISPATCH_MIN = 400     # fewer branches than this are tried one by one, as written: the first-character
#                         search the engine then keeps is worth more than the groups below that
_MAX_NESTING = 40       # groups inside groups: Python's regex parser recurses once per level


class _TooDeep(Exception):
    pass


class WordIndex:
    """The words of a list, compiled once; ``occurrences`` finds them all in a text."""

    def __init__(self, words: Iterable[str]):
        self.words = sorted(set(w for w in words if w), key=len, reverse=True)
        # one trie per share of the first characters (see _FIRSTS_PER_SCAN), in character order
        by_first: dict[str, list[str]] = {}
        for w in self.words:
            by_first.setdefault(w[0], []).append(w)
        firsts = sorted(by_first)
        k = max(1, round(len(firsts) / _FIRSTS_PER_SCAN))
        size = -(-len(firsts) // k) if firsts else 1
        self.patterns = [re.compile(trie_pattern([w for c in firsts[i:i + size] for w in by_first[c]]))
                         for i in range(0, len(firsts), size)]
        # each word -> the words that are its prefixes (itself included), longest first
        self.prefixes = {w: tuple(v for v in self.words if w.startswith(v)) for w in self.words}

    def occurrences(self, text: str, pos: int = 0, endpos: Optional[int] = None) -> Iterator[tuple[int, str]]:
        """(position, word) for every occurrence of every word in text[pos:endpos], by position."""
        if not self.patterns:
            return
        endpos = len(text) if endpos is None else endpos
        scans = [overlapping(p, text, pos, endpos) for p in self.patterns]
        for m in (scans[0] if len(scans) == 1 else heapq.merge(*scans, key=_start)):
            for w in self.prefixes[m.group(0)]:
                yield m.start(), w


def _start(m: re.Match) -> int:
    return m.start()


# first characters per trie a WordIndex scans with. Where a word's first character matches but
# the rest does not (most places, in Chinese text), the regex engine goes on to try every other
# first character's branch; several scans of fewer branches each cost less than one of all
# (the overstatement rules' 147 first characters: two scans, an eighth fewer instructions)
_FIRSTS_PER_SCAN = 75


_QUANT = "?*{+"


_GATES: dict = {}
# a|bc|d: words only (a punctuation mark may be escaped: C\.I\.)
_PLAIN_WORDS = re.compile(r"(?:[^\\()\[\]{}?*+.^$|]|\\[^A-Za-z0-9])+(?:\|(?:[^\\()\[\]{}?*+.^$|]|\\[^A-Za-z0-9])+)*")
_ESCAPED = re.compile(r"\\(.)")


def plain_words(rx: re.Pattern) -> Optional[list[str]]:
    """The words of a pattern that is a plain alternation of them (等|团队|课题组; an escaped
    mark, as in C\\.I\\., stands for the mark), in its order; None for any other pattern."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE) or not _PLAIN_WORDS.fullmatch(rx.pattern):
        return None
    return [_ESCAPED.sub(r"\1", w) for w in rx.pattern.split("|")]


def literal_spans(rx: re.Pattern, text: str, pos: int, endpos: int) -> Optional[list[tuple[int, int]]]:
    """The spans ``rx.finditer(text, pos, endpos)`` gives, found with str.find where ``rx`` is a
    plain alternation of words (等|团队|课题组): leftmost first, the earlier word of the
    alternation first at one position, none overlapping the one before. None for any other
    pattern. (A regex alternation tests a character set at every position of the text; a
    substring search for each word costs a fraction of that.)"""
    words = plain_words(rx)
    if words is None:
        return None
    hits = []
    for order, w in enumerate(words):
        p = text.find(w, pos, endpos)
        while p != -1:
            hits.append((p, order, p + len(w)))
            p = text.find(w, p + 1, endpos)
    out, last = [], pos
    for a, _order, b in sorted(hits):
        if a >= last:
            out.append((a, b))
            last = b
    return out


def may_match(rx: re.Pattern, text: str) -> bool:
    """Can ``rx`` match anywhere in ``text``? False only where none of the alternatives of one
    entry of ``required_literals`` stands in it, so a False is certain. A pattern that opens
    with a group or a class has no literal prefix the regex engine could skip ahead by: it
    tests a character set at every position, while ``in`` finds a literal with a fast substring
    search (the attribution cues, scanned over every article, are most of them absent)."""
    gate = _GATES.get(rx)
    if gate is None:
        gate = _GATES[rx] = _gate_of(rx)
    return not gate or any(a in text for a in gate)


def _gate_of(rx: re.Pattern) -> tuple[str, ...]:
    """The entry of ``required_literals`` a text is tested for: the longest shortest
    alternative, then the fewest (empty: no test; nor with flags that change what a literal
    matches)."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE) or "(?" in rx.pattern and re.search(r"\(\?[a-zA-Z]*[ix]", rx.pattern):
        return ()
    words = plain_words(rx)
    if words is not None:
        return tuple(words)     # (a plain alternation matches where one of its words stands)
    req = required_literals(rx.pattern)
    return max(req, key=lambda alts: (min(map(len, alts)), -len(alts))) if req else ()


def required_literals(pattern: str) -> list[tuple[str, ...]]:
    """Literal alternatives a match of ``pattern`` must contain: for "(首次|第一次)(发现|揭示)"
    [("首次", "第一次"), ("发现", "揭示")]; for "每周(运动)?\\d+次" [("每周",), ("次",)].

    A text that lacks every alternative of one entry cannot match, which one WordIndex scan
    tells far faster than the regex engine (a pattern opening with a group has no literal
    prefix to search for, so the engine tries it at every position). Only plain text and
    groups of plain alternatives are read; anything else (classes, escapes like \\d, optional
    parts, lookarounds, a top-level |) is skipped, so an entry is always truly required and
    the list may be empty. One item at a time: an escape, a class (``_class_end``), a group
    (``_group_end``: kept when its body is plain alternatives), a metacharacter, a character,
    each with its quantifier (``_skip_quantifier``)."""
    out: list[tuple[str, ...]] = []
    run = ""
    i, n = 0, len(pattern)

    def flush() -> None:
        nonlocal run
        if run:
            out.append((run,))
        run = ""

    while i < n:
        ch = pattern[i]
        if ch == "|":
            return []                   # alternatives at the top: nothing is required of all
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt.isalnum():           # \d, \s, \b ...: not a literal
                flush()
                i, _ = _skip_quantifier(pattern, i + 2)
                continue
            j, optional = _skip_quantifier(pattern, i + 2)
            if optional:
                flush()
            else:
                run += nxt
            i = j
            continue
        if ch == "[":
            flush()
            i, _ = _skip_quantifier(pattern, _class_end(pattern, i) + 1)
            continue
        if ch == "(":
            flush()
            j = _group_end(pattern, i)
            body = pattern[i + 1:j]
            i, optional = _skip_quantifier(pattern, j + 1)
            plain = body and not body.startswith("?") and not any(c in body for c in ".^$*+?{}[]\\()")
            if plain and not optional:
                alts = tuple(body.split("|"))
                if all(alts):
                    out.append(alts)
            continue
        if ch in ".^$)":
            flush()
            i, _ = _skip_quantifier(pattern, i + 1)
            continue
        j, optional = _skip_quantifier(pattern, i + 1)
        if optional:
            flush()                     # this character may be absent
        else:
            run += ch
        i = j
    flush()
    return out


def _skip_quantifier(pattern: str, k: int) -> tuple[int, bool]:
    """Past a quantifier at k, and whether it makes the preceding item optional."""
    n = len(pattern)
    if k < n and pattern[k] in _QUANT:
        optional = pattern[k] != "+"
        k = pattern.index("}", k) + 1 if pattern[k] == "{" and "}" in pattern[k:] else k + 1
        if k < n and pattern[k] in "?+":      # lazy or possessive marker
            k += 1
        return k, optional
    return k, False


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opening at i closes (a ] first, or after ^, is a member)."""
    n = len(pattern)
    j = i + 1
    if j < n and pattern[j] == "^":
        j += 1
    if j < n and pattern[j] == "]":
        j += 1
    while j < n and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j


def _group_end(pattern: str, i: int) -> int:
    """Where the group opening at i closes (escapes and the classes inside skipped)."""
    n = len(pattern)
    depth, j = 0, i
    while j < n:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        j += 1
    return j
