"""Audit reports as text, JSON and Markdown: the reported value beside the recomputed one,
the rule code, the severity and the conventions that were tried (statcheck style)."""

from __future__ import annotations

import json
import re
from typing import Sequence

from factcheck.audit.core import AuditFinding, AuditReport
from factcheck.core.codes import messages

SCHEMA = "factcheck.audit/1"
SEVERITY_ORDER = {"error": 2, "warning": 1, "info": 0}

# the checks say what they tried in English; editors read Chinese by default
_ZH = [
    (r"half-up", "四舍五入"), (r"half-down", "五舍六入"), (r"half-even", "银行家舍入"), (r"truncation", "截断"),
    (r"to (\d+) decimals", r"保留\1位小数"), (r"(\S+) anywhere in its printed rounding", r"\1在印刷精度的舍入范围内"),
    (r"two-sided", "双侧"), (r"one-sided", "单侧"), (r"upper tail", "上尾概率"), (r"\bdf ", "自由度 "),
    (r"^Pearson χ²$", "Pearson χ²（不校正）"), (r"^Yates χ²$", "Yates连续性校正χ²"), (r"Yates χ²", "Yates校正χ²"),
    (r"^pooled \(Student\) t$", "合并方差t检验"), (r"^one-way ANOVA F$", "单因素方差分析F"), (r"^Welch F$", "Welch方差分析F"), (r"^Welch t$", "Welch校正t检验"),
    (r"^means and SDs anywhere in their printed rounding$", "均数与标准差在印刷精度内舍入"),
    (r"^pooled z, continuity-corrected$", "连续性校正Z"), (r"^pooled z$", "合并比例Z"),
    (r"geometric centre with the bounds anywhere in their printed rounding", "区间上下限几何中心（上下限在印刷精度内舍入）"),
    (r"±(\d+)% of the log half-width for non-Wald intervals", r"非Wald区间容许对数半宽的±\1%"),
    (r"95% CI against two-sided P at 0.05", "95%置信区间对照双侧P（α=0.05）"),
    (r"sum of the categories", "各类别之和"), (r"abstract against body", "摘要与正文"),
    (r"no count out of (\d+) gives (\S+)", r"分母为\1时没有任何整数计数能得到\2"),
    (r"(\S+)/(\d+) would give (\S+)", r"\1/\2 才能得到\3"),
    (r"no integer total over (\d+) gives (\S+)", r"\1个整数之和除以\1不可能得到\2"), (r"n × items", "样本量×条目数"),
    (r"CI excludes", "区间不含"), (r"CI includes", "区间包含"),
]


def severity(code: str) -> str:
    return messages()[code]["severity"]


def _zh(s: str) -> str:
    for rx, rep in _ZH:
        s = re.sub(rx, rep, s)
    return s


def message(f: AuditFinding, lang: str = "zh") -> str:
    """The editor's sentence for one finding."""
    tr = (lambda s: s) if lang == "en" else _zh
    sep = ", " if lang == "en" else "；"
    note = f"{'; ' if lang == 'en' else '；'}{tr(f.note)}" if f.note else ""
    tpl = messages()[f.code]["en" if lang == "en" else "zh"]
    return tpl.format(where=f.where, reported=f.reported, recomputed=tr(f.recomputed),
                      tried=sep.join(tr(t) for t in f.tried), note=note)


def worst(reports: Sequence[AuditReport]) -> str:
    sevs = [severity(f.code) for r in reports for f in r.findings]
    return max(sevs, key=lambda s: SEVERITY_ORDER[s], default="info")


def to_text(reports: Sequence[AuditReport], lang: str = "zh") -> str:
    out = []
    for r in reports:
        for f in r.findings:
            out.append(f"{r.source}:{f.line}: {f.code} [{severity(f.code)}] {message(f, lang)}")
        out += [f"{r.source}: note: {n}" for n in r.notes]
        n = sum(r.checked.values())
        out.append(f"{r.source}: {len(r.findings)} {'findings' if lang == 'en' else '处不一致'}"
                   f" / {n} {'values checked' if lang == 'en' else '个数值已核对'}")
    return "\n".join(out) + "\n"


def to_json(reports: Sequence[AuditReport], lang: str = "zh") -> str:
    """JSON with a contract section: what each field means, so consumers need not guess."""
    doc = {
        "schema": SCHEMA,
        "contract": {
            "reported": "the value as printed in the paper",
            "recomputed": "the value recomputed from the paper's own numbers",
            "tried": "conventions tried before calling the value inconsistent",
            "severity": "error: the paper cannot be right as printed; warning: a discrepancy that does not change a conclusion",
            "line": "1-based line in the input file",
            "notes": "parts of the paper that were read but not audited, and why",
        },
        "papers": [{
            "source": r.source,
            "checked": r.checked,
            "notes": r.notes,
            "findings": [dict(f.to_dict(), severity=severity(f.code), message=message(f, lang)) for f in r.findings],
        } for r in reports],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def to_markdown(reports: Sequence[AuditReport], lang: str = "zh") -> str:
    head = ("| line | code | severity | where | reported | recomputed | tried |" if lang == "en"
            else "| 行 | 规则 | 级别 | 位置 | 原文 | 重新计算 | 已尝试 |")
    out = ["# factcheck audit", ""]
    for r in reports:
        out += [f"## {r.source}", ""]
        if not r.findings:
            out += ["No inconsistencies found." if lang == "en" else "未发现不一致。", ""]
            continue
        out += [head, "|---|---|---|---|---|---|---|"]
        tr = (lambda s: s) if lang == "en" else _zh
        for f in r.findings:
            cells = [str(f.line), f.code, severity(f.code), f.where, f.reported, tr(f.recomputed),
                     "; ".join(tr(t) for t in f.tried)]
            out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def to_html(reports: Sequence[AuditReport], lang: str = "zh") -> str:
    """One self-contained page (the check report's stylesheet and content policy): a list per
    paper, each finding with its message, reported value and recomputed value."""
    from factcheck.core.htmlpage import _CSP_REPORT, _head, esc

    out = _head("factcheck audit", _CSP_REPORT, lang) + ["<main>", "<h1>factcheck audit</h1>"]
    labels = ("reported", "recomputed") if lang == "en" else ("原文", "重新计算")
    tr = (lambda x: x) if lang == "en" else _zh
    for r in reports:
        out.append(f"<h2>{esc(r.source)}</h2>")
        if not r.findings:
            out.append(f"<p>{'No inconsistencies found.' if lang == 'en' else '未发现不一致。'}</p>")
            continue
        out.append('<ol class="items">')
        for f in r.findings:
            sev = severity(f.code)
            out.append(f'<li class="sev-{esc(sev)}"><b>{esc(f.code)}</b> [{esc(sev)}] line {f.line}: '
                       f"{esc(message(f, lang))}<br><small>{labels[0]}: {esc(f.reported)} · "
                       f"{labels[1]}: {esc(tr(f.recomputed))}</small></li>")
        out.append("</ol>")
    return "\n".join(out + ["</main>", "</body>", "</html>"]) + "\n"


RENDERERS = {"text": to_text, "json": to_json, "markdown": to_markdown, "html": to_html}
