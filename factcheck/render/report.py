"""Renderers: text (terminal), JSON / JSON Lines (the report contract), Markdown.

Renderers only turn Reports into strings; they never judge. Article and summary text is
untrusted: Markdown output escapes it so a draft cannot inject links, HTML or images.
"""

from __future__ import annotations

import json
import re
from typing import Iterable

from factcheck.core.model import Report
from factcheck.text.sentences import LineIndex

VERDICT_ZH = {"supported": "相符", "mismatch": "不符", "not_in_source": "原文未见",
              "unresolved_reference": "文献不可核", "unattributed": "无出处"}
CATEGORY_ZH = {"certainty": "确定性夸大", "causal": "因果夸大", "scope": "范围夸大", "cure_reversal": "逆转/治愈",
               "novelty": "新意夸大", "extrapolation": "外推", "advice": "超范围建议", "other": "其他"}
COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "reset": "\033[0m", "bold": "\033[1m"}
COLUMNS = ("mentions", "claims", "supported", "mismatch", "not_in_source", "overstatements")


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _json_text(obj) -> str:
    """JSON as text with the line breaks JSON leaves raw (U+2028, U+2029, NEL) escaped: a JSON
    Lines record is one line for every reader (Python's splitlines, JavaScript, editors), and
    they can only occur inside strings, where the escape means the same."""
    return obj.translate(_LINE_BREAKS)


def to_json(reports: list[Report], single: bool) -> str:
    docs = [r.to_dict() for r in reports]
    return _json_text(json.dumps(docs[0] if single and len(docs) == 1 else docs, ensure_ascii=False, indent=2))


def to_jsonl(reports: Iterable[Report]) -> str:
    return "".join(_json_text(json.dumps(r.to_dict(), ensure_ascii=False)) + "\n" for r in reports)


