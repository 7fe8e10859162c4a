"""A real local HTTP server with scripted, Europe PMC- and Crossref-shaped answers.

Import the fixtures into a test module (``from conftest_http import *`` or by name). The
server is ``http.server.ThreadingHTTPServer`` on 127.0.0.1, port 0, in a daemon thread; it
keeps a log of every request it received, so tests assert on what really went over the
wire (cache hits make no new log entry). Nothing here touches the internet.

Scripting::

    srv.route("/search", [Reply(429, headers={"Retry-After": "1"}), Reply(200, body)],
              query_contains="10.1186/s13287-022-02848-6")

Routes are tried in order; the first whose path (exact) and ``query_contains`` (a substring
of the decoded query string) match answers with its next reply, the last reply repeating.
Unmatched requests get 404 ``Resource not found.`` (Crossref's own 404 body).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional, Union
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

__all__ = ["Reply", "LoggedRequest", "ScriptedServer", "http_server", "epmc_server",
           "crossref_server", "closed_port", "no_internet", "ZANG_DOI", "ZANG_TITLE", "europepmc_hit",
           "europepmc_empty", "crossref_work"]

# ---------------------------------------------------------------- realistic bodies

ZANG_DOI = "10.1186/s13287-022-02848-6"
ZANG_TITLE = ("Efficacy and safety of umbilical cord-derived mesenchymal stem cells in Chinese "
              "adults with type 2 diabetes: a single-center, double-blinded, randomized, "
              "placebo-controlled phase II trial.")
# The PMID / PMCID below are PLACEHOLDERS for the fixture, not the paper's real identifiers.
ZANG_PMID = "12345678"
ZANG_PMCID = "PMC1234567"
ZANG_ABSTRACT_HTML = (
    "<h4>Background</h4>To determine the efficacy and safety of umbilical cord-derived "
    "mesenchymal stem cells (UC-MSCs) in Chinese adults with type 2 diabetes mellitus (T2DM)."
    "<h4>Methods</h4>In this single-center, double-blinded, randomized, placebo-controlled "
    "phase II trial, 91 patients were randomly assigned to receive intravenous infusion of "
    "UC-MSCs (n&#x2009;=&#x2009;45) or placebo (n&#x2009;=&#x2009;46) three times with 4-week "
    "intervals and followed up for 48&#xa0;weeks.<h4>Results</h4>At 48&#xa0;weeks, 20% of the "
    "patients in the UC-MSCs group and 4.55% in the placebo group reached the primary endpoint "
    "(<i>p</i>&#x2009;&lt;&#x2009;0.05).")


def europepmc_hit(doi: str = ZANG_DOI, title: str = ZANG_TITLE, *, pmid: Optional[str] = ZANG_PMID,
                  pmcid: Optional[str] = ZANG_PMCID, abstract: Optional[str] = ZANG_ABSTRACT_HTML,
                  year: str = "2022") -> dict:
    """A ``resultType=core`` search answer with one result, shaped like Europe PMC's."""
    result: dict[str, Any] = {
        "id": pmid or "PPR000000", "source": "MED" if pmid else "PPR",
        "pmid": pmid, "pmcid": pmcid, "doi": doi, "title": title,
        "authorString": "Zang L, Li Y, Mu Y.",
        "authorList": {"author": [
            {"fullName": "Zang L", "firstName": "Li", "lastName": "Zang", "initials": "L"},
            {"fullName": "Li Y", "firstName": "Yijun", "lastName": "Li", "initials": "Y"},
            {"fullName": "Mu Y", "firstName": "Yiming", "lastName": "Mu", "initials": "Y"},
        ]},
        "journalInfo": {"issue": "1", "volume": "13", "journalIssueId": 1, "dateOfPublication":
                        "2022 May", "monthOfPublication": 5, "yearOfPublication": int(year),
                        "printPublicationDate": f"{year}-05-01",
                        "journal": {"title": "Stem cell research & therapy",
                                    "medlineAbbreviation": "Stem Cell Res Ther",
                                    "isoabbreviation": "Stem Cell Res Ther",
                                    "essn": "1757-6512", "issn": "1757-6512"}},
        "pubYear": year, "pageInfo": "180",
        "abstractText": abstract,
        "language": "eng", "pubModelList": {"pubModel": ["Electronic"]},
        "isOpenAccess": "Y", "inEPMC": "Y", "inPMC": "Y", "hasPDF": "Y",
        "firstPublicationDate": f"{year}-05-03",
    }
    result = {k: v for k, v in result.items() if v is not None}
    return {"version": "6.9", "hitCount": 1, "nextCursorMark": "AoIIP4AAACgxMjM0NTY3OA==",
            "request": {"queryString": f'DOI:"{doi}"', "resultType": "core", "cursorMark": "*",
                        "pageSize": 25, "sort": "", "synonym": False},
            "resultList": {"result": [result]}}


