"""Claims and verdicts: does the cited paper state this number for this thing?

A number that merely occurs somewhere in the paper is not support: a mention is matched to a
finding only when the finding's measure is named near it (keywords, glossary synonyms), the
group agrees where both sides name one, and the unit is compatible after conversion. Then
the value is compared with a tolerance set by the article's own precision (statcheck's habit:
the paper's value is always printed next to the article's), and near misses are diagnosed:
doubled or halved, groups swapped, digits transposed, another time point, 提高了X倍 misread.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass
from typing import Any, Optional

from factcheck.judge.attribution import (describes_arms, finding_follows, general_cue, may_report_then_state,
                                         page_footer_words, quoted_at, reports_finding, speaks_of_research)
from factcheck.core.codes import messages
from factcheck.core.config import Config
from factcheck.core.messages import fmt_value as _fmt
from factcheck.papers.glossary import load_glossary, names_a_measure
from factcheck.core.model import (Article, Attribution, Claim, Evidence, Mention, MentionVerdict,
                                  Sentence)
from factcheck.text.numbers import CHANGE_VERB_BEFORE, PER_KG, extract, is_decade, per_unit_before, place_value
from factcheck.core.objcache import ObjectCache
from factcheck.papers.implicit import the_one_paper
from factcheck.text.sentences import by_sentence, clause_at, clause_cuts
from factcheck.papers.summaries import (SEX_GROUPS, Finding, Store, Summary, Value, date_parts, numbers_of,
                                        period_spans)
from factcheck.text.units import TIME_UNITS, _scale_of, convert, tolerance, written_zeros
from factcheck.text.wordscan import WordIndex

VERDICT_RANK = {"mismatch": 4, "not_in_source": 3, "unresolved_reference": 2, "supported": 1, "unattributed": 0}
PUBLISH_WORDS = re.compile(r"发表|發表|刊发|刊發|发布|發布|出版|刊登|刊出|published|上线|上線|在线|在線|online|出处|出處|(?<![A-Za-z])(?:doi|DOI)(?![A-Za-z])")


# ---------------------------------------------------------------- numbers

def _as_list(v) -> list[float]:
    return [float(x) for x in v] if isinstance(v, list) else [float(v)]


def _digits(x: str) -> str:
    return re.sub(r"\D", "", x)


def _one_digit_off(a: str, b: str) -> bool:
    """233 and 223: the same length, one digit different; or, at four digits and more, one digit
    dropped or doubled (20 489 for 204 689)."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and len(short) >= 4 and any(
        long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def transposed(a: str, b: str) -> bool:
    """Same digits, two adjacent ones swapped (2.14 vs 2.41 counts, as editors see it); a
    fraction's two numbers (1/3 against 31%) are no digits of one number."""
    if "/" in a or "/" in b or "分之" in a or "分之" in b:
        return False
    da, db = _digits(a), _digits(b)
    if len(da) != len(db) or da == db or sorted(da) != sorted(db):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 2


# ---------------------------------------------------------------- candidate values

@dataclass
class Cand:
    finding: Optional[Finding]
    value: Any              # float | [lo, hi] | ISO string
    unit: str
    kind: str               # percent | count | ratio | pvalue | interval | date | ...
    group: Optional[str]
    timepoint: Optional[str]
    label: Optional[str]
    qualifier: Optional[str] = None
    relevance: float = 0.0

    def describe(self, s: Summary) -> dict:
        """The value as a note, language-neutral (core/messages.paper_value writes it)."""
        gnames = s.groups.get(self.group or "", [])
        gtxt = gnames[0] if gnames else (self.group or "")
        origin = self.label if self.label and " " in self.label else None     # HR 0.58 read as 42%
        where = [x for x in (origin, gtxt, self.timepoint, self.finding.measure if self.finding else None) if x]
        return {"value": self.value, "unit": self.unit, "kind": self.kind, "qualifier": self.qualifier, "where": where}


def _candidates(s: Summary) -> list[Cand]:
    out: list[Cand] = []
    for f in s.findings:
        for v in f.values:
            kind = v.kind or ("percent" if v.unit == "%" else "count" if v.unit == "person" else "measurement")
            out.append(Cand(f, v.value, v.unit, kind, v.group, v.timepoint, v.label, v.qualifier))
        if f.p:
            q, num = _parse_p(f.p)
            if num is not None:
                out.append(Cand(f, num, "", "pvalue", None, None, "p", q))
        if f.ci:
            out.append(Cand(f, list(f.ci), "", "interval", None, None, "ci"))
    if s.population.n:
        out.append(Cand(None, float(s.population.n), s.population.unit, "count", None, None, "n"))
    for g, n in s.population.groups.items():
        out.append(Cand(None, float(n), s.population.unit, "count", g, None, "n"))
    if s.published:
        out.append(Cand(None, s.published, "", "date", None, None, "published"))
    if s.year and not (s.published or "").startswith(str(s.year)):
        out.append(Cand(None, str(s.year), "", "date", None, None, "year"))   # issue year ≠ online date
    # the issue's month of the header's citation (World J Urol. 2018 Nov;36(11)…; Epub 2018 May 23)
    if s.issue and not (s.published or "").startswith(s.issue):
        out.append(Cand(None, s.issue, "", "date", None, None, "issue"))
    return out


def _build_usable(s: Summary) -> tuple[list[Cand], dict]:
    """A paper's candidate values, and (filled as numbers ask, see ``comparable``) those a
    number of each (kind, unit) can be compared with: both depend on the summary alone, so a
    batch builds them once."""
    return _candidates(s), {}


def comparable(m: Mention, s: Summary, change: Optional[str] = None) -> list[tuple[Any, Any]]:
    """The paper's values that can be compared with ``m``, each with its value in m's units.
    Which ones, and their conversion, depend only on m's kind and unit (and, for dates, on
    whether m is a period). ``change``: the number is a relative change ("风险降低42%": down,
    "高80%": up), which a ratio of the paper states too (HR 0.58 is 42% lower, OR 1.86 86% higher)."""
    cands, by_kind = _usable(s)
    loose = not s.curated and not m.unit and m.kind == "measurement"
    # 评分较低(中位差为 -4): a number written with its sign keeps the paper's sign
    signed = isinstance(m.value, (int, float)) and m.value < 0
    key = (m.kind, m.unit, m.kind == "year_or_date" and is_period(m.value), change, loose and bool(m.decimals), signed)
    out = by_kind.get(key)
    if out is None:
        out = by_kind[key] = []
        for c in cands:
            if m.unit in TIME_UNITS and c.kind == "measurement" and not c.unit and not isinstance(c.value, list) \
                    and c.finding is not None and _counts_time_in(c.finding, m.unit):
                out.append((c, float(c.value)))      # 减少了3.5天 for "the number of migraine days was 3.5"
                continue
            if loose and c.kind == "count" and not isinstance(c.value, list):
                out.append((c, float(c.value)))      # a draft's 7097 children for the article's bare 7097
                continue
            if loose and c.kind == "ratio" and m.decimals and not isinstance(c.value, list):
                out.append((c, float(c.value)))      # a bare 1.86 for the draft's MRR 1.86: the ratio, unlabelled
                continue
            rc = _as_relative_change(c, change) if m.kind == "percent" else (
                _as_relative_span(c, change) if m.kind == "range" and m.unit == "%" else None)
            if rc is not None:
                out.append((rc, rc.value))
                continue
            # (or with no verb where a unit says what changed: 安慰剂校正后为9.8 mmHg for −9.8 mm Hg)
            if (change == "down" or (change is None and m.unit not in ("", "%") and m.unit == c.unit)) \
                    and not signed and isinstance(c.value, (int, float)) and c.value < 0 and _compatible(m, c):
                # 减重13.6% against the paper's −13.6%: the article's word carries the sign
                pv = _paper_in_article_units(m, c)
                if pv is not None:
                    out.append((c, abs(pv)))
                continue
            if not _compatible(m, c):
                continue
            # (a time the paper gives as a difference, "22 fewer days", is a result's amount too)
            if _is_time(m) and c.label not in ("follow_up", "change") and c.kind != "duration":
                continue
            pv = _paper_in_article_units(m, c)
            if pv is not None:
                out.append((c, pv))
    return out


_usable = ObjectCache(_build_usable)


def _counts_time_in(f: Finding, unit: str) -> bool:
    """Does a finding measure a number of days (weeks …): "the mean number of migraine days was
    3.5 … versus 2.4"? Its bare numbers are then days, as an article's 减少了3.5天 tells them.
    (Read once per finding and unit.)"""
    memo = _time_counted(f)
    if unit not in memo:
        memo[unit] = re.search(rf"\b(?:number|mean|average)\s+(?:number\s+)?of\s+(?:[\w-]+\s+){{0,2}}"
                               rf"{unit}s\b", f.text, re.I) is not None
    return memo[unit]


_time_counted: ObjectCache[dict] = ObjectCache(lambda f: {})

RATIO_LABELS = ("HR", "OR", "RR", "TR", "aHR", "aOR", "IRR")     # TR: a time ratio (survival time 3.04 times: 延长204%)


def _as_relative_change(c: Cand, change: Optional[str]) -> Optional[Cand]:
    """A ratio of the paper as the relative change an article states: HR 0.58 → 42% lower,
    OR 1.86 → 86% higher; only in the direction the article's words give."""
    if not change or isinstance(c.value, list):
        return None
    if c.kind == "multiplier" and c.unit == "x" and float(c.value) > 1 and change == "up":
        # "a 1.4-fold increased risk" is 40% higher, as the article's 高40% tells it
        return Cand(c.finding, round((float(c.value) - 1) * 100, 6), "%", "percent", c.group, c.timepoint,
                    f"{_fmt(c.value)}-fold")
    if c.kind != "ratio" or c.label not in RATIO_LABELS:
        return None
    pct = _ratio_as_change(float(c.value), change)
    return None if pct is None else Cand(c.finding, pct, "%", "percent", c.group, c.timepoint, f"{c.label} {_fmt(c.value)}")


def _ratio_as_change(r: float, change: str) -> Optional[float]:
    """A ratio as the percent change its direction tells (0.58 down → 42), or None against it."""
    return round(abs(1 - r) * 100, 6) if (change == "down" and 0 < r < 1) or (change == "up" and r > 1) else None


def _as_relative_span(c: Cand, change: Optional[str]) -> Optional[Cand]:
    """A range of the paper's ratios as the range of relative changes an article states: "aHR
    ranges … 1.21 to 1.34" → 死亡风险增加了21%至34%, 0.66 to 0.83 → 降低17%~34%; only in the
    direction the article's words give, and only a range its finding labels as ratios."""
    if not change or c.kind != "range" or c.unit or not isinstance(c.value, list) or len(c.value) != 2:
        return None
    if c.label not in RATIO_LABELS and not (c.finding is not None and any(v.label in RATIO_LABELS for v in c.finding.values)):
        return None
    lo, hi = sorted(float(x) for x in c.value)
    ends = [_ratio_as_change(x, change) for x in (lo, hi)]
    if None in ends or hi >= 10:
        return None
    return Cand(c.finding, sorted(ends), "%", "range", c.group, c.timepoint, f"{c.label or 'ratio'} {_fmt(lo)}-{_fmt(hi)}")


# a relative change told in the article: 降低42%, 风险高80%, 减少了逾四成, 增加近一倍
# (高达 低至 多达 少于: a bound on a level, not a change; but a risk 高达41% is the risk risen by it)
# (至少 最少 至多 最多 bound the number that follows, 增加至少30%: they tell no change; a rate
# 快31% or 慢20%, the number right after the word, is a ratio of rates told as a change; 慢性 is not)
CHANGE_DOWN = re.compile(r"(降低|减少|下降|下跌|减低|缩短|减|低(?![至于达])|削减|缩小|(?<![至最])少(?![于至])|慢(?=了?[约近达]?$)|小(?![于至时])|降|跌)(了)?[^，,；;。！？\n]{0,12}$")
CHANGE_UP = re.compile(r"(增加|升高|提高|增高|上升|上涨|攀升|飙升|高出|延长|(?<=风险|几率|概率)高达|高(?![达至于])|提升|(?<![至最])多(?![达于])|快(?=了?[约近达]?$)|增长|增|涨|升(?![级至]))(了)?[^，,；;。！？\n]{0,12}$")
_CLAUSE_END = re.compile(r"[，,；;。！？\n]")
_PROTECTION_RAISED = re.compile(r"(?:效力|有效性|保护力|保护效果|保护作用|预防效果|防护效果)[^，,；;。！？\n]{0,12}(?:提高|增加|提升|高出|增强)")


# (an item may name its measure: 降低56%的心血管死亡风险,36%的心梗风险和42%的心衰风险)
# (or each item named, its percent in brackets: 食管腺癌(风险降低42%)、肝癌(27%)、肺癌(26%))
_LIST_ITEM_BEFORE = re.compile(r"\d+(?:\.\d+)?\s*%(?:(?:\s*[（(][^（()）]{0,60}[)）])?(?:的[^，,；;。！？\d%]{1,12})?\s*(?:、|和|及|与|以及|,|，)"
                               r"|\s*[)）]\s*(?:、|和|及|与|以及|,|，)\s*[^（()），,；;。！？\d%]{1,16}[（(])\s*$")


def change_of(norm: str, m: Mention, sentence_start: int) -> Optional[str]:
    """"风险降低42%", "下降了惊人的20.2%", "分别降低43%和46%": the number is a relative change,
    down or up, when its clause says so before it."""
    if m.surface[:1] in "减減" and m.surface.endswith("半"):
        return "down"       # 减半: the change is in the word itself
    end = m.start
    # 分别降低5%、13%、12%、9%和11%: the earlier items of a list stand between the word and the number
    while True:
        item = _LIST_ITEM_BEFORE.search(norm, max(sentence_start, end - 90), end)
        if item is None:
            break
        end = item.start()
    start = max(sentence_start, end - 24)
    cut = [x.end() for x in _CLAUSE_END.finditer(norm, start, end)]
    before = norm[cut[-1] if cut else start:end]
    if cut and _RESPECTIVELY_ZH.match(before) and not (CHANGE_DOWN.search(before) or CHANGE_UP.search(before)):
        # 死亡风险均明显增加,分别为71%、114%: the clause before tells how its numbers changed
        # (…中风风险,分别下降8%、6%与11%: unless the 分别 clause says it itself)
        before = norm[max(sentence_start, cut[-1] - 25):cut[-1] - 1]
    down = CHANGE_DOWN.search(before)
    up = CHANGE_UP.search(before) if down else None
    if down and up:
        # 肾功能下降30%的风险高了25%: the word nearest the number says how it changed (but 降低卵巢癌
        # 风险高达40%: a risk 高达 after a verb that lowered it is the bound of that change)
        return "down" if down.start() > up.start() or up.group(1) == "高达" else "up"
    if down:
        return "down"
    if CHANGE_UP.search(before):
        # 预防HIV方面的效力提高了66% for HR 0.34: a protection raised is the risk it protects from
        # lowered, as the paper's ratio tells it
        return "down" if _PROTECTION_RAISED.search(before) else "up"
    # 可以显著降低肥胖合并CVD患者的主要不良心血管事件风险(MACE)20%: the verb's object, the risk,
    # stands between it and the number
    near = norm[max(sentence_start, end - 16):end]
    if "风险" in near or "几率" in near or "概率" in near:
        far = _RISK_CHANGED.search(norm, max(sentence_start, end - 48), end)
        if far:
            return "down" if far.group(1) in _DOWN_VERBS else "up"
    if cut:
        # a clause that goes on from the one before (names another risk bare, adds to its list,
        # tells its risk again, sets the other arm against it): that clause's verb of change
        for goes_on, verb_of, reach in _GOES_ON:
            if goes_on(before):
                verb = verb_of(norm, max(sentence_start, cut[-1] - reach), cut[-1])
                if verb:
                    return "down" if verb in _DOWN_VERBS else "up"
    return _change_after(norm, m)


def _change_after(norm: str, m: Mention) -> Optional[str]:
    """The change named after the number: a page's English ("41% increased risk", "46 percent
    greater"), or 16%的相对风险增幅, 约20%的风险降低, 30%的降幅."""
    after = _CHANGE_AFTER_EN.match(norm, m.end)
    if after:
        return "up" if after.group(1).lower() in _UP_EN else "down"
    after = _CHANGE_AFTER_ZH.match(norm, m.end)
    if after:
        return "down" if after.group(1) in _DOWN_AFTER_ZH else "up"
    return None


# 死亡风险增加最大,达47%: a clause of a copula alone after a risk told changed (its verb last, a
# degree word after it): the number is that change (not 患病率增加,达到47%: a rate is a level)
_COPULA_ALONE = re.compile(r"\s*(?:达到|高达|达|為|为|约为|约)\s*$")
_RISK_CHANGED_MOST = re.compile(r"(?:风险|几率|概率|風險|機率)[^，,；;。！？\n\d%]{0,4}(降低|减少|下降|减轻|增加|升高|提高|上升|增高)了?"
                                r"(?:最大|最多|最高|最为?(?:显著|明显)|尤为(?:显著|明显)|更为?(?:显著|明显))\s*[，,]\s*$")
_AND_ALSO = re.compile(r"\s*(?:以及|还有|另外还?|并且?|及)\s*")
_DOWN_VERBS = ("降低", "减少", "下降", "减轻")      # the verbs of change that lower (the others raise)
_CHANGE_VERB = re.compile("|".join(_DOWN_VERBS + ("增加", "升高", "提高", "上升")))
_BARE_RISK = re.compile(r"^[^，,；;。！？\d%]{1,20}(?:风险|几率|概率)\s*$")
# (a noun alone: no verb, copula or share word that would make its percent a level: 女性占33%)
_ITEM_NOUN = r"[^，,；;。！？\d%为是占达约有率比在的了]{2,10}"
_BARE_ITEM = re.compile(_ITEM_NOUN + r"\s*")
# the clause before ends with its change and that change's percent (风险增加了27%, 上升28%, 以及其他…降低31%)
# (or with bare items of its own after it: 增加了27%,颅骨缺陷33%, for the 25% of 眼部缺陷25%)
_CHANGED_BY_PERCENT = re.compile(r"(降低|减少|下降|减轻|增加|升高|提高|上升|高出|增高)了?\s*\d+(?:\.\d+)?\s*%"
                                 rf"(?:\s*[,，、(（]\s*{_ITEM_NOUN}\s*\d+(?:\.\d+)?\s*%)*\s*[,，、]?\s*$")
# a clause that states the same risk again at another time (这一风险在服药两年后为73%, 在五年后为67%)
_AGAIN = r"(?:(?:这一|这个|该|此|這一|這個)(?:风险|風險|比例|数字|數字)[^，,；;。！？\n\d%]{0,14}|在[^，,；;。！？\n\d%]{0,10}(?:后|後|时|時))(?:为|為|是|达|達)\s*"
_SAME_RISK_AGAIN = re.compile(rf"^\s*{_AGAIN}$")
_CHANGED_THEN_AGAIN = re.compile(rf"({_CHANGE_VERB.pattern})了?[^，,；;。！？\n\d%]{{0,8}}\d+(?:\.\d+)?%"
                                 rf"(?:[，,]\s*{_AGAIN}\d+(?:\.\d+)?%)*[，,]\s*$")
_RISK_CHANGED_BY = re.compile(r"(降低|减少|下降|增加|升高|提高)[^，,；;。！？\n%]{0,30}(?:风险|几率|概率)\s*\d+(?:\.\d+)?%"
                              r"(?:[，,][^，,；;。！？\d%]{1,20}(?:风险|几率|概率)\s*\d+(?:\.\d+)?%)*[，,]\s*$")
# (a comparison, 远超…的, 高于…的, or another arm named with its copula: 安慰剂组为, 对照组仅为)
_SET_AGAINST = re.compile(r"\s*(?:而|但|则)?\s*(?:(?:远|明显|显著)?(?:超过|超出|超|高于|低于|优于|好于|多于|少于|大于|小于|不及)"
                          r"[^，,；;。！？\d%]{0,16}?的?|[^，,；;。！？\d%]{1,12}组(?:则|仅|只)?(?:为|是|有))\s*[(（]?\s*")
_CHANGE_AFTER_EN = re.compile(r"\s*(?:percent\s+)?(increased|higher|greater|elevated|more|decreased|lower|reduced|"
                              r"less|fewer)\b", re.I)
_UP_EN = frozenset({"increased", "higher", "greater", "elevated", "more"})
# (what changed may be named between, not who: 20%的人风险降低 is a share of people)
_CHANGE_AFTER_ZH = re.compile(r"\s*的\s*(?:[^，,；;。！？\n\d%的人者例名]{0,8}?(?:风险|几率|概率)的?)?"
                              r"(增幅|增长|增加|升高|上升|提升|降幅|降低|下降|减少|减低)")
_DOWN_AFTER_ZH = frozenset({"降幅", "降低", "下降", "减少", "减低"})



def _first_verb(rx: re.Pattern):
    """The verb of change (group 1) of ``rx``'s first match in norm[lo:hi]."""
    def find(norm: str, lo: int, hi: int) -> Optional[str]:
        m = rx.search(norm, lo, hi)
        return m.group(1) if m else None
    return find


def _last_verb(norm: str, lo: int, hi: int) -> Optional[str]:
    """The last verb of change before the clause's own comma."""
    verbs = _CHANGE_VERB.findall(norm, lo, hi - 1)
    return verbs[-1] if verbs else None


# (the clause before a number, how it goes on from the clause before it, the verb that clause
# changed by, how far back to look for it), tried in this order
_GOES_ON = (
    # 增加A风险41%,B风险21%: a risk named bare after a clause that changed one by its percent
    # shares that clause's verb
    (_BARE_RISK.search, _first_verb(_RISK_CHANGED_BY), 120),
    # 可降低38%~46%的房颤风险,以及31%和39%的其他心律失常风险: a clause that opens by adding to
    # the list of the clause before goes on with that clause's verb
    (_AND_ALSO.fullmatch, _last_verb, 40),
    # 骨折风险上升了76%,这一风险在服药两年后为73%,在服药五年后为67%: the same risk told again at
    # another time keeps the change the clause that first told it gave
    (_SAME_RISK_AGAIN.match, _first_verb(_CHANGED_THEN_AGAIN), 80),
    # 死亡风险增加最大,达47%: a copula alone after a risk told changed most
    (_COPULA_ALONE.fullmatch, _first_verb(_RISK_CHANGED_MOST), 40),
    # …胃肠缺陷风险增加了27%,颅骨缺陷33%,眼部缺陷25%: an outcome named bare, its percent right
    # after it, in a run of clauses each told its change by a percent, goes on with their verb
    (_BARE_ITEM.fullmatch, _first_verb(_CHANGED_BY_PERCENT), 90),
    # 肝脏脂肪减少幅度达到20.5%,远超对照组的15.5%; 体重减轻25.3%,安慰剂组为9.9%: the other arm's
    # figure, set against the change the clause before told (as a risk told again is), is that
    # change too
    (_SET_AGAINST.fullmatch, _first_verb(_CHANGED_THEN_AGAIN), 80),
)

_RESPECTIVELY_ZH = re.compile(r"\s*(?:分别|依次)(?:为|是)?[^，,；;。！？\n]{0,3}$")
_RISK_CHANGED = re.compile(r"(降低|减少|下降|增加|升高|提高)[^，,；;。！？\n%]{0,36}(?:风险|几率|概率)"
                           r"(?:\s*[(（][^()（）\d]{1,12}[)）])?\s*(?:达到?|高达|约)?\s*$")


def _parse_p(p: str) -> tuple[Optional[str], Optional[float]]:
    m = re.match(r"\s*([<>≤≥=]?)\s*(\d*\.?\d+)", p.replace("＜", "<").replace("＞", ">"))
    if not m:
        return None, None
    q = {"<": "less_than", ">": "more_than", "≤": "at_most", "≥": "at_least"}.get(m.group(1))
    return q, float(m.group(2))


# ---------------------------------------------------------------- context

AUX_LABELS = {"ci_low", "ci_high", "sd", "p", "threshold"}
WINDOW = 80      # characters either side of a number within which its measure counts as "named there"
LENGTH_CUE = re.compile(r"(随访(时间|期)?(为|是|达)?|为期|历时|长达|持续|疗程|治疗|间隔|每隔)\s*$")
FOLLOW_UP_VISIT = re.compile(r"^(的)?随访\s*([，,。；;]|$)")   # 完成了6个月随访, (not 6个月随访时…)
_TP_RE = re.compile(r"(\d\d*(?:\.\d+)?)\s*(week|month|year|day|hour|minute)s?", re.I)   # \d+ as \d\d*: a class to skip ahead to


_RISK_WORD = re.compile(r"风险|危险|几率|概率|可能性")
# a press report's frame (据英国《每日邮报》报道，…): general only when what it reports is
_REPORT_FRAME = re.compile(r"据[^，。,；;]{0,16}报道[，,:：]?")
# a contrast that goes on to a finding (…，但近日…研究显示): the clauses before it are what the finding is set against
_BUT_FINDING = re.compile(r"[，,]\s*(?:但|但是|然而|不过)[^。；;]{0,60}?(?:发现|显示|表明|证实|证明|揭示)")
# 世界卫生组织和国际劳工组织17日发布一项研究称…: the body named is the study's publisher, and
# what follows is the study's finding (a 报告 or 数据 it publishes stays background)
_PUBLISHES_A_STUDY = re.compile(r"(?:发布|發布|公布|发表|發表)了?(?:一项|一項)(?:新|最新)?的?研究")
_THIS_STUDY_OPENS = re.compile(r"\s*(?:这份|这项|这篇|该份|该项|该篇|该)[^，。,；;]{0,20}?(?:研究|报告|分析|综述|试验)")
_IN_THE_PAPER = re.compile(r"论文中?(?:介绍|指出|称|写道|提到|表示|报告)")
# the ratios of a risk (a time ratio is not one)
_RATIO_LABELS = tuple(label for label in RATIO_LABELS if label != "TR")


def _in_the_paper(text: str) -> bool:
    """研究人员在论文中介绍…: the paper's own account, whatever sources it names after."""
    return "论文" in text and _IN_THE_PAPER.search(text) is not None


@dataclass
class Context:
    clause: str
    sentence: str
    previous: str
    group: Optional[str]
    clause_start: int = 0          # absolute offset of the clause
    sentence_start: int = 0
    segment: str = ""              # for a time point: the text it governs
    names_group: bool = False      # the number is itself the name of a group of the paper (41-42岁)
    change: Optional[str] = None   # the number is a relative change its clause states ("down"/"up", change_of)


def _finding_terms(f: Finding, group_names: set, drafted: bool = False) -> list[str]:
    gl = load_glossary(lexicon=drafted)
    words = set(f.keywords)
    words |= {t for g in gl.groups_in(f.measure) - gl.not_measures for t in gl.groups[g]}
    words = {w for w in gl.expand(words)
             if gl.term_group.get(w.lower()) not in gl.not_measures or w in f.keywords}
    # group names (UC-MSCs, 安慰剂) say who, not what was measured; generic verbs say nothing
    return sorted((w for w in words if len(w) >= 2 and w.lower() not in group_names
                   and w.lower() not in gl.generic), key=len, reverse=True)


