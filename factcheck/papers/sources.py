"""Fetch a paper's metadata and abstract by DOI, PMID or PMCID (Europe PMC first, Crossref second).

Only ``factcheck fetch`` goes online; everything else works on references/. The client is
polite and robust:

* timeouts on connect and read (``timeout`` seconds each);
* retries with exponential backoff on 429 and 5xx (and on timeouts), honouring
  ``Retry-After`` (seconds or an HTTP date), at most ``max_tries`` tries, each sleep capped
  at ``max_sleep``; the sleep function is injectable so tests do not wait;
* a per-host rate limit (``min_interval`` seconds between two requests to one host);
* ``User-Agent: factcheck/<version> (mailto:ADDRESS)``; the address is also sent to Crossref
  as its ``mailto`` parameter (its "polite pool");
* an on-disk cache, one JSON file per request named by the sha256 of the URL (without the
  mailto), written atomically (temporary file, then ``os.replace``): a second run makes no
  request. Identifiers never become file names;
* identifiers are normalised and validated before use, and percent-encoded in URLs.

Every problem a user can meet is a :class:`FetchError` subclass whose message names the
identifier and the problem; a 404 from one service is a "not found" that moves on to the
next service, and :class:`NotFound` only when no service knows the identifier.
"""

from __future__ import annotations

import email.utils
import hashlib
import html
import json
import logging
import os
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote, urlsplit

import requests

from factcheck import __version__
from factcheck.core import fsutil
from factcheck.text.doi import DOI_START

log = logging.getLogger(__name__)

DEFAULT_EUROPEPMC = "https://www.ebi.ac.uk/europepmc/webservices/rest"
DEFAULT_CROSSREF = "https://api.crossref.org"
DEFAULT_MAX_SLEEP = 30.0        # cap on any single backoff sleep, seconds
BACKOFF_BASE = 1.0              # first backoff sleep, doubled on each retry
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
NEGATIVE_TTL = 7 * 24 * 3600.0  # a cached "not found" is asked again after a week
DEFAULT_DEADLINE = 60.0         # total seconds one request may take (a server that trickles
                                # a byte every few seconds never trips the per-read timeout)
MAX_RESPONSE_BYTES = 20 * 2**20  # a larger answer is refused while it streams, never cached
ENV_EUROPEPMC = "FACTCHECK_EUROPEPMC_URL"   # mirrors and tests point the client elsewhere
ENV_CROSSREF = "FACTCHECK_CROSSREF_URL"


def service_url(env: str, default: str) -> str:
    """A service's base URL: the environment variable when set (checked), else ``default``."""
    v = os.environ.get(env)
    if not v:
        return default
    parts = urlsplit(v.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{env}={v!r} is not an http(s) URL")
    return v.strip()


# ---------------------------------------------------------------- results and errors

@dataclass
class Record:
    """What a service knows about one paper."""

    source: str                                 # europepmc | crossref
    doi: Optional[str] = None
    pmid: Optional[str] = None
    pmcid: Optional[str] = None
    title: Optional[str] = None
    abstract: Optional[str] = None
    journal: Optional[str] = None
    journal_abbrev: Optional[str] = None
    year: Optional[int] = None
    published: Optional[str] = None             # ISO date as far as known
    authors: list[str] = field(default_factory=list)   # "Surname Given/Initials"
    raw_url: Optional[str] = None               # the request that gave this record

    def to_dict(self) -> dict:
        return asdict(self)


class FetchError(Exception):
    """A problem fetching ``identifier``; the message says which and what."""

    def __init__(self, identifier: str, problem: str):
        self.identifier = identifier
        self.problem = problem
        super().__init__(f"{identifier}: {problem}")


class InvalidIdentifier(FetchError):
    """Not a DOI, PMID or PMCID."""


class NotFound(FetchError):
    """No service knows the identifier."""


class NetworkError(FetchError):
    """The host could not be reached (offline, DNS failure, connection refused)."""


class FetchTimeout(FetchError):
    """The service did not answer within the timeout (after all retries)."""


class TooManyRetries(FetchError):
    """The service kept answering 429/5xx; ``status`` is the last one."""

    def __init__(self, identifier: str, problem: str, status: Optional[int] = None):
        self.status = status
        super().__init__(identifier, problem)


class BadResponse(FetchError):
    """The service answered something we cannot use (malformed JSON, unexpected status)."""


# ---------------------------------------------------------------- identifiers

_DOI_OK = re.compile("^" + DOI_START + r"\S+$")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/|(?:dx\.)?doi\.org/)", re.I)
_PMID_RE = re.compile(r"^(?:pmid:?\s*)?(\d{1,9})$", re.I)
_PMCID_RE = re.compile(r"^(?:pmcid:?\s*)?(?:pmc)(\d{1,10})$", re.I)


