"""factcheck serve: the HTTP API and the paste page, driven by the framework's test client
(no socket, no network)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from factcheck.server import Limits, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(store))


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def test_check_seed_article(client):
    r = client.post("/v1/check", json={"text": SEED})
    assert r.status_code == 200
    doc = r.json()
    assert doc["software"]["name"] == "factcheck" and doc["lang"] == "zh"
    lines = SEED.split("\n")
    for f in doc["findings"]:
        p = f["position"]
        assert SEED[p["offset"]:p["offset"] + p["length"]] == f["surface"]
        assert p["utf16_offset"] == _utf16(SEED, p["offset"])
        assert lines[p["line"] - 1][p["column"] - 1:].startswith(f["surface"].split("\n")[0])
    forty = [f for f in doc["findings"] if f["surface"] == "40%"]
    assert forty and forty[0]["verdict"] == "mismatch" and forty[0]["severity"] == "error"
    assert forty[0]["paper"]["value"] == 20 and "20%" in forty[0]["paper"]["text"]
    assert any(f["kind"] == "overstatement" for f in doc["findings"])


def test_utf16_offsets_count_astral_characters_twice(client):
    text = "😀😀据《柳叶刀》报道，所有患者都被彻底治愈了。"
    doc = client.post("/v1/check", json={"text": text, "lang": "en"}).json()
    assert doc["findings"]
    for f in doc["findings"]:
        p = f["position"]
        assert p["utf16_offset"] == p["offset"] + 2
        assert text.encode("utf-16-le")[2 * p["utf16_offset"]:2 * (p["utf16_offset"] + p["utf16_length"])] \
            .decode("utf-16-le") == f["surface"]
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in f["label"]) for f in doc["findings"])


def test_papers_in_the_request(client):
    article = ("据《干细胞研究与治疗》报道，48周时，UC-MSCs组有40%的患者达到主要终点。")
    abstract = (ROOT / "tests" / "data" / "abstracts" / "zang2022.txt").read_text("utf-8")
    yaml_text = (ROOT / "references" / "zang2022.yaml").read_text("utf-8")
    for paper in ({"kind": "abstract", "text": abstract}, {"kind": "yaml", "text": yaml_text},
                  {"kind": "id", "text": "zang2022"}):
        r = client.post("/v1/check", json={"text": article, "papers": [paper]})
        assert r.status_code == 200, (paper["kind"], r.text)
        assert r.json()["references"], paper["kind"]


def test_rules_and_openapi(client):
    rules = client.get("/v1/rules").json()
    codes = {r["code"] for r in rules}
    assert {"FC101", "FC102", "FC201", "FC205"} <= codes
    assert all(r["description"] for r in rules)
    en = client.get("/v1/rules", params={"lang": "en"}).json()
    assert any("does not match" in r["description"] for r in en)
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/check", "/v1/rules", "/v1/report", "/v1/reviewed.docx"} <= set(spec["paths"])
    props = spec["components"]["schemas"]["Position"]["properties"]
    assert {"offset", "utf16_offset", "line", "column"} <= set(props)


def test_html_report_and_docx(client):
    r = client.post("/v1/report", json={"text": SEED})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "40%" in r.text and "<!-- factcheck report -->" in r.text
    r = client.post("/v1/reviewed.docx", json={"text": SEED})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    import io

    import docx

    d = docx.Document(io.BytesIO(r.content))
    assert any("40%" in c.text for c in d.comments)


def test_upload_a_docx_and_get_it_back_with_comments(client, tmp_path):
    import base64
    import io

    import docx

    from factcheck.render.wordout import extracted_text
    from test_editors import _bold_text, _seed_docx

    draft = tmp_path / "draft.docx"
    before = _seed_docx(draft)
    upload = {"name": "draft.docx", "base64": base64.b64encode(draft.read_bytes()).decode()}
    doc = client.post("/v1/check", json={"file": upload}).json()
    forty = [f for f in doc["findings"] if f["surface"] == "40%"]
    assert forty and forty[0]["verdict"] == "mismatch"
    assert before[forty[0]["position"]["offset"]:][:3] == "40%"
    r = client.post("/v1/reviewed.docx", json={"file": upload})
    assert r.status_code == 200
    rev = docx.Document(io.BytesIO(r.content))
    assert extracted_text(rev) == before
    assert _bold_text(rev) == _bold_text(docx.Document(str(draft)))
    assert any("40%" in c.text for c in rev.comments)
    html = {"name": "a.html", "base64": base64.b64encode("<html><body><p>所有患者都被彻底治愈了。</p></body></html>"
                                                         .encode()).decode()}
    assert client.post("/v1/check", json={"file": html}).status_code == 200


@pytest.mark.parametrize("body,status,words", [
    (b'{"file": {"name": "a.docx", "base64": "%%%"}}', 400, "base64"),
    (b'{"file": {"name": "a.docx", "base64": "aGVsbG8="}}', 400, "docx"),
    (b'{"file": {"name": "a.exe", "base64": "aGVsbG8="}}', 400, "not an article file"),
    (b'{"file": {"name": "a.txt", "base64": "aGVsbG8="}, "text": "x"}', 400, "not both"),
    (b"{not json", 422, "JSON"),
    (b'{"text": 5}', 422, "text"),
    (b'{"papers": []}', 400, "text"),
    (b'{"text": "   "}', 400, "empty"),
    (b'{"text": "x", "lang": "fr"}', 422, "lang"),
    (b'{"text": "x", "papers": [{"kind": "yaml", "text": "a: [1"}]}', 400, "YAML"),
    (b'{"text": "x", "papers": [{"kind": "yaml", "text": "- 1"}]}', 400, "mapping"),
    (b'{"text": "x", "papers": [{"kind": "yaml", "text": "id: x"}]}', 400, "papers[0]"),
    (b'{"text": "x", "papers": [{"kind": "id", "text": "nope"}]}', 400, "nope"),
    (b'{"text": "x", "papers": [{"kind": "abstract", "text": "no numbers here"}]}', 400, "papers[0]"),
    (b"\xff\xfe\x00", 400, "body"),
    (b"[]", 422, ""),
])
def test_bad_input_gets_a_4xx_with_a_message(client, body, status, words):
    r = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == status, r.text
    msg = r.json()["error"]
    assert words in msg and "Traceback" not in msg


def test_size_limit_and_length_required(store):
    c = TestClient(create_app(store, limits=Limits(max_bytes=1000)))
    r = c.post("/v1/check", json={"text": "数" * 2000})
    assert r.status_code == 413 and "1000" in r.json()["error"]

    def chunks():
        yield b'{"text": "x"}'
    r = c.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 411


def _blocking(app):
    """Make the checker's work wait on an event: requests pile up as on a busy server."""
    gate = threading.Event()
    checker = app.state.checker
    real = checker.run

    def slow(req):
        gate.wait(10)
        return real(req)
    checker.run = slow
    return gate


