"""Findings from an English abstract: every number it reports, typed the way an article quotes it.

Articles quote an abstract's numbers in a few stable ways (a sample size, an age band, a
follow-up, a rate per arm, a ratio with its CI, a P value), so what matters in a draft is that
each number carries its kind, unit and label (HR 0.58 is a ratio, "aged 15-25 years" an age,
"12-month follow-up" a follow-up, "4211 participants" a count) and the sentence it stands in,
whose words name the measure through the bilingual glossary. One finding per sentence: a
sentence is the unit an abstract reports a result in.

Abstracts write numbers in ways the article extractor does not expect, and they are normalised
first: thousands separated by spaces or thin spaces (502 641), middle-dot decimals (0·16),
Unicode minus, number words (Thirty-seven participants), "541 million".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from factcheck.papers.summaries import Finding, Value, date_number

# what follows the level of an interval: the 95% of "95% CI", "95% eCI", "95% empirical CI",
# "95% credible interval", "95% UI", "95%置信区间" is not a value
CI_LEVEL_AFTER = re.compile(r"^\s*(?:\(?\s*(?:CI|eCI|CrI|UI|PI)s?\b\s*\)?|(?:empirical|credible|uncertainty|prediction|"
                            r"confidence)\s+(?:CI|interval)s?|confidence|credible|置信区间|可信区间)", re.I)
# (or what is left of that name where the store cut the abstract: "(hazard ratio, 1.58; 95% C")
_CUT_LEVEL = re.compile(r"\s*(?:CI?|confidence(?: interval)?)?\s*$", re.I)


def is_ci_level(value, after: str) -> bool:
    """The 95% of "95% CI": a percent followed by the interval's name. "10% (CI, 5% to 15%)" is a
    value with its interval: a level in brackets is one of the usual levels (80, 90, 95, 99)."""
    if not CI_LEVEL_AFTER.match(after):
        # (an abstract the store cut inside the interval's name: "(hazard ratio, 1.58; 95% C")
        return _CUT_LEVEL.match(after) is not None and isinstance(value, (int, float)) and float(value) in (90, 95, 99)
    return not after.lstrip().startswith(("(", "（")) or (isinstance(value, (int, float)) and float(value) in (80, 90, 95, 99))

# what may stand between a value and its unlabelled interval: its group's label at most
# ("16.5% in 30~ (14.8%~18.4%)"), no clause break
_BEFORE_BRACKET = re.compile(r"[^,;，；。()（）\[\]]{0,16}[(（\[]\s*$")


def interval_of_value_before(earlier: Sequence, m, text: str) -> bool:
    """Is the range ``m`` (a mention) the interval of the value before it, labelled or not
    ("13.7% (11.8%~15.7%)", "16.5% in 30~ (14.8%~18.4%)"): in brackets right after the last
    earlier mention of its unit, whose value lies within it? Then it is no finding of its own,
    which a lone number of an article could be read as quoting. (Both readers of an abstract
    ask: the drafter and ``facts``.)"""
    lo_hi = m.value
    if not isinstance(lo_hi, list) or len(lo_hi) != 2 or not all(isinstance(x, (int, float)) for x in lo_hi) \
            or not lo_hi[0] < lo_hi[1]:
        return False
    unit = m.unit or ""
    prev = next((y for y in reversed(earlier) if (y.unit or "") == unit), None)
    if prev is None or not isinstance(prev.value, (int, float)):
        return False
    return float(lo_hi[0]) <= float(prev.value) <= float(lo_hi[1]) \
        and _BEFORE_BRACKET.fullmatch(text, prev.end, m.start) is not None


_ONE_IN_WORDS = re.compile(r"\b(one|One|ONE|\d{1,2})\s+in\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\b"
                           r"(?![\w%]|[.,]\d)")
_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_WORD_NUM = re.compile(r"\b(" + "|".join(sorted(_TENS, key=len, reverse=True)) + r")(?:[- ](" +
                       "|".join(k for k in _NUM_WORDS if 0 < _NUM_WORDS[k] < 10) + r"))?\b|\b(" +
                       "|".join(sorted((k for k in _NUM_WORDS if _NUM_WORDS[k] >= 2), key=len, reverse=True)) +
                       # (a few words may stand between, hyphened or listed: "two phase 3, double-blind,
                       # randomized, controlled trials", "four double-blind trials", "Nineteen 3- to
                       # 5-year-old children"; never a number: "three times with 4 weeks intervals")
                       # (and how often, a range of it too: "three to six times per week")
                       r")\b(?=\s+or\s+(?:more|fewer|less)\s+[a-z]|\s+of\s+(?:the\s+)?\d|"
                       r"(?:\s+(?:to|or)\s+[a-z]+)?\s+times\s+(?:per|a|each|every)\s+(?:day|week|month|year)\b|\s+(?:(?:phase\s+[\dIV]+[ab]?|[A-Za-z][\w-]*|\d+-[\w-]*|\d+(?:\s+to\s+\d+)?\s+years?-old),?\s+){0,4}(?:participants|patients|people|adults|women|men|children|"
                       r"individuals|subjects|trials|studies|reports|cohorts|countries|sites|centres|centers|hospitals|clinics|groups|arms|"
                       r"cases|deaths|decades|years|months|weeks|days|doses|outcomes|scores|schools|visits|sessions|RCTs|databases|"
                       r"provinces|cities|regions|domains|items|factors|"
                       # (the things a design counts: servings, shifts, tests, surveys, indicators)
                       r"glasses|cups|servings|drinks|portions|shifts|tests|measurements|recalls|surveys|resurveys|"
                       r"interviews|questionnaires|assessments|indicators|markers|meals|injections|infusions|"
                       # (and what a regimen or an exposure counts: "two to five antibiotic courses")
                       r"courses|prescriptions|cycles|episodes|tablets|pills|cigarettes|nights|hours|categories|"
                       r"levels|rounds)\b)", re.I)
_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s*(million|billion)\b", re.I)
_SHARE_LIST_AFTER = re.compile(r"^(?:\s*,\s*\d+(?:\.\d+)?){0,6}\s*(?:,\s*)?(?:and|or|to|-|–)\s*\d+(?:\.\d+)?\s*%")
_ANNUAL_CHANGE = re.compile(r"\b(?:annual(?:ized)?\s+(?:average\s+)?percent(?:age)?\s+changes?|E?AA?PCs?)"
                            r"(?:\s*\(E?AA?PCs?\))?(?:\s*(?:of|was|were|=|:|,|\()\s*)*"
                            r"\s*(?:[−-]?\d+(?:\.\d+)?%?\s*(?:,|and|to|vs\.?)\s*)*$")
# "2 successive days of fasting", "7 consecutive days", "2 more years": a length with a word of
# sequence or addition between the number and its unit (the number is still that many days)
_LENGTH_WITH_A_WORD = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s+(?:consecutive|successive|non-?consecutive|separate|"
                                 r"additional|further|more|full|whole|complete)\s+"
                                 r"(?=(?:days?|weeks?|months?|years?|nights?|hours?)\b)", re.I)
_HYPHENED_LENGTH = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[-‐](week|month|year|day|hour|minute|second)s?\b", re.I)
# (an age or a length in words: "three-month-old infants", "Eight-year DFS", "a two-year follow-up")
_AGE_IN_WORDS = re.compile(r"\b(" + "|".join(_NUM_WORDS) + r")[-‐](week|month|year|day|hour)(?=[-‐\s]|s\b)", re.I)
_CATEGORY_INDEX = re.compile(r"(?:\b(?i:quintile|quartile|tertile|decile)\s*|(?<![a-z])Q)$")
_GLUED_WORD = re.compile(r"(?<=[\d%])(?=[a-z]{4,})|(?<=\b(?:HR|OR|RR|CI))(?=[a-z]{4,})")
_FOLD_WORD = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten)[- ]?fold\b", re.I)
# a count in words with hundreds or thousands, as a sentence opens with one ("Six hundred and three
# women", "One thousand two hundred patients"): its digits, before the small number words are read
_ONES9 = "|".join(k for k in _NUM_WORDS if 0 < _NUM_WORDS[k] < 10)
_SUB100 = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + _ONES9 + r"))?|(?:" +
           "|".join(sorted((k for k in _NUM_WORDS if _NUM_WORDS[k] > 0), key=len, reverse=True)) + r"))")
_HUNDREDS = r"(?:(?:" + _ONES9 + r"|a)\s+hundred(?:\s+(?:and\s+)?" + _SUB100 + r")?)"
_COMPOUND = re.compile(r"\b(?:(?:" + _HUNDREDS + "|" + _SUB100 + r")\s+thousand(?:,?\s+(?:and\s+)?(?:" + _HUNDREDS + "|" +
                       _SUB100 + r"))?|" + _HUNDREDS + r")\b", re.I)


def _compound_value(m: re.Match) -> str:
    total = current = 0
    for w in re.split(r"[\s,-]+", m.group().lower()):
        if w in ("and", ""):
            continue
        if w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            current += 1 if w == "a" else _TENS.get(w, _NUM_WORDS.get(w, 0))
    return str(total + current)
# an en dash after a space, bracket, colon or equals sign that follows no number, before a number
_DASH_AS_MINUS = re.compile(r"(?<=[^\d\s(\[:=])([\s(\[:=]+)–(?=\d)")
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})(?:[ \u2009\u202f\u00a0,](\d{3}))+(?![\d]|,\d)")
# a short name its first digits end (CoQ10 100 mg, COVID-19 200 patients, H1N1 300 cases): a
# name's digits are no thousands (a long word glued to them is a heading: Participants75 880)
_NAME_BEFORE = re.compile(r"(?:^|[^A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,5}-?$")


def _joined(m: re.Match) -> str:
    """502 641 → 502641; a count that would read as a year (2,086) keeps one comma, which the
    extractor reads as a count."""
    if _NAME_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return m.group(0)
    digits = re.sub(r"[ \u2009\u202f\u00a0,]", "", m.group(0))
    return f"{digits[0]},{digits[1:]}" if 1900 <= int(digits) <= 2099 else digits


# (in round brackets or square ones, "0.83 [0.70, 0.98]", closing as they opened)
_BRACKETED_PAIR = re.compile(r"(?<![\d.])(\d+\.\d+)(\s*[(\[])(\d+\.\d+),\s*(\d+\.\d+)(?=[)\]])")
_CLOSING = {"(": ")", "[": "]"}


_SPEAKS_OF_CI = re.compile(r"\bCI\b|confidence interval", re.I)


def _pair_as_interval(m: re.Match) -> str:
    """"1.28 (1.20, 1.35)" as "1.28 (1.20–1.35)" when the pair brackets the value."""
    text, at = m.string, m.start()
    if text[m.end():m.end() + 1] != _CLOSING[m.group(2)[-1]]:
        return m.group(0)
    x, lo, hi = (float(m.group(i)) for i in (1, 3, 4))
    since = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    # (only in a sentence that speaks of intervals: "9.34 (8.36, 11.77)" may be a median and its IQR)
    # (or of ratios: "the hazards ratios of CVD … were 1.83 (1.22, 2.73)": a ratio's pair is its interval)
    if lo < hi and lo <= x <= hi and (_SPEAKS_OF_CI.search(text, since, at) or _RATIO_ANYWHERE.search(text, since, at)):
        return f"{m.group(1)}{m.group(2)}{m.group(3)}–{m.group(4)}"
    return m.group(0)


# minus signs and dashes as the extractor reads them; ⱕ ⱖ ⫽ ⬍: ≤ ≥ = < as copies of JAMA's typeset
# abstracts write them ("95% confidence interval ⫽ 0.96–1.7", "⬍45 dB(A)")
# (and the typeset hyphens, U+2010 and U+2011, as the plain one: "Seventy‐four studies")
_TYPESET_SIGNS = str.maketrans({"\u2212": "-", "\u2010": "-", "\u2011": "-", "ⱕ": "≤", "ⱖ": "≥", "⫽": "=", "⬍": "<"})
_ORDINAL_BIRTHDAY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+birthday\b", re.I)


_ORDINAL_RANGE = re.compile(r"(?<![\d.])(\d{1,3})(?:st|nd|rd|th)?\s*(?:to|-|–)\s*(\d{1,3})(?:st|nd|rd|th)\b")


def normalise(text: str) -> str:
    """The abstract's numbers as the extractor reads them."""
    t = text.translate(_TYPESET_SIGNS)
    # "a sample of 14,686middle-aged adults", "(HRcomparing quintile 5 …", "95%confidence interval":
    # a word a PDF copy glued to a number, a percent sign or a ratio's label, parted again (a unit
    # or an ordinal, 5mg or 2nd, is shorter than a word)
    t = _GLUED_WORD.sub(" ", t)
    # "was –23.1 mm Hg (95% CI –24.4 to –21.9)": an en dash before a number, with no number just
    # before it, is a minus sign as typeset copies write it (10 – 20 and 10–20 stay ranges)
    if "–" in t:
        t = _DASH_AS_MINUS.sub(r"\1-", t)
    # "whose 80th birthday was …": an ordinal birthday is an age (an article's 满80周岁)
    t = _ORDINAL_BIRTHDAY.sub(r"birthday at age \1 years", t) if "birthday" in t else t
    # "the 0 to 50th, 51st to 70th and 91st-100th percentiles": a range of ranks, its ends as
    # numbers (an article's 51-70百分位), the ordinal endings dropped
    t = _ORDINAL_RANGE.sub(r"\1-\2", t) if re.search(r"\d(?:st|nd|rd|th)\b", t) else t
    # middle dots and bullet operators as decimal points (the Lancet's 0·88, copied as 0∙88)
    t = re.sub(r"(?<=\d)[·\u2219\u22c5](?=\d)", ".", t)
    # P = 4.5×10 -27 (a superscript lost in copying): one number, not a sentence break
    t = re.sub(r"(\d(?:\.\d+)?)\s*[×x]\s*10\s*[-−–]\s*(\d+)", r"\1e-\2", t)
    t = re.sub(r"\bmm\s+Hg\b", "mmHg", t)
    # "HRs [95% CIs] = 0.83 [0.70, 0.98]", "HR [95% CI], 0.83": a ratio's name with the level of
    # its interval in brackets before the value, as "HR (95% CI): 0.83" (the form read below)
    t = _RATIO_THEN_LEVEL.sub(r"\1 (95% CI): ", t)
    # "1.28 (1.20, 1.35)": a value with its interval written as a bracketed pair (the table style
    # of "hazard ratios [95% CI] … were …"), the interval of the form the extractor knows
    t = _BRACKETED_PAIR.sub(_pair_as_interval, t)
    # "an 800-person cohort", "a 1,200-patient trial": a count of people
    t = re.sub(r"(?<![\d.])(\d[\d,]*)[-‐](person|participant|patient|subject|individual|member)\b", r"\1 \2s", t)
    # "12-week", "the 6.3-year median follow-up": a length with its unit
    # ("1303 three-month-old infants", "Eight-year DFS": an age or length in words, in digits first)
    t = _AGE_IN_WORDS.sub(lambda m: f"{_NUM_WORDS[m.group(1).lower()]}-{m.group(2)}", t)
    # "one in five", "One in 9": a share in words, in digits first (facts reads it as a percent)
    t = _ONE_IN_WORDS.sub(lambda m: f"{_NUM_WORDS.get(m.group(1).lower(), m.group(1))} in "
                                    f"{_NUM_WORDS.get(m.group(2).lower(), m.group(2))}", t)
    t = _HYPHENED_LENGTH.sub(r"\1 \2s", t)
    t = _LENGTH_WITH_A_WORD.sub(r"\1 ", t)
    # "the 10-s one-legged stance", "a 10- s stance": seconds
    t = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)[-‐]\s?(?:s|sec)\b(?![-‐])", r"\1 seconds", t)
    # "5-min and 10-min increases", "a 24-h recall", "the 6-mo visit": an abbreviated unit of time
    # (and of an amount: "each 240-mL (8-oz) serving", "a 5-mg dose"); "a 5.7-y younger age",
    # "20-y cumulative mortality": y and yr are years
    # ("a 3.0-mm Hg mean difference", "a 5-cm gain": a measure's unit hyphened too)
    t = re.sub(r"(?<![\d.])(\d+(?:\.\d+)?)[-‐](?:(mins?|hrs?|h|wks?|mos?|mL|ml|mg|g|kg|μg|mcg|IU|mmHg|cm|mm|kcal)\b|(?:yr|y)\b(?!-))",
               lambda m: f"{m.group(1)} {m.group(2) or 'years'}", t)
    # "2- to 17-year-old", "14- to 17-year-olds": a hyphen left hanging before "to" joins a range
    # (and "at baseline, 12-, and 24-month follow-up": the list's comma too)
    t = re.sub(r"(?<![\d.])(\d+)[-‐],?\s+(to|and|or)\s+(?=\d)", r"\1 \2 ", t)
    # "received 400, 2000, or 4000 IU", "the 2000- and the 400-IU groups": the dose unit a list
    # ends with is each item's (a dose told without it, 400国际单位, is still the paper's)
    t = _DOSE_LIST.sub(lambda m: re.sub(r"(\d+(?:\.\d+)?)[-‐]?(?=\s*(?:,|or\b|and\b))", rf"\1 {m.group('u')}", m.group(0)), t)
    # "working long hours (≥55 per week)": a bracketed amount with no unit of its own takes the
    # unit of time the words before it name
    t = re.sub(r"\b(hours|minutes)(\s*\(\s*(?:[<>≥≤]\s*)?\d+(?:\.\d+)?)(?=\s+(?:per|a|each)\s+(?:day|night|week|month)\b)",
               lambda m: f"{m.group(1)}{m.group(2)} {m.group(1)}", t, flags=re.I)
    # "recruited from 6/2004 to 7/2008 and followed until 1/2014": a month and year written as
    # numbers after a preposition of time are that month ("1 in 2000" is written otherwise)
    t = re.sub(r"\b(from|to|until|through|between|and|in|since|by)\s+(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b(?![/\d])",
               lambda m: f"{m.group(1)} {_MONTHS_ORDER[int(m.group(2)) - 1]} {m.group(3)}", t)
    # "7+ h/day", "65+ years": a number with a plus is its lower bound
    t = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)\+(?=\s*[A-Za-z])", r"≥\1", t)
    # "registered with ISRCTN24647151.160 921 women were recruited": a copy that lost the space
    # after a registry number's full stop (the count after it is no decimal of the number)
    t = _REGISTRY_GLUED.sub(r"\1. ", t)
    # "34-36 completed weeks", "5 full years": the length, whatever says it was whole
    t = _COMPLETED_UNIT.sub(r"\1 \2", t) if "omplete" in t or "full" in t else t
    # "a sixfold risk", "a two-fold increase": a multiple in words is that multiple in digits
    if "fold" in t:
        t = _FOLD_WORD.sub(lambda m: f"{_NUM_WORDS[m.group(1).lower()]}-fold", t)
    t = _units_carried(t)
    # "adjusted OR for 0-60 days, 1.93": the ratio's label and its value, the subgroup after them
    t = re.sub(r"\b(ORs?|HRs?|RRs?|(?:odds|hazard|risk) ratios?(?:\s*\[(?:OR|HR|RR)\])?)\s+for\s+([^,;()\[\]]{1,40}?),\s*"
               r"(\d+\.\d+)(?![\d.])", r"\1 \3 for \2", t)
    # "65, 414 melatonin users", "12, 411 users": a copy that put a space after the thousands
    # comma (not a list: no number before it with a comma, none after it; nor an interval's two
    # ends, "[95% CI: 61, 307]")
    t = _SPACED_THOUSANDS.sub(_spaced_thousands, t)
    # money with its sign, once the thousands are joined (US $21 840 as the article's 21840美元)
    return _numbers_in_words(_MONEY_SIGN.sub(_money, _THOUSANDS.sub(_joined, t)))


