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
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
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


def _paste_and_check(browser, url):
    from selenium.webdriver.common.by import By

    browser.get(url)
    area = browser.find_element(By.ID, "text")
    area.click()
    # a paste: the whole text at once, as the clipboard would put it (send_keys types it key by key)
    browser.execute_script("arguments[0].value = arguments[1];"
                           "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", area, SEED)
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

    from factcheck.wordout import extracted_text
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
