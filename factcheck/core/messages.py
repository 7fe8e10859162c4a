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
           "million cells": "×10^6个细胞", "cells": "个细胞"}
UNIT_EN = {"%": "%", "x": "×", "person": " people", "age": " years old"}

DESIGN_ZH = {"rct": "随机对照试验", "cohort": "队列研究", "registry": "登记研究", "case_control": "病例对照",
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
    val = fmt_value(d["value"])
    kind = d.get("kind")
    if kind == "pvalue":
        q = {"less_than": "<", "more_than": ">"}.get(d.get("qualifier") or "", "=")
        head = f"P{q}{val}"
    elif kind == "interval":
        head = f"95% CI {val}{unit_label(d.get('unit') or '', lang)}"
    else:
        head = f"{val}{unit_label(d.get('unit') or '', lang)}"
    where = d.get("where")
    return f"{head}（{'，'.join(where)}）" if lang == "zh" and where else (
        f"{head} ({', '.join(where)})" if where else head)


def note_text(note: Any, lang: str) -> Optional[str]:
    """A note (see the module's docstring) in ``lang``."""
    if note is None or isinstance(note, str):
        return note
    if "held" in note:
        held = sorted({note_text(x, lang) for x in note["held"]})[:3]
        return ("；" if lang == "zh" else "; ").join(held) if held else None
    if "timepoint" in note:
        tp = note["timepoint"]
        if isinstance(tp, list):
            tp = f"{fmt_value(tp[0])}{unit_label(tp[1], lang)}" if lang == "zh" else f"{fmt_value(tp[0])} {tp[1]}"
        return f"{tp}（{note['measure']}）" if lang == "zh" else f"{tp} ({note['measure']})"
    if "converted" in note:
        (conv, other), unit = note["converted"], note["unit"]
        said = f"{fmt_value(note['value'])}{unit_label(unit, lang)}"
        return (f"{said}（约合{fmt_value(conv)}{unit_label(other, lang)}）" if lang == "zh"
                else f"{said} (= {fmt_value(conv)}{unit_label(other, lang)})")
    return paper_value(note, lang)


# ---------------------------------------------------------------- messages

def template(rule: str, lang: str, **kw) -> str:
    """A number verdict's template of data/messages.yaml, filled."""
    tpl = messages()[rule]["zh" if lang != "en" else "en"]
    kw.setdefault("detail", "")
    kw.setdefault("paper", "")
    kw.setdefault("paper_number", "")
    try:
        return tpl.format(**kw)
    except (KeyError, IndexError):
        return tpl


def _detail_for(mv, lang: str) -> str:
    if mv.rule == "FC103" and mv.note:
        return (f"；原文该指标为：{mv.note}" if lang == "zh" else f"; for this measure it reports {mv.note}")
    if mv.rule == "FC103":
        return "（摘要未报告该数字）" if lang == "zh" else " (no such number in the summary)"
    return ""


def claim_message(c, lang: str) -> str:
    """A claim's message, from its args and its numbers' notes (already rendered)."""
    a = c.args or {}
    worst = c.mention_verdicts[a.get("worst", 0)]
    rule, verdict, surface, ref = c.rule, c.verdict, a.get("surface", ""), a.get("ref", "")
    if a.get("surfaces"):       # several numbers, all supported
        return template("FC101", lang, surface="、".join(a["surfaces"]) if lang == "zh" else ", ".join(a["surfaces"]),
                        paper="；".join(v.note or "" for v in c.mention_verdicts))
    if verdict == "unresolved_reference":
        note = f"：{worst.note}" if (worst.note and lang == "zh") else (f": {worst.note}" if worst.note else "")
        return template(rule, lang, surface=surface, ref=ref, detail=note[:120])
    if verdict == "unattributed":
        return template(rule, lang, surface=surface)
    if rule == "FC111":
        return template(rule, lang, surface=surface, ref=ref, paper=worst.note or "",
                        paper_number=a.get("paper_number", ""))
    if verdict == "not_in_source":
        detail = _detail_for(worst, lang)
    elif a.get("ratio"):        # FC106: double or half
        detail = {"double": "两倍", "half": "一半"}[a["ratio"]] if lang == "zh" else a["ratio"]
    else:
        detail = ""
    return template(rule, lang, surface=surface, ref=ref, paper=worst.note or "", detail=detail)


def overstatement_message(o, lang: str) -> str:
    """An overstatement's message: its rule's template (``args["message"]`` for a rule of a
    config's rules_dir that the bundled rules do not declare so) with the paper beside it."""
    a = o.args or {}
    msgs = a.get("message")
    if msgs is None:
        reg = registry().get(o.rule) or {}
        msgs = {"zh": reg.get("zh", ""), "en": reg.get("en", "")}
    tpl = msgs.get("en" if lang == "en" else "zh") or msgs.get("zh", "")
    if a.get("wording"):
        ref_idx, wording = a.get("ref"), a["wording"]
        paper = (f"；原文（[{ref_idx}]）的表述是：“{wording}”" if lang != "en"
                 else f"; the paper ([{ref_idx}]) says: “{wording}”")
    elif a.get("paper") == "no_summary":
        paper = "；所引文献没有可用摘要，无法对照原文" if lang != "en" else "; the cited paper has no usable summary"
    elif a.get("paper") == "unavailable":
        paper = "；所引文献内容不可得，无法对照原文" if lang != "en" else "; the cited paper's content is unavailable"
    else:
        paper = ""
    design, level = a.get("design", "unknown"), a.get("level", "none")
    design_txt = DESIGN_ZH.get(design, design) if lang != "en" else design
    level_txt = LEVEL_ZH.get(level, level) if lang != "en" else LEVEL_EN.get(level, level)
    try:
        return tpl.format(surface=a.get("surface", ""), paper=paper, design=design_txt, level=level_txt)
    except (KeyError, IndexError):
        return tpl


def render_report(report, lang: str):
    """Every note and message of ``report`` written in ``lang`` from the codes and args (in
    place; the report is returned). A claim or overstatement without args (one made by hand)
    keeps its message."""
    for c in report.claims:
        for mv in c.mention_verdicts:
            if mv.args is not None:
                mv.note = note_text(mv.args.get("note"), lang)
        if c.args is not None:
            c.message = claim_message(c, lang)
    for o in report.overstatements:
        if o.args is not None:
            o.message = overstatement_message(o, lang)
    return report
