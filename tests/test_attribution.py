"""Attribution of sentences to references, on the seed articles and on their real sentences."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.judge.attribution import attribute
from factcheck.ingest.reader import article_from_text, read_article
from factcheck.text.numbers import extract
from factcheck.pipeline import resolve_references
from factcheck.text.sentences import split_sentences


def _attributions(article, store):
    """sentence text -> Attribution, as check() composes the stages up to attribution."""
    article = dataclasses.replace(article, references=resolve_references(article.references, store))
    sentences = split_sentences(article.text, article.body)
    mentions = extract(article.text, [(s.start, s.end) for s in article.body], norm=article.norm or None)
    attributions = attribute(article, sentences, mentions, store)
    return {s.text: attributions[i] for i, s in enumerate(sentences)}


@pytest.fixture(scope="module")
def seeds(store):
    return {k: _attributions(read_article(p), store) for k, p in (
        ("000", "corpus/000_a8adcad3e0149db4.txt"), ("002", "corpus/002_c1d2f2ebb72fd105.txt"),
        ("003", "corpus/003_b1e2291c355cb6fc.txt"))}


def _find(atts, start):
    hits = [a for t, a in atts.items() if t.startswith(start)]
    assert hits, start
    return hits[0]


def test_marker_and_carry_over(seeds):
    a = seeds["002"]
    assert _find(a, "研究纳入91例T2D患者").reference == 1
    assert _find(a, "研究纳入91例T2D患者").how == "carried"
    assert _find(a, "这项回顾性登记研究纳入301例").reference == 2


def test_named_team_hospital_and_journal(seeds):
    a = seeds["003"]
    assert _find(a, "今年中国医科大学附属盛京医院乔宠教授团队").reference == 4
    assert _find(a, "无独有偶,上海交通大学瑞金医院").reference == 2
    assert _find(a, "还有另外一个有利的证据是一项由美国").reference == 3
    assert _find(seeds["000"], "刚刚中山大学孙逸仙纪念医院陈慧教授团队").reference == 1


def test_unnamed_study_found_by_topic(seeds):
    a = seeds["003"]
    att = _find(a, "这个研究纳入2177名")
    assert (att.reference, att.how) == (1, "topic")


def test_meta_analysis_found_by_design_words(seeds):
    att = _find(seeds["000"], "有研究把全世界众多相关的高质量研究结果汇总起来")
    assert (att.reference, att.how) == (2, "design")


def test_other_source_stops_carry_over(seeds):
    a = seeds["000"]
    assert _find(a, "复旦大学林金芳教授团队认为").reference is None
    assert _find(a, "邢小燕等对超过一万例").reference is None
    assert _find(seeds["003"], "静脉注射免疫球蛋白,有研究发现").reference is None


def test_list_of_cells_is_not_a_team(seeds):
    # "NK细胞、T细胞、巨噬细胞等对…" names cells, not a research team
    assert _find(seeds["003"], "所以,母胎界面的免疫细胞如NK细胞").reference == 4


def test_design_match_rejected_when_duration_contradicts(seeds):
    # an 8-year RCT is not the cited 48-week RCT, whatever its design words say
    att = _find(seeds["002"], "一项长达8年的随机对照研究显示")
    assert att.reference is None and att.how == "other_source"


def test_section_heading_ends_a_passage(seeds):
    a = seeds["002"]
    assert _find(a, "因此,将干细胞治疗视为一种能够").reference is None
    assert _find(seeds["000"], "如果这个数字超过2.41").reference is None


def test_single_reference_article(store):
    text = "研究发现，患者的风险升高了30%。\n参考文献\n[1] Some study. J Test. 2020;1:1-2.\n"
    art = article_from_text(text)
    sents = __import__("factcheck.text.sentences", fromlist=["x"]).split_sentences(art.text, art.body)
    atts = attribute(art, sents, extract(art.text), store)
    assert atts[0].reference == 1 and atts[0].how == "single_reference"


REFS2 = ("\n参考文献\n[1] Zang L, et al. Efficacy and safety of umbilical cord-derived mesenchymal stem cells. "
         "Stem Cell Res Ther. 2022;13:180. doi: 10.1186/s13287-022-02848-6\n"
         "[2] Chen H, et al. Insulin resistance and SIK1 hyperactivation in recurrent pregnancy loss. "
         "Am J Physiol Endocrinol Metab. 2026. doi: 10.1152/ajpendo.00123.2025\n")


def test_a_numbered_heading_rests_on_the_paper_its_passage_cites(store):
    text = ("一、干细胞治疗糖尿病\n研究[1]纳入91例患者。\n"
            "二、风险差2.63倍？胰岛素抵抗与流产\n坊间常有这种说法，但结果并不一致。\n有团队发表研究[2]，分析513位女性。\n"
            "三、写在最后，3个建议\n1. 规律作息。\n" + REFS2)
    atts = _attributions(article_from_text(text, "t.txt"), store)
    assert _find(atts, "二、风险差2.63倍").reference == 2
    assert _find(atts, "二、风险差2.63倍").how == "heading"
    assert _find(atts, "三、写在最后").reference is None       # its passage cites nothing

