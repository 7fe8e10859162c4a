"""factcheck batch: tables, bad inputs as error rows, manifests, ids, resume after SIGKILL, formats."""

from __future__ import annotations

import html as htmllib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.batch import Task, TableSink, expand_inputs, process_one, run_batch
from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
REFS = str(ROOT / "references")
TABLE_NAMES = ("articles", "claims", "overstatements", "errors")


def batch(inputs, out, **kw) -> int:
    kw.setdefault("references", REFS)
    kw.setdefault("jobs", 1)
    kw.setdefault("progress", False)
    return run_batch([str(x) for x in inputs], out_dir=str(out), **kw)


def read_tables(out: Path) -> dict:
    import pandas as pd

    return {n: pd.read_csv(out / f"{n}.csv", keep_default_na=False) for n in TABLE_NAMES}


def leftovers(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".factcheck-")]


def ledger(out: Path) -> list[dict]:
    lines = (out / ".state" / "done.jsonl").read_bytes().split(b"\n")
    out_ = []
    for raw in lines:
        try:
            out_.append(json.loads(raw))
        except ValueError:
            pass            # the empty tail, or a line torn by SIGKILL
    return out_


@pytest.fixture
def archive(tmp_path) -> Path:
    """The seed articles, one duplicated stem in a subfolder, an empty and a binary file."""
    a = tmp_path / "archive"
    (a / "sub").mkdir(parents=True)
    for p in SEEDS:
        shutil.copy(p, a / p.name)
    shutil.copy(SEEDS[0], a / "sub" / SEEDS[0].name)
    (a / "empty.txt").write_bytes(b"")
    (a / "binary.txt").write_bytes(b"\x00\x01\x02PK\xff\xfe" * 500)
    return a


# ---------------------------------------------------------------- tables

def test_folder_batch_tables_and_error_rows(archive, tmp_path, capsys):
    import pandas as pd

    out = tmp_path / "out"
    assert batch([archive], out) == 0
    t = read_tables(out)
    arts, claims, overs, errs = t["articles"], t["claims"], t["overstatements"], t["errors"]
    stem = SEEDS[0].stem
    assert sorted(arts["id"]) == sorted([p.stem for p in SEEDS] + [f"{stem}-2"])
    assert arts["id"].is_unique
    assert set(errs["code"]) == {"FC301", "FC302"} and len(errs) == 2
    assert {Path(p).name for p in errs["path"]} == {"empty.txt", "binary.txt"}
    assert set(arts.columns) >= {"id", "path", "title", "mentions", "claims", "supported", "mismatch",
                                 "not_in_source", "unresolved_reference", "unattributed", "overstatements",
                                 "worst_severity", "seconds", "characters", "extracted_from"}
    assert set(claims.columns) >= {"article_id", "claim_id", "line", "verdict", "severity", "rule", "reference",
                                   "message", "sentence", "paper_value", "finding_id"}
    assert len(claims) == arts["claims"].sum() and len(overs) == arts["overstatements"].sum()
    for v in ("supported", "mismatch", "not_in_source"):
        assert (claims["verdict"] == v).sum() == arts[v].sum()
    # every table also as Parquet, with the same content
    for name in TABLE_NAMES:
        pq = pd.read_parquet(out / f"{name}.parquet")
        assert list(pq.columns) == list(t[name].columns) and len(pq) == len(t[name])
    pq = pd.read_parquet(out / "claims.parquet")
    assert list(pq["claim_id"]) == list(claims["claim_id"])
    # the summary
    s = json.loads((out / "summary.json").read_text("utf-8"))
    assert (s["articles"], s["articles_ok"], s["errors"]) == (6, 4, 2)
    assert s["claims"] == len(claims)
    assert s["mismatch_rate"] == round((claims["verdict"] == "mismatch").sum() / len(claims), 4)
    assert s["verdicts"]["supported"] == (claims["verdict"] == "supported").sum()
    assert sum(s["overstatement_categories"].values()) == len(overs)
    assert s["papers"]["zang2022"]["claims"] == (claims["summary_id"] == "zang2022").sum() > 0
    # one JSON report per article, the contract's
    for aid in arts["id"]:
        rep = json.loads((out / "reports" / f"{aid}.json").read_text("utf-8"))
        assert rep["schema"] == "factcheck.report/1" and len(rep["claims"]) == int(
            arts.loc[arts["id"] == aid, "claims"].iloc[0])
    assert not leftovers(out)
    assert "2 could not be read" in capsys.readouterr().out