_SPACED_THOUSANDS = re.compile(r"(?<![\d.,]\s)(?<![\d.,])(\d{1,3}), (\d{3})(?![\d.]|,\s?\d)")
_INTERVAL_OPENS = re.compile(r"(?:\bCI|\binterval|\bCrI)\)?\s*[:=,]?\s*$")


def _spaced_thousands(m: re.Match) -> str:
    """"65, 414" → "65,414", unless an interval's label stands before it ("CI: 61, 307")."""
    if _INTERVAL_OPENS.search(m.string, max(0, m.start() - 16), m.start()):
        return m.group(0)
    return f"{m.group(1)},{m.group(2)}"


def _units_carried(t: str) -> str:
    """The unit written once after several values, or after a value's bracket, given to each
    value it belongs to (normalise's step for units)."""
    # "36.1 (9.1) years", "6.8 (SD, 3.9) years", "91.8 (16.0) kg": the unit after a mean's SD belongs to the mean too
    t = re.sub(r"(?<![\d.])(-?\d+(?:\.\d+)?)\s*[(\[](?:SD[,:]?\s*)?(\d+(?:\.\d+)?)[)\]]\s*(years|months|weeks|days|kg/m2|kg/m²|kg|cm|mm Hg|mmHg|"
               r"mg/dL|mmol/L|mg|g|%)", r"\1 \3 (SD \2 \3)", t)
    # "7.3 (95% CI, 3.4-11.2) percentage points", "395.4 (86.6 to 704.3) g", "1.71 (95% CI
    # 1.26–2.32) times the risk": the unit after an estimate's interval is the estimate's too
    t = _RANGE_THEN_UNIT.sub(r"\1 \5 \2\3 \5\4", _INTERVAL_THEN_UNIT.sub(r"\1 \3\2", t))
    # "2.7 ± 0.3 versus 3.8 ± 0.4 years": the unit after the second mean is the first's too
    t = _SPREAD_PAIR_THEN_UNIT.sub(r"\1 \5\2\3\4 \5", t)
    # "at 18 (n = 4415; 53%) and 32 weeks": the unit the list ends with is each item's
    t = re.sub(r"\b(at|by|after)\s+(\d+(?:\.\d+)?)(\s*\([^()]{0,40}\))?\s+(and|or)\s+(\d+(?:\.\d+)?)"
               r"(?=(\s*\([^()]{0,40}\))?\s*(weeks?|months?|years?|days?)\b)", r"\1 \2 \7\3 \4 \1 \5", t)
    return t


def _numbers_in_words(t: str) -> str:
    """Counts, decades, millions and bounds written in words, in digits (normalise's last step)."""
    if "undred" in t or "housand" in t:
        t = _COMPOUND.sub(_compound_value, t)
    t = _WORD_NUM.sub(_word_value, t)
    if "ercent" in t or "er cent" in t:     # "One percent of participants": a share in words
        t = _WORD_PERCENT.sub(lambda m: f"{_NUM_WORDS[m.group(1).lower()]}%", t)
    # "two decades of follow-up", "every decade abstinent": a decade is ten years, as the
    # article's 20年 and 每十年 tell it
    if "ecade" in t:
        t = _DECADES.sub(lambda m: f"{_fmt(float(m.group(1)) * 10)} years", t)
        t = _ONE_DECADE.sub(r"\1 10 years", t)
    t = _SCALE.sub(lambda m: _fmt(float(m.group(1)) * (1e6 if m.group(2).lower() == "million" else 1e9)), t)
    t = _ONE_BOUND.sub(r"\1 1 ", t)
    return _OR_MORE.sub(lambda m: ("≥" if m.group(2) else "≤") + m.group(1) + " ", t)


_WORD_PERCENT = re.compile(r"(?<![\w-])(" + "|".join(sorted((k for k in _NUM_WORDS if _NUM_WORDS[k] > 0), key=len, reverse=True))
                           + r")\s+(?:percent|per cent)\b", re.I)
_DECADES = re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s+decades\b", re.I)
_ONE_DECADE = re.compile(r"\b(a|an|one|each|every|per|additional|another|the first|the past|the last)\s+decade\b", re.I)
_DOSE_LIST = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?:[-‐]?,\s*\d+(?:\.\d+)?){0,4}[-‐]?,?\s+(?:or|and)\s+(?:the\s+)?"
                        r"\d+(?:\.\d+)?[-‐ ]?(?P<u>IU|mg|mcg|μg|g|mL|ml)\b")
