"""HTML reports: self-contained, inert with hostile input, highlights where the findings are."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.render.htmlreport import MARKER, SORT_SCRIPT, SORT_SCRIPT_HASH, index_html, to_html
from factcheck.ingest.reader import article_from_text, read_article
from factcheck.core.model import (Attribution, Claim, Evidence, Mention, MentionVerdict, Overstatement, Reference,
                                  Report)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt"
CHROMIUM = "/usr/bin/chromium"
MISMATCH_RGB = (0xFF, 0x8A, 0x8A)      # --mismatch in factcheck/data/report.css
SUPPORTED_RGB = (0x9B, 0xE9, 0xA8)     # --supported

HOSTILE = [
    "<script>alert('x')</script>",
    '" onerror="alert(1)',
    "' onmouseover='alert(2)",
    "<img src=x onerror=alert(3)>",
    '<a href="javascript:alert(4)">点我</a>',
    "javascript:alert(5)",
    "</style><script>alert(6)</script>",
    "</textarea></title><svg onload=alert(7)>",
    "<!-- -->",
    "]]><iframe src=https://evil.example/></iframe>",
]


# ---------------------------------------------------------------- helpers

URL_ATTRS = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href", "background",
             "cite", "longdesc", "usemap", "ping")

class Page(HTMLParser):
    """Every element with its attributes, the scripts' text, the styles' text, the body text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.comments: list[str] = []
        self._in: list[str] = []
        self.ids: set[str] = set()
        self.article_text: list[str] = []
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        d = {k: (v or "") for k, v in attrs}
        self.elements.append((tag, d))
        if "id" in d:
            self.ids.add(d["id"])
        if tag not in ("meta", "br", "img", "input", "link", "hr"):
            self._in.append(tag)
        if tag == "article":
            self._article_depth += 1

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass
        if tag == "article":
            self._article_depth -= 1

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            self.scripts.append(data)
        elif self._in and self._in[-1] == "style":
            self.styles.append(data)
        if self._article_depth:
            self.article_text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


def assert_inert(html: str, allowed_script: str | None = None) -> Page:
    """No script but ours, no event handler, no javascript: URL, no external resource."""
    page = parse(html)
    scripts = [a for t, a in page.elements if t == "script"]
    if allowed_script is None:
        assert not scripts, "a report must not contain any script element"
        assert "<script" not in html.lower()
    else:
        assert len(scripts) == 1 and page.scripts == [allowed_script]
        assert html.lower().count("<script") == 1
    for tag, attrs in page.elements:
        assert tag not in ("iframe", "object", "embed", "img", "svg", "math", "link", "base", "form", "frame",
                           "input", "button", "textarea", "video", "audio", "source"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), f"event handler {name}= on <{tag}>"
            v = re.sub(r"\s+", "", value).lower()
            if name in URL_ATTRS:
                assert not v.startswith(("javascript:", "vbscript:", "data:")), (tag, name, value)
                assert not re.match(r"(https?:)?//", v), (tag, name, value)
                assert ":" not in v.split("/")[0] or v.startswith("#"), (tag, name, value)
            if name == "style":
                assert "url(" not in v and "expression(" not in v
        if tag == "meta":
            assert set(attrs) <= {"charset", "http-equiv", "content", "name"}
            assert attrs.get("http-equiv", "").lower() in ("", "content-security-policy")
    css = "".join(page.styles).lower()
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    # a second, independent look at the raw markup: every "<" of text is escaped, and so is every
    # quote inside an attribute value, so tags are exactly the <...> runs and their quoted values
    # can be dropped; what is left (tag and attribute names) holds no handler and no URL
    for tag in re.findall(r"<[^<>]*>", html):
        bare = re.sub(r'"[^"]*"', '""', tag)
        assert "'" not in bare, tag
        assert not re.search(r"\son\w+\s*=", bare, re.I), tag
        assert not re.search(r"(?:https?:)?//|javascript:", bare, re.I), tag
    return page


