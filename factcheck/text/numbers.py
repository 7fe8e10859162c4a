"""Numeric mentions: every number of an article with its unit, kind, qualifier and role.

Public API (one function)::

    extract(text, spans=None, *, norm=None, id_prefix="m") -> list[Mention]

``text`` is the article as decoded; ``spans`` the [start, end) regions to read (the body),
None for all of it; ``norm`` an optional same-length folded copy (textnorm.normalize).
Patterns run on the folded copy, so every offset is an offset in ``text`` and
``surface == text[start:end]``. Conventions (surface, kind, unit codes, qualifiers,
checkable) are those of tests/gold/README.md.

How it works, in three passes over each region (all regexes precompiled, quantifiers
bounded, every check local to a few characters: the run time is linear in the text):

1. *Exclusions*: URLs, DOIs, PMIDs, citation brackets [1,2], trial registrations, software
   versions (SPSS 23.0), postal codes. They are masked out and yield nothing.
2. *Whole forms* that are recognised as one piece and masked: dates (2022年5月3日,
   2026 Jan 1), confidence intervals (95% CI: 1.035-2.508), p-values (P<0.05, p = .72),
   statistic labels (OR=1.385, n=138, r = 0.47), slogans (1+1>2), section and list markers at
   line start (01, ①, 一、, 1., 1.1), table references (表1), approval codes, 百分之X, X分之Y
   (any base: 千分之二, 百万分之五), X成 (三成半, 七成六, 半成), 一半 (50%); then the *open
   forms* a reader takes as intervals or reads in one piece (open_forms): 100多 and 十几万
   (value the written base, ``bounds`` [low, high)), 近万, 上百, 三五百 and 十五六 (ranges),
   5万4千6百, 1 776例, 16 万, 两倍半, 超过1/2, 半茶匙.
3. *Number tokens* in what is left: Arabic numbers (thousands separators, decimals, 万/亿,
   x 10^6) and Chinese numerals (via cn2an), each with its unit (data/units.yaml), the
   comparator or word qualifier before it, and the name checks (2型, IL-17, T2DM, IGF-1 are
   not numbers). Neighbouring tokens are then combined when the few characters between
   them say so: ranges (45-60分钟, 8～12周, 200 mg/kg至800 mg/kg), lists sharing a unit
   (9、20、32、48周), comparisons (24.11% vs. 13.77%), changes (从7.77%降至7.52%),
   mean ± SD, median (P25～P75), n (%) table cells.

Word lists live in data/numbers.yaml and units in data/units.yaml, so an editor can extend them.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Iterator, Optional


from factcheck.core.gcpause import paused
from factcheck.core.model import Mention
from factcheck.text.scangroup import ScanGroup
from factcheck.text.textnorm import fold_width
from factcheck.text.wordscan import may_match, positions

__all__ = ["extract"]

_DATA = Path(__file__).resolve().parent.parent / "data"


def _load(name: str) -> dict:
    from factcheck.core.datafiles import data_file

    return data_file(name) or {}


_LEX = _load("numbers.yaml")
_UNITS_CFG = _load("units.yaml")


def _alts(words, escape=True) -> list[str]:
    """The branches of ``_alt``, longest first."""
    ws = sorted({fold_width(str(w)) for w in words if str(w)}, key=len, reverse=True)
    return [re.escape(w) if escape else w for w in ws]


def _alt(words, escape=True) -> str:
    """Regex alternation, longest first (so 不超过 wins over 超过)."""
    return "|".join(_alts(words, escape))


# ====================================================================== character classes

_CN_DIG = "零〇一二两三四五六七八九"
# the capital (financial) forms 壹贰叁 … 拾佰仟 read as the ordinary ones (cn2an knows them)
_CN_CAP = "壹贰叁肆伍陆柒捌玖拾佰仟"
# traditional forms that fold_width keeps (萬 億 兩): read as 万 亿 两 when no t2s copy is given
_CN_TRAD = "萬億兩"
# (廿 and 卅, twenty and thirty in one sign, as Hong Kong print writes them: 廿一萬, 四百卅八名)
_CN_ALL = _CN_DIG + "十百千万亿廿卅" + _CN_CAP + _CN_TRAD
_TRAD_NUM = str.maketrans("萬億兩點負", "万亿两点负")
_NUM = r"(?:[0-9]{1,15}(?:\.[0-9]{1,15})?|\.[0-9]{1,15})"
_CNNUM = rf"(?:[{_CN_ALL}]{{1,40}}(?:点[{_CN_DIG}]{{1,15}})?)"
# x 10^6, ×10⁶, e-5 after a number (exponent <= 2 digits: no float overflow)
_SCI = (r"(?:[ \t]{0,2}[×xX*][ \t]{0,2}10[ \t]{0,2}(?:\^|\*\*)[ \t]{0,2}(?P<exp>[-−]?[0-9]{1,2})"
        r"|[ \t]{0,2}×[ \t]{0,2}10(?P<sup>[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})"
        r"|[eE](?P<eexp>[-−]?[0-9]{1,2}))")
_SUPER = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZµ"
                     + "".join(map(chr, range(0x370, 0x400))))
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _is_letter(c: str) -> bool:
    return c in _LETTERS


_AGED_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+|between\s+)?$", re.I)


def _in_english(seg: str, a: int) -> bool:
    """Is the number at ``a`` inside English prose (a pasted abstract)? The last characters before
    it hold Latin words and no Chinese."""
    before = seg[max(0, a - 24):a]
    return sum(c in _LETTERS for c in before) >= 8 and not any(_is_han(c) for c in before)


def _is_han(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff"


# ====================================================================== units

class _Unit:
    __slots__ = ("code", "kind", "generic", "refine", "name", "scaled", "near")

    def __init__(self, code, kind, generic, refine, name, scaled=None, near=None):
        self.code, self.kind, self.generic, self.refine, self.name = code, kind, generic, refine, name
        self.scaled = scaled        # the code after a power of ten (50~100×10^6个: cells)
        self.near = near or {}      # refine words that may stand a few modifiers on (6家三级医院)


def _ukey(s: str) -> str:
    return s if len(s) == 1 else s.casefold()


def _build_units(cfg):
    info: dict[str, _Unit] = {}
    kinds: dict[str, str] = {}
    for e in cfg.get("units") or []:
        code = str(e.get("code") or "")
        kind = str(e["kind"])
        refine = {fold_width(str(k)): str(v) for k, v in (e.get("refine") or {}).items()}
        refine = dict(sorted(refine.items(), key=lambda kv: -len(kv[0])))
        near = {fold_width(str(k)): str(v) for k, v in (e.get("refine_near") or {}).items()}
        u = _Unit(code, kind, bool(e.get("generic")), refine, str(e.get("name") or code),
                  str(e["scaled"]) if e.get("scaled") else None, near)
        if code and code not in kinds:
            kinds[code] = kind
        for a in e.get("aliases") or []:
            a = fold_width(str(a))
            info.setdefault(_ukey(a), u)
    # one regex per (case-folded) first character: a single alternation of ~250 aliases would
    # be tried branch by branch after every number
    groups: dict[str, list[str]] = {}
    aliases = set()
    # `not_before`: what may not follow the alias (周期 is no cycle in 18到32周期间)
    stops: dict[str, list[str]] = {}
    exact: set[str] = set()         # `case_sensitive`: Hz is no HZ (herpes zoster's cases)
    for e in cfg.get("units") or []:
        for a in e.get("aliases") or []:
            aliases.add(fold_width(str(a)))
            if e.get("case_sensitive"):
                exact.add(fold_width(str(a)))
            if e.get("not_before"):
                stops.setdefault(fold_width(str(a)), []).extend(fold_width(str(x)) for x in e["not_before"])
    for a in sorted(aliases, key=len, reverse=True):
        p = re.escape(a)
        if (len(a) == 1 and a.isascii() and a.isalpha()) or a in exact:
            p = f"(?-i:{p})"
        if a[-1].isascii() and a[-1].isalnum():
            p += "(?![A-Za-z0-9])"
        if a in stops:
            p += "(?!" + "|".join(re.escape(x) for x in stops[a]) + ")"
        groups.setdefault(a[0].casefold(), []).append(p)
    by_first = _ByFirst()
    for c, ps in groups.items():
        source = "(?:" + "|".join(ps) + ")"
        for v in {c, c.upper(), c.lower()}:
            by_first.sources[v] = source
    return info, kinds, by_first


class _ByFirst:
    """First character -> the regex of the unit aliases starting with it, compiled when a
    number is first followed by that character: an article meets a dozen of the sixty, and
    compiling them all cost every cold start 30 ms."""

    def __init__(self):
        self.sources: dict[str, str] = {}
        self.compiled: dict[str, Optional[re.Pattern]] = {}

    def get(self, ch: str) -> Optional[re.Pattern]:
        rx = self.compiled.get(ch, _NOT_YET)
        if rx is _NOT_YET:
            source = self.sources.get(ch)
            rx = self.compiled[ch] = re.compile(source, re.I) if source is not None else None
        return rx


_NOT_YET = object()


_UNIT_INFO, _UNIT_KIND, _UNIT_BY_FIRST = _build_units(_UNITS_CFG)
# measure words that 半 may stand before (半茶匙 = 0.5 teaspoon)
_UNIT_MW = {str(e.get("code")): True for e in _UNITS_CFG.get("units") or [] if e.get("measure_word")}
_UNIT_KIND.setdefault("", "measurement")
# multi-character units with a slash (kg/m², mg/kg ...) may follow after a line break
_SLASH_UNIT_RE = re.compile(
    r"\s{0,6}(?P<u>" + "|".join(
        re.escape(a) + ("(?![A-Za-z0-9])" if a[-1].isascii() and a[-1].isalnum() else "")
        for a in sorted({fold_width(str(a)) for e in _UNITS_CFG.get("units") or []
                         for a in e.get("aliases") or [] if "/" in str(a)}, key=len, reverse=True))
    + ")", re.I)


_UNIT_FIRST = {c for a in _UNIT_INFO for c in (a[0], a[0].upper(), a[0].lower())} | set(" \t\n")


# (English) a count, then up to three words that describe whom it counts, then the people:
# no function word among them (5 of 20 patients, 2 groups of patients are not counts of people)
_MODIFIED_PEOPLE_RE = re.compile(
    r" (?:(?!(?:and|or|of|with|in|to|the|a|an|at|per|from|vs|versus|were|was|who|that|had|have|for|by|on|"
    r"than|more|less|fewer|times|each|all|both|other)[ -])[A-Za-z][A-Za-z-]{0,24} ){1,3}"
    r"(?P<p>patients|participants|subjects|people|persons|individuals|women|men|adults|children|cases|controls|"
    r"volunteers|adolescents|infants|veterans|residents)(?![A-Za-z])")


def _line_starts_matching(rx: re.Pattern, seg: str) -> Iterator[re.Match]:
    """``rx.finditer(seg)`` for a pattern anchored at a line's start ((?m)^…) whose matches stay
    on their line: tried at each line's start alone (the engine's own search, with no first
    character to skip ahead to, would try it at every position of the text)."""
    p = 0
    while p != -1:
        m = rx.match(seg, p)
        if m is not None:
            yield m
        p = seg.find("\n", p)
        if p != -1:
            p += 1


def _match_unit(seg: str, p: int):
    """(unit, end, alias) of a unit starting at p, after at most two blanks (and one line
    break: PDF text wraps between a number and its unit), else None."""
    n = len(seg)
    if p >= n or seg[p] not in _UNIT_FIRST:
        return None
    q = p
    if seg[q] in " \t\n":
        k = 0
        while q < n and k < 2 and seg[q] in " \t":
            q += 1
            k += 1
        if q < n and seg[q] == "\n":
            q += 1
            k = 0
            while q < n and k < 2 and seg[q] in " \t":
                q += 1
                k += 1
        if q >= n:
            return None
    rx = _UNIT_BY_FIRST.get(seg[q])
    m = rx.match(seg, q) if rx is not None else None
    if m is None:
        if seg[p] not in " \t\n":
            return None
        m = _SLASH_UNIT_RE.match(seg, p)
        if m is None:
            return None
        alias = m.group("u")
    else:
        alias = m.group()
    u = _UNIT_INFO.get(_ukey(alias))
    if u is None:
        return None
    return u, m.end(), alias


def _ukind(u: _Unit, code: str) -> str:
    return u.kind if code == u.code else _UNIT_KIND.get(code, u.kind)


_NEAR_GAP = 4      # Han characters of modifiers a ``refine_near`` word may stand behind (三级, 教学)


def _refine(u: _Unit, seg: str, e: int) -> str:
    for w, code in u.refine.items():
        if seg.startswith(w, e):
            return code
    for w, code in u.near.items():
        k = seg.find(w, e, e + _NEAR_GAP + len(w))
        if k >= 0 and all(_is_han(c) for c in seg[e:k]):
            return code
    return u.code


# ====================================================================== lexicon regexes

def _qual_words(key: str) -> dict:
    return {fold_width(str(w)): q for q, ws in (_LEX.get(key) or {}).items() for w in ws}


_QUAL_BEFORE = _qual_words("qualifiers_before")
_QUAL_AFTER = _qual_words("qualifiers_after")
_QUAL_INSIDE = _qual_words("qualifiers_inside")
_THRESH_WORDS = {fold_width(str(w)) for w in _LEX.get("threshold_words") or []}
# (a verb of change may stand between: 至少降低了5%, 约减少30%: the bound is the change's)
_QB_VERBS = "降低|减少|下降|减轻|增加|提高|升高|上升"
_QB_RE = re.compile(rf"(?P<w>{_alt(_QUAL_BEFORE)})(?:\s{{0,4}}(?:(?:{_QB_VERBS})了?|达到|了|为|是|有|达|在|占|到))?\s{{0,4}}$")
_QB_LAST = {w[-1] for w in _QUAL_BEFORE} | set("了为是有达在占到")
_QB_WORD_LAST = {w[-1] for w in _QUAL_BEFORE}
_QB_VERB_LAST = {v[-1] for v in _QB_VERBS.split("|")}
_QA_RE = re.compile(rf"[ \t]{{0,2}}(?P<w>{_alt(_QUAL_AFTER)})")
_QI_FIRST = {w[0] for w in _QUAL_INSIDE}
_QA_FIRST = {w[0] for w in _QUAL_AFTER} | set(" \t")
_QI_RE = re.compile(rf"(?:{_alt(_QUAL_INSIDE)})")
_INCREASE_RE = re.compile(rf"(?:{_alt(_LEX.get('increase_words') or ['提高'])})了?[^的到至,.;:。]{{0,4}}$")
_CHANGE_GAP_RE = re.compile(rf"\s{{0,2}}(?:{_alt(_LEX.get('change_words') or ['下降'])})了?"
                            r"\s{0,2}(?:至|到)\s{0,2}")
_STAT_KIND = {fold_width(str(k)): str(v) for k, v in (_LEX.get("stat_labels") or {}).items()}
_NAME_STEMS = tuple(sorted({fold_width(str(w)) for w in _LEX.get("name_stems") or []}, key=len, reverse=True))
_NAME_WORD_RE = re.compile(r"(?<![A-Za-z])(?:" + _alt(_LEX.get("name_words") or ["type"]) + r")[ \t]?$", re.I)
_STEM_LAST = {w[-1] for w in _NAME_STEMS}
_NAME_SUFFIX_FIRST = set(" \t" + "".join(w[0] for w in _LEX.get("name_suffixes") or ["型"]))
_NAME_SUFFIX_RE = re.compile(rf"[ \t]{{0,2}}(?:{_alt(_LEX.get('name_suffixes') or ['型'])})")
_INDEF_UNITS = {fold_width(str(w)) for w in _LEX.get("indefinite_units") or []}
_DET_UNITS = {fold_width(str(w)) for w in _LEX.get("determiner_units") or []}
_ONE_COUNT_AFTER = tuple(str(w) for w in _LEX.get("one_is_a_count_after") or [])
_DESIGN_CLS = {str(w) for w in _LEX.get("design_classifiers") or []}
_CHENG_NOT = "".join(_LEX.get("cheng_not_before") or [])

_COMP_MAP = {"<": "less_than", ">": "more_than", "≤": "at_most", "≥": "at_least", "<=": "at_most",
             ">=": "at_least", "≦": "at_most", "≧": "at_least", "⩽": "at_most", "⩾": "at_least",
             "=": None, ":": None}
_COMP = r"(?:<=|>=|≤|≥|≦|≧|⩽|⩾|<|>)"
_COMP_CHARS = set("<>≤≥≦≧⩽⩾=")
# characters before a number that context() has to look at (ordinal, sign, comparator, word)
_CTX_PC = _QB_LAST | _COMP_CHARS | set("第- \t\n负負")
_COMP_END_RE = re.compile(rf"(?P<c>{_COMP})[ \t]?$")
_EQ_END_RE = re.compile(r"=[ \t]{0,2}$")
_LABEL_END_RE = re.compile(
    r"(?<![A-Za-z0-9])(?P<l>[A-Za-z\u0370-\u03ff][A-Za-z0-9\u0370-\u03ff]{0,12}"
    r"(?:(?:-\s{0,3}|/[ \t]?)[A-Za-z0-9\u0370-\u03ff]{1,12}){0,3})\)?[ \t]{0,2}"
    r"(?:指数|比值|水平|浓度|值)?[ \t]{0,2}(?:的)?$")
_PER = {"周": "per_week", "星期": "per_week", "天": "per_day", "日": "per_day", "晚": "per_day",
        "月": "per_month", "年": "per_year"}
_EVERY = "每(?P<per>" + "|".join(_PER) + ")"
_FREQ_CTX_RE = re.compile(_EVERY + r"[\u4e00-\u9fff]{0,4}$")
_FREQ_TIMES_CTX_RE = re.compile(_EVERY + r"[\u4e00-\u9fff]{0,12}$")
# 一次 after a frequency's 每周 or a bound's 至少 with a verb between (每周注射一次, 至少跌倒一次)
_ONCE_CTX_RE = re.compile("(?:" + _EVERY + r"|至少|最少)[\u4e00-\u9fff]{1,5}$")


def per_unit_before(text: str, pos: int, times: bool = False) -> Optional[str]:
    """per_day/per_week/…: the 每天/每周 just before ``pos`` (每天喝一罐: a count a day); for a
    count of times, the 每天 its clause opens with, its verb and object between (每天至少使用漱口水
    两次: twice a day)."""
    if times:
        fm = _FREQ_TIMES_CTX_RE.search(text, max(0, pos - 16), pos)
        if fm:
            return _PER[fm.group("per")]
    fm = _FREQ_CTX_RE.search(text, max(0, pos - 7), pos)
    return _PER[fm.group("per")] if fm else None

# a mass dose per body weight written with 每公斤 before it, or sharing the per-kilogram of the
# next dose of a pair ("10 mg or 20 mg per kilogram per day", 10或20毫克/公斤): each mass unit
# with its per-kilogram unit (matching holds a flat dose against the paper's per-kilogram one)
PER_KG = {"mg": "mg/kg", "g": "g/kg"}
_PER_KG_BEFORE = re.compile(r"每(?:公斤|千克)(?:体重)?[ \t]{0,2}$")
_PER_KG_SHARED = re.compile(r"[ \t]{0,2}(?:或|和|至|到|、|or|and|to|-|–)[ \t]{0,2}[0-9.]{1,6}[ \t]{0,2}"
                            r"(?:mg|毫克|g|克)[ \t]{0,2}(?:per kilogram|per kg|/kg|/公斤|/千克|每公斤|每千克)")

# gaps between two tokens (fullmatch)
_RANGE_FIRST = set("-–—~至到t")
_EN_TO_RE = re.compile(r"[ \t]{1,2}to[ \t]{1,2}")
_EN_FROM_RE = re.compile(r"\bfrom[ \t]{1,2}$", re.I)
_EN_RANGED_RE = re.compile(r"\b(rang\w*|between|aged)[ \t]{1,2}from[ \t]{1,2}$", re.I)
# a number a word before it names as a time point ("at age 2 to 6.1% at age 19", "week 12 to 40%"):
# no low end of a range of percents
_EN_NAMED_POINT_RE = re.compile(r"\b(?:ages?|weeks?|months?|years?|days?|visits?|waves?|cycles?)[ \t]{1,2}$", re.I)
_LIST_FIRST = set("、以和及与或,")
_CHANGE_FIRST = {w[0] for w in (_LEX.get("change_words") or ["下降"])}
# a verb of change right before an amount (减少大约半小时, 风险降低了16%): the amount is a change,
# a result, not a level or a time of the design (match: an amount of time; overstate: FC221)
CHANGE_VERB_BEFORE = re.compile(rf"(?:{_alt(_LEX.get('change_words') or ['下降'])})了?(?:约|大约|近|将近|超过|达|平均)?\s*$")
_RANGE_GAP_RE = re.compile(r"[ \t]{0,2}[-–—][ \t]{0,2}|\s{0,8}[~至到]\s{0,8}|[ \t]{1,2}to[ \t]{1,2}")
# (an enumeration comma before the last item's conjunction too: 76.1、37.3、与17.5%)
_LIST_GAP_RE = re.compile(r"\s{0,2}、\s{0,2}(?:(?:以及|和|及|与|或)[ \t]{0,2})?|[ \t]{0,2}(?:以及|和|及|与|或)[ \t]{0,2}")
_COMMA_GAP_RE = re.compile(r"[ \t]{0,1},[ \t]{0,1}")
_CMP_GAP_RE = re.compile(r"\s{0,3}(?:vs|VS|Vs|versus|v\.s)\.?\s{0,3}(?:[^\s0-9.,;:()\[\]%<>=]{1,12}?\s{0,3})?")
_PM_GAP_RE = re.compile(r"\s{0,2}(?:±|\+/-|\+-|∓)\s{0,2}")
_OPEN_GAP_RE = re.compile(r"[ \t]{0,2}\([ \t]{0,2}")
_CLOSE_RE = re.compile(r"[ \t]{0,2}\)")
# a mean with its SD in brackets and the unit after them: 52.8[11.8]岁, 52.8 (11.8) 岁 (JAMA's
# "mean [SD] age, 52.8 [11.8] years" as Chinese pages copy it)
_SD_OPEN_RE = re.compile(r"[ \t]{0,2}[(\[][ \t]{0,2}")
_SD_CLOSE_RE = re.compile(r"[ \t]{0,2}[)\]][ \t]{0,1}")

# ====================================================================== whole-form regexes

_URL_RE = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ff][Tt][Pp]://|[Ww][Ww][Ww]\.)[!-~]{1,2000}")
_DOI_RE = re.compile(r"(?:D[Oo][Ii]\s{0,2}:?\s{0,2}10|d[Oo][Ii]\s{0,2}:?\s{0,2}10|1(?<![0-9]1)0)\.[0-9]{3,9}/[!-~]{1,400}")
_PMID_RE = re.compile(r"(?:PMID|PMCID|PMC)\s{0,2}:?\s{0,2}[0-9]{3,12}")
_CITE_RE = re.compile(r"\[[ \t]{0,2}[0-9]{1,4}(?:[ \t]{0,2}[-–—~,、][ \t]{0,2}[0-9]{1,4}){0,60}[ \t]{0,2}\]"
                      r"|〔[0-9]{1,4}(?:[-–,][0-9]{1,4}){0,60}〕")
_REG_QUICK = re.compile(r"NCT|ChiCTR|ISRCTN|ACTRN|DRKS|JPRN|KCT|IRCT|CTRI|EudraCT|PROSPERO|CRD")
# not after a Latin letter (see _after_nonletter: a pattern opening with a lookbehind has no
# literal prefix for the regex engine to search for, and is tried at every position)
_REG_RE = re.compile(r"(?:NCT|ChiCTR|ISRCTN|ACTRN|DRKS|JPRN|KCT|IRCT|CTRI|EudraCT|PROSPERO|CRD)"
                     r"[ \t]{0,2}-?[0-9][0-9\-]{3,30}")
_SOFT_QUICK = re.compile(rf"{_alt(_LEX.get('software') or ['SPSS'])}|R[ \t]")
# (?:names)<version>|R <version>, written name<version>|…: every branch then opens with a
# literal, which lets the regex engine skip ahead to the first characters of the names
_SOFT_VERSION = r"(?:[ \t]{0,2}(?:version|ver\.?|v\.?))?[ \t]{0,2}[vV]?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}"
_SOFT_RE = re.compile("|".join(f"{name}{_SOFT_VERSION}" for name in _alts(_LEX.get('software') or ['SPSS']))
                      + r"|R[ \t]{1,2}(?:version[ \t]{0,2})?[0-9]\.[0-9]{1,2}(?:\.[0-9]{1,2})?")      # not after a letter
_POSTAL_RE = re.compile(r"[1-9](?<![0-9][1-9])[0-9]{5}(?![0-9])")
_CODE_LABELS = {v for w in _LEX.get("code_labels") or ["审批号"]
                for v in (str(w), str(w).lower(), str(w).capitalize())}
_CODE_RE = re.compile(rf"(?:{_alt(_CODE_LABELS)})[ \t]{{0,2}}:?\s{{0,8}}"
                      r"(?P<code>[A-Za-z0-9][A-Za-z0-9\-/_.]{0,40})")

_MON = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MON_RX = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?")
_YEAR_RX = r"(?P<y>1[89][0-9]{2}|20[0-9]{2}|2100)"
# a year as the first thing of a pattern: a character class first (fast scan), the boundary after
_YEAR_LEAD = r"(?P<y>(?:1(?<![0-9]1)[89]|2(?<![0-9]2)[01])[0-9]{2})"
_YEAR_LEAD_NODOT = r"(?P<y>(?:1(?<![0-9.]1)[89]|2(?<![0-9.]2)[01])[0-9]{2})"
_MON_QUICK = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# a time of day: 晚上9点, 9点前, 10点半, 7点30分; 21:00, 7:30 (two digits of minutes: not a 1:1
# allocation); its value is the hour (plus minutes as a fraction), after noon for 下午/晚上
# (both tried only at a 点 or a colon, from the digits before it: see _anchored)
_CLOCK_PM = ("下午", "傍晚", "晚上", "夜里", "夜间", "晚")
_CLOCK_PERIOD = re.compile("(?:" + "|".join(("凌晨", "早上", "早晨", "上午", "中午") + _CLOCK_PM) + ")$")
_CLOCK_RE = re.compile(r"(?P<h>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})点"
                       r"(?:(?P<half>半)|(?P<m>[0-9]{1,2})分|钟)?(?P<after>之?前|之?后|以前|以后|左右|至|到)?")
_CLOCK_BACK = frozenset("0123456789一二两三四五六七八九十")
_DIGITS = frozenset("0123456789")
_CLOCK_AMPM_RE = re.compile(r"(?P<h>[0-9]{1,2})(?::(?P<m>[0-5][0-9]))?[ \t]?(?P<p>[AaPp])\.?[ \t]?[Mm]\.?(?![A-Za-z0-9])")
_CLOCK_COLON_RE = re.compile(r"(?P<h>[01]?[0-9]|2[0-3])[:：](?P<m>[0-5][0-9])(?![0-9:：])")
# the three gates above in one scan (each a set of Latin words: one pass over a segment that is
# mostly Chinese instead of three), telling which of them the segment holds
# (a plain alternation: named groups around its branches would cost the regex engine its search
# for the branches' first characters, and it would try the pattern at every position)
# (and the English clock's am/pm, 8 AM, 9 pm, 7:30 a.m.: a fourth gate)
_AMPM_QUICK = re.compile(r"am|AM|pm|PM|Am|Pm|a\.m|p\.m|A\.M|P\.M|a m|p m|A M|P M|a\. m|p\. m")
_LATIN_QUICK = re.compile(rf"{_REG_QUICK.pattern}|{_SOFT_QUICK.pattern}|{_MON_QUICK.pattern}|{_AMPM_QUICK.pattern}")
_LATIN_KINDS = (("reg", _REG_QUICK), ("soft", _SOFT_QUICK), ("mon", _MON_QUICK), ("ampm", _AMPM_QUICK))
_DATE_RES = [
    # 2022年5月3日, 2019年 1月, 2025年
    re.compile(rf"{_YEAR_LEAD}[ \t]{{0,2}}年(?:\s{{0,8}}(?P<m>[0-9]{{1,2}})[ \t]{{0,2}}月"
               rf"(?:[ \t]{{0,2}}(?P<d>[0-9]{{1,2}})[ \t]{{0,2}}[日号])?)?"),
    # 2020-08-25, 2020/8/25, 2020.8.25
    re.compile(rf"{_YEAR_LEAD_NODOT}(?P<sep>[-/.])(?P<m>[01]?[0-9])(?P=sep)(?P<d>[0-3]?[0-9])(?![0-9.])"),
    # Dec. 9th, 2024 / Jan 3, 2025
    re.compile(rf"{_MON_RX}[ \t]{{1,2}}(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?,?[ \t]{{1,2}}{_YEAR_RX}(?![0-9])"),
    # 2026 Jan 1 / 2025 Nov
    re.compile(rf"{_YEAR_LEAD}[ \t]{{1,2}}{_MON_RX}(?:[ \t]{{0,2}}(?P<d>[0-3]?[0-9])(?![0-9]))?"),
    # 3 May 2022
    re.compile(rf"(?P<d>[0-9](?<![0-9][0-9])[0-9]?)[ \t]{{1,2}}{_MON_RX},?[ \t]{{1,2}}{_YEAR_RX}(?![0-9])"),
    # January 2019
    re.compile(rf"{_MON_RX},?[ \t]{{1,2}}{_YEAR_RX}(?![0-9])"),
    # 5月19日 (no year); 9月份, 去年9月: a month of the calendar, never a length (that is 9个月)
    # (a month alone only with 份 or after 去年, 今年 …: see _MONTH_OF_A_YEAR)
    re.compile(r"(?P<m>[0-9](?<![0-9][0-9年][0-9])[0-9]?)[ \t]{0,2}月"
               r"(?:[ \t]{0,2}(?P<d>[0-9]{1,2})[ \t]{0,2}[日号]|(?P<fen>份)|(?![0-9]))"),
    # 一九九四年, 二〇二〇年: a year written digit by digit in Chinese numerals (never 1994 years)
    re.compile(r"(?P<cy>(?:一[八九]|二[〇零])[〇零一二三四五六七八九]{2})[ \t]{0,2}年"),
]
# 法新社28日报道, (伦敦11日讯), 巴黎十五日电, 研究人员12日说: a day of the month alone, the day a
# report was filed or a statement made: 日 before a word of reporting (never a length: 28日内);
# or before where it was published, then the word (科学家25日在医学期刊《柳叶刀》上发表…)
_DAY_WORDS = (r"讯|訊|电|電|消息|报道|報道|报导|報導|发布|發布|宣布|公布|发表|發表|刊登|刊出|"
              r"刊发|刊發|出版|在线|在線|上线|上線|表示|称|稱|说|說|指出|援引|撰文")
_DAY_REPORTED = re.compile(rf"[ \t]{{0,2}}(?:{_DAY_WORDS}|在[^，。；;,！？!?\n]{{0,24}}?(?:发表|發表|刊登|刊出|刊发|刊發|出版|"
                           rf"上线|上線|报告|報告)|在[^，。；;,！？!?\n]{{0,6}}[《<「“\"])")
_DAY_CN = frozenset("一二三四五六七八九十")
_DAY_NOT_AFTER = frozenset("0123456789月号號第每连連续續前后後近满滿至到~～-—–")
_MONTH_OF_A_YEAR = re.compile(r"(?:去年|今年|明年|前年|同年|当年|當年|本年)[ \t]{0,2}$")
# 2008-2012年: the first of two years sharing one 年 (searched just before the second's match)
_YEAR_SPAN_RE = re.compile(r"(?<![0-9.])(?P<y>(?:1[89]|20)[0-9]{2})[ \t]{0,2}[-–—~～至到][ \t]{0,2}$")
# 2002至03年, 08至10年 (as 二○○二至○三年, ○八至一○年 are read): a period whose years are cut to
# two digits (a leading zero is never a count's)
_SHORT_PERIOD_RE = re.compile(r"(?<![0-9.])(?:(?P<y>(?:19|20)[0-9]{2})|(?P<a>0[0-9]))[ \t]{0,2}年?[ \t]{0,2}"
                              r"(?:至|到|[-–—~])[ \t]{0,2}(?P<b>[0-9]{2})[ \t]{0,2}年(?!代)")
# 20世纪60年代, 二十世纪八十年代, 上世纪90年代, 90年代, 1970年代: a decade, as ISO 8601 writes one
# (196 for the 1960s), so that a year of the record within it (1963, "the 1960s") supports it
_DECADE_RE = re.compile(r"(?:(?P<cent>1[89]|2[01]|十九|二十一?)[ \t]{0,2}世[纪紀][ \t]{0,2}(?:的[ \t]{0,2})?"
                        r"|(?P<last>上个?世[纪紀]|上個世紀)[ \t]{0,2}(?:的[ \t]{0,2})?)?"
                        r"(?<![0-9.])(?P<dec>[1-9]0|[一二三四五六七八九]十)[ \t]{0,2}年代"
                        r"|(?<![0-9.])(?P<year>(?:1[89]|20)[0-9]0)[ \t]{0,2}年代")
_DECADE_EN = re.compile(r"(?<![0-9.])(?P<year>(?:1[89]|20)[0-9]0)['’]?s\b")
# the value a decade is given below: the period of its years (1960/1969)
_DECADE_VALUE = re.compile(r"(?P<d>(?:1[89]|20)[0-9])0/(?P=d)9")


def is_decade(value) -> bool:
    """Whether a date mention's value is a decade (20世纪60年代, the 1960s: 1960/1969)."""
    return isinstance(value, str) and _DECADE_VALUE.fullmatch(value) is not None