# "less than one glass a day", "at least one dose": one as a bound's number
_ONE_BOUND = re.compile(r"\b((?:less|fewer|more) than|at (?:least|most)|no more than)\s+one\s+(?=[a-z])", re.I)
# "3 or more glasses a day", "2 or fewer servings": the bound before the number, so that the noun
# after it is the number's unit ("65 years or older" keeps its bound after the unit)
# (not a length: "fewer than 3, 3 to 9, or 10 or more years" is read as a list of lengths)
_OR_MORE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s+or\s+(?:(more)|fewer|less)\s+(?=[A-Za-z])"
                      r"(?!(?:years?|months?|weeks?|days?|hours?|minutes?)\b)")


def _word_value(m: re.Match) -> str:
    if m.group(3):
        return str(_NUM_WORDS[m.group(3).lower()])
    return str(_TENS[m.group(1).lower()] + (_NUM_WORDS[m.group(2).lower()] if m.group(2) else 0))


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


# the names of ratio statistics, one list for both readings below (a label before a value, a
# ratio named anywhere in the sentence); abbreviations stay case-sensitive ("or" is a word)
_RATIO_NAMES = (r"hazards? ratio|odds ratio|relative risk|risk ratio|incidence rate ratio|mortality rate ratio|rate ratio|incidence ratio|"
                r"relative rate|relative hazard|standardi[sz]ed (?:mortality|incidence) ratio|prevalence ratio|time ratio")
_RATIO_ABBR = r"HR|OR|RR|IRR|MRR|SMR|SIR|TR|aHR|aOR|AHR|AOR"
# (a label's own digits may stand between the ratio's name and its value: "HR in Q2 vs Q1, 1.36"; and
# what it is of, with a verb: "OR for incidence of overweight was 1.26", up to 40 characters)
# (and the category it compares glued to it as a subscript: "HRT2 = 0.83", "ORQ5 1.4")
RATIO = re.compile(rf"((?i:{_RATIO_NAMES})|\b(?:{_RATIO_ABBR}))(?:s|(?<=R)[TQ]\d{{1,2}})?\b(?:[^0-9;]|(?<=[A-Za-z])[0-9]){{0,40}}$")
# "The adjusted hazard ratio comparing ≥60 dB(A) with <45 dB(A) was 1.3": the categories compared
# stand between the ratio's name and its value, their cut-offs with them ("hazard ratio for General
# Health Questionnaire scores of 1-3 v score 0: 1.20": or a colon before it)
RATIO_COMPARING = re.compile(rf"((?i:{_RATIO_NAMES})|\b(?:{_RATIO_ABBR}))s?\s+(?:comparing|for)\s[^;.]{{0,70}}?"
                             rf"\b(?:with|to|versus|vs\.?|v)\s[^;]{{0,40}}?(?:\b(?:was|were|of)|(?<=[\w)]):)\s*$")
# "The relative risk (RR) for MI occurring within 1–7 days after respiratory infection symptoms was
# 17.0": the ratio's name, its abbreviation in brackets, then what it is of (digits allowed, up to
# 110 characters of one clause: "the multivariate relative risk among men in the highest quintile,
# as compared with those in the lowest quintile, was 0.56") and the verb right before the value
RATIO_WAS = re.compile(rf"((?i:{_RATIO_NAMES})|\b(?:{_RATIO_ABBR}))s?\b(?:\s*\([A-Za-z]+\))?"
                       rf"(?:(?!\b(?:was|were)\b|\.\s)[^;()]){{0,110}}?\b(?:was|were)\s*$")
_RATIO_THEN_LEVEL = re.compile(rf"\b({_RATIO_ABBR})s?\s*[\[(]\s*95\s*%\s*(?:CIs?|confidence intervals?)\s*[\])]\s*[=:,]?\s*(?=[-−–]?\d)")
_RATIO_LABEL = {"hazard ratio": "HR", "hr": "HR", "ahr": "HR", "odds ratio": "OR", "or": "OR", "aor": "OR",
                "relative rate": "RR", "relative hazard": "HR",
                "relative risk": "RR", "risk ratio": "RR", "rr": "RR", "rate ratio": "RR", "irr": "RR",
                "incidence rate ratio": "RR", "incidence ratio": "RR", "time ratio": "TR", "tr": "TR",
                # mortality rate ratios, standardised mortality or incidence ratios, prevalence ratios:
                # relative rates, read as an article reads them (MRR 2.07: 增加107%)
                "mortality rate ratio": "RR", "mrr": "RR", "smr": "RR", "sir": "RR",
                "standardized mortality ratio": "RR", "standardised mortality ratio": "RR",
                "standardized incidence ratio": "RR", "standardised incidence ratio": "RR", "prevalence ratio": "RR"}
# the nouns of people a count is of, one list for the readings below
_PEOPLE_NOUNS = (r"participants|patients|people|persons|adults|women|men|"
                 r"females|males|"
                 r"girls|boys|children|adolescents|individuals|subjects|respondents|volunteers|infants|"
                 r"newborns|mothers|pregnan\w*|cases|non-?cases|deaths|controls|users|smokers|residents|veterans|"
                 r"workers|students|twins|births|events|"
                 # (who a study counted by what they did or were: "138 first-time marathon completers")
                 r"completers|finishers|runners|athletes|players|drinkers|nurses|physicians|doctors|clinicians|"
                 r"employees|survivors|recipients|members|donors|inpatients|outpatients|responders|attendees|"
                 r"seniors|teenagers|youths?|neonates|toddlers|fathers|parents|retirees|soldiers|beneficiaries|"
                 r"enrollees|consumers|pupils|decedents")
# (a count's share may stand in brackets before them: "A total of 264 (6.42%) participants developed …")
PEOPLE = re.compile(rf"^\s*(?:\)\s*)?(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*)?(?:[\w'’-]+\s+|\d+(?:\s+to\s+\d+)?\s+years?-old\s+){{0,3}}?({_PEOPLE_NOUNS})\b", re.I)
# "132920 (BMI 25–29.9), 142723 (30–34.9), 94402 (35–39.9) and 82732 (over 40) patients per group":
# each count of a list, its category in brackets, is of the people the list ends with
# (whole counts, the noun right after the last bracket; the last count of the list, after another's bracket)
_LISTED_PEOPLE = re.compile(r"^\s*\([^()]{1,30}\)(?P<more>(?:\s*,?\s*(?:and\s+)?\d[\d,\u2009\u202f\u00a0 ]*\s*\([^()]{1,30}\)){0,8})\s+"
                            rf"(?:{_PEOPLE_NOUNS})\b", re.I)
# a bare count that is the subject of an allocation ("553 were assigned to placebo", "and 412
# were randomised"): the arms of a trial are people (not "(546 analysed)": the arms' sum is of
# those assigned)
ASSIGNED = re.compile(r"^\s*(?:were|was)\s+(?:\w+\s+){0,2}?(?:assigned|allocated|randomi[sz]ed|enrolled|"
                      r"included|recruited)\b", re.I)
# the things a study counts that are studies (a review's), and the places it ran in (its sites:
# "ten regions of China", "6 cities", "64 villages", "10 schools")
_STUDY_WORDS = ("trials", "studies", "cohorts", "rcts", "papers", "articles", "publications", "reports")
_SITE_WORDS = ("sites", "centres", "centers", "hospitals", "clinics", "cities", "provinces", "regions", "counties",
               "districts", "communities", "villages", "schools")
UNITS_OF_STUDY = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(" + "|".join(_STUDY_WORDS + ("countries",) + _SITE_WORDS)
                            + r")\b", re.I)
# "136 papers met the criteria, of which 57 were …": the part counts the things its whole did
_PART_OF_BEFORE = re.compile(r"\d\s+((?:[\w-]+\s+){0,2}?(?:trials|studies|cohorts|RCTs|papers|articles|publications|"
                             r"countries|sites|centres|centers|hospitals|clinics))\b[^.;]{0,60}\b(?:of which|of these|of them)\s*$",
                             re.I)
_AGE_LIST_BEFORE = re.compile(r"\bages?\s+\d+(?:\s*,\s*\d+)*\s*(?:,\s*)?(?:and\s+|or\s+)?$", re.I)
AGE_BEFORE = re.compile(r"\b(aged?|ages)\b[^.;]{0,20}$", re.I)
# ("mean (SD) age", "mean ± SD age", "median [interquartile range] age")
MEAN_AGE = re.compile(r"\b(?:mean|median|average)\b(?:\s*[(\[][^()\[\]]{0,24}[)\]]|\s*(?:±|\+/-)\s*SD)?\s+age\b", re.I)
# a mean or median age with its value next ("The median age was 43", "mean age of 61.2")
_AGE_WAS = re.compile(r"\b(?:mean|median|average)\b(?:\s*[(\[][^()\[\]]{0,24}[)\]])?\s+age\b"
                      r"(?:\s+at\s+\w+(?:\s+\w+)?)?\s*(?:was|of|=|:|,|is)\s*$", re.I)
_FOLLOW_UP_AT = re.compile(r"follow", re.I)               # "14 years of follow-up": a length, not an age
_DURING_BEFORE = re.compile(r"\b(?:during|over|after|for|within)\s*$", re.I)


def _mean_age_before(norm: str, pos: int) -> bool:
    """Does a mean or median age stand before ``pos`` with no follow-up named between?"""
    last = None
    for last in MEAN_AGE.finditer(norm, 0, pos):
        pass
    return last is not None and not FOLLOW_UP.search(norm, last.end(), pos)


FOLLOW_UP = re.compile(r"follow(?:ed)?[- ]?up|followed\b", re.I)
# "followed for an average of 9.1 years", "followed up for a median of": the length, further back
# (or "had ≥2 cognitive assessments over a mean 4.7 years": a cohort's time under observation)
_FOLLOWED_FOR = re.compile(r"(?:\bfollowed(?:\s+up)?\s+for|\bover)\s+(?:an?\s+)?(?:mean|median|average)\s+(?:\(\w+\)\s+)?(?:of\s+)?$", re.I)
CHANGE_BEFORE = re.compile(r"\b(reduc\w*|lower\w*|decreas\w*|increas\w*|higher|rais\w*|declin\w*|fell|dropp\w*|"
                           r"los[st]|gain\w*|change[sd]?)\b[^.;]{0,30}$", re.I)


@dataclass
class Arms:
    """The arms an abstract names: key -> names, and the size of each where given."""

    names: dict[str, list[str]] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    def find(self, clause: str) -> list[tuple[int, str]]:
        """(position, key) of each arm named in ``clause``."""
        out = []
        low = clause.lower()
        for key, ns in self.names.items():
            for n in ns:
                for m in re.finditer(r"(?<![a-z])" + re.escape(n.lower()) + r"(?![a-z])", low):
                    out.append((m.start(), key))
        return sorted(out)


_ASSIGNED = re.compile(r"(?:assigned|allocated|randomi[sz]ed)\b[^.;]{0,40}?\bto\s+(?:receive\s+|either\s+)*"
                       r"(.{3,80}?)\s*(?:,\s*)?(?:\bor\b|\bversus\b|\bvs\.?)\s+(.{3,80}?)(?=\s*[.;(]|,\s|\s+for\b|$)",
                       re.I)
_ARM_N = re.compile(r"\b([A-Za-z][A-Za-z0-9\- ]{1,40}?)\s*(?:group|arm)?\s*\(\s*n\s*=\s*(\d+)\s*\)", re.I)
_GENERIC_ARMS = {"placebo": ["placebo", "placebo group"], "control": ["control group", "controls", "control"],
                 "usual_care": ["usual care"], "intervention": ["intervention group", "intervention arm"]}
_ARM_STOP = re.compile(r"^(the|a|an|group|groups|arm|and|or|of|with|were|was|to|either|allocated|assigned|"
                       r"randomly|randomi[sz]ed|receive|received|\d+[-‐]\w+|\d+(?:\.\d+)?)$", re.I)