def hostile_report() -> Report:
    """A report whose every untrusted field carries an injection attempt."""
    evil = " ".join(HOSTILE)
    text = ("标题" + HOSTILE[0] + "\n"
            "研究显示" + HOSTILE[1] + "有效率为45%，" + HOSTILE[3] + "证实所有患者都能逆转[1]。\n"
            + HOSTILE[4] + " " + HOSTILE[6] + "\n参考文献\n[1] " + evil + " https://evil.example/a.js\n")
    i45 = text.index("45%")
    ico = text.index("证实")
    mention = Mention(id='m1" onclick="alert(1)', start=i45, end=i45 + 3, line=2, surface="45%", kind="percent",
                      value=45.0, unit="%")
    claim = Claim(id="c1<script>", start=text.index("研究"), end=text.index("。") + 1, line=2,
                  sentence=evil, mention_ids=[mention.id], reference=1, verdict="mismatch", severity="error",
                  message="文中“45%”与原文不符 " + evil, rule="FC102<b>",
                  evidence=Evidence(summary_id=evil, finding_id=evil, paper_value=evil, paper_text=evil),
                  mention_verdicts=[MentionVerdict(mention.id, "mismatch", paper_value=evil, note=evil,
                                                   rule="FC102")],
                  attribution=Attribution(1, "marker", evil))
    over = Overstatement(id="o1' onfocus='x", start=ico, end=ico + 2, line=2, surface="证实", category="certainty",
                         severity="error", message=evil, rule="FC201", reference=1, paper_wording=evil)
    ref = Reference(index=1, raw=evil, doi=evil, title=evil, summary_id=None, near_miss=evil)
    return Report(source=evil, title=evil, references=[ref], mentions=[mention], claims=[claim],
                  overstatements=[over], stats={"mentions": 1, "claims": 1, "mismatch": 1, "overstatements": 1},
                  extracted_from="html", encoding=evil, notes=[evil], text=text)


@pytest.fixture(scope="module")
def store():
    from factcheck.papers.summaries import Store

    return Store.load(ROOT / "references")


@pytest.fixture(scope="module")
def seed_report(store):
    from factcheck.pipeline import check

    return check(read_article(str(SEED)), store)


# ---------------------------------------------------------------- escaping

def test_hostile_fields_render_inert():
    report = hostile_report()
    html = to_html(report)
    assert html.startswith(MARKER + "\n")
    page = assert_inert(html)
    # the hostile text is shown, escaped, not dropped
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&quot; onerror=&quot;alert(1)" in html
    # the article text survives whole, character for character
    assert "".join(page.article_text) == report.text
    # the highlight and its anchor exist despite the hostile ids
    marks = [a for t, a in page.elements if t == "mark"]
    assert marks and marks[0]["class"] == "v-mismatch"
    assert "alert(1)" in marks[0]["title"]          # message shown on hover, as text
    hrefs = [a["href"] for t, a in page.elements if t == "a"]
    assert hrefs and all(h.startswith("#") and h[1:] in page.ids for h in hrefs)
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", i) for i in page.ids)


def test_hostile_article_through_the_pipeline_is_inert(store):
    from factcheck.pipeline import check

    text = ("干细胞" + HOSTILE[0] + "逆转糖尿病\n"
            "研究纳入91例" + HOSTILE[1] + "患者，HbA1c下降了1.31%" + HOSTILE[3] + "，这证实了所有患者都能根治[1]。\n"
            + HOSTILE[4] + HOSTILE[7] + "\n参考文献\n"
            "[1]Zang, L., Li, Y., Hao, H. et al. " + HOSTILE[2] + " Stem Cell Res Ther 13, 180 (2022). "
            "https://doi.org/10.1186/s13287-022-02848-6\n")
    report = check(article_from_text(text, 'evil"><script>alert(1)</script>.txt'), store)
    assert report.mentions and report.overstatements, "the hostile article should still be checked"
    for lang in ("zh", "en"):
        html = to_html(report, lang)
        page = assert_inert(html)
        assert "".join(page.article_text) == text


def test_no_external_resources_and_csp(seed_report):
    html = to_html(seed_report)
    page = assert_inert(html)
    metas = [a for t, a in page.elements if t == "meta" and a.get("http-equiv")]
    assert metas and "default-src 'none'" in metas[0]["content"]
    assert "script-src" not in metas[0]["content"]        # no script may run in an article report
    assert not [t for t, _ in page.elements if t in ("link", "img", "script")]


# ---------------------------------------------------------------- highlights on a seed article

def test_seed_article_highlights(seed_report):
    report = seed_report
    html = to_html(report)
    page = assert_inert(html)
    assert "".join(page.article_text) == report.text
    by_id = {a.get("id"): (t, a) for t, a in page.elements if a.get("id")}
    checked = 0
    for c in report.claims:
        mvs = {mv.mention_id: mv for mv in c.mention_verdicts}
        for mid in c.mention_ids:
            tag, attrs = by_id[f"m-{mid}"]
            verdict = mvs[mid].verdict if mid in mvs else c.verdict
            assert tag == "mark" and attrs["class"] == f"v-{verdict}"
            assert c.message in attrs["title"]
            checked += 1
    assert checked >= 5
    verdicts = {mv.verdict for c in report.claims for mv in c.mention_verdicts}
    assert {"supported", "mismatch"} <= verdicts, "the seed article has supported and mismatched numbers"
    for o in report.overstatements:
        tag, attrs = by_id[f"o-{o.id}"]
        assert tag == "span" and attrs["class"] == f"os sev-{o.severity}" and o.message in attrs["title"]
    # the side list: one entry per claim and per overstatement, each anchored to its highlight
    items = [a for t, a in page.elements if t == "li" and a.get("id", "").startswith("l-")]
    assert len(items) == len(report.claims) + len(report.overstatements)
    anchors = [a["href"] for t, a in page.elements if t == "a"]
    assert len(anchors) >= len(items) and all(h[1:] in page.ids for h in anchors)
    # a legend with every verdict, and the counts
    for label in ("相符", "不符", "原文未见", "文献不可核", "无出处"):
        assert label in html
    assert f"<td>{report.stats['mismatch']}</td>" in html


