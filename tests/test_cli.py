"""The ``factcheck`` command on the seed articles: exit codes, formats, --output, --lang, rules.

Most runs call ``factcheck.cli.main`` in-process (jieba and the summaries load once per test session);
a few go through a real subprocess (``python -m factcheck``, stdin).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
REFS = str(ROOT / "references")
S002 = str(next(CORPUS.glob("002_*.txt")))
PY = sys.executable


def run(capsys, *args, stdin: bytes | None = None, monkeypatch=None):
    """main() in-process: (exit code, stdout, stderr)."""
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


def check_json(capsys, path, *extra):
    code, out, err = run(capsys, "check", path, "--references", REFS, "--format", "json", "--fail-on", "never",
                         *extra)
    assert code == 0, err
    return json.loads(out)


def subproc(*args, stdin: bytes | None = None, timeout=120):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("FACTCHECK_DEBUG", None)
    p = subprocess.run([PY, "-m", "factcheck", *map(str, args)], input=stdin, capture_output=True,
                       cwd=ROOT, env=env, timeout=timeout)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


# ---------------------------------------------------------------- exit codes

@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_exit_codes_follow_fail_on(capsys, seed):
    rep = check_json(capsys, seed)
    sev = {c["severity"] for c in rep["claims"]} | {o["severity"] for o in rep["overstatements"]}
    expected = {"error": 1 if "error" in sev else 0,
                "warning": 1 if sev & {"error", "warning"} else 0,
                "never": 0}
    for fail_on, want in expected.items():
        code, _out, _err = run(capsys, "check", seed, "--references", REFS, "--fail-on", fail_on)
        assert code == want, (fail_on, sev)
    # the seeds are real hype: something in each reaches warning
    assert expected["warning"] == 1


def test_default_fail_on_is_error(capsys):
    rep = check_json(capsys, S002)
    has_error = any(x["severity"] == "error" for x in rep["claims"] + rep["overstatements"])
    code, _o, _e = run(capsys, "check", S002, "--references", REFS)
    assert code == (1 if has_error else 0)


def test_clean_article_exits_0_even_with_fail_on_warning(capsys, tmp_path):
    f = tmp_path / "clean.txt"
    f.write_text("今天天气不错，我们去公园散步。\n晚上一起吃饭吧。\n", encoding="utf-8")
    code, out, _err = run(capsys, "check", f, "--references", REFS, "--fail-on", "warning")
    assert code == 0
    assert str(f) in out


def test_select_only_info_rules_gives_exit_0(capsys):
    code, _o, _e = run(capsys, "check", S002, "--references", REFS, "--select", "FC101", "--fail-on", "warning")
    assert code == 0


# ---------------------------------------------------------------- formats and contract basics

def test_json_offsets_slice_the_decoded_text(capsys):
    for seed in SEEDS:
        rep = check_json(capsys, seed)
        text = seed.read_text(encoding="utf-8")
        assert rep["mentions"], seed
        for m in rep["mentions"]:
            assert text[m["start"]:m["end"]] == m["surface"], m
            assert m["line"] == text.count("\n", 0, m["start"]) + 1
        for c in rep["claims"]:
            assert text[c["start"]:c["end"]] == c["sentence"]
            assert set(c["mention_ids"]) <= {m["id"] for m in rep["mentions"]}
        for o in rep["overstatements"]:
            assert text[o["start"]:o["end"]] == o["surface"], o


def test_offsets_of_a_gbk_copy_index_the_decoded_text(capsys, tmp_path):
    text = Path(S002).read_text(encoding="utf-8")
    f = tmp_path / "gbk.txt"
    f.write_bytes(text.encode("gb18030"))
    rep = check_json(capsys, f)
    assert rep["encoding"] == "gb18030"
    for m in rep["mentions"]:
        assert text[m["start"]:m["end"]] == m["surface"]


def test_jsonl_one_report_per_line(capsys):
    code, out, _ = run(capsys, "check", *SEEDS, "--references", REFS, "--format", "jsonl", "--fail-on", "never")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(SEEDS)
    assert [json.loads(x)["source"] for x in lines] == [str(s) for s in SEEDS]


def test_json_several_articles_is_an_array(capsys):
    code, out, _ = run(capsys, "check", *SEEDS, "--references", REFS, "--format", "json", "--fail-on", "never")
    doc = json.loads(out)
    assert isinstance(doc, list) and len(doc) == len(SEEDS)


def test_unknown_format_and_several_formats_without_a_folder(capsys):
    code, _o, err = run(capsys, "check", S002, "--format", "pdf")
    assert code == 2 and "unknown format" in err
    code, _o, err = run(capsys, "check", S002, "--format", "json,markdown")
    assert code == 2 and "--output FOLDER" in err


def test_usage_errors_exit_2(capsys):
    assert main(["check"]) == 2
    assert main(["check", S002, "--fail-on", "sometimes"]) == 2
    assert main([]) == 2
    assert main(["check", S002, "--max-bytes", "0"]) == 2
    assert main(["check", S002, "--max-bytes", "lots"]) == 2
    _out, err = capsys.readouterr()
    assert "--max-bytes must be a positive number" in err and "Traceback" not in err


# ---------------------------------------------------------------- --output

def test_output_refuses_a_file_factcheck_did_not_write(capsys, tmp_path):
    target = tmp_path / "notes.json"
    target.write_text("my own notes, not a report\n", encoding="utf-8")
    code, _out, err = run(capsys, "check", S002, "--references", REFS, "--format", "json", "--output", target)
    assert code == 2
    assert str(target) in err and "not written by factcheck" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own notes, not a report\n"
    code, _o, _e = run(capsys, "check", S002, "--references", REFS, "--format", "json", "--output", target,
                       "--force", "--fail-on", "never")
    assert code == 0 and json.loads(target.read_text(encoding="utf-8"))["schema"] == "factcheck.report/1"


@pytest.mark.parametrize("fmt,ext", [("json", "json"), ("jsonl", "jsonl"), ("markdown", "md"), ("text", "txt"),
                                     ("html", "html")])
def test_output_overwrites_its_own_report(capsys, tmp_path, fmt, ext):
    target = tmp_path / f"report.{ext}"
    for _ in range(2):
        code, out, err = run(capsys, "check", S002, "--references", REFS, "--format", fmt, "--output", target,
                             "--fail-on", "never")
        assert code == 0, err
        assert out == "" or "article" in out      # the report went to the file
    assert target.stat().st_size > 100
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".factcheck-")]


def test_output_never_writes_through_a_symlink(capsys, tmp_path):
    real = tmp_path / "real.json"
    real.write_text('{"schema": "factcheck.report/1"}', encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _o, err = run(capsys, "check", S002, "--references", REFS, "--format", "json", "--output", link)
    assert code == 2 and "not written by factcheck" in err


def test_make_check_style_run_writes_json_and_markdown_per_article(capsys, tmp_path):
    out_dir = tmp_path / "reports"
    for _ in range(2):     # the second run overwrites its own files
        code, out, err = run(capsys, "check", *SEEDS, "--references", REFS, "--format", "json,markdown",
                             "--output", f"{out_dir}/", "--fail-on", "never")
        assert code == 0, err
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == sorted([f"{s.stem}.json" for s in SEEDS] + [f"{s.stem}.md" for s in SEEDS])
    header = out.splitlines()[0].split()
    assert header[0] == "article" and "mismatch" in header and "overstatements" in header
    for s in SEEDS:
        row = next(line for line in out.splitlines() if line.startswith(str(s)))
        assert len(row.split()) == len(header)
        rep = json.loads((out_dir / f"{s.stem}.json").read_text(encoding="utf-8"))
        assert rep["source"] == str(s)
        assert (out_dir / f"{s.stem}.md").read_text(encoding="utf-8").startswith("# factcheck:")


def test_output_folder_two_articles_with_the_same_name(capsys, tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "post.txt").write_text(Path(S002).read_text(encoding="utf-8"), encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _o, err = run(capsys, "check", tmp_path / "a" / "post.txt", tmp_path / "b" / "post.txt",
                        "--references", REFS, "--format", "json", "--output", f"{out_dir}/", "--fail-on", "never")
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["post-2.json", "post.json"]


# ---------------------------------------------------------------- --lang, --select, --ignore

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|（[^）]*）|\([^)]*\)")


def test_lang_en_gives_english_messages(capsys):
    zh = check_json(capsys, S002)
    en = check_json(capsys, S002, "--lang", "en")
    msgs_en = [x["message"] for x in en["claims"] + en["overstatements"]]
    msgs_zh = [x["message"] for x in zh["claims"] + zh["overstatements"]]
    assert msgs_en and len(msgs_en) == len(msgs_zh)
    for m in msgs_en:
        bare = QUOTED.sub("", m)
        assert re.search(r"[A-Za-z]{4,}", bare), m
        assert "原文" not in bare and "文中" not in bare, m
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", QUOTED.sub("", m))) for m in msgs_zh) >= len(msgs_zh) // 2
    code, out, _ = run(capsys, "check", S002, "--references", REFS, "--lang", "en", "--fail-on", "never")
    assert "mentions" in out and "claims:" in out


def test_select_and_ignore(capsys):
    full = check_json(capsys, S002)
    rules = {x["rule"] for x in full["claims"] + full["overstatements"]}
    assert any(r.startswith("FC1") for r in rules) and any(r.startswith("FC2") for r in rules)
    only1 = check_json(capsys, S002, "--select", "FC1")
    assert only1["overstatements"] == [] and only1["claims"]
    assert all(c["rule"].startswith("FC1") for c in only1["claims"])
    no2 = check_json(capsys, S002, "--ignore", "FC2")
    assert no2["overstatements"] == [] and len(no2["claims"]) == len(full["claims"])
    one = sorted(r for r in rules if r.startswith("FC2"))[0]
    without = check_json(capsys, S002, "--ignore", one)
    got = {x["rule"] for x in without["claims"] + without["overstatements"]}
    assert one not in got and got == rules - {one}
    both = check_json(capsys, S002, "--select", "FC1,FC2", "--ignore", "FC10")
    assert not any(x["rule"].startswith("FC10") for x in both["claims"] + both["overstatements"])


# ---------------------------------------------------------------- the real process

def test_python_dash_m_factcheck_and_stdin():
    code, out, err = subproc("--version")
    assert code == 0 and out.startswith("factcheck ")
    data = Path(S002).read_bytes()
    code, out, err = subproc("check", "-", "--references", REFS, "--format", "json", "--fail-on", "never",
                             stdin=data)
    assert code == 0, err
    assert "Traceback" not in err
    rep = json.loads(out)
    assert rep["source"] == "<stdin>"
    text = data.decode("utf-8")
    assert rep["mentions"] and all(text[m["start"]:m["end"]] == m["surface"] for m in rep["mentions"])
    assert [r["doi"] for r in rep["references"]] == ["10.1186/s13287-022-02848-6", "10.2147/dmso.s507801"]


def test_command_line_exit_keeps_output_exit_code_and_exit_handlers(capsys, tmp_path):
    """run() leaves without the interpreter's teardown: everything printed still arrives, the
    exit code is main()'s, and atexit handlers (logging, multiprocessing, temp folders) run."""
    code, out, err = subproc("check", *SEEDS, "--references", REFS, "--format", "jsonl", "--fail-on", "error")
    assert main(["check", *map(str, SEEDS), "--references", REFS, "--format", "jsonl", "--fail-on", "error"]) == code
    def timeless(jsonl: str) -> list:
        reps = [json.loads(line) for line in jsonl.splitlines()]
        for r in reps:
            r["stats"].pop("seconds")
        return reps

    in_process = capsys.readouterr().out
    assert code == 1 and timeless(out) == timeless(in_process)     # all of it, through a pipe
    marker = tmp_path / "atexit-ran"
    script = ("import atexit, sys; from pathlib import Path\n"
              f"atexit.register(lambda: Path({str(marker)!r}).write_text('yes'))\n"
              "print('before', flush=False)\n"
              "sys.argv = ['factcheck', 'check', '/nonexistent/draft.txt']\n"
              "from factcheck.cli import run\nrun()\n")
    p = subprocess.run([PY, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 2 and p.stdout == "before\n" and "draft.txt" in p.stderr
    assert "Traceback" not in p.stderr and marker.read_text() == "yes"


def test_stdin_in_process_gbk(capsys, monkeypatch):
    text = Path(S002).read_text(encoding="utf-8")
    code, out, _err = run(capsys, "check", "-", "--references", REFS, "--format", "json", "--fail-on", "never",
                          stdin=text.encode("gb18030"), monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["encoding"] == "gb18030"


def test_references_validate_and_schema(capsys):
    code, out, _ = run(capsys, "references", "validate", REFS)
    assert code == 0 and "no problems" in out
    code, out, _ = run(capsys, "references", "schema")
    assert code == 0 and json.loads(out)["properties"]["id"]
