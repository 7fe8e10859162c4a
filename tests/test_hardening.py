"""Issue 8: bad input gets a clear message naming the file and the problem, exit code 2, and
never a traceback; one bad file in a multi-file check does not stop the others. Also the
escaping of untrusted text in the Markdown and terminal reports."""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFS = str(ROOT / "references")
S002 = next(CORPUS.glob("002_*.txt"))
S003 = next(CORPUS.glob("003_*.txt"))
SEED = S002.read_text(encoding="utf-8")


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    assert "internal error" not in err, err
    return code, out, err


def check(capsys, path, *extra, fmt="json"):
    return run(capsys, "check", path, "--references", REFS, "--format", fmt, *extra)


def assert_input_error(code, err, path, *words):
    assert code == 2
    line = next((ln for ln in err.splitlines() if str(path) in ln), None)
    assert line is not None, err
    for w in words:
        assert w in line, (w, line)
    assert re.search(r"\[FC3\d\d\]", line), line


def surfaces(doc) -> list[str]:
    return [m["surface"] for m in doc["mentions"]]


@pytest.fixture(scope="module")
def simplified_report():
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check as pcheck
    from factcheck.papers.summaries import Store

    return pcheck(article_from_text(SEED, "s.txt"), Store.load(REFS)).to_dict()


# ---------------------------------------------------------------- unreadable content: exit 2

@pytest.mark.parametrize("name,data,words", [
    ("empty.txt", b"", ["empty", "FC301"]),
    ("blank.txt", b" \n\t\r\n" + "\u3000".encode("utf-8"), ["whitespace", "FC301"]),
    ("random.txt", bytes(range(256)) * 4 + b"\x00" * 32 + os.urandom(2048), ["binary", "FC302"]),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8, ["binary", "FC302"]),
    ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00" + os.urandom(512), ["zip", "FC302"]),
    ("draft.docx", b"this is not a zip file at all", [".docx", "FC306"]),
])
def test_bad_content(capsys, tmp_path, name, data, words):
    f = tmp_path / name
    f.write_bytes(data)
    code, out, err = check(capsys, f)
    assert_input_error(code, err, f, *words)


def test_nonexistent_path(capsys, tmp_path):
    f = tmp_path / "no-such-article.txt"
    code, _out, err = check(capsys, f)
    assert_input_error(code, err, f, "not found", "FC300")


def test_directory_as_article(capsys, tmp_path):
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "notes.png").write_bytes(b"\x89PNG")
    code, _out, err = check(capsys, d)
    assert_input_error(code, err, d, "folder", "FC300")


def test_fifo_does_not_block(capsys, tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    f = tmp_path / "pipe.txt"
    os.mkfifo(f)
    code, _out, err = check(capsys, f)
    assert_input_error(code, err, f, "regular file", "FC300")


def test_unreadable_file(capsys, tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text(SEED, encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop root reading (the FIFO test covers "
                        "an unopenable input)")
        code, _out, err = check(capsys, f)
        assert_input_error(code, err, f, "permission", "FC300")
    finally:
        f.chmod(0o644)


def test_50_mb_article_is_refused_unread(capsys, tmp_path, monkeypatch):
    import factcheck.ingest.reader

    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:            # sparse: 50 MB on paper, nothing on disk
        fh.write("研究显示".encode("utf-8"))
        fh.truncate(50 * 1024 * 1024)
    opened = []
    monkeypatch.setattr(factcheck.ingest.reader, "open", lambda *a, **k: opened.append(a) or open(*a, **k), raising=False)
    code, _out, err = check(capsys, f)
    assert_input_error(code, err, f, "too large", "--max-bytes", "FC305", "50 MB")
    assert opened == []                  # refused from its size: never opened, never read
    code, _out, err = check(capsys, S002, "--max-bytes", "1000")
    assert_input_error(code, err, S002, "--max-bytes", "FC305")


def test_max_bytes_applies_to_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.encode("utf-8"))))
    code, _out, err = run(capsys, "check", "-", "--references", REFS, "--max-bytes", "100")
    assert_input_error(code, err, "<stdin>", "--max-bytes", "FC305")


