"""The ``factcheck`` command. It moves articles in and reports out; the judging is elsewhere.

Exit codes, as a linter's: 0 nothing reached --fail-on, 1 something did, 2 usage or input
error (the message names the file and the problem; no traceback ever reaches the user).
Imports are lazy so that ``factcheck check one.txt`` loads only what a check needs (no
pandas, no Dask, no requests).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import Optional

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_REFERENCES = "references"
REPORT_SCHEMA = "factcheck.report/1"
REPORT_KEYS = {"schema", "source", "mentions", "claims", "overstatements", "stats"}
MAX_RECOGNISE_BYTES = 256 * 2**20     # a larger file is not taken for one of our reports


class UsageError(Exception):
    pass


def say(msg: str) -> None:
    """One line on stderr. Paths and article text can hold terminal escapes: never sent raw."""
    from factcheck.render.report import term_safe

    print(f"factcheck: {term_safe(msg)}", file=sys.stderr)


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:   # argparse already printed the usage message
        return EXIT_OK if e.code == 0 else EXIT_ERROR
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    from factcheck.core.errors import PaperError

    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except UsageError as e:
        say(str(e))
        return EXIT_ERROR
    except PaperError as e:        # an unusable paper wherever it was named (eval's abstracts too)
        say(str(e))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # noqa: BLE001 - last resort: a clear line, never a traceback
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        say(f"internal error: {type(e).__name__}: {e} (set FACTCHECK_DEBUG=1 for a traceback)")
        return EXIT_ERROR


def run() -> None:
    """The console script and ``python -m factcheck``: ``main()``, then leave without tearing
    the interpreter down. Teardown frees one object at a time everything a check loaded (jieba's
    dictionary, the rules, the summaries): 0.3-0.4 s on the bench machine after the work is done,
    paid by every ``factcheck check`` and every batch. Output is flushed and the exit handlers
    run as in a normal exit; with other threads still alive the normal exit is kept."""
    rc = main()
    import atexit
    import threading

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if threading.active_count() > 1 or run_exit_handlers is None:
        raise SystemExit(rc)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # a closed pipe (factcheck check ... | head)
            pass
    run_exit_handlers()
    os._exit(rc)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factcheck", description=(
        "Check the numbers and the strength of claims in Chinese science articles against "
        "structured summaries of the papers they cite."))
    from factcheck import __version__

    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command")
    _add_check(sub)
    _add_batch(sub)
    _add_summarize(sub)
    _add_fetch(sub)
    _add_references(sub)
    _add_audit(sub)
    _add_serve(sub)
    _add_eval(sub)
    _add_render(sub)
    return p


def _add_check(sub) -> None:
    """The ``check`` command's arguments."""
    c = sub.add_parser("check", help="check articles (.txt .md .html .docx) against references/")
    c.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders; - for stdin")
    c.add_argument("--format", "-f", default="text",
                   help="text | json | jsonl | markdown | html | sarif | docx (Word comments; needs --output FILE); "
                        "several with commas when --output is a folder")
    _common(c)
    c.add_argument("--output", "-o", help="a file, or a folder (one report per article)")
    c.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                   help="exit 1 when a finding reaches this severity (default: error)")
    c.add_argument("--force", action="store_true", help="overwrite output files not written by factcheck")
    c.add_argument("--verbose", "-v", action="store_true", help="also list unattributed numbers")
    c.add_argument("--table", action="store_true", help="print the per-article counts table")
    c.add_argument("--paper", "-p", action="append", default=[], metavar="FILE|DOI",
                   help="the paper the article is about: a summary YAML, an abstract (drafted on the fly) "
                        "or a DOI/PMID/PMCID (fetched); repeatable")
    c.add_argument("--fetch", action="store_true",
                   help="an article with no reference list and no summary at hand: fetch the paper its text "
                        "names (a DOI or PMID), else search Europe PMC with its cues (journal, year, title, "
                        "authors, sample size); cached")
    c.add_argument("--offline", action="store_true",
                   help="with --paper DOI or --fetch: use the cache only, never the network")
    c.set_defaults(func=cmd_check)


def _add_batch(sub) -> None:
    """The ``batch`` command's arguments."""
    b = sub.add_parser("batch", help="check an archive: tables (CSV/Parquet/XLSX), summary, HTML reports")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="folders, globs, or a CSV/JSONL manifest")
    b.add_argument("--out", required=True, help="output folder")
    b.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)")
    b.add_argument("--engine", choices=("local", "dask"), default="local")
    b.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a LocalCluster")
    b.add_argument("--resume", action="store_true", help="skip articles finished by an earlier run")
    b.add_argument("--xlsx", action="store_true", help="also write XLSX tables")
    b.add_argument("--html", action="store_true", help="also write one HTML report per article and index.html")
    b.add_argument("--no-progress", action="store_true")
    _common(b)
    b.set_defaults(func=cmd_batch)


