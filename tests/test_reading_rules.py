"""Readings a careful editor applies to any article about any paper: shares of one whole, a
multiple that restates ratios, several figures against one value, a count that is not a year,
sites, schedules and units written after an interval (each rule found on a blind real part and
written for every article)."""

from pathlib import Path

import pytest
from conftest import assert_draft_verdicts, draft_report, draft_verdicts, verdict_of

from factcheck.ingest.reader import article_from_text, strip_readings
from factcheck.papers.abstract_en import normalise
from factcheck.text.numbers import extract
from factcheck.text.sentences import split_sentences
from factcheck.core.model import Span

ECIG = ("Methods: Associations were examined in 2,086 Southern California participants completing "
        "questionnaires in 2014. Results: Ever e-cigarette use was reported by 502 (24.0%), of whom 201 "
        "(9.6%) used e-cigarettes during the last 30 days. Risk of bronchitic symptoms was increased among "
        "past users (odds ratio [OR], 1.85; 95% CI, 1.37-2.49) and by 2.02-fold (95% CI, 1.42-2.88) among "
        "current users. Effect estimates were attenuated (OR, 1.41; 95% CI, 1.01-1.97).")


def test_a_count_written_with_a_thousands_separator_is_never_a_year():
    # (a count of people, as the words after it say: no year a study is dated by)
    assert [m.kind for m in extract("examined in 2,086 Southern California participants in 2014")] == ["count", "year_or_date"]
    assert "2,086" in normalise("in 2 086 Southern California participants")
    v = draft_verdicts(ECIG, "研究人员分析了2086个研究参与者的问卷。")
    assert v["2086个"] == "supported"


def test_the_share_of_those_who_are_not_is_the_rest_of_the_whole():
    v = draft_verdicts(ECIG, "研究人员分析了2086名参与者。受访者分为非电子烟使用者(76%),过去的用户(14.4%)"
                             "和当前用户(9.6%)。")
    assert v["76%"] == "supported"            # 100% − 24.0% ever used
    assert v["14.4%"] == "supported"          # the rest of the whole: 100 − 76 − 9.6
    assert v["9.6%"] == "supported"


def test_a_share_not_negated_and_not_the_rest_is_not_recomputed():
    v = draft_verdicts(ECIG, "研究人员分析了2086名参与者。其中使用者占76%。")
    assert v["76%"] != "supported"


def test_a_multiple_is_a_relative_measure_held_to_the_papers_ratios():
    v = draft_verdicts(ECIG, "研究人员分析了2086名参与者。在当前用户中,支气管症状增加了一倍。")
    assert v["一倍"] == "supported"                       # 2.02-fold
    v = draft_verdicts(ECIG, "研究人员分析了2086名参与者。使用者出现症状(OR 1.85)和(OR 2.02)的几率大约是"
                             "不使用者的两倍。")
    assert v["两倍"] == "supported"                       # sums up the ratios its sentence quotes
    v = draft_verdicts(ECIG, "研究人员分析了2086名参与者。使用者出现症状的几率是不使用者的五倍。")
    assert v["五倍"] != "supported"


AGE_BANDS = ("Results: Of the 22 068 offspring, 4921 individuals (22.3%) were born by cesarean delivery. "
             "The adjusted risk ratio for obesity among offspring delivered via cesarean birth vs those "
             "delivered via vaginal birth was 1.15 (95% CI, 1.06-1.26; P = .002).")


def test_several_figures_against_one_value_are_details_not_misquotes():
    text = ("研究纳入22068名研究对象。剖腹产儿在9岁至12岁时肥胖的风险比顺产儿高23%。在13至18岁时肥胖的风险高16%。"
            "男性肥胖的风险高28%。兄弟姐妹中肥胖的风险高64%。")
    v = draft_verdicts(AGE_BANDS, text)
    for s in ("23%", "16%", "28%", "64%"):
        assert v[s] == "not_in_source", s
    # one wrong figure is a mismatch
    v = draft_verdicts(AGE_BANDS, "研究纳入22068名研究对象。剖腹产儿肥胖的风险比顺产儿高25%。")
    assert v["25%"] == "mismatch"


SITES = ("Design, settings, and participants: This was a multicenter 2-arm randomized clinical trial conducted "
         "in 6 tertiary-level hospitals in China. Setting: Five tertiary care hospitals in China. "
         "Results: A total of 216 patients (mean [SD] age, 51.3 [15.2] years) were included. "
         "The absolute risk difference was 7.3 (95% CI, 3.4-11.2) percentage points.")


def test_sites_and_an_age_bound_against_a_mean_age():
    assert [(m.surface, m.unit) for m in extract("研究在我国的6家三级医院进行")] == [("6家", "site")]
    assert [(m.surface, m.unit, m.checkable) for m in extract("三家公司")] == [("三家", "", False)]
    v = draft_verdicts(SITES, "研究在我国的6家三级医院进行,纳入216名18岁及以上的患者。")
    assert v["6家"] == "supported" and v["216名"] == "supported"
    assert v["18岁"] == "not_in_source"         # who was studied, not the mean age of 51.3


def test_the_unit_after_an_interval_is_the_estimates():
    assert "7.3 percentage points (95% CI, 3.4-11.2)" in normalise(
        "The absolute risk difference was 7.3 (95% CI, 3.4-11.2) percentage points.")
    v = draft_verdicts(SITES, "研究纳入216名患者,28天死亡率的绝对差值为7.3%。")
    assert v["7.3%"] == "supported"


TAICHI = ("Interventions: Participants were randomly assigned to either supervised aerobic exercise (24 weeks, "
          "twice weekly) or one of four tai chi interventions (12 or 24 weeks, once or twice weekly). "
          "Results: 226 adults were randomised.")


def test_each_arm_of_a_schedule_is_the_protocol_not_advice():
    text = ("研究纳入226名成年患者。随后,参与者被随机分为两组,一组每周从事2次有氧运动,坚持24周;"
            "另一组每周从事1~2次太极拳锻炼,坚持12周。")
    v = draft_verdicts(TAICHI, text)
    assert v["24周"] == "supported" and v["12周"] == "supported"
    assert v["1~2次"] == "supported"         # "once or twice weekly"
    v = draft_verdicts(TAICHI, "研究纳入226名成年患者。坚持每周锻炼3次。")
    assert v["每周锻炼3次"] == "unattributed"          # advice, in a sentence that describes no arms


def test_an_english_abstract_pasted_into_an_article_splits_at_its_full_stops():
    text = "Results were clear. There was evidence from 5 trials. Dr. Smith et al. found 2.5% in J. Smith's data."
    got = [s.text for s in split_sentences(text, [Span(0, len(text))])]
    assert got == ["Results were clear.", "There was evidence from 5 trials.",
                   "Dr. Smith et al. found 2.5% in J. Smith's data."]


def test_pinyin_readings_a_page_glosses_its_characters_with_are_taken_out():
    a = article_from_text("報(bào)道稱,服用撲熱息痛會導(dǎo)致多動(dòng)症(ADHD)。")
    assert a.text == "報道稱,服用撲熱息痛會導致多動症(ADHD)。"
    assert any(n.startswith("FC311") and "3" in n for n in a.notes)
    assert strip_readings("世界卫生组织(WHO)") == "世界卫生组织(WHO)"       # an acronym is no reading
    assert strip_readings("剂(placebo)") == "剂(placebo)"                    # nor English without tones


@pytest.mark.parametrize("text", ["在2014年的一个对871名孩子的调查中,汤普森教授将7到11岁孩子的多动症和扑热息痛联系了起来。"])
def test_a_study_dated_to_another_year_is_another_study_whoever_tells_it(text):
    abstract = ("Year: 2016\n\nResults: We studied 7796 mothers. Children at age 7 and 11 years had higher "
                "odds of conduct problems (RR, 1.42).")
    v = draft_verdicts(abstract, "一项研究纳入7796名母亲。" + text)
    assert v["7796名"] == "supported"
    assert v["871名"] == "unattributed" and v["7到11岁"] == "unattributed"


RETIRE = ("Year: 2014\n\nResults: Among 429,803 retired workers, the prevalence of dementia was 2.65%. "
          "Multivariable analyses showed that the hazard ratio of dementia was 0.968 [95% confidence interval = "
          "(0.962-0.973)] per each extra year of age at retirement.")


def test_a_per_unit_ratio_neither_states_nor_contradicts_a_contrast_of_another_size():
    text = "研究调查了42.9万名退休人员。相比60岁退休的人,65岁退休人员患痴呆的风险要低14%。"
    assert draft_verdicts(RETIRE, text)["14%"] == "not_in_source"
    text = "研究调查了42.9万名退休人员。退休年龄每推迟1年,患痴呆的风险降低3.2%。"
    assert draft_verdicts(RETIRE, text)["3.2%"] == "supported"
    text = "研究调查了42.9万名退休人员。退休年龄每推迟1年,患痴呆的风险降低5%。"
    assert draft_verdicts(RETIRE, text)["5%"] == "mismatch"


SCALES = ("Results: 364 mothers were randomised. Hamilton depression rating scale scores at 42 days post partum "
          "were also lower in the esketamine group (-4, -6 to -3; P<0.001).")


def test_a_number_written_with_its_sign_keeps_the_papers_sign_and_a_scale_score_is_a_measure():
    v = draft_verdicts(SCALES, "研究纳入364名母亲。艾氯胺酮组在产后42天的汉密尔顿抑郁量表评分也较低(中位差为 -4)。")
    assert v["-4"] == "supported"


PREGNANCY = ("Results: We studied 7796 mothers. Maternal prenatal acetaminophen use at 18 (n = 4415; 53%) and "
             "32 weeks of pregnancy (n = 3381; 42%) was associated with higher odds of conduct problems (RR, 1.42).")


def test_the_same_measure_at_the_next_time_point_is_held_to_that_time_points_value():
    assert "at 18 weeks (n = 4415; 53%) and at 32 weeks" in normalise(PREGNANCY)
    assert [(m.surface, m.unit) for m in extract("怀孕18到32周期间使用")] == [("18到32周", "week")]
    text = "研究纳入7796名母亲。在第18周的时候,超过半数的妈妈使用扑热息痛,到第32周的时候则有{}。"
    assert draft_verdicts(PREGNANCY, text.format("40%"))["40%"] == "mismatch"      # 42% at 32 weeks
    assert draft_verdicts(PREGNANCY, text.format("42%"))["42%"] == "supported"
    # no time named in its clause: not held to either
    v = draft_verdicts(PREGNANCY, "研究纳入7796名母亲。在第18周的时候,超过半数的妈妈使用扑热息痛,其中40%为初产妇。")
    assert v["40%"] == "not_in_source"


SLEEP = ("Results: We studied 7959 participants. Here we report higher dementia risk associated with a sleep "
         "duration of six hours or less at age 50 and 60, compared with a normal (7 h) sleep duration. "
         "Persistent short sleep duration at age 50, 60, and 70 was associated with a 30% increased risk (HR 1.30).")


def test_a_span_whose_ends_the_paper_states_is_what_the_paper_studied():
    v = draft_verdicts(SLEEP, "研究追踪了7959名参与者。从中年至老年(50-70岁间)长期睡眠少于每晚6小时的人,失智风险增加30%。")
    assert v["50-70岁"] == "supported"
    v = draft_verdicts(SLEEP, "研究追踪了7959名参与者。45-70岁间长期睡眠少于每晚6小时的人,失智风险增加30%。")
    assert v["45-70岁"] == "not_in_source"


SAMPLE = ("Results: We included 1255 children with body composition measured at 3 years of age. 284 children "
          "(22.6 percent) were delivered by caesarean section.")


def test_the_rest_of_the_sample_is_its_total_less_a_part_the_paper_counts():
    v = draft_verdicts(SAMPLE, "研究纳入1255名儿童。剖腹产者284人,而经阴道顺产者971人。")
    assert v["971人"] == "supported"
    v = draft_verdicts(SAMPLE, "研究纳入1255名儿童。剖腹产者284人,而经阴道顺产者917人。")
    assert v["917人"] != "supported"


def test_the_studys_participants_named_again_continue_the_study_and_a_per_year_unit_is_stated():
    v = draft_verdicts(RETIRE, "法国的科研人员最新发现,延迟退休可以降低痴呆的风险。\n研究调查了42.9万名退休人员。"
                               "在这些被调查者中,近3%的人患有痴呆。人们每多工作一年,患痴呆的风险就会降低3.2%。")
    assert v["3%"] == "supported"          # 2.65%
    assert v["一年"] == "supported"         # "per each extra year"


@pytest.mark.parametrize("design,told,verdict", [
    (TAICHI, "两组", "mismatch"),                                          # aerobic or one of four tai chi arms
    ("Methods: COSMOS-Mind, a randomized two-by-2 factorial trial of cocoa extract and a multivitamin in "
     "2262 adults. Results: 2262 adults were randomised.", "三组", "mismatch"),
    ("Methods: COSMOS-Mind, a randomized two-by-2 factorial trial of cocoa extract and a multivitamin in "
     "2262 adults. Results: 2262 adults were randomised.", "四组", "supported"),
])
def test_the_arms_a_sentence_says_the_study_was_split_into_are_the_designs(design, told, verdict):
    v = draft_verdicts(design, f"研究纳入226名成年患者。参与者被随机分为{told},分别接受干预。")
    assert v[told] == verdict


def test_a_count_of_groups_in_digits_is_the_designs_and_a_length_counts_no_groups():
    psilo = ("Methods: We randomly assigned 233 adults with treatment-resistant depression to receive a single dose of "
             "a proprietary, synthetic formulation of psilocybin at a dose of 25 mg, 10 mg, or 1 mg (control), along "
             "with psychological support. Results: Follow-up lasted 5 years.")
    v = draft_verdicts(psilo, "研究人员对233名成年人进行测试,将他们分成3组,服用3种不同剂量的裸盖菇素。")
    assert v["3组"] == "supported" and v["3种"] == "supported"
    v = draft_verdicts(psilo, "研究人员对233名成年人进行测试,将他们分成5组。")
    assert v["5组"] != "supported"                    # "5 years" is a length, not five groups
    screen = ("Exposure: Four categories of screen time exposure were identified. Results: 7097 children were studied.")
    assert draft_verdicts(screen, "研究纳入7097名儿童,分为4组。")["4组"] == "supported"


def test_a_journals_key_points_are_read_with_a_cut_abstract():
    abstract = ("Title: Effect of 2 Inactivated Vaccines\nJournal: JAMA\nYear: 2021\n\nKey Points\n\nQuestion\n\n"
                "What is the efficacy of 2 inactivated vaccines?\n\nFindings\n\nThis randomized clinical trial included "
                "40 382 participants. The efficacy was 72.8% in the WIV04 group and 78.1% in the HB02 group.\n\n"
                "Abstract\n\nImportance\n\nAdditional vaccines are still needed.\n\nObjective\n\nTo evaluate the efficacy an")
    v = draft_verdicts(abstract, "该研究共有40,382人参加。WIV04疫苗组的保护效力为72.8%,HB02疫苗组为78.1%。")
    assert v["40,382人"] == "supported" and v["72.8%"] == "supported" and v["78.1%"] == "supported"


def test_thousands_grouped_by_spaces_are_one_number():
    assert [(m.surface, m.value) for m in extract(article_from_text("研究纳入439 072 名参与者").norm)] \
        == [("439,072 名", 439072)]
    assert article_from_text("纳入 1 938 994 名成年人, 2 至 3 个").norm == "纳入 1,938,994 名成年人, 2 至 3 个"


def test_the_direction_word_nearest_the_number_says_how_it_changed():
    abstract = ("Results: We followed 1 726 683 veterans. Survivors had a higher risk of eGFR decline ≥30% "
                "(aHR, 1.25; 95% CI, 1.14-1.37), eGFR decline ≥40% (aHR, 1.44; 95% CI, 1.37-1.51).")
    v = draft_verdicts(abstract, "研究追踪了1726683名退伍军人。肾功能下降30%的风险高了25%,肾功能下降40%的风险高出44%。")
    assert v["25%"] == "supported" and v["44%"] == "supported"


def test_another_study_told_of_and_this_study_after_it():
    text = ("研究追踪了7959名参与者。无独有偶,新加坡的一项最新研究也证实,视网膜受损的人中风的风险会提高7倍。"
            "该研究是对3400名新加坡公民进行研究后得出的结论。2000年,哥本哈根大学的Andersen等人首次报道,骑自行车者的"
            "死亡率低30%。")
    v = draft_verdicts(SLEEP, text)
    assert v["7倍"] == "unattributed" and v["3400名"] == "unattributed" and v["30%"] == "unattributed"
    assert v["7959名"] == "supported"


def test_a_ratio_written_to_its_decimals_as_higher_by_is_read_by_the_book():
    abstract = ("Results: Of 16 270 adults followed, among those aged 45-64 years hearing loss was associated with "
                "dementia (HR, 2.21; 95% CI, 1.52-3.21).")
    assert draft_verdicts(abstract, "研究追踪了16270名成年人。有听力损失的人患上痴呆的风险高出2.21倍。")["2.21倍"] == "mismatch"
    assert draft_verdicts(abstract, "研究追踪了16270名成年人。有听力损失的人患上痴呆的风险是常人的2.21倍。")["2.21倍"] == "supported"
    loose = abstract.replace("(HR, 2.21; 95% CI, 1.52-3.21)", "2.21 times higher (HR, 2.21)")
    assert draft_verdicts(loose, "研究追踪了16270名成年人。有听力损失的人患上痴呆的风险高出2.21倍。")["2.21倍"] == "supported"


def test_two_cohorts_sharing_one_noun_add_up_and_kuan_counts_products():
    abstract = ("Methods: Cohorts were studied during two influenza seasons. Results: There were 140,055 subjects in "
                "the 1998-1999 cohort and 146,328 in the 1999-2000 cohort. The efficacy for the 2 vaccines was high.")
    v = draft_verdicts(abstract, "研究分析了28.6万名65岁以上的老人,接种了两款疫苗。")
    assert v["28.6万名"] == "supported"
    assert v["两款"] == "supported"
    assert [(m.surface, m.checkable) for m in extract("这3款疫苗")] == [("3款", True)]


