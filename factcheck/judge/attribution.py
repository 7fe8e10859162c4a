"""Which reference does each sentence rest on?

Signals, strongest first: explicit markers ([1], [1,2], [1-3], superscripts); names that
identify one reference (team leader, author, hospital, journal in 《》 or in English, title,
publication date) taken from its summary and from the reference entry; then, when the text
introduces an unnamed source ("有研究…", "一项…综述"), the source's design words (汇总 → a
meta-analysis) and topic overlap through the bilingual glossary. Attribution carries over to
the following sentences until another source is named, as a reader would read it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Optional

from factcheck.ingest.citations import find_markers
from factcheck.papers.glossary import Glossary, cached_groups, load_glossary
from factcheck.core.model import Article, Attribution, Mention, Reference, Sentence
from factcheck.core.objcache import ObjectCache
from factcheck.papers.implicit import bibliographic, is_implicit, the_one_paper
from factcheck.text.sentences import by_sentence
from factcheck.papers.summaries import Store, Summary, numbers_of, period_spans
from factcheck.text.units import TIME_UNITS, convert, tolerance
from factcheck.text.wordscan import literal_spans, may_match, positions, trie_pattern

_STOP_NAMES = {"研究", "研究者", "这个", "他们", "我们", "该", "本", "医生", "学者", "作者", "专家",
               "研究人员", "科研人员", "团队", "患者", "教授"}


HINT_REACH = 12   # a match lies within this many characters of its ``contains`` hit


def _hinted(entry) -> tuple[re.Pattern, Optional[re.Pattern]]:
    """A cue as (pattern, hint): a plain string, or {pattern, contains} where ``contains`` is a
    literal every match holds. A pattern that opens with a character class ([一-鿿]{2,3}教授)
    is tried at every position of the article; its literal is found in a fraction of that time,
    and the pattern is then tried only around each hit."""
    if isinstance(entry, dict):
        return re.compile(entry["pattern"]), re.compile(entry["contains"])
    return re.compile(entry), None


@lru_cache(maxsize=1)
def _cues() -> dict:
    from factcheck.core.datafiles import data_file

    data = data_file("attribution.yaml")
    return {
        "new_source": [re.compile(p) for p in data["new_source"]],
        "named_source": [_hinted(p) for p in data["named_source"]],
        # anchored cues (^…) are tried once at the start; the others searched as one alternation
        "general_start": re.compile("|".join(p[1:] for p in data["general"] if p.startswith("^")) or "(?!)"),
        "general": re.compile("|".join(p for p in data["general"] if not p.startswith("^")) or "(?!)"),
        "research": re.compile(data["research"]),
        "procedure": re.compile(data["procedure"]),
        "study_people": re.compile(data["study_people"]),
        "other_study": re.compile(data["other_study"]),
        "background": re.compile(data["background"]),
        "reported_finding": re.compile(data["reported_finding"]),
        "summary_heading": re.compile(data["summary_heading"]),
        "finding_follows": tuple(data["finding_follows"]),
        "finding_follows_in": re.compile("(?:" + "|".join(map(re.escape, data["finding_follows"])) + r")\s*[,，:：]"),
        "study_arms": re.compile(data["study_arms"]),
        "back_reference": re.compile(data["back_reference"]),
        "heading": re.compile(data["section_heading"]),
        "links_heading": re.compile(data["links_heading"]),
        "page_stamp": re.compile(data["page_stamp"]),
        "page_footer": tuple(data["page_footer"]),
        "page_stamp_label": re.compile(data["page_stamp_label"]),
        "forum_counters": tuple(data["forum_counters"]),
        "forum_line": _forum_line(data["forum_counters"]),
        "identity_duration": re.compile(data["identity_duration"]),
        "design": {k: re.compile("|".join(v), re.I) for k, v in data["design"].items()},
    }


@dataclass
class RefProfile:
    index: int
    summary: Optional[Summary]
    names: dict = field(default_factory=dict)       # cue string -> how
    groups: set = field(default_factory=set)        # glossary groups of its topic
    acronyms: set = field(default_factory=set)
    fingerprints: set = field(default_factory=set)  # distinctive numbers it states
    numbers: frozenset = frozenset()                # every number it states
    designs: set = field(default_factory=set)


def _date_forms(iso: Optional[str]) -> list[str]:
    if not iso:
        return []
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not m:
        return []
    y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
    return [f"{y}年{mo}月{d}日", f"{y}年{mo:02d}月{d:02d}日"]


def _summary_parts(s: Summary) -> tuple[dict, list[str], set, set, frozenset]:
    """What a reference's profile takes from its summary (names, topic text, fingerprints,
    designs, every number); kept per summary by ``_from_summary``: the store is shared by
    every article."""
    names: dict = {}
    for a in s.aliases:
        if len(a) >= 2:
            names[a] = "team" if re.search(r"团队|教授|课题组|等", a) else "alias"
    for j in [s.journal, *s.journal_aliases]:
        if j and len(j) >= 4:
            names[j] = "journal"
    for au in s.authors:
        if re.search(r"[\u4e00-\u9fff]{2,}", au):
            names[au] = "author"
    if s.title_zh:
        names[s.title_zh] = "title"
    for df in _date_forms(s.published):
        names[df] = "date"
    # the paper's DOI, as a page's source line gives it (出处 … doi: 10.1007/s00345-018-2329-0)
    if s.doi and len(s.doi) >= 10:
        names[s.doi] = "doi"
    topic = [s.title, s.title_zh or "", " ".join(s.terms.keys()), " ".join(w for v in s.terms.values() for w in v),
             s.population.who, s.conclusion.text]
    prints: set = set()
    numbers: set = set()
    for f in s.findings:
        topic += [f.measure, " ".join(f.keywords)]
        for v in f.values:
            # (a rate per thousand is a share an article may tell in percent: 27.6 per 1,000 as 2.76%)
            pct = convert(1.0, v.unit, "%") if (v.unit or "").startswith("per ") else None
            for x in numbers_of(v) + ([round(y * pct, 6) for y in numbers_of(v)] if pct else []):
                numbers.add(float(x))
                if x >= 100 or (x != int(x) and len(f"{x}".replace(".", "").lstrip("0")) >= 3):
                    prints.add(float(x))
    designs = {s.design} | ({"cohort"} if "retrospective" in s.design_flags else set())
    return names, topic, prints, designs, frozenset(numbers)


_from_summary = ObjectCache(_summary_parts)


def _author_pattern(s: Summary) -> Optional[re.Pattern]:
    """The paper's authors' family names as whole Latin words, as a Chinese page keeps a foreign
    name (梅森(Sherri Mason)); four letters at least: Li, Lu or Sun would be read inside other
    words and names. None when it lists none."""
    from factcheck.papers.summarize import family_name     # (imported only when an author is looked for)

    names = sorted({re.escape(n) for a in s.authors
                    if _LATIN_NAME.fullmatch(n := family_name(a, s.authors))})
    return re.compile(r"(?<![A-Za-zÀ-ÿ])(?:" + "|".join(names) + r")(?![A-Za-zÀ-ÿ])") if names else None


_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'\- ]{3,}")
_latin_authors = ObjectCache(_author_pattern)


def _names_an_author(ntext: str, paper: RefProfile) -> bool:
    """Does the sentence name one of the paper's authors in Latin letters (由…梅森(Sherri Mason)
    领导…的研究发现)? Research so named is the paper's, before anything else introduced it."""
    pat = _latin_authors(paper.summary) if paper.summary is not None else None
    return pat is not None and pat.search(ntext) is not None


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+(?:\.\d+)?")
_QUOTED_RUN = 6         # words in a row that only a copy of the abstract shares with it


