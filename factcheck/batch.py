"""Many articles → tables, a summary and per-article reports; local processes or a Dask cluster.

``factcheck batch INPUT... --out DIR`` writes into DIR:

    articles.csv / .parquet        one row per checked article (counts, worst severity, seconds, ...)
    claims.csv / .parquet          one row per claim (verdict, rule, message, the paper's value, ...)
    overstatements.csv / .parquet  one row per overstatement
    errors.csv / .parquet          one row per input that could not be checked (path, code, message)
    summary.json                   totals: verdicts, mismatch rate, categories, per cited paper
    reports/<id>.json              the JSON report of each article (factcheck.report/1)
    html/<id>.html, index.html     with --html: one self-contained page per article, and the index
    tables.xlsx                    with --xlsx: the same tables as sheets
    .state/done.jsonl              the ledger (below); .state/runs.jsonl, one line per run

Every checked article is one call of :func:`process_one`, a module-level function that returns
plain rows; the local process pool, the in-process path (``--jobs 1``) and Dask all call it.
As each article finishes, its rows are appended to the ledger (one JSON line, flushed and
fsynced), and its report files are written (temp file + ``os.replace``). Nothing else is kept
in memory: the tables are rebuilt from the ledger at the end, in input order, a chunk at a
time. A run killed at any moment (even SIGKILL) and started again with ``--resume`` checks
only the articles the ledger does not hold. CSV files are UTF-8 with a BOM so that Excel opens
Chinese text correctly; every output file appears whole or not at all.

pandas, pyarrow, openpyxl and Dask are imported inside the functions that need them, never
when ``factcheck check`` imports anything.
"""

from __future__ import annotations

import errno
import gc
import json
import os
import re
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterable, Optional

from factcheck.core import fsutil
from factcheck.core.codes import input_message
from factcheck.core.model import VERDICTS

EXIT_OK, EXIT_USAGE = 0, 2
LEDGER_VERSION = 1
CHUNK_ARTICLES = 500            # articles per table chunk when the tables are rebuilt
WINDOW_PER_WORKER = 4           # tasks in flight per worker (bounded: memory stays flat)
CHUNK_MAX = 8                   # articles per pool task, at most
MANIFEST_SUFFIXES = (".csv", ".jsonl")
# failures of the machine, not of an article: the run stops and --resume retries the article
ENVIRONMENTAL_ERRNOS = frozenset(getattr(errno, n) for n in ("ENOSPC", "EIO", "EMFILE", "ENFILE", "EDQUOT", "EROFS",
                                                             "ENOMEM") if hasattr(errno, n))
OUR_OUTPUTS = ("articles.csv", "articles.parquet", "claims.csv", "claims.parquet", "overstatements.csv",
               "overstatements.parquet", "errors.csv", "errors.parquet", "summary.json", "index.html",
               "tables.xlsx", "reports", "html")
TMP_PREFIX = fsutil.TMP_PREFIX
XLSX_MAX_ROWS = 1_048_575       # Excel's limit, less the header
XLSX_MAX_CELL = 32_767

ARTICLE_COLUMNS = (
    ("id", "str"), ("path", "str"), ("title", "str"), ("mentions", "int"), ("claims", "int"),
    ("supported", "int"), ("mismatch", "int"), ("not_in_source", "int"), ("unresolved_reference", "int"),
    ("unattributed", "int"), ("overstatements", "int"), ("worst_severity", "str"), ("seconds", "float"),
    ("characters", "int"), ("extracted_from", "str"), ("encoding", "str"), ("references", "int"),
    ("resolved_references", "int"), ("cited", "str"), ("notes", "str"),
)
CLAIM_COLUMNS = (
    ("article_id", "str"), ("claim_id", "str"), ("line", "int"), ("verdict", "str"), ("severity", "str"),
    ("rule", "str"), ("reference", "int"), ("message", "str"), ("sentence", "str"), ("paper_value", "str"),
    ("finding_id", "str"), ("summary_id", "str"), ("mentions", "str"), ("start", "int"), ("end", "int"),
)
OVERSTATEMENT_COLUMNS = (
    ("article_id", "str"), ("overstatement_id", "str"), ("line", "int"), ("category", "str"),
    ("severity", "str"), ("rule", "str"), ("surface", "str"), ("message", "str"), ("reference", "int"),
    ("summary_id", "str"), ("claim_id", "str"), ("context", "str"), ("paper_wording", "str"),
    ("start", "int"), ("end", "int"),
)
ERROR_COLUMNS = (("id", "str"), ("path", "str"), ("code", "str"), ("message", "str"))
TABLES = (("articles", ARTICLE_COLUMNS), ("claims", CLAIM_COLUMNS),
          ("overstatements", OVERSTATEMENT_COLUMNS), ("errors", ERROR_COLUMNS))


class BatchError(Exception):
    """A usage problem (no inputs, an out folder that cannot be used): exit 2, message only."""


@dataclass
class Task:
    id: str
    path: str                       # as shown in tables (relative paths stay relative)
    read_path: str                  # what the worker opens (absolute)
    error: Optional[tuple] = None   # (code, message) known before reading (bad manifest row)


# ---------------------------------------------------------------- the per-article function

_WORKER: dict = {}


def _worker_key(references: str, config_dict: dict) -> tuple[str, str]:
    return os.path.abspath(references), _canonical(config_dict)


def _canonical(config_dict: dict) -> str:
    """The configuration as one string: a process's state key and the run's fingerprint."""
    return json.dumps(config_dict, sort_keys=True, default=str)


def _worker_state(references: str, config_dict: dict):
    """(Store, Config) for this process: loaded once, on the first article (or by the initializer)."""
    key = _worker_key(references, config_dict)
    st = _WORKER.get(key)
    if st is None:
        from factcheck.core.config import Config
        from factcheck.papers.summaries import Store
        from factcheck.text.segmenter import ready

        cfg = Config(**config_dict)
        store = Store.load(references)
        ready()                     # jieba's dictionary, once per process
        _WORKER.clear()
        _WORKER[key] = st = (store, cfg)
    return st


def _init_worker(references: str, config_dict: dict) -> None:
    """Process-pool initializer: Ctrl-C is the driver's business; the worker dies with its
    driver; load the Store and the pipeline."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)   # the driver's SIGTERM handler is not ours
    _die_with_parent()
    _worker_state(references, config_dict)


def _die_with_parent() -> None:
    """A worker whose driver was killed (kill -9, SIGTERM, the OOM killer) must not live on,
    stuck on the task pipe: the kernel sends it SIGKILL when the driver dies (Linux
    PR_SET_PDEATHSIG), and a watchdog thread checks the parent each half second where that
    is not available (and in case the forking thread was not the driver's main thread)."""
    import signal
    import threading

    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)      # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:                                # it died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="factcheck-watchdog", daemon=True).start()


