"""One article through the pipeline: ``check(article, store, config) -> Report``, a pure function.

``check()`` is plain composition: each stage is a function that takes the products of the
stages before it and returns its own, typed (``core/model.py``), and nothing is written into
the caller's objects:

    article, with the papers the editor or its text names     (papers.implicit)
    -> references: list[Reference]          resolve_references: new objects, each resolved to a summary
    -> sentences: list[Sentence]            text.sentences.split_sentences
    -> mentions: list[Mention]              text.numbers.extract
    -> attributions: dict[int, Attribution] judge.attribution.attribute: sentence index -> source
    -> claims: list[Claim]                  judge.match.judge_article
    -> overstatements: list[Overstatement]  judge.overstate.find_overstatements
    -> Report

spaCy is not in that path. ``get_nlp()`` gives the blank ``zh`` Language with the jieba
tokenizer (no downloaded model, no components), for a caller who wants an ``nlp`` object over
the same segmentation; the stages segment only the runs of text around a cue word
(``text.segmenter.segment``, cached), because segmenting the whole article into a Doc costs
more than the checking itself (docs/design.md).
"""

from __future__ import annotations

import dataclasses
import re
import time
from functools import lru_cache
from typing import Optional, Sequence

from factcheck.core.config import Config
from factcheck.core.gcpause import paused
from factcheck.core.messages import render_report
from factcheck.core.model import Article, Reference, Report
from factcheck.core.objcache import ObjectCache
from factcheck.judge.attribution import attribute
from factcheck.judge.match import judge_article
from factcheck.judge.overstate import find_overstatements
from factcheck.papers.implicit import is_implicit, named_in_text, with_papers
from factcheck.papers.summaries import Store
from factcheck.text.numbers import extract
from factcheck.text.segmenter import ready, segment
from factcheck.text.sentences import split_sentences


@lru_cache(maxsize=1)
def get_nlp():
    """The blank Chinese spaCy pipeline (jieba segmenter, no downloaded model, no components):
    the tokenizer the stages' word boundaries agree with, for a caller who wants an ``nlp``
    object. ``check()`` does not use it."""
    import spacy

    ready()       # before spaCy's zh tokenizer touches jieba: our faster dictionary load
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def forget_texts() -> None:
    """Empty the caches keyed by text (segmented runs, clause cuts, glossary groups of a
    sentence), so that the next check sees its article as new: a benchmark's repeated passes
    over one corpus would otherwise measure cache hits that a batch of different articles
    never gets. Caches keyed by a summary, a rule list or a numeral stay: every article of a
    batch shares those."""
    from factcheck.papers import glossary
    from factcheck.text import sentences

    segment.cache_clear()
    sentences.clause_cuts.cache_clear()
    glossary.forget()


def check(article: Article, store: Store, config: Optional[Config] = None, papers: Sequence[str] = ()) -> Report:
    """Check one article against the summaries in ``store``. No I/O, no global state.

    ``papers``: ids of summaries the editor says the article is about (``check --paper``); an
    article with no reference list of its own is also checked against the summaries its text
    names (journal, title, DOI, date). Both become references the article did not list."""
    with paused():      # many small objects, no cycles: see gcpause
        t0 = time.perf_counter()
        config = config or Config()
        article = named_in_text(with_papers(article, store, papers), store)
        notes = list(article.notes) + implicit_notes(article)
        references = resolve_references(article.references, store)
        article = dataclasses.replace(article, references=references)     # the caller's is not changed
        sentences = split_sentences(article.text, article.body)
        mentions = extract(article.text, [(s.start, s.end) for s in article.body], norm=article.norm or None)
        attributions = attribute(article, sentences, mentions, store)
        claims = judge_article(article, sentences, mentions, attributions, store, config)
        overstatements = find_overstatements(article, sentences, attributions, claims, store, config, mentions)
        off_doc, off_line = inline_directives(article.text) if config.inline_config else ({}, {})
        suppressed: list[dict] = []
        claims = [c for c in claims if _on(c, "claim", config, off_doc, off_line, suppressed)]
        overs = [o for o in overstatements if _on(o, "overstatement", config, off_doc, off_line, suppressed)]
        stats = {
            "mentions": len(mentions),
            "claims": len(claims),
            "supported": sum(c.verdict == "supported" for c in claims),
            "mismatch": sum(c.verdict == "mismatch" for c in claims),
            "not_in_source": sum(c.verdict == "not_in_source" for c in claims),
            "unresolved_reference": sum(c.verdict == "unresolved_reference" for c in claims),
            "unattributed": sum(c.verdict == "unattributed" for c in claims),
            "overstatements": len(overs),
            "suppressed": len(suppressed),
            "characters": len(article.text),
            "seconds": round(time.perf_counter() - t0, 4),
        }
        return render_report(Report(source=article.source, title=article.title, references=article.references,
                      mentions=mentions, claims=claims, overstatements=overs, stats=stats,
                      extracted_from=article.extracted_from, encoding=article.encoding,
                      notes=notes + cited_audit_notes(article, claims, store) + _suppressed_note(suppressed),
                      text=article.text, suppressed=suppressed), config.lang)    # messages written here, once