# the runs of words of a summary's own sentences (its title, findings and conclusion)
_summary_runs = ObjectCache(lambda s: frozenset(
    tuple(w.group().lower() for w in run) for run in _runs(" ".join(
        [s.title, s.conclusion.text or ""] + [f.text or "" for f in s.findings]))))


def _runs(text: str) -> Iterator[list[re.Match]]:
    """Every run of _QUOTED_RUN words in a row of ``text``, as its word matches."""
    words = list(_WORD.finditer(text))
    for k in range(len(words) - _QUOTED_RUN + 1):
        yield words[k:k + _QUOTED_RUN]


def _copied(text: str, summary) -> Iterator[list[re.Match]]:
    """The runs of words of ``text`` that the summary's own sentences hold too."""
    said = _summary_runs(summary)
    return (run for run in _runs(text) if tuple(w.group().lower() for w in run) in said)


def quoted_at(text: str, offset: int, summary) -> Optional[str]:
    """Is the number at ``offset`` of ``text`` (a sentence) inside words copied from the paper's
    own sentences: a run of six words, the number among them, that the abstract has too ("died
    over a mean of 7.1 (range 5.3-9.9) years")? Then it is the abstract's number, whatever unit
    the words after it put out of reach. Returns those words as the article writes them; a run
    of statistics alone ("CI 1.4 28.8 P 0.02") is no quotation, three of its words are prose."""
    for run in _copied(text, summary):
        if any(w.start() == offset for w in run) and sum(len(w.group()) >= 3 and w.group().isalpha() for w in run) >= 3:
            return text[run[0].start():run[-1].end()]
    return None


def _quotes_the_abstract(ntext: str, paper: RefProfile) -> bool:
    """Does the sentence copy the paper's own English (a page that pastes the abstract: "Men with
    prediabetes were randomized to eTRF (6-hr feeding period …")? Six words in a row of it are
    the abstract's, whatever the page around it says."""
    return paper.summary is not None and next(_copied(ntext, paper.summary), None) is not None


# glossary groups of a summary's topic text (title, terms, population, conclusion, measures)
# (with every broader group of the paper's: an article names 癌症 for a paper on breast cancer,
# 寿命 for one on life expectancy, as overstate.py reads the paper's topic)
_summary_groups = ObjectCache(lambda s, gl, topic: frozenset(gl.with_broader(gl.groups_in(" ".join(topic)))))


_ENDS_SENTENCE = frozenset("。！？!?；;…”\"」』）)")


def _title_line(norm: str, s: Sentence, ms: list) -> bool:
    """Is the sentence a section title of its own line (安全性评估, 机制探讨与延伸): short, no
    number, no sentence end? A title names a part of the report; the study carries through it."""
    if ms or (s.start and norm[s.start - 1] != "\n"):
        return False
    line = _line_at(norm, s.start).strip()
    return 0 < len(line) <= 20 and line[-1] not in _ENDS_SENTENCE and not any(c in line for c in "，,：:")


def _opens_line(norm: str, start: int) -> bool:
    """Does the text at ``start`` open its line, past spaces and a bullet (          • 相關閱讀)?"""
    return not norm[norm.rfind("\n", 0, start) + 1:start].strip(" \t•·*-")


def page_footer_words() -> tuple[str, ...]:
    """A site footer's words (ICP, Copyright, 版权所有), as attribution.yaml lists them."""
    return _cues()["page_footer"]


def _near_any(at: list[int], text: str, a: int, b: int, reach: int = 40) -> bool:
    """Does one of the sorted offsets ``at`` lie in text[a:b] or within ``reach`` characters of
    it on its line (a footer's words may stand in the sentence before or after the number)?"""
    lo = max(text.rfind("\n", 0, a) + 1, a - reach)
    end = text.find("\n", b)
    hi = min(end if end >= 0 else len(text), b + reach)
    k = bisect.bisect_left(at, lo)
    return k < len(at) and at[k] < hi


def _line_at(norm: str, start: int) -> str:
    """The text from ``start`` to the end of its line."""
    end = norm.find("\n", start)
    return norm[start:end if end >= 0 else len(norm)]


def _new_paragraph(norm: str, start: int) -> bool:
    """Does a new paragraph begin at ``start``: the text's start, a blank line before it, or a
    line before it that ends a sentence? A page that breaks a sentence over short lines
    (最后得出结论 / 青年组中每月释放21次的男士 / 患前列腺癌的风险 / 少20%) goes on with it."""
    if start == 0:
        return True
    if norm[start - 1] != "\n":
        return False
    prev = norm.rfind("\n", 0, start - 1)
    line = norm[prev + 1:start - 1].rstrip()
    return not line or line[-1] in _ENDS_SENTENCE


def _refs_read(article: Article, store: Store) -> list[Reference]:
    """The references a sentence may rest on. Where the editor named the one paper the article
    is about (check --paper) and none of the page's own list resolves to a summary (a press
    release's address, lines of the page's furniture under 参考资料), the article is read as
    about that paper, as if it had no list."""
    implicit = [r for r in article.references if is_implicit(r)]
    if len(implicit) == 1 and not any(not is_implicit(r) and store.get(r.summary_id) is not None
                                       for r in article.references):
        return implicit
    if the_one_paper(article) is not None:
        # (the page's one work, and lines under its list that cite none: that work alone)
        return [r for r in article.references if bibliographic(r)]
    return list(article.references)


def _profiles(refs: list[Reference], store: Store, gl: Glossary) -> list[RefProfile]:
    out = []
    for ref in refs:
        s = store.get(ref.summary_id)
        p = RefProfile(ref.index, s)
        # the reference entry's topic words are looked up per article, the summary's once
        p.groups = cached_groups(gl, " ".join([ref.title or "", ref.raw]))
        if s:
            names, topic, prints, designs, p.numbers = _from_summary(s)
            p.names.update(names)
            p.groups = p.groups | _summary_groups(s, gl, topic)
            p.fingerprints |= prints
            p.designs |= designs
        for j in [ref.journal, *gl.journal_names(ref.journal)]:
            if j and len(j) >= 4:
                p.names.setdefault(j, "journal")
        for au in ref.authors:
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", au):
                p.names.setdefault(au, "author")
        if ref.title and re.search(r"[\u4e00-\u9fff]", ref.title):
            p.names.setdefault(ref.title, "title")
        title = ref.title or (s.title if s else "")
        tl = title.lower()
        if "meta-analysis" in tl or "meta analysis" in tl:
            p.designs.add("meta_analysis")
        if re.search(r"\breview\b|综述", tl):
            p.designs.add("review")
        p.acronyms = {a for a in re.findall(r"\b[A-Z][A-Z0-9]{2,}\b", title) if re.search(r"\d", a)}
        out.append(p)
    return out


HEADING_REACH = 3       # sentences after a heading in which the passage must cite its paper


