"""An article checked against the one paper it is about (``check --paper``): which of its
numbers rest on that paper."""

import pytest
from conftest import assert_draft_verdicts, draft_report, draft_verdicts, verdict_of

ABSTRACT = """Title: Lifestyle intervention and diabetes: 30-year follow-up
Journal: Test Journal
Year: 2019

Methods: 577 adults with impaired glucose tolerance were followed for 30 years.
Results: The intervention group had a median delay in diabetes onset of 3.96 years and a 26% lower incidence of
cardiovascular events (HR 0.74)."""


def _verdicts(text: str) -> dict:
    return draft_verdicts(ABSTRACT, text)


def test_a_sentence_citing_its_own_list_rests_on_that_entry():
    got = _verdicts("一项研究随访了577名成人30年。早期的试验显示，生活干预能将糖尿病发生率降低58%[2]。"
                    "中位发病推迟3.96年[7]。")
    assert got["58%"] == "unattributed"          # cites entry [2], and 58% is not the paper's
    assert got["3.96年"] == "supported"           # a number only the paper states: the paper's


def test_a_persons_age_is_biography_not_the_study():
    got = _verdicts("一项研究随访了577名成人30年。研究负责人多尔现年91岁，在37岁时戒烟。")
    assert got["91岁"] == "unattributed" and got["37岁"] == "unattributed"
    assert got["577名"] == "supported"


def test_a_places_share_of_its_people_is_background():
    got = _verdicts("一项研究随访了577名成人30年。数据显示我国超过一半的成年人属于超重或肥胖。"
                    "据CNN报道，在美国，大约20%的60岁以上成年人经常使用这些产品。")
    assert got["一半"] == "unattributed"
    assert got["20%"] == "unattributed" and got["60岁"] == "unattributed"


def test_a_sites_footer_an_earlier_study_and_a_years_admissions_are_not_the_study():
    got = _verdicts("一项研究随访了577名成人30年，干预组糖尿病发病推迟了3.96年。"
                    "早期研究发现，握力每增长1公斤，死亡风险可降低3%。\n"
                    "这种病毒每年在美国导致17.7万人住院。\n"
                    "京ICP证120392号 京公网安备110105007198 Copyright 2024")
    assert got["3.96年"] == "supported"
    assert got["3%"] == "unattributed" and got["17.7万人"] == "unattributed"
    assert got["110105007198"] == "unattributed"


def test_the_list_under_a_highlights_heading_and_a_reported_result_are_the_study_s():
    got = _verdicts("亮点\n- 干预组糖尿病发病推迟了3.96年。\n- 心血管事件减少26%。\n"
                    "这项研究随访了577名成人30年。研究结果表明:全球约有74万例心血管事件可归因于糖耐量受损。")
    assert got["3.96年"] == "supported" and got["26%"] == "supported"
    assert got["74万例"] == "not_in_source"


def test_deaths_a_year_are_population_statistics():
    got = _verdicts("一项研究随访了577名成人30年。吸烟每年导致数百万人死亡。")
    assert got["数百万人"] == "unattributed"


def test_definitions_guidelines_and_received_wisdom_are_not_the_study():
    abstract = ("Methods: We studied 257 patients with carotid plaque. Results: Patients with microplastics "
                "in plaque had a higher risk of the composite end point (hazard ratio, 4.53).")
    v = draft_verdicts(abstract, "这项研究纳入257名患者。微塑料通常指粒径小于5毫米的塑料颗粒。"
                                 "《中国居民膳食指南》建议每日添加糖摄入量控制在25克以下。"
                                 "我们常常被告知成年人需要7到9小时的睡眠。该研究发表于影响因子为22.6的期刊。")
    assert v["257名"] == "supported"
    for surface in ("5毫米", "25克", "7到9小时", "22.6"):
        assert v[surface] == "unattributed", surface
    # 是指南推荐 is 是 + 指南 (a guideline), not 是指 (a definition): the study's numbers after it stay its own
    # 是指 defines a word; 是指导 (是 + 指导) and 是指数 (是 + 指数) do not
    from factcheck.judge.attribution import general_cue
    assert general_cue("微塑料是指粒径小于5毫米的塑料颗粒")
    assert not general_cue("每周运动300分钟是指导意见下限的两倍") and not general_cue("这一结果是指数级的增长")


def test_the_headline_is_the_first_line_that_is_not_page_furniture():
    abstract = ("Methods: We followed 162 602 women. Results: Women who drank one or more sugar-sweetened "
                "beverages daily had a higher risk of oral cavity cancer (HR, 4.87; 95% CI, 2.47-9.60).")
    v = draft_verdicts(abstract, "万维读者网 > 健康世界 > 正文\n\n研究:每天一杯这饮料 癌症风险增加5倍\n\n"
                                 "一项研究追踪了162602名女性。")
    assert v["5倍"] == "supported"


def test_menus_site_names_and_bylines_are_not_the_headline():
    # the page's first lines are its menu, its site's name and a byline; the title states the
    # study's result in words and is the study's
    abstract = ("Methods: We followed 162 602 women. Results: Women who drank one or more sugar-sweetened "
                "beverages daily had a higher risk of oral cavity cancer (HR, 4.87; 95% CI, 2.47-9.60).")
    from factcheck.judge.attribution import _furniture
    for line in ("注册 | 登录 | 充值", "问小白 wenxiaobai", "健康", "首頁>健康>", "打印 上一主题 下一主题",
                 "2021-05-07 16:36:10来源:医脉通阅读:23次", "欢迎访问《别有病》网站",
                 "本文由某某原创编译,转载需经授权", "成都某某脑康医院"):
        assert _furniture(line), line
    for line in ("正在阅读:港大研究:流感药可降低家庭传播风险", "亞太日報 | 掉一顆牙,可不是小事",
                 "研究:每天一杯这饮料 癌症风险增加5倍", "EBV与多发性硬化相关并非新发现,但 Science 上一篇相关的研究报告引起反响"):
        assert not _furniture(line), line
    v = draft_verdicts(abstract, "注册 | 登录 | 充值\n\n研究:每天一杯这饮料 癌症风险增加5倍\n\n"
                                 "一项研究追踪了162602名女性。")
    assert v["5倍"] == "supported"


def test_a_headline_without_a_number_does_not_carry_the_study_into_background():
    abstract = ("Methods: We followed 162 602 women. Results: Women who drank one or more sugar-sweetened "
                "beverages daily had a higher risk of oral cavity cancer (HR, 4.87; 95% CI, 2.47-9.60).")
    v = draft_verdicts(abstract, "甜饮料与口腔癌\n\n一罐330毫升普通碳酸饮料的含糖量高达35克左右。\n\n"
                                 "一项研究追踪了162602名女性。")
    assert v["35克"] == "unattributed" and all(x == "unattributed" for k, x in v.items() if "330" in k)
    assert v["162602名"] == "supported"


def test_a_reported_finding_is_the_study_s_however_general_its_clause():
    abstract = ("Methods: We modelled deaths in 750 locations. Results: 5 083 173 deaths were associated with "
                "non-optimal temperatures per year, 74 excess deaths per 100 000 residents.")
    v = draft_verdicts(abstract, "一项研究发现，在全世界范围内每年有超过500万人死于高温或低温。")
    assert v["500万人"] != "unattributed"


def test_a_study_dated_to_another_year_is_another_study():
    abstract = ("Title: Peanut allergy after the 2015 guidelines\nJournal: Pediatrics\nYear: 2025\n\n"
                "Methods: Electronic records of 120 000 children. Results: The incidence of peanut allergy fell "
                "from 0.79% to 0.45% (HR 0.57).")
    v = draft_verdicts(abstract, "2015年一项研究显示，早期接触花生可使花生过敏风险降低81%。"
                                 "一项新研究显示，花生过敏的发生率从0.79%降到0.45%。")
    assert v["81%"] == "unattributed"
    assert v["0.79%"] == "supported"


def test_a_public_body_s_recommendation_is_not_the_study():
    abstract = ("Methods: 97 844 adults reported aerobic and muscle-strengthening activity. Results: Meeting both "
                "guidelines was associated with a 48% lower risk of influenza and pneumonia mortality (HR 0.52).")
    v = draft_verdicts(abstract, "研究人员说，美国卫生与公众服务部先前建议成年人每周进行至少150分钟的中等强度有氧运动。"
                                 "他们发现，达到推荐标准的人群，死于流感或肺炎的风险低48%。")
    assert v["150分钟"] == "unattributed" and v["48%"] == "supported"
    v = draft_verdicts(abstract, "美国过敏学会也表示，应该在婴儿4至6个月大时开始引入过敏原食物。")
    assert v["4至6个月"] == "unattributed"


def test_a_new_paragraph_about_neither_research_nor_the_topic_does_not_carry_the_study():
    abstract = ("Methods: 474 919 participants reported their usual walking pace. Results: Brisk walkers had a "
                "longer life expectancy, up to 86.7 years in women.")
    v = draft_verdicts(abstract, "一项纳入474919名参与者的研究发现，走路快的人寿命更长。\n"
                                 "68岁的张阿姨和两位老友在公园里聊天。\n"
                                 "研究人员指出，这项研究纳入了474919名参与者。")
    assert v["474919名"] == "supported"
    assert v["68岁"] == "unattributed"
    # (a paragraph that opens by going on with the one before it is the study's still)
    abstract = ("Results: Here we analyse whole-genome sequence data from 347,630 individuals. We show that coding "
                "and non-coding genetic variants account for 21% and 79% of the rare-variant WGS heritability.")
    v = draft_verdicts(abstract, "一项研究分析了347630人的全基因组数据。\n具体来看，罕见变异中非编码区占了79%。")
    assert v["79%"] == "supported"


