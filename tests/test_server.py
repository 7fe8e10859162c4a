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

    from factcheck.wordout import extracted_text
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
    assert main(["serve", "--port", "70000"]) == 2
    assert main(["serve", "--references", "no-such-folder"]) == 2