def _add_summarize(sub) -> None:
    """The ``summarize`` command's arguments."""
    s = sub.add_parser("summarize", help="draft a structured summary from an abstract or paper text")
    s.add_argument("file", help="text file, or - for stdin")
    s.add_argument("--doi")
    s.add_argument("--out", help="write YAML here (never overwrites a curated file)")
    s.add_argument("--force", action="store_true", help="overwrite an existing uncurated draft")
    s.set_defaults(func=cmd_summarize)


def _add_fetch(sub) -> None:
    """The ``fetch`` command's arguments."""
    f = sub.add_parser("fetch", help="fetch metadata + abstract by DOI/PMID/PMCID and draft summaries")
    f.add_argument("ids", nargs="+", metavar="ID")
    f.add_argument("--out", default=DEFAULT_REFERENCES, help="folder for drafted YAML (default: references/)")
    f.add_argument("--mailto", default=os.environ.get("FACTCHECK_MAILTO"), help="contact address for the APIs")
    f.add_argument("--cache", default=None, help="cache folder (default: $FACTCHECK_CACHE or ~/.cache/factcheck)")
    f.add_argument("--force", action="store_true")
    f.set_defaults(func=cmd_fetch)


def _add_references(sub) -> None:
    """The ``references`` command's arguments."""
    r = sub.add_parser("references", help="summaries: validate, schema")
    rs = r.add_subparsers(dest="refcmd")
    rv = rs.add_parser("validate", help="list every problem in a references folder")
    rv.add_argument("dir", nargs="?", default=DEFAULT_REFERENCES)
    rv.set_defaults(func=cmd_ref_validate)
    rj = rs.add_parser("schema", help="print the summary schema as JSON Schema")
    rj.set_defaults(func=cmd_ref_schema)


def _add_audit(sub) -> None:
    """The ``audit`` command's arguments."""
    a = sub.add_parser("audit", help="paper self-consistency: percentages, ratio CIs, test statistics vs P, sample sizes")
    a.add_argument("paths", nargs="*", metavar="PAPER", help="paper files (.txt .md .html .docx), folders or globs")
    a.add_argument("--format", "-f", choices=("text", "json", "markdown", "html"), default="text")
    a.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    a.add_argument("--eval", nargs="?", const="", default=None, metavar="CASES",
                   help="agreement with labelled cases (default: tests/audit/statcheck_cases.jsonl and "
                        "scrutiny_grim_cases.jsonl)")
    a.add_argument("--max-bytes", type=int, default=None, help="refuse larger input files (default 20 MB)")
    a.set_defaults(func=cmd_audit)


def _add_serve(sub) -> None:
    """The ``serve`` command's arguments."""
    v = sub.add_parser("serve", help="the HTTP API (POST /v1/check) and a page to paste a draft into")
    v.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    v.add_argument("--port", type=int, default=8000)
    v.add_argument("--timeout", type=float, default=30.0, help="seconds per request (default 30)")
    v.add_argument("--max-concurrent", type=int, default=4, help="checks run at once (default 4)")
    v.add_argument("--max-queue", type=int, default=64, help="requests waiting beyond those (default 64), then 429")
    v.add_argument("--no-fetch", action="store_true",
                   help="never go online: a paper named by a DOI must be in --references (else 422)")
    v.add_argument("--fetch-cache", action="store_true",
                   help="keep papers fetched by DOI in the on-disk fetch cache too (default: in memory only)")
    _common(v)
    v.set_defaults(func=cmd_serve)


def _add_eval(sub) -> None:
    """The ``eval`` command's arguments."""
    e = sub.add_parser("eval", help="precision/recall against tests/gold")
    e.add_argument("--gold", default="tests/gold")
    e.add_argument("--references", default=DEFAULT_REFERENCES)
    e.add_argument("--what", default="all", help="mentions | verdicts | overstatements | summaries | all")
    e.add_argument("--lang", default="zh")
    e.add_argument("--quiet", "-q", action="store_true", help="only the tables, not each miss")
    e.set_defaults(func=cmd_eval)


def _add_render(sub) -> None:
    """The ``render`` command's arguments."""
    r = sub.add_parser("render", help="a JSON report of check, written again: in the other language, another format")
    r.add_argument("report", help="a report of `check --format json` (or jsonl); - for stdin")
    r.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    r.add_argument("--format", "-f", choices=("json", "jsonl", "markdown", "md", "text", "html", "sarif"),
                   default="json")
    r.add_argument("--output", "-o", help="a file (default: standard output)")
    r.add_argument("--force", action="store_true", help="overwrite an output file not written by factcheck")
    r.set_defaults(func=cmd_render)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--references", "-r", default=DEFAULT_REFERENCES, help="folder of summaries (default: references/)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages")
    p.add_argument("--select", default=None, help="rule codes or prefixes to run, comma-separated (FC1,FC203)")
    p.add_argument("--ignore", default=None, help="rule codes or prefixes to silence, comma-separated")
    p.add_argument("--config", default=None, help="config file (default: ./factcheck.yaml if present)")
    p.add_argument("--max-bytes", type=int, default=None, help="refuse larger input files (default 20 MB)")
    p.add_argument("--no-inline-config", action="store_true",
                   help="ignore factcheck-disable directives in articles (for gates)")


