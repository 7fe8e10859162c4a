"""Which paper is an article about? Found online (``factcheck check ARTICLE --fetch``).

An article with no reference list names its study in the text. When no summary at hand is
named (papers.named_in_text), ``--fetch`` goes to Europe PMC:

1. a DOI, PMID or PMCID written in the text is fetched (sources.Client.fetch, the path
   ``--paper DOI`` takes);
2. otherwise a search is built from the cues the text gives (:func:`cues_in`): the journal
   (the journal table, data/lexicon/journals.yaml, gives the English name of 《柳叶刀》), the
   year of publication, an English title in quotes, author or team-leader names written in
   Latin letters, the sample size, the design (随机对照试验 -> randomized) and topic words
   (the glossary's English terms); see :func:`build_query`. A quoted title is searched first
   (it may be a translation), the other cues next;
3. a candidate is taken only when the cues clearly support it (:func:`support`,
   :func:`choose`): its English title, or its journal AND year plus one specific cue (an
   author, the sample size in its abstract, the publication day, title words; two of them, or
   an exact count of four digits or more, when the text gives no year), contradicting none (another journal, another year), and no other
   candidate supported nearly as well. Otherwise nothing is taken: never a guess.

The fetched record is drafted into a summary (``curated: false``) and the article is checked
against it; the report says how the paper was identified (FC309) or why none was (FC310).
Every answer is cached on disk by the client; ``offline`` uses the cache alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from factcheck.core.codes import input_note
from factcheck.ingest.citations import PMID_RE
from factcheck.text.doi import dois_in_text
from factcheck.core.model import Article

SEARCH_PAGE = 25
MAX_IDS = 5                     # identifiers fetched from one article at most

# ---------------------------------------------------------------- cues


@dataclass
class Cues:
    """What an article's text says about the paper it reports."""

    dois: list[str] = field(default_factory=list)
    pmids: list[str] = field(default_factory=list)
    pmcids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)         # English titles in quotes or 《》
    journal: Optional[str] = None                            # English name, for the query
    journal_key: Optional[str] = None                        # the journal table's key
    journal_said: Optional[str] = None                       # as the text wrote it
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    authors: list[str] = field(default_factory=list)         # Latin name tokens (surname or given)
    names: list[list[str]] = field(default_factory=list)     # the same, name by name (Stanley Hazen)
    sample_sizes: list[int] = field(default_factory=list)
    designs: list[str] = field(default_factory=list)         # English design words
    topics: list[str] = field(default_factory=list)          # English topic terms

    def identifiers(self) -> list[str]:
        return (self.dois + [f"PMID:{p}" for p in self.pmids] + self.pmcids)[:MAX_IDS]


_PMCID = re.compile(r"(?<![A-Za-z0-9])PMC\s*(\d{4,10})(?!\d)")
_QUOTED = re.compile(r"[“\"《「『‘]\s*([A-Za-z][^“”\"《》「」『』‘’]{15,300}?)\s*[”\"》」』’]")
_PUBLISH = re.compile(r"发表|刊登|刊发|刊载|登上|发布于|在线发表|上线|published|publish", re.I)
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NAME = r"[A-Z][a-z]+(?:['’\-][A-Za-z][a-z]+)?"
_FULLNAME = rf"{_NAME}(?:\s+(?:[A-Z]\.\s*)?{_NAME}){{0,2}}"
_ROLE_AFTER = re.compile(rf"({_FULLNAME})\s*(?:教授|副教授|博士|研究员|医生|医师|院士|主任|团队|课题组|实验室|"
                         rf"等人|等|领衔|领导|带领|及其|和同事|与同事|et al)")
_ROLE_BEFORE = re.compile(rf"(?:教授|博士|研究员|作者|通讯作者|第一作者|负责人|主要研究者|领导者|医生)\s*[：:]?\s*"
                          rf"({_FULLNAME})(?![A-Za-z])")