def test_arms_counted_without_a_noun_are_people_and_add_up_to_the_sample():
    abstract = ("Methods: A randomised, placebo controlled trial of paracetamol for acute low-back pain. "
                "Findings: 550 participants were assigned to the regular group (550 analysed), 549 were assigned "
                "to the as-needed group (546 analysed), and 553 were assigned to the placebo group (547 analysed).")
    v = draft_verdicts(abstract, "一项研究将1652名腰痛患者随机分组，其中549名患者按需服药。")
    assert v["1652名"] == "supported" and v["549名"] == "supported"


def test_a_value_written_to_its_decimals_that_the_draft_states_for_the_group_is_supported():
    from factcheck.papers.summarize import draft_summary
    abstract = ("Methods: We assigned 800 patients to semaglutide or placebo. Results: Resolution of "
                "steatohepatitis without worsening of fibrosis occurred in 62.9% of the 534 patients in the "
                "semaglutide group and in 34.3% of the 266 patients in the placebo group. A reduction in liver "
                "fibrosis without worsening of steatohepatitis was reported in 36.8% of the patients in the "
                "semaglutide group and in 22.4% of those in the placebo group.")
    # "62.9% of the 534 patients in the semaglutide group": the group named after the count is the value's
    groups = {v.value: v.group for f in draft_summary(abstract, source="x").findings for v in f.values}
    assert groups[62.9] == groups[534.0] == "semaglutide" and groups[34.3] == "placebo"
    v = draft_verdicts(abstract, "研究显示，62.9%接受司美格鲁肽治疗的受试者脂肪性肝炎改善且肝纤维化无恶化，"
                                 "而安慰剂组中这一比例为34.3%。")
    assert v["62.9%"] == "supported" and v["34.3%"] == "supported"
    v = draft_verdicts(abstract, "研究显示，接受司美格鲁肽治疗的受试者中，41.5%实现了肝纤维化的改善。")
    assert v["41.5%"] == "mismatch"


def test_a_share_of_people_today_and_past_advice_are_background():
    abstract = ("Methods: Electronic records of 120 000 children aged 0-3 years. Results: The incidence of peanut "
                "allergy fell from 0.79% to 0.45% after the guidelines (HR 0.57).")
    v = draft_verdicts(abstract, "一项新研究显示，花生过敏的发生率从0.79%降到0.45%。"
                                 "不过，目前约有8%的儿童受到食物过敏影响。"
                                 "过去数十年来，医生一直建议延迟喂食花生，直到3岁以后。")
    assert v["0.79%"] == "supported"
    assert v["8%"] == "unattributed" and v["3岁"] == "unattributed"


def test_a_study_published_in_another_year_is_another_unless_it_gives_the_paper_s_numbers():
    abstract = ("Title: Guidelines and peanut allergy\nJournal: Pediatrics\nYear: 2025\n\n"
                "Methods: Records of 120 000 children. Results: The incidence of peanut allergy fell by 27% "
                "after 2015 and by 43% after 2017 (HR 0.57).")
    v = draft_verdicts(abstract, "一项新研究显示，花生过敏的发生率下降了27%。"
                                 "然而，2015年伦敦国王学院的拉克发表了突破性的早期接触花生试验。"
                                 "拉克和同事证明，在婴儿期引入花生可将过敏风险降低80%以上。"
                                 "2023年儿科期刊发表的研究揭示，下降幅度在27%至43%之间。")
    assert v["27%"] == "supported"
    assert v["80%"] == "unattributed"
    assert v["27%至43%"] != "unattributed"


def test_the_study_s_length_is_held_to_the_follow_up_the_abstract_states():
    abstract = ("Design: Prospective cohort study. Participants: 143 410 women. Results: During 22-24 years of "
                "follow-up, 10 915 cases of incident type 2 diabetes occurred (HR 1.31).")
    v = draft_verdicts(abstract, "哈佛大学的一项研究历时15年，纳入143410名女性。")
    assert v["15年"] == "mismatch"
    v = draft_verdicts(abstract, "哈佛大学的一项研究历时23年，纳入143410名女性。")
    assert v["23年"] != "mismatch"          # within the follow-up the abstract gives


def test_a_range_spanning_two_of_the_paper_s_ratios_as_relative_changes_is_supported():
    abstract = ("Methods: 498 043 adults in a prospective cohort. Results: Relative to no tea drinking, the hazard "
                "ratios (95% CIs) for participants drinking 2 to 3, 4 to 5 and 6 or more cups per day were "
                "0.87 (0.84 to 0.90), 0.88 (0.85 to 0.91) and 0.91 (0.87 to 0.95), respectively.")
    v = draft_verdicts(abstract, "一项研究显示，每天喝两杯或更多杯茶的参与者死亡风险降低9%—13%。")
    assert v["9%—13%"] == "supported"
    v = draft_verdicts(abstract, "一项研究显示，每天喝两杯或更多杯茶的参与者死亡风险降低9%—20%。")
    assert v["9%—20%"] != "supported"


def test_a_list_of_reductions_each_naming_its_measure_keeps_the_direction():
    abstract = ("Methods: 19 084 patients took their medication at bedtime or on waking. Results: Bedtime "
                "treatment lowered the hazard of CVD death (HR 0.44), myocardial infarction (HR 0.66), heart "
                "failure (HR 0.58) and stroke (HR 0.51).")
    v = draft_verdicts(abstract, "研究发现，睡前服药可降低56%的心血管死亡风险,34%的心梗风险,42%的心衰风险和49%的脑卒中风险。")
    assert all(v[x] == "supported" for x in ("56%", "34%", "42%", "49%")), v


def test_a_rate_more_precise_than_the_paper_within_its_rounding_is_supported():
    abstract = ("Methods: 4 144 veterans aged 75 years or older. Results: Of these, 97% were men, and statin use "
                "was associated with lower all-cause mortality (HR 0.75); 2% died of other causes.")
    v = draft_verdicts(abstract, "一项研究纳入4144名老年退伍军人，其中97.3%为男性，2.4%死于其他原因。")
    assert v["97.3%"] == "supported"
    assert v["2.4%"] != "supported"


def test_another_journal_family_or_also_a_study_is_another_study_but_a_comparison_is_not():
    abstract = ("Title: Aspirin and hepatocellular carcinoma\nJournal: N Engl J Med\nYear: 2020\n\n"
                "Methods: 50 275 adults with viral hepatitis. Results: Low-dose aspirin use was associated "
                "with a 31% lower risk of liver cancer (HR 0.69).")
    v = draft_verdicts(abstract, "一项研究显示，服用阿司匹林者肝癌风险降低31%。"
                                 "2019年，《JAMA Internal Medicine》上一项研究表明，服用阿司匹林90天的患者风险降低29%。"
                                 "此前还有一项纳入2000名患者的研究，结果显示风险降低60%。")
    assert v["31%"] == "supported"
    assert v["29%"] == "unattributed" and v["60%"] == "unattributed"
    # a journal of the paper's family (《新英格兰医学杂志》 is the paper's own) and a comparison
    v = draft_verdicts(abstract, "这项发表在《新英格兰医学杂志》的研究追踪了50275名成人，得出与先前多份研究相同的结论：风险降低31%。")
    assert v["50275名"] == "supported" and v["31%"] == "supported"


NAPPING = ("Methods: 16 374 adults were followed for 13 years. Results: Napping of 1 hour or longer was "
           "associated with a 32% higher risk of death (HR, 1.32).")


def test_a_press_frame_around_the_study_is_the_study():
    abstract = NAPPING
    v = draft_verdicts(abstract, "据报道，剑桥的专家在13年间追踪了16374名英国成年男女。")
    assert v["13年"] == "supported" and v["16374名"] == "supported"
    # a press frame around population statistics stays background
    v = draft_verdicts(abstract, "一项研究追踪了16374名成年人。据CNN报道，在美国，大约20%的成年人经常午睡。")
    assert v["20%"] == "unattributed"


def test_a_result_in_a_studys_notation_is_the_studys():
    abstract = NAPPING
    v = draft_verdicts(abstract, "一项研究追踪了16374名成年人。\n\n午睡一小时以上：死亡风险升高32%(HR=1.32)。")
    assert v["32%"] == "supported"


NOISE = ("Methods: Nationwide cohort of 1 938 994 adults aged 60 years or older living in Denmark. Results: "
         "We identified 103 500 incident cases of dementia. Exposure to road traffic noise above 55 dB was associated "
         "with a 27% higher risk of Alzheimer's disease (HR 1.27).")


def test_a_list_that_resolves_to_nothing_leaves_the_article_to_the_named_paper():
    # 参考资料 holds a press release's address and the page's furniture: with --paper, the
    # article is read as about that paper, not as citing eight unknown sources
    v = draft_verdicts(NOISE, "一项丹麦的研究表明，噪音会增加痴呆风险。研究人员调查了200万名60岁以上老年人，"
                              "发现了103,500例新的痴呆症病例。\n参考资料:\n"
                              "https://www.eurekalert.org/news-releases/927597\n下载APP\n关注微信号\n")
    assert v["200万名"] == "supported" and v["103,500例"] == "supported"