def find_arms(text: str) -> Arms:
    """Arms from "randomly assigned to A or B" and "A group (n = 354)"; placebo and control
    whenever the abstract names them."""
    arms = Arms()
    for m in _ASSIGNED.finditer(text):
        for name in (m.group(1), m.group(2)):
            _add_arm(arms, name)
    for m in _ARM_N.finditer(text):
        key = _add_arm(arms, m.group(1))
        if key:
            arms.sizes.setdefault(key, int(m.group(2)))
    low = text.lower()
    for key, names in _GENERIC_ARMS.items():
        if any(re.search(r"(?<![a-z])" + re.escape(n) + r"(?![a-z])", low) for n in names) and key not in arms.names:
            arms.names[key] = list(names)
    return arms


def _add_arm(arms: Arms, raw: str) -> Optional[str]:
    words = [w for w in re.split(r"\s+", re.sub(r"\([^)]*\)|\d+(?:\.\d+)?\s*(?:mg|g|ml|µg|ug|iu)\b", " ", raw.strip(" ,;")))
             if w and not _ARM_STOP.match(w)]
    # the head of the arm's name: its last three words at most (maximum tolerated dose of tirzepatide)
    words = words[-3:]
    if not words or len(" ".join(words)) < 3:
        return None
    name = " ".join(words)
    key = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    if key in ("participants", "patients", "receive"):
        return None
    names = arms.names.setdefault(key, [])
    for n in (name, f"{name} group", words[-1] if len(words) > 1 and len(words[-1]) > 4 else None):
        if n and n not in names:
            names.append(n)
    return key


def facts(sentence: str, section: str, arms: Arms, fid: str, ratio_before: Optional[str] = None) -> Optional[Finding]:
    """The finding of one sentence: its numbers, typed, with their arms. ``ratio_before``: the
    ratio the sentence before named (RR), which a sentence naming no measure of its own goes on
    reporting ("… a greater effect in trials longer than 36 months (0.71, 0.57-0.87)")."""
    from factcheck.text.numbers import extract

    norm = normalise(sentence)
    ms = [m for m in extract(norm) if m.checkable]
    if not ms:
        return None
    arm_at = arms.find(norm)
    values: list[Value] = []
    ci = p = None
    last_ratio: Optional[Value] = None
    if ratio_before and not (_OWN_MEASURE.search(norm) or _RATIO_ANYWHERE.search(norm)):
        last_ratio = Value(value=0.0, kind="ratio", label=ratio_before)
    last_ratio_end: Optional[int] = None
    shares = _shares(norm)
    for k, m in enumerate(ms):
        before = norm[max(0, m.start - 40):m.start]
        after = norm[m.end:m.end + 60]
        if m.start in shares and not isinstance(m.value, list):
            if shares[m.start] is not None:     # (the 1 of "1 in 9" is read with the 9)
                values.append(shares[m.start])
            continue
        if m.kind == "pvalue":
            p = p or (("<" if m.qualifier in ("less_than", "at_most") else ">" if m.qualifier in
                       ("more_than", "at_least") else "") + _fmt(float(m.value)))
            values.append(Value(value=float(m.value), kind="pvalue", label="p", qualifier=m.qualifier))
            continue
        if m.kind == "interval" or (isinstance(m.value, list) and (
                re.search(r"(CI|CrI|confidence interval|credible interval)[^0-9]{0,6}$", before) or (
                last_ratio is not None and re.search(r"CI|confidence|\(\s*$|,\s*$", before[-25:]))
                or interval_of_value_before(ms[:k], m, norm))):
            if isinstance(m.value, list):
                ci = ci or [float(x) for x in m.value]
                values.append(Value(value=[float(x) for x in m.value], kind="interval", label="ci"))
            continue
        if (re.search(r"\d\s*:\s*$", before[-3:]) or re.match(r"^\s*:\s*\d", after)) and not m.decimals:
            continue        # an allocation ratio (1:1), not a result (but "score 0: 1.20": a value after a colon)
        if isinstance(m.value, int) and _CATEGORY_INDEX.search(before[-12:]):
            continue        # "quintile 5 versus quintile 1", "HRQ5 versus Q1": which category, not a
            #                 value ("middle quintile 1.29" is one)
        if m.kind == "percent" and is_ci_level(m.value, after):
            continue        # the 95% of a 95% CI (a level is a percent: "0.87 (CI, 0.84 to 0.91)" is a value)
        v = _typed(m, before, after, section, norm[max(0, m.start - 160):m.start], norm[m.end:m.end + 200])
        if v is None:
            continue
        if v.unit == "year" and re.search(r"\(SD\s*$", before[-6:]):
            v.label = "sd"      # "51.3 years (SD 15.2 years)", as normalise() writes a mean's spread: no value of its own
        elif v.unit == "year" and _mean_age_before(norm, m.start) and not _FOLLOW_UP_AT.search(after[:16]) \
                and not _DURING_BEFORE.search(before):
            # "The mean (SD) age for those with dementia was 74.9 years … and for those without
            # dementia was 74.5 years": the sentence's years are ages ("The average age at cohort
            # entry was 45 years and the median follow-up was 3.4 years": the 45, not the 3.4)
            v.unit, v.kind = "age", ("range" if isinstance(v.value, list) else "measurement")
            v.label = None if v.label == "follow_up" else v.label
        elif v.unit == "" and v.kind == "measurement" and not isinstance(v.value, list) and _AGE_WAS.search(before):
            v.unit = "age"      # "The median age was 43 at cohort entry": an age with no "years" after it
        named = last_ratio.label if last_ratio is not None else _ratio_named_before(norm, m.start)
        if v.kind != "ratio" and named and v.unit == "" and (_ci_follows(ms, m, norm) or (
                m.decimals and v.kind == "measurement" and (_RESPECTIVELY.search(norm, m.end) or (
                    last_ratio_end is not None and _LISTED_AFTER.match(norm, last_ratio_end, m.start))))):
            # "(HR 0.74 …), stroke (0.65; 95% CI …)", "the hazard ratios … were 0.60 (95% CI …)":
            # a bare number with its own CI in a sentence about ratios is one of them; so is a
            # decimal of a list told "respectively" ("the hazard ratios … were 0.87, 0.88 and 0.91, respectively")
            v = Value(value=float(v.value), kind="ratio", label=named)
        # a ratio compares the arms: it belongs to none of them
        if v.kind == "ratio":
            last_ratio_end = m.end
        v.group = None if v.kind == "ratio" else _arm_of(m.start, m.end, arm_at, norm)
        v.note = m.role if m.role in ("compare_a", "compare_b") else None
        values.append(v)
        last_ratio = v if v.kind == "ratio" else last_ratio
    _pairs_by_order(ms, values, arm_at)
    if not values:
        return None
    return Finding(id=fid, text=sentence.strip(), measure=_measure(norm, ms), values=values, ci=ci, p=p,
                   source=section or "abstract")


# a sentence that names a measure of its own: a ratio named before does not carry into it
# (a ratio it names is read by _RATIO_ANYWHERE)
_OWN_MEASURE = re.compile(r"(?i:\bmean\b|difference|coefficient|\bbeta\b|score|points?\b)|\b(?:MD|SMD)s?\b|β")
_RATIO_ANYWHERE = re.compile(rf"(?i:{_RATIO_NAMES})|\b(?:{_RATIO_ABBR})s?\b")


_RESPECTIVELY = re.compile(r"\brespectively\b")
# "with HRs of 0.84 (95% CI, 0.78-0.90) and 0.77 (95% CI …": the next item of a list of ratios
# (its own interval may be cut off in a stored copy)
_LISTED_AFTER = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*(?:,|;)?\s*(?:and|or|vs\.?|versus|,)\s*$")


def _ratio_label(name: str) -> str:
    """HR, OR, RR, TR for a ratio's name as an abstract writes it ("hazards ratio", "aOR")."""
    return _RATIO_LABEL.get(name.lower().replace("hazards ", "hazard "), "ratio")


def _ratio_named_before(norm: str, pos: int) -> Optional[str]:
    """The kind of ratio the sentence speaks of before ``pos`` (the last one named)."""
    found = _RATIO_ANYWHERE.findall(norm[:pos])
    if not found:
        return None
    return _ratio_label(found[-1].rstrip("s"))


_CI_GAP = re.compile(r"^[\s,;(\[]*(?:9[059](?:\.\d)?%\s*(?:CI|confidence interval|credible interval)(?:\s*\[(?:9[059]%\s*)?CI\])?|CI)?[\s,:=]*$",
                     re.I)


def _ci_follows(ms, m, norm: str) -> bool:
    """An interval follows the number ("0.51 (95% confidence interval [CI], 0.32 to 0.82)")."""
    nxt = next((x for x in ms if x.start >= m.end and not (x.kind == "percent" and is_ci_level(x.value, norm[x.end:]))), None)
    return (nxt is not None and isinstance(nxt.value, list) and nxt.start - m.end <= 40
            and not isinstance(m.value, list) and _CI_GAP.match(norm[m.end:nxt.start]) is not None)


def _pairs_by_order(ms, values: list[Value], arm_at: list[tuple[int, str]]) -> None:
    """"52% versus 28%" in a sentence naming two arms: the first number is the first arm's, the
    second the other's, whatever word stands nearest to each."""
    order = list(dict.fromkeys(k for _p, k in arm_at))
    if len(order) < 2:
        for v in values:
            v.note = None
        return
    for v in values:
        if v.note == "compare_a":
            v.group = order[0]
        elif v.note == "compare_b":
            v.group = order[1]
        v.note = None


_ONE_IN = re.compile(r"(?<![\d.,\w])(\d{1,2})\s+in\s+(\d{1,4})(?![\w%]|[.,]\d)")


def _shares(norm: str) -> dict:
    """"~1 in 9 of all adults", "1 in 5 children": a share, as an article's 九分之一 tells it. By
    the start of each of its two numbers: the share (a percent) at the second, None at the first."""
    out: dict = {}
    for sm in _ONE_IN.finditer(norm) if " in " in norm else ():
        a, b = int(sm.group(1)), int(sm.group(2))
        if a < b and not 1900 <= b <= 2100:
            approx = "approx" if _APPROX_BEFORE.search(norm, 0, sm.start()) else None
            out[sm.start()] = None
            out[sm.start(2)] = Value(value=round(a / b * 100, 2), kind="percent", unit="%", qualifier=approx)
    return out


_COMPLETED_UNIT = re.compile(r"(\d)\s+(?:completed|complete|full)\s+(weeks|months|years|days)\b", re.I)
_MONEY_CODE = {"£": "GBP", "€": "EUR", "$": "USD"}     # (US$ is the dollar: its sign decides)
# (its thousands commas, not a comma that ends the clause: "≥$35 000, 27.5%")
_MONEY_SIGN = re.compile(r"(US\s?\$|[£€$])\s?(\d+(?:,\d{3})*(?:\.\d+)?)(?![\d.])")


def _money(m: re.Match) -> str:
    """"£400 ($440; €455)", "a €20 fee": the amount, then its currency, as the article's 400英镑."""
    return f"{m.group(2)} {_MONEY_CODE[m.group(1)[-1]]}"
_REGISTRY_GLUED = re.compile(r"\b((?:ISRCTN|NCT|ChiCTR|ACTRN|CRD|DRKS|UMIN|KCT|CTRI)[\w/-]*?\d)\.(?=\d)")
# the units an estimate's bracket may stand before (a unit glued to more, g/day, is left alone)
_BRACKETED_UNITS = (r"(percentage points?|points?|mm Hg|mmHg|kg/m2|kg/m²|kg|g|mg|µg|μg|ng/mL|mL|ml|cm|mm|kcal|steps|"
                    r"hours|minutes|days|weeks|months|years|times|-?fold)(?![\w/²])")
_INTERVAL_THEN_UNIT = re.compile(
    r"(?<![\d.])(-?\d+(?:\.\d+)?)(\s*[(\[]\s*95%\s*(?:CI|confidence interval)[^()\[\]]{0,40}[)\]])\s*" + _BRACKETED_UNITS)