def test_concurrency_limit_gives_429(store):
    app = create_app(store, limits=Limits(max_concurrent=1, max_queue=0, timeout=10))
    gate = _blocking(app)
    c = TestClient(app)
    first: dict = {}
    t = threading.Thread(target=lambda: first.update(r=c.post("/v1/check", json={"text": SEED})))
    t.start()
    for _ in range(100):
        if app.state.checker.in_flight:
            break
        time.sleep(0.02)
    r = c.post("/v1/check", json={"text": SEED})
    assert r.status_code == 429 and r.json()["error"]
    gate.set()
    t.join(20)
    assert first["r"].status_code == 200


def test_time_limit_gives_504(store):
    app = create_app(store, limits=Limits(timeout=0.3))
    gate = _blocking(app)
    r = TestClient(app).post("/v1/check", json={"text": SEED})
    gate.set()
    assert r.status_code == 504 and "0.3" in r.json()["error"]


def test_internal_error_is_a_message_not_a_traceback(store):
    app = create_app(store)

    def boom(req):
        raise RuntimeError("secret detail")
    app.state.checker.run = boom
    r = TestClient(app, raise_server_exceptions=False).post("/v1/check", json={"text": "x"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error"}


def test_nothing_is_stored(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert client.post("/v1/check", json={"text": SEED}).status_code == 200
    assert client.post("/v1/reviewed.docx", json={"text": SEED}).status_code == 200
    assert list(tmp_path.iterdir()) == []


def test_paste_page_zh_and_en(client):
    r = client.get("/")
    assert r.status_code == 200 and '<html lang="zh-CN">' in r.text and "核对" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert '<html lang="en">' in client.get("/", params={"lang": "en"}).text
    js = client.get("/page.js")
    assert js.status_code == 200 and "v1/report" in js.text and "v1/check" in js.text


def test_serve_command_line():
    from factcheck.cli import build_parser, main

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.port == 8000
    assert not args.no_fetch and not args.fetch_cache
    args = build_parser().parse_args(["serve", "--no-fetch", "--fetch-cache"])
    assert args.no_fetch and args.fetch_cache
    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--references", "no-such-folder"]) == 2


# ---------------------------------------------------------------- a paper named by DOI

from conftest_http import (ZANG_DOI, Reply, closed_port, crossref_server, crossref_work,  # noqa: E402,F401
                           epmc_server, europepmc_empty, europepmc_hit, no_internet)

SHORT = "据《干细胞研究与治疗》报道，48周时，UC-MSCs组有40%的患者达到主要终点。"
OTHER_DOI = "10.5555/factcheck.test.0001"


def _client_to(tmp_path, epmc_base: str, crossref_base: str):
    from factcheck.papers.sources import Client

    return Client(cache_dir=str(tmp_path / "fetch-cache"), europepmc_base=epmc_base, crossref_base=crossref_base,
                  sleep=lambda s: None, min_interval=0, max_tries=2, timeout=2, use_cache=False)


@pytest.fixture
def offline_app(store, tmp_path, closed_port, no_internet):
    """The server with its fetch client pointed at a closed port: the network is down."""
    down = f"http://127.0.0.1:{closed_port}"
    fc = _client_to(tmp_path, f"{down}/rest", down)
    return TestClient(create_app(store, fetch_client=fc)), fc


def _forty(doc):
    return [f for f in doc["findings"] if f["surface"] == "40%"]


@pytest.mark.parametrize("spelled", [ZANG_DOI, f"doi:{ZANG_DOI}", f"https://doi.org/{ZANG_DOI.upper()}"])
def test_a_doi_in_the_references_folder_needs_no_network(offline_app, spelled):
    client, fc = offline_app
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": spelled}]})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert [x["summary_id"] for x in doc["references"]] == ["zang2022"]
    assert doc["references"][0]["resolved_by"] == "paper"
    assert _forty(doc)[0]["verdict"] == "mismatch"
    assert fc.requests_made == 0


def test_an_unknown_doi_with_the_network_down_is_a_502_naming_it(offline_app):
    client, fc = offline_app
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]})
    assert r.status_code == 502, r.text
    msg = r.json()["error"]
    assert msg.startswith("papers[0]: ") and OTHER_DOI in msg and "cannot reach" in msg
    assert "Traceback" not in r.text and fc.requests_made >= 1
    # the page's other endpoints say the same
    assert client.post("/v1/report", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]}
                       ).status_code == 502