def test_an_abstract_in_the_aha_style_and_a_doubling_in_words():
    abstract = ("Title: Television viewing time and mortality\nJournal: Circulation\nYear: 2010\n\nBACKGROUND\n"
                "Its relationship with mortality has not been studied.\n\nMETHODS AND RESULTS\nMortality was examined "
                "among 8800 adults. Compared with a television viewing time of <2 h/d, the fully adjusted hazard ratio "
                "for all-cause mortality was 1.46 (95% CI, 1.04 to 2.05) for >=4 h/d.\n\nCONCLUSIONS\nTelevision viewing time was associated "
                "with increased risk.")
    v = draft_verdicts(abstract, "研究分析了8800名成年人。每天看电视超过4小时的人,死亡风险更高46%!")
    assert v["46%"] == "supported"
    assert [(m.surface, m.value, m.unit) for m in extract("风险几乎翻倍,或翻了一番,中风机率倍增;翻译不算")] == [
        ("翻倍", 2, "x"), ("翻了一番", 2, "x"), ("倍增", 2, "x")]


def test_a_ratio_labelled_before_its_subgroup_and_a_comma_space_thousands_and_two_equal_arms():
    abstract = ("Results: In this case-control study of 62 574 patients, cases had greater odds of a recent flare "
                "(adjusted odds ratio [OR] for 0-60 days, 1.93; adjusted OR for 61-120 days, 1.57). Propensity-score "
                "matching balanced 65, 414 melatonin users with 65, 414 controls.")
    assert "adjusted OR 1.57 for 61-120 days" in normalise(abstract)
    v = draft_verdicts(abstract, "研究分析了62574名患者。痛风发作后的2个月内,心脏病发作的机率增加1倍。"
                                 "研究分析了近13.1万名成人的数据,其中约6.5万名服用褪黑素。")
    assert v["1倍"] == "supported"               # OR 1.93: a doubling
    assert v["13.1万名"] == "supported"           # 65 414 + 65 414
    assert v["6.5万名"] == "supported"
    assert "doses of 1, 100, 200 mg" in normalise("doses of 1, 100, 200 mg")     # a list stays a list


def test_english_number_forms_of_ages_lengths_and_bounds():
    # a hanging hyphen joins a range, y is years, a plus is a lower bound, a bracketed amount takes
    # the unit of time named before it, JAMA's ⱕ is ≤
    assert "2 to 17 years" in normalise("a sample of 2- to 17-year-old children")
    assert "5.7 years younger" in normalise("a 5.7-y younger age")
    assert "≥7 h/day" in normalise("high users of screens (7+ h/day vs. low users)")
    assert "hours (≥55 hours per week)" in normalise("working long hours (≥55 per week)")
    assert "0 to ≤1 year" in normalise("0 to ⱕ1 year")
    abstract = ("Results: We examined a national sample (n = 40,337) of 2- to 17-year-old children. Among 14- to "
                "17-year-olds, high users of screens (7+ h/day) were more than twice as likely to be diagnosed with "
                "depression (RR 2.39, 95% CI 1.54-3.70). Individuals working long hours (≥55 per week) had a 1.4-fold "
                "increased risk of atrial fibrillation (hazard ratio = 1.42, 95% CI = 1.13-1.80).")
    v = draft_verdicts(abstract, "研究纳入2岁至17岁的儿童。14岁至17岁的青少年中,每天使用屏幕7小时以上的人"
                                 "更容易抑郁。每周工作超过55小时的人房颤风险高40%。")
    assert v["2岁至17岁"] == "supported"
    assert v["14岁至17岁"] == "supported"
    assert v["7小时"] == "supported"
    assert v["55小时"] == "supported"
    assert v["40%"] == "supported"              # the paper's own "1.4-fold", not a 42% misquote


def test_every_interval_of_a_sentence_and_a_tertile_told_as_a_third():
    abstract = ("Results: All-cause mortality decreased across thirds of increasing spermidine intake from 40.5 "
                "(95% CI: 36.1, 44.7) to 23.7 (95% CI: 20.0, 27.0) and 15.1 (95% CI: 12.6, 17.8). The difference "
                "between the top and bottom third of intakes was similar to that of a 5.7-y (95% CI: 3.6, 8.1 y) "
                "younger age.")
    v = draft_verdicts(abstract, "全因死亡率从40.5(95%CI:36.1,44.7)下降到23.7(95%CI:20.0,27.0)和15.1"
                                 "(95%CI:12.6,17.8)。摄入量最高的三分之一人群与最低的相比,相当于年轻5.7岁。")
    assert v["95%CI:20.0,27.0"] == "supported"
    assert v["95%CI:12.6,17.8"] == "supported"
    assert v["三分之一"] == "supported"
    v = draft_verdicts(abstract.replace("thirds", "groups").replace("top and bottom third", "groups"),
                       "摄入量最高的三分之一人群死亡率更低。")
    assert v["三分之一"] != "supported"        # no tertiles in this abstract


def test_an_adjusted_odds_ratio_after_a_comma_and_a_bound_before_a_verb_of_change():
    abstract = ("Results: Longer use was associated with an increased risk of CVD (1 to ≤2 years: AOR, 1.09 [95% CI, "
                "1.01-1.18]; 3 to ≤5 years: AOR, 1.27 [95% CI, 1.17-1.39]). A reduction in BMI of at least 5% "
                "occurred in 46% of participants with liraglutide and 9% with placebo.")
    v = draft_verdicts(abstract, "服用一到两年的心血管病风险增加了9%,三到五年的增加了27%。"
                                 "利拉鲁肽组46%的参与者BMI至少降低了5%。")
    assert v["9%"] == "supported"
    assert v["27%"] == "supported"
    assert v["5%"] == "supported"               # the cut-off, not a group's rate
    assert [m.qualifier for m in extract("BMI至少降低了5%") if m.surface == "5%"] == ["at_least"]


def test_the_step_of_a_ratio_is_no_level_and_a_daily_dose_is_a_dose():
    abstract = ("Results: The overall hazard ratio per 2 μg/m3 of PM2.5 was 1.04 (95% CI 0.99-1.09). Participants "
                "received vitamin D (2,000 IU per day) or placebo. Risk was lowest below 100 g per week; those "
                "drinking >100–≤200 g per week had a higher risk.")
    v = draft_verdicts(abstract, "即使在PM2.5低于2微克/立方米的地区,风险也增加4%。参与者每天补充2000 IU维生素D。"
                                 "每周饮酒超过100克风险升高。")
    assert v["2微克"] != "supported"            # the step a ratio is told for is no level below which …
    assert v["4%"] == "supported"
    assert v["2000 IU"] == "supported"          # 2,000 IU per day
    assert v["100克"] == "supported"


def test_a_ratio_of_an_outcome_named_in_the_sentence_before_and_a_range_end():
    abstract = ("Results: Night shift work was associated with incident atrial fibrillation (P for trend 0.013). "
                "Usual or permanent night shifts were associated with the highest risk [hazard ratio (HR) 1.16, "
                "95% CI 1.02-1.32]. Lifetime night shifts of over 10 years possessed higher AF risk (HR 1.18, 95% CI "
                "0.99-1.40). Standardized effects ranged from 0.16 to 0.32 units.")
    v = draft_verdicts(abstract, "与日班工作者相比,经常值夜班的人房颤风险增加了16%。生物年龄减缓0.16标准差。")
    assert v["16%"] == "supported"              # HR 1.16, not a misquote of the 1.18
    assert v["0.16"] == "supported"


def test_a_general_clause_after_the_verb_that_reports_the_finding_is_the_finding():
    abstract = ("Results: Among 777 participants of the trial, omega-3 (1 g per day) over 3 years slowed biological "
                "aging by 2.9 to 3.8 months.")
    v = draft_verdicts(abstract, "研究团队通过分析777名老年人的数据证明，坚持3年每天补充1克的Omega-3，能够延缓衰老。")
    assert v["3年"] == "supported"
    assert v["1克"] == "supported"
    v = draft_verdicts(abstract, "研究团队分析了777名老年人的数据。坚持3年每天补充1克的Omega-3吧。")
    assert v["1克"] == "unattributed"          # advice of the article's own, after the study was told


def test_abbreviated_minutes_a_tenth_written_apart_and_a_half_in_words():
    assert "5 min and 10 min increases" in normalise("5-min and 10-min increases")
    assert [(m.surface, m.value) for m in extract("痴呆风险降低 2 成左右")] == [("2 成", 20)]
    abstract = ("Results: A 5-min/day increase in MVPA might prevent 6.0% of all deaths. Compared with sustained "
                "nondrinking, sustained mild drinking was associated with a decreased risk of dementia (aHR, 0.79). "
                "Recurrence was lower with aspirin (hazard ratio, 0.49).")
    v = draft_verdicts(abstract, "每天多动5分钟,可以预防6.0%的死亡。适量饮酒者痴呆风险降低 2 成左右。阿司匹林使复发风险降低一半。")
    assert v["5分钟"] == "supported"
    assert v["2 成"] == "supported"            # 21%: written to the tenth
    assert v["一半"] == "supported"            # 51%: a word, not a figure


def test_a_whole_multiple_read_either_way_and_a_risk_named_between_the_verb_and_the_number():
    abstract = ("Results: Daily cannabis use was associated with increased odds of psychotic disorder (OR 3.2), "
                "rising to nearly five-times increased odds for daily use of high-potency types (OR 4.8). A primary "
                "cardiovascular end-point event occurred in 6.5% and 8.0% (hazard ratio, 0.80). Participants showed a "
                "38%–40% reduction in all-cause and cancer mortality risk.")
    v = draft_verdicts(abstract, "每天吸食大麻的人患精神病的可能性高出两倍,吸食强效大麻的风险会猛增近4倍。"
                                 "该药可以显著降低肥胖患者的主要不良心血管事件风险(MACE)20%。研究发现,癌症死亡风险降低39%。")
    assert v["两倍"] == "supported"            # three times by the book: OR 3.2
    assert v["4倍"] == "supported"             # five times by the book: OR 4.8
    assert v["20%"] == "supported"             # HR 0.80, not the 6.5% event rate
    assert v["39%"] == "supported"             # inside "38%–40%"
    assert [m.fold for m in extract("风险会猛增近4倍")] == ["increase"]


def test_counts_added_only_when_they_stand_side_by_side_and_a_period_with_its_months():
    abstract = ("Methods: The patients were assigned in a 1:1 ratio to receive aspirin or placebo. Results: Alterations "
                "were detected in 1103 of 2980 patients. Of 515 patients with group A alterations, 314 were assigned. "
                "Between May 1, 2010, and April 1, 2015, we obtained data from 901 patients. Over 20 years of "
                "follow-up, 223 women died from cardiovascular disease.")
    v = draft_verdicts(abstract, "这些病人被分成2组。研究邀请了超过3500名患者(N = 2,980)。研究人员分析了2010年至2015年的数据。"
                                 "20年间共有233例女性死于心血管疾病。")
    assert v["2组"] == "supported"              # assigned in a 1:1 ratio: two arms
    assert v["3500名"] != "supported"           # neither 1103 + 2980 (a part and its whole) nor 515 + 2980
    assert v["N = 2,980"] == "supported"
    assert v["2010年至2015年"] == "supported"
    assert v["233例"] == "mismatch"              # one digit off the paper's 223
    v = draft_verdicts(abstract, "研究历时5年。")
    assert v["5年"] != "supported"              # a period dated to the month is no span of whole years


def test_a_value_with_its_interval_in_brackets_an_amount_with_a_hyphen_and_cups_as_servings():
    abstract = ("Results: Risk decreased for each 240-mL (8-oz) serving consumed daily: 10% (CI, 5% to 15%) for "
                "caffeinated coffee, 8% (CI, 1% to 15%) for tea and 59% (CI, 32% to 75%) for wine. Compared with "
                "women who consumed 3 or fewer servings per month, those who consumed 1 or more servings per day of "
                "sugar-sweetened beverages had a higher risk of liver cancer (HR, 1.85). Deaths were forecast from "
                "1990 to 2021 and to 2050 (95% CI 0.80-1.49).")
    v = draft_verdicts(abstract, "每天每喝240毫升咖啡,肾结石风险降低10%,茶降低8%,葡萄酒降低59%。"
                                 "与每月喝少于三杯的女性相比,每天喝一杯或以上含糖饮料的女性肝癌风险高85%。"
                                 "研究预测了到2050年的死亡人数(95%置信区间[CI],0.80-1.49)。")
    assert v["10%"] == v["8%"] == v["59%"] == "supported"     # not the 95% of a "95% CI"
    assert v["240毫升"] == "supported"
    assert v["三杯"] == "supported"             # 3 servings
    assert v["2050年"] == "supported"            # a year the abstract names
    assert v["95%置信区间[CI],0.80-1.49"] == "supported"


def test_the_clause_a_background_source_reports_is_background_and_a_papers_number_is_the_study():
    abstract = ("Findings: Vaccination averted 154 million deaths over 50 years, and 101 million of them were "
                "infants. Breastfeeding for 24 months was associated with a lower risk of cardiovascular disease "
                "(HR 0.82) in 289573 women.")
    v = draft_verdicts(abstract, "研究纳入289573名女性。美国心脏协会主张母乳喂养应继续12个月,但世界卫生组织发布的数据显示,"
                                 "我国只有30%的乡村女性坚持母乳喂养。")
    assert v["12个月"] == "unattributed"       # the society's recommendation
    assert v["30%"] == "unattributed"          # what the WHO's data show
    v = draft_verdicts(abstract, "研究纳入289573名女性。世卫组织:过去50年全球免疫接种挽救1.54亿人生命。")
    assert v["1.54亿人"] == "supported"         # the paper's own number, whoever tells it
    v = draft_verdicts(abstract, "研究纳入289573名女性。根据美国疾病控制和预防中心的数据,240万美国人感染了衣原体。")
    assert v["240万"] == "unattributed"


def test_lancet_decimals_run_in_headings_and_an_age_told_in_years_completed():
    abstract = ("Background\nUncertainty exists about lowering blood pressure.\nMethods In this randomised trial, "
                "participants were enrolled from 116 hospitals in China.\nFindings Between 2019 and 2020, 11255 "
                "participants were assigned to intensive treatment (n=5624) or standard treatment (n=5631). Their mean "
                "age was 64∙6 years. During a median of 3∙4 years of follow-up, the primary outcome occurred in 547 "
                "(9∙7%) participants in the intensive treatment group and 623 (11∙1%) in the standard treatment group "
                "(hazard ratio [HR] 0∙88, 95% CI 0∙78–0∙99).")
    v = draft_verdicts(abstract, "研究从116家医院纳入11255名患者,平均年龄64岁,中位随访3.4年,强化降压组主要终点发生率9.7%,"
                                 "标准组11.1%,风险降低12%。")
    assert v["116家医院"] == "supported"        # a Methods sentence run into its heading
    assert v["64岁"] == "supported"             # 64·6 years: an age is told in years completed
    assert v["3.4年"] == v["9.7%"] == v["11.1%"] == v["12%"] == "supported"   # ∙ is a decimal point
    v = draft_verdicts(abstract, "研究纳入11255名患者,平均年龄63岁。")
    assert v["63岁"] == "mismatch"


def test_a_table_of_ratios_with_bracketed_intervals_and_a_part_of_a_counted_whole():
    abstract = ("Results: The multivariable hazard ratios [95% confidence interval (CI)] of premature mortality across "
                "the increasing frequency of adding salt were 1.00 (reference), 1.02 (0.99, 1.06), 1.07 (1.02, 1.11), "
                "and 1.28 (1.20, 1.35). We identified 136 papers that met inclusion criteria, of which 57 were "
                "compatible with meta-analysis. These studies included 411,430 adults.")
    v = draft_verdicts(abstract, "总是加盐的人过早死亡风险增加28%。研究汇总了57项研究,40多万人样本。")
    assert v["28%"] == "supported"              # HR 1.28, its interval written as a pair
    assert v["57项"] == "supported"             # "of which 57 were": the papers counted before
    assert v["40多万人"] == "supported"         # a clause's comma before it opens no number
    assert [m.surface for m in extract("研究,40多万人样本")] == ["40多万人"]
    assert "9.34 (8.36, 11.77)" in normalise("Glucose fell [baseline: 9.34 (8.36, 11.77)].")   # a median's IQR


def test_sexes_told_respectively_and_an_amount_of_time_a_verb_of_change_governs():
    abstract = ("Results: Compared with the never group, always adding salt to foods was related to 1.50 (95% CI, "
                "0.72–2.30) and 2.28 (95% CI, 1.66–2.90) years lower life expectancy at the age of 50 years in women "
                "and men, respectively. A one-hour increase of screen time in bed was associated with a reduction in "
                "sleep duration of 24 minutes.")
    v = draft_verdicts(abstract, "50岁时,男性平均预期寿命减少1.5年,女性减少2.28年。")
    assert v["1.5年"] == v["2.28年"] == "mismatch"      # the sexes swapped
    v = draft_verdicts(abstract, "50岁时,女性平均预期寿命减少1.5年,男性减少2.28年。")
    assert v["1.5年"] == v["2.28年"] == "supported"
    v = draft_verdicts(abstract, "每多看一小时屏幕,会减少大约半小时的睡眠时间。")
    assert v["半小时"] == "mismatch"            # 30 minutes for the abstract's 24
    assert v["一小时"] == "supported"           # "a one-hour increase"


def test_a_place_s_people_now_advice_and_an_article_of_another_year_are_not_the_study():
    abstract = ("Results: Among 20 000 children, having a dog was associated with lower food allergy (OR 0.86). "
                "The analysis pooled 15 827 participants from 270 trials published between 1990 and 2023.")
    v = draft_verdicts(abstract, "研究纳入20000名儿童。如今,美国约有 8% 的儿童对坚果过敏。在一些高收入国家,每年有超过"
                                 "十分之一的儿童被诊断出患有食物过敏。作者建议,若睡眠欠佳,可考虑睡前30至60分钟停用手机。"
                                 "一篇2020年发表在《某期刊》上的文章指出,预计会有15万美国人诊断出结直肠癌。")
    assert v["8%"] == v["十分之一"] == "unattributed"       # a population now or each year
    assert v["30至60分钟"] == "unattributed"                # advice, whoever gives it
    assert v["15万"] == "unattributed"                      # an article of another year
    v = draft_verdicts(abstract, "研究纳入20000名儿童。团队分析了从1990年到2023年间发表的270项随机对照试验,共涉及15827名参与者。")
    assert v["15827名"] == v["270项"] == "supported"        # the pooled sample: this study's, however dated


