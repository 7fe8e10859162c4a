"""An article checked against a paper it does not list: ``check --paper`` (a summary, an
abstract drafted on the fly), papers named in the text, single-study attribution, and the
matching rules that drafts from real abstracts need. Small synthetic articles and abstracts."""

from __future__ import annotations

import json

import pytest

from factcheck.papers.abstract_en import facts, find_arms, normalise
from factcheck.cli import main
from factcheck.ingest.reader import article_from_text
from factcheck.papers.implicit import PaperError, is_implicit, load_paper, named_in_text, with_papers
from factcheck.pipeline import check
from factcheck.papers.summaries import Store
from factcheck.papers.summarize import draft_summary

ABSTRACT = """Title: App-based therapy for insomnia to prevent depression in youth: a randomized clinical trial
Journal: PLoS Medicine
Year: 2025
Authors: Si-Jing Chen, Yun Kwok Wing
DOI: 10.1371/journal.pmed.9999999

Background: Insomnia often precedes depression.
Methods: Participants aged 15-25 years were randomly assigned to app-based CBT-I (n = 354) or health education (n = 354) for 6 weeks.
Results: Thirty-seven participants (10%) in the intervention group and 62 participants (18%) in the control group developed major depressive disorder over the 12-month follow-up, with a hazard ratio of 0.58 (95% CI 0.38-0.87; p = 0.008). Mean body weight was 91.8 (16.0) kg. Aspirin was given at 150 mg per day.
Conclusions: App-based CBT-I may prevent depression in youth with insomnia.
"""


def _check(tmp_path, article: str, abstract: str = ABSTRACT, named: bool = True):
    """``article`` checked against the drafted ``abstract``: named by the editor (--paper), or
    (``named=False``) only in the store, for the page's own list to find."""
    a = tmp_path / "abstract.txt"
    a.write_text(abstract, encoding="utf-8")
    s = load_paper(str(a))
    st = Store()
    st.add(s)
    art = article_from_text(article, "a.txt")
    return check(art, st, papers=[s.id] if named else ())


def _with_results(sentences: str) -> str:
    """The test abstract with ``sentences`` told among its results (before its last one)."""
    return ABSTRACT.replace("Aspirin was given", sentences + " Aspirin was given")


def _verdict_pairs(rep) -> list[tuple[str, str]]:
    """(surface, verdict) of every judged mention, in the report's order (a surface may repeat)."""
    ms = {m.id: m for m in rep.mentions}
    return [(ms[v.mention_id].surface, v.verdict) for c in rep.claims for v in c.mention_verdicts]


def _verdicts(rep) -> dict[str, str]:
    ms = {m.id: m for m in rep.mentions}
    return {ms[v.mention_id].surface: v.verdict for c in rep.claims for v in c.mention_verdicts}


# ---------------------------------------------------------------- reading an English abstract

def test_normalise_reads_numbers_as_abstracts_write_them():
    t = normalise("Thirty-seven participants; 162 602 women; 0·16 points; 541 million adults; a 12-month follow-up; "
                  "P = 4.5×10 -27; 120 mm Hg; age 36.1 (9.1) years")
    assert "37 participants" in t and "162602 women" in t and "0.16 points" in t
    assert "541000000 adults" in t and "12 months follow-up" in t and "4.5e-27" in t and "120 mmHg" in t
    assert "36.1 years (SD 9.1 years)" in t


def test_values_are_typed_the_way_articles_quote_them():
    arms = find_arms("Participants were randomly assigned to app-based CBT-I (n = 354) or health education (n = 354).")
    f = facts("Thirty-seven participants (10%) in the intervention group developed MDD over the 12-month "
              "follow-up, with a hazard ratio of 0.58 (95% CI 0.38-0.87; p = 0.008) in adults aged 15-25 years.",
              "results", arms, "f1")
    by_value = {str(v.value): v for v in f.values}
    assert by_value["37.0"].kind == "count" and by_value["37.0"].unit == "person"
    assert by_value["0.58"].kind == "ratio" and by_value["0.58"].label == "HR" and by_value["0.58"].group is None
    assert by_value["12.0"].label == "follow_up"
    assert by_value["[15.0, 25.0]"].unit == "age"
    assert f.ci == [0.38, 0.87] and f.p == "0.008"
    assert "health_education" in arms.names and arms.sizes["health_education"] == 354


