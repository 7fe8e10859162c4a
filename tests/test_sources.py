"""factcheck.papers.sources against a real local HTTP server (never the internet)."""

from __future__ import annotations

import os
import re
import time
from email.utils import formatdate

import pytest

from conftest_http import (ZANG_DOI, ZANG_TITLE, Reply, closed_port, crossref_server,  # noqa: F401
                           crossref_work, epmc_server, europepmc_empty, europepmc_hit, no_internet)
from factcheck import __version__
from factcheck.papers.sources import (BadResponse, Client, FetchError, FetchTimeout, InvalidIdentifier,
                                      NetworkError, NotFound, Record, TooManyRetries,
                                      _retry_after_seconds, parse_identifier)

SEARCH = "/europepmc/webservices/rest/search"


@pytest.fixture(autouse=True)
def _offline(no_internet):
    """Every test here runs with connections outside 127.0.0.1 refused."""
    yield


def test_guard_refuses_the_internet(tmp_path):
    c = Client(cache_dir=str(tmp_path), sleep=lambda s: None, min_interval=0, max_tries=1)
    with pytest.raises(NetworkError, match="cannot reach www.ebi.ac.uk"):
        c.fetch("PMID:1")                       # the real Europe PMC base: refused locally


class SleepRecorder:
    def __init__(self):
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps():
    return SleepRecorder()


@pytest.fixture
def make_client(tmp_path, epmc_server, crossref_server, sleeps):
    def make(**kw):
        opts = dict(cache_dir=str(tmp_path / "cache"), europepmc_base=epmc_server.base,
                    crossref_base=crossref_server.base, min_interval=0.0, sleep=sleeps,
                    timeout=5.0, mailto="editor@example.org")
        opts.update(kw)
        return Client(**opts)
    return make


# ---------------------------------------------------------------- identifiers

@pytest.mark.parametrize("raw,expected", [
    ("10.1186/s13287-022-02848-6", ("doi", "10.1186/s13287-022-02848-6")),
    ("https://doi.org/10.1186/S13287-022-02848-6", ("doi", "10.1186/s13287-022-02848-6")),
    ("doi: 10.1080/09513590.2020.1807931", ("doi", "10.1080/09513590.2020.1807931")),
    ("PMID: 32840171", ("pmid", "32840171")),
    ("32840171", ("pmid", "32840171")),
    ("pmc9066971", ("pmcid", "PMC9066971")),
    ("PMCID: PMC123", ("pmcid", "PMC123")),
])
def test_parse_identifier(raw, expected):
    assert parse_identifier(raw) == expected


@pytest.mark.parametrize("raw", ["", "hello", "11.1234/x", "10.12/x", "10.1234/", "PMC",
                                 "10.1234/a b", "10.1234/a\x00b", 'x10.1234/a"b'])
def test_invalid_identifier_is_a_fetch_error(raw, make_client, epmc_server):
    with pytest.raises(InvalidIdentifier) as e:
        make_client().fetch(raw)
    assert isinstance(e.value, FetchError)
    assert epmc_server.log == []                  # nothing was sent


# ---------------------------------------------------------------- services

def test_success_from_europepmc(make_client, epmc_server, crossref_server):
    epmc_server.route("/europepmc/webservices/rest/search", Reply(200, europepmc_hit()),
                      query_contains=f'DOI:"{ZANG_DOI}"')
    rec = make_client().fetch("https://doi.org/10.1186/S13287-022-02848-6")
    assert isinstance(rec, Record)
    assert rec.source == "europepmc"
    assert rec.doi == ZANG_DOI
    assert rec.title == ZANG_TITLE
    assert rec.journal == "Stem cell research & therapy"
    assert rec.journal_abbrev == "Stem Cell Res Ther"
    assert rec.year == 2022 and rec.published == "2022-05-03"
    assert rec.authors[0] == "Zang L"
    assert rec.abstract.startswith("Background\n\nTo determine the efficacy")
    # entities decoded, thin/no-break spaces folded to plain spaces, tags dropped
    assert "UC-MSCs (n = 45)" in rec.abstract and "48 weeks" in rec.abstract
    assert "<i>" not in rec.abstract and "(p < 0.05)" in rec.abstract
    [req] = epmc_server.log
    assert req.path == SEARCH
    assert req.query == {"query": [f'DOI:"{ZANG_DOI}"'], "resultType": ["core"],
                         "format": ["json"]}
    assert crossref_server.log == []              # no fallback needed


