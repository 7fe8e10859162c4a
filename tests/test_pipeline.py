"""End to end on the three seed articles: counts, purity, renderers, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from factcheck.core.config import Config
from factcheck.ingest.reader import read_article
from factcheck.pipeline import check


def test_every_seed_has_claims_and_findings(seed_reports):
    for key, r in seed_reports.items():
        assert r.stats["mentions"] > 20, key
        assert r.stats["claims"] > 5, key
        assert r.stats["overstatements"] > 3, key
    assert seed_reports["002"].stats["mismatch"] >= 2        # 40% vs 20%, 9.1% vs 4.55%, 301 vs 218/83


def test_boilerplate_gives_no_claims(seed_reports):
    r = seed_reports["000"]
    text = r.text
    closing = text.index("全文完")
    assert all(c.start < closing or c.start > text.index("参考文献") for c in r.claims)
    assert all(o.start < closing for o in r.overstatements)


def test_offsets_slice_the_text(seed_reports):
    for r in seed_reports.values():
        for m in r.mentions:
            assert r.text[m.start:m.end] == m.surface
        for o in r.overstatements:
            assert r.text[o.start:o.end] == o.surface
        for c in r.claims:
            assert r.text[c.start:c.end] == c.sentence


def test_check_is_pure(store):
    art = read_article("corpus/002_c1d2f2ebb72fd105.txt")
    a = check(art, store, Config()).to_dict()
    b = check(art, store, Config()).to_dict()
    a["stats"].pop("seconds"), b["stats"].pop("seconds")
    assert a == b


def test_check_leaves_the_callers_article_unchanged(store):
    """check() writes nothing into the Article it is given: its references are resolved into
    new objects (the report's), not in place, with a reference list, with --paper and with
    papers the text names."""
    import copy

    for path, papers in (("corpus/002_c1d2f2ebb72fd105.txt", ()), ("corpus/002_c1d2f2ebb72fd105.txt", ("chen2026-sik1",)),
                         ("corpus/000_a8adcad3e0149db4.txt", ())):
        art = read_article(path)
        before = copy.deepcopy(art)
        r = check(art, store, Config(), papers=papers)
        assert art == before, path
        assert r.references and any(ref.summary_id for ref in r.references), path
        assert all(not ref.summary_id for ref in art.references if ref.resolved_by is None), path


def test_english_messages(store):
    art = read_article("corpus/002_c1d2f2ebb72fd105.txt")
    r = check(art, store, Config(lang="en"))
    mism = [c for c in r.claims if c.verdict == "mismatch"]
    assert mism and all(c.message.isascii() or "does not match" in c.message for c in mism[:1])
    assert "does not match" in mism[0].message


def test_make_check_and_gate_exit_codes(tmp_path):
    cmd = [sys.executable, "-m", "factcheck", "check", "corpus/000_a8adcad3e0149db4.txt",
           "corpus/002_c1d2f2ebb72fd105.txt", "corpus/003_b1e2291c355cb6fc.txt",
           "--format", "json,markdown", "--output", str(tmp_path) + "/"]
    never = subprocess.run(cmd + ["--fail-on", "never"], capture_output=True, text=True)
    assert never.returncode == 0, never.stderr
    assert "mismatch" in never.stdout and "002_c1d2f2ebb72fd105" in never.stdout   # the table
    gate = subprocess.run(cmd, capture_output=True, text=True)
    assert gate.returncode == 1
    doc = json.loads((tmp_path / "002_c1d2f2ebb72fd105.json").read_text("utf-8"))
    assert doc["schema"] == "factcheck.report/1" and doc["stats"]["mismatch"] >= 2
    assert (tmp_path / "002_c1d2f2ebb72fd105.md").read_text("utf-8").startswith("# factcheck:")


def test_report_dicts_equal_what_dataclasses_asdict_gives():
    """Report.to_dict builds its dicts without asdict's deep copies; the JSON must not change."""
    from dataclasses import asdict
    from pathlib import Path

    from factcheck import pipeline
    from factcheck.core.config import Config
    from factcheck.ingest.reader import read_article
    from factcheck.core.model import _plain
    from factcheck.papers.summaries import Store

    root = Path(__file__).resolve().parents[1]
    store = Store.load(root / "references")
    for p in sorted((root / "corpus").glob("*.txt")):
        r = pipeline.check(read_article(str(p)), store, Config())
        objs = r.references + r.mentions + r.claims + r.overstatements
        assert objs and all(_plain(o) == asdict(o) for o in objs)
