"""Papers an editor names for an article (``check --paper``), and papers an article names itself.

Most real popular articles have no reference list: they name their study in the text
(《新英格兰医学杂志》, an English title, a date, a team). Two ways lead from such an article to
a summary, and both end in the same place, a reference the article did not list:

- the editor says which paper it is: ``--paper FILE|DOI`` (a summary YAML, an abstract that is
  drafted on the fly, or an identifier fetched and drafted);
- the text names it: journal, title, DOI or publication date of a summary in the store.

Either way the article gets *implicit* references (``Reference.resolved_by`` is ``paper`` or
``text:...``), and attribution reads a single-study article as a reader does: its study numbers
rest on that study, background statistics do not.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Optional, Sequence

from factcheck.core.codes import input_message
from factcheck.core.errors import PaperError
from factcheck.ingest.citations import MARKER_RE
from factcheck.text.doi import dois_in_text
from factcheck.core.model import Article, Reference
from factcheck.papers.summaries import Store, Summary, SummaryError, load_summary, normalize_doi

IMPLICIT = ("paper", "text", "fetch", "search")   # resolved_by prefixes of references the article did not list


def is_implicit(ref: Reference) -> bool:
    return bool(ref.resolved_by) and ref.resolved_by.split(":", 1)[0] in IMPLICIT


def the_one_paper(article: Article) -> Optional[int]:
    """The index of the one paper an article is checked against without listing it (--paper,
    or named in its text), or the one entry of its own list that no marker of the text points
    to (a reader takes the page as about that paper); None otherwise."""
    refs = [r for r in article.references if bibliographic(r)]
    return refs[0].index if len(refs) == 1 and (is_implicit(refs[0]) or _listed_alone(refs[0], article.text)) else None


def bibliographic(ref: Reference) -> bool:
    """An entry of a page's list that cites a work: resolved to a summary, or with an identifier
    or a year. A line under the list that is none of these (the paper's authors on a line of
    their own, 猜你喜欢, 留言) names no second paper the page could be about."""
    return bool(is_implicit(ref) or ref.summary_id is not None or ref.doi or ref.pmid or ref.pmcid
                or ref.year is not None)


def _listed_alone(ref: Reference, text: str) -> bool:
    """The page's one reference, resolved to a summary, with no marker ([1]) before the list."""
    return ref.summary_id is not None and MARKER_RE.search(text, 0, ref.start or len(text)) is None


def load_paper(spec: str, *, fetch_client=None) -> Summary:
    """A summary for one ``--paper`` argument: a YAML summary, an abstract or paper text (drafted
    on the fly, ``curated: false``), or a DOI/PMID/PMCID (fetched, then drafted)."""
    from factcheck.ingest.reader import InputError, read_article
    from factcheck.papers.summarize import draft_summary

    if os.path.exists(spec):
        if spec.lower().endswith((".yaml", ".yml")):
            try:
                return load_summary(spec)
            except SummaryError as e:
                fld, msg = e.problems[0] if e.problems else ("-", "unusable summary")
                raise PaperError(f"{spec}:{fld}: {msg}") from None
        try:
            text = read_article(spec).text
        except InputError as e:
            raise PaperError(f"{e.path}: {e.message} [{e.code}]") from None
        try:
            s = draft_summary(text, source=spec)
        except ValueError as e:
            raise PaperError(f"{spec}: {e}") from None
        if not _reads_as_a_paper(s, text):
            raise PaperError(f"{spec}: no numbers found to check against (is it an abstract?)")
        return s
    from factcheck.papers.sources import Client, FetchError, parse_identifier

    try:
        parse_identifier(spec)
    except FetchError:
        raise PaperError(f"{spec}: no such file, and not a DOI (10.NNNN/...), PMID or PMCID") from None
    client = fetch_client or Client(mailto=os.environ.get("FACTCHECK_MAILTO"))
    try:
        rec = client.fetch(spec)
    except FetchError as e:
        raise PaperError(f"{spec}: {getattr(e, 'problem', None) or e}") from None
    return draft_summary("", record=rec, doi=rec.doi, source=rec.raw_url)