def test_pmid_and_pmcid_queries(make_client, epmc_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()), query_contains="EXT_ID:12345678 AND SRC:MED")
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()), query_contains="PMCID:PMC1234567")
    c = make_client()
    assert c.fetch("PMID:12345678").pmid == "12345678"
    assert c.fetch("pmc1234567").pmcid == "PMC1234567"
    queries = [r.query["query"][0] for r in epmc_server.log]
    assert queries == ["EXT_ID:12345678 AND SRC:MED", "PMCID:PMC1234567"]


def test_fallback_to_crossref(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty(f'DOI:"{ZANG_DOI}"')))
    jats = ("<jats:title>Abstract</jats:title><jats:sec><jats:title>Background</jats:title>"
            "<jats:p>To determine the efficacy &amp; safety of UC-MSCs.</jats:p></jats:sec>")
    crossref_server.route(f"/works/{ZANG_DOI}", Reply(200, crossref_work(abstract=jats)))
    rec = make_client().fetch(ZANG_DOI)
    assert rec.source == "crossref"
    assert rec.title == ZANG_TITLE.rstrip(".")
    assert rec.journal == "Stem Cell Research & Therapy"
    assert rec.year == 2022 and rec.published == "2022-05-03"
    assert rec.authors == ["Zang Li", "Mu Yiming"]
    assert rec.abstract == "Abstract\n\nBackground\n\nTo determine the efficacy & safety of UC-MSCs."
    assert len(epmc_server.log) == 1
    [req] = crossref_server.log
    assert req.raw_path == "/works/10.1186%2Fs13287-022-02848-6"      # DOI quoted, safe=""
    assert req.query["mailto"] == ["editor@example.org"]


def test_europepmc_hit_without_abstract_takes_crossref_abstract(make_client, epmc_server,
                                                                crossref_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit(abstract=None)))
    crossref_server.route(f"/works/{ZANG_DOI}",
                          Reply(200, crossref_work(abstract="<jats:p>From Crossref.</jats:p>")))
    rec = make_client().fetch(ZANG_DOI)
    assert rec.source == "europepmc" and rec.abstract == "From Crossref."


def test_not_found_in_both(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(404, "Not Found", {"Content-Type": "text/plain"}))
    # crossref_server has no route: it answers 404 "Resource not found."
    c = make_client()
    with pytest.raises(NotFound) as e:
        c.fetch("10.9999/does-not-exist")
    assert isinstance(e.value, FetchError)
    assert "10.9999/does-not-exist" in str(e.value)
    assert "not found in Europe PMC or Crossref" in str(e.value)
    assert len(crossref_server.log) == 1
    assert c.find("10.9999/does-not-exist") is None            # and it is cached
    assert len(crossref_server.log) == 1 and len(epmc_server.log) == 1