def summary_table(reports: list[Report], errors: list[tuple[str, str]] = (), lang: str = "zh") -> str:
    """The per-article counts table printed by `make check`."""
    head = ("article",) + COLUMNS + ("worst",)
    rows = [head]
    for r in reports:
        rows.append((term_safe(r.source),) + tuple(str(r.stats.get(k, 0)) for k in COLUMNS)
                    + (r.worst_severity() or "-",))
    for path, msg in errors:
        rows.append((term_safe(path),) + ("-",) * len(COLUMNS) + ("input error",))
    widths = [max(_w(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(_pad(c, widths[i], left=i == 0) for i, c in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _w(s: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in s)


def _pad(s: str, width: int, left: bool) -> str:
    fill = " " * (width - _w(s))
    return s + fill if left else fill + s


def to_text(report: Report, colour: bool = False, lang: str = "zh", verbose: bool = False) -> str:
    """Linter-style lines: path:line:col: RULE severity message."""
    c = COLOURS if colour else {k: "" for k in COLOURS}
    out = []
    items = []
    lines_start = LineIndex(report.text or "").starts
    for cl in report.claims:
        if cl.verdict in ("unattributed",) and not verbose:
            continue
        items.append((cl.line, _col(lines_start, cl.line, cl.start), cl.rule, cl.severity,
                      f"[{VERDICT_ZH[cl.verdict] if lang == 'zh' else cl.verdict}] {cl.message}"))
    for o in report.overstatements:
        cat = CATEGORY_ZH.get(o.category, o.category) if lang == "zh" else o.category
        items.append((o.line, _col(lines_start, o.line, o.start), o.rule, o.severity, f"[{cat}] {o.message}"))
    src = term_safe(report.source)
    for line, col, rule, sev, msg in sorted(items):
        out.append(f"{c['bold']}{src}:{line}:{col}:{c['reset']} {c[sev]}{term_safe(rule)} {sev}{c['reset']} "
                   f"{term_safe(msg)}")
    s = report.stats
    label = ("提及 {mentions}，声明 {claims}：相符 {supported}，不符 {mismatch}，原文未见 {not_in_source}，"
             "文献不可核 {unresolved_reference}，无出处 {unattributed}；夸大 {overstatements}") if lang == "zh" else (
        "{mentions} mentions, {claims} claims: {supported} supported, {mismatch} mismatch, "
        "{not_in_source} not in source, {unresolved_reference} unresolved, {unattributed} unattributed; "
        "{overstatements} overstatements")
    out.append(f"{c['bold']}{src}{c['reset']}: " + label.format(**{**{k: 0 for k in (
        "unresolved_reference", "unattributed")}, **s}))
    for n in report.notes:
        out.append(f"{src}: note: {term_safe(n)}")
    return "\n".join(out) + "\n"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def term_safe(s: str) -> str:
    """Article text for a terminal: control characters (ESC sequences that recolour, move the
    cursor or retitle the window, bidi overrides) shown as \\xNN / \\uNNNN, never sent raw."""
    s = str(s).replace("\n", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100
                        else f"\\u{ord(m.group(0)):04x}", s)


def _col(starts: list[int], line: int, offset: int) -> int:
    return offset - starts[line - 1] + 1 if 0 < line <= len(starts) else 1


_URL_COLON = re.compile(r":(?=//)|(?<=javascript):|(?<=vbscript):|(?<=data):", re.I)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


def md_escape(s: str) -> str:
    """Escape Markdown and HTML metacharacters so article text renders as plain text: no
    link, image, raw HTML, emphasis or table cell can be opened from article or summary text;
    the colon of ``://`` and of ``javascript:`` is an entity so that no renderer autolinks it."""
    s = term_safe(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(1) if m.group(1) not in "&<>" else m.group(1), s)
    return _URL_COLON.sub("&#58;", s)


def md_code(s: str) -> str:
    """An id as an inline code span when it is a plain id; escaped text otherwise (backslash
    escapes and entities are literal inside a code span, so nothing else could be escaped)."""
    s = term_safe(s)
    return f"`{s}`" if re.fullmatch(r"[\w.\-/]+", s) else md_escape(s)


def to_markdown(report: Report, lang: str = "zh") -> str:
    s = report.stats
    zh = lang == "zh"
    out = [f"# factcheck: {md_escape(report.source)}", ""]
    if report.title:
        out += [f"**{'标题' if zh else 'Title'}**: {md_escape(report.title)}", ""]
    out += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS),
            "| " + " | ".join(str(s.get(k, 0)) for k in COLUMNS) + " |", ""]
    out += [f"## {'参考文献' if zh else 'References'}", ""]
    for r in report.references:
        sid = md_code(r.summary_id) if r.summary_id else ("未匹配" if zh else "no summary")
        out.append(f"{r.index}. {md_escape(r.raw[:160])} → {sid}"
                   + (f" ({md_escape(r.resolved_by)})" if r.resolved_by else ""))
    out += ["", f"## {'数字核对' if zh else 'Numbers'}", "",
            "| " + (" | ".join(["行", "结论", "规则", "说明", "原句"] if zh else
                                ["line", "verdict", "rule", "message", "sentence"])) + " |", "|---|---|---|---|---|"]
    for c in report.claims:
        v = VERDICT_ZH[c.verdict] if zh else c.verdict
        out.append(f"| {c.line} | {v} | {md_escape(c.rule)} | {md_escape(c.message)} | {md_escape(c.sentence[:120])} |")
    out += ["", f"## {'夸大表述' if zh else 'Overstatements'}", "",
            "| " + (" | ".join(["行", "类别", "规则", "原文措辞", "说明"] if zh else
                                ["line", "category", "rule", "words", "message"])) + " |", "|---|---|---|---|---|"]
    for o in report.overstatements:
        cat = CATEGORY_ZH.get(o.category, o.category) if zh else o.category
        out.append(f"| {o.line} | {md_escape(cat)} | {md_escape(o.rule)} | {md_escape(o.surface)} | {md_escape(o.message)} |")
    if report.notes:
        out += ["", "## Notes", ""] + [f"- {md_escape(n)}" for n in report.notes]
    return "\n".join(out) + "\n"
