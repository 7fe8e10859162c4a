"""Self-contained HTML reports: one file per article, plus an index for a batch.

``to_html(report)`` shows the article's full text with every checked number highlighted in
its verdict's colour and every overstatement underlined by severity; each highlight carries
its message and the paper's value on hover (``title``) and is listed, with an anchor, in a
side list. ``index_html(rows)`` is the table of a batch, sorted by mismatch count.

Article text, summary text and messages are untrusted: everything that reaches the page goes
through ``html.escape(..., quote=True)``; no attribute value is built from unescaped input;
links are only in-page anchors (``#id``) or the batch's own relative file names. Nothing is
loaded from elsewhere (no URL, font, image or script), and a Content-Security-Policy meta tag
forbids it anyway: the article report has no script at all, the index one tiny inline sorting
script allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any, Iterable, Optional
from urllib.parse import quote

from factcheck.core.htmlpage import _CSP_REPORT, MARKER, _head, esc, stylesheet  # noqa: F401 - htmlreport.X for its readers
from factcheck.core.model import VERDICTS, Report


VERDICT_LABEL = {
    "zh": {"supported": "相符", "mismatch": "不符", "not_in_source": "原文未见",
           "unresolved_reference": "文献不可核", "unattributed": "无出处"},
    "en": {"supported": "supported", "mismatch": "mismatch", "not_in_source": "not in source",
           "unresolved_reference": "unresolved reference", "unattributed": "unattributed"},
}
CATEGORY_LABEL = {
    "zh": {"certainty": "确定性夸大", "causal": "因果夸大", "scope": "范围夸大", "cure_reversal": "逆转/治愈",
           "novelty": "新意夸大", "extrapolation": "外推", "advice": "超范围建议", "other": "其他"},
    "en": {"certainty": "certainty", "causal": "causal", "scope": "scope", "cure_reversal": "cure/reversal",
           "novelty": "novelty", "extrapolation": "extrapolation", "advice": "advice", "other": "other"},
}
SEVERITY_LABEL = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
                  "en": {"error": "error", "warning": "warning", "info": "info"}}
TEXTS = {
    "zh": {"numbers": "数字核对", "overstatements": "夸大表述", "references": "参考文献", "notes": "输入说明",
           "line": "第{}行", "paper": "原文数值", "paper_text": "原文", "paper_wording": "原文措辞",
           "no_summary": "无结构化摘要", "none": "无", "overstatement": "夸大表述（下划线颜色 = 严重程度）",
           "not_checked": "未核对", "index_title": "factcheck 批量核对", "article": "文章", "title": "标题",
           "worst": "最严重", "chars": "字数", "errors": "无法读取的文件", "path": "路径", "code": "代码",
           "message": "说明", "no_text": "报告中没有原文文本。", "sorted": "点击表头排序；默认按不符数降序。",
           "sentence": "原句", "claims": "声明", "mentions": "数字"},
    "en": {"numbers": "Numbers", "overstatements": "Overstatements", "references": "References", "notes": "Notes",
           "line": "line {}", "paper": "paper's value", "paper_text": "paper", "paper_wording": "paper's wording",
           "no_summary": "no summary", "none": "none", "overstatement": "overstatement (underline colour = severity)",
           "not_checked": "not checked", "index_title": "factcheck batch", "article": "article", "title": "title",
           "worst": "worst", "chars": "characters", "errors": "Files that could not be read", "path": "path",
           "code": "code", "message": "message", "no_text": "The report holds no article text.",
           "sorted": "Click a header to sort; sorted by mismatch count.", "sentence": "sentence",
           "claims": "claims", "mentions": "mentions"},
}
COUNT_KEYS = ("mentions", "claims") + VERDICTS + ("overstatements",)
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")

# The only script factcheck ever writes: click-to-sort for index.html (allowed by its hash).
SORT_SCRIPT = (
    "(function(){var t=document.getElementById('idx');if(!t)return;var h=t.tHead.rows[0].cells;"
    "function key(r,i,n){var c=r.cells[i],v=c.getAttribute('data-v');if(v===null)v=c.textContent;"
    "return n?(parseFloat(v)||0):v.toLowerCase();}"
    "Array.prototype.forEach.call(h,function(th,i){th.addEventListener('click',function(){"
    "var n=th.getAttribute('data-t')==='n',d=th.getAttribute('aria-sort')==='descending'?1:-1;"
    "var rs=Array.prototype.slice.call(t.tBodies[0].rows);"
    "rs.sort(function(a,b){var x=key(a,i,n),y=key(b,i,n);return x<y?-d:x>y?d:0;});"
    "Array.prototype.forEach.call(h,function(o){o.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',d===1?'ascending':'descending');"
    "rs.forEach(function(r){t.tBodies[0].appendChild(r);});});});})();"
)
SORT_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode()).digest()).decode()
_CSP_INDEX = _CSP_REPORT + f"; script-src '{SORT_SCRIPT_HASH}'"




def safe_id(value: Any) -> str:
    """An element id from a report id (m12, c3, o1): only [A-Za-z0-9_.-] survive."""
    return _SAFE_ID.sub("_", str(value))[:80] or "_"




def fmt_value(v: Any) -> str:
    """A paper value for people: 9.02, 48, [1, 2] → 1–2; dates and text as they are. Six
    significant digits, as match's messages print them; a Word comment keeps every digit
    (wordout._value says why)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else f"{v:g}"
    if isinstance(v, (list, tuple)):
        return "–".join(fmt_value(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {fmt_value(x)}" for k, x in v.items())
    return str(v)




# ---------------------------------------------------------------- one article

def to_html(report: Report, lang: str = "zh") -> str:
    """One self-contained HTML page for ``report``: the header (title, counts, legend), the
    article text highlighted, and the side list (numbers, overstatements, references, notes),
    written top to bottom in the order it renders."""
    page = _Page(report, lang)
    out = _head(f"factcheck: {page.title}", _CSP_REPORT, page.lang)
    out += page.header()
    out.append("<main>")
    out.append(page.article())
    out.append("<aside>")
    _side_section(out, page.T, f"{page.T['numbers']} ({len(report.claims)})", page.claim_items(), "items")
    _side_section(out, page.T, f"{page.T['overstatements']} ({len(report.overstatements)})",
                  page.overstatement_items(), "items")
    _side_section(out, page.T, f"{page.T['references']} ({len(report.references)})", page.reference_items(),
                  "items refs")
    if report.notes:
        out.append(f"<h2>{esc(page.T['notes'])}</h2><ul>" + "".join(f"<li>{esc(n)}</li>" for n in report.notes)
                   + "</ul>")
    out.append("</aside>")
    out.append("</main>")
    out.append(f"<footer>factcheck · {esc(report.source)}</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


class _Page:
    """One report's page, by part: what the parts share (the labels of the language, the
    references by index, each mention's claim) is read once here."""

    def __init__(self, report: Report, lang: str):
        self.report = report
        self.lang = lang = lang if lang in TEXTS else "zh"
        self.T, self.V = TEXTS[lang], VERDICT_LABEL[lang]
        self.C, self.S = CATEGORY_LABEL[lang], SEVERITY_LABEL[lang]
        self.stats = dict(report.stats or {})
        self.title = report.title or report.source
        self.refs = {r.index: r for r in report.references}
        # mention id -> (claim, mention verdict or None)
        self.by_mention: dict[str, tuple[Any, Any]] = {}
        for c in report.claims:
            mvs = {mv.mention_id: mv for mv in c.mention_verdicts}
            for mid in c.mention_ids:
                self.by_mention.setdefault(mid, (c, mvs.get(mid)))
        self.mentions = {m.id: m for m in report.mentions}

    def ref_label(self, index: Optional[int]) -> str:
        if index is None:
            return ""
        r = self.refs.get(index)
        sid = r.summary_id if r is not None else None
        return f"[{index}]" + (f" {sid}" if sid else "")

    def mention_info(self, mid: str) -> tuple[str, str]:
        """(verdict class, hover text) of one mention."""
        T, V = self.T, self.V
        m = self.mentions.get(mid)
        cl, mv = self.by_mention.get(mid, (None, None))
        if cl is None:
            why = f" ({m.reason})" if m is not None and m.reason else ""
            return "none", f"{T['not_checked']}{why}"
        verdict = mv.verdict if mv is not None and mv.verdict in VERDICTS else cl.verdict
        rule = (mv.rule if mv is not None and mv.rule else cl.rule) or ""
        lines = [f"[{V.get(verdict, verdict)}] {rule} {self.ref_label(cl.reference)}".strip(), cl.message]
        pv = mv.paper_value if mv is not None and mv.paper_value is not None else (
            cl.evidence.paper_value if cl.evidence is not None else None)
        if mv is not None and mv.note:
            lines.append(f"{T['paper']}: {mv.note}")
        elif pv is not None:
            lines.append(f"{T['paper']}: {fmt_value(pv)}")
        if cl.evidence is not None and cl.evidence.paper_text:
            lines.append(f"{T['paper_text']}: {cl.evidence.paper_text}")
        return verdict, "\n".join(x for x in lines if x)

    def over_info(self, o) -> str:
        lines = [f"[{self.C.get(o.category, o.category)}] {o.rule} {self.S.get(o.severity, o.severity)}", o.message]
        if o.paper_wording:
            lines.append(f"{self.T['paper_wording']}: {o.paper_wording}")
        return "\n".join(x for x in lines if x)

    def header(self) -> list[str]:
        """Title, source, the counts table and the legend."""
        T, V, S, stats = self.T, self.V, self.S, self.stats
        out = ["<header>", f"<h1>{esc(self.title)}</h1>",
               f'<p class="src">{esc(self.report.source)} · {esc(self.report.extracted_from)} · '
               f'{esc(self.report.encoding)}</p>']
        labels = [T["mentions"], T["claims"]] + [V[v] for v in VERDICTS] + [T["overstatements"]]
        out.append('<table class="counts"><tr>' + "".join(f"<th>{esc(x)}</th>" for x in labels) + "</tr><tr>"
                   + "".join(f"<td>{esc(stats.get(k, 0))}</td>" for k in COUNT_KEYS) + "</tr></table>")
        legend = [f'<li><span class="sw v-{v}"></span>{esc(V[v])} '
                  f'({esc(stats.get(v, 0))})</li>' for v in VERDICTS]
        legend += [f'<li><span class="sw os sev-{s}">{esc(S[s])}</span></li>' for s in ("error", "warning", "info")]
        legend.append(f"<li>{esc(T['overstatement'])} ({esc(len(self.report.overstatements))})</li>")
        out.append('<ul class="legend">' + "".join(legend) + "</ul>")
        out.append("</header>")
        return out

    def article(self) -> str:
        """The article text with each mention and overstatement highlighted."""
        text = self.report.text
        if text is None:
            return f'<article class="text"><p class="none">{esc(self.T["no_text"])}</p></article>'
        spans: list[tuple[int, int, int, str, str, str]] = []   # start, end, order, kind, key, (class, title)
        info: dict[str, tuple[str, str]] = {}
        n = len(text)
        for m in self.report.mentions:
            s, e = max(0, min(m.start, n)), max(0, min(m.end, n))
            if e <= s:
                continue
            key = "m-" + safe_id(m.id)
            info[key] = self.mention_info(m.id)
            spans.append((s, e, 1, "m", key, ""))
        for o in self.report.overstatements:
            s, e = max(0, min(o.start, n)), max(0, min(o.end, n))
            if e <= s:
                continue
            key = "o-" + safe_id(o.id)
            info[key] = (o.severity if o.severity in self.S else "info", self.over_info(o))
            spans.append((s, e, 0, "o", key, ""))
        return '<article class="text">' + _highlight(text, spans, info) + "</article>"

    def claim_items(self) -> list[str]:
        """The side list's numbers: each claim with its verdict, the paper's value and words."""
        T, V = self.T, self.V
        items = []
        for c in sorted(self.report.claims, key=lambda c: (c.start, c.id)):
            first = next((mid for mid in c.mention_ids if mid in self.mentions), None)
            anchor = f"#m-{safe_id(first)}" if first else ""
            head = esc(T["line"].format(c.line))
            head = f'<a href="{esc(anchor)}">{head}</a>' if anchor else head
            verdict = c.verdict if c.verdict in VERDICTS else "unattributed"
            item = [f'<li class="v-{verdict}" id="l-{safe_id(c.id)}">{head} '
                    f'<span class="badge v-{verdict}">{esc(V.get(c.verdict, c.verdict))}</span> '
                    f"<code>{esc(c.rule)}</code> <code>{esc(self.ref_label(c.reference))}</code>",
                    f"<div>{esc(c.message)}</div>"]
            pvs = []
            for mv in c.mention_verdicts:
                if mv.note:
                    pvs.append(mv.note)
                elif mv.paper_value is not None:
                    pvs.append(fmt_value(mv.paper_value))
            if not pvs and c.evidence is not None and c.evidence.paper_value is not None:
                pvs.append(fmt_value(c.evidence.paper_value))
            pvs = list(dict.fromkeys(pvs))
            if pvs:
                item.append(f'<div class="pv"><b>{esc(T["paper"])}</b>: {esc("；".join(pvs))}</div>')
            if c.evidence is not None and c.evidence.paper_text:
                item.append(f'<div class="quote">{esc(T["paper_text"])}: {esc(c.evidence.paper_text)}</div>')
            item.append(f'<div class="quote">{esc(T["sentence"])}: {esc(_short(c.sentence, 160))}</div></li>')
            items.append("".join(item))
        return items

    def overstatement_items(self) -> list[str]:
        """The side list's overstatements, with the paper's wording."""
        T = self.T
        items = []
        for o in sorted(self.report.overstatements, key=lambda o: (o.start, o.id)):
            sev = o.severity if o.severity in self.S else "info"
            anchor = f"#o-{safe_id(o.id)}"
            item = [f'<li class="sev-{sev}" id="l-{safe_id(o.id)}"><a href="{esc(anchor)}">'
                    f'{esc(T["line"].format(o.line))}</a> '
                    f'<span class="badge sev-{sev}">{esc(self.C.get(o.category, o.category))}</span> '
                    f"<code>{esc(o.rule)}</code> <code>{esc(self.ref_label(o.reference))}</code>",
                    f"<div>“{esc(o.surface)}”: {esc(o.message)}</div>"]
            if o.paper_wording:
                item.append(f'<div class="quote">{esc(T["paper_wording"])}: {esc(o.paper_wording)}</div>')
            item.append("</li>")
            items.append("".join(item))
        return items

    def reference_items(self) -> list[str]:
        """The side list's references, each with the summary it resolved to (or none)."""
        items = []
        for r in self.report.references:
            sid = (f"→ <b>{esc(r.summary_id)}</b> <code>{esc(r.resolved_by)}</code>" if r.summary_id
                   else f'<span class="none">{esc(self.T["no_summary"])}</span>'
                   + (f" <code>~{esc(r.near_miss)}</code>" if r.near_miss else ""))
            items.append(f"<li>[{esc(r.index)}] {esc(_short(r.raw, 300))}<div>{sid}</div></li>")
        return items


def _short(s: Optional[str], n: int) -> str:
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def _highlight(text: str, spans: list, info: dict) -> str:
    """Escaped ``text`` with the spans wrapped; overlapping spans nest, cut at every boundary.

    Each span's first piece carries its id (the side list's anchor target); every piece
    carries its class and title so hovering anywhere inside shows the message.
    """
    if not spans:
        return esc(text)
    events: dict[int, list] = {}
    for sp in spans:
        events.setdefault(sp[0], []).append(sp)
        events.setdefault(sp[1], [])
    bounds = sorted(set(events) | {0, len(text)})
    active: dict[str, tuple] = {}
    started: set[str] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        for sp in events.get(a, ()):
            active[sp[4]] = sp
        for key in [k for k, sp in active.items() if sp[1] <= a]:
            del active[key]
        piece = esc(text[a:b])
        if not active:
            out.append(piece)
            continue
        # outermost first: overstatements (order 0) around mentions (order 1), longer spans outside
        layers = sorted(active.values(), key=lambda sp: (sp[2], sp[0], -sp[1], sp[4]))
        opened, closing = [], []
        for sp in layers:
            kind, key = sp[3], sp[4]
            cls, title = info[key]
            ident = ""
            if key not in started:
                started.add(key)
                ident = f' id="{esc(key)}"'
            if kind == "m":
                opened.append(f'<mark class="v-{esc(cls)}"{ident} title="{esc(title)}">')
                closing.append("</mark>")
            else:
                opened.append(f'<span class="os sev-{esc(cls)}"{ident} title="{esc(title)}">')
                closing.append("</span>")
        out.append("".join(opened) + piece + "".join(reversed(closing)))
    return "".join(out)


# ---------------------------------------------------------------- a batch

INDEX_COLUMNS = (("id", "article", "s"), ("title", "title", "s"), ("mentions", "mentions", "n"),
                 ("claims", "claims", "n"), ("supported", "supported", "n"), ("mismatch", "mismatch", "n"),
                 ("not_in_source", "not_in_source", "n"), ("unresolved_reference", "unresolved_reference", "n"),
                 ("unattributed", "unattributed", "n"), ("overstatements", "overstatements", "n"),
                 ("worst_severity", "worst", "s"), ("characters", "chars", "n"))


def index_html(rows: Iterable[dict], errors: Iterable[dict] = (), lang: str = "zh",
               link_dir: Optional[str] = "html") -> str:
    """The batch's index: one row per article (its counts), sorted by mismatch count, linking
    to ``<link_dir>/<id>.html``; click a header to sort by it. ``errors``: path, code, message."""
    lang = lang if lang in TEXTS else "zh"
    T, V, S = TEXTS[lang], VERDICT_LABEL[lang], SEVERITY_LABEL[lang]
    rows = sorted(rows, key=lambda r: (-_num(r.get("mismatch")), str(r.get("id", ""))))
    errors = list(errors)
    heads = {"article": T["article"], "title": T["title"], "worst": T["worst"], "chars": T["chars"],
             "mentions": T["mentions"], "claims": T["claims"], "overstatements": T["overstatements"], **V}
    out = _head(T["index_title"], _CSP_INDEX, lang)
    total = {k: sum(_num(r.get(k)) for r in rows) for k in COUNT_KEYS}
    out.append("<header>")
    out.append(f"<h1>{esc(T['index_title'])}</h1>")
    out.append(f'<p class="src">{esc(len(rows))} {esc(T["article"])} · {esc(len(errors))} '
               f'{esc(T["errors"])} · {esc(T["sorted"])}</p>')
    out.append('<table class="counts"><tr>' + "".join(f"<th>{esc(heads.get(k, k))}</th>" for k in COUNT_KEYS)
               + "</tr><tr>" + "".join(f"<td>{esc(_fmt_num(total[k]))}</td>" for k in COUNT_KEYS) + "</tr></table>")
    out.append("</header>")
    out.append('<table class="index" id="idx"><thead><tr>')
    for key, label, typ in INDEX_COLUMNS:
        sort = ' aria-sort="descending"' if key == "mismatch" else ""
        out.append(f'<th data-t="{typ}"{sort}>{esc(heads.get(label, label))}</th>')
    out.append("</tr></thead><tbody>")
    for r in rows:
        cells = []
        for key, _label, typ in INDEX_COLUMNS:
            v = r.get(key)
            if key == "id":
                ident = str(v if v is not None else "")
                if link_dir is not None and r.get("html", True):
                    href = f"{link_dir}/{quote(ident, safe='')}.html"
                    cells.append(f'<td data-v="{esc(ident)}"><a href="{esc(href)}">{esc(ident)}</a></td>')
                else:
                    cells.append(f"<td>{esc(ident)}</td>")
            elif typ == "n":
                n = _num(v)
                cls = "n hot" if key == "mismatch" and n > 0 else "n"
                cells.append(f'<td class="{cls}" data-v="{esc(n)}">{esc(_fmt_num(v))}</td>')
            elif key == "worst_severity":
                cells.append(f'<td data-v="{esc({"error": 2, "warning": 1, "info": 0}.get(v, -1))}">'
                             f"{esc(S.get(v, v) if v else '-')}</td>")
            else:
                cells.append(f"<td>{esc(_short(str(v) if v is not None else '', 80))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    if errors:
        out.append(f'<h2 class="errors">{esc(T["errors"])} ({len(errors)})</h2>')
        out.append('<table class="index"><thead><tr>' + "".join(
            f"<th>{esc(T[k])}</th>" for k in ("path", "code", "message")) + "</tr></thead><tbody>")
        for e in errors:
            out.append("<tr>" + "".join(f"<td>{esc(e.get(k))}</td>" for k in ("path", "code", "message"))
                       + "</tr>")
        out.append("</tbody></table>")
    out.append(f"<script>{SORT_SCRIPT}</script>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _num(v: Any) -> float:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if f != f else f


def _fmt_num(v: Any) -> str:
    f = _num(v)
    return str(int(f)) if f.is_integer() else f"{f:g}"


def _side_section(out: list[str], T: dict, heading: str, items: list[str], cls: str) -> None:
    """A heading and its list of items in the side list (or a note that there are none)."""
    out.append(f"<h2>{esc(heading)}</h2>")
    if items:
        out += [f'<ol class="{cls}">', *items, "</ol>"]
    else:
        out.append(f'<p class="none">{esc(T["none"])}</p>')