def test_cached_not_found_expires(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    assert make_client().find("10.9999/not-yet") is None
    assert make_client().find("10.9999/not-yet") is None          # cached "not found"
    assert len(epmc_server.log) == 1 and len(crossref_server.log) == 1
    assert make_client(negative_ttl=0).find("10.9999/not-yet") is None   # expired: asked again
    assert len(epmc_server.log) == 2 and len(crossref_server.log) == 2


def test_europepmc_failing_falls_back_to_crossref(make_client, epmc_server, crossref_server, sleeps):
    epmc_server.route(SEARCH, Reply(503, "Service Unavailable"))
    crossref_server.route(f"/works/{ZANG_DOI}", Reply(200, crossref_work()))
    rec = make_client().fetch(ZANG_DOI)
    assert rec.source == "crossref" and rec.title == ZANG_TITLE.rstrip(".")
    assert len(epmc_server.log) == 4 and len(crossref_server.log) == 1


def test_pmid_not_found_says_crossref_cannot_help(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    with pytest.raises(NotFound, match=r"PMID 99999999|99999999: not found in Europe PMC"):
        make_client().fetch("PMID 99999999")
    assert crossref_server.log == []


# ---------------------------------------------------------------- retries and errors

def test_429_with_retry_after_then_success(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, [Reply(429, {"error": "Too Many Requests"}, {"Retry-After": "1"}),
                               Reply(200, europepmc_hit())])
    rec = make_client().fetch(ZANG_DOI)
    assert rec.title == ZANG_TITLE
    assert len(epmc_server.log) == 2
    assert sleeps.calls == [pytest.approx(1.0)]


def test_retry_after_as_http_date(make_client, epmc_server, sleeps):
    when = formatdate(time.time() + 3, usegmt=True)
    epmc_server.route(SEARCH, [Reply(503, "busy", {"Retry-After": when}),
                               Reply(200, europepmc_hit())])
    make_client().fetch(ZANG_DOI)
    assert len(sleeps.calls) == 1 and 1.0 <= sleeps.calls[0] <= 3.5


def test_retry_after_is_capped(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, [Reply(429, "", {"Retry-After": "3600"}), Reply(200, europepmc_hit())])
    make_client(max_sleep=5).fetch(ZANG_DOI)
    assert sleeps.calls == [5.0]


def test_500_then_success(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, [Reply(500, "Internal Server Error"), Reply(200, europepmc_hit())])
    assert make_client().fetch(ZANG_DOI).source == "europepmc"
    assert len(epmc_server.log) == 2
    assert sleeps.calls == [1.0]                  # first backoff step


def test_too_many_retries_names_last_status(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, Reply(503, "Service Unavailable"))
    with pytest.raises(TooManyRetries) as e:
        make_client().fetch("PMID:12345678")
    assert e.value.status == 503
    assert "too many retries" in str(e.value) and "last status 503" in str(e.value)
    assert "12345678" in str(e.value)
    assert len(epmc_server.log) == 4              # max_tries
    assert sleeps.calls == [1.0, 2.0, 4.0]        # exponential backoff, none after the last try


def test_malformed_json(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, '{"hitCount": 1, "resultList": {"result": [{'))
    with pytest.raises(BadResponse, match="malformed JSON") as e:
        make_client().fetch("PMID:12345678")
    assert "12345678" in str(e.value)
    # a DOI falls back to Crossref; when Crossref is broken too the user sees the first problem
    crossref_server.route(f"/works/{ZANG_DOI}", Reply(200, "<html>oops</html>"))
    with pytest.raises(BadResponse, match="malformed JSON"):
        make_client().fetch(ZANG_DOI)


def test_malformed_json_is_not_cached(make_client, epmc_server, tmp_path):
    epmc_server.route(SEARCH, [Reply(200, "not json"), Reply(200, europepmc_hit())])
    with pytest.raises(BadResponse):
        make_client().fetch(ZANG_DOI)
    assert make_client().fetch(ZANG_DOI).title == ZANG_TITLE
    assert len(epmc_server.log) == 2


def test_timeout(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit(), delay=1.0))
    # the server does answer, after 1 s: only a client that gives up at 0.3 s raises
    with pytest.raises(FetchTimeout) as e:
        make_client(timeout=0.3, max_tries=2).fetch("PMID:12345678")
    assert "timeout" in str(e.value) and "did not answer within 0.3 s" in str(e.value)
    assert "12345678" in str(e.value)
    assert len(epmc_server.log) == 2 and sleeps.calls == [1.0]


def test_connection_refused(tmp_path, closed_port, sleeps):
    c = Client(cache_dir=str(tmp_path), europepmc_base=f"http://127.0.0.1:{closed_port}/rest",
               crossref_base=f"http://127.0.0.1:{closed_port}", sleep=sleeps, min_interval=0)
    with pytest.raises(NetworkError) as e:
        c.fetch(ZANG_DOI)
    msg = str(e.value)
    assert msg.startswith(ZANG_DOI)
    assert f"cannot reach 127.0.0.1:{closed_port}: network down or DNS failure" in msg


def test_dns_failure_message(tmp_path, sleeps, monkeypatch):
    import socket

    real = socket.getaddrinfo

    def no_dns(host, *a, **kw):                  # no resolver is asked: nothing leaves the machine
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    c = Client(cache_dir=str(tmp_path), europepmc_base="http://no-such-host.invalid/rest",
               crossref_base="http://no-such-host.invalid", sleep=sleeps, min_interval=0,
               timeout=2)
    with pytest.raises(NetworkError, match=r"cannot reach no-such-host.invalid: network down or DNS failure \(DNS lookup failed\)"):
        c.fetch("PMID:1")


# ---------------------------------------------------------------- politeness