def test_a_cut_off_in_an_abstract_is_a_threshold_not_a_result():
    f = facts("Key secondary end points included weight reductions of at least 10%.", "results", find_arms(""), "f1")
    assert [v.label for v in f.values] == ["threshold"]


def test_plain_header_lines_give_the_metadata():
    s = draft_summary(ABSTRACT)
    assert s.title.startswith("App-based therapy") and s.journal == "PLoS Medicine" and s.year == 2025
    assert s.authors == ["Si-Jing Chen", "Yun Kwok Wing"] and s.doi == "10.1371/journal.pmed.9999999"
    assert s.curated is False


# ---------------------------------------------------------------- --paper and the article side

def test_with_papers_adds_implicit_references_without_changing_the_article(tmp_path):
    s = draft_summary(ABSTRACT)
    st = Store()
    st.add(s)
    art = article_from_text("研究发现，抑郁症风险降低42%。", "a.txt")
    out = with_papers(art, st, [s.id])
    assert art.references == [] and len(out.references) == 1 and is_implicit(out.references[0])


def test_single_study_numbers_rest_on_the_paper(tmp_path):
    rep = _check(tmp_path, "一项发表在《PLoS医学》的随机对照试验纳入708名15至25岁的年轻人。\n"
                           "结果显示，与对照组相比，干预组抑郁症发病风险降低42%，随访12个月。\n"
                           "干预组发病率约10%，对照组为18%。\n")
    v = _verdicts(rep)
    assert v["42%"] == "supported"            # HR 0.58 told as a relative change
    assert v["12个月"] == "supported" and v["10%"] == "supported" and v["18%"] == "supported"
    assert any(n.startswith("FC309") for n in rep.notes)


def test_a_relative_change_the_ratio_does_not_give_is_not_supported(tmp_path):
    rep = _check(tmp_path, "研究显示，干预使抑郁症风险降低了60%。\n")
    assert _verdicts(rep)["60%"] != "supported"


def test_the_article_words_carry_the_sign_of_a_change(tmp_path):
    abstract = ABSTRACT.replace("Mean body weight was 91.8 (16.0) kg.", "Mean weight change was -13.6% with the drug.")
    rep = _check(tmp_path, "研究发现，用药组体重平均下降了13.6%。\n", abstract)
    assert _verdicts(rep)["13.6%"] == "supported"


def test_ten_thousands_are_read_to_the_digit_written(tmp_path):
    abstract = _with_results("A total of 162 602 women were followed.")
    rep = _check(tmp_path, "该研究跟踪了16.3万名女性。\n研究共纳入16万名女性。\n研究共纳入17万名女性。\n", abstract)
    v = _verdict_pairs(rep)
    assert ("16万名", "supported") in v and ("16.3万名", "supported") in v
    assert ("17万名", "supported") not in v


def test_the_papers_number_with_another_unit_is_a_unit_error(tmp_path):
    rep = _check(tmp_path, "研究中，受试者每天服用150μg阿司匹林。\n")
    c = next(c for c in rep.claims if "150" in c.sentence)
    assert c.verdict == "mismatch" and c.rule == "FC113"


def test_a_dose_per_kilogram_told_as_a_flat_dose_is_a_unit_error(tmp_path):
    """"10 mg or 20 mg per kilogram per day" gives both doses per body weight; the article's
    10毫克 (whatever arm label, "the 10-mg group", the abstract also uses) drops the per kilogram,
    while 每公斤体重10毫克 keeps it."""
    abstract = _with_results("Cannabidiol was added at a dose of 10 mg or 20 mg per kilogram per day; "
                             "the 10-mg group had fewer seizures.")
    rep = _check(tmp_path, "研究中，患者每天服用10毫克大麻二酚。\n研究中，患者每天按每公斤体重20毫克服用大麻二酚。\n", abstract)
    flat = next(c for c in rep.claims if "10毫克" in c.sentence)
    assert (flat.verdict, flat.rule) == ("mismatch", "FC113")
    assert _verdicts(rep)["20毫克"] == "supported"


