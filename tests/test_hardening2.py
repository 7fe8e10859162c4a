"""Issue 19 (hardening, round two): each test failed before its fix. Fast and bounded: no
network, no unbounded waits, every server on 127.0.0.1."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REFS = str(ROOT / "references")
SEEDS = sorted(CORPUS.glob("*.txt"))


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "Traceback" not in out
    return code, out, err


def batch(capsys, *args):
    return run(capsys, "batch", *args, "--references", REFS, "--jobs", "1", "--no-progress")


# ---------------------------------------------------------------- 2: CSV injection

def test_item02_csv_cells_never_start_a_formula(tmp_path, capsys):
    """Titles and sentences that begin with = + - @ (or a tab / CR) are neutralised with a
    leading apostrophe, as OWASP advises; plain numbers (-0.5) are left as numbers."""
    import csv

    arch = tmp_path / "arch"
    arch.mkdir()
    body = SEEDS[1].read_text("utf-8")
    (arch / "a.txt").write_text('=HYPERLINK("http://evil.example")\n\n' + body, "utf-8")
    (arch / "b.txt").write_text("@SUM(1+1)*cmd|' /C calc'\n\n" + body, "utf-8")
    out = tmp_path / "out"
    code, _o, _e = batch(capsys, arch, "--out", out)
    assert code == 0
    for name in ("articles", "claims", "overstatements", "errors"):
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell[:1] in ("=", "+", "@", "\t", "\r"), (name, cell)
                    if cell.startswith("-"):
                        float(cell)     # only a plain negative number may start with a minus
    with open(out / "articles.csv", encoding="utf-8-sig", newline="") as fh:
        titles = {r["id"]: r["title"] for r in csv.DictReader(fh)}
    assert titles["a"].startswith("'=HYPERLINK") and titles["b"].startswith("'@SUM")
    import pandas as pd

    assert pd.read_parquet(out / "articles.parquet").set_index("id")["title"]["a"].startswith("=HYPERLINK")


def test_item02_csv_safe_unit():
    from factcheck.batch import csv_safe

    assert csv_safe("=1+2") == "'=1+2" and csv_safe("+86 10") == "'+86 10" and csv_safe("@x") == "'@x"
    assert csv_safe("-x") == "'-x" and csv_safe("\t=x") == "'\t=x" and csv_safe("\r=x") == "'\r=x"
    assert csv_safe("-0.5") == "-0.5" and csv_safe("-3") == "-3" and csv_safe("ok") == "ok"
    assert csv_safe("-1+cmd|x") == "'-1+cmd|x" and csv_safe(None) is None and csv_safe("") == ""


# ---------------------------------------------------------------- 15: batch options as check's

@pytest.mark.parametrize("value", ["-5", "0"])
def test_item15_batch_refuses_a_non_positive_max_bytes(tmp_path, capsys, value):
    out = tmp_path / "out"
    code, _o, err = batch(capsys, SEEDS[1], "--out", out, "--max-bytes", value)
    assert code == 2 and "--max-bytes" in err and "positive" in err
    assert not out.exists()


# ---------------------------------------------------------------- 16: one escaping function

EVIL = "x\x1b[31m\u202eevil"


def test_item16_batch_escapes_paths_in_messages(tmp_path, capsys):
    refs = tmp_path / "refs"
    shutil.copytree(REFS, refs)
    (refs / f"{EVIL}.yaml").write_text("id: [broken\n", "utf-8")
    arch = tmp_path / EVIL
    arch.mkdir()
    shutil.copy(SEEDS[1], arch / f"{EVIL}.txt")
    out = tmp_path / f"out{EVIL}"
    code = main(["batch", str(arch), "--out", str(out), "--references", str(refs), "--jobs", "1", "--no-progress"])
    o, err = capsys.readouterr()
    assert code == 0
    for stream in (o, err):
        assert "\x1b" not in stream and "\u202e" not in stream
    assert "\\x1b" in err and "\\u202e" in err
    code = main(["batch", str(tmp_path / f"missing{EVIL}"), "--out", str(tmp_path / "o2"), "--references", REFS])
    err = capsys.readouterr().err
    assert code == 2 and "\x1b" not in err and "\\x1b" in err


def test_item16_references_validate_escapes_paths(tmp_path, capsys):
    refs = tmp_path / f"refs{EVIL}"
    refs.mkdir()
    (refs / f"{EVIL}.yaml").write_text("id: [broken\n", "utf-8")
    code = main(["references", "validate", str(refs)])
    out, err = capsys.readouterr()
    assert code == 1
    for stream in (out, err):
        assert "\x1b" not in stream and "\u202e" not in stream
    assert "\\x1b" in out
    (refs / f"{EVIL}.yaml").unlink()
    assert main(["references", "validate", str(refs)]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out and "\\x1b" in out


# ---------------------------------------------------------------- 14: one reading of curated

@pytest.mark.parametrize("raw", ['"true"', "'yes'", "1", '"false"'])
def test_item14_curated_must_be_a_yaml_boolean(tmp_path, raw):
    """The store refuses a non-boolean ``curated`` (file:curated: message), and summarize never
    overwrites a file that is not plainly a draft (curated: false or absent), even with --force."""
    from factcheck.papers.summaries import SummaryError, load_summary
    from factcheck.papers.summarize import CuratedFileError, draft_summary, write_summary

    f = tmp_path / "x.yaml"
    original = f"id: x\ntitle: Hand-curated\ncurated: {raw}\n"
    f.write_text(original, "utf-8")
    with pytest.raises(SummaryError) as e:
        load_summary(f)
    assert e.value.problems[0][0] == "curated"
    with pytest.raises(CuratedFileError):
        write_summary(draft_summary("Results: 5% vs 6%."), str(f), force=True)
    assert f.read_text("utf-8") == original


def test_item14_a_draft_is_still_replaced_with_force(tmp_path):
    from factcheck.papers.summarize import draft_summary, write_summary

    f = tmp_path / "x.yaml"
    for raw in ("curated: false\n", ""):
        f.write_text(f"id: x\ntitle: Draft\n{raw}", "utf-8")
        write_summary(draft_summary("Results: 5% vs 6%."), str(f), force=True)
        assert "title: Draft" not in f.read_text("utf-8")


# ---------------------------------------------------------------- 10: summaries that validate but crash

@pytest.mark.parametrize("edit,field", [
    (("value: 91,", "value: .nan,"), "findings.0.values.0.value"),
    (("value: 91,", "value: .inf,"), "findings.0.values.0.value"),
    (("value: 91,", "value: [1, .nan],"), "findings.0.values.0.value"),
    (("  - id:", "  - ci: [.nan, 1]\n    id:"), "findings.0.ci.0"),
    ("authors", "authors.0"),
])
def test_item10_schema_refuses_what_would_crash_a_check(tmp_path, capsys, edit, field):
    """`references validate` passed these and every citing article became an internal error;
    now the schema names file and field, and the article is checked without the summary."""
    import re

    refs = tmp_path / "refs"
    shutil.copytree(REFS, refs)
    f = refs / "zang2022.yaml"
    s = f.read_text("utf-8")
    if edit == "authors":
        s = re.sub(r"^authors:.*\n(?:  - .*\n)*", 'authors: [""]\n', s, count=1, flags=re.M)
    else:
        assert edit[0] in s
        s = s.replace(edit[0], edit[1], 1)
    f.write_text(s, "utf-8")
    code, out, _ = run(capsys, "references", "validate", refs)
    assert code == 1 and f"zang2022.yaml:{field}:" in out, out
    code, out, err = run(capsys, "check", next(CORPUS.glob("002_*.txt")), "--references", refs, "--format", "json",
                         "--fail-on", "never")
    assert "internal error" not in err and code == 0, err
    assert f"zang2022.yaml:{field}:" in err and "summary skipped" in err


@pytest.mark.parametrize("data,field", [
    ({"authors": [""]}, "authors.0"), ({"aliases": ["  "]}, "aliases.0"), ({"journal_aliases": [""]}, "journal_aliases.0"),
    ({"groups": {"a": [""]}}, "groups.a.0"), ({"terms": {"x": [" "]}}, "terms.x.0"),
    ({"findings": [{"id": "f", "text": "t", "measure": "m", "keywords": [""]}]}, "findings.0.keywords.0"),
    ({"findings": [{"id": "f", "text": "t", "measure": "m", "ci": [float("nan"), 1.0]}]}, "findings.0.ci.0"),
    ({"findings": [{"id": "f", "text": "t", "measure": "m", "values": [{"value": float("inf")}]}]},
     "findings.0.values.0.value"),
    ({"not_measured": [""]}, "not_measured.0"),
])
def test_item10_schema_unit(data, field):
    from pydantic import ValidationError

    from factcheck.papers.summaries import Summary

    with pytest.raises(ValidationError) as e:
        Summary.model_validate({"id": "x", "title": "T", **data})
    locs = {".".join(str(x) for x in err["loc"]) for err in e.value.errors()}
    assert any(loc.startswith(field) for loc in locs), locs


# ---------------------------------------------------------------- 11: symlink loops and FIFOs in references/

def _bad_refs(tmp_path, kind):
    refs = tmp_path / "refs"
    shutil.copytree(REFS, refs)
    if kind == "loop":
        os.symlink("loop2.yaml", refs / "loop1.yaml")
        os.symlink("loop1.yaml", refs / "loop2.yaml")
        return refs, "loop1.yaml"
    os.mkfifo(refs / "x.yaml")
    return refs, "x.yaml"


def _bounded(args, timeout=30):
    """The command in a child process: a hang is a failure, not a stuck test run."""
    return subprocess.run([sys.executable, "-m", "factcheck", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


@pytest.mark.parametrize("kind", ["loop", "fifo"])
def test_item11_references_loop_and_fifo(tmp_path, kind):
    if kind == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    refs, name = _bad_refs(tmp_path, kind)
    art = next(CORPUS.glob("002_*.txt"))
    r = _bounded(["references", "validate", refs])
    assert r.returncode == 1 and f"{name}:-:" in r.stdout and "refused" in r.stdout, (r.stdout, r.stderr)
    r = _bounded(["check", art, "--references", refs, "--fail-on", "never"])
    assert r.returncode == 0 and "internal error" not in r.stderr, r.stderr
    assert f"{name}:-:" in r.stderr and "summary skipped" in r.stderr
    r = _bounded(["batch", art, "--out", tmp_path / "out", "--references", refs, "--jobs", "1", "--no-progress"])
    assert r.returncode == 0 and "internal" not in (tmp_path / "out" / "errors.csv").read_text("utf-8-sig"), r.stderr
    assert f"{name}:-:" in r.stderr


# ---------------------------------------------------------------- 13: a user's file that merely holds a marker

S002 = next(CORPUS.glob("002_*.txt"))


@pytest.mark.parametrize("name,content", [
    ("run.sh", "#!/bin/sh\n# factcheck: run it nightly\nfactcheck check a.txt\n"),
    ("notes.sh", "# factcheck: my notes\nrm -rf build\n"),
    ("conf.json", '{"schema": "factcheck.report/1", "mine": "settings I wrote"}\n'),
    ("conf2.json", '{"schema": "factcheck-like", "x": 1}\n'),
    ("list.json", '[{"schema": "factcheck.report/1"}]\n'),
    ("log.txt", "x:1:2: FC101 info a line of my own log\nand more of my log\n"),
    ("notes.md", "# factcheck: notes on the tool\n\nmy own words\n"),
    ("page.html", "<html><!-- factcheck report --><body>mine</body></html>\n"),
    ("lines.jsonl", '{"schema": "factcheck.report/1"}\nnot json\n'),
])
def test_item13_output_never_replaces_a_file_that_merely_holds_a_marker(capsys, tmp_path, name, content):
    target = tmp_path / name
    target.write_text(content, "utf-8")
    fmt = {"sh": "text", "json": "json", "txt": "text", "md": "markdown", "html": "html", "jsonl": "jsonl"}[
        name.rsplit(".", 1)[1]]
    code, _o, err = run(capsys, "check", S002, "--references", REFS, "--format", fmt, "--output", target,
                        "--fail-on", "never")
    assert code == 2 and "not written by factcheck" in err, err
    assert target.read_text("utf-8") == content


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text", "html"])
def test_item13_every_report_factcheck_wrote_is_still_recognised(capsys, tmp_path, fmt):
    from factcheck.cli import _written_by_us

    target = tmp_path / f"r.{fmt}"
    for paths in ([S002], SEEDS):
        target.unlink(missing_ok=True)
        code, _o, err = run(capsys, "check", *paths, "--references", REFS, "--format", fmt, "--output", target,
                            "--fail-on", "never")
        assert code == 0, err
        assert _written_by_us(str(target))


# ---------------------------------------------------------------- 8: long ids and names

def test_item08_long_ids_and_colliding_long_stems(tmp_path, capsys):
    """A manifest id of 100 Han characters and two 83-character stems that collide: the run
    completes, every output name fits the file system (a hash suffix keeps them unique), and
    --resume finds the same names."""
    arch = tmp_path / "arch"
    (arch / "a").mkdir(parents=True)
    (arch / "b").mkdir()
    stem = "长" * 83
    shutil.copy(SEEDS[1], arch / "a" / f"{stem}.txt")
    shutil.copy(SEEDS[2], arch / "b" / f"{stem}.txt")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"path": str(SEEDS[1]), "id": "标" * 100}, ensure_ascii=False) + "\n", "utf-8")
    out = tmp_path / "out"
    code, _o, err = batch(capsys, arch, manifest, "--out", out, "--html")
    assert code == 0, err
    import pandas as pd

    ids = list(pd.read_csv(out / "articles.csv", keep_default_na=False)["id"])
    assert len(ids) == 3 and len(set(ids)) == 3
    for root, _d, files in os.walk(out):
        for f in files:
            assert len(f.encode("utf-8")) <= 200, f
    for aid in ids:
        assert (out / "reports" / f"{aid}.json").exists() and (out / "html" / f"{aid}.html").exists()
    code, _o, err = batch(capsys, arch, manifest, "--out", out, "--html", "--resume")
    assert code == 0 and "3 of 3 articles already done" in err


def test_item08_check_output_folder_names_are_bounded(tmp_path, capsys):
    stem = "长" * 83
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(S002, tmp_path / "a" / f"{stem}.txt")
    shutil.copy(S002, tmp_path / "b" / f"{stem}.txt")
    out = tmp_path / "rep"
    code, o, err = run(capsys, "check", tmp_path / "a", tmp_path / "b", "--references", REFS, "--format", "json,jsonl",
                       "--output", f"{out}/", "--fail-on", "never")
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4 and all(len(n.encode()) <= 200 for n in names), names


# ---------------------------------------------------------------- 9: the output folder is never an input

@pytest.mark.parametrize("how", ["folder", "glob"])
def test_item09_out_inside_the_input_folder(tmp_path, capsys, how):
    arch = tmp_path / "arch"
    arch.mkdir()
    for p in SEEDS:
        shutil.copy(p, arch / p.name)
    out = arch / "out"
    inp = str(arch) if how == "folder" else str(arch / "**")
    for resume in ((), ("--resume",), ("--resume",)):
        code, _o, err = batch(capsys, inp, "--out", out, "--html", *resume)
        assert code == 0, err
        import pandas as pd

        assert len(pd.read_csv(out / "articles.csv")) == len(SEEDS)
        assert len(pd.read_csv(out / "errors.csv")) == 0


# ---------------------------------------------------------------- 3: .docx that expands without limit

def _docx_with(tmp_path, name: str, member: str, size: int, data: bytes = None) -> Path:
    """A real .docx with one member replaced by ``size`` bytes of highly compressible XML."""
    import zipfile

    import docx

    src = tmp_path / "src.docx"
    d = docx.Document()
    d.add_paragraph("研究显示，HbA1c 下降了 1.2%。")
    d.save(src)
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == member:
                head = zin.read(member)
                pad = b"<!--" + b" " * size + b"-->"
                zout.writestr(info, head.replace(b"?>", b"?>" + pad, 1) if data is None else data)
            else:
                zout.writestr(info, zin.read(info.filename))
        if member not in zin.namelist():
            zout.writestr(member, b"\0" * size if data is None else data)
    return out


def test_item03_docx_bomb_is_refused_before_it_expands(tmp_path, capsys):
    import tracemalloc

    from factcheck.ingest.reader import InputError, read_article

    bomb = _docx_with(tmp_path, "bomb.docx", "word/document.xml", 60 * 2**20)
    assert bomb.stat().st_size < 2**20
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as e:
            read_article(str(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert e.value.code in ("FC305", "FC306") and "bomb.docx" in e.value.path
    assert peak < 8 * 2**20, peak
    code, _o, err = run(capsys, "check", bomb, "--references", REFS)
    assert code == 2 and "bomb.docx" in err and "internal error" not in err and ("FC305" in err or "FC306" in err)


def test_item03_docx_total_uncompressed_size_is_capped(tmp_path, capsys):
    """Many members each under the ratio limit still cannot add up past the cap: --max-bytes
    scales it."""
    big = _docx_with(tmp_path, "big.docx", "word/media/blob.bin", 3 * 2**20, data=os.urandom(3 * 2**20))
    code, _o, err = run(capsys, "check", big, "--references", REFS, "--max-bytes", str(500_000))
    assert code == 2 and "big.docx" in err and "FC305" in err, err


def test_item03_an_ordinary_docx_still_reads(tmp_path):
    from factcheck.ingest.reader import read_article

    ok = _docx_with(tmp_path, "ok.docx", "word/document.xml", 1000)
    assert "HbA1c" in read_article(str(ok)).text


# ---------------------------------------------------------------- 7: a full disk stops the run, resumably

@pytest.fixture
def arch3(tmp_path) -> Path:
    a = tmp_path / "arch"
    a.mkdir()
    for p in SEEDS:
        shutil.copy(p, a / p.name)
    return a


def _assert_resumes_clean(capsys, arch, out):
    import pandas as pd

    code, _o, err = batch(capsys, arch, "--out", out, "--resume")
    assert code == 0, err
    t = pd.read_csv(out / "errors.csv")
    assert len(t) == 0, t.to_dict("records")
    assert len(pd.read_csv(out / "articles.csv")) == len(SEEDS)


def test_item07_enospc_in_a_pool_worker_stops_the_run(arch3, tmp_path, capsys, monkeypatch):
    import errno

    from factcheck import batch as fb

    if fb._mp_context() is None:
        pytest.skip("needs fork to hand the patch to the workers")
    real, driver = fb.atomic_write, os.getpid()

    def full_in_workers(path, data, **kw):
        if os.getpid() != driver:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        return real(path, data, **kw)

    monkeypatch.setattr(fb, "atomic_write", full_in_workers)
    out = tmp_path / "out"
    code = main(["batch", str(arch3), "--out", str(out), "--references", REFS, "--jobs", "2", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "No space left on device" in err and "--resume" in err, err
    monkeypatch.setattr(fb, "atomic_write", real)
    _assert_resumes_clean(capsys, arch3, out)


@pytest.mark.parametrize("eno", ["EIO", "EMFILE", "ENOSPC"])
def test_item07_environmental_read_errors_are_not_error_rows(arch3, tmp_path, capsys, monkeypatch, eno):
    import errno

    import factcheck.ingest.reader as ing

    real = ing.read_article

    def failing(path, **kw):
        if path.endswith(SEEDS[1].name):
            raise ing.InputError(path, "FC300", "无法读取 / cannot read: I/O error", getattr(errno, eno))
        return real(path, **kw)

    monkeypatch.setattr(ing, "read_article", failing)
    out = tmp_path / "out"
    code, _o, err = batch(capsys, arch3, "--out", out)
    assert code == 2 and SEEDS[1].name in err and "--resume" in err, err
    monkeypatch.setattr(ing, "read_article", real)
    _assert_resumes_clean(capsys, arch3, out)


# ---------------------------------------------------------------- 5, 6: signals during a batch

DRIVER = '''
import os, signal, sys, time
import factcheck.batch as fb
real = fb.process_one
mode = os.environ["FC_TEST_MODE"]

def slow(path, article_id, references, config_dict, **kw):
    if mode == "stubborn":                  # a worker that ignores SIGTERM and is busy for long
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(60)
    time.sleep(0.3)
    return real(path, article_id, references, config_dict, **kw)

slow.__module__, slow.__qualname__ = "factcheck.batch", "process_one"
fb.process_one = slow
from factcheck.cli import main
sys.exit(main(sys.argv[1:]))
'''


def _children(pid: int) -> set[int]:
    kids = set()
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.add(int(d))
    return kids


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def _start_driver(tmp_path, mode: str, n: int = 12):
    from factcheck.batch import _mp_context

    if _mp_context() is None or not os.path.isdir("/proc"):
        pytest.skip("needs fork and /proc")
    arch = tmp_path / "arch"
    arch.mkdir()
    for i in range(n):
        shutil.copy(SEEDS[i % len(SEEDS)], arch / f"a{i:02d}.txt")
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, "utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, str(script), "batch", str(arch), "--out", str(out), "--jobs", "2", "--no-progress",
           "--references", REFS]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FC_TEST_MODE": mode}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    return proc, cmd, env, out


def _wait_for_workers(proc, out: Path, *, ledger_lines: int) -> set[int]:
    import time

    deadline = time.monotonic() + 60
    led = out / ".state" / "done.jsonl"
    while True:
        assert proc.poll() is None, proc.stderr.read()
        assert time.monotonic() < deadline, "the batch never got going"
        kids = {k for k in _children(proc.pid) if _alive(k)}
        lines = led.read_bytes().count(b"\n") if led.exists() else 0
        if len(kids) >= 2 and lines >= ledger_lines:
            return kids
        time.sleep(0.02)


def _reap(pids) -> None:
    import signal as sg

    for p in pids:
        try:
            os.kill(p, sg.SIGKILL)
        except OSError:
            pass


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGTERM"])
def test_item05_workers_die_with_their_driver_and_resume_is_not_refused(tmp_path, sig):
    import signal as sg
    import time

    proc, cmd, env, out = _start_driver(tmp_path, "slow")
    kids = set()
    try:
        kids = _wait_for_workers(proc, out, ledger_lines=2)
        os.kill(proc.pid, getattr(sg, sig))
        proc.wait(timeout=20)
        deadline = time.monotonic() + 5
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [k for k in kids if _alive(k)], "workers outlived their driver"
        r = subprocess.run([sys.executable, "-m", "factcheck", *cmd[2:], "--resume", "--jobs", "1"],
                           capture_output=True, text=True, env=env, timeout=120)
        assert r.returncode == 0 and "another factcheck batch" not in r.stderr, r.stderr
    finally:
        _reap(kids | {proc.pid})
        proc.wait()


def test_item05_a_stale_lock_file_is_taken_over(tmp_path, capsys):
    """A lock file left behind (its pid long gone, no process holding it) never blocks a run."""
    arch = tmp_path / "arch"
    arch.mkdir()
    shutil.copy(SEEDS[1], arch / "one.txt")
    out = tmp_path / "out"
    assert batch(capsys, arch, "--out", out)[0] == 0
    (out / ".state" / "lock").write_text("pid 999999999\n")
    assert batch(capsys, arch, "--out", out, "--resume")[0] == 0


def test_item06_ctrl_c_ends_within_seconds_even_with_a_stubborn_worker(tmp_path):
    import signal as sg
    import time

    proc, _cmd, _env, out = _start_driver(tmp_path, "stubborn")
    kids = set()
    try:
        kids = _wait_for_workers(proc, out, ledger_lines=0)
        time.sleep(0.5)                         # the workers are inside their 60 s article
        t0 = time.monotonic()
        os.kill(proc.pid, sg.SIGINT)
        try:
            code = proc.wait(timeout=8)
        except subprocess.TimeoutExpired:
            pytest.fail("Ctrl-C did not end the batch within 8 s")
        assert code == 130 and time.monotonic() - t0 < 8
        assert "interrupted" in proc.stderr.read().decode()
        deadline = time.monotonic() + 3
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [k for k in kids if _alive(k)]
    finally:
        _reap(kids | {proc.pid})
        proc.wait()


# ---------------------------------------------------------------- 4: inline directives are visible, and can be ignored

def test_item04_suppressed_findings_are_counted_and_listed(tmp_path, capsys):
    plain = tmp_path / "plain.txt"
    plain.write_text(S002.read_text("utf-8"), "utf-8")
    code, out, _ = run(capsys, "check", plain, "--references", REFS, "--format", "json", "--fail-on", "never")
    base = json.loads(out)
    n = len(base["claims"]) + len(base["overstatements"])
    hidden = len([c for c in base["claims"] if c["rule"].startswith(("FC1", "FC2"))]) + len(
        [o for o in base["overstatements"] if o["rule"].startswith(("FC1", "FC2"))])
    assert n > 0 and hidden == n
    f = tmp_path / "a.txt"
    f.write_text("<!-- factcheck-disable FC1 FC2 -->\n" + S002.read_text("utf-8"), "utf-8")
    code, out, _ = run(capsys, "check", f, "--references", REFS, "--format", "json", "--fail-on", "error")
    doc = json.loads(out)
    assert code == 0 and doc["claims"] == [] and doc["overstatements"] == []
    assert doc["stats"]["suppressed"] == n and len(doc["suppressed"]) == n
    s0 = doc["suppressed"][0]
    assert s0["rule"].startswith("FC") and s0["directive"] == "factcheck-disable" and s0["directive_line"] == 1
    assert any("suppressed" in x and str(n) in x for x in doc["notes"])
    code, out, _ = run(capsys, "check", f, "--references", REFS, "--format", "text", "--fail-on", "never")
    assert f"{n}" in out and "suppressed" in out and "--no-inline-config" in out
    # a gate ignores the directives
    code, out, _ = run(capsys, "check", f, "--references", REFS, "--format", "json", "--no-inline-config",
                       "--fail-on", "error")
    doc = json.loads(out)
    assert len(doc["claims"]) + len(doc["overstatements"]) == n and doc["stats"].get("suppressed", 0) == 0
    assert code == (0 if not any(c["severity"] == "error" for c in doc["claims"] + doc["overstatements"]) else 1)


def test_item04_disable_line_is_listed_and_batch_takes_the_flag(tmp_path, capsys):
    import pandas as pd

    text = S002.read_text("utf-8")
    code, out, _ = run(capsys, "check", S002, "--references", REFS, "--format", "json", "--fail-on", "never")
    first = json.loads(out)["overstatements"][0]
    lines = text.split("\n")
    lines[first["line"] - 1] += f" <!-- factcheck-disable-line {first['rule']} -->"
    arch = tmp_path / "arch"
    arch.mkdir()
    (arch / "a.txt").write_text("\n".join(lines), "utf-8")
    for flag, expect in (((), 1), (("--no-inline-config",), 0)):
        out = tmp_path / f"out{len(flag)}"
        code, _o, err = batch(capsys, arch, "--out", out, *flag)
        assert code == 0, err
        rep = json.loads((out / "reports" / "a.json").read_text("utf-8"))
        assert len(rep["suppressed"]) == expect
        if expect:
            assert rep["suppressed"][0]["directive"] == "factcheck-disable-line"
            assert "suppressed" in pd.read_csv(out / "articles.csv")["notes"][0]


# ---------------------------------------------------------------- 12: many summaries stay fast

WORDS = ("insulin resistance stem cell therapy diabetes pregnancy loss randomized trial cohort vitamin outcome "
         "metabolic glucose women men children effect treatment risk analysis mesenchymal umbilical cord "
         "recurrent miscarriage decidual progesterone luteal support fertility embryo transfer").split()


def _titles(n: int, seed: int = 7) -> list[str]:
    import random

    rnd = random.Random(seed)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 14))) + f" study {i}" for i in range(n)]


def _brute(store, title: str):
    """The resolution as it was: every stored title through difflib."""
    import difflib

    from factcheck.papers.summaries import TITLE_FRAGMENT_MIN_SHARE, TITLE_MATCH_THRESHOLD, _title_weight, normalize_title

    nt = normalize_title(title)
    if nt in store.by_title:
        return store.by_title[nt]
    best, score = None, 0.0
    for cand, sid in store.by_title.items():
        if _title_weight(cand) > 20 and (cand in nt or (nt in cand and len(nt) >= TITLE_FRAGMENT_MIN_SHARE * len(cand))):
            return sid
        r = difflib.SequenceMatcher(None, nt, cand).ratio()
        if r > score:
            best, score = sid, r
    return best if score >= TITLE_MATCH_THRESHOLD else None


def test_item12_title_resolution_is_indexed(monkeypatch):
    """References without a DOI against 600 summaries (past INDEX_TITLES_FROM): the same answers
    as comparing every title, with difflib run on a bounded number of candidates (was: every
    title, per reference: 30 references x 10,000 summaries took two minutes)."""
    import difflib
    import random

    from factcheck.papers.summaries import Store, Summary

    titles = _titles(600)
    st = Store()
    for i, t in enumerate(titles):
        st.add(Summary(id=f"s{i}", title=t))
    rnd = random.Random(3)
    queries = []
    for i in rnd.sample(range(600), 5):
        t = titles[i]
        queries.append(t[:5] + "x" + t[6:])                     # one typo
        queries.append(f"Zhang W, et al. {t}. Diabetes Care. 2021;44:1-9.")   # the title inside an entry
        queries.append(" ".join(rnd.choice(WORDS) for _ in range(9)) + " unrelated")
    calls = {"n": 0}
    real = difflib.SequenceMatcher

    class Counting(real):
        def __init__(self, *a, **kw):
            calls["n"] += 1
            super().__init__(*a, **kw)

    expected = [_brute(st, q) for q in queries]
    monkeypatch.setattr(difflib, "SequenceMatcher", Counting)
    got = [st.resolve(title=q).summary_id for q in queries]
    assert got == expected
    assert calls["n"] <= 60 * len(queries), calls["n"]


def test_item12_large_folders_load_from_an_index_cache(tmp_path, monkeypatch):
    import yaml

    import factcheck.core.datafiles as dfs
    from factcheck.papers.summaries import LAZY_FROM, Store

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    refs = tmp_path / "refs"
    refs.mkdir()
    n = LAZY_FROM + 50
    for i, t in enumerate(_titles(n)):
        (refs / f"s{i}.yaml").write_text(yaml.safe_dump({"id": f"s{i}", "title": t, "doi": f"10.9999/x.{i}",
                                                         "findings": [{"id": "f1", "text": "t", "measure": "m"}]}),
                                         "utf-8")
    calls = {"n": 0}
    real = dfs.safe_load

    def counting(text):
        calls["n"] += 1
        return real(text)

    monkeypatch.setattr(dfs, "safe_load", counting)
    first = Store.load(refs)
    assert calls["n"] == n and len(first.summaries) == n
    calls["n"] = 0
    second = Store.load(refs)
    assert calls["n"] == 0                                  # every file indexed from the cache
    assert second.resolve(doi="10.9999/x.7").summary_id == "s7"
    assert second.get("s7").findings[0].id == "f1" and calls["n"] == 1
    (refs / "s8.yaml").write_text("id: s8\ntitle: [broken\n", "utf-8")
    calls["n"] = 0
    third = Store.load(refs)
    assert calls["n"] == 1 and [e.path for e in third.errors] == [str(refs / "s8.yaml")]
    assert "s8" not in third.summaries and third.get("s9").id == "s9"


# ---------------------------------------------------------------- 17: fetch against hostile or broken servers

from conftest_http import (ZANG_DOI, Reply, crossref_server, crossref_work, epmc_server,  # noqa: E402,F401
                           europepmc_hit, no_internet)

SEARCH = "/europepmc/webservices/rest/search"


@pytest.fixture
def client_for(tmp_path, epmc_server, crossref_server, no_internet):
    from factcheck.papers.sources import Client

    def make(**kw):
        opts = dict(cache_dir=str(tmp_path / "cache"), europepmc_base=epmc_server.base,
                    crossref_base=crossref_server.base, min_interval=0.0, sleep=lambda s: None,
                    timeout=5.0, max_tries=1)
        opts.update(kw)
        return Client(**opts)
    return make


@pytest.fixture
def trickle_server(no_internet):
    """Answers 200 with a JSON body sent one byte every 0.2 s (each read well inside any read
    timeout, the whole never)."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            body = b'{"hitCount": 0, "resultList": {"result": []}}' * 20
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for i in range(len(body)):
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_item17_a_trickling_server_meets_a_total_deadline(tmp_path, trickle_server):
    import time

    from factcheck.papers.sources import Client, FetchTimeout

    c = Client(cache_dir=str(tmp_path / "c"), europepmc_base=trickle_server, crossref_base=trickle_server,
               min_interval=0, sleep=lambda s: None, timeout=1.0, deadline=1.5, max_tries=1)
    t0 = time.monotonic()
    with pytest.raises(FetchTimeout) as e:
        c.fetch("PMID:12345678")
    assert time.monotonic() - t0 < 4 and "12345678" in str(e.value)
    assert not list((tmp_path / "c").glob("*.json"))