def test_times_of_day_on_the_clock_and_a_span_a_change_runs_over():
    assert [(m.surface, m.value, m.unit) for m in extract("在晚上9点前吃晚饭,早上7点30分起床,21:00以后")] == [
        ("9点", 21, "clock"), ("7点30分", 7.5, "clock"), ("21:00", 21.0, "clock")]
    assert [m.unit for m in extract("评分下降了3点")] == [""]           # a score's points, not a time
    # the English clock a Chinese page keeps (8 AM, 9 pm, 7:30 a.m.), not PM2.5
    assert [(m.surface, m.value, m.unit) for m in extract("早于8 AM吃早餐,晚于9 pm吃晚餐,7:30 a.m.起床")] == [
        ("8 AM", 8, "clock"), ("9 pm", 21, "clock"), ("7:30 a.m.", 7.5, "clock")]
    assert all(m.unit != "clock" for m in extract("空气中2 PM2.5的浓度"))
    # a range of months in one year is one period, the end's year the start's (not 7 months)
    assert [(m.surface, m.value) for m in extract("试验于2022年5月至7月进行")] == [("2022年5月至7月", "2022-05/2022-07")]
    assert [m.unit for m in extract("按1:1的比例")] == ["allocation"]
    abstract = ("Results: A similar protection was observed in subjects having supper before 9 pm compared with "
                "supper after 10 pm. Global incidence of early-onset cancer increased by 79.1% from 1990 to 2019.")
    v = draft_verdicts(abstract, "研究发现,晚上9点前吃晚饭的人比10点以后吃的人风险低。早餐平均在8:30。"
                                 "新研究:50岁以下人群癌症发病率30年增长80%。")
    assert v["9点"] == v["10点"] == "supported"      # 9 pm and 10 pm
    assert v["8:30"] == "not_in_source"              # to the minute
    assert v["30年"] == "supported"                  # 1990 to 2019, counted in calendar years
    assert v["80%"] == "supported"                   # 79.1% told to the round ten
    v = draft_verdicts(abstract, "新研究:50岁以下人群癌症发病率增长了78%。")
    assert v["78%"] != "supported"


def test_the_study_reporting_a_population_figure_and_earlier_work_as_a_premise():
    abstract = ("Results: Global incidence of early-onset cancer increased from 1.82 million in 1990 to 3.26 million "
                "in 2019, and deaths rose by 27.7%. Among 15 582 older adults followed from 2005, intellectual "
                "activity was associated with lower dementia risk (OR 0.71).")
    v = draft_verdicts(abstract, "这项由爱丁堡大学领导的最新研究显示,全球早发性癌症病例从1990年的182万例增加到2019年的326万例。")
    assert v["182万例"] == v["326万例"] == "supported"     # the study's own global figures
    v = draft_verdicts(abstract, "基于此前的研究,香港的研究团队邀请了15582名老年人,从2005年开始随访。")
    assert v["15582名"] == "supported"                     # earlier work is the premise, not the source


def test_a_median_age_with_its_bracketed_range_and_a_subheading_the_study_carries_through():
    abstract = ("Results: Among 390 124 participants (median [IQR] age, 61.5 [56.7-66.0] years), kimchi intake of "
                "1-3 servings/day was associated with a lower prevalence of obesity in men (OR 0.875).")
    v = draft_verdicts(abstract, "研究纳入39万名参与者,中位年龄61.5岁。")
    assert v["61.5岁"] == "supported"
    v = draft_verdicts(abstract, "一项研究纳入39万名参与者。\n特定的泡菜类型似乎效果略有不同\n"
                                 "对于男性来说,每天吃一到三份泡菜的男性肥胖患病率降低12.5%。")
    assert v["12.5%"] == "supported"          # a subtitle line of 15 characters does not end the study


def test_a_share_told_with_the_next_number_s_percent_a_month_a_third_and_a_pooled_effect_size():
    abstract = ("Results: Using UK Biobank data on adults conceived just before or after rationing ended in September "
                "1953, we found that early-life rationing reduced type 2 diabetes and hypertension risk by about 35 "
                "and 20%. In utero rationing alone accounted for about one-third of the risk reduction. Social "
                "isolation was associated with an increased risk of all-cause mortality (pooled effect size, 1.32; "
                "95% CI, 1.26 to 1.39). The placebo-corrected difference was -9.8 mm Hg (95% CI, -12.6 to -7.0).")
    v = draft_verdicts(abstract, "研究发现,配给在1953年9月结束,使2型糖尿病风险降低了35%,高血压降低20%,"
                                 "子宫内的配给占了三分之一。社会隔离使全因死亡风险增加32%。收缩压(安慰剂校正后为9.8 mmHg)。")
    assert v["35%"] == v["20%"] == "supported"      # "35 and 20%"
    assert v["1953年9月"] == "supported"            # "in September 1953"
    assert v["三分之一"] == "supported"             # "about one-third of"
    assert v["32%"] == "supported"                  # a pooled effect size of a risk, 1.32
    assert v["9.8 mmHg"] == "supported"             # the sign a bracket drops, its unit the paper's
    v = draft_verdicts(abstract, "研究发现,配给在1952年9月结束。")
    assert v["1952年9月"] == "not_in_source"


def test_a_numbered_list_and_the_lines_under_its_items_go_on_with_the_study():
    abstract = ("Results: Early-life rationing reduced type 2 diabetes risk by about 35% and delayed disease onset "
                "by 4 years.")
    v = draft_verdicts(abstract, "一项研究分析了英国的糖配给。\n1. 糖尿病风险降低:2型糖尿病风险降低了35%。\n"
                                 "2. 发病推迟:对于最终患病的个体,发病时间推迟了4年。")
    assert v["4年"] == "supported"
    abstract = ("Results: Among 118 363 adults, sugar-sweetened beverage intake was associated with higher mortality; "
                "hazard ratios across categories (<1/mo, 1-4/mo, 2-6/week) were 1.00 (reference), 1.01 and 1.06.")
    v = draft_verdicts(abstract, "研究纳入118363名成人。科学家们得出以下结论:\n1.饮料喝越多,早死风险越大。\n"
                                 "与每月喝饮料小于1次的人相比:\n每月喝1-4次,早死风险增加1%")
    assert v["1-4次"] == "supported"          # carried into the lines under item 1


def test_the_first_year_of_life_a_day_month_year_period_and_a_year_data_are_restricted_to():
    abstract = ("Results: Adults (n = 2 207 784) were included from 1 January 2012, to 31 December 2021. Antibiotic "
                "use during the first year of life was associated with asthma at age 7 years (OR 1.46). The slope "
                "was steeper in a model restricted to post-2000 data.")
    v = draft_verdicts(abstract, "研究纳入220万人,时间为2012年至2021年。一岁前使用抗生素的儿童7岁时哮喘风险更高。"
                                 "2000年以后的数据下降更快。")
    assert v["2012年至2021年"] == "supported"       # "from 1 January 2012, to 31 December 2021"
    assert v["一岁"] == "supported"                 # "the first year of life"
    assert v["2000年"] == "supported"               # "post-2000"
    v = draft_verdicts(abstract, "研究纳入220万人,时间为2011年至2021年。")
    assert v["2011年至2021年"] != "supported"


def test_a_background_that_tells_the_trial_s_own_design_is_the_study_s():
    abstract = ("Background: Between 1999 and 2009, 82,429 men received a PSA test. Of these men, 1643 were enrolled "
                "in a trial, with 545 randomly assigned to active monitoring and 553 to prostatectomy.\nMethods: We "
                "compared death from prostate cancer at a median follow-up of 15 years.\nResults: Death from "
                "prostate cancer occurred in 45 men (2.7%).")
    v = draft_verdicts(abstract, "一项研究中,1643人参加了试验,545人随机分配到主动监测,553人接受手术,2.7%死于前列腺癌。")
    assert v["1643人"] == v["545人"] == v["553人"] == v["2.7%"] == "supported"


def test_a_length_written_more_precisely_than_the_paper_rounds_to_it():
    abstract = ("Results: Over a mean follow-up of 7.9 years, brighter night light was associated with higher "
                "diabetes risk (HR 1.53) in 84 790 participants.")
    v = draft_verdicts(abstract, "研究纳入84790名参与者,平均随访7.91年。")
    assert v["7.91年"] == "supported"        # 7.91 rounds to the paper's 7.9
    v = draft_verdicts(abstract, "研究纳入84790名参与者,平均随访7.96年。")
    assert v["7.96年"] != "supported"


def test_countries_behind_their_modifiers_and_a_ratio_named_before_its_labels_digits():
    assert [(m.surface, m.unit) for m in extract("内容涵盖27个发达国家和发展中国家")] == [("27个", "country")]
    abstract = ("Results: 70 studies were included, set in 27 countries. Across hemoglobin quartiles, a J-shaped "
                "relationship was observed for all strokes (HR in Q2 vs Q1, 1.36; 95% CI, 1.02–1.83; Q3, 1.20; "
                "95% CI, 0.87–1.64).")
    v = draft_verdicts(abstract, "研究分析了27个发达国家和发展中国家的70项研究。与Q2组相比,Q1组的卒中风险增加36%,Q3组增加20%。")
    assert v["27个"] == "supported"
    assert v["20%"] == "supported"          # "Q3, 1.20": a ratio whose name stands before "Q2 vs Q1"


def test_a_round_count_read_to_its_last_digit_and_a_season_s_year():
    abstract = ("Results: Among 5303 adults aged 20 years or older, deaths during summer 2015 were associated with "
                "heat (OR 1.2).")
    v = draft_verdicts(abstract, "研究纳入大约5000名成年人,分析了2015年夏季的死亡。")
    assert v["5000名"] == "supported"        # 约5000 for 5303: rounded to the thousand
    assert v["2015年"] == "supported"        # "summer 2015"
    v = draft_verdicts(abstract, "研究纳入大约6000名成年人。")
    assert v["6000名"] != "supported"


# an article about one cohort (the study introduced, its sample and follow-up supported), for the
# sentences about other sources that follow it
_SITTING_ABSTRACT = ("Results: Among 6,000 adults followed for 7 years, each additional hour of sitting was "
                     "associated with a higher risk of dementia (HR 1.08).")
_SITTING_STUDY = "一项纳入6000名成年人的研究随访7年发现,久坐时间越长痴呆风险越高。"


@pytest.mark.parametrize("told", [
    "有研究表明,有一半的美国成年人每天坐着的时间超过9.5小时。",           # half a country's people
    "美国数据显示,近半数成年人每天坐着的时间超过9.5小时。",               # a country's data
    "在欧洲,大约每10万人中有450人每天坐着的时间超过9.5小时。",            # a rate per so many of a place
    "我们之前也报道过:每天久坐9.5小时,会增加20%死亡风险。",              # the site's earlier coverage
    "去年一家医院的一个研究也发现,久坐9.5小时与死亡风险增加20%有关。",     # "a study also found"
    "相关研究表明久坐9.5小时与死亡风险升高20%有关。",                   # related research
])
def test_a_population_statistic_or_another_source_in_an_article_about_one_study_is_background(told):
    v = draft_verdicts(_SITTING_ABSTRACT, _SITTING_STUDY + told)
    assert v["6000名"] == "supported"
    assert all(v[k] == "unattributed" for k in v if k in ("一半", "半数", "9.5小时", "20%", "450人"))
    assert "9.5小时" in v


def test_a_population_statistic_the_paper_states_is_the_study_s():
    abstract = ("Results: Among 6,000 adults followed for 7 years, 53.7% sat more than 9.5 hours a day, and each "
                "additional hour of sitting was associated with a higher risk of dementia (HR 1.08).")
    v = draft_verdicts(abstract, "一项纳入6000名成年人的研究随访7年。研究显示,53.7%的美国成年人每天坐着的时间超过9.5小时。")
    assert v["53.7%"] == "supported"


def test_a_written_fraction_before_what_it_is_a_share_of_is_a_share_and_a_ranks_part_is_not():
    assert [(m.surface, m.value, m.unit) for m in extract("其中1/3的人听力正常")] == [("1/3", 33.33, "%")]
    assert all(m.unit != "%" for m in extract("木糖醇水平处于最高1/3的参与者"))     # the top tertile


def test_a_number_beside_the_ones_that_tell_all_a_findings_values_is_a_category_the_abstract_lacks():
    abstract = ("Results: Of 2956 participants, 973 (33%) had normal hearing, 1170 (40%) mild hearing impairment "
                "and 692 (23%) moderate hearing impairment.")
    v = draft_verdicts(abstract, "研究分析了2956名老年人的数据,其中1/3的人听力正常,40%有轻度听力障碍,23%存在中度听力障碍,"
                                 "7%为严重听力障碍。")
    assert v["1/3"] == v["40%"] == v["23%"] == "supported"
    assert v["7%"] == "not_in_source"          # not a misquote of the 33% that 1/3 tells
    v = draft_verdicts(abstract, "研究分析了2956名老年人的数据,其中1/3的人听力正常,45%有轻度听力障碍。")
    assert v["45%"] == "mismatch"               # the mild share told wrong: the moderate one is not told


def test_a_share_beside_its_count_and_a_share_of_people_are_not_misquotes_of_a_relative_change():
    abstract = ("Highlights\n• In a prospective cohort study of 12 388 participants, we assessed effects of vitamin D on "
                "dementia.\n• Vitamin D exposure was associated with 40% lower dementia incidence.")
    v = draft_verdicts(abstract, "痴呆风险降低40%。大约4600名参与者(或37%)服用维生素D补充剂。")
    assert v["40%"] == "supported"
    assert v["37%"] == "not_in_source"         # the count's share, not a misquote of the 40%
    abstract = ("Results: Among 365 682 participants followed for a median of 11.35 years, 10 053 developed stroke. "
                "Drinking 2 to 3 cups of coffee and tea per day was associated with a 32% lower risk of stroke.")
    v = draft_verdicts(abstract, "研究纳入365682名参与者,随访11.35年。在全部参与者中,16%报告每天喝2-3杯咖啡和茶。")
    assert v["16%"] == "not_in_source"         # a share of people, not half of "32% lower"
    v = draft_verdicts(abstract, "研究纳入365682名参与者,每天喝2-3杯咖啡和茶的人中风风险降低25%。")
    assert v["25%"] == "mismatch"              # the risk's change, told wrong
    # (exactly half the paper's change is another estimate of the full paper, a model or a
    # subgroup, as every real half or double told of a draft's ratio was: not in the abstract)
    v = draft_verdicts(abstract, "研究纳入365682名参与者,每天喝2-3杯咖啡和茶的人中风风险降低16%。")
    assert v["16%"] == "not_in_source"


@pytest.mark.parametrize("told, number", [
    ("在中国,超3亿人存在睡眠障碍。", "3亿人"),                                 # a place's people after a comma
    ("美国65岁以上成年人当中有三分之一曾跌倒。", "三分之一"),                    # among a place's people
    ("分析师估计该药销售峰值可达40亿美元。", "40亿美元"),                       # a market's number
    ("该药已向FDA申请核准,FDA预定明年3月前做出裁决。", "3月"),                    # a regulator's date
    ("该药2006年已被FDA批准用于治疗2型糖尿病。", "2006年"),
    ("多数美国医疗机构建议,男性应从50岁开始定期进行前列腺检查。", "50岁"),          # an institution's advice
    ("流行病学调查显示,该病80%发病于35-50岁。", "80%"),                            # an epidemiological survey
    ("依据中国居民膳食指南,成年人每日应摄入谷类250-400克。", "250-400克"),         # a guideline followed
])
def test_a_populations_a_markets_a_regulators_a_guidelines_or_an_institutions_number_is_not_the_study_s(
        told, number):
    v = draft_verdicts(_SITTING_ABSTRACT, _SITTING_STUDY + told)
    assert v[number] == "unattributed"


def test_an_approval_names_the_trial_s_dose():
    abstract = "Results: In 800 adults, semaglutide 2.4 mg resolved steatohepatitis in 62.9% of patients."
    v = draft_verdicts(abstract, "美国FDA已批准司美格鲁肽2.4mg用于治疗肝病。研究纳入800名成人,62.9%的患者脂肪性肝炎消退。")
    assert v["2.4mg"] == "supported"


def test_the_window_an_outcome_is_told_over_is_held_to_the_follow_up():
    abstract = ("Results: Of 1702 participants aged 51-75, 20% could not complete the 10-s one-legged stance. "
                "Over a median follow-up of 7 years, 123 (7.2%) died; the inability to stand was associated with an "
                "84% higher risk of all-cause mortality (HR 1.84).")
    v = draft_verdicts(abstract, "研究纳入1702名参与者,无法单腿站立10秒的人,在接下来的10年内死亡的可能性增加了84%。")
    assert v["84%"] == "supported"
    assert v["10年"] == "mismatch"              # a median follow-up of 7 years
    v = draft_verdicts(abstract, "研究纳入1702名参与者,无法单腿站立10秒的人,7年内死亡的可能性增加了84%。")
    assert v["7年"] == "supported"


def test_seconds_written_short_an_incidence_ratio_and_a_multiple_of_the_size_of_a_stated_ratio():
    assert "10 seconds one-legged" in normalise("complete a 10- s one-legged stance (10-second OLS)")
    assert "the 10 seconds OLS" in normalise("17.5% (NO) on the 10-s OLS")
    abstract = ("Results: The incidence ratio of an admission for acute myocardial infarction during the risk interval "
                "as compared with the control interval was 6.05 (95% CI, 3.86 to 9.50). Incidence ratios for acute "
                "myocardial infarction within 7 days after detection of influenza B, influenza A and respiratory "
                "syncytial virus were 10.11, 5.17 and 3.51. Participants could not complete the 10-s stance.")
    v = draft_verdicts(abstract, "研究发现,确诊流感后第一周发生急性心肌梗死的风险是平时的6倍。无法完成10秒站立测试。")
    assert v["6倍"] == "supported"             # 6.05, not a misquote of influenza B's 10.11


def test_other_institutions_researchers_in_an_article_that_named_the_study_s_own_are_another_source():
    abstract = ("Results: Among 378 932 UK Biobank participants, habitual daytime napping was associated with a "
                "larger total brain volume (15.8 cm3).")
    head = "近日,伦敦大学和哈佛医学院的研究人员发表的研究显示,午睡与较大的总脑容量有关,研究纳入378932名参与者。"
    v = draft_verdicts(abstract, head + "布莱根妇女医院和穆尔西亚大学的研究人员发现,超过30分钟的午睡与代谢综合征风险增加41%相关。")
    assert v["378932名"] == "supported"
    assert v["41%"] == "unattributed"          # other researchers' finding
    v = draft_verdicts(abstract, head + "哈佛医学院的研究人员发现,午睡者的总脑容量大15.8立方厘米。")
    assert v["15.8"] == "supported"            # the study's own institution