def test_a_doi_fetched_from_europe_pmc_is_drafted_and_kept_in_memory(store, tmp_path, epmc_server,
                                                                      crossref_server, no_internet):
    epmc_server.route("/europepmc/webservices/rest/search", Reply(200, europepmc_hit(doi=OTHER_DOI)),
                      query_contains=OTHER_DOI)
    fc = _client_to(tmp_path, epmc_server.base, crossref_server.base)
    client = TestClient(create_app(store, fetch_client=fc))
    for _ in range(2):
        r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]})
        assert r.status_code == 200, r.text
        doc = r.json()
        ref = doc["references"][-1]
        assert ref["resolved_by"] == "paper" and ref["summary_id"] not in store.summaries
        forty = _forty(doc)
        assert forty and forty[0]["verdict"] == "mismatch" and forty[0]["paper"]["value"] == 20
    assert len(epmc_server.requests_to("/europepmc")) == 1          # the second request: from memory
    assert not (tmp_path / "fetch-cache").exists()                  # nothing written to disk


@pytest.mark.parametrize("epmc, crossref, status, words", [
    (Reply(200, europepmc_empty()), None, 422, "not found"),
    (Reply(503, "busy"), Reply(503, "busy"), 502, "too many retries"),
    (Reply(200, "{not json"), Reply(500, "oops"), 502, "malformed json"),
    (Reply(200, europepmc_hit(doi=OTHER_DOI, abstract=None)), None, 422, "no numbers"),
])
def test_fetch_failures_are_4xx_or_502_naming_the_doi(store, tmp_path, epmc_server, crossref_server,
                                                      no_internet, epmc, crossref, status, words):
    epmc_server.route("/europepmc/webservices/rest/search", epmc)
    if crossref is not None:
        crossref_server.route(f"/works/{OTHER_DOI}", crossref)
    client = TestClient(create_app(store, fetch_client=_client_to(tmp_path, epmc_server.base, crossref_server.base)))
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]})
    assert r.status_code == status, r.text
    msg = r.json()["error"]
    assert OTHER_DOI in msg and words in msg.lower(), msg