def test_invalid_file_name_bytes_and_terminal_escapes_in_a_path(capsys, tmp_path):
    if sys.platform == "win32":
        pytest.skip("POSIX file names")
    d = os.fsencode(str(tmp_path))
    raw = os.path.join(d, b"bad\xff\x1b[31mname.txt")
    with open(raw, "wb") as fh:
        fh.write(SEED.encode("utf-8"))
    name = os.fsdecode(raw)
    code, out, err = check(capsys, name, "--fail-on", "never")
    assert code == 0
    doc = json.loads(out)
    assert doc["source"].endswith("bad\ufffd\x1b[31mname.txt")   # JSON escapes it; it is valid UTF-8
    code, out, err = check(capsys, name, "--fail-on", "never", fmt="text")
    assert "\x1b" not in out and "\\x1b" in out


# ---------------------------------------------------------------- repaired or converted input: checked

def test_truncated_utf8_is_checked_with_a_note(capsys, tmp_path):
    """Decision: a file cut inside its last character is checked (the broken tail is dropped);
    the report carries note FC304, stderr says so, and the exit code follows the findings."""
    f = tmp_path / "cut.txt"
    data = SEED.rstrip().encode("utf-8")
    f.write_bytes(data[:-2])
    code, out, err = check(capsys, f, "--fail-on", "never")
    assert code == 0
    doc = json.loads(out)
    assert any(n.startswith("FC304") for n in doc["notes"])
    assert "FC304" in err and str(f) in err
    assert doc["mentions"] and len(doc["references"]) == 2


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-16-be-bom",
                                      "utf-8-sig"])
def test_other_encodings_give_the_same_report(capsys, tmp_path, encoding, simplified_report):
    data = (codecs.BOM_UTF16_BE + SEED.encode("utf-16-be")) if encoding == "utf-16-be-bom" else SEED.encode(encoding)
    f = tmp_path / f"{encoding}.txt"
    f.write_bytes(data)
    code, out, err = check(capsys, f, "--fail-on", "never")
    assert code == 0, err
    doc = json.loads(out)
    assert surfaces(doc) == surfaces(simplified_report)
    assert [c["verdict"] for c in doc["claims"]] == [c["verdict"] for c in simplified_report["claims"]]
    for m in doc["mentions"]:
        assert SEED[m["start"]:m["end"]] == m["surface"]