def test_an_age_s_cut_off_the_abstract_writes_in_years_names_both_groups():
    abstract = ("Results: Adjusted HRs for CVD were 1.10 (1.01 to 1.30) for early menarche (<12 years) and 1.33 "
                "(1.19 to 1.49) for early menopause (<47 years).")
    v = draft_verdicts(abstract, "研究发现,47岁前绝经的女性与不早于47岁绝经的女性相比,心血管疾病风险高33%;月经初潮早于12岁的女性风险也较高。")
    assert [v[k] for k in ("47岁", "12岁")] == ["supported", "supported"]


def test_a_bare_age_is_no_misquote_of_the_population_s_age_bound_and_a_decade_is_its_band():
    abstract = ("Methods: Participants of the NIH-AARP study aged >70 years (n = 160 113). Results: Former smokers "
                "had lower risks than current smokers (hazard ratios for quitting between ages 30-39, 40-49, 50-59, "
                "and 60-69 years were 0.41, 0.51, 0.64 and 0.77).")
    v = draft_verdicts(abstract, "研究纳入160113名70岁以上的老人,在30岁、40岁、50岁和60岁节点戒烟的人死亡风险都更低。")
    assert v["40岁"] == v["60岁"] == "supported"


_MEAT_ABSTRACT = ("Results: Eleven prospective studies, with 6643 pancreatic cancer cases, were included in the "
                  "meta-analysis. Participants who ate the most had less than half the rate of survival as those who "
                  "ate the least. The RR of pancreatic cancer for a 50 g per day increase in processed meat "
                  "consumption was 1.19 (95% CI=1.04-1.36). The search ran to 30 November 2011.")


def test_a_count_spelt_out_a_round_ten_a_half_in_words_and_a_month_the_abstract_names():
    v = draft_verdicts(_MEAT_ABSTRACT, "研究人员分析了11项研究,涉及6643名患者。每天吃50克加工肉,胰腺癌风险增加20%。"
                                       "吃得最多的人存活率为吃得最少者的一半。研究检索截至11月份发表的文献。")
    assert v["11项"] == "supported"            # "Eleven prospective studies", at the sentence's start
    assert v["20%"] == "supported"             # a round ten for RR 1.19
    assert v["一半"] == "supported"            # "less than half the rate"
    assert v["11月份"] == "supported"          # a month of the calendar, the abstract's November
    assert [m.kind for m in extract("不是去年 9 月份发布的新款,随访9个月")] == ["year_or_date", "duration"]
    assert [(m.kind, m.value) for m in extract("队列始于一九九四年,随访三年")] == [("year_or_date", "1994"),
                                                                             ("duration", 3)]
    v = draft_verdicts(_MEAT_ABSTRACT, "研究人员分析了11项研究。每天吃50克加工肉,胰腺癌风险增加30%。")
    assert v["30%"] == "mismatch"              # a round ten is read to the nearest point, no further


def test_items_of_a_circled_list_and_a_body_that_publishes_the_study_go_on_with_the_study():
    v = draft_verdicts(_SITTING_ABSTRACT, _SITTING_STUDY + "参与者被问及:\n\n①,每周外出3次的人占53.7%。\n")
    assert v["53.7%"] == "not_in_source"        # an item of the study's list, past a blank line
    abstract = ("Results: In 2016, 488 million people were exposed to working long hours. An estimated 745,194 "
                "deaths from ischemic heart disease and stroke were attributable to this exposure.")
    v = draft_verdicts(abstract, "世界卫生组织和国际劳工组织17日发布一项研究称,2016年约74.5万人死于因工作时间过长"
                                 "引发的中风和缺血性心脏病。")
    assert v["74.5万人"] == "supported"         # the body named publishes the study itself
    v = draft_verdicts(_SITTING_ABSTRACT, _SITTING_STUDY + "美国预防服务工作组推荐50岁到59岁人群每天步行。")
    assert v["50岁到59岁"] == "unattributed"    # a task force's recommendation


_NAFLD = ("Design: A nationwide matched cohort of all individuals in Sweden with biopsy-confirmed NAFLD (1966 to 2017; "
          "n=10 568). Results: NAFLD patients had increased overall mortality (aHR=1.93, 95% CI=1.86 to 2.00). Excess "
          "mortality was observed with simple steatosis (aHR=1.71, 95% CI=1.64 to 1.79) and cirrhosis (aHR=3.79, "
          "95% CI=3.34 to 4.30).")


def test_an_adjusted_ratio_a_change_told_respectively_and_a_span_of_cohort_data():
    v = draft_verdicts(_NAFLD, "研究人员分析了瑞典51年的队列研究数据,发现脂肪肝患者全因死亡风险上升93%。"
                               "按严重程度分层后,死亡风险均明显增加,分别为71%与279%。")
    assert [v[k] for k in ("51年", "93%", "71%", "279%")] == ["supported"] * 4


def test_the_study_carries_past_a_reprint_notice_and_into_a_research_section_and_a_headline_claims():
    v = draft_verdicts(_NAFLD, "研究显示,脂肪肝患者全因死亡风险上升93%。\n转载:请标明“某某杂志”\n\n"
                               "幸运的是,在所有脂肪肝患者中,肝硬化患者只占4.4%。")
    assert v["4.4%"] == "not_in_source"        # the study's, past the page's furniture
    v = draft_verdicts(_NAFLD, "近日,一项研究在《Gut》杂志发表。\n研究设计\n瑞典团队精心挑选了患者开展分析,整个研究历时51年。")
    assert v["51年"] == "supported"            # the paragraph a research section's title opens
    v = draft_verdicts(_NAFLD, "Gut子刊:死亡风险高近两成!\n\n瑞典一项研究发现,脂肪肝患者全因死亡风险上升93%。")
    assert v["两成"] != "unattributed"          # a headline's claim is the study's
    v = draft_verdicts(_NAFLD, "你每天睡7到9小时吗?\n\n瑞典一项研究发现,脂肪肝患者全因死亡风险上升93%。")
    assert v["7到9小时"] == "unattributed"      # a headline's question claims nothing


_MIGRAINE = ("Design: Multicentre randomised trial. Interventions: 1 g paracetamol four times daily or placebo. "
             "Main outcome measures: Change in migraine days per four weeks, compared with the four weeks before "
             "randomisation. Results: We included 19 randomised placebo-controlled clinical trials. The reduction in "
             "mean number of migraine days was 3.5 (SD 2.5) for manual versus 2.4 (3.4) for sham at weeks 13 to 16.")


def test_a_window_of_weeks_days_counted_as_the_measure_a_dose_of_one_gram_and_trials_behind_three_words():
    v = draft_verdicts(_MIGRAINE, "研究纳入19项临床试验。第13-16周,针灸组偏头痛天数减少了3.5天,假针灸组减少了2.4天。"
                                  "参与者每天四次服用一克扑热息痛。")
    assert [v[k] for k in ("19项", "13-16周", "3.5天", "2.4天", "一克")] == ["supported"] * 5
    v = draft_verdicts(_MIGRAINE, "第13-16周,针灸组偏头痛天数减少了5天。")
    assert v["5天"] != "mismatch"              # not a misquote of the four weeks the days were counted over


def test_a_source_line_above_the_article_does_not_make_the_article_a_reference_list():
    from factcheck.ingest.reader import split_structure

    body = "针灸治疗尿失禁\n文献来源:\n美国医学协会杂志(JAMA)\n\n摘要\n" + "研究纳入504名女性,漏尿量减少9.9克。\n" * 6
    _body, ref, _boiler = split_structure(body)
    assert ref is None                          # 文献来源 names the article's source; the prose is the body
    listed = "研究纳入504名女性。\n" * 3 + "参考文献\n[1] Liu Z, et al. JAMA. 2017;317(24):2493.\n[2] Sun Y. BMJ 2020.\n"
    assert split_structure(listed)[1] is not None


def test_the_lines_a_colon_leads_into_and_the_sources_the_paper_names_are_the_study_s():
    abstract = ("Results: Among 164 400 adults, poor hearing was associated with a higher risk of heart failure "
                "(HR 1.28), as was insufficient hearing (HR 1.15).")
    v = draft_verdicts(abstract, "研究纳入164400名成年人。\n与听力正常者相比:\n听力较差人群心衰风险上升15%;\n"
                                 "听力严重受损者风险增加28%;\n")
    assert v["15%"] == v["28%"] == "supported"     # the items a lead-in line introduces
    abstract = ("Methods: A test-negative analysis among adults aged at least 60 years from Oct 1, 2023, to March "
                "31, 2024. Results: Vaccine effectiveness against hospitalisation was 80%.")
    v = draft_verdicts(abstract, "《柳叶刀》上的一项新研究指出疫苗有效。研究人员在论文中介绍,来自美国疾病控制和预防中心"
                                 "2023年10月至2024年3月间的数据表明,在60岁及以上人群中,疫苗有效率为80%。")
    assert [v[k] for k in ("2023年10月至2024年3月", "60岁", "80%")] == ["supported"] * 3


# Reading rules written from the eleventh session's blind parts (test33 to test38), one row each:
# (id, abstract, article, {surface: verdict}); "!supported" means any verdict but supported.
_FALLS = ("Design: A cluster randomized trial in 128 villages (recruitment from September 19, 2023, to "
          "November 15, 2023; last follow-up, January 15, 2025). Follow-up ran each season until May 31 "
          "the following year. Results: Falls were reported by 25.0% of participants.")
_ADHD = ("<div><h3>Methods</h3><div>A cohort of 148 581 individuals with ADHD.</div></div><div><h3>Results"
         "</h3><div>Medication was associated with fewer suicidal behaviours (weighted incidence rates: 14.5 "
         "per 1 000 person-years in the initiation group vs. 16.9 in the non-initiation group; <em>P</em> "
         "&lt; 0.001).</div></div>")
_COFFEE_CUPS = ("Data sources: 10 cohort studies were included. Results: Compared with non-drinkers, those who drank "
                "≥4 cups had a lower risk of death (HR 0.82), and those who drank <1 cup showed no "
                "difference (HR 0.97).")
_SLEEP_DEATHS = ("Results: Among 3 222 adolescents, those with better brain development slept 15 minutes longer. "
                 "Minimum unit pricing was associated with a 13.4% reduction in deaths.")
_AGE_56 = "Results: Among 399 586 participants (mean age 56 years), higher sugar intake was associated with gout."
_SESSION11 = [
    ("a date named to the day or month", _FALLS,
     "这项试验的招募时间为2023年9月19日至2023年11月15日,最后一次随访为2025年1月15日,"
     "研究期为2023年9月至2025年1月,每季随访至5月31日。25.0%的参与者跌倒。",
     {"2023年9月19日至2023年11月15日": "supported", "2025年1月15日": "supported",
      "2023年9月至2025年1月": "supported", "5月31日": "supported"}),
    ("no date by its year alone", _FALLS,
     "这项试验于2023年4月开始招募,最后一次随访为2025年1月20日。25.0%的参与者跌倒。",
     {"2023年4月": "not_in_source", "2025年1月20日": "not_in_source"}),
    ("a rate per thousand, through the page's markup", _ADHD,
     "这项研究纳入148581名ADHD患者。服药组自杀行为发生率为14.5‰,未服药组为16.9‰(P<0.001)。",
     {"148581名": "supported", "14.5‰": "supported", "16.9‰": "supported", "P<0.001": "supported"}),
    ("another rate per thousand", _ADHD, "这项研究纳入148581名ADHD患者。服药组自杀行为发生率为12.5‰。",
     {"12.5‰": "!supported"}),
    ("a trial told by its intervention's length",
     "Title: Time-restricted eating in type 2 diabetes: a 12-week single-arm study with 1-year follow-up\n\n"
     "Methods: 18 adults with type 2 diabetes received a 10-h TRE for 12 weeks. Results: Body weight fell by 1.72 kg.",
     "这项研究发表在《临床营养》上。研究团队针对2型糖尿病患者展开了一项为期12周的限时饮食干预试验,"
     "并在结束后进行了长达1年的追踪随访。",
     {"12周": "supported", "1年": "supported"}),
    ("a page that pastes the abstract's English",
     "Methods: Men with prediabetes were randomized to eTRF (6-hr feeding period, with dinner before 3 p.m.) or a "
     "control schedule (12-hr feeding period) for 5 weeks.",
     "男士们,你想躲过糖尿病吗?\n\nMen with prediabetes were randomized to eTRF (6-hr feeding period, with dinner "
     "before 3 p.m.) or a control schedule (12-hr feeding period) for 5 weeks.\n",
     {"5 weeks": "supported"}),
    ("studies counted by 项, cups in the abstract's unit", _COFFEE_CUPS,
     "这项荟萃分析检索了相关研究,发现有10项符合纳入条件。每天喝4杯以上咖啡的人死亡风险降低18%。",
     {"10项": "supported", "4杯": "supported"}),
    ("below a cut-off is not at it", _COFFEE_CUPS, "这项荟萃分析发现,每天只喝1杯咖啡的人死亡风险没有差别。",
     {"1杯": "!supported"}),
    ("a named report is background", _SLEEP_DEATHS,
     "这项研究发表在《细胞报告》上。2024年发布的《中国居民睡眠健康白皮书》显示,我国居民平均睡眠仅6.75小时。"
     "研究发现,大脑发育更好的青少年每晚多睡15分钟。",
     {"6.75小时": "unattributed", "15分钟": "supported"}),
    ("a rate told of the world is background", _SLEEP_DEATHS,
     "这项研究纳入3222名青少年。在过去十年中,睡眠障碍的发病率在全球范围内呈上升趋势,大约每10个成年人中就有1人。",
     {"十年": "unattributed"}),
    ("according to this study is the study", _SLEEP_DEATHS,
     "这项研究发现死亡人数减少13.4%。根据这项研究,这大致转化为每年避免156人死亡。",
     {"156人": "not_in_source"}),
    ("a list flattened onto one line",
     "Methods: Participants 1 to 55 years of age with peanut allergy were randomly assigned to receive omalizumab "
     "or placebo for 16 to 20 weeks. Results: A total of 79 of the 118 participants (67%) receiving omalizumab "
     "met the primary end point.",
     "要点 - 该研究评估了奥马珠单抗在1至55岁花生过敏患者中的安全性和有效性 [11][14] - 患者随机接受安慰剂"
     "或注射16至20周 [12] - 预计2024年美国有340万儿童被诊断为食物过敏 [6] - 结果显示67%的患者达到主要终点 [3]\n",
     {"1至55岁": "supported", "340万儿童": "unattributed"}),
    ("decimals without their zero, grams as 公克",
     "Results: The morning-type pattern was associated with lower all-cause mortality (hazard ratio: .84; 95% "
     "confidential interval: .74–.95). For each 30 grams/day increase in processed meat, the risk of gastric "
     "cancer rose by 15%.",
     "这项研究发现,早上喝咖啡的人全因死亡风险降低16%(HR 0.84)。研究还发现,每天多吃加工肉品30公克,胃癌风险提高15%。",
     {"16%": "supported", "0.84": "supported", "30公克": "supported", "15%": "supported"}),
    ("a risk change names the paper's ratio; a list of risks shares its verb",
     "Results: High total fat intake was associated with non-Hodgkin lymphoma (RR = 1.26), diffuse large B-cell "
     "lymphoma (RR = 1.41), follicular lymphoma (RR = 1.21) and T cell lymphoma (RR = 1.12).",
     "饮食脂肪与淋巴瘤\n\n高脂肪饮食在西方很常见。\n\n"
     "具体说来,高脂肪摄入增加大B细胞淋巴瘤风险41%,滤泡淋巴瘤风险21%,T细胞淋巴瘤风险12%。\n\n"
     "Specifically, high fat intake was correlated with 41% increased diffuse large B-cell lymphoma.\n",
     {"41%": "supported", "21%": "supported", "12%": "supported"}),
    ("twice-yearly, sections run together with slashes",
     "Background: Azithromycin reduces mortality. // Methods: Infants received azithromycin at two quarterly "
     "visits from January through June and placebo from July through December (twice-yearly azithromycin group), "
     "randomized in a 3:4:2 ratio. // Results: Mortality was 11.8 per 1000 person-years.",
     "这项试验中,婴儿每年两次接受阿奇霉素,在1月至6月服药,按3:4:2的比例随机分组。",
     {"每年两次": "supported", "3:4:2": "supported"}),
    ("a journal's own section headings",
     "BACKGROUND\nReported declines in sperm counts remain controversial.\nOBJECTIVE AND RATIONALE\nTo provide a "
     "meta-regression analysis of recent trends.\nSEARCH METHODS\nA total of 244 estimates from 185 studies of "
     "42 935 men who provided semen samples in 1973–2011 were extracted.\nOUTCOMES\nSperm concentration declined "
     "by 52.4% between 1973 and 2011.\n",
     "这项研究分析了1973年到2011年185项研究中42935名男性的数据,精子浓度下降了52.4%。",
     {"1973年到2011年": "supported", "185项": "supported", "42935名": "supported", "52.4%": "supported"}),
    ("an age to a decimal", _AGE_56, "这项研究纳入399586名参与者,平均年龄56.1岁。", {"56.1岁": "supported"}),
    ("an age a year off", _AGE_56, "这项研究纳入399586名参与者,平均年龄57.1岁。", {"57.1岁": "!supported"}),
    ("hours with their period's adjective between",
     "Results: Moderate levels of helping (approximately 2-4 weekly hours) were linked to slower cognitive decline "
     "among 31 303 adults.",
     "这项研究纳入31303名成年人,每周投入约两到四小时帮助他人的人认知衰退更慢。",
     {"两到四小时": "supported"}),
    ("a surveillance report's rate per thousand in percent",
     "Results: For 2020, across all 11 sites, ASD prevalence was 27.6 per 1,000 children aged 8 years and was 3.8 "
     "times as prevalent among boys as among girls.",
     "这份报告发表在《发病率与死亡率周报》上。\n\n近20年来,美国自闭症儿童的患病率呈上升趋势。"
     "2020年,美国8岁儿童的患病率为2.76%。",
     {"2.76%": "supported", "2020年": "supported"}),
    ("a gain in time between two arms",
     "Results: Median progression-free survival was 11.7 months with toripalimab and 8.0 months with placebo "
     "(HR 0.52).",
     "这项试验显示,联合化疗组中位无进展生存期为11.7个月,高出安慰剂组3.7个月。",
     {"11.7个月": "supported", "3.7个月": "supported"}),
    ("a cut-off with its unit left out",
     "Results: The HRs were 1.51 and 2.68 for those with HBV-DNA level at 2000-19 999 to ≥ 20 000 IU/ml.",
     "这项研究发现,HBV DNA水平为2,000-19,999 IU/ml或≥20,000的患者肝癌风险更高。",
     {"≥20,000": "supported"}),
    ("the whole sample one digit off",
     "Results: A total of 138 first-time marathon completers (age 21 to 69 years, 49% male) were assessed.",
     "该研究找来139名21-69岁之间的健康者,他们都是首次参加马拉松比赛的新手跑者。",
     {"139名": "mismatch", "21-69岁": "supported"}),
    ("the Lancet's middle-dot decimals in the article",
     "Findings: Among 123 940 participants (27.9% women), 27.1% reported muscle pain on statin and 26.6% on "
     "placebo (rate ratio 1.03).",
     "这项荟萃分析纳入123 940例参与者,其中女性占27·9%;他汀组27·1%报告肌肉疼痛,安慰剂组为26·6%(比率1·03)。"
     "研究者约翰·史密斯说。",
     {"27·9%": "supported", "27·1%": "supported", "26·6%": "supported"}),
]


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _SESSION11], ids=[c[0] for c in _SESSION11])
def test_a_reading_rule_of_the_eleventh_session(abstract, article, expected):
    assert_draft_verdicts(abstract, article, expected)