def attribute(article: Article, sentences: list[Sentence], mentions: list[Mention],
              store: Store) -> dict[int, Attribution]:
    """Attribution for every sentence index. (Long on purpose: the readings below are one ordered
    cascade over the sentences, each step reading the state the earlier ones left, introduced and
    current; split into functions, that order and that state would be hidden.) An article checked against one paper it does not
    list reads its topic through the whole lexicon; an article's own reference list, with
    hand-written summaries, through the glossary they were curated against."""
    refs = _refs_read(article, store)
    gl = load_glossary(lexicon=bool(refs) and all(is_implicit(r) for r in refs))
    cues = _cues()
    profiles = _profiles(refs, store, gl)
    by_index = {p.index: p for p in profiles}
    n_refs = len(profiles)
    # how many references share each topic group: shared groups weigh little
    df: dict[str, int] = {}
    for p in profiles:
        for g in p.groups:
            df[g] = df.get(g, 0) + 1
    mentions_by_sentence = by_sentence(mentions, sentences)
    norm = article.norm or article.text
    names = _name_index(profiles)
    # every cue is looked for once over the whole article, then bucketed by sentence
    scan = _Scan(norm, sentences)
    # an article with no reference list of its own, checked against the one paper it is about
    # (its procedure, 随访 or 参与者, speaks of research there)
    single_study = n_refs == 1 and (is_implicit(refs[0]) or the_one_paper(article) == refs[0].index)
    research_at = scan.first([cues["research"], cues["procedure"]] if single_study else cues["research"])
    new_source_at = scan.first(cues["new_source"])
    back_ref_at = scan.first(cues["back_reference"])
    named_at = scan.named(names)
    unknown_at = scan.unknown_names(cues)
    markers_at = scan.markers(article.text)
    scan_hits = {"new": new_source_at, "unknown": unknown_at, "research": research_at,
                 "back": back_ref_at, "other": scan.first(cues["other_study"]) if single_study else {},
                 "background": scan.first(cues["background"]) if single_study else {},
                 "markers": markers_at if single_study else {},
                 "study_marks": _lone_marker(markers_at) if single_study else set(),
                 "on_topic": lambda text, ms: _topic_score(text, ms, profiles[0], df, gl) > 0,
                 "other_journal": _other_journal_finder(profiles[0], gl) if single_study else None,
                 "headline": _headline(sentences, mentions_by_sentence),
                 "institutions": set()}      # the institutions named with the study, as they come
    introduced = False      # the single study has been named or introduced ("一项研究…")
    # an article about one paper that never speaks of research nor cites any (the news of
    # a transplant, of a case, of a drug's approval): what it tells on the paper's topic is the
    # paper's, as there is no other source it could be
    untold = single_study and not (research_at or new_source_at or back_ref_at)
    current = Attribution(None, "none")
    out: dict[int, Attribution] = {}
    # the site's list of links under the article: from a short line of its own in the page's second
    # half that heads it (相关文章, • 相關閱讀, 新闻推荐), other pages, not the article
    half, in_links = len(norm) // 2, False
    footer_at = positions(article.text, cues["page_footer"])   # a site's footer words (ICP, Copyright)
    forum_at = positions(norm, cues["forum_counters"])          # a forum's counter words (签到天数, 举报)
    headings: list[int] = []
    title_before = False
    title_research = False  # the section title before speaks of research (研究设计, 研究方法)
    in_item = False         # within a numbered item the study's findings are listed under
    source_para = -1        # the paragraph in which the current source was named
    named_para, seen_marks = -1, set()      # the paragraph that last named the study; markers cited so far
    for i, s in enumerate(sentences):
        start = s.start
        ntext = norm[start:s.end]
        ms = mentions_by_sentence.get(i, [])
        line_start = start == 0 or norm[start - 1] == "\n"
        if in_links or (start >= half and s.end - start <= 40 and (line_start or norm[start - 1] in " \t")
                        and _opens_line(norm, start)
                        and cues["links_heading"].match(article.text[start:s.end].strip(" \t•·*-"))):
            in_links = True
            current = out[i] = Attribution(None, "none")     # other pages: nothing carries over
            continue
        # the page's stamp (a short line of counters, a time stamp): read as any line, its numbers the page's,
        # whichever of the line's sentences holds them (…co.uk英国 - 英语2025-02-09 05:00:00 - 阅读时长2分钟);
        # a labelled time opening a line (发布时间:2018-09-30 17:35 原文链接:…) is one, whatever follows it
        # (every stamp holds a colon, 00:05 or 回复:, a weekday, 星期三, or the minutes of a reading
        # time, 读完约1分钟, which rules most sentences out at once)
        stamp = ms and (":" in ntext or "：" in ntext or "星期" in ntext or "拜" in ntext or "分钟" in ntext
                        or "分鐘" in ntext) and (
            cues["page_stamp"].match(_line_at(article.text, start)) is not None
            or (line_start and cues["page_stamp_label"].match(ntext) is not None)) or (
            ms and forum_at and _near_any(forum_at, norm, start, s.end, reach=0)
            and cues["forum_line"].match(_line_at(norm, start)) is not None) or (
            ms and footer_at and _near_any(footer_at, article.text, start, s.end))
        if line_start and cues["heading"].match(ntext):
            current = Attribution(None, "none")      # a new top-level section: nothing carries over
            headings.append(i)
        if single_study and not ms and current.reference is not None and _page_line(norm, s):
            # 转载:请标明"中国循环杂志" between two paragraphs: the page's furniture, which the
            # study carries past (it neither speaks of anything nor opens a paragraph)
            out[i] = Attribution(None, "none")
            continue
        # a marker ([3]) points into the article's own list: an article checked against a paper
        # it does not list has none that the marker could name
        found = (None if single_study else _explicit_from(markers_at.get(i, ()), article, by_index)) or named_at.get(i)
        if found is not None and single_study and found.how == "single_study":
            found = _dated_study(ntext, ms, profiles[0]) or found
        if found is None and single_study and line_start and cues["summary_heading"].match(_line_at(norm, start)):
            # 亮点 / 研究要点 on a line of its own: the list under it sums up the study
            found = Attribution(profiles[0].index, "single_study", ntext.strip())
        introduced = introduced or (single_study and found is not None)
        research = i in research_at
        if single_study and i in named_at:
            named_para = s.paragraph
        if single_study and i in markers_at:
            # …题为《Trends in …》的权威研究…趋势。[1]: a marker first cited in the paragraph that
            # names the study is the study's
            nums = {n for _a, _b, ns in markers_at[i] for n in ns}
            if s.paragraph == named_para:
                scan_hits["study_marks"].update(nums - seen_marks)
            seen_marks |= nums
        if found is None and single_study:
            found = _single_study(i, s, ntext, ms, profiles[0], cues, scan_hits, introduced, current)
            if found is not None and found.cue == "headline" and not ms:
                # a headline in words states the study's result, but introduces nothing: the
                # paragraph under it (甜饮料与口腔癌 / 一罐330毫升饮料含糖35克) is not carried
                out[i] = found
                continue
            if found is not None and found.reference is not None:
                introduced = True
        if found is None and single_study and introduced and current.how == "other_source" \
                and current.reference is None and s.paragraph != source_para and cues["study_people"].search(ntext) \
                and not (new_source_at.get(i) or unknown_at.get(i)):
            # 此前其他研究已将该细菌与抑郁相关联。 / 研究参与者年龄在18至65岁之间…: a new paragraph
            # that speaks of the researchers or the participants goes back to the study the
            # article is about, from the other study an earlier paragraph named in passing (not
            # 美国加州大学对1600名老人进行了调查: research of its own, another study still)
            found = Attribution(profiles[0].index, "single_study")
        if found is None and untold and ms and current.how == "none" and not scan_hits["background"].get(i) \
                and scan_hits["on_topic"](ntext, ms):
            found = Attribution(profiles[0].index, "single_study", "topic")
        if found is None:
            m = new_source_at.get(i) or unknown_at.get(i)
            if m:
                # only the design words may name the cited paper here: the topic alone does not
                # overrule "an earlier study in tumour patients found…"
                cand = _by_design(ntext, profiles, cues)
                if cand and not _same_study(ntext, s.start, ms, by_index.get(cand.reference), cues):
                    cand = None
                found = cand or Attribution(None, "other_source", m.group(0))
        if found is None and i in back_ref_at:
            cand = _by_design(ntext, profiles, cues)
            if cand and _same_study(ntext, s.start, ms, by_index.get(cand.reference), cues):
                found = cand
        if found is None and research:
            topic = _by_topic(ntext, ms, profiles, df, gl, 1.5 if current.reference is None else 2.0)
            if topic and topic.reference != current.reference:
                cur_score = _topic_score(ntext, ms, by_index.get(current.reference), df, gl)
                if current.reference is None or cur_score <= 0.3:
                    found = topic
        # a section title of its own line (安全性评估) is passed over: the study carries through
        # it, and the line under it opens the paragraph the title opened
        new_par = single_study and (_new_paragraph(norm, s.start) or title_before)
        under_research_title = title_before and title_research
        title_before = bool(new_par) and _title_line(norm, s, ms)
        title_research = title_before and research
        if new_par and (s.start < 2 or norm[s.start - 2:s.start] == "\n\n"):
            in_item = False         # a blank line closes a numbered item
        if found is None and single_study and current.reference is not None and not research \
                and new_par and not title_before and not in_item and not _LIST_ITEM.match(ntext) \
                and not under_research_title and not _LEAD_IN.search(ntext) and not _GOES_ON.match(ntext) \
                and not scan_hits["on_topic"](ntext, ms):
            # a new paragraph that speaks neither of research (nor, in an article about one study,
            # of its procedure) nor of the paper's topic: the study does not carry into it (a
            # paragraph of weather, of drink sizes, of an anecdote); an item of a numbered list
            # goes on with the source of the items before it
            found = Attribution(None, "none")
        if found is None:
            if current.reference is None and current.how == "none" and n_refs == 1 and research:
                found = Attribution(profiles[0].index, "single_study" if single_study else "single_reference")
            else:
                found = Attribution(current.reference,
                                    "carried" if current.reference is not None else current.how,
                                    current.cue)
        else:
            source_para = s.paragraph       # the paragraph in which the source was last read
        out[i] = Attribution(None, "none") if stamp else found
        current = found
        # a sentence read as the study's by its topic (ENABLEⅢ研究结果表明…) has introduced it as
        # surely as one that names it: its procedure (治疗组, 随访) goes on with it
        introduced = introduced or (single_study and found.reference is not None and not stamp)
        if single_study and found.reference is not None and found.how != "carried":
            scan_hits["institutions"].update(_institutions(ntext))
        if single_study and (s.start == 0 or norm[s.start - 1] == "\n") and _NUMBERED_ITEM.match(ntext):
            # "1.含糖饮料喝越多,早死风险越大" and the lines under it, up to a blank line: one item of
            # the study's findings (与每月喝饮料小于1次的人相比: / 每月喝1-4次,早死风险增加1%)
            # (an item that is a section's title, 1. 历史赠予的"天然实验室":1953年的糖果分界线, opens
            # a passage of its own: only an item stated as a sentence lists findings)
            in_item = found.reference is not None and _line_at(norm, s.start).rstrip()[-1:] in "。！？!?；;"
        elif single_study and found.reference is not None and _LEAD_IN.search(ntext) and norm[s.end:s.end + 1] in "\n":
            # 与听力正常者相比: / 听力较差人群心衰风险上升15%; …: a line that leads into the lines
            # under it, up to a blank line, which go on with it
            in_item = True
    # "三、胰岛素抵抗让风险升高2.63倍" heads a passage that cites [2] in its first sentences: the
    # heading's numbers rest on that paper
    heading_set = set(headings)
    for i in headings:
        if out[i].reference is not None or out[i].how != "none" or not mentions_by_sentence.get(i):
            continue
        j = i + 1       # past the rest of the heading's line (it may hold a question mark)
        while j < len(sentences) and norm[sentences[j].start - 1] != "\n":
            j += 1
        for k in range(j, min(j + HEADING_REACH, len(sentences))):
            if k in heading_set:
                break
            if out[k].how in ("marker", "author", "team", "journal", "title", "doi"):
                out[i] = Attribution(out[k].reference, "heading", out[k].cue)
                break
    return out


