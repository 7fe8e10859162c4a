"""Descriptive numbers an abstract states in passing (follow-ups, ages, doses, schedules) support
the same numbers in an article, whatever sentence they stand in; they never make a mismatch."""

from conftest import draft_verdicts

from factcheck.papers.abstract_en import stated_quantities
from factcheck.papers.summarize import draft_summary


def _pairs(text):
    return {(str(v.value), v.unit) for v in stated_quantities(text)}


def test_lengths_time_points_and_lists():
    got = _pairs("Coprimary endpoints were changes from baseline to weeks 4 and 12. Cessation fewer than "
                 "3, 3 to 9, or 10 or more years earlier. A 28-day follow-up.")
    assert {("4.0", "week"), ("12.0", "week"), ("3.0", "year"), ("9.0", "year"), ("10.0", "year"),
            ("28.0", "day")} <= got


def test_ages_are_ages_not_lengths():
    got = _pairs("Women aged 40-65 years were enrolled.")
    assert ("[40.0, 65.0]", "age") in got
    assert not any(u == "year" for _v, u in got)


def test_doses_and_schedules():
    got = _pairs("Participants received two doses; at least one dose; once weekly injection; "
                 "seven or more moderate to severe hot flushes per day; once-daily placebo.")
    assert {("2.0", "dose_unit"), ("1.0", "dose_unit"), ("1.0", "per_week"), ("7.0", "per_day"),
            ("1.0", "per_day")} <= got


def test_abbreviation_whose_long_form_is_a_length():
    got = _pairs("Risk by years since quitting (YSQ): 39.1% lower within five YSQ.")
    assert ("5.0", "year") in got


def test_no_numbers_no_statements():
    assert stated_quantities("Smoking was associated with lung cancer.") == []


ABSTRACT = """Title: A trial of drug X for hot flushes
Journal: Test Journal
Year: 2024

Methods: Women aged 40-65 years with seven or more hot flushes per day were randomly assigned to drug X
or placebo, once daily, for 12 weeks. Coprimary endpoints were changes at weeks 4 and 12.
Results: 527 women were randomised. Drug X reduced the frequency of hot flushes by 2.6 per day more than placebo.
"""


def _verdicts(article_text):
    return draft_verdicts(ABSTRACT, article_text)      # against the hot-flush trial above


def test_article_lengths_and_schedules_are_the_papers():
    got = _verdicts("一项随机试验纳入527名女性。研究的主要终点是第4周和第12周潮热频率的变化。受试者每天服药一次。")
    assert got.get("4周") == "supported"
    assert got.get("527名") == "supported"


def test_a_length_the_abstract_never_states_stays_not_in_source():
    got = _verdicts("一项随机试验纳入527名女性。研究的主要终点是第8周潮热频率的变化。")
    assert got.get("8周") == "not_in_source"


def test_a_count_the_abstract_states_is_never_a_mismatch_of_the_sample_size():
    abstract = """Title: Smoking and lung cancer in a cohort
Journal: Test Journal
Year: 2018

We analysed data from 8907 participants. On follow-up, 284 lung cancers were detected."""
    got = draft_verdicts(abstract, "一项研究分析了8907名参与者。共284人被诊断出肺癌。")
    assert got["284人"] == "supported"


def test_gao_da_is_a_bound_not_a_rise():
    from factcheck.judge.match import change_of
    from factcheck.text.numbers import extract

    text = "重度吸烟者占比高达93%，风险高80%。"
    ms = extract(text)
    by = {m.surface: m for m in ms}
    assert change_of(text, by["93%"], 0) is None
    assert change_of(text, by["80%"], 0) == "up"


def test_abbreviation_defined_in_the_background_counts_in_the_results():
    abstract = """Title: Smoking cessation and lung cancer
Journal: Test Journal
Year: 2018

Background: Risk decreases with years since quitting (YSQ).
Results: Former smokers had 39.1% lower risk within five YSQ."""
    assert ("5.0", "year") in {(str(v.value), v.unit) for v in draft_summary(abstract, source="t").stated}