def process_one(path: str, article_id: str, references: str, config_dict: dict, *,
                html: bool = False, display_path: Optional[str] = None, write_to: Optional[str] = None) -> dict:
    """Read and check one article; return plain rows (never raises for a bad article).

    The result: ``id``, ``path``, ``status`` (ok | error), ``article`` (the articles-table row),
    ``claims`` and ``overstatements`` (rows), ``error`` (the errors-table row), ``report_json``
    (the JSON report as a string) and ``html`` (the HTML report when ``html``). With
    ``write_to`` (a local pool: workers share the output folder) the worker writes
    ``reports/<id>.json`` and ``html/<id>.html`` itself, in parallel, and returns no strings.
    """
    t0 = time.perf_counter()
    shown = display_path or path
    try:
        from factcheck.ingest.reader import InputError, read_article
        from factcheck.pipeline import check

        store, cfg = _worker_state(references, config_dict)
        try:
            article = read_article(path, max_bytes=cfg.max_bytes)
        except InputError as e:
            if e.errno in ENVIRONMENTAL_ERRNOS:
                return _environment_result(article_id, shown, OSError(e.errno, os.strerror(e.errno), path))
            return _error_result(article_id, shown, e.code, e.message)
        article.source = shown
        report = check(article, store, cfg)
        report.source = shown
        seconds = time.perf_counter() - t0
        result = rows_of(report, article_id, shown, seconds)
        result["report_json"] = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
        if html:
            from factcheck.render.htmlreport import to_html

            result["html"] = to_html(report, cfg.lang)
        if write_to is not None:
            _write_reports(write_to, result)
            return _encoded(result)
        return result
    except OSError as e:
        if e.errno in ENVIRONMENTAL_ERRNOS:
            return _environment_result(article_id, shown, e)
        return _error_result(article_id, shown, "internal", _describe(e))
    except Exception as e:  # noqa: BLE001 - one bad article never stops the batch
        return _error_result(article_id, shown, "internal", _describe(e))


def _environment_result(article_id: str, path: str, e: OSError) -> dict:
    """The machine failed, not the article (a full disk, an I/O error, no file descriptors
    left): the driver stops the run and the article stays unfinished for --resume, instead
    of becoming an error row that a resume never retries."""
    return {"id": article_id, "path": path, "status": "environment", "errno": e.errno,
            "strerror": e.strerror or str(e), "filename": e.filename if isinstance(e.filename, str) else path}


def _raise_environment(result: dict) -> None:
    """In the driver: an environmental failure of a worker ends the run (see run_batch)."""
    if result.get("status") == "environment":
        raise OSError(result.get("errno"), result.get("strerror"), result.get("filename"))


def _encoded(result: dict) -> dict:
    """The result with its rows already encoded as the ledger's JSON (a pool's worker does
    this in parallel; the driver then only writes the line, and the rows cross the process
    boundary as one string instead of thousands of small objects)."""
    rows = {k: v for k, v in result.items() if k not in ("report_json", "html")}
    return {"id": result["id"], "path": result["path"], "status": result["status"],
            "encoded": json.dumps(rows, ensure_ascii=False, separators=(",", ":"))}


def _write_reports(out: str, result: dict) -> None:
    """Write an article's report files and drop their text from the result."""
    aid = result["id"]
    text = result.pop("report_json", None)
    if text is not None:
        atomic_write(os.path.join(out, "reports", f"{aid}.json"), text)
    page = result.pop("html", None)
    if page is not None:
        atomic_write(os.path.join(out, "html", f"{aid}.html"), page)


def _describe(e: BaseException) -> str:
    """TypeError: msg (factcheck/judge/match.py:123 in judge_mention) - enough for a bug report."""
    where = ""
    tb = traceback.extract_tb(e.__traceback__)
    ours = [f for f in tb if f"{os.sep}factcheck{os.sep}" in f.filename] or tb
    if ours:
        f = ours[-1]
        parts = f.filename.split(os.sep)
        short = os.sep.join(parts[-2:])
        where = f" ({short}:{f.lineno} in {f.name})"
    return f"{type(e).__name__}: {e}{where}"


def _error_result(article_id: str, path: str, code: str, message: str) -> dict:
    return {"id": article_id, "path": path, "status": "error", "article": None, "claims": [],
            "overstatements": [], "error": {"id": article_id, "path": path, "code": code, "message": message}}


def rows_of(report, article_id: str, path: str, seconds: float) -> dict:
    """The table rows of one Report (plain dicts of str/int/float/None)."""
    s = report.stats
    refs = {r.index: r for r in report.references}
    sid_of = (lambda i: refs[i].summary_id if i in refs else None)
    cited = sorted({r.summary_id for r in report.references if r.summary_id})
    article = {
        "id": article_id, "path": path, "title": report.title,
        "mentions": s.get("mentions", len(report.mentions)), "claims": len(report.claims),
        **{v: sum(c.verdict == v for c in report.claims) for v in VERDICTS},
        "overstatements": len(report.overstatements), "worst_severity": report.worst_severity(),
        "seconds": round(seconds, 4), "characters": s.get("characters", len(report.text or "")),
        "extracted_from": report.extracted_from, "encoding": report.encoding,
        "references": len(report.references), "resolved_references": sum(1 for r in report.references if r.summary_id),
        "cited": ";".join(cited), "notes": " | ".join(report.notes) or None,
    }
    mentions = {m.id: m.surface for m in report.mentions}
    claims = []
    for c in report.claims:
        ev = c.evidence
        claims.append({
            "article_id": article_id, "claim_id": c.id, "line": c.line, "verdict": c.verdict,
            "severity": c.severity, "rule": c.rule, "reference": c.reference, "message": c.message,
            "sentence": c.sentence, "paper_value": value_text(ev.paper_value if ev else None),
            "finding_id": ev.finding_id if ev else None,
            "summary_id": (ev.summary_id if ev and ev.summary_id else sid_of(c.reference)),
            "mentions": "、".join(mentions.get(i, i) for i in c.mention_ids), "start": c.start, "end": c.end,
        })
    overs = []
    for o in report.overstatements:
        overs.append({
            "article_id": article_id, "overstatement_id": o.id, "line": o.line, "category": o.category,
            "severity": o.severity, "rule": o.rule, "surface": o.surface, "message": o.message,
            "reference": o.reference, "summary_id": sid_of(o.reference), "claim_id": o.claim_id,
            "context": o.context, "paper_wording": o.paper_wording, "start": o.start, "end": o.end,
        })
    return {"id": article_id, "path": path, "status": "ok", "article": article, "claims": claims,
            "overstatements": overs, "error": None}


def value_text(v: Any) -> Optional[str]:
    """A paper value as table text: 9.02, 48, [0.5, 1.2], 2022-05-03."""
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    if isinstance(v, (int, float, str)):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


# ---------------------------------------------------------------- inputs and ids