def _reads_as_a_paper(s: Summary, text: str) -> bool:
    """A text with nothing of a paper in it (no finding, sample, stated number, conclusion or
    record header with some prose) is refused; an abstract that states no number is not: cut short as stored,
    or written in words only, it still names the study and its conclusion, and every number an
    article gives of it is then not in the paper."""
    if s.findings or s.population.n or s.stated:
        return True
    return bool(s.title or s.journal or s.doi or s.pmid) and len(re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", text)) >= 30


def with_papers(article: Article, store: Store, papers: Sequence) -> Article:
    """The article with the named papers as references: papers its own list already cites keep
    that entry; the others are appended as implicit references. A paper is a summary id (given
    with --paper) or ``(id, how)``: how it was identified (``fetch:doi``, ``search:journal+year``,
    see identify.py). A new Article: the caller's is not changed."""
    if not papers:
        return article
    cited = {store.resolve(doi=r.doi, pmid=r.pmid, pmcid=r.pmcid, title=r.title or r.raw).summary_id
             for r in article.references}
    refs = list(article.references)
    for p in papers:
        sid, how = (p, "paper") if isinstance(p, str) else p
        s = store.get(sid)
        if s is None or sid in cited:
            continue
        refs.append(_implicit_reference(s, len(refs) + 1, how))
        cited.add(sid)
    return dataclasses.replace(article, references=refs)


def _implicit_reference(s: Summary, index: int, how: str) -> Reference:
    """A reference the article did not list, for summary ``s``; ``how``: paper | text:<cues>."""
    return Reference(index=index, raw=_label(s), doi=s.doi, pmid=s.pmid, pmcid=s.pmcid, title=s.title or None,
                     journal=s.journal, year=s.year, summary_id=s.id, resolved_by=how)


def identified(ref: Reference) -> str:
    """How a paper the article did not list was identified, in Chinese and English (FC309)."""
    kind, _, cues = (ref.resolved_by or "").partition(":")
    if kind == "paper":
        return input_message("FC309", "paper")
    if kind == "fetch":
        return input_message("FC309", "fetch", what=cues.upper() if cues in ("pmid", "pmcid") else "DOI")
    if kind == "search":
        return input_message("FC309", "search", cues=cues)
    return input_message("FC309", "text", cues=cues)


def _label(s: Summary) -> str:
    bits = [s.title or s.id]
    if s.journal:
        bits.append(s.journal)
    if s.year:
        bits.append(str(s.year))
    return ". ".join(bits)


# ------------------------------------------------------------------ named in the text

_QUOTED = re.compile(r"[“\"《「]([A-Za-z][^”\"》」]{15,300})[”\"》」]")


def named_in_text(article: Article, store: Store) -> Article:
    """An article with no reference list of its own: the summaries of the store that its text
    names (a DOI, the English or Chinese title, or two of journal, publication date and an alias)
    become implicit references, so that its numbers can be checked against them."""
    if article.references or not store.summaries:
        return article
    from factcheck.papers.glossary import load_glossary

    text = article.norm or article.text
    body = "\n".join(text[s.start:s.end] for s in article.body) if article.body else text
    low = body.lower()
    gl = load_glossary()
    dois = {normalize_doi(d) for d in dois_in_text(body)}
    quoted = [m.group(1) for m in _QUOTED.finditer(body)]
    found: list[tuple[str, str]] = []
    for s in store.summaries.values():
        how = _named_by(s, low, dois, quoted, store, gl)
        if how:
            found.append((s.id, how))
    if not found:
        return article
    refs = [_implicit_reference(store.get(sid), i + 1, f"text:{how}") for i, (sid, how) in enumerate(found)]
    return dataclasses.replace(article, references=refs)


def _named_by(s: Summary, low: str, dois: set, quoted: list[str], store: Store, gl) -> Optional[str]:
    if s.doi and s.doi in dois:
        return "doi"
    for q in quoted:
        r = store.resolve(title=q)
        if r.summary_id == s.id:
            return "title"
    if s.title_zh and s.title_zh.lower() in low:
        return "title"
    cues = []
    journals = [j for j in [s.journal, *s.journal_aliases] if j] + gl.journal_names(s.journal)
    if any(len(j) >= 3 and _word_in(j.lower(), low) for j in journals):
        cues.append("journal")
    if s.published:
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s.published)
        if m and f"{int(m.group(2))}月{int(m.group(3))}日" in low:
            cues.append("date")
    if any(len(a) >= 3 and a.lower() in low for a in s.aliases):
        cues.append("alias")
    return "+".join(cues) if len(cues) >= 2 else None


def _word_in(needle: str, hay: str) -> bool:
    """A journal name in the text; a Latin abbreviation (BMJ, JAMA) only as a whole word."""
    if re.search(r"[\u4e00-\u9fff]", needle):
        return needle in hay
    return re.search(r"(?<![a-z])" + re.escape(needle) + r"(?![a-z])", hay) is not None