def test_unexpected_exception_is_an_error_row(archive, tmp_path, monkeypatch):
    import factcheck.pipeline as pipeline

    real = pipeline.check

    def flaky(article, store, config=None):
        if article.source.endswith(SEEDS[1].name):
            raise RuntimeError("boom in a stage")
        return real(article, store, config)

    monkeypatch.setattr(pipeline, "check", flaky)
    out = tmp_path / "out"
    assert batch([archive], out) == 0
    t = read_tables(out)
    row = t["errors"][t["errors"]["code"] == "internal"]
    assert len(row) == 1 and "RuntimeError: boom in a stage" in row["message"].iloc[0]
    assert len(t["articles"]) == 3         # the others went on


def test_process_one_returns_plain_rows():
    import pickle

    r = process_one(str(SEEDS[1]), "x", REFS, {})
    assert r["status"] == "ok" and r["article"]["id"] == "x" and r["claims"]
    json.dumps({k: v for k, v in r.items()})
    pickle.loads(pickle.dumps(r))
    bad = process_one("/nonexistent/file.txt", "y", REFS, {})
    assert bad["status"] == "error" and bad["error"]["code"] == "FC300"


def test_ids_are_unique_and_deterministic(tmp_path):
    for d in ("a", "b", "c"):
        (tmp_path / d).mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", "utf-8")
    (tmp_path / "b" / "x.txt").write_text("x", "utf-8")
    (tmp_path / "c" / "X.md").write_text("x", "utf-8")
    (tmp_path / "c" / "x-2.txt").write_text("x", "utf-8")
    ids = [t.id for t in expand_inputs([str(tmp_path)])]
    assert ids == ["x", "x-2", "X-3", "x-2-2"]
    assert ids == [t.id for t in expand_inputs([str(tmp_path)])]
    assert [t.id for t in expand_inputs([str(tmp_path / "*" / "*.txt")])] == ["x", "x-2", "x-2-2"]


# ---------------------------------------------------------------- manifests

def test_csv_and_jsonl_manifests(tmp_path, monkeypatch):
    m = tmp_path / "m"
    (m / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], m / "sub" / "a.txt")
    shutil.copy(SEEDS[1], m / "b.txt")
    (m / "list.csv").write_text("path,id\nsub/a.txt,first\nb.txt,\nmissing.txt,gone\n", "utf-8")
    (m / "list.jsonl").write_text('{"path": "sub/a.txt", "id": "j1"}\n{"path": "b.txt"}\nnot json\n\n'
                                  f'{{"path": {json.dumps(str(m / "b.txt"))}, "id": "abs"}}\n', "utf-8")
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)            # relative paths resolve against the manifest's folder
    out = tmp_path / "out"
    assert batch([m / "list.csv"], out) == 0
    t = read_tables(out)
    assert list(t["articles"]["id"]) == ["first", "b"]
    assert list(t["errors"]["id"]) == ["gone"] and t["errors"]["code"].iloc[0] == "FC300"
    out2 = tmp_path / "out2"
    assert batch([m / "list.jsonl"], out2) == 0
    t = read_tables(out2)
    assert list(t["articles"]["id"]) == ["j1", "b", "abs"]
    assert len(t["errors"]) == 1 and "JSON" in t["errors"]["message"].iloc[0]