def expand_inputs(inputs: Iterable[str], exclude: Optional[str] = None) -> list[Task]:
    """Folders (recursive), globs, files and CSV/JSONL manifests → tasks with unique ids.

    ``exclude`` is the output folder: never an input, even when it lies inside an input folder
    (its HTML reports would otherwise be checked as articles by the next --resume). Files found
    in it by a folder or a glob are skipped; one named explicitly becomes an error row."""
    from factcheck.ingest.reader import TEXT_SUFFIXES, iter_article_paths

    skip = os.path.realpath(exclude) if exclude else None

    def inside_out(p: str) -> bool:
        return skip is not None and (os.path.realpath(p) + os.sep).startswith(skip + os.sep)

    entries: list[tuple[str, Optional[str], Optional[tuple]]] = []   # (path, id from a manifest, error)
    for item in inputs:
        if os.path.isfile(item) and item.lower().endswith(MANIFEST_SUFFIXES):
            entries.extend(read_manifest(item))
        elif os.path.isdir(item):
            entries.extend((p, None, None) for p in iter_article_paths([item]) if not inside_out(p))
        elif any(ch in item for ch in "*?["):
            for p in iter_article_paths([item]):
                if inside_out(p):
                    continue
                if os.path.isdir(p):
                    entries.extend((q, None, None) for q in iter_article_paths([p]) if not inside_out(q))
                elif os.path.splitext(p)[1].lower() in TEXT_SUFFIXES and not os.path.basename(p).startswith("."):
                    entries.append((p, None, None))
        elif os.path.isfile(item):
            entries.append((item, None, None))
        else:
            raise BatchError(f"{item}: no such file or folder")
    entries = [(p, i, ("FC300", input_message("FC300", "inside_out"))
                if err is None and inside_out(p) else err) for p, i, err in entries]
    seen: set[str] = set()
    tasks: list[Task] = []
    used: set[str] = set()
    for path, given, err in entries:
        read_path = os.path.abspath(path)
        if err is None:             # the same file twice is checked once, unless a manifest names it twice
            key = f"{read_path}\0{given or ''}"
            if key in seen:
                continue
            seen.add(key)
        base = given if given else (os.path.splitext(os.path.basename(path))[0] or "article")
        tasks.append(Task(_unique(_clean_id(base), used), path, read_path, err))
    return tasks


def _clean_id(s: str) -> str:
    """An id usable as a file name: word characters, dots and dashes, bounded in bytes."""
    s = re.sub(r"[^\w.\-]+", "_", str(s).strip(), flags=re.UNICODE).lstrip(".")
    return fsutil.bounded_name(s) if s else "article"


def _unique(base: str, used: set[str]) -> str:
    """stem, stem-2, stem-3 …: deterministic for a given input order (case-insensitive)."""
    cand, n = base, 1
    while cand.lower() in used:
        n += 1
        cand = f"{base}-{n}"
    used.add(cand.lower())
    return cand


def read_manifest(path: str) -> list[tuple[str, Optional[str], Optional[tuple]]]:
    """Rows of a CSV (``path`` column, optional ``id``) or JSONL ({"path": ..., "id": ...})
    manifest; relative paths resolve against the manifest's folder. A bad row becomes an error
    row, a manifest without a path column is a usage error."""
    base = os.path.dirname(path)
    out: list[tuple[str, Optional[str], Optional[tuple]]] = []

    def add(p: Any, ident: Any, where: str) -> None:
        if p is None or not str(p).strip():
            out.append((where, _opt(ident), ("FC300", input_message("FC300", "manifest_no_path"))))
            return
        p = str(p).strip()
        full = p if os.path.isabs(p) else os.path.normpath(os.path.join(base, p))
        out.append((full, _opt(ident), None))

    try:
        if path.lower().endswith(".csv"):
            import csv

            with open(path, encoding="utf-8-sig", newline="") as fh:
                reader = csv.DictReader(fh)
                fields = [f.strip().lower() for f in (reader.fieldnames or [])]
                if "path" not in fields:
                    raise BatchError(f"{path}: a CSV manifest needs a 'path' column "
                                     f"(found: {', '.join(reader.fieldnames or []) or 'nothing'})")
                for n, row in enumerate(reader, start=2):
                    row = {(k or "").strip().lower(): v for k, v in row.items()}
                    add(row.get("path"), row.get("id"), f"{path}:{n}")
        else:
            with open(path, encoding="utf-8-sig") as fh:
                for n, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as e:
                        out.append((f"{path}:{n}", None, ("FC300", input_message("FC300", "manifest_not_json", reason=e.msg))))
                        continue
                    if not isinstance(obj, dict):
                        out.append((f"{path}:{n}", None, ("FC300", input_message("FC300", "manifest_not_object"))))
                        continue
                    add(obj.get("path"), obj.get("id"), f"{path}:{n}")
    except UnicodeDecodeError:
        raise BatchError(f"{path}: the manifest is not UTF-8 text") from None
    except OSError as e:
        raise BatchError(f"{path}: cannot read the manifest: {e.strerror or e}") from None
    return out


def _opt(v: Any) -> Optional[str]:
    return None if v is None or not str(v).strip() else str(v).strip()


# ---------------------------------------------------------------- files

def _tmp_path(directory: str) -> str:
    """A temporary file for writers that stream (tables): renamed into place when complete."""
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=".tmp", dir=directory)
    os.close(fd)
    os.chmod(tmp, fsutil.file_mode())     # mkstemp makes 0600; outputs are ordinary files
    return tmp


atomic_write = fsutil.atomic_write


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _clean_stale_tmp(dirs: Iterable[str]) -> None:
    """Temp files left by a killed run (never our finished outputs)."""
    for d in dirs:
        try:
            names = os.listdir(d)
        except OSError:
            continue
        for n in names:
            if n.startswith(TMP_PREFIX) and n.endswith(".tmp"):
                _unlink(os.path.join(d, n))