def test_a_share_of_a_countrys_people_is_background():
    v = draft_verdicts(NOISE, "一项丹麦的研究追踪了200万名老年人。大约五分之一的欧洲人生活在超过55分贝的噪音环境中。")
    assert v["五分之一"] == "unattributed"


def test_other_members_of_the_team_are_not_another_study():
    v = draft_verdicts(NOISE, "一项丹麦的研究追踪了200万名老年人。布劳尔与其他研究团队成员共同分析了103,500例病例。")
    assert v["103,500例"] == "supported"




def test_a_paper_introduced_as_yi_pian_is_the_study():
    v = draft_verdicts(NOISE, "近日《英国医学杂志》发表了一篇大数据研究，发现了103,500例新的痴呆症病例。")
    assert v["103,500例"] == "supported"









GOUT = ("Methods: A cohort of 109 504 patients with gout. Results: Patients in the treat-to-target arm had a "
        "higher 5-year survival (weighted survival difference, 1.0%; 95% CI, 0.5%-1.6%) and lower risk of "
        "major adverse cardiovascular events.")
COFFEE = ("Methods: A randomized clinical trial enrolling 200 adults. Results: In the primary analysis, "
          "recurrence was less in the coffee consumption (47%) than the coffee abstinence (64%) group "
          "(hazard ratio, 0.61).")
STEPS = ("Methods: 100 adults wore monitors for 14 days. Results: Participants walked 1058 more steps "
         "and slept 36 fewer minutes on coffee days.")
RETINA = ("Methods: 35 917 participants of the UK Biobank. Results: Each 1 year increase in the retinal age gap "
          "was associated with a 2% increase in risk of all-cause mortality (hazard ratio (HR) = 1.02, 95% CI 1.00-1.03).")
MYOPIA = ("Methods: We included data from 145 studies covering 2.1 million participants. Results: We estimated "
          "163 million people with high myopia (2.7% of the world population; 95% CI, 86-387 million [1.4%-6.3%]) in 2000.")
TAICHI = ("Methods: 342 adults with prehypertension were randomized. Results: Compared with aerobic exercise, "
          "tai chi lowered 24-hour ambulatory SBP (-2.16 [95% CI, -3.79 to -0.54]).")

SEPSIS = ("Methods: Adults with sepsis were randomly assigned to vitamin C or placebo. Results: At 28 days, death "
          "had occurred in 152 of 429 patients (35.4%) in the vitamin C group and in 137 of 434 patients (31.6%) "
          "in the placebo group, and persistent organ dysfunction in 39 of 429 patients (9.1%) and 30 of 434 "
          "patients (6.9%).")

REVIEW = ("Title: Air pollution and dementia: a systematic review and meta-analysis\n\nMethods: Systematic "
          "review and meta-analysis. Results: 2080 records were screened and 51 studies were included; 14 "
          "studies contributed to the PM2.5 meta-analysis (HR 1.17 per 2 ug/m3).")

ISSUE = ("Title: Cognitive decline in women in relation to oestradiol\nJournal: Lancet. 2000 Aug 26;356(9231):708-12\n"
         "Year: 2000\n\nMethods: 425 older women were followed for 6 years. Results: Women with higher "
         "concentrations had less decline (OR 0.33).")
ONLINE = ("Title: A trial of dietary improvement for adults with depression\nJournal: BMC Medicine\nYear: 2017\n"
          "Published: 2017-01-30\n\nMethods: 67 adults were randomised. Results: Remission was reached by 32.3% "
          "of the intervention group.")

# (abstract, article, {surface: verdict}; a verdict prefixed with ! is one the number must not get)
READINGS = [
    pytest.param(NOISE, "一项丹麦的研究追踪了200万名老年人\n最后得出结论\n暴露于55分贝以上噪音的人\n阿尔茨海默病风险高出27%",
                 {"27%": "supported"}, id="a-sentence-broken-over-short-lines-goes-on"),
    pytest.param(REVIEW, "一项综述分析显示，PM2.5可能增加痴呆风险。最新研究从2000多项之前研究中，确定了51项评估空气污染与痴呆关系的研究。",
                 {"51项": "supported"}, id="a-reviews-selection-from-earlier-studies-is-its-own"),
    pytest.param(NOISE, "一项丹麦的研究追踪了200万名老年人。美国有超过1,000万人患有心房颤动。"
                        "在中国，成年人有超过1.14亿糖尿病患者，占全世界糖尿病患者四分之一。"
                        "数据显示，2020年中国胰腺癌新发病例为12万。93%的英国12-17岁青少年拥有社交媒体账号。"
                        "全球每年死于脓毒症的人数多达1,100万。",
                 {"1,100万": "unattributed", "1,000万人": "unattributed", "1.14亿": "unattributed", "四分之一": "unattributed", "12万": "unattributed",
                  "93%": "unattributed", "12-17岁": "unattributed", "200万名": "supported"},
                 id="a-places-count-of-people-with-a-disease-is-background"),
    pytest.param(GOUT, "一项研究纳入109504名痛风患者。达标组5年内发生心梗、中风等严重心血管事件的风险直接下降9%。",
                 {"9%": "not_in_source", "109504名": "supported"},
                 id="a-risks-relative-change-is-not-held-to-an-absolute-difference"),
    pytest.param(COFFEE, "一项随机试验纳入200名成人。避免摄取咖啡因的组别复发率竟高达64%，饮用咖啡的组别仅有47%再次发作。",
                 {"64%": "supported", "47%": "supported"}, id="an-arm-named-inside-an-avoidance-is-the-other-arm"),
    pytest.param(STEPS, "一项研究让100名成人佩戴监测设备。喝咖啡时，睡眠时间大约减少半小时。", {"半小时": "!mismatch"},
                 id="half-an-hour-is-not-a-converted-length"),
    pytest.param(NOISE, "一项丹麦的研究追踪了200万名老年人，发现了103,500例新的痴呆症病例。\n安全性评估\n"
                        "关于安全性，痴呆症病例中有8人(5.9%)出现不适。", {"5.9%": "not_in_source"},
                 id="the-study-carries-through-a-section-title"),
    pytest.param(TAICHI, "一项随机试验纳入342名成人。与有氧运动组相比，太极拳组24小时收缩压(-2.16毫米汞柱)降低更多。",
                 {"-2.16毫米汞柱": "supported"}, id="a-number-to-two-decimals-the-abstract-states-whatever-its-unit"),
    pytest.param(NOISE, "噪音是当代城市生活的背景声，是世界上最常见的环境污染之一，80%的城市居民每天都暴露在交通噪音中。"
                        "据估计全球每天有数十亿人受到影响。\n一项丹麦的研究追踪了200万名老年人。",
                 {"80%": "unattributed", "200万名": "supported"}, id="a-pages-first-paragraph-is-not-its-headline"),
    pytest.param(SEPSIS, "28天时，维生素C组429名患者中有152名(35.4%)死亡，安慰剂组434名患者中有137名(31.6%)；"
                         "维生素C组429名患者中有39名(9.1%)发生持续性器官功能障碍。", {"9.1%": "!mismatch", "35.4%": "supported"},
                 id="a-decimal-the-draft-states-for-an-arm-it-misread-is-no-mismatch"),
    pytest.param(ISSUE, "来自美国的科学家25日在医学期刊《柳叶刀》上发表研究报告指出，这项研究追踪了425名老年妇女。"
                        "该研究刊登在2001年3月号的《柳叶刀》上。",
                 {"25日": "mismatch", "2001年3月": "mismatch"}, id="a-day-of-print-the-record-contradicts"),
    pytest.param(ISSUE, "这项研究追踪了425名老年妇女，2000年8月26日发表在《柳叶刀》上。",
                 {"2000年8月26日": "supported"}, id="a-day-of-print-the-record-gives"),
    pytest.param(ONLINE, "2017年1月31日，研究人员发表了这项纳入67名成人的研究(Jacka FN, et al. 2017)。"
                         "研究人员检索了2016年3月1日以前发表的论文。该研究1月28日在线发表。",
                 {"2017年1月31日": "mismatch", "2017": "supported", "2016年3月1日": "!mismatch", "1月28日": "!mismatch"},
                 id="a-day-of-print-and-a-citations-year-but-not-a-search-limit-nor-an-online-day"),
    pytest.param(RETINA, "这项研究纳入35917名参与者。视网膜年龄差距每增加一年，全因死亡风险增加两个百分点。",
                 {"两个百分点": "mismatch"}, id="a-ratios-relative-change-is-no-percentage-points"),
    pytest.param(RETINA, "这项研究纳入35917名参与者。视网膜年龄差距每增加一年，全因死亡风险增加2%。",
                 {"2%": "supported"}, id="a-ratios-relative-change-told-as-percent"),
    pytest.param(MYOPIA, "这项研究纳入145项研究。2000年，全球约1.63亿人患有高度近视，约占总人口的2.7%；2010年占总人口的4.0%。",
                 {"2.7%": "supported", "4.0%": "!supported"}, id="a-percent-inside-an-interval-is-not-the-papers"),
]


@pytest.mark.parametrize("abstract, text, expected", READINGS)
def test_an_article_read_against_its_abstract(abstract, text, expected):
    assert_draft_verdicts(abstract, text, expected)


