"""The shell of every HTML page factcheck writes: the marker that says a file is ours, the
content policy, the stylesheet, the head, and escaping. Shared by the check's report
(render/htmlreport.py) and the audit's (audit/render.py), which sits below the renderers.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import Any

MARKER = "<!-- factcheck report -->"

_CSP_REPORT = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
               "form-action 'none'")


def esc(value: Any) -> str:
    """Text or attribute value → HTML, with quotes escaped. None → empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    css = (Path(__file__).parent.parent / "data" / "report.css").read_text(encoding="utf-8")
    # CSS is ours, but make sure it can never close the <style> element or load anything
    assert "</" not in css and "url(" not in css.lower() and "@import" not in css.lower()
    return css


def _head(title: str, csp: str, lang: str) -> list[str]:
    return [MARKER, "<!DOCTYPE html>", f'<html lang="{"zh-CN" if lang == "zh" else "en"}">', "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>", f"<style>\n{stylesheet()}</style>", "</head>", "<body>"]