@pytest.mark.parametrize("bad", [
    "[" * 200_000 + "]" * 200_000,
    {"hitCount": 1, "resultList": "oops"},
    {"hitCount": 1, "resultList": {"result": "oops"}},
    {"hitCount": 1, "resultList": {"result": [{"pmid": "12345678", "journalInfo": "x"}]}},
    {"hitCount": 1, "resultList": {"result": [{"pmid": "12345678", "authorList": {"author": [{"fullName": 5}]}}]}},
])
def test_item17_bad_answers_are_refused_and_never_cached(client_for, epmc_server, bad):
    from factcheck.papers.sources import BadResponse

    epmc_server.route(SEARCH, [Reply(200, bad), Reply(200, europepmc_hit())])
    with pytest.raises(BadResponse) as e:
        client_for().fetch("PMID:12345678")
    assert "12345678" in str(e.value)
    rec = client_for().fetch("PMID:12345678")          # healthy now: asked again, not a cached crash
    assert rec.title and len(epmc_server.requests_to(SEARCH)) == 2


def test_item17_crossref_date_of_the_wrong_type(client_for, epmc_server, crossref_server):
    from factcheck.papers.sources import BadResponse

    work = crossref_work()
    work["message"]["issued"] = {"date-parts": [["twenty", 5]]}
    crossref_server.route(f"/works/{ZANG_DOI}", [Reply(200, work), Reply(200, crossref_work())])
    with pytest.raises(BadResponse):
        client_for().fetch(ZANG_DOI)
    assert client_for().fetch(ZANG_DOI).year == 2022