def _attributions(abstract: str, text: str) -> list:
    """(how, cue) of each sentence of an article checked against the one paper of ``abstract``."""
    import factcheck.pipeline as P
    from factcheck.core.config import Config
    from factcheck.ingest.reader import article_from_text
    from factcheck.papers.summaries import Store
    from factcheck.papers.summarize import draft_summary

    s = draft_summary(abstract, source="x")
    st = Store()
    st.add(s)
    seen = []
    orig = P.attribute

    def spy(article, sentences, mentions, store):
        out = orig(article, sentences, mentions, store)
        seen.extend((out[i].how, out[i].cue) for i in range(len(sentences)))
        return out

    P.attribute = spy
    try:
        P.check(article_from_text(text, "a.txt"), st, Config(), papers=[s.id])
    finally:
        P.attribute = orig
    return seen


def test_an_institutions_scientists_or_a_latin_named_professor_introduce_the_study():
    got = _attributions(NOISE, "许多人都有午睡的习惯。然而，据报道，英国剑桥大学的科学家研究表明，白天睡觉会缩短人的寿命。")
    assert got[1] == ("single_study", "大学的科学家")
    got = _attributions(NOISE, "2015年12月17日/生物谷BIOON/——蒙特利尔大学Anick Bérard教授今日揭示：孕期用药影响很大。")
    assert got[0][0] == "single_study" and "Bérard教授" in got[0][1]


def test_a_headline_that_tells_a_survey_is_the_study():
    got = _attributions(NOISE, "染发致癌是真的吗? 哈佛大学调查11万人长达36年,结论终于出来了\n一项研究发现了103,500例新的痴呆症病例。")
    assert got[1][0] == "single_study"


def test_a_spread_of_the_follow_up_is_no_length_of_time_the_study_states():
    abstract = ("Design: Population based cohort study. Participants: 992 061 patients newly treated with "
                "antihypertensive drugs. Results: The cohort was followed for a mean of 6.4 (SD 4.7) years, "
                "generating 7952 incident lung cancer events.")
    v = draft_verdicts(abstract, "一项研究纳入992061名患者，研究持续了4.7年，共发生7952例肺癌。")
    assert v["4.7年"] != "supported"
    assert v["7952例"] == "supported"


def test_the_same_risk_told_again_at_later_times_keeps_its_change():
    abstract = ("Design: Cohort study. Participants: 137 031 women starting SSRIs. Results: Fracture rates were "
                "higher among SSRI initiators, with HRs over 1, 2 and 5 years of 1.76 (95% CI 1.33 to 2.32), "
                "1.73 (95% CI 1.45 to 2.06) and 1.67 (95% CI 1.50 to 1.85).")
    v = draft_verdicts(abstract, "研究发现，服药一年的女性骨折风险上升了76%，这一风险在服药两年后为73%，在服药五年后为67%。")
    assert v["76%"] == v["73%"] == v["67%"] == "supported"


def test_a_rate_per_hundred_is_a_percent():
    abstract = ("Design: Collaborative reanalysis of 36 epidemiological studies. Results: In high-income countries, "
                "10 years use of oral contraceptives was estimated to reduce the absolute risk of endometrial "
                "cancer arising before age 75 years from 2.3 to 1.3 per 100 women.")
    v = draft_verdicts(abstract, "研究发现，服用避孕药10年，75岁前患子宫内膜癌的绝对风险从2.3%降至1.3%。")
    assert v["2.3%"] == v["1.3%"] == "supported"
    v = draft_verdicts(abstract, "研究发现，服用避孕药10年，75岁前患子宫内膜癌的风险降至每百人1.3人。")
    assert v["1.3人"] == "supported"


def test_a_range_of_multiples_spanning_two_of_the_paper_s_ratios_is_supported():
    abstract = ("Design: Case-control study. Participants: 1 060 patients with dementia and 10 600 controls. Results: "
                "Long-term exposure was associated with dementia, with adjusted odds ratios of 2.00 (95% CI 1.85 to "
                "2.15) for ozone and 4.17 (95% CI 3.86 to 4.51) for PM10.")
    v = draft_verdicts(abstract, "研究发现，长期吸入臭氧和PM10的人失智风险增2至4倍。")
    assert v["2至4倍"] == "supported"
    v = draft_verdicts(abstract, "研究发现，长期吸入臭氧和PM10的人失智风险增5至8倍。")
    assert v["5至8倍"] != "supported"


def test_more_than_n_times_holds_a_ratio_past_n_only():
    abstract = ("Design: Matched cohort study. Participants: 10 529 patients who received hypnotic prescriptions "
                "and 23 676 controls. Results: Patients prescribed any hypnotic had increased hazards of dying "
                "(HR 3.60 for up to 18 doses a year, HR 4.43 for 18-132 doses, HR 5.32 for over 132 doses).")
    v = draft_verdicts(abstract, "研究发现，每年服用18至132剂安眠药的人，死亡风险是不服药者的4倍多。")
    assert v["4倍多"] == "supported"
    v = draft_verdicts(abstract, "研究发现，服用安眠药的人死亡风险是不服药者的6倍多。")
    assert v["6倍多"] != "supported"


def test_half_the_sample_in_words_is_one_arm_of_an_even_split():
    abstract = ("Design: Randomized clinical trial enrolling 2111 participants at 5 sites. Interventions: "
                "Participants were randomly assigned with equal probability to structured (n = 1056) or "
                "self-guided (n = 1055) interventions. Results: Global cognition improved more in the structured group.")
    v = draft_verdicts(abstract, "2111名参与者中约半数参加了结构化小组会议。")
    assert v["半数"] == "supported"


def test_an_age_range_to_the_next_birthday_is_the_paper_s_and_one_end_off_is_a_misquote():
    abstract = ("Design: Prospective cohort study. Participants: 475 581 men and women aged 40-69 years. "
                "Results: During an average of 5.7 years of follow-up, 2609 cases of colorectal cancer occurred.")
    v = draft_verdicts(abstract, "研究纳入了475581名40岁至70岁的成年人，平均随访5.7年。")
    assert v["40岁至70岁"] == "supported"
    v = draft_verdicts(abstract, "研究纳入了475581名41岁至69岁的成年人，平均随访5.7年。")
    assert v["41岁至69岁"] == "mismatch"


def test_a_count_with_two_neighbouring_digits_swapped_is_a_misquote():
    abstract = ("Design: Cohort study. Setting: UK Clinical Practice Research Datalink, electronic health records "
                "from 674 general practices. Results: 16 912 patients aged 10-19 harmed themselves.")
    v = draft_verdicts(abstract, "研究人员分析了英国647个全科诊所的电子病历。")
    assert v["647个"] == "mismatch"


def test_a_dose_list_shares_the_unit_it_ends_with():
    abstract = ("Design: Randomized controlled trial. Participants: 494 women with a singleton pregnancy at 12 to "
                "16 weeks' gestation received 400, 2000, or 4000 IU of vitamin D(3) per day until delivery. "
                "Results: The 4000 IU group achieved sufficiency most often.")
    v = draft_verdicts(abstract, "研究将494名孕妇分为3组，分别每天补充400国际单位、2000国际单位和4000国际单位的维生素D。")
    assert v["400国际单位"] == v["2000国际单位"] == "supported"


def test_a_cohort_s_time_over_a_mean_is_its_follow_up():
    abstract = ("Methods: This was a prospective study of 960 participants, ages 58-99 years, who completed a food "
                "frequency questionnaire and had at least 2 cognitive assessments over a mean 4.7 years. Results: "
                "Consumption of green leafy vegetables was associated with slower decline, the equivalent of being "
                "11 years younger in age.")
    v = draft_verdicts(abstract, "随访10年后，研究人员发现，绿叶蔬菜摄入量最多组的大脑比最少组年轻11岁。")
    assert v["10年"] == "mismatch"
    assert v["11岁"] == "supported"


def test_a_bound_on_a_figure_that_is_not_round_is_that_figure():
    abstract = ("Design: Cohort study. Results: At baseline, mean calcium intakes were 783.0 mg/day in the third "
                "quintile and 1168.9 mg/day in the fourth.")
    v = draft_verdicts(abstract, "通过饮食补钙的参与者每天摄入钙的量超过1022mg。")
    assert v["1022mg"] != "supported"


def test_a_byline_s_date_and_a_copyright_line_are_the_page_s():
    abstract = ("Design: Cohort study of 2 418 adults with obesity. Results: Class I, II, and III obesity was "
                "observed in 21.2% of participants.")
    text = ("2025-12-09 梅斯内分泌新前沿 MedSci原创 发表于上海\n"
            "来源:科技日报 刘霞 2025-04-11\n"
            "研究纳入2418名成年人，21.2%存在肥胖。\n"
            "© 2014-2024 上海东方报业有限公司\n")
    v = draft_verdicts(abstract, text)
    assert v["2025-12-09"] == v["2025-04-11"] == v["2014-2024"] == "unattributed"
    assert v["21.2%"] == "supported"


def test_a_regulator_s_limit_and_a_similar_earlier_survey_are_background():
    abstract = ("Design: Pooled analysis of 14 European cohorts (312 944 people). Results: For every increase "
                "of 5 ug/m3 in PM2.5 the risk of lung cancer rose by 18% (HR 1.18).")
    v = draft_verdicts(abstract, "分析表明，PM2.5每增加5微克，患肺癌的风险会增加18%。欧盟规定的PM2.5最高限值为每立方米25微克。")
    assert v["18%"] == "supported"
    assert v["25微克"] == "unattributed"
    v = draft_verdicts(abstract, "研究发现PM2.5每增加5微克，肺癌风险增加18%。2007年，一项类似的调查显示，肺癌发病率为9.7%。")
    assert v["9.7%"] == "unattributed"