def test_a_share_of_a_count_names_no_group():
    from factcheck.papers.summarize import draft_summary

    shares = ("In young participants, 32% (n=44) of heart failure cases had preserved ejection fraction compared "
              "with 43% (n=179) in elderly participants.")
    assert draft_summary(shares).groups == {}       # "32% (n=44)": the share of a count names no group


_OVERWEIGHT = ("Results: Among 3012 adults, the prevalence of overweight was 34.8% in men and 27.4% in women, "
               "and the prevalence of obesity was 9.6% in women. Long working hours were associated with a higher "
               "risk of obesity (HR 1.13).")

_SCREENING = ("Title: Starting faecal immunochemical test screening at age 40 vs 50\nJournal: JAMA Oncology\n\n"
              "Results: Among 2 doses of outreach, starting screening at age 40 rather than 50 years reduced "
              "colorectal cancer mortality by 39% (RR 0.61) in adults aged 40-49 years.")

_SESSION12 = [
    ("a figure misquoted in its last digit", _OVERWEIGHT,
     "这项研究发现,男性超重率为34.8%,女性超重率为27.7%。",
     {"34.8%": "supported", "27.7%": "mismatch"}),
    ("two digits one off are no slip", _OVERWEIGHT,
     "这项关于肥胖的研究发现,参与者中9.5%每天喝茶。",
     {"9.5%": "!mismatch"}),
    ("a pasted abstract's English: thousands by a space, ages in years, a number its words copy",
     "Participants: 502 293 participants (54% women) aged 40-69 years. Results: Of the participants included in "
     "analyses, 13 322 (2.7%) died over a mean of 7.1 (range 5.3-9.9) years' follow-up.",
     "这项研究发表在《英国医学杂志》上。\nParticipants\n502 293 participants (54% women) aged 40-69 years.\n"
     "Results\nOf the participants included in analyses, 13 322 (2.7%) died over a mean of 7.1 (range 5.3-9.9) "
     "years' follow-up.",
     {"40-69 years": "supported", "13 322": "supported", "7.1": "supported"}),
    ("generally speaking, official statistics, a government's programme, WHO's advice", _SCREENING,
     "这项研究发表在《美国医学会杂志·肿瘤学》上。一般来说，大肠癌好发于50岁以上族群。\n"
     "根据卫生福利部统计，台湾近年来45至49岁大肠癌发生率上升近1.5倍。\n"
     "目前，政府提供50至74岁民众每两年一次的粪便潜血检查。WHO此前已开始建议可采行两剂方案。\n"
     "根据这项研究的数据，从40岁开始筛检的人大肠癌死亡率降低39%。",
     {"50岁": "unattributed", "45至49岁": "unattributed", "1.5倍": "unattributed", "50至74岁": "unattributed",
      "两剂": "unattributed", "40岁": "supported", "39%": "supported"}),
    ("each ratio's interval in a Chinese abstract",
     "标题: 小剂量秋水仙碱预防心肌梗死后心血管事件\n\n结果: 心血管原因死亡的风险比为0.84(95% CI,0.46~1.52),"
     "复苏成功的心脏停搏的风险比为0.83(95% CI,0.25~2.73),心肌梗死的风险比为0.91(95% CI,0.68~1.21)。",
     "这项研究发现,复苏成功的心脏停搏风险比为0.83(95%CI0.25~2.73),心肌梗死风险比为0.91(95%CI0.68~1.21)。",
     {"95%CI0.25~2.73": "supported", "95%CI0.68~1.21": "supported"}),
    ("a period whose end year the abstract cuts to two digits, and month to month",
     "Methods: This cohort study used January 2008 to December 2019 records of 11 037 stroke cases. Results: "
     "When comparing the results for 2013–20 with the results for 2006–12, there was a significant increase "
     "in risk (OR 1.07).",
     "这项研究分析了2008年至2019年间的病历。研究人员比较了2013-2020年与2006-2012年的结果。",
     {"2008年至2019年": "supported", "2013-2020年": "supported", "2006-2012年": "supported"}),
    ("the abstract's counts told as shares of its sample, two at least",
     "Methods: A data set of 11 037 stroke cases was analysed. Results: Among these cases, 642 were "
     "haemorrhagic strokes, 7430 were ischaemic strokes and 2947 were transient ischaemic attacks.",
     "这项研究纳入11037名中风患者,其中缺血性中风占67.3%,出血性中风占5.8%。\n研究还发现,26.7%的患者出院后复发。",
     {"67.3%": "supported", "5.8%": "supported", "26.7%": "!supported"}),
    ("an abstract whose first sentence opens with its title's words",
     "Title: Cancer statistics for adolescents and young adults, 2020\nJournal: CA Cancer J Clin\n\n"
     "Cancer statistics for adolescents and young adults (AYAs) (aged 15-39 years) are often presented in "
     "aggregate. In 2020, there will be approximately 89,500 new cancer cases and 9270 cancer deaths in AYAs.",
     "这项研究针对的是15-39岁的年轻人群。预计在2020年,这一人群将有大约89500例新增癌症病例和9270例癌症死亡病例。",
     {"15-39岁": "supported", "89500例": "supported", "9270例": "supported"}),
    ("a team named by a Latin surname",
     "Title: Effectiveness of non-steroidal anti-inflammatory drugs for osteoarthritis pain\nJournal: Lancet\n"
     "Authors: Bruno R da Costa, Stephan Reichenbach, Peter Jüni\n\n"
     "Findings: 74 trials with 58 556 patients were included. Diclofenac 150 mg/day was the most effective.",
     "非甾体抗炎药(NSAIDs)是骨关节炎镇痛治疗的基线用药,然而在骨关节炎的镇痛治疗方面,并没有头对头的研究对各种"
     "NSAIDs及其使用剂量差异进行过比较。\n近瑞士的Costa等对各种NSAIDs治疗骨关节炎的疗效进行了比较,评价指标是疼痛"
     "缓解程度和关节功能。纳入的双氯芬酸钠、依托考昔等8种药物均能不同程度改善骨关节炎的疼痛。",
     {"8种": "not_in_source"}),
    ("ratios listed with their intervals as bracketed pairs, under 'hazards ratios'",
     "Results: The hazards ratios of CVD in women with severe hot flushes, night sweats and any VMS were "
     "1.83 (1.22, 2.73), 1.59 (1.07, 2.37) and 2.11 (1.62, 2.76) respectively.",
     "这项研究发现,有严重血管舒缩症状的女性,患心血管疾病的风险是没有症状者的两倍以上。",
     {"两倍": "supported"}),
    ("a list of reductions continued by 以及, and items with their ratios in brackets",
     "Results: Average and brisk walking pace were associated with lower risks of AF (HR 0.62, 95% CI 0.58 to 0.65; "
     "HR 0.54, 95% CI 0.50 to 0.57) and other arrhythmias (HR 0.69, 95% CI 0.64 to 0.73; HR 0.61, 95% CI 0.57 to 0.65).",
     "研究显示,中速和快速行走具体可降低38%~46%的心房颤动风险,以及31%和39%的其他心律失常风险。\n"
     "在房颤方面,平均和快速步行分别降低了38%(HR:0.62,95% CI:0.58-0.65)和46%(HR:0.54,95% CI:0.50-0.57)的风险。",
     {"31%": "supported", "39%": "supported", "46%": "supported"}),
    ("research in general: what current studies show", _SCREENING,
     "这项研究发表在《美国医学会杂志·肿瘤学》上,从40岁开始筛检的人大肠癌死亡率降低39%。\n"
     "目前的研究表明,戒烟后体重增加会持续6年左右,平均增加十几公斤。",
     {"39%": "supported", "6年": "unattributed"}),
    ("the study's groups counted in words",
     "Results: Mean weight fell by 5.1 kg in the diet group and by 1.2 kg in the control group (P<0.001).",
     "这项试验发现,两组参与者的体重都有所下降。",
     {"两组": "supported"}),
    ("a sentence that opens on the study, whoever led it",
     "Title: Prevalence and global estimates of unsafe listening practices\nJournal: BMJ Global Health\n\n"
     "Methods: We searched databases for articles published between 2000 and 2021. Results: 33 studies with "
     "19 046 participants aged 12-34 years were included.",
     "这项研究发表在《英国医学杂志·全球卫生》上。\n这份由世界卫生组织主导的研究报告,审视了33项研究数据,"
     "对象涵盖了19046名从12岁到34岁不等的受试者。",
     {"19046名": "supported", "12岁到34岁": "supported"}),
    ("a relative change the abstract states as a ratio of another named measure",
     "Results: The odds ratios for the highest quintile versus the lowest ranged from 1.45 (95% CI 1.35-1.57; "
     "healthful plant-based diet) to 1.86 (95% CI 1.71-2.01; Alternative Healthy Eating Index). When the age "
     "threshold for healthy aging was shifted to 75 years, the Alternative Healthy Eating Index showed the strongest "
     "association with healthy aging, with an odds ratio of 2.24 (95% CI 2.01-2.50).",
     "研究发现,替代健康指数饮食与健康长寿的相关性最强,依从性最高者实现健康老龄化的概率高86%。",
     {"86%": "supported"}),
    ("a last-digit neighbour for a measure the sentence does not name", _OVERWEIGHT,
     "这项研究发现,参与者中有27.7%每天喝咖啡。",
     {"27.7%": "!mismatch"}),
]


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _SESSION12], ids=[c[0] for c in _SESSION12])
def test_a_reading_rule_of_the_twelfth_session(abstract, article, expected):
    assert_draft_verdicts(abstract, article, expected)


_ACCELEROMETER = ("Methods: Participants of the UK Biobank wore wrist accelerometers for a week. Results: Among "
                  "81 956 participants, 2 000 developed depression; higher activity was associated with a lower "
                  "risk (HR 0.84, 95% CI 0.75-0.94).")

_SESSION13 = [
    ("a heading glued to its text where a store dropped Crossref's JATS markup",
     "<jats:sec>IntroductionThis study aimed to determine the prevalence of unsafe listening.</jats:sec>"
     "<jats:sec>ResultsThirty-three studies (corresponding to data from 35 records and 19 046 individuals) were "
     "included; the pooled prevalence was 23.81%.</jats:sec>",
     "这项荟萃分析纳入了33项研究，涉及19046人，汇总患病率为23.81%。",
     {"33项": "supported", "19046人": "supported", "23.81%": "supported"}),
    ("a month the abstract does not name is no year of its period, unless the months span whole years",
     "Methods: A prospective cohort of 104 000 adults in France, 2009-2021, was followed. Results: Higher intake "
     "was associated with risk (hazard ratio 1.09, 95% CI 1.02 to 1.16).",
     "据《英国医学杂志》发表的研究，该研究于2009年5月启动，随访截至2021年12月31日。"
     "研究纳入2009年1月至2021年12月的10.4万名成人，2009年至2021年间持续随访。",
     {"2009年5月": "not_in_source", "2021年12月31日": "not_in_source", "2009年1月至2021年12月": "supported",
      "2009年至2021年": "supported", "10.4万名": "supported"}),
    ("the sample told near its size but not as a reader rounds it", _ACCELEROMETER,
     "这项研究纳入了8.5万名参与者。",
     {"8.5万名": "mismatch"}),
    ("the sample told near its size and rounded as a reader rounds it", _ACCELEROMETER,
     "这项研究纳入了约8万名参与者。",
     {"8万名": "supported"}),
    ("more than the sample is no rounding of it", _ACCELEROMETER,
     "这项研究纳入了超过9万名参与者，其中2000人患上抑郁症。",
     {"9万名": "mismatch", "2000人": "supported"}),
    ("a period with one end the paper's and the other a year it names nowhere",
     "Methods: Semen samples of 3000 men were assessed in 1965-2015 at one clinic. Results: Sperm count "
     "declined (HR 1.2).",
     "这项研究分析了1963年至2015年的精液样本。研究分析了1965年至2015年的样本。",
     {"1963年至2015年": "mismatch", "1965年至2015年": "supported"}),
    ("a period whose other end the abstract dates as a follow-up's end",
     "Methods: Persons diagnosed from 1992-2011 were followed up until December 31, 2017. Results: Risk was "
     "higher (HR 1.3).",
     "这项研究分析了1992年至2017年的数据。",
     {"1992年至2017年": "!mismatch"}),
    ("the follow-up told after the length, or after 追踪, against the one follow-up the abstract states",
     "Methods: 60 298 participants of UK Biobank were followed for an average of 9.1 years. Results: Diet was "
     "associated with lower risk (HR 0.77).",
     "研究人员追踪10年数据显示，风险降低23%。研究人员随访9年。",
     {"10年": "mismatch", "9年": "supported"}),
    ("the whole years of a follow-up a reader counts", 
     "Methods: 3000 men were followed for a median of 10.7 years. Results: Risk was higher (HR 1.2).",
     "研究人员随访10年，风险增加20%。",
     {"10年": "!mismatch"}),
    ("a time of a list of visits with its unit left on the last", 
     "Methods: 220 adults were randomized to calorie restriction or their usual diet (n = 75) for 2 years. "
     "We analyzed biomarker data collected at baseline, 12-, and 24-month follow-up assessments. Results: "
     "Biological age increased by 0.11 years per year (P = 0.01).",
     "在每12个月的随访中,卡路里限制组的参与者的生物学年龄平均增加了0.11年。",
     {"12个月": "supported", "0.11年": "supported"}),
    ("the sample with one digit dropped",
     "Methods: We followed 204 689 participants of three cohorts. Results: Regular use was associated with a "
     "higher risk (HR 1.24, 95% CI 1.17-1.31).",
     "这项研究对三大队列中的 20 489 名参与者进行了分析。",
     {"20 489 名": "mismatch"}),
    ("a population counted in 万 and 亿, far beyond the sample, in a sentence that names no study",
     "Methods: 5000 adults aged 65 or over were followed. Results: Those with hearing loss had higher dementia "
     "risk (HR 1.3).",
     "这项研究发表在《柳叶刀》上。在美国,目前估计有690万老年人患有阿尔茨海默病,到2050年将达到1300万病例。"
     "研究发现，听力损失者痴呆风险增加30%。研究纳入了约5000人。",
     {"690万老年人": "unattributed", "2050年": "unattributed", "1300万": "unattributed", "30%": "supported",
      "5000人": "supported"}),
    ("a burden study's own population counts stay the study's",
     "Results: In 2019 there were 1.19 million incident cases of cancer in adolescents and young adults "
     "aged 15-39 years, and 396 000 deaths (HR 1.1).",
     "这项研究发表在《柳叶刀·肿瘤学》上。2019年全球15-39岁人群中有119万新发癌症病例。",
     {"119万": "supported"}),
    ("a heading before the article A, a thin space lost to a question mark, a mean with its SD in brackets",
     "Design, Setting, and Participants  This cohort study used data from 159 372 suicides.\n\nMain Outcome and "
     "Measures  Suicide incidence.\n\nResults  A total of 2374 suicides among nurses (1912 women [80.5%]; mean "
     "[SD] age, 52.8 [11.8] years) and 20?976 suicides in the general population were identified (RR 1.18).",
     "研究显示共有2374名护士自杀(1912名女性[80.5%];平均[SD]年龄,52.8[11.8]岁),一般人群中20976例自杀。",
     {"2374名": "supported", "80.5%": "supported", "52.8[11.8]岁": "supported", "20976例": "supported"}),
    ("a list of subgroup estimates, some the paper's: a cell the abstract does not give is no misquote",
     "Results: Compared with the youngest nurses without night shifts, the odds ratio of hypertension was 2.923 "
     "for nurses aged 36-45 with 5-10 night shifts per month and 3.430 for those with more than 10 night shifts.",
     "研究发现，36-45岁护士患高血压的风险分别是对照组的1.96倍、2.923倍、3.430倍。",
     {"1.96倍": "not_in_source", "2.923倍": "supported", "3.430倍": "supported"}),
    ("a Chinese abstract without headings: what a review searched and identified, its dated search window",
     "Title: 男性HPV\n\n我们在Embase中搜索了1995年1月1日至2022年6月1日之间发表的研究。我们从数据库搜索中确定了5685篇文献,"
     "包括来自35个国家的65项研究(共44769男性)。全球汇总患病率为31%(95%CI 27-35)。",
     "研究人员分析了1995至2022年间在35个国家进行的65项研究,发现患病率为31%。检索时间为1995年1月1日至2022年6月1日。"
     "共5685篇文献。",
     {"1995至2022年": "supported", "35个国家": "supported", "65项": "supported", "31%": "supported",
      "1995年1月1日至2022年6月1日": "supported", "5685篇": "supported"}),
    ("units written in words, as NEJM writes them",
     "Results: The mean LDL cholesterol level at baseline was 139.0 mg per deciliter; at 6 months, the reduction "
     "was greater with bempedoic acid than with placebo by 29.2 mg per deciliter (HR 0.87).",
     "研究发现，基线LDL胆固醇平均为139.0mg/dL，6个月时贝派地酸组比安慰剂组多降低29.2mg/dL。",
     {"139.0mg/dL": "supported", "29.2mg/dL": "supported"}),
    ("a review's search window is its method, not a study published in those years",
     "Title: Outpatient follow-up and readmission: a systematic review and meta-analysis\nJournal: JAMA Network "
     "Open\nYear: 2025\n\nMethods: MEDLINE, Embase, and CINAHL were searched for studies published between "
     "January 1, 2000, and August 4, 2025. Results: Of 7653 studies identified, 83 were included; follow-up "
     "was associated with lower readmission (OR 0.80).",
     "这项研究发表在JAMA Network Open上。研究人员通过关键词检索MEDLINE、Embase和CINAHL数据库中2000年1月1日至"
     "2025年8月4日发表的研究。",
     {"2000年1月1日至2025年8月4日": "supported"}),
    ("上涨 and 攀升 are verbs of change, as 上升 is",
     "Results: The hazard ratio for those eating 2 or more meals a day away from home, compared with those who "
     "seldom ate out, was 1.49 (95% CI 1.05 to 2.13) for all-cause mortality and 1.67 (95% CI 1.02 to 2.74) for "
     "cancer mortality.",
     "研究发现，经常在外就餐的人全因死亡率会上涨49%、癌症死亡率会攀升67%。",
     {"49%": "supported", "67%": "supported"}),
    ("a body's dated release of figures, and a named survey, are background",
     "Results: Among 4000 vaccinated adults, the fourth dose reduced severe illness (HR 0.40).",
     "这项研究发表在《新英格兰医学杂志》上。据以卫生部5日发布的疫情数据,该国过去24小时新增新冠确诊病例10689例。"
     "最新的《全国宠物拥有者调查》显示,美国68%的家庭拥有宠物。研究发现，第四剂使重症风险降低60%。",
     {"10689例": "unattributed", "68%": "unattributed", "60%": "supported"}),
    ("a journal named with 子刊 names its family, not another study; a heading before a number is a heading",
     "Title: Dog ownership and survival\nJournal: Scientific Reports\nYear: 2017\n\nBackground We studied pets. "
     "Methods 3432153 adults of a nationwide cohort in 2001-2012 were followed. Results Dog ownership was "
     "associated with lower mortality in single-person households (HR 0.67, 95% CI 0.60 to 0.75).",
     "发表在《自然》子刊上一项涉及340万人的大型调查研究发现:单身狗主人死亡风险可降低33%。研究覆盖2001年至2012年。",
     {"340万人": "supported", "33%": "supported", "2001年至2012年": "supported"}),
    ("a percent far from the value of the measure it is held to is another quantity, a near one a misquote",
     "Results: Among 4000 adults, the prevalence of hypertension was 48.8% in nurses working night shifts "
     "(OR 1.49).",
     "研究发现，上夜班的护士高血压患病率为14.8%。另一分析显示，上夜班的护士高血压患病率为45.8%。",
     {"14.8%": "not_in_source", "45.8%": "mismatch"}),
    ("a rate per thousand told as cases with decimals (每千人年1.3例)",
     "Results: Dementia incidence was 1.8 per 1000 person-years among participants with intermediate scores "
     "and 1.3 per 1000 person-years among those with optimal scores (HR 0.70).",
     "研究发现，评分中等的人痴呆发病率为每千人年1.8例，评分优秀的人痴呆发病率为每千人年1.3例。",
     {"1.8例": "supported", "1.3例": "supported"}),
    ("a background number the one paper states, too distinctive to be chance",
     "Results: In 2020, poor diet was estimated to cause 14.1 million cases of type 2 diabetes, 70.3% of new "
     "cases worldwide; in the USA it caused 9.8% of cases (HR 1.2).",
     "这项研究发表在《自然·医学》上。据统计，在美国，9.8%的2型糖尿病病例与饮食有关，另有12.5%的病例与肥胖有关。",
     {"9.8%": "supported", "12.5%": "unattributed"}),
]


