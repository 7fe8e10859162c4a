"""``factcheck serve``: an HTTP API in LanguageTool's manner and a page to paste a draft into.

Editors work in web editors and CMSs; a browser extension or a CMS plug-in needs an HTTP call
that returns findings with offsets its own JavaScript can use (UTF-16 units), not a file.

- ``POST /v1/check``: text (and optional papers) → JSON findings with code-point and UTF-16
  offsets, line and column;
- ``POST /v1/report``: the same request → the HTML report the ``--format html`` renderer writes;
- ``POST /v1/reviewed.docx``: the same request → the draft as a Word file with comments;
- ``GET /v1/rules``: the rule registry; ``GET /v1/papers``: the summaries of the server's
  references folder (what ``kind: id`` names); ``GET /openapi.json``: the OpenAPI document;
- ``GET /``: the paste page (Chinese; ``?lang=en`` for English).

Limits, because one server is shared by a desk: request size (a body over ``max_bytes`` gets
413, a body without Content-Length 411), time per request (504 after ``timeout`` seconds),
concurrent checks (``max_concurrent`` run at once, ``max_queue`` more wait, the next gets 429).
Bad input gets a 4xx with a message; an internal error a 500 with a one-line message, never a
traceback. Nothing submitted is written anywhere: articles and papers live in memory for the
length of the request.

A paper named by DOI (``kind: doi``; a PMID or PMCID is taken too) is looked up in the server's
references folder first, which needs no network. Otherwise it is fetched as ``check --paper DOI``
fetches it (Europe PMC, then Crossref: :mod:`factcheck.papers.sources`) and drafted into a summary;
fetched papers are kept in memory (``FETCHED_KEPT`` of them), and written to the on-disk fetch
cache only when the server was started with ``--fetch-cache``. The statuses say whose failure it
is: 400 not a DOI; 422 no service knows it (or the server was started with ``--no-fetch``, or the
record has no numbers); 502 the services could not be reached or answered badly (network down,
DNS, HTTP errors after retries); 504 they did not answer in time. The message names the DOI.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import io
import logging
import threading
from dataclasses import dataclass
from typing import Any, Literal, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck import __version__
from factcheck.core.config import Config
from factcheck.papers.summaries import Store, Summary

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Checked once before the first request: the pipeline imports and builds its models lazily
# (jieba, the rules), and threads doing that at once tripped over a half-imported jieba.
WARM_UP = ("据《干细胞研究与治疗》报道，48周时UC-MSCs组有40%的患者达到主要终点，所有患者都被彻底治愈。\n"
           "参考文献\n[1] Zang L, et al. Stem Cell Res Ther. 2022;13:180. doi:10.1186/s13287-022-02848-6")
log = logging.getLogger("factcheck.serve")


@dataclass
class Limits:
    max_bytes: int = 2 * 1024 * 1024        # a request body; a long article is 50 KB
    timeout: float = 30.0                   # seconds per request, waiting included
    max_concurrent: int = 4                 # checks running at once (CPU-bound: about the cores)
    max_queue: int = 64                     # requests waiting for a slot before 429


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class Paper(BaseModel):
    """A paper the article rests on, given in the request."""

    kind: Literal["abstract", "yaml", "id", "doi"] = Field(
        "abstract", description="abstract: the paper's abstract or text, drafted into a summary on the fly; "
                                "yaml: a structured summary; id: a summary in the server's references folder "
                                "(GET /v1/papers lists them); doi: a DOI (or PMID, PMCID), found in the "
                                "references folder or fetched from Europe PMC / Crossref and drafted")
    text: str = Field(..., max_length=1_000_000, description="the abstract, the YAML, the summary id or the DOI")


class Upload(BaseModel):
    """A draft as a file: what the page sends for an opened .docx, .html, .md or .txt."""

    name: str = Field(..., max_length=255, description="file name; its extension says how to read it")
    base64: str = Field(..., description="the file's bytes, base64-encoded")


class CheckRequest(BaseModel):
    text: str = Field("", description="the article text (plain text or Markdown); or give file")
    file: Optional[Upload] = Field(None, description="the article as a file (.txt .md .html .docx) instead of text")
    papers: list[Paper] = Field(default_factory=list, max_length=10,
                                description="papers the article is about (check --paper)")
    lang: Literal["zh", "en"] = Field("zh", description="language of messages")
    title: Optional[str] = Field(None, max_length=1000, description="the article's name in reports")
    verbose: bool = Field(False, description="also list numbers with no cited source")


class Position(BaseModel):
    offset: int = Field(..., description="start, in Unicode code points (Python str index)")
    length: int = Field(..., description="length in code points")
    utf16_offset: int = Field(..., description="start in UTF-16 code units (a JavaScript string index)")
    utf16_length: int
    line: int = Field(..., description="1-based line")
    column: int = Field(..., description="1-based column, in code points")


class PaperSide(BaseModel):
    value: Any = None
    text: Optional[str] = None
    summary_id: Optional[str] = None


class ApiFinding(BaseModel):
    rule: str
    severity: Literal["info", "warning", "error"]
    kind: Literal["claim", "overstatement"]
    verdict: str = Field(..., description="a number's verdict, or an overstatement's category")
    label: str = Field(..., description="verdict or category in the request's language")
    message: str
    surface: str = Field(..., description="the article's words the finding is about")
    position: Position
    paper: Optional[PaperSide] = None


class CheckResponse(BaseModel):
    software: dict
    lang: str
    stats: dict
    references: list[dict]
    notes: list[str]
    findings: list[ApiFinding]


class Rule(BaseModel):
    code: str
    kind: str
    severity: str
    description: str
    description_en: str = ""
    verdict: Optional[str] = None
    category: Optional[str] = None


class PaperInfo(BaseModel):
    id: str
    title: str
    title_zh: Optional[str] = None
    doi: Optional[str] = None
    journal: Optional[str] = None
    year: Optional[int] = None
    curated: bool = True


class ErrorBody(BaseModel):
    error: str


_ERRORS = {400: {"model": ErrorBody, "description": "bad input (the message says what)"},
           411: {"model": ErrorBody, "description": "no Content-Length"},
           413: {"model": ErrorBody, "description": "request too large"},
           422: {"model": ErrorBody, "description": "request does not match the schema, or names a paper by a "
                                                    "DOI no service knows (or that the server may not fetch)"},
           429: {"model": ErrorBody, "description": "too many requests at once"},
           502: {"model": ErrorBody, "description": "a paper named by DOI could not be fetched (network, "
                                                    "Europe PMC / Crossref errors)"},
           504: {"model": ErrorBody, "description": "the check (or a paper's fetch) took too long"}}
FETCHED_KEPT = 256      # papers fetched by DOI, kept in memory (never on disk without --fetch-cache)


class Checker:
    """The loaded references and the worker threads; one per server."""

    def __init__(self, store: Store, config: Config, limits: Limits, fetch_client=None, fetch: bool = True):
        self.store, self.config, self.limits = store, config, limits
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=limits.max_concurrent,
                                                          thread_name_prefix="factcheck")
        self.lock = threading.Lock()
        self.in_flight = 0      # running or queued, timed-out work included until it ends
        self.fetch = fetch
        # one fetch client for the server (its per-host rate limit spans requests); made now, so that
        # a bad FACTCHECK_MAILTO stops the server at start rather than failing requests
        self.client = (fetch_client or fetch_client_for(limits)) if fetch else None
        self.fetched: dict[tuple[str, str], Summary] = {}   # (kind, value) -> drafted summary, in memory

    def by_identifier(self, text: str, where: str) -> Summary:
        """The summary of a paper named by DOI, PMID or PMCID: the references folder's, else fetched."""
        from factcheck.papers.sources import (FetchError, FetchTimeout, InvalidIdentifier, NotFound,
                                              parse_identifier)
        from factcheck.papers.summarize import draft_summary

        ident = text.strip()
        try:
            kind, value = parse_identifier(ident)
        except InvalidIdentifier:
            raise ApiError(400, f"{where}: {ident[:200]!r} is not a DOI (10.NNNN/...), PMID or PMCID") from None
        found = self.store.resolve(doi=value if kind == "doi" else None, pmid=value if kind == "pmid" else None,
                                   pmcid=value if kind == "pmcid" else None)
        if found.summary_id and (s := self.store.get(found.summary_id)) is not None:
            return s
        with self.lock:
            s = self.fetched.get((kind, value))
        if s is not None:
            return s
        if not self.fetch:
            raise ApiError(422, f"{where}: {ident}: not in the server's references folder, and this server "
                                f"does not fetch papers (started with --no-fetch)")
        try:
            rec = self.client.fetch(ident)
        except NotFound as e:
            raise ApiError(422, f"{where}: {ident}: {e.problem}") from None
        except FetchTimeout as e:
            raise ApiError(504, f"{where}: {ident}: {e.problem}") from None
        except FetchError as e:
            raise ApiError(502, f"{where}: {ident}: {e.problem}") from None
        try:
            s = draft_summary("", record=rec, doi=rec.doi, source=rec.raw_url)
        except ValueError as e:
            raise ApiError(422, f"{where}: {ident}: {e}") from None
        if not s.findings and not s.population.n:
            raise ApiError(422, f"{where}: {ident}: fetched, but its record has no numbers to check against "
                                f"(no abstract?); paste the abstract instead")
        with self.lock:
            if len(self.fetched) >= FETCHED_KEPT:
                self.fetched.pop(next(iter(self.fetched)))
            self.fetched[(kind, value)] = s
        return s

    def warm_up(self) -> None:
        self.run(CheckRequest(text=WARM_UP))

    def _papers(self, papers: list[Paper]) -> tuple[Store, list[str]]:
        """A per-request store: the server's summaries plus the request's papers."""
        if not papers:
            return self.store, []
        st = Store(summaries=_Overlay(self.store.summaries), by_doi=dict(self.store.by_doi),
                   by_pmid=dict(self.store.by_pmid), by_pmcid=dict(self.store.by_pmcid),
                   by_title=dict(self.store.by_title), by_alias=dict(self.store.by_alias))
        ids = []
        for i, p in enumerate(papers, 1):
            s = _paper_summary(p, i, self)
            if self.store.get(s.id) is not s:          # the request's own paper, not the folder's
                if s.id in st.summaries:
                    s = s.model_copy(update={"id": f"{s.id}-paper{i}"})
                st.add(s)
            ids.append(s.id)
        return st, ids

    def run(self, req: CheckRequest):
        """The check itself, on a worker thread."""
        from factcheck.pipeline import check

        art = article_of(req)
        store, ids = self._papers(req.papers)
        cfg = dataclasses.replace(self.config, lang=req.lang)
        return check(art, store, cfg, papers=ids)

    async def submit(self, fn, *args):
        """Run ``fn`` on a worker within the limits: 429 when full, 504 when too slow."""
        with self.lock:
            if self.in_flight >= self.limits.max_concurrent + self.limits.max_queue:
                raise ApiError(429, "too many requests at once; try again shortly")
            self.in_flight += 1
        fut = self.pool.submit(fn, *args)

        def done(_f):
            with self.lock:
                self.in_flight -= 1
        fut.add_done_callback(done)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(fut), self.limits.timeout)
        except asyncio.TimeoutError:
            raise ApiError(504, f"the check took longer than {self.limits.timeout:g} s") from None


