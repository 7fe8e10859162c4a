"""The bilingual glossary (data/glossary.yaml): term groups and journal names.

Terms are found by one trie-shaped regex (leftmost-longest, as an alternation would): a Python
alternation of hundreds of terms was the pipeline's slowest step, and a per-character loop
over an index of first characters the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from factcheck.text.wordscan import trie_pattern


@dataclass(frozen=True)
class Glossary:
    term_group: dict          # lower-cased term -> group key
    groups: dict              # group key -> [terms]
    journal_group: dict       # lower-cased journal name -> journal key
    journals: dict            # journal key -> [names]
    not_measures: frozenset = frozenset()   # group keys that are designs/populations/interventions
    conditions: frozenset = frozenset()     # group keys that are conditions people have (readers, populations)
    generic: frozenset = frozenset()        # words too common to identify a measure
    term_re: re.Pattern = None              # every lower-cased term, as a trie (see groups_in)
    condition_re: re.Pattern = None         # the terms of ``conditions`` alone (who an article is for)
    not_topics: frozenset = frozenset()     # group keys that name no paper's topic: populations, designs, statistics
    ascii_re: re.Pattern = None             # the ASCII terms alone (an English text holds no other)
    broader: dict = None                    # group key -> the group of the broader condition (lexicon/broader.yaml)
    journal_canon: dict = None              # a journal name as media vary it (_jcanon) -> the one key with it

    def groups_in(self, text: str) -> set[str]:
        """Glossary group keys whose terms occur in ``text``, read leftmost-longest as an
        alternation of the terms would; Latin terms must stand as whole words ("IR" does not
        fire inside "IRB"), and where the longest term there does not, a shorter one may.

        The terms are one trie-shaped regex with the whole-word checks inside
        (wordscan.trie_pattern): a Python alternation of hundreds of terms was once the
        pipeline's slowest step, and a per-character loop in Python the next."""
        groups = self.term_group
        return {groups[m.group()] for m in self._terms_in(text)}

    def names_one_outside(self, text: str, exclude: frozenset) -> bool:
        """Does ``text`` name a term of a group not in ``exclude``? (groups_in, read only as far
        as the first such term)"""
        groups = self.term_group
        return any(groups[m.group()] not in exclude for m in self._terms_in(text))

    def _terms_in(self, text: str) -> Iterator[re.Match]:
        low = text.lower()
        # (an English text (a summary's, a reference entry) holds no Chinese term, and leaving
        # those out spares the engine their branches at every letter where a term may begin)
        return (self.ascii_re if low.isascii() else self.term_re).finditer(low)

    def with_broader(self, groups: Iterable[str]) -> set[str]:
        """The groups and every broader group of each (breast cancer: cancer; stroke:
        cerebrovascular disease, cardiovascular disease), as an article may name its paper's topic."""
        out, todo = set(), list(groups)
        while todo:
            g = todo.pop()
            if g not in out:
                out.add(g)
                up = (self.broader or {}).get(g)
                if up:
                    todo.append(up)
        return out

    def expand(self, words: Iterable[str]) -> set[str]:
        """The words plus every synonym of the groups they belong to."""
        out = set()
        for w in words:
            out.add(w)
            g = self.term_group.get(w.lower())
            if g:
                out.update(self.groups[g])
        return out

    def journal_key(self, name: str | None) -> str | None:
        """The journal table's key for a journal name, in any of its forms (None if unknown);
        else for the name as media vary it (``_jcanon``: 《美国医学会杂志(JAMA)》,
        美国医学会杂志·内科学卷, 美国医学会内科杂志), where that form is one journal's alone."""
        if not name:
            return None
        return self.journal_group.get(_jnorm(name)) or (self.journal_canon or {}).get(_jcanon(name))

    def may_name(self, name: str, key: str | None) -> bool:
        """Can media mean journal ``key`` by ``name``? True where the name, less what media vary
        in it (``_jcanon``), is one of that journal's: 《肝脏病学杂志》 is how Chinese media name
        Hepatology (《肝脏病学》) as well as the Journal of Hepatology, whose table entry it is."""
        if not key or key not in self.journals:
            return False
        form = _jcanon(name)
        return len(form) >= 2 and any(_jcanon(n) == form for n in self.journals[key])

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
    return _memo(gl, (id(gl), text), lambda: frozenset(gl.groups_in(text)), limit)


def names_a_measure(gl: Glossary, text: str, limit: int = 20000) -> bool:
    """Does ``text`` name a measure (a group outside ``not_measures``)? Looked up once, from
    ``cached_groups`` where that already read the text, else read only up to the first."""
    def read() -> bool:
        full = _SEEN.get((id(gl), text))
        if full is not None and full[0] is gl:
            return bool(full[1] - gl.not_measures)
        return gl.names_one_outside(text, gl.not_measures)

    return _memo(gl, ("measure", id(gl), text), read, limit)


def _memo(gl: Glossary, key: tuple, compute, limit: int):
    """``compute()``, kept in ``_SEEN`` under ``key`` for this glossary (an id may be reused
    by another once the first is gone: the glossary itself is kept and checked)."""
    hit = _SEEN.get(key)
    if hit is None or hit[0] is not gl:
        value = compute()
        if len(_SEEN) > limit:
            _SEEN.clear()
        hit = _SEEN[key] = (gl, value)
    return hit[1]


