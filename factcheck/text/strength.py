"""How strong a relationship a sentence claims: none, correlational, conditional or direct causal.

The four levels are Yu, Li and Wang's (EMNLP 2019, "Detecting Causal Language Use in Science
Findings"), whose 3,061 labelled PubMed conclusion sentences are the development data for the
English side (bench/strength_eval.py). One classifier reads both a paper's conclusion and an
article's claim, so an overstatement can be stated as a difference of levels: the article says
"降低了" (direct causal) where the paper said "was associated with" (correlational).

The classifier is a short ordered rule over grammatical cues (modal + causal verb, association
vocabulary, comparison wording, recommendations), kept as data in
``data/strength_cues.yaml`` so an editor can extend it; no cue names a topic. The English side
may instead read with a small fitted model over words, word pairs and these rules' outputs
(``Model``, fitted by bench/strength_fit.py; see the section at the end of this module).
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
    decided. Chinese: the cue rules (the steps are described in strength_cues.yaml). English:
    the fitted model when its weights are present (see ``model``), else the same rules; the
    negation comes from the rules either way."""
    text = unicodedata.normalize("NFKC", sentence or "")
    lang = lang or detect_lang(text)
    lang = lang if lang in ("en", "zh") else detect_lang(text)
    cues = _cues(cue_file)[lang]
    r = _read_rules(text, lang, cues)
    m = model() if lang == "en" else None
    if m is None:
        return r
    level = m.predict(features(text, cue_file))
    if level == r.level:
        return r
    if level == "none":
        return Reading("none", cue="(fitted model)")
    return Reading(level, r.negated, level == "conditional_causal" or r.hedged, "(fitted model)")


def read_rules(sentence: str, lang: Optional[str] = None, cue_file: Optional[str] = None) -> Reading:
    """``read`` by the cue rules alone, whatever the language and whether a model is fitted."""
    text = unicodedata.normalize("NFKC", sentence or "")
    lang = lang or detect_lang(text)
    lang = lang if lang in ("en", "zh") else detect_lang(text)
    return _read_rules(text, lang, _cues(cue_file)[lang])


def _read_rules(text: str, lang: str, cues: _Lang) -> Reading:
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


# ---------------------------------------------------------------- the fitted English model
#
# The English side may carry a small multinomial logistic regression over the sentence's words
# and word pairs PLUS the cue rules' outputs above (the level they decide, which cue lists hit,
# negation, hedge). It is fitted on Yu et al.'s sentences by bench/strength_fit.py (fixed seed,
# numpy only) into ``data/strength_model.json``. That file is NOT in the repository: Yu et al.'s
# data is GPL-3.0 and this project is MIT, so the weights derived from it are fitted where the
# data was fetched (``python bench/strength_fit.py --data DIR``), and without them the English
# side is the rules alone. ``FACTCHECK_STRENGTH_MODEL`` names another weights file ("" or
# "none": rules only). The Chinese side is always the rules.

MODEL_FILE = "strength_model.json"
_TOKEN = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:\.\d+)?|[^\w\s]")


def features(sentence: str, cue_file: Optional[str] = None) -> list[str]:
    """The names of an English sentence's features: ``w:`` words (numbers as ``0``), ``b:``
    word pairs (with sentence edges), ``s:`` and ``sb:`` the same over words cut to their first
    five letters, ``r:`` the rules' level, negation and hedge, ``c:`` each
    cue list that occurs, ``c:conditional`` a modal before a causal verb."""
    text = unicodedata.normalize("NFKC", sentence or "")
    toks = ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())]
    out = {"w:" + t for t in toks}
    edged = ["<s>"] + toks + ["</s>"]
    out.update(f"b:{a} {b}" for a, b in zip(edged, edged[1:]))
    stems = [t[:5] for t in edged]          # associat-ed/-ion, reduc-es/-ed/-tion
    out.update("s:" + t for t in stems[1:-1])
    out.update(f"sb:{a} {b}" for a, b in zip(stems, stems[1:]))
    cues = _cues(cue_file)["en"]
    r = _read_rules(text, "en", cues)
    out.add("r:" + r.level)
    if r.negated:
        out.add("r:negated")
    if r.hedged:
        out.add("r:hedged")
    for name, rx in cues.lists.items():
        if rx is not None and name != "causal_blocked_after" and rx.search(text):
            out.add("c:" + name)
    if cues.conditional is not None and cues.conditional.search(text):
        out.add("c:conditional")
    if _finite_causal(cues, text) is not None:
        out.add("c:finite_causal")
    return sorted(out)


@dataclass(frozen=True)
class Model:
    """Weights per feature and class (``LEVELS`` order) and a bias per class."""

    weights: dict[str, tuple[float, ...]]
    bias: tuple[float, ...]
    meta: dict

    def scores(self, feats: list[str]) -> list[float]:
        s = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for k in range(len(s)):
                    s[k] += w[k]
        return s

    def predict(self, feats: list[str]) -> Level:
        s = self.scores(feats)
        return LEVELS[max(range(len(s)), key=s.__getitem__)]


def model_from_json(data: dict) -> Model:
    if data.get("levels") != list(LEVELS):
        raise CueFileError(f"{MODEL_FILE}: levels {data.get('levels')!r} are not {list(LEVELS)!r}")
    feats, w = data["features"], data["weights"]
    return Model({f: tuple(row) for f, row in zip(feats, w)}, tuple(data["bias"]),
                 {k: v for k, v in data.items() if k not in ("features", "weights", "bias")})


@lru_cache(maxsize=4)
def _model(path: Optional[str]) -> Optional[Model]:
    import json
    import os
    from pathlib import Path

    if path is None:
        env = os.environ.get("FACTCHECK_STRENGTH_MODEL")
        if env is not None and env.strip().lower() in ("", "none"):
            return None
        p = Path(env) if env else Path(__file__).parent.parent / "data" / MODEL_FILE
        if not p.exists():
            if env:
                raise CueFileError(f"FACTCHECK_STRENGTH_MODEL={env}: no such file")
            return None
    else:
        p = Path(path)
    return model_from_json(json.loads(p.read_text(encoding="utf-8")))


def model(path: Optional[str] = None) -> Optional[Model]:
    """The fitted English model, or None when no weights were fitted (rules only)."""
    return _model(path)