_CENTURY_CN = {"十九": 19, "二十": 20, "二十一": 21}
_CN_MONTH_DAY_RE = re.compile(r"(?<![0-9一二三四五六七八九十廿卅])(?:(?P<y>(?:1[89]|20)[0-9]{2})[ \t]{0,2}年[ \t]{0,2})?"
                              r"(?P<cm>十[一二]?|[一二三四五六七八九])[ \t]{0,2}月[ \t]{0,2}"
                              r"(?P<cd>[二三]?十[一二三四五六七八九]?|[廿卅][一二三四五六七八九]?|[一二三四五六七八九])[ \t]{0,2}[日号號]")
_MONTH_RANGE_END = re.compile(r"年\s{0,2}\d{1,2}\s{0,2}月\s{0,3}(?:至|到|-|–|—|~)\s{0,3}$")
_DATE_LINK_RE = re.compile(r"\s{0,3}(?:至|到|-|–|—|~|and|to)\s{0,3}")

_CI_QUICK = re.compile(r"CI|Cl|C\.I\.|区间|onfidence|ci")
_CI_RE = re.compile(
    r"(?P<lvl>[89](?<![0-9.][89])[0-9](?:\.[0-9])?)[ \t]{0,2}%[ \t]{0,3}"
    r"(?:CI|Cl|C\.I\.|可信区间|置信区间|confidence interval)(?:[ \t]{0,2}[\[(（]CI[\])）])?\s{0,3}(?::|=|,|为|是)?\s{0,8}"
    r"(?:(?P<op>[(\[])\s{0,2})?"
    rf"(?P<lo>-?{_NUM})(?P<lu>[ \t]{{0,2}}%)?\s{{0,8}}(?:[-–—~至到,]|to)\s{{0,8}}"
    rf"(?P<hi>-?{_NUM})(?P<hu>[ \t]{{0,2}}%)?(?(op)(?:\s{{0,2}}[)\]])?)",
    re.I)