_SESSION14 = [
    ("a round count in thousands is read to the thousand (7千名 for 7184), not a kilogram",
     "Methods: 1796 cases of Alzheimer disease were matched with 7184 controls aged over 66 years. Results: "
     "Ever use was associated with higher risk (OR 1.51, 95% CI 1.36 to 1.69). Mean weight was 71.2 kg.",
     "这项研究纳入2千名患者和7千名健康老人，风险增加了51%。研究对象平均体重为7千克。",
     {"7千名": "supported", "2千名": "supported", "7千克": "not_in_source"}),
    ("more than half a million with no unit is a bound on the sample, not a cut-off",
     "Methods: An individual participant data meta-analysis of two cohorts with a total of 577,343 adults. "
     "Results: BMI was associated with cancer risk (HR 1.11, 95% CI 1.07 to 1.16).",
     "據《BMC醫學》發表的研究，該研究結果基于超過50萬歐洲成年人的樣本數據。另一分析基于超過80萬歐洲成年人。",
     {"50萬": "supported", "80萬": "not_in_source"}),
    ("a value written to one decimal with its unit left out, three digits in all, is the abstract's",
     "Results: Mean (SD) age was 39.6 (9.2) years and mean (SD) BMI was 28.7 (4.3). 88.5% were men. "
     "Higher push-up capacity was associated with lower risk (IRR 0.04).",
     "据《美国医学会杂志》发表的研究，参与者平均身体质量指数(BMI)为28.7。意外伤害发生率为88.5。",
     {"28.7": "supported", "88.5": "not_in_source"}),
    ("a paragraph that tells the study's follow-up or arms speaks of the study",
     "Methods: 5713 participants without cardiovascular disease were randomized to a polypill or placebo. "
     "Results: During a mean follow-up of 4.6 years, the primary outcome occurred in 4.4% vs 5.5% (HR 0.79).",
     "据《新英格兰医学杂志》发表的一项研究，研究纳入5713名参与者。\n\n平均随访时间为4.6年。\n\n"
     "天气好的时候，很多人喜欢外出散步2小时。",
     {"4.6年": "supported", "2小时": "unattributed"}),
    ("a period told by the verbs of its start and end, and months written as numbers",
     "Design: Mass eradication was launched in 2004 and continued until 2018 on the islands. Participants "
     "were recruited from 6/2004 to 7/2008 and followed until 1/2014. Results: Incidence fell by 53% "
     "(95% CI 30% to 69%).",
     "发表在《胃肠病学》(Gut)上的一项研究显示，从2004年至2018年，研究人员在岛上推行根除治疗，历时15年。"
     "研究于2004年6月至2008年7月招募参与者，随访至2014年1月。发病率下降了53%。",
     {"2004年至2018年": "supported", "15年": "supported", "2004年6月至2008年7月": "supported",
      "2014年1月": "supported", "53%": "supported"}),
    ("many studies, a body's guideline in a variant form, a population in Chinese numerals: background",
     "Methods: 80 000 participants of the UK Biobank wore accelerometers. Results: Women who met the guideline "
     "had a 22% lower risk of coronary heart disease (HR 0.78).",
     "发表在《美国心脏病学会杂志》上的一项研究显示，达到指南推荐的女性冠心病风险降低22%。"
     "許多研究證實，每天大约花11分钟运动，就可降低23%早死的风险。"
     "根據世界衞生組織對成年人的建議，每週最少有2天須進行肌肉強化活動。"
     "全世界约有十余亿人患有高血压，其中1/4在中国。",
     {"22%": "supported", "11分钟": "unattributed", "23%": "unattributed", "2天": "unattributed",
      "十余亿人": "unattributed"}),
    ("a hyphened count of people or time, an en dash as a minus sign, a round count cut at its thousands",
     "Methods: We monitored week-long glucose levels in an 800-person cohort and enrolled 36,608 adults in a "
     "second cohort. "
     "Results: The group difference in systolic blood pressure reduction was –23.1 mm Hg (95% CI –24.4 to "
     "–21.9) at 36 months.",
     "发表在《自然》上的一项研究显示，研究人员连续一周监测了800名参与者的血糖，另一队列纳入36,000名成年人。"
     "36个月时，两组收缩压差值为-23.1 mm Hg。另一分析纳入35,000名成年人。",
     {"800名": "supported", "一周": "supported", "36,000名": "supported", "-23.1 mm Hg": "supported",
      "35,000名": "!supported"}),
    ("the groups of a comparison by quartiles, counted in words",
     "Methods: 5000 adults were followed for 10 years. Results: Compared with the lowest quartile of "
     "intake, the highest quartile had a lower risk of stroke (HR 0.80, 95% CI 0.70 to 0.91).",
     "发表在《神经病学》上的一项研究显示，研究人员按摄入量把参与者分为四组，摄入量最高的一组中风风险降低20%。",
     {"四组": "supported", "20%": "supported"}),
    ("a P value for trend written P-trend in the abstract and P趋向 in the article",
     "Methods: 103 388 adults were followed for 9.1 years. Results: Aspartame intake was associated with a "
     "higher risk of type 2 diabetes (HR 1.63 [95% CI 1.38-1.93], P-trend <0.001), and sucralose too (HR 1.34 "
     "[1.07-1.69], P-trend = 0.013).",
     "发表在《糖尿病护理》上的一项研究显示，阿斯巴甜摄入量越高，2型糖尿病风险越高(HR 1.63，P趋向<0.001)，"
     "三氯蔗糖亦然(P趋向=0.013)。",
     {"P趋向<0.001": "supported", "P趋向=0.013": "supported"}),
]


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _SESSION13], ids=[c[0] for c in _SESSION13])
def test_a_reading_rule_of_the_thirteenth_session(abstract, article, expected):
    assert_draft_verdicts(abstract, article, expected)


def test_a_near_miss_beside_the_papers_own_estimates_stays_a_misquote():
    """Of a sentence's listed estimates, some the paper's, one within a tenth of the value it is
    held to (29.4% for 29.3%) is a misquote; one far from it (14.8% for 48.8%) is a cell the
    abstract does not give."""
    from factcheck.core.model import Mention, MentionVerdict
    from factcheck.judge.match import _details_beside_told

    def mention(i, v):
        return Mention(id=f"m{i}", surface=f"{v}%", kind="percent", value=v, unit="%", start=i * 10,
                       end=i * 10 + 5, line=1)

    ms = [mention(i, v) for i, v in enumerate((85.1, 91.4, 29.4, 14.8))]
    mvs = [MentionVerdict("m0", "supported", 85.1, "f1", rule="FC101"),
           MentionVerdict("m1", "supported", 91.4, "f1", rule="FC101"),
           MentionVerdict("m2", "mismatch", 29.3, "f1", rule="FC102"),
           MentionVerdict("m3", "mismatch", 48.8, "f1", rule="FC102")]
    got = [v.verdict for v in _details_beside_told(ms, mvs)]
    assert got == ["supported", "supported", "mismatch", "not_in_source"]


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _SESSION14], ids=[c[0] for c in _SESSION14])
def test_a_reading_rule_of_the_fourteenth_session(abstract, article, expected):
    assert_draft_verdicts(abstract, article, expected)


# Rules of the fifteenth session (docs/measurements.md), each as a reader of the abstract reads it.
_SESSION15 = [
    ("more than a round count is no rounding of a smaller count: 超过17,000名 for 16,827 is a misquote",
     "Methods: We studied 16,827 adults with hypertension in a registry. Results: Risk was higher (HR 1.30).",
     "据《柳叶刀》发表的一项研究，研究纳入了超过17,000名患者，风险增加了30%。研究纳入超过16,000名患者。",
     {"17,000名": "mismatch", "16,000名": "supported", "30%": "supported"}),
    ("smaller by (要小43%) is a relative change down, which the paper's odds ratio states",
     "Results: Compared with 5 years or less of education, those with 6 to 8 years had an OR of 0.57 (95% CI 0.29 "
     "to 1.13) for dementia, and those with 9 years or more an OR of 0.16 (95% CI 0.06 to 0.41).",
     "一项研究发现，与上学不到5年的人相比，上过6年至8年学的人出现痴呆的可能性要小43%。受过9年以上教育的人患痴呆的危险要小84%。",
     {"43%": "supported", "84%": "supported"}),
    ("a risk lowered by a percent is held to the paper's ratio, not to an arm's rate of the same digits",
     "Methods: 20 702 adults with hypertension were randomized to enalapril-folic acid or enalapril alone. Results: "
     "During a median of 4.5 years, the enalapril-folic acid group had a significant risk reduction in first "
     "stroke (2.7% vs 3.4%; HR, 0.79; 95% CI, 0.68-0.93).",
     "发表在《美国医学会杂志》上的一项临床研究显示，平均随访4.5年后，中风风险降低了约34%。",
     {"34%": "mismatch", "4.5年": "supported"}),
    ("a count of four digits one digit off a whole number the abstract gives is that number misquoted",
     "Results: Among 37 114 participants, 1477 died from ASCVD during follow-up (HR 1.21).",
     "据《欧洲心脏杂志》发表的研究，随访期间有1447例死于动脉粥样硬化性心血管病。另有1000例住院，共37114名参与者。",
     {"1447例": "mismatch", "1000例": "not_in_source", "37114名": "supported"}),
    ("a clause that sounds general but holds a figure only the paper states is the paper's, all its numbers",
     "Results: In 2020, an estimated 2 200 000 new type 2 diabetes cases (9.8% of all incident cases) were "
     "attributable to sugar-sweetened beverages across 184 countries.",
     "研究团队估计，在2020年，全球约有220万的2型糖尿病新发病例(约占9.8%)可归因于含糖饮料。全球约有500万人患糖尿病。",
     {"220万": "supported", "9.8%": "supported", "500万人": "unattributed"}),
    ("news of one case that never speaks of research: what it tells on the paper's topic is the paper's",
     "Methods: A 57-year-old man with nonischemic cardiomyopathy received a genetically modified pig heart. "
     "Results: The graft functioned well until day 49; life support was withdrawn on day 60.",
     "美国57岁男子班奈特接受基因改造猪心移植手术。\n\n天气好的时候，很多人喜欢外出散步2小时。",
     {"57岁": "supported", "2小时": "unattributed"}),
    ("a journal's Significance box before the abstract states results in the paper's own numbers",
     "Significance\nOur results suggest that optimism is specifically related to 11 to 15% longer life span, on "
     "average.\nAbstract\nData are from 2 cohorts with follow-up of 10 y (2004 to 2014) and 30 y (1986 to 2016), "
     "respectively.",
     "一项研究发现，最乐观女性的平均寿命高15%，最乐观男性的平均寿命高11%。另一组高25%。",
     {"15%": "supported", "11%": "supported", "25%": "not_in_source"}),
    ("a cohort's years in brackets are a period whose span a length told as the time of follow-up states",
     "Methods: We prospectively observed 37 698 men from the Health Professionals Follow-up Study (1986-2008) and "
     "83 644 women from the Nurses' Health Study (1980-2008). Results: Red meat intake was associated with higher "
     "mortality (HR 1.13).",
     "根据哈佛大学的一项研究，用28年的时间追踪了121,342人。另一组用30年的时间追踪。",
     {"28年": "supported", "121,342人": "supported", "30年": "not_in_source"}),
    ("a count of four digits with two neighbouring digits swapped is the abstract's count misquoted",
     "Results: This population-based prospective cohort study of 49 275 adults found higher risk (HR 1.20).",
     "根据《美国医学会杂志》发表的研究，该研究纳入49257名参与者。",
     {"49257名": "mismatch"}),
    ("the digits that end a name (CoQ10, COVID-19) are no thousands of the number after them",
     "Results: Among 1 000 patients with COVID-19 200 were admitted to intensive care (20.0%). Methods: 420 "
     "patients were randomly assigned to CoQ10 100 mg 3 times daily or placebo for 2 years.",
     "一项研究发现，1000名新冠患者中有200名进入重症监护室。患者每日三次服用辅酶Q10，每次100毫克。",
     {"1000名": "supported", "200名": "supported", "100毫克": "supported"}),
    ("a day's dose is the dose times its frequency (每日300毫克 for 100 mg three times daily)",
     "Methods: 420 patients with heart failure were randomly assigned to CoQ10 100 mg 3 times daily or placebo for "
     "2 years. Results: MACE occurred in 15% vs 26% (HR 0.50).",
     "研究人员随机分配420名患者接受安慰剂或每日300毫克辅酶Q10（每日三次，每次100毫克）。另一组每日200毫克。",
     {"300毫克": "supported", "100毫克": "supported", "200毫克": "not_in_source"}),
    ("a percent just outside the one range the paper gives for the measure named is that range misquoted",
     "Significance\nOur results suggest that optimism is specifically related to 11 to 15% longer life span, on "
     "average.\nAbstract\nData are from 2 cohorts with follow-up of 10 y (2004 to 2014) and 30 y (1986 to 2016).",
     "一项研究发现，乐观的人寿命延长近10%。乐观的人寿命延长13%。乐观的人寿命延长50%。",
     {"10%": "mismatch", "13%": "supported", "50%": "not_in_source"}),
]


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _SESSION15], ids=[c[0] for c in _SESSION15])
def test_a_reading_rule_of_the_fifteenth_session(abstract, article, expected):
    assert_draft_verdicts(abstract, article, expected)



@pytest.mark.parametrize("text, research", [
    ("丹麦的这项实验于2020年4月开始,招募了6000名志愿者参与。", True),      # an experiment is a study
    ("近期进行了一项大规模的口罩对比实验。", True),
    ("实验室里有10台离心机。", False),                                      # a laboratory is not
])
def test_an_experiment_speaks_of_research_and_a_laboratory_does_not(text, research):
    from factcheck.judge.attribution import speaks_of_research

    assert speaks_of_research(text) is research