def europepmc_empty(query: str = "") -> dict:
    return {"version": "6.9", "hitCount": 0,
            "request": {"queryString": query, "resultType": "core", "cursorMark": "*",
                        "pageSize": 25, "sort": "", "synonym": False},
            "resultList": {"result": []}}


def crossref_work(doi: str = ZANG_DOI, title: str = ZANG_TITLE.rstrip("."), *,
                  abstract: Optional[str] = None) -> dict:
    """A /works/{doi} answer shaped like Crossref's."""
    msg: dict[str, Any] = {
        "indexed": {"date-parts": [[2024, 3, 1]], "date-time": "2024-03-01T00:00:00Z",
                    "timestamp": 1709251200000},
        "publisher": "Springer Science and Business Media LLC",
        "issue": "1", "DOI": doi,
        "type": "journal-article",
        "created": {"date-parts": [[2022, 5, 3]]},
        "title": [title],
        "author": [{"given": "Li", "family": "Zang", "sequence": "first", "affiliation": []},
                   {"given": "Yiming", "family": "Mu", "sequence": "additional",
                    "affiliation": []}],
        "container-title": ["Stem Cell Research &amp; Therapy"],
        "short-container-title": ["Stem Cell Res Ther"],
        "volume": "13",
        "published": {"date-parts": [[2022, 5, 3]]},
        "issued": {"date-parts": [[2022, 5, 3]]},
        "URL": f"https://doi.org/{doi}",
        "ISSN": ["1757-6512"],
    }
    if abstract is not None:
        msg["abstract"] = abstract
    return {"status": "ok", "message-type": "work", "message-version": "1.0.0", "message": msg}


# ---------------------------------------------------------------- the server

@dataclass
class Reply:
    status: int = 200
    body: Union[str, bytes, dict, list, None] = None
    headers: dict = field(default_factory=dict)
    delay: float = 0.0                  # seconds to sleep before answering


@dataclass
class LoggedRequest:
    method: str
    path: str                           # decoded path
    raw_path: str                       # as sent, percent-encoding kept
    query: dict                         # parse_qs of the query string
    raw_query: str
    headers: dict
    time: float                         # time.monotonic() on arrival


@dataclass
class _Route:
    path: str
    replies: list
    query_contains: Optional[str] = None
    served: int = 0


class ScriptedServer:
    def __init__(self):
        self.routes: list[_Route] = []
        self.log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):       # keep pytest output clean
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                entry = LoggedRequest("GET", unquote(parts.path), parts.path,
                                      parse_qs(parts.query), parts.query,
                                      {k: v for k, v in self.headers.items()}, time.monotonic())
                with server._lock:
                    server.log.append(entry)
                    reply = server._pick(entry)
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body
                ctype = "application/json;charset=UTF-8"
                if isinstance(body, (dict, list)):
                    data = json.dumps(body).encode("utf-8")
                elif isinstance(body, str):
                    data = body.encode("utf-8")
                    ctype = reply.headers.get("Content-Type", ctype)
                elif body is None:
                    data = b""
                else:
                    data = body
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in reply.headers.items():
                        if k.lower() != "content-type":
                            self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass                        # the client gave up (timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def _pick(self, entry: LoggedRequest) -> Reply:
        q = unquote(entry.raw_query.replace("+", " "))
        for r in self.routes:
            if r.path != entry.path:
                continue
            if r.query_contains is not None and r.query_contains not in q:
                continue
            i = min(r.served, len(r.replies) - 1)
            r.served += 1
            return r.replies[i]
        return Reply(404, "Resource not found.", {"Content-Type": "text/plain"})

    def route(self, path: str, replies, *, query_contains: Optional[str] = None) -> None:
        if isinstance(replies, Reply):
            replies = [replies]
        self.routes.append(_Route(path, list(replies), query_contains))

    def requests_to(self, path_prefix: str = "") -> list[LoggedRequest]:
        with self._lock:
            return [e for e in self.log if e.path.startswith(path_prefix)]

    def start(self) -> "ScriptedServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def http_server():
    """A fresh scripted server; stopped after the test."""
    srv = ScriptedServer().start()
    try:
        yield srv
    finally:
        srv.stop()


# Two servers, two hosts (ports): one plays Europe PMC, one plays Crossref.
@pytest.fixture
def epmc_server():
    srv = ScriptedServer().start()
    srv.base = f"{srv.url}/europepmc/webservices/rest"
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def crossref_server():
    srv = ScriptedServer().start()
    srv.base = srv.url
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def no_internet(monkeypatch):
    """Fail any connection that is not to this machine (a guard: tests never go online)."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise AssertionError(f"a test tried to connect to {address!r}")
        return real_connect(self, address)

    real_getaddrinfo = socket.getaddrinfo

    def local_names_only(host, *args, **kwargs):    # no DNS query leaves the machine either
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise socket.gaierror(socket.EAI_NONAME, f"name lookups are off in tests ({host})")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "getaddrinfo", local_names_only)
    yield


@pytest.fixture
def closed_port() -> int:
    """A local port nothing listens on (bound then released)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
