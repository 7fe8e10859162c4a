"""Messages to editors, rendered in one place: a finding's code and arguments into zh or en.

The judges write no language: a number's verdict (``MentionVerdict``) carries its code
(``rule``) and ``args``, ``{"note": …}``, the paper's side of it in language-neutral form; a
claim (``Claim.args``) what its message names (the number as written, the paper's label, which
of its numbers decided); an overstatement (``Overstatement.args``) the words, the paper's
wording, design and conclusion level. ``render_report(report, lang)`` fills every ``note`` and
``message`` from them, with the templates of data/messages.yaml and the rule files
(``codes.registry()``) and the unit tables below; ``check()`` calls it once at its end, and a
report read back from its JSON (``report_from_dict``) can be rendered again in the other
language (``factcheck render``).

A note (``args["note"]``) is one of:

- a string: the summary's own words (a finding's text, a stated value's note), the same in both
  languages;
- a paper value, ``{value, unit, kind, qualifier, where}``: ``where`` the origin of a value read
  from another statistic, the group's name, the time point and the measure, as the summary
  writes them (``30%（干预组，12周）`` / ``30% (intervention, 12 weeks)``);
- a time point, ``{timepoint, measure}``: ``timepoint`` a summary's string or [value, unit];
- a length read in another unit, ``{value, unit, converted: [value, unit]}``;
- ``{held: [note, …]}``: what the paper holds for the measure; the first three, sorted.
"""

from __future__ import annotations

from typing import Any, Optional

from factcheck.core.codes import messages, registry

UNIT_ZH = {"%": "%", "x": "倍", "person": "例", "week": "周", "month": "个月", "year": "年", "day": "天",
           "hour": "小时", "minute": "分钟", "age": "岁", "cycle": "个周期", "pregnancy": "次妊娠",
           "million cells": "×10^6个细胞", "cells": "个细胞", "study": "项研究", "site": "个中心",
           "country": "个国家", "per 1000": "‰", "per 10000": "/万", "per 100000": "/10万"}
UNIT_EN = {"%": "%", "x": "×", "person": " people", "age": " years old", "study": " studies", "site": " sites",
           "country": " countries", "per 1000": " per 1000", "per 10000": " per 10 000", "per 100000": " per 100 000"}

DESIGN_ZH = {"rct": "随机对照试验", "single_arm_trial": "单臂试验（无对照组）", "cohort": "队列研究", "registry": "登记研究", "case_control": "病例对照",
             "cross_sectional": "横断面研究", "mixed": "观察性研究加细胞/动物实验", "review": "综述",
             "meta_analysis": "荟萃分析", "animal": "动物实验", "in_vitro": "细胞实验", "unknown": "未知"}
LEVEL_ZH = {"none": "没有说明两者的关系", "correlational": "两者相关", "conditional_causal": "可能有因果作用（有条件的表述）",
            "direct_causal": "因果作用", "negated": "没有发现这种关系"}
LEVEL_EN = {"none": "no relationship", "correlational": "an association", "conditional_causal": "a possible effect",
            "direct_causal": "an effect", "negated": "no such relationship"}


def fmt_value(x: Any) -> str:
    """A value as messages print it: 6 significant digits, a range as lo–hi."""
    if isinstance(x, list):
        return "–".join(fmt_value(y) for y in x)
    if isinstance(x, float):
        return f"{x:.6g}"
    return str(x)


def unit_label(unit: str, lang: str) -> str:
    """How a normalised unit code reads in a message."""
    if not unit:
        return ""
    table = UNIT_ZH if lang == "zh" else UNIT_EN
    return table.get(unit, unit if lang == "zh" else f" {unit}")


# ---------------------------------------------------------------- notes

def paper_value(d: dict, lang: str) -> str:
    """``{value, unit, kind, qualifier, where}``: 30%（干预组，12周） / 30% (intervention, 12 weeks)."""
    v = d["value"]
    val = f"{v:.6g}" if v.__class__ is float else fmt_value(v)
    kind, unit = d["kind"], d["unit"]
    if kind == "pvalue":
        q = {"less_than": "<", "more_than": ">"}.get(d["qualifier"] or "", "=")
        head = f"P{q}{val}"
    elif not unit:
        head = val if kind != "interval" else f"95% CI {val}"
    else:
        unit = (UNIT_ZH.get(unit, unit) if lang == "zh" else UNIT_EN.get(unit) or f" {unit}")
        head = f"95% CI {val}{unit}" if kind == "interval" else f"{val}{unit}"
    where = d["where"]
    if not where:
        return head
    return f"{head}（{'，'.join(where)}）" if lang == "zh" else f"{head} ({', '.join(where)})"


def note_text(note: Any, lang: str) -> Optional[str]:
    """A note (see the module's docstring) in ``lang``."""
    if note is None or note.__class__ is str:
        return note
    if "reads" in note:         # a ratio and the relative change it means (FC116)
        pct, way = note["reads"]
        said = paper_value(note, lang)
        return (f"{said}，即{'降低' if way == 'down' else '升高'}{fmt_value(pct)}%" if lang == "zh"
                else f"{said}, i.e. {fmt_value(pct)}% {'lower' if way == 'down' else 'higher'}")
    if "where" in note:
        return paper_value(note, lang)
    if "held" in note:
        held = sorted({note_text(x, lang) for x in note["held"]})[:3]
        return ("；" if lang == "zh" else "; ").join(held) if held else None
    if "timepoint" in note:
        tp = note["timepoint"]
        if isinstance(tp, list):
            tp = f"{fmt_value(tp[0])}{unit_label(tp[1], lang)}" if lang == "zh" else f"{fmt_value(tp[0])} {tp[1]}"
        return f"{tp}（{note['measure']}）" if lang == "zh" else f"{tp} ({note['measure']})"
    (conv, other), unit = note["converted"], note["unit"]        # a length read in another unit
    said = f"{fmt_value(note['value'])}{unit_label(unit, lang)}"
    return (f"{said}（约合{fmt_value(conv)}{unit_label(other, lang)}）" if lang == "zh"
            else f"{said} (= {fmt_value(conv)}{unit_label(other, lang)})")


