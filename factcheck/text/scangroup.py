"""Several patterns' matches found in one scan of a text.

A search for a pattern that opens with a class of characters tests every character of the text
against that class; a dozen such patterns over a mostly Chinese article are a dozen passes over
it. A ScanGroup searches once for the places where any of its patterns can match (their
alternation behind the union of their first characters, which the regex engine skips ahead to)
and matches each pattern there, so each still gets exactly its own ``finditer``
(tests/test_numbers.py holds the groups to it over the real corpus)."""
from __future__ import annotations

import re
from typing import Optional

try:                                    # the regex parser: re._parser from 3.11, sre_parse before
    from re import _parser as _sre
except ImportError:                     # pragma: no cover (Python 3.10)
    import sre_parse as _sre            # type: ignore[no-redef]

_IGNORECASE = re.IGNORECASE.value
_ZERO_WIDTH = {getattr(_sre, n) for n in ("ASSERT", "ASSERT_NOT", "AT")}
_REPEATS = {getattr(_sre, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, n)}
_GROUPS = {getattr(_sre, n) for n in ("SUBPATTERN", "ATOMIC_GROUP") if hasattr(_sre, n)}


def _class_ranges(items) -> Optional[set]:
    """The (first, last) code points of a parsed class, or None for one this does not read
    (negated, or with a category such as \\d)."""
    out = set()
    for op, av in items:
        if op is _sre.LITERAL:
            out.add((av, av))
        elif op is _sre.RANGE:
            out.add(av)
        else:
            return None
    return out


def _first(items) -> Optional[tuple[set, bool]]:
    """(ranges of the characters a match of the parsed sequence can open with, whether it can
    match the empty string), or None where that is not read here (the group then falls back)."""
    out: set = set()
    for op, av in items:
        if op is _sre.LITERAL:
            out.add((av, av))
            return out, False
        if op is _sre.IN:
            ranges = _class_ranges(av)
            if ranges is None:
                return None
            return out | ranges, False
        if op in _ZERO_WIDTH:
            continue                    # a lookaround consumes nothing: the next item opens
        if op in _GROUPS or op in _REPEATS or op is _sre.BRANCH:
            if op in _GROUPS:
                if op is _sre.SUBPATTERN and (av[1] & _IGNORECASE):
                    return None
                subs, least = [av[-1]], 1
            elif op in _REPEATS:
                subs, least = [av[2]], av[0]
            else:
                subs, least = av[1], 1
            nullable = False
            for sub in subs:
                got = _first(sub.data if hasattr(sub, "data") else sub)
                if got is None:
                    return None
                out |= got[0]
                nullable = nullable or got[1]
            if least > 0 and not nullable:
                return out, False
            continue
        return None
    return out, True


def first_class(rx: re.Pattern) -> Optional[str]:
    """A character class holding every character a match of ``rx`` can open with, or None."""
    if not isinstance(rx.pattern, str) or rx.flags & _IGNORECASE:
        return None
    got = _first(_sre.parse(rx.pattern, rx.flags).data)
    if got is None or got[1] or not got[0]:
        return None
    parts = (re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
             for a, b in sorted(got[0]))
    return "[" + "".join(parts) + "]"


class ScanGroup:
    """Patterns searched for together: ``hits(text)[i]`` is ``patterns[i].finditer(text)``."""

    def __init__(self, patterns):
        self.patterns = tuple(patterns)
        self.index = {id(rx): i for i, rx in enumerate(self.patterns)}
        # (group names dropped and back references widened to any text: a superset of each
        # pattern's matches, as only the places are wanted)
        alts = "|".join("(?:" + re.sub(r"\(\?P=\w+\)", "(?s:.*?)", re.sub(r"\(\?P<\w+>", "(?:", rx.pattern)) + ")"
                        for rx in self.patterns)
        assert all(rx.flags == re.UNICODE and "(?(" not in rx.pattern for rx in self.patterns)
        classes = [first_class(rx) for rx in self.patterns]
        if all(classes):
            # one class first (the engine skips to each of its characters), then the alternation
            # tried from that character: a lookahead inside a lookbehind of its one character
            union = "[" + "".join(c[1:-1] for c in classes) + "]"
            self.any = re.compile(f"{union}(?<=(?={alts}){union})")
        else:
            self.any = re.compile(f"(?=(?:{alts}))")

    def hits(self, text: str) -> list[list[re.Match]]:
        """Each pattern's finditer over ``text``: at each place one of them can match, in order,
        each pattern whose last match ends there or before is matched."""
        out: list[list[re.Match]] = [[] for _ in self.patterns]
        after = [0] * len(self.patterns)
        search, pos = self.any.search, 0
        while (m := search(text, pos)) is not None:
            q = m.start()
            for i, rx in enumerate(self.patterns):
                if q >= after[i] and (h := rx.match(text, q)) is not None:
                    out[i].append(h)
                    after[i] = max(h.end(), q + 1)
            pos = q + 1
        return out