class _Overlay(dict):
    """A request's summaries: its own papers over the server's, which are read through, never copied
    (a references folder is read lazily: a copy would hold only the summaries loaded so far)."""

    def __init__(self, base):
        super().__init__()
        self.base = base

    def __getitem__(self, sid):
        return dict.__getitem__(self, sid) if dict.__contains__(self, sid) else self.base[sid]

    def get(self, sid, default=None):
        if dict.__contains__(self, sid):
            return dict.__getitem__(self, sid)
        return self.base.get(sid, default)

    def __contains__(self, sid) -> bool:
        return dict.__contains__(self, sid) or sid in self.base

    def keys(self):
        return list(self.base.keys()) + [k for k in dict.keys(self) if k not in self.base]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def values(self):
        return [v for v in (self.get(k) for k in self.keys()) if v is not None]

    def items(self):
        return [(k, v) for k in self.keys() if (v := self.get(k)) is not None]


def fetch_client_for(limits: Limits, use_cache: bool = False):
    """The client that fetches papers named by DOI, its budget fitted in a request: a try's timeout
    a third of ``limits.timeout`` (10 s at most), two tries, short sleeps, done within 40% of it.
    ``use_cache``: the on-disk fetch cache (``--fetch-cache``); otherwise nothing is written."""
    import os

    from factcheck.papers.sources import Client

    t = limits.timeout
    return Client(mailto=os.environ.get("FACTCHECK_MAILTO") or None, timeout=max(1.0, min(10.0, t / 3)),
                  max_tries=2, max_sleep=min(5.0, t / 6), deadline=max(1.0, t * 0.4), use_cache=use_cache)