def test_traditional_chinese(capsys, tmp_path, simplified_report):
    import opencc

    trad = opencc.OpenCC("s2t").convert(SEED)
    assert len(trad) == len(SEED)
    f = tmp_path / "trad.txt"
    f.write_text(trad, encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    assert code == 0, err
    doc = json.loads(out)
    # the numbers are found, at offsets in the original (traditional) text
    assert len(doc["mentions"]) == len(simplified_report["mentions"])
    for m in doc["mentions"]:
        assert trad[m["start"]:m["end"]] == m["surface"]
    assert [(m["start"], m["value"]) for m in doc["mentions"]] == \
        [(m["start"], m["value"]) for m in simplified_report["mentions"]]
    # matching works on the simplified fold: same references, same verdicts
    assert [r["summary_id"] for r in doc["references"]] == ["zang2022", "chin2025"]
    assert [c["verdict"] for c in doc["claims"]] == [c["verdict"] for c in simplified_report["claims"]]
    for o in doc["overstatements"]:
        assert trad[o["start"]:o["end"]] == o["surface"]


def test_mixed_full_and_half_width(capsys, tmp_path, simplified_report):
    full = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
    body_end = SEED.index("参考资料")
    # every other line in full width: the fold makes them the same numbers
    lines = SEED[:body_end].split("\n")
    mixed = "\n".join(ln.translate(full) if i % 2 else ln for i, ln in enumerate(lines)) + SEED[body_end:]
    assert len(mixed) == len(SEED) and mixed != SEED
    f = tmp_path / "width.txt"
    f.write_text(mixed, encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    doc = json.loads(out)
    for m in doc["mentions"]:
        assert mixed[m["start"]:m["end"]] == m["surface"]
    assert [(m["start"], m["end"], m["value"]) for m in doc["mentions"]] == \
        [(m["start"], m["end"], m["value"]) for m in simplified_report["mentions"]]
    assert [c["verdict"] for c in doc["claims"]] == [c["verdict"] for c in simplified_report["claims"]]


def test_a_1_mb_line_of_digits(capsys, tmp_path):
    f = tmp_path / "digits.txt"
    f.write_text("1234567890" * 100_000, encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    assert code == 0
    doc = json.loads(out)
    for m in doc["mentions"]:
        assert m["end"] - m["start"] == len(m["surface"])


def test_no_reference_list(capsys, tmp_path):
    f = tmp_path / "noref.txt"
    f.write_text(SEED[:SEED.index("参考资料")], encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    doc = json.loads(out)
    assert code == 0 and any(n.startswith("FC307") for n in doc["notes"])
    # the body still names its papers (journal and date, or a title): those become references
    # the article did not list, each saying how it was found
    assert doc["mentions"] and doc["references"]
    assert all(r["resolved_by"].startswith("text:") for r in doc["references"])
    assert any(n.startswith("FC309") for n in doc["notes"])


def test_no_reference_list_and_no_paper_named(capsys, tmp_path):
    f = tmp_path / "noref.txt"
    f.write_text(SEED[:SEED.index("参考资料")], encoding="utf-8")
    empty = tmp_path / "refs"
    empty.mkdir()
    code, out, err = check(capsys, f, "--fail-on", "never", "--references", str(empty))
    doc = json.loads(out)
    assert code == 0 and doc["mentions"] and doc["references"] == []
    assert all(c["verdict"] == "unattributed" and c["reference"] is None for c in doc["claims"])


def test_only_a_reference_list(capsys, tmp_path):
    f = tmp_path / "refs-only.txt"
    f.write_text(SEED[SEED.index("参考资料"):], encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "warning")
    doc = json.loads(out)
    # nothing was checked: the report says so, and a gate does not pass it
    assert code == 1 and any(n.startswith("FC308") for n in doc["notes"])
    assert doc["mentions"] == [] and len(doc["references"]) == 2
    code, out, err = check(capsys, f, "--fail-on", "never")
    assert code == 0


@pytest.mark.parametrize("line", ["免责声明：本文仅供参考，不构成医疗建议。", "版权声明：本文转载自网络，版权归原作者所有。",
                                  "免责说明"])
def test_a_disclaimer_at_the_top_removes_only_itself(capsys, tmp_path, line):
    """A disclaimer or copyright line above a WeChat post (issue 19, item 1) is one line of
    boilerplate; the article under it is still checked."""
    body = SEED[:SEED.index("参考资料")]
    f = tmp_path / "top.txt"
    f.write_text(line + "\n\n" + SEED, encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    doc = json.loads(out)
    assert not any(n.startswith("FC308") for n in doc["notes"])
    plain = tmp_path / "plain.txt"
    plain.write_text(SEED, encoding="utf-8")
    code2, out2, err2 = check(capsys, plain, "--fail-on", "never")
    assert len(doc["mentions"]) == len(json.loads(out2)["mentions"]) > 0 and body


def test_a_disclaimer_at_the_end_still_closes_the_article(capsys, tmp_path):
    f = tmp_path / "end.txt"
    body = SEED[:SEED.index("参考资料")]
    f.write_text(body + "\n免责声明：本文仅供参考，文中数字50%仅作示例。\n", encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    doc = json.loads(out)
    assert not any(m["surface"] == "50%" for m in doc["mentions"])


def test_duplicate_doi_in_the_article_reference_list(capsys, tmp_path):
    text = SEED.replace("doi: 10.2147/DMSO.S507801", "doi: 10.1186/s13287-022-02848-6")
    f = tmp_path / "dup.txt"
    f.write_text(text, encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never")
    doc = json.loads(out)
    assert [r["doi"] for r in doc["references"]] == ["10.1186/s13287-022-02848-6"] * 2


def test_doi_with_path_characters_never_becomes_a_file_path(tmp_path):
    """Run check in a subprocess with an audit hook that records every file opened after the
    references are loaded: nothing outside the repository, the article and Python is opened."""
    art = tmp_path / "evil.txt"
    evil = "10.1000/../../etc/passwd?x=<y>"
    art.write_text(SEED.split("参考资料")[0] + f"参考资料:\n[1]Evil title. J Bad. 2020. doi: {evil}\n"
                   "[2]Second. J. 2021. doi: ../../../../etc/shadow\n", encoding="utf-8")
    script = (
        "import sys, json, io, contextlib\n"
        "opened = []\n"
        "def hook(ev, args):\n"
        "    if ev == 'open' and args and isinstance(args[0], (str, bytes)):\n"
        "        opened.append(str(args[0]))\n"
        "sys.addaudithook(hook)\n"
        "from factcheck.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        f"    code = main(['check', {str(art)!r}, '--references', {REFS!r}, '--format', 'json',"
        " '--fail-on', 'never'])\n"
        "print(json.dumps({'code': code, 'opened': opened, 'report': json.loads(buf.getvalue())}))\n")
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 0 and "Traceback" not in err, err
    res = json.loads(p.stdout.decode("utf-8").splitlines()[-1])
    assert res["code"] == 0
    assert not [o for o in res["opened"] if "passwd" in o or "shadow" in o or o.startswith("/etc/")]
    from factcheck.ingest.citations import parse_reference

    assert res["report"]["references"][0]["doi"] == parse_reference(f"doi: {evil}").doi == "10.1000/../../etc/passwd?x="
    assert res["report"]["references"][0]["summary_id"] is None


# ---------------------------------------------------------------- references folder problems

@pytest.fixture
def refs_copy(tmp_path):
    d = tmp_path / "refs"
    shutil.copytree(REFS, d)
    return d


def test_malformed_yaml_is_reported_and_the_other_summaries_still_work(capsys, refs_copy):
    bad = refs_copy / "broken.yaml"
    bad.write_text("id: broken\ntitle: [unclosed\n  doi: x: y\n", encoding="utf-8")
    code, out, err = run(capsys, "check", S002, "--references", refs_copy, "--format", "json", "--fail-on", "never")
    assert code == 0
    assert re.search(rf"{re.escape(str(bad))}:line \d+: malformed YAML", err), err
    doc = json.loads(out)
    assert [r["summary_id"] for r in doc["references"]] == ["zang2022", "chin2025"]
    code, out, err = run(capsys, "references", "validate", refs_copy)
    assert code == 1 and f"{bad}:line" in out


def test_python_object_tag_is_refused_by_safe_loading(capsys, refs_copy, tmp_path):
    marker = tmp_path / "pwned"
    evil = refs_copy / "evil.yaml"
    evil.write_text(f"id: evil\ntitle: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    (refs_copy / "evil2.yaml").write_text("!!python/object:factcheck.papers.summaries.Store {}\n", encoding="utf-8")
    code, out, err = run(capsys, "check", S002, "--references", refs_copy, "--format", "json", "--fail-on", "never")
    assert code == 0 and not marker.exists()
    assert f"{evil}:" in err and "python/object" in err
    code, out, _ = run(capsys, "references", "validate", refs_copy)
    assert code == 1 and f"{evil}:" in out and "evil2.yaml:" in out
    assert not marker.exists()


def test_summary_with_wrong_types(capsys, refs_copy):
    f = refs_copy / "types.yaml"
    f.write_text("id: types\ntitle: T\nyear: soon\nfindings: 3\npopulation: {n: many}\n", encoding="utf-8")
    (refs_copy / "list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    code, out, err = run(capsys, "check", S002, "--references", refs_copy, "--fail-on", "never")
    assert code == 0
    for fld in ("year", "findings", "population.n"):
        assert f"{f}:{fld}: " in err, err
    code, out, _ = run(capsys, "references", "validate", refs_copy)
    assert code == 1
    assert f"{f}:year: " in out and "list.yaml:-: expected a mapping" in out


def test_symlink_out_of_the_references_folder(capsys, refs_copy, tmp_path):
    outside = tmp_path / "outside.yaml"
    shutil.copy(refs_copy / "zang2022.yaml", outside)
    (refs_copy / "zang2022.yaml").unlink()
    (refs_copy / "sneaky.yaml").symlink_to(outside)
    code, out, err = run(capsys, "check", S002, "--references", refs_copy, "--format", "json", "--fail-on", "never")
    assert code == 0 and "sneaky.yaml" in err and "outside" in err
    assert json.loads(out)["references"][0]["summary_id"] is None
    code, out, _ = run(capsys, "references", "validate", refs_copy)
    assert code == 1 and "sneaky.yaml:-: symlink points outside" in out


def test_duplicate_dois_in_the_references_folder(capsys, refs_copy):
    text = (refs_copy / "zang2022.yaml").read_text(encoding="utf-8")
    (refs_copy / "zang2022-copy.yaml").write_text(re.sub(r"(?m)^id: .*$", "id: zang2022-copy", text),
                                                  encoding="utf-8")
    code, out, _ = run(capsys, "references", "validate", refs_copy)
    assert code == 1
    assert re.search(r":doi: duplicate of .*\(10\.1186/s13287-022-02848-6\)", out), out


def test_references_folder_that_does_not_exist(capsys, tmp_path):
    missing = tmp_path / "no-refs"
    code, _out, err = run(capsys, "check", S002, "--references", missing)
    assert code == 2 and str(missing) in err and "not found" in err
    code, _out, err = run(capsys, "references", "validate", missing)
    assert code == 2 and str(missing) in err


# ---------------------------------------------------------------- output problems

def test_read_only_output_folder(capsys, tmp_path):
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    out_dir.chmod(0o555)
    try:
        if os.access(out_dir, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable (see the file-as-folder test)")
        code, _out, err = run(capsys, "check", S002, "--references", REFS, "--format", "json,markdown",
                              "--output", f"{out_dir}/")
        assert code == 2 and str(out_dir) in err and "cannot write" in err
        assert list(out_dir.iterdir()) == []
    finally:
        out_dir.chmod(0o755)


def test_output_folder_under_a_file(capsys, tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "reports"
    code, out, err = run(capsys, "check", S002, "--references", REFS, "--format", "json,markdown",
                         "--output", f"{target}/")
    assert code == 2 and str(target) in err and "output folder" in err
    assert blocker.read_text(encoding="utf-8") == "x"
    code, out, err = run(capsys, "check", S002, "--references", REFS, "--format", "json",
                         "--output", target / "r.json")
    assert code == 2 and "does not exist" in err


def test_output_file_in_a_missing_folder_fails_before_checking(capsys, tmp_path):
    code, out, err = run(capsys, "check", S002, "--references", REFS, "--format", "json",
                         "--output", tmp_path / "nope" / "r.json")
    assert code == 2 and "does not exist" in err and out == ""


# ---------------------------------------------------------------- several files, some bad

def test_one_bad_file_does_not_stop_the_others(capsys, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "check", S002, bad, tmp_path / "missing.txt", binary, S003,
                         "--references", REFS, "--format", "json", "--fail-on", "never", "--table")
    assert code == 2
    docs = json.loads(out)
    assert [d["source"] for d in docs] == [str(S002), str(S003)]
    for p in (bad, tmp_path / "missing.txt", binary):
        assert any(str(p) in ln and "[FC3" in ln for ln in err.splitlines()), p
    rows = [ln for ln in err.splitlines() if "input error" in ln]
    assert len(rows) == 3


def test_one_bad_file_in_a_real_process(tmp_path):
    bad = tmp_path / "random.txt"
    bad.write_bytes(os.urandom(1000) + b"\x00")
    p = subprocess.run([sys.executable, "-m", "factcheck", "check", str(bad), str(S003), "--references", REFS,
                        "--format", "jsonl"], capture_output=True, cwd=ROOT, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 2 and "Traceback" not in err
    assert f"{bad}: " in err and "FC302" in err
    assert [json.loads(x)["source"] for x in p.stdout.decode("utf-8").splitlines()] == [str(S003)]


# ---------------------------------------------------------------- escaping (Markdown, terminal)

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)" x="',
    "[点这里](javascript:alert(1))",
    "![追踪](https://evil.example/pixel.png)",
    "<iframe src=https://evil.example></iframe>",
    "javascript:alert(document.cookie)",
    "| 破坏 | 表格 |",
    "<https://evil.example/autolink>",
    "`code` **粗体** _斜体_ <!-- 注释 -->",
]


def _hostile_article() -> str:
    lines = [f"研究[1]证实，干细胞能逆转糖尿病，HbA1c下降1.31%{p}。" for p in PAYLOADS]
    return "\n".join(lines) + "\n" + SEED[SEED.index("参考资料"):]


def _assert_markdown_is_inert(md: str):
    assert "<" not in md.replace("&lt;", ""), [ln for ln in md.splitlines() if "<" in ln]
    assert "](" not in md and "![" not in md
    assert not re.search(r"javascript:", md, re.I)
    assert not re.search(r"https?://", md)               # no autolink, nothing to fetch
    assert "<script" not in md and "<img" not in md and "<iframe" not in md
    # every table row keeps its header's column count (no cell broke out of the table)
    width = None
    for ln in md.splitlines():
        if not ln.startswith("|"):
            width = None
            continue
        n = len(re.findall(r"(?<!\\)\|", ln))
        width = width or n
        assert n == width, ln


def test_markdown_escapes_article_text(capsys, tmp_path):
    f = tmp_path / "hostile<b>.txt"
    f.write_text(_hostile_article(), encoding="utf-8")
    code, out, err = check(capsys, f, "--fail-on", "never", fmt="markdown")
    assert code == 0
    assert "逆转" in out
    _assert_markdown_is_inert(out)


def test_markdown_escapes_summary_text(capsys, tmp_path, refs_copy):
    import yaml

    f = refs_copy / "zang2022.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["conclusion"]["text"] = " ".join(PAYLOADS)
    for fnd in data["findings"]:
        fnd["text"] = fnd["text"] + " " + PAYLOADS[4] + PAYLOADS[0]
    data["id"] = "zang`2022<script>"
    f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text(_hostile_article(), encoding="utf-8")
    code, out, err = run(capsys, "check", art, "--references", refs_copy, "--format", "markdown",
                         "--fail-on", "never")
    assert code == 0, err
    assert "zang\\`2022&lt;script&gt;" in out     # the summary id is in the report, escaped
    _assert_markdown_is_inert(out)
    code, out, err = run(capsys, "check", art, "--references", refs_copy, "--format", "markdown",
                         "--fail-on", "never", "--lang", "en")
    _assert_markdown_is_inert(out)


def test_md_escape_unit():
    from factcheck.render.report import md_code, md_escape

    assert md_escape("[a](javascript:alert(1))") == "\\[a\\]\\(javascript&#58;alert\\(1\\)\\)"
    assert md_escape("<b>") == "&lt;b&gt;"
    assert md_escape("a|b\nc") == "a\\|b c"
    assert "://" not in md_escape("see https://x.example")
    assert md_code("zang2022") == "`zang2022`" and md_code("a`b") == "a\\`b"
    assert "\x1b" not in md_escape("x\x1b[2Jy")


def test_terminal_escapes_in_article_text_are_not_sent_raw(capsys, tmp_path):
    f = tmp_path / "esc.txt"
    text = ("研究[1]证实\x1b]0;pwned\x07干细胞能逆转\x1b[2J糖尿病，HbA1c下降1.31%。\n"
            "研究显示‮逆转‬了胰岛素抵抗[1]。\n" + SEED[SEED.index("参考资料"):])
    f.write_text(text, encoding="utf-8")
    for fmt in ("text", "markdown"):
        code, out, err = check(capsys, f, "--fail-on", "never", "--verbose", fmt=fmt)
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, fmt
        assert "\x1b" not in err


def test_no_report_embeds_a_remote_resource(capsys):
    for fmt in ("markdown", "text"):
        code, out, _ = check(capsys, S002, "--fail-on", "never", fmt=fmt)
        assert not re.search(r"!\[|<img|<script|<link|<iframe|@import|url\(", out, re.I), fmt


def test_a_bug_on_one_article_does_not_lose_the_others(capsys, tmp_path, monkeypatch):
    import factcheck.pipeline as pipeline

    real = pipeline.check
    boom = tmp_path / "boom.txt"
    boom.write_text(SEED, encoding="utf-8")

    def flaky(art, store, cfg=None, papers=()):
        if art.source == str(boom):
            raise ValueError("simulated bug")
        return real(art, store, cfg, papers)

    monkeypatch.setattr(pipeline, "check", flaky)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    code = main(["check", str(boom), str(S003), "--references", REFS, "--format", "jsonl", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert f"{boom}: internal error while checking: ValueError: simulated bug" in err
    assert [json.loads(x)["source"] for x in out.splitlines()] == [str(S003)]


def test_three_level_section_numbers(capsys, tmp_path):
    f = tmp_path / "paper.txt"
    f.write_text("胰岛素抵抗研究\n2.1.1. 研究对象\n纳入335例患者。\n", encoding="utf-8")
    code = main(["check", str(f), "--references", REFS, "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 0, err


def test_binary_is_not_taken_for_bomless_utf16():
    # found by the bench author: NUL-interleaved bytes decode as rare Han characters
    from factcheck.ingest.reader import InputError, decode

    with pytest.raises(InputError) as e:
        decode(b"\x00\xff\x00binary" * 200, "blob.bin")
    assert e.value.code == "FC302"
    text, enc, _ = decode("胰岛素抵抗，风险是2.63倍。\n".encode("utf-16-le"), "a.txt")
    assert enc == "utf-16-le" and text.startswith("胰岛素抵抗")


def test_an_abstract_in_words_only_is_a_paper_but_a_scrap_is_refused(capsys, tmp_path):
    # a stored abstract cut before its results, or written in words only, still names the
    # study: its article's numbers are "not in the paper"; a scrap of text is no paper at all
    art = tmp_path / "a.txt"
    art.write_text("一项发表在《经济行为与组织杂志》的研究发现，退休后记忆力下降更快。研究纳入了1.2万名老人。\n",
                   encoding="utf-8")
    words = tmp_path / "words.txt"
    words.write_text("Title: Retirement and cognitive decline\nJournal: Journal of Economic Behavior and Organization\n\n"
                     "Background: We examine whether retirement affects memory in older adults. Methods: We used "
                     "panel data and an instrumental variable design on pension reforms. Results: Retirement was "
                     "followed by a faster decline in delayed recall among men but not among women.\n", encoding="utf-8")
    code = main(["check", str(art), "--paper", str(words), "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [v["verdict"] for c in json.loads(out)["claims"] for v in c["mention_verdicts"]] == ["not_in_source"]
    scrap = tmp_path / "scrap.txt"
    scrap.write_text("Title: A\n\nhello world\n", encoding="utf-8")
    code = main(["check", str(art), "--paper", str(scrap), "--fail-on", "never"])
    _out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and f"{scrap}: no numbers found to check against" in err
    # an evaluation set naming that scrap as an article's abstract stops with the same line
    gold = tmp_path / "set"
    (gold / "articles").mkdir(parents=True)
    (gold / "abstracts").mkdir()
    shutil.copy(art, gold / "articles" / "x-01.txt")
    shutil.copy(scrap, gold / "abstracts" / "p.txt")
    (gold / "sources.jsonl").write_text(json.dumps({"doc": "x-01", "paper": "p"}) + "\n", encoding="utf-8")
    (gold / "verdicts.jsonl").write_text(json.dumps({"doc": "x-01", "line": 1, "surface": "1.2万名",
                                                     "verdict": "not_in_source"}) + "\n", encoding="utf-8")
    code = main(["eval", "--gold", str(gold), "--what", "verdicts", "--quiet"])
    _out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err and "p.txt: no numbers found to check against" in err
