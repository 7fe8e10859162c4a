"""The JSON report contract (tests/data/report.schema.json, a copy of
../shared/contracts/report.schema.json) for every corpus article and for odd inputs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFS = str(ROOT / "references")
SCHEMA_PATH = ROOT / "tests" / "data" / "report.schema.json"
SHARED_SCHEMA = ROOT.parent / "shared" / "contracts" / "report.schema.json"
ARTICLES = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "papers").glob("*.txt"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors_of(validator, doc) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def cli_json(capsys, *args):
    code = main(["check", *map(str, args), "--references", REFS, "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.mark.skipif(not SHARED_SCHEMA.exists(), reason="../shared is not beside the repository")
def test_the_copy_is_the_shared_contract():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name[:3])
def test_every_corpus_article_is_valid(capsys, validator, article):
    doc = cli_json(capsys, article)
    assert errors_of(validator, doc) == []
    assert doc["schema"] == "factcheck.report/1" and doc["source"] == str(article)
    assert doc["stats"]["mentions"] == len(doc["mentions"])
    assert doc["stats"]["claims"] == len(doc["claims"])
    assert doc["stats"]["overstatements"] == len(doc["overstatements"])
    ids = [m["id"] for m in doc["mentions"]]
    assert len(ids) == len(set(ids))
    n_refs = len(doc["references"])
    for c in doc["claims"]:
        assert c["reference"] is None or 1 <= c["reference"] <= max(n_refs, 1) or n_refs == 0
    for r in doc["references"]:
        assert r["doi"] is None or (r["doi"] == r["doi"].lower() and not r["doi"].startswith("http"))


def test_several_articles_array_and_jsonl(capsys, validator):
    code = main(["check", *map(str, ARTICLES), "--references", REFS, "--format", "json", "--fail-on", "never"])
    out, _ = capsys.readouterr()
    docs = json.loads(out)
    assert code == 0 and len(docs) == len(ARTICLES)
    for d in docs:
        assert errors_of(validator, d) == []
    code = main(["check", *map(str, ARTICLES), "--references", REFS, "--format", "jsonl", "--fail-on", "never"])
    out, _ = capsys.readouterr()
    for line in out.splitlines():
        assert errors_of(validator, json.loads(line)) == []


def test_reports_of_odd_inputs_are_valid(capsys, validator, tmp_path):
    import opencc

    seed = (CORPUS / next(p.name for p in ARTICLES if p.name.startswith("002"))).read_text(encoding="utf-8")
    cases = {
        "trad.txt": opencc.OpenCC("s2t").convert(seed).encode("utf-8"),
        "noref.txt": seed[:seed.index("参考资料")].encode("utf-8"),
        "onlyref.txt": seed[seed.index("参考资料"):].encode("utf-8"),
        "u16.txt": seed.encode("utf-16-le"),
        "trunc.txt": seed.rstrip().encode("utf-8")[:-1],
        "width.txt": "研究[1]显示，ＵＣ－ＭＳＣｓ组ＨｂＡ１ｃ下降１．３１％，安慰剂组仅下降0.63％。\n参考文献\n"
                     "［1］Zang, L. et al. Efficacy. Stem Cell Res Ther 13, 180 (2022). "
                     "https://doi.org/10.1186/s13287-022-02848-6\n".encode("utf-8"),
    }
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        doc = cli_json(capsys, f)
        assert errors_of(validator, doc) == [], name
        text = open(f, encoding={"u16.txt": "utf-16-le"}.get(name, "utf-8"), errors="ignore").read()
        for m in doc["mentions"]:
            assert text[m["start"]:m["end"]] == m["surface"], (name, m)


def test_empty_array_when_every_input_fails(capsys, validator, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    code = main(["check", str(f), str(tmp_path / "missing.txt"), "--references", REFS, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert json.loads(out) == []
    assert "empty" in err and "not found" in err


@pytest.mark.parametrize("doc", ["dc-05", "dd-03", "db-04"])
def test_a_real_article_checked_against_its_abstract_is_valid(capsys, validator, doc):
    """corpus/real: an article with no reference list, checked with --paper ABSTRACT."""
    real = ROOT / "corpus" / "real" / "dev"
    paper = next(json.loads(l)["paper"] for f in real.glob("sources_*.jsonl")
                 for l in f.read_text(encoding="utf-8").splitlines() if l.strip() and json.loads(l)["doc"] == doc)
    code = main(["check", str(real / "articles" / f"{doc}.txt"), "--paper", str(real / "abstracts" / f"{paper}.txt"),
                 "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    errors = sorted(validator.iter_errors(report), key=str)
    assert not errors, errors[0].message
    assert report["references"] and report["references"][0]["resolved_by"] == "paper"
