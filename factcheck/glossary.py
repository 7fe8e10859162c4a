"""The bilingual glossary (data/glossary.yaml): term groups and journal names.

Terms are found through an index of their first two characters and lengths (leftmost-longest,
as an alternation would): a Python regex of hundreds of alternatives was the pipeline's
slowest step, and a first-character index still tried several lengths at almost every letter
of an English reference entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True)
class Glossary:
    term_group: dict          # lower-cased term -> group key
    groups: dict              # group key -> [terms]
    journal_group: dict       # lower-cased journal name -> journal key
    journals: dict            # journal key -> [names]
    not_measures: frozenset = frozenset()   # group keys that are designs/populations/interventions
    generic: frozenset = frozenset()        # words too common to identify a measure
    bigrams: dict = None                    # first two lower-cased characters -> term lengths, longest first

    def groups_in(self, text: str) -> set[str]:
        """Glossary group keys whose terms occur in ``text``.

        A two-character index instead of one big alternation (terms have two characters or
        more): at each position only the terms that start with those two characters are
        tried, longest first; Latin terms must stand as whole words ("IR" does not fire
        inside "IRB")."""
        low = text.lower()
        found = set()
        lengths_at, groups = self.bigrams.get, self.term_group
        n = len(low)
        i = 0
        while i < n:
            lengths = lengths_at(low[i:i + 2])          # candidate term lengths, longest first
            if lengths is None:
                i += 1
                continue
            step = 1
            for length in lengths:
                term = low[i:i + length]
                g = groups.get(term)
                if g is None:
                    continue
                j = i + length
                if term.isascii() and ((i > 0 and low[i - 1].isascii() and low[i - 1].isalpha()) or
                                       (j < n and low[j].isascii() and low[j].isalpha())):
                    continue
                found.add(g)
                step = length                 # leftmost-longest, as a regex alternation would
                break
            i += step
        return found

    def expand(self, words: Iterable[str]) -> set[str]:
        """The words plus every synonym of the groups they belong to."""
        out = set()
        for w in words:
            out.add(w)
            g = self.term_group.get(w.lower())
            if g:
                out.update(self.groups[g])
        return out

    def journal_names(self, name: str | None) -> list[str]:
        if not name:
            return []
        key = self.journal_group.get(_jnorm(name))
        return list(self.journals.get(key, [])) if key else []


_SEEN: dict = {}


def cached_groups(gl: Glossary, text: str, limit: int = 20000) -> frozenset:
    """``gl.groups_in(text)``, looked up once: attribution scores a sentence against every
    reference and matching asks whether it names any measure; a summary's topic text recurs
    across an archive. ``forget`` empties the cache (pipeline.forget_texts)."""
    key = (id(gl), text)
    hit = _SEEN.get(key)
    if hit is None or hit[0] is not gl:
        if len(_SEEN) > limit:
            _SEEN.clear()
        hit = _SEEN[key] = (gl, frozenset(gl.groups_in(text)))
    return hit[1]


def forget() -> None:
    _SEEN.clear()


def _jnorm(name: str) -> str:
    return re.sub(r"[\s.()（）&,，]+", "", name).lower()


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None) -> Glossary:
    from factcheck.datafiles import safe_load

    p = Path(path) if path else Path(__file__).parent / "data" / "glossary.yaml"
    data = safe_load(p.read_text(encoding="utf-8")) if p.exists() else {}
    data = data or {}
    groups = {str(k): [str(t) for t in v] for k, v in (data.get("terms") or {}).items()}
    journals = {str(k): [str(t) for t in v] for k, v in (data.get("journals") or {}).items()}
    term_group = {}
    for k, terms in groups.items():
        for t in terms:
            if len(t) >= 2:
                term_group.setdefault(t.lower(), k)
    journal_group = {_jnorm(n): k for k, names in journals.items() for n in names}
    first: dict = {}
    for t in term_group:
        first.setdefault(t[:2], set()).add(len(t))
    first = {pair: sorted(ls, reverse=True) for pair, ls in first.items()}
    return Glossary(term_group, groups, journal_group, journals,
                    frozenset(data.get("not_measures") or ()),
                    frozenset(str(w).lower() for w in data.get("generic_words") or ()), first)
