"""core/messages.py: notes and messages written from a code and language-neutral args, and a
report re-rendered in the other language equal to the report checked in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.core.messages import (claim_message, note_text, overstatement_message, paper_value,
                                     render_report)
from factcheck.core.model import Claim, MentionVerdict, Overstatement, Report, report_from_dict

ROOT = Path(__file__).resolve().parents[1]


def _value(**kw):
    d = {"value": 30.0, "unit": "%", "kind": "percent", "qualifier": None, "where": ["干预组", "12 weeks"]}
    d.update(kw)
    return d


def test_paper_value_frame_and_units_follow_the_language():
    assert paper_value(_value(), "zh") == "30%（干预组，12 weeks）"
    assert paper_value(_value(), "en") == "30% (干预组, 12 weeks)"
    assert paper_value(_value(where=[]), "en") == "30%"
    assert paper_value(_value(value=91.0, unit="person", kind="count", where=[]), "zh") == "91例"
    assert paper_value(_value(value=91.0, unit="person", kind="count", where=[]), "en") == "91 people"
    assert paper_value(_value(value=2, unit="mg", kind="dose", where=[]), "en") == "2 mg"
    assert paper_value(_value(value=0.001, unit="", kind="pvalue", qualifier="less_than", where=[]), "zh") == "P<0.001"
    assert paper_value(_value(value=[0.5, 0.9], unit="", kind="interval", where=["HR"]), "en") == "95% CI 0.5–0.9 (HR)"


def test_notes_of_each_form():
    assert note_text(None, "zh") is None
    assert note_text("the summary's words", "en") == "the summary's words"
    assert note_text({"timepoint": "12 weeks", "measure": "HbA1c"}, "zh") == "12 weeks（HbA1c）"
    assert note_text({"timepoint": [48.0, "week"], "measure": "HbA1c"}, "zh") == "48周（HbA1c）"
    assert note_text({"timepoint": [48.0, "week"], "measure": "HbA1c"}, "en") == "48 week (HbA1c)"
    slip = {"value": 68, "unit": "week", "converted": [15.6, "month"]}
    assert note_text(slip, "zh") == "68周（约合15.6个月）"
    assert note_text(slip, "en") == "68 week (= 15.6 month)"
    # held: what the paper holds for the measure, deduplicated, sorted as written, three at most
    held = {"held": [_value(value=v, where=[]) for v in (40.0, 10.0, 30.0, 10.0, 20.0)]}
    assert note_text(held, "zh") == "10%；20%；30%"
    assert note_text(held, "en") == "10%; 20%; 30%"


def _claim(rule, verdict, mvs, **args):
    a = {"surface": "40%", "ref": "[1] Zhang 2023", "worst": 0}
    a.update(args)
    return Claim(id="c1", start=0, end=3, line=1, sentence="40%", mention_ids=["m1"], reference=1,
                 verdict=verdict, severity="error", message="", rule=rule, mention_verdicts=mvs, args=a)


def test_claim_messages():
    mv = MentionVerdict("m1", "mismatch", 20.0, "f1", rule="FC102", note="20%（对照组）")
    assert claim_message(_claim("FC102", "mismatch", [mv]), "zh") == "文中“40%”与原文不符：原文为20%（对照组）。"
    mv = MentionVerdict("m1", "mismatch", 20.0, "f1", rule="FC106", note="20%")
    assert "两倍" in claim_message(_claim("FC106", "mismatch", [mv], ratio="double"), "zh")
    assert "double" in claim_message(_claim("FC106", "mismatch", [mv], ratio="double"), "en")
    mv = MentionVerdict("m1", "not_in_source", rule="FC103")
    assert claim_message(_claim("FC103", "not_in_source", [mv]), "zh").endswith("（摘要未报告该数字）。")
    mv.note = "30%"
    assert "for this measure it reports 30%" in claim_message(_claim("FC103", "not_in_source", [mv]), "en")
    mv = MentionVerdict("m1", "unresolved_reference", rule="FC104", note="x" * 300)
    msg = claim_message(_claim("FC104", "unresolved_reference", [mv]), "zh")
    assert "：" + "x" * 119 + "，" in msg          # the reason cut at 120 characters, its colon included
    a = MentionVerdict("m1", "supported", 40.0, rule="FC101", note="40%")
    b = MentionVerdict("m2", "supported", 9.1, rule="FC101", note="9.1%")
    assert claim_message(_claim("FC101", "supported", [a, b], surfaces=["40%", "9.1%"]), "en") == \
        "“40%, 9.1%” matches the paper: 40%；9.1%."


def _over(**args):
    return Overstatement(id="o1", start=0, end=2, line=1, surface="证实", category="certainty", severity="warning",
                         message="", rule="FC201", args={"surface": "证实", **args})


def test_overstatement_messages_from_the_registry_or_the_rule_itself():
    zh = overstatement_message(_over(ref=1, wording="may reduce", design="cohort", level="correlational"), "zh")
    en = overstatement_message(_over(ref=1, wording="may reduce", design="cohort", level="correlational"), "en")
    assert "证实" in zh and "原文（[1]）的表述是：“may reduce”" in zh
    assert "the paper ([1]) says: “may reduce”" in en
    own = _over(paper="no_summary", message={"zh": "{surface}{paper}", "en": "{surface}{paper}"})
    assert overstatement_message(own, "zh") == "证实；所引文献没有可用摘要，无法对照原文"
    assert overstatement_message(own, "en") == "证实; the cited paper has no usable summary"


def test_a_finding_without_args_keeps_its_message():
    c = _claim("FC102", "mismatch", [MentionVerdict("m1", "mismatch", rule="FC102", note="kept")])
    c.args, c.message = None, "written by hand"
    o = _over()
    o.args, o.message = None, "by hand too"
    r = render_report(Report("<t>", None, [], [], [c], [o], {}), "en")
    assert (r.claims[0].message, r.claims[0].mention_verdicts[0].note, r.overstatements[0].message) == \
        ("written by hand", "kept", "by hand too")


# ---------------------------------------------------------------- re-rendering a checked report

def _json(report) -> dict:
    d = report.to_dict()
    d["stats"].pop("seconds", None)
    return json.loads(json.dumps(d, ensure_ascii=False))


def _articles():
    from factcheck.evaluate import real_papers

    out = [(str(p), None) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    dev = ROOT / "corpus" / "real" / "dev"
    out += [(str(dev / "articles" / f"{doc}.txt"), paper) for doc, paper in sorted(real_papers(dev).items())[:6]]
    return out


@pytest.mark.parametrize("path,paper", _articles(), ids=lambda x: Path(x).name if x else "")
def test_a_report_rendered_again_in_the_other_language_is_the_report_checked_in_it(store, path, paper):
    from factcheck.cli import add_papers
    from factcheck.core.config import Config
    from factcheck.ingest.reader import read_article
    from factcheck.pipeline import check

    papers = add_papers(store, [paper]) if paper else []
    zh = check(read_article(path), store, Config(lang="zh"), papers=papers)
    en = check(read_article(path), store, Config(lang="en"), papers=papers)
    assert _json(zh) != _json(en)
    assert _json(render_report(report_from_dict(_json(zh)), "en")) == _json(en)
    assert _json(render_report(report_from_dict(_json(en)), "zh")) == _json(zh)


def test_the_render_command(tmp_path, capsys):
    from factcheck.cli import main

    art = str(ROOT / "corpus" / "002_c1d2f2ebb72fd105.txt")
    refs = str(ROOT / "references")
    for lang in ("zh", "en"):
        for fmt in ("json", "markdown"):
            assert main(["check", art, "--references", refs, "--lang", lang, "--format", fmt, "--fail-on", "never",
                         "--output", str(tmp_path / f"{lang}.{fmt}")]) == 0
    assert main(["render", str(tmp_path / "zh.json"), "--lang", "en", "--format", "markdown",
                 "--output", str(tmp_path / "zh2en.md")]) == 0
    assert (tmp_path / "zh2en.md").read_text("utf-8") == (tmp_path / "en.markdown").read_text("utf-8")
    assert main(["render", str(tmp_path / "en.json"), "--lang", "zh"]) == 0
    out = json.loads(capsys.readouterr().out)
    want = json.loads((tmp_path / "zh.json").read_text("utf-8"))
    assert out["claims"] == want["claims"] and out["overstatements"] == want["overstatements"]
    assert main(["render", str(tmp_path / "zh.markdown")]) == 2