def _build_terms(f: Finding, s: Summary) -> list[str]:
    """The words that name a finding's measure, lower-cased (``s``: the finding's summary)."""
    gnames = {n.lower() for ns in s.groups.values() for n in ns}
    return [x.lower() for x in _finding_terms(f, gnames, drafted=not s.curated)]


_terms = ObjectCache(_build_terms, limit=50000)


def _build_term_index(s: Summary) -> tuple[WordIndex, dict[str, frozenset], dict[str, tuple]]:
    """The measure words of all a paper's findings as one index, each finding's set of them,
    and the findings each word names: a window of text is scanned once for all findings, not
    once per finding."""
    sets = {f.id: frozenset(_terms(f, s)) for f in s.findings}
    naming: dict[str, list] = {}
    for f in s.findings:
        for t in sets[f.id]:
            naming.setdefault(t, []).append(f)
    return (WordIndex(t for ts in sets.values() for t in ts), sets,
            {t: tuple(fs) for t, fs in naming.items()})


_term_index = ObjectCache(_build_term_index)


def _occurrences(text: str, s: Summary, cache: dict, key: tuple) -> dict[str, list[int]]:
    """Positions of each measure word of the paper in ``text`` (lower-cased), cached by ``key``."""
    occ = cache.get(key)
    if occ is None:
        occ = {}
        for pos, w in _term_index(s)[0].occurrences(text):
            occ.setdefault(w, []).append(pos)
        cache[key] = occ
    return occ


def relevance(f: Optional[Finding], s: Summary, ctx: Context, cache: dict, m: Optional[Mention] = None
              ) -> tuple[float, int]:
    """(score, distance): 2 when the measure is named in the number's clause, 1 in its sentence
    (or the previous sentence when this one names no measure at all), 0.5 nearby; distance is
    how far, in characters, the nearest naming stands from the number. What depends on the
    sentence alone is computed once per (sentence, finding), and each window is scanned once for
    the words of every finding: a long sentence stays linear."""
    if f is None:
        return 1.0, 50
    occ, rel_m = _near(s, ctx, cache, m)
    dist = 10_000
    found = _term_index(s)[1][f.id] & occ.keys()     # finding ids are unique (summaries validates)
    for t in found:
        for pos in occ[t]:
            d = rel_m - (pos + len(t)) if pos + len(t) <= rel_m else pos - rel_m + 5
            dist = min(dist, abs(d))
    if found:
        return 2.0, dist
    rel = _sentence_relevance(f, s, ctx, cache)
    if rel >= 1.0 and m is not None and ctx.group and not occ and any(v.group == ctx.group for v in f.values):
        # "滋养层C级的囊胚占52.2%，生化妊娠组为35%，持续妊娠组为23.9%": the clause names a group
        # this finding has a value for and no measure of its own, in a sentence that names this
        # finding's measure: as specific as naming the measure by the number
        return 2.0, dist
    return rel, dist


def _near(s: Summary, ctx: Context, cache: dict, m: Optional[Mention]) -> tuple[dict[str, list[int]], int]:
    """The paper's measure words "right by the number" (its clause, but no further than WINDOW
    characters either side), and the number's position in that window."""
    rel_m = (m.start - ctx.clause_start) if m else 0
    lo = max(0, rel_m - WINDOW)
    ck = ("clause", ctx.clause_start, lo, len(ctx.clause), s.id)
    cl = cache.get(ck)
    if cl is None:
        cl = cache[ck] = ctx.clause[lo:rel_m + WINDOW].lower()
    return _occurrences(cl, s, cache, ("occ",) + ck), rel_m - lo


def _previous_measure_sentence(norm: str, sentences: list, k: int, reach: int = 2) -> str:
    """The sentence before sentence k, or, when it names no measure of its own (安慰剂组则从8.89%
    降到8.59%), the one before that: "两组之间的差异具有统计学意义（p=0.0081）" goes on with the
    measure two sentences back."""
    j = k - 1
    if j > 0 and not _names_a_measure(norm[sentences[k].start:sentences[k].end]):
        # only a sentence that names no measure reads the previous one's (see _sentence_relevance)
        while j > 0 and k - j < reach and not _names_a_measure(norm[sentences[j].start:sentences[j].end]):
            j -= 1
    return norm[sentences[j].start:sentences[j].end] if j >= 0 else ""


def _names_a_measure(sentence: str) -> bool:
    """Does the sentence name a measure of its own? Groups, designs and interventions
    (安慰剂组, 干细胞组) do not count: "安慰剂组则从8.89%降到8.49%" goes on with the previous
    sentence's 糖化血红蛋白."""
    gl = load_glossary(lexicon=False)
    return names_a_measure(gl, sentence)


def _sentence_relevance(f: Finding, s: Summary, ctx: Context, cache: dict) -> float:
    key = ("sentence", ctx.sentence_start, len(ctx.sentence), s.id, f.id)
    hit = cache.get(key)
    if hit is None:
        se = cache.get(("lower", ctx.sentence_start))
        if se is None or se[0] != len(ctx.sentence):
            se = cache[("lower", ctx.sentence_start)] = (len(ctx.sentence), ctx.sentence.lower(),
                                                          ctx.previous.lower(),
                                                          _names_a_measure(ctx.sentence))
        _n, sl, pl, has_terms = se
        terms = _term_index(s)[1][f.id]
        base = ("sent", ctx.sentence_start, len(ctx.sentence), s.id)
        if terms & _occurrences(sl, s, cache, base + ("this",)).keys():
            hit = 1.0
        elif terms & _occurrences(pl, s, cache, base + ("previous",)).keys():
            hit = 0.5 if has_terms else 1.0   # "具体为：21-30岁：10.7%…" continues the previous sentence
        else:
            hit = 0.0
        cache[key] = hit
    return hit


def _build_group_pattern(s: Summary):
    """One alternation of the names of a summary's groups (longest first), and name -> group."""
    names = {n.lower(): g for g, ns in s.groups.items() for n in ns if n}
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I), names


_group_pattern = ObjectCache(_build_group_pattern)


_DIGIT = re.compile(r"[0-9０-９]")
_AVOIDED = re.compile(r"(?:避免|不|未|停止|停用|戒|戒掉|没有|无|禁止|禁|远离|放弃)[^，,；;。]{0,4}$")


def _group_of(m: Mention, cs: int, norm: str, s: Summary, pair: list[Mention],
              sentence_start: Optional[int] = None) -> Optional[str]:
    """The group of the paper the text names just before ``m`` in its clause (which starts at
    ``cs``): "治疗组HbA1c下降1.31%"; or, when the clause names none and the number is the
    sentence's first, earlier in the sentence: "就算是年龄最大的那组，生化率也才11.5%"."""
    if not s.groups:
        return None
    pattern, group_of_name = _group_pattern(s)
    clause_start = cs
    cs = max(cs, m.start - WINDOW)
    # (避免摄取咖啡因的组别 names the abstinent arm, not the coffee arm: a name the clause
    # negates or avoids is not that group)
    hits = [(mm.start() - cs, mm.end() - cs, group_of_name[mm.group(0).lower()])
            for mm in pattern.finditer(norm, cs, m.start)
            if not _AVOIDED.search(norm, max(clause_start, mm.start() - 6), mm.start())]
    if not hits and sentence_start is not None and sentence_start < clause_start:
        lo = max(sentence_start, m.start - WINDOW)
        # no number before this one in the sentence: a group named earlier is the sentence's
        # topic (in "45例接受干细胞，46例接受安慰剂" each group follows its own number)
        if not _DIGIT.search(norm, lo, m.start):
            last = None
            for last in pattern.finditer(norm, lo, clause_start):
                pass
            if last is not None:
                return group_of_name[last.group(0).lower()]
    if m.role in ("compare_a", "compare_b") and pair:
        first = min(pair, key=lambda x: x.start)
        between = [h for h in hits if h[0] + cs >= first.end]
        if not between and m is not first:
            distinct = []
            for h in hits:
                if not distinct or distinct[-1] != h[2]:
                    distinct.append(h[2])
            if len(distinct) >= 2:
                return distinct[-2] if m.role == "compare_a" else distinct[-1]
    return hits[-1][2] if hits else None


# ---------------------------------------------------------------- comparing

def is_period(value: Any) -> bool:
    """A date mention's value is a period when it is an ISO 8601 interval (2008/2012)."""
    return isinstance(value, str) and "/" in value


def _compatible(m: Mention, c: Cand) -> bool:
    if m.kind == "year_or_date":
        # a period (2008年至2012年) is compared with a period of the record, a date with a date
        return c.kind in ("date", "year_or_date") and is_period(m.value) == isinstance(c.value, list)
    if c.kind in ("date", "year_or_date"):
        return False
    if m.kind == "pvalue":
        return c.kind == "pvalue"
    if c.kind == "pvalue":
        return False
    if m.kind == "interval":
        return c.kind == "interval" or isinstance(c.value, list)
    if m.kind == "multiplier":
        return c.kind == "ratio" or c.label in ("OR", "RR", "HR", "ratio") or c.unit in ("x",) or (
            c.unit == "%" and c.label in ("increase", "change"))
    if m.kind == "ratio":
        return c.kind == "ratio" or c.label in ("OR", "RR", "HR")
    if c.kind == "ratio":
        return False
    mu, cu = m.unit or "", c.unit or ""
    if mu == cu:
        return True
    if m.kind == "count" and mu in ("person", "case", "") and cu in ("person", "case", ""):
        return True
    if m.kind == "count" and not mu and cu in _PLACE_UNITS:
        # 51项…的研究 against "51 studies were included": 项 counts the studies; 3个…中心 the
        # abstract's "3 urban academic medical centers"
        return True
    if m.kind == "count" and mu in _PLACE_UNITS and not cu and c.kind == "count":
        return True         # 四个国家 against "4 national cohorts": the abstract's noun is not a unit
    if not mu and c.kind == "count" and _scale_of(m.surface) > 1:
        return True         # 分析了41.5万: a quantity in ten thousands with no classifier counts something
    if not mu and m.kind == "threshold" and c.label == "threshold" and m.qualifier and m.qualifier == c.qualifier:
        return True         # ≥20,000 against "≥ 20 000 IU/ml": the same cut-off, its unit left out
    if not mu and m.kind == "measurement" and cu.startswith("per "):
        return True         # 39.1/10000人 against "39.1 per 10 000": the rate with its base written apart
    if m.kind == "count" and mu in ("person", "case", "") and cu.startswith("per ") and m.decimals:
        return True         # 每千人1.3例, 每1000人年11.9例: a fraction of a person is a rate's value
    if m.kind == "count" and mu in ("person", "case") and cu == "%" and m.decimals:
        return True         # 每百人2.3人 against "2.3 per 100 women": a rate per hundred is a percent
    return bool(mu and cu) and convert(1.0, cu, mu) is not None


def _paper_in_article_units(m: Mention, c: Cand) -> Optional[Any]:
    """The candidate's value expressed the way the article expresses it."""
    if c.kind in ("date", "year_or_date"):
        return c.value
    if m.kind == "multiplier":
        if c.unit == "%" and c.label in ("increase", "change"):
            return 1 + float(c.value) / 100 if not isinstance(c.value, list) else None
        return c.value
    if isinstance(c.value, list):
        conv = [convert(x, c.unit, m.unit) if (m.unit and c.unit) else x for x in c.value]
        return None if None in conv else conv
    if not m.unit or not c.unit or m.unit == c.unit or (m.kind == "count" and (
            c.unit.startswith("per ") or (c.unit == "%" and m.decimals))):
        return float(c.value)   # (每千人年1.3例 for "1.3 per 1000 person-years": the rate's value as written)
    conv = convert(float(c.value), c.unit, m.unit)
    return _Converted(conv) if conv is not None and m.unit in TIME_UNITS and c.unit in TIME_UNITS else conv


def _same_length(m: Mention, x: float, unit: str) -> bool:
    """Is the paper's length ``x`` ``unit`` the article's (single) number, as a reader weighs it?"""
    conv = convert(float(x), unit, m.unit)
    if conv is None or isinstance(m.value, list):
        return False
    return _equal(m, _Converted(conv) if unit != m.unit else conv)


class _Converted(float):
    """A paper's length converted into the article's unit (5 days as 0.71 weeks). A reader
    weighs it as the paper wrote it: 一周 is not five days, nor 一年 ten months, though each
    lies within half a unit of 1; 3个月 is 12 weeks, 1个月 four and 两个月 52 days. Within 15%
    of the article's number, then, not within half its last unit."""

    @staticmethod
    def within(x: float, tol: float) -> float:
        return min(tol, 0.15 * abs(x) + 1e-9)


_BELOW, _ABOVE = ("less_than", "at_most"), ("more_than", "at_least")


def _p_side(q: Optional[str]) -> int:
    """-1 for a bound below (P<x, 不到三成), +1 for one above (P>x, 超过17,000), 0 for none:
    P<0.05 and P>0.05 are opposite findings (an exact P may stand for either bound)."""
    return -1 if q in _BELOW else 1 if q in _ABOVE else 0


def _starts_in(decade: str, start: Any) -> bool:
    """上世纪80年代 for births "from 1987 to 1989": a decade (1980/1989) the paper's period starts in."""
    first, last = decade.split("/")
    return first <= str(start)[:4] <= last


def _equal(m: Mention, paper: Any, paper_qualifier: Optional[str] = None) -> bool:
    tol = tolerance(m)
    if paper.__class__ is _Converted and isinstance(m.value, (int, float)):
        tol = _Converted.within(float(m.value), tol)
    if m.kind == "year_or_date":
        # the article may be less precise than the record (2022年 vs 2022-05-03), never more
        if is_period(m.value):
            ends = m.value.split("/")
            if is_decade(m.value) and isinstance(paper, list) and paper:
                return _starts_in(m.value, paper[0])
            return (isinstance(paper, list) and len(paper) == len(ends)
                    and all(str(p).startswith(v) for v, p in zip(ends, paper)))
        if str(m.value).startswith("--"):
            return _same_day(str(m.value), str(paper))
        return str(paper).startswith(str(m.value))
    mv = m.value
    if isinstance(mv, list) and isinstance(paper, list):
        if len(mv) == len(paper) and m.decimals and all(float(y).is_integer() for y in paper) \
                and all(abs(x - y) <= 0.5 for x, y in zip(mv, paper)):
            return True     # 降低了16.3%~19.1% for "a 16-19% lower hazard": more precise than the paper, within its rounding
        if m.unit == "age" and len(mv) == len(paper) == 2 and not m.decimals and float(mv[0]) == float(paper[0]) \
                and float(mv[1]) == float(paper[1]) + 1 and float(paper[1]).is_integer():
            return True     # 40岁至70岁 for "aged 40-69": ages in years completed, up to the 70th birthday
        return all(abs(x - y) <= tol for x, y in zip(mv, paper))
    if isinstance(mv, list) or isinstance(paper, list):
        return False
    x, v = float(mv), float(paper)
    if getattr(m, "bounds", None):
        # (a multiple's open end is its written number: 4倍多 is no 3.6 times)
        return _within_bounds(m, v, 1e-9 if m.kind == "multiplier" else tol)
    if m.kind == "pvalue":
        return abs(x - v) <= tol and _p_side(m.qualifier) * _p_side(paper_qualifier) >= 0
    if m.qualifier and paper_qualifier and _p_side(m.qualifier) and _p_side(paper_qualifier):
        # two cut-offs (至少30% against the paper's ≥50%): the same bound or none, never "within"
        return abs(x - v) <= tol and _p_side(m.qualifier) == _p_side(paper_qualifier)
    # 超过一半, 逾10万, 不到三成: a bound the paper's value lies past, but not far past (80% is
    # no "more than half" a reader would write, nor 157474 "at least 13")
    # (a cut-off is no bound on a value, but 超过50万 with no unit is: a cut-off is not told in 万)
    if m.qualifier in _BOUNDS and (m.kind != "threshold" or _scale_of(m.surface) > 1) and _round_figure(m.surface):
        if m.kind == "percent" and x % 10:
            # (a share past a bound written to the unit by less than that unit: 93%以上 is no
            # 99.7%, 超过99% is 99.7%; a round ten bounds loosely, 超过百分之50 for a 73% drop)
            step = max(place_value(x), 2 * tol)
            return x - 1e-9 <= v <= x + step if m.qualifier in _ABOVE else x - step <= v <= x + 1e-9
        return x - 1e-9 <= v <= max(1.5 * x, x + 2 * tol) if m.qualifier in _ABOVE else x / 1.5 - tol <= v <= x + 1e-9
    if m.kind in ("count", "measurement") and _scale_of(m.surface) > 1 and 0 <= v - x < 2 * tol:
        return True         # 41.5万 for 415,737: large counts are cut, not rounded, as often as not
    if m.kind == "count" and x >= 1000 and 0 <= v - x < 0.05 * v and not m.qualifier and x == int(x) \
            and (zeros := written_zeros(m.surface)) >= 3 and v - x < 10 ** zeros:
        return True         # 36,000名 for 36,608: a round count in thousands cut at its zeros, likewise
        #                     (never by a tenth: 6000名 for 6643 is another number)
    if m.qualifier == "approx" and m.kind == "count" and x >= 1000 and x == int(x) and abs(x - v) <= place_value(x) / 2:
        return True         # 约5000名 for 5303: a round count is read to its last digit (the thousand)
    if m.unit == "age" and not m.decimals and x <= v < x + 1:
        return True         # 64岁 for a mean age of 64.6 years: an age is told in years completed
    if m.unit == "age" and m.decimals and v == int(v) and v - 0.5 - 1e-9 <= x < v + 0.5:
        return True         # 56.1岁, 74.5岁 where the abstract writes a mean age of 56, 75 years: its rounding
    if m.qualifier == "approx" and m.kind == "percent" and not m.decimals and x >= 20 and x % 10 == 0 \
            and abs(x - v) < min(5, 0.25 * x):
        return True         # 约20% for 18%, 近40% for 36%: a round ten told as about is read to the ten
    if m.kind == "percent" and not m.decimals and not m.qualifier and v >= 10 and v != int(v) \
            and x % 10 == 0 and abs(x - v) < 1:
        return True         # 80% for 79.1%: rounded to the round ten (never 11% for 11.7%: cut short)
    if m.decimals and tol < abs(x - v) <= 0.5 and (m.kind == "percent" and abs(v) >= 10 or (
            m.kind in ("measurement", "duration") and m.unit)):
        # 97.3% where the paper writes 97%, 7.91年 where it writes 7.9 years: more precise than
        # the paper, and within its rounding (not 2.4% for a paper's 2%: a small rate rounded to
        # the unit says too little; nor 7.4 for a whole 7: only a paper's decimal is a rounding)
        shown = _fmt(v)
        places = len(shown.split(".")[1]) if "." in shown else 0
        if places < m.decimals and (m.kind == "percent" or places >= 1) and abs(x - v) <= 0.5 * 10 ** -places + 1e-9:
            return True
    # (the article's 约 is in its tolerance, 约6% for 6.2%; the paper's read here: 91% for "an
    # about 90% increase")
    return abs(x - v) <= tol or (paper_qualifier == "approx" and abs(x - v) <= 0.05 * abs(v))


def _round_figure(surface: str) -> bool:
    """Is the number written as a round figure (超过35万, 不到三成, 逾2500, 超过13.5%)? Only a
    round figure bounds a value near it; 超过1022mg is that number, not one past it."""
    digits = re.search(r"\d[\d,.]*", surface)
    if digits is None:
        return True
    sig = re.sub(r"\D", "", digits.group()).strip("0")
    return len(sig) <= 2 or (len(sig) == 3 and sig.endswith("5"))


def _within_bounds(m: Mention, v: float, tol: float) -> bool:
    """An open quantity (100多, 十几万) holds the values of its interval [low, high): 十几万 is
    supported by 130 000 and not by 250 000; 约 widens the interval by its usual 5%."""
    lo, hi = (float(b) if b is not None else None for b in m.bounds)
    ext = 0.05 * abs(lo if lo is not None else hi or 0) if m.qualifier == "approx" else 0.0
    return (lo is None or v >= lo - tol - ext) and (hi is None or v < hi + ext)


def _plus_one(m: Mention) -> Mention:
    """提高了X倍 read by the book, X+1 times (an open 一倍多, [1, 2), becomes [2, 3))."""
    bounds = [None if b is None else float(b) + 1 for b in m.bounds] if getattr(m, "bounds", None) else None
    return dataclasses.replace(m, value=float(m.value) + 1, bounds=bounds)


def _folds(m: Mention) -> bool:
    """A multiple told as an increase (提高了X倍), which the book reads as X+1 times."""
    return m.kind == "multiplier" and m.fold == "increase" and isinstance(m.value, (int, float))


def _is_time(m: Mention) -> bool:
    return m.unit in TIME_UNITS and m.kind in ("duration", "range")


def _parse_tp(tp: Optional[str]) -> Optional[tuple[float, str]]:
    mm = _TP_RE.search(tp or "")
    return (float(mm.group(1)), mm.group(2).lower()) if mm else None


# ---------------------------------------------------------------- judging

