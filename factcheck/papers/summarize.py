"""Draft a structured summary (factcheck.papers.summaries.Summary) from an abstract or a paper's text.

A draft is a starting point for a curator, never a curated summary: ``curated`` is always
false, and :func:`write_summary` refuses to overwrite a file whose YAML says ``curated: true``.

What the drafter reads
* metadata it can see: the title (first non-empty line when it looks like one), DOI, PMID,
  year; or the :class:`factcheck.papers.sources.Record` when the paper was fetched;
* the abstract: for a full paper the 摘要/Abstract block (the Chinese one first for a
  Chinese paper), else the whole text; sections (目的/方法/结果/结论, Background/Methods/
  Results/Conclusions) by their headings, inline or on lines of their own;
* the design, from wording cues in ``data/design_cues.yaml``;
* the population size and groups: "91 patients", "335例", "UC-MSCs (n = 45)";
* findings: one per result sentence (split where a sentence holds several comparisons each
  with its own p), numbers from the project's extractor ``factcheck.text.numbers.extract``;
  values are split by group and timepoint where the text shows them; p-values and CIs go to
  the finding's ``p``/``ci``; non-checkable mentions are skipped;
* the conclusion and its strength from the hedge cues in ``data/hedge_cues.yaml``.

:func:`recovery_eval` measures how many numbers of hand-curated summaries a draft recovers.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

import yaml

from factcheck.papers.abstract_en import MONTH_WORD, interval_of_value_before, is_ci_level
from factcheck.text.doi import DOI_START
from factcheck.ingest.reader import html_to_text
from factcheck.papers.summaries import (SEX_GROUPS, Conclusion, Finding, Population, Summary, SummaryError, Value,
                                        date_number, load_summary, normalize_doi, numbers_of)
from factcheck.text.textnorm import fold_width, looks_traditional, to_simplified
from factcheck.core import fsutil

if TYPE_CHECKING:                               # pragma: no cover
    from factcheck.papers.sources import Record

DATA = Path(__file__).parent.parent / "data"
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_CJK_RE = re.compile(f"[{_CJK}]")


# ================================================================ cue files

@dataclass
class _Cues:
    flags: dict                      # name -> (compiled patterns, compiled excludes, emit)
    designs: list                    # rules
    species: list                    # (name, compiled)
    group_keys: dict
    strength: list                   # (strength, compiled)
    result_verbs: re.Pattern
    not_results: re.Pattern
    direction: dict                  # name -> compiled
    comparative: dict                # name -> compiled
    significance: dict               # name -> compiled


def _rx(patterns: Iterable[str]) -> re.Pattern:
    """One alternation; Latin-only patterns get word boundaries."""
    parts = []
    for p in patterns:
        p = str(p)
        if _CJK_RE.search(p) or not re.search(r"[A-Za-z]", p):
            parts.append(f"(?:{p})")
        else:
            parts.append(rf"(?<![A-Za-z0-9])(?:{p})(?![A-Za-z])")
    return re.compile("|".join(parts) or r"(?!x)x", re.I)


def _load_yaml(name: str) -> dict:
    with open(DATA / name, "r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{DATA / name}: expected a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = _load_yaml("design_cues.yaml")
    h = _load_yaml("hedge_cues.yaml")
    flags = {}
    for name, spec in (d.get("flags") or {}).items():
        flags[name] = (_rx(spec.get("patterns") or []),
                       _rx(spec.get("exclude") or []) if spec.get("exclude") else None,
                       bool(spec.get("emit")))
    species = [(k, _rx(v)) for k, v in (d.get("species") or {}).items()]
    strength = [(lvl["strength"], _rx(lvl.get("patterns") or []))
                for lvl in (h.get("conclusion_strength") or [])]
    rv = h.get("result_verbs") or {}
    return _Cues(
        flags=flags, designs=list(d.get("designs") or []), species=species,
        group_keys=dict(d.get("group_keys") or {}), strength=strength,
        result_verbs=_rx(rv.get("patterns") or []), not_results=_rx(rv.get("not_results") or []),
        direction={k: _rx(v) for k, v in (h.get("direction") or {}).items()},
        comparative={k: _rx(v) for k, v in (h.get("direction_comparative") or {}).items()},
        significance={k: _rx(v) for k, v in (h.get("significance") or {}).items()},
    )


# ================================================================ the extractor

def _extract(text: str):
    """Mentions of ``text`` from the project's extractor (imported late: it is optional)."""
    from factcheck.text.numbers import extract          # noqa: WPS433  (project extractor, see numbers.py)

    return extract(text)


# ================================================================ text preparation

_HEADING_WORDS = (r"摘\s*要|Abstract|ABSTRACT|Summary|关\s*键\s*词|Key\s*words|KEYWORDS|Keywords|"
                  r"目\s*的|背\s*景|方\s*法|结\s*果|结\s*论|Background|BACKGROUND|Introduction|"
                  r"INTRODUCTION|Objectives?|OBJECTIVES?|Aims?|Purpose|(?i:methods\s+and\s+(?:results|findings))|"
                  r"Methods|METHODS|"
                  r"Materials?\s+and\s+methods|MATERIALS?\s+AND\s+METHODS|Design|Results|RESULTS|"
                  r"Findings|Conclusions?|CONCLUSIONS?|Interpretation|Trial\s+registration|引\s*言|"
                  r"参考文献|References|REFERENCES|中图分类号")
_LINE_HEADING = re.compile(
    rf"^\s*[【\[]?(?:{_HEADING_WORDS})[】\]]?\s*(?:[:：·.]|\s{{2,}}|\s*$|\s(?=[{_CJK}]))"
    rf"|^\s*\d+(?:\.\d+)*\.?\s+\S{{1,40}}\s*$")
_TERMINAL = tuple("。！？!?.:：;；")


def _join_char(prev: str, nxt: str) -> str:
    """What goes between two wrapped lines: nothing inside Chinese or numbers, else a space."""
    a, b = prev[-1:], nxt[:1]
    if not a or not b:
        return ""
    if _CJK_RE.match(a) or _CJK_RE.match(b) or a in "=～~–—-/（(：:，,、＜＞<>≤≥" \
            or b in "）)，,。、：:；;%":
        return ""
    return " "


def unwrap(text: str) -> str:
    """Join lines wrapped by PDF extraction into paragraphs (one per line of the result).

    A line starts a new paragraph when the previous one ended a sentence, or when it (or the
    previous one) is a heading. A soft hyphen (U+2010/U+00AD) at a line end joins the word.
    """
    paras: list[str] = []
    cur = ""
    prev_heading = False
    for raw in text.splitlines():
        line = " ".join(raw.replace("\u3000", " ").split())
        if not line:
            continue
        hm = _LINE_HEADING.match(line)
        heading = bool(hm)
        standalone = bool(hm) and not line[hm.end():].strip()
        if not cur:
            cur = line
        elif heading or prev_heading or cur.endswith(_TERMINAL):
            paras.append(cur)
            cur = line
        elif cur[-1] in "\u2010\u00ad" and line[:1].islower():
            cur = cur[:-1] + line
        else:
            cur = cur + _join_char(cur, line) + line
        prev_heading = standalone and len(line) < 40
    if cur:
        paras.append(cur)
    return "\n".join(paras)


def _is_cjk_text(s: str, threshold: float = 0.3) -> bool:
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    return sum(1 for c in letters if _CJK_RE.match(c)) / len(letters) >= threshold


_ABSTRACT_START = re.compile(r"^\s*[【\[]?(摘\s*要|Abstract|ABSTRACT|Summary)[】\]]?\s*[:：·.]?\s*",
                             re.M)
_ABSTRACT_END = re.compile(rf"^\s*[【\[]?(关\s*键\s*词|Key\s*words|KEYWORDS|Keywords|Key words|"
                           rf"中图分类号|引\s*言|Introduction\s*$|INTRODUCTION|\d+\.?\s*(?:引言|前言|"
                           rf"Introduction|背景))", re.M)


def find_abstracts(paras: str) -> dict[str, str]:
    """``{"zh": ..., "en": ...}``: the abstract blocks of unwrapped text (missing keys: none)."""
    out: dict[str, str] = {}
    for m in _ABSTRACT_START.finditer(paras):
        start = m.end()
        rest = paras[start:]
        end_m = _ABSTRACT_END.search(rest)
        block = rest[:end_m.start()] if end_m else rest
        # a Chinese abstract stops at the first paragraph that is not Chinese (an English title)
        lines = block.split("\n")
        lang = "zh" if _is_cjk_text(lines[0][:200]) else "en"
        kept = []
        for i, ln in enumerate(lines):
            if i and lang == "zh" and ln.strip() and not _is_cjk_text(ln, 0.2):
                break
            if i and lang == "en" and ln.strip() and _is_cjk_text(ln, 0.5):
                break
            kept.append(ln)
        block = "\n".join(kept).strip()
        if len(block) >= 40 and lang not in out:
            out[lang] = block
    return out


# ---------------------------------------------------------------- sections

_SECTION_NAMES = {
    # (journals' own headings too: Human Reproduction's "STUDY QUESTION", "WHAT IS KNOWN ALREADY",
    # "OBJECTIVE AND RATIONALE"; "Background & aims", "Background and purpose")
    "background": (r"背\s*景|(?i:background\s*(?:&|and|/)\s*(?:aims?|objectives?|purpose))|Background|BACKGROUND|"
                   r"Introduction|INTRODUCTION|Context|Importance|IMPORTANCE|"
                   r"RATIONALE|Rationale|(?i:what\s+is\s+known\s+already)"),
    "objective": r"目\s*的|(?i:objectives?\s+and\s+rationale)|(?i:study\s+question)|Objectives?|OBJECTIVES?|Aims?|AIMS?|Purpose|PURPOSE",
    "methods": (r"方\s*法|Methods|METHODS|Materials?\s+and\s+methods|MATERIALS?\s+AND\s+METHODS|"
                r"Methods\s+and\s+materials|Design|(?i:design,\s+setting,?\s+and\s+participants)|Participants|"
                r"(?i:main\s+outcomes?\s+and\s+measures?)|Exposures?|EXPOSURES?|"
                # (BMJ's and JAMA's structured headings, reviews' own: "SETTING", "DATA SOURCES",
                # "STUDY SELECTION", "SEARCH METHODS", "INTERVENTIONS", "MAIN OUTCOME MEASURES")
                r"(?i:patients\s+and\s+methods)|(?i:research\s+design\s+and\s+methods)|(?i:study\s+design)|"
                r"DESIGN|PARTICIPANTS|METHOD|Method|SETTINGS?|Settings?|(?i:data\s+sources?)|"
                r"(?i:study\s+selection)|(?i:data\s+extraction(?:\s+and\s+synthesis)?)|(?i:search\s+methods)|"
                r"(?i:review\s+methods)|(?i:eligibility\s+criteria)|INTERVENTIONS?|Interventions?|MEASUREMENTS|"
                r"Measurements|(?i:main\s+outcome\s+measures?)|(?i:participants/materials,\s+setting,\s+methods)"),
    # PLOS: "Methods and findings", "Methodology/Principal Findings"; AHA journals: "Methods and
    # Results", Hepatology: "Approach and Results": the results are there, whatever the first word
    "results": (r"结\s*果|Results|RESULTS|Findings|FINDINGS|(?i:[a-z]+\s+and\s+(?:findings|results))|"
                r"(?i:methodology/principal\s+findings)|(?i:principal\s+findings)|OUTCOMES|(?i:data\s+synthesis)|"
                r"(?i:main\s+results(?:\s+and\s+the\s+role\s+of\s+chance)?)"),
    "conclusion": (r"结\s*论|Conclusions?|CONCLUSIONS?|Interpretation|INTERPRETATION|"
                   r"(?i:conclusions?\s+and\s+relevance)|(?i:conclusions?/significance)|"
                   r"(?i:wider\s+implications(?:\s+of\s+the\s+findings)?)|(?i:summary\s+answer)"),
    "registration": r"Trial\s+registration|Registration|临床试验注册",
}
_SECTION_RE = re.compile(
    rf"(?:^|(?<=[。.!?！？\n]))[ \t]*[【\[]?(?P<h>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _SECTION_NAMES.items())
    # (an upper-case heading run into its text: "METHODS AND RESULTS Television viewing time…")
    + rf")[】\]]?[ \t]*(?:[:：·]|\n|$|(?<=[】\]])|[ \t]+(?=[{_CJK}])|(?<=[A-Z]{{3}}[ \t])(?=[A-Z][a-z]))")


# a Title-case heading run into its text at the start of a line or sentence, as the Lancet's
# abstracts are copied ("Methods In this open-label…", "Findings Between Sept 17, 2019, …"), and
# many a one-line abstract ("… acquisition. Methods We randomly assigned …"): its own line
# (a word after it, not an acronym: "Background HIV incidence was …" is a sentence; the article
# "A" is a word: "Results  A total of 2374 suicides …"; so is a number: "Methods 7044 adults …")
_HEADING_AT_START = r"(?:^|(?<=[.!?])|(?<=[.!?] ))([ \t]*(?:" + "|".join(_SECTION_NAMES.values()) + r"))"
_RUN_IN_HEADING = re.compile(_HEADING_AT_START + r"[ \t]+(?=[A-Z][a-z]|A[ \t]+[a-z]|\d)", re.M)