# (an unlabelled range in the bracket takes the unit too, so that it is still read as the
# value's interval; times of life are read further on, by _SPREAD_THEN_UNIT)
_RANGE_THEN_UNIT = re.compile(
    r"(?<![\d.])(-?\d+(?:\.\d+)?)\s*([(\[])\s*(-?\d+(?:\.\d+)?\s*(?:to|-|–)\s*-?\d+(?:\.\d+)?)\s*([)\]])\s*"
    r"(?!(?:days|weeks|months|years)\b)" + _BRACKETED_UNITS)
_SPREAD_PAIR_THEN_UNIT = re.compile(
    r"(?<![\d.])(-?\d+(?:\.\d+)?)(\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)(\s+(?:versus|vs\.?|to)\s+)"
    r"(-?\d+(?:\.\d+)?\s*(?:±|\+/-)\s*\d+(?:\.\d+)?)\s*" + _BRACKETED_UNITS)
_SD_BEFORE = re.compile(r"[(\[]\s*(?:SD|s\.d\.)\s*[=:,]?\s*$", re.I)
_EFFECT_SIZE = re.compile(r"\beffect sizes?\b[^.;()]{0,30}$", re.I)
_OF_RISK = re.compile(r"\b(?:risk|hazard|odds|mortality)\b", re.I)


# (and a list of such values, each with its bracket but the last maybe, which normalise() may
# have rewritten: "37.2 (7.1), 25.9 (8.5), or 14.5 (6.6) years",
# "12 (n = 635), 24 (n = 610) and 48 (n = 449) months")
_SPREAD_THEN_UNIT = re.compile(r"^\s*[(\[][^()\[\]]{1,40}[)\]](?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\d+(?:\.\d+)?"
                               r"(?:\s*[(\[][^()\[\]]{1,40}[)\]])?){0,5}\s*(years?|months?|weeks?|days?)\b")
