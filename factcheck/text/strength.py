"""How strong a relationship a sentence claims: none, correlational, conditional or direct causal.

The four levels are Yu, Li and Wang's (EMNLP 2019, "Detecting Causal Language Use in Science
Findings"), whose 3,061 labelled PubMed conclusion sentences are the development data for the
English side (bench/strength_eval.py). One classifier reads both a paper's conclusion and an
article's claim, so an overstatement can be stated as a difference of levels: the article says
"降低了" (direct causal) where the paper said "was associated with" (correlational).

The classifier is a short ordered rule over grammatical cues (modal + causal verb, association
vocabulary, comparison wording, recommendations), kept as data in
``data/strength_cues.yaml`` so an editor can extend it; no cue names a topic.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Optional

Level = Literal["none", "correlational", "conditional_causal", "direct_causal"]
LEVELS: tuple[Level, ...] = ("none", "correlational", "conditional_causal", "direct_causal")
RANK = {lvl: i for i, lvl in enumerate(LEVELS)}     # a stronger claim ranks higher

CUE_FILE = "strength_cues.yaml"
LISTS = ("recommendation", "association", "association_weak", "causal_connective", "causal", "causal_base", "causal_blocked_after", "causal_nouns",
         "modal", "negation", "result_wording", "comparison")
_TOP = {"modal_gap", "en", "zh"}
_CJK = re.compile(r"[\u3400-\u9fff]")


class CueFileError(ValueError):
    """strength_cues.yaml (or an editor's copy) cannot be used; the message says why."""


@dataclass(frozen=True)
class Reading:
    """What a sentence claims: its level, whether the claim is negated ("did not reduce",
    "not associated": the paper found no such relationship) and the cue that decided."""

    level: Level
    negated: bool = False
    hedged: bool = False
    cue: str = ""


@dataclass(frozen=True)
class _Lang:
    lists: dict[str, Optional[re.Pattern]]
    conditional: Optional[re.Pattern]          # modal, then a causal verb within the gap


def _compile(pats: list[str], latin: bool) -> Optional[re.Pattern]:
    if not pats:
        return None
    alt = "|".join(f"(?:{p})" for p in pats)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])" if latin else f"(?:{alt})", re.I)


def validate(data: object, source: str = CUE_FILE) -> dict:
    """The cue file's mapping, or CueFileError naming the first key that is not known: a
    misspelt list ("assocation:") must not be silently ignored."""
    if not isinstance(data, dict):
        raise CueFileError(f"{source}: expected a mapping at the top level")
    for k in data:
        if k not in _TOP:
            raise CueFileError(f"{source}: unknown key {k!r} (known: {', '.join(sorted(_TOP))})")
    gap = data.get("modal_gap", {})
    if not isinstance(gap, dict) or set(gap) - {"en", "zh"} or not all(isinstance(v, int) for v in gap.values()):
        raise CueFileError(f"{source}: modal_gap must map en/zh to whole numbers")
    for lang in ("en", "zh"):
        block = data.get(lang) or {}
        if not isinstance(block, dict):
            raise CueFileError(f"{source}: {lang} must be a mapping of cue lists")
        for k, v in block.items():
            if k not in LISTS:
                raise CueFileError(f"{source}: {lang}: unknown cue list {k!r} (known: {', '.join(LISTS)})")
            if not isinstance(v, list) or not all(isinstance(p, str) for p in v):
                raise CueFileError(f"{source}: {lang}.{k} must be a list of patterns")
            for p in v:
                try:
                    re.compile(p)
                except re.error as e:
                    raise CueFileError(f"{source}: {lang}.{k}: bad pattern {p!r}: {e}") from None
    return data


def _build(data: dict, lang: str) -> _Lang:
    latin = lang == "en"
    block = data.get(lang) or {}
    lists = {k: _compile(block.get(k) or [], latin) for k in LISTS if k != "causal_blocked_after"}
    blocked = block.get("causal_blocked_after") or []
    lists["causal_blocked_after"] = (re.compile(rf"(?<![\w-])(?:{'|'.join(f'(?:{p})' for p in blocked)})\W*$", re.I)
                                     if blocked else None)
    gap = int((data.get("modal_gap") or {}).get(lang, 4))
    modal, causal = block.get("modal") or [], (block.get("causal") or []) + (block.get("causal_base") or [])
    cond = None
    if modal and causal:
        m = "|".join(f"(?:{p})" for p in modal)
        c = "|".join(f"(?:{p})" for p in causal)
        if latin:
            cond = re.compile(rf"(?<![\w-])(?:{m})(?:\W+\w+){{0,{gap}}}?\W+(?:{c})(?![\w-])", re.I)
        else:
            cond = re.compile(rf"(?:{m}).{{0,{gap}}}?(?:{c})")
    return _Lang(lists=lists, conditional=cond)


@lru_cache(maxsize=4)
def _cues(path: Optional[str] = None) -> dict[str, _Lang]:
    from pathlib import Path

    from factcheck.core.datafiles import DATA_DIR, safe_load

    p = Path(path) if path else DATA_DIR / CUE_FILE
    data = validate(safe_load(p.read_text(encoding="utf-8")) or {}, str(p))
    return {lang: _build(data, lang) for lang in ("en", "zh")}