# "3. **发病时间推迟**:", "（2）", "- ": an item of a list
_LEAD_IN = re.compile(r"[:：]\s*$")       # a line ending in a colon introduces the lines under it
# a paragraph that opens by telling the details of the one before it (具体来看, 具体而言): the source
# goes on with it (not 另外, 其中, 与此同时: a page turns to its background as often with them)
_GOES_ON = re.compile(r"^\s*具体(?:来看|来说|而言|地说|地看)")
_NUMBERED = r"\s*\d{1,2}[.、．](?!\d)"          # "1." "2、": a numbered item
_LIST_ITEM = re.compile(rf"{_NUMBERED}|\s*(?:\d{{1,2}}[)）](?!\d)|[（(]\d{{1,2}}[)）]|[-•·*]\s|[①-⑳])")
_INSTITUTION = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:大学|学院|医院|研究所|研究院|研究中心|医学中心)")
_INSTITUTION_SPLIT = re.compile(r"[和与及、]")
_INSTITUTION_WORDS = ("大学", "学院", "医院", "研究所", "研究院", "中心")


def _institutions(text: str) -> set[str]:
    """The institutions a sentence names (乌拉圭共和国大学, 哈佛医学院), each by its last eight
    characters (the words before a name vary: 近日乌拉圭共和国大学)."""
    out: set[str] = set()
    if not any(w in text for w in _INSTITUTION_WORDS):
        return out
    for m in _INSTITUTION.finditer(text):
        for part in _INSTITUTION_SPLIT.split(m.group(0)):
            if len(part) >= 3:
                out.add(part[-8:])
    return out


def _other_institutions(text: str, known: set[str]) -> bool:
    """Does the sentence name institutions, none of them one the study was named with?"""
    named = _institutions(text)
    return bool(named) and not any(a in b or b in a for a in named for b in known)


_NUMBERED_ITEM = re.compile(_NUMBERED)
_PREMISE_BEFORE = re.compile(r"(?:基于|根据|依据|借鉴|参考|在)\s*$")
_THIS_STUDY_REPORTS = re.compile(r"(?:这项|这个|该项?|本项?)[^，。；;]{0,30}?(?:研究|试验|分析)[^，。；;]{0,4}"
                                 r"(?:显示|发现|表明|指出|证实)"
                                 # (根据这项研究,这大致转化为每年避免156人死亡: the study's estimate)
                                 r"|(?:根据|依据|按照)(?:这项|这个|该项?|本项?)[^，。；;]{0,10}?(?:研究|试验|分析)"
                                 # (研究结果表明:2020年,全球约有74万例…: the study's results)
                                 r"|(?:研究|试验|分析)结果(?:显示|发现|表明|指出|证实)")