def forget() -> None:
    _SEEN.clear()


def check_broader(broader: dict, groups: dict) -> dict:
    """{narrower: (broader, file)} as {narrower: broader}; a key that is no term group is an
    error naming its file (a misspelt group would silently name nothing)."""
    bad = [f"{f}: {k} -> {v}" for k, (v, f) in broader.items() if k not in groups or v not in groups]
    if bad:
        raise ValueError("lexicon broader terms name unknown groups: " + "; ".join(bad))
    return {k: v for k, (v, _f) in broader.items()}


def _jnorm(name: str) -> str:
    return re.sub(r"[\s.()（）&,，]+", "", name).lower()


# what media vary in a journal's Chinese name: the original in brackets, the separator before a
# section (· • - — : 、), the word for journal (杂志, 期刊, 学报, 卷, 子刊) and 学 (内科学 / 内科)
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_VARIED = re.compile(r"[\s.,，&·•‧・\-–—:：、/《》]+|杂志|期刊|学报|院刊|分册|子刊|卷|学")


def _jcanon(name: str) -> str:
    """A journal's name less what media vary in it (see ``_VARIED``)."""
    rest = _BRACKETED.sub("", name)
    return _VARIED.sub("", rest if rest.strip("《》 ") else name).lower()


def _canon_index(journals: dict) -> dict:
    """``_jcanon`` form -> key, for the forms that one journal alone has (a form two journals
    share names neither)."""
    owners: dict[str, set] = {}
    for k, names in journals.items():
        for n in names:
            c = _jcanon(n)
            if len(c) >= 2:
                owners.setdefault(c, set()).add(k)
    return {c: next(iter(ks)) for c, ks in owners.items() if len(ks) == 1}


LEXICON_DIR = Path(__file__).parent.parent / "data" / "lexicon"


def _merge(into: dict, extra: dict) -> None:
    """Term or journal groups of another file: a key both files name gets the union of names."""
    for k, v in (extra or {}).items():
        names = into.setdefault(str(k), [])
        names.extend(str(t) for t in (v or []) if str(t) not in names)


@lru_cache(maxsize=4)
def load_glossary(path: str | None = None, lexicon: bool = True) -> Glossary:
    """The glossary (data/glossary.yaml) and, for the default one, the bilingual lexicon
    (data/lexicon/*.yaml: term groups by field and the journal table, in the same format).

    ``lexicon=False``: the glossary alone, the vocabulary hand-written summaries were curated
    against. Their matching keeps to it, so that a word the lexicon adds for other fields
    (妊娠 in 持续妊娠组) never changes how a curated finding is read; drafts from abstracts and
    articles checked against one paper they do not list read the whole lexicon."""
    from factcheck.core.datafiles import safe_load

    p = Path(path) if path else Path(__file__).parent.parent / "data" / "glossary.yaml"
    data = safe_load(p.read_text(encoding="utf-8")) if p.exists() else {}
    data = data or {}
    groups = {str(k): [str(t) for t in v] for k, v in (data.get("terms") or {}).items()}
    journals = {str(k): [str(t) for t in v] for k, v in (data.get("journals") or {}).items()}
    not_measures = set(data.get("not_measures") or ())
    conditions = set(data.get("conditions") or ())
    not_topics = set(data.get("not_topics") or ())
    regional: dict = {}
    broader: dict = {}
    for extra in (sorted(LEXICON_DIR.glob("*.yaml")) if path is None and lexicon and LEXICON_DIR.is_dir() else ()):
        more = safe_load(extra.read_text(encoding="utf-8")) or {}
        _merge(groups, more.get("terms"))
        _merge(journals, more.get("journals"))
        _merge(regional, more.get("regional_names"))
        broader.update({str(k): (str(v), extra.name) for k, v in (more.get("broader") or {}).items()})
        not_measures |= set(more.get("not_measures") or ())
        conditions |= set(more.get("conditions") or ())
        not_topics |= set(more.get("not_topics") or ())
    broader = check_broader(broader, groups)
    term_group = {}
    for k, terms in groups.items():
        for t in terms:
            if len(t) >= 2:
                term_group.setdefault(t.lower(), k)
    # a journal family's name as another region's media write it (刺胳针 for 柳叶刀, in Taiwan):
    # every name holding the one holds the other too
    for word, others in regional.items():
        for k, names in journals.items():
            names.extend(n.replace(word, o) for n in list(names) if word in n for o in others
                         if n.replace(word, o) not in names)
    journal_group = {_jnorm(n): k for k, names in journals.items() for n in names}
    return Glossary(term_group, groups, journal_group, journals,
                    frozenset(not_measures), frozenset(conditions),
                    frozenset(str(w).lower() for w in data.get("generic_words") or ()),
                    re.compile(trie_pattern(term_group, latin_whole_words=True) or "(?!)"),
                    re.compile(trie_pattern([t for t, g in term_group.items() if g in conditions],
                                            latin_whole_words=True) or "(?!)"),
                    frozenset(not_topics),
                    re.compile(trie_pattern([t for t in term_group if t.isascii()], latin_whole_words=True) or "(?!)"),
                    broader, _canon_index(journals))