def upload_bytes(req: CheckRequest) -> Optional[bytes]:
    import base64
    import binascii

    if req.file is None:
        return None
    try:
        return base64.b64decode(req.file.base64, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "file.base64: not valid base64") from None


def article_of(req: CheckRequest):
    """The request's article, read in memory as ``check`` reads a file of that kind."""
    from factcheck.ingest.reader import InputError, _html_text, article_from_text, decode

    if req.file is not None and req.text.strip():
        raise ApiError(400, "give text or file, not both")
    data = upload_bytes(req)
    if data is None:
        if not req.text.strip():
            raise ApiError(400, "text is empty")
        return article_from_text(req.text.replace("\r\n", "\n"), req.title or "<request>")
    name = req.file.name
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    source = req.title or name
    try:
        if suffix == ".docx":
            import docx

            from factcheck.render.wordout import extracted_text

            try:
                text = extracted_text(docx.Document(io.BytesIO(data)))
            except Exception as e:  # noqa: BLE001 - any parse failure is the upload's
                raise ApiError(400, f"file: cannot read .docx ({type(e).__name__})") from None
            if not text.strip():
                raise ApiError(400, "file: the document holds no text")
            return article_from_text(text, source, encoding="docx", extracted_from="docx")
        if suffix not in (".txt", ".text", ".md", ".markdown", ".html", ".htm"):
            raise ApiError(400, f"file: {suffix or 'no extension'}: not an article file (.txt .md .html .docx)")
        if data[:4] == b"PK\x03\x04":
            raise ApiError(400, "file: a zip or Office file: name it .docx if it is a Word document")
        text, enc, notes = decode(data, name)
        if suffix in (".html", ".htm"):
            body, title = _html_text(text)
            if not body or not body.strip():
                raise ApiError(400, "file: no article text found in the HTML")
            return article_from_text(body, source, encoding=enc, extracted_from="html", notes=notes, title=title)
        if not text.strip():
            raise ApiError(400, "file: empty")
        return article_from_text(text, source, encoding=enc,
                                 extracted_from="markdown" if suffix in (".md", ".markdown") else "text", notes=notes)
    except InputError as e:
        raise ApiError(400, f"file: {e.message}") from None