def test_a_list_of_named_items_with_their_percents_in_brackets_keeps_the_change():
    abstract = ("Design: Pooled analysis of 12 cohorts, 1.44 million participants. Results: High vs low levels of "
                "leisure-time physical activity were associated with lower risks of 13 cancers: esophageal "
                "adenocarcinoma (HR, 0.58; 95% CI, 0.37-0.89), liver (HR, 0.73; 95% CI, 0.55-0.98), lung (HR, 0.74; "
                "95% CI, 0.71-0.77), kidney (HR, 0.77; 95% CI, 0.70-0.85).")
    v = draft_verdicts(abstract, "研究发现，高水平体力活动与13种癌症风险降低有关，包括食管腺癌(风险降低42%)、肝癌(27%)、肺癌(26%)、肾癌(23%)。")
    assert v["42%"] == v["27%"] == v["26%"] == v["23%"] == "supported"


def test_a_multiple_under_one_is_not_read_as_an_increase_unless_told_so():
    abstract = ("Design: Case-control study of 1 200 adults. Results: Smokers (OR 1.52, 95% CI 1.20 to 1.93) and "
                "former smokers (OR 1.48, 95% CI 1.10 to 1.99) had higher odds of the disease.")
    v = draft_verdicts(abstract, "研究发现，吸烟者(OR 1.52)和戒烟者(OR 1.48)患病的几率是从不吸烟者的0.5倍。")
    assert v["0.5倍"] != "supported"          # half the odds, not 1.5 times


def test_a_citation_line_under_the_header_dates_the_paper():
    """A page's copy of a PubMed record puts the citation line (with its month and day) under the
    title or the affiliations, below a header whose Year line has no month: it dates the paper."""
    from factcheck.papers.summarize import draft_summary

    head = "Title: Milk intake and hip fracture\nJournal: J Bone Miner Res\nYear: 2014\nPMID: 24760749\n\n"
    s = draft_summary(head + "Milk intake and hip fracture: the Framingham cohort\n\n"
                      "J Bone Miner Res. 2014 Aug;29(8):1756-62. doi: 10.1002/jbmr.2219.\n\n"
                      "Abstract\n\nResults: Of 830 participants, 97 had a hip fracture.", source="x")
    assert s.issue == "2014-08"
    s = draft_summary(head + ". 2019 Sep 4;366:l4897. doi: 10.1136/bmj.l4897\n\n"
                      "Results: Of 830 participants, 97 had a hip fracture.", source="x")
    assert s.published == "2019-09-04"
    v = draft_verdicts(head + "J Bone Miner Res. 2014 Aug;29(8):1756-62.\n\nResults: Of 830 participants, 97 "
                       "had a hip fracture.", "该研究2014年8月发表于《骨与矿物质研究杂志》，830名参与者中97人髋部骨折。")
    assert v["2014年8月"] == "supported"


def test_values_with_spreads_in_a_list_share_the_unit_at_its_end():
    abstract = ("Results: Participants were followed up for a mean (SD) of 37.2 (7.1), 25.9 (8.5), or 14.5 (6.6) "
                "years for incident dementia.")
    v = draft_verdicts(abstract, "三组参与者分别被随访了37.2年、25.9年和14.5年。")
    assert v["37.2年"] == v["25.9年"] == v["14.5年"] == "supported"


def test_a_length_told_to_the_half_is_read_to_the_half():
    abstract = "Results: Over a median follow-up of 7.4 years, 5796 participants died."
    assert draft_verdicts(abstract, "研究人员对参与者进行了平均七年半的跟踪调查，期间5796人死亡。")["七年半"] == "supported"
    assert draft_verdicts(abstract, "研究人员对参与者进行了平均八年半的跟踪调查，期间5796人死亡。")["八年半"] != "supported"


def test_an_age_the_abstract_gives_is_no_misquote_of_its_other_age():
    abstract = ("Methods: Participants with and without hypertension at index ages of 45 years and 55 years. "
                "Results: For participants at age 45 years, 1,677 incident heart failure events occurred.")
    v = draft_verdicts(abstract, "对年龄45岁的参与者的随访中，发生1,677例心衰。以种族和年龄55岁时划分有类似的趋势。")
    assert v["55岁"] != "mismatch"
    assert v["1,677例"] == "supported"


def test_a_length_of_years_that_spans_a_period_the_abstract_states():
    abstract = ("Objective: To quantify the cancer deaths averted from 1975 to 2020 by prevention, screening and "
                "treatment. Results: Of 5.94 million deaths averted, 80% were due to prevention and screening.")
    v = draft_verdicts(abstract, "研究发现，45年来预防和筛查避免了约600万例癌症死亡。")
    assert v["45年"] == "supported"
    assert draft_verdicts(abstract, "研究发现，50年来预防和筛查避免了约600万例癌症死亡。")["50年"] != "supported"


def test_an_ordinal_birthday_is_an_age_and_a_compared_pair_shares_its_unit():
    abstract = ("Methods: Individuals whose 80th birthday was just a few weeks before November 1, 2016, never became "
                "eligible. Results: The HR was 1.32 (1.15-1.51) for natural menopause at <47 compared to 50 years.")
    v = draft_verdicts(abstract, "研究发现，在2016年11月1日当天刚满80周岁的人不能接种。")
    assert v["80周岁"] == "supported"
    from factcheck.papers.summarize import draft_summary

    s = draft_summary(abstract, source="x")
    assert any(v.value == 47.0 and v.unit == "year" for f in s.findings for v in f.values)


def test_a_ratio_named_before_the_categories_it_compares_is_that_ratio():
    abstract = ("Results: The adjusted hazard ratio comparing ⱖ60 dB(A) with ⬍45 dB(A) was 1.3 (95% confidence "
                "interval ⫽ 0.96–1.7). The hazard ratio was 1.5 (1.0-2.2) for those exposed for 15 years or more.")
    v = draft_verdicts(abstract, "研究发现，接触至少60分贝噪音的人，跟接触低于45分贝噪音的人相比，心脏病死亡的危险高出30%。")
    assert v["30%"] == "supported"


def test_a_ratio_named_before_what_it_is_of_with_its_digits_is_that_ratio():
    # (the abstract is cut inside the interval, as stores cut them)
    abstract = ("Results: Symptoms of respiratory infection were reported by 100 (17%) within 7 days. The relative "
                "risk (RR) for MI occurring within 1–7 days after respiratory infection symptoms was 12.0 (95")
    v = draft_verdicts(abstract, "研究显示，呼吸道感染后一周内心梗风险增加12倍。")
    assert v["12倍"] == "supported"


def test_a_day_before_the_issue_the_record_gives_may_be_the_online_day():
    abstract = ("Title: Herpes zoster vaccination and dementia\nJournal: JAMA\nYear: 2025\n\n"
                "JAMA. 2025 Jun 17;333(23):2083-2092.\n\nResults: Of 101 219 adults, 9.6% received the vaccine.")
    assert draft_verdicts(abstract, "该研究于2025年4月23日发表于JAMA，纳入101219名成人。")["2025年4月23日"] != "mismatch"
    assert draft_verdicts(abstract, "该研究于2025年8月23日发表于JAMA，纳入101219名成人。")["2025年8月23日"] == "mismatch"


def test_the_end_of_a_period_of_data_is_no_year_of_another_study():
    abstract = ("Title: Rosacea and dementia\nJournal: Ann Neurol\nYear: 2016\n\n"
                "Methods: Nationwide cohort of 5,591,718 Danish citizens, 1997-2012. Results: Rosacea was associated "
                "with dementia (HR 1.07, 95% CI 1.01-1.14) and Alzheimer disease (HR 1.25, 95% CI 1.14-1.37).")
    v = draft_verdicts(abstract, "有研究显示草莓鼻和痴呆症有关。丹麦专家分析了1997-2012年的资料，发表了研究结果称，有草莓鼻的人患痴呆症的"
                                 "机率比没有的人高出7%，其中阿兹海默症高出25%。")
    assert v["7%"] == v["25%"] == "supported"


def test_ages_of_chronological_age_and_a_pair_of_ages_one_slipped():
    abstract = ("Results: The analysis revealed nonlinear patterns in molecular markers of aging, with substantial "
                "dysregulation occurring at two major periods occurring at approximately 44 years and 60 years of "
                "chronological age.")
    v = draft_verdicts(abstract, "研究发现衰老的两个关键转折点：44岁和60岁。")
    assert v["44岁"] == v["60岁"] == "supported"
    v = draft_verdicts(abstract, "研究发现衰老的两个关键转折点：45岁和60岁。")
    assert v["45岁"] == "mismatch" and v["60岁"] == "supported"
    assert draft_verdicts(abstract, "研究发现衰老的两个关键转折点：50岁和60岁。")["50岁"] != "mismatch"


def test_outcomes_named_bare_after_clauses_told_their_change_go_on_with_it():
    abstract = ("Results: Significant positive associations with maternal smoking were found for limb reduction "
                "defects (OR 1.26), clubfoot (OR 1.28), gastrointestinal defects (OR 1.27), craniosynostosis "
                "(OR 1.33), eye defects (OR 1.25) and orofacial clefts (OR 1.28).")
    v = draft_verdicts(abstract, "研究发现，孕期吸烟的妇女生出缺四肢婴儿的风险上升了26%，胃肠缺陷风险增加了27%，颅骨缺陷33%，眼部缺陷25%。")
    assert v["33%"] == v["25%"] == "supported"
    v = draft_verdicts(abstract, "研究发现，孕期吸烟的妇女生出缺四肢婴儿的风险上升了26%，吸烟者占33%。")
    assert v["33%"] != "supported"