def test_item17_an_answer_already_cached_and_now_rejected_is_asked_again(client_for, epmc_server, tmp_path):
    import hashlib

    import requests

    epmc_server.route(SEARCH, Reply(200, europepmc_hit()))
    c = client_for()
    url = requests.Request("GET", f"{epmc_server.base}/search", params={
        "query": "EXT_ID:12345678 AND SRC:MED", "resultType": "core", "format": "json"}).prepare().url
    key = hashlib.sha256(url.encode()).hexdigest()
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{key}.json").write_text(json.dumps({"url": url, "status": 200, "body": {
        "hitCount": 1, "resultList": "cached by an older version"}, "fetched": "2026-01-01T00:00:00+00:00"}))
    assert c.fetch("PMID:12345678").title and len(epmc_server.requests_to(SEARCH)) == 1


def test_item17_a_huge_answer_is_capped_while_streaming(client_for, epmc_server, tmp_path):
    from factcheck.papers.sources import BadResponse

    epmc_server.route(SEARCH, Reply(200, b'{"x": "' + b"a" * (3 * 2**20) + b'"}'))
    with pytest.raises(BadResponse, match="too large"):
        client_for(max_response_bytes=2**20).fetch("PMID:12345678")
    assert not list((tmp_path / "cache").glob("*.json"))