def test_user_agent_carries_mailto(make_client, epmc_server, crossref_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    crossref_server.route(f"/works/{ZANG_DOI}", Reply(200, crossref_work()))
    make_client(mailto="editor@example.org").fetch(ZANG_DOI)
    for req in epmc_server.log + crossref_server.log:
        assert req.headers["User-Agent"] == f"factcheck/{__version__} (mailto:editor@example.org)"
    assert crossref_server.log[0].query["mailto"] == ["editor@example.org"]
    assert "mailto" not in epmc_server.log[0].query


def test_bad_mailto_rejected(tmp_path):
    with pytest.raises(ValueError):
        Client(cache_dir=str(tmp_path), mailto="not an address")


def test_rate_limit_spaces_requests_to_one_host(make_client, epmc_server):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    c = make_client(min_interval=0.25, sleep=time.sleep)
    for pmid in ("1", "2", "3"):
        c.find(pmid)
    times = [r.time for r in epmc_server.log]
    assert len(times) == 3
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert all(g >= 0.22 for g in gaps), gaps


def test_rate_limit_uses_injected_sleep(make_client, epmc_server, sleeps):
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    c = make_client(min_interval=2.0)
    c.find("1")
    c.find("2")
    assert len(sleeps.calls) == 1 and 1.5 < sleeps.calls[0] <= 2.0


# ---------------------------------------------------------------- cache

def test_second_fetch_served_from_cache(make_client, epmc_server, tmp_path):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()))
    first = make_client().fetch(ZANG_DOI)
    assert len(epmc_server.log) == 1
    again = make_client().fetch(ZANG_DOI)          # a new client: a second run
    assert again == first
    assert len(epmc_server.log) == 1               # the server saw no new request
    files = os.listdir(tmp_path / "cache")
    assert len(files) == 1 and re.fullmatch(r"[0-9a-f]{64}\.json", files[0])


def test_cache_dir_from_environment(monkeypatch, tmp_path, epmc_server, crossref_server, sleeps):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "envcache"))
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()))
    c = Client(europepmc_base=epmc_server.base, crossref_base=crossref_server.base,
               sleep=sleeps, min_interval=0)
    c.fetch(ZANG_DOI)
    assert len(os.listdir(tmp_path / "envcache")) == 1


def test_corrupt_cache_file_is_refetched(make_client, epmc_server, tmp_path):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()))
    make_client().fetch(ZANG_DOI)
    [f] = (tmp_path / "cache").iterdir()
    f.write_text("{truncated", encoding="utf-8")
    assert make_client().fetch(ZANG_DOI).title == ZANG_TITLE
    assert len(epmc_server.log) == 2


def test_hostile_doi_is_quoted_and_never_a_path(make_client, epmc_server, crossref_server,
                                                tmp_path):
    doi = "10.1234/../../../etc/passwd?x=1&y=../z"
    epmc_server.route(SEARCH, Reply(200, europepmc_empty()))
    crossref_server.route("/works/" + doi, Reply(200, crossref_work(doi=doi, title="Hostile")))
    before = set(os.listdir(tmp_path))
    rec = make_client().fetch(doi)
    assert rec.title == "Hostile" and rec.doi == doi
    [req] = crossref_server.log
    assert req.raw_path == "/works/10.1234%2F..%2F..%2F..%2Fetc%2Fpasswd%3Fx%3D1%26y%3D..%2Fz"
    assert req.query == {"mailto": ["editor@example.org"]}        # the "?" did not leak
    assert epmc_server.log[0].query["query"] == [f'DOI:"{doi}"']
    # the cache holds hash-named files only, directly in the cache dir; nothing escaped it
    cache = tmp_path / "cache"
    for root, dirs, files in os.walk(tmp_path):
        for name in files:
            path = os.path.join(root, name)
            assert os.path.dirname(path) == str(cache), path
            assert re.fullmatch(r"[0-9a-f]{64}\.json", name), name
    assert set(os.listdir(tmp_path)) - before <= {"cache"}
    assert not os.path.exists("/etc/passwd?x=1")


def test_cache_writes_are_atomic_and_leave_no_temp_files(make_client, epmc_server, tmp_path,
                                                         monkeypatch):
    epmc_server.route(SEARCH, Reply(200, europepmc_hit()))
    calls = []
    real_replace = os.replace

    def spy(src, dst):
        calls.append((src, dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    make_client().fetch(ZANG_DOI)
    [(src, dst)] = calls
    assert os.path.dirname(src) == os.path.dirname(dst) == str(tmp_path / "cache")
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [os.path.basename(dst)]


def test_retry_after_parsing():
    assert _retry_after_seconds("7") == 7.0
    assert _retry_after_seconds(None) is None
    assert _retry_after_seconds("soon") is None
    assert _retry_after_seconds(formatdate(1000.0, usegmt=True), now=990.0) == pytest.approx(10.0)
    assert _retry_after_seconds(formatdate(1000.0, usegmt=True), now=2000.0) == 0.0