def test_a_rate_per_thousand_told_as_a_percent_is_a_unit_slip():
    abstract = ("Results: The absolute risk of late stillbirth for women who went to sleep on their left was "
                "1.96/1000 and was 3.93/1000 for women who did not go to sleep on their left.")
    v = draft_verdicts(abstract, "研究发现，不朝左侧睡的孕妇晚期死产的风险为4%，而朝左侧睡的孕妇为2%。")
    assert v["4%"] == v["2%"] == "mismatch"
    v = draft_verdicts(abstract, "研究发现，不朝左侧睡的孕妇晚期死产的风险为3.93‰，而朝左侧睡的孕妇为1.96‰。")
    assert v["3.93‰"] == v["1.96‰"] == "supported"


def test_a_round_number_of_years_spans_a_period_to_the_year():
    abstract = "Methods: A cohort of 19 046 adults was followed from 2000 to 2021. Results: 33 percent developed diabetes."
    assert draft_verdicts(abstract, "研究发现，在过去20年中，19046名参与者中有33%患上糖尿病。")["20年"] == "supported"
    assert draft_verdicts(abstract, "研究发现，在过去30年中，19046名参与者中有33%患上糖尿病。")["30年"] != "supported"


def test_an_item_of_a_list_beside_its_finding_s_other_items_is_that_finding_s():
    abstract = ("Methods: A total of 4282 adults were tested. The final SRT score was obtained by adding sitting and "
                "rising scores and stratified in five groups for analysis: 0–4, 4.5–7.5, 8, 8.5–9.5, and 10. "
                "Results: During a median follow-up of 12.3 (interquartile range = 7.6–18.0) years, there were 665 deaths.")
    v = draft_verdicts(abstract, "研究发现，按得分分为5组:0-4分、4.5-7.5分、8分、8.5-9.5分和10分。随后进行了中位时间长达12.3年的随访。")
    assert v["8"] == v["10"] == v["12.3年"] == "supported"
    # (alone, a common number the abstract gives for another measure is no support)
    assert draft_verdicts(abstract, "研究发现，得分为8分的人更多。")["8"] != "supported"


def test_an_age_before_which_is_the_range_that_ends_the_year_before():
    abstract = ("Methods: We performed a meta-analysis of early-onset stroke (EOS), ages 18-59 years, in 16,730 cases "
                "and 599,237 controls.")
    assert draft_verdicts(abstract, "研究发现，A型血的人60岁前中风风险更高。")["60岁"] == "supported"
    assert draft_verdicts(abstract, "研究发现，A型血的人50岁前中风风险更高。")["50岁"] != "supported"


def test_a_length_told_for_each_sex_after_its_value_keeps_its_unit():
    abstract = ("Abstract: The average loss of life per cigarette smoked is approximately 20 minutes: 17 for men "
                "and 22 for women.")
    v = draft_verdicts(abstract, "研究显示，吸一支香烟会使寿命缩短约20分钟，男性减少17分钟，女性减少22分钟。")
    assert v["17分钟"] == v["22分钟"] == "supported"