def test_paper_value_on_hover(seed_report):
    html = to_html(seed_report, "en")
    page = parse(html)
    mism = [a for t, a in page.elements if t == "mark" and a["class"] == "v-mismatch"]
    assert mism and all("paper's value" in a["title"] for a in mism)


def test_cli_writes_html_and_may_overwrite_its_own(tmp_path, capsys):
    from factcheck.cli import main

    argv = ["check", str(SEED), "--format", "html", "--output", f"{tmp_path}/", "--fail-on", "never",
            "--references", str(ROOT / "references")]
    assert main(argv) == 0
    out = tmp_path / f"{SEED.stem}.html"
    assert out.read_text("utf-8").startswith(MARKER)
    assert main(argv) == 0            # factcheck recognises its own report and replaces it
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".factcheck-*"))


# ---------------------------------------------------------------- index.html

def test_index_escapes_and_sorts():
    rows = [{"id": "calm", "title": "平静", "mismatch": 0, "claims": 3},
            {"id": '"><script>alert(1)</script>', "title": HOSTILE[3], "mismatch": 7, "claims": 9},
            {"id": "javascript:alert(1)", "title": HOSTILE[4], "mismatch": 2, "claims": 2}]
    errors = [{"path": HOSTILE[0], "code": "FC302", "message": HOSTILE[1]}]
    html = index_html(rows, errors)
    assert html.startswith(MARKER + "\n")
    page = assert_inert(html, allowed_script=SORT_SCRIPT)
    csp = next(a["content"] for t, a in page.elements if t == "meta" and a.get("http-equiv"))
    digest = "sha256-" + base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert digest == SORT_SCRIPT_HASH and f"'{digest}'" in csp
    hrefs = [a["href"] for t, a in page.elements if t == "a"]
    assert all(h.startswith("html/") and h.endswith(".html") and "/" not in h[5:] for h in hrefs)
    # sorted by mismatch count, highest first
    hot = [a.get("data-v") for t, a in page.elements if t == "td" and "hot" in a.get("class", "")]
    assert hrefs[0].startswith("html/%22%3E%3Cscript") and hrefs[-1] == "html/calm.html"
    assert hot == ["7.0", "2.0"]


# ---------------------------------------------------------------- headless Chromium

def _png_pixels(path: Path) -> tuple[int, int, int, bytes]:
    """Decode an 8-bit RGB/RGBA PNG with the standard library: (width, height, channels, pixels)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray(stride * height)
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif f == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif f == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif f == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pr) & 0xFF
        out[y * stride:(y + 1) * stride] = line
        prev = line
    return width, height, channels, bytes(out)


def _count_close(pixels: bytes, channels: int, rgb: tuple[int, int, int], tol: int = 6) -> int:
    r0, g0, b0 = rgb
    n = 0
    for i in range(0, len(pixels), channels):
        if abs(pixels[i] - r0) <= tol and abs(pixels[i + 1] - g0) <= tol and abs(pixels[i + 2] - b0) <= tol:
            n += 1
    return n


def test_renders_in_headless_chromium(seed_report, tmp_path):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("headless Chromium not installed (Debian: apt-get install chromium); "
                    "the HTML report is not rendered")
    binary = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    page = tmp_path / "report.html"
    page.write_text(to_html(seed_report), "utf-8")
    png = tmp_path / "report.png"
    cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2000",
           page.as_uri()]
    proc = subprocess.run(cmd, capture_output=True, timeout=120)
    assert png.exists() and png.stat().st_size > 10_000, proc.stderr.decode(errors="replace")[-2000:]
    width, height, channels, pixels = _png_pixels(png)
    assert (width, height) == (1280, 2000)
    red = _count_close(pixels, channels, MISMATCH_RGB)
    green = _count_close(pixels, channels, SUPPORTED_RGB)
    # the legend swatches are 20x12 px of each colour: the highlights must add far more than that
    assert red > 600, f"only {red} mismatch-red pixels"
    assert green > 600, f"only {green} supported-green pixels"
    white = _count_close(pixels, channels, (255, 255, 255), tol=2)
    assert white < width * height * 0.97, "the page looks blank"