def parse_identifier(identifier: str) -> tuple[str, str]:
    """``(kind, value)`` with kind doi | pmid | pmcid; raise InvalidIdentifier otherwise.

    DOIs are lower-cased (they are case-insensitive) and stripped of resolver prefixes;
    PMCIDs become ``PMC123``.
    """
    if not isinstance(identifier, str):
        raise InvalidIdentifier(repr(identifier), "identifier must be text")
    raw = identifier.strip()
    if not raw:
        raise InvalidIdentifier("''", "empty identifier")
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise InvalidIdentifier(repr(raw), "identifier contains control characters")
    m = _PMCID_RE.match(raw.replace(" ", ""))
    if m:
        return "pmcid", f"PMC{int(m.group(1))}"
    m = _PMID_RE.match(raw)
    if m:
        pmid = str(int(m.group(1)))
        if pmid == "0":
            raise InvalidIdentifier(raw, "PMID must be a positive number")
        return "pmid", pmid
    doi = _DOI_PREFIX.sub("", raw).strip()
    if _DOI_OK.match(doi) and '"' not in doi and "\\" not in doi:
        return "doi", doi.lower()
    raise InvalidIdentifier(raw, "not a DOI (10.NNNN/...), PMID (digits) or PMCID (PMC digits)")


# ---------------------------------------------------------------- helpers

def _strip_markup(text: Optional[str]) -> Optional[str]:
    """HTML/JATS to plain text; section titles stay on lines of their own."""
    if not text:
        return None
    t = re.sub(r"<\s*(?:jats:)?(?:title|h\d)\b[^>]*>(.*?)<\s*/\s*(?:jats:)?(?:title|h\d)\s*>",
               lambda m: f"\n\n{m.group(1).strip()}\n\n", text, flags=re.I | re.S)
    t = re.sub(r"<\s*/?\s*(?:jats:)?(?:p|sec|br|div)\b[^>]*>", "\n", t, flags=re.I)
    t = re.sub(r"<[^>]+>", "", t)
    t = html.unescape(t)
    lines = [" ".join(line.split()) for line in t.splitlines()]
    out, blank = [], False
    for line in lines:
        if line:
            if blank and out:
                out.append("")
            out.append(line)
            blank = False
        else:
            blank = True
    s = "\n".join(out).strip()
    return s or None


