"""The paste page in a real browser: Selenium driving Debian's chromium, headless.

Paste the seed article 002, check, and find the mismatch on 40% highlighted with its message;
download the reviewed .docx; switch to English. Skips with a reason when chromium,
chromedriver or selenium is not installed (Debian: apt-get install chromium chromium-driver).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt").read_text("utf-8")


def _binary(*names: str):
    for n in names:
        p = shutil.which(n) or (f"/usr/bin/{n}" if Path(f"/usr/bin/{n}").exists() else None)
        if p:
            return p
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (the dev extra)")
    chromium, driver = _binary("chromium", "chromium-browser"), _binary("chromedriver")
    if not chromium or not driver:
        pytest.skip("chromium and chromedriver not installed (Debian: apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,1000", "--lang=zh-CN"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    d = webdriver.Chrome(service=Service(driver), options=opts)
    d.downloads = downloads
    yield d
    d.quit()


@pytest.fixture(scope="module")
def server(store):
    """The app on a real socket on 127.0.0.1 (uvicorn in a thread), for the browser only."""
    import uvicorn

    from factcheck.server import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    from factcheck.papers.sources import Client

    with socket.socket() as s:          # papers named by an unknown DOI: fetched from nowhere (network down)
        s.bind(("127.0.0.1", 0))
        down = f"http://127.0.0.1:{s.getsockname()[1]}"
    offline = Client(europepmc_base=f"{down}/rest", crossref_base=down, sleep=lambda s: None, min_interval=0,
                     max_tries=1, timeout=2, use_cache=False)
    srv = uvicorn.Server(uvicorn.Config(create_app(store, fetch_client=offline), host="127.0.0.1", port=port,
                                        log_level="warning"))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    t.join(10)


def _wait(cond, timeout=60.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        v = cond()
        if v:
            return v
        time.sleep(0.1)
    raise AssertionError("timed out")


def _paste(browser, element, text):
    # a paste: the whole text at once, as the clipboard would put it (send_keys types it key by key)
    browser.execute_script("arguments[0].value = arguments[1];"
                           "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", element, text)


def _paste_and_check(browser, url, text=SEED, paper=None):
    from selenium.webdriver.common.by import By

    browser.get(url)
    area = browser.find_element(By.ID, "text")
    area.click()
    _paste(browser, area, text)
    if paper is not None:
        _paste(browser, browser.find_element(By.ID, "paper"), paper)
    browser.find_element(By.ID, "run").click()
    _wait(lambda: browser.execute_script("return document.getElementById('report').srcdoc.length > 0"))
    return By


def test_paste_seed_article_shows_the_mismatch(browser, server):
    By = _paste_and_check(browser, server)
    status = browser.find_element(By.ID, "status").text
    assert "不符" in status and "出错" not in status
    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    try:
        marks = browser.find_elements(By.CSS_SELECTOR, "mark.v-mismatch")
        forty = [m for m in marks if m.text == "40%"]
        assert forty, [m.text for m in marks]
        title = forty[0].get_attribute("title")
        assert "与原文不符" in title and "20%" in title
        assert forty[0].is_displayed()
        colour = forty[0].value_of_css_property("background-color")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")     # highlighted
        assert "与原文不符" in browser.find_element(By.TAG_NAME, "body").text   # the message in the list
    finally:
        browser.switch_to.default_content()


def test_download_the_reviewed_docx(browser, server):
    import docx

    By = _paste_and_check(browser, server)
    browser.find_element(By.ID, "docx").click()
    path = browser.downloads / "reviewed.docx"
    _wait(lambda: path.exists() and path.stat().st_size > 0 and not list(browser.downloads.glob("*.crdownload")))
    d = docx.Document(str(path))
    assert any("40%" in c.text and "FC106" in c.text for c in d.comments)
    assert "\n".join(p.text for p in d.paragraphs) == SEED


def test_upload_a_docx_and_download_it_reviewed(browser, server, tmp_path):
    import docx
    from selenium.webdriver.common.by import By

    from factcheck.render.wordout import extracted_text
    from test_editors import _bold_text, _seed_docx

    draft = tmp_path / "draft.docx"
    before = _seed_docx(draft)
    browser.get(server)
    browser.find_element(By.ID, "file").send_keys(str(draft))
    _wait(lambda: browser.find_element(By.ID, "text").get_attribute("placeholder") == "draft.docx")
    for old in browser.downloads.glob("reviewed*.docx"):
        old.unlink()
    browser.find_element(By.ID, "run").click()
    _wait(lambda: browser.execute_script("return document.getElementById('report').srcdoc.includes('40%')"))
    browser.find_element(By.ID, "docx").click()
    path = browser.downloads / "reviewed.docx"
    _wait(lambda: path.exists() and path.stat().st_size > 0 and not list(browser.downloads.glob("*.crdownload")))
    rev = docx.Document(str(path))
    assert extracted_text(rev) == before
    assert _bold_text(rev) == _bold_text(docx.Document(str(draft)))     # the same document, with comments
    assert any("40%" in c.text for c in rev.comments)


def test_english_switch(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    browser.find_element(By.ID, "switch").click()
    _wait(lambda: browser.find_element(By.ID, "run").text == "Check")
    assert browser.execute_script("return document.documentElement.lang") == "en"


SHORT = "一项发表于《干细胞研究与治疗》的研究显示，48周时，UC-MSCs组有40%的患者达到主要终点。"
ZANG_DOI = "10.1186/s13287-022-02848-6"


def _forty_in_report(browser):
    from selenium.webdriver.common.by import By

    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    try:
        marks = [m for m in browser.find_elements(By.CSS_SELECTOR, "mark.v-mismatch") if m.text == "40%"]
        return marks and "20%" in marks[0].get_attribute("title")
    finally:
        browser.switch_to.default_content()


def test_a_pasted_doi_is_recognised_and_resolved_from_the_references_folder(browser, server):
    from selenium.webdriver.common.by import By

    By = _paste_and_check(browser, server, SHORT, paper=f"https://doi.org/{ZANG_DOI}")
    assert browser.find_element(By.ID, "paperKind").get_attribute("value") == "doi"
    assert "出错" not in browser.find_element(By.ID, "status").text
    assert _forty_in_report(browser)


def test_an_unknown_doi_with_the_network_down_says_so(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    _paste(browser, browser.find_element(By.ID, "text"), SHORT)
    _paste(browser, browser.find_element(By.ID, "paper"), "10.5555/no.such.paper")
    browser.find_element(By.ID, "run").click()
    status = _wait(lambda: browser.find_element(By.ID, "status").text if "出错" in
                   browser.find_element(By.ID, "status").text else None)
    assert "10.5555/no.such.paper" in status and "cannot reach" in status


def test_choose_a_summary_of_the_references_folder(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get(server)
    _paste(browser, browser.find_element(By.ID, "text"), SHORT)
    Select(browser.find_element(By.ID, "paperKind")).select_by_value("id")
    assert not browser.find_element(By.ID, "paper").is_displayed()
    listed = browser.find_element(By.ID, "paperId")
    _wait(lambda: len(listed.find_elements(By.TAG_NAME, "option")) > 1)
    assert any(o.text.startswith("zang2022: ") for o in listed.find_elements(By.TAG_NAME, "option"))
    Select(listed).select_by_value("zang2022")
    browser.find_element(By.ID, "run").click()
    _wait(lambda: browser.execute_script("return document.getElementById('report').srcdoc.length > 0"))
    assert _forty_in_report(browser)


def test_several_dois_are_several_papers(browser, server):
    from selenium.webdriver.common.by import By

    browser.get(server)
    _paste(browser, browser.find_element(By.ID, "text"), SHORT)
    _paste(browser, browser.find_element(By.ID, "paper"), f"{ZANG_DOI}\n10.5555/no.such.paper")
    assert browser.find_element(By.ID, "paperKind").get_attribute("value") == "doi"
    browser.find_element(By.ID, "run").click()
    status = _wait(lambda: browser.find_element(By.ID, "status").text if "出错" in
                   browser.find_element(By.ID, "status").text else None)
    assert status.startswith("出错：papers[1]: 10.5555/no.such.paper")     # the second paper, the first found