def test_manifest_without_path_column_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "bad.csv").write_text("file,id\na.txt,1\n", "utf-8")
    assert batch([tmp_path / "bad.csv"], tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "bad.csv" in err and "'path' column" in err


# ---------------------------------------------------------------- out folder rules

def test_refuses_to_reuse_an_out_folder_without_resume(archive, tmp_path, capsys):
    out = tmp_path / "out"
    assert batch([archive], out) == 0
    before = (out / "articles.csv").stat().st_mtime_ns
    n_ledger = len(ledger(out))
    capsys.readouterr()
    assert batch([archive], out) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "--resume" in err
    assert (out / "articles.csv").stat().st_mtime_ns == before
    # --resume on a finished run checks nothing again and rebuilds the same tables
    assert batch([archive], out, resume=True) == 0
    assert len(ledger(out)) == n_ledger
    assert "0 to check" in capsys.readouterr().err
    # a folder with someone's articles.csv but no ledger is not ours to overwrite
    other = tmp_path / "other"
    other.mkdir()
    (other / "articles.csv").write_text("mine\n", "utf-8")
    assert batch([archive], other) == 2
    assert (other / "articles.csv").read_text("utf-8") == "mine\n"
    assert "articles.csv" in capsys.readouterr().err


def test_usage_errors_name_the_folder(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert batch([empty], tmp_path / "out") == 2
    assert str(empty) in capsys.readouterr().err
    assert batch([tmp_path / "nope"], tmp_path / "out") == 2
    assert "nope: no such file or folder" in capsys.readouterr().err
    afile = tmp_path / "afile"
    afile.write_text("x", "utf-8")
    assert batch([SEEDS[0]], afile) == 2
    assert f"{afile}: exists and is not a folder" in capsys.readouterr().err
    assert batch([SEEDS[0]], afile / "out") == 2
    assert "cannot write" in capsys.readouterr().err
    assert batch([SEEDS[0]], tmp_path / "o", references=str(tmp_path / "norefs")) == 2
    assert "norefs" in capsys.readouterr().err


# ---------------------------------------------------------------- resume after SIGKILL

def test_resume_after_sigkill_redoes_only_unfinished(tmp_path):
    arch = tmp_path / "arch"
    arch.mkdir()
    for i in range(30):
        src = SEEDS[i % len(SEEDS)]
        shutil.copy(src, arch / f"a{i:02d}_{src.name}")
    (arch / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "factcheck", "batch", str(arch), "--out", str(out), "--jobs", "1",
           "--no-progress", "--references", REFS]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    led = out / ".state" / "done.jsonl"
    deadline = time.monotonic() + 120
    try:
        while True:
            assert proc.poll() is None, "the batch finished before it could be killed"
            assert time.monotonic() < deadline, "no progress in the ledger"
            if led.exists() and led.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    first = ledger(out)
    first_ids = [r["id"] for r in first]
    assert 3 <= len(first) < 31 and len(set(first_ids)) == len(first_ids)
    assert not (out / "articles.csv").exists()        # tables are written only at the end

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert rerun.returncode == 2 and "--resume" in rerun.stderr
    rerun = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, env=env)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(first)} of 31 articles already done, {31 - len(first)} to check" in rerun.stderr

    records = ledger(out)
    ids = [r["id"] for r in records]
    assert len(ids) == 31 and len(set(ids)) == 31             # each article processed exactly once
    assert [r["id"] for r in records if r["run"] == 1] == first_ids
    assert {r["run"] for r in records[len(first):]} == {2}
    t = read_tables(out)
    assert len(t["articles"]) == 30 and t["articles"]["id"].is_unique and len(t["errors"]) == 1
    assert sorted(t["articles"]["id"]) == sorted(p.stem for p in arch.glob("a*.txt"))
    assert list(t["articles"]["id"]) == sorted(t["articles"]["id"])     # input order, not finishing order
    assert not leftovers(out)


# ---------------------------------------------------------------- input formats

def _docx(path: Path, text: str) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in text.split("\n"):
        d.add_paragraph(line)
    d.save(str(path))


def _wechat_html(text: str) -> str:
    paras = "".join(f"<p>{htmllib.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>干细胞与胰岛素抵抗</title>"
            "<script>var SCRIPT_SECRET_123 = 'tracking'; window.alert && 0;</script>"
            "<style>.rich_media{color:#333}</style></head><body>"
            "<nav class='nav'><a href='/'>首页</a> <a href='/more'>NAV_MENU_456 更多文章</a></nav>"
            "<div class='rich_media_area_primary'><h1 class='rich_media_title'>干细胞与胰岛素抵抗</h1>"
            f"<div class='rich_media_content' id='js_content'>\n{paras}</div></div>"
            "<script type='text/javascript'>document.write('SCRIPT_TAIL_789')</script></body></html>")