# "at least 75 vigorous-intensity or 150 moderate-intensity minutes": a value, the kind of time it
# counts, then the unit (or the pair's other value before it)
_KIND_THEN_UNIT = re.compile(r"^\s*(?:[a-z]+-[a-z]+\s+){0,2}(?:(?:or|and|to)\s+\d+(?:\.\d+)?\s+(?:[a-z]+-[a-z]+\s+){0,2})?"
                             r"(minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
_FOLLOW_UP_THEN_UNIT = re.compile(r"^\s*(?:median|mean|average)\s+follow[- ]?up\s+(years?|months?)\b", re.I)


def _unit_further_on(after: str) -> Optional[re.Match]:
    """"61.5 [56.7-66.0] years", "49.3 (11.9) years": a value, its spread in brackets, then its
    unit; or its unit after the words of a follow-up ("Over 26.4 median follow-up years")."""
    return _SPREAD_THEN_UNIT.match(after) or _FOLLOW_UP_THEN_UNIT.match(after) or _KIND_THEN_UNIT.match(after)


def _spread_label(label: Optional[str], before: str) -> Optional[str]:
    """"10 years (SD = 1.7)", "52.8 (SD, 11.8)": a spread, labelled sd (no value of its own)."""
    return "sd" if (label or "").lower() in ("sd", "s.d.") or (label is None and _SD_BEFORE.search(before)) else label


def _ratio_named(before: str, far_before: str) -> Optional[re.Match]:
    """The ratio a value is the estimate of, named just before it or before the categories it
    compares."""
    return RATIO.search(before) or (RATIO_COMPARING.search(far_before)
                                    if "compar" in far_before or " for " in far_before else None) \
        or (RATIO_WAS.search(far_before) if far_before.rstrip().endswith(("was", "were")) else None)


def _typed(m, before: str, after: str, section: str, far_before: str = "", far_after: str = "") -> Optional[Value]:
    """A mention as a Value of the paper: its kind, unit and label from the words around it
    (``far_before``, ``far_after``: the sentence further back, where a part finds its whole, and on)."""
    val = [float(x) for x in m.value] if isinstance(m.value, list) else m.value
    if isinstance(val, str):
        return None            # dates: the period of a study is not what articles check here
    unit, kind, label = m.unit or "", m.kind, _spread_label(m.label, before)
    r = _ratio_named(before, far_before)
    if r is None and not isinstance(val, list) and unit in ("", "x") and _EFFECT_SIZE.search(before) \
            and _OF_RISK.search(far_before):
        # "an increased risk of all-cause mortality (pooled effect size for social isolation,
        # 1.32; 95% CI …)": a meta-analysis's pooled ratio of a risk, a relative risk
        return Value(value=float(val), kind="ratio", label="RR")
    # "the hazard ratio … for ≥21 compared to 4–7 ejaculations per month was 0.81": a bounded
    # number is a category's cut-off, never the ratio's value
    if r and not isinstance(val, list) and unit in ("", "x") and not (
            m.qualifier in _BOUNDS or _english_bound(before)):
        return Value(value=float(val), kind="ratio", label=_ratio_label(r.group(1)))
    fold = re.match(r"^\s*(?:times|-?fold)\b(?:[^.;]{0,40}?\b(hazard|odds|risk|rate))?", after, re.I)
    if fold and not isinstance(val, list) and unit in ("", "x"):
        kind_word = (fold.group(1) or "").lower()
        return Value(value=float(val), kind="ratio", unit="x",
                     label={"hazard": "HR", "odds": "OR", "risk": "RR", "rate": "RR"}.get(kind_word, "ratio"))
    if unit == "" and re.search(r"\b(BMI|body mass index)\b[^.;]{0,25}$", before, re.I) \
            and not _COUNTED_AFTER.match(after):
        unit = "kg/m2"      # (not "between BMI and 22 of the most common cancers": a count)
    # "2 and 4 years", ">100–≤200 g per week": the unit the next number of the pair is written with
    shared = _SHARED_TIME_UNIT.match(after)
    amount = re.match(r"^\s*(?:and|or|to|-|–)\s*(?:[<>≤≥]\s*)?\d+(?:\.\d+)?\s*(g|mg|μg|kg|IU)\b", after)
    spread = None if unit or shared else (_unit_further_on(after) or _split_by_sex(far_before, after, val))
    # "by about 35 and 20%", "(76.1, 37.3, and 17.5%, respectively)": a share whose % a later number
    # carries; "annual percentage changes 6.1 and 4.6", "AAPC = 2.3": a yearly change, its % left out
    if not unit and not isinstance(val, list) and ((yearly := _ANNUAL_CHANGE.search(before)) or _SHARE_LIST_AFTER.match(after)):
        return Value(value=float(val), kind="percent", unit="%", label="change" if yearly else None)
    # "14.5 per 1 000 person-years", "33.3 per 10 000": a rate per thousand people (an article's
    # 14.5‰, 每万人33.3例)
    # (and the rate it is compared with: "14.5 per 1 000 person-years in one group vs 16.9 in the other")
    if not unit and not isinstance(val, list) and (per := _RATE_PER.match(after) or _RATE_VERSUS.search(far_before)):
        base = re.sub(r"[\s,]", "", per.group(1) or per.group(2))
        return Value(value=float(val), kind="percent", unit="%" if base == "100" else "per " + base, label=label)
    # "22 fewer days of headache per year", "3.5 more hours": a difference told in the unit after it
    more = None if unit or shared or spread or isinstance(val, list) else _MORE_OR_FEWER.match(after)
    if more:
        unit, label = _time_unit(more.group(1)), label or "change"
    elif not unit and (shared or spread):
        unit, kind = _time_unit((shared or spread).group(1)), ("duration" if kind == "measurement" else kind)
    elif not unit and amount:
        unit = amount.group(1).replace("μg", "ug")
    if not unit and re.search(r"\b(?:at|from|by)?\s*(?:the\s+)?aged?\s*$", before, re.I) and not isinstance(val, list):
        unit = "year"                                    # "at age 50": an age with its unit left out
    elif not unit and not isinstance(val, list) and _AGE_LIST_BEFORE.search(before):
        unit = "year"                                    # the 60 and 70 of "at age 50, 60, and 70"
    if unit in ("year",) and (AGE_BEFORE.search(before) or _OF_AGE_AFTER.match(after)):
        unit, kind = "age", ("range" if isinstance(val, list) else "measurement")
    elif unit in ("", "person") and (PEOPLE.match(after) or _listed_people(val, before, far_after or after)):
        unit, kind = "person", "range" if isinstance(val, list) else "count"
    elif unit == "" and (UNITS_OF_STUDY.match(after) or (part_of := _PART_OF_BEFORE.search(far_before))):
        word = (UNITS_OF_STUDY.match(after) or UNITS_OF_STUDY.match(part_of.group(1))).group(1).lower()
        unit = ("study" if word in _STUDY_WORDS else
                "site" if word in _SITE_WORDS else "country" if word == "countries" else "")
        kind = "count"
    elif re.match(r"^\s*n\s*=\s*$", before[-6:]) or re.search(r"\bn\s*=\s*$", before):
        unit, kind = "person", "count"
    elif unit == "" and not isinstance(val, list) and ASSIGNED.match(after):
        unit, kind = "person", "count"      # "549 were assigned to the as-needed group": people
    if unit in ("day", "week", "month", "year") and (FOLLOW_UP.search(before[-25:] + after[:25])
                                                     or _FOLLOWED_FOR.search(before[-48:])):
        label = "follow_up"
    elif kind == "percent" and CHANGE_BEFORE.search(before):
        label = label or "change"
    elif re.search(r"\bper\s+(?:each\s+|every\s+)?$", before[-12:]):
        label = "increment"        # "per 2 µg/m3", "per 10 g/day": the step a ratio is told for, not a level
    qualifier = m.qualifier if m.qualifier in _BOUNDS else _english_bound(before) or _bound_after(after)
    if qualifier == "more_than" and unit in ("day", "week", "month", "year") and _OVER_A_PERIOD.search(before):
        qualifier = None           # "monitored over 5 days": during them, not more than five
    if qualifier and kind not in ("pvalue",):
        label = "threshold"        # "at least 10%", "<120 mmHg": a cut-off, not a result
    elif not qualifier and kind == "percent" and _APPROX_BEFORE.search(before[-16:]):
        qualifier = "approx"       # "an about 90% increase": the paper's own rounding, read as an article's 约
    return Value(value=val, unit=unit, kind=kind, label=label, qualifier=qualifier)


def _listed_people(val, before: str, after: str) -> bool:
    """A whole count of a list whose items carry their category in brackets and whose last is
    followed by the people counted (_LISTED_PEOPLE): more items after it, or one before it."""
    if not (isinstance(val, (int, float)) and float(val).is_integer()):
        return False
    listed = _LISTED_PEOPLE.match(after)
    return bool(listed and (listed.group("more") or re.search(r"\)\s*,?\s*(?:and\s+)?$", before)))


# "65 years of age", "44 years and 60 years of chronological age", "70 years old": ages
_OF_AGE_AFTER = re.compile(r"^\s*(?:(?:and|or|to|,)\s*\d+(?:\.\d+)?\s*years?\s+)?(?:of\s+(?:[a-z]+\s+)?age\b|old\b)")
_TIME_UNIT = {"y": "year", "m": "month", "w": "week", "d": "day", "h": "hour"}
# "approximately 20 minutes: 17 for men and 22 for women", "10.2 years (9.8 in women, 10.9 in
# men)": a length, then its value in each sex with the unit left out
_SPLIT_BEFORE = re.compile(r"\b(years?|months?|weeks?|days?|hours?|minutes?)\s*[:(]\s*"
                           r"(?:\d+(?:\.\d+)?\s+(?:for|in|among)\s+(?:the\s+)?[\w-]+(?:\s*,\s*(?:and\s+)?|\s+and\s+))*$", re.I)
_FOR_A_SEX = re.compile(r"^\s+(?:for|in|among)\s+(?:the\s+)?(?:men|women|males|females|boys|girls)\b", re.I)


def _split_by_sex(far_before: str, after: str, val) -> Optional[re.Match]:
    """A length told for each sex after its overall value (see above): its unit of time's word."""
    return None if isinstance(val, list) or not _FOR_A_SEX.match(after) else _SPLIT_BEFORE.search(far_before)


def _time_unit(word: str) -> str:
    """The unit code of an English word of time (minutes, months: the first letter is not enough)."""
    word = word.lower()
    return "minute" if word.startswith("min") else _TIME_UNIT[word[0]]
# (and the pair compared: "menopause at <47 compared to 50 years", "5 vs 10 years")
# (or the last of a list: the 3 and 6 of "by ages 3, 6, and 12 months"; "the first 10 and up to 30 years")
_SHARED_TIME_UNIT = re.compile(r"^(?:\s*,\s*\d+(?:\.\d+)?){0,6}\s*,?\s*(?:and|or|to|-|–|vs\.?|versus|compared (?:with|to))"
                               r"\s*(?:up to\s+)?\d+(?:\.\d+)?\s*(years?|months?|weeks?|days?)\b")
_MORE_OR_FEWER = re.compile(r"^\s*(?:fewer|more|less|additional|extra)\s+(years?|months?|weeks?|days?|hours?)\b", re.I)
_APPROX_BEFORE = re.compile(r"\b(?:about|approximately|around|roughly|nearly|almost)\s*$|~\s*$", re.I)


_BOUNDS = ("less_than", "more_than", "at_least", "at_most")
# per 1 000, per 10,000, per 100000; per 100 (a percent: "1.3 per 100 women" is 1.3%)
_RATE_BASE = r"(?:per\s+|/\s*)(1[\s,]?000|10[\s,]?000|100[\s,]?000|100(?![\s,]?\d))(?![\d,])"
# (the first of "from 2.3 to 1.3 per 100 women" is a percent too)
_RATE_PER = re.compile(rf"\s*(?:cases?\s+|events?\s+|deaths?\s+)?(?:{_RATE_BASE}|(?:to|and|vs\.?|versus)\s+\d+(?:\.\d+)?\s+"
                       r"(?:cases?\s+|events?\s+|deaths?\s+)?per\s+(100)(?![\s,]?\d)(?![\d,]))")
_RATE_VERSUS = re.compile(rf"\d\s+{_RATE_BASE}[^.;()\d]{{0,60}}\b(?:vs\.?|versus)\s*$")
_COUNTED_AFTER = re.compile(r"\s+(?:of\s+(?:the\b|\d)|(?:[a-z-]+\s+){0,2}?[a-z]+s\b)", re.I)
_ENGLISH_BOUND = [(re.compile(r"\b(at least|no less than|no fewer than)\s*$|≥\s*$", re.I), "at_least"),
                  (re.compile(r"\b(at most|no more than|up to|within)\s*$|≤\s*$", re.I), "at_most"),
                  (re.compile(r"\b(more than|greater than|over|above|exceeding|higher than|beyond|longer than)\s*$|>\s*$",
                              re.I), "more_than"),
                  (re.compile(r"\b(less than|fewer than|under|below|lower than)\s*$|<\s*$", re.I), "less_than")]


# a verb of observation before "over" and a period: the period it lasted ("assessed over 7
# consecutive days", "followed over 10 years"); "aged over 65" is a bound
_OVER_A_PERIOD = re.compile(r"\b(?!aged\b)[a-z]+ed\s+over\s*$", re.I)

_BOUND_AFTER = re.compile(r"^\s*(?:years?\s+|yr\s+)?(?:or|and)\s+(?:(older|over|above|more)|(younger|under|below|less|fewer))\b",
                          re.I)


def _bound_after(after: str) -> Optional[str]:
    """The bound written after a number: "aged 65 years or older", "3 or fewer"."""
    m = _BOUND_AFTER.match(after)
    return None if m is None else ("at_least" if m.group(1) else "at_most")


def _english_bound(before: str) -> Optional[str]:
    """The bound written in words before a number: "at least 10%", "less than 120 mmHg"."""
    for pat, q in _ENGLISH_BOUND:
        if pat.search(before):
            return q
    return None


def _arm_of(a: int, b: int, arm_at: list[tuple[int, str]], text: str) -> Optional[str]:
    """The arm a number belongs to: named right after it (…18% in the control group), else the
    nearest before it in its clause."""
    after = [(p, k) for p, k in arm_at if b <= p <= b + 30 and not re.search(r"[;]|\bvs\b|versus", text[b:p])]
    if after and re.search(r"\b(in|among|for|of|with)\b[^;,]{0,12}$", text[b:after[0][0]]):
        return after[0][1]
    clause_start = max(text.rfind(";", 0, a), text.rfind(". ", 0, a))
    before = [(p, k) for p, k in arm_at if clause_start < p < a]
    return before[-1][1] if before else None


def _measure(norm: str, ms) -> str:
    """What the sentence measures, in the paper's words: the text before its first number,
    without leading connectives, or the sentence's opening words."""
    head = norm[:ms[0].start]
    head = re.sub(r"\([^)]*$", "", head)
    head = re.sub(r"^(?:in addition|furthermore|however|moreover|overall|results?|findings)[,:]?\s*", "", head.strip(),
                  flags=re.I)
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", head)
    if len(words) < 2:
        words = re.findall(r"[A-Za-z][A-Za-z\-]*", norm)[:12]
    return " ".join(words[-14:])


_ENROLMENT = re.compile(r"enrol|recruit|\bincluded\b|\bincluding\b|randomi[sz]ed|randomly|assigned|allocated|"
                        r"a total of|cohort of|sample of|\bamong\b|\bof the\b|were followed|were studied|"
                        r"were analy[sz]ed|data from|participants? \(", re.I)


def population_n(findings: list[Finding]) -> Optional[int]:
    """The sample: the largest count of people stated in a sentence about who was studied
    (enrolled, randomised, a total of, among); None when no sentence says so."""
    best = None
    for f in findings:
        if not _ENROLMENT.search(f.text):
            continue
        for v in f.values:
            if v.unit == "person" and v.kind == "count" and isinstance(v.value, (int, float)) and not v.group:
                if best is None or v.value > best:
                    best = int(v.value)
    return best


def merge_values(drafted: list[Finding], typed: Finding) -> None:
    """The drafter's findings of one sentence, with each value retyped as ``typed`` reads the
    same number (a ratio's label, an age, a count, a follow-up), and the numbers the drafter
    passed over added to the last of them. Groups and time points stay the drafter's."""
    pool = list(typed.values)
    grouped = any(v.group for f in drafted for v in f.values)
    for f in drafted:
        for v in f.values:
            twin = next((t for t in pool if t.value == v.value), None)
            if twin is None:
                continue
            pool.remove(twin)
            if twin.kind == "ratio" or (twin.unit and twin.unit != v.unit and v.unit in ("", "year", "person")):
                v.kind, v.unit = twin.kind, twin.unit
                v.label = twin.label if twin.kind == "ratio" else (v.label or twin.label)
                if v.label == "threshold" and twin.qualifier:
                    v.qualifier = twin.qualifier        # "aged 65 years or older": the bound with it
                if twin.kind == "ratio":
                    v.group = None          # a ratio compares the arms
                    continue
            elif twin.label == "follow_up" and not v.label:
                v.label = "follow_up"
            elif twin.label == "sd":
                v.label = "sd"              # "10 years (SD = 1.7)": the spread of the value before it
            elif twin.label == "threshold":
                v.label, v.qualifier = "threshold", twin.qualifier
            elif twin.label == "increment":
                v.label = "increment"
            elif v.kind in (None, "measurement") and twin.kind == "count":
                v.kind, v.unit = "count", twin.unit or v.unit
            if twin.qualifier == "approx" and not v.qualifier:
                v.qualifier = "approx"      # "an about 90% increase": the paper's own rounding
            if not grouped and v.label not in ("total", "n"):
                v.group = twin.group
    # a time the drafter read as a time point (At 48 weeks, …) is not a value of its own
    points = {re.sub(r"\D+", " ", v.timepoint or "").strip() for f in drafted for v in f.values} | {
        re.sub(r"\D+", " ", tp).strip() for f in drafted for tp in f.timepoints}
    # (every confidence interval the sentence gives, not only the first: "from 40.5 (95% CI:
    # 36.1, 44.7) to 23.7 (95% CI: 20.0, 27.0)" — an article quotes each)
    cis = [f.ci for f in drafted if f.ci]
    extra = [t for t in pool if t.kind != "pvalue"
             and (t.kind != "interval" or t.value not in cis)
             and not (t.unit in ("day", "week", "month", "year") and _fmt(float(t.value)) in points
                      if not isinstance(t.value, list) else False)]
    if extra and drafted:
        drafted[-1].values.extend(extra)


# ------------------------------------------------------------ what the abstract states in passing
#
# Articles quote an abstract's descriptive numbers as readily as its results: the follow-up
# ("week 4 and week 12"), the ages ("aged 40 to 79 years"), the doses ("two doses", "a single
# dose"), the schedule ("once weekly", "seven or more hot flushes per day"), a category ("within
# five years since quitting (YSQ)"). They are parameters of the study, not results, so a number
# the abstract states this way, with the same dimension, is the abstract's whatever sentence it
# stands in.

_W = "|".join(sorted(list(_NUM_WORDS) + list(_TENS), key=len, reverse=True))
_N = rf"(\d+(?:\.\d+)?|{_W})"
# nouns of a length or a score, not of things counted ("5 years of follow-up")
_LENGTHS = r"(?i:years|months|weeks|days|hours|minutes|seconds|times|points)\b"
_RANGE_OF = rf"{_N}(?:\s*(?:-|–|to|and|or)\s*<?\s*{_N})?"      # (12 to <18 years of age)
_TIME_WORD = {"year": "year", "yr": "year", "month": "month", "mo": "month", "week": "week", "wk": "week",
              "day": "day", "hour": "hour", "hr": "hour", "h": "hour", "minute": "minute", "min": "minute"}
_TIME_RE = r"(years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?|h|minutes?|mins?)"
_TIME_BEFORE_RANGE = re.compile(rf"\b{_TIME_RE}\s*$", re.I)
# ("2-4 weekly hours", "1-2 daily hours": the time word after its period's adjective)
_TIME_AFTER_RANGE = re.compile(rf"\s*(?:weekly\s+|daily\s+|monthly\s+)?{_TIME_RE}\b", re.I)
_MONTHS_ORDER = "January February March April May June July August September October November December".split()
_MONTHS = "|".join(_MONTHS_ORDER)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "single": 1}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_PER_WORD = {"day": "per_day", "daily": "per_day", "d": "per_day", "week": "per_week", "weekly": "per_week",
             "wk": "per_week", "month": "per_month", "monthly": "per_month", "mo": "per_month",
             "year": "per_year", "yearly": "per_year", "annually": "per_year"}