class Ledger:
    """out/.state/done.jsonl: one JSON line per finished article, appended and flushed (a killed
    run loses nothing), fsynced at most once a second and on close."""

    def __init__(self, path: str):
        self.path = path
        self._synced = 0.0
        self.index: dict[str, tuple[int, str, int]] = {}    # id -> (offset, path, run)
        self.runs = 0
        self._load()
        self.fh = open(path, "ab")
        self.end = self.fh.seek(0, os.SEEK_END)    # where the next line goes (we hold the lock)

    def _load(self) -> None:
        if not os.path.exists(self.path):
            return
        good_end = 0
        with open(self.path, "rb") as fh:
            offset = 0
            for raw in fh:
                end = offset + len(raw)
                if not raw.endswith(b"\n"):
                    break               # torn last line (killed mid-write): dropped below
                try:
                    rec = json.loads(raw)
                except ValueError:
                    break
                if isinstance(rec, dict) and "id" in rec:
                    self.index[str(rec["id"])] = (offset, str(rec.get("abs")), int(rec.get("run", 0)))
                    self.runs = max(self.runs, int(rec.get("run", 0)))
                offset = good_end = end
        if good_end < os.path.getsize(self.path):
            with open(self.path, "r+b") as fh:
                fh.truncate(good_end)

    def done(self, task: Task) -> bool:
        hit = self.index.get(task.id)
        return hit is not None and hit[1] == task.read_path

    def append(self, record: dict) -> None:
        self._write(str(record["id"]), str(record.get("abs")), int(record.get("run", 0)),
                    json.dumps(record, ensure_ascii=False, separators=(",", ":")))

    def append_encoded(self, article_id: str, abs_path: str, run: int, encoded: str) -> None:
        """Append a record whose rows a worker encoded already (a JSON object without v, run, abs)."""
        tail = json.dumps({"v": LEDGER_VERSION, "run": run, "abs": abs_path}, ensure_ascii=False,
                          separators=(",", ":"))
        self._write(article_id, abs_path, run, encoded[:-1] + "," + tail[1:] if encoded != "{}" else tail)

    def _write(self, article_id: str, abs_path: str, run: int, text: str) -> None:
        line = (text + "\n").encode("utf-8")
        offset = self.end
        self.fh.write(line)
        self.end += len(line)
        self.fh.flush()                 # in the OS's hands: a killed process loses nothing
        now = time.monotonic()
        if now - self._synced >= 1.0:   # on disk: a crashed machine loses at most the last second
            os.fsync(self.fh.fileno())
            self._synced = now
        self.index[article_id] = (offset, abs_path, run)

    def read(self, offset: int) -> dict:
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            return json.loads(fh.readline())

    def close(self) -> None:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
        except (OSError, ValueError):
            pass
        self.fh.close()


# ---------------------------------------------------------------- progress

class Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.total, self.n, self.errors = total, 0, 0
        self.enabled = enabled and total > 0 and getattr(self.stream, "isatty", lambda: False)()
        self.t0 = self.last = time.monotonic()

    def update(self, error: bool = False) -> None:
        self.n += 1
        self.errors += error
        now = time.monotonic()
        if self.enabled and (now - self.last >= 0.1 or self.n == self.total):
            self.last = now
            rate = self.n / max(now - self.t0, 1e-9)
            eta = (self.total - self.n) / rate if rate else 0
            width = 30
            fill = int(width * self.n / self.total)
            err = f", {self.errors} errors" if self.errors else ""
            self.stream.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.n}/{self.total} "
                              f"{rate:5.1f}/s ETA {int(eta) // 60}:{int(eta) % 60:02d}{err} ")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.n:
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------- the run

def run_batch(inputs, *, out_dir, references="references", jobs=None, engine="local", scheduler=None,
              resume=False, xlsx=False, html=False, progress=True, config=None) -> int:
    """Check every input article; write the tables, summary and reports into ``out_dir``.

    Returns 0 when the run completed (unreadable inputs are error rows, not failures) and 2 for
    a usage problem (no inputs, an unusable out folder, results of an earlier run without
    --resume), after printing a message that names the folder or file.
    """
    previous = _on_sigterm_interrupt()
    try:
        return _run(list(inputs), out_dir=out_dir, references=references, jobs=jobs, engine=engine,
                    scheduler=scheduler, resume=resume, xlsx=xlsx, html=html, progress=progress,
                    config=config)
    except BatchError as e:
        _say(str(e))
        return EXIT_USAGE
    except OSError as e:
        # the output folder became unwritable or full during the run: what is finished is kept
        where = e.filename or out_dir
        what = "cannot write" if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EROFS,
                                             errno.EACCES, errno.EPERM) else "stopped at"
        _say(f"{what} {where}: {e.strerror or e} (errno {e.errno}); the run stopped; the articles "
             f"already checked are kept in {out_dir}; fix the cause and run the same command with "
             "--resume to finish")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(f"interrupted; the articles already checked are kept in {out_dir}; run the "
             "same command with --resume to finish", lead="\n")
        raise
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)