def test_two_cohorts_told_as_one_total():
    abstract = """Title: A metabolite and cardiovascular risk in two cohorts
Journal: Test Journal
Year: 2024

Methods: We studied a US validation cohort (n = 2149) and a European validation cohort (n = 1157)."""
    got = draft_verdicts(abstract, "这项研究分析了3306人的血液样本。研究共纳入3400人。")
    assert got["3306人"] == "supported"
    assert got["3400人"] != "supported"


SSB = """Title: Sugar-sweetened beverages and oral cancer
Journal: Test Journal
Year: 2025

Exposure: SSB intake, ranging from less than 1 SSB monthly to 1 or more SSBs daily.
Results: Participants consuming 1 or more SSB daily had a 4.87 times (95% CI, 2.47-9.60 times) higher risk of
oral cancer compared with those consuming less than 1 SSB per month."""


def test_a_count_under_meitian_is_a_daily_frequency_and_a_loose_multiple_is_read_loosely():
    got = draft_verdicts(SSB, "研究发现，每天喝一罐含糖饮料，口腔癌风险增加5倍。")
    assert got["一罐"] == "supported"
    assert got["5倍"] == "supported"            # 4.87 times higher, read as the abstract writes it
    got = draft_verdicts(SSB, "研究发现，每天喝三罐含糖饮料，口腔癌风险增加9倍。")
    assert got["三罐"] != "supported" and got["9倍"] != "supported"