_STATED = [
    # "CoQ10 100 mg 3 times daily", "50 mg twice daily", "10 mg t.i.d.": the day's dose is the
    # dose times its frequency (每日300毫克 for 100 mg three times daily)
    ("daily_dose", re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(mg|g|μg|µg|mcg)\s+(?:orally\s+|by mouth\s+)?"
                              r"(?:(once|twice|thrice|one|two|three|four|[1-4])\s+(?:times?\s+)?(?:a\s+day|daily|per\s+day)"
                              r"|(b\.?i\.?d|t\.?i\.?d|q\.?i\.?d)\b)", re.I)),
    ("time", re.compile(rf"(?<!aged )(?<!age )\b((?:\d+(?:\.\d+)?\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|"
                        rf"\s*(?:-|–|to)\s*)){{0,4}}){_N}\s*(?:or\s+(?:more|longer)\s+)?{_TIME_RE}\b", re.I)),
    ("time_point", re.compile(r"\b(week|month|day|year)s?\s+(\d+)(?:,?\s+and\s+(\d+))?\b", re.I)),
    ("age", re.compile(rf"\b(?:aged?|ages)\s+(?:of\s+)?(?:between\s+)?{_RANGE_OF}", re.I)),
    # (and "70–84 year-old adults", "12-year-olds")
    ("age", re.compile(rf"\b{_RANGE_OF}\s*-?\s*years?(?:\s+|-)(?:of\s+age|olds?|or\s+older|and\s+older|or\s+younger)", re.I)),
    ("age", re.compile(rf"\b(?:younger|older)\s+than\s+{_N}\b", re.I)),
    # "at age 144 months", "60 months of age", "aged 4 to 11 months": an age counted in months
    ("age_months", re.compile(rf"\b(?:aged?|ages)\s+(?:of\s+)?(?:between\s+)?{_RANGE_OF}\s*months?\b", re.I)),
    ("age_months", re.compile(rf"\b{_RANGE_OF}\s*months?\s+(?:of\s+age|old)\b", re.I)),
    ("dose", re.compile(rf"\b{_RANGE_OF}\s+(?:doses?|injections?|shots?|jabs?)\b", re.I)),
    ("distance", re.compile(rf"\b{_RANGE_OF}\s*(miles?|km|kilomet(?:re|er)s?)\b", re.I)),
    ("dose_ordinal", re.compile(r"\b(first|second|third|fourth|fifth|single)\s+(?:\w+\s+)?(?:dose|injection|shot)\b",
                                re.I)),
    # "four behavioural and three biological metrics", "two vaccines", "3 categories": how many
    # things of a kind the study had (a prose count in an article: 三个指标, 两款疫苗)
    # (a lookahead, so that "four … and three … metrics" yields both)
    # (not a length: "5 years of follow-up" counts no things of a kind)
    ("count", re.compile(rf"(?<![\d.])\b(?={_N}\s+(?:(?!{_LENGTHS})[A-Za-z][A-Za-z-]*\s+){{0,4}}?(?!{_LENGTHS})"
                         r"[A-Za-z][A-Za-z-]*[a-z]s\b)", re.I)),
    # ("four twice-yearly distributions", "monitored mortality twice yearly": per year)
    ("frequency", re.compile(r"\b(once|twice|thrice)(?:[\s-]+(?:a\s+|per\s+|every\s+)?|\s*/\s*)(day|daily|week|weekly|month|monthly|year|yearly|annually)\b",
                             re.I)),
    # ("5 or more cups/d", "≥2 times/wk": the period cut short after its slash)
    ("frequency", re.compile(rf"\b{_N}\s+(?:or\s+more\s+)?(?:times?|[\w-]+(?:\s+[\w-]+){{0,5}}?)(?:\s+(?:per|a|each)\s+|\s*/\s*)(day|week|month|(?<=/)(?:d|wk|mo))\b",
                             re.I)),
    # any range the abstract writes (eGFR 25-75, 15-39 years, 200-5000 mg/g), its confidence
    # intervals apart: an article's range with both ends equal is the abstract's
    # (a range may end its sentence: "at weeks 13 to 16.")
    ("range", re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:–|-|to)\s*(\d+(?:\.\d+)?)(?!\d|\.\d)")),
    # every P value the abstract writes ("14% lower at 6 months (P<0.001), 20% lower at 9 months
    # (P<0.001)"): a finding keeps one, an article may quote each
    ("p", re.compile(r"\b[Pp]\s*(<=|>=|=|<|>|≤|≥)\s*(0?\.\d+|1(?:\.0+)?)(?![\d.])")),
    # "randomly assigned, in a 2:1 ratio", "randomized 1:1:1": the allocation ratio (first arm over second)
    ("allocation", re.compile(r"(?<![\d.:])\b([1-9])\s?:\s?([1-9])(?::[1-9])?\b(?![\d.:])"
                              r"(?=[^.;]{0,12}\bratio\b)|(?<=random)[a-z]*(?:ly)?(?:\s+(?:assigned|allocated))?"
                              r"(?:\s+\w+){0,6}?,?\s+(?:in\s+a\s+|at\s+a\s+)?\(?([1-9])\s?:\s?([1-9])(?::[1-9])?\b(?![\d.:])",
                              re.I)),
    # one unit of time named by a word ("over a week", "once a day", "per month"): the period an
    # article's 一周 or 一天 refers to (前一周午睡了1~2次)
    # a time of day ("supper before 9 pm", "after 10:30 p.m.", "before 21:00"): the hour on the
    # 24-hour clock, as an article's 晚上9点 or 21:00 reads it
    ("clock", re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I)),
    ("clock", re.compile(r"\b(?:before|after|at|until|by|from|to|between|and)\s+([01]?\d|2[0-3]):([0-5]\d)(?![\d:])", re.I)),
    ("time_one", re.compile(r"\b(?:a|one|per|each|every)[\s-]+(?:(?:each|every|extra|additional|further)\s+){0,2}(week|month|day|year|hour)\b", re.I)),
    # ("week-long glucose levels", "a year-long programme": one unit of time, an article's 一周)
    ("time_one", re.compile(r"\b(week|month|day|year|hour)[\s-]long\b", re.I)),
    # a study period ("NHS participants (1980-2023)", "From 2009 through 2024", "between 1999 and
    # 2013"): an article's "长达43年" or "历时15年" is its length
    ("period", re.compile(r"\b((?:19|20)\d\d)\s*(?:–|-|to|through|until|and)\s*((?:19|20)\d\d)\b", re.I)),
    # (or its start and end told by two verbs: "was launched in 2004 and continued until 2018")
    ("period", re.compile(r"\b(?:in|from|since)\s+((?:19|20)\d\d)\s+and\s+(?:\w+\s+){1,3}?(?:until|through|till|to)\s+"
                          r"((?:19|20)\d\d)\b")),
    # with its months and days: "Between May 1, 2010, and April 1, 2015", "from 1989 and through June 2011"
    # (and the day before its month: "from 1 January 2012, to 31 December 2021")
    ("dated_period", re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d),?\s+"
                          r"(?:and\s+)?(?:to|through|until|and)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b")),
    # (or month to month without a preposition: "conducted using January 2008 to December 2019 records")
    ("dated_period", re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d),?\s+(?:to|through|until|–|-)\s+"
                                rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b")),
    # "the top and bottom third of intakes", "across quartiles": the share of the sample each
    # category holds, which an article tells as 三分之一 / 四分之一
    ("fraction", re.compile(r"\b(?:(?:top|bottom|highest|lowest|upper|lower|middle)\s+(?:and\s+(?:top|bottom|highest|lowest|"
                            r"upper|lower|middle)\s+)?(third|quarter|fifth)|(tertile|quartile|quintile|thirds|quarters|fifths)"
                            # a share told in words ("accounted for about one-third of the risk reduction")
                            r"|(?:one|a)[- ](third|quarter|fifth)(?:\s+of)\b"
                            # "had less than half the rate of CLD", "half of the participants"
                            r"|\b(half)\s+(?:of|the)\b)", re.I)),
    # a year the abstract names for its data or its forecast ("in 2021", "to 2050", "from 1990"):
    # an article's 2050年 or 1990年 told of the study
    # (a date before it, "from 1 January 2012", and data before or after a year: "post-2000")
    ("year", re.compile(r"(?:\b(?i:in|by|to|through|until|from|since|between|and|for|of|during)\s+(?:\d{1,2}\s+)?"
                        r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
                        r"|\b(?:post|pre)-|\b(?:[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn)\s+(?:of\s+)?)"
                        r"((?:19|20)\d\d)\b(?![-–]\d|\s*[-–]\s*\d)")),
    # a month the abstract names, with a day or a year by it or a preposition before it ("to 30
    # May 2023", "conceived in May"): an article's 今年5月, 9月份 told of the study
    ("month_named", re.compile(rf"(?:\b\d{{1,2}}\s+|\b(?:in|of|during|since|until|through|from|to|and|between)\s+)"
                               rf"({_MONTHS})\b|\b({_MONTHS})\s+\d")),
    # "during the first year of life": the first year of age (an article's 一岁前, 一周岁内); "in the
    # first 2 years of life", "the first three years of life": that age (2岁前, 三岁以内)
    ("first_year", re.compile(rf"\bfirst\s+(?:{_N}\s+)?years?\s+of\s+life\b", re.I)),
    # "1 or more SSBs daily", "less than 1 SSB monthly"
    ("frequency", re.compile(rf"\b{_N}\s+(?:or\s+more\s+)?(?:[A-Za-z]+\s+){{0,3}}?(daily|weekly|monthly)\b", re.I)),
]
# "years since quitting (YSQ)": an abbreviation whose long form starts with a unit of time
_ABBR_DEF = re.compile(r"\b(years?|months?|weeks?|days?)\s+[a-z][a-z ]{2,40}?\s*\(([A-Z]{2,6})\)")


def _num(x: str) -> float:
    x = x.lower()
    return float(_NUM_WORDS[x]) if x in _NUM_WORDS else float(_TENS[x]) if x in _TENS else float(x)


_TIMES_A_DAY = {"once": 1, "one": 1, "1": 1, "twice": 2, "two": 2, "2": 2, "thrice": 3, "three": 3, "3": 3,
                "four": 4, "4": 4, "bid": 2, "tid": 3, "qid": 4}