def _on_sigterm_interrupt():
    """SIGTERM on the driver (a service stop, ``kill``) ends the run as Ctrl-C does: workers
    stopped, temporary files removed, the ledger closed, exit 130. Returns the previous
    handler (None when not in the main thread, where no handler can be set)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        return None


def _say(msg: str, *, prefix: str = "factcheck batch", lead: str = "", stream=None) -> None:
    """One message line; paths and ids pass through the same escaping as ``check``'s messages
    (terminal escapes and bidi overrides shown as \\x1b, \\u202e, never sent raw)."""
    from factcheck.render.report import term_safe

    print(f"{lead}{prefix}: {term_safe(msg)}", file=stream or sys.stderr)


def _run(inputs, *, out_dir, references, jobs, engine, scheduler, resume, xlsx, html, progress, config) -> int:
    """One batch run, in named steps: the arguments checked and the inputs expanded
    (``_batch_tasks``), the output folder made ready and locked (``_open_out``), the run
    recorded against the ledger (``_start_run``), every article to do checked by the engine
    (``_dispatch``, each result through ``_result_handler``), the tables closed, one line said."""
    from factcheck.core.config import Config

    t_start = time.perf_counter()
    config = config or Config()
    config_dict = asdict(config)
    tasks = _batch_tasks(inputs, out_dir, references, jobs, engine, scheduler)
    out = out_dir
    state, ledger_path, subdirs = _open_out(out, resume, html)
    lock = _lock(state, out)
    try:
        _clean_stale_tmp(subdirs)
        store = _load_store(references)
        ledger = Ledger(ledger_path)
        run_no, todo = _start_run(state, ledger, tasks, references, config_dict, engine, jobs, resume, out)
        bar = Progress(len(todo), progress)
        tables = Tables(out, tasks, ledger, xlsx=xlsx, html=html, lang=config.lang)
        handle = _result_handler(out, html, {t.id: t for t in tasks}, ledger, run_no, tables, bar)
        refs_abs = os.path.abspath(references)
        work = [t for t in todo if t.error is None]
        try:
            for t in todo:
                if t.error is not None:
                    handle(_error_result(t.id, t.path, *t.error))
            if work:
                _dispatch(work, engine, jobs, scheduler, refs_abs, config_dict, (store, config), html, handle, out)
            bar.close()
            summary = tables.close()
        except BaseException:
            tables.abort()
            raise
        finally:
            gc.unfreeze()           # a caller's process gets its collector back as it was
            ledger.close()
    finally:
        _unlock(lock)
    wall = time.perf_counter() - t_start
    rate = summary["mismatch_rate"]
    _say(f"{summary['articles']} articles: {summary['articles_ok']} checked, "
          f"{summary['errors']} could not be read (errors.csv); {summary['claims']} claims, "
          f"{summary['verdicts'].get('mismatch', 0)} mismatch"
          + (f" ({rate:.1%})" if rate is not None else "")
          + f", {summary['overstatements']} overstatements; {len(todo)} checked in this run, {wall:.1f} s "
          f"→ {out}{os.sep}", stream=sys.stdout)
    return EXIT_OK


def _batch_tasks(inputs, out_dir, references, jobs, engine, scheduler) -> list:
    """The arguments checked (a BatchError says what is wrong) and the inputs expanded into tasks."""
    if engine not in ("local", "dask"):
        raise BatchError(f"unknown engine {engine!r} (local, dask)")
    if scheduler and engine != "dask":
        raise BatchError("--scheduler is the address of a Dask scheduler: use it with --engine dask")
    if jobs is not None and jobs < 1:
        raise BatchError(f"--jobs must be at least 1 (got {jobs})")
    if not inputs:
        raise BatchError("no inputs: give folders, globs, files or a CSV/JSONL manifest")
    if not os.path.isdir(references):
        raise BatchError(f"{references}: references folder not found (use --references DIR)")
    tasks = expand_inputs(inputs, exclude=out_dir)
    if not tasks:
        raise BatchError(f"no article files found in {' '.join(inputs)}")
    return tasks


def _open_out(out: str, resume: bool, html: bool) -> tuple[str, str, list[str]]:
    """The output folder checked (``_check_out_dir``) and its sub-folders made and found
    writable: (the state folder, the ledger's path, every folder written into)."""
    state = os.path.join(out, ".state")
    ledger_path = os.path.join(state, "done.jsonl")
    _check_out_dir(out, ledger_path, resume)
    subdirs = [out, state, os.path.join(out, "reports")] + ([os.path.join(out, "html")] if html else [])
    try:
        for d in subdirs:
            os.makedirs(d, exist_ok=True)
        atomic_write(os.path.join(state, "probe"), b"")
        os.unlink(os.path.join(state, "probe"))
    except OSError as e:
        raise BatchError(f"{out}: cannot write in the output folder: {e.strerror or e}") from None
    return state, ledger_path, subdirs


def _start_run(state, ledger, tasks, references, config_dict, engine, jobs, resume, out) -> tuple[int, list]:
    """This run's number and the tasks it has to do; a resumed run says what is done and warns
    when the summaries or the configuration changed since; the run is appended to runs.jsonl."""
    run_no = max(ledger.runs, _previous_runs(state)) + 1
    todo = [t for t in tasks if not ledger.done(t)]
    refs_print, cfg_print = _fingerprints(references, config_dict)
    if resume and ledger.index:
        _say(f"resuming {out}: {len(tasks) - len(todo)} of {len(tasks)} articles already "
             f"done, {len(todo)} to check")
        runs = _runs(state)
        changed = [what for what, key, now in (("the summaries in " + references, "references_sha", refs_print),
                                               ("the configuration", "config_sha", cfg_print))
                   if any(r.get(key) and r.get(key) != now for r in runs)]
        if changed and len(todo) < len(tasks):
            _say(f"warning: {' and '.join(changed)} changed since the earlier run; the "
                 f"{len(tasks) - len(todo)} articles it finished keep their old results (use a new --out "
                 "folder to check everything again)")
    _append_jsonl(os.path.join(state, "runs.jsonl"), {
        "references_sha": refs_print, "config_sha": cfg_print,
        "run": run_no, "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "articles": len(tasks),
        "skipped": len(tasks) - len(todo), "todo": len(todo), "engine": engine, "jobs": jobs,
        "references": os.path.abspath(references), "config": config_dict, "resume": bool(resume)})
    return run_no, todo


def _result_handler(out, html, by_id, ledger, run_no, tables, bar) -> Callable[[dict], None]:
    """What is done with each article's result, in the order they arrive: its reports written,
    its ledger line appended, the tables and the progress bar advanced."""

    def handle(result: dict) -> None:
        _raise_environment(result)      # before anything of it reaches the ledger
        aid = result["id"]
        if result.get("status") == "ok":
            if not html:
                result.pop("html", None)
            _write_reports(out, result)     # already done by a local pool's worker
        where = by_id[aid].read_path
        if "encoded" in result:
            ledger.append_encoded(aid, where, run_no, result["encoded"])
        else:
            record = {k: v for k, v in result.items() if k not in ("report_json", "html")}
            record["v"], record["run"], record["abs"] = LEDGER_VERSION, run_no, where
            ledger.append(record)
        tables.advance()
        bar.update(error=result.get("status") != "ok")

    return handle


def _dispatch(work, engine, jobs, scheduler, refs_abs, config_dict, loaded, html, handle, out) -> None:
    """Every readable task checked: on Dask, in this process, or in a pool of local workers;
    ``loaded`` is the (store, config) this process has already built."""
    if engine == "dask":
        _run_dask(work, jobs, scheduler, refs_abs, config_dict, html, handle)
        return
    n = min(jobs or os.cpu_count() or 1, max(1, len(work)))
    if n <= 1 or _mp_context() is not None:
        # in-process, or workers forked from this process: they start with the
        # summaries and jieba's dictionary already loaded, shared copy-on-write,
        # instead of each building them again
        _WORKER[_worker_key(refs_abs, config_dict)] = loaded
        from factcheck.text.segmenter import ready

        ready()
        # what is loaded now lives as long as the run: out of the cyclic GC's sight,
        # its collections no longer walk (and, in forked workers, copy) it all
        gc.freeze()
    if n <= 1:
        for t in work:
            handle(process_one(t.read_path, t.id, refs_abs, config_dict, html=html, display_path=t.path))
    else:
        _run_pool(work, n, refs_abs, config_dict, html, handle, write_to=out)


def _check_out_dir(out: str, ledger_path: str, resume: bool) -> None:
    if os.path.exists(out) and not os.path.isdir(out):
        raise BatchError(f"{out}: exists and is not a folder")
    if not os.path.isdir(out):
        return
    if os.path.exists(ledger_path) and not resume:
        raise BatchError(f"{out}: holds the results of an earlier batch ({ledger_path}); pass --resume to "
                         "finish or rebuild it, or choose another --out folder (nothing was overwritten)")
    if not os.path.exists(ledger_path):
        ours = [n for n in OUR_OUTPUTS if os.path.exists(os.path.join(out, n))]
        if ours:
            raise BatchError(f"{out}: already holds {', '.join(ours[:3])}{' …' if len(ours) > 3 else ''} "
                             "but no batch ledger (.state/done.jsonl): not overwritten; choose another "
                             "--out folder")


_LOCKS: list = []        # lock files this process holds: closed in forked children


def _close_locks_in_child() -> None:
    """A forked worker must not keep the folder's lock alive after its driver is gone: flock
    belongs to the open file, and every process holding a copy of the descriptor holds it."""
    for fh in _LOCKS:
        try:
            fh.close()
        except OSError:
            pass
    _LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_locks_in_child)