_P_RE = re.compile(
    # (P for trend, P-trend, P趋向, P for interaction: a P value with what it tests named)
    r"(?P<lab>[Pp])(?<![A-Za-z0-9][Pp])(?:[ \t]{0,2}(?:值|-?values?(?:[ \t]for[ \t](?:trend|interaction|heterogeneity))?"
    r"|趋势值?|趨勢值?|趋向|趨向|for trend|-?trend|for interaction|-?interaction))?\s{0,8}"
    rf"(?:(?P<op>{_COMP}|=)|为|是)\s{{0,8}}(?P<num>{_NUM}){_SCI}?")
_THOUSANDS_TAIL_RE = re.compile(r",([0-9]{3})(?![0-9])")
_STAT_RE = re.compile(
    r"(?P<lab>" + _alt(_STAT_KIND) + r")(?:[ \t]{0,2}值)?"
    # 风险比(HR)为0.61, (HR)为0.61: the label's abbreviation in brackets, or the bracket it closes
    r"(?:[ \t]{0,2}[(（][A-Za-z]{1,5}[)）]|[)）])?\s{0,3}"
    rf"(?:(?P<op>{_COMP}|=)|为|是)\s{{0,8}}(?P<neg>-)?(?P<num>{_NUM})")
# HR1.04, aOR2.35: a ratio's label glued to its decimal value (searched apart, where an R stands)
# (no lookbehind before the label: it would cost the search its literal prefix; the letter before
# is tested apart)
_GLUED_RATIO_RE = re.compile(r"(?:HR|OR|RR)(?P<num>[0-9]{1,3}\.[0-9]{1,4})(?![0-9.])")
# An allocation ratio (按1:1的比例随机分组, 以2:1比例, 1:1:1随机分配): one mention, its value the
# first arm's share over the second's; the context keeps clock times (8:30) and scores (3:2) out
# (the digit before its lookbehind: the search tests one class per position, not a lookbehind and a class)
_ALLOC_RE = re.compile(r"(?P<a>[1-9])(?<![0-9.:：∶][1-9])[ \t]{0,2}[:：∶][ \t]{0,2}(?P<b>[1-9])"
                       r"(?:[ \t]{0,2}[:：∶][ \t]{0,2}(?P<c>[1-9]))?(?![0-9.:：∶])")
_ALLOC_BEFORE_RE = re.compile(r"(?:按照?|以|比例(?:为|是)?|随机(?:分配|分组|分成|分为|入组)?)[ \t]{0,2}[(（]?[ \t]{0,2}$")
_ALLOC_AFTER_RE = re.compile(r"^[ \t]{0,2}(?:的)?(?:比例|随机|分配|分组|入组)")
_SLOGAN_RE = re.compile(r"[0-9](?<![0-9.][0-9])[0-9]{0,2}(?:[ \t]{0,2}\+[ \t]{0,2}[0-9]{1,3}){1,4}[ \t]{0,2}"
                        r"(?:>|<|=|≥|≤)[ \t]{0,2}(?P<r>[0-9]{1,3})(?![0-9.])")
_MARK_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?:(?P<z>0[1-9])(?![0-9.,%])"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?P<cp>[、.])"
    r"|(?P<ar>[0-9]{1,2}(?:\.[0-9]{1,2}){0,3})(?![0-9])(?P<ap>[.、)](?![0-9]))?)")
# "\(…(?P<n>…)…|[;(]…(?P<n2>…)…" opening with the class of both branches' first characters
_MARK_PAREN_RE = re.compile(r"[;(](?:(?<=\()(?<![0-9A-Za-z]\()[ \t]?(?P<n>[0-9]{1,2})[ \t]?\)(?![0-9%])"
                            r"|(?<![0-9A-Za-z]\()[ \t]{0,2}(?P<n2>[0-9]{1,2})\.(?=[ \t]{0,2}[^\s0-9.]))")
_CIRCLED_RE = re.compile(r"[\u2460-\u249b\u24eb-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
_TABLE_NOT_AFTER = set("发代外报手仪钟电水列")
_TABLE_RE = re.compile(r"(?P<lab>附表|表|图|Table|Fig\.?|Figure)[ \t]{0,2}"
                       r"(?P<num>[0-9]{1,3})(?![0-9]|\.[0-9])")
# 一半 / 半数 of a group is 50% (另一半 is a spouse); 减半 is a fall by half
_DOUBLING_RE = re.compile(r"翻(?:了)?(?:一)?倍|翻(?:了)?一番|倍增")
# (减半: halved, a fall by 50%)
_HALF_RE = re.compile(r"一(?<!另一)半|半(?<!另半)数|减半|減半")     # (?<!另)(?:一半|半数), each branch opening with its character
_PCT_CN_RE = re.compile(rf"百分之[ \t]{{0,2}}(?P<n>[0-9]{{1,3}}(?:,[0-9]{{3}}){{1,4}}(?:\.[0-9]{{1,6}})?|{_NUM}|{_CNNUM})")
_FRAC_RE = re.compile(rf"(?<![0-9.{_CN_ALL}])(?P<a>{_NUM}|{_CNNUM})[ \t]{{0,2}}分之[ \t]{{0,2}}"
                      rf"(?P<b>{_NUM}|{_CNNUM})")
_CHENG_NUM = (rf"(?P<n>[0-9](?<![0-9.][0-9])[0-9]?(?:\.[0-9])?"
              rf"|[{_CN_ALL}](?<![0-9.{_CN_ALL}][{_CN_ALL}])[{_CN_ALL}]{{0,2}}(?:点[{_CN_DIG}])?)[ \t]?成")     # (2 成: a page's space)
_CHENG_RE = re.compile(_CHENG_NUM + (rf"(?![{re.escape(_CHENG_NOT)}])" if _CHENG_NOT else ""))

# a bare rank word standing for its value where a number is expected: 百分之百, 千分之二
_BARE_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10 ** 4, "十万": 10 ** 5, "百万": 10 ** 6,
               "千万": 10 ** 7, "亿": 10 ** 8, "佰": 100, "仟": 1000, "拾": 10}
# 三成半 (35%), 七成六 (76%): what may follow 成; 半成 is 5%
_CHENG_TAIL_RE = re.compile(r"半|[一二三四五六七八九](?![十百千万亿点0-9一二三四五六七八九])")
_CHENG_PEOPLE_RE = re.compile(_CHENG_NUM + "(?=人)")     # 近八成人: tenths of people
_APPROX_BEFORE_RE = re.compile(r"(近|约|逾|超|超过|将近|接近|大约|不到|达|高达|仅|只有)$")
_HALF_CHENG_RE = re.compile(r"(?<![一二三四五六七八九十0-9])半成"
                            + (rf"(?![{re.escape(_CHENG_NOT)}])" if _CHENG_NOT else ""))

# ---- open and approximate quantities, compounds (see _Segment.open_forms)
_SCALE_ALT = "万亿|千万|百万|万|亿"
_RANK = {"十": 10, "百": 100, "千": 1000, "万": 10 ** 4}
# 100多, 500多亿, 二百三十余万, 一千多万, 20多岁: a base, 多/余, an optional scale after
_MORE_RE = re.compile(rf"(?P<n>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]{{1,12}}(?:\.[0-9]{{1,6}})?|[{_CN_ALL}]{{1,20}})"
                      rf"(?:(?<=[0-9])[ \t]?(?P<s0>{_SCALE_ALT}))?[ \t]?(?P<q>多|余)"    # 10 万余人
                      rf"(?P<s>{_SCALE_ALT})?")
# 十几万, 二十几, 几十, 几百万: 几 as one unknown digit
_MORE_BACK = frozenset("0123456789.," + _CN_ALL)     # (3,500多名: the thousands too)
_JI_RE = re.compile(rf"(?:(?P<pre>[一二两三四五六七八九十百千万]{{0,10}}[十百千万])几(?P<r1>[十百千])?"
                    rf"|几(?P<r2>[十百千万]))(?P<s>{_SCALE_ALT})?")
# 上百, 近万, 逾千: a bare rank word after 上/近/逾
# (过千名, 過萬人: 过 as 逾, over the rank, as Hong Kong print writes it; not 经过, 通过, 不过, 超过's own)
_RANK_WORD_RE = re.compile(r"(?<![千万成])(?P<w>上|近|逾|将近|超过|(?<![经通超不度越穿跨])过)(?P<n>十万|百万|千万|百|千|万|亿)"
                           r"(?![0-9一二三四五六七八九十百千])")
# 5万4千6百, 3千5百: Arabic digits with Chinese ranks
_RANK_BACK = frozenset("将超")
_MIXED_RE = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]{0,3}[亿万千百十](?:[0-9]{1,4}[亿万千百十]){0,4}"
                       r"(?P<tail>[0-9]{1,4}(?![0-9.]))?(?![0-9])")
_MIXED_GROUP_RE = re.compile(r"([0-9]{1,4})([亿万千百十])")
# 1 776例, 16 万: blanks inside a number or between it and its rank
_SPACED_RE = re.compile(r"(?P<h>[0-9](?<![0-9.,][0-9])[0-9]{0,7})(?:(?P<d>\.[0-9]{1,6})?[ \t]{1,2}(?P<s>万|亿)"
                        r"|(?P<g>(?:[ \u00a0\u2009\u202f][0-9]{3}){1,4})(?![0-9.]))")
# 三五百, 五六十, 十五六, 七百三四十, 一万六七, 三四十万: two neighbouring digits, a range
_PAIR_RE = re.compile(rf"(?P<pre>[一二两三四五六七八九十百千万]{{0,8}}[十百千万])?(?P<d>[一二两三四五六七八][二两三四五六七八九])"
                      rf"(?P<r>[十百千])?(?P<s>{_SCALE_ALT})?")
_PAIR_OK = {"一二", "二三", "三四", "四五", "五六", "六七", "七八", "八九", "三五", "一两", "两三"}
# 百分之三十到四十一, 百分之三十一到百分之百: a range of shares
_PCT_RANGE_RE = re.compile(rf"百分之(?P<a>{_CNNUM}|{_NUM})(?:到|至|~|-)(?:百分之)?(?P<b>{_CNNUM}|{_NUM})")
# 元 after a Chinese numeral that is not money: 二元logistic, 一元线性, 多元回归
_NOT_MONEY_AFTER = set("线回逻函方次论化素")
# 两倍半 (2.5 times)
_HALF_UNIT = {"年": "year", "个月": "month", "個月": "month", "小时": "hour", "小時": "hour", "天": "day",
              "周": "week", "週": "week"}
_HALF_BACK = frozenset("0123456789年个月個小时時天周週") | frozenset(_CN_ALL)
_HALF_TIME_RE = re.compile(rf"(?<![{_CN_ALL}0-9半大多])(?:半(?P<u>年|个月|個月|小时|小時)"
                           rf"|(?P<n>[0-9]{{1,3}}|[{_CN_ALL}]{{1,3}})(?P<u2>年|个月|個月|小时|小時|天|周|週)半)"
                           rf"(?![{_CN_ALL}])")
_HALF_TIMES_RE = re.compile(rf"(?P<n>[0-9]{{1,6}}|[{_CN_ALL}]{{1,6}})倍半")
_AGE_GAP_BEFORE = re.compile(r"(?:年轻|年輕|年老|(?<![最较較])[老小大])了?(?:约|約|近|大约|大約|将近|將近)?$")
# 4倍多, 两倍多 (more than 4, 2 times: [4, 5)), not 倍 before a word in 多 (2倍多数, 3倍多种)
_MORE_TIMES_RE = re.compile(rf"(?P<n>[0-9]{{1,4}}(?:\.[0-9])?|[{_CN_ALL}]{{1,6}})倍多(?![数數种種个個项項样樣少巴元次])")
# 超过1/2, 近2/3: a written fraction after a word qualifier, or before 的, reads as a share
_SLASH_FRAC_RE = re.compile(r"(?P<a>[1-9])(?<![0-9./][1-9])/(?P<b>[1-9][0-9]?)(?![0-9./])")
_SHARE_OF_AFTER = re.compile(r"的[\u4e00-\u9fff]")
_RANKED_PART_BEFORE = re.compile(r"(?:最高|最低|最多|最少|前|后|後)\s*$")
# half before a measure word: 半茶匙, 半杯
_HALF_MW_RE = re.compile(r"半(?<![一二三四五六七八九十0-9多]半)(?=[\u4e00-\u9fff])")
# 20和30之间: a pair that names both ends
_BETWEEN_RE = re.compile(r"[ \t]{0,2}之间")
_BETWEEN_GAP_RE = re.compile(r"[ \t]{0,2}(?:和|与|及|至|到|-|~)[ \t]{0,2}")
_BOUND_JOIN_RE = re.compile(r"[ \t]{0,2}[,、且并而]?[ \t]{0,2}")