def test_a_fetch_that_takes_too_long_is_a_504(store, tmp_path, epmc_server, crossref_server, no_internet):
    from factcheck.papers.sources import Client

    epmc_server.route("/europepmc/webservices/rest/search", Reply(200, europepmc_empty(), delay=1.5))
    crossref_server.route(f"/works/{OTHER_DOI}", Reply(200, crossref_work(doi=OTHER_DOI), delay=1.5))
    fc = Client(europepmc_base=epmc_server.base, crossref_base=crossref_server.base, sleep=lambda s: None,
                min_interval=0, max_tries=1, timeout=0.3, use_cache=False)
    client = TestClient(create_app(store, fetch_client=fc))
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]})
    assert r.status_code == 504 and OTHER_DOI in r.json()["error"] and "timeout" in r.json()["error"], r.text


@pytest.mark.parametrize("text, status, words", [
    ("10.1/x y", 400, "not a DOI"), ("references/zang2022.yaml", 400, "not a DOI"),
    ("/etc/passwd", 400, "not a DOI"), ("", 400, "empty"),
])
def test_what_is_not_a_doi_is_a_400_and_never_a_file(offline_app, text, status, words):
    client, fc = offline_app
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": text}]})
    assert r.status_code == status and words in r.json()["error"], r.text
    assert fc.requests_made == 0


def test_no_fetch_server_refuses_an_unknown_doi_with_a_422(store, no_internet):
    client = TestClient(create_app(store, fetch=False))
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": OTHER_DOI}]})
    assert r.status_code == 422 and OTHER_DOI in r.json()["error"] and "--no-fetch" in r.json()["error"]
    r = client.post("/v1/check", json={"text": SHORT, "papers": [{"kind": "doi", "text": ZANG_DOI}]})
    assert r.status_code == 200 and r.json()["references"][0]["summary_id"] == "zang2022"


def test_papers_endpoint_lists_the_references_folder(client, store):
    papers = client.get("/v1/papers").json()
    assert [p["id"] for p in papers] == sorted(store.summaries)
    zang = next(p for p in papers if p["id"] == "zang2022")
    assert zang["doi"] == ZANG_DOI and zang["title"]
    spec = client.get("/openapi.json").json()
    assert "/v1/papers" in spec["paths"]
    kinds = spec["components"]["schemas"]["Paper"]["properties"]["kind"]
    assert "doi" in str(kinds)


def test_serve_refuses_a_bad_mailto_before_starting(monkeypatch, capsys):
    from factcheck.cli import main

    monkeypatch.setenv("FACTCHECK_MAILTO", "not an address")
    assert main(["serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "not an e-mail address" in err and "--no-fetch" in err and "Traceback" not in err


def test_a_requests_papers_leave_a_lazy_references_folder_lazy(tmp_path, monkeypatch):
    """A large references folder is read lazily (a summary's file when a citation needs it); a
    request with papers of its own reads the folder's summaries through, and reads no others
    (copying the store read every file of the folder at each such request)."""
    import factcheck.papers.summaries as summaries
    from factcheck.papers.summaries import LazySummaries, Store

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(summaries, "LAZY_FROM", 1)
    Store.load(ROOT / "references")                    # writes the index cache
    lazy = Store.load(ROOT / "references")             # indexed from it: nothing read yet
    assert isinstance(lazy.summaries, LazySummaries) and "xia2017" in lazy.summaries.paths
    client = TestClient(create_app(lazy))
    unread = set(lazy.summaries.paths)                 # the warm-up read zang2022 only
    assert "xia2017" in unread and "zang2022" not in unread
    article = "该研究中生化妊娠周期有115个[1]。\n参考文献\n[1] Xia. 2017. doi:10.3969/j.issn.1674-8115.2017.03.012"
    yaml_text = (ROOT / "references" / "zang2022.yaml").read_text("utf-8")
    doc = client.post("/v1/check", json={"text": article, "papers": [{"kind": "yaml", "text": yaml_text}]}).json()
    assert {r["index"]: r["summary_id"] for r in doc["references"]}[1] == "xia2017", doc["references"]
    assert doc["stats"]["unresolved_reference"] == 0 and doc["stats"]["unattributed"] == 0
    assert set(lazy.summaries.paths) == unread - {"xia2017"}     # the cited one read, no other
    assert [p["id"] for p in client.get("/v1/papers").json()] == sorted(Store.load(ROOT / "references").summaries)


def test_fetched_papers_reach_the_disk_cache_only_with_fetch_cache(store, monkeypatch):
    import uvicorn

    from factcheck.core.config import Config
    from factcheck.server import serve

    apps = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: apps.append(app))
    for flags, use_cache in (({}, False), ({"fetch_cache": True}, True)):
        serve("127.0.0.1", 0, store, Config(), Limits(), **flags)
        assert apps[-1].state.checker.client.use_cache is use_cache
    serve("127.0.0.1", 0, store, Config(), Limits(), fetch=False)
    assert apps[-1].state.checker.client is None