def test_docx_and_saved_wechat_html(tmp_path, capsys):
    from factcheck.cli import main
    from factcheck.ingest.reader import read_article

    text = SEEDS[1].read_text("utf-8")
    d = tmp_path / "in"
    d.mkdir()
    _docx(d / "draft.docx", text)
    (d / "wechat.html").write_text(_wechat_html(text), "utf-8")
    out = tmp_path / "out"
    assert batch([d], out, html=True) == 0
    t = read_tables(out)
    assert dict(zip(t["articles"]["id"], t["articles"]["extracted_from"])) == {"draft": "docx", "wechat": "html"}
    assert len(t["errors"]) == 0
    capsys.readouterr()
    assert main(["check", str(d / "draft.docx"), str(d / "wechat.html"), "--format", "json",
                 "--references", REFS, "--fail-on", "never"]) == 0
    reports = json.loads(capsys.readouterr().out)
    for path, kind in ((d / "draft.docx", "docx"), (d / "wechat.html", "html")):
        art_text = read_article(str(path)).text
        for rep in (next(r for r in reports if r["source"] == str(path)),
                    json.loads((out / "reports" / f"{path.stem}.json").read_text("utf-8"))):
            assert rep["extracted_from"] == kind
            assert len(rep["mentions"]) >= 10 and rep["claims"]
            for m in rep["mentions"]:
                assert art_text[m["start"]:m["end"]] == m["surface"]
            for o in rep["overstatements"]:
                assert art_text[o["start"]:o["end"]] == o["surface"]
            for c in rep["claims"]:
                assert art_text[c["start"]:c["end"]] == c["sentence"]
        if kind == "html":
            for junk in ("SCRIPT_SECRET_123", "SCRIPT_TAIL_789", "NAV_MENU_456", "window.alert"):
                assert junk not in art_text
        assert "91例" in art_text
    page = (out / "html" / "wechat.html").read_text("utf-8")
    assert "SCRIPT_SECRET" not in page and "<script" not in page.lower()


# ---------------------------------------------------------------- xlsx and html outputs