# Patterns that open with a digit, or with a label or a mark, and are tried over every segment:
# one search per group finds each place where any of them can match (a search per pattern tests
# every character of the text against its first class, a dozen times over), and each is matched
# there (ScanGroup; each still gives exactly its own finditer: tests/test_numbers.py holds them
# to it over the real corpus)
_DATES_DIGIT_FIRST = frozenset((0, 1, 4))         # of _DATE_RES
_DIGIT_FIRST = ScanGroup((_POSTAL_RE, _ALLOC_RE, _MIXED_RE, _SPACED_RE, _SLASH_FRAC_RE,
                          *(_DATE_RES[i] for i in sorted(_DATES_DIGIT_FIRST))))
_LABEL_FIRST = ScanGroup((_CODE_RE, _P_RE, _STAT_RE, _GLUED_RATIO_RE, _MARK_PAREN_RE, _CIRCLED_RE,
                          _TABLE_RE))
_SCAN_GROUPS = (_DIGIT_FIRST, _LABEL_FIRST)


_ABOVE_Q = ("more_than", "at_least")
_BELOW_Q = ("less_than", "at_most")


# (opening with 数 itself, the lookbehind after it: the engine skips ahead to each 数)
_SHU_RE = re.compile(rf"数(?<![人分总倍函指参系次岁份个例]数)(?P<r>[十百千万])(?P<s>{_SCALE_ALT})?(?![分])")
_JI_PRE = frozenset("一二两三四五六七八九十百千万")


def _anchored(seg: str, anchors, rx: re.Pattern, back: frozenset, limit: int) -> Iterator[re.Match]:
    """Matches of ``rx`` that cover one of the ``anchors`` (strings), tried only where one
    stands: from each anchor the start is found by walking back over ``back`` (at most
    ``limit`` characters, one blank allowed just before the anchor), so a pattern that opens
    with a class of common characters is not tried at every numeral of the text."""
    done = 0
    for p in positions(seg, anchors):
        if p < done:
            continue
        j = p - 1
        if j >= 0 and seg[j] in " \t":
            j -= 1
        k = j
        while k >= 0 and p - k <= limit and (seg[k] in back or (
                # 10 万余: a blank between the digits and their scale is walked over too
                seg[k] in " \t" and k > 0 and seg[k - 1].isdigit() and seg[k + 1] in "万亿千百")):
            k -= 1
        while k + 1 < p and seg[k + 1] in ",.":
            k += 1          # a clause's comma before the number (研究,40多万人) opens no number
        for s in (k + 1, p) if k + 1 != p else (p,):
            m = rx.match(seg, s)
            if m is not None and m.end() > p:
                done = m.end()
                yield m
                break


def _times_at(seg: str, i: int) -> bool:
    """A sign of multiplication at ``i``: ×, ÷ or a lone * (** is a page's bold, as Markdown writes it)."""
    c = seg[i]
    return c in "×÷" or (c == "*" and not (i > 0 and seg[i - 1] == "*") and not (i + 1 < len(seg) and seg[i + 1] == "*"))


def place_value(v) -> float:
    """Place value of the last non-zero digit of v written (100 -> 100, 230 -> 10, 1.5 -> 0.1):
    the width of the interval a 多/余 opens (100多 = [100, 200), 230余 = [230, 240))."""
    d = Decimal(str(v)).normalize()
    exp = d.as_tuple().exponent
    return float(Decimal(10) ** exp) if isinstance(exp, int) else 1.0


def _num(v):
    """An integer when the value is one (the report writes 100000, not 100000.0)."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        return int(v)
    return v


def _mixed_value(s: str):
    """5万4千6百 = 54600: Arabic groups under Chinese ranks, each rank lower than the last."""
    total = section = 0
    last = 10 ** 9
    for num, rank in _MIXED_GROUP_RE.findall(s):
        r = {"十": 10, "百": 100, "千": 1000, "万": 10 ** 4, "亿": 10 ** 8}[rank]
        n = int(num)
        if r >= last and not (r >= 10 ** 4 and last < 10 ** 4):
            return None
        if r < 10 ** 4:
            if n > 9:
                return None
            section += n * r
        elif r == 10 ** 4:
            total += (section + n) * r
            section = 0
        else:
            total = (total + section + n) * r
            section = 0
        last = r
    return total + section


# ====================================================================== number tokens

# "[0-9]{1,3}(?:,[0-9]{3})+…|[0-9]+…" with the first digit taken out of both branches (a
# leading class to skip ahead to)
_NUM_IN_RUN_RE = re.compile(r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)")
# characters around a digit run that send it through the full checks (names, units, context)
_SLOW_PC = (_LETTERS | _QB_LAST | _STEM_LAST | _COMP_CHARS | set("-/. \t\n第×*÷+负負")) - {""}
_SLOW_NC = (_LETTERS | _UNIT_FIRST | _NAME_SUFFIX_FIRST | _QI_FIRST | _QA_FIRST
            | set("万亿千百×xX*÷eE-.,(")) - {""}
# opens with one class (digits or numerals; the lookbehind says which): the engine skips to the
# next candidate, where "[0-9]+…|[numerals]+…" would be tried at every position
_RUN_RE = re.compile(rf"[0-9{_CN_ALL}](?:(?<=[0-9])[0-9]*(?:[.,][0-9]+)*"
                     rf"|[{_CN_ALL}]*(?:[点點][{_CN_DIG}{_CN_CAP[:9]}]+(?:万|亿|萬|億)?)?)")
_SCALE_RE = re.compile(r"万亿|千万|百万|万|亿")
_SCALE = {"万亿": 10 ** 12, "千万": 10 ** 7, "百万": 10 ** 6, "万": 10 ** 4, "亿": 10 ** 8}
_SCI_RE = re.compile(_SCI)
_H_NAME_RE = re.compile(r"[ \t]{1,2}[A-Z]{2,}")
_NL_RE = re.compile("\n")
# a table column headed "P": the lone numbers below it are p-values
# "(?m)^[ \t]*[Pp]…" opening with the class of its first character, the line start checked after
# it ((?<![^\n]…): nothing or a newline before): a pattern opening with ^ is tried at every position
_PCOL_HEAD_RE = re.compile(r"(?m)[ \tPp](?<![^\n][ \tPp])(?:(?<=[ \t])[ \t]*[Pp]|(?<=[Pp]))(?:[ \t]*值|-?value)?[ \t]*$")
_PCOL_CELL_RE = re.compile(r"[ \t]*(?:<=|>=|[<>≤≥])?[ \t]*(?:0?\.[0-9]{1,4}|1\.0{1,4}|0|1)[ \t]*")


def _simple_numerals() -> dict:
    """The numerals most articles use (一, 两, 十二, 三十五, 五百, 一万), with the values cn2an
    gives them (a test checks each against cn2an): importing cn2an compiles its patterns and
    those of its dependency proces, 0.15-0.2 s of a cold ``factcheck check``, so it is left
    for the numerals this table does not hold."""
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    table: dict = {**digits, "零": 0, "〇": 0, "十": 10, "百": None, "千": None, "万": None, "亿": None}
    for d, dv in digits.items():
        table["十" + d] = 10 + dv
        table[d + "十"] = dv * 10
        for e, ev in digits.items():
            table[d + "十" + e] = dv * 10 + ev
        for unit, uv in (("百", 100), ("千", 1000), ("万", 10 ** 4), ("亿", 10 ** 8)):
            table[d + unit] = dv * uv
    return table


_SIMPLE_NUMERALS = _simple_numerals()


@lru_cache(maxsize=4096)
def _cn_value(s: str):
    """Value of a Chinese numeral (cn2an), None when it is not one."""
    if s in _SIMPLE_NUMERALS:
        return _SIMPLE_NUMERALS[s]
    if "廿" in s or "卅" in s:
        return _cn_value(s.replace("廿", "二十").replace("卅", "三十"))
    s = s.translate(_TRAD_NUM)
    if s[-1:] in ("万", "亿") and "点" in s:    # 二十点一万 = 201000 (cn2an refuses it)
        v = _cn_value(s[:-1])
        return None if v is None else _num(float(Decimal(str(v)) * (10 ** 4 if s[-1] == "万" else 10 ** 8)))
    import cn2an  # noqa: WPS433  (imported on first use, see _simple_numerals)

    for mode in ("normal", "smart"):
        try:
            v = cn2an.cn2an(s, mode)
        except Exception:  # cn2an raises ValueError/KeyError/IndexError on odd input
            continue
        if isinstance(v, float) and v.is_integer() and "点" not in s:
            v = int(v)
        return v
    return None


def _bare_tok(s: int, e: int, txt: str) -> "_Tok":
    """The fast path's token: a number nothing around can change (see _Segment.bare)."""
    if "." in txt:
        t = _Tok(s, e, s, e, float(txt), len(txt) - txt.index(".") - 1, False)
        t.int_only = False
    else:
        t = _Tok(s, e, s, e, int(txt), 0, False)
    t.plain = t.fast = True
    return t


def _num_value(s: str):
    """(value, decimals) of an Arabic number as written on the fold ('1,000.5', '.72')."""
    s = s.replace(",", "")
    if "." in s:
        # a section number 2.1.1 (a marker) reads as its first two levels: 2.1
        ip, dp = s.split(".", 2)[:2]
        return float(f"{ip or '0'}.{dp}" if dp else (ip or "0")), len(dp)
    return int(s), 0


def _any_value(s: str):
    if s[:1].isdigit() or s[:1] == ".":
        return _num_value(s)
    v = _cn_value(s)
    if v is None:
        return None, 0
    s = s.translate(_TRAD_NUM).rstrip("万亿")
    return v, (len(s.split("点", 1)[1]) if "点" in s else 0)


def _sci_exp(m) -> int:
    if m.group("exp") is not None:
        return int(m.group("exp").replace("−", "-"))
    if m.group("sup") is not None:
        return int(m.group("sup").translate(_SUPER))
    return int(m.group("eexp").replace("−", "-"))


def _scaled(v, factor=1, exp=0):
    if factor == 1 and exp == 0:
        return v
    try:
        d = Decimal(str(v)) * factor * (Decimal(10) ** exp)
    except (InvalidOperation, OverflowError):
        return v
    if d == d.to_integral_value() and abs(d) < 10 ** 18:
        return int(d)
    return float(d)


class _Tok:
    """A number found in pass 3, with what stands around it. Class attributes are the defaults
    (cheaper than setting 26 attributes per token on a line of 500 000 numbers)."""

    unit = ukind = uname = alias = ""
    generic = naked = neg = plain = fast = False
    qual = comp = label = role = kind = fold = reason = wordq = ws = None
    checkable = int_only = True
    factor = (1, 0)

    def __init__(self, s, e, ns, ne, value, dec, cn):
        self.s, self.e, self.ns, self.ne, self.value, self.dec, self.cn = s, e, ns, ne, value, dec, cn


# the last year an abstract dates its data or its projections by (to 2030, 2050 …): a
# four-digit number past it before a noun of people is a count
_LAST_YEAR_TOLD = 2060

# ====================================================================== the extractor

# 二○○二年, 三二○○萬, 四○%, ○八至一○年: Chinese digits written one by one with a zero (○ for 〇
# in Hong Kong and Taiwan print), or a year of four, are a digit string, never a count or a pair
# of rounded numbers (三四年 is 3 or 4 years; 十, 百, 千 next to a run make it a numeral; a 零
# first is "and": 十二年零四个月)
_CN_DIGIT_OF = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CN_RUN_EDGE = "〇零○一二两兩三四五六七八九十百千廿卅点點第几幾"
_CN_DIGIT_RUN = re.compile(
    rf"(?<![{_CN_RUN_EDGE}])(?!零)(?:[〇零○一二三四五六七八九]*[〇零○][〇零○一二三四五六七八九]*"
    rf"(?<=[〇零○一二三四五六七八九]{{2}})|(?:一[八九]|二[〇零○])[〇零○一二三四五六七八九]{{2}}(?=[ \t]{{0,2}}(?:年|至|到|[-–—~])))"
    rf"(?![{_CN_RUN_EDGE}])")
# (and the year a period ends in after such a year: 〇九至一三年, 一九九二至二○○二年)
_CN_YEAR_END = re.compile(r"(?<=[0-9])[ \t]{0,2}年?[ \t]{0,2}(?:至|到|[-–—~])[ \t]{0,2}([一二三四五六七八九〇零○]{2}(?:[一二三四五六七八九〇零○]{2})?)"
                          r"(?=[ \t]{0,2}年)")


def _digit_strings(norm: str) -> str:
    """``norm`` with the digit strings of Chinese digits in Arabic ones (offsets kept)."""
    out = _CN_DIGIT_RUN.sub(lambda m: m.group(0).translate(_CN_DIGIT_OF), norm)
    if out == norm:
        return norm
    return _CN_YEAR_END.sub(lambda m: m.group(0)[:m.start(1) - m.start(0)] + m.group(1).translate(_CN_DIGIT_OF), out)


def extract(text: str, spans: Optional[list] = None, *, norm: Optional[str] = None,
            id_prefix: str = "m") -> list[Mention]:
    """Numeric mentions of ``text`` (restricted to ``spans``), sorted by start, ids m1, m2 ..."""
    if not text:
        return []
    if norm is None or len(norm) != len(text):
        norm = fold_width(text)
    if "〇" in norm or "零" in norm or "○" in norm or "一九" in norm:
        norm = _digit_strings(norm)
    n = len(text)
    if spans is None:
        regions = [(0, n)]
    else:
        regions = []
        pairs = ((sp.start, sp.end) if hasattr(sp, "start") else sp for sp in spans)
        for a, b in sorted((max(0, int(a)), min(n, int(b))) for a, b in pairs):
            if b <= a:
                continue
            if regions and a <= regions[-1][1]:
                regions[-1] = (regions[-1][0], max(regions[-1][1], b))
            else:
                regions.append((a, b))
    st = _State(id_prefix)
    # Many small objects and no reference cycles: the cyclic GC only costs time here (30% on
    # inputs with hundreds of thousands of numbers), so it is paused for the call.
    with paused():
        for a, b in regions:
            _Segment(norm[a:b], a, st).run()
    out = st.out
    out.sort(key=attrgetter("start", "end"))
    nl = [m.start() for m in _NL_RE.finditer(text)] if out else []
    for i, m in enumerate(out, 1):
        m.id = f"{id_prefix}{i}"
        m.surface = text[m.start:m.end]
        m.line = bisect.bisect_right(nl, m.start) + 1 if nl else 1
    return out


_GLUED_NAME_RE = re.compile(r"(?<![A-Za-z])[a-z]{5,}$")
_GLUED_UNIT_RE = re.compile(r"[ \t]?(?:mg|mcg|μg|µg|ug|g|ml|mL|IU|kg)(?![A-Za-z])")


def _grouped(seg: str, t: "_Tok") -> bool:
    """A number written with a thousands separator (2,086) is a count, never a year."""
    return "," in seg[t.s:t.e]


def _glued_dose(seg: str, ns: int, ne: int) -> bool:
    """"tirzepatide10mg", "metformin500mg": a dose written straight after the drug's name (a
    lower-case word, not a gene or a code such as SIK1, T2DM, Wenhong1) is a number all the same."""
    return bool(_GLUED_UNIT_RE.match(seg, ne)) and bool(_GLUED_NAME_RE.search(seg, max(0, ns - 40), ns))


def _after_nonletter(rx: re.Pattern, seg: str) -> Iterator[re.Match]:
    """``rx.finditer(seg)`` as if ``rx`` opened with (?<![A-Za-z]): a match right after a Latin
    letter is dropped and the search goes on from its next character, as the lookbehind would."""
    pos = 0
    while (m := rx.search(seg, pos)) is not None:
        a = m.start()
        if a and seg[a - 1] in _LATIN:
            pos = a + 1
            continue
        yield m
        pos = m.end() if m.end() > a else a + 1


def _cheng(seg: str) -> Iterator[re.Match]:
    """``_CHENG_RE.finditer(seg)``, searched from each 成 backwards: the number before it is at
    most five characters, and a pattern opening with a digit-or-numeral class is otherwise
    tried at every digit and numeral of the text. 近八成人 is 八成 of people, not eight adults:
    after an approximation word, 成人 does not stop tenths."""
    done = 0
    p = seg.find("成")
    while p != -1:
        for s in range(max(done, p - 5), p):
            m = _CHENG_RE.match(seg, s)
            if m is None and seg.startswith("成人", p) and _APPROX_BEFORE_RE.search(seg, max(0, s - 3), s):
                m = _CHENG_PEOPLE_RE.match(seg, s)
            if m is not None and m.end() == p + 1:
                yield m
                done = m.end()
                break
        p = seg.find("成", p + 1)