def test_a_time_in_hours_is_no_slip_for_the_papers_weeks(tmp_path):
    # the paper's 12 weeks and the article's 12小时 are other quantities, not one number's slip
    # (nor 3天 a week for a 3.4-year follow-up)
    abstract = _with_results("During a mean follow-up of 3.4 years, 120 developed "
                             "proteinuria.")
    rep = _check(tmp_path, "研究发现，每周超过3天不吃早饭的人蛋白尿风险更高。\n", abstract)
    assert _verdicts(rep)["3天"] != "mismatch"
    rep = _check(tmp_path, "研究发现，睡前<2小时吃晚餐的人风险更高。\n", abstract.replace("3.4 years", "2 years"))
    assert _verdicts(rep)["<2小时"] != "mismatch"


def test_the_unit_after_a_bracket_is_the_values_before_it(tmp_path):
    abstract = _with_results("Responders had a shorter diabetes duration "
                             "(2.7 ± 0.3 versus 3.8 ± 0.4 years) and a higher fat mass (395.4 (86.6 to 704.3) g).")
    rep = _check(tmp_path, "有反应者的糖尿病病程更短，为2.7年。\n有反应者的脂肪量更高，为395克。\n", abstract)
    v = _verdicts(rep)
    assert v["2.7年"] == "supported" and v["395克"] == "supported"


def test_the_unit_after_the_last_of_a_list_is_each_values(tmp_path):
    # "by ages 3, 6, and 12 months": the 3 and the 6 are months too, not years nor bare numbers;
    # "the first 10 and up to 30 years": the 10 is years
    abstract = _with_results("Cumulative otitis incidence by ages 3, 6, and 12 months was 6%, 23%, and 46%. "
                             "Health records covered at least the first 10 and up to 30 years of life.")
    rep = _check(tmp_path, "该研究发现,婴儿到3个月大时,中耳炎累计发病率为6%。研究的健康记录覆盖了出生后10年。\n", abstract)
    v = _verdicts(rep)
    assert v["3个月"] == "supported" and v["10年"] == "supported"


def test_a_count_of_hundreds_the_paper_states_is_its_count_whatever_the_classifier(tmp_path):
    # 两千两百六十个(肝癌病人) for "2260 cases", 二十三万九千一百四十六个 for "239,146 noncases"; the
    # count after a registry number a copy glued to it ("ISRCTN24647151.160 921 women") is read too
    abstract = _with_results("Nine studies, involving 2260 cases and 239,146 noncases, "
                             "were pooled. The trial is registered, ISRCTN24647151.160 921 women were recruited.")
    rep = _check(tmp_path, "研究共涉及两千两百六十个肝癌病人，以及二十三万九千一百四十六个健康人士。\n"
                           "研究入组16万0921例女性。\n", abstract)
    v = _verdicts(rep)
    assert v["两千两百六十个"] == "supported" and v["二十三万九千一百四十六个"] == "supported"
    assert v["16万0921例"] == "supported"


def test_money_signs_number_words_and_completed_weeks_in_an_abstract(tmp_path):
    # "£400 ($440)", "One percent of participants", "Nineteen 3- to 5-year-old children",
    # "34-36 completed weeks": read as the article tells them
    abstract = _with_results("Quitters received up to £400 ($440) in vouchers. One percent "
                             "of participants underwent imaging. Nineteen 3- to 5-year-old children completed a "
                             "scan. Risk was higher at 34-36 completed weeks.")
    rep = _check(tmp_path, "戒烟者最多可获得400英镑(约440美元)的购物券。\n研究中1.0%的参与者接受了成像检查。\n"
                           "共有19名3至5岁的儿童完成了扫描。\n孕34~36周出生的孩子风险更高。\n", abstract)
    v = _verdicts(rep)
    assert v["400英镑"] == "supported" and v["440美元"] == "supported"
    assert v["1.0%"] == "supported" and v["19名"] == "supported" and v["34~36周"] == "supported"
    assert normalise("a fee of US\u00a0$5") == "a fee of 5 USD"     # the sign decides, whatever space
    # its thousands grouped by a space or a thin space, as the abstract writes them
    assert normalise("in Canada (US $21 840) and Norway (US $19\u2009783)") == "in Canada (21840 USD) and Norway (19783 USD)"