_JOINED_PARAGRAPHS = re.compile(r"[ \t]+//[ \t]+(?=[A-Z\u4e00-\u9fff])")


def split_sections(abstract: str) -> list[tuple[str, str]]:
    """``[(section, text)]`` in order; text before the first heading is section ``""``."""
    out: list[tuple[str, str]] = []
    # (paragraphs a copy joined with " // ": "… iron status. // METHODS AND FINDINGS: …")
    abstract = _RUN_IN_HEADING.sub(r"\1\n", _JOINED_PARAGRAPHS.sub("\n", abstract))
    pos, name = 0, ""
    for m in _SECTION_RE.finditer(abstract):
        sec = next(k for k in _SECTION_NAMES if m.group(k))
        chunk = abstract[pos:m.start()].strip()
        if chunk or name:
            out.append((name, chunk))
        pos, name = m.end(), sec
    tail = abstract[pos:].strip()
    if tail or name:
        out.append((name, tail))
    return [(n, t) for n, t in out if t]


# ---------------------------------------------------------------- sentences

_ABBREV = re.compile(r"(?:^|[\s(（])(?:vs|al|e\.g|i\.e|etc|fig|figs|no|nos|approx|ca|dr|mr|mrs|ms|"
                     r"st|cf|resp|eq|ref|refs|vol|wk|wks)\.$", re.I)