def _paper_summary(p: Paper, i: int, checker: Checker) -> Summary:
    from pydantic import ValidationError

    from factcheck.papers.summarize import draft_summary

    where = f"papers[{i - 1}]"
    base = checker.store
    if p.kind == "doi":
        if not p.text.strip():
            raise ApiError(400, f"{where}: empty")
        return checker.by_identifier(p.text, where)
    if p.kind == "id":
        s = base.get(p.text.strip())
        if s is None:
            raise ApiError(400, f"{where}: no summary {p.text.strip()!r} in the server's references folder")
        return s
    if not p.text.strip():
        raise ApiError(400, f"{where}: empty")
    if p.kind == "yaml":
        import yaml

        from factcheck.core.datafiles import safe_load

        try:
            data = safe_load(p.text)
        except yaml.YAMLError as e:
            raise ApiError(400, f"{where}: malformed YAML: {getattr(e, 'problem', None) or 'syntax error'}") from None
        if not isinstance(data, dict):
            raise ApiError(400, f"{where}: expected a mapping of summary fields")
        try:
            return Summary.model_validate(data)
        except ValidationError as e:
            err = e.errors()[0]
            loc = ".".join(str(x) for x in err["loc"]) or "-"
            raise ApiError(400, f"{where}:{loc}: {err['msg']}") from None
    try:
        s = draft_summary(p.text, source=f"<request paper {i}>")
    except ValueError as e:
        raise ApiError(400, f"{where}: {e}") from None
    if not s.findings and not s.population.n:
        raise ApiError(400, f"{where}: no numbers found to check against (is it an abstract?)")
    return s