def test_the_one_entry_of_a_list_no_marker_points_to_is_the_papers_study(tmp_path):
    # a page that lists one paper at its foot and cites it with no marker is about that paper,
    # as a reader takes it (its study numbers rest on it, not "unattributed")
    listed = ("参考文献：\n[1] Si-Jing Chen, Yun Kwok Wing. App-based therapy for insomnia to prevent depression "
              "in youth: a randomized clinical trial. PLoS Medicine, 2025. doi:10.1371/journal.pmed.9999999\n")
    rep = _check(tmp_path, "研究人员进行了一项研究，发现干预组10%的参与者患上抑郁症，对照组为18%。\n\n" + listed,
                 named=False)
    assert _verdicts(rep) == {"10%": "supported", "18%": "supported"}


def test_a_range_of_ratios_is_the_range_of_changes_an_article_tells(tmp_path):
    abstract = _with_results("Brighter night light had higher all-cause mortality risk "
                             "(aHR ranges: 1.15 to 1.18 [70 to 90th], and 1.21 to 1.34 [90 to 100th]), brighter "
                             "day light lower risk (aHR ranges: 0.74 to 0.84, and 0.66 to 0.83).")
    rep = _check(tmp_path, "夜间光照最强者的死亡风险增加了21%至34%。\n白天光照最强者的死亡风险降低了17%至34%。\n"
                           "白天光照最强者的死亡风险增加了17%至34%。\n", abstract)
    v = _verdict_pairs(rep)
    assert v[0] == ("21%至34%", "supported") and v[1] == ("17%至34%", "supported")
    assert v[2] != ("17%至34%", "supported")     # the words say up; the paper's ratios are down


def test_a_dose_the_abstract_gives_names_an_arm_not_a_misquote_of_the_other(tmp_path):
    # "a low (0.3 mg) or high (5.0 mg) dose": the article's 5毫克 is the high arm, whatever finding
    # the sentence's words bring nearer (one that names only the 0.3 mg)
    abstract = _with_results("Adults received a low (0.3 mg) or high "
                             "(5.0 mg) dose of melatonin. Although 0.3 mg melatonin had a trend towards "
                             "increasing sleep, it was not significant.")
    rep = _check(tmp_path, "研究发现，与安慰剂相比，5毫克的褪黑激素增加了睡眠。\n研究发现，2毫克的褪黑激素增加了睡眠。\n", abstract)
    v = _verdicts(rep)
    assert v["5毫克"] == "supported" and v["2毫克"] != "supported"


def test_a_year_told_against_the_journal_dates_the_paper(tmp_path):
    # 2025年《公共科学图书馆·医学》: the paper's year (the sentence need not say 发表); a later year than
    # the record's is a misdated paper, an earlier one may be its day online
    rep = _check(tmp_path, "2025年《公共科学图书馆·医学》上的一项研究纳入708名年轻人。\n"
                           "2026年《公共科学图书馆·医学》上的一项研究纳入708名年轻人。\n"
                           "2024年《公共科学图书馆·医学》上的一项研究纳入708名年轻人。\n")
    v = _verdict_pairs(rep)
    assert ("2025年", "supported") in v and ("2026年", "mismatch") in v
    assert ("2024年", "mismatch") not in v and ("2024年", "supported") not in v


def test_an_interval_written_with_a_comma_is_two_ends_not_thousands():
    t = normalise("about 184 ug/m3 [95% confidence interval (CI): 61, 307] higher; 65, 414 melatonin users")
    assert "61, 307" in t and "65414 melatonin users" in t