def _config(args):
    from factcheck.core.config import Config

    from factcheck.judge.overstate import RuleFileError, load_rules

    split = (lambda s: [x.strip() for x in s.split(",") if x.strip()] if s else None)
    if args.max_bytes is not None and args.max_bytes <= 0:   # check and batch alike
        raise UsageError("--max-bytes must be a positive number of bytes")
    try:
        cfg = Config.from_file(args.config, select=split(args.select), ignore=split(args.ignore),
                               lang=args.lang, max_bytes=args.max_bytes,
                               inline_config=False if args.no_inline_config else None)
        load_rules(tuple(cfg.rules_dirs))       # a broken rule file stops here, named, not per article
        return cfg
    except RuleFileError as e:
        raise UsageError(f"rules: {e}") from None
    except (OSError, ValueError) as e:
        raise UsageError(f"config: {e}") from None
    except Exception as e:  # yaml errors
        raise UsageError(f"config {args.config or 'factcheck.yaml'}: {str(e).splitlines()[0]}") from None


def load_store(path: str, *, quiet: bool = False):
    """Load references/; broken summaries are reported (file:field: message) and skipped."""
    from factcheck.papers.summaries import Store, SummaryError

    if not os.path.isdir(path):
        raise UsageError(f"{path}: references folder not found (use --references DIR)")
    try:
        store = Store.load(path)
    except SummaryError as e:
        raise UsageError(str(e)) from None
    if not quiet:
        for err in store.errors:
            for fld, msg in err.problems:
                say(f"{err.path}:{fld}: {msg} (summary skipped)")
    return store


def add_papers(store, specs: list[str], client=None) -> list[str]:
    """The --paper arguments as summaries in the store; their ids, in order."""
    from factcheck.core.errors import PaperError
    from factcheck.papers.implicit import load_paper

    ids = []
    for spec in specs:
        try:
            s = load_paper(spec, fetch_client=client)
        except PaperError as e:
            if getattr(client, "offline", False) and "cannot reach" in str(e):
                raise UsageError(f"--paper {spec}: not in the cache (--offline)") from None
            raise UsageError(f"--paper {e}") from None
        if s.id in store.summaries:      # a draft named like a summary already in references/
            s = s.model_copy(update={"id": f"{s.id}-paper{len(ids) + 1}"})
        store.add(s)
        ids.append(s.id)
    return ids


def fetch_client(offline: bool = False):
    """The client ``check --fetch`` and ``--paper DOI`` use: $FACTCHECK_MAILTO, the cache in
    $FACTCHECK_CACHE; with ``offline`` the cache alone."""
    from factcheck.papers.sources import Client

    try:
        if offline:
            from factcheck.papers.identify import OfflineSession

            client = Client(mailto=os.environ.get("FACTCHECK_MAILTO"), session=OfflineSession(), max_tries=1)
            client.offline = True
            return client
        return Client(mailto=os.environ.get("FACTCHECK_MAILTO"))
    except ValueError as e:         # a bad FACTCHECK_MAILTO or FACTCHECK_*_URL
        raise UsageError(str(e)) from None


def fetch_papers(art, store, client, *, offline: bool = False):
    """``check --fetch`` for one article: (the article with notes saying what was found, the
    papers to check it against as (id, how), True when the network failed and the article is
    left with nothing to be checked against). An article with a reference list of its own, or
    that names a summary at hand, is left alone."""
    import dataclasses

    from factcheck.papers.identify import find_online
    from factcheck.papers.implicit import named_in_text

    if art.references or named_in_text(art, store).references:
        return art, [], False
    found = find_online(art, client, offline=offline)
    papers = []
    for s, how in found.papers:
        sid = (s.doi and store.by_doi.get(s.doi)) or (s.pmid and store.by_pmid.get(s.pmid))
        if not sid:        # a summary at hand (curated) is preferred to a fresh draft of the same paper
            if s.id in store.summaries:
                s = s.model_copy(update={"id": f"{s.id}-fetched"})
            store.add(s)
            sid = s.id
        if sid not in [p[0] for p in papers]:
            papers.append((sid, how))
    if found.message:
        say(f"{art.source}: {found.message}" + ("" if papers else "; checked without a paper"))
    if found.notes:
        art = dataclasses.replace(art, notes=list(art.notes) + found.notes)
    return art, papers, found.network_failed and not papers