class _State:
    def __init__(self, prefix):
        self.out: list[Mention] = []
        self.prefix = prefix
        self.ngroup = 0

    def group(self) -> str:
        self.ngroup += 1
        return f"{self.prefix}g{self.ngroup}"


class _Segment:
    """One region of the text: ``seg`` is its folded copy, ``base`` its offset."""

    def __init__(self, seg: str, base: int, st: _State):
        self.seg = seg
        self.base = base
        self.st = st
        self.n = len(seg)
        self.mask = bytearray(self.n)
        self.out = st.out
        self._scanned: list[Optional[list[list[re.Match]]]] = [None] * len(_SCAN_GROUPS)

    # ------------------------------------------------------------------ helpers
    def found(self, rx: re.Pattern) -> list[re.Match]:
        """``rx.finditer(seg)`` for a pattern of one of _SCAN_GROUPS, each group's found in one
        search."""
        for k, group in enumerate(_SCAN_GROUPS):
            if (i := group.index.get(id(rx))) is not None:
                if self._scanned[k] is None:
                    self._scanned[k] = group.hits(self.seg)
                return self._scanned[k][i]
        raise KeyError(rx.pattern)

    def free(self, a, b) -> bool:
        return self.mask.find(1, a, b) == -1

    def claim(self, a, b):
        if b > a:
            self.mask[a:b] = b"\x01" * (b - a)

    def emit(self, s, e, kind, value, unit="", qualifier=None, checkable=True, label=None, sd=None,
             fold=None, role=None, group_id=None, reason=None, decimals=0, bounds=None):
        # positional: this runs once per mention, hundreds of thousands of times on a bad input
        if unit == "year" and _AGED_BEFORE.search(self.seg, max(0, s - 16), s):
            unit = "age"        # "aged 40-69 years" in pasted English: an age, as 40-69岁
            kind = "measurement" if kind == "duration" else kind
        elif unit in PER_KG and (_PER_KG_BEFORE.search(self.seg, max(0, s - 8), s)
                                  or _PER_KG_SHARED.match(self.seg, e)):
            unit = PER_KG[unit]     # 每公斤体重20毫克, "10 mg or 20 mg per kilogram": a dose per body weight
        self.out.append(Mention("", self.base + s, self.base + e, 0, "", kind, value, unit, qualifier,
                                checkable, label, sd, fold, role, group_id, reason, decimals, bounds))

    def qual_before(self, s):
        """(qualifier, word, start of word) of a word qualifier ending at s."""
        seg = self.seg
        j = s - 1
        while j >= 0 and s - j <= 5 and seg[j] in " \t\n":
            j -= 1
        if j < 0:
            return None, None, s
        if seg[j] not in _QB_LAST:
            # 至少降低5%: a two-character verb after the qualifier word (the search runs only then)
            if seg[j] not in _QB_VERB_LAST or j < 2 or seg[j - 2] not in _QB_WORD_LAST:
                return None, None, s
        w0 = max(0, s - 10)
        m = _QB_RE.search(seg, w0, s)
        if not m:
            return None, None, s
        w = m.group("w")
        if w == "近" and m.start() > 0 and self.seg[m.start() - 1] in "最附接邻":
            return None, None, s
        return _QUAL_BEFORE[w], w, m.start()

    def qual_after(self, e):
        if e >= self.n or self.seg[e] not in _QA_FIRST:
            return None
        m = _QA_RE.match(self.seg, e)
        return _QUAL_AFTER[m.group("w")] if m else None

    def label_before(self, s):
        m = _LABEL_END_RE.search(self.seg, max(0, s - 32), s)
        if not m:
            return None
        return re.sub(r"\s", "", m.group("l"))

    # ------------------------------------------------------------------ run
    def run(self):
        self.latin = set()
        for m in _LATIN_QUICK.finditer(self.seg):
            self.latin.add(next(k for k, rx in _LATIN_KINDS if rx.match(m.group())))
            if len(self.latin) == len(_LATIN_KINDS):
                break
        self.exclusions()
        self.codes()
        self.dates()
        self.clock_times()
        self.intervals()
        self.pvalues()
        self.stats()
        self.allocations()
        self.slogans()
        self.markers()
        self.tables()
        self.percent_forms()
        self.doubling_forms()
        self.open_forms()
        first = len(self.st.out)
        toks = self.tokens()
        self.combine(toks)
        self.pvalue_columns(first)

    def pvalue_columns(self, first: int):
        seg, n = self.seg, self.n
        cells = []
        for h in _PCOL_HEAD_RE.finditer(seg):
            pos = h.end()
            if cells and pos < cells[-1][1]:
                continue
            while pos < n:
                a = pos + 1
                b = seg.find("\n", a)
                b = n if b == -1 else b
                line = seg[a:b]
                if line.strip():
                    if not _PCOL_CELL_RE.fullmatch(line):
                        break
                    cells.append((a, b))
                pos = b
        if not cells:
            return
        starts = [c[0] for c in cells]
        for m in self.st.out[first:]:
            s = m.start - self.base
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and s < cells[i][1] and m.kind in ("measurement", "threshold", "pvalue"):
                m.kind, m.label = "pvalue", "P"

    # ------------------------------------------------------------------ pass 1
    def exclusions(self):
        seg = self.seg
        rxs = [_PMID_RE] + ([_CITE_RE] if "[" in seg or "〔" in seg else [])
        if "://" in seg or "www." in seg or "WWW." in seg:
            rxs.append(_URL_RE)
        if "10." in seg:
            rxs.append(_DOI_RE)
        if "reg" in self.latin:
            rxs.append(_REG_RE)
        if "soft" in self.latin:
            rxs.append(_SOFT_RE)
        for rx in rxs:
            for m in (_after_nonletter(rx, seg) if rx is _REG_RE or rx is _SOFT_RE else rx.finditer(seg)):
                self.claim(m.start(), m.end())
        for m in self.found(_POSTAL_RE):
            a, b = m.span()
            j = a - 1
            while j >= 0 and a - j <= 12 and seg[j] in " \t\n":
                j -= 1
            if j == a - 1 or j < 0 or not (_is_han(seg[j]) or _is_letter(seg[j])):
                continue
            k = b
            while k < self.n and k - b <= 2 and seg[k] in " \t":
                k += 1
            if k >= self.n or seg[k] in ",;)\n":
                self.claim(a, b)

    def codes(self):
        for m in self.found(_CODE_RE):
            code = m.group("code").rstrip(".-/_")
            a = m.start("code")
            b = a + len(code)
            if not self.free(a, b):
                continue
            if code[0].isdigit() and not _is_letter(code[-1]):
                self.emit(a, b, "other", code, checkable=False, reason="code")
            self.claim(a, b)

    # ------------------------------------------------------------------ pass 2
    def dates(self):
        seg = self.seg
        decades = self.decades() if "年代" in seg or "0s" in seg or "0's" in seg else []
        found = decades + (self.short_year_periods() if "年" in seg else [])
        if "月" in seg:
            found += self.chinese_month_days()
        has_mon = "mon" in self.latin
        for i, rx in enumerate(_DATE_RES):
            # (each pattern is tried only where the characters it needs stand)
            if (i == 0 and "年" not in seg) or (2 <= i <= 5 and not has_mon) or (i == 6 and "月" not in seg) \
                    or (i == 7 and ("年" not in seg or not ("一九" in seg or "二〇" in seg or "二零" in seg
                                                           or "一八" in seg))):
                continue
            for m in (self.found(rx) if i in _DATES_DIGIT_FIRST else rx.finditer(seg)):
                a, b = m.span()
                if i in (2, 5) and a > 0 and seg[a - 1] in _LETTERS:
                    continue
                if i == 6 and not m.group("d") and not m.group("fen") \
                        and not _MONTH_OF_A_YEAR.search(seg, max(0, a - 4), a) \
                        and not _MONTH_RANGE_END.search(seg, max(0, a - 14), a):
                    continue        # 3月 alone may be three months (持续了3月): a month only in 今年3月
                    #                 (or at the end of a range of months: 2022年5月至7月)
                gd = m.groupdict()
                y = gd.get("y") or ("".join(str(_SIMPLE_NUMERALS[c]) for c in gd["cy"]) if gd.get("cy") else None)
                if y is not None and not 1800 <= int(y) <= 2100:
                    continue
                mon = gd.get("m")
                if gd.get("mon"):
                    mon = _MON[gd["mon"][:3].lower()]
                d = gd.get("d")
                mon = int(mon) if mon is not None else None
                d = int(d) if d is not None else None
                if mon is not None and not 1 <= mon <= 12:
                    if y is None or rx is not _DATE_RES[0]:
                        continue
                    b = seg.index("年", m.start("y")) + 1
                    mon = d = None
                if d is not None and not 1 <= d <= 31:
                    if rx is _DATE_RES[0]:
                        b = m.end("m") + seg[m.end("m"):b].index("月") + 1
                        d = None
                    elif rx is _DATE_RES[3]:
                        b = m.end("mon")
                        d = None
                    else:
                        continue
                if not self.free(a, b):
                    continue
                if y is None:
                    val = f"--{mon:02d}-{d:02d}" if d is not None else f"--{mon:02d}"
                elif mon is None:
                    val = y
                    span = _YEAR_SPAN_RE.search(seg, max(0, a - 12), a) if rx is _DATE_RES[0] else None
                    if span and int(span.group("y")) < int(y) and self.free(span.start(), a):
                        a, val = span.start(), f"{span.group('y')}/{y}"     # 2008-2012年: a period
                elif d is None:
                    val = f"{y}-{mon:02d}"
                else:
                    val = f"{y}-{mon:02d}-{d:02d}"
                self.claim(a, b)
                found.append((a, b, val))
        if "日" in seg:
            found += self.days_alone()
        found.sort()
        k = 0
        while k < len(found):
            a, b, val = found[k]
            nxt = found[k + 1] if k + 1 < len(found) else None
            if nxt is not None and nxt[0] - b <= 12 and _DATE_LINK_RE.fullmatch(seg, b, nxt[0]) \
                    and not (decades and (found[k] in decades or nxt in decades)):
                # a period (2008年至2012年, 2019年 1月至 2022年 2月) is one statement: one mention,
                # its value an ISO 8601 interval (2019-01/2022-02)
                end = nxt[2]
                if end.startswith("--") and len(end) == 4 and len(val) == 7 and val[4] == "-":
                    end = val[:4] + end[1:]     # 2022年5月至7月: the end's year is the start's
                self.emit(a, nxt[1], "year_or_date", f"{val}/{end}")
                k += 2
            else:
                self.emit(a, b, "year_or_date", val)
                k += 1

    def decades(self) -> list:
        """Decades (20世纪60年代, 上世纪90年代, 1970年代, the 1960s) as (start, end, the period of
        their years: 1960/1969): the century's 20 is no number of its own, nor the decade's 60 a
        length of 60 years; each decade of 20世纪60年代至21世纪10年代 stays a mention of its own."""
        out = []
        for m in itertools.chain(_DECADE_RE.finditer(self.seg) if "年代" in self.seg else (),
                                 _DECADE_EN.finditer(self.seg) if "0s" in self.seg or "0's" in self.seg else ()):
            a, b = m.span()
            if not self.free(a, b):
                continue
            if m.group("year"):
                val = m.group("year")[:3]       # (the decade's first three digits, as ISO 8601 writes it)
            else:
                dec = m.group("dec")
                tens = int(dec[0]) if dec[0].isdigit() else "一二三四五六七八九".index(dec[0]) + 1
                cent = m.group("cent")
                century = (int(cent) if cent.isdigit() else _CENTURY_CN[cent]) if cent \
                    else 20 if m.group("last") or tens >= 3 else 21     # 90年代: the 1990s; 10年代: the 2010s
                val = f"{century - 1}{tens}"
            self.claim(a, b)
            out.append((a, b, f"{val}0/{val}9"))
        return out

    def short_year_periods(self) -> list:
        """Periods whose end year, or both years, are written with two digits (2002至03年,
        ○八至一○年 as 08至10年), as (start, end, YYYY/YYYY)."""
        out = []
        for m in self._ending_at("年", "0123456789 \t", _SHORT_PERIOD_RE, 20):
            a, b = m.span()
            start = int(m.group("y")) if m.group("y") else 2000 + int(m.group("a"))
            end = start - start % 100 + int(m.group("b"))
            end += 100 if end <= start else 0       # 1998-02年: the next 02 after 1998
            if self.free(a, b):
                self.claim(a, b)
                out.append((a, b, f"{start}/{end}"))
        return out

    def chinese_month_days(self) -> list:
        """Dates whose month and day are Chinese numerals (八月廿一日, 2010年四月二日), as (start,
        end, ISO 8601): a month with its day is the calendar's, never a length (that is 四个月)."""
        out = []
        for m in self._ending_at("日号號", "一二三四五六七八九十廿卅 \t", _CN_MONTH_DAY_RE, 16):
            a, b = m.span()
            mon, d = _cn_value(m.group("cm")), _cn_value(m.group("cd"))
            if not (isinstance(mon, int) and 1 <= mon <= 12 and isinstance(d, int) and 1 <= d <= 31) \
                    or not self.free(a, b):
                continue
            y = m.group("y")
            self.claim(a, b)
            out.append((a, b, f"{y}-{mon:02d}-{d:02d}" if y else f"--{mon:02d}-{d:02d}"))
        return out

    def _ending_at(self, ends: str, before: str, rx: re.Pattern, width: int) -> list[re.Match]:
        """The matches of ``rx`` that end at one of the characters ``ends`` with one of ``before``
        just before it: found from those characters (str.find), each pattern tried over a short
        window, so that a pattern that may start anywhere is not run over the whole segment."""
        seg, out = self.seg, []
        for ch in ends:
            p = seg.find(ch)
            while p != -1:
                if p and seg[p - 1] in before:
                    m = next((m for m in rx.finditer(seg, max(0, p - width), p + 1) if m.end() == p + 1), None)
                    if m is not None:
                        out.append(m)
                p = seg.find(ch, p + 1)
        return sorted(out, key=lambda m: m.start())

    def days_alone(self) -> list:
        """Days of the month with no month (28日报道, 巴黎十五日电), as (start, end, ---DD): found
        from each 日 that a word of reporting follows, walking back over its numeral, so that the
        many 日 of a text (每日, 日常, 今日) cost one match each."""
        seg, out = self.seg, []
        p = seg.find("日")
        while p != -1:
            if p and _DAY_REPORTED.match(seg, p + 1):
                j = p
                while j > 0 and seg[j - 1] in " \t" and p - j < 2:
                    j -= 1
                k, digits = j, j > 0 and seg[j - 1] in _DIGITS
                allowed = _DIGITS if digits else _DAY_CN
                while k > 0 and seg[k - 1] in allowed and j - k < (2 if digits else 3):
                    k -= 1
                d = (int(seg[k:j]) if digits else _cn_value(seg[k:j])) if k < j else None
                if isinstance(d, int) and 1 <= d <= 31 and (k == 0 or seg[k - 1] not in _DAY_NOT_AFTER
                                                            and seg[k - 1] not in allowed) and self.free(k, p + 1):
                    self.claim(k, p + 1)
                    out.append((k, p + 1, f"---{d:02d}"))      # a day of the month alone (ISO 8601 ---DD)
            p = seg.find("日", p + 1)
        return out

    def clock_times(self):
        """Times of day (晚上9点前, 21:00): hours on the clock, not counts of anything. A 点 is a
        time only with a part of the day before it or 前/后/左右 after it (下降3点 is a score)."""
        seg = self.seg
        if "点" in seg:
            for m in _anchored(seg, "点", _CLOCK_RE, _CLOCK_BACK, 3):
                period = _CLOCK_PERIOD.search(seg, max(0, m.start() - 2), m.start())
                if not (period or m.group("after") or m.group("half") or m.group("m")) \
                        or not self.free(m.start("h"), m.end()):
                    continue
                h = int(m.group("h")) if m.group("h").isdigit() else _cn_value(m.group("h"))
                if not isinstance(h, (int, float)) or not 0 <= h <= 24:
                    continue
                h += 12 if period and period.group() in _CLOCK_PM and h < 12 else 0
                h += 0.5 if m.group("half") else (int(m.group("m")) / 60 if m.group("m") else 0)
                end = m.start("after") if m.group("after") else m.end()
                self.emit(m.start("h"), end, "measurement", h, unit="clock")
                self.claim(m.start("h"), end)
        if "ampm" in self.latin:
            # (8 AM, 9 pm, 7:30 a.m.: the English clock Chinese pages keep)
            for m in _CLOCK_AMPM_RE.finditer(seg):
                h = int(m.group("h"))
                # (not the end of a range, 8‐10 am: the range reads it)
                if not 1 <= h <= 12 or (m.start() and seg[m.start() - 1] in "0123456789.:：-‐–~～至到") \
                        or not self.free(*m.span()):
                    continue
                h = h % 12 + (12 if m.group("p") in "Pp" else 0) + (int(m.group("m")) / 60 if m.group("m") else 0)
                self.emit(m.start(), m.end(), "measurement", h, unit="clock")
                self.claim(*m.span())
        if ":" in seg or "：" in seg:
            for m in _anchored(seg, ":：", _CLOCK_COLON_RE, _DIGITS, 2):
                if (m.start() == 0 or seg[m.start() - 1] not in "0123456789:：.") and self.free(*m.span()):
                    self.emit(m.start(), m.end(), "measurement", int(m.group("h")) + int(m.group("m")) / 60,
                              unit="clock")
                    self.claim(*m.span())

    def intervals(self):
        if "%" not in self.seg or not may_match(_CI_QUICK, self.seg):
            return
        for m in _CI_RE.finditer(self.seg):
            a, b = m.span()
            if not self.free(a, b):
                continue
            lo, dl = _num_value(m.group("lo").lstrip("-"))
            hi, dh = _num_value(m.group("hi").lstrip("-"))
            if m.group("lo").startswith("-"):
                lo = -lo
            if m.group("hi").startswith("-"):
                hi = -hi
            unit = "%" if (m.group("hu") or m.group("lu")) else ""
            self.emit(a, b, "interval", [lo, hi], unit, label="CI", decimals=max(dl, dh))
            self.claim(a, b)

    def pvalues(self):
        for m in self.found(_P_RE):
            a, b = m.span()
            if not self.free(a, b):
                continue
            v, dec = _num_value(m.group("num"))
            if m.group("exp") or m.group("sup") or m.group("eexp"):
                v = _scaled(v, 1, _sci_exp(m))
            op = m.group("op") or "="
            self.emit(a, b, "pvalue", v, qualifier=_COMP_MAP.get(op), label="P", decimals=dec)
            self.claim(a, b)

    def stats(self):
        seg = self.seg
        for m in self.found(_STAT_RE):
            a, b = m.span()
            if a > 0 and (seg[a - 1] in _LETTERS or seg[a - 1].isdigit()):
                continue
            if not self.free(a, b):
                continue
            lab = m.group("lab")
            v, dec = _num_value(m.group("num"))
            if m.group("neg"):
                v = -v
            kind = _STAT_KIND.get(lab, "measurement")
            op = m.group("op") or "="
            unit = ""
            if kind == "count":
                # N = 1,599: a count keeps its thousands (a ratio's comma may be a decimal point)
                while (g := _THOUSANDS_TAIL_RE.match(seg, b)) is not None and isinstance(v, int):
                    v, b = v * 1000 + int(g.group(1)), g.end()
            if kind == "count" and isinstance(v, float):
                continue
            self.emit(a, b, kind, v, unit, qualifier=_COMP_MAP.get(op), label=lab, decimals=dec)
            self.claim(a, b)
        if "R" in seg:
            for m in self.found(_GLUED_RATIO_RE):
                a, b = m.span()
                if a and seg[a - 1] in "aI":
                    a -= 1              # aHR, aOR, IRR
                if (a and seg[a - 1] in _LETTERS) or not self.free(a, b):
                    continue
                v, dec = _num_value(m.group("num"))
                self.emit(a, b, "ratio", v, "", label=seg[a:m.start("num")], decimals=dec)
                self.claim(a, b)

    def allocations(self):
        seg = self.seg
        if ":" not in seg and "：" not in seg and "∶" not in seg:
            return
        for m in self.found(_ALLOC_RE):
            a, b = m.span()
            if not self.free(a, b):
                continue
            if not (_ALLOC_BEFORE_RE.search(seg[max(0, a - 6):a]) or _ALLOC_AFTER_RE.match(seg[b:b + 6])):
                continue
            self.emit(a, b, "ratio", float(m.group("a")) / float(m.group("b")), "allocation",
                      label="allocation", decimals=2)
            self.claim(a, b)

    def slogans(self):
        if "+" not in self.seg:
            return
        for m in _SLOGAN_RE.finditer(self.seg):
            a, b = m.span()
            if self.free(a, b):
                self.emit(a, b, "other", int(m.group("r")), checkable=False, reason="slogan")
                self.claim(a, b)

    def markers(self):
        seg = self.seg
        for m in _line_starts_matching(_MARK_LINE_RE, seg):
            if m.group("z"):
                a, b = m.span("z")
                v, dec = int(m.group("z")), 0
            elif m.group("cn"):
                a, b = m.start("cn"), m.end("cp")
                v, dec = _cn_value(m.group("cn")), 0
                if v is None:
                    continue
            else:
                a, b = m.span("ar")
                if m.group("ap"):
                    b = m.end("ap")
                else:
                    # "1   对象与方法", "1.1    研究对象": number, blanks, then text (not a unit)
                    k = b
                    while k < self.n and seg[k] in " \t":
                        k += 1
                    if k == b or k >= self.n or seg[k] in "\n" or seg[k].isdigit():
                        continue
                    if _match_unit(seg, b) or seg[k] in "%‰±~-–—×*/=<>()万亿萬億":
                        continue    # (43 万女性: a number with its rank, not a heading's)
                    if "a" <= seg[k] <= "z":
                        continue    # "11 prospective studies": a count before a lowercase word, not a heading's number
                    j = m.start() - 1
                    while j >= 0 and seg[j] in " \t\n":
                        j -= 1
                    if j > 0 and seg[j] == "-" and _is_letter(seg[j - 1]):
                        continue    # IGF-\n1: a name wrapped at the hyphen
                v, dec = _num_value(m.group("ar"))
            if self.free(a, b):
                self.emit(a, b, "other", v, checkable=False, reason="marker", decimals=dec)
                self.claim(a, b)
        for m in self.found(_MARK_PAREN_RE):
            g = "n" if m.group("n") else "n2"
            a, b = (m.start(), m.end()) if g == "n" else (m.start(g), m.end())
            if self.free(a, b):
                self.emit(a, b, "other", int(m.group(g)), checkable=False, reason="marker")
                self.claim(a, b)
        for m in self.found(_CIRCLED_RE):
            a, b = m.span()
            try:
                v = unicodedata.numeric(m.group())
            except (TypeError, ValueError):
                continue
            if self.free(a, b):
                self.emit(a, b, "other", int(v) if float(v).is_integer() else v, checkable=False,
                          reason="marker")
                self.claim(a, b)

    def tables(self):
        seg = self.seg
        for m in self.found(_TABLE_RE):
            a, b = m.span()
            if a > 0 and seg[a - 1] in _TABLE_NOT_AFTER:
                continue
            if self.free(a, b):
                self.emit(a, b, "other", int(m.group("num")), checkable=False, reason="table_ref")
                self.claim(a, b)

    def doubling_forms(self):
        """翻倍, 翻了一番, 倍增: a doubling in words is a multiple of two, as 两倍 is."""
        seg = self.seg
        if "翻" not in seg and "倍增" not in seg:
            return
        for m in _DOUBLING_RE.finditer(seg):
            if self.free(m.start(), m.end()):
                self.emit_form(m.start(), m.end(), 2, unit="x", ukind="multiplier", fold="times", kind="multiplier")

    def percent_forms(self):
        seg = self.seg
        items = []
        if "分之" not in seg and "成" not in seg and "半" not in seg:
            return
        for m in (_HALF_RE.finditer(seg) if "半" in seg else ()):
            items.append((m.start(), m.end(), 50, 0))
        for m in (_PCT_RANGE_RE.finditer(seg) if "百分之" in seg else ()):
            lo = _BARE_SCALE.get(m.group("a")) or _any_value(m.group("a"))[0]
            hi = _BARE_SCALE.get(m.group("b")) or _any_value(m.group("b"))[0]
            if lo is not None and hi is not None and self.free(m.start(), m.end()):
                self.emit(m.start(), m.end(), "range", [lo, hi], "%")
                self.claim(m.start(), m.end())
        for m in (_PCT_CN_RE.finditer(seg) if "百分之" in seg else ()):
            n = m.group("n")
            v, dec = (_BARE_SCALE[n], 0) if n in _BARE_SCALE else _any_value(n)
            if v is not None:
                items.append((m.start(), m.end(), v, dec))
        for m in (_FRAC_RE.finditer(seg) if "分之" in seg else ()):
            a = m.group("a")
            den = _BARE_SCALE.get(a) or _any_value(a)[0]
            num, _ = _any_value(m.group("b"))
            if den and num is not None:
                if a in _BARE_SCALE:     # 千分之二, 万分之三, 百万分之五: exact, any base
                    pct = _num(float(Decimal(str(num)) / Decimal(den) * 100))
                else:
                    um = _match_unit(seg, m.end())
                    if um is not None and um[1] - m.end() == len(um[2]) and _UNIT_MW.get(um[0].code) \
                            and self.free(m.start(), um[1]):
                        # 四分之一份 is a quarter of a serving (0.25 servings), as 半杯 is half a cup
                        self.emit_form(m.start(), m.end(), round(num / den, 4), dec=2)
                        continue
                    pct = round(num / den * 100, 2)
                items.append((m.start(), m.end(), pct, 0))
        for m in (_cheng(seg) if "成" in seg else ()):
            v, dec = _any_value(m.group("n"))
            if v is not None and 0 < v <= 10:
                b, pct = m.end(), _scaled(v, 10)
                tm = _CHENG_TAIL_RE.match(seg, b) if b < len(seg) and dec == 0 else None
                if tm and not _match_unit(seg, tm.end()):
                    b = tm.end()
                    pct = pct + (5 if tm.group() == "半" else _SIMPLE_NUMERALS[tm.group()])
                items.append((m.start(), b, pct, max(0, dec - 1)))
        for m in (_HALF_CHENG_RE.finditer(seg) if "半成" in seg else ()):
            items.append((m.start(), m.end(), 5, 0))
        for a, b, v, dec in sorted(items, key=lambda it: (it[0], -it[1])):   # longest first
            if not self.free(a, b):
                continue
            if isinstance(v, float) and v.is_integer() and dec == 0:
                v = int(v)
            q, _, _ = self.qual_before(a)
            q = q or self.qual_after(b)
            self.emit(a, b, "percent", v, "%", qualifier=q, decimals=dec)
            self.claim(a, b)

    # ------------------------------------------------------------------ open forms
    def emit_form(self, a: int, b: int, value, *, qual=None, bounds=None, dec=0, unit=None,
                  ukind=None, fold=None, kind=None) -> None:
        """Emit a number read as one piece (seg[a:b]) with the unit after it and the word
        qualifier before or after it, and mask it so that pass 3 does not read it again."""
        seg = self.seg
        e = b
        checkable, reason = True, None
        if unit is None:
            unit, um = "", _match_unit(seg, b)
            if um and self.free(b, um[1]):
                u, ue, alias = um
                code = _refine(u, seg, ue)
                unit, ukind = code, _ukind(u, code)
                # 三十多个国家: a Chinese numeral on a generic classifier is prose (the determiner
                # rule); 十几项研究 refines to a study count, 8000多步 counts steps
                if u.generic and code == u.code and not seg[a].isdigit():
                    unit, ukind, checkable, reason = "", "count", False, "prose_count"
                e = ue
        q, _, _ = self.qual_before(a)
        q = q or self.qual_after(e)
        qual = q or qual        # a written word (约, 以上) outranks the form's own reading
        kind = kind or ukind or "measurement"
        self.emit(a, e, kind, value, unit, qualifier=qual, decimals=dec, bounds=bounds, fold=fold,
                  checkable=checkable, reason=reason)
        self.claim(a, e)

    def open_forms(self):
        """Quantities a reader takes as intervals or reads in one piece: 100多 = [100, 200),
        十几万 = [110000, 200000), 上百, 近万, 5万4千6百, 1 776例, 两倍半, 超过1/2, 半茶匙.
        Each regex is anchored on a rare character (多 余 几 倍 / 半 or a blank between digits),
        so the pass costs nothing on text without them. (Long: one block per form, in the order
        that lets a longer form mask a shorter one; each block is a few lines over one regex.)"""
        seg = self.seg
        if "多" in seg or "余" in seg:
            for m in _anchored(seg, "多余", _MORE_RE, _MORE_BACK, 21):
                a, b = m.span()
                n = m.group("n")
                if not self.free(a, b) or (a and (seg[a - 1].isdigit() or seg[a - 1] in "第.")):
                    continue
                if n[0].isdigit():
                    v, dec = _num_value(n)
                else:
                    v, dec = _any_value(n)
                    if v is None or n == "一":
                        continue    # 一多 is not a number
                if not v:
                    continue
                if m.group("s") is None and _match_unit(seg, b) is None and not n[0].isdigit() and v < 10:
                    continue        # 三多 (三多一少 is a name)
                sc = m.group("s") or m.group("s0")
                scale = _SCALE[sc] if sc else 1
                d = Decimal(str(v)) * scale
                lo = _num(float(d))
                hi = _num(float(d + Decimal(str(place_value(v))) * scale))
                self.emit_form(a, b, lo, qual="more_than", bounds=[lo, hi], dec=dec)
        if "几" in seg:
            for m in _anchored(seg, "几", _JI_RE, _JI_PRE, 11):
                a, b = m.span()
                if not self.free(a, b):
                    continue
                pre = m.group("pre") or ""
                base = (_BARE_SCALE.get(pre) or _cn_value(pre)) if pre else 0
                if base is None:
                    continue
                rank = m.group("r1") or m.group("r2")
                if rank:
                    pos = _RANK[rank]
                else:
                    pos = max(1, _RANK[pre[-1]] // 10)
                scale = _SCALE[m.group("s")] if m.group("s") else 1
                if m.group("r2") == "万" and not m.group("s"):
                    pos, scale = 1, 10 ** 4     # 几万 = a few ten-thousands
                lo = _num((base + pos) * scale)
                hi = _num((base + 10 * pos) * scale)
                self.emit_form(a, b, lo, qual="more_than", bounds=[lo, hi])
        if "数" in seg:
            # 数百名, 数十年, 数百万: 数 as 几, a few of the rank (not 人数百, 分数十分重要)
            for m in _SHU_RE.finditer(seg):
                a, b = m.span()
                if not self.free(a, b):
                    continue
                pos = _RANK[m.group("r")] if m.group("r") != "万" or m.group("s") else 1
                scale = _SCALE[m.group("s")] if m.group("s") else (10 ** 4 if m.group("r") == "万" else 1)
                self.emit_form(a, b, _num(pos * scale), qual="more_than",
                               bounds=[_num(pos * scale), _num(10 * pos * scale)])
        for w in ("上", "近", "逾", "过"):
            if w in seg:
                break
        else:
            w = None
        if w is not None:
            for m in _anchored(seg, "上近逾过", _RANK_WORD_RE, _RANK_BACK, 2):
                a, b = m.start("n"), m.end()
                if not self.free(m.start(), b):
                    continue
                w = m.group("w")
                v = _BARE_SCALE[m.group("n")]
                if w in ("上", "过"):
                    if _match_unit(seg, b) is None and b < len(seg) and _is_han(seg[b]) and seg[b] not in "的":
                        continue    # 上万 needs a count after it unless it ends the phrase (经过千辛万苦)
                    self.emit_form(a, b, v, qual="at_least" if w == "上" else "more_than")
                elif w in ("近", "将近"):   # 近百: nearly a hundred, from below
                    self.emit_form(a, b, v, bounds=[_num(v * 0.9), v])
                else:
                    self.emit_form(a, b, v)
        if "万" in seg or "千" in seg or "百" in seg:
            for m in self.found(_MIXED_RE):
                a, b = m.span()
                groups = _MIXED_GROUP_RE.findall(m.group())
                tail = m.group("tail")
                if len(groups) < 2 and groups and groups[0][1] not in "千百" and not tail:
                    continue        # 16万 alone: pass 3 reads it
                # (2万7600多名, 1万5千多名: the whole is open above its last digits, 27,600 to 27,700)
                more = (len(tail) > 1 if tail else len(groups) > 1) and b < len(seg) and seg[b] in "多余"
                if (b < len(seg) and seg[b] in "多余几" and not more) or not self.free(a, b + more):
                    continue
                v = _mixed_value(m.group()[: len(m.group()) - len(tail or "")])
                last = _RANK.get(groups[-1][1]) or _SCALE.get(groups[-1][1], 1) if groups else 1
                if v and tail:
                    # 1万600 = 10600 (cn2an), 3万5 = 35000 (the next rank down, as spoken)
                    v += int(tail) * (last // 10) if len(tail) == 1 and tail != "0" else int(tail)
                if v and more:
                    step = place_value(int(tail)) if tail else last
                    self.emit_form(a, b + 1, v, qual="more_than", bounds=[v, _num(v + step)])
                elif v:
                    self.emit_form(a, b, v)
        if " " in seg or "\u00a0" in seg or "\u2009" in seg or "\u202f" in seg:
            for m in self.found(_SPACED_RE):
                a, b = m.span()
                if not self.free(a, b) or (a and (_is_letter(seg[a - 1]) or seg[a - 1] == "-")):
                    continue
                if m.group("g"):
                    um = _match_unit(seg, b)
                    if len(m.group("h")) > 3 or m.group("h")[0] == "0" or (
                            (um is None or um[1] - b != len(um[2]) or um[0].generic) and not _in_english(seg, a)):
                        continue    # "1 776" only before a unit: 表1 776 is two numbers
                        # (or in English prose: "Of those analysed, 13 322 (2.7%) died", as abstracts write)
                    v = int(re.sub(r"\D", "", m.group()))
                    self.emit_form(a, b, v)
                else:
                    v, dec = _num_value(m.group("h") + (m.group("d") or ""))
                    self.emit_form(a, b, _scaled(v, _SCALE[m.group("s")]), dec=dec)
        if any(p in seg for p in _PAIR_OK):
            for m in _anchored(seg, _PAIR_OK, _PAIR_RE, _JI_PRE, 10):
                a, b = m.span()
                d, pre, r = m.group("d"), m.group("pre") or "", m.group("r")
                if d not in _PAIR_OK or not self.free(a, b) or (a and seg[a - 1] in _CN_ALL + "点點第"):
                    continue
                if b < len(seg) and seg[b] in _CN_ALL:
                    continue
                if not (pre or r or m.group("s")) and _match_unit(seg, b) is None:
                    continue        # 七八 alone: no quantity
                base = (_cn_value(pre) if pre not in _BARE_SCALE else _BARE_SCALE[pre]) if pre else 0
                if base is None:
                    continue
                pos = _RANK[r] if r else (max(1, _RANK.get(pre[-1], 10) // 10) if pre else 1)
                scale = _SCALE[m.group("s")] if m.group("s") else 1
                lo = _num((base + _SIMPLE_NUMERALS[d[0]] * pos) * scale)
                hi = _num((base + _SIMPLE_NUMERALS[d[1]] * pos) * scale)
                self.emit_form(a, b, [lo, hi], ukind=None, kind="range")
        if "半" in seg:
            # 半年 (six months), 一年半 (a year and a half), 半个月: a length written with 半
            # (说了半天 is "a long while": 半天 alone is no length)
            for m in _anchored(seg, "半", _HALF_TIME_RE, _HALF_BACK, 8):
                a, b = m.span()
                if not self.free(a, b):
                    continue
                n = m.group("n")
                v = 0.5 if n is None else (_num_value(n)[0] if n[0].isdigit() else _cn_value(n))
                if v is None:
                    continue
                if n is not None:
                    v += 0.5
                self.emit_form(a, b, v, unit=_HALF_UNIT[m.group("u") or m.group("u2")], ukind="duration", dec=1)
        if "倍半" in seg:
            for m in _HALF_TIMES_RE.finditer(seg):
                a, b = m.span()
                n = m.group("n")
                v = _num_value(n)[0] if n[0].isdigit() else _cn_value(n)
                if v is None or not self.free(a, b):
                    continue
                w = seg[max(0, a - 8):a]
                fold = "increase" if _INCREASE_RE.search(w) else "times"
                self.emit_form(a, b, v + 0.5, unit="x", ukind="multiplier", fold=fold, dec=1)
        if "倍多" in seg:
            for m in _MORE_TIMES_RE.finditer(seg):
                a, b = m.span()
                n = m.group("n")
                v = _num_value(n)[0] if n[0].isdigit() else _cn_value(n)
                if not v or not self.free(a, b) or (a and (seg[a - 1].isdigit() or seg[a - 1] in "第.")):
                    continue
                fold = "increase" if _INCREASE_RE.search(seg[max(0, a - 8):a]) else "times"
                self.emit_form(a, b, v, unit="x", ukind="multiplier", fold=fold, qual="more_than",
                               bounds=[v, _num(float(v) + 1)])
        if "/" in seg:
            for m in self.found(_SLASH_FRAC_RE):
                a, b = m.span()
                q, _, _ = self.qual_before(a)
                x, y = int(m.group("a")), int(m.group("b"))
                # (or before 的 and what it is a share of: 其中1/3的人听力正常; not a rank's part,
                # 水平处于最高1/3的参与者: the top tertile is a group, not a share)
                # (增加1/3, 降低了1/2: the size of a change is a share of what it changes)
                if (q is None and not CHANGE_VERB_BEFORE.search(seg, max(0, a - 8), a)
                        and (not _SHARE_OF_AFTER.match(seg, b) or _RANKED_PART_BEFORE.search(seg, max(0, a - 3), a))) \
                        or x >= y or not self.free(a, b) \
                        or ((um := _match_unit(seg, b)) is not None and um[0].code != "person"):
                    continue        # (1/2杯 is a measure; 1/3男性 a share of people)
                self.emit_form(a, b, round(x / y * 100, 2), unit="%", ukind="percent")
        if "半" in seg:
            for m in _HALF_MW_RE.finditer(seg):
                a = m.start()
                um = _match_unit(seg, m.end())
                if um is None or um[1] - m.end() != len(um[2]) or not _UNIT_MW.get(um[0].code):
                    continue
                if self.free(a, um[1]):
                    self.emit_form(a, m.end(), 0.5, dec=1)

    # ------------------------------------------------------------------ pass 3: tokens
    def bare(self, s: int, e: int, int_digits: int, dead_end: int) -> bool:
        """Fast path: nothing around seg[s:e] can change the number (no unit, sign, separator,
        comparator or masked name next to it), so it is a bare number."""
        seg, n = self.seg, self.n
        pc = seg[s - 1] if s else ""
        nc = seg[e] if e < n else ""
        return (pc not in _SLOW_PC and (nc not in _SLOW_NC or (nc == "-" and seg[e + 1:e + 2].isdigit()))
                and int_digits <= 15 and (pc != "," or s - 1 != dead_end)
                and self.mask.find(1, s, e) == -1)

    def tokens(self) -> list:
        seg = self.seg
        toks = []
        dead_end = -2
        consumed = 0
        for m in _RUN_RE.finditer(seg):
            rs, re_ = m.span()
            if rs < consumed:
                continue
            run = m.group()
            if run[0] in _CN_ALL:
                t = self.cn_token(rs, re_, run)
                if t is not None:
                    toks.append(t)
                    consumed = t.e
                continue
            if run.isdigit():           # the common case: no separator
                if self.bare(rs, re_, re_ - rs, dead_end):
                    toks.append(_bare_tok(rs, re_, run))
                    consumed = re_
                    continue
                t = self.ar_token(rs, re_, run, dead_end, False, toks[-1].e if toks else -1)
                if t == "dead":
                    dead_end = re_
                elif t is not None:
                    toks.append(t)
                    consumed = t.e
                continue
            # split an Arabic run into numbers: thousands groups (exactly 3 digits), one decimal part
            nums = [(rs + m.start(), rs + m.end(), m.group()) for m in _NUM_IN_RUN_RE.finditer(run)]
            versionish = run.count(".") >= 2 and "," not in run
            for ns, ne, txt in nums:
                if ns < consumed:
                    continue
                if not versionish and "," not in txt:
                    if self.bare(ns, ne, txt.find(".") if "." in txt else len(txt), dead_end):
                        toks.append(_bare_tok(ns, ne, txt))
                        consumed = ne
                        continue
                t = self.ar_token(ns, ne, txt, dead_end, versionish, toks[-1].e if toks else -1)
                if t is None:
                    continue
                if t == "dead":
                    dead_end = ne
                    continue
                toks.append(t)
                consumed = t.e
        return toks

    def ar_token(self, ns, ne, txt, dead_end, versionish, last_e):
        """An Arabic-digit run as a token with its scale (万/亿), unit and what makes it no
        quantity (a code, a version, a name's suffix). (Long on purpose: it runs once per number
        of the text, hundreds of thousands of times on a large input, so its tests are inline
        in the order that drops the most numbers first rather than spread over helper calls.)"""
        seg, n = self.seg, self.n
        if self.mask.find(1, ns, ne) != -1:
            return None
        intpart = txt.split(".")[0].replace(",", "") if not txt.isdigit() else txt
        if len(intpart) > 15 or versionish:
            return "dead"
        pc = seg[ns - 1] if ns > 0 else ""
        ppc = seg[ns - 2] if ns > 1 else ""
        is_int = "." not in txt
        # ---- names: T2DM, SIK1, IL-17, IGF-1, 肽-1, Wenhong1,2,4, c3H10T1/2
        if pc in _LETTERS and not _glued_dose(seg, ns, ne):
            return "dead"
        if pc == "-" and last_e != ns - 1 and (
                ppc in _LETTERS or ("\u4e00" <= ppc <= "\u9fff" and is_int and len(intpart) <= 2 and ppc not in "为是达")):
            return "dead"
        if pc in ",/" and ns - 1 == dead_end:
            return "dead"
        if pc in " \t\n":
            j = ns - 1
            while j >= 0 and ns - j <= 4 and seg[j] in " \t\n":
                j -= 1
            if j > 0 and seg[j] == "-" and _is_letter(seg[j - 1]) and "\n" in seg[j:ns]:
                return "dead"
        stem_dead = False
        if is_int and pc in " \t" and _NAME_WORD_RE.search(seg, max(0, ns - 14), ns):
            stem_dead = True
        elif is_int and len(intpart) <= 2 and (pc in _STEM_LAST or (pc == " " and ppc in _STEM_LAST)):
            k = ns - 1 if pc == " " else ns
            for stem in _NAME_STEMS:
                if seg.startswith(stem, k - len(stem)) and k - len(stem) >= 0:
                    stem_dead = True
                    break
        value, dec = _num_value(txt)
        p = ne
        factor, exp = 1, 0
        nc = seg[p] if p < n else ""
        if nc in "万亿千百" and nc:
            sm = _SCALE_RE.match(seg, p)
            if sm:
                factor = _SCALE[sm.group()]
                p = sm.end()
                nc = seg[p] if p < n else ""
        if nc in " \t×xX*eE" and nc:
            xm = _SCI_RE.match(seg, p)
            if xm:
                exp = _sci_exp(xm)
                p = xm.end()
                nc = seg[p] if p < n else ""
        if factor != 1 or exp:
            value = _scaled(value, factor, exp)
        # ---- name suffix: 2型, 1号, CKD 2期
        if nc in _NAME_SUFFIX_FIRST and nc and _NAME_SUFFIX_RE.match(seg, p):
            return "dead"
        qual_in = None
        qm = _QI_RE.match(seg, p) if nc in _QI_FIRST and nc else None
        if qm and _match_unit(seg, qm.end()):
            qual_in = _QUAL_INSIDE[qm.group()]
            p = qm.end()
        um = _match_unit(seg, p)
        unit = ukind = uname = alias = None
        generic = False
        e = p
        if um:
            u, ue, alias = um
            if u.code == "hour" and _H_NAME_RE.match(seg, ue):
                return "dead"       # 2 h PG, 2 h INS: names of measures
            if not self.free(p, ue):
                um = None
            else:
                code = _refine(u, seg, ue)
                if exp and u.scaled and code == u.code:
                    code = u.scaled
                unit, ukind, generic, uname = code, _ukind(u, code), u.generic, u.name
                if code != u.code:
                    generic = False
                e = ue
        if not um:
            nc = seg[p] if p < n else ""
            if _is_letter(nc) and p == ne:
                return "dead"
            if nc == "-" and p + 1 < n and (seg[p + 1] in _LETTERS or "\u4e00" <= seg[p + 1] <= "\u9fff"):
                return "dead"       # 5-HT, 5-羟色胺, 2023-E167
            if nc == "(" and seg.startswith("(OH)", p):
                return "dead"       # 25(OH)D
            if stem_dead:
                return "dead"
            if nc == " " and is_int and factor == 1 and not exp and not 1800 <= value <= _LAST_YEAR_TOLD \
                    and (pm := _MODIFIED_PEOPLE_RE.match(seg, p)) is not None:
                # 79 AHSCT-treated patients, 83 eligible children: a count of people however many
                # words describe them (the number alone is the mention, as the words are not its unit)
                # (2095 incident lung cancer cases: no year a study is dated by, so a count)
                u = _UNIT_INFO.get(_ukey(pm.group("p").lower())) or _UNIT_INFO[_ukey("patients")]
                unit, ukind, generic, uname = u.code, u.kind, u.generic, u.name
        t = _Tok(ns, e, ns, ne, value, dec, False)
        if unit is not None:
            t.unit, t.ukind, t.generic, t.uname, t.alias = unit, ukind, generic, uname, alias
        t.qual = qual_in
        t.int_only = is_int and factor == 1 and not exp
        t.factor = (factor, exp)
        t.plain = "," not in txt and factor == 1 and not exp
        if (pc in _CTX_PC or uname == "times" or unit == "x" or (e < n and seg[e] in _QA_FIRST)
                or (unit == "age" and pc in "轻輕老小大")
                or (pc in _QB_VERB_LAST and ns > 2 and seg[ns - 3] in _QB_WORD_LAST)):     # 至少降低5%
            self.context(t)
        return t

    def cn_token(self, rs, re_, run):
        seg = self.seg
        if len(run) > 40 or not self.free(rs, re_):
            return None
        if len(run) > 1 and run[-1] in "千百":
            um = _match_unit(seg, re_ - 1)      # 一千克 is 1 kg, 五百米 stays 500 m
            if um and um[2][0] == run[-1] and len(um[2]) > 1:
                re_ -= 1
                run = run[:-1]
        # the numeral may be followed by 万/亿 already inside the run; value via cn2an
        v = _cn_value(run)
        if v is None:
            return None
        dec = _any_value(run)[1]
        j = rs - 1
        if j >= 0 and seg[j] == "第":
            return None
        um = _match_unit(seg, re_)
        if um and um[1] - re_ > len(um[2]):     # no blanks between a Chinese numeral and its unit
            um = None
        t = _Tok(rs, re_, rs, re_, v, dec, True)
        t.naked = True
        t.int_only = "点" not in run and "點" not in run
        if um and self.free(re_, um[1]):
            u, ue, alias = um
            if u.code == "hour" and alias.isascii():
                um = None
            else:
                if alias in _DET_UNITS:
                    return None
                if alias == "元" and ue < self.n and (seg[ue] in _LETTERS or seg[ue] in _NOT_MONEY_AFTER):
                    return None     # 二元logistic回归, 一元线性回归: a name, not money
                one_counts = run == "一" and (seg[max(0, rs - 3):rs].endswith(_ONE_COUNT_AFTER) or (
                    # 每周注射一次, 每年接受一次, 至少跌倒一次: once a week, at least once, a verb between
                    alias == "次" and _ONCE_CTX_RE.search(seg, max(0, rs - 8), rs) is not None))
                if run == "一" and (u.generic or alias in _INDEF_UNITS) and not one_counts:
                    return None
                code = _refine(u, seg, ue)
                t.unit, t.ukind, t.uname, t.alias = code, _ukind(u, code), u.name, alias
                t.generic = u.generic
                t.e = ue
                t.naked = False
                if u.generic and not one_counts:
                    t.unit = ""
                    t.kind = "count"
                    t.checkable = alias in _DESIGN_CLS     # 分成四档: the study's quartiles
                    t.reason = None if t.checkable else "prose_count"
        self.context(t)
        return t

    def context(self, t: _Tok):
        """What stands around a token: sign, comparator, label, word qualifiers, 每周…次, 倍."""
        seg = self.seg
        s = t.s
        # ordinal: 第9周
        j = s - 1
        if j >= 0 and seg[j] == " ":
            j -= 1
        if j >= 0 and seg[j] == "第":
            t.role = "ordinal"
        # negative sign
        # (a minus sign as typeset: "−4%、−6%、−3%", the list's 、 before it)
        if not t.cn and s > 0 and seg[s - 1] in "-−" and (s == 1 or seg[s - 2] in " \t\n([=:,;为是达、（：，；"):
            t.neg = True
            t.s = s = s - 1
        elif s > 0 and seg[s - 1] in "负負" and (s == 1 or seg[s - 2] not in "正胜抱欠担"):
            t.neg = True            # 负3.9%, 负三十二: a signed numeral is a quantity
            t.naked = False
            t.s = s = s - 1
        # comparator symbol
        if not t.neg and s > 0 and (seg[s - 1] in _COMP_CHARS or (s > 1 and seg[s - 1] in " \t"
                                                                  and seg[s - 2] in _COMP_CHARS)):
            cm = _COMP_END_RE.search(seg, max(0, s - 3), s)
            if cm:
                t.comp = cm.group("c")
                t.s = s = cm.start()
                t.qual = _COMP_MAP[t.comp]
            elif _EQ_END_RE.search(seg, max(0, s - 3), s):
                lab = self.label_before(seg.rindex("=", 0, s))
                if lab:
                    t.label = lab
        ws = s
        if t.comp is None and s > 0 and (seg[s - 1] in _QB_LAST or seg[s - 1] in " \t\n" or seg[s - 1] in _QB_VERB_LAST):
            q, w, ws = self.qual_before(s)
            if q:
                t.qual = q
                t.wordq = w
                t.ws = ws
        if t.comp or (t.wordq in _THRESH_WORDS and not t.unit and not t.cn):
            t.kind = "threshold"
            t.label = self.label_before(t.s if t.comp else ws)
        if t.qual is None and t.e < self.n and seg[t.e] in _QA_FIRST:
            t.qual = self.qual_after(t.e)
        # frequency: 每周3次, 每周运动3次, 每天两次
        if t.uname == "times":
            fm = _FREQ_CTX_RE.search(seg, max(0, t.s - 7), t.s)
            if fm:
                t.unit = _PER[fm.group("per")]
                t.ukind = "frequency"
                t.s = fm.start()
                t.kind = None if t.kind != "threshold" else t.kind
                t.checkable = True
                t.reason = None
        # 年轻11岁, 比对照组老了5岁: an age told as a gap is a number of years
        if t.unit == "age" and _AGE_GAP_BEFORE.search(seg, max(0, t.s - 5), t.s):
            t.unit, t.ukind = "year", "duration"
        # 倍: times or increase
        if t.unit == "x":
            w = seg[max(0, t.s - 8):t.s]
            for ch in ",.;:。!?、\n":
                w = w.rsplit(ch, 1)[-1]
            t.fold = "increase" if _INCREASE_RE.search(w) else "times"

    # ------------------------------------------------------------------ combining tokens
    def gap(self, a: _Tok, b: _Tok, limit=30):
        if b.s - a.e > limit or b.s < a.e or not self.free(a.e, b.s):
            return None
        return self.seg[a.e:b.s]

    def combine(self, toks: list):
        """Adjacent tokens read as one statement: ranges (10%~15%), lists (3、6、9个月), pairs
        (从A降至B, A vs B), ± forms, fractions. (Long: one left-to-right scan whose every branch
        decides how many tokens it consumes; as helpers, each would return the new index.)"""
        i, n = 0, len(toks)
        seg = self.seg
        mask = self.mask
        while i < n:
            a = toks[i]
            if i + 1 < n:
                b = toks[i + 1]
                g = (seg[a.e:b.s] if 0 <= b.s - a.e <= 30 and mask.find(1, a.e, b.s) == -1 else None)
            else:
                b = g = None
            c0 = g.lstrip()[:1] if g else ""
            if g is not None and c0 and self.bounded(a, b, g):
                i += 2
                continue
            if g is not None and (c0 or b.neg):
                # mean ± SD
                if (c0 in "±+∓" and _PM_GAP_RE.fullmatch(g) and not a.comp and not b.comp
                        and not a.naked and not b.naked):
                    self.emit_pm(a, b)
                    i += 2
                    continue
                # mean (SD) unit: 52.8[11.8]岁
                if c0 in "([" and _SD_OPEN_RE.fullmatch(g) and not a.unit and not b.unit and not a.comp \
                        and not b.comp and not a.naked and not b.naked and self.emit_mean_sd(a, b):
                    i += 2
                    continue
                # median (P25～P75) / n (%)
                if c0 == "(" and _OPEN_GAP_RE.fullmatch(g) and not a.unit and not a.comp and not a.naked:
                    c = toks[i + 2] if i + 2 < n else None
                    g2 = self.gap(b, c, 12) if c is not None else None
                    if (c is not None and g2 is not None and _RANGE_GAP_RE.fullmatch(g2)
                            and _CLOSE_RE.match(seg, c.e) and not b.comp and not c.comp):
                        gid = self.st.group()
                        self.emit_single(a, role="median", gid=gid)
                        self.emit(b.s, c.e, "interval", [self.val(b), self.val(c)],
                                  c.unit or b.unit, role="quartiles", group_id=gid,
                                  decimals=max(b.dec, c.dec))
                        i += 3
                        continue
                    if (a.int_only and not b.unit and not b.int_only and not b.comp
                            and _CLOSE_RE.match(seg, b.e) and 0 <= b.value <= 100):
                        gid = self.st.group()
                        a.kind = "count"
                        self.emit_single(a, role="n", gid=gid)
                        b.unit, b.ukind = "%", "percent"
                        self.emit_single(b, role="percent", gid=gid)
                        i += 2
                        continue
                # from → to: 从7.77%降至7.52%; in English "rose from 3.12 to 4.76 mg/min/kg" is a
                # change, not a range
                if (c0 in _CHANGE_FIRST and _CHANGE_GAP_RE.fullmatch(g) and not b.comp and not a.naked
                        and not b.naked) or (
                        c0 == "t" and _EN_TO_RE.fullmatch(g) and not b.comp
                        and _EN_FROM_RE.search(seg, max(0, a.s - 8), a.s)
                        and not _EN_RANGED_RE.search(seg, max(0, a.s - 20), a.s)):
                    self.emit_pair(a, b, "from", "to")
                    i += 2
                    continue
                # range
                if (c0 in _RANGE_FIRST or b.neg) and self.is_range(a, b, g):
                    self.emit_range(a, b)
                    i += 2
                    continue
                # comparison: A vs B; and 14.8对5.7%, the first of two shares written without its %
                if (c0 in "vV" and _CMP_GAP_RE.fullmatch(g) and not a.naked and not b.naked) or (
                        g == "对" and b.unit == "%" and not a.unit and not a.comp and not b.comp and not a.cn
                        and a.role != "ordinal"):
                    self.emit_pair(a, b, "compare_a", "compare_b")
                    i += 2
                    continue
                # list sharing the unit of its last item: 9、20、32、48周
                if c0 in _LIST_FIRST and not a.unit and not a.comp and not (a.naked and a.value == 1) and (
                        _LIST_GAP_RE.fullmatch(g) or (_COMMA_GAP_RE.fullmatch(g) and a.int_only)):
                    k = i
                    while k + 1 < n:
                        tk, tn = toks[k], toks[k + 1]
                        if tk.unit or tn.comp or tn.cn != a.cn or not 0 <= tn.s - tk.e <= 6:
                            break
                        gk = seg[tk.e:tn.s]
                        if gk == "、" or (gk == "," and tk.int_only and tn.int_only):
                            k += 1
                            continue
                        if mask.find(1, tk.e, tn.s) != -1 or not (
                                _LIST_GAP_RE.fullmatch(gk) or
                                (_COMMA_GAP_RE.fullmatch(gk) and tk.int_only and tn.int_only)):
                            break
                        k += 1
                    last = toks[k]
                    if k > i and last.unit and not last.generic:
                        gid = self.st.group()
                        for t in toks[i:k]:
                            t.unit, t.ukind, t.naked = last.unit, last.ukind, False
                            if t.kind == "threshold" or t.kind is None:
                                t.kind = last.kind if last.kind not in ("threshold",) else None
                            self.emit_single(t, role="list_item", gid=gid)
                        self.emit_single(last, role="list_item", gid=gid)
                        i = k + 1
                        continue
                    if k == i:          # not even a pair: fall through to a single
                        self.emit_single(a)
                        i += 1
                        continue
                    for t in toks[i:k]:
                        self.emit_single(t)
                    i = k               # toks[k] may still start a range, a comparison ...
                    continue
            self.emit_single(a)
            i += 1

    def bounded(self, a: _Tok, b: _Tok, g: str) -> bool:
        """Two numbers that name both ends of one interval: 20和30之间 (a closed range),
        大于等于一百小于等于三百一 (a lower bound then an upper one). Emits it and says so."""
        seg = self.seg
        if a.comp or b.comp or a.label or b.label or (a.unit and b.unit and a.unit != b.unit):
            return False
        if a.qual in _ABOVE_Q and b.qual in _BELOW_Q and b.wordq and b.ws is not None:
            if not _BOUND_JOIN_RE.fullmatch(seg, a.e, b.ws):
                return False
        elif _BETWEEN_GAP_RE.fullmatch(g) and _BETWEEN_RE.match(seg, b.e):
            pass
        else:
            return False
        self.fill_unit(a, b)
        unit = b.unit or a.unit
        kind = "range"
        lo, hi = self.val(a), self.val(b)
        self.emit(a.s, b.e, kind, [lo, hi], unit, decimals=max(a.dec, b.dec))
        return True

    def is_range(self, a: _Tok, b: _Tok, g: str) -> bool:
        if a.comp or b.comp or b.qual and b.wordq or b.naked and not b.unit:
            return False
        if a.label or b.label:
            return False
        if a.unit and b.unit and a.unit != b.unit:
            return False
        if a.generic and not a.naked:
            return False
        if b.unit == "%" and not a.unit and not a.cn and _EN_NAMED_POINT_RE.search(self.seg, max(0, a.s - 10), a.s):
            return False
        if b.neg:
            # "10 - 20": the sign was read as a minus; "1.2 -3" stays two numbers
            g2 = self.seg[a.e:b.ns]
            if _RANGE_GAP_RE.fullmatch(g2) and "-" in g2 and " " in g2:
                b.neg = False
                b.s = b.ns
                return True
            return False
        if not _RANGE_GAP_RE.fullmatch(g):
            return False
        if a.naked and not b.cn:
            return False
        if a.factor == b.factor and self.val(a) > self.val(b):
            return False        # "and 1794 to 14 days": a count, then what it was assigned to; no range runs down
        return True

    def emit_pair(self, a: _Tok, b: _Tok, role_a: str, role_b: str) -> None:
        """Two numbers read as one statement (从A降至B, A vs B): they share a unit and a group."""
        self.fill_unit(a, b)
        gid = self.st.group()
        self.emit_single(a, role=role_a, gid=gid)
        self.emit_single(b, role=role_b, gid=gid)

    @staticmethod
    def fill_unit(a: _Tok, b: _Tok):
        if not a.unit and b.unit:
            a.unit, a.ukind = b.unit, b.ukind
        elif not b.unit and a.unit:
            b.unit, b.ukind = a.unit, a.ukind

    @staticmethod
    def val(t: _Tok):
        return -t.value if t.neg else t.value

    def emit_range(self, a: _Tok, b: _Tok):
        lo, hi = self.val(a), self.val(b)
        if b.factor != (1, 0) and a.factor == (1, 0) and not a.unit:
            lo = _scaled(lo, *b.factor)
        qual = a.qual if a.wordq else None
        qual = qual or b.qual if not b.comp else qual
        self.emit(a.s, b.e, "range", [lo, hi], b.unit or a.unit, qualifier=qual,
                  decimals=max(a.dec, b.dec), checkable=True)

    def emit_pm(self, a: _Tok, b: _Tok):
        seg = self.seg
        s, e = a.s, b.e
        unit = b.unit or a.unit
        # (62.4 ± 7.0)岁
        j = s - 1
        while j >= 0 and s - j <= 2 and seg[j] == " ":
            j -= 1
        cm = _CLOSE_RE.match(seg, e)
        if not unit and j >= 0 and seg[j] == "(" and cm:
            um = _match_unit(seg, cm.end())
            if um and um[1] - cm.end() == len(um[2]) and self.free(j, um[1]):
                unit = _refine(um[0], seg, um[1])
                s, e = j, um[1]
        self.emit(s, e, "measurement", self.val(a), unit, sd=self.val(b), decimals=a.dec,
                  qualifier=a.qual if a.wordq else None)

    def emit_mean_sd(self, a: _Tok, b: _Tok) -> bool:
        """52.8[11.8]岁: a mean whose SD stands in brackets before the unit they share; emitted
        with that unit, if a unit follows the closing bracket at once."""
        seg = self.seg
        cm = _SD_CLOSE_RE.match(seg, b.e)
        if not cm:
            return False
        um = _match_unit(seg, cm.end())
        if not um or um[1] - cm.end() != len(um[2]) or not self.free(a.s, um[1]):
            return False
        self.emit(a.s, um[1], "measurement", self.val(a), _refine(um[0], seg, um[1]), sd=self.val(b),
                  decimals=a.dec, qualifier=a.qual if a.wordq else None)
        return True

    def emit_single(self, t: _Tok, role=None, gid=None):
        if t.fast and t.kind is None and not t.unit:
            # a bare number with nothing around it (see tokens): a measurement or a year
            v = t.value
            kind = "measurement"
            if t.int_only and 1900 <= v <= 2099 and role is None and not _grouped(self.seg, t):
                kind, v = "year_or_date", str(v)
            self.out.append(Mention("", self.base + t.s, self.base + t.e, 0, "", kind, v, "", None, True,
                                    None, None, None, role, gid, None, t.dec))
            return
        if t.naked:
            return
        seg = self.seg
        kind = t.kind
        checkable, reason = t.checkable, t.reason
        value = self.val(t)
        if kind is None:
            if t.unit or t.ukind:
                kind = t.ukind or _UNIT_KIND.get(t.unit, "measurement")
            elif t.generic:
                kind = "count"
            else:
                kind = "measurement"
        # bare year: 1999 WHO, (2022)
        if (isinstance(value, int) and 1900 <= value <= 2099 and kind == "measurement" and t.plain
                and not t.unit and not t.label and not t.comp and not t.neg and t.int_only
                and role is None and not t.cn and not _grouped(seg, t)):
            kind, value = "year_or_date", str(value)
        # a bare comparator with a conventional alpha: a p-value cell of a table (＜0.001)
        if kind == "threshold" and t.comp and not t.unit and not t.label and value in (0.05, 0.01, 0.001, 0.0001):
            kind = "pvalue"
        # numbers inside a formula: (FPG×FINS)/22.5, ×100%
        j = t.s - 1
        if j >= 0 and seg[j] == " ":
            j -= 1
        k = t.e
        if k < self.n and seg[k] == " ":
            k += 1
        # (not a pair written with blanks: 151.7 / 86.4, a blood pressure; nor a page's bold, **200万人**)
        if (j >= 0 and (_times_at(seg, j) or (seg[j] == "/" and j > 0 and not seg[j - 1].isdigit()
                                               and not (seg[j - 1] == " " and j > 1 and seg[j - 2].isdigit()))
                        )) or (k < self.n and _times_at(seg, k) and not _SCI_RE.match(seg, t.e)):
            kind, checkable, reason = "other", False, "formula"
        role = role or t.role
        self.emit(t.s, t.e, kind, value, t.unit, qualifier=t.qual, checkable=checkable,
                  label=t.label, fold=t.fold, role=role, group_id=gid, reason=reason, decimals=t.dec)