_PAREN = re.compile(rf"[\u4e00-\u9fff]{{2,4}}\s*[（(]\s*({_NAME}(?:[\s\-]{_NAME}){{1,2}})\s*[)）]")
_NOT_NAMES = frozenset("""the and of in on for with from at by to a an university college hospital medical
medicine school institute center centre journal nature science cell lancet jama bmj nejm plos health
national research study trial group team clinical clinic department foundation china chinese american
british european international society association academy laboratory lab biobank cohort heart
cancer diabetes public global world new england""".split())
_SAMPLE = re.compile(r"(?:纳入|招募|招收|共有|共计|一共|总共|涉及|包括|包含|追踪|跟踪|随访|分析了|调查了|研究了|"
                     r"参与者为|受试者为|共)(?:了)?[^。，,；;：:\n]{0,12}?"
                     r"(\d{1,3}(?:[,，]\d{3})+|\d+(?:\.\d+)?)\s*(万)?\s*(多|余)?\s*(?:名|人|例|位|对|个家庭|个孩子|个儿童)")
DESIGNS = (  # (Chinese words, English search word): the design as Europe PMC indexes it
    (("孟德尔随机化",), "Mendelian randomization"),
    (("随机对照试验", "随机对照研究", "随机对照临床试验", "随机试验", "随机临床试验", "随机分组"), "randomized"),
    (("双盲",), "double-blind"),
    (("安慰剂",), "placebo"),
    (("前瞻性",), "prospective"),
    (("队列研究", "队列"), "cohort"),
    (("荟萃分析", "meta分析", "元分析", "汇总分析"), "meta-analysis"),
    (("系统综述", "系统评价"), "systematic review"),
    (("横断面",), "cross-sectional"),
    (("病例对照",), "case-control"),
    (("观察性研究",), "observational"),
)
MAX_TOPICS = 4


def body_text(article: Article) -> str:
    text = article.norm or article.text
    return "\n".join(text[s.start:s.end] for s in article.body) if article.body else text


def cues_in(article: Article) -> Cues:
    """The cues an article gives about its paper (see the module's docstring)."""
    from factcheck.papers.glossary import _jnorm, load_glossary
    from factcheck.papers.summaries import normalize_doi

    body = body_text(article)
    gl = load_glossary()
    c = Cues()
    for raw in dois_in_text(body):
        d = normalize_doi(raw)
        if d and d not in c.dois:
            c.dois.append(d)
    for m in PMID_RE.finditer(body):
        if m.group(1) not in c.pmids:
            c.pmids.append(str(int(m.group(1))))
    for m in _PMCID.finditer(body):
        p = f"PMC{int(m.group(1))}"
        if p not in c.pmcids:
            c.pmcids.append(p)
    for m in _QUOTED.finditer(body):
        t = m.group(1).strip().rstrip(".")
        if len(re.findall(r"[A-Za-z]+", t)) >= 4 and _jnorm(t) not in gl.journal_group and t not in c.titles:
            c.titles.append(t)
    sentences = [s for s in re.split(r"(?<=[。！？!?；;])|\n", body) if s.strip()]
    published = [s for s in sentences if _PUBLISH.search(s)]
    _journal(c, body, published, gl)
    _date(c, published)
    low_body = body.lower()
    for pat in (_ROLE_AFTER, _ROLE_BEFORE, _PAREN):
        for m in pat.finditer(body):
            toks = [t.strip(".") for t in re.split(r"[\s\-]+", m.group(1)) if len(t.strip(".")) >= 2]
            if not toks or any(t.lower() in _NOT_NAMES for t in toks) \
                    or any(t.lower() in title.lower().split() for t in toks for title in c.titles):
                continue        # an institution (Cleveland Clinic), a journal, words of a title
            c.authors.extend(t for t in toks if t not in c.authors)
            if toks not in c.names:
                c.names.append(toks)
    for m in _SAMPLE.finditer(body):
        # an exact count only: 近50万, 1000多名 and round hundreds are a reader's numbers, and a
        # round number turns up in any abstract (per 1000 person-years)
        raw = m.group(1).replace(",", "").replace("，", "")
        if m.group(2) or m.group(3) or "." in raw:
            continue
        v = int(raw)
        if 20 <= v <= 50_000_000 and v % 100 and v not in c.sample_sizes:
            c.sample_sizes.append(v)
    for words, en in DESIGNS:
        if any(w in low_body for w in words) and en not in c.designs:
            c.designs.append(en)
    c.topics = _topics(article, body, gl)
    return c