def test_xlsx_html_index_and_no_partial_files(archive, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "out"
    assert batch([archive], out, xlsx=True, html=True) == 0
    t = read_tables(out)
    wb = load_workbook(out / "tables.xlsx")
    assert set(wb.sheetnames) >= {"articles", "claims", "overstatements", "errors", "summary"}
    for name in TABLE_NAMES:
        assert wb[name].max_row == len(t[name]) + 1
    index = (out / "index.html").read_text("utf-8")
    assert index.startswith("<!-- factcheck report -->")
    for aid in t["articles"]["id"]:
        assert (out / "html" / f"{aid}.html").read_text("utf-8").startswith("<!-- factcheck report -->")
        assert f'href="html/{aid}.html"' in index
    assert not leftovers(out)


def test_xlsx_cells_are_never_formulas(tmp_path):
    from openpyxl import Workbook, load_workbook

    wb = Workbook(write_only=True)
    sink = TableSink(str(tmp_path), "claims", (("message", "str"), ("line", "int")), wb)
    sink.write([{"message": '=HYPERLINK("http://evil.example","点我")', "line": 3},
                {"message": "ok\x07bell", "line": None}])
    sink.close()
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx")["claims"]
    assert ws["A2"].data_type == "s" and ws["A2"].value.startswith("=HYPERLINK")
    assert ws["B2"].value == 3 and ws["B3"].value is None and "\x07" not in ws["A3"].value
    assert (tmp_path / "claims.csv").exists() and (tmp_path / "claims.parquet").exists()
    assert not leftovers(tmp_path)


def test_task_paths_are_absolute_for_workers(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    tasks = expand_inputs(["corpus"])
    assert all(isinstance(t, Task) and os.path.isabs(t.read_path) and not os.path.isabs(t.path) for t in tasks)


def test_resume_warns_when_the_summaries_changed(tmp_path, capsys):
    refs = tmp_path / "refs"
    shutil.copytree(REFS, refs)
    arch = tmp_path / "arch"
    arch.mkdir()
    shutil.copy(SEEDS[1], arch / "one.txt")
    out = tmp_path / "out"
    assert batch([arch], out, references=str(refs)) == 0
    shutil.copy(SEEDS[2], arch / "two.txt")                # a new article, and an edited summary
    victim = sorted(refs.glob("*.yaml"))[0]
    victim.write_text(victim.read_text("utf-8") + "\n# edited\n", "utf-8")
    capsys.readouterr()
    assert batch([arch], out, references=str(refs), resume=True) == 0
    err = capsys.readouterr().err
    assert "1 of 2 articles already done, 1 to check" in err
    assert "changed since the earlier run" in err and str(refs) in err
    assert len(read_tables(out)["articles"]) == 2


def test_a_worker_that_dies_costs_one_error_row(archive, tmp_path, monkeypatch):
    import factcheck.batch as fb

    real = fb.process_one

    def crashy(path, article_id, references, config_dict, **kw):
        if path.endswith(SEEDS[1].name):
            os._exit(3)                    # a segfault or the OOM killer, as the pool sees it
        return real(path, article_id, references, config_dict, **kw)

    crashy.__module__, crashy.__qualname__ = "factcheck.batch", "process_one"   # pickled by name
    monkeypatch.setattr(fb, "process_one", crashy)
    if fb._mp_context() is None:
        pytest.skip("needs the fork start method to hand the patched function to the workers")
    out = tmp_path / "out"
    assert batch([archive], out, jobs=2) == 0
    t = read_tables(out)
    errs = t["errors"].set_index("id")["code"].to_dict()
    assert errs == {SEEDS[1].stem: "crash", "empty": "FC301", "binary": "FC302"}
    assert len(t["articles"]) == 3


def test_progress_bar_only_on_a_terminal():
    import io

    from factcheck.batch import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    plain, tty = io.StringIO(), Tty()
    for stream in (plain, tty):
        bar = Progress(3, True, stream)
        for _ in range(3):
            bar.update()
        bar.close()
    assert plain.getvalue() == ""
    assert "3/3" in tty.getvalue() and tty.getvalue().endswith("\n")


def test_output_folder_full_mid_run(archive, tmp_path, capsys, monkeypatch):
    """ENOSPC during the run (simulated at the write layer: as root, permissions cannot make a
    folder unwritable): a clear message naming the folder, exit 2, no partial files, and the
    finished articles are kept for --resume."""
    import errno

    from factcheck import batch as fb

    real = fb.atomic_write
    calls = {"n": 0}

    def full_after_three(path, data, **kw):
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        return real(path, data, **kw)

    monkeypatch.setattr(fb, "atomic_write", full_after_three)
    out = tmp_path / "out"
    code = main(["batch", str(archive), "--out", str(out), "--jobs", "1", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "No space left on device" in err and "--resume" in err and str(out) in err
    assert not [f for _r, _d, fs in os.walk(out) for f in fs if f.endswith(".tmp")]
    monkeypatch.setattr(fb, "atomic_write", real)
    assert main(["batch", str(archive), "--out", str(out), "--jobs", "1", "--no-progress", "--resume"]) == 0
    assert (out / "articles.csv").exists()


def test_tables_follow_input_order_while_results_arrive_out_of_order(tmp_path, monkeypatch):
    """Tables are written during the run, but only for the finished prefix of the input list."""
    import csv

    from factcheck import batch

    monkeypatch.setattr(batch, "CHUNK_ARTICLES", 2)
    tasks = [batch.Task(f"a{i}", f"a{i}.txt", f"/x/a{i}.txt") for i in range(5)]
    ledger = batch.Ledger(str(tmp_path / "done.jsonl"))
    tables = batch.Tables(str(tmp_path), tasks, ledger)

    def finish(i: int) -> None:
        row = {"id": f"a{i}", "path": f"a{i}.txt", "mentions": i, "claims": 0}
        if i == 3:       # one worker-encoded record, as a local pool sends it
            ledger.append_encoded(f"a{i}", f"/x/a{i}.txt", 1, json.dumps(
                {"id": f"a{i}", "path": f"a{i}.txt", "status": "ok", "article": row, "claims": [],
                 "overstatements": [], "error": None}))
        else:
            ledger.append({"id": f"a{i}", "path": f"a{i}.txt", "status": "ok", "article": row, "claims": [],
                           "overstatements": [], "error": None, "v": 1, "run": 1, "abs": f"/x/a{i}.txt"})
        tables.advance()

    finish(2)
    finish(1)
    assert tables.next == 0 and not tables.sinks          # a0 missing: nothing can be written yet
    finish(0)
    assert tables.next == 3 and tables.sinks              # a0-a2 added, one chunk already written
    finish(4)
    finish(3)
    summary = tables.close()
    ledger.close()
    with open(tmp_path / "articles.csv", encoding="utf-8-sig") as fh:
        ids = [r["id"] for r in csv.DictReader(fh)]
    assert ids == ["a0", "a1", "a2", "a3", "a4"]
    assert summary["articles"] == 5
    assert json.loads((tmp_path / "done.jsonl").read_text("utf-8").splitlines()[4])["abs"] == "/x/a3.txt"