def _lock(state: str, out: str):
    """An advisory lock on out/.state/lock: two batches never write one folder at once. The
    kernel drops the lock with the last process holding it, so a lock left by a killed run
    (its file still there, with the old pid) is simply taken over; the file names the holder."""
    try:
        import fcntl
    except ImportError:          # Windows: no lock
        return None
    fh = open(os.path.join(state, "lock"), "a+")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        try:
            fh.seek(0)
            holder = fh.read(100).strip()
        except OSError:
            holder = ""
        fh.close()
        raise BatchError(f"{out}: another factcheck batch is writing this folder"
                         + (f" ({holder})" if holder else "")) from None
    try:
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}\n")
        fh.flush()
    except OSError:
        pass
    _LOCKS.append(fh)
    return fh


def _unlock(fh) -> None:
    if fh is not None:
        if fh in _LOCKS:
            _LOCKS.remove(fh)
        fh.close()


def _previous_runs(state: str) -> int:
    return len(_runs(state))


def _fingerprints(references: str, config_dict: dict) -> tuple[str, str]:
    """Hashes of the summaries folder's YAML files and of the configuration."""
    import hashlib

    from factcheck.papers.summaries import MAX_SUMMARY_BYTES, SummaryError, read_regular

    h = hashlib.sha256()
    for root, dirs, files in os.walk(references):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                p = os.path.join(root, name)
                h.update(os.path.relpath(p, references).encode() + b"\0")
                try:
                    h.update(read_regular(p, MAX_SUMMARY_BYTES))
                except SummaryError:            # a FIFO, a loop, too large: reported by the load
                    h.update(b"\0unreadable")
    cfg = hashlib.sha256(_canonical(config_dict).encode()).hexdigest()
    return h.hexdigest()[:16], cfg[:16]


def _runs(state: str) -> list[dict]:
    """The earlier runs of this folder (.state/runs.jsonl)."""
    out: list[dict] = []
    try:
        with open(os.path.join(state, "runs.jsonl"), encoding="utf-8") as fh:
            for line in fh:
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if isinstance(r, dict):
                    out.append(r)
    except OSError:
        pass
    return out


def _append_jsonl(path: str, obj: dict) -> None:
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _load_store(references: str):
    """Load the summaries once in the driver to report broken files (workers load their own)."""
    from factcheck.papers.summaries import Store, SummaryError

    try:
        store = Store.load(references)
    except SummaryError as e:
        raise BatchError(str(e)) from None
    for err in store.errors:
        for fld, msg in err.problems:
            _say(f"{err.path}:{fld}: {msg} (summary skipped)", prefix="factcheck")
    return store


# ---------------------------------------------------------------- engines

def _mp_context():
    import multiprocessing as mp

    # fork starts workers at once (nothing heavy is loaded in the driver yet); elsewhere spawn
    return mp.get_context("fork") if "fork" in mp.get_all_start_methods() and sys.platform != "darwin" else None


def _run_pool(tasks: list[Task], jobs: int, references: str, config_dict: dict, html: bool,
              handle: Callable[[dict], None], write_to: Optional[str] = None) -> None:
    """A process pool, ``jobs`` workers, each given a few articles at a time (``_chunk_size``),
    at most ``WINDOW_PER_WORKER`` such chunks in flight per worker.

    A worker that dies (segfault, out of memory) breaks the pool: the pool is rebuilt and the
    articles that were in flight are retried one at a time, so the one that kills its worker
    again is found and becomes an error row (code ``crash``) while the others are checked.
    """
    import concurrent.futures as cf
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    queue = deque(tasks)
    suspects: deque = deque()
    size = _chunk_size(len(tasks), jobs)
    window = jobs * WINDOW_PER_WORKER
    while queue or suspects:
        pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=_init_worker,
                                      initargs=(references, config_dict))
        inflight: dict = {}
        isolating = False
        try:
            broken = False
            while (queue or suspects or inflight) and not broken:
                if suspects or isolating:
                    if not inflight and suspects:
                        chunk = [suspects.popleft()]
                        isolating = True
                        inflight[_submit(pool, chunk, references, config_dict, html, write_to)] = chunk
                    elif not inflight:
                        isolating = False
                        continue
                else:
                    while queue and len(inflight) < window:
                        chunk = [queue.popleft() for _ in range(min(size, len(queue)))]
                        inflight[_submit(pool, chunk, references, config_dict, html, write_to)] = chunk
                done, _ = cf.wait(list(inflight), return_when=cf.FIRST_COMPLETED)
                for f in done:
                    if isinstance(f.exception(), BrokenProcessPool):
                        broken = True
                        continue
                    _handle_chunk(f, inflight.pop(f), handle)
            if broken:
                cf.wait(list(inflight))
                crashed = []
                for f, chunk in inflight.items():
                    if isinstance(f.exception(), BrokenProcessPool):
                        crashed.extend(chunk)
                    else:
                        _handle_chunk(f, chunk, handle)
                if isolating and len(crashed) == 1:
                    t = crashed[0]
                    handle(_error_result(t.id, t.path, "crash", "检查时工作进程崩溃（内存不足？）/ the worker "
                                         "process died while checking this file (out of memory or a crash)"))
                else:
                    suspects.extend(crashed)
                inflight = {}
        except BaseException:
            _kill_pool(pool)
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown(wait=True, cancel_futures=True)


