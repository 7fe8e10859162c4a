"""The pipeline components: thin adapters from ``doc._.fc`` to the modules that do the work.

Each takes and returns the Doc, like any spaCy component; the work itself lives in modules
that know nothing about spaCy (sentences, numbers, attribution, match, overstate), so they can
be tested and reused on plain strings.
"""

from __future__ import annotations

from factcheck.judge.attribution import attribute
from factcheck.judge.match import judge_article
from factcheck.text.numbers import extract
from factcheck.judge.overstate import find_overstatements
from factcheck.papers.implicit import is_implicit
from factcheck.text.sentences import LineIndex, split_sentences


def fc_sentences(doc):
    st = doc._.fc
    st.lines = LineIndex(st.article.text)
    st.sentences = split_sentences(st.article.text, st.article.body, st.lines)
    return doc


def fc_mentions(doc):
    st = doc._.fc
    a = st.article
    st.mentions = extract(a.text, [(s.start, s.end) for s in a.body], norm=a.norm or None)
    return doc


def fc_references(doc):
    """Resolve each reference-list entry to a summary: DOI, PMID/PMCID, then title."""
    st = doc._.fc
    for ref in st.article.references:
        if is_implicit(ref):
            continue            # named by the editor or found in the text: already resolved
        res = st.store.resolve(doi=ref.doi, pmid=ref.pmid, pmcid=ref.pmcid, title=ref.title or ref.raw)
        ref.summary_id, ref.resolved_by = res.summary_id, res.route
        ref.near_miss = None if res.summary_id else res.near_miss
    return doc


def fc_claims(doc):
    st = doc._.fc
    st.attributions = attribute(st.article, st.sentences, st.mentions, st.store)
    return doc


def fc_match(doc):
    st = doc._.fc
    st.claims = judge_article(st.article, st.sentences, st.mentions, st.attributions, st.store, st.config)
    return doc


def fc_overstate(doc):
    st = doc._.fc
    st.overstatements = find_overstatements(st.article, st.sentences, st.attributions, st.claims,
                                            st.store, st.config)
    return doc