def judge_mention(m: Mention, ctx: Context, s: Summary, cands: list[tuple[Cand, Any]],
                  rel_cache: dict, is_length: bool = False, segment: Optional[list] = None) -> MentionVerdict:
    """The verdict on one number; ``cands``: the paper's values that can be compared with it,
    each with its value in the number's units (``comparable``). Long on purpose: the numbered
    steps are a cascade of diagnoses tried in order (same value, swapped groups, points, another
    measure …), the first that applies decides, and reading them in one place shows that order."""
    # a time a verb of change governs (减少大约半小时的睡眠时间, 预期寿命缩短1.5年) is a result's
    # amount, judged as results are, not a time of the design
    amount = _is_time(m) and not s.curated and m.qualifier not in _BOUNDS and bool(CHANGE_VERB_BEFORE.search(
        ctx.clause, 0, max(0, m.start - ctx.clause_start)))
    if _is_time(m) and not s.curated and not amount:
        drafted = _drafted_time(m, s)
        if drafted is not None:
            return drafted
    if _is_time(m) and not is_length and not amount:
        return _judge_timepoint(m, ctx, s, rel_cache, segment or [])
    # 提高了X倍 is X+1 times by the book; against an abstract, whose "4.87 times higher" reads
    # the same loose way, articles and their readers take it as X times (but 增加一倍 doubles)
    # (but a ratio written to its decimals, 风险高1.66倍 for HR 1.66, is read by the book: 2.66 times)
    # (unless the abstract writes that loose way itself: "1.48 times higher", "4.87-fold")
    by_the_book = m.kind == "multiplier" and m.fold == "increase" and _written_places(m.surface) >= 1 \
        and not s.curated and not _written_as_times(m, s)
    book = _folds(m) and (s.curated or by_the_book or m.value <= 1)
    m_eff = _plus_one(m) if book else m
    # 高出两倍, 增加近4倍 written whole: the loose reading (×2) and the book's (×3) are both in
    # use; a ratio of the paper that either reading states is the one the article tells
    m_book = _plus_one(m) if (_folds(m) and not s.curated and not book and m.value >= 1
                              and not _written_places(m.surface)) else None
    scored = []
    rel_of: dict = {}        # one relevance per finding, however many values it holds
    for c, pv in cands:
        if c.kind == "date":
            # (a day of the year that is the paper's publication date is that date, whatever the
            # sentence says; a month or a year alone is one only where it speaks of publishing)
            if not (isinstance(m.value, str) and (len(m.value) == 10 and m.value == c.value or (
                    m.value.startswith("--") and _same_day(m.value, str(c.value))))) \
                    and not PUBLISH_WORDS.search(ctx.sentence) and not _cited_year(m, ctx):
                continue
            rel, dist = 2.0, 0
        elif c.kind == "year_or_date":
            rel, dist = 2.0, 0      # a paper's period (2008-2012) is its study period, named or not
        else:
            key = id(c.finding)
            if key not in rel_of:
                rel_of[key] = relevance(c.finding, s, ctx, rel_cache, m)
            rel, dist = rel_of[key]
        scored.append((rel, dist, c, pv))

    if m.unit == "age" and m.qualifier in _BOUNDS and not getattr(m, "bounds", None):
        # 80岁以上 is who was studied: the paper's mean or median age neither supports nor contradicts it
        scored = [t for t in scored if not _bound_against_average(t[2])]

    def group_ok(c: Cand) -> bool:
        return ctx.group is None or c.group is None or c.group == ctx.group

    def pref(t):
        rel, dist, c, pv = t
        role_ok = (m.role == "from") == (c.label == "baseline" or c.timepoint == "baseline")
        return (rel, c.group == ctx.group and ctx.group is not None, role_ok, -dist)

    # 0a. a dose the paper gives per kilogram of body weight (10 mg/kg), told as a flat dose
    #     (10毫克): the per-kilogram dropped, whatever arm label ("the 10-mg group") the paper uses
    dropped = _per_kilogram_dropped(m, ctx, s)
    if dropped is not None:
        return dropped
    # 0. the number is the name of one of the paper's groups (41-42岁, an age band) and the
    #    paper gives that group this very value: a label, right wherever it stands
    if ctx.names_group:
        label = [t for t in scored if t[2].group == ctx.group and _equal(m_eff, t[3], t[2].qualifier)]
        if label:
            rel, dist, c, pv = max(label, key=pref)
            return MentionVerdict(m.id, "supported", pv, c.finding.id if c.finding else None, rule="FC101",
                                  args={"note": c.describe(s)})
    # 1. the same measure (and group, where both name one) states the same number → supported;
    #    a cut-off of the paper (≥50%) supports only a cut-off (将近一半 is not the paper's 50%)
    #    (a spread, "10 years (SD = 1.7)", only a number told as one: 标准差1.7, ±1.7)
    same = [t for t in scored if t[0] >= 1.0 and group_ok(t[2])
            and (t[2].label != "sd" or _told_as_spread(m, ctx))
            and (_equal(m_eff, t[3], t[2].qualifier) or (m_book is not None and _equal(m_book, t[3], t[2].qualifier)))
            and (not _is_cut_off(t[2]) or m.kind == "threshold" or _same_bound(m, t[2]))
            and not _step_for_bound(m, t[2])]
    if same:
        return _supported(m, max(same, key=pref), s)
    # 1a. a range whose ends are the lowest and the highest of the estimates the finding of the
    #     measure named lists (HR 0.875-0.917 for "hazard ratios … across each BMI group were 0.875
    #     (…), 0.917 (…), 0.878 (…) and 0.891 (…)"): their span, as the article tells it
    span = _span_of_estimates(m, scored)
    if span is not None:
        return span
    # 1b. a percent inside a narrow range of estimates the paper writes as one ("a 38%–40%
    #     reduction in all-cause and cancer mortality"): 降低39% is the paper's
    #     (narrow for its size too: 1.4%-6.3% is an interval around another estimate, and 4.0%
    #     inside it is not the paper's number)
    if not s.curated and m.kind == "percent" and isinstance(m.value, (int, float)):
        inside = [t for t in scored if t[0] >= 1.0 and t[2].kind == "range" and t[2].unit == "%"
                  and isinstance(t[3], list) and len(t[3]) == 2 and 0 < t[3][1] - t[3][0] <= 5
                  and t[3][1] <= 1.5 * t[3][0] and t[3][0] <= float(m.value) <= t[3][1]]
        if inside:
            return _supported(m, max(inside, key=pref), s)
    # 2. the other group's value of a finding named in this sentence: groups swapped
    for rel, dist, c, pv in sorted(scored, key=pref, reverse=True) if s.curated else ():
        # (a draft's groups are read by a machine from English prose: not sure enough to call a swap)
        if rel >= 1.0 and ctx.group and c.group and c.group != ctx.group and _equal(m_eff, pv, c.qualifier):
            right = [t for t in scored if t[2].finding is c.finding and t[2].group == ctx.group
                     and t[2].timepoint == c.timepoint and t[2].label == c.label]
            if right:
                return _mismatch(m, right[0], s, "FC107")
    # 3. a relative change told as points, or points as a relative change (16.6% vs 1.5 points)
    pp = _points_confusion(m, ctx, s, scored)
    if pp is not None:
        return pp
    # 3b. a draft: a number too distinctive to agree by chance that the abstract states is the
    #     abstract's, whatever unit the machine read for it, never a mismatch of another: a count
    #     of three digits or more (284 lung cancers for 共284人被诊断), or a number written to two
    #     decimals (-2.16毫米汞柱 for "24-hour ambulatory SBP (-2.16 [95% CI …])")
    if not s.curated and isinstance(m.value, (int, float)) and m.kind != "pvalue":
        count = m.kind == "count" and float(m.value) >= 100
        said = None
        # (or to one decimal with no unit, three digits in all: BMI为28.7 for "BMI was 28.7 (4.3)")
        places = _written_places(m.surface)
        if count or ((places >= 2 or (places == 1 and not m.unit and abs(float(m.value)) >= 10))
                     and not by_the_book):
            side = _p_side(m.qualifier)     # (a bound, 超过17,000名, is stated only by a value past it)
            said = _stated_anywhere(float(m.value), s, tolerance(m), side) or (
                _stated_anywhere(-float(m.value), s, tolerance(m), -side) if not count and m.value > 0
                and ctx.change != "up" else None)     # (the sign a copy dropped: 和-5.01 read as 5.01)
        if said is not None and _other_sex(said[1].group, ctx.group):
            said = None         # the other sex's value (see step 4)
        if said is not None and places == 1 and not count and said[1].unit == "%":
            said = None         # (a bare 88.5 is no percent the article would have marked with %)
        if said is not None:
            f, v = said
            return MentionVerdict(m.id, "supported", v.value, f.id, rule="FC101",
                                  args={"note": _clean_note(f.text)})
        # (two arms of 44 and 42 are 86名 too: a sum of a draft's own arms is no chance below a hundred)
        parts = _sum_of_counts(m, s) if m.kind == "count" and float(m.value) >= 20 and m.unit == "person" else None
        if parts is not None:
            return MentionVerdict(m.id, "supported", sum(parts), None, rule="FC101",
                                  args={"note": " + ".join(_fmt(x) for x in parts)})
        rest = _rest_of_the_sample(m, s) if count and m.unit == "person" else None
        if rest is not None:
            return MentionVerdict(m.id, "supported", rest[0] - rest[1], None, rule="FC101",
                                  args={"note": f"{_fmt(rest[0])} − {_fmt(rest[1])}"})
    # 3c. a draft: a distance, age, dose count or schedule the abstract states in passing is the
    #     abstract's (六英里以外 for "more than 6 miles"), not another value's mismatch
    if not s.curated and s.stated and (m.unit in _STATED_UNITS or _fraction_word(m)):
        st = _stated(m, s)
        if st is not None:
            return st
    # 4. the measure is named right by the number: a different value there is a mismatch
    #    (not in an age band the paper's finding does not name: 40-44岁族群当中…分别为66.0、25.0)
    band = _age_band(ctx) if not s.curated and "岁" in ctx.sentence else None
    near = [t for t in scored if t[0] >= 2.0 and _same_kind_of_number(m, t[2]) and t[2].label != "increment"
            # (an age told bare, 在40岁时戒烟, is no misquote of the paper's age bound, "aged >70 years")
            and not (m.unit == "age" and m.qualifier is None and t[2].qualifier in _BOUNDS)
            and (t[2].label not in AUX_LABELS or m.kind in ("threshold", "interval") or _same_bound(m, t[2]))
            and (s.curated or (_draft_comparable(m, t[2], amount) and not _change_against_level(m, ctx, t[2])
                               and not _level_against_change(m, ctx, t[2]) and not _per_unit_estimate(ctx, t[2])
                               and not (band and _unnamed_band(band, t[2])) and not _bound_against_level(m, t[2])))]
    if near and not s.curated and (m.decimals or m.kind == "multiplier" or (m.kind == "percent" and (
            ctx.change or (_distinctive(m) and _IN_FIGURES.search(m.surface)))) or m.unit == "age"
            or (m.kind == "dose" and _distinctive(m))) and any(
            _equal(m_eff, t[3], t[2].qualifier) and t[2].kind == near[0][2].kind and not _other_sex(t[2].group, ctx.group)
            for t in scored):
        # a draft names its measures in English words the lexicon may not know (resolution of
        # steatohepatitis): a number written to its decimals that the abstract states is that
        # number, not another measure's mismatch; nor another arm's, as a draft reads its arms
        # from English prose ("39 of 429 patients (9.1%) and 30 of 434 patients (6.9%)": no arm named);
        # a multiple (风险是…的6倍) of the size of a ratio the abstract states (6.05) is that ratio;
        # a percent in figures, over ten (44%), that the abstract states is that percent, not
        # another arm's misquote (a draft reads "44% in the 5-mg group, 56% in the 10-mg group"
        # as one finding; 一半, 三成 are words, near many of its values: not so);
        # an age the abstract gives (index ages of 45 and 55 years) is no misquote of its other age;
        # a dose it gives (a low (0.3 mg) or high (5.0 mg) dose) names an arm, not another dose's misquote
        # (but the sexes a draft reads from "in women and men, respectively" are sure: 男性1.5年
        # where the abstract's 1.50 years is the women's is the sexes swapped)
        near = []
    if near and (m.kind != "year_or_date" or is_period(m.value)):     # a period, not a date
        best_f = min(near, key=lambda t: t[1])[2].finding
        in_f = [t for t in near if t[2].finding is best_f]
        # the other group's value of this finding: groups swapped
        for rel, dist, c, pv in in_f if s.curated else ():
            if ctx.group and c.group and c.group != ctx.group and _equal(m_eff, pv, c.qualifier):
                right = [t for t in in_f if t[2].group == ctx.group and t[2].timepoint == c.timepoint]
                return _mismatch(m, right[0] if right else (rel, dist, c, pv), s, "FC107")
        mine = [t for t in in_f if group_ok(t[2])]
        bounds = [t for t in mine if _same_bound(m, t[2])]
        if bounds:
            mine = bounds        # 至少30% is held to the paper's cut-off (≥50%), not to a group's rate
        relative = [t for t in mine if _ratio_of(t[2]) is not None] if m.kind == "percent" and ctx.change else []
        if relative:
            mine = relative      # 风险降低34% is held to the paper's ratio (HR 0.79), not to its arms' 3.4%
        if mine:
            # the same group's value at another time point
            for rel, dist, c, pv in mine:
                if _equal(m_eff, pv, c.qualifier) and c.timepoint:
                    return _mismatch(m, (rel, dist, c, pv), s, "FC112")
            rel, dist, c, pv = max(mine, key=pref)
            if (s.curated or by_the_book) and m.kind == "multiplier" and m.fold == "increase" \
                    and isinstance(pv, float) and abs(float(m.value) - pv) <= tolerance(m):
                return _mismatch(m, (rel, dist, c, pv), s, "FC110")
            rule = "FC102"
            if isinstance(pv, float) and isinstance(m_eff.value, (int, float)) and pv:
                if _double_or_half(m_eff, pv):
                    # (a share of people told at twice the paper's, 40%的患者 for "20% of patients",
                    # is the doubling slip FC106 names, in a draft as in a curated summary)
                    if not s.curated and not (m.kind == "percent" and not ctx.change):
                        return _another_step(m, m_eff, c, mine, s)
                    rule = "FC106"
                elif transposed(m.surface, _fmt(pv)):
                    rule = "FC108"
            return _mismatch(m, (rel, dist, c, pv), s, rule)
    # 4b. a day of publication the paper's record contradicts (9日出版的《临床肿瘤学杂志》 for the
    #     issue of February 10, 2008年1月号 for a paper of 2007): every date of the record differs
    #     where both tell it (a record's month says nothing of the article's day)
    #     (a journal's year, 2023年《新英格兰医学杂志》, later than every year of the record: a
    #     year before it may be the day the paper came out online)
    dated = m.kind == "year_or_date" and isinstance(m.value, str) and not is_period(m.value)
    journals = dated and _journals_year(m, ctx)
    dates = [t for t in scored if t[2].kind == "date"] if dated and (journals or _the_day_of_print(m, ctx)) else []
    if dates and all(_date_contradicts(m.value, str(t[3])) for t in dates) \
            and not _online_before_print(m.value, [str(t[3]) for t in dates]) \
            and not (journals and any(str(t[3])[:4] > m.value for t in dates)):
        return _mismatch(m, max(dates, key=lambda t: len(str(t[3]))), s, "FC102")
    # 5. the number occurs, but for another measure: never support. A draft from an abstract
    #    names its measures in English words the glossary may not know: there, a number of the
    #    same kind and unit that is distinctive enough not to be chance is the paper's number
    other = [t for t in scored if _equal(m_eff, t[3], t[2].qualifier) and t[2].kind != "date"
             and not _step_for_bound(m, t[2])]
    # (not the other sex's value: 女性减少2.28年 where 2.28 years is the men's, see step 4)
    own_sex = [t for t in other if not _other_sex(t[2].group, ctx.group)]
    if own_sex and not s.curated and (_distinctive(m) or any(ctx.group and t[2].group == ctx.group for t in own_sex)):
        return _supported(m, max(own_sex, key=pref), s)
    # 发现有10项符合纳入条件 for "10 cohort studies were included": the studies a review pooled,
    # counted by 项 or 篇 in a sentence that speaks of studies; 每天喝4杯 for "≥4 cups": a number in
    # a unit that only few of the abstract's numbers have (cups, servings, studies, centres)
    studies = [t for t in other if t[2].unit == "study" and t[2].kind == "count"]
    if studies and not s.curated and m.kind == "count" and m.unit in ("", "study") and _COUNTED_STUDIES.search(m.surface) \
            and _OF_STUDIES.search(ctx.sentence):
        return _supported(m, max(studies, key=pref), s)
    # (not "<1 cup/d" for 只喝一杯: below a cut-off is another category than at it)
    rare = [t for t in other if t[2].unit and t[2].unit == m.unit and m.unit in _RARE_UNITS
            and (t[2].qualifier not in _BELOW or m.qualifier in _BELOW)]
    if rare and not s.curated:
        return _supported(m, max(rare, key=pref), s)
    # a multiple (增加一倍, 两倍) is a relative measure: the paper's ratio of that size is the one
    # it tells (OR 1.85, "almost twofold"), whatever words name the outcome
    # (and a relative change, 概率高86%, of the size of a ratio the abstract states, OR 1.86: that ratio)
    # (a ratio read as the change the verb tells, HR 0.91 as 风险低约9%, is that ratio too)
    relative = [t for t in other if (m.kind == "multiplier" or (m.kind == "percent" and ctx.change))
                and (t[2].kind in ("ratio", "multiplier") or _ratio_of(t[2]) is not None)]
    if relative and not s.curated:
        return _supported(m, max(relative, key=lambda t: (t[0], -abs(float(t[3]) - float(m_eff.value)))), s)
    if other and not own_sex and not s.curated:
        # the other sex's value, where the same finding gives this sex's: the sexes swapped (a
        # draft reads "in women and men, respectively" surely)
        c = max(other, key=pref)[2]
        right = [t for t in scored if t[2].finding is c.finding and t[2].group == ctx.group
                 and t[2].unit == c.unit and t[2].label == c.label and t[2].timepoint == c.timepoint]
        if right:
            return _mismatch(m, right[0], s, "FC107")
    if other:
        rel, dist, c, pv = max(other, key=pref)
        return MentionVerdict(m.id, "not_in_source", None, c.finding.id if c.finding else None,
                              rule="FC111", args={"note": c.describe(s)})
    # 6. the paper's number with another unit of the same dimension (150 μg for 150 mg): a unit error
    #    (distinctive, not to agree by chance; a rate per thousand told as a percent, 4% for
    #    3.93/1000, is the one such slip a reporter makes with any number; not times: 2小时 for a
    #    2-year follow-up, 3天 a week for 3.4 years are other quantities, never a slip, on every part)
    for rel, dist, c, pv in scored:
        if (m.unit and c.unit and m.unit != c.unit and not isinstance(c.value, list)
                and not (m.unit in TIME_UNITS and c.unit in TIME_UNITS)
                and isinstance(m.value, (int, float)) and (_distinctive(m) or (m.unit, c.unit) == ("%", "per 1000"))
                and abs(float(c.value) - float(m.value)) <= tolerance(m)):
            return _unit_error(m, c, pv, s)
    # 6b. a draft that states one ratio (HR 1.57) holds its one relative risk: the article's
    #     风险高出近一倍 or 风险降低30% told of that risk is held to it
    #     (the risk may be named in the clause before: 可能性，是…的两倍)
    if not s.curated and m.kind in ("multiplier", "percent") and _names_risk(m, ctx):
        # (a ratio read as the change the article's verb tells, HR 0.79 as 21% lower, is that ratio)
        ratios = {r: t for t in scored if isinstance(t[3], float) and (r := _ratio_of(t[2])) is not None}
        if len(ratios) == 1:
            rel, dist, c, pv = next(iter(ratios.values()))
            # (a ratio per unit, "per year of delay", is no contrast of another size: 65岁 vs 60岁)
            if not _equal(m_eff, pv, c.qualifier) and not _per_unit_estimate(ctx, c):
                return _mismatch(m, (rel, dist, c, pv), s, "FC102")
    # 7. a draft: the paper's number of the same kind with two digits swapped (1326 for 1362),
    #    of the values the sentence is about or, for a count, of any in its own unit (246人 for
    #    264 cases, 647个 for 674 practices): a slip of the keyboard
    if not s.curated and isinstance(m.value, (int, float)) and len(_digits(m.surface)) >= 3:
        kin = [t for t in sorted(scored, key=pref, reverse=True) if _same_kind_of_number(m, t[2])]
        own_unit = [(0.0, 0.0, c, pv) for c, pv in cands if m.kind == "count" and not m.qualifier
                    and c.unit == m.unit and c.kind in ("count", "measurement")
                    and isinstance(pv, float) and pv == int(pv) and pv >= 100]
        for t in kin + own_unit:
            if isinstance(t[3], float) and transposed(m.surface, _fmt(t[3])):
                return _mismatch(m, t, s, "FC108")
    # 7a. a draft: the paper's figure for the measure named, misquoted in its last digit (27.7% for 27.4%)
    slip = _last_digit_slip(m, scored, pref) if not s.curated else None
    if slip is not None:
        return _mismatch(m, slip, s, "FC102")
    # 7b. a draft: a count written to the unit (37,510名, no 约, not a round number) within 1% of
    #     the paper's count of people (37 516; 2785名 for 2802): the same count, misquoted
    if not s.curated and m.kind == "count" and m.unit == "person" and isinstance(m.value, (int, float)) \
            and not m.qualifier and m.value >= 1000 and int(m.value) % 100 and _scale_of(m.surface) == 1:
        for rel, dist, c, pv in sorted(scored, key=pref, reverse=True):
            if c.kind == "count" and c.unit == "person" and isinstance(pv, float) and pv != m.value \
                    and abs(pv - float(m.value)) <= 0.01 * pv:
                return _mismatch(m, (rel, dist, c, pv), s, "FC102")
    # 7c. a draft: a count of people of three digits or more, written to the unit, one digit off
    #     the paper's count of the measure named there (233例 for "223 women died", or two digits
    #     swapped: 246人 for "264 incident cases"): a slip
    if not s.curated and m.kind == "count" and m.unit == "person" and isinstance(m.value, (int, float)) \
            and not m.qualifier and m.value >= 100 and int(m.value) % 10 and _scale_of(m.surface) == 1:
        mine = _digits(m.surface)
        for rel, dist, c, pv in sorted(scored, key=pref, reverse=True):
            # (or the study's whole sample, whatever the sentence names: 找来139名 for "a total of 138")
            if (rel >= 2.0 or (pv == s.population.n and _STUDIED.search(ctx.sentence))) and c.kind == "count" \
                    and c.unit == "person" and isinstance(pv, float) and pv == int(pv) and (
                        _one_digit_off(mine, str(int(pv))) or transposed(mine, str(int(pv)))):
                return _mismatch(m, (rel, dist, c, pv), s, "FC102")
        # (or, at four digits, any whole number of people the abstract gives, however its sentence
        # names it: 1447例 for "1477 died", 49257名 for 49 275; three digits of four in place are
        # no chance agreement)
        slip = _count_one_digit_off(mine, s) if len(mine) >= 4 else (
            _count_one_digit_off(mine, s, swapped_only=True) if len(mine) == 3 else None)
        if slip is not None:
            f, v = slip
            return MentionVerdict(m.id, "mismatch", v.value, f.id, rule="FC102", args={"note": _clean_note(f.text)})
    # 7d. a draft: the size of the sample told in a sentence that says who the study took in, within
    #     a tenth of the paper's sample but not that number as a reader rounds it (8.5万 for 81,956;
    #     超过35万 for 342,183): the sample, misquoted
    sample = _misquoted_sample(m, m_eff, ctx, scored, s) if not s.curated else None
    if sample is not None:
        return _mismatch(m, sample, s, "FC102")
    # 7e. a draft: a percent told of the measure the sentence names, outside the one range of
    #     percents the paper gives for it, yet near it (近10% for "11 to 15% longer life span"):
    #     that range misquoted
    ranged = _outside_the_range(m, m_eff, scored) if not s.curated else None
    if ranged is not None:
        return _mismatch(m, ranged, s, "FC102")
    held = list({id(t[2]): t[2].describe(s) for t in scored if t[0] >= 2.0 and t[2].label not in AUX_LABELS}.values())
    return MentionVerdict(m.id, "not_in_source", None, None, rule="FC103",
                          args={"note": {"held": held}} if held else None)


_WEIGHT_NAMED_AFTER = re.compile(r"[^，。；;,]{0,10}(?:公斤|千克|kg|体重)")


def _per_kilogram_dropped(m: Mention, ctx: Context, s: Summary) -> Optional[MentionVerdict]:
    """A flat mass dose (10毫克) whose value the paper gives only per kilogram of body weight
    (10 mg/kg): a unit error an editor must see, not the paper's dose (unless the clause names
    the body weight after the number: 10毫克，按每公斤体重计)."""
    per = PER_KG.get(m.unit) if m.kind == "dose" else None
    if per is None or not isinstance(m.value, (int, float)):
        return None
    hits = [c for c in _usable(s)[0] if c.unit == per and isinstance(c.value, (int, float))
            and float(c.value) == float(m.value)]
    if not hits or _WEIGHT_NAMED_AFTER.match(ctx.clause, max(0, m.end - ctx.clause_start)):
        return None
    return _unit_error(m, hits[0], hits[0].value, s)


def _unit_error(m: Mention, c: Cand, pv: Any, s: Summary) -> MentionVerdict:
    """FC113: the paper's number ``pv`` of candidate ``c``, which the article gives another unit."""
    return MentionVerdict(m.id, "mismatch", pv, c.finding.id if c.finding else None, rule="FC113",
                          args={"note": c.describe(s)})


def _ages_said(s: Summary) -> list[tuple[Any, Optional[str]]]:
    """Every age the draft gives (stated in passing or in a finding), each with its words."""
    said = [(v.value, v.note) for v in s.stated if v.unit == "age"]
    return said + [(v.value, _clean_note(f.text)) for f in s.findings for v in f.values if v.unit == "age"]