def test_item17_service_urls_from_the_environment_and_one_bad_id_skips_nothing(
        tmp_path, capsys, monkeypatch, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, {"hitCount": 1, "resultList": "oops"}), query_contains="11111111")
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()), query_contains="12345678")
    monkeypatch.setenv("FACTCHECK_EUROPEPMC_URL", epmc_server.base)
    monkeypatch.setenv("FACTCHECK_CROSSREF_URL", crossref_server.base)
    out = tmp_path / "refs"
    code, o, err = run(capsys, "fetch", "PMID:11111111", "PMID:12345678", "--out", out, "--cache", tmp_path / "c")
    assert code == 2 and "11111111" in err and "unexpected answer" in err and "internal error" not in err
    assert len(list(out.glob("*.yaml"))) == 1 and "12345678" in o
    monkeypatch.setenv("FACTCHECK_EUROPEPMC_URL", "file:///etc/passwd")
    code, _o, err = run(capsys, "fetch", "PMID:12345678", "--out", out)
    assert code == 2 and "FACTCHECK_EUROPEPMC_URL" in err


# ---------------------------------------------------------------- found by the wider fuzzer

@pytest.mark.parametrize("value", ["2022-13-45", "2022-02-30"])
def test_fuzz_a_yaml_date_that_does_not_exist_is_a_summary_problem(tmp_path, capsys, value):
    refs = tmp_path / "refs"
    shutil.copytree(REFS, refs)
    f = refs / "zang2022.yaml"
    f.write_text(f.read_text("utf-8").replace("  - id: sample_size", f"  - source: {value}\n    id: sample_size", 1),
                 "utf-8")
    code, out, _ = run(capsys, "references", "validate", refs)
    assert code == 1 and "zang2022.yaml:-: malformed YAML" in out
    code, _o, err = run(capsys, "check", S002, "--references", refs, "--fail-on", "never")
    assert code == 0 and "internal error" not in err and "summary skipped" in err