def _response(report, req: CheckRequest) -> dict:
    from factcheck.render.findings import collect

    out = []
    for f in collect(report, req.lang, verbose=req.verbose):
        paper = None
        if f.paper_value is not None or f.paper_text or f.summary_id:
            paper = {"value": f.paper_value, "text": f.paper_text, "summary_id": f.summary_id}
        out.append({"rule": f.rule, "severity": f.severity, "kind": f.kind, "verdict": f.verdict,
                    "label": f.label, "message": f.message, "surface": f.surface, "paper": paper,
                    "position": {"offset": f.start, "length": f.end - f.start, "utf16_offset": f.utf16_start,
                                 "utf16_length": f.utf16_end - f.utf16_start, "line": f.line,
                                 "column": f.column}})
    refs = [{"index": r.index, "raw": r.raw, "summary_id": r.summary_id, "resolved_by": r.resolved_by}
            for r in report.references]
    return {"software": {"name": "factcheck", "version": __version__}, "lang": req.lang,
            "stats": dict(report.stats), "references": refs, "notes": list(report.notes), "findings": out}


def create_app(store: Optional[Store] = None, config: Optional[Config] = None,
               limits: Optional[Limits] = None, *, fetch: bool = True, fetch_client=None) -> FastAPI:
    """The application: its checker (the store, the limits, the fetch client), the guards on
    every request, the check routes and the routes that describe the server; tests drive it
    with the framework's test client. ``fetch``: papers named by a DOI the references folder
    does not hold are fetched (``fetch_client``: a :class:`factcheck.papers.sources.Client`; by
    default one that writes nothing to disk)."""
    limits = limits or Limits()
    checker = Checker(store or Store(), config or Config(), limits, fetch_client=fetch_client, fetch=fetch)
    checker.warm_up()
    app = FastAPI(title="factcheck", version=__version__, docs_url=None, redoc_url=None,
                  description="Check the numbers and claims of a Chinese science article against the "
                              "papers it cites. Offsets are given in code points and in UTF-16 units.")
    app.state.checker = checker

    _add_guards(app, limits)
    _add_check_routes(app, checker)
    _add_info_routes(app, checker)
    return app


def _add_guards(app: FastAPI, limits: Limits) -> None:
    """The request size limits, and every error as a JSON body with its status (never a traceback)."""

    @app.middleware("http")
    async def limit_size(request: Request, call_next):
        if request.method in ("POST", "PUT", "PATCH"):
            length = request.headers.get("content-length")
            if length is None:
                return _error(411, "send a Content-Length header")
            if not length.isdigit():
                return _error(400, "bad Content-Length")
            if int(length) > limits.max_bytes:
                return _error(413, f"request larger than {limits.max_bytes} bytes")
        try:
            return await call_next(request)
        except Exception:  # noqa: BLE001 - never a traceback to the client; the server's log has it
            log.exception("internal error on %s %s", request.method, request.url.path)
            return _error(500, "internal error")

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError):
        return _error(exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError):
        errs = exc.errors()
        if errs:
            e = errs[0]
            if e.get("type") == "json_invalid":
                return _error(422, "the request body is not valid JSON")
            loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "body"
            return _error(422, f"{loc}: {e.get('msg', 'invalid')}")
        return _error(422, "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal error")