def test_a_line_on_a_broader_topic_than_the_papers_is_the_papers(tmp_path):
    # 寿命 for a paper on life expectancy (lexicon/broader.yaml), as 癌症 for one on breast cancer
    abstract = _with_results("Life expectancy was about 5.5 y lower in "
                             "the north.")
    rep = _check(tmp_path, "一项研究纳入708名年轻人。\n\n居民寿命缩短幅度超5.5年\n", abstract)
    assert {c.line: c.verdict for c in rep.claims}[3] == "supported"


def test_background_statistics_are_not_pinned_on_the_paper(tmp_path):
    rep = _check(tmp_path, "一项研究纳入708名年轻人。\n据世界卫生组织统计，全球约有3.5亿人患抑郁症。\n"
                           "全球抑郁症患者人数超过3亿。\n")
    by_line = {c.line: c.verdict for c in rep.claims}
    assert by_line[1] == "supported" and by_line[2] == "unattributed" and by_line[3] == "unattributed"


def test_another_study_named_in_the_article_is_not_the_paper(tmp_path):
    rep = _check(tmp_path, "一项研究纳入708名年轻人。\n此前的研究发现，认知行为治疗的效果可持续18个月。\n")
    assert {c.line: c.verdict for c in rep.claims}[2] == "unattributed"


def test_papers_named_in_the_text_become_references():
    s = draft_summary(ABSTRACT)
    st = Store()
    st.add(s)
    art = article_from_text("研究于近日发表在 doi: 10.1371/journal.pmed.9999999 上，纳入708人。", "a.txt")
    out = named_in_text(art, st)
    assert [r.resolved_by for r in out.references] == ["text:doi"]
    listed = article_from_text("正文[1]。\n\n参考文献\n[1] Someone. A paper. 2020.", "b.txt")
    assert named_in_text(listed, st) is listed          # an article's own list is never second-guessed


# ---------------------------------------------------------------- the command line