def test_the_study_s_cohorts_or_countries_a_little_miscounted():
    abstract = ("Methods: We conducted an individual-participant meta-analysis of 1,966,444 adults in 31 cohorts from "
                "the Americas (12), Europe (9) and Western Pacific (7).")
    v = draft_verdicts(abstract, "研究发现，研究团队分析了32个研究队列。")
    assert v["32个"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，研究团队分析了31个研究队列。")["31个"] == "supported"
    # (a part the abstract states, and a round number, are no miscount)
    assert draft_verdicts(abstract, "研究发现，美洲有12个队列。")["12个"] != "mismatch"
    # (a round count of fifty or more is a reader's rounding: 80 for 82 countries; 十 for 11 is not)
    assert draft_verdicts(abstract, "研究发现，研究团队分析了30个研究队列。")["30个"] == "mismatch"
    countries = "Methods: We pooled data from 82 countries."
    assert draft_verdicts(countries, "研究发现，研究团队分析了80个国家的数据。")["80个国家"] != "mismatch"
    assert draft_verdicts(countries, "研究发现，研究团队分析了84个国家的数据。")["84个国家"] == "mismatch"


def test_a_count_of_people_in_ten_thousands_a_little_off_the_paper_s():
    abstract = ("Results: A total of 697 828 individuals were in the UK Biobank and 23andMe cohorts. A further 170 756 "
                "individuals with depression and 329 443 control participants were in the PGC. Conclusions: This "
                "2-sample mendelian randomization analysis of data from nearly 840 000 adults found an association "
                "between earlier sleep timing and lower risk of depression.")
    assert draft_verdicts(abstract, "研究发现，这项分析纳入了85万人的数据。")["85万人"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，这项分析纳入了84万人的数据。")["84万人"] == "supported"
    assert draft_verdicts(abstract, "研究发现，这项分析纳入了8.4万人的数据。")["8.4万人"] == "mismatch"
    # (约, 近 and 多 widen a count: no slip)
    assert draft_verdicts(abstract, "研究发现，这项分析纳入了约85万人的数据。")["85万人"] != "mismatch"


def test_a_healthy_pattern_s_thresholds_as_a_pdf_and_its_kinds_of_minutes_write_them():
    abstract = ("EXPOSURES A healthy lifestyle pattern was defined as never or past smoking, no or moderate alcohol "
                "drinking (ⱕ1 drink/d for women, ⱕ2 drinks/d for men), and weekly aerobic physical activity of at "
                "least 75 vigorous-intensity or 150 moderate-intensity minutes.")
    v = draft_verdicts(abstract, "研究发现，健康生活方式包括：女性饮酒≤1杯/天，男性≤2杯/天，每周至少75分钟高强度运动或150分钟中等强度运动。")
    assert v["≤1杯"] == v["≤2杯"] == v["75分钟"] == v["150分钟"] == "supported"
    assert draft_verdicts(abstract, "研究发现，每周至少90分钟高强度运动。")["90分钟"] != "supported"


def test_a_health_body_s_researchers_are_the_study_s_not_its_statistics():
    abstract = ("Methods: Nine countries participated in the survey. We obtained data for 109 101 of 112 152 "
                "deliveries. Findings: The overall rate of caesarean section was 27.3%.")
    v = draft_verdicts(abstract, "世界卫生组织 (WHO) 的研究者分析了9个亚洲国家近108,000例孕妇的分娩方式。")
    assert v["108,000例"] == "supported"
    assert draft_verdicts(abstract, "世界卫生组织的数据显示，全球剖腹产率为21%。")["21%"] == "unattributed"


def test_a_count_with_its_share_before_its_people_and_two_digits_swapped():
    abstract = ("Methods: 4112 participants without diabetes were followed. Results: A total of 264 (6.42%) "
                "participants developed type 2 diabetes over the follow-up.")
    assert draft_verdicts(abstract, "研究发现，共有264人患上了2型糖尿病。")["264人"] == "supported"
    assert draft_verdicts(abstract, "研究发现，共有246人患上了2型糖尿病。")["246人"] == "mismatch"


def test_a_risk_lowered_by_up_to_a_percent_is_read_against_the_ratio():
    abstract = ("Results: With a median of 7.9 years of follow-up, the cumulative incidence of hepatocellular carcinoma "
                "was 4.0% among aspirin users and 8.3% among nonusers (adjusted hazard ratio, 0.69; 95% CI, 0.62 to 0.76).")
    assert draft_verdicts(abstract, "研究证实阿司匹林可降低B、C型肝炎患者的肝癌风险达31%。")["31%"] == "supported"


def test_a_study_of_another_year_told_by_what_it_found_is_another_study():
    abstract = ("Title: Meat consumption and incident type 2 diabetes\nJournal: Lancet Diabetes Endocrinol\nYear: 2024\n\n"
                "Results: Higher intake of unprocessed red meat was associated with a 10% higher risk of type 2 diabetes.")
    v = draft_verdicts(abstract, "研究发现，红肉摄入增加10%的糖尿病风险。哈佛大学2019年的研究发现，每天吃坚果的人死亡率低20%。")
    assert v["10%"] == "supported" and v["20%"] == "unattributed"


def test_at_least_and_at_most_bound_a_change_they_do_not_tell_its_direction():
    abstract = ("Results: Ever smokers had a 1.3-fold [95% confidence interval (CI): 1.1-1.7] increased risk of "
                "breast cancer overall.")
    # 增加至少30%: 至少 holds 少, but it bounds the number; the verb before it says the risk rose
    assert draft_verdicts(abstract, "研究发现，女性抽烟会使罹患乳腺癌的危险增加至少30%。")["30%"] == "supported"


def test_a_rate_faster_by_a_percent_is_the_ratio_of_rates():
    abstract = ("Results: Patients who received remdesivir had a median recovery time of 10 days, as compared with "
                "15 days in those who received placebo (rate ratio for recovery, 1.32; 95% CI, 1.12 to 1.55).")
    assert draft_verdicts(abstract, "研究发现，瑞德西韦组患者的康复速度快32%。")["32%"] == "supported"
    # (慢性, chronic, is no change: a share of chronic-disease deaths is no ratio of the paper)
    deaths = "Results: The change in body weight was -11.1% at week 48."
    assert draft_verdicts(deaths, "研究发现，肥胖引发的死亡已占慢性病相关死亡的11.1%。")["11.1%"] != "supported"


def test_a_decade_is_ten_years():
    abstract = ("Results: After adjustment for potential confounders, every decade abstinent from alcohol was associated "
                "with an approximate 20% (95% CI 11-28%) lower rate of incident AF. Participants were followed for "
                "two decades.")
    v = draft_verdicts(abstract, "研究发现，每戒酒十年，房颤风险降低20%，参与者被随访了20年。")
    assert v["十年"] == v["20年"] == "supported"


def test_two_groups_are_the_two_an_abstract_compares():
    abstract = ("Methods: 13 571 healthy adults aged 70 years or older were followed. Results: Compared with "
                "nonuse, antibiotic use was not associated with cognitive decline.")
    assert draft_verdicts(abstract, "研究发现，比较了使用抗生素和未使用抗生素的个体，两组之间没有显著差异。")["两组"] == "supported"
    # (分为两组 tells how the study split its people: an abstract that names no arms does not say)
    assert draft_verdicts(abstract, "研究发现，研究人员将参与者分为两组。")["两组"] != "supported"
    # (an abstract that compares no groups gives no count of them)
    alone = "Results: The prevalence of myopia was 31.5% among 5 000 children."
    assert draft_verdicts(alone, "研究发现，两组儿童的近视率没有差异。")["两组"] != "supported"


def test_a_bound_on_a_category_does_not_misquote_the_papers_level():
    abstract = ("Methods: We studied 2742 participants of MESA. Results: At baseline, mean calcium intakes across "
                "quintiles were 313.3, 540.3, 783.0, 1168.9, and 2157.4 mg/day. Calcium supplement use was "
                "associated with increased risk for incident CAC (RR, 1.22).")
    # 超过1022mg: a cut-off of those who took in more, not the paper's mean intake of a quintile
    v = draft_verdicts(abstract, "研究发现，通过饮食补钙的参与者每天摄入钙的量超过1022mg，并没有增加其患心脏病的风险。")
    assert v["1022mg"] == "not_in_source"


def test_a_drafts_value_twice_or_half_the_articles_is_another_step_not_a_misquote():
    """8-year-olds against 4岁, HR 0.78 (22% lower) against 降低44%: a value twice or half the
    article's is another step of the paper's scale, not the number misquoted; it is reported as
    not in the paper, with that value shown (a curated summary still calls the doubling, FC106)."""
    abstract = ("Results: Dental flossing was significantly associated with a lower risk of ischemic stroke "
                "(HR 0.78, 95% CI 0.66-0.92) among the 6 258 participants.")
    rep = draft_report(abstract, "研究发现，使用牙线的人缺血性中风风险降低44%。")
    v = verdict_of(rep, "44%")
    assert v[0] == "not_in_source" and v[2] == "FC103"
    note = next(x.note for c in rep.claims for x in c.mention_verdicts if x.verdict == "not_in_source")
    assert "22%" in str(note)
    # (a near value is still the paper's number misquoted)
    assert draft_verdicts(abstract, "研究发现，使用牙线的人缺血性中风风险降低25%。")["25%"] == "mismatch"


def test_a_change_after_a_category_is_held_to_the_estimate_listed_under_it():
    """每天喝两到三杯咖啡，风险降低22%—23% where the abstract lists "2 to 3 cups/d: 0.83": held to
    the ratio written under that category (17% lower), a misquote; the category's own ratio told
    right (降低17%) is supported."""
    abstract = ("Results: Higher coffee consumption was associated with lower AKI risk versus no consumption (hazard "
                "ratio [HR] <1 cup/d: 0.92 [95% CI: 0.79–1.08]; 1 cup/d: 1.08 [95% CI: 0.94–1.24]; 2 to 3 cups/d: "
                "0.83 [95% CI: 0.72–0.95]; >3 cups/d: 0.83 [95% CI: 0.71–0.96]; reference: never, P = 0.003).")
    v = draft_verdicts(abstract, "研究发现，每天喝两到三杯咖啡的人，罹患急性肾损伤的风险降低22%—23%。")
    assert v["两到三杯"] == "supported" and v["22%—23%"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，每天喝两到三杯咖啡的人，罹患急性肾损伤的风险降低17%。")["17%"] == "supported"


def test_a_journal_named_as_media_vary_its_name_is_that_journal():
    from factcheck.papers.glossary import load_glossary

    gl = load_glossary(lexicon=True)
    # the original in brackets, a section's separator, 卷, 杂志 moved, 学 dropped: one journal
    for name in ("《美国医学会杂志(JAMA)》", "美国医学会杂志·内科学卷", "美国医学会内科杂志",
                 "美国医学会杂志•内科学", "柳叶刀·糖尿病和内分泌学杂志"):
        assert gl.journal_key(name) in ("jama", "jama_internal_medicine", "lancet_diabetes_endocrinology"), name
    assert gl.journal_key("美国医学会内科杂志") == "jama_internal_medicine"
    # a form that two journals of the table share names neither; a book's title names none
    assert gl.journal_key("《时间简史》") is None
    # the paper's journal in its Archives name (Arch Intern Med) is of JAMA's family: 《美国医学会
    # 杂志》 is not another study's journal, 《内科学年鉴》 (Annals) is
    abstract = ("Title: Coffee and kidney stones\nJournal: Archives of Internal Medicine\nYear: 2010\n\n"
                "Methods: 50 275 adults. Results: Coffee drinking was associated with a 31% lower risk "
                "of kidney stones (HR 0.69).")
    v = draft_verdicts(abstract, "这项发表在《美国医学会杂志·内科学卷》的研究追踪了50275名成人，风险降低31%。"
                                 "2019年，《内科医学年鉴》上一项研究表明，喝茶的人风险降低29%。")
    assert v["50275名"] == "supported" and v["31%"] == "supported"
    assert v["29%"] == "unattributed"
    # a title right after another and 的 is that journal's section or sister title:
    # 《美国医学协会杂志》的《眼科学》 is JAMA Ophthalmology, the paper's own, not 《眼科学》 (Ophthalmology)
    abstract = ("Title: Smoking cessation and cataract\nJournal: JAMA Ophthalmology\nYear: 2014\n\n"
                "Methods: 44 371 men were followed. Results: The excess risk of cataract extraction among "
                "former smokers persisted for more than 20 years after smoking cessation.")
    v = draft_verdicts(abstract, "根据一项发表在《美国医学协会杂志》的《眼科学》的研究，戒烟后患白内障的风险仍会持续超过20年。")
    assert v["20年"] == "supported"
    # a name media give two journals: 《肝脏病学杂志》 is the table's form of the Journal of
    # Hepatology, and how media name Hepatology (《肝脏病学》) too: over a paper of Hepatology it is
    # no other journal's study; a journal of another name still is
    abstract = ("Title: Modest wine drinking and fatty liver\nJournal: Hepatology\nYear: 2008\n\n"
                "Methods: 8 156 adults. Results: The adjusted odds ratio was 0.51 (95% confidence "
                "interval, 0.33-0.79).")
    for journal, verdict in (("2008年第六期《肝脏病学杂志》", "supported"), ("2008年《胃肠病学》", "unattributed")):
        said = f"发表于{journal}的研究表明，每天一杯红酒，患脂肪肝的风险可以减少49%。"
        assert draft_verdicts(abstract, said)["49%"] == verdict, journal


def test_a_percent_written_per_cent_is_a_percent():
    from factcheck.text.numbers import extract

    assert [(m.kind, m.value) for m in extract("the risk of death was 36 per cent higher")] == [("percent", 36)]


def test_number_words_ranges_and_counts_abstracts_write_in_words():
    # a hyphen of U+2010 in "Seventy‐four", "three to six times per week", "23 published reports",
    # "the first 2 years of life", each against the article's figure
    for abstract, text, surface in (
            ("Results: Seventy‐four studies were included.", "研究人员分析了74份研究。", "74份"),
            ("Methods: Participants ate bananas three to six times per week. Results: risk was lower (HR 0.6).",
             "研究发现，每周吃3-6次香蕉的人风险更低。", "3-6次"),
            ("Methods: We searched 23 published reports.", "研究人员分析了23项研究。", "23项"),
            ("Methods: Antibiotic exposure during the first 2 years of life was recorded.",
             "研究发现2岁前使用抗生素的儿童风险更高。", "2岁")):
        assert draft_verdicts(abstract, text)[surface] == "supported", surface


def test_an_open_count_with_ranks_and_digits_is_one_number():
    abstract = "Results: Of 27,670 self-reported nondiabetic participants aged 40 or over, 1,189 developed cataract."
    assert draft_verdicts(abstract, "英国科研人员对2万7600多名40岁以上者进行了调查。")["2万7600多名"] == "supported"
    assert draft_verdicts(abstract, "研究中有1千1百多名参与者患上白内障。")["1千1百多名"] == "supported"


def test_tenths_with_a_point_are_read_to_the_point():
    abstract = ("Results: In males, physical activity of 6 hours or more per week was inversely associated with "
                "Parkinson's disease (HR 0.55, 95% CI 0.34-0.89).")
    v = draft_verdicts(abstract, "研究发现，男性每星期活动六小时或以上，患病风险减少四成三。")
    assert v["四成三"] == "mismatch"
    assert draft_verdicts(abstract, "研究发现，男性每星期活动六小时或以上，患病风险减少四成四。")["四成四"] == "supported"


def test_a_frequency_in_hertz_is_a_measurement():
    abstract = "Results: In mice, multisensory 40 Hz stimulation for 1 h daily promoted clearance."
    assert draft_verdicts(abstract, "研究发现，40Hz刺激促进清除。")["40Hz"] == "supported"
    assert draft_verdicts(abstract, "研究发现，40赫兹的刺激促进清除。")["40赫兹"] == "supported"
    # (HZ is herpes zoster: "106,601 HZ cases and 213,202 controls" are people, 32万 of them)
    zoster = "Methods: A retrospective cohort of 106,601 HZ cases and 213,202 controls was identified."
    assert draft_verdicts(zoster, "研究分析了32万人的资料。")["32万人"] == "supported"


def test_a_share_past_its_bound_is_past_it_by_less_than_its_last_digit():
    abstract = ("Results: Prevalence of at least one nonoptimal risk factor before heart failure was 99.7% in Korea; "
                "about half of the men (52%) had two.")
    v = draft_verdicts(abstract, "研究显示，超过99%的患者在发病前至少存在一项风险因素，且93%以上患者有两个风险因素。")
    assert v["99%"] == "supported" and v["93%"] != "supported"
    assert draft_verdicts(abstract, "研究显示，超过一半的男性有两个风险因素。")["一半"] == "supported"


def test_an_abstracts_litres_are_litres():
    abstract = ("Methods: Ten healthy men received a standardized diet. Subjects consumed 1.5 L/day of fruit tea "
                "during the 5-day control phase and 1.5 L/day of black tea during the 5-day test phase.")
    assert draft_verdicts(abstract, "两个阶段：先饮用果茶（1.5 升/天），再饮用红茶（1.5 升/天）。")["1.5 升"] == "supported"


def test_a_range_that_spans_a_findings_estimates_is_that_span():
    abstract = ("Results: Specifically, the hazard ratios for dementia across each BMI group were 0.875 (95% "
                "confidence interval [CI]: 0.848–0.904), 0.917 (0.885–0.951), 0.878 (0.834–0.924) and 0.891 "
                "(0.834–0.953), respectively. For all-cause mortality, the corresponding hazard ratios were 0.719 "
                "(0.701–0.737), 0.727 (0.708–0.746), 0.717 (0.694–0.741) and 0.743 (0.717–0.771).")
    v = draft_verdicts(abstract, "研究发现，二甲双胍使用者的痴呆风险比介于0.875至0.917之间，全因死亡风险比介于0.717至0.743之间。")
    assert v["0.875至0.917"] == v["0.717至0.743"] == "supported"
    assert draft_verdicts(abstract, "研究发现，痴呆风险比介于0.875至0.951之间。")["0.875至0.951"] != "supported"


def test_each_count_of_a_bracketed_list_is_of_the_people_it_ends_with():
    abstract = ("Results: The matched cohorts included 132 920 (BMI 25–29.9), 142 723 (30–34.9), 94 402 (35–39.9) "
                "and 82 732 (over 40) patients per group.")
    assert draft_verdicts(abstract, "研究纳入了45万名肥胖的糖尿病患者。")["45万名"] == "supported"


def test_a_protection_raised_is_the_risk_it_protects_from_lowered():
    abstract = ("Results: Incident HIV infection occurred in 52 participants: 13 in the cabotegravir group and 39 in "
                "the TDF-FTC group (hazard ratio, 0.34; 95% confidence interval, 0.18 to 0.62).")
    assert draft_verdicts(abstract, "结果显示，注射药物在预防HIV方面的效力提高了66%。")["66%"] == "supported"
    assert draft_verdicts(abstract, "结果显示，注射药物使感染风险提高了66%。")["66%"] != "supported"


def test_a_hyphened_measure_unit_is_that_unit():
    abstract = "Results: The net result was a significant 3.0-mm Hg mean difference in favor of HEPA filtration (P = 0.04)."
    assert draft_verdicts(abstract, "研究发现，空气净化使收缩压平均下降3.0mmHg。")["3.0mmHg"] == "supported"


def test_two_arms_told_as_their_total_below_a_hundred():
    abstract = ("Methods: Participants experiencing cognitive issues were randomized to consume either wild blueberry "
                "(n = 44) or placebo (n = 42) powder daily for 6 months. Participants who were not experiencing any "
                "cognitive issues were included as a reference group (n = 45).")
    v = draft_verdicts(abstract, "研究招募了86名有认知问题的参与者。")
    assert v["86名"] == "supported"


def test_a_study_read_by_its_topic_has_been_introduced_for_the_sentences_after_it():
    # the lead names the study only by a trial name the abstract does not hold, and is read as
    # the study's by its topic: the next sentences of its paragraph, which tell of the study's
    # procedure (随访, 对照组), go on with it
    got = _verdicts("DPPⅢ研究结果表明,几乎完全通过社区医生实施的早期生活方式干预可推迟糖耐量受损者的糖尿病发病"
                    "并改善他们的长期生存。经过中位时间刚刚超过30年的随访,研究者发现,两组的死亡率分别为46%和54%。"
                    "干预组与对照组的中位总生存期分别为18.3年和11.9年。")
    assert got["46%"] == "not_in_source" and got["54%"] == "not_in_source"
    assert got["18.3年"] == "not_in_source"


def test_a_day_after_the_papers_year_is_not_a_number_of_the_paper():
    # the paper came out in 2019: a day of 2021 is the page's or a later event's, never a number
    # the paper states; a day before it may be one (the study's start), which the abstract lacks
    got = _verdicts("一项研究随访了577名成人30年，干预组糖尿病发病推迟了3.96年。"
                    "该研究团队在2021年12月24日的研讨会上再次介绍了这项研究。研究始于1986年5月1日。")
    assert got["2021年12月24日"] == "unattributed"
    assert got["1986年5月1日"] == "not_in_source"


def test_a_line_of_the_papers_authors_under_its_list_is_no_second_paper():
    # the page lists the paper by its title, its authors on the next line: one work, which the
    # page is about, so the sentences that name no source go on with the study it introduced
    got = _verdicts("瑞典研究者发现,在中位数随访30年的一项研究中,干预组糖尿病发病推迟了3.96年。\n\n"
                    "该研究指出,生活方式干预可以带来长期的益处,这一点在随访中得到了反复的印证和确认。"
                    "干预组心血管事件减少26%。\n\n有专家评论认为,这项长期随访的结果说明,在糖耐量受损的人群中"
                    "尽早开始生活方式干预,对于预防糖尿病及其并发症具有重要的公共卫生意义。\n\n参考文献\n\n"
                    "Lifestyle intervention and diabetes: 30-year follow-up\n\n"
                    "Guangwei Li, MD; Ping Zhang, PhD; Jinping Wang, MD")
    assert got["3.96年"] == "supported" and got["26%"] == "supported"


def test_research_led_by_an_author_named_in_latin_letters_is_the_paper_s():
    # no word of the paper's topic before the researchers' sentence: only the author, named in
    # Latin letters as Chinese pages keep a foreign name, says the research is the paper's
    abstract = ABSTRACT.replace("Year: 2019", "Year: 2019\nAuthors: Guangwei Li, Ping Zhang, Jinping Wang")
    text = ("下面的内容来自我们的合作伙伴。\n\n根据今天公布的大型研究,这一结果影响深远。\n\n"
            "由大庆市医院王金平(Jinping Wang)领导的研究发现,结果令人鼓舞。\n\n研究人员检测了9个国家的样本。")
    assert draft_verdicts(abstract, text)["9个国家"] == "not_in_source"
    # (with no author of the paper named: research in general, at first)
    other = draft_verdicts(abstract, text.replace("王金平(Jinping Wang)", "何某(Peter Smith)"))
    assert other["9个国家"] == "unattributed"
    # (authors as PubMed lists them, family name first: "Wang, Jinping"; the page gives the family name)
    listed = abstract.replace("Guangwei Li, Ping Zhang, Jinping Wang", "Li, Guangwei; Zhang, Ping; Wang, Jinping A")
    assert draft_verdicts(listed, text.replace("(Jinping Wang)", "(Wang)"))["9个国家"] == "not_in_source"


def test_earlier_research_told_in_passing_does_not_keep_the_next_paragraph():
    # 以前的研究 names other work in passing; the next paragraph, on the researchers' own
    # measures, is the study's again
    got = _verdicts("一项研究随访了577名成人30年。\n\n以前的研究已经表明,生活方式干预可将发病率降低58%。\n\n"
                    "研究人员还发现,干预组糖尿病发病推迟了3.96年,心血管事件减少26%。")
    assert got["58%"] == "unattributed"
    assert got["26%"] == "supported"
    # (以前 after a date is its bound, the trials searched for before it: the study goes on)
    got = _verdicts("一项研究随访了577名成人30年。研究人员还检索了2018年1月1日以前发表的相关试验。"
                    "两组心血管事件相差26%。")
    assert got["26%"] == "supported"


def test_the_two_arms_of_the_study_are_its_procedure():
    # a paragraph on 两组 speaks of the study's arms: the study goes on into it
    got = _verdicts("一项研究随访了577名成人30年。\n\n然而,两组之间的差异为26%。")
    assert got["26%"] == "supported"