# ---------------------------------------------------------------- check

def cmd_check(args) -> int:
    """``factcheck check``: the output checked first, then each article read and checked, then
    the reports written (``_check_outputs``, ``_check_articles``, ``_write_reports``)."""
    cfg = _config(args)
    formats, out_dir = _check_outputs(args)
    if cfg.max_bytes is not None and cfg.max_bytes <= 0:
        raise UsageError("--max-bytes must be a positive number of bytes")
    no_folder = not os.path.isdir(args.references)
    if no_folder and not ((args.paper or args.fetch) and args.references == DEFAULT_REFERENCES):
        raise UsageError(f"{args.references}: references folder not found (use --references DIR)")
    reports, errors, paths, unchecked = _check_articles(args, cfg, no_folder)
    _write_reports(args, cfg, formats, out_dir, reports, errors, paths)
    if errors or unchecked:
        return EXIT_ERROR
    return exit_code(reports, args.fail_on)


def _check_outputs(args) -> tuple[list[str], Optional[str]]:
    """The formats asked for and the output folder (None: one file or standard output), checked
    (and the folder or file made ready) before any article is read."""
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    bad = [f for f in formats if f not in ("text", "json", "jsonl", "markdown", "md", "html", "sarif", "docx")]
    if bad or not formats:
        raise UsageError(f"unknown format {bad[0] if bad else args.format!r} "
                         "(text, json, jsonl, markdown, html, sarif, docx)")
    if "docx" in formats and (len(formats) > 1 or not args.output or os.path.isdir(args.output)
                              or args.output.endswith(("/", os.sep))):
        raise UsageError("--format docx writes one Word file: give it alone, with --output FILE.docx")
    out_dir = args.output if args.output and (os.path.isdir(args.output) or args.output.endswith(("/", os.sep))
                                              or len(formats) > 1) else None
    if len(formats) > 1 and not out_dir:
        raise UsageError("several formats need --output FOLDER")
    if out_dir:
        _prepare_out_dir(out_dir)
    elif formats == ["docx"]:
        _check_out_docx(args.output, force=args.force)
    elif args.output:
        _check_out_file(args.output, force=args.force)
    return formats, out_dir


def _read_input(path: str, cfg):
    """One article: a file, or standard input for ``-``; a repaired text is said on stderr."""
    from factcheck.ingest.reader import InputError, article_from_text, decode, read_article

    if path == "-":
        from factcheck.ingest.reader import read_capped

        data = read_capped(sys.stdin.buffer, cfg.max_bytes)
        if len(data) > cfg.max_bytes:
            raise InputError.of("<stdin>", "FC305", "stdin", limit=cfg.max_bytes)
        text, enc, notes = decode(data, "<stdin>")
        art = article_from_text(text, "<stdin>", encoding=enc, notes=notes)
    else:
        art = read_article(path, max_bytes=cfg.max_bytes)
    for n in art.notes:
        if n.startswith(("FC303", "FC304")):   # the text was repaired: say so whatever the format
            say(f"{art.source}: warning: {n}")
    return art


def _check_articles(args, cfg, no_folder: bool) -> tuple[list, list, list[str], bool]:
    """Every article read and checked: (reports, errors, the paths expanded, unchecked). The
    store is loaded at the first readable article (bad input fails fast); an input error or a
    bug on one article is an error row, and the others are still checked."""
    from factcheck.ingest.reader import InputError, expand_inputs
    from factcheck.pipeline import check

    store = None
    paper_ids: list[str] = []
    client = None
    unchecked = False   # --fetch met a network failure and an article had nothing to check against
    reports, errors = [], []
    paths, problems = expand_inputs([p for p in args.paths if p != "-"])
    for e in problems:
        errors.append((e.path, f"{e.message} [{e.code}]"))
        say(f"{e.path}: {e.message} [{e.code}]")
    if not paths and "-" not in args.paths and not problems:
        raise UsageError(f"no article files found in {' '.join(args.paths)}")
    for path in (["-"] if "-" in args.paths else []) + paths:
        try:
            art = _read_input(path, cfg)
            if store is None:
                from factcheck.papers.summaries import Store

                store = Store() if no_folder else load_store(args.references)
                if args.fetch or (args.offline and args.paper):
                    client = fetch_client(args.offline)
                paper_ids = add_papers(store, args.paper, client)
            papers = list(paper_ids)
            if args.fetch and not paper_ids:
                art, papers, failed = fetch_papers(art, store, client, offline=args.offline)
                unchecked = unchecked or failed
            reports.append(check(art, store, cfg, papers=papers))
        except InputError as e:
            errors.append((e.path, f"{e.message} [{e.code}]"))
            say(f"{e.path}: {e.message} [{e.code}]")
        except UsageError:
            raise
        except Exception as e:  # noqa: BLE001 - a bug on one article must not lose the others
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            from factcheck.ingest.reader import display_path

            shown = "<stdin>" if path == "-" else display_path(path)
            errors.append((shown, f"internal error: {type(e).__name__}: {e}"))
            say(f"{shown}: internal error while checking: {type(e).__name__}: {e} (a bug in factcheck: "
                "please report it with this article; FACTCHECK_DEBUG=1 shows the traceback)")
    return reports, errors, paths, unchecked