def test_fuzz_a_generous_max_bytes_is_not_a_memory_error(tmp_path, capsys, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text(S002.read_text("utf-8"), "utf-8")
    code, _o, err = run(capsys, "check", f, "--references", REFS, "--max-bytes", "99999999999999", "--fail-on", "never")
    assert code == 0 and "internal error" not in err, err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(S002.read_bytes())))
    code, _o, err = run(capsys, "check", "-", "--references", REFS, "--max-bytes", "99999999999999", "--fail-on", "never")
    assert code == 0 and "internal error" not in err, err


def test_fuzz_a_docx_whose_main_part_is_not_a_document(tmp_path, capsys):
    odd = _docx_with(tmp_path, "odd.docx", "word/document.xml", 0,
                     data=b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                          b'wordprocessingml/2006/main"><w:x/></w:document>')
    code, _o, err = run(capsys, "check", odd, "--references", REFS)
    assert code == 2 and "odd.docx" in err and "FC306" in err and "internal error" not in err, err


def test_fuzz_json_lines_stay_one_line_per_report(check_text):
    from factcheck.render.report import to_json, to_jsonl

    rep = check_text("研究显示\u2028有效率为45%\u2029，另\x85一组。\n")
    rep.notes.append("a\u2028b")
    out = to_jsonl([rep, rep])
    assert len(out.splitlines()) == 2 and all(json.loads(ln)["notes"][-1] == "a\u2028b" for ln in out.splitlines())
    assert json.loads(to_json([rep], single=True))["notes"][-1] == "a\u2028b"


def test_fuzz_a_docx_claiming_an_unknown_zip_version(tmp_path, capsys):
    ok = _docx_with(tmp_path, "ok.docx", "word/document.xml", 10)
    data = bytearray(ok.read_bytes())
    i = data.find(b"PK\x01\x02")
    data[i + 6:i + 8] = (246).to_bytes(2, "little")        # "version needed to extract": 24.6
    bad = tmp_path / "v.docx"
    bad.write_bytes(bytes(data))
    code, _o, err = run(capsys, "check", bad, "--references", REFS)
    assert code == 2 and "v.docx" in err and "FC306" in err and "internal error" not in err, err