def _single_study(i: int, s: Sentence, ntext: str, ms: list[Mention], paper: RefProfile, cues: dict,
                  hits: dict, introduced: bool, current: Attribution) -> Optional[Attribution]:
    """A sentence of an article about one study it does not list, read as its reader reads it.
    "一项研究", a professor, "该研究" introduce or continue that study, unless the sentence says it
    is another one (另一项, 此前的研究); population statistics (全球…患者人数, WHO) are background;
    before the study is introduced, "研究表明" is research in general unless it speaks of the
    paper's topic, numbers or authors. None: the usual carrying over."""
    other = hits["other"].get(i)
    intro = hits["new"].get(i) or hits["unknown"].get(i)
    pooled = other is not None and _pooled_from(ms, paper, other)
    if other and not _compared_with(other) and not pooled \
            and not _PREMISE_BEFORE.search(ntext, 0, other.start() - s.start) \
            and not _finding_after(ntext, other.end() - s.start, ms, s.start):
        # (基于此前的研究，…团队邀请了…: earlier work as the premise, not the sentence's source)
        return Attribution(None, "other_source", other.group(0))
    if pooled and introduced and not intro and _analysed(other):
        # 研究人员再次对过去44年中发表的17项研究进行了分析: the review at work on its material
        # (not 利用2013年一项回顾41项之前研究的报告: another review, introduced as one)
        return Attribution(paper.index, "single_study", other.group(0))
    journal = hits["other_journal"](ntext) if "《" in ntext or "「" in ntext else None
    if journal and not _states_paper_numbers(ms, paper):
        # 2019年，《JAMA Internal Medicine》上一项研究… about a NEJM paper: another journal's study
        return Attribution(None, "other_source", journal)
    if intro and _dated_otherwise(ntext[:max(0, intro.start() - s.start)], paper):
        # 2015年一项研究显示… in an article about a 2025 paper: a study of another year is another study
        return Attribution(None, "other_source", intro.group(0))
    dated = _dated_study(ntext, ms, paper)
    if dated is not None:
        return dated
    bg = hits["background"].get(i)
    if bg and intro and intro.group(0) == "有研究" and intro.start() < bg.start() \
            and not _states_paper_numbers(ms, paper):
        # 有研究表明,有一半的美国成年人…: research in general told of a population, not the study
        return Attribution(None, "background", bg.group(0))
    if intro and hits["institutions"] and hits["unknown"].get(i) is intro and intro.group(0).startswith(_INSTITUTION_WORDS) \
            and _other_institutions(ntext, hits["institutions"]) \
            and not _states_paper_numbers(ms, paper):
        # 布莱根妇女医院和穆尔西亚大学的研究人员发现… in an article that named the study's own
        # institutions (乌拉圭共和国大学、伦敦大学和哈佛医学院的研究人员…发表的研究): other researchers
        # (an institution's researchers only: a professor's name, 希拉里·廷德尔教授, may be the
        # paper's author written in Chinese, which no name of the abstract matches)
        return Attribution(None, "other_source", intro.group(0))
    if intro and _same_study(ntext, s.start, ms, paper, cues):
        return Attribution(paper.index, "single_study", intro.group(0))
    if ms and _quotes_the_abstract(ntext, paper):
        return Attribution(paper.index, "single_study", "quoted")
    hit = next((m for m in ms if m.checkable and isinstance(m.value, (int, float))
                and (_fingerprint(m, paper) or (_RISK_WORD.search(ntext) and _ratio_fingerprint(m, paper)))), None)
    if hit is not None:
        # a number only this paper states (3.96年, 157474): the sentence reports the study
        return Attribution(paper.index, "single_study", hit.surface)
    if i in hits["research"] and _states_paper_numbers(ms, paper):
        # research reporting two of the paper's rates (下降幅度在27%至43%之间): the study
        return Attribution(paper.index, "single_study", "numbers")
    if bg and not _THIS_STUDY_REPORTS.search(ntext, 0, bg.start() - s.start):
        # (这项…研究显示，全球早发性癌症病例从…: a population's figures the study itself reports)
        return Attribution(None, "background", bg.group(0))
    if i in hits["back"]:
        # (before the markers: 该研究评估了…[11][14] names the study, whatever source it cites)
        if current.how == "other_source" and current.reference is None and _INTRODUCED_OTHER.search(current.cue or "") \
                and not _pooled_from(ms, paper):
            # 新加坡的一项研究也证实…。该研究是由…: "this study" is the one just named
            return Attribution(None, "other_source", current.cue)
        return Attribution(paper.index, "single_study", hits["back"][i].group(0))
    # 降低51%[1], 被证明是高发人群[10,11]: the sentence cites an entry of the article's own list (not
    # the study: study_marks), and none of its numbers is the paper's: it rests on that entry
    if other_marks := [x for x in hits["markers"].get(i, ()) if not hits["study_marks"].issuperset(x[2])]:
        a, b, _nums = other_marks[0]
        return Attribution(None, "other_source", s.text[a - s.start:b - s.start])
    if not introduced and i in hits["headline"] and (i in hits["research"] or hits["on_topic"](ntext, ms) or (
            ms and _TITLE_CLAIM.search(ntext))):
        # the headline of an article about one study states that study's result ("研究：每天一杯…",
        # "Nature子刊：延长寿命近四成！"): in words, when they speak of research or of its topic
        return Attribution(paper.index, "single_study", "headline")
    if i in hits["research"] and not introduced and not hits["on_topic"](ntext, ms) \
            and not _names_an_author(ntext, paper):
        return Attribution(None, "none")
    if i in hits["research"] and current.how in ("background", "none") and introduced:
        return Attribution(paper.index, "single_study")
    return None