def _write_reports(args, cfg, formats: list[str], out_dir: Optional[str], reports: list, errors: list,
                   paths: list[str]) -> None:
    """The reports in each format: one file per article and format in ``out_dir``, one Word
    file, or one output (a file or standard output); then the counts table when asked."""
    if out_dir:
        written: set[str] = set()
        for r in reports:
            from factcheck.core.fsutil import bounded_name

            stem = bounded_name(os.path.splitext(os.path.basename(r.source))[0] or "stdin")
            if r.source == "<stdin>":
                stem = "stdin"
            base, k = stem, 2
            while base in written:     # two articles called a.txt in different folders
                base, k = f"{stem}-{k}", k + 1
            written.add(base)
            for fmt in formats:
                ext = {"markdown": "md", "md": "md", "jsonl": "jsonl", "json": "json", "html": "html", "text": "txt",
                       "sarif": "sarif"}[fmt]
                write_output(os.path.join(out_dir, f"{base}.{ext}"), render(fmt, [r], cfg.lang, single=True,
                                                                           rules_dirs=tuple(cfg.rules_dirs)),
                             force=args.force)
    elif formats[0] == "docx":
        if len(reports) > 1:
            raise UsageError("--format docx takes one article")
        if reports:
            _write_docx(reports[0], args.output, cfg.lang, force=args.force, source_path=paths[0] if paths else None)
    else:
        fmt = formats[0]
        text = render(fmt, reports, cfg.lang, single=len(args.paths) == 1 and len(paths) <= 1,
                      colour=args.output is None and sys.stdout.isatty(), verbose=args.verbose,
                      rules_dirs=tuple(cfg.rules_dirs))
        if args.output:
            if reports or not errors:   # every input failed: leave an earlier report alone
                write_output(args.output, text, force=args.force)
        else:
            sys.stdout.write(text)
    if args.table or out_dir:
        from factcheck.render.report import summary_table

        stream = sys.stdout if out_dir or args.output else sys.stderr
        stream.write(summary_table(reports, errors, cfg.lang))


def _prepare_out_dir(out_dir: str) -> None:
    """Create the output folder and make sure it can be written before checking anything."""
    import tempfile

    try:
        os.makedirs(out_dir, exist_ok=True)
    except FileExistsError:
        raise UsageError(f"{out_dir}: exists and is not a folder (--output)") from None
    except OSError as e:
        raise UsageError(f"{out_dir}: cannot create the output folder: {e.strerror or e}") from None
    try:
        with tempfile.TemporaryFile(dir=out_dir, prefix=".factcheck-"):
            pass
    except OSError as e:
        raise UsageError(f"{out_dir}: cannot write to the output folder: {e.strerror or e}") from None


def _check_out_file(path: str, *, force: bool) -> None:
    """Refuse a bad --output FILE before the (slow) check, not after it."""
    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d):
        raise UsageError(f"{path}: the folder {d} does not exist (--output)")
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a folder")
    if os.path.exists(path) and not force and not _written_by_us(path):
        raise UsageError(f"{path}: exists and was not written by factcheck; not overwritten "
                         "(use --force to replace it)")


def exit_code(reports, fail_on: str) -> int:
    from factcheck.core.model import SEVERITY_RANK

    if fail_on == "never":
        return EXIT_OK
    floor = SEVERITY_RANK[fail_on]
    for r in reports:
        if any(n.startswith("FC308") for n in r.notes):
            return EXIT_FINDINGS        # a report that checked nothing never passes a gate
        w = r.worst_severity()
        if w and SEVERITY_RANK[w] >= floor:
            return EXIT_FINDINGS
    return EXIT_OK


def render(fmt: str, reports, lang: str, single: bool = False, colour: bool = False, verbose: bool = False,
           rules_dirs: tuple[str, ...] = ()) -> str:
    from factcheck.render import report as rp

    if fmt == "sarif":
        from factcheck.render.sarif import to_sarif

        return to_sarif(reports, lang, rules_dirs=rules_dirs, verbose=verbose) + "\n"
    if fmt == "json":
        return rp.to_json(reports, single=single) + "\n"
    if fmt == "jsonl":
        return rp.to_jsonl(reports)
    if fmt in ("markdown", "md"):
        return "\n".join(rp.to_markdown(r, lang) for r in reports)
    if fmt == "html":
        from factcheck.render.htmlreport import to_html

        return "\n".join(to_html(r, lang) for r in reports)
    return "".join(rp.to_text(r, colour=colour, lang=lang, verbose=verbose) for r in reports)