# ---------------------------------------------------------------- messages

_TEMPLATES: dict[str, dict[str, str]] = {}


def _templates(lang: str) -> dict[str, str]:
    """code -> template in ``lang``: a number verdict's of data/messages.yaml, an overstatement
    rule's of the bundled rule files (``codes.registry()``)."""
    out = _TEMPLATES.get(lang)
    if out is None:
        out = {code: m["zh" if lang != "en" else "en"] for code, m in messages().items() if "zh" in m}
        for code, r in registry().items():
            if r["kind"] == "overstatement":
                out[code] = (r["en"] if lang == "en" else None) or r["zh"]
        _TEMPLATES[lang] = out
    return out


def template(rule: str, lang: str, **kw) -> str:
    """A number verdict's template, filled (detail, paper and paper_number empty unless given)."""
    tpl = _templates(lang)[rule]
    try:
        return tpl.format_map({"detail": "", "paper": "", "paper_number": "", **kw})
    except (KeyError, IndexError):
        return tpl


def claim_message(c, lang: str) -> str:
    """A claim's message, from its args and its numbers' notes (already rendered)."""
    a = c.args
    zh = lang == "zh"
    verdict = c.verdict
    if "surfaces" in a:         # several numbers, all supported
        tpl = _templates(lang)["FC101"]
        kw = {"surface": "、".join(a["surfaces"]) if zh else ", ".join(a["surfaces"]),
              "paper": "；".join(v.note or "" for v in c.mention_verdicts if v.verdict == "supported"),
              "detail": "", "paper_number": ""}
    elif verdict == "unattributed":
        tpl = _templates(lang)[c.rule]
        kw = {"surface": a["surface"], "detail": "", "paper": "", "paper_number": ""}
    else:
        tpl = _templates(lang)[c.rule]
        worst = c.mention_verdicts[a["worst"]]
        note = worst.note
        kw = {"surface": a["surface"], "ref": a["ref"], "paper": note or "", "detail": "", "paper_number": ""}
        if verdict == "unresolved_reference":
            kw["paper"] = ""
            if note:
                kw["detail"] = (f"：{note}" if zh else f": {note}")[:120]
        elif c.rule == "FC111":
            kw["paper_number"] = a["paper_number"]
        elif verdict == "not_in_source":
            if worst.rule == "FC103":
                kw["detail"] = (f"；原文该指标为：{note}" if zh else f"; for this measure it reports {note}") if note else (
                    "（摘要未报告该数字）" if zh else " (no such number in the summary)")
        elif "ratio" in a:      # FC106: double or half
            kw["detail"] = {"double": "两倍", "half": "一半"}[a["ratio"]] if zh else a["ratio"]
    try:
        return tpl.format_map(kw)
    except (KeyError, IndexError):
        return tpl


_PAPER = {  # the paper beside an overstatement: (zh, en)
    "no_summary": ("；所引文献没有可用摘要，无法对照原文", "; the cited paper has no usable summary"),
    "unavailable": ("；所引文献内容不可得，无法对照原文", "; the cited paper's content is unavailable"),
}


def overstatement_message(o, lang: str) -> str:
    """An overstatement's message: its rule's template (``args["message"]`` for a rule of a
    config's rules_dir that the bundled rules do not declare so) with the paper beside it."""
    a = o.args
    en = lang == "en"
    own = a.get("message")
    tpl = (own.get("en" if en else "zh") or own.get("zh", "")) if own else _templates(lang)[o.rule]
    if "wording" in a:
        paper = (f"; the paper ([{a['ref']}]) says: “{a['wording']}”" if en
                 else f"；原文（[{a['ref']}]）的表述是：“{a['wording']}”")
    elif "paper" in a:
        paper = _PAPER[a["paper"]][en]
    else:
        paper = ""
    design, level = a.get("design", "unknown"), a.get("level", "none")
    try:
        return tpl.format(surface=a["surface"], paper=paper, design=design if en else DESIGN_ZH.get(design, design),
                          level=LEVEL_EN.get(level, level) if en else LEVEL_ZH.get(level, level))
    except (KeyError, IndexError):
        return tpl


def render_report(report, lang: str):
    """Every note and message of ``report`` written in ``lang`` from the codes and args (in
    place; the report is returned). A claim or overstatement without args (one made by hand)
    keeps its message."""
    for c in report.claims:
        for mv in c.mention_verdicts:
            a = mv.args
            if a is not None:
                note = a.get("note")
                if note is None or note.__class__ is str:
                    mv.note = note
                else:
                    mv.note = note_text(note, lang)
        if c.args is not None:
            c.message = claim_message(c, lang)
    for o in report.overstatements:
        if o.args is not None:
            o.message = overstatement_message(o, lang)
    return report