def detect_lang(text: str) -> str:
    """zh when the sentence holds Chinese characters, else en."""
    return "zh" if _CJK.search(text) else "en"


def _negated(cues: _Lang, text: str, m: re.Match, lang: str) -> bool:
    neg = cues.lists["negation"]
    if neg is None:
        return False
    window = text[max(0, m.start() - (24 if lang == "en" else 4)):m.end()]
    return bool(neg.search(window))


_AUX = re.compile(r"(?<![\w-])(?:can|will|does|did|do|not|to|and)\W+$", re.I)


def _finite_causal(cues: _Lang, text: str) -> Optional[re.Match]:
    """The first causal verb used as a claim: not right after a word that makes it a purpose
    or a noun ("efforts to reduce", "the need for improving"); a base form that is also a noun
    ("increase") only after can/will/does/to."""
    blocked = cues.lists["causal_blocked_after"]
    for name in ("causal", "causal_base"):
        rx = cues.lists[name]
        if rx is None:
            continue
        for m in rx.finditer(text):
            before = text[max(0, m.start() - 30):m.start()]
            if not before.strip(" \"'“‘(") and m.group()[:1].isupper() and m.group().lower().endswith("ed"):
                continue     # "Reduced compliance remains...": a participle naming a thing
            if blocked is not None and blocked.search(before):
                continue
            if name == "causal_base" and not _AUX.search(before):
                continue
            return m
    return None


_CLAUSE_CUT = re.compile(r"[;；，]|(?<![\w-])(?:but|though|although|whereas)(?![\w-])|但是?|不过|然而", re.I)


def _claim_elsewhere(cues: _Lang, text: str, rec: re.Match) -> bool:
    """A recommendation ("longer follow-up is warranted") in one clause does not cancel the
    claim another clause makes ("X does not improve survival, though ...")."""
    cuts = [0] + [m.end() for m in _CLAUSE_CUT.finditer(text)] + [len(text)]
    lo = max(c for c in cuts if c <= rec.start())
    hi = min(c for c in cuts if c >= rec.end())
    rest = text[:lo] + " | " + text[hi:]
    return any(cues.lists[k] is not None and cues.lists[k].search(rest) for k in ("association",)) or \
        _finite_causal(cues, rest) is not None


def read(sentence: str, lang: Optional[str] = None, cue_file: Optional[str] = None) -> Reading:
    """The level of the relationship a sentence claims, with negation, hedge and the cue that
    decided (the steps are described in strength_cues.yaml)."""
    text = unicodedata.normalize("NFKC", sentence or "")
    lang = lang or detect_lang(text)
    cues = _cues(cue_file)[lang if lang in ("en", "zh") else detect_lang(text)]
    ls = cues.lists

    def hit(name: str) -> Optional[re.Match]:
        rx = ls[name]
        return rx.search(text) if rx is not None else None

    modal = hit("modal")
    assoc = hit("association")
    if (rec := hit("recommendation")) and not _claim_elsewhere(cues, text, rec):
        return Reading("none", cue=rec.group())
    if assoc is not None:
        return Reading("correlational", _negated(cues, text, assoc, lang), modal is not None, assoc.group())
    cond = cues.conditional.search(text) if cues.conditional is not None else None
    if cond is not None:
        return Reading("conditional_causal", _negated(cues, text, cond, lang), True, cond.group())
    if (c := hit("causal_connective")) is not None:
        return Reading("direct_causal", _negated(cues, text, c, lang), False, c.group())
    if (r := hit("result_wording")) is not None:
        return Reading("correlational", _negated(cues, text, r, lang), modal is not None, r.group())
    if (verb := _finite_causal(cues, text)) is not None:
        return Reading("direct_causal", _negated(cues, text, verb, lang), False, verb.group())
    if (weak := hit("association_weak")) is not None:
        return Reading("correlational", _negated(cues, text, weak, lang), modal is not None, weak.group())
    if (noun := hit("causal_nouns")) is not None:
        level: Level = "conditional_causal" if modal is not None else "direct_causal"
        return Reading(level, _negated(cues, text, noun, lang), modal is not None, noun.group())
    if (cmp_ := hit("comparison")) is not None:
        return Reading("correlational", _negated(cues, text, cmp_, lang), modal is not None, cmp_.group())
    return Reading("none", cue="")


def classify(sentence: str, lang: Optional[str] = None) -> Level:
    """The level of the relationship a sentence claims (en or zh; guessed when not given)."""
    return read(sentence, lang).level


def stronger(a: Level, b: Level) -> bool:
    """``a`` claims more than ``b`` (direct causal over conditional over correlational)."""
    return RANK[a] > RANK[b]


def strongest(sentences: list[str], lang: Optional[str] = None) -> tuple[Reading, str]:
    """The strongest claim among a conclusion's sentences and the sentence that makes it (what
    an article may not exceed); ties go to the earlier sentence. ``(Reading("none"), "")`` for
    no sentences."""
    best, where = Reading("none"), ""
    for s in sentences:
        r = read(s, lang)
        if not where or RANK[r.level] > RANK[best.level]:
            best, where = r, s
    return best, where.strip()