def _check_out_docx(path: str, *, force: bool) -> None:
    from factcheck.render.wordout import is_ours

    d = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(d):
        raise UsageError(f"{path}: the folder {d} does not exist (--output)")
    if os.path.lexists(path) and not force and not is_ours(path):
        raise UsageError(f"{path}: exists and was not written by factcheck; not overwritten "
                         "(use --force to replace it)")


def _write_docx(report, path: str, lang: str, *, force: bool = False, source_path: Optional[str] = None) -> None:
    """The reviewed Word file: the draft itself (a .docx input) or its paragraphs, with comments."""
    from factcheck.render.wordout import DocxError, reviewed_docx

    _check_out_docx(path, force=force)
    try:
        data = reviewed_docx(report, lang, source_path=source_path)
    except DocxError as e:
        raise UsageError(f"{report.source}: {e}") from None
    from factcheck.core import fsutil

    try:
        fsutil.atomic_write(path, data)
    except OSError as e:
        raise UsageError(f"{path}: cannot write: {e.strerror or e}") from None


def write_output(path: str, text: str, *, force: bool = False) -> None:
    """Write atomically; refuse to replace a file factcheck did not write, unless --force."""
    if os.path.isdir(path):
        raise UsageError(f"{path}: is a folder")
    if os.path.lexists(path) and not force and not _written_by_us(path):
        raise UsageError(f"{path}: exists and was not written by factcheck; not overwritten "
                         "(use --force to replace it)")
    atomic_write(path, text)


_TEXT_LINE = re.compile(r"[^\n]*:\d+:\d+: (?:\x1b\[[0-9;]*m)*FC\d{3} .*|[^\n]*: note: .*|"
                        r"[^\n]*: (?:提及 \d+，声明 \d+|\d+ mentions, \d+ claims).*")
_TEXT_SUMMARY = re.compile(r"^[^\n]*: (?:提及 \d+，声明 \d+：相符 \d+|\d+ mentions, \d+ claims: \d+ supported)", re.M)
_MD_HEAD = "| mentions | claims | supported | mismatch | not_in_source | overstatements |"


def _written_by_us(path: str) -> bool:
    """Is the file a whole report factcheck wrote (JSON, JSON Lines, Markdown, HTML or text)?
    Judged by the report's structure, not by a marker string a user's file may hold by
    accident (a ``# factcheck:`` comment, a ``"schema": "factcheck…`` key, a log line)."""
    if os.path.islink(path) or not os.path.isfile(path):
        return False   # never write through a symlink or over a device, FIFO, ...
    try:
        if os.path.getsize(path) > MAX_RECOGNISE_BYTES:
            return False
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except UnicodeDecodeError:
        return False
    except OSError as e:
        raise UsageError(f"{path}: cannot read existing file: {e.strerror}") from None
    return looks_like_our_report(text)


def looks_like_our_report(text: str) -> bool:
    """The structure each renderer gives (see ``render``)."""
    import json

    def is_report(obj) -> bool:
        return isinstance(obj, dict) and obj.get("schema") == REPORT_SCHEMA and REPORT_KEYS <= obj.keys()

    def is_sarif(obj) -> bool:
        from factcheck.render.sarif import FULL_NAME

        runs = obj.get("runs") if isinstance(obj, dict) else None
        return (isinstance(obj, dict) and obj.get("version") == "2.1.0" and isinstance(runs, list) and len(runs) == 1
                and isinstance(runs[0], dict) and runs[0].get("tool", {}).get("driver", {}).get("fullName") == FULL_NAME)

    from factcheck.render.htmlreport import MARKER

    if text.startswith("{") or text.startswith("["):
        try:
            doc = json.loads(text)
        except ValueError:
            lines = [ln for ln in text.splitlines() if ln.strip()]
            try:
                return bool(lines) and all(is_report(json.loads(ln)) for ln in lines)
            except ValueError:
                return False
        return is_report(doc) or is_sarif(doc) or (isinstance(doc, list) and bool(doc) and all(is_report(d) for d in doc))
    if text.startswith(MARKER + "\n<!DOCTYPE html>\n"):
        return True
    lines = text.split("\n")
    if text.startswith("# factcheck: "):
        return len(lines) > 3 and lines[1] == "" and lines[2] == _MD_HEAD
    body = [ln for ln in lines if ln]
    return bool(body) and all(_TEXT_LINE.fullmatch(ln) for ln in body) and bool(_TEXT_SUMMARY.search(text))