_OPEN, _CLOSE = "(（[【", ")）]】"


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph block: 。！？!? always end one; "." ends one before whitespace
    and a capital/digit/CJK, or before CJK directly; never inside brackets, after an
    abbreviation, or in a decimal. Newlines end sentences (they are paragraph breaks)."""
    out: list[str] = []
    start, depth = 0, 0
    n = len(text)

    def cut(end: int) -> None:
        nonlocal start
        s = text[start:end].strip()
        if s:
            out.append(s)
        start = end

    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            cut(i + 1)
            depth = 0
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "。！？!?":
            j = i + 1
            while j < n and text[j] in "”’\"'」』":
                j += 1
            cut(j)
            i = j
            continue
        elif depth == 0 and ch in ".．":
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if nxt.isdigit() and (prev.isdigit() or prev in " <>=≤≥˂˃(-±~：:,，" or not prev):
                i += 1
                continue
            if _ABBREV.search(text[max(start, i - 8):i + 1]):
                i += 1
                continue
            if not nxt or (_CJK_RE.match(nxt)) or (nxt.isdigit() and (prev in ")）" or _CJK_RE.match(prev or "x"))) \
                    or re.match(rf"\s+[A-Z0-9(\[“\"{_CJK}]", text[i + 1:i + 4]):
                cut(i + 1)
        i += 1
    cut(n)
    return out


def _clean(s: str) -> str:
    return " ".join(s.split())


# ================================================================ metadata from text

_DOI_IN_TEXT = re.compile(DOI_START + r"[^\s\"<>，。；、）)\]]+")
_PMID_IN_TEXT = re.compile(r"\bPMID\s*[:：]?\s*(\d{4,9})\b", re.I)
_PMCID_IN_TEXT = re.compile(r"\b(PMC\d{4,10})\b")
_REFS_HEADING = re.compile(r"^\s*(?:参考文献|References|REFERENCES|Bibliography)\s*[:：]?\s*$", re.M)


def _front(text: str) -> str:
    m = _REFS_HEADING.search(text)
    return text[:m.start()] if m else text


def _doi_from_text(text: str) -> Optional[str]:
    m = _DOI_IN_TEXT.search(_front(text))
    return normalize_doi(m.group(0)) if m else None


def _year_from_text(text: str, doi: Optional[str]) -> Optional[int]:
    front = _front(text)[:6000]
    pats = [r"(?:published(?:\s+online)?|出版日期|发表)[^0-9]{0,40}?((?:19|20)\d{2})",
            r"\(((?:19|20)\d{2})\)\s*$",
            r"©\s*((?:19|20)\d{2})",
            r"((?:19|20)\d{2})\s*年\s*第?\s*\d+\s*卷",
            r"\b((?:19|20)\d{2})\s*[,，;；]\s*\d+\s*[(（]\d+[)）]",
            r"(?:accepted|received)[^0-9]{0,40}?((?:19|20)\d{2})"]
    for p in pats:
        for m in re.finditer(p, front, re.I | re.M):
            y = int(m.group(1))
            if 1900 < y < 2100:
                return y
    if doi:
        m = re.search(r"[./](19[5-9]\d|20\d{2})[./]", doi)
        if m:
            return int(m.group(1))
    return None


def _title_from_text(lines: list[str]) -> Optional[str]:
    """First non-empty line if it looks like a title (plus a wrapped Chinese continuation)."""
    nonempty = [" ".join(ln.split()) for ln in lines if ln.strip()]
    if not nonempty:
        return None
    first = nonempty[0]
    if _LINE_HEADING.match(first) or len(first) < 6 or len(first) > 300:
        return None
    if first.endswith(("。", "；", ";", ":", "：")) or len(re.findall(r"[。.!?！？]\s", first)) > 1:
        return None
    if first.endswith(".") and (len(first.split()) > 35 or re.search(r"\d\s*%|\bp\s*[<=>]", first, re.I)):
        return None
    if re.search(r"https?://|@|©|\bdoi\b", first, re.I):
        return None
    if _is_cjk_text(first) and len(nonempty) > 1:
        nxt = nonempty[1]
        if (len(nxt) <= 40 and _is_cjk_text(nxt, 0.8) and not re.search(r"[\d，,、；;。]", nxt)
                and not _LINE_HEADING.match(nxt)):
            first += nxt
    return first


def _authors_from_text(paras: list[str]) -> list[str]:
    """An English author line like "MA Wenhong1,2,4, ZENG Zhonghong2,3" (surname in capitals)."""
    for p in paras[:12]:
        names = re.findall(r"\b([A-Z]{2,})\s+([A-Z][a-z]+(?:[- ][A-Za-z][a-z]+)?)\s*[\d,*]*(?=,|\.|$)", p)
        if len(names) >= 2:
            return [f"{s.title()} {g}" for s, g in names]
    return []


def _slug(s: str, maxlen: int = 60) -> str:
    s = fold_width(s).lower()
    s = re.sub(r"[^a-z0-9]+", "_", s).strip("_")
    return s[:maxlen].strip("_")


_INITIALS = re.compile(r"[A-Z]{1,3}\.?|(?:[A-Z]\.){1,3}")


def family_name(author: str, authors: Sequence[str] = ()) -> str:
    """The family name of an author as records write it: "Zang L" and "Zang, Li" (family name
    first), "Si-Jing Chen", "JoAnn E. Manson" (given names first), 陈慧. Two plain words
    ("Smith John") follow the convention of the rest of the list: family name first unless
    other names show given names first (a middle initial, a hyphenated given name)."""
    author = re.sub(r"\s+et\s+al\.?$", "", author.strip())
    if "," in author:
        return author.split(",")[0].strip()
    words = author.split()
    if len(words) < 2:
        return author
    if _INITIALS.fullmatch(words[-1]):                  # Zang L, Chen SJ
        return words[0]
    if len(words) > 2 or "-" in words[0] or _INITIALS.fullmatch(words[0]):
        return words[-1]                                # JoAnn E. Manson, Si-Jing Chen, J. Smith
    named = [w.split() for w in authors if len(w.split()) >= 2]
    family_first = any(_INITIALS.fullmatch(w[-1]) for w in named)
    # a list of full names with no initials anywhere (Yufang Bi, Mian Li, ...) is written given
    # names first, as journals print bylines; a lone name keeps the family-first reading
    given_first = any(len(w) > 2 or "-" in w[0] for w in named) or len(named) >= 2
    return words[-1] if given_first and not family_first else words[0]


def make_id(authors: list[str], year: Optional[int], doi: Optional[str],
            title: Optional[str] = None, text: str = "") -> str:
    """``zang2022`` from the first author's surname and the year; else from the DOI; else the
    title; safe characters only ([a-z0-9_])."""
    surname = ""
    if authors:
        surname = _slug(family_name(authors[0], authors))
        if surname and year:
            return f"{surname}{year}"
    if doi:
        return "doi_" + _slug(doi, 80)
    if surname:
        # no year and no DOI: the surname plus a short hash of the text keeps ids apart
        return f"{surname}_{hashlib.sha1(text.encode('utf-8')).hexdigest()[:6]}"
    if title:
        words = _slug(title, 200).split("_")[:6]
        if any(words) and year:
            return "_".join(words) + f"_{year}"
        if any(words):
            return "_".join(words)
    return "draft_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# ================================================================ design

def _flags_in(text: str) -> set[str]:
    c = cues()
    t = fold_width(text)
    found = set()
    for name, (pat, excl, _emit) in c.flags.items():
        s = excl.sub(lambda m: " " * len(m.group(0)), t) if excl else t
        if pat.search(s):
            found.add(name)
    return found


_OBSERVATIONAL_FLAGS = ("cohort", "case_control", "cross_sectional")


def classify_design(text: str) -> tuple[str, list[str], str]:
    """``(design, design_flags, species)`` from wording."""
    c = cues()
    flags = _flags_in(text)
    design = "unknown"
    for rule in c.designs:
        if all(f in flags for f in rule.get("all", [])) \
                and (not rule.get("any") or any(f in flags for f in rule["any"])) \
                and not any(f in flags for f in rule.get("none", [])):
            design = rule["design"]
            break
    emitted = [f for f, (_p, _e, emit) in c.flags.items() if emit and f in flags]
    if design == "mixed":
        emitted += [f for f in ("animal", "in_vitro") if f in flags]
    if design == "meta_analysis" and "systematic_review" not in emitted and "systematic_review" in flags:
        emitted.append("systematic_review")
    if design in ("meta_analysis", "review") and "observational" not in emitted \
            and any(f in flags for f in _OBSERVATIONAL_FLAGS):
        # what it pooled is named by its design ("studies had to be case control"): pooled
        # observational evidence is as observational as its studies
        emitted.append("observational")
    species = "human"
    if design in ("animal",) or (design == "mixed" and "animal" in flags):
        t = fold_width(text)
        for name, pat in c.species:
            if pat.search(t):
                species = name if design == "animal" else f"human+{name}"
                break
        else:
            species = "animal" if design == "animal" else "human+animal"
    elif design == "in_vitro":
        species = "cells"
    return design, emitted, species


# ================================================================ population

_PERSON_EN = (r"patients|participants|subjects|women|men|adults|children|volunteers|individuals|"
              r"persons|people|couples|infants|neonates|mothers|cases")
_COUNT_EN = re.compile(rf"(?<![\d.])(\d{{1,3}}(?:,\d{{3}})+|\d+)\s+(?:[A-Za-z-]+\s+){{0,2}}?"
                       rf"(?P<unit>{_PERSON_EN}|pregnancies|cycles|studies|trials|mice|rats|embryos)\b", re.I)
_AGE_NOT_COUNT = re.compile(r"\s*-?\s*(?:years?|yrs?|months?)(?:\s+|-)(?:olds?|of\s+age)\b", re.I)
_COUNT_ZH = re.compile(r"(?<![\d.])(\d+)\s*(?P<unit>例|名|位|人|对夫[妇妻]|个(?:[A-Za-z]{1,8}\s*)?周期|周期|篇|"
                       r"项研究|项|只|枚)")
_N_EQ = re.compile(r"(?P<name>[A-Za-z][\w\-+/]*(?:\s+[A-Za-z][\w\-+/]*){0,2}|[^\s(（，,、;；]{1,12})"
                   r"\s*[(（]\s*n\s*[=＝]\s*(?P<n>\d+)\s*[)）]", re.I)
_UNIT_OF = {"例": "person", "名": "person", "位": "person", "人": "person", "对夫妇": "couple", "对夫妻": "couple",
            "个周期": "cycle", "周期": "cycle", "篇": "study", "项研究": "study", "项": "study",
            "只": "animal", "枚": "embryo", "pregnancies": "pregnancy", "cycles": "cycle",
            "studies": "study", "trials": "study", "mice": "animal", "rats": "animal",
            "embryos": "embryo", "couples": "couple"}
_GROUP_COUNT_ZH = re.compile(rf"((?:非\s*)?[{_CJK}A-Za-z0-9\-]{{1,10}}组)\s*[(（]?\s*(\d+)\s*(?:例|名|位|个周期|周期)")
_GROUP_BEFORE_ZH = re.compile(rf"([{_CJK}A-Za-z0-9\-]{{2,12}})的(\d+)\s*(?:例|名|位|个周期|周期|对夫妇)")


def _int(s: str) -> int:
    return int(s.replace(",", ""))


_NAME_STOP = {"of", "or", "and", "to", "the", "in", "with", "vs", "vs.", "versus", "receive", "received",
              "receiving", "given", "assigned", "allocated", "randomized", "randomised", "randomly",
              "into", "either", "a", "an", "both", "each", "per", "for", "were", "was", "by"}


def _trailing_name(raw: str) -> str:
    """The group name at the end of "... assigned to receive UC-MSCs": its trailing words."""
    words = raw.strip().split()
    keep: list[str] = []
    for w in reversed(words):
        if w.lower() in _NAME_STOP:
            break
        keep.insert(0, w)
    return " ".join(keep)


def find_population(methods: str, whole: str) -> Population:
    """n, unit and groups from the Methods text (or the whole abstract)."""
    pop = Population()
    text = fold_width(methods or whole)
    groups: dict[str, int] = {}
    group_spans: list[tuple[int, int]] = []          # where group counts stand
    for m in _N_EQ.finditer(text):
        name = _trailing_name(m.group("name"))
        if _CJK_RE.search(name):
            name = _cut_zh(name)
        if not name or not re.search(r"[A-Za-z\u4e00-\u9fff]", name):
            continue        # "32% (n=44)": the share of a count, no group's name
        groups[name] = int(m.group("n"))
        group_spans.append(m.span("n"))
    for m in _GROUP_BEFORE_ZH.finditer(text):
        name = re.split(r"[后在的于了与和及、]", m.group(1))[-1]
        if len(name) >= 2:
            groups.setdefault(name, int(m.group(2)))
            group_spans.append(m.span(2))
    for m in _GROUP_COUNT_ZH.finditer(text):
        latin = re.search(r"(?:非\s*)?[A-Za-z0-9\-]+\s*组$", m.group(1))
        name = latin.group(0) if latin else _cut_zh(m.group(1))
        if len(name) >= 2 and not re.search(r"\d组$", name):
            groups.setdefault(name, int(m.group(2)))
            group_spans.append(m.span(2))
    cands = []
    for m in _COUNT_EN.finditer(text):
        if _AGE_NOT_COUNT.match(text, m.end(1)) or re.search(r"(?:-|–|to)\s*$", text[max(0, m.start() - 4):m.start()]):
            continue        # "70–84 year-old adults": an age (the end of a range), not 84 adults
        u = m.group("unit").lower()
        phrase = re.split(r"[.;,(（]", text[m.start():m.start() + 120])[0]
        cands.append((m.start(), _int(m.group(1)), _UNIT_OF.get(u, "person"), phrase))
    for m in _COUNT_ZH.finditer(text):
        phrase = re.split(r"[。；，,;(（]", text[m.start():m.start() + 60])[0]
        u = m.group("unit")
        u = "个周期" if u.endswith("周期") else u
        cands.append((m.start(), _int(m.group(1)), _UNIT_OF.get(u, "person"), phrase))
    cands.sort()
    in_group = lambda pos: any(a <= pos < b for a, b in group_spans)     # noqa: E731
    totals = [c for c in cands if not in_group(c[0])]
    # the first count of persons (else of anything) that is not a group's count is the sample
    persons = [c for c in totals if c[2] in ("person", "couple")]
    pick = persons[0] if persons else (totals[0] if totals else None)
    total, unit, who = (pick[1], pick[2], pick[3]) if pick else (None, None, "")
    if groups and not pick:
        # only group counts ("生化妊娠的115个周期、...的64个周期"): no total is stated, and the
        # draft does not invent one (their sum is not a number the paper writes)
        grp = [c for c in cands if in_group(c[0])]
        unit = grp[0][2] if grp else "person"
        who = "、".join(f"{k} {v}" for k, v in groups.items())
    pop.n = total
    pop.unit = unit or "person"
    pop.who = _clean(who)[:120]
    pop.groups = groups
    return pop


# ================================================================ groups

_GROUP_EN = re.compile(r"(?:the\s+)?(?P<name>(?:non-)?[A-Za-z][\w\-+/]*(?:\s+[A-Za-z][\w\-+/]*)?)\s+groups?\b")
_GROUP_ZH = re.compile(rf"(?P<name>(?:非\s*)?[{_CJK}A-Za-z0-9\-]{{1,12}}?)\s*组(?![间内别织成合长])")
_NOT_GROUP = re.compile(r"^(?:the|both|two|three|each|all|these|those|this|that|age|study|control|"
                        r"treatment|a|an|other|same|different|patient|patients|in|of|and|per|"
                        r"between|among|across|within|for|with|than|to|or|vs|versus|by|"
                        r"[0-9一二三四两各每全本该分此诸]+)$", re.I)
_ZH_CUT = re.compile(r"^.*(?:[于的在与和及、，,为对比较中时较将按据至前后了是而但且或])")


def _group_names(sentence: str) -> list[tuple[int, int, str]]:
    """Group names named in a sentence: ``[(start, end, name)]``."""
    out = []
    for m in _GROUP_EN.finditer(sentence):
        name = m.group("name").strip()
        words = name.split()
        # "UC-MSCs group", "placebo group", "metformin and control groups" -> last word(s)
        while words and _NOT_GROUP.match(words[0]) and len(words) > 1:
            words = words[1:]
        name = " ".join(words)
        if not name or _NOT_GROUP.match(name) and name.lower() != "control":
            continue
        if len(words) == 2 and words[0].lower() in ("in", "of", "the", "and", "to", "than", "that"):
            name = words[1]
        # keep "control" only as a group of its own
        out.append((m.start("name") + m.group("name").find(name.split()[0]), m.end(), name))
    for m in _GROUP_ZH.finditer(sentence):
        raw = m.group("name")
        name = _cut_zh(raw + "组")[:-1].strip()
        if raw.startswith("非") and not name.startswith("非"):
            name = raw[raw.rfind("非"):]
        if not name or re.search(r"[0-9一二三四五六七八九十两各每全本该分此诸]$", name) or name in ("分", "小", "亚"):
            continue
        start = m.start("name") + (len(raw) - len(name))
        out.append((start, m.end(), re.sub(r"\s+", "", name) + "组"))
    out.sort()
    return out


def _cut_zh(name: str) -> str:
    """Drop what precedes a Chinese group name ("明显高于生化妊娠组" -> 生化妊娠组), keeping the
    group words of design_cues.yaml whole (对照组 is not cut at 对)."""
    cut = _ZH_CUT.sub("", name)
    for zh in cues().group_keys:
        for cand in (zh + "组", zh):
            if name.endswith(cand) and len(cand) > len(cut):
                cut = cand
    return cut


def group_key(name: str) -> str:
    """A stable key for a group name: "UC-MSCs group" -> uc_mscs, "非 IR组" -> non_ir."""
    n = fold_width(name).strip()
    n = re.sub(r"\s*(?:groups?|组)$", "", n, flags=re.I).strip()
    n = re.sub(r"(?<=\d)\s*(?:y|yr|yrs|years?|岁)$", "", n, flags=re.I).strip()   # "Age 21–30 y"
    neg = bool(re.match(r"^(?:非|non-?)\s*", n, re.I))
    n = re.sub(r"^(?:非|non-?)\s*", "", n, flags=re.I)
    for zh, en in cues().group_keys.items():
        if n == zh:
            n = en
    if re.search(r"[A-Za-z0-9]", n) and not _CJK_RE.search(n):
        k = _slug(n, 40)
    elif re.fullmatch(rf"[{_CJK}]+", n):
        k = n
    else:
        k = _slug(n, 40) or n
    k = k or "group"
    if neg:
        return ("非" + k) if _CJK_RE.match(k[:1]) else ("non_" + k)
    return k


# ================================================================ findings

_TIME_EN = re.compile(r"\b(?:(?:at|after|by|over|during|within|from baseline to)\s+(?:the\s+)?(?:end\s+of\s+)?"
                      r"(?:week\s+(\d+)|(\d+(?:\.\d+)?)\s*[- ]?(weeks?|months?|years?|days?|hours?|wks?|mos?))\b"
                      r"|(?:on|at)\s+day\s+(\d+)(?:\s*±\s*\d+)?)",
                      re.I)
_TIME_LABEL = re.compile(r"^(?:baseline|day\s*\d|week\s*\d|month\s*\d|year\s*\d|visit|follow-?up|"
                         r"pre-?treatment|post-?treatment|基线|治疗前|治疗后|第\s*\d+\s*[天周月年]|随访)", re.I)
_TIME_ZH = re.compile(r"(?:第)?(\d+)\s*(周|个月|月|年|天|日|小时)(?:时|后|末|内|随访时)")
_TIME_UNITS = {"week": "weeks", "weeks": "weeks", "wk": "weeks", "wks": "weeks", "month": "months",
               "months": "months", "mo": "months", "mos": "months", "year": "years", "years": "years",
               "day": "days", "days": "days", "hour": "hours", "hours": "hours", "周": "weeks",
               "个月": "months", "月": "months", "年": "years", "天": "days", "日": "days",
               "小时": "hours"}
_CI_BEFORE = re.compile(r"(?:\bCI\b|confidence interval|置信区间|可信区间)[^0-9]{0,12}$", re.I)
_VS = re.compile(r"^[\s)）\]】]*[,，]?\s*(?:vs\.?|versus|比|对比|对|compared with)\s*[\s(（\[【]*$", re.I)
_RATIO_BEFORE = re.compile(r"(?<![A-Za-z])(aOR|aHR|AOR|AHR|OR|HR|RR|IRR)(?![A-Za-z])(?:\s*,)?(?:[^0-9;；,，]|\d{2}\s*%){0,24}$")
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|由)\s*$", re.I)
_TO_BETWEEN = re.compile(r"^\s*(?:to|至|到|降至|升至|增至|降到|升到|增加到|下降到|→|->)\s*$", re.I)
_CHANGE_BEFORE = re.compile(r"(?:decreased|increased|reduced|declined|rose|fell|reduction of|"
                            r"increase of|decrease of|降低了?|升高了?|增加了?|减少了?|下降了?|提高了?)\s*(?:by\s*)?$",
                            re.I)
_BETWEEN_AFTER = re.compile(r"^[^;；,，]{0,6}(?:between|组间|两组间)", re.I)
_NUM = re.compile(r"[-−]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)")


_NOT_LABELS = {"of", "at", "in", "to", "the", "for", "with", "by", "from", "was", "were", "is",
               "and", "or", "than", "a", "an", "as", "on"}


@dataclass
class _M:
    """A mention with its offsets in the sentence and our reading of it."""
    m: Any
    start: int
    end: int
    role: Optional[str] = None
    group: Optional[str] = None
    timepoint: Optional[str] = None
    skip: bool = False
    label: Optional[str] = None


def _timepoints(s: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TIME_EN.finditer(s):
        if m.group(1):
            out.append((m.start(), m.end(), f"{m.group(1)} weeks"))
        elif m.group(4):
            out.append((m.start(), m.end(), f"day {m.group(4)}"))
        else:
            out.append((m.start(), m.end(), f"{m.group(2)} {_TIME_UNITS[m.group(3).lower()]}"))
    for m in _TIME_ZH.finditer(s):
        out.append((m.start(), m.end(), f"{m.group(1)} {_TIME_UNITS[m.group(2)]}"))
    return out


def _p_string(m) -> Optional[str]:
    surf = fold_width(str(getattr(m, "surface", "") or ""))
    nums = _NUM.findall(surf)
    num = nums[-1].replace("−", "-") if nums else None
    if num is None:
        v = m.value
        if isinstance(v, (int, float)):
            num = f"{v:g}"
        else:
            return None
    if num.startswith("."):
        num = "0" + num
    q = getattr(m, "qualifier", None)
    comp = {"less_than": "<", "more_than": ">", "at_most": "≤", "at_least": "≥"}.get(q or "")
    if comp is None:
        cm = re.search(r"([<>≤≥])", surf)
        comp = cm.group(1) if cm else ""
    return f"{comp}{num}"


def _p_value(p: Optional[str]) -> Optional[float]:
    if not p:
        return None
    m = _NUM.search(fold_width(p))
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", "").replace("−", "-"))
    except ValueError:
        return None


def _is_p(m) -> bool:
    return m.kind == "pvalue" or (m.label or "").strip().lower() in ("p", "p value", "p-value")


def _num_value(v) -> Optional[Union[float, list]]:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    if isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, (int, float)) for x in v):
        return [float(v[0]), float(v[1])]
    return None


def _split_parts(s: str, mentions: list[_M]) -> list[tuple[int, int]]:
    """Split a sentence holding several comparisons, each with its own p ("A vs B, P=..; C vs D,
    P=.."; "OR=.., P<..; E vs F, P<.."), into one part per comparison. A p with no value of its
    own ("p = 0.0081 between both groups") stays with the values before it; a sentence whose
    blocks are not comparisons (from/to changes per group) stays whole."""
    xs = [x for x in mentions if not x.skip]
    units: list[list[_M]] = []
    cur: list[_M] = []
    for x in xs:
        cur.append(x)
        if x.role == "p":
            units.append(cur)
            cur = []
    if cur:
        if units:
            units[-1] += cur
        else:
            units.append(cur)
    merged: list[list[_M]] = []
    for u in units:
        has_value = any(x.role not in ("p", "ci") for x in u)
        if merged and not has_value:
            merged[-1] += u
        else:
            merged.append(u)
    if len(merged) > 1 and not any(x.role not in ("p", "ci") for x in merged[0]):
        merged[1] = merged[0] + merged[1]
        merged.pop(0)

    def is_comparison(u: list[_M]) -> bool:
        roles = {x.role for x in u}
        labels = {(x.label or "").upper() for x in u}
        return {"compare_a", "compare_b"} <= roles or bool(labels & {"OR", "HR", "RR", "AOR", "AHR", "IRR"}) \
            or "ci" in roles
    if len(merged) < 2 or not all(is_comparison(u) for u in merged):
        return [(0, len(s))]
    depth, _anchors = _depths(s)
    cuts: list[tuple[int, int]] = []             # (end of a part, start of the next)
    for u, v in zip(merged, merged[1:]):
        g0, g1 = max(x.end for x in u), min(x.start for x in v)
        gap = range(g0, g1)
        cut = next((i for i in gap if s[i] in ",，;；、" and depth[i] == 0), None)
        if cut is None:
            cut = next((i for i in reversed(gap) if s[i] in ";；"), None)
        if cut is None:
            cut = next((i for i in reversed(gap) if s[i] in ",，、"), None)
        if cut is None:
            # "...P=0.012]以及移植胚胎类型[OR...": after the bracket that closed the last part
            close = next((i for i in gap if s[i] in _CLOSE and depth[i] == 0), None)
            if close is not None:
                cuts.append((close + 1, close + 1))
                continue
        cuts.append((cut, cut + 1) if cut is not None else (g1, g1))
    starts = [0] + [c[1] for c in cuts]
    ends = [c[0] for c in cuts] + [len(s)]
    return list(zip(starts, ends))


class _Drafter:
    def __init__(self, design: str, known_groups: dict[str, str], n: Optional[int] = None):
        self.design = design
        self.n = n                               # population.n: that count is the total
        self.section = ""
        self.label_values: dict[str, Value] = {} # group key -> the numbers of its label
        self.known = dict(known_groups)          # name -> key
        self.groups: dict[str, list[str]] = {}   # key -> names
        for name, key in known_groups.items():
            self._add_group(key, name)
        self.prev_pair: Optional[list[str]] = None
        self.findings: list[Finding] = []
        self._inherit = 0                        # parts of one sentence sharing its measures

    def _add_group(self, key: str, name: str) -> str:
        names = self.groups.setdefault(key, [])
        if name not in names:
            names.append(name)
        return key

    def _key(self, name: str) -> str:
        k = self.known.get(name) or group_key(name)
        if k not in self.groups and re.fullmatch(rf"[{_CJK}]{{3,}}", k):
            # "胚胎停止发育组" in the Results is the Methods' "早期胚胎停止发育"
            for other in self.groups:
                if re.fullmatch(rf"[{_CJK}]{{3,}}", other) and (k in other or other in k):
                    k = other
                    break
        # "UC-MSCs" (from n=) and "UC-MSCs group" share a key
        self.known[name] = k
        return self._add_group(k, name)

    def add_sentence(self, sentence: str, section: str) -> None:
        self.section = section
        s = _clean(sentence)
        fs = fold_width(s)
        try:
            raw = _extract(s)
        except Exception:                       # the extractor must never break a draft
            raw = []
        ms = [_M(m, int(m.start), int(m.end)) for m in raw if getattr(m, "checkable", True)]
        ms.sort(key=lambda x: x.start)
        self._annotate(fs, ms)
        for a, b in _split_parts(fs, ms):
            part = [x for x in ms if a <= x.start < b]
            f = self._finding(s, fs, a, b, part, section)
            if f is not None:
                self.findings.append(f)

    # ------------------------------------------------------------ reading the mentions

    def _year_role(self, x: _M, v) -> None:
        """A study period ("from 2008 through 2012") is a fact of the Methods; a decade ("46,401
        (1960s) to 98,748 (2010s)"), wherever it is told, the period a result is of, which an
        article gives as 20世纪60年代; any other date is not a value here."""
        from factcheck.text.numbers import is_decade
        if self.section == "methods" and isinstance(v, str) and re.fullmatch(r"(?:19|20)\d\d", v):
            x.role, x.label = "year", "period"
        elif is_decade(v):
            x.role, x.label = "year", "decade"
        else:
            x.skip = True

    def _annotate(self, fs: str, ms: list[_M]) -> None:
        tps = _timepoints(fs)
        for k, x in enumerate(ms):
            m = x.m
            before, after = fs[:x.start], fs[x.end:]
            kind = getattr(m, "kind", "")
            val = _num_value(getattr(m, "value", None))
            if val is None and not _is_p(m) and kind != "year_or_date":
                x.skip = True
                continue
            if kind == "year_or_date":
                self._year_role(x, getattr(m, "value", None))
                continue
            # the 95% of "95% CI" is not a value
            if kind == "percent" and is_ci_level(m.value, after) and (m.label or "") != "CI":
                x.skip = True
                continue
            # durations that only say when ("at 48 weeks") are timepoints, not values
            if any(a <= x.start < b for a, b, _t in tps) and (kind in ("duration", "count", "other", "")
                                                              or re.search(r"day\s*$", before, re.I)):
                x.skip = True
                continue
            # a number used as a group label ("Age 21-30 y: 10.7%", "Age 36–40y:11.5%")
            if re.match(r"^\s*(?:[-–~～]\s*\d+(?:\.\d+)?)?\s*(?:y|yr|yrs|years?|岁)?\s*[:：]", after):
                x.skip = True
                continue
            # "3组之间" counts groups, it is not a result
            if re.match(r"^\s*(?:个)?组", after) or str(getattr(m, "surface", "")).endswith("组"):
                x.skip = True
                continue
            lab = (getattr(m, "label", None) or "").strip()
            surf = fold_width(str(getattr(m, "surface", "") or ""))
            if kind == "range" and re.search(r"\bto\b|至|到|→|->", surf) and \
                    _FROM_BEFORE.search(before[-10:]):
                x.role = "fromto"                   # "from 3.12 to 4.76": a change, not a range
                x.label = lab or None
                continue
            if kind == "interval" or lab.upper() == "CI" or (kind == "range" and (
                    _CI_BEFORE.search(before) or interval_of_value_before([y.m for y in ms[:k]], m, fs))):
                x.role = "ci"
            elif _is_p(m):
                x.role = "p"
            else:
                x.role = getattr(m, "role", None)
            x.label = lab or None
            if x.role not in ("ci", "p") and (not x.label or x.label == "median"):
                rm = _RATIO_BEFORE.search(before[-40:])
                if rm:                               # "OR值(95% CI)为0.50(0.27~0.92)"
                    x.label = rm.group(1)
            if x.role not in ("ci", "p") and not x.label and _CHANGE_BEFORE.search(before[-30:]):
                x.label = "change"
        vals = [x for x in ms if not x.skip and x.role not in ("ci", "p")]
        # comparisons and from/to pairs the extractor may not have marked
        for a, b in zip(vals, vals[1:]):
            between = fs[a.end:b.start]
            if _VS.match(between) and a.role not in ("compare_a", "compare_b"):
                a.role, b.role = "compare_a", "compare_b"
            elif _TO_BETWEEN.match(between) and (
                    _FROM_BEFORE.search(fs[:a.start][-8:]) or a.role == "from"
                    or re.search(r"[降升增]|→|->", between)
                    or (getattr(a.m, "kind", None) == getattr(b.m, "kind", None) in ("measurement", "percent")
                        and (getattr(a.m, "unit", "") or "") == (getattr(b.m, "unit", "") or ""))):
                a.role, b.role = "from", "to"
        for x in vals:
            if x.role == "from":
                x.timepoint = "baseline"
            elif x.role == "fromto":
                t = [tp for s0, e0, tp in tps if e0 <= x.start]
                x.timepoint = t[-1] if t else None
            elif x.timepoint:
                pass
            else:
                t = [tp for s0, e0, tp in tps if e0 <= x.start]
                t = t or [tp for s0, e0, tp in tps]
                x.timepoint = t[-1] if t else None

    def _assign_groups(self, fs: str, a: int, b: int, ms: list[_M]) -> list[str]:
        """The groups a part of a sentence speaks of, and each number's group: group names in
        the part and those known from the Methods, then the readings in a fixed order — "A vs
        B" pairs, values sharing a compared bracket, a label before a colon, a value in brackets
        right after a name, values in brackets after a value. (Long on purpose: each reading
        marks the numbers it settled, which the later ones skip; split apart they would pass
        those marks around.)"""
        names = _group_names(fs)
        # names known from the Methods ("UC-MSCs (n = 45)", "生化妊娠的115个周期") count too
        taken = [(s0, e0) for s0, e0, _n in names]
        for name in sorted(self.known, key=len, reverse=True):
            if len(name) < 2:
                continue
            for m in re.finditer(re.escape(name) + (r"(?![\w-])" if name[-1:].isalnum() and name.isascii() else ""), fs):
                if name.isascii() and m.start() > 0 and (fs[m.start() - 1].isalnum()):
                    continue
                if re.match(r"-(?:controlled|treated|based)", fs[m.end():m.end() + 12]):
                    continue
                if not any(s0 <= m.start() < e0 or m.start() <= s0 < m.end() for s0, e0 in taken):
                    names.append((m.start(), m.end(), name))
                    taken.append((m.start(), m.end()))
        names.sort()
        in_part = [(s0, e0, n) for s0, e0, n in names if a <= s0 < b]
        context = in_part or [(s0, e0, n) for s0, e0, n in names if s0 < a]
        pair_keys = None
        if not context and self.prev_pair and \
                re.search(r"两组|both groups|the two groups|between groups", fs[:b], re.I):
            pair_keys = self.prev_pair
        vals = [x for x in ms if not x.skip and x.role not in ("ci", "p")]
        keys_named: list[str] = []
        for s0, e0, n in context:
            k = self._key(n)
            if k not in keys_named:
                keys_named.append(k)
        zh = _is_cjk_text(fs[a:b], 0.2)
        depth, anchors = _depths(fs)
        # comparisons: A vs B -> the two groups named before the pair (or the previous pair
        # when the sentence says "both groups"/"两组"); unresolved pairs stay without group
        for i, x in enumerate(vals):
            if x.role == "compare_a" and i + 1 < len(vals) and vals[i + 1].role == "compare_b":
                before: list[str] = []
                for s0, e0, n in context:
                    if s0 < x.start:
                        k = self._key(n)
                        if k in before:
                            before.remove(k)
                        before.append(k)
                pair = before[-2:] if len(before) >= 2 else pair_keys
                if pair and len(pair) == 2:
                    x.group, vals[i + 1].group = pair[0], pair[1]
                x.role, vals[i + 1].role = "compare_a*", "compare_b*"     # handled
        # "[(63.1%,210例)比(49.6%,200例)]": the other values in a compared bracket share its group
        for x in vals:
            if x.group or x.role in ("compare_a*", "compare_b*"):
                continue
            mates = [y for y in vals if y.group and y.role in ("compare_a*", "compare_b*")
                     and depth[y.start] > 0 and depth[x.start] == depth[y.start]
                     and anchors_inner(fs, y.start) == anchors_inner(fs, x.start)]
            if mates:
                x.group = mates[0].group
                x.role = mates[0].role
        top = [x for x in vals if depth[x.start] == 0]
        for x in vals:
            if x.group or x.role in ("compare_a*", "compare_b*"):
                continue
            methods = self.section == "methods"
            if self.n and getattr(x.m, "kind", "") == "count" and _num_value(x.m.value) == float(self.n) \
                    and not re.fullmatch(r"\s*[(（]\s*", fs[max(0, x.start - 2):x.start]):
                x.label = x.label if x.label and x.label != "n" else "total"
                continue
            if x.role == "year":
                continue
            # "Age 21–30 y: 10.7%": the label before a colon names the value's group
            lm = re.search(r"(?:^|[,，;；(（\[【])\s*([^,，;；:：()（）\[\]【】=<>]{2,30}?)\s*[:：]\s*$",
                           fs[a:x.start])
            if lm and re.search(r"[A-Za-z\u4e00-\u9fff]", lm.group(1)) and \
                    not re.search(r"\b(?:CI|OR|HR|RR|p)\s*$", lm.group(1), re.I):
                name = _clean(lm.group(1))
                if _TIME_LABEL.match(name):
                    # "baseline: 9.34", "day 14 ± 3: 6.52", "治疗后: ..." say when, not who
                    x.timepoint = "baseline" if re.match(r"baseline|基线|治疗前", name, re.I) else name
                    continue
                x.group = self._key(name)
                rng = re.search(r"(\d+(?:\.\d+)?)\s*(?:[-–~～]|to|至)\s*(\d+(?:\.\d+)?)", name)
                if rng and x.group not in self.label_values:
                    unit = "age" if re.search(r"\b(?:age|aged|y|yr|yrs|years?)\b|岁|年龄", name, re.I) else ""
                    self.label_values[x.group] = Value(value=[float(rng.group(1)), float(rng.group(2))],
                                                       unit=unit, kind="range", group=x.group, label="group")
                continue
            # "placebo (n = 46)" / "生化妊娠组(35%)": a value in brackets right after a name
            imm = [n for s0, e0, n in context if 0 <= x.start - e0 <= 3
                   and re.fullmatch(r"\s*[(（]\s*|\s*的?\s*|\s*[:：]\s*", fs[e0:x.start])]
            if imm:
                x.group = self._key(imm[-1])
                continue
            if methods:
                continue                        # Methods: only "name (n = 45)" names a group
            anchor = anchors[x.start]
            c0, c1 = _clause_bounds(fs, depth, anchor, a, b)
            # "62.9% of the 534 patients in the semaglutide group": the count belongs to the
            # value's own noun phrase, so the group after it is the value's too
            nxt = [y.start for y in top if y.start > anchor and y.start < c1
                   and not (not zh and _OF_THE.fullmatch(fs[x.end:y.start]))]
            stop = min(nxt) if nxt else c1
            after = [n for s0, e0, n in context if anchor < s0 < stop]
            before_c = [n for s0, e0, n in context if c0 <= s0 and e0 <= anchor]
            before_s = [n for s0, e0, n in context if e0 <= anchor]
            if zh:
                pick = (before_c[-1:] or after[:1] or before_s[-1:])
            else:
                pick = (after[:1] or before_c[-1:] or before_s[-1:])
            if pick:
                x.group = self._key(pick[0])
            elif len(keys_named) == 1:
                x.group = keys_named[0]
        # "9.3400 (8.3575, 11.7725)": values in brackets right after a value are about it
        for y, x in zip(vals, vals[1:]):
            if re.fullmatch(r"\s*[%)）]?\s*[(（\[]\s*", fs[y.end:x.start]) and depth[x.start] > depth[y.start]:
                x.timepoint = y.timepoint or x.timepoint
                x.group = x.group or y.group
                for z in vals[vals.index(x) + 1:]:
                    if depth[z.start] < depth[x.start] or anchors_inner(fs, z.start) != anchors_inner(fs, x.start):
                        break
                    z.timepoint, z.group = y.timepoint or z.timepoint, z.group or y.group
        for x in vals:
            if x.role in ("compare_a*", "compare_b*"):
                x.role = x.role[:-1]
        used = [x.group for x in vals if x.group]
        pair_now = list(dict.fromkeys(used))
        if len(pair_now) >= 2:
            self.prev_pair = pair_now[:2]
        elif len(keys_named) >= 2:
            self.prev_pair = keys_named[:2]
        return list(dict.fromkeys(used + keys_named))

    # ------------------------------------------------------------ the finding

    def _finding(self, s: str, fs: str, a: int, b: int, ms: list[_M], section: str) -> Optional[Finding]:
        """One part of a sentence as a Finding: its values with their groups, time points and
        labels, its CI and P value, significance, direction and scope. (Long: one reading of
        the part in which each field depends on the ones read before it — a P value picked by
        the comparison it follows, significance from that P — kept in one place to be read.)"""
        c = cues()
        part = fs[a:b]
        groups = self._assign_groups(fs, a, b, ms)
        values: list[Value] = []
        ci = None
        ps: list[tuple[_M, str]] = []
        for x in ms:
            if x.skip:
                continue
            m = x.m
            if x.role == "p":
                p = _p_string(m)
                if p:
                    ps.append((x, p))
                continue
            v = _num_value(m.value) if x.role != "year" else None
            if x.role == "ci":
                if ci is None and isinstance(v, list):
                    ci = v
                elif isinstance(v, list):
                    # each ratio's interval of a list ("…0.84 (95% CI, 0.46~1.52), …0.83 (95% CI,
                    # 0.25~2.73)"): the first is the finding's, the others its values
                    values.append(Value(value=v, kind="interval", label="ci", group=x.group))
                continue
            if v is None and x.role != "year":
                continue
            unit = getattr(m, "unit", "") or ""
            label = x.label
            if label and (label.upper() in ("P",) or label in _NOT_LABELS):
                label = None
            if x.role == "year":
                decade = x.label == "decade"        # (its years, ["1960", "1969"], as a period is kept)
                values.append(Value(value=m.value.split("/") if decade else float(m.value), kind="year_or_date",
                                    label=x.label if decade else "period"))
                continue
            if x.role == "fromto" and isinstance(v, list):
                values.append(Value(value=v[0], unit=unit, kind="measurement", group=x.group,
                                    timepoint="baseline", label=label))
                values.append(Value(value=v[1], unit=unit, kind="measurement", group=x.group,
                                    timepoint=x.timepoint, label=label))
                continue
            values.append(Value(value=v, unit=unit, kind=getattr(m, "kind", None) or None,
                                group=x.group, timepoint=x.timepoint, label=label,
                                qualifier=getattr(m, "qualifier", None)))
            sd = getattr(m, "sd", None)
            if isinstance(sd, (int, float)) and not isinstance(sd, bool):
                values.append(Value(value=float(sd), unit=unit, kind=getattr(m, "kind", None) or None,
                                    group=x.group, timepoint=x.timepoint, label="sd"))
        for key in dict.fromkeys(x.group for x in ms if x.group in self.label_values):
            values.append(self.label_values[key])
        if not values and ci is None and not ps and section != "results":
            return None
        if not values and ci is None and not ps and not re.search(r"[A-Za-z\u4e00-\u9fff]{4}", part):
            return None
        p = None
        if ps:
            between = [p for x, p in ps if _BETWEEN_AFTER.match(fs[x.end:x.end + 40])]
            p = between[0] if between else ps[0][1]
        pv = _p_value(p)
        sig = None
        if pv is not None:
            x0 = next(x for x, pp in ps if pp == p)
            q = getattr(x0.m, "qualifier", None) or ("less_than" if p.startswith("<") else None)
            sig = (pv <= 0.05) if q in ("less_than", "at_most") else (pv < 0.05)
        if c.significance["not_significant"].search(part):
            sig = False if sig is None else sig
        elif sig is None and c.significance["significant"].search(part):
            sig = True
        # direction and significance are read where the values are: after the last ";" before them
        first_v = min((x.start for x in ms if not x.skip), default=a)
        semis = [i for i in range(a, first_v) if fs[i] in ";；"]
        if semis:
            part = fs[semis[-1] + 1:b]
        direction = None
        dirs = [d for d in ("increase", "decrease") if d in c.comparative and c.comparative[d].search(part)]
        if len(dirs) != 1:
            dirs = [d for d in ("increase", "decrease") if c.direction[d].search(part)]
        if c.direction["none"].search(part):
            # (a change found against one arm and none against another: "significantly decreased in
            # the TRE group … compared to the SOC group, with no significant difference between
            # TRE and CR" is no null finding)
            direction = "mixed" if _SIGNIFICANT_CHANGE.search(part) else "none"
        elif len(dirs) == 1:
            direction = dirs[0]
        elif len(dirs) == 2:
            direction = "mixed"
        text = _clean(s[a:b]).strip(" ;；,，")
        vs = [x for x in ms if not x.skip and x.role not in ("p", "ci")] or [x for x in ms if not x.skip]
        blank = fs
        for x in ms:
            blank = blank[:x.start] + " " * (x.end - x.start) + blank[x.end:]
        measure, keywords = _measure(blank, a, b, min((x.start for x in vs), default=b),
                                     max((x.end for x in vs), default=a), groups, self.groups)
        if measure == "unspecified" and a > 0 and self.findings:
            # "活产率及临床妊娠率 (a vs b, P=..; c vs d, P=..)": the k-th part measures the k-th term
            prev = self.findings[-1]
            self._inherit += 1
            kws = list(prev.keywords)
            if len(kws) > self._inherit:
                kw = kws[self._inherit]
                measure, keywords = _measure(kw, 0, len(kw), len(kw), len(kw), [], {})
                if measure == "unspecified":
                    measure = kw
            else:
                measure, keywords = prev.measure, kws
        else:
            self._inherit = 0
        strength = _finding_strength(self.design, values, part) if section != "methods" else "descriptive"
        if section == "methods" and any(v.label == "total" or (v.kind == "count" and v.group) for v in values):
            measure = "sample size"
        return Finding(
            id=f"f{len(self.findings) + 1}",
            text=text[:400],
            measure=measure,
            keywords=_names(keywords),
            groups=[g for g in groups if g],
            values=values,
            ci=ci,
            p=p,
            strength=strength,
            scope="all" if section == "methods" else "group_average",
            significant=sig if section != "methods" else None,
            direction=direction if section != "methods" else None,
            source="abstract" if section in ("results", "", "abstract") else f"abstract ({section})",
        )


def anchors_inner(fs: str, pos: int) -> int:
    """Offset of the innermost open bracket holding ``pos`` (-1 at depth 0)."""
    d = 0
    for i in range(pos - 1, -1, -1):
        ch = fs[i]
        if ch in _CLOSE:
            d += 1
        elif ch in _OPEN:
            if d == 0:
                return i
            d -= 1
    return -1


def _depths(fs: str) -> tuple[list[int], list[int]]:
    """Bracket depth at each offset, and the offset of the outermost open bracket (the
    "anchor": a value inside brackets belongs where its bracket stands)."""
    depth = [0] * (len(fs) + 1)
    anchors = list(range(len(fs) + 1))
    d, open_at = 0, 0
    for i, ch in enumerate(fs):
        if ch in _OPEN:
            if d == 0:
                open_at = i
            d += 1
        depth[i] = d if ch not in _OPEN else d - 1
        if d > 0 and ch not in _OPEN:
            anchors[i] = open_at
        elif ch in _OPEN and d == 1:
            anchors[i] = i
        elif ch in _OPEN:
            anchors[i] = open_at
        if ch in _CLOSE and d > 0:
            d -= 1
            depth[i] = d
            anchors[i] = open_at if d > 0 else i
    return depth, anchors


_CLAUSE_BREAK = re.compile(r"[,，;；]|\s(?:whereas|while|but)\s|但|而")


_OF_THE = re.compile(r"\s*%?\s*(?:of|among)\s+(?:the\s+|all\s+|these\s+)?", re.I)


def _clause_bounds(fs: str, depth: list[int], pos: int, a: int, b: int) -> tuple[int, int]:
    """The depth-0 clause of ``fs[a:b]`` holding ``pos`` (commas/semicolons/whereas)."""
    c0, c1 = a, b
    for m in _CLAUSE_BREAK.finditer(fs, a, b):
        if depth[m.start()] != 0:
            continue
        if m.start() < pos:
            c0 = m.end()
        elif m.start() >= pos:
            c1 = m.start()
            break
    return c0, c1


_SIGNIFICANT_CHANGE = re.compile(r"(?<!not )(?<!n't )\bsignificantly\s+(?:decreas|increas|reduc|improv|lower|higher|"
                                 r"elevat|rais|prolong|shorten)\w*", re.I)


def _finding_strength(design: str, values: list[Value], text: str) -> str:
    if design == "rct":
        return "causal"
    if design in ("animal", "in_vitro"):
        return "conditional_causal"
    if design in ("review",):
        return "descriptive"
    if any((v.label or "").upper() in ("OR", "HR", "RR", "AOR", "AHR", "IRR", "R", "β") for v in values) \
            or re.search(r"associat|correlat|risk factor|相关|关联|危险因素", text, re.I):
        return "correlational"
    if any(v.group for v in values) and len({v.group for v in values}) >= 2:
        return "correlational"
    return "descriptive"


def _measure(fs: str, a: int, b: int, first: int, last: int, groups: list[str],
             group_names: dict[str, list[str]]) -> tuple[str, list[str]]:
    """What the sentence measures: a glossary concept when one is named, else its wording
    (the words before the first number, or after the last one)."""
    def strip(t: str) -> str:
        for k in groups:
            for n in sorted(group_names.get(k, []), key=len, reverse=True):
                t = t.replace(n, " ")
        t = _TIME_EN.sub(" ", t)
        t = _TIME_ZH.sub(" ", t)
        t = re.sub(r"\b(?:of|in|the|patients?)\s+(?=\s|$)", " ", t)
        return _clean(t).strip(" ,，:：;；(（")
    def wordy(t: str) -> bool:
        return len(re.findall(r"[A-Za-z\u4e00-\u9fff]", t)) >= 3
    lead = strip(fs[a:first])
    head = strip(re.split(r"[\[(（【]", fs[a:first], maxsplit=1)[0])
    if wordy(head):
        lead = head
    if not wordy(lead):
        tail = fs[last:b]
        tail = re.split(r"[(（]", tail, maxsplit=1)[0]
        lead = strip(tail)
        if not wordy(lead):
            lead = ""
    keywords: list[str] = []
    measure = ""
    try:
        from factcheck.papers.glossary import load_glossary

        g = load_glossary()
        hits = []
        for m in g.pattern.finditer(lead or fs[a:b]):
            key = g.term_group.get(m.group(0).lower())
            if key and key not in ("placebo", "uc_msc", "insulin_resistance"):
                hits.append((m.group(0), key))
        if hits:
            def specific(t: str) -> bool:
                return len(t) >= 4 or bool(_CJK_RE.search(t) and len(t) >= 2)
            best = next((h for h in hits if specific(h[0])), hits[0])
            measure = best[1].replace("_", " ")
            seen: dict[str, str] = {}
            for h in hits:
                seen.setdefault(h[0].lower(), h[0])
            keywords = list(seen.values())
    except Exception:                            # the glossary is optional here
        pass
    if not measure:
        measure = lead[:80] or "unspecified"
    return measure, keywords


# ================================================================ conclusion

_WE_CONCLUDE = re.compile(r"we conclude|in conclusion|in summary|taken together|综上|总之|因此.*?(?:表明|提示)",
                          re.I)


def conclusion_strength(text: str) -> str:
    t = fold_width(text)
    for strength, pat in cues().strength:
        if pat.search(t):
            return strength
    return "unknown"


# ================================================================ the drafter

HEADER_KEYS = ("title", "journal", "year", "authors", "author", "doi", "pmid", "pmcid", "source", "published",
               "date", "url")
_HEADER_LINE = re.compile(r"^#?\s*([A-Za-z_]+)\s*[:：]\s*(.*)$")


# a publisher's page stored with its markup ("</div><div><h3>Results</h3><div>The 12-week …",
# "<em>P</em> < 0.001"), or Crossref's JATS ("<jats:sec>…</jats:sec>"): read as the reader reads a page's HTML
_MARKUP = re.compile(r"</(?:div|p|h[1-6]|em|i|b|strong|span|sup|sub|li|jats:(?:sec|p|title))>", re.I)


def _without_markup(text: str) -> str:
    """The abstract's text without the HTML a stored publisher page keeps around it: headings
    (<h3>Results</h3>) on lines of their own, so that sections and sentences are read as in
    plain text. Text without closing tags is returned as it is."""
    return html_to_text(text) if "</" in text and _MARKUP.search(text) else text


# a decimal written without its zero (AMA and some European styles: "hazard ratio: .84; 95% CI:
# .74–.95", "P = .03"), and the interval misspelt "confidential interval"
# (after a space, a bracket, a sign or a dash only: "(P>0.05).3组中" is a full stop)
_LEADING_POINT = re.compile(r"(?<=[\s(\[:=<>≤≥–—\-−±;])\.(?=\d)")
_CONFIDENTIAL = re.compile(r"\bconfidential(?=\s+intervals?\b)", re.I)


# a period of years with its end year cut to two digits, as the Lancet and BMJ write it
# ("for 2013–20 with 2006–12"): the end year whole, so the period reads as one
_SHORT_END_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)([–—-])(\d\d)(?!\d|[.,]\d|[ \u2009\u202f\u00a0]\d{3}|\s*%|\s*(?:percent|years?|months?|weeks?|days?)\b)")


def _whole_end_year(m: re.Match) -> str:
    start, dash, end = m.group(1), m.group(2), m.group(3)
    if int(end) <= int(start[2:]):
        return m.group(0)          # 2019-12 is no period: a year and a month, or a count
    return f"{start}{dash}{start[:2]}{end}"


_SLASHED_HEADING = re.compile(r"[ \t]+//[ \t]+(?=[A-Z][a-z]+(?: [a-z]+)?:)")
# a thin space a stored copy lost to a question mark ("20?976 participants", "43?722 women")
_LOST_THIN_SPACE = re.compile(r"(?<![\d.?])(\d{1,3})\?(\d{3})(?![\d?])")
# a heading glued to its text where a store dropped the heading's markup ("ResultsThirty-three
# studies", "ObjectiveTo examine"): read before the numbers' words are, so that "Thirty-three"
# is 33 and not "Thirty-" and 3
_GLUED_HEADING = re.compile(_HEADING_AT_START + r"(?=[A-Z][a-z])", re.M)


def _plain_numbers(text: str) -> str:
    """The abstract with its decimals written whole (.84 → 0.84), its periods' end years
    whole (2006–12 → 2006–2012), its thousands whole where a copy lost the thin space to "?"
    (20?976), and a misspelt interval named as it is meant, so that the numbers are read as any other abstract's; its sections
    on lines of their own where a stored copy runs them together ("… trial. // Methods: …",
    "ResultsThirty-three studies …")."""
    if "//" in text:
        text = _SLASHED_HEADING.sub("\n", text)
    text = _GLUED_HEADING.sub(r"\1\n", text)
    if "?" in text:
        text = _LOST_THIN_SPACE.sub(r"\1\2", text)
    if "." in text:
        text = _LEADING_POINT.sub("0.", text)
    text = _SHORT_END_YEAR.sub(_whole_end_year, text)
    return _CONFIDENTIAL.sub("confidence", text) if "onfidential" in text else text


def _read_header(text: str) -> tuple[str, dict]:
    """Leading metadata lines → (the rest, metadata): ``# key: value`` comments (as in
    tests/data/abstracts) and the plain ``Title: …`` / ``Journal: …`` / ``Year: …`` / ``DOI: …`` /
    ``Authors: …`` header an editor writes above a pasted abstract. Only known keys count, so an
    abstract that opens with ``Background: …`` keeps its first section."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _HEADER_LINE.match(ln.strip())
        if m and (ln.startswith("#") or m.group(1).lower() in HEADER_KEYS):
            key = m.group(1).lower()
            meta.setdefault("authors" if key == "author" else key, m.group(2).strip())
        elif ln.strip() and not ln.startswith("#"):
            break
        i += 1
    if not meta:
        return text, meta
    return "\n".join(lines[i:]), meta


# PubMed's text export (Abstract format): a citation line, the title, the authors with their
# affiliation numbers, "Author information:", the abstract, then DOI/PMID lines
_PUBMED_CITATION = re.compile(r"^\s*(?:\d+\.\s+)?(?P<journal>[A-Z][^.\n]{1,80})\.\s+(?P<year>(?:19|20)\d{2})\b[^\n]*$")
_PUBMED_TAIL = re.compile(r"^\s*(DOI|PMID|PMCID|Copyright|©|Conflict of interest statement|Erratum in|Comment in|"
                          r"Update of|Update in|Retraction in|Publication types|MeSH terms)\b", re.I)


# the citation line as a page prints it under a header, with or without the journal's name
# before it ("BMJ. 2021 Mar 24;372:n530", ". 2019 Sep 4;366:l4897", "2019 Aug;28(8):1161-1171"):
# a year, a month, then a volume or an Epub date
_CITATION_LINE = re.compile(rf"^\s*(?:\d+\.\s+)?(?:[A-Z][^.\n]{{1,80}}\.\s+|\.\s*)?(?:19|20)\d{{2}}\s+{MONTH_WORD}"
                            r"[^\n]{0,200}?(?:[;:]|\bEpub\b)")


def _body_citation(text: str, lines_read: int = 6) -> Optional[str]:
    """PubMed's citation line among the first lines below a header (under the title or the
    affiliations a page copies first), whose dates the header's ``Year:`` line lacks."""
    # (read from the text's opening only: the abstract below may be long)
    lines = [ln.strip() for ln in text[:8000].split("\n") if ln.strip()][:lines_read + 1]
    at = 0 if lines and _PUBMED_CITATION.match(lines[0]) else next(
        (k for k, ln in enumerate(lines[:lines_read]) if len(ln) < 300 and _CITATION_LINE.match(ln)), None)
    if at is None:
        return None
    # (its DOI and Epub day may stand on the next line: ". 2025 May 3;405(10489)" / "doi: … Epub 2025 Apr 14.")
    more = lines[at + 1] if at + 1 < len(lines) and re.match(r"(?i)(?:doi:|epub\b)", lines[at + 1]) else ""
    return f"{lines[at]} {more}".strip()


def _read_pubmed(text: str) -> tuple[str, dict]:
    """PubMed's Abstract-format export → (the abstract, metadata), or (text, {}) when the text does
    not open with a PubMed citation line ("1. N Engl J Med. 2022 Aug 11;387(6):1234-1245. doi: …")."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip())]
    if len(paras) < 3:
        return text, {}
    cite = _PUBMED_CITATION.match(paras[0].split("\n")[0])
    if not cite:
        return text, {}
    meta = {"journal": cite.group("journal").strip(), "year": cite.group("year")}
    d = re.search(r"doi:\s*(10\.\S+?)\.?(?:\s|$)", paras[0])
    if d:
        meta["doi"] = d.group(1)
    meta["title"] = " ".join(paras[1].split())
    rest = paras[2:]
    if rest and not re.match(r"^(Author information|BACKGROUND|OBJECTIVE|METHODS|INTRODUCTION)", rest[0], re.I) \
            and re.search(r"[A-Z][a-z'-]+ [A-Z]{1,3}(?:\(\d+(?:,\s*\d+)*\))?(?:,|$)", rest[0]):
        meta["authors"] = re.sub(r"\(\d+(?:,\s*\d+)*\)", "", " ".join(rest[0].split())).rstrip(".")
        rest = rest[1:]
    if rest and rest[0].lower().startswith("author information"):
        rest = rest[1:]
    body = []
    for para in rest:
        lines = para.split("\n")
        if _PUBMED_TAIL.match(lines[0]):
            for ln in lines:
                m = re.match(r"^\s*(DOI|PMID|PMCID)\s*:\s*(\S+)", ln, re.I)
                if m:
                    meta.setdefault(m.group(1).lower(), m.group(2).rstrip("."))
            continue
        body.append(para)
    return "\n\n".join(body), meta


def _europepmc_json(text: str, source: Optional[str]) -> "Optional[Record]":
    """Europe PMC's JSON for a paper (a REST search answer, or one of its results) as a Record,
    so that an abstract saved from Europe PMC is drafted with its metadata; None for other JSON."""
    import json

    try:
        data = json.loads(text)
    except ValueError:
        return None
    from factcheck.papers.sources import BadResponse, Client, europepmc_results   # (requests comes with it: only for JSON)

    if isinstance(data, dict) and "resultList" in data:
        try:
            results = [r for r in europepmc_results(data, source or "") if isinstance(r, dict)]
        except BadResponse:
            return None
        data = results[0] if results else None
    if not isinstance(data, dict) or not (data.get("abstractText") or data.get("title")):
        return None
    return Client._record_from_europepmc(data, source or "")


def _meta_authors(meta: dict) -> list[str]:
    """``Authors:`` as records print it: "Aronne LJ, Horn DB; SURMOUNT-5 Investigators", "Zhai
    X; Li K", "Xiaobing Zhai, Kefeng Li"; a group author is not a person."""
    out = []
    for part in re.split(r"\s*[;；]\s*", meta.get("authors", "")):
        names = [part] if re.fullmatch(r"[\w'-]+,\s*[A-Z][\w .'-]*", part) else re.split(r"\s*[,，、]\s*", part)
        out += [a.strip().rstrip(".") for a in names if a.strip()
                and not re.search(r"investigators|group|consortium|collaborat|committee|writing", a, re.I)]
    return out[:50]


def _meta_published(meta: dict) -> Optional[str]:
    """The day the paper was published, as the header gives it to the day (read by the
    project's own date reader): an ``Epub`` date first (the day the news reports: "Ann Intern
    Med. 2024 Oct;177(10). Epub 2024 Aug 27"), else the first ("N Engl J Med. 2024 Jun 13;
    390(22)", a ``Published:`` line's, an ISO date, a ``Year:`` line's "2021 (Epub 2020 Jul 20)").
    None when no day is given: a month alone is no day."""
    from factcheck.text.numbers import extract

    text = " ".join(str(meta.get(k) or "") for k in ("published", "date", "journal", "citation", "year"))
    days = [m for m in extract(text) if m.kind == "year_or_date" and isinstance(m.value, str) and len(m.value) == 10]
    epub = re.search(r"Epub", text, re.I)
    after = [m for m in days if epub and m.start >= epub.end()]
    return (after or days)[0].value if days else None


def _meta_year(meta: dict) -> Optional[int]:
    m = re.search(r"(19|20)\d{2}", meta.get("year", "") or meta.get("published", "") or meta.get("date", ""))
    return int(m.group(0)) if m else None


# a journal's box of the main results before the abstract, up to the abstract's own heading:
# Key Points (JAMA), Significance (PNAS), Highlights (Cell, Elsevier), a plain-language summary
_RESULTS_BOX = re.compile(r"(?im)^\s*(?:key points|significance(?: statement)?|highlights|plain language summary)\b"
                         r"[\s:：]*(.*?)(?=^\s*abstract\b|\Z)", re.S)


def draft_summary(text: str, *, doi: Optional[str] = None, record: "Optional[Record]" = None,
                  source: Optional[str] = None) -> Summary:
    """A draft Summary (``curated: false``) from an abstract or a paper's text. (Long: the
    sections of the summary in the order they are read — metadata, design, population, findings,
    stated numbers, conclusion, terms — each a short block marked ``# ----``, every block using
    what the earlier ones read; the readings themselves live in the helpers they call.)"""
    if text is None:
        text = ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if record is None and text.lstrip().startswith("{"):
        record = _europepmc_json(text, source)
        if record is not None:
            text = ""
    text, meta = _read_header(text)
    if not meta:
        text, meta = _read_pubmed(text)
    elif cite := _body_citation(text):
        meta.setdefault("citation", cite)   # a header, then PubMed's citation line: its issue's day
    text = _plain_numbers(_without_markup(text))
    if not text.strip() and record is not None:
        if record.abstract and record.abstract.strip():
            text = record.abstract
        else:
            return _metadata_only(record, doi, source)
    if not text.strip():
        raise ValueError("no text to summarise: the input is empty")
    if looks_traditional(text):
        # cues, headings and the glossary are written in simplified characters
        text = to_simplified(text)

    lines = text.split("\n")
    paras = unwrap(text)
    abstracts = find_abstracts(paras)
    lang = "zh" if _is_cjk_text(text[:20000], 0.3) else "en"
    if abstracts:
        primary = abstracts.get(lang) or next(iter(abstracts.values()))
        key = _RESULTS_BOX.search(paras)
        if key and key.group(1).strip() not in primary:
            # a journal's Key Points (Question, Findings, Meaning) or Significance statement state
            # the main results in the paper's own numbers: read with the abstract (a stored copy
            # may hold only them)
            primary = key.group(1).strip() + "\n" + primary
    else:
        primary = _front(paras)                  # no abstract marked: the text before its references
    title = (record.title if record and record.title else None) or meta.get("title") or _title_from_text(lines)
    if not abstracts and title:
        first = paras.split("\n", 1)
        # (the title's own line, not an abstract whose first sentence opens with the title's
        # words: "Cancer statistics for adolescents and young adults (AYAs) … are often …")
        if first and _clean(first[0]).startswith(_clean(title)[:30]) \
                and len(_clean(first[0])) <= len(_clean(title)) + 40:
            primary = first[1] if len(first) > 1 else ""
    if lang == "en":
        from factcheck.papers.abstract_en import normalise

        primary = normalise(primary)             # 162 602 women, Thirty-seven participants, 0·16

    sections = split_sections(primary)
    if not any(n for n, _ in sections):
        sections = [("", primary)]
    sec_text = {}
    for n, t in sections:
        sec_text[n] = (sec_text.get(n, "") + "\n" + t).strip()

    # ---- metadata
    d = doi or (record.doi if record else None) or meta.get("doi") or _doi_from_text(text)
    d = normalize_doi(d) if d else None
    pmid = (record.pmid if record else None) or meta.get("pmid") or None
    if not pmid:
        m = _PMID_IN_TEXT.search(_front(text))
        pmid = m.group(1) if m else None
    pmcid = (record.pmcid if record else None) or meta.get("pmcid") or None
    if not pmcid:
        m = _PMCID_IN_TEXT.search(_front(text)[:5000])
        pmcid = m.group(1) if m else None
    year = (record.year if record else None) or _meta_year(meta) or _year_from_text(text, d)
    authors = list(record.authors) if record and record.authors else (
        _meta_authors(meta) or _authors_from_text(paras.split("\n")))

    # ---- design: title + every abstract (both languages), else the whole text
    design_text = "\n".join([title or ""] + list(abstracts.values())) if abstracts else \
        ((title or "") + "\n" + primary)
    design, flags, species = classify_design(design_text)

    # ---- population
    methods = sec_text.get("methods", "")
    pop = find_population(methods, primary if not methods else methods)
    pop.species = "human" if species.startswith("human") else species

    # ---- findings
    known = {name: group_key(name) for name in pop.groups}
    drafter = _Drafter(design, known, pop.n)
    results = sec_text.get("results")
    c = cues()

    def numbered(block: str) -> list[str]:
        return [x for x in split_sentences(block) if re.search(r"\d", x)]
    # what was done (sample, follow-up, schedule, period): facts articles quote too
    for sent in numbered(methods):
        drafter.add_sentence(sent, "methods")
    if results:
        for sent in split_sentences(results):
            drafter.add_sentence(sent, "results")
    else:
        body = "\n".join(t for n, t in sections if n not in ("methods", "objective", "background",
                                                             "conclusion", "registration"))
        for sent in numbered(body):
            fs = fold_width(sent)
            if c.not_results.search(fs):
                if not methods:
                    drafter.add_sentence(sent, "methods")
                continue
            if c.result_verbs.search(fs):
                drafter.add_sentence(sent, "")
    for sent in numbered(sec_text.get("conclusion", "")):
        drafter.add_sentence(sent, "conclusion")
    pop.groups = {group_key(n): v for n, v in pop.groups.items()}
    findings, groups = drafter.findings, drafter.groups
    stated = []
    if lang == "en":
        from factcheck.papers.abstract_en import stated_quantities

        # (a Background that tells the study's own design, "Of these men, 1643 were enrolled in a
        # trial … with 545 randomly assigned to …", is the study's, sentence by sentence)
        # (only beside sections of the study's own: a text read wholly as Background is read whole)
        study = sections + _own_background(sections) if any(n not in _NOT_STUDY_SECTIONS for n, _ in sections) \
            else sections
        findings, groups = _english_findings(findings, groups, study, primary, pop, title or "")
        stated = stated_quantities("\n".join([title or ""] + [t for n, t in study
                                                                if n not in _NOT_STUDY_SECTIONS]),
                                   definitions=primary)
        # the ages that define the population are often written only in the Background
        # ("adolescents and young adults aged 15–39 years"); its other numbers are other studies'
        have = {(str(x.value), x.unit) for x in stated}
        stated += [v for v in stated_quantities("\n".join(t for n, t in sections if n in ("background", "introduction")))
                   if v.unit == "age" and (str(v.value), v.unit) not in have]

    elif lang == "zh":
        stated = _stated_zh("\n".join([title or ""] + [t for n, t in sections if n not in _NOT_STUDY_SECTIONS]))

    # ---- conclusion
    concl = sec_text.get("conclusion")
    level_sents: list[str] = []
    if not concl:
        sents = split_sentences(primary)
        we = [s for s in sents if _WE_CONCLUDE.search(s)]
        concl = " ".join(we) if we else (sents[-1] if sents else "")
        # an unlabelled abstract: its claim stands in the last sentences
        level_sents = we or sents[-2:]
    concl = _clean(concl)
    conclusion = Conclusion(text=concl, strength=conclusion_strength(concl) if concl else "unknown")
    if concl:
        from factcheck.text.strength import strongest

        reading, said = strongest([_clean(x) for x in (level_sents or split_sentences(concl))])
        conclusion.level, conclusion.sentence, conclusion.negated = reading.level, said or None, reading.negated

    # ---- terms from the glossary (both languages), for matching articles to this paper
    terms: dict[str, list[str]] = {}
    try:
        from factcheck.papers.glossary import load_glossary

        g = load_glossary()
        term_text = "\n".join([title or "", sec_text.get("results", ""), sec_text.get("conclusion", "")]
                              + [f.text for f in findings])
        if not sec_text.get("results"):
            term_text += "\n" + primary
        for key in sorted(g.groups_in(fold_width(term_text))):
            terms[key] = list(g.groups[key])
    except Exception:
        terms = {}

    sources = []
    for s in (source, meta.get("source"), record.raw_url if record else None):
        if s and s not in sources:
            sources.append(s)

    sid = make_id(authors, year, d, title, text)
    header_journal, header_abbrev = _journal_of_header(meta.get("journal") or "")
    summary = Summary(
        id=sid, doi=d, pmid=pmid, pmcid=pmcid, title=title or "",
        journal=(record.journal if record else None) or header_journal,
        journal_aliases=_names([record.journal_abbrev] if record and record.journal_abbrev else header_abbrev),
        year=year, published=(record.published if record else None) or _meta_published(meta),
        issue=_issue_month(meta.get("journal") or "") or _issue_month(meta.get("citation") or ""), authors=_names(authors),
        language=lang, curated=False, available=True,
        availability_note=("drafted from the abstract only" if abstracts or len(text) < 8000 else None),
        design=design, design_flags=flags, species=species, population=pop,
        groups={k: _names(v) for k, v in groups.items()}, findings=findings, stated=stated,
        conclusion=conclusion, terms={k: _names(v) for k, v in terms.items()},
        sources=sources,
    )
    return summary


# what the study did and found is in every section but these (an Objective names the ages and the
# population studied: "children aged 1 year ... at age 2 and 4 years")
_STATED_ZH_UNITS = {"minute", "hour", "day", "week", "month", "year", "age", "per_day", "per_week",
                    "per_month", "per_year"}


def _stated_zh(text: str) -> list[Value]:
    """A Chinese abstract's lengths, ages and schedules (前2年, 40岁及以上, 每两年一次), read by the
    article's own extractor, as ``abstract_en.stated_quantities`` reads an English one."""
    out: list[Value] = []
    seen: set = set()
    for m in _extract(text):
        if m.kind == "year_or_date" and isinstance(m.value, str):
            out += _dates_zh(m, text)
            continue
        if m.unit not in _STATED_ZH_UNITS or not m.checkable or m.kind == "pvalue":
            continue
        if not isinstance(m.value, (int, float, list)):
            continue
        key = (str(m.value), m.unit)
        if key in seen:
            continue
        seen.add(key)
        a, b = max(0, m.start - 30), min(len(text), m.end + 20)
        out.append(Value(value=m.value, unit=m.unit, kind="stated", qualifier=m.qualifier,
                         note=" ".join(text[a:b].split())))
    return out


def _dates_zh(m, text: str) -> list[Value]:
    """The years, periods and dates of a Chinese abstract (1995年1月1日至2022年6月1日, 2006至2020年),
    as the English reader states them: a period (labelled "dated" where its ends name months), a
    year named, each date to its month or day."""
    ends = [e for e in m.value.split("/") if re.fullmatch(r"(?:19|20)\d\d(?:-\d\d){0,2}", e)]
    if not ends or len(ends) != len(m.value.split("/")):
        return []
    a, b = max(0, m.start - 30), min(len(text), m.end + 20)
    note = " ".join(text[a:b].split())
    out: list[Value] = []
    years = [float(e[:4]) for e in ends]
    if len(ends) == 2 and years[0] < years[1]:
        dated = "dated" if any(len(e) > 4 for e in ends) else None
        out.append(Value(value=years, unit="period", kind="stated", label=dated, note=note))
    elif len(ends) == 1 and len(ends[0]) == 4:
        out.append(Value(value=years[0], unit="year_named", kind="stated", note=note))
    for e in ends:
        if len(e) >= 7:
            day = int(e[8:10]) if len(e) >= 10 else 0
            out.append(Value(value=date_number(int(e[:4]), int(e[5:7]), day), unit="date_named",
                             kind="stated", note=note))
    return out


_NOT_STUDY_SECTIONS = ("background", "introduction", "registration", "funding")
# a sentence of the Background about the study itself: its enrolment, its randomisation, "we"
_OWN_DESIGN = re.compile(r"\b(?:we|our|randomly\s+assigned|randomi[sz]ed\s+to|were\s+enrolled|enrolled\s+in)\b", re.I)


def _own_background(sections: list) -> list:
    """The Background's sentences that tell the study's own design, as a Methods section."""
    own = [sent for n, t in sections if n in ("background", "introduction")
           for sent in split_sentences(t) if _OWN_DESIGN.search(sent)]
    return [("methods", " ".join(own))] if own else []


# "1.50 (95% CI …) and 2.28 (95% CI …) years lower life expectancy … in women and men,
# respectively": the sexes a sentence's pair of results belongs to, in order
_RESPECTIVE_SEXES = re.compile(r"\b(?:in|among|for)\s+(women|men|females|males)\s+and\s+(women|men|females|males),?"
                               r"\s+respectively\b", re.I)


def _respective_sexes(f: Finding, gl) -> list[str]:
    """Gives the first two results of a finding told "in women and men, respectively" those
    groups, the glossary's (and the unit the second is written with to a first written without:
    "1.50 … and 2.28 years"); returns the group keys given."""
    m = _RESPECTIVE_SEXES.search(f.text)
    if m is None:
        return []
    keys = [gl.term_group.get(m.group(1).lower()), gl.term_group.get(m.group(2).lower())]
    results = _told_results(f)
    if keys[0] == keys[1] or not set(keys) <= set(SEX_GROUPS) or len(results) < 2:
        return []
    first, second = results[:2]
    if not first.unit and second.unit:
        first.unit, first.kind = second.unit, second.kind
    _give_groups(f, results[:2], keys)
    return keys


def _told_results(f: Finding) -> list:
    """A finding's results, in order: not its intervals, P values, ratios, ages, spreads, counts of
    the sample or cut-offs (what a sentence told "respectively" lists)."""
    return [v for v in f.values if v.kind not in ("interval", "pvalue", "ratio") and v.unit != "age"
            and v.label not in ("ci", "p", "n", "total", "sd", "threshold") and not isinstance(v.value, list)]


def _give_groups(f: Finding, results: list, keys: list[str]) -> None:
    """Each result its group, in order, and the spread written right after a result the same."""
    for v, k in zip(results, keys):
        v.group = k
    for before, v in zip(f.values, f.values[1:]):
        if v.label == "sd" and any(before is r for r in results):
            v.group = before.group


# "0.21±0.02 mm and 0.55±0.02 mm in the DIMS and SV groups, respectively": the arms a pair of
# results belongs to, in order
_RESPECTIVE_ARMS = re.compile(r"\b(?:in|among|for)\s+(?:the\s+)?([\w -]{1,30}?)\s+and\s+(?:the\s+)?([\w -]{1,30}?)"
                              r"(?:\s+(?:groups?|arms?))?,?\s+respectively\b", re.I)


def _respective_arms(f: Finding, arms: dict) -> None:
    """Gives the first two results of a finding told "in the A and B groups, respectively" the
    arms A and B in that order (the drafter gave each the arm named nearest after it)."""
    m = _RESPECTIVE_ARMS.search(f.text)
    if m is None:
        return
    names = {n.lower(): k for k, ns in arms.items() for n in ns}
    last = {n.lower().split()[-1]: k for k, ns in arms.items() for n in ns if n.strip()}   # "wear DIMS" for DIMS
    keys = [names.get(w) or last.get(w) for w in (m.group(1).strip().lower(), m.group(2).strip().lower())]
    if None in keys or keys[0] == keys[1]:
        return
    results = _told_results(f)
    if len(results) == 2 and results[0].unit == results[1].unit:
        _give_groups(f, results, keys)


def _english_findings(drafted: list[Finding], drafted_groups: dict, sections: list, primary: str,
                      pop: Population, title: str = ""):
    """An English abstract's findings: the drafter's (parts, groups, time points, significance),
    each value retyped the way articles quote it (abstract_en: HR 0.58 a ratio, "aged 15-25
    years" an age, "4211 participants" a count, a 12-month follow-up), the numbers the drafter
    passed over added, sentences it skipped read whole; the measure words of each finding from
    the glossary; the arms' Chinese names; the sample size."""
    from factcheck.papers.abstract_en import facts, find_arms, merge_values, normalise, population_n
    from factcheck.papers.glossary import load_glossary

    body = [(n, t) for n, t in sections if n not in _NOT_STUDY_SECTIONS] or [("", primary)]
    if title:
        body = [("title", title)] + body                 # "Screen Time at Age 1 Year and … at 2 and 4 Years"
    arms = find_arms(normalise("\n".join(t for _n, t in body)))
    findings = list(drafted)
    heads = [(f, _clean(f.text)[:60]) for f in drafted]       # a drafted finding's opening words
    for name, block in body:
        ratio_before: Optional[str] = None
        for sent in split_sentences(block):
            typed = facts(sent, name, arms, f"f{len(findings) + 1}", ratio_before)
            ratio_before = next((v.label for v in reversed(typed.values) if v.kind == "ratio"), None) if typed else None
            if typed is None:
                continue
            clean = _clean(sent)
            mine = [f for f, head in heads if head and head in clean]
            if mine:
                merge_values(mine, typed)
            else:
                typed.id = f"f{len(findings) + 1}"
                findings.append(typed)
    gl = load_glossary()
    groups: dict[str, list[str]] = dict(drafted_groups)
    for f in findings:
        for key in _respective_sexes(f, gl):
            groups.setdefault(key, [key])
        _respective_arms(f, drafted_groups)
    for key, names in arms.names.items():
        if any(n.lower() in (x.lower() for ns in groups.values() for x in ns) for n in names):
            continue
        groups[key] = list(names)
    for key, names in groups.items():
        # Chinese names only for an arm the lexicon names whole (placebo → 安慰剂组), never for
        # a word inside it ("health education" is no 教育水平)
        whole = {gl.term_group.get(re.sub(r"\s+(group|arm)$", "", n.lower())) for n in names} - {None}
        zh = [t for g in whole for t in gl.groups[g] if re.search(r"[\u4e00-\u9fff]", t)]
        groups[key] = list(dict.fromkeys(list(names) + [z if z.endswith("组") else z + "组" for z in zh] + zh))
    for f in findings:
        f.keywords = list(dict.fromkeys(list(f.keywords) + sorted(
            {t for g in gl.groups_in(f.text) - gl.not_measures for t in gl.groups[g]})))
        f.groups = list(dict.fromkeys(list(f.groups) + [v.group for v in f.values if v.group]))
        f.groups = [g for g in f.groups if g in groups]
        for v in f.values:
            if v.group and v.group not in groups:
                v.group = None
    # "Usual or permanent night shifts were associated with the highest risk [HR 1.16 …]": a
    # ratio whose sentence names no outcome is of the outcome the sentence before named
    named: list = []
    for f in findings[:len(drafted)]:
        if f.keywords:
            named = f.keywords
        elif named and any(v.kind == "ratio" for v in f.values) and len(re.findall(r"[A-Za-z]{2,}", f.measure)) >= 4:
            # (a sentence of its own; not a part the drafter cut from a list, "regular: HR 0.72",
            # whose outcome the list's own words carry)
            f.keywords = list(named)
    if arms.sizes and not pop.groups:
        pop.groups = {k: v for k, v in arms.sizes.items() if k in groups}
    if not pop.n and len(pop.groups) >= 2:
        pop.n = sum(pop.groups.values())        # 354 + 354 randomised: the trial's 708
    pop.n = pop.n or population_n(findings)
    return findings, groups


def _issue_month(citation: str) -> Optional[str]:
    """The issue's month of a header's citation (World J Urol. 2018 Nov;36(11)…; Epub 2018 May 23:
    2018-11), read by the project's date reader; None if it gives none."""
    from factcheck.text.numbers import extract

    epub = citation.lower().find("epub")
    return next((d.value for d in extract(citation) if d.kind == "year_or_date" and isinstance(d.value, str)
                 and len(d.value) == 7 and (epub < 0 or d.start < epub)), None)


_CITATION_AFTER = re.compile(r"[.,;]?\s+(?:19|20)\d\d\b")


def _journal_of_header(raw: str) -> tuple[Optional[str], list[str]]:
    """The journal's name, and its abbreviation in brackets, of a ``Journal:`` line that also
    gives the citation ("JAMA Internal Medicine (JAMA Intern Med. 2022 Sep 1;182(9):953-962)",
    "Cancer Sci. 2023 Oct;114(10):4052-4062"): the name is what an article names, the
    citation never stands in one (the line as a whole stays the header's, for its dates)."""
    raw = raw.strip()
    if not raw:
        return None, []
    name, _, inner = raw.partition("(")
    name = _CITATION_AFTER.split(name)[0].strip(" .;,") or raw
    abbrev = _CITATION_AFTER.split(inner)[0].strip(" .;,)") if inner else ""
    ok = abbrev and not abbrev[0].isdigit() and not abbrev.lower().startswith("epub")
    return name, [abbrev] if ok else []


def _names(xs) -> list[str]:
    """Names the schema accepts: a record's blank author or abbreviation is dropped, not a crash."""
    return [x for x in xs if isinstance(x, str) and x.strip()]


def _metadata_only(record: "Record", doi: Optional[str], source: Optional[str]) -> Summary:
    """A draft for a record without an abstract: metadata, no content."""
    d = doi or record.doi
    d = normalize_doi(d) if d else None
    title = record.title or ""
    design, flags, species = classify_design(title) if title else ("unknown", [], "human")
    sources = [x for x in dict.fromkeys([source, record.raw_url]) if x]
    return Summary(
        id=make_id(list(record.authors), record.year, d, title, title or (d or "")),
        doi=d, pmid=record.pmid, pmcid=record.pmcid, title=title, journal=record.journal,
        journal_aliases=_names([record.journal_abbrev] if record.journal_abbrev else []),
        year=record.year, published=record.published, authors=_names(record.authors),
        language="zh" if _is_cjk_text(title) else "en", curated=False, available=False,
        availability_note=f"no abstract in the {record.source} record: metadata only",
        design=design, design_flags=flags, species=species, sources=sources,
    )


# ================================================================ writing

class CuratedFileError(FileExistsError):
    """The target is a curated summary: never overwritten."""


def _is_curated(path: str) -> bool:
    """Not plainly a draft: ``curated`` is true, or is not a YAML boolean at all (the strict
    reading the store applies, ``summaries.curated_flag``): only ``curated: false`` or no
    ``curated`` key lets a draft replace the file."""
    from factcheck.papers.summaries import curated_flag

    try:
        with open(path, "r", encoding="utf-8-sig") as fh:
            data = yaml.safe_load(fh)
    except (OSError, UnicodeDecodeError):
        return False
    except yaml.YAMLError:
        # unreadable YAML: be safe if it *says* curated: true anywhere
        try:
            with open(path, "r", encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            return False
        return bool(re.search(r"^\s*curated\s*:", text, re.M)) and not re.search(
            r"^\s*curated\s*:\s*false\s*(?:#.*)?$", text, re.M)
    return isinstance(data, dict) and curated_flag(data) is not False


def summary_to_yaml(summary: Summary) -> str:
    data = summary.model_dump(mode="json", exclude_none=True)
    # drop empty defaults a curator does not need to see, keep the informative ones
    for k in ("journal_aliases", "aliases", "not_reported", "not_measured", "terms", "sources"):
        if not data.get(k):
            data.pop(k, None)
    header = ("# DRAFT summary written by `factcheck summarize`: check every field against the "
              "paper,\n# then set curated: true. Drafts are never used as curated evidence.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_summary(summary: Summary, out_path: str, *, force: bool = False) -> None:
    """Write ``summary`` as YAML, atomically.

    Refuses to overwrite an existing file unless ``force``; never overwrites a file whose
    YAML says ``curated: true`` (even with ``force``).
    """
    out = os.fspath(out_path)
    if os.path.lexists(out):
        if os.path.isdir(out):
            raise IsADirectoryError(f"{out}: is a folder, not a summary file")
        if _is_curated(out):
            raise CuratedFileError(f"{out}: is a curated summary (curated: true, or not the boolean false); "
                                   "refusing to overwrite it, even with --force. Write the draft elsewhere.")
        if not force:
            raise FileExistsError(f"{out}: already exists; refusing to overwrite it "
                                  f"(use --force to replace a draft)")
    text = summary_to_yaml(summary)
    folder = os.path.dirname(os.path.abspath(out))
    os.makedirs(folder, exist_ok=True)
    def still_not_curated() -> None:
        # re-check at the last moment: a curator may have marked the file curated meanwhile
        if os.path.lexists(out) and _is_curated(out):
            raise CuratedFileError(f"{out}: became a curated summary while drafting; not overwritten")

    fsutil.atomic_write(out, text, before_replace=still_not_curated, prefix=".tmp-")


# ================================================================ recovery evaluation

def _decimals(x: float) -> int:
    if float(x).is_integer():
        return 0
    r = repr(float(x))
    if "e" in r or "E" in r:
        return 12
    return len(r.split(".")[1])


def summary_numbers(s: Summary) -> list[float]:
    """Every number of the findings: values (both ends of ranges), CI ends, numeric p."""
    out: list[float] = []
    for f in s.findings:
        for v in f.values:
            out += numbers_of(v)
        if f.ci:
            out += [float(x) for x in f.ci]
        pv = _p_value(f.p)
        if pv is not None:
            out.append(pv)
    return out


def _same(curated: float, drafted: float) -> bool:
    if abs(curated - drafted) <= 1e-9:
        return True
    d = _decimals(curated)
    return round(drafted, d) == round(curated, d)


def text_numbers(text: str) -> list[float]:
    """The numbers written in ``text`` (after width folding), as floats."""
    out = []
    for m in _NUM.finditer(fold_width(text)):
        tok = m.group(0).replace(",", "").replace("−", "-")
        try:
            x = float(tok)
        except ValueError:
            continue
        out.append(x)
        if x < 0:
            out.append(-x)
    return out


def recovery_eval(references_dir: str, abstracts_dir: str) -> dict:
    """How many numbers of the curated summaries a draft from the abstract recovers.

    For each ``abstracts_dir/<stem>.txt`` with a ``references_dir/<stem>.yaml``: curated =
    the curated findings' numbers (values, both ends of ranges, CI ends, numeric p);
    recovered = curated numbers also in the draft, exactly (|diff| <= 1e-9: a curated 3 is not
    recovered by a drafted 3.12); recovered_rounded also accepts a draft number equal after
    rounding to the curated number's precision; drafted = the draft's numbers; invented = drafted numbers
    written nowhere in the abstract. Counts are over occurrences (a number twice is two).
    Returns ``{stem: {...}, ..., "totals": {...}}`` (recall 0.0 when nothing was curated).
    """
    refs = Path(references_dir)
    papers: dict[str, dict] = {}
    tot = {"curated": 0, "recovered": 0, "drafted": 0, "invented": 0, "recovered_rounded": 0}
    for f in sorted(Path(abstracts_dir).glob("*.txt")):
        ref = next((p for p in (refs / f"{f.stem}.yaml", refs / f"{f.stem}.yml") if p.is_file()), None)
        if ref is None:
            continue
        try:
            curated = load_summary(ref)
        except SummaryError as e:
            papers[f.stem] = {"curated": 0, "recovered": 0, "drafted": 0, "invented": 0,
                              "recovered_rounded": 0, "recall": 0.0, "error": str(e)}
            continue
        raw = f.read_text(encoding="utf-8-sig")
        body, _meta = _read_header(raw)
        draft = draft_summary(raw, doi=curated.doi)
        cur = summary_numbers(curated)
        dra = summary_numbers(draft)
        in_text = text_numbers(body)
        rounded = [x for x in cur if any(_same(x, y) for y in dra)]
        recovered = [x for x in cur if any(abs(x - y) <= 1e-9 for y in dra)]
        missed = [x for x in cur if not any(abs(x - y) <= 1e-9 for y in dra)]
        invented = [y for y in dra if not any(abs(y - t) <= 1e-9 for t in in_text)]
        row = {"curated": len(cur), "recovered": len(recovered), "drafted": len(dra),
               "invented": len(invented),
               "recall": round(len(recovered) / len(cur), 4) if cur else 0.0,
               "missed": missed, "invented_values": invented,
               "recovered_rounded": len(rounded)}
        papers[f.stem] = row
        for k in tot:
            tot[k] += row[k]
    totals = dict(tot, recall=round(tot["recovered"] / tot["curated"], 4) if tot["curated"] else 0.0)
    return {**papers, "totals": totals}