def _journal(c: Cues, body: str, published: list[str], gl) -> None:
    """The journal the paper appeared in: a name of the journal table in a sentence that says
    it was published (发表在《柳叶刀》), else the first named; the longest name where names
    overlap (柳叶刀·肿瘤学, not 柳叶刀)."""
    def found(text: str) -> Optional[tuple[int, str, str]]:
        marked = {m.group(1).strip() for m in re.finditer(r"《([^《》]{2,80})》", text)}
        best = None
        for key, names in gl.journals.items():
            for n in names:
                bare = n.strip("《》")
                if len(bare) < 3:
                    continue
                if re.search(r"[\u4e00-\u9fff]", bare):
                    # a Chinese name as the table writes it (《高血压》 only with its marks)
                    at = text.find(n)
                elif bare in marked or " " in bare or re.fullmatch(r"[A-Z]{3,6}", bare):
                    # a Latin name as written (case kept): several words, an acronym (JAMA), or in 《》;
                    # a one-word name (Diabetes, Hypertension) only in 《》
                    m = re.search(r"(?<![A-Za-z])" + re.escape(bare) + r"(?![A-Za-z])", text)
                    at = m.start() if m else -1
                else:
                    continue
                if at < 0:
                    continue
                if best is None or (at, -len(bare)) < (best[0], -len(best[2])):
                    best = (at, key, bare)
        return best

    hit = None
    for s in published:
        hit = found(s)
        if hit:
            break
    hit = hit or found(body)
    if not hit:
        return
    _, key, said = hit
    c.journal_key, c.journal_said = key, said
    c.journal = english_journal(gl.journals[key])


def english_journal(names: list[str]) -> Optional[str]:
    """The journal's English name for Europe PMC's JOURNAL field: the table's first Latin name
    (its canonical one: JAMA, BMJ, The New England Journal of Medicine) without "The"."""
    latin = [n for n in names if re.fullmatch(r"[A-Za-z0-9 .,:&'()\-/]+", n)]
    if not latin:
        return None
    return re.sub(r"^the\s+", "", latin[0], flags=re.I).strip() or latin[0]


def _date(c: Cues, published: list[str]) -> None:
    for s in published:
        m = _FULL_DATE.search(s)
        if m:
            c.year, c.month = int(m.group(1)), int(m.group(2))
            c.day = int(m.group(3)) if m.group(3) else None
            return
    for s in published:
        m = _MONTH_DAY.search(s)
        if m and c.month is None:
            c.month, c.day = int(m.group(1)), int(m.group(2))
        y = _YEAR.search(s)
        if y and c.year is None:
            c.year = int(y.group(1))


def _topics(article: Article, body: str, gl) -> list[str]:
    """English terms of the glossary groups the article's title (or its opening) names: the
    words that rank the right paper first among a journal's year."""
    head = article.title or body[:200]
    out: list[str] = []
    for g in sorted(gl.groups_in(head)):
        if g in gl.not_measures:
            continue
        latin = [t for t in gl.groups.get(g, []) if re.fullmatch(r"[A-Za-z][A-Za-z \-']{2,40}", t)
                 and t.lower() not in gl.generic]
        if latin:
            term = min((t for t in latin if len(t) >= 4), key=len, default=latin[0])
            if term not in out:
                out.append(term)
        if len(out) >= MAX_TOPICS:
            break
    return out


# ---------------------------------------------------------------- the query


def _q(term: str) -> str:
    """A phrase for Europe PMC's query syntax: no quotes, brackets or field separators inside."""
    t = re.sub(r"[\"\\()\[\]{}:^~*?]", " ", term)
    return '"' + " ".join(t.split()) + '"'