def atomic_write(path: str, text: str) -> None:
    """Write to a temporary file beside ``path`` and rename it: a reader never sees half a
    report, and a failed write leaves no partial file behind."""
    from factcheck.core import fsutil

    try:
        fsutil.atomic_write(path, text)
    except OSError as e:
        raise UsageError(f"{path}: cannot write: {e.strerror or e}") from None


# ---------------------------------------------------------------- other commands

def cmd_batch(args) -> int:
    from factcheck.batch import run_batch

    cfg = _config(args)
    return run_batch(args.inputs, out_dir=args.out, references=args.references, jobs=args.jobs,
                     engine=args.engine, scheduler=args.scheduler, resume=args.resume, xlsx=args.xlsx,
                     html=args.html, progress=not args.no_progress, config=cfg)


def cmd_serve(args) -> int:
    """Serve until interrupted. References are loaded once, before the first request."""
    from factcheck.server import Limits, serve
    from factcheck.papers.summaries import Store

    cfg = _config(args)
    if args.port < 0 or args.port > 65535:
        raise UsageError(f"--port {args.port}: not a port number")
    if args.timeout <= 0 or args.max_concurrent < 1 or args.max_queue < 0:
        raise UsageError("--timeout and --max-concurrent must be positive, --max-queue zero or more")
    no_folder = not os.path.isdir(args.references)
    if no_folder and args.references != DEFAULT_REFERENCES:
        raise UsageError(f"{args.references}: references folder not found (use --references DIR)")
    store = Store() if no_folder else load_store(args.references)
    limits = Limits(max_bytes=args.max_bytes or Limits.max_bytes, timeout=args.timeout,
                    max_concurrent=args.max_concurrent, max_queue=args.max_queue)
    if not args.no_fetch:
        from factcheck.server import fetch_client_for

        try:            # FACTCHECK_MAILTO and the service URLs, checked before the server starts
            fetch_client_for(limits)
        except ValueError as e:
            raise UsageError(f"serve: {e} (or start with --no-fetch)") from None
    say(f"serving on http://{args.host}:{args.port}/ ({len(store.summaries)} summaries; Ctrl-C stops)")
    serve(args.host, args.port, store, cfg, limits, fetch=not args.no_fetch, fetch_cache=args.fetch_cache)
    return EXIT_OK


def cmd_summarize(args) -> int:
    from factcheck.ingest.reader import InputError, decode, read_article
    from factcheck.papers.summarize import draft_summary, write_summary

    try:
        if args.file == "-":
            text, _enc, _n = decode(sys.stdin.buffer.read(), "<stdin>")
        else:
            text = read_article(args.file).text
    except InputError as e:
        raise UsageError(f"{e.path}: {e.message} [{e.code}]") from None
    summary = draft_summary(text, doi=args.doi, source=args.file)
    if args.out:
        try:
            write_summary(summary, args.out, force=args.force)
        except (FileExistsError, PermissionError, OSError) as e:
            raise UsageError(str(e)) from None
        say(f"wrote draft {args.out} (curated: false): {len(summary.findings)} findings")
    else:
        import yaml

        sys.stdout.write(yaml.safe_dump(summary.model_dump(exclude_none=True), allow_unicode=True, sort_keys=False))
    return EXIT_OK


def cmd_fetch(args) -> int:
    from factcheck.papers.sources import Client, FetchError
    from factcheck.papers.summarize import draft_summary, write_summary

    try:
        client = Client(mailto=args.mailto, cache_dir=args.cache)
    except ValueError as e:         # a bad --mailto or FACTCHECK_*_URL
        raise UsageError(str(e)) from None
    try:
        os.makedirs(args.out, exist_ok=True)
    except OSError as e:
        raise UsageError(f"{args.out}: cannot create the output folder: {e.strerror or e}") from None
    status = EXIT_OK
    for ident in args.ids:
        try:
            rec = client.fetch(ident)
            summary = draft_summary(rec.abstract or "", doi=rec.doi, record=rec, source=rec.raw_url)
        except FetchError as e:
            say(f"{ident}: {getattr(e, 'problem', None) or e}")
            status = EXIT_ERROR
            continue
        except Exception as e:  # noqa: BLE001 - one identifier's bug never skips the others
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            say(f"{ident}: internal error while fetching: {type(e).__name__}: {e} (a bug in factcheck: "
                "please report it; FACTCHECK_DEBUG=1 shows the traceback)")
            status = EXIT_ERROR
            continue
        if not summary.id or os.path.basename(summary.id) != summary.id or summary.id.startswith("."):
            say(f"{ident}: unsafe summary id {summary.id!r}; not written")
            status = EXIT_ERROR
            continue
        path = os.path.join(args.out, f"{summary.id}.yaml")
        try:
            write_summary(summary, path, force=args.force)
            from factcheck.render.report import term_safe

            print(term_safe(f"factcheck: {ident}: wrote {path} ({rec.source}; {len(summary.findings)} findings; "
                            "curated: false)"))
        except (FileExistsError, OSError) as e:
            say(f"{ident}: {e}")
            status = EXIT_ERROR
    return status