def _range_end_slipped(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """7-18岁 where the abstract writes "aged 6-18 years", 4至82岁 for 4-80: an age range with one
    end the paper's and the other a few years off is that range misquoted, where the abstract
    gives one range of ages (with two, 9-14 and 20-28, a third is an age band of its own)."""
    if m.unit != "age" or not isinstance(m.value, list) or len(m.value) != 2:
        return None
    ranges = {tuple(float(x) for x in value): (value, note) for value, note in _ages_said(s)
              if isinstance(value, list) and len(value) == 2}
    if len(ranges) != 1:
        return None
    (a, b), (value, note) = next(iter(ranges.items()))
    lo, hi = (float(x) for x in m.value)
    if (lo == a) != (hi == b) and max(abs(lo - a), abs(hi - b)) <= max(2.0, 0.2 * (b - a)):
        return MentionVerdict(m.id, "mismatch", value, None, rule="FC102", args={"note": note})
    return None


def _units_miscounted(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """32个研究队列 where the abstract pools "31 cohorts", 193个国家 for "200 countries and
    territories": a count of the study's cohorts, countries, centres or databases within a tenth
    of the one count of them the abstract gives, and written to the unit (a round 80 for 82 is a
    reader's rounding; 十家 for 11 centres is not), is that count misquoted. A number the
    abstract states anywhere is no such slip (12个队列 for "the Americas (12)" is a part of the
    whole; 13篇 of 16 studies, a part too far off to be a slip)."""
    if not isinstance(m.value, (int, float)) or m.qualifier or (float(m.value) % 10 == 0 and m.value >= 50):
        return None
    x = float(m.value)
    counts = {float(v.value): (f, v) for f in s.findings for v in f.values
              if v.unit == m.unit and v.kind == "count" and isinstance(v.value, (int, float))
              and not 1900 <= float(v.value) <= 2100}     # (not the 2019 of "from 1985 to 2019 in 200 countries")
    if len(counts) != 1:
        return None
    p, (f, v) = next(iter(counts.items()))
    if p == x or abs(x - p) > 0.1 * p or _stated_anywhere(x, s, 0.0) is not None:
        return None
    return _miscounted(m, f, v)


def _people_a_little_off(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """85万人 where the abstract writes "nearly 840 000 adults", 60.5万名 for 599 237 controls, 83000名
    for 82 369: a count of people in ten thousands or in round thousands (no 约, 近 or 多 about it)
    past its rounding but within 3% of a count of people the abstract gives is that count
    misquoted: a reader takes 85万 for 850 000 give or take 5000, not for 840 000. So is one ten
    times the paper's (420万 for 422 730: the rank of 万 slipped)."""
    if m.qualifier or not isinstance(m.value, (int, float)) or (
            _scale_of(m.surface) < 1e4 and written_zeros(m.surface) < 3):
        return None
    x, tol = float(m.value), tolerance(m)
    people = [(float(v.value), f, v) for f in s.findings for v in f.values
              if v.unit == "person" and v.kind == "count" and isinstance(v.value, (int, float))]
    # (the paper's own count within its rounding, a cut-off's too, which _stated_anywhere passes over)
    if not people or any(abs(p - x) <= tol for p, _f, _v in people) or _stated_anywhere(x, s, tol) is not None:
        return None
    close = [t for t in people if abs(t[0] - x) <= 0.03 * t[0]
             or (t[0] >= 1000 and tol <= 0.05 * x and min(abs(10 * t[0] - x), abs(t[0] / 10 - x)) <= tol)]
    if not close:
        return None
    _p, f, v = min(close, key=lambda t: abs(t[0] - x))
    return _miscounted(m, f, v)


def _miscounted(m: Mention, f: Finding, v: Value) -> MentionVerdict:
    """The mismatch of a count the article misquotes, with the paper's count and its words."""
    return MentionVerdict(m.id, "mismatch", v.value, f.id, rule="FC102",
                          args={"note": f"{_fmt(float(v.value))}（{_clean_note(f.text)}）"})


_YOUNGER_THAN = re.compile(r"\s*(?:之前|以前|前)(?![\d年])")


def _age_bound_of_a_range(m: Mention, s: Summary, norm: str) -> Optional[MentionVerdict]:
    """60岁前 for "ages 18-59 years": an age told as the one before which something happens is
    the paper's range of ages that ends the year before it (ages are counted in whole years, so
    under sixty is at most fifty-nine)."""
    if m.unit != "age" or isinstance(m.value, list) or not _YOUNGER_THAN.match(norm, m.end):
        return None
    x = float(m.value)
    for value, note in _ages_said(s):
        if isinstance(value, list) and len(value) == 2 and float(value[1]) == x - 1 and float(value[0]) < x - 1:
            return MentionVerdict(m.id, "supported", value, None, rule="FC101", args={"note": note})
    return None


_AND_BETWEEN = re.compile(r"\s*(?:和|与|與|及|、|以及|and|,|，)\s*")


def _pair_of_ages_slipped(ms: list[Mention], mvs: list[MentionVerdict], s: Summary, norm: str
                          ) -> list[MentionVerdict]:
    """45岁和60岁 where the abstract gives its two ages "approximately 44 years and 60 years": a
    pair of ages, one the paper's and the other a year or two off the paper's one other age in
    that finding, is that pair misquoted (as one end of a range is, _range_end_slipped)."""
    out = list(mvs)
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        if a.unit != "age" or b.unit != "age" or not _AND_BETWEEN.fullmatch(norm[a.end:b.start]):
            continue
        for k, other in ((i, i + 1), (i + 1, i)):
            told, right = out[k], out[other]
            m = ms[k]
            if told.verdict != "not_in_source" or right.verdict != "supported" or not right.finding_id \
                    or not isinstance(m.value, (int, float)):
                continue
            f = next((f for f in s.findings if f.id == right.finding_id), None)
            ages = {float(v.value) for v in (f.values if f else ()) if v.unit == "age"
                    and isinstance(v.value, (int, float))}
            theirs = ages - {float(right.paper_value)} if isinstance(right.paper_value, (int, float)) else set()
            if len(ages) == 2 and len(theirs) == 1 and 0 < abs((age := theirs.pop()) - float(m.value)) <= 2:
                out[k] = MentionVerdict(m.id, "mismatch", age, f.id, rule="FC102", args={"note": _clean_note(f.text)})
    return out


# an age band that names who a figure is of (40-44岁族群当中, 50~64岁的女性中)
_AGE_BAND_GROUP = re.compile(r"(\d{1,3})\s*[-~～至到—–]\s*(\d{1,3})\s*岁(?:的)?(?:族群|人群|组|者|的人|患者|女性|男性|人)?(?:当中|中|里)")


def _age_band(ctx: Context) -> Optional[re.Match]:
    """The age band the sentence gives its figures for (40-44岁族群当中), if any."""
    return _AGE_BAND_GROUP.search(ctx.clause) or _AGE_BAND_GROUP.search(ctx.sentence)


def _unnamed_band(band: re.Match, c: Cand) -> bool:
    """Does the paper's finding not name this age band? Then the abstract holds no figure of
    that band to contradict the article's (its overall or sex-specific rates are other
    quantities)."""
    if c.finding is None:
        return False
    text = c.finding.text
    return not (band.group(1) in text and band.group(2) in text)


def _outside_the_range(m: Mention, m_eff: Mention, scored: list) -> Optional[tuple]:
    """The one range of percents the paper gives for the measure the sentence names (11 to
    15%), which a single percent of the article (近10%) lies outside, by less than the range's
    own span or five points: the range misquoted (a percent far from it is another quantity)."""
    if m.kind != "percent" or not isinstance(m_eff.value, (int, float)):
        return None
    ranges = {tuple(t[3]): t for t in scored if t[0] >= 2.0 and t[2].kind == "range" and t[2].unit == "%"
              and t[2].label not in AUX_LABELS and isinstance(t[3], list) and len(t[3]) == 2}
    if len(ranges) != 1:
        return None
    (lo, hi), t = next(iter(ranges.items()))
    x = float(m_eff.value)
    gap = lo - x if x < lo else x - hi
    return t if 0 < gap <= max(hi - lo, 5.0) else None


def _count_one_digit_off(mine: str, s: Summary, swapped_only: bool = False) -> Optional[tuple]:
    """(finding, value) of a whole number of people or a bare whole number in the draft whose
    digits differ from ``mine`` (four digits or more) in one place, or by two neighbours swapped
    (49257 for 49 275): the same count, misquoted. ``swapped_only``: at three digits, only a swap
    of two neighbours in a count of people (246人 for 264 cases) is no chance agreement.
    None where the abstract also states ``mine`` itself."""
    hit = None
    for f in s.findings:
        for v in f.values:
            if v.kind not in ("count", "measurement") or v.unit not in (("person",) if swapped_only else ("person", "")) \
                    or not isinstance(v.value, (int, float)) or v.value != int(v.value):
                continue
            theirs = str(int(v.value))
            if theirs == mine:
                return None
            if hit is None and ((not swapped_only and _one_digit_off(mine, theirs)) or transposed(mine, theirs)):
                hit = (f, v)
    return hit


def _misquoted_sample(m: Mention, m_eff: Mention, ctx: Context, scored: list, s: Summary) -> Optional[tuple]:
    """The paper's sample (its n) that a count of people in a sentence of enrolment (纳入, 参与,
    样本) misquotes: told as an approximation (in 万, or with a bound: 超过35万), within 10% of n,
    yet not n as that rounding and bound read it. (A count written to the unit, 36,987名, may be
    another count of the paper's, the analysed or the followed: 7b and 7c judge those.)"""
    n = s.population.n
    if not n or m.kind != "count" or m.unit != "person" or not isinstance(m.value, (int, float)) \
            or (_scale_of(m.surface) == 1 and m.qualifier not in _BOUNDS) \
            or not _STUDIED.search(ctx.sentence) or abs(float(m.value) - n) > 0.1 * n:
        return None
    for t in scored:
        if t[2].label == "n" and not _equal(m_eff, t[3], t[2].qualifier):
            return t
    return None


# the kinds of number whose misquote lies near the paper's value (a share, a level, a ratio, a
# dose, a cut-off): one far from it is another quantity the draft does not hold (a subgroup,
# another model, another time, another measure). Not counts, times and dates, whose slips are a
# digit or a unit (1万2千 for 1,213; another year); nor a multiple: 两倍 for the one hazard ratio
# an abstract states, 4.53, is that ratio misquoted.
_MISQUOTED_NEAR = ("percent", "measurement", "ratio", "dose", "threshold")


def _too_far_to_misquote(m: Mention, pv: Any) -> bool:
    """A draft: the article's number is more than three tenths of the value away from the value
    of the measure it is held to (HR 0.55 for 0.83, 400毫克 for 100 mg), a percent more than half
    as far again and fifteen points (37% for 79.8%, 14.8% for 48.8%): read against an abstract
    whose measures are named by a machine, that is another quantity the abstract does not give
    (a subgroup's, a joint analysis's, another model's), not that value misquoted (高25% for a
    ratio's 15%, 增加30% for RR 1.19, 降低34% for HR 0.79 are still misquotes: a relative change
    is far in points from a ratio it misreads only little). Every part's predictions: of the
    percents so far from their value, 10 were true mismatches and 70 numbers not in the paper (at
    53cbcdf); of the ratios, doses, cut-offs and levels 30% to 50% away, none of about 35 a
    misquote (at c2d5637, thirtieth session)."""
    if m.kind not in _MISQUOTED_NEAR:
        return False
    gap = _gap(m, pv)
    if gap is None:
        return False
    if m.kind == "percent":
        return gap[0] > 0.5 * gap[1] and gap[0] > 15
    return gap[0] > 0.3 * gap[1]


def _gap(m: Mention, pv: Any) -> Optional[tuple[float, float]]:
    """(how far the article's number is from the paper's value, the size of that value), or None
    where either is no single number or the value is zero."""
    try:
        x, y = float(m.value), float(pv)
    except (TypeError, ValueError):
        return None
    return (abs(x - y), abs(y)) if y else None


def _last_digit_slip(m: Mention, scored: list, pref) -> Optional[tuple]:
    """A draft: a value written to three significant digits or more, with decimals (27.7%), that
    differs from a value of the same kind the paper gives for a measure the sentence names only
    in its last digit (27.4%): one figure misquoted, as an editor reads it, not a number of the
    full paper (a chance agreement of every digit but the last is rare at three digits; a
    two-digit 12% beside a paper's 13% is not)."""
    if not isinstance(m.value, (int, float)) or m.decimals < 1 \
            or m.kind not in ("percent", "ratio", "measurement", "multiplier"):
        return None
    mine = f"{float(m.value):.{m.decimals}f}"
    if len(_digits(mine).lstrip("0")) < 3:
        return None
    for t in sorted(scored, key=pref, reverse=True):
        rel, _dist, c, pv = t
        if rel < 1.0 or not isinstance(pv, float) or c.kind != m.kind or not _same_kind_of_number(m, c):
            continue
        theirs = _fmt(pv)
        if len(theirs) == len(mine) and theirs[:-1] == mine[:-1] and theirs[-1] != mine[-1]:
            return t
    return None


_BOUNDS = ("more_than", "at_least", "less_than", "at_most")
# a sentence that says who the study took in (纳入, 招募, 找来, 共有…参与)
_ENROLLED = re.compile(r"纳入|納入|招募|招收|找来|找來|入组|入組|参与|參與|受试者|受試者|样本|樣本|涉及|涵盖|涵蓋|覆盖|覆蓋")
# a sentence that says whom the study followed (对163名女性进行了跟踪研究, 对超过1.4万名老人随访3年)
_STUDIED = re.compile(_ENROLLED.pattern + r"|随访|隨訪|跟踪|跟蹤|追踪|追蹤|[对對](?:超过|超過|约|約|近|逾|共)?\d")
_COUNTED_STUDIES = re.compile(r"[项項篇]$")
_OF_STUDIES = re.compile(r"研究|試驗|试验|文献|文獻|队列|隊列|纳入|納入")


def _bound_against_level(m: Mention, c: Cand) -> bool:
    """The article's number is a bound (超过20克, 21%或以上的人, ≥5年) and the paper's value a plain
    level (a mean, a group's share): a cut-off of a category is another quantity than the level
    the paper reports, so the one cannot misquote the other."""
    # (an open quantity, 10万多名 or 50多岁, is a count or an age told loosely, not a cut-off; a
    # share, 超过一半的参与者, bounds the paper's share of the same people)
    return m.qualifier in _BOUNDS and not m.bounds and m.unit != "%" and c.qualifier not in _BOUNDS \
        and c.kind != "threshold" and c.label not in ("threshold", "increment")


def _step_for_bound(m: Mention, c: Cand) -> bool:
    """The paper's step of a ratio ("per 10 μg/m3") is no level: an article's bound (低于12微克)
    is not within it."""
    return c.label == "increment" and m.qualifier in _BOUNDS


def _written_as_times(m: Mention, s: Summary) -> bool:
    """Does the draft write the article's multiple as "X times" or "X-fold" itself?"""
    if not isinstance(m.value, (int, float)):
        return False
    rx = re.compile(re.escape(_fmt(float(m.value))) + r"\s*(?:-|\s)?(?:times|fold)\b", re.I)
    return any(rx.search(f.text) for f in s.findings)


# (or in brackets right after a value: 平均[SD]年龄为59.8[15.3], 52.8 (11.8)岁)
_SPREAD_BEFORE = re.compile(r"(?:标准差|標準差|SD|sd|±)[^，。；;,\d]{0,4}$|\d[ \t]*[\[(（][ \t]*$")


def _told_as_spread(m: Mention, ctx: Context) -> bool:
    """Is the number told as a standard deviation (标准差为1.7, 52.8±11.8)?"""
    return _SPREAD_BEFORE.search(ctx.clause, max(0, m.start - ctx.clause_start - 8), max(0, m.start - ctx.clause_start)) is not None


def _bound_against_average(c: Cand) -> bool:
    """Is the paper's age a mean or median ("mean age at baseline 93 years")? An age the
    population is bounded by (80岁以上的老人) is not that, which lies past any such bound."""
    if c.finding is None or isinstance(c.value, list):
        return False
    # (the value as the abstract writes it: 75.0 for 75)
    value = re.escape(_fmt(c.value)) + (r"(?:\.0+)?" if float(c.value).is_integer() else "")
    return bool(re.search(r"(?:mean|median|average)\s+(?:[\w\[\]()]+\s+){0,3}?age\b[^.;\d]{0,30}" + value
                          + r"(?![\d.])|平均年龄[^。；\d]{0,8}" + value, c.finding.text, re.I))


def _supported(m: Mention, t: tuple, s: Summary) -> MentionVerdict:
    """The paper's value ``t`` (rel, dist, cand, value in the article's units) supports the
    number, unless it is 1 − an odds ratio told as a risk reduction beside the paper's own (FC115)."""
    _rel, _dist, c, pv = t
    risk = _risk_beside_odds(m, c)
    if risk is not None:
        return _mismatch(m, risk, s, "FC115")
    if _says_points(m) and _ratio_read_as_change(c):
        # 死亡风险增加了两个百分点 for HR 1.02 ("a 2% increase in risk"): a ratio is a relative
        # change, and percentage points are an absolute one
        return _mismatch(m, t, s, "FC109")
    return MentionVerdict(m.id, "supported", pv, c.finding.id if c.finding else None, rule="FC101",
                          args={"note": c.describe(s)})


def _says_points(m: Mention) -> bool:
    """The number is written in percentage points (个百分点, percentage points): an absolute change."""
    return "百分点" in m.surface or "百分點" in m.surface or "percentage point" in m.surface


def _ratio_read_as_change(c: Cand) -> bool:
    """A percent that is a ratio's relative change: read off it (HR 1.02 as 2%, a 1.4-fold risk
    as 40%), or written beside it ("a 2% increase in risk (HR 1.02)")."""
    if c.kind != "percent" or isinstance(c.value, list):
        return False
    head = (c.label or "").split(" ")[0]
    if head.endswith("-fold") or (head in RATIO_LABELS and " " in (c.label or "")):
        return True
    return c.finding is not None and any(
        v.kind == "ratio" and v.label in RATIO_LABELS and not isinstance(v.value, list)
        and abs(abs(float(v.value) - 1) * 100 - abs(float(c.value))) <= 0.5 for v in c.finding.values)


def _risk_beside_odds(m: Mention, c: Cand) -> Optional[tuple]:
    """降低32% read off an odds ratio (1 − 0.68) where the same result also gives the relative
    risk change (29%): odds are not risk, and the article's "risk reduction" is the paper's
    other number. Only where the paper states both, so nothing is recomputed."""
    if (c.label or "").split(" ")[0] != "OR" or m.kind != "percent" or c.finding is None:
        return None
    for v in c.finding.values:
        if v.label == "change" and v.unit == "%" and not isinstance(v.value, list) \
                and not _equal(m, abs(float(v.value)), v.qualifier):
            x = abs(float(v.value))
            return (0.0, 0, Cand(c.finding, x, "%", "percent", v.group, v.timepoint, "change"), x)
    return None


def _other_sex(group: Optional[str], named: Optional[str]) -> bool:
    """Is a draft's value the other sex's than the one the article's clause names?"""
    return group in SEX_GROUPS and named in SEX_GROUPS and group != named


def _draft_comparable(m: Mention, c: Cand, amount: bool = False) -> bool:
    """A draft's value a different number of the article can be held to: a rate, a ratio, a
    mean or a dose in the same unit, or the sample size against a sample size. Other counts
    and times in an abstract count too many different things (sites, events, weeks of a
    schedule) for a machine-read measure to say which one the article meant; ``amount``: the
    article's time is an amount a verb of change governs."""
    if amount:
        # a result's amount of time against the paper's (24 minutes less sleep), not its schedule
        # nor a window the outcome was counted over ("migraine days per 4 weeks"): a result's
        return c.kind == "duration" and not c.label and not isinstance(c.value, list) \
            and c.finding is not None and c.finding.direction is not None
    if _is_time(m) or m.kind in ("year_or_date", "pvalue", "interval", "range"):
        return False
    if m.kind == "count" or c.kind == "count":
        # (22位研究人员 against 153,078 deaths: counts a thousand times apart count different things)
        return m.kind == "count" and c.kind == "count" and m.unit == "person" == c.unit \
            and c.label in ("total", "n") and _same_order(m.value, c.value)
    if isinstance(c.value, (int, float)) and c.value < 0 < float(m.value if not isinstance(m.value, list) else 0):
        return False        # the paper's change (−1.8 kg) is not the article's level (88.2 kg)
    if not m.unit and m.kind not in ("percent", "multiplier", "ratio") and c.kind != "ratio":
        return False        # two bare numbers (35, 585): nothing says they measure the same thing
    if m.unit == "%" == c.unit and not isinstance(m.value, list) and not isinstance(c.value, list) \
            and not _same_order(m.value, c.value):
        return False        # 下降0.51% against a share of 9.43%: a misquoted rate is seldom ten times off
    return (m.unit or "") == (c.unit or "") or c.kind == "ratio" or c.label and " " in c.label


_CHANGE_EN = re.compile(r"\b(?:increas|decreas|reduc|lower|higher|declin|ris(?:e|ing)|rose|fell|drop|chang|gain|loss|less|more)",
                        re.I)


_ABSOLUTE_BEFORE = re.compile(r"(?<!relative )\b(?:difference|percentage points?)\b[^.;]{0,20}$", re.I)
_RISK_EN = re.compile(r"\b(?:risks?|hazards?|odds|likelihood|chances?|incidence)\b", re.I)


def _ratio_of(c: Cand) -> Optional[str]:
    """The paper's ratio a candidate stands for, as "HR 0.79": a ratio itself, or a ratio read
    as the relative change an article tells (21% lower); None for any other value."""
    if c.kind == "ratio" and c.label in _RATIO_LABELS:
        return f"{c.label} {_fmt(c.value)}"
    label = (c.label or "").split(" ")
    return c.label if c.kind == "percent" and len(label) == 2 and label[0] in _RATIO_LABELS else None


def _names_risk(m: Mention, ctx: Context) -> bool:
    """Is the number told of a risk: its clause, or its sentence before it, names one
    (风险降低30%; 可能性，是…的两倍)?"""
    return bool(_RISK_WORD.search(ctx.clause) or _RISK_WORD.search(ctx.sentence[:max(0, m.start - ctx.sentence_start)]))


def _change_against_level(m: Mention, ctx: Context, c: Cand) -> bool:
    """The article's number is a change (占比下降0.51%: ``ctx.change``) and the draft's value a
    level its sentence states no change of (accounting for 0.91%): two different quantities, so
    the one cannot misquote the other."""
    if m.unit != "%" or ctx.change is None or c.finding is None or c.kind == "ratio":
        return False
    if c.label and " " in c.label:
        return False        # a ratio read as a relative change (HR 0.77 as 23% lower)
    if _names_risk(m, ctx):
        # 风险降低9% against "a higher 5-year survival (weighted survival difference, 1.0%)": a
        # risk's relative change is held to what the paper says of a risk, never to another
        # quantity nor to an absolute difference
        if not _RISK_EN.search(c.finding.text):
            return True
        at = c.finding.text.find(_fmt(c.value)) if isinstance(c.value, (int, float)) else -1
        if at > 0 and _ABSOLUTE_BEFORE.search(c.finding.text, max(0, at - 40), at):
            return True
    if c.label in ("increase", "change"):
        return False        # the paper's change
    return not _CHANGE_EN.search(c.finding.text)


_RELATIVE_AFTER_EN = re.compile(r"\s*%\s*(?:\([^)]{0,40}\)\s*)?(?:lower|higher|greater|reduced|reduction|increased|"
                                r"increase|decreased|decrease|less|more|excess|elevated)\b", re.I)


def _level_against_change(m: Mention, ctx: Context, c: Cand) -> bool:
    """The article's percent is a level, a share of people (16.29%报告每天喝…, 超过65%的患者…达标),
    told with no change and of no risk, and the draft's percent a relative change ("a 32% lower
    risk of stroke"): two different quantities, so the one cannot misquote the other (the
    converse of ``_change_against_level``)."""
    if m.unit != "%" or c.unit != "%" or ctx.change is not None or c.finding is None \
            or not isinstance(c.value, (int, float)) or _names_risk(m, ctx):
        return False
    number = _fmt(c.value)
    text = c.finding.text
    at = text.find(number)
    return at >= 0 and bool(_RELATIVE_AFTER_EN.match(text, at + len(number)))


_PER_UNIT_EN = re.compile(r"^(?:[^.;]|\.(?=\d)){0,60}?\b(?:per|for each|for every|with each|with every)\s+(?!protocol\b)"
                          r"(?:each\s+|every\s+|one\s+|an?\s+)?(?:extra|additional|increase|increment|SD\b|standard|unit|"
                          r"\d+(?:\.\d+)?[- ]?[a-z%]|year|month|hour|day|cup|serving|point|kg|g\b)", re.I)
_PER_UNIT_ZH = re.compile(r"每(?:增加|多|减少|延长|延迟|推迟|升高|降低|提高|增长|上升|下降)?[一二两三四五六七八九十\d]")


def _per_unit_estimate(ctx: Context, c: Cand) -> bool:
    """The paper's ratio is per unit of its exposure (HR 0.968 "per each extra year of age at
    retirement") and the article's number is not (65歲退休比60歲低14%): a contrast of another
    size, which the per-unit ratio neither states nor contradicts."""
    if c.finding is None or not (c.kind == "ratio" or (c.label and " " in c.label)):
        return False
    if _PER_UNIT_ZH.search(ctx.clause) or _PER_UNIT_ZH.search(ctx.sentence):
        return False
    number = c.label.split(" ")[1] if c.label and " " in c.label else _fmt(c.value)
    text = c.finding.text
    at = text.find(number)
    return at >= 0 and bool(_PER_UNIT_EN.search(text[at + len(number):]))


def _same_order(a, b) -> bool:
    """Within a factor of ten of each other (a misquoted count is seldom further off)."""
    try:
        x, y = abs(float(a)), abs(float(b))
    except (TypeError, ValueError):
        return False
    return x > 0 and y > 0 and max(x, y) / min(x, y) <= 10


# a percent written in figures (44%, 82 percent), not in words (一半, 三成, 四分之一)
_IN_FIGURES = re.compile(r"\d\s*(?:%|％|per ?cent)")


def _distinctive(m: Mention) -> bool:
    """A number unlikely to match another of the paper's numbers by chance: not a small whole
    number (2, 3, 10%) without a unit that says what it counts."""
    if isinstance(m.value, list):
        return True
    try:
        x = abs(float(m.value))
    except (TypeError, ValueError):
        return False
    if m.decimals or x != int(x):
        return True
    if m.kind == "dose" and m.unit in ("mg", "g", "IU", "ug"):
        return x > 0        # 一克扑热息痛 for "acetaminophen 1g": an amount with its unit of mass
    if m.unit in ("person", "age", "mg", "g", "kg", "IU", "ug") or m.unit in _PLACE_UNITS or m.unit in TIME_UNITS:
        return x >= 2
    if m.kind == "multiplier":
        return x >= 2       # 5倍: an abstract states few ratios as large as a whole multiple
    return x > 10


def _drafted_time(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A time in an article checked against a draft: the abstract's drafted findings carry no
    time points, so any length or time the abstract states (a 12-month follow-up, 6 weeks of
    treatment) is what the article's time refers to."""
    vals = m.value if isinstance(m.value, list) else [m.value]
    for f in s.findings:        # the time points results were read at (At 48 weeks, over 12 years)
        for tp in [v.timepoint for v in f.values] + list(f.timepoints):
            p = _parse_tp(tp)
            if p and not isinstance(m.value, list):
                if _same_length(m, p[0], p[1]):
                    return MentionVerdict(m.id, "supported", p[0], f.id, rule="FC101",
                                          args={"note": {"timepoint": tp, "measure": f.measure}})
    for c in _usable(s)[0]:
        if c.unit not in TIME_UNITS or c.kind in ("date", "year_or_date") or c.label == "sd":
            continue        # (a spread, "6.4 (SD 4.7) years", is no length of time)
        pv = c.value if isinstance(c.value, list) else [c.value]
        if len(pv) != len(vals):
            continue
        if len(pv) == 1:
            same = _same_length(m, pv[0], c.unit)
        else:
            conv = [convert(float(x), c.unit, m.unit) for x in pv]
            same = None not in conv and all(abs(a - float(b)) <= tolerance(m) for a, b in zip(conv, vals))
        if same:
            return MentionVerdict(m.id, "supported", c.value, c.finding.id if c.finding else None, rule="FC101",
                                  args={"note": c.describe(s)})
    return _range_of_category(m, s) if isinstance(m.value, list) else None


# a clause that refers back to the figure of the clause before it (这一数字将增至1.53亿)
THIS_FIGURE = re.compile(r"(?:这一|这个|该|此|這一|這個)(?:数字|數字|数据|數據|比例|比率|人数|人數)")

# a news agency's dateline: the date its report was filed (9月1日电, 21日讯)
DATELINE = re.compile(r"[ \t]*(?:电|電|讯|訊)(?![视視话話影子脑腦台])")

# the day a medium (not a journal) reported the study: 10月26日报道, 9月1日，…对此进行了报道
REPORT_DATE = re.compile(r"[ \t]*(?:[,，][ \t]*)?(?:(?!杂志|雜誌|期刊|[Jj]ournal)[^，。,；;《]){0,24}?(?:报道|報道|报导|報導)")
# the day a statement was made or news given, with no year (5 月 28 日消息, 30日发布声明, 研究人员12日说;
# a dateline, 11日讯, and a medium's day of report, 28日报道, are DATELINE's and REPORT_DATE's); a
# page's own date (2024年2月23日 星期五, 时间:2025年07月03日 来源:, Last Updated on …, a date on a
# line of its own)
_NEWS_DAY = re.compile(r"[ \t]*(?:消息|发布声明|發布聲明|表示|称|稱|说|說|指出|宣布|援引)")
_STAMP_AFTER = re.compile(r"[ \t,，]*(?:[（(][ \t]*)?(?:星期|禮拜|礼拜|周[一二三四五六日天]|週[一二三四五六日天]|来源|來源|"
                          r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|\d{1,2}[:：]\d\d)")
_STORED_DATE_LABEL = re.compile(r"(?<![^\n])[ \t]*(?:date|Date|DATE)[ \t]*[:：]?[ \t]*$")
_STAMP_BEFORE = re.compile(r"(?:(?<!发表)(?<!發表)(?<!出版)(?<!刊登)(?<!刊出)(?<!上线)(?<!上線)(?<!在线)(?<!在線)"
                           r"(?:时间|時間|日期)[ \t]*[:：]|[Uu]pdated(?: on)?|[Pp]osted(?: on)?)[ \t]*$")


def _same_day(value: str, published: str) -> bool:
    """Is an article's date (2025-07-23, 7月23日 as --07-23, 23日 as ---23) the paper's day of
    publication as far as the article tells it?"""
    if value.startswith("---"):
        return len(published) == 10 and published[8:] == value[3:]
    if value.startswith("--"):
        return len(published) >= 7 and published[4:].startswith(value[1:])
    return published.startswith(value)


# a citation's year: (Jacka FN, et al. 2017), Smith等, 2019, Marino等人(2025年), (Topiwala等,《BMJ循证医学》,
# 2025), (Tie 等人, Nat Med 2025), J. Feng et al., Science (2018)
_CITED_BEFORE = re.compile(r"(?:et al\.?|等人?)[ \t]*(?:[,，][ \t]*(?:《[^》\n]{1,30}》|[A-Z][A-Za-z. ]{1,40}?))?"
                           r"[ \t]*[,，]?[ \t]*[(（]?[ \t]*$")
# a reference line's year, between the journal and its volume and pages (Neurology. 2014, 83:1699-704;
# JAMA. 2018;319(13):1351; World Journal of Urology (2025) 43:212; Scientific reports.2018. https…)
_REFERENCE_AFTER = re.compile(r"[ \t]*(?:[;；][ \t]*(?:\d|$)|[,，)）][ \t]*\d+[ \t]*(?:\(\d+\))?[ \t]*[:：][ \t]*[A-Za-z]?\d)")
_REFERENCE_BEFORE = re.compile(r"[A-Za-z]{2,}\.[ \t]*$")
_REFERENCE_END = re.compile(r"[ \t]*\.[ \t]*(?:https?:|doi|DOI|$)")


# a journal's year: 2024年《美国国家科学院院刊》上的一项研究, 《柳叶刀》2019年
_TITLE_AFTER = re.compile(r"[ \t]*(?:的|在|于|於)?[ \t]*《")
_TITLE_BEFORE = re.compile(r"》[ \t]*(?:杂志|雜誌|期刊)?[ \t]*(?:于|於|在)?[ \t]*$")


def _cited_year(m: Mention, ctx: Context) -> bool:
    """Is the year the one a citation gives its paper: after its authors ("et al.", 等人), in a
    reference line (between the journal and its volume), or against a journal's title?"""
    k, e = m.start - ctx.sentence_start, m.end - ctx.sentence_start
    return len(str(m.value)) == 4 and (_CITED_BEFORE.search(ctx.sentence, max(0, k - 60), k) is not None
                                       or _REFERENCE_AFTER.match(ctx.sentence, e) is not None
                                       or (_REFERENCE_BEFORE.search(ctx.sentence, max(0, k - 40), k) is not None
                                           and _REFERENCE_END.match(ctx.sentence, e) is not None)
                                       or _journals_year(m, ctx))


def _journals_year(m: Mention, ctx: Context) -> bool:
    """Is the year told right against the title of a journal in 《》 (2024年《美国国家科学院院刊》,
    《柳叶刀》2019年)? It dates the paper that journal carried: the paper the sentence is held to,
    since a sentence naming another journal's study is that study's (attribution)."""
    a, b = m.start - ctx.sentence_start, m.end - ctx.sentence_start
    return len(str(m.value)) == 4 and (_TITLE_AFTER.match(ctx.sentence, b) is not None
                                       or _TITLE_BEFORE.search(ctx.sentence, max(0, a - 10), a) is not None)


# the day a paper came out, told right before the word (9日出版的…, 25日在医学期刊《柳叶刀》上发表,
# 2021年1月20日，该研究发表在) or after it (刊登在2008年1月号的, 发表于2012年): no other number
# between, one comma at most
_PRINT_WORDS = r"发表|發表|出版|刊登|刊出|刊发|刊發|刊载|刊載|[Pp]ublished"
_PRINTED_AFTER = re.compile(rf"[ \t]*[,，]?(?!以前|之前|为止|為止|前|以来|以來)[^0-9,，。；;！？!?\n]{{0,30}}?"
                            rf"(?:{_PRINT_WORDS})[^,，。；;！？!?\n]{{0,16}}")
_PRINTED_BEFORE = re.compile(rf"(?:{_PRINT_WORDS})[ \t]*(?:于|於|在|:|：)?[ \t]*$")
# an online day may come before the issue's day the record gives: no contradiction of it
_ONLINE = re.compile(r"在线|在線|网络版|網絡版|网站|網站|上线|上線|online|Online|预印|預印")
# (5日发表新闻公报说: the day of a press release, not of the paper)
_PRESS_RELEASE = re.compile(r"新闻公报|新聞公報|公报|公報|新闻稿|新聞稿|声明|聲明|通报|通報")


def _the_day_of_print(m: Mention, ctx: Context) -> bool:
    """Is the date the day (or month) the paper came out, in print (not online, nor a date of
    the study, nor a year alone, which may be another paper's: 最早的研究发表于2012年)?"""
    if len(m.value) == 4:
        return False
    a, b = m.start - ctx.sentence_start, m.end - ctx.sentence_start
    after = _PRINTED_AFTER.match(ctx.sentence, b)
    if after is not None:
        return _ONLINE.search(ctx.sentence, b, after.end()) is None and "《" not in ctx.sentence[max(0, a - 1):a] \
            and _PRESS_RELEASE.search(ctx.sentence, b, after.end()) is None
    before = _PRINTED_BEFORE.search(ctx.sentence, max(0, a - 8), a)
    return before is not None and _ONLINE.search(ctx.sentence, max(0, a - 12), a) is None


def _online_before_print(value: str, records: list[str]) -> bool:
    """2025年4月23日 for a record dated by its issue, 2025 Jun 17: a day up to a year before
    every date of the record may be the day it came out online, which the record need not give."""
    def months(v: str, year: int) -> Optional[int]:
        parts = v.lstrip("-").split("-")
        if not v.startswith("--") and len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            return int(parts[0]) * 12 + int(parts[1])
        if v.startswith("--") and not v.startswith("---") and parts[0].isdigit():
            return year * 12 + int(parts[0])         # 4月23日: the record's year
        return None
    dated = [r for r in records if len(r) >= 7 and r[:4].isdigit() and r[5:7].isdigit()]
    if not dated:
        return False
    theirs = min(int(r[:4]) * 12 + int(r[5:7]) for r in dated)
    mine = months(value, int(dated[0][:4]))
    return mine is not None and 0 < theirs - mine <= 12


def _date_contradicts(value: str, record: str) -> bool:
    """Does an article's date (2008-01, --07-23 for 7月23日, ---09 for 9日) differ from a date of
    the paper's record (2007-02-10, 2007-07, 2007) in a part both give?"""
    if value.startswith("---"):
        return len(record) == 10 and record[8:] != value[3:]
    if value.startswith("--"):
        month, day = value[2:4], value[5:7]
        return (len(record) >= 7 and record[5:7] != month) or (len(record) == 10 and bool(day) and record[8:] != day)
    n = min(len(value), len(record))
    return n >= 4 and value[:n] != record[:n]


def _the_articles_day(m: Mention, norm: str, published: Optional[str]) -> bool:
    """A day the article dates itself or its sources by, not the study (and not the day the
    paper came out, which an article may give in the same words)."""
    v = m.value
    start = norm.rfind("\n", 0, m.start) + 1
    end = norm.find("\n", m.end)
    end = end if end >= 0 else len(norm)
    if (isinstance(v, str) and is_period(v)) or (isinstance(v, list) and all(
            isinstance(x, (int, float)) and 1900 <= x <= 2100 for x in v)):
        # © 2014-2024 上海东方报业有限公司: the page's (the mark beside the years, not anywhere on
        # a page whose text came as one line)
        beside = norm[max(start, m.start - 12):min(end, m.end + 24)]
        return any(w in beside for w in page_footer_words() + _COPYRIGHT_MARKS)
    if not isinstance(v, str) or (published and _same_day(v, published)):
        return False
    if _STORED_DATE_LABEL.search(norm, max(0, m.start - 8), m.start) is not None:
        return True         # date 2025-12-15 研究顯示…: the date a stored copy of the page heads it with
    if v.startswith("--"):
        return len(v) > 4 and _NEWS_DAY.match(norm, m.end) is not None
    if len(v) != 10:
        return False
    if _NUMERIC_DATE.fullmatch(m.surface.strip()) and norm.find("。", start, end) < 0 and (
            not norm[start:m.start].strip() or _SOURCE_BEFORE.search(norm, start, m.start)):
        return True         # 2025-12-09 梅斯内分泌 MedSci原创, 来源:科技日报 刘霞 2025-04-11: a byline's stamp
    return (_STAMP_AFTER.match(norm, m.end) is not None or _STAMP_BEFORE.search(norm, max(start, m.start - 16), m.start) is not None
            or not (norm[start:m.start].strip() or norm[m.end:end].strip()))


# a date in figures (2025-12-09, 2025/4/11), as pages stamp their posts, not as articles tell dates
_NUMERIC_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
# a byline's source before it on its line (来源:科技日报 刘霞 2025-04-11)
_SOURCE_BEFORE = re.compile(r"(?:来源|來源|作者|编辑|編輯|责编|責編)[ \t]*[:：][^。，,]{0,20}$")
# beside a copyright's years, besides a site footer's words (attribution.yaml page_footer:
# Copyright, 版权所有): the mark and the company holding it (© 2014-2024 …有限公司)
_COPYRIGHT_MARKS = ("©", "有限公司")


# a clock time right after a date (2022-12-05 09:25, 2009-3-29 15:01, 03/29 07:01): a page's stamp
_DATE_BEFORE_CLOCK = re.compile(r"(?:\d{1,2}[/月-]\d{1,2}日?|\d{4}年\d{1,2}月\d{1,2}日)[ \t]*$")


def _time_stamps(ms: list[Mention], norm: str) -> frozenset:
    """The ids of a sentence's clock times written right after a day of the year, and of those
    days: a page's stamp of posting or editing."""
    out = set()
    for i, x in enumerate(ms):
        if x.unit == "clock" and _DATE_BEFORE_CLOCK.search(norm, max(0, x.start - 12), x.start):
            out.add(x.id)
            if i and ms[i - 1].kind == "year_or_date" and not norm[ms[i - 1].end:x.start].strip():
                out.add(ms[i - 1].id)
    return frozenset(out)


# what a sentence about a study, its data or its people names (研究人员自1990年代初期即追踪,
# 分析了…在1990年代报告的饮食数据, 1940年代出生的女性): the words of whom a study took in and
# followed and of studies (_STUDIED, _OF_STUDIES), and of surveys, data and births
_OF_A_STUDY = re.compile("|".join((_STUDIED.pattern, _OF_STUDIES.pattern, r"调查|數據|数据|分析|出生")))


# a journal's impact factor told before its value (影响因子为74.7, IF: 21.4, IF约20)
IMPACT_BEFORE = re.compile(r"(?:影响因子|影響因子|(?<![A-Za-z])IF|[Ii]mpact [Ff]actor)[ \t]*(?:[:：=为為约約是][ \t]*)*$")

# the length of the study in the words around it (长达43年的随访, 历时15年的研究, 过去30多年中,
# 追踪…超过10年, 在13年间追踪): not any length (戒烟超五年, 服用超过10年的患者)
PERIOD_BEFORE = re.compile(r"(?:长达|历时|为期|持续|跨越|过去|追踪了?|跟踪了?|随访了?)[^，。,；;]{0,16}$")
# (or a change over it: 30年增长80%, 十年间上升)
PERIOD_AFTER = re.compile(r"\s*(?:多|来)?(?:的|之)?\s*(?:时间)?(?:随访|追踪|跟踪|研究|队列|数据|资料|观察|试验|间|中|里|当中|增长|增加|上升|下降|减少|翻)")


def _span_of_period(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """长达43年 for a cohort followed "(1980-2023)", 历时15年 for a trial run "From 2009 through
    2024": a length in years that is the span of a study period the abstract states, counted as
    a difference or in calendar years."""
    if m.unit != "year" or not isinstance(m.value, (int, float)):
        return None
    for span, v in period_spans(s):
        if _equal(m, span):
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
    return None


def _period_stated(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """2010年至2015年 for a study run "Between May 1, 2010, and April 1, 2015": the years of a
    period the abstract states in passing; 2050年 for a forecast "to 2050": a year it names;
    截至今年5月 for a search "to 30 May 2023": a month it names."""
    dated = [v for v in s.stated if v.unit == "date_named"]
    if dated and all(len(e) > 4 for e in m.value.split("/")):
        # 2023年9月19日至2023年11月15日 for "from September 19, 2023, to November 15, 2023": every
        # end a date the abstract names, to the day or the month the article gives
        said = [_named_date(e, dated) for e in m.value.split("/")]
        if all(said):
            return MentionVerdict(m.id, "supported", said[0].value, None, rule="FC101", args={"note": said[0].note})
        if any(date_parts(v.value)[0] == int(e[:4]) for e in m.value.split("/") if e[:2] != "--" for v in dated):
            return None         # 2019年4月 where the abstract dates that year "6 May 2019": not its year alone
    if m.value.startswith("--"):
        if len(m.value) != 4:
            return None         # 6月25日: a day of the year, which no month the abstract names states
        month = float(m.value[2:4])
        for v in s.stated:
            if v.unit == "month_named" and v.value == month:
                return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
        return None
    ends = [e[:4] for e in m.value.split("/")]
    if is_decade(m.value):
        # (a reader's rounding of the abstract's period, never a misquote of it)
        for v in s.stated:
            if v.unit == "period" and isinstance(v.value, list) and _starts_in(m.value, v.value[0]):
                return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
        return None
    if not _whole_years(m.value.split("/")):
        return None             # 2009年5月 where the abstract says 2009–2021: the month is the article's own
    for v in s.stated:
        years = [str(int(x)) for x in v.value] if v.unit == "period" and isinstance(v.value, list) else \
            [str(int(v.value))] if v.unit == "year_named" else []
        # (a year alone may be either end of a period, or a year the abstract names)
        if (len(ends) == 1 and ends[0] in years) or (len(ends) == 2 and ends == years):
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
    return _period_misquoted(m, ends, s) if len(ends) == 2 else None


def _period_misquoted(m: Mention, ends: list[str], s: Summary) -> Optional[MentionVerdict]:
    """1963年至2015年 for a study run "1965-2015": one end the paper's period has, the other a
    few years off and a year the abstract names nowhere: the same period, misquoted."""
    periods = [v for v in s.stated if v.unit == "period" and isinstance(v.value, list) and len(v.value) == 2]
    named = {str(int(x)) for v in s.stated if v.unit in ("period", "year_named")
             for x in (v.value if isinstance(v.value, list) else [v.value]) if not isinstance(x, str)}
    named |= {str(date_parts(v.value)[0]) for v in s.stated if v.unit == "date_named"}
    for v in periods:
        theirs = [str(int(x)) for x in v.value]
        same = [i for i in (0, 1) if ends[i] == theirs[i]]
        if len(same) != 1:
            continue
        i = 1 - same[0]
        if ends[i] not in named and 0 < abs(int(ends[i]) - int(theirs[i])) <= 10:
            return MentionVerdict(m.id, "mismatch", v.value, None, rule="FC102", args={"note": v.note})
    return None


def _whole_years(ends: list[str]) -> bool:
    """Whether an article's date or period says no more than its years: 2009年 or 2010年至2015年,
    or a period from January to December (2012年1月至2020年12月 is 2012–2020 in full); a month
    or day anywhere else (2009年5月, 截至2023年12月31日, 2006年1月1日至2020年8月31日) is a
    precision that a year alone in the abstract does not state."""
    if all(len(e) == 4 for e in ends):
        return True
    return len(ends) == 2 and ends[0][4:] in ("", "-01", "-01-01") and ends[1][4:] in ("", "-12", "-12-31")


def _named_date(end: str, dated: list[Value]) -> Optional[Value]:
    """The abstract's date that an article's date (2023-09-19, 2016-01, --05-31) names: the same
    year, month and day as far as the article gives them."""
    y, rest = (0, end[2:]) if end.startswith("--") else (int(end[:4]), end[5:])
    mo = int(rest[:2])
    d = int(rest[3:5]) if len(rest) >= 5 else 0
    for v in dated:
        vy, vmo, vd = date_parts(v.value)
        if vmo == mo and (y == 0 or vy == y) and (d == 0 or vd == d):
            return v
    return None


def _range_of_category(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A range of times (使用1-3年的人) whose two ends one drafted finding states as times: the
    abstract's category ("for 1 to less than 3 years"), which no parser reads as one range."""
    lo, hi = (float(x) for x in m.value)
    tol = tolerance(m)
    for f in s.findings:
        times = [convert(float(v.value), v.unit, m.unit) for v in f.values
                 if v.unit in TIME_UNITS and not isinstance(v.value, list)]
        if any(t is not None and abs(t - lo) <= tol for t in times) and \
                any(t is not None and abs(t - hi) <= tol for t in times):
            return MentionVerdict(m.id, "supported", [lo, hi], f.id, rule="FC101",
                                  args={"note": _clean_note(f.text)})
    return None


# how long the study ran, as an article states it (这一研究历时15年, 研究长达8年, 随访了10年)
STUDY_LENGTH = re.compile(r"(?:研究|试验|随访)[^，。,；;]{0,6}?(?:历时|长达|为期|持续|进行了|共)\s*$|(?:随访|追踪|跟踪)了?\s*$")
# the window an outcome is told over (10年内死亡机率增加84%, 在接下来的10年内死亡的可能性): the
# study's follow-up, as the article tells it
OUTCOME_WINDOW = re.compile(r"\s*(?:内|之内|里)[^，。,；;]{0,8}?(?:死亡|去世|发病|患病|罹患|风险|几率|机率|概率|可能性)"
                            # (3年期间，有504名妇女死亡: the years the deaths were counted over)
                            r"|\s*期间[^。；;]{0,12}?(?:死亡|去世|发病|患病|罹患)"
                            # (or the follow-up named after it: 在十年的追踪期间, 10年随访数据, 30年数据)
                            r"|\s*(?:的|之)?\s*(?:随访|追踪|跟踪)|\s*(?:的)?数据")


def _length_against_follow_up(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """The study's length as the article states it, held to the one follow-up a draft states
    (历时15年 against "During 22-24 years of follow-up"): another length is a mismatch."""
    fus = [c for c in _usable(s)[0] if c.label == "follow_up" and c.unit in TIME_UNITS]
    if len({str(c.value) for c in fus}) != 1 or isinstance(m.value, list):
        return None
    c = fus[0]
    ends = c.value if isinstance(c.value, list) else [c.value]
    conv = [convert(float(x), c.unit, m.unit) for x in ends]
    if None in conv:
        return None
    if min(conv) - tolerance(m) <= float(m.value) <= max(conv) + tolerance(m):
        return None         # within it: not this rule's to judge
    if float(m.value) == int(m.value) and any(int(x) == int(m.value) for x in conv):
        return None         # 长达20年 of a median 20.9 years: the whole years a reader counts
    other_times = [convert(float(c.value), c.unit, m.unit) for c in _usable(s)[0]
                   if c.label != "follow_up" and c.unit in TIME_UNITS and not isinstance(c.value, list)]
    if any(t is not None and _equal(m, t) for t in other_times):
        return None         # 12个月 where the abstract assesses "at 12 and 24 months": a time it states
    return MentionVerdict(m.id, "mismatch", c.value, c.finding.id if c.finding else None, rule="FC102",
                          args={"note": c.describe(s)})


def _proportion_as_percent(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """An abstract's proportion written as a decimal ("a 0.014 increased relative risk") that an
    article gives in percent (1.4%). Only decimals of three or more places with no ratio label:
    a hazard or odds ratio (0.61) is not a share."""
    if not isinstance(m.value, (int, float)):
        return None
    for f in s.findings:
        for v in f.values:
            if not isinstance(v.value, float) or not 0 < abs(v.value) < 1 or v.unit or v.kind == "ratio" \
                    or v.label in _RATIO_LABELS or v.label in AUX_LABELS or v.kind == "pvalue":
                continue
            places = len(f"{abs(v.value):.10f}".rstrip("0").split(".")[1])
            if places >= 3 and abs(abs(v.value) * 100 - float(m.value)) <= tolerance(m):
                return MentionVerdict(m.id, "supported", v.value, f.id, rule="FC101",
                                      args={"note": f"{_fmt(v.value)}（{_clean_note(f.text)}）"})
    return None


# half of the sample in words (一半, 半数): an even split, two arms or the sexes, is the share a
# writer tells of a count the abstract gives no percent for; other fractions in words (三分之一,
# 八成) matched a quotient of the abstract's counts by chance as often as by design
_HALF_WORD = re.compile(r"(?:一半|半数|半數)$")


def _share_of_counts(m: Mention, s: Summary) -> Optional[tuple[float, MentionVerdict]]:
    """(the count, the verdict) when ``m`` is the share a count the abstract states makes of its
    whole sample (67.3% for "Among these 11 037 cases, … 7430 were ischaemic strokes"), worked
    out as statcheck recomputes a statistic and printed beside it."""
    n = s.population.n
    if not n or (m.decimals < 1 and not _HALF_WORD.match(m.surface)) or not isinstance(m.value, (int, float)):
        return None         # (a whole percent is too coarse to name its count; 半数 is read so)
    for f in s.findings:
        for v in f.values:
            if not isinstance(v.value, float) or v.value != int(v.value) or not 0 < v.value < n \
                    or v.unit not in ("", "person") or v.kind not in ("count", "measurement"):
                continue
            share = 100 * v.value / n
            if abs(share - float(m.value)) <= tolerance(m):
                return v.value, MentionVerdict(m.id, "supported", round(share, 2), f.id, rule="FC101", args={
                    "note": f"{_fmt(v.value)}/{_fmt(float(n))} = {share:.1f}%（{_clean_note(f.text)}）"})
    return None


def _shares_of_the_sample(ms: list[Mention], mvs: list[MentionVerdict], s: Summary) -> list[MentionVerdict]:
    """Percents of one sentence, written to their decimals, that are each the share of another
    count the abstract states in its whole sample (67.3%, 5.8% and 26.7% of 11 037 cases): the
    abstract's counts told as shares. Two at least: one decimal percent agrees with some
    quotient of the abstract's counts by chance too often to stand alone."""
    found = {}
    for i, (m, mv) in enumerate(zip(ms, mvs)):
        if mv.verdict == "not_in_source" and m.kind == "percent" and m.unit == "%":
            hit = _share_of_counts(m, s)
            if hit is not None:
                found[i] = hit
    if len({count for count, _v in found.values()}) < 2:
        return mvs
    return [found[i][1] if i in found else mv for i, mv in enumerate(mvs)]


def _interval_of_its_value(ms: list[Mention], mvs: list[MentionVerdict], s: Summary, norm: str) -> list[MentionVerdict]:
    """An interval told right after a value the paper states (HR:0.77;95%CI:0.66-0.89), or
    misstates (HR:0.58 for 0.56), is that value's interval: where the paper gives that value
    another interval (0.66 to 0.90), the interval is misquoted, whatever else the abstract holds."""
    out = list(mvs)
    for i in range(1, len(ms)):
        m, mv, prev, pv = ms[i], mvs[i], ms[i - 1], mvs[i - 1]
        if m.kind != "interval" or mv.verdict != "not_in_source" or pv.verdict not in ("supported", "mismatch") \
                or not pv.finding_id \
                or not _VALUE_THEN_INTERVAL.fullmatch(norm, prev.end, m.start):
            continue
        value = pv.paper_value
        if not isinstance(value, (int, float)) or (pv.verdict == "mismatch" and not (
                isinstance(prev.value, (int, float)) and abs(float(prev.value) - value) <= 0.06 * abs(value))):
            continue        # only a near misquote (0.58 for 0.56) is told of the same estimate
        theirs = _interval_after(s, pv.finding_id, value)
        # (an interval that holds its value: not a cut copy's 0.54-0., nor a ratio's for a percent)
        if theirs is None or not min(theirs) <= value <= max(theirs) \
                or all(abs(float(a) - b) <= tolerance(m) for a, b in zip(m.value, theirs)):
            continue
        out[i] = MentionVerdict(m.id, "mismatch", theirs, pv.finding_id, rule="FC102",
                                args={"note": f"{_fmt(float(value))} ({_fmt(theirs[0])}-{_fmt(theirs[1])})"})
    return out


_VALUE_THEN_INTERVAL = re.compile(r"[\s,，;；:：(（]{0,6}")


def _interval_after(s: Summary, fid: str, value: float) -> Optional[list[float]]:
    """The interval the finding ``fid`` gives right after its value ``value`` (the finding's
    own ``ci`` is its first estimate's)."""
    f = next((f for f in s.findings if f.id == fid), None)
    if f is None:
        return None
    for k, v in enumerate(f.values):
        if isinstance(v.value, (int, float)) and abs(float(v.value) - value) < 1e-9:
            nxt = f.values[k + 1] if k + 1 < len(f.values) else None
            if nxt is not None and nxt.kind == "interval" and isinstance(nxt.value, list) and len(nxt.value) == 2 \
                    and all(isinstance(x, (int, float)) for x in nxt.value):
                return [float(x) for x in nxt.value]
            first = next((e for e in f.values if e.label not in AUX_LABELS
                          and e.kind in ("ratio", "percent", "measurement")), None)
            return [float(x) for x in f.ci] if f.ci and first is v else None
    return None


def _range_of_two_values(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A range whose ends are two percentages one finding of the draft states (风险增加23%至33%
    for cola 23% and non-cola 33%), or two of its ratios as relative changes (降低9%—13% for HRs
    0.91 and 0.87), or of multiples two of its ratios (2至4倍 for AORs 2.00 and 4.17, each end a
    whole multiple read to within 15% of its size): the article spans the paper's estimates, it
    adds none."""
    if not (isinstance(m.value, list) and len(m.value) == 2):
        return None
    lo, hi = (float(x) for x in m.value)
    tol = tolerance(m)
    times = m.unit == "x"
    for f in s.findings:
        ratios = [float(v.value) for v in f.values
                  if v.kind == "ratio" and v.label in _RATIO_LABELS and isinstance(v.value, (int, float))]
        # its rates, and the relative changes its ratios state (HRs 0.87 to 0.91: 9%—13% lower)
        said = ratios if times else _percents(f) + [round(abs(1 - r) * 100, 4) for r in ratios]
        if all(any(abs(x - end) <= (min(0.5, 0.15 * end) if times else tol) for x in said) for end in (lo, hi)):
            return MentionVerdict(m.id, "supported", [lo, hi], f.id, rule="FC101", args={"note": _clean_note(f.text)})
    return None


def _span_of_two_stated(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """50-70岁 for ages the paper follows "at age 50, 60, and 70", 18到32周 for use "at 18 weeks
    … and at 32 weeks": a span whose two ends are ages or times the draft states, in the same
    unit; the article spans what the paper studied."""
    if not (isinstance(m.value, list) and len(m.value) == 2):
        return None
    lo, hi = (float(x) for x in m.value)
    tol = tolerance(m)
    said: set[float] = set()
    for v in [v for f in s.findings for v in f.values] + list(s.stated):
        if isinstance(v.value, (int, float)) and v.kind not in ("pvalue", "year_or_date"):
            if m.unit == "age" and v.unit == "age":
                said.add(float(v.value))
            elif m.unit in TIME_UNITS and v.unit in TIME_UNITS:
                x = convert(float(v.value), v.unit, m.unit)
                if x is not None:
                    said.add(x)
    if any(abs(x - lo) <= tol for x in said) and any(abs(x - hi) <= tol for x in said):
        return MentionVerdict(m.id, "supported", [lo, hi], None, rule="FC101",
                              args={"note": f"{_fmt(lo)}, {_fmt(hi)}"})
    return None


_WRITTEN_DECIMALS = re.compile(r"[0-9][.．]([0-9]+)")


def _written_places(surface: str) -> int:
    """The decimal places the article wrote in digits: 0 for 半小时 or 1:1, whatever value and
    precision the parser gave them."""
    found = _WRITTEN_DECIMALS.search(surface)
    return len(found.group(1)) if found else 0


def _time_unit_slip(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A length converted into another unit and written with a third (68 weeks is 15.6 months;
    the article writes 15.6周): the recomputed value, as statcheck prints it, beside the paper's.
    Only a number with decimals: a whole number in another unit may be another length."""
    if not isinstance(m.value, float) or m.value == int(m.value) or m.unit not in TIME_UNITS \
            or not _written_places(m.surface):
        return None     # (半小时 is a word's half, not a converted length's decimals)
    lengths = [(c.value, c.unit, c.finding) for c in _usable(s)[0]
               if c.unit in TIME_UNITS and c.kind not in ("date", "year_or_date") and isinstance(c.value, (int, float))]
    lengths += [(v.value, v.unit, None) for v in s.stated if v.unit in TIME_UNITS and isinstance(v.value, (int, float))]
    for value, unit, f in lengths:
        for other in TIME_UNITS - {unit, m.unit}:
            conv = convert(float(value), unit, other)
            if conv is not None and abs(conv - m.value) <= tolerance(m):
                said = {"value": value, "unit": unit, "converted": [round(conv, 1), other]}
                return MentionVerdict(m.id, "mismatch", value, f.id if f else None, rule="FC114", args={"note": said})
    return None


def _ratio_read_backwards(m: Mention, s: Summary, change: str) -> Optional[MentionVerdict]:
    """A relative change that is the paper's ratio read the wrong way, as statcheck prints the
    recomputed value beside the reported one: 降低6% where the paper's only such ratio is HR 1.06
    (6% higher), or 降低64% for HR 0.64 (36% lower: the ratio taken for the change). Only a ratio
    the paper gives to two decimals that the number's digits spell exactly, and only where no
    ratio of the paper reads as the article's change: a number not in the paper otherwise.
    An increase of 100% or more that is the ratio itself times a hundred (增加近250% for HR 2.44,
    144% higher) is the ratio taken for the change, read as the article's qualifier reads it."""
    if not isinstance(m.value, (int, float)) or m.decimals or not 1 <= m.value:
        return None
    x = float(m.value) / 100
    ratios = [c for c in _usable(s)[0] if c.kind == "ratio" and c.label in RATIO_LABELS
              and isinstance(c.value, (int, float))]
    for c in ratios:
        told = _as_relative_change(c, change)
        if told is not None and (abs(told.value - m.value) < 0.5 or _equal(m, told.value)):
            return None         # a ratio of the paper reads as the article's change: not this rule's
    if m.value >= 100:
        taken = [c for c in ratios if change == "up" and float(c.value) >= 1.5 and _equal(m, round(float(c.value) * 100, 6))]
        if len(taken) != 1:
            return None
        c = taken[0]
        note = {**c.describe(s), "reads": (round((float(c.value) - 1) * 100, 6), "up")}
        return MentionVerdict(m.id, "mismatch", c.value, c.finding.id if c.finding else None, rule="FC116",
                              args={"note": note})
    backwards = 1 + x if change == "down" else 1 - x
    for c in ratios:
        r = float(c.value)
        if _two_places(r) and (abs(r - backwards) < 1e-9 or (change == "down" and abs(r - x) < 1e-9)):
            means = (round(abs(1 - r) * 100, 6), "down" if r < 1 else "up")
            note = {**c.describe(s), "reads": means}
            return MentionVerdict(m.id, "mismatch", c.value, c.finding.id if c.finding else None, rule="FC116",
                                  args={"note": note})
    return None


_COMPARES = re.compile(r"比(?!例|率|值|较|較)|[较較](?![高低大小多少长短])")


def _quotient_of_two_ratios(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A multiple that compares two exposures the paper compares each with the same reference
    (新药比老药风险高两倍 for "sixfold" and "threefold" against non-users): the quotient of two
    ratios one finding of the draft states, recomputed as statcheck recomputes a test. Only a
    finding of exactly two such ratios: among many, some quotient agrees by chance."""
    if not isinstance(m.value, (int, float)) or m.value < 1.2:
        return None
    for f in s.findings:
        xs = sorted({float(v.value) for v in f.values if isinstance(v.value, (int, float))
                     and (v.kind in ("ratio", "multiplier") or v.unit == "x") and v.value > 1})
        if len(xs) == 2 and _equal(m, xs[1] / xs[0]):
            return MentionVerdict(m.id, "supported", round(xs[1] / xs[0], 6), f.id, rule="FC101",
                                  args={"note": f"{_fmt(xs[1])} ÷ {_fmt(xs[0])}"})
    return None


def _interval_told(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A range or interval whose ends are the paper's confidence interval: told as it is, in
    brackets after its value with no label (94.3%(92.6%至95.7%)), the paper's interval; with a
    sign lost or added (95%CI -0.03~-0.35 for "95% CI, −0.03 to 0.35"), the paper's interval
    misquoted. Two ends written to decimals are too particular to agree by chance (an
    article's 1到3英里 and a paper's interval 1 to 3 are not one number); a sign slip is read
    only in what the article calls an interval."""
    if not isinstance(m.value, list) or len(m.value) != 2 or (m.kind != "interval" and not m.decimals):
        return None
    tol = tolerance(m)
    mine = [float(x) for x in m.value]
    for c in _usable(s)[0]:
        if c.kind != "interval" or c.finding is None or not isinstance(c.value, list) or len(c.value) != 2 \
                or not all(isinstance(x, (int, float)) for x in c.value):
            continue
        theirs = [float(x) for x in c.value]
        if all(abs(a - b) <= tol for a, b in zip(mine, theirs)):
            return MentionVerdict(m.id, "supported", theirs, c.finding.id, rule="FC101",
                                  args={"note": _clean_note(c.finding.text)})
        if m.kind == "interval" and all(abs(abs(a) - abs(b)) <= tol for a, b in zip(mine, theirs)) \
                and any(abs(b) > tol for b in theirs):
            return MentionVerdict(m.id, "mismatch", theirs, c.finding.id, rule="FC102",
                                  args={"note": _clean_note(c.finding.text)})
    return None


def _two_places(v: float) -> bool:
    """Is a ratio written with two decimals (1.06, 0.64), as an exact reading needs?"""
    return abs(round(float(v), 2) - float(v)) < 1e-9 and abs(round(float(v), 1) - float(v)) > 1e-9


def _stated_anywhere(x: float, s: Summary, tol: float, side: int = 0):
    """The finding and value of a draft that state this number (a point value, any unit, or an
    end of a range the draft states: "effects ranged from 0.16 to 0.32 units"). ``side``: the
    number is a bound (``_p_side`` of its qualifier), and only a value past it states it
    (超过17,000名 is no rounding of 16,827)."""
    def near(y: float) -> bool:
        return abs(y - x) <= tol and (y - x) * side >= -1e-9

    for f in s.findings:
        for v in f.values:
            if v.kind in ("date", "year_or_date", "pvalue") or v.label in AUX_LABELS:
                continue
            if isinstance(v.value, (int, float)) and near(float(v.value)):
                return f, v
            if v.kind == "range" and isinstance(v.value, list) and v.unit != "year" \
                    and any(near(float(e)) for e in v.value):
                return f, v
    return None


def _sum_of_counts(m: Mention, s: Summary) -> Optional[tuple[float, ...]]:
    """Two cohorts or arms told as one total (3306人 for 1157 + 2149 participants; 超过20万 for
    113 752 + 88 496; 1600多名 for three arms of 550, 549 and 553): the counts of people the
    draft holds, two at a time or all together, read as the article's number is read."""
    told = _people_counts(s)
    # (two counts a sentence states side by side, or two the draft holds as samples or arms: not
    # a part from one sentence and a whole from another, 515 + 2980 for 3500多名)
    where: dict[float, set] = {}
    for f in s.findings:
        for v in f.values:
            if _is_people_count(v) or (isinstance(v.value, (int, float)) and _shares_the_noun(v, f)):
                tags = where.setdefault(float(v.value), set())
                tags.add(f.id)
                if v.group or v.label in ("n", "total"):
                    tags.add("sample")
    counts = sorted(where)
    if 2 <= len(counts) <= 40:
        for i, a in enumerate(counts):
            for b in counts[i + 1:]:
                if where[a] & where[b] and _equal(m, a + b) and not _part_of(a, b, s):
                    return (a, b)
    # two arms of one size (65,414 users matched 1:1 with 65,414 controls), not the sample the
    # draft states twice (1000多名 for "953 young men", told in the methods and the results)
    for a, k in Counter(told).items():
        if k >= 2 and _equal(m, 2 * a) and a != s.population.n:
            return (a, a)
    # every arm of the trial, or every cohort one sentence lists, told as their total
    wholes = [sorted({float(v.value) for f in s.findings for v in f.values
                      if v.group and isinstance(v.value, (int, float)) and v.unit == "person"})]
    # (not a cut-off told in people's words: the 40 of "82 732 (over 40) patients")
    wholes += [sorted({float(v.value) for v in f.values if isinstance(v.value, (int, float)) and v.unit == "person"
                       and v.label != "threshold"})
               for f in s.findings]
    for parts in wholes:
        if 2 < len(parts) <= 40 and _equal(m, sum(parts)):
            return tuple(parts)
    return None


def _part_of(a: float, b: float, s: Summary) -> bool:
    """"1103 of 2980 patients": the first count is a part of the second, never added to it."""
    pat = re.compile(rf"\b{_fmt(a)}\s+(?:\(\S+\)\s+)?of\s+(?:the\s+|all\s+)?{_fmt(b)}\b")
    return any(pat.search(f.text.replace(",", "")) for f in s.findings)


def _people_counts(s: Summary) -> list[float]:
    """Every count of people the draft states (its samples, arms and cohorts), as often as it
    states each."""
    return [float(v.value) for f in s.findings for v in f.values if _is_people_count(v)]


def _is_people_count(v) -> bool:
    """A draft's count of people: a sample, an arm or a cohort (10 or more)."""
    return isinstance(v.value, (int, float)) and v.value >= 10 and (v.unit == "person" or v.label in ("n", "total"))


def _rest_of_the_sample(m: Mention, s: Summary) -> Optional[tuple[float, float]]:
    """经阴道顺产者971人 where the draft says "We included 1255 children" and "284 children …
    were delivered by caesarean section": the rest of the sample, its total less a part the
    draft counts (1255 − 284); (total, part), or None."""
    totals = {float(v.value) for f in s.findings for v in f.values
              if v.label == "total" and isinstance(v.value, (int, float))}
    parts = sorted(set(_people_counts(s)))
    for t in sorted(totals):
        for p in parts:
            if p < t and _equal(m, t - p):
                return t, p
    return None


def _shares_the_noun(v, f: Finding) -> bool:
    """"140,055 subjects in the 1998-1999 cohort and 146,328 in the 1999-2000 cohort": a bare
    whole number of a finding that counts people elsewhere shares their noun."""
    return (v.kind == "measurement" and not v.unit and float(v.value) >= 100 and float(v.value) == int(v.value)
            and any(x.unit == "person" and x.kind == "count" for x in f.values))


def _clean_note(text: str) -> str:
    return " ".join(text.split())[:90]


# where a study ran, or what it pooled: an abstract may name them with a noun no unit reads ("4
# national cohorts", "19 randomised placebo-controlled clinical trials")
_PLACE_UNITS = ("country", "site", "study", "database")
# units only few of an abstract's numbers are written in: one equal number there is the abstract's
_RARE_UNITS = frozenset({"cup", "serving", *_PLACE_UNITS})
# a day's dose an abstract states as a dose and its frequency (100 mg three times daily): the
# article's 每日300毫克 or 300 mg/day (the abstract's "daily" values are the only stated masses)
_DAILY_DOSE = {"mg": "mg", "g": "g", "ug": "ug", "mg/day": "mg", "ug/day": "ug"}
_STATED_UNITS = {"age", "dose_unit", "per_day", "per_week", "per_month", "per_year", "km", "mile", "allocation", "fraction",
                 "clock", *_PLACE_UNITS, *_DAILY_DOSE}


def _fraction_word(m: Mention) -> bool:
    """一半, 三分之一, 四分之一, 五分之一: a share an article may tell of a category of the
    sample, or in the abstract's own words ("less than half the rate": 一半)."""
    return m.unit == "%" and m.surface.startswith(("一半", "三分之一", "四分之一", "五分之一"))


def _per_before(norm: str, m: Mention, ms: list[Mention] = (), starts: list[int] = (),
                sentence_start: int = 0) -> Optional[str]:
    """The period (per_day, per_week …) the article gives the number over: its 每天/每周, or for a
    count of times (次, 回) the 每天 its clause opens with; or the period of a count in the same
    unit earlier in its sentence (一组每天走4000步以上，一组少于4000步: the second is a day's too;
    not a count under ten, 每天半杯啤酒和一杯啤酒, which a serving of any abstract is by chance)."""
    per = per_unit_before(norm, m.start, m.surface.endswith(("次", "回")))
    if per is None and m.kind == "count" and m.unit and isinstance(m.value, (int, float)) and m.value >= 10:
        for x in reversed(ms[bisect.bisect_left(starts, sentence_start):bisect.bisect_left(starts, m.start)]):
            if x.unit == m.unit and x.kind == "count":
                return per_unit_before(norm, x.start, x.surface.endswith(("次", "回")))
    return per


_PER_KINDS = frozenset({"count", "range", "measurement", "frequency"})
# the periods an abstract gives an amount over, in its words ("6-11 cups in the last year")
_PERIOD_EN = {"per_day": r"per day|a day|daily|each day|every day",
              "per_week": r"per week|a week|weekly|each week|every week",
              "per_month": r"per month|a month|monthly|each month|every month",
              "per_year": r"per year|a year|yearly|annually|each year|every year|in the (?:last|past|previous) (?:year|12 months)"}
_PERIOD_AFTER = re.compile(r"[^.;,()\d]{0,30}?\b(?:(?P<per_day>" + _PERIOD_EN["per_day"] + r")|(?P<per_week>"
                           + _PERIOD_EN["per_week"] + r")|(?P<per_month>" + _PERIOD_EN["per_month"] + r")|(?P<per_year>"
                           + _PERIOD_EN["per_year"] + r"))\b", re.I)


def _period_slip(m: Mention, mv: MentionVerdict, s: Summary, per: Optional[str]) -> Optional[MentionVerdict]:
    """An amount the article gives over one period (每月饮用6-11杯) that the paper's words give
    over another ("at least 6-11 cups in the last year"): the paper's number, misquoted (FC102).
    Only where the abstract names the period right after the number, and names no other."""
    if per is None:
        return None
    f = next((x for x in s.findings if x.id == mv.finding_id), None)
    if f is None:
        return None
    mine = m.value if isinstance(m.value, list) else [m.value]
    num = r"\s*(?:-|–|to)\s*".join(re.escape(_fmt(float(x))) for x in mine)
    for hit in re.finditer(r"(?<![\d.])" + num + r"(?![\d.])", f.text):
        after = _PERIOD_AFTER.match(f.text, hit.end())
        if after is None:
            continue
        theirs = after.lastgroup
        if theirs != per:
            return MentionVerdict(m.id, "mismatch", mv.paper_value, f.id, rule="FC102",
                                  args={"note": f.text[hit.start():after.end()]})
        return None
    return None


# a length told as the time a study covered: 历时24年, 在过去45年中, 20年期间, 在20年的时间里
# (not 五年存活率, 这两年, 两年内, 3年后: a rate's window, the writer's time, a deadline, a moment)
_SPAN_BEFORE = re.compile(r"(?:历时|歷時|横跨|橫跨|跨越|跨度|长达|長達|为期|為期|经过|經過|过去|過去|在|达|達)[约近]?\s*$")
_SPAN_AFTER = re.compile(r"^\s*(?:期间|期間|间|間|的时间|的時間|来|來|中|里|裡)")
_NOT_A_SPAN_AFTER = re.compile(r"^\s*(?:后|後|内|內|以后|以後|存活|生存|OS|的?(?:生存|存活|死亡|患病|发病|發病)率)")


def _span_of_a_period(m: Mention, s: Summary, norm: str) -> Optional[MentionVerdict]:
    """历时24年 for a study of "1986-2010", 在过去45年中 for deaths averted "from 1975 to 2020": a
    length in whole years, told as the time a study covered, that is the span of a period the
    abstract states (its end less its start: 2011-2014 is three years, not four)."""
    if m.unit != "year" or m.kind != "duration" or isinstance(m.value, list) or m.qualifier in _BELOW \
            or not float(m.value).is_integer() or m.value < 2:
        return None
    after = norm[m.end:m.end + 4]
    if _NOT_A_SPAN_AFTER.match(after) or not (_SPAN_BEFORE.search(norm, max(0, m.start - 6), m.start)
                                               or _SPAN_AFTER.match(after)):
        return None
    # (过去20年 for 2000-2021: a round number of years is read to the year)
    tol = max(tolerance(m), 1.0) if m.value >= 10 and not m.value % 10 else tolerance(m)
    for v in s.stated:
        if v.unit == "period" and isinstance(v.value, list) and len(v.value) == 2 \
                and all(isinstance(x, (int, float)) for x in v.value):
            lo, hi = (float(x) for x in v.value)
            if abs(float(m.value) - (hi - lo)) <= tol:
                return MentionVerdict(m.id, "supported", hi - lo, None, rule="FC101",
                                      args={"note": f"{_fmt(lo)}–{_fmt(hi)}"})
    return None


def _stated(m: Mention, s: Summary, per: Optional[str] = None) -> Optional[MentionVerdict]:
    """A descriptive number (a length, an age, a dose count, a schedule) that the abstract states
    in passing (``Summary.stated``: "weeks 4 and 12", "aged 40 to 79 years", "two doses", "once
    weekly"; a count under 每天/每周, ``per``, as a schedule: 每天喝一罐): the article's number
    is the paper's, whichever sentence it stands in. Only ever
    turns "not in the paper" into "supported"; a mismatch is decided by the findings alone."""
    if m.kind == "pvalue":
        return _stated_p(m, s)
    unit = m.unit
    if isinstance(m.value, list) and len(m.value) == 2 and unit not in TIME_UNITS:
        ranged = _stated_range(m, s)
        if ranged is not None:
            return ranged
    if per is not None and m.kind in ("count", "measurement", "frequency", "range") and unit not in TIME_UNITS:
        unit = per
    if _fraction_word(m):
        unit = "fraction"           # 最高的三分之一 for the top third (tertile) of a sample
    if unit not in TIME_UNITS and unit not in _STATED_UNITS:
        return None
    mine = m.value if isinstance(m.value, list) else [m.value]
    if not all(isinstance(x, (int, float)) for x in mine):
        return None
    tol = tolerance(m)
    for v in s.stated:
        theirs = v.value if isinstance(v.value, list) else [v.value]
        cut_off = False
        within: Optional[float] = None      # a length in another unit is read to 15%, not half a unit
        if unit == "age" and len(mine) == 1 and len(theirs) == 2 and float(mine[0]) % 10 == 0 \
                and v.unit in ("age", "year", "range") and theirs[0] == mine[0] and theirs[1] == mine[0] + 9:
            # 在40岁时戒烟 for "quitting between ages 40-49": the decade of life the abstract bands by
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
        if len(theirs) != len(mine):
            continue
        if unit == "age" and v.unit == "year" and v.qualifier in _BOUNDS:
            # 47岁前绝经 for "early menopause (<47 years)": an age's cut-off the abstract writes in
            # years; the group on its other side (不早于47岁) is named by the same cut-off
            conv, cut_off = [float(x) for x in theirs], True
        elif m.unit in TIME_UNITS:
            if v.unit not in TIME_UNITS:
                continue
            conv = [convert(float(x), v.unit, m.unit) for x in theirs]
            if v.unit != m.unit and len(mine) == 1:
                within = _Converted.within(float(mine[0]), tol)      # weighed as the paper wrote it
        elif unit == "clock" == v.unit:
            # 9点前 with no part of the day named may be 9 pm: the hour on either half of the clock
            # (to the minute: 8:30 is no 9 o'clock)
            conv = [float(x) - 12 if float(x) >= 12 and float(y) < 12 else float(x) for x, y in zip(theirs, mine)]
            tol = 1e-6
        elif unit in _DAILY_DOSE:
            if v.label != "daily" or v.unit != _DAILY_DOSE[unit]:
                continue
            conv = [float(x) for x in theirs]
        elif v.unit == unit or (unit in _PLACE_UNITS and v.unit == "count"):
            conv = [float(x) for x in theirs]
        elif v.unit in _STATED_UNITS and unit in _STATED_UNITS:
            conv = [convert(float(x), v.unit, unit) for x in theirs]      # 1 mile ↔ 1.6 公里
        else:
            continue
        if None not in conv and all(abs(a - float(b)) <= (tol if within is None else within) for a, b in zip(conv, mine)):
            if _opposite_bounds(m.qualifier, v.qualifier) and not cut_off:
                # 戒烟超过五年 for "within five years": the same number on the other side of it
                return MentionVerdict(m.id, "mismatch", v.value, None, rule="FC102", args={"note": v.note})
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
    return None


def _stated_p(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A P value the abstract writes somewhere with the same sign (P<0.001 for P<0.001, P=0.02
    for P=0.02): a drafted finding keeps one P value, the abstract may give several."""
    if not isinstance(m.value, (int, float)):
        return None
    for v in s.stated:
        if v.unit == "p" and abs(float(v.value) - float(m.value)) < 1e-9 \
                and (v.qualifier or None) == (m.qualifier or None):
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
    return None


# a count of a study's groups, categories or doses: 5组, 3類, 3种, 3个组
_GROUP_COUNT = re.compile(r"(?:组|組|类|類|种|種|档|檔)$")


def _counts_stated(ms, summ: Optional[Summary], stext: str = "") -> list[tuple[Mention, MentionVerdict]]:
    """Prose counts (三个指标, 两款疫苗) that a drafted abstract states ("three biological
    metrics", "two vaccines"): reported as supported (the others are not in the paper where the
    article is about that one paper, ``judge_article``). The arms a sentence says the study was
    split into (随机分为两组) are the trial's arms."""
    if not ms or summ is None or summ.curated:
        return []
    return [(m, v) for m in ms if (v := _count_stated(m, summ, stext)) is not None]


def _count_stated(m: Mention, summ: Summary, stext: str) -> Optional[MentionVerdict]:
    """One count of things (两款, 5组) against the draft: the trial's arms where the sentence
    tells them, else any count the draft states; None where it states none."""
    arms = _arms_told(m, stext, summ)
    if arms is not None:
        return arms
    if m.surface.endswith(("组", "組")) and isinstance(m.value, (int, float)) and len(summ.groups) >= 2 \
            and float(m.value) == len(summ.groups):
        # 两组 in a trial whose abstract compares two named groups (the Tetris intervention and
        # the attention-placebo control): the study's groups, counted
        names = " / ".join(str(n[0]) if n else k for k, n in summ.groups.items())
        return MentionVerdict(m.id, "supported", float(len(summ.groups)), None, rule="FC101", args={"note": names})
    if m.surface.endswith(("组", "組")) and m.value == 2 and len(summ.groups) < 2 \
            and not any(v.label == "arms" for v in summ.stated) and (compared := _compares(summ)) \
            and not describes_arms(stext):
        # 两组之间没有显著差异 where the abstract compares users with non-users, exposed with a
        # reference: the two groups it compares (a trial of more arms states them, above; 分为两组
        # tells how the study split its people, which an abstract that names no arms does not say)
        return MentionVerdict(m.id, "supported", 2.0, None, rule="FC101", args={"note": compared})
    v = next((v for v in summ.stated if v.unit == "count" and isinstance(m.value, (int, float))
              and float(v.value) == float(m.value)), None)
    if v is None and m.surface.endswith(_CATEGORY_WORDS) and isinstance(m.value, (int, float)) \
            and float(m.value) in (3.0, 4.0, 5.0):
        # 分为四组 where the abstract compares quartiles of intake: the categories, counted
        v = next((v for v in summ.stated if v.unit == "fraction" and abs(float(v.value) * float(m.value) - 100) < 0.01
                  and _QUANTILES.search(v.note or "")), None)
        if v is not None:
            return MentionVerdict(m.id, "supported", float(m.value), None, rule="FC101", args={"note": v.note})
    if v is None and isinstance(m.value, (int, float)) and float(m.value) >= 100:
        # 两千两百六十个(肝癌病人) for "2260 cases": a count of hundreds or more that the draft
        # states to the unit is its count, whatever the classifier (not chance at that size)
        c = next((c for c in _usable(summ)[0] if c.kind == "count" and not isinstance(c.value, list)
                  and float(c.value) == float(m.value)), None)
        if c is not None:
            return MentionVerdict(m.id, "supported", float(c.value), c.finding.id if c.finding else None,
                                  rule="FC101", args={"note": c.describe(summ)})
    return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note}) if v else None


_CATEGORY_WORDS = ("组", "組", "类", "類", "档", "檔")
# the words by which an abstract compares one group with another
_COMPARISON = re.compile(r"\b(?:(?i:versus|vs\.?|compared (?:with|to)|in comparison (?:with|to)|relative to|than (?:those|the|"
                         r"in|among|with|non\w*)|(?:hazard|odds|risk|rate) ratios?|placebo|control (?:group|arm)s?)|HRs?|ORs?|RRs?)\b")


def _build_comparison(s: Summary) -> str:
    """The abstract's first words that compare two groups ("compared with", "HR"), or ""."""
    m = next((x for f in s.findings if (x := _COMPARISON.search(f.text))), None)
    return m.group(0) if m else ""


_compares = ObjectCache(_build_comparison)
_QUANTILES = re.compile(r"tertile|quartile|quintile", re.I)


def _arms_told(m: Mention, stext: str, s: Summary) -> Optional[MentionVerdict]:
    """随机分为两组 where the abstract randomised to "aerobic exercise or one of four tai chi
    interventions" (five arms), 分为三组 for a 2 × 2 factorial trial (four): the number of arms
    is a fact of the design the abstract states; a different one is a mismatch."""
    if not (m.surface.endswith(("组", "組")) and isinstance(m.value, (int, float)) and describes_arms(stext)):
        return None
    arms = next((v for v in s.stated if v.label == "arms"), None)
    if arms is None:
        return None
    if abs(float(arms.value) - float(m.value)) < 1e-9:
        return MentionVerdict(m.id, "supported", arms.value, None, rule="FC101", args={"note": arms.note})
    return MentionVerdict(m.id, "mismatch", arms.value, None, rule="FC102", args={"note": arms.note})


def _fmt_pv(x) -> str:
    return str(float(x)) if isinstance(x, (int, float)) else str(x)


def _alone(s: Summary, fid: Optional[str], pv: str) -> bool:
    """The finding states no other value in that value's unit (no value per arm)."""
    f = s.finding(fid)
    if f is None:
        return True
    units = {x.unit for x in f.values if _fmt_pv(x.value) == pv}
    same = [x for x in f.values if x.unit in units and x.label not in AUX_LABELS and x.kind != "pvalue"]
    return len(same) <= 1


def _all_told(s: Summary, fid: Optional[str], told: set) -> bool:
    """Other numbers of the sentence tell every value the finding states (33%, 40% and 23% for
    normal, mild and moderate hearing): a number beyond them (4% severe) is a category the
    abstract does not give, not a misquote of one of those values."""
    f = s.finding(fid)
    if f is None:
        return False
    mine = {pv for k, pv in told if k == fid}
    vals = [x for x in f.values if x.label not in AUX_LABELS and x.kind != "pvalue"]
    # (the values in the unit of those told: the shares, not the counts beside them)
    units = {x.unit for x in vals if _fmt_pv(x.value) in mine}
    if units:
        vals = [x for x in vals if x.unit in units]
    return 0 < len(vals) <= len(mine)


def _not_in_paper(v: MentionVerdict) -> MentionVerdict:
    """A verdict the article-wide reading turns into "not in the paper" (its note kept): what the
    later passes conclude of a mismatch that was a detail the abstract does not give."""
    return MentionVerdict(v.mention_id, "not_in_source", None, None, rule="FC103", args=v.args)


def _one_value_many_numbers(mvs: list[MentionVerdict], s: Summary) -> list[MentionVerdict]:
    """Several different numbers of one sentence (each group's 7.4%, 9.0%, 17.2%) held as
    mismatches of the one value a draft's finding states (its overall 74.1%): the article gives
    details the abstract does not, it does not misquote that one value; not in the paper, each
    of them. (A finding with a value per arm may be misquoted arm by arm: left alone.)
    Nor is a value another number of the sentence states, when the sentence tells all the
    finding's values (see ``_all_told``)."""
    held: dict = {}
    told = set()
    for v in mvs:
        if v.verdict == "mismatch" and v.rule == "FC102":
            held.setdefault((v.finding_id, _fmt_pv(v.paper_value)), []).append(v)
        elif v.verdict == "supported" and v.finding_id is not None and v.paper_value is not None:
            told.add((v.finding_id, _fmt_pv(v.paper_value)))
    bad = {id(v) for (fid, pv), vs in held.items()
           if (len(vs) >= 2 and _alone(s, fid, pv)) or ((fid, pv) in told and _all_told(s, fid, told)) for v in vs}
    if not bad:
        return mvs
    return [_not_in_paper(v) if id(v) in bad else v for v in mvs]


_ESTIMATES = ("multiplier", "ratio", "percent")


def _details_beside_told(ms: list[Mention], mvs: list[MentionVerdict]) -> list[MentionVerdict]:
    """分别增加1.96倍、1.923倍、2.43倍: a sentence that lists three estimates or more, some of them
    the paper's, copies a table of subgroups; one that matches no value it could be read
    against is a cell the abstract does not give, not a misquote of another cell (a draft: the
    paper's values of other subgroups are no value of this one). Slips (a digit off, two
    swapped) and near misses (29.4% for 29.3%, 36% for 34%: within a tenth) stay mismatches."""
    est = [i for i, m in enumerate(ms) if m.kind in _ESTIMATES]
    if len(est) < 3 or not any(mvs[i].verdict == "supported" for i in est):
        return mvs
    out = list(mvs)
    for i in est:
        if out[i].verdict == "mismatch" and out[i].rule == "FC102" and not _near_miss(ms[i], out[i].paper_value):
            out[i] = _not_in_paper(out[i])
    return out


def _item_of_a_finding_told(mvs: list[MentionVerdict]) -> list[MentionVerdict]:
    """0-4分、4.5-7.5分、8分、8.5-9.5分和10分 for "five groups: 0–4, 4.5–7.5, 8, 8.5–9.5, and 10": a
    number the paper gives for another measure (FC111) is that finding's own where its neighbour
    in the sentence and one more of its numbers are that finding's values too; alone, 8 is too
    common a number to be the paper's by chance, beside them it is the sentence's account of
    the one finding."""
    out = list(mvs)
    for i, v in enumerate(mvs):
        if v.rule != "FC111" or v.finding_id is None:
            continue
        same = [j for j, w in enumerate(mvs) if j != i and w.verdict == "supported" and w.finding_id == v.finding_id]
        if len(same) >= 2 and (i - 1 in same or i + 1 in same):
            out[i] = MentionVerdict(v.mention_id, "supported", None, v.finding_id, rule="FC101", args=v.args)
    return out


def _near_miss(m: Mention, pv: Any) -> bool:
    """The article's number within a tenth of the paper's value it is held to (29.4% for 29.3%)."""
    gap = _gap(m, pv)
    return gap is not None and gap[0] <= 0.1 * gap[1]


_PERCENT_CI = re.compile(r"(\d+(?:\.\d+)?)\s*%?\s*(?:to|–|-|~)\s*(\d+(?:\.\d+)?)\s*%")


def _ratio_beside_its_percent(ms: list[Mention], mvs: list[MentionVerdict], s: Summary) -> list[MentionVerdict]:
    """降低了10%(HR=0.90, 95% CI: 0.83~0.98) where the abstract writes only "a 10% (95% CI 2% to
    17%) lower rate": the ratio and its interval restate the percent the paper gives beside them
    (0.90 = 1 − 10%; 0.83~0.98 = 1 − 17% … 1 − 2%). Only beside a percent of this sentence that
    the paper supports, and only in that percent's finding."""
    by_mention = {v.mention_id: v for v in mvs}
    found = {f.id: f for f in s.findings}
    anchors = [(float(m.value), found.get(by_mention[m.id].finding_id)) for m in ms
               if m.kind == "percent" and not isinstance(m.value, list)
               and by_mention[m.id].verdict == "supported" and by_mention[m.id].finding_id in found]
    if not anchors:
        return mvs
    out = []
    for m, v in zip(ms, mvs):
        if v.verdict == "not_in_source" and m.kind in ("ratio", "interval"):
            for pct, f in anchors:
                hit = _restates(m, pct, f)
                if hit is not None:
                    v = MentionVerdict(m.id, "supported", hit, f.id, rule="FC101", args={"note": _clean_note(f.text)})
                    break
        out.append(v)
    return out


@lru_cache(maxsize=256)
def _category_estimate(lo: str, hi: str) -> re.Pattern:
    """The category lo–hi as an abstract writes it (2 to 3, 51st-70th), then the estimate after a
    colon, an equals sign or a ratio's name, not a signed difference ("45 to 54 years (-3.77" is
    no ratio of that age band)."""
    ends = rf"(?<![\d.]){re.escape(lo)}(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*{re.escape(hi)}(?:st|nd|rd|th)?(?![\d.])"
    return re.compile(ends + r"[^;\d]{0,40}?(?:[:=]|\b[a-zA-Z]{0,2}(?:HR|OR|RR)\b)[^;\d\-−–]{0,8}?"
                      r"(?<![\d.\-−])(\d\.\d\d)(?![\d.])")


def _estimate_of_category(lo: float, hi: float, s: Summary) -> Optional[tuple[Finding, float, str]]:
    """The one estimate a draft lists under the category lo–hi ("50-70th: HR = 1.29; 70-90th:
    1.39; and 90-100th: 1.53", "2 to 3 cups/d: 0.83 [95% CI: 0.72–0.95]"): the two ends, then,
    before any other number and within a few words (a colon, "HR ="), a ratio written to two
    decimals; (finding, ratio, the words from the category to the ratio), or None when no finding,
    or more than one value, follows it."""
    pat = _category_estimate(_fmt(lo), _fmt(hi))
    found = [(f, float(m.group(1)), " ".join(m.group(0).split())) for f in s.findings for m in pat.finditer(f.text or "")]
    return found[0] if found and len({v for _f, v, _w in found}) == 1 else None


def _ratio_of_its_category(ms: list[Mention], mvs: list[MentionVerdict], s: Summary, norm: str,
                           sentence_start: int) -> list[MentionVerdict]:
    """每天喝两到三杯咖啡，罹患风险降低22%—23% where the abstract lists "2 to 3 cups/d: 0.83":
    a change in a risk told after a category the paper supports (a range, 2到3杯, 90-100%) is held
    to the estimate the abstract lists under that category, as a reader converts it (HR 0.83 =
    17% lower): that value supports it or it is misquoted. Only a change the matching found in
    no finding (not in the paper), and only the nearest category before it."""
    by_mention = {v.mention_id: v for v in mvs}
    cats = [m for m in ms if m.kind == "range" and isinstance(m.value, list) and len(m.value) == 2
            and by_mention[m.id].verdict == "supported"]
    if not cats:
        return mvs
    out = []
    for m, v in zip(ms, mvs):
        change = change_of(norm, m, sentence_start) if v.verdict == "not_in_source" and m.unit == "%" \
            and m.kind in ("percent", "range") else None
        before = [c for c in cats if c.end <= m.start] if change else []
        hit = _estimate_of_category(float(before[-1].value[0]), float(before[-1].value[1]), s) if before else None
        if hit is not None:
            f, r, written = hit
            told = [float(x) for x in (m.value if isinstance(m.value, list) else [m.value])]
            said = round((r - 1) * 100 if change == "up" else (1 - r) * 100, 4)
            tol = tolerance(m)
            right = (told[0] - tol <= said <= told[-1] + tol) if said > 0 else False
            # (the ratio as the change it means, beside the abstract's words: 17%（2 to 3 cups/d: 0.83）)
            note = {"value": round(abs(r - 1) * 100, 1), "unit": "%", "kind": "percent", "qualifier": None,
                    "where": [written]}
            v = MentionVerdict(m.id, "supported" if right else "mismatch", said, f.id,
                               rule="FC101" if right else "FC102", args={"note": note})
        out.append(v)
    return out


# the group a share is of is named by a negation (非电子烟使用者(76%), 未接种者, 没有吸烟的人)
_NEGATED_GROUP = re.compile(r"(?:非|未|从未|從未|没有|沒有|不)[^，,。；;、：:]{0,10}$")


def _shares_of_one_whole(ms: list[Mention], mvs: list[MentionVerdict], s: Summary, norm: str,
                         sentence_start: int) -> list[MentionVerdict]:
    """Shares of one population that the abstract gives all but one of (statcheck's recomputed
    value: the article's number is printed beside the paper's arithmetic). 22%剖腹产, 78%顺产 for
    "22.3% were born by cesarean delivery": the two shares of one whole sum to 100%, and the one
    the paper supports vouches for the other; 非使用者(76%) for "ever use was reported by 24.0%":
    the share of those who are not, 100% − 24.0%. Shares only: a percent told as a change
    (降低30%) is never part of a whole."""
    idx = [i for i, m in enumerate(ms) if m.kind == "percent" and m.unit == "%"
           and isinstance(m.value, (int, float)) and not m.qualifier
           and change_of(norm, m, sentence_start) is None]
    if not idx:
        return mvs
    out = list(mvs)
    ok = lambda i: out[i].verdict == "supported"
    shares = sorted({float(v.value) for f in s.findings for v in f.values
                     if v.unit == "%" and v.kind == "percent" and isinstance(v.value, (int, float))})
    for i in idx:
        m = ms[i]
        if ok(i) or out[i].verdict not in ("not_in_source", "mismatch") \
                or not _NEGATED_GROUP.search(norm, max(sentence_start, m.start - 12), m.start):
            continue
        for x in shares:
            if abs(100 - x - float(m.value)) <= tolerance(m):
                out[i] = MentionVerdict(m.id, "supported", round(100 - x, 4), None, rule="FC101",
                                        args={"note": f"100% − {_fmt(x)}%"})
                break
    if 2 <= len(idx) <= 6:
        # one subset of the sentence's shares that makes up the whole, all of it supported but one
        for size in range(len(idx), 1, -1):
            for sub in itertools.combinations(idx, size):
                rest = [i for i in sub if not ok(i)]
                if len(rest) != 1 or out[rest[0]].verdict not in ("not_in_source", "mismatch"):
                    continue
                j = rest[0]
                # (each supported share read to half a point of its figure, not to its own reading:
                # 1/3 for 33% is 33 here, not the 30-37 a fraction may stand for)
                slack = tolerance(ms[j]) + sum(0.5 * 10 ** -max(0, ms[i].decimals) for i in sub if i != j)
                if abs(sum(float(ms[i].value) for i in sub) - 100) <= slack:
                    others = [float(out[i].paper_value) if isinstance(out[i].paper_value, (int, float))
                              else float(ms[i].value) for i in sub if i != j]
                    out[j] = MentionVerdict(ms[j].id, "supported", round(100 - sum(others), 4), None, rule="FC101",
                                            args={"note": "100% − " + " − ".join(f"{_fmt(x)}%" for x in others)})
    return out


# a count of people and, in brackets, the share of the sample it is: 10,051名(2.8%), 679人(或25%)
# (the people named between: 54961名参与者(12%))
_SHARE_OF_COUNT_BETWEEN = re.compile(r"\s*[\u4e00-\u9fff]{0,4}\s*[（(]\s*(?:或|约|約|即|占|佔)?(?:比|比例)?(?:为|為)?\s*$")


def _share_of_its_count(ms: list[Mention], mvs: list[MentionVerdict], norm: str, s: Summary) -> list[MentionVerdict]:
    """A percent in brackets after a count of people is that count's share of the sample: its
    measure is the count's, so another percent of the paper (a risk 40% lower) is not what it
    misquotes. Where the paper states the count and its sample, the share is recomputed as
    statcheck recomputes a statistic and printed beside it (247571人(占比52%) for 247,571 of
    472,377, 52.4%): the article's share is supported within its rounding, a mismatch within
    three points of it (205382人(44%) for 205,385 of 472,377, 43.5%); otherwise, as without the
    paper's count, a number the paper does not give."""
    out = list(mvs)
    n = s.population.n
    for i in range(1, len(ms)):
        m, c = ms[i], ms[i - 1]
        if not (m.kind == "percent" and c.kind == "count" and c.unit == "person"
                and out[i].verdict in ("mismatch", "not_in_source")
                and _SHARE_OF_COUNT_BETWEEN.fullmatch(norm, c.end, m.start)):
            continue
        count = out[i - 1].paper_value if out[i - 1].verdict in ("supported", "mismatch") else None
        if n and isinstance(count, (int, float)) and 0 < count < n and isinstance(m.value, (int, float)):
            share = 100 * float(count) / n
            note = f"{_fmt(float(count))}/{_fmt(float(n))} = {share:.1f}%"
            if _equal(m, round(share, 6)):
                out[i] = MentionVerdict(m.id, "supported", round(share, 2), out[i - 1].finding_id, rule="FC101",
                                        args={"note": note})
                continue
            if abs(share - float(m.value)) <= 3:
                out[i] = MentionVerdict(m.id, "mismatch", round(share, 2), out[i - 1].finding_id, rule="FC102",
                                        args={"note": note})
                continue
        if out[i].verdict == "mismatch":
            out[i] = _not_in_paper(out[i])
    return out


def _multiple_of_its_ratios(ms: list[Mention], mvs: list[MentionVerdict]) -> list[MentionVerdict]:
    """…(OR 1.81)、…(OR 2.06)和…(OR 1.78)的几率大约是…的两倍: a multiple that sums up the
    ratios its own sentence quotes, which the paper supports, restates them; it is not another
    finding's mismatch."""
    ratios = [(float(v.paper_value), v) for m, v in zip(ms, mvs) if v.verdict == "supported"
              and m.kind in ("ratio", "measurement") and not m.unit and isinstance(v.paper_value, (int, float))
              and 1 < float(v.paper_value) < 20]
    if not ratios:
        return mvs
    out = []
    for m, v in zip(ms, mvs):
        if m.kind == "multiplier" and v.verdict in ("mismatch", "not_in_source") and isinstance(m.value, (int, float)):
            b = _plus_one(m) if _folds(m) and m.value <= 1 else m
            x = float(b.value)
            hit = [(r, w) for r, w in ratios if (_within_bounds(b, r, 1e-9) if b.bounds else abs(r - x) <= tolerance(m))]
            if hit:
                r, w = min(hit, key=lambda t: abs(t[0] - x))
                v = MentionVerdict(m.id, "supported", r, w.finding_id, rule="FC101", args=w.args)
        out.append(v)
    return out


def _next_time_point(ms: list[Mention], mvs: list[MentionVerdict], s: Summary, sentence_start: int,
                     cuts: tuple[int, ...]) -> list[MentionVerdict]:
    """在第18周…超过半数…,到第32周的时候则有40%: the sentence quotes one value of a finding the
    paper supports (53% at 18 weeks) and goes on to the same measure at another time point its
    clause names (32周): the paper's value there (42%) is the one the number is held to. A
    mismatch only where the finding gives exactly one value in that unit at that time."""
    found = {f.id: f for f in s.findings}
    anchors = {(v.finding_id, m.unit) for m, v in zip(ms, mvs)
               if v.verdict == "supported" and v.finding_id in found and m.kind == "percent"}
    if not anchors:
        return mvs
    times = [m for m in ms if _is_time(m) and isinstance(m.value, (int, float))]
    out = list(mvs)
    for i, (m, v) in enumerate(zip(ms, mvs)):
        if v.verdict != "not_in_source" or v.rule != "FC103" or m.kind != "percent" or m.qualifier \
                or not isinstance(m.value, (int, float)):
            continue
        cs, ce = clause_at(cuts, m.start - sentence_start)
        named = [t for t in times if cs <= t.start - sentence_start < ce and t.start < m.start]
        if len(named) != 1:
            continue
        t = named[0]
        for fid, unit in anchors:
            if unit != m.unit:
                continue
            at = [x for x in found[fid].values if x.unit == m.unit and x.kind == "percent"
                  and isinstance(x.value, (int, float)) and _at_time(x.timepoint, t)]
            if len(at) == 1 and not _equal(m, float(at[0].value), at[0].qualifier):
                out[i] = MentionVerdict(m.id, "mismatch", at[0].value, fid, rule="FC102",
                                        args={"note": _clean_note(found[fid].text)})
                break
    return out


def _at_time(tp: Optional[str], t: Mention) -> bool:
    """Is the paper's time point ``tp`` ("32 weeks") the time the article names (32周)?"""
    parsed = _parse_tp(tp)
    x = convert(parsed[0], parsed[1], t.unit) if parsed else None
    return x is not None and abs(x - float(t.value)) < 1e-6


def _restates(m: Mention, pct: float, f: Finding) -> Optional[Any]:
    """The ratio (1 ± pct/100) or its interval (from the finding's own percent interval), if the
    mention states it; else None."""
    near = lambda a, b: abs(a - b) <= 0.0051
    if m.kind == "ratio" and not isinstance(m.value, list):
        x = float(m.value)
        return x if near(x, 1 - pct / 100) or near(x, 1 + pct / 100) else None
    if m.kind == "interval" and isinstance(m.value, list) and len(m.value) == 2:
        lo, hi = (float(y) for y in m.value)
        bounds = [tuple(numbers_of(x)) for x in f.values if x.unit == "%" and isinstance(x.value, list)]
        bounds += [(float(a), float(b)) for a, b in _PERCENT_CI.findall(f.text)]
        for a, b in bounds:
            if (near(lo, 1 - b / 100) and near(hi, 1 - a / 100)) or (near(lo, 1 + a / 100) and near(hi, 1 + b / 100)):
                return [lo, hi]
    return None


def _percents(f: Finding) -> list[float]:
    """A finding's percentages (its rates, not the ends of a CI or a threshold)."""
    return [float(v.value) for v in f.values if v.unit == "%" and isinstance(v.value, (int, float))
            and v.label not in AUX_LABELS]


def _difference_of_two(m: Mention, s: Summary, values_of, unit: str) -> Optional[MentionVerdict]:
    """A difference the abstract does not write but states the two sides of, in one finding
    (``values_of(f)``: its numbers in the article's unit, in groups of the values that may be
    compared), recomputed as statcheck recomputes a test: the article's number is supported when
    two of one group differ by it."""
    if not isinstance(m.value, (int, float)):
        return None
    tol = tolerance(m)
    for f in s.findings:
        for xs in values_of(f):
            for i, a in enumerate(xs):
                for b in xs[i + 1:]:
                    if abs(abs(a - b) - abs(float(m.value))) <= tol:
                        return MentionVerdict(m.id, "supported", round(abs(a - b), 4), f.id, rule="FC101",
                                              args={"note": f"{_fmt(max(a, b))}{unit} − {_fmt(min(a, b))}{unit}"})
    return None


def _points_between(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """"相差6.5个百分点": the two percentages of one finding (20.2% and 13.7%) it lies between."""
    return _difference_of_two(m, s, lambda f: [_percents(f)], "%")


# a length gained or lost between two arms (高出安慰剂组3.7个月, 延长了4.2个月, 相差2年)
_TIME_GAINED = re.compile(r"(?:高出|多出|多了|长了|短了|延长了?|缩短了?|相差|差距为?|增加了?|减少了?)[^，。；;\d]{0,8}$")


def _time_between(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """"中位无进展生存期为11.7个月,高出安慰剂组3.7个月": the two arms' times of one finding (11.7
    and 8.0 months) it lies between."""
    def times(f: Finding) -> list[list[float]]:
        # (only times the abstract writes in one unit: two arms' 11.7 and 8.0 months; "a one-hour
        # increase" of an exposure and "24 minutes" of sleep are no two sides of one difference)
        by_unit: dict[str, list[float]] = {}
        for v in f.values:
            if v.unit in TIME_UNITS and isinstance(v.value, (int, float)) and v.label not in AUX_LABELS:
                x = convert(float(v.value), v.unit, m.unit)
                if x is not None:
                    by_unit.setdefault(v.unit, []).append(x)
        return list(by_unit.values())
    return _difference_of_two(m, s, times, "")


def _stated_range(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A range of the article (25-75 ml/min, 15-39岁) whose two ends the abstract writes as a
    range: two numbers agreeing by chance is unlikely enough to call it the abstract's."""
    lo, hi = (float(x) for x in m.value)
    tol = tolerance(m)
    for v in s.stated:
        if v.unit in ("range", "year", "age") and isinstance(v.value, list) and len(v.value) == 2 \
                and abs(float(v.value[0]) - lo) <= tol and abs(float(v.value[1]) - hi) <= tol \
                and (v.unit == "range" or m.unit in ("age", "year")):
            return MentionVerdict(m.id, "supported", v.value, None, rule="FC101", args={"note": v.note})
    return None


def _opposite_bounds(mine: Optional[str], theirs: Optional[str]) -> bool:
    up, down = ("more_than", "at_least"), ("less_than", "at_most")
    return (mine in up and theirs in down) or (mine in down and theirs in up)


def _points_confusion(m: Mention, ctx: Context, s: Summary, scored) -> Optional[MentionVerdict]:
    """A finding with a baseline and an end value in % (HbA1c 9.02% → 7.52%): the change is 1.50
    percentage points, or 16.6% relative. An article that gives one as the other is FC109."""
    if m.unit != "%" or not isinstance(m.value, (int, float)):
        return None
    says_points = _says_points(m)
    for rel, dist, c, pv in scored:
        if rel < 2.0 or c.label != "baseline" or c.unit != "%" or isinstance(c.value, list):
            continue
        if ctx.group and c.group and c.group != ctx.group:
            continue
        end = next((t[2] for t in scored if t[2].finding is c.finding and t[2].group == c.group
                    and t[2].label not in ("baseline", "sd", "p") and t[2].unit == "%"
                    and not isinstance(t[2].value, list)), None)
        if end is None or not c.value:
            continue
        points = abs(float(c.value) - float(end.value))
        relative = points / float(c.value) * 100
        tol = tolerance(m)
        x = float(m.value)
        if (says_points and abs(x - relative) <= tol) or (not says_points and abs(x - relative) <= tol
                                                          and abs(x - points) > tol):
            note = (f"{_fmt(round(points, 2))}个百分点（{_fmt(c.value)}%→{_fmt(end.value)}%），"
                    f"相对降幅{_fmt(round(relative, 1))}%")
            return MentionVerdict(m.id, "mismatch", round(points, 4), c.finding.id if c.finding else None,
                                  rule="FC109", args={"note": note})
    return None


def _judge_visit(m: Mention, s: Summary, cands: list[Cand]) -> MentionVerdict:
    """"完成了6个月随访": a follow-up visit of the study (either end of its follow-up values)."""
    if not s.curated:
        drafted = _drafted_time(m, s)
        if drafted is not None:
            return drafted
    for c in cands:
        if c.label != "follow_up" or c.unit not in TIME_UNITS:
            continue
        for x in _as_list(c.value):
            if _same_length(m, x, c.unit):
                return MentionVerdict(m.id, "supported", x, c.finding.id if c.finding else None, rule="FC101",
                                      args={"note": c.describe(s)})
    return MentionVerdict(m.id, "not_in_source", None, None, rule="FC103")


def _judge_timepoint(m: Mention, ctx: Context, s: Summary,
                     rel_cache: dict, segment: list) -> MentionVerdict:
    """"48周时 HbA1c下降…": supported when a finding named in the text this time point governs
    was observed at that time; otherwise not in the source (a time point is never a mismatch)."""
    seg_ctx = Context(ctx.segment or ctx.clause, ctx.sentence, "", ctx.group, ctx.clause_start)
    # the findings named in that text (relevance 2), in the paper's order
    occ, _pos = _near(s, seg_ctx, rel_cache, None)
    naming = _term_index(s)[2]
    named = {id(f) for t in occ for f in naming.get(t, ())}
    best: list[tuple[float, Finding]] = [(2.0, f) for f in s.findings if id(f) in named and _has_results(f)]
    if not best:
        # "随访第32周时，干细胞组有20%的患者达到这一终点": the measure was named in the sentence, or
        # in the previous one when this one names none
        best = [(1.0, f) for f in s.findings
                if _has_results(f) and _sentence_relevance(f, s, ctx, rel_cache) >= 1.0]
    points = []
    for _r, f in best:
        tps = [v.timepoint for v in f.values] + list(f.timepoints)
        for tp in tps:
            p = _parse_tp(tp)
            if p:
                points.append((p, f))
    vals = m.value if isinstance(m.value, list) else [m.value]
    for (val, unit), f in points:
        if _same_length(m, val, unit):
            return MentionVerdict(m.id, "supported", val, f.id, rule="FC101",
                                  args={"note": {"timepoint": [val, unit], "measure": f.measure}})
    # the result this time point governs is the paper's value at another time point: wrong time point
    for (val, unit), f in points:
        for v in f.values:
            if _parse_tp(v.timepoint) != (val, unit) or isinstance(v.value, list):
                continue
            if any(isinstance(x.value, (int, float)) and abs(float(x.value) - float(v.value)) <= tolerance(x)
                   and (x.unit or "") == (v.unit or "") for x in segment):
                return MentionVerdict(m.id, "mismatch", val, f.id, rule="FC112",
                                      args={"note": {"timepoint": [val, unit], "measure": f.measure}})
    held = [{"timepoint": list(p), "measure": measure} for p, measure in {(p, f.measure): 0 for p, f in points}]
    return MentionVerdict(m.id, "not_in_source", None, None, rule="FC103",
                          args={"note": {"held": held}} if held else None)


def _has_results(f: Finding) -> bool:
    """Not the study's length: that is no time point of a result."""
    return not any(v.label == "follow_up" and v.unit in TIME_UNITS for v in f.values)


def _is_cut_off(c: Cand) -> bool:
    return c.label == "threshold" or c.kind == "threshold"


def _same_bound(m: Mention, c: Cand) -> bool:
    """Both are cut-offs on the same side (至少30% and the paper's ≥50%)."""
    side = _p_side(m.qualifier)
    return bool(side) and c.kind != "pvalue" and _is_cut_off(c) and side == _p_side(c.qualifier)


def _span_of_estimates(m: Mention, scored: list) -> Optional[MentionVerdict]:
    """A range told as the span of one finding's estimates (see step 1a), or None."""
    if not (isinstance(m.value, list) and len(m.value) == 2 and m.unit in ("", "%")):
        return None
    lo, hi = sorted(float(x) for x in m.value)
    tol = tolerance(m)
    # (ends written to two decimals or more are too distinctive to agree by chance: any finding)
    floor = 0.0 if (m.decimals or 0) >= 2 else 1.0
    for f in {id(t[2].finding): t[2].finding for t in scored if t[0] >= floor and t[2].finding}.values():
        vals = [float(v.value) for v in f.values if isinstance(v.value, (int, float)) and not isinstance(v.value, bool)
                and v.kind in ("ratio", "percent", "measurement") and (v.unit or "") == m.unit
                and v.label not in ("ci", "sd", "threshold", "n", "total")]
        if len(set(vals)) >= 2 and abs(min(vals) - lo) <= tol and abs(max(vals) - hi) <= tol:
            return MentionVerdict(m.id, "supported", [min(vals), max(vals)], f.id, rule="FC101",
                                  args={"note": _clean_note(f.text)})
    return None


def _same_kind_of_number(m: Mention, c: Cand) -> bool:
    """A mismatch needs the two numbers to be the same sort of thing (a rate vs a rate)."""
    if m.kind == "pvalue" or c.kind == "pvalue":
        return m.kind == c.kind
    if _same_bound(m, c):
        return True
    if m.kind == "threshold" or _is_cut_off(c):
        return m.kind == "threshold" and _is_cut_off(c)
    if c.label in ("n",) or c.kind == "count" or m.kind == "count":
        return m.kind == "count" and c.kind == "count"
    if m.kind == "percent" and c.kind not in ("percent",):
        return False
    if m.kind == "measurement" and c.kind not in ("measurement",):
        return False
    if m.kind in ("range",) and not isinstance(c.value, list):
        return False
    return True


def _another_step(m: Mention, m_eff: Mention, c: Cand, mine: list, s: Summary) -> MentionVerdict:
    """A draft's value ``c`` twice or half the article's number: another step of the paper's
    scale (per 50 g for 100克, 8-year-olds for 4岁) or another of its estimates (HR 0.78 for
    降低44%), not that number misquoted: reporters slip by a digit, by rounding or by the arm,
    not by a factor of two (46 of 49 such calls on every part's drafts were numbers not in the
    abstract). Not in the paper, the value shown; but a time is held to its measure's other value
    where there is one (半小时 for "24 minutes", not for the "one-hour increase" beside it: an
    exposure's step and an outcome's amount). ``mine``: the measure's scored values."""
    if _is_time(m):
        other = [t for t in mine if isinstance(t[3], float) and not _double_or_half(m_eff, t[3])]
        if other:
            return _mismatch(m, min(other, key=lambda t: abs(t[3] - float(m_eff.value))), s, "FC102")
    return MentionVerdict(m.id, "not_in_source", None, None, rule="FC103", args={"note": {"held": [c.describe(s)]}})


def _double_or_half(m: Mention, pv: Any) -> bool:
    """Is the article's number twice or half the paper's value (FC106's slip)?"""
    if not isinstance(pv, float) or not pv or not isinstance(m.value, (int, float)):
        return False
    ratio = float(m.value) / pv
    return abs(ratio - 2) < 0.05 or abs(ratio - 0.5) < 0.0125


def _mismatch(m: Mention, t, s: Summary, rule: str) -> MentionVerdict:
    c, pv = t[-2], t[-1]
    return MentionVerdict(m.id, "mismatch", pv, c.finding.id if c.finding else None, rule=rule,
                          args={"note": c.describe(s)})


# ---------------------------------------------------------------- claims

def _ref_label(article: Article, idx: Optional[int], s: Optional[Summary]) -> str:
    if idx is None:
        return ""
    if s:
        return f"[{idx}] {_author_year(s)}".strip()
    ref = next((r for r in article.references if r.index == idx), None)
    return f"[{idx}] {(ref.title or ref.raw)[:40] if ref else ''}".strip()


def _build_author_year(s: Summary) -> str:
    """"Zhang 2023" (a Latin name's last word) or "陈慧 2025": how a claim names its paper."""
    first = s.authors[0].split()[-1] if s.authors and not re.search(r"[\u4e00-\u9fff]", s.authors[0]) else (
        s.authors[0] if s.authors else s.id)
    return f"{first} {s.year or ''}"


_author_year = ObjectCache(_build_author_year)


def judge_article(article: Article, sentences: list[Sentence], mentions: list[Mention],
                  attributions: dict[int, Attribution], store: Store, config: Config) -> list[Claim]:
    """One claim per sentence that carries checkable numbers. (Long: one loop over the sentences
    that threads what earlier sentences decided, a restated number's first verdict and the
    per-clause caches, through the per-number judgement.)"""
    checkable = by_sentence([m for m in mentions if m.checkable], sentences)
    # 三个指标, 两款疫苗: a count in words is prose, unless a drafted abstract states it (below)
    prose = by_sentence([m for m in mentions if m.reason == "prose_count"], sentences)
    norm = article.norm or article.text
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.group_id:
            groups.setdefault(m.group_id, []).append(m)
    refs = {r.index: r for r in article.references}
    rel_cache: dict = {}
    clause_general: dict[int, bool] = {}     # by clause start: one search per clause, not per number

    def general_at(a: int, b: int) -> bool:
        if a not in clause_general:
            clause_general[a] = general_cue(norm[a:b])
        return clause_general[a]

    only_idx = the_one_paper(article)
    only_summ = store.get(refs[only_idx].summary_id) if only_idx in refs else None
    if only_summ is not None and (only_summ.curated or not only_summ.available):
        only_summ = None
    first_seen: dict[tuple, tuple[MentionVerdict, Optional[int]]] = {}
    pending: list[tuple] = []       # each claim's parts, until the article-wide pass has run
    for k in sorted(set(checkable) | set(prose)):
        s = sentences[k]
        att = attributions.get(k) or Attribution(None, "none")
        ms = checkable.get(k, [])
        ref_idx = att.reference
        summ = store.get(refs[ref_idx].summary_id) if ref_idx in refs else None
        stext = norm[s.start:s.end]
        counted = _counts_stated(prose.get(k, ()), summ, stext)
        # (in an article about one drafted paper, the other prose counts are claims too: 三种疫苗,
        # 四种癌症 that the abstract does not state are not in it, or background)
        joined = list(prose.get(k, ())) if only_summ is not None else [m for m, _v in counted]
        loose = {id(m) for m in joined} - {id(m) for m, _v in counted} if joined else frozenset()
        if joined:
            ms = sorted(list(ms) + joined, key=lambda x: x.start)
        if not ms:
            continue
        prev_text = _previous_measure_sentence(norm, sentences, k)
        cuts = clause_cuts(s.text)             # once for all the sentence's numbers
        first_clause = stext[:cuts[1]]
        sentence_general = (general_cue(first_clause) and not _reports_the_study(stext, att)) or (
            summ is not None and _counts_a_population(stext, ms, summ))
        # 以往人们认为…，但近日…发表的一项荟萃分析显示，几乎1/3…: what was believed, then the
        # study's finding, whose numbers the general opening does not make background
        but = _BUT_FINDING.search(stext, len(first_clause)) if sentence_general and att.reference is not None else None
        general_to = s.start + but.start() if but else s.end
        # 一项研究发现，在全世界范围内每年有超过500万人…: what follows the verb is the study's
        # finding, however general its clause sounds
        # 研究人员在论文中介绍,来自美国疾控中心…的数据表明,在60岁及以上人群中…: the paper's own
        # account, whatever sources it names after
        in_paper = att.reference is not None and _in_the_paper(first_clause)
        reported = in_paper or (att.reference is not None and reports_finding(first_clause))
        # 随机分为两组，一组…，坚持24周: each arm's clause is the protocol, not advice
        arm_cue: Optional[bool] = None    # describes_arms(stext), read only where a clause looks general
        after_report: Optional[dict] = None   # _clauses_after_a_report, read only past the first clause
        owned: Optional[bool] = None          # a number of the sentence is the paper's own, read where one sounds general
        times = [x for x in ms if _is_time(x)]
        # the page's numbers a sentence may hold: a dateline (9月1日电), an impact factor (IF=14.8)
        impact = "因子" in stext or "IF" in stext or "mpact" in stext
        page_marks = impact or "电" in stext or "讯" in stext or "電" in stext or "訊" in stext
        # a media report's day (据…网站10月26日报道) and a page's time stamp (2009-3-29 15:01)
        reported_on = "报" in stext or "報" in stext
        stamped = _time_stamps(ms, norm) if ":" in stext else ()
        figure_back = ("数" in stext or "數" in stext or "比" in stext) and THIS_FIGURE.search(stext) is not None
        ms_starts = [x.start for x in ms]
        time_starts = [x.start for x in times]
        mvs: list[MentionVerdict] = []
        said = {id(m): v for m, v in counted}
        for m in ms:
            if id(m) in said:
                mvs.append(said[id(m)])
                continue
            key = (m.kind, m.unit, str(m.value))
            cs, ce = (s.start + c for c in clause_at(cuts, m.start - s.start))
            earlier = first_seen.get(key)
            general = general_at(cs, ce)
            told = reported
            if general and cs > s.start and not reported:
                if arm_cue is None:
                    arm_cue = att.reference is not None and describes_arms(stext)
                # (…及其同事通过分析777名老年人证明，坚持3年每天补充1克…: a clause after the
                # verb that reports the finding is that finding, however general it sounds)
                told = arm_cue or (att.reference is not None and finding_follows(norm[s.start:cs]))
            background = (sentence_general and m.start < general_to) or (general and not (told and cs > s.start))
            if figure_back and not background and cs > s.start and THIS_FIGURE.search(norm, cs, ce):
                # …全球有超过5500万人患有痴呆症，预计到2050年这一数字将增至1.53亿: the figure
                # referred back to is the previous clause's, and its source with it
                ps, pe = (s.start + c for c in clause_at(cuts, cs - s.start - 1))
                background = ps < cs and general_at(ps, pe)
            if not background and cs > s.start and not in_paper:
                # …世界卫生组织发布的数据显现，我国现在只有30%的…: the clause after a background
                # source's verb of report is that source's statement
                if after_report is None:
                    after_report = _clauses_after_a_report(s.start, stext, cuts, norm)
                source = after_report.get(cs)
                background = source is not None and general_at(source, cs)
            if page_marks and ((m.kind == "year_or_date" and DATELINE.match(norm, m.end)) or (impact and (
                    m.surface.startswith("IF") or IMPACT_BEFORE.search(norm, max(s.start, m.start - 12), m.start)))):
                # 新华社华盛顿9月1日电: the day the report was filed; (IF=14.8), 影响因子25.9: the
                # journal's standing; neither is the study's
                background = True
            elif (reported_on and m.kind == "year_or_date" and REPORT_DATE.match(norm, m.end, s.end)
                  and not (summ is not None and m.value == summ.published)) or m.id in stamped:
                # 据美国"健康日"网站10月26日报道, 9月1日，Psychiatric Times对此进行了报道: the day a
                # medium reported it (not a journal's day of publication); 2022-12-05 09:25, 03/29
                # 07:01: a page's time stamp, as no study dates its numbers to the minute
                background = True
            elif m.kind in ("year_or_date", "range") and _the_articles_day(m, norm, summ.published if summ is not None else None):
                background = True
            elif background and not sentence_general and summ is not None and summ is only_summ:
                # 研究团队估计…全球约有220万…病例(约占9.8%): a clause after the study's own that sounds
                # general but holds a figure only the paper states is the paper's account, and its
                # other numbers with it (not a sentence general from its start: 据统计…)
                if owned is None:
                    owned = any(_the_papers_own(x, summ) is not None for x in ms)
                background = not owned
            if background:
                mv = _unattributed(m, only_summ)
            elif earlier and earlier[1] is not None and earlier[1] != ref_idx and att.how in (
                    "carried", "none", "topic", "single_reference"):
                # a restated number keeps the verdict of its first statement
                e = earlier[0]
                mv = MentionVerdict(m.id, e.verdict, e.paper_value, e.finding_id, rule=e.rule, args=e.args)
            elif ref_idx is None:
                mv = _unattributed(m, only_summ)
            elif summ is None or not summ.available:
                mv = MentionVerdict(m.id, "unresolved_reference", rule="FC104",
                                    args={"note": summ.availability_note if summ else None})
            elif loose and id(m) in loose:
                mv = MentionVerdict(m.id, "not_in_source", rule="FC103")    # (no count the draft states)
            else:
                cands = _usable(summ)[0]
                own = _group_pattern(summ)[1].get(norm[m.start:m.end].lower()) if summ.groups else None
                grp = own or _group_of(m, cs, norm, summ, groups.get(m.group_id or "", []), s.start)
                ti = bisect.bisect_right(time_starts, m.start)
                nxt = times[ti].start if ti < len(times) else s.end
                ctx = Context(norm[cs:ce], stext, prev_text, grp, cs, s.start, segment=norm[cs:max(ce, nxt)]
                              if _is_time(m) else "", names_group=own is not None,
                              change=None if summ.curated else change_of(norm, m, s.start))
                # 长达8年, 随访48周, 短于12周: a length or a cut-off, not the time point of a result
                length = m.qualifier in ("as_high_as", "less_than", "more_than", "at_least", "at_most") or (
                    m.role != "list_item" and bool(
                    LENGTH_CUE.search(norm[max(s.start, m.start - 8):m.start])))
                visit = _is_time(m) and bool(FOLLOW_UP_VISIT.match(norm[m.end:s.end]))
                seg_ms = [x for x in ms[bisect.bisect_left(ms_starts, cs):bisect.bisect_left(ms_starts, max(ce, nxt))]
                          if x is not m] if _is_time(m) else []
                share = _proportion_as_percent(m, summ) if not summ.curated and m.unit == "%" else None
                arms = _arms_told(m, stext, summ) if not summ.curated and m.kind == "count" else None
                if share is not None:
                    mv = share
                elif arms is not None:
                    mv = arms
                elif visit:
                    mv = _judge_visit(m, summ, cands)
                else:
                    mv = judge_mention(m, ctx, summ, comparable(m, summ, ctx.change), rel_cache,
                                       is_length=length, segment=seg_ms)
                if mv.verdict == "not_in_source" and summ.stated:
                    mv = _stated(m, summ, _per_before(norm, m, ms, ms_starts, s.start)) \
                        or (_span_of_a_period(m, summ, norm) if not summ.curated else None) or mv
                elif mv.verdict == "supported" and mv.finding_id and not summ.curated and m.kind in _PER_KINDS:
                    mv = _period_slip(m, mv, summ, _per_before(norm, m, ms, ms_starts, s.start)) or mv
                if mv.verdict == "not_in_source" and not summ.curated and m.unit == "%" \
                        and _HALF_WORD.match(m.surface) and (hit := _share_of_counts(m, summ)):
                    mv = hit[1]     # 约半数参与者 for "structured (n = 1056)" of 2111: one count's share, in words
                if mv.verdict == "not_in_source" and not summ.curated and m.kind == "count" \
                        and (m.unit in _PLACE_UNITS or m.unit == "person"):
                    mv = (_units_miscounted(m, summ) if m.unit != "person" else _people_a_little_off(m, summ)) or mv
                if mv.verdict == "not_in_source" and not summ.curated and m.kind == "count" \
                        and _GROUP_COUNT.search(m.surface):
                    # 分为5组, 3种不同剂量: written in digits, a count of the study's groups as
                    # 两组 in words is (a prose count the draft states)
                    mv = _count_stated(m, summ, stext) or mv
                if mv.verdict == "not_in_source" and not summ.curated and m.kind == "range" and m.unit in ("%", "x"):
                    mv = _range_of_two_values(m, summ) or mv
                if mv.verdict == "not_in_source" and not summ.curated and isinstance(m.value, list) \
                        and (m.unit == "age" or m.unit in TIME_UNITS):
                    mv = _span_of_two_stated(m, summ) or mv
                if mv.verdict == "not_in_source" and not summ.curated and m.unit == "age":
                    mv = _range_end_slipped(m, summ) or _age_bound_of_a_range(m, summ, norm) or mv
                if mv.verdict == "not_in_source" and _is_time(m):
                    mv = _time_unit_slip(m, summ) or mv
                if mv.verdict == "not_in_source" and m.kind in ("interval", "range"):
                    mv = _interval_told(m, summ) or mv
                if mv.verdict in ("not_in_source", "mismatch") and mv.rule in ("FC102", "FC103") \
                        and m.kind == "multiplier" and not summ.curated and m.role != "list_item" \
                        and _COMPARES.search(ctx.clause, 0, max(0, m.start - ctx.clause_start)):
                    # (a comparison of the two: 新药比老药风险高两倍)
                    mv = _quotient_of_two_ratios(m, summ) or mv
                if mv.verdict in ("not_in_source", "mismatch") and m.unit == "%" and ctx.change is not None:
                    mv = _ratio_read_backwards(m, summ, ctx.change) or mv
                if mv.verdict == "not_in_source" and _is_time(m) and not summ.curated \
                        and (STUDY_LENGTH.search(norm, max(s.start, m.start - 16), m.start)
                             or OUTCOME_WINDOW.match(norm, m.end, s.end)):
                    mv = _length_against_follow_up(m, summ) or mv
                if mv.verdict == "not_in_source" and m.unit == "year" and not summ.curated and (
                        PERIOD_BEFORE.search(norm, max(s.start, m.start - 24), m.start)
                        or PERIOD_AFTER.match(norm, m.end, s.end)):
                    mv = _span_of_period(m, summ) or mv
                if mv.verdict == "not_in_source" and not summ.curated and m.kind == "year_or_date" \
                        and (is_period(m.value) or (isinstance(m.value, str) and len(m.value) in (4, 7, 10))):
                    mv = _period_stated(m, summ) or mv
                if mv.verdict == "not_in_source" and not summ.curated and norm.find("百分点", m.start, m.end) >= 0:
                    # (read in the folded text: a traditional page writes 百分點)
                    mv = _points_between(m, summ) or mv
                if mv.verdict == "not_in_source" and not summ.curated and _is_time(m) \
                        and _TIME_GAINED.search(norm, max(s.start, m.start - 12), m.start):
                    mv = _time_between(m, summ) or mv
                quote = quoted_at(stext, m.start - s.start, summ) if mv.verdict == "not_in_source" \
                    and not summ.curated else None
                if quote:       # the abstract's own words, copied with the number among them
                    mv = MentionVerdict(m.id, "supported", m.value, None, rule="FC101", args={"note": quote})
                elif mv.verdict == "not_in_source" and is_decade(m.value) \
                        and not _OF_A_STUDY.search(norm, s.start, s.end):
                    # 女性吸烟人口在1960年代达到高峰, 雄激素剥夺疗法自1940年代就已存在: a decade the
                    # abstract does not date the study by, in a sentence that speaks of no study,
                    # its data or its people, is history told as background
                    mv = _unattributed(m, only_summ)
                elif mv.verdict == "not_in_source" and _dated_after_the_paper(m, summ):
                    mv = _unattributed(m, only_summ)
            mvs.append(mv)
            if mv.verdict != "unattributed":
                first_seen.setdefault(key, (mv, ref_idx))
        if summ is not None and not summ.curated:
            mvs = _one_value_many_numbers(mvs, summ)
            mvs = _details_beside_told(ms, mvs)
            mvs = _item_of_a_finding_told(mvs)
            mvs = _ratio_beside_its_percent(ms, mvs, summ)
            mvs = _ratio_of_its_category(ms, mvs, summ, norm, s.start)
            mvs = _shares_of_one_whole(ms, mvs, summ, norm, s.start)
            mvs = _shares_of_the_sample(ms, mvs, summ)
            mvs = _interval_of_its_value(ms, mvs, summ, norm)
            mvs = _multiple_of_its_ratios(ms, mvs)
            mvs = _share_of_its_count(ms, mvs, norm, summ)
            mvs = _next_time_point(ms, mvs, summ, s.start, cuts)
            mvs = _pair_of_ages_slipped(ms, mvs, summ, norm)
        pending.append((s, ms, mvs, att, ref_idx, summ))
    _subgroup_details(pending)
    _far_from_the_value(pending)
    return [_claim(article, s, ms, mvs, att, ref_idx, summ, config, n)
            for n, (s, ms, mvs, att, ref_idx, summ) in enumerate(pending, 1)]


_DAY = re.compile(r"(\d{4})-\d\d-\d\d")


def _dated_after_the_paper(m: Mention, s: Summary) -> bool:
    """A day (2021-12-24, 2025年9月22日) of a year after the paper's, which the abstract does not
    state: no number of the paper, which came out before it, but the page's (its date, a
    comment's, a press release's) or a later event's, told as background. A year alone may be a
    projection the paper makes (到2050年), and stays the paper's to state."""
    day = _DAY.fullmatch(m.value) if m.kind == "year_or_date" and isinstance(m.value, str) else None
    return day is not None and s.year is not None and int(day.group(1)) > s.year


def _unattributed(m: Mention, only: Optional[Summary]) -> MentionVerdict:
    """A number told as background or without a source: unattributed, unless it is the one
    paper's own (``_the_papers_own``)."""
    return (_the_papers_own(m, only) if only is not None else None) or \
        MentionVerdict(m.id, "unattributed", rule="FC105")


def _the_papers_own(m: Mention, s: Summary) -> Optional[MentionVerdict]:
    """A number told as background (or with no source) that the one paper the article is about
    states, and too distinctive to be the paper's by chance (82,429名, 2664名, 9.8%): the article
    took it from the paper, which the abstract's own background or methods may give."""
    if not isinstance(m.value, (int, float)) or isinstance(m.value, bool):
        return None
    x = float(m.value)
    if m.kind == "count" and m.unit == "person":
        ok = x >= 100 and x % 10 != 0
    elif m.kind == "percent":
        ok = m.decimals >= 1 and x % 1 != 0
    else:
        ok = False
    if not ok:
        return None
    said = _stated_anywhere(x, s, tolerance(m))
    if said is None or (m.kind == "percent" and said[1].unit != "%"):
        return None
    f, v = said
    return MentionVerdict(m.id, "supported", v.value, f.id, rule="FC101", args={"note": _clean_note(f.text)})


def _subgroup_details(pending: list) -> None:
    """剖腹产儿在9至12岁时高23%…13至18岁时高16%…男性高18%…兄弟姐妹中高64%, each held against
    the one risk ratio a draft states (1.15): an article that gives several different figures
    for what the abstract states once gives details (age bands, sexes, siblings) the abstract
    does not report; it does not misquote that value several times. Across the article, what
    ``_one_value_many_numbers`` is within a sentence: each becomes not in the paper."""
    held: dict = {}
    for _s, ms, mvs, _att, _ref, summ in pending:
        if summ is None or summ.curated:
            continue
        for i, v in enumerate(mvs):
            if v.verdict == "mismatch" and v.rule == "FC102" and v.finding_id:
                held.setdefault((summ.id, v.finding_id, _fmt_pv(v.paper_value)), set()).add(_fmt_pv(ms[i].value))
    by_id = {summ.id: summ for *_x, summ in pending if summ is not None}
    many = {k for k, values in held.items() if len(values) >= 3 and _alone(by_id[k[0]], k[1], k[2])}
    if not many:
        return
    for _s, ms, mvs, _att, _ref, summ in pending:
        for i, v in enumerate(mvs):
            if v.verdict == "mismatch" and summ is not None \
                    and (summ.id, v.finding_id, _fmt_pv(v.paper_value)) in many:
                mvs[i] = _not_in_paper(v)


def _far_from_the_value(pending: list) -> None:
    """A draft's mismatch of a percent or level more than half as far again from the
    value it is held to (``_too_far_to_misquote``): not in the paper. Run after
    ``_subgroup_details``, which reads every figure held against one value, near or far."""
    for _s, ms, mvs, _att, _ref, summ in pending:
        if summ is None or summ.curated:
            continue
        for i, v in enumerate(mvs):
            if v.verdict == "mismatch" and v.rule == "FC102" and _too_far_to_misquote(ms[i], v.paper_value):
                mvs[i] = _not_in_paper(v)


def _clauses_after_a_report(start: int, stext: str, cuts: tuple, norm: str) -> dict[int, int]:
    """The start of each clause that follows a clause ending on a verb of report (…的数据显现，,
    …指出：), mapped to that clause's start; not a study it reports (世界卫生组织24日公布的一项
    研究显示，…). Whether the reporting clause names a background source is the caller's test,
    made only where a number stands after it. One search of the sentence first: most hold no
    verb of report."""
    if not may_report_then_state(stext):
        return {}
    out = {}
    for a, b in zip(cuts, cuts[1:-1]):
        text = norm[start + a:start + b]
        if finding_follows(text) and not reports_finding(text):
            out[start + b] = start + a
    return out


def _counts_a_population(stext: str, ms: list[Mention], s: Summary) -> bool:
    """在美国，目前估计有690万老年人患有阿尔茨海默病; 2019年，非传染性疾病导致…1560万人早死: a
    sentence that counts people (or cases) in 万 or 亿, ten times the study's sample and more (a million and
    more where the sample is unknown), a count the paper does not state, and that speaks of no
    study, its data or its participants: a population's statistics, background to the study."""
    n = s.population.n or 0
    floor = max(10.0 * n, 1e6) if n else 1e6
    # (a count of people, or a bare count in 万: 690万老年人, 1300万病例)
    big = [m for m in ms if m.kind in ("count", "measurement") and m.unit in ("person", "")
           and isinstance(m.value, (int, float))
           and _scale_of(m.surface) >= 10000 and float(m.value) >= floor]
    if not big or speaks_of_research(stext) or _ENROLLED.search(stext):
        return False
    # (not where the paper itself counts populations, a burden or a modelling study's 1·19 million
    # cases, nor a sentence that gives one of the paper's numbers)
    if any(isinstance(v.value, (int, float)) and v.unit in ("person", "") and float(v.value) >= 1e5
           for f in s.findings for v in f.values):
        return False
    return not any(isinstance(m.value, (int, float)) and _distinctive(m)
                   and _stated_anywhere(float(m.value), s, tolerance(m)) is not None for m in ms)


def _reports_the_study(stext: str, att: Attribution) -> bool:
    """据报道，剑桥的专家在13年间追踪了1.6万名…: a press frame around the study itself (its research
    words), or a sentence that gives a number identifying the paper (the attribution's cue); not
    population statistics (据CNN报道，在美国大约20%的成年人…)."""
    if att.reference is None:
        return False
    if att.how == "single_study" and att.cue and (att.cue == "numbers" or re.search(r"\d[.．]\d|\d{3}", att.cue)):
        # 世卫组织：过去50年全球免疫接种挽救1.54亿人生命: a number only the paper states (or two
        # of its numbers) makes the sentence the study's, whoever is named as telling it; held to
        # a number written to its decimals or three digits (the attribution's fingerprint accepts
        # a round 20% for 20.3%, too weak to overrule a background source named in the sentence)
        return True
    if att.how == "single_study" and ("一项" in stext or "一項" in stext) and _PUBLISHES_A_STUDY.search(stext):
        return True
    if _in_the_paper(stext) or _THIS_STUDY_OPENS.match(stext):
        # (这份由世界卫生组织主导的研究报告…: the sentence opens on the study itself, whoever led it)
        return True
    if "报道" not in stext:
        return False
    frame = _REPORT_FRAME.match(stext)
    return bool(frame) and speaks_of_research(stext[frame.end():])


def _claim(article, s, ms, mvs, att, ref_idx, summ, config, n) -> Claim:
    wi = max(range(len(mvs)), key=lambda i: VERDICT_RANK[mvs[i].verdict])
    worst = mvs[wi]
    verdict = worst.verdict
    rule = worst.rule or "FC105"
    default_sev = messages()[rule]["severity"]
    severity = config.severity_of(rule, default_sev)
    m = ms[wi]                  # one verdict per number, in order
    # what the message names (core/messages.claim_message writes it)
    args = {"surface": m.surface, "ref": _ref_label(article, ref_idx, summ), "worst": wi}
    if rule == "FC111":
        args["paper_number"] = _fmt(m.value)
    elif verdict not in ("not_in_source", "unresolved_reference", "unattributed") and _ratio(m, worst):
        args["ratio"] = _ratio(m, worst)
    told = [x.surface for x, v in zip(ms, mvs) if v.verdict == "supported"]
    if verdict == "supported" and len(told) > 1:
        # (only the numbers the paper states: a background decade beside them is not "in agreement")
        args["surfaces"] = told
    ev = None
    if summ is not None:
        ev = Evidence(summary_id=summ.id, finding_id=worst.finding_id, paper_value=worst.paper_value,
                      paper_text=_finding_text(summ, worst.finding_id))
    return Claim(id=f"c{n}", start=s.start, end=s.end, line=s.line, sentence=s.text,
                 mention_ids=[x.id for x in ms], reference=ref_idx, verdict=verdict, severity=severity,
                 message="", rule=rule, evidence=ev, mention_verdicts=mvs, attribution=att, args=args)


def _ratio(m: Mention, mv: MentionVerdict) -> Optional[str]:
    """FC106: the article's number is double or half the paper's."""
    if mv.rule != "FC106":
        return None
    try:
        r = float(m.value) / float(mv.paper_value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return "double" if r > 1 else "half"


def _finding_text(s: Summary, fid: Optional[str]) -> Optional[str]:
    if not fid:
        return None
    f = s.finding(fid)
    return f.text if f else None