# sixteenth session: general rules read off the blind parts test80 to test85
_SESSION16 = [
    ("a site's list of links under the article and a page's time stamp hold the page's numbers, not the study's",
     "Methods: We followed 12 000 adults with migraine in a national cohort for 10 years. "
     "Results: Migraine was associated with peripheral artery disease (HR 2.29).",
     "偏头痛 心脑血管风险高\n2018/03/28 00:05\n"
     "研究小组利用国民健康保险数据库，随访了12000名偏头痛患者10年。\n"
     "结果表明，偏头痛可增加外周动脉疾病风险，风险为2.29倍。\n"
     "研究人员指出，该研究发现，偏头痛患者的心脑血管疾病风险更高。\n"
     "相关文章 浏览更多相关文章>>\n- [事件]年轻人猝死有共同点09-16\n- [事件]体脂率降低15%更健康09-14\n",
     {"12000名": "supported", "2018/03/28": "unattributed", "15%": "unattributed"}),
    ("a ratio's name, then what it is of and a verb, then its value (OR for incidence of overweight was 1.26)",
     "Methods: A meta-analysis of 15 cohort studies (163,796 adults). Results: Comparing caesarean to "
     "vaginal delivery, OR for incidence of overweight was 1.26 (1.16, 1.38; p<0.00001) and OR for "
     "incidence of obesity was 1.22 (1.05, 1.42; p = 0.01).",
     "研究发现，剖腹产婴儿成年后超重机会较顺产婴高26%，肥胖的机会则高出22%。",
     {"26%": "supported", "22%": "supported"}),
    ("a count in words with hundreds, as an abstract's sentence opens with one (Six hundred and three women)",
     "Design: Population-based case-control study. Population: Six hundred and three women aged 18-55 "
     "years whose most recent pregnancy had ended in miscarriage (cases) and 6116 women whose pregnancy "
     "had progressed beyond 12 weeks (controls).",
     "研究人员对600名流产女性和6116名对照女性进行了调查。",
     {"600名": "supported", "6116名": "supported"}),
]



# (the seventeenth session's rules, each found on a blind part's first run and kept as a
# general rule of reading; the ratio read backwards is checked for its rule code below)
_SESSION17 = [
    ("a ratio read the wrong way is a mismatch, the same ratio read the right way is supported",
     "Methods: A cohort of 104 046 adults followed for 10 years. Results: For all-cause mortality, hazard "
     "ratios for higher occupational physical activity were 1.06 (0.96-1.16), 1.13 (1.01-1.27) and "
     "1.27 (1.05-1.54), respectively.",
     "研究发现，工作时体力活动量较高的人，全因死亡风险分别降低6%、13%和27%。",
     {"6%": "mismatch", "27%": "mismatch"}),
    ("the same ratios read the right way are supported",
     "Methods: A cohort of 104 046 adults followed for 10 years. Results: For all-cause mortality, hazard "
     "ratios for higher occupational physical activity were 1.06 (0.96-1.16), 1.13 (1.01-1.27) and "
     "1.27 (1.05-1.54), respectively.",
     "研究发现，工作时体力活动量较高的人，全因死亡风险分别增加6%、13%和27%。",
     {"6%": "supported", "27%": "supported"}),
    ("a length the paper gives in another unit is read as the paper wrote it: a week is not five days",
     "Methods: Participants were quarantined, given nasal drops containing the rhinovirus and "
     "monitored over 5 days for the development of a clinical cold. Treatment lasted 12 weeks.",
     "志愿者被隔离在一家旅馆，接触感冒病毒后，再观察一周时间。治疗持续了3个月。",
     {"一周": "!supported", "3个月": "supported"}),
    ("a news agency's dateline and a journal's impact factor are not the study's numbers",
     "Methods: We followed 164 healthy adults. Results: Those sleeping less than 5 hours had a higher "
     "risk of a cold (OR 4.50).",
     "据新华社华盛顿9月1日电 美国研究人员在期刊《睡眠》(IF=5.6)上发表研究，调查了164名志愿者。"
     "睡眠少于5小时的人患感冒的风险高4.5倍。",
     {"9月1日": "unattributed", "5.6": "unattributed", "164名": "supported"}),
    ("a page's date line with its weekday, and a forum row's time, are the page's stamp",
     "Methods: We followed 164 healthy adults. Results: Those sleeping less than 5 hours had a higher "
     "risk of a cold (OR 4.50).",
     "2015年09月02日 星期三\n睡眠不足易感冒\n研究人员调查了164名志愿者，睡眠少于5小时的人患感冒的风险高4.5倍。\n",
     {"2015年09月02日": "unattributed", "164名": "supported"}),
    ("the day of publication a header gives (Epub 2024 Mar 14) is the paper's date, told with no verb of publishing",
     "Title: Second primary malignancies after CAR T-cell therapy\nJournal: Blood (Blood. 2024 Mar 14. Epub "
     "2024 Mar 14)\nYear: 2024\n\nResults: Of 12 394 adverse event reports, 536 (4.3%) were second primary "
     "malignancies.",
     "(Blood. 2024年3月14日在线版)\n研究人员分析了12394份不良事件报告，第二原发肿瘤占4.3%。",
     {"2024年3月14日": "supported", "4.3%": "supported"}),
]


_NOCTURIA = ("Results: Among 8284 participants, the prevalence of nocturia involving >= 1, >= 2, or >= 3 voids "
             "was 76.1, 37.3, and 17.5% for women.")

_SESSION18 = [
    ("a ratio taken for the increase itself is a mismatch (250% for HR 2.44, 144% higher); the right reading is supported",
     "Methods: A cohort of 63 397 adults followed for 7.6 years. Results: Long-term use of the drug was "
     "associated with an increased risk of gastric cancer (HR 2.44, 95% CI 1.42 to 4.20).",
     "研究发现，长期用药者患胃癌的风险增加近250%。另一种说法是风险增加144%。",
     {"250%": "mismatch", "144%": "supported"}),
    ("an interval with a sign lost is the paper's interval misquoted",
     "Results: The mean change in hemoglobin was 2.00 g/dL with vitamin C and 1.84 g/dL without "
     "(difference, 0.16 g/dL; 95% CI, -0.03 to 0.35 g/dL).",
     "两组差异为0.16 g/dL(95%CI,-0.03~-0.35 g/dL)。另一写法为95%CI -0.03~0.35 g/dL。",
     {"95%CI,-0.03~-0.35": "mismatch", "95%CI -0.03~0.35": "supported"}),
    ("multiples in words (sixfold, threefold) are read, and their quotient compares the two exposures",
     "Results: Compared with non-users, users of the newer pills had a sixfold risk of venous "
     "thromboembolism and users of the older pills a threefold risk.",
     "与不服药者相比，服老药者风险增加3倍，服新药者为6倍；新药比老药风险高两倍。",
     {"3倍": "supported", "6倍": "supported", "两倍": "supported"}),
    ("a medium's day of report and a page's time stamp are not the study's numbers",
     "Methods: We followed 1200 adults. Results: Hot tea drinkers had a higher risk of cancer (HR 1.41).",
     "日本研究证明:热茶与癌症有关 发表时间:2022-12-05 09:25 研究人员随访了1200名成年人。\n"
     "据美国健康网站10月26日报道，《英国医学杂志》刊登的这项研究随访了1200名成年人。",
     {"2022-12-05": "unattributed", "09:25": "unattributed", "10月26日": "unattributed", "1200名": "supported"}),
    ("a share the paper writes as 'about 90%' supports a figure within its rounding",
     "Results: Drinking hot tea was associated with an about 90% increase in cancer risk among 50 045 adults.",
     "研究发现，喝热茶的人患癌风险高出91%。",
     {"91%": "supported"}),
    ("the percent sign of a list's last item is every item's, after an enumeration comma too",
     _NOCTURIA,
     "一次、两次、三次以上夜尿的比率在女性分别为76.1、37.3、与17.5%。",
     {"37.3": "supported", "17.5%": "supported"}),
    ("an age band the paper does not report holds no mismatch of its overall rates",
     _NOCTURIA,
     "在40-44岁族群当中，有一次、两次、三次以上夜尿的比率分别为66.0%、25.0%与11.5%。",
     {"66.0%": "not_in_source", "25.0%": "not_in_source"}),
    ("a source line giving the paper's DOI names the paper, and the issue's month is its date",
     "Title: The prevalence of nocturia in three countries\nJournal: World Journal of Urology (World J Urol. "
     "2018 Nov;36(11):1853-1862; Epub 2018 May 23)\nYear: 2018\nDOI: 10.1007/s00345-018-2329-0\n\n"
     "Results: Among the 8284 participants, the prevalence of nocturia was 76.1% in women.",
     "夜尿盛行率\n出处 World J Urol. 2018 Nov;36(11):1853-1862. doi: 10.1007/s00345-018-2329-0.\n"
     "本研究收录了8284人。",
     {"2018 Nov": "supported", "8284人": "supported"}),
    ("the earlier studies a review analysed are its material, not another source",
     "Title: Cat ownership and schizophrenia: a systematic review and meta-analysis\n\nMethods: We "
     "searched databases for publications between January 1, 1980, and May 30, 2023. Results: We "
     "identified 1915 studies, ultimately resulting in the inclusion of 17 studies. The pooled OR was 2.14.",
     "一项研究发现，养猫与精神分裂症有关。\n这一观点可以追溯到1995年的一篇论文。\n"
     "但这篇论文引起争议，于是研究人员对过去44年中发表的17项研究进行了分析。",
     {"17项": "supported", "44年": "supported"}),
    ("an association's estimate and a place's one-in-N prevalence are background",
     "Methods: We followed 1200 adults for 10 years. Results: Hot drinks were associated with cancer (HR 1.41).",
     "研究人员随访了1200名成年人。美国癌症协会预估，2019年美国将出现1.7万名食道癌患者。"
     "本港65岁或以上长者，每7人便有1人患肌少症。",
     {"1200名": "supported", "1.7万名": "unattributed", "7人": "unattributed"}),
    ("a share in brackets after the paper's count is recomputed from the sample: within rounding "
     "supported, misrounded a mismatch",
     "Methods: We conducted a prospective analysis of 472,377 participants. Participants were categorised "
     "into regular meat-eaters (n = 247,571), low meat-eaters (n = 205,385), fish-eaters (n = 10,696), and "
     "vegetarians (n = 8685).",
     "247571人(52%)每周吃肉超过五次，205385人(44%)每周吃肉五次或更少，8685名参与者(2%)吃素。",
     {"52%": "supported", "44%": "mismatch", "2%": "supported"}),
    ("a day of the year with no year is the paper's day of publication when the header gives it",
     "Title: Emollients to prevent eczema\nJournal: JAMA Dermatology (JAMA Dermatol. 2025 Jul 23)\n"
     "Year: 2025\n\nResults: Of 1247 infants, 152 developed eczema.",
     "7月23日，该研究发表于《美国医学会皮肤病学杂志》。研究纳入1247名婴儿。",
     {"7月23日": "supported", "1247名": "supported"}),
    ("the databases a review searched are counted in their own unit",
     "Methods: We searched 10 databases, including PubMed and Embase, and included 43 studies with "
     "436 records. Results: The pooled prevalence of pain was 71%.",
     "研究人员对来自包含PubMed等10个数据库的43项研究进行了系统分析。",
     {"10个数据库": "supported", "43项": "supported"}),
    ("another journal's paper named in 「」 and in Taiwan's name for the Lancet is another source",
     "Title: Influenza vaccination and cardiovascular events\nJournal: JAMA Network Open\nYear: 2024\n\n"
     "Results: Among 3227 participants, influenza vaccine was associated with a lower risk of cardiovascular "
     "events (RR 0.66).",
     "一项发表于《JAMA Network Open》的研究纳入3227名患者。\n"
     "医师提到，在2022年发表于「刺胳针公共卫生(Lancet Public Health)」的论文，分析了4141209位成人，风险下降22.5%。",
     {"3227名": "supported", "22.5%": "unattributed"}),
    ("a count of times under the 每天 its clause opens with is a frequency a day (twice daily)",
     "Results: Of 945 participants, 43% used mouthwash at least once daily and 22% at least twice daily.",
     "研究人员表示，每天至少使用漱口水两次会破坏口腔细菌。",
     {"两次": "supported"}),
]


_SESSION19 = [
    ("a range in brackets after a value it holds is that value's interval, and its end no value of its own",
     "Results: Among 2 277 712 participants, the prevalence of HUA was 13.7% (11.8%~15.7%) in people aged "
     "15~29 years old, 16.5% in 30~ (14.8%~18.4%), and 24.9% in over 70 (22.9%~27.1%).",
     "研究发现，高尿酸血症的患病率在30岁以上人群中为16.5%，到2017年攀升到了18.4%。",
     {"16.5%": "supported", "18.4%": "not_in_source"}),
    ("an interval the article quotes as the paper does, in brackets after its value with no label, is the paper's",
     "Results: Among 29 968 women, the incidence of CIN3 was 94.3% (92.6% to 95.7%) lower than in the reference cohort.",
     "研究发现，CIN3的发病率低94.3%(92.6%至95.7%)。",
     {"94.3%": "supported", "92.6%至95.7%": "supported"}),
    ("an amount the paper gives over a year, told over a month, is the paper's number misquoted",
     "Results: Among 5281 students, nearly 77% of participants consumed milk tea at least 6-11 cups in the last year.",
     "研究发现，77%的大学生每月饮用6-11杯奶茶。",
     {"6-11杯": "mismatch"}),
    ("the same amount over the paper's own period is the paper's",
     "Results: Among 5281 students, nearly 77% of participants consumed milk tea at least 6-11 cups in the last year.",
     "研究发现，77%的大学生每年饮用6-11杯奶茶。",
     {"6-11杯": "supported"}),
    ("a mean age written 'mean ± SD age … y' is an age; a range more precise than the paper's is within its rounding",
     "Results: The mean ± SD age of 482425 participants was 51.2 ± 10.5 y. Moderate tea drinkers had a 16-19% "
     "lower hazard of dementia.",
     "研究纳入482425名成年人,平均年龄为51.2岁。喝茶者患痴呆的风险降低了16.3%~19.1%。",
     {"51.2岁": "supported", "16.3%~19.1%": "supported"}),
    ("PubMed's citation line after a header gives the issue's day",
     "Title: Serum lycopene and stroke\nJournal: Neurology\nYear: 2012\n\nNeurology. 2012 Oct 9;79(15):1540-7.\n\n"
     "Results: Among 1031 men, high lycopene lowered the risk of stroke (RR 0.45).",
     "研究结果刊登在2012年10月9日《神经病学》杂志。研究纳入1031名男性。",
     {"2012年10月9日": "supported", "1031名": "supported"}),
    ("a difference in percentage points a traditional page works out is recomputed as a simplified one's is",
     "Results: The 5- and 9-year OS was greater in the DBT group (98.4% and 96.8%) compared with the DM group "
     "(95.0% and 90.4%) among 4210 women.",
     "5年存活率顯示，3D乳攝達到98.4%，比2D的95.0%高出3.4個百分點；9年存活率則為96.8%，比2D的90.4%整整高出6.4個百分點。",
     {"3.4個百分點": "supported", "6.4個百分點": "supported"}),
]


_SESSION20 = [
    ("a day of the month alone before a word of reporting is the report's day, not the study's",
     "Title: Snoring and chronic bronchitis\nJournal: Respiratory Research\nYear: 2011\n\n"
     "Results: Among 4270 adults, habitual snorers had a higher risk of chronic bronchitis (RR 1.68).",
     "法新社28日報道,這項研究由韓國高麗大學的研究人員主持。研究人員對4270人展開調查。",
     {"28日": "unattributed", "4270人": "supported"}),
    ("a day alone that is the paper's day of publication is the paper's",
     "Title: Sleep habits and susceptibility to the common cold\nJournal: Arch Intern Med\n"
     "Arch Intern Med. 2009 Jan 12;169(1):62-7.\n\n"
     "Results: Among 153 healthy volunteers, participants with less than 7 hours of sleep were 2.94 times more "
     "likely to develop a cold.",
     "美國研究人員12日說, 每天睡眠不足7小時的人患感冒的可能性是其他人的2.94倍。",
     {"12日": "supported", "7小時": "supported"}),
    ("a page's own date (a line of its own, a weekday after it, 时间: before it) is no claim about the study",
     "Title: Tea and dementia\nJournal: BMJ\nYear: 2020\n\nResults: Among 12 000 adults, tea drinkers had a "
     "lower risk of dementia.",
     "2024年10月16日\n时间:2025年07月03日 来源:BMJ\n2025年6月13日星期五(每日健康新聞)——研究纳入12000名成年人。",
     {"2024年10月16日": "unattributed", "2025年07月03日": "unattributed", "2025年6月13日": "unattributed"}),
    ("a minus sign after 为 or in a list with 、 is the number's sign, not a name's hyphen",
     "Results: Among 197 adults, VAT changed by -4% (early TRE), -6% (late TRE) and -3% (self-selected TRE).",
     "各组的内脏脂肪变化分别为−4%、−6%、−3%。",
     {"−4%": "supported", "−6%": "supported", "−3%": "supported"}),
    ("a difference told as 'N fewer days' carries the unit after it",
     "Results: Among 401 patients, those in the acupuncture group experienced the equivalent of 22 fewer days of "
     "headache per year (8 to 38).",
     "此外，针灸组全年的头痛天数平均减少二十二天。",
     {"二十二天": "supported"}),
    ("an age told as 'the median [interquartile range] age … was' is an age",
     "Results: Among 460 544 participants, the median [interquartile range] age at study enrollment was 58 [51-64] "
     "years; Lp(a) was associated with atherosclerotic cardiovascular disease.",
     "研究团队利用460,544名受试者的数据(中位年龄58岁)。",
     {"58岁": "supported"}),
    ("'N or more <noun>' gives the number its unit and its bound; 'less than one glass' is a number",
     "Results: Among 61 433 women, those who drank three or more glasses of milk a day had a higher mortality "
     "(HR 1.93) than women who drank less than one glass a day.",
     "研究顯示,婦女1天喝3杯以上牛奶,死亡率是1天喝不到1杯者的將近2倍。",
     {"3杯": "supported", "1杯": "supported"}),
    ("a count in words before 'of N' is a count ('Eleven of 20 recipients')",
     "Results: Twenty women received a uterus transplant. Eleven of 20 recipients had at least 1 complication.",
     "研究发现，11名接受者至少出现了一次并发症。",
     {"11名": "supported"}),
    ("the spread of a mean age in square brackets is no age of its own",
     "Results: A total of 216 patients (mean [SD] age, 51.3 [15.2] years) were included in the analyses.",
     "最终216名年龄在18岁及以上的患者纳入分析，平均年龄51.3岁。",
     {"51.3岁": "supported", "18岁": "!mismatch"}),
    ("an interval told right after the paper's value is that value's interval: another one is misquoted",
     "Results: Among 22 811 adults, multivariable hazard ratios for all-cause and cardiovascular disease (CVD) "
     "mortality among regular consumers were 0.77 (95% confidence interval [CI]: 0.66 to 0.90) and 0.66 "
     "(95% CI: 0.50 to 0.86), respectively.",
     "研究发现，经常吃辣椒的人全因死亡风险降低了23%(HR=0.77;95%CI:0.66-0.89);另一写法为(HR=0.77;95%CI:0.66-0.90)。",
     {"95%CI:0.66-0.89": "mismatch", "95%CI:0.66-0.90": "supported"}),
    ("a ratio's label glued to its value (HR1.04) and a pair written with blanks (151.7 / 86.4) are read",
     "Results: Among 622 patients, mean blood pressure fell from 151.7/86.4 to 138.4/80.2 mm Hg in the "
     "intervention group. Aspirin did not reduce cancer incidence (HR 1.04, 95% CI 0.95 to 1.14).",
     "干预组的平均血压从151.7 / 86.4降至138.4 / 80.2 mm Hg。服用阿司匹林者的癌症发病风险没有降低(HR1.04)。",
     {"86.4": "supported", "80.2 mm Hg": "supported", "HR1.04": "supported"}),
    ("the researchers' own account of their study (我们请11名志愿者…) speaks of the study",
     "Methods: Eleven healthy middle- and older-aged adults (n = 11) sat for 8 hours in the laboratory on five "
     "separate days. Results: Walking for 5 minutes every 30 minutes lowered glucose.",
     "久坐不动增患疾风险\n一项发表在《体育和运动医学与科学》期刊上的研究发现，每隔半小时走动5分钟可以降低血糖。\n"
     "研究者介绍了他们的做法。\n我们请11名健康中、老年人志愿者在实验室坐8小时，一共5天。",
     {"11名": "supported", "8小时": "supported"}),
]