def _add_check_routes(app: FastAPI, checker: Checker) -> None:
    """POST /v1/check (findings), /v1/report (the HTML report), /v1/reviewed.docx (Word comments)."""

    @app.post("/v1/check", response_model=CheckResponse, responses=_ERRORS,
              summary="check an article: findings with offsets")
    async def check_endpoint(req: CheckRequest):
        report = await checker.submit(checker.run, req)
        return _response(report, req)

    @app.post("/v1/report", response_class=HTMLResponse, responses=_ERRORS,
              summary="the HTML report of an article (as --format html)")
    async def report_endpoint(req: CheckRequest):
        from factcheck.render.htmlreport import to_html

        report = await checker.submit(checker.run, req)
        return HTMLResponse(to_html(report, req.lang))

    @app.post("/v1/reviewed.docx", responses={**_ERRORS, 200: {"content": {DOCX_TYPE: {}}}},
              summary="the article as a Word file with a comment per finding")
    async def docx_endpoint(req: CheckRequest):
        from factcheck.render.wordout import reviewed_docx

        def work():
            data = upload_bytes(req)
            is_docx = req.file is not None and req.file.name.lower().endswith(".docx")
            return reviewed_docx(checker.run(req), req.lang, source_path=io.BytesIO(data) if is_docx else None)
        data = await checker.submit(work)
        return Response(data, media_type=DOCX_TYPE,
                        headers={"Content-Disposition": 'attachment; filename="reviewed.docx"'})


def _add_info_routes(app: FastAPI, checker: Checker) -> None:
    """GET /v1/rules, /v1/papers, and the paste page with its script."""

    @app.get("/v1/rules", response_model=list[Rule], summary="every rule code check can report")
    async def rules(lang: Literal["zh", "en"] = "zh"):
        from factcheck.render.findings import rule_registry

        return rule_registry(lang, tuple(checker.config.rules_dirs))

    @app.get("/v1/papers", response_model=list[PaperInfo],
             summary="the summaries of the server's references folder (a paper of kind id names one)")
    async def papers():
        out = []
        for sid in sorted(checker.store.summaries):
            s = checker.store.get(sid)
            if s is not None:
                out.append({"id": s.id, "title": s.title, "title_zh": s.title_zh, "doi": s.doi,
                            "journal": s.journal, "year": s.year, "curated": s.curated})
        return out

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page(lang: Literal["zh", "en"] = "zh"):
        return HTMLResponse(paste_page(lang), headers={"Content-Security-Policy": PAGE_CSP,
                                                       "X-Content-Type-Options": "nosniff"})

    @app.get("/page.js", include_in_schema=False)
    async def page_js():
        from factcheck.core.datafiles import DATA_DIR

        return Response((DATA_DIR / "serve_page.js").read_text("utf-8"), media_type="text/javascript")


PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; "
            "frame-src 'self'; img-src data:; form-action 'none'; base-uri 'none'")


def paste_page(lang: str) -> str:
    from factcheck.core.datafiles import DATA_DIR

    html = (DATA_DIR / "serve_page.html").read_text("utf-8")
    return html.replace('<html lang="zh-CN">', '<html lang="en">' if lang == "en" else '<html lang="zh-CN">')


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def serve(host: str, port: int, store: Store, config: Config, limits: Limits, *, fetch: bool = True,
          fetch_cache: bool = False) -> None:
    """Run the server until interrupted (uvicorn; its access log shows paths, never bodies).
    ``fetch``: fetch papers named by a DOI the references folder lacks; ``fetch_cache``: keep what
    was fetched in the on-disk fetch cache (shared with ``factcheck fetch``), not only in memory."""
    import uvicorn

    client = fetch_client_for(limits, use_cache=True) if fetch and fetch_cache else None
    uvicorn.run(create_app(store, config, limits, fetch=fetch, fetch_client=client), host=host, port=port,
                log_level="info")
