"""Shared fixtures: the summary stores and helpers to check a snippet of article text.

``check_text`` (unit tests: a sentence written in the test) reads the frozen summaries of
tests/fixtures/references, so that editing the project's references/ does not break them;
``seed_reports`` and ``store`` (end-to-end) read the project's references/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.chdir(ROOT)   # tests read corpus/, references/ and tests/gold by relative path


@pytest.fixture(scope="session")
def store():
    from factcheck.papers.summaries import Store

    return Store.load(ROOT / "references")


@pytest.fixture(scope="session")
def fixture_store():
    from factcheck.papers.summaries import Store

    return Store.load(ROOT / "tests" / "fixtures" / "references")


@pytest.fixture(scope="session")
def check_text(fixture_store):
    """check_text(text, **config) -> Report, for articles written inline in a test, checked
    against the frozen summaries of tests/fixtures/references."""
    store = fixture_store
    from factcheck.core.config import Config
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check

    def run(text: str, source: str = "<test>", **cfg):
        return check(article_from_text(text, source), store, Config(**cfg))

    return run


@pytest.fixture(scope="session")
def seed_reports(store):
    from factcheck.ingest.reader import read_article
    from factcheck.pipeline import check

    return {p.stem[:3]: check(read_article(str(p)), store) for p in sorted((ROOT / "corpus").glob("*.txt"))}


def draft_report(abstract: str, text: str, lang: str = "zh"):
    """The report on ``text`` checked against the summary drafted from ``abstract``, as
    ``check ARTICLE --paper ABSTRACT`` gives it."""
    from factcheck.core.config import Config
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store
    from factcheck.papers.summarize import draft_summary

    s = draft_summary(abstract, source="<test abstract>")
    store = Store()
    store.add(s)
    return check(article_from_text(text, "a.txt"), store, Config(lang=lang), papers=[s.id])


def draft_verdicts(abstract: str, text: str) -> dict:
    """{surface: verdict} of ``text`` checked against the summary drafted from ``abstract``, as
    ``check ARTICLE --paper ABSTRACT`` does it."""
    rep = draft_report(abstract, text)
    ms = {m.id: m for m in rep.mentions}
    return {ms[v.mention_id].surface: v.verdict for c in rep.claims for v in c.mention_verdicts}


def assert_draft_verdicts(abstract: str, text: str, expected: dict) -> None:
    """Each surface's verdict, ``text`` checked against ``abstract`` (draft_verdicts), as
    ``expected`` says; "!supported" means anything but supported."""
    v = draft_verdicts(abstract, text)
    for surface, verdict in expected.items():
        if verdict.startswith("!"):
            assert v[surface] != verdict[1:], surface
        else:
            assert v[surface] == verdict, surface


def verdict_of(report, surface: str, line: int | None = None) -> tuple[str, object, str]:
    """(verdict, paper_value, rule) of the first mention with this surface (on this line)."""
    by_id = {}
    for c in report.claims:
        for v in c.mention_verdicts:
            by_id[v.mention_id] = v
    for m in report.mentions:
        if m.surface == surface and (line is None or m.line == line) and m.id in by_id:
            v = by_id[m.id]
            return v.verdict, v.paper_value, v.rule
    raise AssertionError(f"no judged mention {surface!r}" + (f" on line {line}" if line else ""))


def leftmost_longest(words, text: str) -> list[tuple[int, str]]:
    """The reference reading the trie regexes must equal: at each position the longest word
    there, an ASCII word only where no Latin letter touches it (else a shorter word may
    stand), then on past the word read."""
    ws = sorted(words, key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        step = 1
        for w in ws:
            j = i + len(w)
            if not text.startswith(w, i):
                continue
            if w.isascii() and ((i > 0 and text[i - 1].isascii() and text[i - 1].isalpha()) or
                                (j < len(text) and text[j].isascii() and text[j].isalpha())):
                continue
            out.append((i, w))
            step = len(w)
            break
        i += step
    return out