_SESSION21 = [
    ("an annual percentage change written without its % is a percent",
     "Title: Trends in overdiagnosis of thyroid cancer\nJournal: Cancer Sci\nYear: 2023\n\n"
     "Results: We used data from 13 cancer registries. The fastest growth in overdiagnosis was in Chinese men and "
     "women (annual percentage changes 6.1 and 4.6, respectively).",
     "研究发现,中国甲状腺癌过度诊断的年增长速度最快,男性和女性年均增长率分别为6.1%和4.6%。",
     {"6.1%": "supported", "4.6%": "supported"}),
    ("a marker right after a full stop is that sentence's, and opens no sentence that carries it on",
     "Title: Trends in incidence and overdiagnosis of thyroid cancer in China, Japan, and South Korea\n"
     "Journal: Cancer Sci\nYear: 2023\n\n"
     "Results: We used data from 13 cancer registries. From 1998 to 2012, both the incidence and proportions of "
     "overdiagnoses of thyroid cancer showed an increasing trend.",
     "近日,小编注意到一篇题为《Trends in incidence and overdiagnosis of thyroid cancer in China, Japan, and "
     "South Korea》的研究,分析了1998年至2012年间甲状腺癌的发病率趋势。[1]\n研究得出相关统计数据和结论:\n"
     "从1998年到2012年,中国、日本和韩国的甲状腺癌发病率都呈上升趋势。",
     {"1998年至2012年": "supported", "1998年到2012年": "supported"}),
    ("the one marker an article about one study cites throughout cites the study",
     "Title: Whole grain intake and type 2 diabetes\nJournal: J Nutr\nYear: 2018\n\n"
     "Results: Among 55 465 participants followed for 15 years, the highest whole grain intake was associated with "
     "a 34% lower risk of type 2 diabetes in men.",
     "2018年,《营养学杂志》发表了一项研究,对丹麦55465名志愿者进行了15年的随访。"
     "在全麦摄入量最高的分组中,男性2型糖尿病风险降低34%[1]。\n全麦食品应该按照相同的比例拥有胚乳[1]。",
     {"34%": "supported"}),
    ("what was believed before the study is background; a finding after 但 is not, whatever opened the sentence",
     "Title: Lung function trajectories\nJournal: Lancet Respir Med\nYear: 2025\n\n"
     "Results: Among 30 438 participants from eight cohorts, FEV1 peaked at 20 years in women and at 23 years in men.",
     "此前学术界认为,肺功能在25岁左右达到峰值后会趋于稳定。\n"
     "一般认为,肺功能在40岁前都很稳定,但近日发表的一项研究显示,男性的肺功能在23岁达到峰值。",
     {"25岁": "unattributed", "40岁": "unattributed", "23岁": "!unattributed"}),
    ("words a PDF copy glued to a number or a ratio's label are parted; a quintile's index is no value",
     "Title: Plant-Based Diets and Incident CKD\nJournal: Clin J Am Soc Nephrol\nYear: 2019\n\n"
     "Results: Analyses were conducted in a sample of 14,686middle-aged adults. Higher adherence to a healthy "
     "plant-based diet (HRcomparing quintile 5versusquintile 1 [HRQ5 versus Q1], 0.86; 95%confidence interval "
     "[95%CI], 0.78 to 0.96) was associated with a lower risk of CKD.",
     "研究人员分析了14686名中年人的数据,发现坚持健康植物性饮食的人患肾病风险要低14%。",
     {"14686名": "supported", "14%": "supported"}),
    ("an age in words joined by hyphens (three-month-old infants) is a length in months",
     "Title: Water hardness and atopic dermatitis\nJournal: J Allergy Clin Immunol\nYear: 2016\n\n"
     "Methods: We recruited 1303 three-month-old infants from the general population.",
     "这项研究选择了全英国1303名3个月大的婴儿为研究对象。",
     {"1303名": "supported", "3个月": "supported"}),
    ("the Epub day a header's Year line gives is the paper's day of publication",
     "Title: Periodontal disease and gastric adenocarcinoma\nJournal: Gut\nYear: 2021 (Epub 2020 Jul 20; "
     "Gut 70(3):620-621)\n\nResults: Among 98 459 women, periodontal disease was associated with a 52% increased "
     "risk of gastric adenocarcinoma.",
     "结果发表在Gut(在线版本,2020年7月20日)上。研究追踪了98459名女性。",
     {"2020年7月20日": "supported"}),
]


_SESSION22 = [
    ("a multiple an abstract writes as 1.08-times higher is the ratio the article's 1.08倍 tells",
     "Title: Diet soda and end stage renal disease\nJournal: Clin J Am Soc Nephrol\nYear: 2017\n\n"
     "Results: Relative to <1 glass/wk, consuming 1-4 glasses/wk and >7 glasses/wk, respectively, was associated "
     "with 1.08-times (95% CI, 0.75 to 1.55) and 1.83-times (95% CI, 1.01 to 2.52) higher risk of ESRD.",
     "与每周饮用少于1杯的人相比,每周饮用1-4杯和超过7杯的人发生ESRD的风险增加,分别为1.08倍和1.83倍。",
     {"1.08倍": "supported", "1.83倍": "supported"}),
    ("an English count with words describing its people before them counts people",
     "Title: AHSCT in secondary progressive MS\nJournal: Neurology\nYear: 2022\n\n"
     "Methods: We compared 79 AHSCT-treated patients and 1975 patients treated with other therapies.",
     "这项分析比较了79例接受移植的患者与1,975例接受标准治疗的患者。",
     {"79例": "supported", "1,975例": "supported"}),
    ("a length in words joined by a hyphen (Eight-year DFS) is that length",
     "Title: Exercise during chemotherapy\nJournal: J Clin Oncol\nYear: 2019\n\n"
     "Results: Among 301 women, Eight-year DFS was 82.7% in the exercise group and 75.6% in the usual care group.",
     "研究纳入301名女性,8年DFS分别是82.7%和75.6%。",
     {"8年": "supported"}),
    ("the sample a draft states twice is no two arms of one size",
     "Title: Sleep disturbance and semen quality\nJournal: Am J Epidemiol\nYear: 2013\n\n"
     "Methods: A cross-sectional study among 953 young men. Results: Among the 953 men, those with a high level "
     "of sleep disturbance had a 29% lower sperm concentration.",
     "科学家对1000多名20岁左右的男性的睡眠习惯进行了研究。",
     {"1000多名": "!supported"}),
]


_SLEEP_MEN = ("Title: Sleep disturbance and semen quality\nJournal: Am J Epidemiol\nYear: 2013\n\n"
              "Methods: A cross-sectional study among 953 young men. Results: Among the 953 men, those with a high "
              "level of sleep disturbance had a 29% lower sperm concentration.")
_SESSION23 = [
    ("a notice of the reading time is the page's",
     _SLEEP_MEN, "本篇文章435字,读完约1分钟\n一项研究纳入953名年轻男性,睡眠障碍者精子浓度低29%。",
     {"435": "unattributed", "1分钟": "unattributed", "953名": "supported", "29%": "supported"}),
    ("the date a stored copy heads a page with is the page's",
     _SLEEP_MEN, " date 2025-12-15 研究显示，睡眠障碍的男性精子浓度低29%。\n一项研究纳入953名年轻男性。",
     {"2025-12-15": "unattributed", "29%": "supported", "953名": "supported"}),
    ("a forum's counters on a line of their own are the page's; 有数据显示 and 根据…中心, give background",
     _SLEEP_MEN, "一项研究纳入953名年轻男性,睡眠障碍者精子浓度低29%。\n签到天数: 617 天 连续签到: 1 天 [LV.9]签到八年\n"
                 "支持 0 反对 0 举报 2021-04-06 08:23\n有数据显示2018年我国饮料的全年零售额超过2000亿元。"
                 "根据疾病控制及预防中心,2016年14个生育的妇女之中,就有1个在怀孕期间吸烟。",
     {"953名": "supported", "617 天": "unattributed", "2021-04-06": "unattributed", "2000亿元": "unattributed",
      "14个": "unattributed"}),
    ("earlier research named as the view the study contradicts, then the study's finding: its numbers are "
     "the study's",
     "Title: BMI and dementia risk\nJournal: Lancet Diabetes Endocrinol\nYear: 2015\n\n"
     "Methods: 1 958 191 people aged 40-60 years were followed for 15 years. Results: Being underweight in "
     "middle age was associated with a 34% higher risk of dementia.",
     "有悖于既往研究认为的中年肥胖会增加老年痴呆风险的观点,研究人员发现:40-60岁时过瘦的人,15年后痴呆风险高34%。"
     "既往研究认为中年肥胖会使痴呆风险增加60%。",
     {"40-60岁": "supported", "15年": "supported", "34%": "supported", "60%": "unattributed"}),
    ("a sample told as involving (涉及) the study's people, one digit off its size, is the sample misquoted",
     "Title: Handheld screen time and expressive speech delay\nJournal: Pediatrics\nYear: 2019\n\n"
     "Methods: The study sample included 893 children aged 6 months to 2 years. Results: Each 30-minute "
     "increase in daily handheld device use was associated with expressive speech delay (OR 2.33).",
     "科学家依靠一项涉及894名6个月至2岁儿童的实验。",
     {"894名": "mismatch"}),
    ("a length whose unit follows the words of a follow-up ('26.4 median follow-up years') is that length",
     "Title: Smoking cessation and CVD\nJournal: JAMA\nYear: 2019\n\nResults: The study population included 8770 "
     "participants with a mean age of 42.2 years. There were 2371 heavy ever smokers (406 [17%] former and 1965 "
     "[83%] current). Over 26.4 median follow-up years, 2435 first CVD events occurred (1095 in heavy smokers).",
     "这项研究纳入8770名参与者。中位随访26.4年后,共有2435例参与者发生CVD事件,其中重度吸烟者1095例。",
     {"26.4年": "supported"}),
    ("one in nine in an abstract is the share an article's 九分之一 tells",
     "Title: ADHD and life expectancy\nJournal: Br J Psychiatry\nYear: 2025\n\n"
     "Results: We compared 30 029 adults with ADHD with 300 390 matched adults. Diagnosed adults are ~1 in 9 of "
     "all adults with ADHD. One in five had a comorbid anxiety disorder.",
     "研究纳入30,029名确诊ADHD的成年人。不到九分之一的ADHD成人得到了诊断。五分之一的人同时患有焦虑症。",
     {"九分之一": "supported", "五分之一": "supported"}),
    ("twenty-odd (20多岁) is an age a mean age supports, no bound on who was studied; a spread in brackets "
     "after a mean is told as one",
     "Title: Self-harm in adolescence\nJournal: Lancet\nYear: 2012\n\n"
     "Methods: 1943 adolescents were assessed at seven waves, ending at mean age 29.0 years (SD 0.59). "
     "Results: Among 857 physician suicides, mean age was 59.8 years (SD 15.3).",
     "研究调查了1943名青少年,直到他们进入20多岁。医生中共有857例自杀(平均[SD]年龄为59.8[15.3])。",
     {"20多岁": "supported", "15.3": "supported"}),
    ("an organisation's data are background",
     _SLEEP_MEN, "一项研究纳入953名年轻男性,睡眠障碍者精子浓度低29%。根据全国精神疾病联盟的数据,美国18.1%的成年人患有焦虑症。"
                 "美国国立卫生院提供的数据显示,约43%的美国成年男女会服用补充剂。",
     {"953名": "supported", "18.1%": "unattributed", "43%": "unattributed"}),
    ("a fraction told nearly (近1/3) for 31% is the paper's, no transposed digits",
     "Title: Circulating vitamin D and colorectal cancer\nJournal: J Natl Cancer Inst\nYear: 2019\n\n"
     "Results: Among 5706 cases, deficient vitamin D was associated with a 31% higher colorectal cancer risk "
     "(RR = 1.31, 95% CI = 1.05 to 1.62).",
     "这项研究纳入5706例病例。缺乏维生素D会将结直肠癌的风险增加近1/3。",
     {"1/3": "supported"}),
    ("a mean age to the half year rounds up to the paper's whole years",
     "Title: Bowel movement frequency and cognition\nJournal: Gut Microbes\nYear: 2023\n\n"
     "Methods: We followed 112 753 women and men. Mean age at assessment was 76 years in NHS and 75 years in HPFS.",
     "这项研究纳入112753名参与者。在评估时,NHS人群的平均年龄为75.7岁,HPFS为74.5岁。",
     {"75.7岁": "supported", "74.5岁": "supported"}),
    ("a median age with no years after it is an age, and a count before a word for people counts them",
     "Title: Atopic eczema and cardiovascular disease\nJournal: BMJ\nYear: 2018\n\n"
     "Results: 387 439 patients with atopic eczema were matched to 1 528 477 patients without atopic eczema. "
     "The median age was 43 at cohort entry and 66% were female.",
     "研究人员分析了数据超过385000成年人(平均年龄43岁)和湿疹。",
     {"385000成年人": "supported", "43岁": "supported"}),
    ("an age the population is bounded by is no mean age written with its decimal zero (75.0)",
     "Title: Antibiotic use and dementia\nJournal: Neurology\nYear: 2025\n\n"
     "Results: We documented 461 dementia cases among 13,571 participants (mean age ± SD 75.0 ± 4.1 years, "
     "54.3% female).",
     "这项研究涉及13,571名70岁以上的健康人。",
     {"13,571名": "supported", "70岁": "!supported"}),
    ("a spread in brackets (SD = 1.7) is no value an article's count can be",
     "Title: Anxiety and dementia\nJournal: J Am Geriatr Soc\nYear: 2024\n\n"
     "Results: Among 2132 participants, chronic anxiety was associated with all-cause dementia (HR 2.80) with an "
     "average time to dementia diagnosis of 10 years (SD = 1.7).",
     "这项研究调查了2,132名参与者。每个人报告了两次焦虑水平。",
     {"2,132名": "supported", "两次": "!supported"}),
]


_BLIND_PART_RULES = (_SESSION16 + _SESSION17 + _SESSION18 + _SESSION19 + _SESSION20 + _SESSION21 + _SESSION22
                     + _SESSION23)


@pytest.mark.parametrize("abstract, article, expected", [c[1:] for c in _BLIND_PART_RULES],
                         ids=[c[0] for c in _BLIND_PART_RULES])
def test_a_reading_rule_found_on_a_blind_part(abstract, article, expected):
    """The sixteenth to nineteenth sessions' rules, each found on a blind part's first run."""
    assert_draft_verdicts(abstract, article, expected)


def test_a_ratio_read_backwards_prints_the_change_it_means():
    """FC116, as statcheck prints the recomputed value: HR 1.06 told as 降低6% is 6% higher."""
    abstract = ("Results: For all-cause mortality, hazard ratios for higher occupational physical "
                "activity were 1.06 (0.96-1.16) and 1.27 (1.05-1.54), respectively.")
    for lang, means in (("zh", "即升高6%"), ("en", "6% higher")):
        rep = draft_report(abstract, "研究发现，全因死亡风险分别降低6%和27%。", lang)
        v = [v for c in rep.claims for v in c.mention_verdicts]
        assert [x.rule for x in v] == ["FC116", "FC116"]
        assert means in v[0].note


def test_a_source_of_data_is_background():
    """根据2021年的数据: where the data come from, a source of statistics, not the study; 根据该研究的数据
    is the study's."""
    from factcheck.judge.attribution import general_cue

    assert general_cue("根据 2021 年的数据")
    assert general_cue("据世卫组织的数据")
    assert not general_cue("根据该研究的数据")
    assert not general_cue("根据 2021 年的数据，研究人员发现")


@pytest.mark.parametrize("part, doc, paper, line, surface", [
    ("test92", "iz-02", "schmidt2018-diclofenac-cardiovascular", 1, "2018-09-30"),   # 发布时间:2018-09-30 17:35 原文链接:
    ("test92", "je-01", "hagman2025-pediatric-obesity-ms", 3, "2025-02-09"),  # …英语2025-02-09 05:00:00 - 阅读时长2分钟
])
def test_a_pages_labelled_time_and_a_stamp_lines_later_sentence_are_the_pages(part, doc, paper, line, surface):
    """On the real pages that showed them (blind part test92): a labelled time of posting opening
    a line, and the time stamp in a later sentence of a short stamp line, are the page's numbers."""
    from factcheck.core.config import Config
    from factcheck.ingest.reader import read_article
    from factcheck.papers.summaries import Store
    from factcheck.papers.summarize import draft_summary
    from factcheck.pipeline import check

    root = Path(__file__).resolve().parents[1] / "corpus" / "real" / part
    abstract = root / "abstracts" / f"{paper}.txt"
    s = draft_summary(abstract.read_text(encoding="utf-8"), source=str(abstract))
    store = Store()
    store.add(s)
    rep = check(read_article(str(root / "articles" / f"{doc}.txt")), store, Config(), papers=[s.id])
    assert verdict_of(rep, surface, line)[0] == "unattributed"