def build_query(c: Cues, *, title: bool = True) -> Optional[str]:
    """Europe PMC's query for the cues, or None when they are too few to find one paper by.

    - an English title (unless ``title=False``): ``TITLE:"…"`` (with the journal when named);
    - else the journal and the year, with the specific cues ORed (Europe PMC ranks the results
      that match more of them first): ``JOURNAL:"Lancet" AND FIRST_PDATE:[2023-01-01 TO
      2023-12-31] AND (AUTH:"Willett" OR "708" OR "randomized" OR "depression")``;
    - else the year and an author, ORed with the rest likewise.
    The year is that of the first publication (online first); a paper printed the next January
    is still found."""
    if c.titles and title:
        q = f"TITLE:{_q(c.titles[0])}"
        return f"{q} AND JOURNAL:{_q(c.journal)}" if c.journal else q
    specific = [f"AUTH:{_q(a)}" for a in c.authors[:4]]
    specific += [_q(str(n)) for n in c.sample_sizes[:2]]
    specific += [_q(d) for d in c.designs[:3]] + [_q(t) for t in c.topics]
    year = f"FIRST_PDATE:[{c.year}-01-01 TO {c.year}-12-31]" if c.year else None
    if c.journal and (year or specific):
        parts = [f"JOURNAL:{_q(c.journal)}"] + ([year] if year else [])
    elif year and c.authors:
        parts = [year]
    else:
        return None
    if specific:
        parts.append("(" + " OR ".join(specific) + ")")
    return " AND ".join(parts)


# ---------------------------------------------------------------- judging candidates

WEIGHTS = {"title": 4, "journal": 2, "year": 1, "date": 2, "author": 2, "n": 2, "title-words": 1,
           "design": 0.5, "topic": 0.5}
SPECIFIC = ("author", "n", "date", "title-words")
MARGIN = 2      # the best candidate must beat the next one by a whole specific cue


def _words(s: str) -> set[str]:
    stop = {"the", "and", "of", "in", "on", "for", "with", "a", "an", "to", "at", "by", "or", "from", "among", "versus",
            "vs", "trial", "study", "randomized", "randomised", "controlled", "clinical"}
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in stop and len(w) > 1}


def _years(raw: dict, rec) -> set[int]:
    out = {rec.year} if rec.year else set()
    for k in ("firstPublicationDate", "electronicPublicationDate", "pubYear"):
        v = raw.get(k)
        if v and re.match(r"\d{4}", str(v)):
            out.add(int(str(v)[:4]))
    ji = raw.get("journalInfo") or {}
    if isinstance(ji, dict) and str(ji.get("yearOfPublication") or "").isdigit():
        out.add(int(ji["yearOfPublication"]))
    return out


def _dates(raw: dict) -> set[tuple[int, int]]:
    out = set()
    for k in ("firstPublicationDate", "electronicPublicationDate"):
        m = re.match(r"\d{4}-(\d{2})-(\d{2})", str(raw.get(k) or ""))
        if m:
            out.add((int(m.group(1)), int(m.group(2))))
    return out


def _people(raw: dict, rec) -> list[tuple[str, str]]:
    """(surname, initials) of a candidate's authors, lower-cased."""
    out = []
    alist = (raw.get("authorList") or {}).get("author") if isinstance(raw.get("authorList"), dict) else None
    for a in alist if isinstance(alist, list) else []:
        if isinstance(a, dict) and a.get("lastName"):
            initials = str(a.get("initials") or "") or "".join(t[:1] for t in re.split(r"[\s\-]+", str(
                a.get("firstName") or "")) if t)
            out.append((str(a["lastName"]).lower(), initials.lower()))
    if not out:
        for name in rec.authors:            # "Surname Initials"
            toks = name.split()
            if toks:
                out.append((toks[0].lower(), toks[-1].lower() if len(toks) > 1 else ""))
    return out


def _author_matches(c: Cues, raw: dict, rec) -> bool:
    """A name the text gives is one of the candidate's authors: the surname is one of the
    name's words (Western or Chinese order: Stanley Hazen, Zang Li) and, when the text gives
    more than one word, another word's initial is among the author's initials."""
    people = _people(raw, rec)
    for name in c.names:
        toks = [t.lower() for t in name]
        for surname, initials in people:
            if surname not in toks and surname.replace(" ", "-") not in toks:
                continue
            others = [t for t in toks if t != surname]
            if not others or not initials or any(t[0] in initials for t in others):
                return True
    return False


def _journal_matches(c: Cues, rec) -> Optional[bool]:
    """True / False, or None when the candidate names no journal."""
    from factcheck.papers.glossary import _jnorm, load_glossary

    names = [n for n in (rec.journal, rec.journal_abbrev) if n]
    if not names:
        return None
    gl = load_glossary()
    for n in names:
        for v in (n, re.sub(r"\s*\(.*?\)\s*", " ", n)):
            if gl.journal_group.get(_jnorm(v)) == c.journal_key:
                return True
            if c.journal and _jnorm(v) == _jnorm(c.journal):
                return True
    return False