def resolve_references(references: Sequence[Reference], store: Store) -> list[Reference]:
    """Each reference-list entry resolved to a summary: DOI, PMID/PMCID, then title. New
    References (the given ones are not changed); one the article did not list (named by the
    editor or found in the text) is already resolved and kept as it is."""
    out = []
    for ref in references:
        if is_implicit(ref):
            out.append(ref)
            continue
        res = store.resolve(doi=ref.doi, pmid=ref.pmid, pmcid=ref.pmcid, title=ref.title or ref.raw)
        out.append(dataclasses.replace(ref, summary_id=res.summary_id, resolved_by=res.route,
                                       near_miss=None if res.summary_id else res.near_miss))
    return out


def implicit_notes(article: Article) -> list[str]:
    """How each paper the article did not list was identified (FC309), for the report."""
    from factcheck.papers.implicit import identified

    return [f"FC309: [{r.index}] {r.summary_id}: {identified(r)}" for r in article.references if is_implicit(r)]


def cited_audit_notes(article: Article, claims: list, store: Store) -> list[str]:
    """A note for each cited paper whose summary does not add up (``factcheck audit``'s checks
    on its findings): the editor should know before leaning on it. The notes depend on the
    summary alone, so they are worked out once per summary, not once per article."""
    cited = {c.reference for c in claims if c.reference is not None}
    ids = sorted({r.summary_id for r in article.references if r.index in cited and r.summary_id})
    notes = []
    for sid in ids:
        summary = store.summaries.get(sid)
        if summary is not None:
            notes += _audit_notes(summary)
    return notes


def _build_audit_notes(summary) -> list[str]:
    from factcheck.audit.render import message
    from factcheck.audit.summary import audit_summary

    return [f"{f.code}: 所引文献 {summary.id} 自身数据不一致：{message(f, 'zh')} / the cited paper {summary.id} "
            f"does not add up: {message(f, 'en')}" for _, f in audit_summary(summary)]


_audit_notes = ObjectCache(_build_audit_notes)


_DIRECTIVE = re.compile(r"factcheck-(disable|disable-line)\s*[:：]?\s*((?:FC\d+[\s,，]*)+)", re.I)


def inline_directives(text: str) -> tuple[dict[str, int], dict[int, dict[str, int]]]:
    """Rule codes silenced in the draft itself, as prose linters allow:
    ``factcheck-disable FC205`` (whole article) and ``factcheck-disable-line FC203`` (its line).
    An HTML comment around them (<!-- … -->) keeps them out of a rendered page. Each code maps
    to the line of the directive that silenced it, so that the report can say so."""
    whole: dict[str, int] = {}
    lines: dict[int, dict[str, int]] = {}
    if "factcheck-" not in text:
        return whole, lines
    for m in _DIRECTIVE.finditer(text):
        codes = {c.upper() for c in re.findall(r"FC\d+", m.group(2), re.I)}
        at = text.count("\n", 0, m.start()) + 1
        if m.group(1).lower() == "disable":
            for c in codes:
                whole.setdefault(c, at)
        else:
            for c in codes:
                lines.setdefault(at, {}).setdefault(c, at)
    return whole, lines


def _on(finding, kind: str, config: Config, off_doc: dict, off_line: dict, suppressed: list) -> bool:
    """Is the finding reported? One silenced by an inline directive is not, but it is listed
    in ``suppressed`` (as ruff and ESLint report suppressions): a directive in a draft never
    hides findings without a trace. ``--no-inline-config`` ignores directives (for gates)."""
    code, line = finding.rule, finding.line
    if not config.enabled(code):
        return False
    for directive, table in (("factcheck-disable", off_doc), ("factcheck-disable-line", off_line.get(line, {}))):
        for prefix, at in table.items():
            if code and code.startswith(prefix):
                suppressed.append({"kind": kind, "id": finding.id, "rule": code, "line": line,
                                   "severity": finding.severity, "directive": directive,
                                   "directive_line": at, "code": prefix})
                return False
    return True


def _suppressed_note(suppressed: list[dict]) -> list[str]:
    if not suppressed:
        return []
    by_rule: dict[str, int] = {}
    for s in suppressed:
        by_rule[s["rule"]] = by_rule.get(s["rule"], 0) + 1
    where = sorted({s["directive_line"] for s in suppressed})
    rules = "、".join(f"{r}×{n}" if n > 1 else r for r, n in sorted(by_rule.items()))
    return [f"{len(suppressed)} 条结果被文中的 factcheck-disable 指令屏蔽（第 {', '.join(map(str, where))} 行）/ "
            f"{len(suppressed)} finding(s) suppressed by inline directives (line {', '.join(map(str, where))}): "
            f"{rules}; --no-inline-config reports them"]