def _chunk_size(n: int, jobs: int) -> int:
    """Articles per pool task. The driver wakes for every finished task to write the ledger
    and the tables, and on a machine with as many cores as workers each wake-up preempts a
    worker (switching cost, a colder cache); a few articles a task make those wake-ups rarer,
    while enough tasks per worker (at least 8) keep the workers finishing together."""
    return max(1, min(CHUNK_MAX, n // (jobs * 8)))


def _handle_chunk(f, chunk: list[Task], handle: Callable[[dict], None]) -> None:
    exc = f.exception()
    if exc is None:
        for result in f.result():
            handle(result)
    else:
        for t in chunk:
            handle(_error_result(t.id, t.path, "internal", _describe(exc)))


def process_chunk(items: list[tuple[str, str, str]], references: str, config_dict: dict, *, html: bool = False,
                  write_to: Optional[str] = None) -> list[dict]:
    """``process_one`` for each (read path, id, display path), in a pool's worker."""
    return [process_one(read_path, aid, references, config_dict, html=html, display_path=shown, write_to=write_to)
            for read_path, aid, shown in items]


def _submit(pool, chunk: list[Task], references: str, config_dict: dict, html: bool,
            write_to: Optional[str] = None):
    return pool.submit(process_chunk, [(t.read_path, t.id, t.path) for t in chunk], references, config_dict,
                       html=html, write_to=write_to)


def _kill_pool(pool, grace: float = 1.0) -> None:
    """Ctrl-C (or an error): stop the workers now rather than after their current article.
    SIGTERM first, SIGKILL for any still alive after ``grace`` seconds: an interruption never
    waits on a worker (``shutdown(wait=True)`` could hang on one stuck in a long article or on
    a half-written result)."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        try:
            p.terminate()
        except Exception:  # noqa: BLE001
            pass
    deadline = time.monotonic() + grace
    for p in procs:
        try:
            p.join(max(0.0, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
                p.join(1.0)
        except Exception:  # noqa: BLE001
            pass


def _run_dask(tasks: list[Task], jobs: Optional[int], scheduler: Optional[str], references: str,
              config_dict: dict, html: bool, handle: Callable[[dict], None]) -> None:
    """The same ``process_one`` on a Dask cluster: ``scheduler`` or a LocalCluster on 127.0.0.1."""
    import logging
    import uuid

    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise BatchError("--engine dask needs dask[distributed] installed") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=jobs or 2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise BatchError(f"cannot reach the Dask scheduler {scheduler or '(LocalCluster)'}: {e}") from None
    run = uuid.uuid4().hex[:8]
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or (jobs or 2))
        window = n_workers * WINDOW_PER_WORKER
        pending = iter(tasks)
        by_key: dict[str, Task] = {}

        def submit(t: Task):
            f = client.submit(process_one, t.read_path, t.id, references, config_dict, html=html,
                              display_path=t.path, key=f"factcheck-{run}-{len(by_key)}-{t.id}", pure=False)
            by_key[f.key] = t
            return f

        first = [submit(t) for _, t in zip(range(window), pending)]
        if not first:
            return
        ac = as_completed(first)
        for f in ac:
            t = by_key.pop(f.key)
            try:
                result = f.result()
            except Exception as e:  # noqa: BLE001 - KilledWorker and the like: an error row
                result = _error_result(t.id, t.path, "crash", f"Dask: {type(e).__name__}: {e}")
            f.release()
            handle(result)
            nxt = next(pending, None)
            if nxt is not None:
                ac.add(submit(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- tables

class Tables:
    """The tables, written in input order while the run goes on: an article's rows are added
    once it and every article before it are in the ledger, so most of the work is done while
    the workers check the rest, and closing at the end writes only the last chunk. Rows are
    read back from the ledger (by offset), so articles finished by an earlier run (--resume)
    and by this one are handled alike and memory holds one chunk at most."""

    def __init__(self, out: str, tasks: list[Task], ledger: Ledger, *, xlsx: bool = False,
                 html: bool = False, lang: str = "zh"):
        self.out, self.tasks, self.ledger, self.xlsx, self.html, self.lang = out, tasks, ledger, xlsx, html, lang
        self.sinks: dict = {}
        self.wb = None
        self.agg = _Aggregate()
        self.index_rows: list[dict] = []
        self.chunk: dict[str, list] = {name: [] for name, _ in TABLES}
        self.n_chunk = 0
        self.next = 0                   # the first task in input order not yet added
        self.fh = open(ledger.path, "rb")

    def advance(self, final: bool = False) -> None:
        """Add the finished articles that follow the last one added; with ``final``, pass over
        the ones that were never finished (an error row exists for every unreadable input)."""
        while self.next < len(self.tasks):
            t = self.tasks[self.next]
            hit = self.ledger.index.get(t.id)
            if hit is None or hit[1] != t.read_path:
                if not final:
                    return
            else:
                self.fh.seek(hit[0])
                self._add(t, json.loads(self.fh.readline()))
            self.next += 1
            if self.n_chunk >= CHUNK_ARTICLES:
                self._flush()

    def _add(self, t: Task, rec: dict) -> None:
        self.agg.add(rec)
        chunk = self.chunk
        if rec.get("status") == "ok" and rec.get("article"):
            chunk["articles"].append(rec["article"])
            chunk["claims"].extend(rec.get("claims") or [])
            chunk["overstatements"].extend(rec.get("overstatements") or [])
            if self.html:
                row = {k: rec["article"].get(k) for k in (
                    "id", "title", "mentions", "claims", *VERDICTS, "overstatements", "worst_severity", "characters")}
                # an article finished by an earlier run without --html has no page to link to
                row["html"] = os.path.exists(os.path.join(self.out, "html", f"{t.id}.html"))
                self.index_rows.append(row)
        elif rec.get("error"):
            chunk["errors"].append(rec["error"])
        self.n_chunk += 1

    def _flush(self) -> None:
        if not self.sinks:
            if self.xlsx:
                from openpyxl import Workbook

                self.wb = Workbook(write_only=True)
            self.sinks = {name: TableSink(self.out, name, cols, self.wb) for name, cols in TABLES}
        for name, rows in self.chunk.items():
            self.sinks[name].write(rows)
            rows.clear()
        self.n_chunk = 0

    def close(self) -> dict:
        """Write the last rows, rename the tables into place, write the summary (and
        index.html). Returns the summary."""
        out = self.out
        self.advance(final=True)
        self._flush()
        self.fh.close()
        for s in self.sinks.values():
            s.close()
        summary = self.agg.summary()
        if self.wb is not None:
            ws = self.wb.create_sheet("summary")
            for k, v in _flat(summary):
                ws.append([k, v])
            path = os.path.join(out, "tables.xlsx")
            tmp = _tmp_path(out)
            try:
                self.wb.save(tmp)
                os.replace(tmp, path)
            except BaseException:
                _unlink(tmp)
                raise
        atomic_write(os.path.join(out, "summary.json"), json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        if self.html:
            from factcheck.render.htmlreport import index_html

            atomic_write(os.path.join(out, "index.html"), index_html(self.index_rows, list(self.agg.error_rows),
                                                                     lang=self.lang))
        return summary

    def abort(self) -> None:
        """Drop the temporary table files (nothing half-written is left behind)."""
        for sink in self.sinks.values():
            sink.abort()
        try:
            self.fh.close()
        except OSError:
            pass


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def csv_safe(v: Any) -> Any:
    """A text cell for CSV: one beginning with = + - @ tab or CR is prefixed with an apostrophe,
    as OWASP advises against CSV injection (article titles and sentences are untrusted); a plain
    number such as -0.5 stays a number."""
    if not isinstance(v, str) or not v.startswith(_FORMULA_START) or _PLAIN_NUMBER.fullmatch(v):
        return v
    return "'" + v


def _flat(d: dict, prefix: str = "") -> Iterable[tuple[str, Any]]:
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            yield from _flat(v, key + ".")
        else:
            yield key, v


class _Aggregate:
    """summary.json, accumulated record by record."""

    def __init__(self):
        self.articles = self.ok = self.errors = self.claims = self.overstatements = self.characters = 0
        self.verdicts = {v: 0 for v in VERDICTS}
        self.categories: dict[str, int] = {}
        self.severity = {"error": 0, "warning": 0, "info": 0}
        self.rules: dict[str, int] = {}
        self.papers: dict[str, dict] = {}
        self.error_codes: dict[str, int] = {}
        self.error_rows: list[dict] = []
        self.seconds = 0.0

    def add(self, rec: dict) -> None:
        self.articles += 1
        if rec.get("status") != "ok" or not rec.get("article"):
            self.errors += 1
            err = rec.get("error") or {}
            code = str(err.get("code"))
            self.error_codes[code] = self.error_codes.get(code, 0) + 1
            if len(self.error_rows) < 10_000:
                self.error_rows.append(err)
            return
        self.ok += 1
        a = rec["article"]
        self.characters += int(a.get("characters") or 0)
        self.seconds += float(a.get("seconds") or 0)
        for sid in filter(None, (a.get("cited") or "").split(";")):
            self._paper(sid)["articles"] += 1
        for c in rec.get("claims") or []:
            self.claims += 1
            v = c.get("verdict")
            self.verdicts[v] = self.verdicts.get(v, 0) + 1
            self.severity[c.get("severity")] = self.severity.get(c.get("severity"), 0) + 1
            self.rules[c.get("rule")] = self.rules.get(c.get("rule"), 0) + 1
            if c.get("summary_id"):
                p = self._paper(c["summary_id"])
                p["claims"] += 1
                p[v] = p.get(v, 0) + 1
        for o in rec.get("overstatements") or []:
            self.overstatements += 1
            cat = o.get("category")
            self.categories[cat] = self.categories.get(cat, 0) + 1
            self.severity[o.get("severity")] = self.severity.get(o.get("severity"), 0) + 1
            self.rules[o.get("rule")] = self.rules.get(o.get("rule"), 0) + 1
            if o.get("summary_id"):
                self._paper(o["summary_id"])["overstatements"] += 1

    def _paper(self, sid: str) -> dict:
        p = self.papers.get(sid)
        if p is None:
            p = self.papers[sid] = {"articles": 0, "claims": 0, **{v: 0 for v in VERDICTS}, "overstatements": 0}
        return p

    def summary(self) -> dict:
        return {
            "schema": "factcheck.batch/1",
            "articles": self.articles, "articles_ok": self.ok, "errors": self.errors,
            "claims": self.claims,
            "mismatch_rate": round(self.verdicts.get("mismatch", 0) / self.claims, 4) if self.claims else None,
            "verdicts": self.verdicts,
            "overstatements": self.overstatements,
            "overstatement_categories": dict(sorted(self.categories.items())),
            "severity": self.severity,
            "rules": dict(sorted((str(k), v) for k, v in self.rules.items())),
            "papers": dict(sorted(self.papers.items())),
            "error_codes": dict(sorted(self.error_codes.items())),
            "characters": self.characters,
            "check_seconds": round(self.seconds, 3),
        }


class TableSink:
    """One table written chunk by chunk to CSV, Parquet (and an XLSX sheet); temp files are
    renamed into place by ``close``."""

    def __init__(self, out: str, name: str, columns, wb=None):
        import pyarrow as pa

        self.out, self.name, self.columns = out, name, columns
        self.names = [c for c, _ in columns]
        self.schema = pa.schema([(c, {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}[t])
                                 for c, t in columns])
        self.csv_tmp = _tmp_path(out)
        self.pq_tmp = _tmp_path(out)
        self.csv_fh = open(self.csv_tmp, "w", encoding="utf-8-sig", newline="")
        self.pq = None
        self.header = True
        self.ws = wb.create_sheet(name) if wb is not None else None
        self.xlsx_rows = 0
        if self.ws is not None:
            self.ws.append(self.names)

    def frame(self, rows: list[dict]):
        import pandas as pd

        df = pd.DataFrame.from_records(rows, columns=self.names) if rows else pd.DataFrame(columns=self.names)
        for c, t in self.columns:
            if t == "int":
                df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
            elif t == "float":
                df[c] = pd.to_numeric(df[c], errors="coerce").astype("float64")
            elif df[c].dtype == object:     # mixed or all-missing: text or None, cell by cell
                df[c] = df[c].map(lambda v: None if v is None or (isinstance(v, float) and v != v)
                                  else v if isinstance(v, str) else str(v))
        return df

    def write(self, rows: list[dict]) -> None:
        if not rows and not self.header:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        df = self.frame(rows)
        self._csv(df)
        self.header = False
        table = pa.Table.from_pandas(df, schema=self.schema, preserve_index=False)
        if self.pq is None:
            self.pq = pq.ParquetWriter(self.pq_tmp, self.schema)
        if table.num_rows:
            self.pq.write_table(table)
        if self.ws is not None:
            self._xlsx(df)

    def _csv(self, df) -> None:
        """CSV cells that a spreadsheet would run as a formula get a leading apostrophe
        (Parquet and the ledger keep the text as written)."""
        text_cols = [c for c, t in self.columns if t == "str"]
        if len(df) and text_cols:
            df = df.copy()
            for c in text_cols:
                df[c] = df[c].map(csv_safe)
        df.to_csv(self.csv_fh, header=self.header, index=False, lineterminator="\n")

    def _xlsx(self, df) -> None:
        import pandas as pd
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        types = [t for _, t in self.columns]
        for row in df.itertuples(index=False, name=None):
            if self.xlsx_rows >= XLSX_MAX_ROWS:
                return          # Excel cannot hold more; CSV and Parquet have every row
            cells = []
            for v, t in zip(row, types):
                if v is None or v is pd.NA or (isinstance(v, float) and v != v):
                    cells.append(None)
                elif t == "int":
                    cells.append(int(v))
                elif t == "float":
                    cells.append(float(v))
                else:
                    s = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(v))[:XLSX_MAX_CELL]
                    cell = WriteOnlyCell(self.ws, value=s)
                    cell.data_type = "s"        # article text is never a formula (=HYPERLINK(...))
                    cells.append(cell)
            self.ws.append(cells)
            self.xlsx_rows += 1

    def close(self) -> None:
        if self.header:
            self.write([])
        self.csv_fh.close()
        if self.pq is None:
            import pyarrow.parquet as pq

            self.pq = pq.ParquetWriter(self.pq_tmp, self.schema)
        self.pq.close()
        os.replace(self.csv_tmp, os.path.join(self.out, f"{self.name}.csv"))
        os.replace(self.pq_tmp, os.path.join(self.out, f"{self.name}.parquet"))

    def abort(self) -> None:
        for closer in (getattr(self.csv_fh, "close", None), getattr(self.pq, "close", None)):
            try:
                if closer:
                    closer()
            except Exception:  # noqa: BLE001
                pass
        _unlink(self.csv_tmp)
        _unlink(self.pq_tmp)