def _number_in(n: int, text: str) -> bool:
    s = str(n)
    groups = [s[max(0, i - 3):i] for i in range(len(s), 0, -3)][::-1]
    pat = r"[,\s\u2009\u202f]?".join(groups) if len(s) > 3 else s
    return re.search(rf"(?<![\d.,]){pat}(?![\d]|[.,]\d)", text) is not None


def support(c: Cues, raw: dict, rec) -> Optional[list[str]]:
    """The cues a candidate agrees with, or None when it contradicts one (another journal,
    another year) or is supported too weakly to be taken."""
    got: list[str] = []
    title = rec.title or ""
    abstract = rec.abstract or ""
    if c.journal_key:
        j = _journal_matches(c, rec)
        if j is False:
            return None
        if j:
            got.append("journal")
    if c.year:
        ys = _years(raw, rec)
        if ys and c.year not in ys:
            return None
        if c.year in ys:
            got.append("year")
    if c.month and c.day and (c.month, c.day) in _dates(raw):
        got.append("date")
    if c.titles:
        want, have = _words(c.titles[0]), _words(title)
        if want and have:
            overlap = len(want & have) / max(len(want), len(have))
            if overlap >= 0.8:
                got.append("title")
            elif overlap >= 0.5:
                got.append("title-words")
    if c.names and _author_matches(c, raw, rec):
        got.append("author")
    if any(_number_in(n, abstract) for n in c.sample_sizes):
        got.append("n")
    text = f"{title}\n{abstract}".lower()
    if c.designs and any(d.lower() in text or d.lower().replace("ize", "ise") in text for d in c.designs):
        got.append("design")
    if sum(t.lower() in text for t in c.topics) >= 2:
        got.append("topic")
    specific = [k for k in got if k in SPECIFIC]
    if "title" in got:
        return got
    if "journal" in got:
        if "year" in got and specific:
            return got          # journal and year, and an author, the sample size, the date or title words
        if not c.year and len(specific) >= 2:
            return got          # no year said: two of author, sample size, publication day, title words
        if not c.year and any(n >= 1000 and _number_in(n, abstract) for n in c.sample_sizes):
            return got          # no year said: an exact count of four digits or more (157474) in its abstract
    elif not c.journal_key and "year" in got and "author" in got and len(specific) >= 2:
        return got              # no journal said: the year, an author and another cue
    return None


def score(kinds: list[str]) -> float:
    return sum(WEIGHTS.get(k, 0) for k in kinds)


@dataclass
class Choice:
    record: object = None               # the sources.Record taken, or None
    how: Optional[str] = None           # "journal+year+author"
    problem_zh: Optional[str] = None    # why none was taken
    problem_en: Optional[str] = None
    candidates: int = 0


def choose(c: Cues, results: list[tuple[dict, object]]) -> Choice:
    """The one candidate the cues clearly support, or a Choice saying why there is none."""
    seen, judged = set(), []
    for raw, rec in results:
        key = rec.doi or rec.pmid or rec.pmcid or (rec.title or "").lower()
        if key in seen:
            continue
        seen.add(key)
        kinds = support(c, raw, rec)
        if kinds is not None:
            judged.append((score(kinds), kinds, rec))
    n = len(results)
    if not judged:
        return Choice(problem_zh=f"检索结果（{n} 篇）与文中线索都不够吻合",
                      problem_en=f"none of the {n} search result(s) is clearly supported by the cues", candidates=n)
    judged.sort(key=lambda t: -t[0])
    best = judged[0]
    if len(judged) > 1 and best[0] - judged[1][0] < MARGIN:
        names = "; ".join(_cite(r) for _, _, r in judged[:3])
        return Choice(problem_zh=f"{len(judged)} 篇候选论文同样吻合，不作猜测（{names}）",
                      problem_en=f"{len(judged)} candidates fit the cues equally well, not guessing ({names})",
                      candidates=n)
    order = ["title", "journal", "year", "date", "author", "n", "title-words", "design", "topic"]
    return Choice(record=best[2], how="+".join(k for k in order if k in best[1]), candidates=n)