def cmd_ref_validate(args) -> int:
    from factcheck.papers.summaries import validate_dir

    if not os.path.isdir(args.dir):
        raise UsageError(f"{args.dir}: references folder not found")
    from factcheck.render.report import term_safe

    problems = validate_dir(args.dir)
    for p in problems:
        print(term_safe(p))
    if not problems:
        n = sum(1 for f in os.listdir(args.dir) if f.endswith((".yaml", ".yml")))
        print(term_safe(f"{args.dir}: {n} summaries, no problems"))
    return EXIT_FINDINGS if problems else EXIT_OK


def cmd_ref_schema(args) -> int:
    import json

    from factcheck.papers.summaries import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_audit(args) -> int:
    """Audit papers for internal consistency; exit 1 on an error-severity finding, 2 on bad input."""
    from factcheck.audit import render
    from factcheck.audit.core import audit_text
    from factcheck.ingest.reader import MAX_BYTES, InputError

    if args.eval is not None:
        from factcheck.audit.evaluate import DEFAULT_CASES, run_case_eval

        paths = [args.eval] if args.eval else list(DEFAULT_CASES)
        for path in paths:
            if not os.path.isfile(path):
                raise UsageError(f"{path}: cases file not found")
        return max(run_case_eval(path) for path in paths)
    if not args.paths:
        raise UsageError("audit: give at least one paper (or --eval)")
    from factcheck.ingest.reader import expand_inputs

    paths, problems = expand_inputs(args.paths)
    for e in problems:
        say(f"{e.path}: {e.message}")
    reports, status = [], EXIT_ERROR if problems else EXIT_OK
    for path in paths:
        try:
            source, text = _paper_text(path, args.max_bytes or MAX_BYTES)
        except InputError as e:
            say(f"{e.path}: {e.message}")
            status = EXIT_ERROR
            continue
        reports.append(audit_text(text, source))
    if reports:
        sys.stdout.write(render.RENDERERS[args.format](reports, args.lang))
    if status == EXIT_OK and render.worst(reports) == "error":
        status = EXIT_FINDINGS
    return status


def _paper_text(path: str, max_bytes: int) -> tuple[str, str]:
    """(display path, text) of a paper: PDFs by their text layer, the rest as articles are read;
    an HTML paper's tables are read again from the markup (the extractor glues cells together)."""
    from factcheck.ingest.reader import decode, display_path, read_article

    if path.lower().endswith(".pdf"):
        from factcheck.audit.pdftext import pdf_text

        return display_path(path), pdf_text(path)
    art = read_article(path, max_bytes=max_bytes)
    text = art.text
    if art.extracted_from == "html":
        from factcheck.audit.htmltables import html_table_rows

        with open(path, "rb") as fh:
            text += "\n\n" + html_table_rows(decode(fh.read(), path)[0])
    return art.source, text


def cmd_render(args) -> int:
    """``factcheck render``: the reports of a JSON report read back, their notes and messages
    written again in ``--lang`` from the codes and arguments the judges left (core/messages.py),
    in ``--format``. The article's text, which the JSON leaves out, is read again from its
    source when that file is at hand (the text, HTML and SARIF formats show it)."""
    import json

    from factcheck.core.messages import render_report
    from factcheck.core.model import report_from_dict

    try:
        raw = sys.stdin.read() if args.report == "-" else open(args.report, encoding="utf-8").read()
    except OSError as e:
        raise UsageError(f"{args.report}: {e.strerror}") from None
    try:
        doc = json.loads(raw)
        listed, docs = isinstance(doc, list), doc if isinstance(doc, list) else [doc]
    except json.JSONDecodeError:
        try:
            listed, docs = True, [json.loads(ln) for ln in raw.splitlines() if ln.strip()]
        except json.JSONDecodeError as e:
            raise UsageError(f"{args.report}: not a JSON report: {e}") from None
    if not docs or not all(isinstance(d, dict) and d.get("schema") == REPORT_SCHEMA for d in docs):
        raise UsageError(f"{args.report}: not a report of factcheck check --format json")
    reports = []
    for d in docs:
        r = report_from_dict(d)
        if os.path.isfile(r.source):
            from factcheck.ingest.reader import InputError, read_article

            try:
                r.text = read_article(r.source).text
            except InputError:
                pass
        reports.append(render_report(r, args.lang))
    text = render(args.format, reports, args.lang, single=not listed and len(reports) == 1)
    if args.output:
        write_output(args.output, text, force=args.force)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_eval(args) -> int:
    from factcheck.evaluate import run_eval

    return run_eval(gold_dir=args.gold, references=args.references, what=args.what, lang=args.lang,
                    quiet=args.quiet)


if __name__ == "__main__":
    run()