def stated_quantities(text: str, definitions: str = "") -> list[Value]:
    """Durations, ages, doses and frequencies the abstract states anywhere, each with the words
    around it (``note``), in the units article mentions use (year/month/…, age, dose_unit,
    per_day/per_week/per_month). ``definitions``: more of the abstract where abbreviations are
    defined (a Background defines "years since quitting (YSQ)" that the Results count in).
    (Long: one branch per kind of pattern in ``_STATED``, each reading its own groups into
    ``add``; the table of patterns, not this loop, is where a new kind of number is declared.)"""
    norm = normalise(text)
    out: list[Value] = []
    seen: set = set()

    def add(value, unit: str, m: re.Match, bound: Optional[str] = None, label: Optional[str] = None) -> None:
        norm = m.string
        if re.search(r"(±|\+/-|SD|\bsd)\s*$", norm[max(0, m.start() - 4):m.start()]):
            return          # "62±8 years": the 8 is a standard deviation, not a stated length
        key = (str(value), unit, bound if unit == "p" else None, label)
        if key in seen:
            return
        seen.add(key)
        a, b = max(0, m.start() - 50), min(len(norm), m.end() + 30)
        out.append(Value(value=value, unit=unit, kind="stated", qualifier=bound, label=label,
                         note=" ".join(norm[a:b].split())))

    def span(m: re.Match, i: int = 1):
        lo, hi = m.group(i), m.group(i + 1)
        return [_num(lo), _num(hi)] if hi else _num(lo)

    for kind, pat in _STATED:
        for m in pat.finditer(norm):
            if kind == "time":
                if re.search(r"\bage[sd]?\s+(?:of\s+|between\s+)?[\d.,\s]*(?:-|–|to)?\s*$", norm[max(0, m.start() - 24):m.start()]):
                    continue                     # "aged 40-65 years" is an age (below), not a length
                word = m.group(3).lower()
                unit = _TIME_WORD.get(word) or _TIME_WORD.get(word.rstrip("s"))
                # "fewer than 3, 3 to 9, or 10 or more years": every number of the list has the unit
                listed = re.findall(r"\d+(?:\.\d+)?", m.group(1) or "")
                nums = [float(x) for x in listed] + [_num(m.group(2))]
                sep = re.search(r"\d\s*(?:-|–|to)\s*$", m.group(1) or "")
                if sep and len(nums) >= 2:
                    add(nums[-2:], unit, m)      # "3 to 9 years" as the range it is
                for k, x in enumerate(nums):
                    # "within five years", "fewer than 3, …", "10 or more years": a bound
                    bound = (_bound_before(norm, m.start()) if k == 0 and not sep else None) or \
                        ("at_least" if k == len(nums) - 1 and re.search(r"or\s+(more|longer)", m.group(0)) else None)
                    add(x, unit, m, bound)
            elif kind == "time_point":
                unit = _TIME_WORD[m.group(1).lower()]
                for g in (2, 3):
                    if m.group(g):
                        add(float(m.group(g)), unit, m)
            elif kind == "age":
                if re.match(r"\s*(?:(?:-|–|to|and|or)\s*\d+(?:\.\d+)?\s*)?(?:months?|weeks?|days?)\b", norm[m.end():]):
                    continue                     # "at age 144 months": an age in months (below)
                v = span(m) if m.lastindex and m.lastindex >= 2 else _num(m.group(1))
                add(v, "age", m)
                for x in (v if isinstance(v, list) else [v]):
                    add(x, "age", m)
            elif kind == "age_months":
                v = span(m) if m.lastindex and m.lastindex >= 2 and m.group(2) else _num(m.group(1))
                for x in ([v] + v if isinstance(v, list) else [v]):
                    add(x, "month", m)                   # 4至11个月: the months as written
                    if not isinstance(x, list) and x >= 12 and x % 12 == 0:
                        add(x / 12, "age", m)            # 12岁 for "at age 144 months"
            elif kind == "range":
                if re.search(r"(CI|confidence interval|interval|IQR)[\s,:;=\[(]*$", norm[max(0, m.start() - 24):m.start()], re.I):
                    continue
                lo, hi = float(m.group(1)), float(m.group(2))
                if lo < hi:
                    add([lo, hi], "range", m)
                    if lo == int(lo) and hi == int(hi) and 1900 <= lo and hi <= 2100:
                        # a cohort's years in brackets, "Nurses' Health Study (1980-2008)": a period
                        add([lo, hi], "period", m)
                    # "at weeks 13 to 16", "1-6 months": a window of time, which an article's
                    # 第13-16周 names in its units
                    w = _TIME_BEFORE_RANGE.search(norm, max(0, m.start() - 8), m.start()) \
                        or _TIME_AFTER_RANGE.match(norm, m.end())
                    if w and not AGE_BEFORE.search(norm[max(0, m.start() - 30):m.start()]):
                        add([lo, hi], _TIME_WORD[w.group(1).lower().rstrip("s")], m)     # (not "aged 40-65 years")
            elif kind == "count":
                x = _num(m.group(1))
                if x == int(x) and 1 <= x <= 20:
                    add(x, "count", m)
            elif kind == "distance":
                unit = "mile" if m.group(3).lower().startswith("mile") else "km"
                v = span(m)
                for x in ([v] + v if isinstance(v, list) else [v]):
                    add(x, unit, m, None if isinstance(x, list) else _bound_before(norm, m.start()))
            elif kind == "p":
                op = m.group(1)
                add(float(m.group(2)), "p", m, {"<": "less_than", ">": "more_than", "≤": "at_most", "<=": "at_most",
                                                "≥": "at_least", ">=": "at_least"}.get(op))
            elif kind == "allocation":
                a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                add(float(a) / float(b), "allocation", m)
            elif kind == "dose":
                add(span(m), "dose_unit", m)
            elif kind == "daily_dose":
                times = _TIMES_A_DAY[(m.group(3) or m.group(4)).lower().replace(".", "")]
                unit = {"mg": "mg", "g": "g"}.get(m.group(2).lower(), "ug")
                add(_num(m.group(1)) * times, unit, m, label="daily")
            elif kind == "clock":
                h = int(m.group(1)) + (int(m.group(2)) / 60 if m.group(2) else 0)
                if m.lastindex >= 3 and m.group(3) and m.group(3).lower() == "p" and h < 12:
                    h += 12
                if h <= 24:
                    add(h, "clock", m)
            elif kind == "time_one":
                add(1.0, _TIME_WORD[m.group(1).lower()], m)
            elif kind in ("period", "dated_period"):
                lo, hi = float(m.group(1)), float(m.group(2))
                if lo < hi:
                    add([lo, hi], "period", m, label="dated" if kind == "dated_period" else None)
            elif kind == "fraction":
                word = (m.group(1) or m.group(2) or m.group(3) or m.group(4)).lower().rstrip("s")
                add({"third": 100 / 3, "tertile": 100 / 3, "quarter": 25.0, "quartile": 25.0,
                     "fifth": 20.0, "quintile": 20.0, "half": 50.0}[word], "fraction", m)
            elif kind == "year":
                add(float(m.group(1)), "year_named", m)
            elif kind == "month_named":
                add(float(_MONTHS_ORDER.index(m.group(1) or m.group(2)) + 1), "month_named", m)
            elif kind == "first_year":
                add(_num(m.group(1)) if m.group(1) else 1.0, "age", m)
            elif kind == "dose_ordinal":
                add(float(_ORDINAL[m.group(1).lower()]), "dose_unit", m)
            else:
                add(*_schedule(m), m)
    # "one drink (12 g) per day": a schedule read again with short brackets taken out; "once or
    # twice weekly": each of the two schedules, and the span of them
    bare = re.sub(r"\s*\([^()]{1,20}\)", "", norm)
    for m in _EITHER_SCHEDULE.finditer(norm):
        lo, per = _TIMES[m.group(1).lower()], _PER_WORD[m.group(3).lower()]
        hi = _TIMES[m.group(2).lower()]
        add(float(lo), per, m)
        if lo < hi:
            add([float(lo), float(hi)], per, m)
    if bare != norm:
        for kind, pat in _STATED:
            if kind == "frequency":
                for m in pat.finditer(bare):
                    add(*_schedule(m), m)
    sure = _sure_arm_count(norm)
    arms = sure or _listed_arm_count(norm)
    if arms is not None:
        n, m = arms
        add(float(n), "count", m)          # 两组 / 三组 for the trial's arms
    if sure is not None:
        # a design that fixes its number of arms, which an article's 随机分为N组 is held to
        add(float(sure[0]), "count", sure[1], label="arms")
    for value, m in named_dates(norm):
        add(value, "date_named", m)
    for d in _ABBR_DEF.finditer(normalise(definitions) + "\n" + norm if definitions else norm):
        unit = _TIME_WORD[d.group(1).lower().rstrip("s")]
        for m in re.finditer(rf"(?:<\s*|>\s*|≥\s*|≤\s*)?{_RANGE_OF}\s*{d.group(2)}\b", norm, re.I):
            v = span(m)
            for x in ([v] + v if isinstance(v, list) else [v]):
                add(x, unit, m, None if isinstance(v, list) else _bound_before(norm, m.start()))
    return out


# a month as abstracts write it, whole or cut short ("Sept", "Aug.")
MONTH_WORD = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:[a-z]*)\.?"
# "September 19, 2023", "1 January 2012", "June 2011", "January 1 to June 30, 2005": a day or
# a month with its year (a day without one is a day of every year: "May 31 the following year")
_NAMED_DATE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})\s+{MONTH_WORD.replace('(Jan', '(?P<m1>Jan')}|"
                         rf"{MONTH_WORD.replace('(Jan', '(?P<m2>Jan')}(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?)"
                         r"(?:,?\s+(?P<y>(?:1[89]|20)\d\d)\b)?(?![-–]\d|\d|;\d)")
_DATE_LINKED = re.compile(r",?\s*(?:to|through|until|and|-|–)\s*")


def named_dates(norm: str) -> list[tuple[float, re.Match]]:
    """The dates an abstract names, as YYYYMMDD numbers (00 for a day or a year it does not
    give): an article's 2023年9月19日, 2016年1月 or 5月31日 is held to them. A first date whose
    year the second carries ("July 15 and October 20, 2022") takes that year."""
    found = []
    for m in _NAMED_DATE.finditer(norm):
        mon = m.group("m1") or m.group("m2")
        d = m.group("d1") or m.group("d2")
        if (d is None and m.group("y") is None) or (mon == "May" and d is None and m.group("y") is None):
            continue        # a month word alone ("may") is no date
        month = _MONTHS_ORDER.index(next(x for x in _MONTHS_ORDER if x.startswith(mon[:3].title()))) + 1
        day = int(d) if d else 0
        if not 0 <= day <= 31:
            continue
        found.append([int(m.group("y") or 0), month, day, m])
    for k in range(len(found) - 1):
        first, second = found[k], found[k + 1]
        if first[0] == 0 and second[0] and _DATE_LINKED.fullmatch(norm, first[3].end(), second[3].start()):
            first[0] = second[0]
    return [(date_number(y, mo, d), m) for y, mo, d, m in found]


_ARM_LIST = re.compile(r"\b(?:randomly\s+assigned|randomi[sz]ed|allocated|assigned(?=\s+in\s+a\s+[1-9]\s?:\s?[1-9]))\b(?P<ratio>[^.;]{0,60}?\(?\b[1-9](?::[1-9]){1,3}\b)?"
                       r"[^.;]{0,160}?\bto\s+(?:receive\s+|either\s+)?(?P<arms>[^;]{3,200}?)(?=[;]|\.(?!\d)|$)", re.I)


_DOSE_ARMS = re.compile(r"\bdoses?\s+of\s+(?:\d+(?:\.\d+)?\s*(?:mg|g|μg|mcg|IU)\s*,\s*)+(?:or|and)\s+"
                        r"\d+(?:\.\d+)?\s*(?:mg|g|μg|mcg|IU)\b", re.I)
_FACTORIAL = re.compile(r"\b([2-4]|two|three|four)\s*(?:×|x|-by-|by|\s+by\s+)\s*([2-4]|two|three|four)[\s-]+factorial\b", re.I)
_ONE_OF = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _listed_arm_count(norm: str) -> Optional[tuple[int, re.Match]]:
    """How many arms a trial randomised to, read from the treatments listed after "assigned … to
    receive" ("A or placebo": two; "placebo, A 30 mg, or A 45 mg": three; or-lists inside
    brackets are one arm's doses), where the design does not fix them (``_sure_arm_count``)."""
    for m in _ARM_LIST.finditer(norm):
        flat = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", m.group("arms"))
        flat = re.split(r"\b(?:for|from|during|over|until|plus|in addition)\b", flat)[0]
        if " or " not in flat and " versus " not in flat and " vs" not in flat:
            continue
        parts = [x for x in re.split(r",\s*(?:or\s+)?|\s+or\s+|\s+versus\s+|\s+vs\.?\s+", flat) if x.strip()
                 # ", at a dose of 150 mg per day," describes the arm before it
                 and not re.match(r"\s*(?:at|with|given|taken|administered|which|that|each|both|along|together|"
                                  r"followed)\b", x, re.I)]
        doses = _DOSE_ARMS.search(flat)
        if doses:
            # "psilocybin at a dose of 25 mg, 10 mg, or 1 mg": one arm a dose (and placebo after them)
            n = len(re.findall(r"\d+(?:\.\d+)?\s*(?:mg|g|μg|mcg|IU)\b", doses.group(0)))
            return n + bool(re.search(r"\bplacebo\b", flat[doses.end():], re.I)), m
        if 2 <= len(parts) <= 5:
            return len(parts), m
    return None


def _sure_arm_count(norm: str) -> Optional[tuple[int, re.Match]]:
    """The number of arms where the design fixes it beyond doubt: a factorial (2 × 2: four), an
    allocation ratio (1:1:1: three), "either A or one of four B" (five). A list of treatments
    alone may hold commas of its own ("a proprietary, synthetic formulation"): not sure."""
    factorial = _FACTORIAL.search(norm)
    if factorial:
        a, b = (_ONE_OF.get(g.lower()) or int(g) for g in factorial.groups())
        return a * b, factorial
    for m in _ARM_LIST.finditer(norm):
        if m.group("ratio"):
            return m.group("ratio").count(":") + 1, m
        one_of = re.search(r"\beither\b[^.;]{3,120}?\bor\s+one\s+of\s+(\d|two|three|four|five|six)\b", m.group(0), re.I)
        if one_of:
            k = one_of.group(1).lower()
            return 1 + (_ONE_OF[k] if k in _ONE_OF else int(k)), m
    return None


_EITHER_SCHEDULE = re.compile(r"\b(once|twice|thrice)\s+or\s+(once|twice|thrice)[\s-]+(?:a\s+|per\s+|every\s+)?"
                              r"(day|daily|week|weekly|month|monthly)\b", re.I)


def _schedule(m: re.Match) -> tuple[float, str]:
    """A frequency match as (times, per_day/per_week/per_month): "twice daily", "3 times a week"."""
    w = m.group(1).lower()
    return (float(_TIMES[w]) if w in _TIMES else _num(w)), _PER_WORD[m.group(2).lower()]


def _bound_before(norm: str, start: int) -> Optional[str]:
    """The bound the words just before a number put on it ("within five years": at most)."""
    return _english_bound(norm[max(0, start - 20):start])