def _cite(rec) -> str:
    bits = [b for b in (rec.doi and f"doi:{rec.doi}", rec.pmid and f"PMID {rec.pmid}") if b]
    return bits[0] if bits else (rec.title or "?")[:60]


# ---------------------------------------------------------------- going online


@dataclass
class Found:
    """What --fetch found for one article: summaries (with how each was identified), notes
    for the report, and whether the network failed."""

    papers: list[tuple[object, str]] = field(default_factory=list)   # (Summary, resolved_by)
    notes: list[str] = field(default_factory=list)
    network_failed: bool = False
    message: Optional[str] = None       # one line for stderr, when something went wrong


def find_online(article: Article, client, *, offline: bool = False) -> Found:
    """The papers an article names, fetched or searched for (see the module's docstring)."""
    from factcheck.papers.sources import FetchError, NetworkError, NotFound
    from factcheck.papers.summarize import draft_summary

    out = Found()
    c = cues_in(article)

    def failed(e: FetchError, name: str, what_en: str, **details) -> None:
        problem = getattr(e, "problem", None) or str(e)
        if isinstance(e, NetworkError):
            out.network_failed = True
            if offline:
                problem = "--offline, and not in the cache"
        out.notes.append(input_note("FC310", name, problem=problem, **details))
        out.message = f"--fetch: {what_en}: {problem}"

    def draft(rec, how: str) -> None:
        try:
            out.papers.append((draft_summary("", record=rec, doi=rec.doi, source=rec.raw_url), how))
        except ValueError as e:         # a record whose abstract cannot be drafted
            out.notes.append(input_note("FC310", "cannot_draft", ident=rec.doi or rec.pmid, error=e))

    ids = c.identifiers()
    if ids:
        for ident in ids:
            try:
                rec = client.fetch(ident)
            except NotFound as e:
                out.notes.append(input_note("FC310", "not_found", ident=ident, problem=e.problem))
                continue
            except FetchError as e:
                failed(e, "fetch_failed", f"fetching {ident} named in the text", ident=ident)
                if out.network_failed:
                    break
                continue
            kind = "pmid" if ident.startswith("PMID:") else "pmcid" if ident.startswith("PMC") else "doi"
            draft(rec, f"fetch:{kind}")
        if out.papers or out.network_failed:
            return out
    # the title first (a quoted title may be a translation: then the other cues)
    queries = [q for q in dict.fromkeys([build_query(c), build_query(c, title=False)]) if q]
    if not queries:
        out.notes.append(input_note("FC310", "too_few_cues", said=_said(c)))
        return out
    choice = None
    for query in queries:
        try:
            choice = choose(c, client.search(query, page_size=SEARCH_PAGE))
            if choice.record is not None and not choice.record.abstract and choice.record.doi:
                try:        # Europe PMC lacks the abstract: Crossref may have it
                    choice.record = client.fetch(choice.record.doi)
                except FetchError:
                    pass
        except FetchError as e:
            failed(e, "search_failed", "searching Europe PMC")
            out.notes.append(input_note("FC310", "search_query", query=query))
            return out
        out.notes.append(input_note("FC310" if choice.record is None else "FC309", "search_query", query=query))
        if choice.record is not None:
            break
    if choice.record is None:
        out.notes.append(input_note("FC310", "not_identified", problem_zh=choice.problem_zh,
                                    problem_en=choice.problem_en))
        return out
    draft(choice.record, f"search:{choice.how}")
    return out


def _said(c: Cues) -> str:
    bits = [f"journal {c.journal}" if c.journal else None, f"year {c.year}" if c.year else None,
            f"authors {', '.join(c.authors)}" if c.authors else None]
    bits = [b for b in bits if b]
    return f"; found: {'; '.join(bits)}" if bits else ""


class OfflineSession:
    """A requests session that never connects (``--offline``): the client answers from its
    cache, and anything not cached fails as the network being down would."""

    def get(self, *args, **kwargs):
        import requests

        raise requests.exceptions.ConnectionError("offline (--offline)")

    def close(self) -> None:
        pass