def _retry_after_seconds(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    v = value.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", v):
        return float(v)
    try:
        when = email.utils.parsedate_to_datetime(v)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now_ts = time.time() if now is None else now
    return max(0.0, when.timestamp() - now_ts)


def europepmc_results(body: Any, ident: str, host: str = "Europe PMC") -> list:
    """The ``resultList.result`` of a Europe PMC search answer; BadResponse when the answer is not
    of that shape."""
    if not isinstance(body, dict):
        raise BadResponse(ident, f"unexpected answer from {host}: not a JSON object")
    result_list = body.get("resultList") or {}
    if not isinstance(result_list, dict):
        raise BadResponse(ident, f"unexpected answer from {host}: resultList is not an object")
    results = result_list.get("result") or []
    if not isinstance(results, list):
        raise BadResponse(ident, f"unexpected answer from {host}: resultList.result is not a list")
    return results


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def default_cache_dir() -> Path:
    from factcheck.core.fsutil import cache_dir

    return cache_dir()


# ---------------------------------------------------------------- the client

class Client:
    """Europe PMC + Crossref client with timeouts, retries, rate limit and a disk cache."""

    def __init__(self, *, mailto: Optional[str] = None, cache_dir: Optional[str] = None,
                 timeout: float = 10.0, europepmc_base: Optional[str] = None,
                 crossref_base: Optional[str] = None, min_interval: float = 1.0,
                 max_tries: int = 4, sleep: Callable[[float], Any] = time.sleep,
                 session: Optional[requests.Session] = None,
                 max_sleep: float = DEFAULT_MAX_SLEEP, use_cache: bool = True,
                 negative_ttl: float = NEGATIVE_TTL, deadline: float = DEFAULT_DEADLINE,
                 max_response_bytes: int = MAX_RESPONSE_BYTES):
        europepmc_base = europepmc_base or service_url(ENV_EUROPEPMC, DEFAULT_EUROPEPMC)
        crossref_base = crossref_base or service_url(ENV_CROSSREF, DEFAULT_CROSSREF)
        if mailto is None:
            mailto = os.environ.get("FACTCHECK_MAILTO") or None
        if mailto is not None and (not re.fullmatch(r"[^@\s()<>]+@[^@\s()<>]+", mailto)):
            raise ValueError(f"mailto {mailto!r} is not an e-mail address")
        self.mailto = mailto
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
        self.use_cache = use_cache
        self.negative_ttl = negative_ttl
        self.timeout = float(timeout)
        self.deadline = max(self.timeout, float(deadline))
        self.max_response_bytes = int(max_response_bytes)
        self.europepmc_base = europepmc_base.rstrip("/")
        self.crossref_base = crossref_base.rstrip("/")
        self.min_interval = max(0.0, float(min_interval))
        self.max_tries = max(1, int(max_tries))
        self.max_sleep = max(0.0, float(max_sleep))
        self.sleep = sleep
        self.session = session or requests.Session()
        self.user_agent = (f"factcheck/{__version__} (mailto:{mailto})" if mailto
                           else f"factcheck/{__version__}")
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests_made = 0          # network requests actually sent (not cache hits)

    # ------------------------------------------------------------ public

    def fetch(self, identifier: str) -> Record:
        """The record for a DOI, PMID or PMCID; raise a FetchError subclass otherwise."""
        kind, value = parse_identifier(identifier)
        errors: list[FetchError] = []
        rec: Optional[Record] = None
        try:
            rec = self._europepmc(kind, value, identifier)
        except NotFound:
            pass
        except FetchError as e:
            if kind != "doi":
                raise
            errors.append(e)
            log.warning("Europe PMC failed for %s (%s); trying Crossref", identifier, e.problem)
        if rec is not None:
            if not rec.abstract and rec.doi:
                # Europe PMC often lacks abstracts of non-PubMed journals; Crossref may have one.
                try:
                    cr = self._crossref(rec.doi, identifier)
                except FetchError:
                    cr = None
                if cr and cr.abstract:
                    rec.abstract = cr.abstract
            return rec
        if kind != "doi":
            raise NotFound(identifier, f"not found in Europe PMC (Crossref cannot be searched by "
                                       f"{kind.upper()})")
        try:
            return self._crossref(value, identifier)
        except NotFound:
            if errors:
                raise errors[0] from None
            raise NotFound(identifier, "not found in Europe PMC or Crossref") from None
        except FetchError:
            if errors:
                raise errors[0] from None
            raise

    def find(self, identifier: str) -> Optional[Record]:
        """Like :meth:`fetch` but ``None`` when no service knows the identifier."""
        try:
            return self.fetch(identifier)
        except NotFound:
            return None

    def search(self, query: str, *, page_size: int = 25) -> list[tuple[dict, Record]]:
        """Europe PMC's search (``resultType=core``): each result as (the raw result, its
        Record), best first as Europe PMC ranks them; ``[]`` when nothing matches. Cached like
        :meth:`fetch` (a search that found nothing expires after ``negative_ttl``)."""
        if not isinstance(query, str) or not query.strip():
            raise BadResponse("search", "empty search query")
        ident = f"search {query[:80]}"
        url = f"{self.europepmc_base}/search"
        params = {"query": query, "resultType": "core", "format": "json", "pageSize": str(int(page_size))}
        return self._get_json(url, params, ident,
                              parse=lambda status, body, raw_url: self._parse_search(
                                  ident, url, status, body, raw_url))

    def _parse_search(self, ident: str, url: str, status: int, body: Any, raw_url: str) -> list:
        if status == 404:
            return []
        results = europepmc_results(body, ident, _host(url))
        return [(r, self._record_from_europepmc(r, raw_url)) for r in results if isinstance(r, dict)]

    # ------------------------------------------------------------ services

    def _europepmc(self, kind: str, value: str, ident: str) -> Record:
        if kind == "doi":
            query = f'DOI:"{value}"'
        elif kind == "pmid":
            query = f"EXT_ID:{value} AND SRC:MED"
        else:
            query = f"PMCID:{value}"
        url = f"{self.europepmc_base}/search"
        params = {"query": query, "resultType": "core", "format": "json"}
        return self._get_json(url, params, ident,
                              parse=lambda status, body, raw_url: self._parse_europepmc(
                                  kind, value, ident, url, status, body, raw_url))

    def _parse_europepmc(self, kind: str, value: str, ident: str, url: str, status: int, body: Any,
                         raw_url: str) -> Record:
        if status == 404:
            raise NotFound(ident, "not found in Europe PMC")
        results = europepmc_results(body, ident, _host(url))
        hit = None
        for r in results:
            if not isinstance(r, dict):
                continue
            if kind == "doi" and str(r.get("doi") or "").lower() == value:
                hit = r
            elif kind == "pmid" and str(r.get("pmid") or "") == value:
                hit = r
            elif kind == "pmcid" and str(r.get("pmcid") or "").upper() == value:
                hit = r
            if hit:
                break
        if hit is None:
            raise NotFound(ident, "not found in Europe PMC")
        return self._record_from_europepmc(hit, raw_url)

    @staticmethod
    def _record_from_europepmc(r: dict, raw_url: str) -> Record:
        jinfo = r.get("journalInfo") or {}
        journal = jinfo.get("journal") or {}
        authors: list[str] = []
        alist = ((r.get("authorList") or {}).get("author")) or []
        for a in alist if isinstance(alist, list) else []:
            if not isinstance(a, dict):
                continue
            name = a.get("fullName") or " ".join(
                x for x in (a.get("lastName"), a.get("initials") or a.get("firstName")) if x)
            if not name and a.get("collectiveName"):
                name = a["collectiveName"]
            if name:
                authors.append(name.strip())
        if not authors and r.get("authorString"):
            authors = [a.strip().rstrip(".") for a in str(r["authorString"]).split(",") if a.strip()]
        year = r.get("pubYear") or jinfo.get("yearOfPublication")
        try:
            year = int(year) if year is not None else None
        except (TypeError, ValueError):
            year = None
        pmcid = r.get("pmcid")
        return Record(
            source="europepmc",
            doi=(str(r["doi"]).lower() if r.get("doi") else None),
            pmid=(str(r["pmid"]) if r.get("pmid") else None),
            pmcid=(str(pmcid).upper() if pmcid else None),
            title=_strip_markup(r.get("title")),
            abstract=_strip_markup(r.get("abstractText")),
            journal=journal.get("title"),
            journal_abbrev=journal.get("isoabbreviation") or journal.get("medlineAbbreviation"),
            year=year,
            published=r.get("firstPublicationDate") or r.get("firstIndexDate"),
            authors=authors,
            raw_url=raw_url,
        )

    def _crossref(self, doi: str, ident: str) -> Record:
        url = f"{self.crossref_base}/works/{quote(doi, safe='')}"
        extra = {"mailto": self.mailto} if self.mailto else None
        return self._get_json(url, {}, ident, extra_params=extra,
                              parse=lambda status, body, raw_url: self._parse_crossref(
                                  doi, ident, url, status, body, raw_url))

    def _parse_crossref(self, doi: str, ident: str, url: str, status: int, body: Any, raw_url: str) -> Record:
        if status == 404:
            raise NotFound(ident, "not found in Crossref")
        msg = body.get("message") if isinstance(body, dict) else None
        if not isinstance(msg, dict):
            raise BadResponse(ident, f"unexpected answer from {_host(url)}: no 'message' object")
        title = msg.get("title") or []
        title = title[0] if isinstance(title, list) and title else (title or None)
        container = msg.get("container-title") or []
        journal = container[0] if isinstance(container, list) and container else None
        short = msg.get("short-container-title") or []
        abbrev = short[0] if isinstance(short, list) and short else None
        parts = None
        for key in ("issued", "published", "published-print", "published-online", "created"):
            dp = (msg.get(key) or {}).get("date-parts") if isinstance(msg.get(key), dict) else None
            if dp and isinstance(dp, list) and dp[0] and dp[0][0]:
                parts = [int(x) for x in dp[0] if x is not None]
                break
        year = parts[0] if parts else None
        published = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) if parts else None
        authors = []
        for a in msg.get("author") or []:
            if not isinstance(a, dict):
                continue
            name = " ".join(x for x in (a.get("family"), a.get("given")) if x) or a.get("name")
            if name:
                authors.append(name.strip())
        return Record(
            source="crossref",
            doi=str(msg.get("DOI") or doi).lower(),
            title=_strip_markup(title) if title else None,
            abstract=_strip_markup(msg.get("abstract")),
            journal=html.unescape(journal) if journal else None,
            journal_abbrev=html.unescape(abbrev) if abbrev else None,
            year=year,
            published=published,
            authors=authors,
            raw_url=raw_url,
        )

    # ------------------------------------------------------------ HTTP

    def _get_json(self, url: str, params: dict, ident: str, extra_params: Optional[dict] = None,
                  parse: Optional[Callable[[int, Any, str], Any]] = None) -> Any:
        """``parse(status, parsed JSON or None, url)`` of the answer: 200 and 404 are answers,
        the rest errors. An answer is cached only once ``parse`` accepted it (a Record, or a
        NotFound); one it rejects (BadResponse: wrong types, nesting too deep) is never cached,
        and a cached answer it rejects (written by an older version) is dropped and asked again."""
        parse = parse or (lambda status, body, raw_url: (status, body, raw_url))
        prepared = requests.Request("GET", url, params=params).prepare().url
        key = hashlib.sha256(prepared.encode("utf-8")).hexdigest()
        if self.use_cache:
            hit = self._cache_read(key)
            if hit is not None:
                try:
                    return self._checked(parse, ident, url, hit["status"], hit.get("body"), prepared)
                except BadResponse:
                    log.warning("dropping a cached answer that is no longer accepted: %s", prepared)
                    self._cache_drop(key)
        status, text = self._request(url, {**params, **(extra_params or {})}, ident)
        if status == 404:
            body = None
        else:
            try:
                body = json.loads(text)
            except ValueError as e:
                raise BadResponse(ident, f"malformed JSON from {_host(url)} ({e.msg} at "
                                         f"position {e.pos})") from None
            except RecursionError:
                raise BadResponse(ident, f"malformed JSON from {_host(url)} (nested too deeply)") from None
        entry = {"url": prepared, "status": status, "body": body,
                 "fetched": datetime.now(timezone.utc).isoformat()}
        try:
            result = self._checked(parse, ident, url, status, body, prepared)
        except NotFound:
            if self.use_cache:
                self._cache_write(key, entry)       # a valid "not found" (it expires)
            raise
        if self.use_cache:
            self._cache_write(key, entry)
        return result

    @staticmethod
    def _checked(parse: Callable[[int, Any, str], Any], ident: str, url: str, status: int, body: Any,
                 prepared: str) -> Any:
        """``parse`` with any surprise in the answer's shape (a string where an object belongs,
        a date "twenty") turned into a BadResponse naming the identifier and the host."""
        try:
            return parse(status, body, prepared)
        except FetchError:
            raise
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, RecursionError) as e:
            raise BadResponse(ident, f"unexpected answer from {_host(url)}: {type(e).__name__}: "
                                     f"{str(e)[:120]}") from None

    def _request(self, url: str, params: dict, ident: str) -> tuple[int, str]:
        host = _host(url)
        headers = {"User-Agent": self.user_agent, "Accept": "application/json"}
        last_status: Optional[int] = None
        timed_out = False
        for attempt in range(1, self.max_tries + 1):
            self._wait_turn(host)
            try:
                self.requests_made += 1
                status, text, resp = self._get_capped(url, params, headers, ident, host)
            except requests.exceptions.ConnectTimeout:
                raise NetworkError(ident, f"cannot reach {host}: network down or DNS failure "
                                          f"(connect timed out after {self.timeout:g} s)") from None
            except requests.exceptions.Timeout:
                timed_out, last_status = True, None
                delay = self._backoff(attempt, None)
                if attempt < self.max_tries:
                    log.info("%s: timeout from %s, retry %d in %.1f s", ident, host, attempt, delay)
                    self.sleep(delay)
                continue
            except requests.exceptions.ConnectionError as e:
                reason = _connection_reason(e)
                raise NetworkError(ident, f"cannot reach {host}: network down or DNS failure"
                                          f"{f' ({reason})' if reason else ''}") from None
            except requests.exceptions.RequestException as e:
                raise FetchError(ident, f"request to {host} failed: {e.__class__.__name__}") from None
            timed_out = False
            if status == 200 or status == 404:
                return status, text
            if status in RETRY_STATUSES or 500 <= status < 600:
                last_status = status
                if attempt < self.max_tries:
                    delay = self._backoff(attempt, resp.headers.get("Retry-After"))
                    log.info("%s: HTTP %d from %s, retry %d in %.1f s", ident, status, host,
                             attempt, delay)
                    self.sleep(delay)
                continue
            raise BadResponse(ident, f"HTTP {status} from {host}")
        if timed_out:
            raise FetchTimeout(ident, f"timeout: {host} did not answer within {self.timeout:g} s "
                                      f"(or gave no complete answer within {self.deadline:g} s; "
                                      f"{self.max_tries} tries)")
        raise TooManyRetries(ident, f"too many retries: {host} still failing after "
                                    f"{self.max_tries} tries (last status {last_status})",
                             status=last_status)

    def _get_capped(self, url: str, params: dict, headers: dict, ident: str, host: str):
        """One GET, streamed: a total deadline for the whole answer (``requests``' read timeout
        applies to each read, so a byte every few seconds would never end) and a size cap
        checked as the bytes arrive (a 300 MB answer is refused at the cap, not held in memory
        and cached). Returns (status, text, response)."""
        start = time.monotonic()
        resp = self.session.get(url, params=params, headers=headers, stream=True,
                                timeout=(self.timeout, min(self.timeout, self.deadline)))
        try:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > self.max_response_bytes:
                raise BadResponse(ident, f"answer from {host} too large ({declared} bytes > limit "
                                         f"{self.max_response_bytes} bytes); refused")
            chunks, size = [], 0
            for chunk in _pieces(resp):
                size += len(chunk)
                if size > self.max_response_bytes:
                    raise BadResponse(ident, f"answer from {host} too large (more than "
                                             f"{self.max_response_bytes} bytes); refused")
                if time.monotonic() - start > self.deadline:
                    raise requests.exceptions.ReadTimeout(f"no complete answer within {self.deadline:g} s")
                chunks.append(chunk)
            if time.monotonic() - start > self.deadline:
                raise requests.exceptions.ReadTimeout(f"no complete answer within {self.deadline:g} s")
            data = b"".join(chunks)
            if resp.status_code not in (200, 404):
                return resp.status_code, "", resp
            return resp.status_code, data.decode(resp.encoding or "utf-8", errors="replace"), resp
        finally:
            resp.close()

    def _backoff(self, attempt: int, retry_after: Optional[str]) -> float:
        ra = _retry_after_seconds(retry_after)
        delay = ra if ra is not None else BACKOFF_BASE * (2 ** (attempt - 1))
        return min(self.max_sleep, max(0.0, delay))

    def _wait_turn(self, host: str) -> None:
        """Per-host rate limit: at least ``min_interval`` seconds between two requests."""
        if self.min_interval <= 0:
            return
        with self._lock:
            now = time.monotonic()
            last = self._last.get(host)
            wait = 0.0 if last is None else last + self.min_interval - now
            # book the slot before sleeping so concurrent callers queue behind us
            self._last[host] = now + max(0.0, wait)
        if wait > 0:
            self.sleep(wait)

    # ------------------------------------------------------------ cache

    def _cache_path(self, key: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{64}", key):     # never a caller-controlled name
            raise ValueError("bad cache key")
        return self.cache_dir / f"{key}.json"

    def _cache_read(self, key: str) -> Optional[dict]:
        p = self._cache_path(key)
        try:
            with open(p, "r", encoding="utf-8") as fh:
                data = json.load(fh)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("ignoring unreadable cache file %s", p)
            return None
        if not isinstance(data, dict) or not isinstance(data.get("status"), int):
            return None
        body = data.get("body")
        negative = data["status"] == 404 or (isinstance(body, dict) and body.get("hitCount") == 0)
        if negative:
            # a paper not indexed yet may be indexed next week: negative answers expire
            try:
                age = time.time() - datetime.fromisoformat(data.get("fetched", "")).timestamp()
            except (TypeError, ValueError):
                return None
            if age > self.negative_ttl:
                return None
        return data

    def _cache_drop(self, key: str) -> None:
        try:
            os.unlink(self._cache_path(key))
        except OSError:
            pass

    def _cache_write(self, key: str, data: dict) -> None:
        p = self._cache_path(key)
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            fsutil.atomic_write(str(p), json.dumps(data, ensure_ascii=False), prefix=".tmp-")
        except OSError as e:
            log.warning("cannot write cache file %s: %s", p, e)


def _pieces(resp) -> Any:
    """The body as it arrives: each piece is what one read of the socket gave (urllib3 2's
    ``read1``), so the deadline is checked after every read however slowly bytes come;
    ``iter_content`` would wait to fill a whole chunk. Small chunks where read1 is missing."""
    read1 = getattr(resp.raw, "read1", None)
    if read1 is None:
        yield from resp.iter_content(chunk_size=1024)
        return
    try:
        while True:
            piece = read1(65536, decode_content=True)
            if not piece:
                return
            yield piece
    except Exception as e:  # noqa: BLE001 - urllib3's errors, as requests would raise them
        import urllib3.exceptions as ue

        if isinstance(e, ue.ReadTimeoutError):
            raise requests.exceptions.ReadTimeout(str(e)) from None
        if isinstance(e, (ue.ProtocolError, ue.DecodeError)):
            raise requests.exceptions.ChunkedEncodingError(str(e)) from None
        if isinstance(e, OSError):
            raise requests.exceptions.ConnectionError(str(e)) from None
        raise


def _connection_reason(e: Exception) -> str:
    s = str(e)
    if "Connection refused" in s or "ECONNREFUSED" in s or "[Errno 111]" in s:
        return "connection refused"
    if "Name or service not known" in s or "getaddrinfo" in s or "nodename nor servname" in s \
            or "Temporary failure in name resolution" in s or "NameResolution" in s:
        return "DNS lookup failed"
    if "Network is unreachable" in s:
        return "network unreachable"
    return ""