def test_a_bound_on_the_other_side_of_the_papers_is_a_mismatch():
    abstract = """Title: Smoking cessation and lung cancer
Journal: Test Journal
Year: 2018

Background: Lung cancer risk decreases with years since quitting (YSQ).
Results: Former smokers had 39.1% lower lung cancer risk within five YSQ."""
    assert draft_verdicts(abstract, "研究发现，戒烟超过5年，肺癌风险降低39%。")["5年"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，戒烟5年内，肺癌风险降低39%。")["5年"] == "supported"


def test_percentage_points_between_two_stated_rates_are_recomputed():
    abstract = """Title: Drug X for weight loss
Journal: Test Journal
Year: 2025

Results: The mean percent change in body weight was -20.2% with drug X and -13.7% with drug Y."""
    assert draft_verdicts(abstract, "研究显示，两组体重降幅相差6.5个百分点。")["6.5个百分点"] == "supported"
    assert draft_verdicts(abstract, "研究显示，两组体重降幅相差8.5个百分点。")["8.5个百分点"] != "supported"


def test_the_one_ratio_of_a_draft_holds_the_articles_relative_risk():
    abstract = """Title: Xylitol and cardiovascular risk
Journal: Test Journal
Year: 2024

Results: In a validation cohort (n = 2149), the highest xylitol tertile had higher risk of major adverse cardiovascular
events (adjusted HR 1.57, 95% CI 1.12-2.21)."""
    assert draft_verdicts(abstract, "研究发现，木糖醇水平最高的人群，心血管疾病风险比最低的人群高出近一倍。")["一倍"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，木糖醇水平最高的人群，心血管疾病风险高出57%。")["57%"] == "supported"


def test_a_prose_count_the_abstract_states_is_supported_others_are_not_in_it():
    abstract = """Title: Screen time and development
Journal: Test Journal
Year: 2023

Results: Screen time was associated with delays in two domains at age 4 (n = 7097)."""
    got = draft_verdicts(abstract, "研究发现，屏幕时间与4岁时两项发育领域的迟缓有关。研究还发现了三个其他问题。")
    assert got.get("两项") == "supported"
    # (in an article about one drafted paper a prose count is a claim like any other: one the
    # abstract does not state is not in it, never supported by some other 3 of the abstract)
    assert got.get("三个") == "not_in_source"


def test_distances_in_miles_and_kilometres():
    from factcheck.text.numbers import extract

    assert [(m.value, m.unit) for m in extract("居住在一英里范围内，5公里以外")] == [(1, "mile"), (5, "km")]
    abstract = """Title: Golf courses and Parkinson disease
Journal: Test Journal
Year: 2025

Results: Living within 1 mile of a golf course was associated with higher odds (OR 2.26) than living more than
6 miles away."""
    got = draft_verdicts(abstract, "一项新研究发现，居住在高尔夫球场一英里范围内的人比居住在六英里以外的人患帕金森病的风险更高。")
    assert got["一英里"] == "supported" and got["六英里"] == "supported"


def test_a_standard_deviation_is_not_a_stated_length():
    got = _pairs("89573 participants (62±8 years of age) wore it for 1 week; mean age 43.0 (SD 9.9 years).")
    assert ("1.0", "week") in got
    assert not any(v in ("8.0", "9.0", "9.9") for v, _u in got)


def test_a_fractional_multiple_is_read_as_the_abstract_writes_it():
    abstract = """Title: Tooth loss and cognitive impairment: a meta-analysis
Journal: Test Journal
Year: 2021

Results: Participants with more tooth loss had a 1.48 times higher risk of cognitive impairment (RR 1.48, 95% CI
1.18-1.85)."""
    assert draft_verdicts(abstract, "这项荟萃分析发现，牙齿脱落较多的人认知障碍风险高出1.48倍。")["1.48倍"] == "supported"


def test_group_details_the_abstract_does_not_give_are_not_mismatches_of_its_total():
    abstract = """Title: Social activity and survival in older adults
Journal: Test Journal
Year: 2023

Results: Among 28563 participants, a total of 21161 (74.1%) died during follow-up."""
    got = draft_verdicts(abstract, "一项研究发现，各组的全因死亡率分别为7.4%、9.0%和17.2%。研究团队共有22位研究人员。")
    assert got["7.4%"] == got["9.0%"] == got["17.2%"] == "not_in_source"
    assert got.get("22位") != "mismatch"


def test_a_range_the_abstract_writes_and_a_time_ratio():
    abstract = """Title: Dapagliflozin in chronic kidney disease
Journal: Test Journal
Year: 2020

Methods: Adults with an eGFR of 25 to 75 ml per minute per 1.73 m2 were randomly assigned to dapagliflozin or
placebo (hazard ratio for the primary outcome 0.61, 95% CI 0.51 to 0.72)."""
    got = draft_verdicts(abstract, "一项随机试验纳入eGFR为25-75的成人。")
    assert got["25-75"] == "supported"
    got = draft_verdicts(abstract, "一项随机试验纳入eGFR为30-60的成人。")
    assert got["30-60"] != "supported"
    assert ("[0.51, 0.72]", "range") not in _pairs(abstract)      # a confidence interval is no stated range


# --- the trial's design as abstracts write it: allocation ratio, arms, every P value --------------

_TRIAL = ("Methods: We randomly assigned, in a 2:1 ratio, 300 adults to receive drug A (10 mg once daily) "
          "or placebo for 12 months. Results: The score was 11% lower with drug A than with placebo at "
          "3 months (P=0.01), 14% lower at 6 months (P<0.001), and 20% lower at 9 months (P<0.001).")


def test_allocation_ratio_arms_and_p_values_are_stated():
    got = _pairs(_TRIAL)
    assert ("2.0", "allocation") in got
    assert ("2.0", "count") in got                      # two arms: A or placebo
    assert {("0.01", "p"), ("0.001", "p")} <= got


def test_arms_from_a_list_and_from_a_three_part_ratio():
    assert ("3.0", "count") in _pairs("Women were randomly assigned to placebo, drug B 30 mg, or drug B 45 mg.")
    assert ("3.0", "count") in _pairs("Adults were randomly assigned (1:1:1) to 10 mg, 15 mg, or placebo.")
    # a described arm is one arm: ", at a dose of 150 mg per day," belongs to aspirin
    assert ("2.0", "count") in _pairs("We randomly assigned 1776 women to receive aspirin, at a dose of "
                                      "150 mg per day, or placebo.")
    assert not any(u == "count" for _v, u in _pairs("We randomly assigned 300 adults to drug A."))


def test_article_allocation_arms_and_p_values_supported_by_the_draft():
    v = draft_verdicts(_TRIAL, "研究人员按2:1的比例将300名成人随机分为两组。第6个月评分低14%(P<0.001)，"
                               "第9个月低20%(P<0.001)。")
    assert v["2:1"] == "supported"
    assert v["两组"] == "supported"
    assert v["P<0.001"] == "supported"


def test_a_p_value_the_abstract_never_writes_is_not_supported():
    v = draft_verdicts(_TRIAL, "研究人员将300名成人随机分组，第6个月评分低14%(P=0.003)。")
    assert v["P=0.003"] != "supported"
    v = draft_verdicts(_TRIAL, "研究人员按1:1的比例将300名成人随机分组。")
    assert v["1:1"] != "supported"


def test_a_length_converted_and_written_with_another_unit_is_a_mismatch():
    abstract = ("Methods: We conducted a 68-week, double-blind, randomized, placebo-controlled trial. "
                "Results: The mean change in body weight from baseline to week 68 was -13.7% with drug A "
                "and -3.2% with placebo (P<0.001).")
    v = draft_verdicts(abstract, "该试验中，患者接受药物A治疗15.6周。")
    assert v["15.6周"] == "mismatch"                  # 68 weeks = 15.6 months, written as weeks
    v = draft_verdicts(abstract, "该试验中，患者接受药物A治疗15.6个月。")
    assert v["15.6个月"] != "mismatch"


def test_ages_defining_the_population_in_the_background():
    abstract = ("Background: Cancer burden among adolescents and young adults aged 15-39 years has increased. "
                "An earlier survey found 2.5 million cases. Methods: We obtained incidence data from 185 countries. "
                "Findings: Incidence rose in most countries.")
    got = {(str(v.value), v.unit) for v in draft_summary(abstract, source="x").stated}
    assert ("[15.0, 39.0]", "age") in got
    assert not any(v == "2.5" for v, _u in got)      # the Background's other numbers are not the study's


def test_schedules_with_a_slash_or_a_bracket():
    got = _pairs("in the not weekly but at least once/month group; the hazard ratio for one drink (12 g) per day")
    assert {("1.0", "per_month"), ("1.0", "per_day")} <= got


def test_a_proportion_written_as_a_decimal_supports_its_percent():
    abstract = ("Methods: Eight cohort studies were included. Results: Each additional tooth loss was associated "
                "with a 0.014 increased relative risk of cognitive impairment and 0.011 elevated relative risks "
                "of dementia. Participants with more tooth loss had a 1.48 times higher risk (RR 1.48).")
    v = draft_verdicts(abstract, "研究发现，每多掉一颗牙，认知障碍的风险就会增加1.4%，痴呆的风险就会增加1.1%。")
    assert v["1.4%"] == "supported" and v["1.1%"] == "supported"
    v = draft_verdicts(abstract, "研究发现，每多掉一颗牙，认知障碍的风险就会增加4.8%。")
    assert v["4.8%"] != "supported"          # a hazard-like 1.48 is not a share of 4.8%


def test_a_schedule_with_hyphenated_words():
    assert ("7.0", "per_day") in _pairs("an average of seven or more moderate-to-severe hot flashes per day")


def test_a_chinese_abstract_states_its_lengths_and_ages():
    abstract = ("目的\n确定前2年体重减轻的卫生专业人员在12个月内的后续癌症诊断率。\n"
                "设计、设置和参与者\n对40岁及以上的女性进行前瞻性队列分析。\n"
                "结果\n在157474名参与者中，确定了15809例新发癌症病例。")
    got = {(str(v.value), v.unit) for v in draft_summary(abstract, source="x").stated}
    assert {("2.0", "year"), ("12.0", "month")} <= got or {("2", "year"), ("12", "month")} <= got
    v = draft_verdicts(abstract, "研究表明，过去2年内体重明显减轻的人在随后的12个月内罹患癌症的风险更高。")
    assert v["2年"] == "supported" and v["12个月"] == "supported"


_SHARES = ("Methods: We collected data from 750 locations in 43 countries. Findings: Globally, 5083173 deaths "
           "(95% empirical CI [eCI] 4087967–5965520) were associated with non-optimal temperatures per year, "
           "accounting for 9.43% (95% eCI 7.58–11.07) of all deaths, 8.52% cold-related and 0.91% heat-related.")


def test_the_level_of_an_empirical_interval_is_not_a_value():
    s = draft_summary(_SHARES, source="x")
    assert not any(v.value == 95.0 for f in s.findings for v in f.values)


def test_a_change_is_not_a_misquote_of_a_level():
    v = draft_verdicts(_SHARES, "研究发现，全球低温和高温相关超额死亡占比分别下降0.51%和升高0.21%。")
    assert v["0.51%"] != "mismatch" and v["0.21%"] != "mismatch"
    v = draft_verdicts(_SHARES, "研究发现，与高温相关的死亡占全部死亡的0.95%。")
    assert v["0.95%"] != "supported"


def test_a_multiplier_held_to_the_one_ratio_when_the_risk_is_named_in_the_clause_before():
    abstract = ("Methods: A total of 304 patients were enrolled. Results: Patients in whom microplastics were "
                "detected were at higher risk for a primary end-point event (hazard ratio, 4.53; 95% CI, 2.00 to 10.27).")
    v = draft_verdicts(abstract, "研究发现，含有微塑料的人发生心脏病的可能性，是没有微塑料的人的两倍。")
    assert v["两倍"] == "mismatch"
    v = draft_verdicts(abstract, "研究发现，含有微塑料的人发生心脏病的可能性，是没有微塑料的人的4.5倍。")
    assert v["4.5倍"] == "supported"


def test_a_range_spanning_two_estimates_of_one_finding():
    abstract = ("Methods: We followed 194 095 participants. Results: There was a 23% higher risk of kidney stones "
                "in the highest category of sugar-sweetened cola compared with the lowest, and a 33% higher risk "
                "for sugar-sweetened noncola.")
    v = draft_verdicts(abstract, "研究发现，每天喝含糖饮料的人，肾结石风险增加23%至33%。")
    assert v["23%至33%"] == "supported"
    v = draft_verdicts(abstract, "研究发现，每天喝含糖饮料的人，肾结石风险增加23%至43%。")
    assert v["23%至43%"] != "supported"


def test_a_ratio_named_in_the_sentence_before_carries_into_a_list_of_bare_estimates():
    abstract = ("Methods: We pooled 8 randomised trials. Results: Folic acid reduced the risk of stroke by 18% "
                "(RR 0.82, 95% CI 0.68-1.00; p=0.045). In the stratified analyses, a greater beneficial effect was "
                "seen in trials longer than 36 months (0.71, 0.57-0.87; p=0.001) or in trials of people with no "
                "history of stroke (0.75, 0.62-0.91; p=0.004).")
    s = draft_summary(abstract, source="x")
    kinds = {v.value: v.kind for f in s.findings for v in f.values if isinstance(v.value, float)}
    assert kinds[0.71] == "ratio" and kinds[0.75] == "ratio"
    v = draft_verdicts(abstract, "研究发现，一级预防可使脑卒中风险降低25%，服用叶酸超过3年可降低29%。")
    assert v["25%"] == "supported" and v["29%"] == "supported"
    # "or" is a word, not an odds ratio: a sentence with one names no measure of its own
    s = draft_summary("Results: Risk fell (HR 0.80, 0.70-0.90). Mean weight was 70 or 72 kg (2.1, 1.0-3.2).", source="x")
    assert not any(v.kind == "ratio" and v.value == 2.1 for f in s.findings for v in f.values)


def test_ages_counted_in_months():
    got = _pairs("At age 144 months, peanut allergy remained rare. Infants aged 4 to 11 months were enrolled.")
    assert {("144.0", "month"), ("12.0", "age"), ("[4.0, 11.0]", "month")} <= got
    assert ("144.0", "age") not in got and ("[4.0, 11.0]", "age") not in got   # not years


def test_the_level_of_plural_intervals_is_not_a_value():
    s = draft_summary("Methods: Cox models were used to estimate HRs and 95% CIs in 99 000 adults. Results: Strength "
                      "training was associated with 10% lower mortality (HR 0.90, 95% CI 0.85-0.95).", source="x")
    assert not any(v.value == 95.0 for f in s.findings for v in f.values)


def test_mortality_rate_ratios_are_ratios_and_a_bare_decimal_is_held_to_them():
    abstract = ("Methods: We followed up 1 920 000 individuals, including 32 061 with ADHD. Findings: The mortality "
                "rate per 10 000 person-years was 5.85 among individuals with ADHD compared with 2.21 in those without "
                "(corresponding to a fully adjusted MRR of 2.07, 95% CI 1.70-2.50; p<0.0001). The MRR was 2.85 "
                "(95% CI 1.56-4.71) in females and 1.27 (0.89-1.76) in males.")
    s = draft_summary(abstract, source="x")
    assert {v.value for f in s.findings for v in f.values if v.kind == "ratio"} >= {2.07, 2.85, 1.27}
    v = draft_verdicts(abstract, "研究发现，女性患者的死亡风险远大于男性(2.85与1.27)。")
    assert v["2.85"] == "supported" and v["1.27"] == "supported"


def test_a_count_written_to_the_unit_a_few_off_the_paper_s_is_a_misquote():
    abstract = ("Methods: We included 37 516 women from a prospective cohort. Results: Long-term antibiotic use was "
                "associated with higher mortality (HR 1.16).")
    assert draft_verdicts(abstract, "研究纳入了37,510名女性。")["37,510名"] == "mismatch"
    assert draft_verdicts(abstract, "研究纳入了37,200名女性。")["37,200名"] != "mismatch"   # round: a rounding
    assert draft_verdicts(abstract, "研究纳入了36,987名女性。")["36,987名"] != "mismatch"   # 1.4% off: another count
    assert draft_verdicts(abstract, "研究纳入了37,516名女性。")["37,516名"] == "supported"
    assert draft_verdicts(abstract, "研究纳入了约37,500名女性。")["37,500名"] != "mismatch"   # a round number


def test_a_ratio_named_far_before_its_value_with_a_bracketed_ci_label():
    abstract = ("Methods: We followed 1 672 983 girls and women. Results: After adjustment for age at follow-up, the "
                "incidence rate ratio for the comparison of the vaccinated population with the unvaccinated population "
                "was 0.51 (95% confidence interval [CI], 0.32 to 0.82).")
    s = draft_summary(abstract, source="x")
    assert any(v.kind == "ratio" and v.value == 0.51 for f in s.findings for v in f.values)
    assert draft_verdicts(abstract, "接种疫苗的女性宫颈癌发病风险显著降低了49%。")["49%"] == "supported"


def test_a_list_of_ratios_each_with_a_ci_and_a_list_of_relative_changes():
    abstract = ("Methods: 498 043 adults. Results: Relative to no tea drinking, the hazard ratios (95% CIs) for "
                "participants drinking 1 or fewer, 2 to 3, 4 to 5, and 6 or more cups per day were 0.95 (95% CI, "
                "0.91 to 1.00), 0.87 (CI, 0.84 to 0.91), 0.88 (CI, 0.84 to 0.92), and 0.91 (CI, 0.86 to 0.97), "
                "respectively.")
    s = draft_summary(abstract, source="x")
    assert {v.value for f in s.findings for v in f.values if v.kind == "ratio"} >= {0.95, 0.87, 0.88, 0.91}
    v = draft_verdicts(abstract, "与不喝茶相比，每日喝1杯茶、2至3杯、4至5杯、6杯及以上的人，死亡风险分别降低5%、13%、12%和9%。")
    assert all(v[k] == "supported" for k in ("5%", "13%", "12%", "9%")), v


def test_a_traditional_page_s_ten_thousands_are_read_like_simplified_ones():
    from factcheck.text.units import _scale_of
    assert _scale_of("50萬名") == _scale_of("50万名") == 1e4
    abstract = "Methods: We studied 498 043 men and women aged 40 to 69 years. Results: Tea drinking was common."
    text = ("英國生物庫包括了50萬名年齡在40歲至69歲之間的男性和女性的數據，研究人員在這些人中發現，"
            "經常喝茶的人報告說喝紅茶，這項研究發表於國際期刊。")
    assert draft_verdicts(abstract, text)["50萬名"] == "supported"


MULTICENTRE = """Title: Seven versus fourteen days of antibiotics
Journal: Test Journal
Year: 2025

Methods: The primary outcome was death from any cause by 90 days after diagnosis, with a noninferiority
margin of 4 percentage points.
Results: Across 74 hospitals in seven countries, 3608 patients were randomised. By day 90, death occurred
in 14.5% versus 16.1% (adjusted odds ratio, 0.68; 95% CI, 0.50 to 0.93), with an adjusted relative risk
reduction of 29% (95% CI, 12 to 45).
"""


def test_countries_centres_and_a_margin_in_percentage_points():
    got = draft_verdicts(MULTICENTRE, "试验在7个国家74家医院开展。主要终点为90天全因死亡率，非劣效界值设定为4个百分点。")
    assert got.get("7个国家") == "supported"
    assert got.get("74家医院") == "supported"
    assert got.get("4个百分点") == "supported"
    # a country count the abstract does not give is not the paper's
    assert draft_verdicts(MULTICENTRE, "试验在9个国家开展。").get("9个国家") != "supported"


def test_one_minus_the_odds_ratio_told_as_a_risk_reduction_is_a_mismatch():
    # the paper gives both: 0.68 (odds) and a relative risk reduction of 29%; 降低32% is the odds
    got = draft_verdicts(MULTICENTRE, "研究显示，治疗组第90天的死亡风险降低了32%。")
    assert got.get("32%") == "mismatch"
    # the paper's own risk reduction is supported
    assert draft_verdicts(MULTICENTRE, "研究显示，治疗组第90天的死亡风险降低了29%。").get("29%") == "supported"


DURATIONS = """Title: Aspirin use and liver cancer
Journal: Test Journal
Year: 2020

Results: As compared with short-term use (3 months to <1 year), the adjusted hazard ratios were 0.90 for 1 to
less than 3 years of use, 0.66 for 3 to less than 5 years and 0.57 for 5 or more years of use.
"""


def test_a_category_of_durations_is_the_abstracts_category():
    got = draft_verdicts(DURATIONS, "研究显示，与短期使用相比，使用1-3年的人风险降低了10%，使用3-5年的人风险降低了34%。")
    assert got.get("1-3年") == "supported"
    assert got.get("3-5年") == "supported"
    # two ends the abstract never writes
    assert draft_verdicts(DURATIONS, "研究显示，与短期使用相比，使用2-4年的人风险降低了10%。").get("2-4年") == "not_in_source"


def test_three_arms_told_as_an_open_total():
    abstract = ("Methods: We randomly allocated patients with acute low-back pain in a 1:1:1 ratio to regular "
                "paracetamol, as-needed paracetamol or placebo.\nResults: 550 participants were assigned to the "
                "regular group, 549 were assigned to the as-needed group, and 553 were assigned to the placebo group.")
    assert draft_verdicts(abstract, "一项针对1600多名急性腰痛患者的研究发现，扑热息痛无效。").get("1600多名") == "supported"
    # 1700多名 is more than the arms hold
    assert draft_verdicts(abstract, "一项针对1700多名急性腰痛患者的研究发现，扑热息痛无效。").get("1700多名") != "supported"


CHOCOLATE = """Title: Chocolate intake and risk of type 2 diabetes
Journal: BMJ
Year: 2024

Methods: Three prospective cohorts: Nurses' Health Study (NHS; 1986-2018) and Health Professionals Follow-Up Study
(HPFS; 1986-2020); 192 208 participants. The trial ran from 2009 through 2024.
Results: Participants consuming ≥5 servings/week of any chocolate showed a significant 10% (95% CI 2% to 17%)
lower rate of type 2 diabetes compared with those who never or rarely consumed chocolate.
"""


def test_a_ratio_and_its_interval_beside_the_percent_they_restate():
    got = draft_verdicts(CHOCOLATE, "研究发现，每周至少吃5份巧克力的人，患2型糖尿病的风险降低了10%(HR=0.90, 95% CI: 0.83~0.98)。")
    assert got.get("10%") == "supported"
    assert got.get("HR=0.90") == "supported"
    assert got.get("95% CI: 0.83~0.98") == "supported"
    # a ratio the percent does not restate
    got = draft_verdicts(CHOCOLATE, "研究发现，每周至少吃5份巧克力的人，患2型糖尿病的风险降低了10%(HR=0.80)。")
    assert got.get("HR=0.80") != "supported"


def test_the_length_of_a_study_is_the_span_of_its_period():
    # named as the study's length: the span of a period the abstract states, either way counted
    got = draft_verdicts(CHOCOLATE, "这项研究分析了192208名参与者，在长达32年的随访中记录了糖尿病病例。")
    assert got.get("32年") == "supported"
    got = draft_verdicts(CHOCOLATE, "这项历时16年的研究纳入了192208名参与者。")
    assert got.get("16年") == "supported"          # 2009 through 2024, in calendar years
    # a length that is no study's length (years since quitting) is not read against the period
    got = draft_verdicts(CHOCOLATE, "这项研究纳入了192208名参与者，其中吃巧克力超过32年的人风险更低。")
    assert got.get("32年") != "supported"


def test_one_unit_of_time_named_by_a_word():
    got = _pairs("Participants reported their nap frequency over a week; napping 1-2 times weekly.")
    assert ("1.0", "week") in got
    # the article's 前一周 is that week
    abstract = ("Methods: 3462 residents reported their nap frequency and daily nap duration over a week. "
                "Results: Napping 1-2 times weekly was associated with a lower risk of cardiovascular events (HR 0.52).")
    assert draft_verdicts(abstract, "研究收集了3462名居民前一周的午睡信息。").get("一周") == "supported"


def test_an_age_bound_is_not_a_mean_age():
    abstract = ("Methods: Chinese Longitudinal Healthy Longevity Survey. Results: Among 23 754 individuals (mean age "
                "at baseline 93 years [SD 7.5]), greenness was associated with lower mortality (HR 0.92).")
    # 80岁以上的老人 describes who was studied; the mean age 93 neither supports nor contradicts it
    got = draft_verdicts(abstract, "这项研究追踪了23754名80岁以上的老人。")
    assert got.get("80岁") == "not_in_source"
    # the mean itself is the paper's
    assert draft_verdicts(abstract, "这项研究追踪了23754名老人，平均年龄93岁。").get("93岁") == "supported"