# a title that claims (no question, no sentence's full stop, short): its number is the study's
_TITLE_CLAIM = re.compile(r"^[^。？?]{1,40}[！!]?\s*$")
_BREADCRUMB = re.compile(r"\s[>›»]\s|^\s*(?:首页|当前位置|您的位置)")
# the rest of a page's furniture: a menu (注册 | 登录 | 充值: two bars), a greeting or a byline
# (欢迎访问…, 来源:…阅读:23次), a breadcrumb ending in its arrow (首頁>健康>)
_FURNITURE = re.compile(r"[|｜][^|｜]*[|｜]|^\s*(?:首[页頁]|当前版|欢迎(?:光临|访问|來到|来到)|注册|登录|订阅|字[号號])"
                        r"|(?:来源|來源|作者|编辑|編輯|(?<!正在)阅读|(?<!正在)閱讀)\s*[:：]|上一(?:主题|篇|版|页)\s*下一|[>›»]\s*$"
                        # a copyright line, or a site's name alone (成都某某医院, 某某健康网)
                        r"|转载|版权所有|未经授权|原创编译|(?:医院|网|网站|频道|日报|晚报|时报|在线|官网)\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _headline(sentences: list[Sentence], mentions_by_sentence: dict) -> frozenset:
    """The indices of the headline: the page's first sentence that is not its furniture (a
    breadcrumb such as "万维读者网 > 健康世界 > 正文") and the sentences after it on its line
    (午睡有益健康? 英国:白天睡觉缩短寿命!); empty if none. With or without a number: a headline
    with none (喝红茶也能降低死亡风险) still states the study's result in words. Sentences, not
    the line: a page stored as one line holds its body after its title, so a title line is
    taken only while it is short."""
    first = next((i for i, s in enumerate(sentences) if not _furniture(s.text)), -1)
    if first < 0:
        return frozenset()
    out = [first]
    s0 = sentences[first]
    if len(s0.text.strip()) > 40 and first + 1 < len(sentences) and sentences[first + 1].line == s0.line \
            and s0.text.rstrip()[-1:] in "。.":
        return frozenset()      # a paragraph's first sentence (咖啡…最受欢迎的饮料,80%的成年人…。据估计…), not a title
    if s0.text.rstrip()[-1:] not in "?？!！":
        return frozenset(out)       # a title line reads on past a question or an exclamation only
    for k in range(first + 1, min(first + 3, len(sentences))):
        if sentences[k].line != sentences[first].line or sentences[k].end - sentences[first].start > 80:
            break
        out.append(k)
    return frozenset(out)


def _forum_line(words: list) -> re.Pattern:
    """A line of a forum's counters and nothing else: each word with its count (a number, in
    digits or in Chinese, of days or times), a level ([LV.9]), a time stamp, a dash."""
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    count = r"(?:[0-9]+|[一二两三四五六七八九十百]+)[ \t]*(?:天|次|分|年)?"
    stamp = r"\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
    return re.compile(rf"^(?:[ \t]*(?:(?:{alt})[ \t]*[:：]?[ \t]*(?:{count})?|{stamp}|\[LV\.\d+\]|-))+[ \t]*$")


def _page_line(norm: str, s: Sentence) -> bool:
    """A whole line of the page's furniture (a copyright or reprint notice, a byline), told by
    its words, not by its shortness (a short line may be a section's title)."""
    if s.end - s.start > 40 or not (s.start == 0 or norm[s.start - 1] == "\n") \
            or not (s.end >= len(norm) or norm[s.end:s.end + 1] in "\n"):
        return False        # (a notice is a short line of its own)
    return bool(_BREADCRUMB.search(s.text) or _FURNITURE.search(s.text))


def _furniture(text: str) -> bool:
    """A line of the page around the article (a menu, a site's name, a byline), not its title:
    a title says something in at least six characters of Chinese."""
    return bool(_BREADCRUMB.search(text) or _FURNITURE.search(text)) or len(_CJK.findall(text)) < 6


_RISK_WORD = re.compile(r"风险|几率|概率|可能性|risk", re.I)


def _ratio_fingerprint(m: Mention, paper: RefProfile) -> bool:
    """A change in a risk told in percent (增加…淋巴瘤风险41%) that is, as a reader converts it, a
    ratio only this paper states (RR 1.41)."""
    if m.kind != "percent" or m.unit != "%" or not 0 < float(m.value) < 100:
        return False
    x = float(m.value) / 100
    return any(round(r, 4) in paper.fingerprints for r in (1 + x, 1 - x))


def _fingerprint(m: Mention, paper: RefProfile) -> bool:
    """The mention is, as a reader rounds it, a number only this paper states (51万 for its
    512,891; 89% for its 89.1%)."""
    x = float(m.value)
    if x in paper.fingerprints:
        return True
    if abs(x) < 10:
        return False
    tol = tolerance(m)
    return any(abs(x - v) <= tol for v in paper.fingerprints)


class _Scan:
    """Matches of a pattern over the article body, bucketed by sentence (first match each)."""

    def __init__(self, norm: str, sentences: list[Sentence]):
        import bisect

        self.norm, self.sentences = norm, sentences
        self.starts = [x.start for x in sentences]
        self.lo = sentences[0].start if sentences else 0
        self.hi = sentences[-1].end if sentences else 0
        self._bisect = bisect.bisect_right

    def _where(self, a: int, b: int) -> Optional[int]:
        k = self._bisect(self.starts, a) - 1
        return k if k >= 0 and b <= self.sentences[k].end else None

    def first(self, patterns) -> dict:
        """The earliest match in each sentence of a pattern, or of any of a list of patterns
        (scanned one by one: an alternation of them loses the literal-prefix search)."""
        out: dict = {}
        for pattern in (patterns if isinstance(patterns, list) else [patterns]):
            if not may_match(pattern, self.norm):
                continue
            for m in pattern.finditer(self.norm, self.lo, self.hi):
                k = self._where(m.start(), m.end())
                if k is not None and (k not in out or m.start() < out[k].start()):
                    out[k] = m
        return out

    def named(self, index) -> dict:
        """The longest reference name in each sentence, as an Attribution."""
        pats, names = index
        out: dict = {}
        lower = self.norm.lower()
        if len(lower) != len(self.norm):        # a rare letter whose lower case is longer
            lower = None
        for pat, on_lower in pats:
            if on_lower and lower is None:
                pat, on_lower = re.compile(pat.pattern, re.I), False
            for m in pat.finditer(lower if on_lower else self.norm, self.lo, self.hi):
                self._name(m, names, out)
        return out

    def _name(self, m: re.Match, names: dict, out: dict) -> None:
        k = self._where(m.start(), m.end())
        if k is None:
            return
        idx, name, how = names[m.group(0).lower()]
        if how not in ("journal", "doi") and m.group(0) != name:
            return           # only journal names and DOIs match regardless of case
        if k not in out or len(name) > len(out[k].cue):
            out[k] = Attribution(idx, how, name)

    def unknown_names(self, cues: dict) -> dict:
        out: dict = {}
        for pat, hint in cues["named_source"]:
            for m in self._hinted(pat, hint):
                k = self._where(m.start(), m.end())
                if k is None or k in out:
                    continue
                if m.group(1) not in _STOP_NAMES and not m.group(1).endswith(("研究", "团队")):
                    out[k] = m
        return out

    def _hinted(self, pat: re.Pattern, hint: Optional[re.Pattern]):
        """Matches of ``pat`` over the body; with a hint, only in windows around its hits."""
        if hint is None:
            yield from pat.finditer(self.norm, self.lo, self.hi)
            return
        done = self.lo          # matches do not overlap, as with one finditer over the text
        hits = literal_spans(hint, self.norm, self.lo, self.hi)
        for hs, he in (m.span() for m in hint.finditer(self.norm, self.lo, self.hi)) if hits is None else hits:
            a = max(done, hs - HINT_REACH)
            if a >= he:
                continue
            for m in pat.finditer(self.norm, a, min(self.hi, he + HINT_REACH)):
                if m.end() > done:
                    done = m.end()
                    yield m

    def markers(self, text: str) -> dict:
        out: dict = {}
        for a, b, nums in find_markers(text, self.lo, self.hi):
            k = self._where(a, b)
            if k is not None:
                out.setdefault(k, []).append((a, b, nums))
        return out


def _lone_marker(markers_at: dict) -> set[int]:
    """The markers that cite the study in an article about one study, as far as the whole
    article tells: the one number all its markers give (all [1]), as an article that cites one
    source throughout cites the study it is about; else none (the marker first cited in the
    paragraph that names the study is added as it comes)."""
    nums = {n for marks in markers_at.values() for _a, _b, ns in marks for n in ns}
    return nums if len(nums) == 1 else set()


def _explicit_from(markers, article: Article, by_index: dict) -> Optional[Attribution]:
    for a, b, nums in markers:
        for n in nums:
            if n in by_index:
                return Attribution(n, "marker", article.text[a:b])
    return None


_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*年(?:的|发表的|公布的)?[^，。,；;\d]{0,4}$")


def _dated_otherwise(before: str, p: Optional[RefProfile]) -> bool:
    """The words just before a study's introduction date it to a year that is not the paper's
    (more than a year apart: an online-first paper may be cited by either year)."""
    m = _YEAR_BEFORE.search(before)
    return m is not None and _year_apart(int(m.group(1)), p)


_COMPARED_BEFORE = re.compile(r"[与和同跟][^，。,；;]{0,4}$")
_COMPARED_AFTER = re.compile(r"^[^，。,；;]{0,12}?(?:相同|一致|类似|相似|相符|吻合)")


def _finding_after(ntext: str, pos: int, ms: list[Mention], base: int) -> bool:
    """有悖于既往研究认为的…观点，…研究人员发现：中年过瘦会增加…风险: earlier research named as
    the view the study contradicts, then the study's finding, which holds every number of the
    sentence. (Not "也发现": another study agreeing is the earlier one's.)"""
    if not ms:
        return False
    cut = _CLAUSE_CUT.search(ntext, pos)
    later = _RESEARCHERS_FOUND.search(ntext, cut.end()) if cut is not None else None
    return later is not None and ntext[max(0, later.start() - 1):later.start()] != "也" \
        and all(m.start - base >= later.end() for m in ms)


# (the study's researchers, after a clause's end: not 另一项研究发现 nor 一项研究显示, another study)
_CLAUSE_CUT = re.compile(r"[，,：:；;]")
_RESEARCHERS_FOUND = re.compile(r"(?:研究|科研)(?:人员|團隊|团队|者|小组|人員)(?:还|进一步)?(?:发现|显示|表明|证实|指出|發現|顯示)")


def _pooled_from(ms: list[Mention], p: RefProfile, other: Optional[re.Match] = None) -> bool:
    """A review's own selection (从2000多项之前研究中确定了51项): the earlier studies a
    meta-analysis or a review counts are what it pooled, and the counts are its own; so are
    the earlier studies it is said to analyse (针对过去44年间11个国家的研究论文进行分析)."""
    if p.summary is None or p.summary.design not in ("meta_analysis", "review"):
        return False
    if any(m.kind == "count" and m.unit in ("study", "") for m in ms):
        return True
    return other is not None and _analysed(other)


def _analysed(other: re.Match) -> bool:
    """Are the earlier studies named as the object of an analysis (对…研究进行分析)?"""
    norm = other.string
    return bool(_ANALYSED_BEFORE.search(norm, max(0, other.start() - 16), other.start())
                or _ANALYSED_AFTER.match(norm, other.end()))


# the studies a review analysed, named as its object: 对/针对/纳入…研究, …研究(论文)进行(了)(系统)分析
_ANALYSED_BEFORE = re.compile(r"(?:对|對|针对|針對|纳入|納入|汇总|匯總|回顾|回顧|检索|檢索|综合|綜合|分析了|收集了?)[^，。,；;]*$")
_ANALYSED_AFTER = re.compile(r"[^，。,；;]{0,8}?(?:进行|進行)了?[^，。,；;]{0,6}?(?:分析|回顾|回顧|综述|綜述|评价|評價|汇总|匯總)")


def _compared_with(m: re.Match) -> bool:
    """Is the other study named only to compare the finding with it (得出与先前多份研究相同的
    结论)? The sentence then reports this study, agreeing with those."""
    norm = m.string
    return bool(_COMPARED_BEFORE.search(norm[max(0, m.start() - 6):m.start()])
                and _COMPARED_AFTER.match(norm[m.end():m.end() + 16]))


# a journal named with 子刊 or 旗下 names its publisher's family of journals, not one journal
_SISTER_JOURNAL = re.compile(r"\s*(?:的)?(?:子刊|旗下|系列期刊|姊妹刊|姐妹刊)")
# a title right after another and 的 (or 子刊, 旗下): 《美国医学协会杂志》的《眼科学》
_SECTION_OF_BEFORE = re.compile(r"[》」]\s*(?:杂志|期刊)?\s*(?:的|之|子刊|旗下|旗下的)\s*$")


# a title in 《》, or in 「」 as Taiwan's and Hong Kong's media quote one
_QUOTED_TITLE = re.compile(r"《([^》]{2,60})》|「([^」]{2,60})」")
_BRACKET = re.compile(r"[(（]")


def _other_journal_finder(p: RefProfile, gl: Glossary):
    """A function giving, for a sentence, a journal in 《》 that the journal table knows and
    that is not of the paper's family (both known), or None: media name a family's journals by
    its flagship (《美国医学会杂志》 for JAMA Network Open, 《柳叶刀》 for a Lancet journal), so only
    another family says another study. The paper's own family is looked up once per article."""
    mine = gl.journal_key(p.summary.journal) if p.summary else None
    family = mine.split("_")[0] if mine else None

    def find(ntext: str) -> Optional[str]:
        if family is None:
            return None
        for m in _QUOTED_TITLE.finditer(ntext):
            if _SISTER_JOURNAL.match(ntext, m.end()) or _SECTION_OF_BEFORE.search(ntext, 0, m.start()):
                # 《自然》子刊, 《柳叶刀》旗下期刊: a publisher's journals, whichever the paper's;
                # 《美国医学协会杂志》的《眼科学》: a journal's section or sister title, named after it
                continue
            name = m.group(1) or m.group(2)
            # (a title with its original after it in brackets: 刺胳针公共卫生(Lancet Public Health))
            key = gl.journal_key(name) or gl.journal_key(_BRACKET.split(name)[0])
            # (nor a name that is the paper's journal's as media vary it: 《肝脏病学杂志》 for
            # Hepatology, though the table files that form under the Journal of Hepatology)
            if key is not None and key.split("_")[0] != family and not gl.may_name(name, mine):
                return m.group(0)
        return None

    return find


def _states_paper_numbers(ms: list[Mention], p: RefProfile) -> bool:
    """Does the sentence give one of the paper's distinctive numbers, or two of its numbers
    (the ends of a range: 风险骤增23%至33%)? Then it reports the paper, whatever year it gives
    it (an article may misdate it)."""
    said = [(float(v), m.unit) for m in ms if m.kind in ("percent", "multiplier", "ratio", "range") or m.decimals
            for v in (m.value if isinstance(m.value, list) else [m.value]) if isinstance(v, (int, float))]
    if any(v in p.fingerprints for v, _u in said):
        return True
    # (a count written out to three digits or more is as telling: 15827名参与者 of a pooled sample)
    if any(m.kind == "count" and isinstance(m.value, (int, float)) and m.value >= 100 and not m.bounds
           and not m.qualifier and float(m.value) in p.fingerprints for m in ms):
        return True
    # (two changes in a risk, 高出7%…高出25%, that are the paper's ratios as a reader converts them: HR 1.07, 1.25)
    if sum(_ratio_fingerprint(m, p) for m in ms) >= 2:
        return True
    # (the ends of an age band, 7到11岁: small whole numbers that agree with any paper's by chance)
    return sum(v in p.numbers for v, u in said if not (u == "age" and v < 20 and v == int(v))) >= 2


# an other source that a sentence introduced as a study of its own (新加坡的一项研究也证实,
# 另一项研究, 2000年…等人首次报道), which "this study" in the next sentence goes on about
_INTRODUCED_OTHER = re.compile(r"一项|另一|另外|(?:19|20)\d\d\s*年")


def _dated_study(ntext: str, ms: list[Mention], paper: RefProfile) -> Optional[Attribution]:
    """2015年…拉克发表了突破性的…试验, 在2014年的一个对871名孩子的调查中, in an article about a
    paper of another year: that other study, whoever introduces it (a professor may tell of
    his own earlier work), unless the sentence states the paper's numbers."""
    dated = _DATED_STUDY.search(ntext) if "年" in ntext else None
    if dated and _SEARCHED.search(ntext):
        return None         # 检索…2000年1月1日至2025年8月4日发表的研究: a review's search window
    if dated and _year_apart(int(dated.group(1)), paper) and not _states_paper_numbers(ms, paper):
        return Attribution(None, "other_source", dated.group(0))
    return None


def _year_apart(year: int, p: Optional[RefProfile]) -> bool:
    return p is not None and p.summary is not None and bool(p.summary.year) and abs(year - int(p.summary.year)) > 1


# a search of the literature (检索了Embase…, 通过关键词检索MEDLINE…数据库): the studies published in
# the years it names are what a review searched, its own method, not another study
_SEARCHED = re.compile(r"检索|搜索|查找|数据库")

# a study published or run in a stated year (2015年…发表了…试验, 2013年美国研究人员开展的研究,
# 2014年的一个…调查, 2000年…等人首次报道)
# (not the end of a period of data: 分析了…1997-2012年的资料,发表了研究结果)
_DATED_STUDY = re.compile(r"(?<![\d\-–~～至到])((?:19|20)\d{2})\s*年(?:[^。；;！？]{0,30}?(?:发表|公布|发布|开展|完成)了?[^。；;！？]{0,20}?(?:研究|试验|文章|论文|报告)"
                          r"|的?一(?:个|项|篇|份)[^。；;！？，,]{0,20}?(?:研究|试验|调查)"
                          # 哈佛大学2019年的研究发现: that year's study, told by what it found
                          r"|的(?:研究|试验|调查)(?:也|还)?(?:发现|显示|表明|指出|证实|估计)"
                          # 2000年,…的Andersen等人首次报道: a team's report of that year
                          r"|[^。；;！？]{0,30}?(?:等人|团队|课题组)[^。；;！？]{0,6}?(?:报道|报告|发现|发表))")


def _same_study(ntext: str, offset: int, ms: list[Mention], p: Optional[RefProfile], cues: dict) -> bool:
    """False when the sentence states a study duration (长达8年, 为期12周) the candidate paper
    contradicts: then it describes another study, whatever its design words say."""
    if p is None or p.summary is None:
        return True
    lengths = [v for f in p.summary.findings for v in f.values if v.label == "follow_up"]
    if not lengths:
        return True
    # (or a length the abstract states for its intervention: 为期12周的试验 for "a 10 h TRE for 12
    # weeks" in a trial followed up for a year)
    lengths += [v for v in p.summary.stated if v.unit in TIME_UNITS and not v.qualifier]
    # its study period's span (一项历时15年的研究 for a trial run "from 2009 through 2024")
    spans = [y for y, _v in period_spans(p.summary)]
    for m in ms:
        if m.kind != "duration" or not isinstance(m.value, (int, float)):
            continue
        before = ntext[max(0, m.start - offset - 4):m.start - offset]
        if not (m.qualifier == "as_high_as" or cues["identity_duration"].search(before)):
            continue
        for v in lengths:
            for x in numbers_of(v):
                c = convert(x, v.unit, m.unit)
                if c is not None and abs(c - float(m.value)) <= 0.5:
                    return True
        if m.unit == "year" and any(abs(y - float(m.value)) <= 0.5 for y in spans):
            return True
        return False
    return True


def general_cue(text: str) -> bool:
    """Does this text mark general knowledge or the article's own advice (not a study)?"""
    cues = _cues()
    return bool(cues["general_start"].match(text) or cues["general"].search(text))


def reports_finding(text: str) -> bool:
    """Does this text report a study's finding (一项研究发现, 研究人员估计: the reported-finding cue)?"""
    return bool(_cues()["reported_finding"].search(text))


def finding_follows(text: str) -> bool:
    """Does this text end on the verb that reports a finding (…证明，| 研究显示：), so that what
    follows it is the finding?"""
    t = text.rstrip()
    if not t or t[-1] not in ",，:：":
        return False
    return t[:-1].rstrip().endswith(_cues()["finding_follows"])


def may_report_then_state(text: str) -> bool:
    """Does a clause of this sentence end on a verb of report (so that ``finding_follows`` may
    hold of some clause)? One search per sentence instead of a test per clause."""
    return bool(_cues()["finding_follows_in"].search(text))


def describes_arms(text: str) -> bool:
    """Does this text describe the study's arms (随机分为两组: the study-arms cue)?"""
    return bool(_cues()["study_arms"].search(text))


def speaks_of_research(text: str) -> bool:
    """Does this text speak of a study or its results (研究, 试验, 发现, 数据 …: the research cue)?"""
    return bool(_cues()["research"].search(text))


def _name_index(profiles: list[RefProfile]):
    """Every name of every reference, as (pattern, on_lower) tries (longest name first at a
    position) and name -> (reference, name, how): journal names match regardless of case, by
    a case-sensitive pattern of their lower-case forms run over the lower-cased text (re.I
    over a long alternation is several times slower); the other names match as written.
    Built once per set of references: the articles of a batch cite the same papers."""
    return _names_of(tuple((p.index, tuple(p.names.items())) for p in profiles))


@lru_cache(maxsize=256)
def _names_of(refs: tuple) -> tuple[list, dict]:
    names: dict[str, tuple[int, str, str]] = {}
    for index, items in refs:
        for name, how in items:
            key = name.lower()
            if key not in names or len(name) > len(names[key][1]):
                names[key] = (index, name, how)
    exact, nocase = [], []
    for key, (_i, name, how) in names.items():
        if how in ("journal", "doi") and name.lower() != name.upper():
            nocase.append(key)
        else:
            exact.append(name)
    pats = [(re.compile(trie_pattern(exact)), False)] if exact else []
    if nocase:
        pats.append((re.compile(trie_pattern(nocase)), True))
    return pats, names


def _by_design(ntext: str, profiles: list[RefProfile], cues: dict) -> Optional[Attribution]:
    # (a design names a paper only where one reference has it: the sentence is searched only then)
    for design, pat in cues["design"].items():
        hits = [p for p in profiles if design in p.designs]
        if len(hits) == 1:
            m = pat.search(ntext)
            if m:
                return Attribution(hits[0].index, "design", m.group(0))
    return None


def _topic_score(ntext: str, ms: list[Mention], p: Optional[RefProfile], df: dict, gl: Glossary) -> float:
    if p is None:
        return 0.0
    groups = cached_groups(gl, ntext)
    score = sum(1.0 if df.get(g, 0) == 1 else 0.3 for g in groups & p.groups)
    score += 1.5 * sum(1 for a in p.acronyms if a in ntext)
    score += 2.0 * sum(1 for m in ms if isinstance(m.value, (int, float)) and m.checkable
                       and float(m.value) in p.fingerprints)
    return score


def _by_topic(ntext: str, ms: list[Mention], profiles: list[RefProfile], df: dict, gl: Glossary,
              threshold: float) -> Optional[Attribution]:
    scored = sorted(((_topic_score(ntext, ms, p, df, gl), p.index) for p in profiles), reverse=True)
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.5:
        return None
    return Attribution(scored[0][1], "topic")