def test_check_paper_on_the_command_line(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("一项随机对照试验纳入708名年轻人，干预组抑郁症风险降低42%。\n", encoding="utf-8")
    ab = tmp_path / "ab.txt"
    ab.write_text(ABSTRACT, encoding="utf-8")
    code = main(["check", str(art), "--paper", str(ab), "--references", str(tmp_path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and doc["references"][0]["resolved_by"] == "paper"
    assert doc["stats"]["supported"] >= 1


@pytest.mark.parametrize("spec, says", [("nofile.txt", "not a DOI"), ("10.1/x y", "not a DOI")])
def test_a_paper_that_cannot_be_used_is_a_usage_error(tmp_path, capsys, spec, says):
    art = tmp_path / "a.txt"
    art.write_text("研究纳入708人。\n", encoding="utf-8")
    code = main(["check", str(art), "--paper", spec, "--references", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and says in err and "Traceback" not in err


def test_an_abstract_with_no_numbers_is_refused(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("Title: Nothing\n\nThis abstract reports no numbers at all.", encoding="utf-8")
    with pytest.raises(PaperError, match="no numbers"):
        load_paper(str(p))


def test_broader_terms_name_known_groups_and_a_misspelt_one_is_an_error():
    import pytest

    from factcheck.papers.glossary import check_broader, load_glossary

    gl = load_glossary()
    assert gl.with_broader({"ischemic_stroke"}) >= {"stroke", "cerebrovascular_disease", "cardiovascular_disease"}
    assert "cancer" in gl.with_broader({"breast_cancer"})
    groups = {"stroke": [], "cardiovascular_disease": []}
    assert check_broader({"stroke": ("cardiovascular_disease", "broader.yaml")}, groups) == {
        "stroke": "cardiovascular_disease"}
    with pytest.raises(ValueError, match="broader.yaml: strok -> cardiovascular_disease"):
        check_broader({"strok": ("cardiovascular_disease", "broader.yaml")}, groups)


def test_a_year_in_citation_form_is_the_papers_year(tmp_path):
    """A reference line's year between the journal and its volume (PLoS Med. 2025;22:e1004),
    or the year a citation gives after its authors (Chen等人(2025年), (Chen 等人, PLoS Med 2025))
    dates the paper the article cites: no publishing verb needs to stand near it."""
    rep = _check(tmp_path, "Chen SJ, Wing YK. App-based therapy for insomnia. PLoS Med. 2025;22(3):e1004.\n"
                           "Chen等人(2025年)分析了失眠青少年的数据。\n"
                           "Chen SJ, Wing YK. App-based therapy for insomnia. PLoS Med. 2023;22(3):e1004.\n")
    pairs = [(s, v) for s, v in _verdict_pairs(rep) if s.startswith("20")]
    assert pairs == [("2025", "supported"), ("2025年", "supported"), ("2023", "not_in_source")]


def test_a_sample_told_of_whom_the_study_followed_is_held_to_its_n(tmp_path):
    """对超过710名青少年随访: the study's sample (708 randomised), told with a bound it breaks;
    对703名…进行了跟踪: one digit off it. Both misquote the sample; 对约700名 rounds it."""
    rep = _check(tmp_path, "研究人员对超过710名失眠青少年随访了12个月。\n"
                           "研究人员对703名失眠青少年进行了跟踪研究。\n"
                           "研究人员对约700名失眠青少年随访了12个月。\n")
    v = _verdicts(rep)
    assert v["710名"] == "mismatch" and v["703名"] == "mismatch" and v["700名"] == "supported"


def test_the_level_of_an_interval_the_store_cut_is_no_value():
    """An abstract cut inside the interval's name ("(hazard ratio, 1.58; 95% C") keeps the 95% a
    level, not a share of patients an article's 超过80% could be held to."""
    cut = ABSTRACT.split("Aspirin was given")[0] + ("Death occurred in 8 patients (2.2%) and 5 patients (1.4%), "
                                                    "respectively (hazard ratio, 1.58; 95% C")
    s = draft_summary(cut)
    assert 95.0 not in [v.value for f in s.findings for v in f.values if v.kind == "percent"]


def test_a_regimen_counted_in_words_is_read_as_numbers(tmp_path):
    """"two to five antibiotic courses": what a regimen counts (courses, cycles, prescriptions),
    written in words as a range, is the range an article writes in digits (2~5个疗程)."""
    abstract = _with_results("Treatment with two to five antibiotic courses was associated with "
                             "higher risk (OR 1.23, 95% CI 1.08-1.40).")
    rep = _check(tmp_path, "研究发现，使用2~5个疗程抗生素的人风险更高。\n", abstract)
    assert _verdicts(rep)["2~5个"] == "supported"


def test_a_ratio_with_its_category_as_a_subscript_is_a_ratio(tmp_path):
    """"HRT2 = 0.83 … HRT3 = 0.77": a hazard ratio with the tertile it compares glued to its name
    is still a hazard ratio, which an article tells as 17% and 23% lower."""
    abstract = _with_results("A survival advantage was found by tertile of reading "
                             "(HRT2 = 0.83, p < 0.001, HRT3 = 0.77, p < 0.001).")
    rep = _check(tmp_path, "研究发现，读书较少的人死亡率低17%，读书较多的人死亡率低23%。\n", abstract)
    v = _verdicts(rep)
    assert v["17%"] == "supported" and v["23%"] == "supported"


def test_a_ratio_written_with_its_level_in_brackets_is_a_ratio(tmp_path):
    """"HRs [95% CIs] = 0.83 [0.70, 0.98]", "relative risk among men in the highest quintile, as
    compared with those in the lowest quintile, was 0.56", "hazard ratio for scores of 1-3 v score
    0: 1.20": each is the ratio an article tells as a change (17% lower, 44% lower, 20% higher)."""
    abstract = _with_results("Frequent intake was associated with a decreased risk (≥3 times/week: "
                             "HRs [95% CIs] = 0.83 [0.70, 0.98]). The multivariate relative risk among "
                             "men in the highest quintile, as compared with those in the lowest quintile, "
                             "was 0.56 (95 percent confidence interval, 0.42 to 0.74). Distress raised "
                             "mortality (adjusted hazard ratio for questionnaire scores of 1-3 v score 0: "
                             "1.20, 95% confidence interval 1.09 to 1.32).")
    s = draft_summary(abstract)
    ratios = {v.value for f in s.findings for v in f.values if v.kind == "ratio"}
    assert {0.83, 0.56, 1.2} <= ratios
    rep = _check(tmp_path, "研究发现，常吃的人风险降低17%，最高五分位的人风险降低44%，轻度忧虑者死亡风险高出20%。\n", abstract)
    v = _verdicts(rep)
    assert v["17%"] == v["44%"] == v["20%"] == "supported"


def test_a_decade_is_read_as_its_years(tmp_path):
    """20世纪60年代 is the 1960s, not the number 20 and a length of 60 years; 上世纪90年代 and 1970年代
    likewise. Each decade of 从20世纪60年代到21世纪10年代 is a mention of its own, supported by the
    abstract's "(1960s)" and "(2010s)"; a decade the abstract never names is not."""
    from factcheck.text.numbers import extract

    got = [(m.surface, m.kind, m.value) for m in extract("从20世纪60年代到21世纪10年代，上世纪90年代与1970年代。")]
    assert got == [("20世纪60年代", "year_or_date", "1960/1969"), ("21世纪10年代", "year_or_date", "2010/2019"),
                   ("上世纪90年代", "year_or_date", "1990/1999"), ("1970年代", "year_or_date", "1970/1979")]
    abstract = _with_results("Annual deaths rose from 46,401 (1960s) to 98,748 (2010s).")
    rep = _check(tmp_path, "研究发现，从20世纪60年代到21世纪10年代，死亡人数增加，20世纪80年代也是如此。\n", abstract)
    v = _verdicts(rep)
    assert v["20世纪60年代"] == v["21世纪10年代"] == "supported" and v["20世纪80年代"] != "supported"


def test_a_decade_of_history_is_background(tmp_path):
    """A decade the abstract does not date the study by, in a sentence of the study's account
    that speaks of no study, its data or its people (认知行为疗法自1960年代就已出现), is history told
    as background, not a number the paper fails to give; in a sentence about the study
    (研究人员自1990年代初期即追踪) it stays a claim the abstract does not state."""
    for history, decade in (("失眠疗法自1940年代就已经存在，如今有354人使用。", "1940年代"),
                            ("认知行为疗法自1960年代就已出现，干预组有10%的人患上抑郁症。", "1960年代")):
        rep = _check(tmp_path, f"研究纳入708名年轻人，随访12个月。\n{history}\n")
        v = _verdicts(rep)
        assert v[decade] == "unattributed" and v["708名"] == "supported"
        # (the claim's message names only the number the paper states, not the decade beside it)
        told = [c.message for c in rep.claims if decade in c.sentence]
        assert told and decade not in told[0] and "与原文一致" in told[0]
    v = _verdicts(_check(tmp_path, "研究纳入708名年轻人。研究人员自1990年代初期即追踪这些居民，干预组有10%的人患上抑郁症。\n"))
    assert v["1990年代"] == "not_in_source" and v["10%"] == "supported"

def test_a_universal_in_a_background_paragraph_is_no_overstatement_of_the_paper(tmp_path):
    """In an article about one paper it does not list, a paragraph past the lead into which the
    study is not carried (每个人都会有感到悲伤或孤独的时候) is background: its "everyone" claims
    nothing of the paper's result; the same article's claim on the study (失眠完全可以根治) is
    still weighed. (An unmarked sentence of an article citing by markers is the writer's own
    claim and is still judged: test_overstate.test_more_overstatements_fire.)"""
    lead = "研究纳入708名年轻人，随访12个月，干预组有10%的人患上抑郁症。"
    rep = _check(tmp_path, lead + "\n\n每个人都会有感到悲伤或孤独的时候。\n")
    assert not [o for o in rep.overstatements if o.category == "scope"], [(o.surface, o.rule) for o in rep.overstatements]
    rep = _check(tmp_path, "研究纳入708名年轻人，随访12个月。所有患者都从应用程序治疗中获益，失眠完全可以根治。\n")
    assert [o.surface for o in rep.overstatements if o.category == "cure_reversal"] == ["根治"]
