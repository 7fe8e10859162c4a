"""Overstatements: the seed cases an editor must see, and the traps that must not fire."""

from __future__ import annotations

import pytest

from conftest import draft_verdicts

ZANG = "\n参考文献\n[1] Zang L, et al. Efficacy and safety of umbilical cord-derived mesenchymal stem cells. " \
       "Stem Cell Res Ther. 2022;13:180. doi: 10.1186/s13287-022-02848-6\n"
CHIN = "\n参考文献\n[1] Chin SP. Umbilical Cord-Derived Mesenchymal Stem Cells Infusion in Type 2 Diabetes. " \
       "Diabetes Metab Syndr Obes. 2025;18:1643-1659. doi: 10.2147/DMSO.S507801.\n"


def _overs(report, surface=None, category=None):
    return [o for o in report.overstatements
            if (surface is None or surface in o.surface) and (category is None or o.category == category)]


def test_sik1_all_patients_is_scope(seed_reports):
    o = _overs(seed_reports["000"], "所有", "scope")
    assert any(x.line == 26 for x in o)


def test_000_certainty_boosters(seed_reports):
    r = seed_reports["000"]
    assert _overs(r, "断定", "certainty")
    assert _overs(r, "彻底厘清", "certainty")
    # the SIK1 paper is unavailable: the message says the paper's side cannot be shown
    assert "不可得" in _overs(r, "断定")[0].message


def test_002_conclusion_proves_reversal_and_quotes_the_paper(seed_reports):
    r = seed_reports["002"]
    assert _overs(r, "证实", "certainty")
    assert _overs(r, "逆转", "cure_reversal")
    beta = _overs(r, "β细胞", "other")
    assert beta and beta[0].rule == "FC210"
    assert "did not improve" in beta[0].paper_wording


def test_002_meta_linguistic_reversal_is_not_reported(seed_reports):
    r = seed_reports["002"]
    assert not [o for o in r.overstatements if o.line in (44, 45)]


def test_paper_wording_is_quoted_for_a_hedged_rct(check_text):
    r = check_text("[1]该研究已经证实干细胞移植能治愈糖尿病。" + ZANG)
    o = _overs(r, "证实", "certainty")
    assert o and o[0].severity == "error"
    assert "could be a potential" in o[0].paper_wording


@pytest.mark.parametrize("sentence", [
    "[1]研究尚未证实干细胞能治疗糖尿病。",           # negated
    "[1]研究并未证实这一点。",
    "[1]干细胞能否逆转糖尿病？",                      # question
    "[1]对于“逆转”一词，我们需要客观认知。",          # meta-linguistic
    "[1]这一结论可能导致误解。",                      # hedged (and an RCT anyway)
    "[1]他们的研究涉及所有权问题。",                  # 所有 inside 所有权
])
def test_traps_do_not_fire(check_text, sentence):
    r = check_text(sentence + ZANG)
    assert not r.overstatements, [(o.surface, o.rule) for o in r.overstatements]


def test_negation_is_token_aware(check_text):
    # 不仅 is "not only": 确认了 is still asserted
    r = check_text("[1]这项研究不仅确认了干细胞的作用，还给出了新的思路。" + ZANG)
    assert _overs(r, "确认了", "certainty")


def test_causal_weighs_the_design(check_text):
    rct = check_text("[1]研究发现，干细胞治疗导致胰岛素用量下降。" + ZANG)
    assert not _overs(rct, category="causal")              # a randomised trial may say 导致
    reg = check_text("[1]研究发现，干细胞治疗导致胰岛素用量下降。" + CHIN)
    o = _overs(reg, "导致", "causal")
    assert o and o[0].severity == "error" and "登记研究" in o[0].message


def test_causal_tally_is_not_causal(check_text):
    r = check_text("[1]这个研究纳入2177名患者，最终导致了952例怀孕。" + CHIN)
    assert not _overs(r, category="causal")


def test_reported_belief_is_not_the_articles_assertion(check_text):
    r = check_text("很多医生认为，生化妊娠就是卵子质量不好导致的。" + CHIN)
    assert not r.overstatements


@pytest.mark.parametrize("sentence", [
    "很多糖友认为，干细胞可以彻底治愈糖尿病。事实真的如此吗？",      # a belief the article then questions
    "不少姐妹以为，吃了保胎药就能根治生化。",
    "网上那些号称能“彻底治愈”糖尿病的偏方，大家切勿轻信。",         # warned in a later clause
    "[1]试验共纳入91例患者，所有受试者经随机分配后接受输注或安慰剂。",  # the study's own protocol
    "[1]每位患者接受的细胞总量相同，全部经静脉输注。",
    "[1]安全性方面，所有受试者均未出现严重的移植相关不良事件。",      # the paper says so of everyone
    "[1]每一位患者的情况都不同，具体治疗请和医生商量。",              # a caution
    "[1]医生决定了要先暂停移植。",                                    # a person's decision
    "[1]论文标题只用了“启示”一词，而非“证明”；临床部分只能看出关联。",  # negation before a quotation mark
    "[1]已在使用胰岛素的人，更不要自行调整剂量。",                    # a warning, not advice
    "[1]结果显示，无论短期或长期，多数方案都能改善胰岛素抵抗。",        # most is not all
    "[1]为证实研究结果，研究团队另外分析了830个血液样本。",            # an aim, not a claim
    "[1]过去的研究已经证实，睡眠不足与肥胖有关。",                    # other evidence, not the paper's
    "[1]总体而言，该研究达到了主要终点和所有关键次要终点。",          # 所有 quantifies endpoints, not people
    "[1]这个研究里所有人都是单胚胎移植。",                            # the sample described
    "[1]替尔泊肽是每周注射1次的双重受体激动剂。",                      # a drug described, not advice
    "[1]这里是革命老区，研究尚未证实其效果。",                        # cues inside longer words
    "[1]如果每个中国人每天都吃新鲜水果，心血管病死亡人数会更少。",      # everyone supposed, not claimed
])
def test_more_traps_do_not_fire(check_text, sentence):
    r = check_text(sentence + ZANG)
    assert not r.overstatements, [(o.surface, o.rule) for o in r.overstatements]


@pytest.mark.parametrize("sentence, surface, category", [
    ("[1]这项试验证明，输注后糖友从此可以摆脱胰岛素。", "摆脱胰岛素", "cure_reversal"),
    ("我院独创的输注方案更是全球首创。", "全球首创", "novelty"),
    ("[1]研究发现，子宫内膜的状态决定了胚胎能不能着床。", "决定了", "causal"),
    ("每一位有过生化的姐妹，下次备孕前都必须做宫腔镜检查。", "每一位有过生化的姐妹", "scope"),
    ("每一位有过生化的姐妹，下次备孕前都必须做宫腔镜检查。", "必须做宫腔镜检查", "advice"),
    ("建议大家从排卵后开始每天口服小剂量阿司匹林。", "每天口服小剂量阿司匹林", "advice"),
    ("小暖建议移植前先做内膜容受性检测。", "建议移植前先做内膜容受性检测", "advice"),
    ("[1]所有患者都从输注中获益，没有一个例外。", "所有", "scope"),       # a claim, not a universal negative
    ("[1]研究者认为还需要更大的试验；所有受试者的血糖都明显下降。", "所有", "scope"),
    ("[1]所有试管妈妈都不必再为年龄焦虑。", "所有", "scope"),          # 都不必 is no universal negative
    ("[1]在所有不明原因反复流产患者的胚胎绒毛里，SIK1都更高。", "所有", "scope"),
    ("[1]营养补充为每天补充4100-7500IU的维生素D。", "每天补充", "advice"),  # 为 a copula, not an aim
    ("[1]这项研究是硬核实锤了。", "实锤", "certainty"),      # jieba reads 硬|核实|锤: the cue is still there
    ("[1]这项突破发现意味着一种新的治疗。", "突破发现", "novelty"),
    ("[1]他们首次明确了节食的效果主要来自能量限制。", "首次明确", "novelty"),
    ("[1]这项研究革新了过去人们对节食模式的传统认识。", "革新了", "novelty"),
    ("调理好免疫，反复生化的问题就能彻底解决。", "彻底解决", "cure_reversal"),
    ("研究团队指出，运动与维生素之间存在明显的加乘效果。", "加乘效果", "other"),
    ("建议大家移植前只放A级囊胚，C级囊胚直接放弃。", "建议大家", "advice"),
    ("下次移植前都应完善检查，并预防性使用阿司匹林和低分子肝素。", "预防性使用阿司匹林", "advice"),
    ("[1]这篇论文已经实锤：胰岛素抵抗就是流产的原因。", "实锤", "certainty"),
    ("[1]正是干细胞输注直接带来了血糖的下降。", "直接带来", "causal"),
    ("运动加维生素D能够协同增效。", "协同增效", "other"),
    ("[1]干预12周后效果可以终身保持。", "终身保持", "scope"),
    ("我们的联合方案是行业内首创。", "行业内首创", "novelty"),
    ("[1]这个结论对自然怀孕的姐妹也是一样。", "也是一样", "extrapolation"),
    ("反复生化的姐妹必须吃二甲双胍。", "必须吃", "advice"),
    ("每一位备孕的姐妹都去做一次内膜容受性检测。", "都去做一次内膜容受性检测", "advice"),
])
def test_more_overstatements_fire(check_text, sentence, surface, category):
    paper = CHIN if category == "causal" else ZANG
    r = check_text(sentence + paper)
    assert _overs(r, surface, category), [(o.surface, o.category) for o in r.overstatements]


def test_null_result_told_as_no_effect(seed_reports):
    o = _overs(seed_reports["003"], "没有影响")
    assert o and o[0].rule == "FC212" and o[0].category == "certainty"


def test_not_measured_construct(seed_reports):
    o = _overs(seed_reports["003"], "卵子质量", "other")
    assert o and all(x.rule == "FC211" for x in o)
    assert not [x for x in o if x.line in (14, 18)]   # general remarks, not conclusions


def test_advice_to_another_population(seed_reports):
    o = _overs(seed_reports["000"], category="advice")
    assert any("4100-7500IU" in x.surface for x in o)
    assert all(x.severity == "error" for x in o if x.reference == 2)   # T2D trials, pregnancy readers


def test_silence_by_config_and_inline(check_text):
    text = "[1]这项突破性研究证实了疗效。" + ZANG
    assert _overs(check_text(text), "突破性")
    assert not _overs(check_text(text, ignore=["FC205"]), "突破性")
    assert not _overs(check_text("<!-- factcheck-disable FC205 -->\n" + text), "突破性")
    inline = check_text("[1]这项突破性研究证实了疗效。 factcheck-disable-line FC201" + ZANG)
    assert _overs(inline, "突破性") and not _overs(inline, "证实")


def test_rules_are_data_with_unique_codes():
    from factcheck.judge.overstate import load_rules

    rules = load_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    assert all(c.startswith("FC2") for c in codes)
    cats = {r.category for r in rules}
    assert {"certainty", "causal", "scope", "cure_reversal", "novelty", "extrapolation", "advice"} <= cats


def test_extra_rules_dir(check_text, tmp_path):
    (tmp_path / "house.yaml").write_text(
        "- code: FC290\n  category: novelty\n  severity: warning\n  words: [仙丹]\n"
        "  message: {zh: '“{surface}”是夸张用语', en: '“{surface}” is hype'}\n", encoding="utf-8")
    r = check_text("这是一种仙丹。", rules_dirs=[str(tmp_path)])
    assert [o.rule for o in r.overstatements] == ["FC290"]


def test_alignment_without_jieba_agrees_with_jieba_around_every_rule_word():
    """aligned() skips jieba when no dictionary word crosses the cue's edges (and a phrase
    missing from the dictionary opens and closes with dictionary words): in corpus contexts
    around every rule word, that shortcut must agree with jieba's own cuts."""
    import random
    from pathlib import Path

    from factcheck.judge import overstate as O

    root = Path(__file__).resolve().parents[1]
    corpus = "".join(p.read_text("utf-8") for p in sorted((root / "corpus").glob("*.txt")))
    words = [w for r in O.load_rules(()) for w in r.words]
    rng = random.Random(4)
    checked = 0
    for w in words:
        for _ in range(60):
            i = rng.randrange(len(corpus) - 20)
            left, right = corpus[i:i + rng.randint(0, 6)], corpus[i + 6:i + 6 + rng.randint(0, 6)]
            text = left + w + right
            s, e = len(left), len(left) + len(w)
            if O._crossed(text, s, e):
                continue
            toks = O._Tokens(text).block(s)
            assert s in {p for p, _t in toks} and e in {p + len(t) for p, t in toks}, (w, text, toks)
            checked += 1
    assert checked > len(words) * 20


@pytest.mark.parametrize("option, error", [
    ("skip_if_desing: [rct]", r"house.yaml: rule FC291: unknown option 'skip_if_desing'"),
    # a design no summary carries (cell for in_vitro) would leave the rule silent
    ("requires_design: [animal, cell]", r"house.yaml: rule FC291: requires_design: unknown design 'cell'"),
    # a context regex that is no regex, or a list holding something else
    ("not_followed_by: '(了'", r"house.yaml: rule FC291: not_followed_by: bad regex"),
    ("not_preceded_by: [是由, {a: 1}]", r"house.yaml: rule FC291: not_preceded_by: a regex or a list"),
])
def test_a_misspelt_rule_option_or_design_is_an_error_naming_the_file(tmp_path, option, error):
    from factcheck.judge.overstate import RuleFileError, load_rules

    (tmp_path / "house.yaml").write_text(
        f"- code: FC291\n  category: causal\n  {option}\n  words: [导致]\n"
        "  message: {zh: 'x', en: 'x'}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=error):
        load_rules((str(tmp_path),))


def test_a_context_regex_may_be_a_list_of_alternatives(tmp_path):
    """not_followed_by as a list (the alternatives rules share through a YAML anchor) drops what
    any of them matches, as the one regex of them all would."""
    from factcheck.judge.overstate import load_rules

    (tmp_path / "house.yaml").write_text(
        "- code: FC291\n  category: causal\n  not_followed_by: [&tally '了?\\d', '的患者']\n  words: [导致]\n"
        "  message: {zh: 'x', en: 'x'}\n"
        "- code: FC292\n  category: causal\n  not_followed_by: *tally\n  words: [引发]\n"
        "  message: {zh: 'x', en: 'x'}\n", encoding="utf-8")
    rules = {r.code: r for r in load_rules((str(tmp_path),))}
    assert rules["FC291"].nf_re.pattern == "了?\\d|的患者" and rules["FC292"].nf_re.pattern == "了?\\d"
    assert rules["FC291"].nf_re.match("的患者") and not rules["FC291"].nf_re.match("癌症")


def test_a_modal_causal_claim_weighs_the_design(check_text):
    # a cohort (chin2025 is a registry study): 可降低 states an effect it cannot show
    assert _overs(check_text("[1]研究显示，干细胞输注可降低糖化血红蛋白。" + CHIN), "可降低", "causal")
    # a randomised trial may show it; a hedge keeps it a hedge
    assert not _overs(check_text("[1]研究显示，干细胞输注可降低糖化血红蛋白。" + ZANG), "可降低", "causal")
    assert not _overs(check_text("[1]研究显示，干细胞输注或能降低糖化血红蛋白。" + CHIN), "能降低", "causal")


def test_advice_rules_skip_what_the_study_did(check_text):
    assert not _overs(check_text("[1]试验中受试者每周注射1次药物，共48周。" + ZANG), category="advice")
    assert _overs(check_text("[1]建议大家每周注射1次药物。" + ZANG), category="advice")


def test_novelty_and_benefit_hype_are_grammatical(check_text):
    assert _overs(check_text("[1]这是全球首个证实该疗效的研究。" + ZANG), "全球首个", "novelty")
    assert _overs(check_text("[1]该研究颠覆了人们对糖尿病的认知。" + ZANG), category="novelty")
    assert not _overs(check_text("[1]很多人运动总是很难突破。" + ZANG), category="novelty")
    assert _overs(check_text("[1]这简直是救命的神药。" + ZANG), category="other")


def test_scope_and_priority_in_general_forms(check_text):
    assert _overs(check_text("[1]研究表明，在任何年龄段戒烟都能获益。" + CHIN), "任何年龄段", "scope")
    assert _overs(check_text("[1]这是全球首张肠道菌群健康排行榜。" + ZANG), "全球首张", "novelty")
    assert _overs(check_text("[1]精准营养时代正式到来。" + ZANG), category="novelty")
    assert not _overs(check_text("[1]研究纳入了任何一项指标异常的患者。" + ZANG), category="scope")


def test_the_authors_claim_relayed_is_the_articles_claim(check_text):
    r = check_text("[1]作者指出，这项研究证实干细胞输注显著改善了血糖。" + CHIN)
    assert _overs(r, "证实", "certainty")


def test_a_cause_everyone_knows_is_background_not_the_articles_reading(check_text):
    r = check_text("[1]肺癌是最常见的恶性肿瘤之一，吸烟是导致肺癌的首要因素。" + CHIN)
    assert not _overs(r, "导致", "causal")


SHIFT_WORK = ("Methods: We followed 143 410 women for 22 years in a prospective cohort. Results: Rotating night "
              "shift work was associated with a higher risk of type 2 diabetes (HR, 1.31).")


def _one_paper(abstract):
    from factcheck.papers.summaries import Store
    from factcheck.papers.summarize import draft_summary

    s = draft_summary(abstract, source="x")
    st = Store()
    st.add(s)
    return s, st


def _overstated(text, s, st):
    from factcheck.core.config import Config
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check

    return check(article_from_text(text, "a.txt"), st, Config(), papers=[s.id]).overstatements


def _rules_fired(abstract):
    """A function giving the codes of the rules that fire on a text checked against the summary
    drafted from ``abstract``."""
    s, st = _one_paper(abstract)
    return lambda text: {o.rule for o in _overstated(text, s, st)}


def test_a_schedule_naming_a_group_or_an_exposure_is_no_advice():
    s, st = _one_paper("Methods: 25871 adults were randomly assigned to vitamin D3 (2000 IU per day) or placebo. "
                       "Results: Vitamin D3 did not lower the risk of fractures (HR, 0.98).")
    for text in ("研究人员发现，每天补充2000IU维生素D与骨折风险之间无关联。",
                 "在五年随访期间：至少每周1次的人死亡率为7.5%。"):
        assert not [o for o in _overstated(text, s, st) if o.category == "advice"], text


def test_an_arms_regimen_is_a_description_not_advice():
    s, st = _one_paper("Methods: 405 adults were randomly assigned to a diet, metformin or empagliflozin. "
                       "Results: HbA1c fell by 1.9% with the diet.")
    for text in ("- 二甲双胍组：134人，每日服用2次，初始剂量0.5g，逐渐增加至2g。", "- 恩格列净组：136人，每日服用一次10mg。"):
        assert not [o for o in _overstated(text, s, st) if o.category == "advice"], text


def test_a_threshold_or_a_screening_schedule_told_to_the_readers_is_advice():
    s, st = _one_paper("Methods: 456 155 adults in a prospective cohort. Results: Drinking burning-hot tea with "
                       "excessive alcohol was associated with a higher risk of esophageal cancer (HR, 5.00).")
    for text in ("研究提醒：喝茶时建议低于60℃再饮用。", "专家说，喝茶的温度不要超过65摄氏度。",
                 "有长期相关习惯的高危人群，应定期进行胃镜检查。"):
        assert [o for o in _overstated(text, s, st) if o.category == "advice"], text


def test_certainty_denied_inside_a_longer_word_or_said_of_many_other_studies():
    s, st = _one_paper("Methods: We followed 194 095 adults for 8 years. Results: Soda consumption was associated "
                       "with a 23% higher risk of kidney stones (HR, 1.23).")
    for text in ("医生说：“虽然有没有确凿的证据显示，含糖饮料会单独导致肾结石。”",
                 "过去十年，世界各地进行的多项研究已经证实，甜饮料广泛存在于日常饮食中。"):
        assert not [o for o in _overstated(text, s, st) if o.category == "certainty"], text
    assert [o for o in _overstated("这项研究证实，喝汽水会让肾结石风险升高23%。", s, st) if o.category == "certainty"]


def test_a_causal_claim_naming_the_topic_inside_a_longer_term():
    s, st = _one_paper("Methods: A prospective cohort of 1.5 million adults. Results: Quitting smoking was associated "
                       "with lower mortality; former smokers had a lower risk of death than current smokers (HR, 0.77). "
                       "Conclusions: Cessation at any age was associated with lower mortality.")
    got = _overstated("研究人员说，即使短期戒烟，也能显著降低过量死亡风险。", s, st)
    assert [o for o in got if o.category == "causal"]


def test_a_reported_finding_is_judged_though_it_names_the_who():
    s, st = _one_paper("Methods: A prospective cohort of 89 573 adults wore accelerometers measuring moderate-to-vigorous "
                       "physical activity. Results: Both weekend warrior activity and regular activity were associated "
                       "with lower risks of incident disease "
                       "(hypertension HR, 0.77). Conclusions: Activity concentrated in a few days was associated with "
                       "lower risk.")
    got = _overstated("该研究发现，将世界卫生组织建议的每周至少150分钟的运动量集中在周末完成，能降低高血压风险。", s, st)
    assert [o for o in got if o.category == "causal"]
    got = _overstated("世界卫生组织建议每周运动150分钟，运动能降低高血压风险。", s, st)
    assert not [o for o in got if o.category == "causal"]


def _causal(text, s, st):
    return [o.surface for o in _overstated(text, s, st) if o.category == "causal"]


def test_a_causal_claim_must_link_what_the_cohort_studied_not_a_mechanism_or_other_research():
    s, st = _one_paper(SHIFT_WORK)
    # the cohort's exposure and outcome, linked by a causal modal: flagged
    assert _causal("哈佛大学的研究表明，不规律的轮班工作可增加女性患2型糖尿病的风险。", s, st)
    # a mechanism about something else in a sentence that names the topic; other research
    # reported earlier in the sentence; an association named as such; a denied claim; a
    # consequence chained on a hedged clause; an effect supposed only if the link is causal
    for text in ("研究涉及2型糖尿病患者，炎症会损害胰岛细胞，并导致各种症状。",
                 "许多研究显示，轮班工作可以增加糖尿病风险。",
                 "2013年也有美国研究人员发现，夜班能增加2型糖尿病风险。",
                 "研究显示轮班工作与各种原因导致糖尿病风险增加之间的关联更明显。",
                 "这并不代表轮班工作会直接导致2型糖尿病。",
                 "研究者说，夜班可能会打乱作息，导致2型糖尿病。",
                 "如果二者确为因果关系，那么减少夜班每年可减少10万例2型糖尿病。"):
        assert not _causal(text, s, st), text


def test_the_topic_of_a_draft_includes_its_exposure_but_not_whom_or_how_it_studied():
    from factcheck.judge.overstate import _names_paper_topic

    s, _st = _one_paper("Title: Rotating night shift work and risk of type 2 diabetes in female nurses\n\n"
                        "Results: Night shift work was associated with a higher risk of type 2 diabetes (HR, 1.31).")
    assert _names_paper_topic("轮班工作的人", s)           # the exposure (a not_measure, but a topic)
    assert not _names_paper_topic("研究人员分析了队列研究的参与者", s)     # design and people


def test_a_headline_in_words_states_the_study_s_result():
    s, st = _one_paper("Methods: We followed 498 043 adults for 11 years in a prospective cohort. Results: Drinking "
                       "2 or more cups of tea per day was associated with lower all-cause mortality (HR, 0.87).")
    text = "每天喝茶也能降低死亡风险\n\n一项针对近50万人的研究显示，每天喝两杯以上茶的人全因死亡风险较低。"
    assert [o for o in _overstated(text, s, st) if o.category == "causal" and o.line == 1]


def test_everyone_in_a_protocol_a_partitive_an_obligation_or_off_topic_is_no_scope_claim():
    s, st = _one_paper("Methods: 1736 adults with early Alzheimer disease were randomly assigned to donanemab or "
                       "placebo for 76 weeks. Results: Donanemab slowed clinical progression of Alzheimer disease "
                       "(difference in iADRS, 2.92; P < .001).")

    def scope(text):
        return [o.surface for o in _overstated(text, s, st) if o.category == "scope"]

    assert scope("研究发现，所有阿尔茨海默病患者都能从多奈单抗治疗中获益。")
    assert scope("研究证实：在所有阿尔茨海默病患者中，多奈单抗都能延缓病情。")
    for text in ("研究中所有患者接受标准治疗，并随访76周。",
                 "全部受试者中，两组阿尔茨海默病评分变化的差异为2.92。",
                 "几乎所有阿尔茨海默病患者都需要长期照护。",
                 "无论年龄大小，每个人都要多动脑。",
                 # in a passage about the study, but not of its result
                 "一项多奈单抗研究纳入1736名患者。每个人都会有感到悲伤或孤独的时候。"):
        assert not scope(text), text


def test_a_bare_effect_verb_on_the_risk_is_causal_but_the_risk_described_is_not():
    s, st = _one_paper("Methods: We followed 194 095 adults for 8 years in three cohorts. Results: Sugar-sweetened "
                       "soda consumption was associated with a higher risk of kidney stones (HR, 1.23).")
    assert _causal("含糖饮料提高肾结石的风险\n\n一项研究追踪了194095人。", s, st)
    for text in ("一项研究发现，每天喝含糖饮料的人肾结石风险增加23%。",
                 "一项研究发现，含糖饮料与增加肾结石的风险有关。"):
        assert not _causal(text, s, st), text


def test_an_animal_result_told_as_a_treatment_for_people_is_extrapolation():
    s, st = _one_paper("Methods: Glaucoma-prone DBA/2J mice were given vitamin B3 (nicotinamide) in their drinking "
                       "water. Results: At the high dose, 93% of treated mouse eyes had no glaucoma (P < 0.001).")
    assert s.design == "animal"

    def extrap(text):
        return [o.surface for o in _overstated(text, s, st) if o.rule == "FC218"]

    assert extrap("口服维生素B3防治青光眼\n\n一项研究显示，维生素B3有望治疗青光眼。")
    assert not extrap("一项研究显示，在小鼠身上，维生素B3可以预防青光眼。")


def test_an_animal_result_told_as_an_effect_in_people_is_extrapolation():
    """FC226: over a paper of work in mice, an effect told with a modal (会加速, 会提高…风险) or
    of people (使人) in a sentence that does not say the work was in animals."""
    s, st = _one_paper("Methods: Mice were fed a high-fat diet for 12 weeks. Results: The high-fat diet depleted "
                       "hair follicle stem cells and accelerated hair loss in the mice (P < 0.01).")
    assert s.design == "animal"

    def extrap(text):
        return [o.surface for o in _overstated(text, s, st) if o.rule == "FC226"]

    assert extrap("一项研究发现，高脂肪饮食会加速脱发。")
    assert extrap("研究发现，高脂肪饮食会使人脱发。")
    # (the sentence says the work was in mice; a hedge keeps the claim a hedge)
    assert not extrap("一项研究发现，在小鼠身上，高脂肪饮食会加速脱发。")
    assert not extrap("一项研究发现，高脂肪饮食可能会加速脱发。")
    # (over a study in people the causal rules weigh the verb, not this one)
    s2, st2 = _one_paper("Methods: We followed 20 000 adults for 10 years in a prospective cohort. Results: A "
                         "high-fat diet was associated with more hair loss (HR 1.30).")
    assert not [o for o in _overstated("一项研究发现，高脂肪饮食会加速脱发。", s2, st2) if o.rule == "FC226"]


def test_use_no_evidence_a_study_of_years_ago_and_research_in_general_are_not_the_claim():
    s, st = _one_paper("Methods: We followed 37 510 women aged 60 years or older in a prospective cohort. Results: "
                       "Long-term antibiotic use was associated with higher all-cause mortality (HR, 1.27).")
    kept = {o.surface for o in _overstated(
        "研究发现，使用抗生素的女性与多种原因导致的死亡风险增加有关。"
        "尽管迄今并无确凿研究证据表明抗生素会增加死亡风险。"
        "这项研究证实了十年前一项突破性研究的结论。"
        "越来越多的研究颠覆了人们对抗生素的认知。", s, st)}
    assert not kept & {"使用抗生素的女性与多种原因导致的死亡风险增加", "会增加", "突破性", "颠覆了人们对抗生素的认知"}, kept
    assert [o for o in _overstated("研究表明，长期使用抗生素会导致女性死亡风险增加。", s, st) if o.category == "causal"]


def test_a_trial_that_reports_its_allocation_ratio_is_randomised_and_not_found_is_denied():
    from factcheck.papers.summarize import classify_design

    assert classify_design("In this multicentre, controlled, prospective endpoint trial, 19084 patients were "
                           "assigned (1:1) to ingest the entire daily dose at bedtime or upon awakening.")[0] == "rct"
    assert classify_design("In this prospective cohort, 19084 patients were followed for 6 years.")[0] == "cohort"
    s, st = _one_paper("Methods: A nationwide cohort of 657 461 children. Results: MMR vaccination was not "
                       "associated with an increased risk of autism (HR 0.93).")
    assert not _causal("研究人员写道：“我们并未发现打了MMR疫苗会增加自闭症风险的证据。”", s, st)
    assert not [o for o in _overstated("研究显示，每天服用阿司匹林不会降低健康老年人的死亡风险。", s, st)
                if o.category == "advice"]


def test_a_rule_that_cannot_fire_over_the_cited_papers_is_not_scanned():
    from factcheck.judge.overstate import _can_fire, load_rules

    rules = {r.code: r for r in load_rules()}
    trial, cohort, mice = (("rct", True, "shows", frozenset({"randomized"})), ("cohort", False, "associated", frozenset()),
                           ("animal", False, "shows", frozenset()))
    pooled_cohorts = ("meta_analysis", False, "associated", frozenset({"meta_analysis", "observational"}))
    pooled_trials = ("meta_analysis", True, "shows", frozenset({"meta_analysis", "randomized"}))
    assert not _can_fire(rules["FC214"], frozenset({trial}))          # a causal modal over a trial only
    # a meta-analysis weighs as what it pooled
    assert _can_fire(rules["FC214"], frozenset({pooled_cohorts})) and not _can_fire(rules["FC214"], frozenset({pooled_trials}))
    assert _can_fire(rules["FC214"], frozenset({trial, cohort}))
    assert _can_fire(rules["FC214"], frozenset({trial, None}))        # a reference with no summary
    assert not _can_fire(rules["FC218"], frozenset({cohort})) and _can_fire(rules["FC218"], frozenset({mice}))
    assert _can_fire(rules["FC203"], frozenset({trial}))              # needs no cited paper


def test_a_negation_joined_to_the_cue_s_modal_denies_it():
    s, st = _one_paper("Methods: A nationwide cohort of 657 461 children. Results: MMR vaccination was not "
                       "associated with an increased risk of autism (HR 0.93).")
    assert not _causal("一项研究追踪了65万多名儿童：MMR疫苗不会增加自闭症风险。", s, st)
    assert _causal("一项研究追踪了65万多名儿童：MMR疫苗会增加自闭症风险。", s, st)
    # 不会 before a bare causal verb (不会造成): jieba's one word, and the 不 is not next to the verb
    assert not _causal("一项研究追踪了65万多名儿童：MMR疫苗不会造成自闭症。", s, st)
    assert _causal("一项研究追踪了65万多名儿童：MMR疫苗会造成自闭症。", s, st)


_ASPIRIN = ("Methods: 19 114 persons aged 70 years or older were randomly assigned to 100 mg of "
            "enteric-coated aspirin daily or placebo. Results: The rate of cardiovascular disease was "
            "10.7 events per 1000 person-years in the aspirin group and 11.3 in the placebo group.")


def test_the_regimen_the_trial_tested_is_no_untested_advice():
    s, st = _one_paper(_ASPIRIN)
    advice = lambda text: [o.surface for o in _overstated(text, s, st) if o.category == "advice"]
    # the dose the trial gave, as the paper gives it: what was studied
    assert not advice("研究对19114名70岁以上老人进行了研究，他们有每天服用低剂量(100mg)阿司匹林的习惯。")
    # a habit told with a dose the trial never gave describes the participants, wrongly: no advice
    # (the dose is the number check's: 300mg is not in the paper)
    assert not advice("研究对19114名70岁以上老人进行了研究，他们有每天服用低剂量(300mg)阿司匹林的习惯。")
    assert draft_verdicts(_ASPIRIN, "研究对19114名70岁以上老人进行了研究，他们有每天服用低剂量(300mg)阿司匹林的习惯。")[
        "300mg"] == "not_in_source"
    # a dose the trial never gave, told to the readers: advice it did not test
    assert advice("照着这项研究，70岁以上的老人可以每天服用300mg阿司匹林。")
    # a schedule after a word of advice in its sentence is advice, however far the word stands;
    # a bare schedule describes what people took (每日服用SSRI者), and a need (需要每天注射) is no advice
    assert advice("研究对19114名老人进行了研究。建议有心脏病史的读者，从明天开始每天服用300mg阿司匹林。")
    assert not advice("研究对19114名老人进行了研究，每天服用300mg阿司匹林的人出血更多。")
    assert not advice("研究对19114名老人进行了研究，这些老人需要每天服用300mg阿司匹林。")
    # the tested regimen told to the readers is advice all the same
    assert advice("照着试验里的方案，70岁以上的老人可以每天服用100mg阿司匹林。")


def test_an_experiment_a_denial_and_the_authors_belief_are_not_the_articles_causal_claim():
    s, st = _one_paper("Methods: We followed 3306 adults in a prospective cohort. Results: Higher plasma erythritol "
                       "was associated with a higher risk of heart attack and stroke (HR, 1.80). Erythritol "
                       "enhanced platelet reactivity in vitro and thrombosis formation in mice.")
    # the cohort's exposure and outcome, linked by a causal verb: flagged
    assert _causal("研究发现，赤藻糖醇会导致心脏病发作和中风。", s, st)
    # an animal experiment can show a cause; a denial of proof; the researchers' own belief
    for text in ("研究人员在动物实验中发现，赤藻糖醇能诱发血栓，导致中风。",
                 "研究人员表示，这些研究并未表明赤藻糖醇就是导致中风的元凶。",
                 "研究人员认为，赤藻糖醇会导致心脏病发作和中风。"):
        assert not _causal(text, s, st), text


def test_directly_or_greatly_states_the_effect_itself():
    s, st = _one_paper(SHIFT_WORK)
    assert _causal("研究发现，轮班夜班工作的女性，患2型糖尿病的风险直接升高31%。", s, st)
    assert _causal("研究发现，轮班夜班工作会极大增加2型糖尿病的风险。", s, st)
    # (大大, as 大幅: the adverb of size is read with the change, not the bare verb alone)
    assert any(c.startswith("大大增加") for c in _causal("研究发现，轮班夜班工作大大增加了女性患2型糖尿病的风险。", s, st))
    assert not _causal("该研究只表明了一种相关性，而不是证明轮班夜班工作直接增加了2型糖尿病的风险。", s, st)


def test_a_certainty_cue_inside_a_compound_word_is_still_found():
    s, st = _one_paper(SHIFT_WORK)
    for text, cue in (("研究证据确凿：轮班夜班工作与2型糖尿病风险升高有关。", "确凿"),
                      ("研究铁证如山：轮班夜班工作与2型糖尿病风险升高有关。", "铁证")):
        got = [o.surface for o in _overstated(text, s, st) if o.category == "certainty"]
        assert any(cue in g for g in got), (text, got)


def test_a_comparison_told_against_everyone_else_is_flagged():
    s, st = _one_paper(SHIFT_WORK)
    for text in ("研究发现，轮班夜班工作的女性患2型糖尿病的风险比普通人高出31%。",
                 "研究发现，轮班夜班的女性，其2型糖尿病风险是其他人的1.31倍。"):
        got = [o.surface for o in _overstated(text, s, st) if o.rule == "FC220"]
        assert got, text
    # the paper's own comparator is no switch
    assert not [o for o in _overstated("研究发现，与白班女性相比，轮班夜班的女性2型糖尿病风险高31%。", s, st)
                if o.rule == "FC220"]
    # nor the general population, where the paper compares with it (a cohort matched from it)
    fired = _rules_fired("Methods: 30 029 adults with diagnosed ADHD and a comparison group of 300 390 matched "
                         "participants. Results: Life expectancy relative to the general population was 6.78 years "
                         "lower for males (HR for mortality 1.89).")
    assert "FC220" not in fired("研究发现，ADHD男性的死亡概率是普通人的1.89倍。")



def test_a_study_that_confirms_is_a_certainty_booster_but_a_confirmed_patient_is_not():
    s, st = _one_paper("Methods: We followed 117 200 women for 36 years in a prospective cohort. Results: Permanent "
                       "hair dye use was not associated with most cancers; it may be associated with some (HR, 1.05).")
    got = [o.surface for o in _overstated("12万人的科学研究确认，染发剂与部分癌症的风险有关。", s, st) if o.category == "certainty"]
    assert any("确认" in g for g in got)
    assert not [o for o in _overstated("研究纳入了被确认的患者11.7万名女性。", s, st) if o.category == "certainty"]



def test_a_priority_claim_of_the_study_and_harm_verbs_with_a_modal():
    """这是首次…: "the first time" said of the study (not 如果是首次移植); 会损害, 可防: a modal with a
    verb of harm or prevention states a causal effect, as 可降低 does, after an observational study."""
    codes = _rules_fired("Methods: A cross-sectional study of 2086 adolescents. Results: E-cigarette use was "
                         "associated with bronchitic symptoms (OR, 1.85) and lung health problems.")
    assert "FC205" in codes("这项研究纳入2086名青少年，这是首次发现电子烟与支气管症状有关。")
    assert "FC205" not in codes("这项研究纳入2086名青少年。如果是首次使用电子烟，先别慌。")
    assert "FC214" in codes("这项研究纳入2086名青少年，发现电子烟会损害青少年的肺部健康。")
    assert "FC214" not in codes("这项研究纳入2086名青少年，发现电子烟与青少年的肺部健康问题有关。")


def test_a_help_or_a_protection_is_an_effect_unless_hedged_or_quoted():
    codes = _rules_fired("Methods: A cohort of 286383 adults aged 65 years or older. Results: Influenza vaccination "
                         "was associated with a lower risk of hospitalization for heart disease and stroke.")
    assert "FC214" in codes("这项研究追踪了286383名老人,发现流感疫苗有助预防心脏病和中风。")
    assert "FC214" in codes("这项研究追踪了286383名老人,发现流感疫苗对心脏具有保护作用。")
    assert "FC214" not in codes("这项研究追踪了286383名老人,发现流感疫苗可能有助于预防心脏病。")
    assert "FC214" not in codes("这项研究追踪了286383名老人,有人说流感疫苗对心脏有“保护作用”。")


def test_a_modal_that_helps_delays_or_prompts_is_an_effect():
    """可以帮助预防, 可以推迟, 可促使: a modal with a helping verb or a verb of delay or prompting
    states an effect, as 可降低 does, over a cohort."""
    codes = _rules_fired("Methods: We followed 1923 older adults without dementia for 6.7 years in a cohort. "
                         "Results: Higher social activity was associated with a lower risk of dementia (HR 0.62).")
    assert "FC214" in codes("这项研究追踪了1923名老人,发现频繁的社交活动可以帮助预防痴呆症。")
    assert "FC214" in codes("这项研究追踪了1923名老人,发现经常参加社交活动可以推迟痴呆症的发生。")
    assert "FC214" in codes("这项研究追踪了1923名老人,发现孤独可促使痴呆症发生。")
    assert "FC214" not in codes("这项研究追踪了1923名老人,发现社交活动可能有助于推迟痴呆症。")


SCREEN_SURVEY = ("Methods: A cross-sectional survey of 40337 children. Results: More hours of screen time were "
                 "associated with lower psychological well-being and more diagnoses of anxiety.")


def test_a_discovery_claimed_first_through_an_adverb_and_harm_told_of_a_survey():
    """首次系统揭示, 首次通过…时钟揭示, 首次验证: a priority claim with words between 首次 and its verb
    (not 首次服药后发现: what was seen after a first dose); 会伤及, 诱因: harm and a cause."""
    codes = _rules_fired(SCREEN_SURVEY)
    assert "FC205" in codes("这项调查纳入40337名儿童，首次系统揭示屏幕时间与儿童心理健康的关联。")
    assert "FC205" in codes("这项调查纳入40337名儿童，首次通过焦虑诊断记录揭示屏幕时间的影响。")
    assert "FC205" in codes("这项调查纳入40337名儿童，科学家首次验证屏幕时间与焦虑有关。")
    assert "FC205" not in codes("这项调查纳入40337名儿童。孩子首次服药后发现焦虑减轻。")
    assert "FC214" in codes("这项调查纳入40337名儿童，发现屏幕时间超过1小时会伤及儿童心理健康。")
    assert "FC202" in codes("这项调查纳入40337名儿童，发现儿童焦虑的主要诱因是屏幕时间。")


def test_first_before_a_studys_own_act_through_a_preposition_is_a_priority_claim():
    """首次 + a manner adverb + a phrase opened by its preposition + the study's act (首次系统地比较了,
    首次对…进行了计数, 首次分析): the study claimed the first to do it; not 首次 before an event of care
    (首次住院后进行随访, 首次接种疫苗后进行检测), whose verb comes after another clause."""
    codes = _rules_fired(SCREEN_SURVEY)
    assert "FC205" in codes("这项调查纳入40337名儿童，首次系统地比较了各国儿童的屏幕时间。")
    assert "FC205" in codes("这项调查纳入40337名儿童，首次对儿童的屏幕时间进行了计数。")
    assert "FC205" in codes("这项调查纳入40337名儿童，这也是科学家首次分析屏幕时间与焦虑的关系。")
    assert "FC205" not in codes("这项调查纳入40337名儿童。儿童首次住院后进行随访。")
    assert "FC205" not in codes("这项调查纳入40337名儿童。儿童首次接种疫苗后进行检测。")


def test_every_modal_with_every_effect_verb_and_a_word_ending_in_neng_is_not_a_modal():
    """``phrases``: 亦能下降, 可減低 (a traditional page) fire as 可降低 does; 肾功能下降 is no 能下降."""
    codes = _rules_fired("Methods: A cohort of 289573 women. Results: Breastfeeding was associated with a lower "
                         "risk of cardiovascular disease (HR 0.82) and a decline in kidney function.")
    assert "FC214" in codes("这项研究纳入289573名女性，发现母乳喂养亦能下降母亲未来患心血管疾病的危险。")
    assert "FC214" in codes("這項研究納入289573名女性，發現母乳餵養可減低晚年心血管疾病的風險。")
    assert "FC214" not in codes("这项研究纳入289573名女性，母乳喂养者心血管疾病风险较低，肾功能下降的比例也较低。")


def test_a_phrases_entry_needs_both_word_lists(tmp_path):
    from factcheck.judge.overstate import RuleFileError, _rule_entry
    bad = {"code": "FCX1", "category": "causal", "message": {"zh": "x", "en": "x"}, "phrases": [{"first": ["可"]}]}
    with pytest.raises(RuleFileError, match="first and then"):
        _rule_entry(tmp_path / "r.yaml", bad)


def test_ling_causes_as_shi_does_and_proof_is_weighed_by_the_design():
    """会令失眠风险上升 is 会使…: a cause told of a survey (令人担忧 is no cause); 证实 over a
    randomised trial is fair, over pooled cohorts it is not."""
    codes = _rules_fired("Methods: A cross-sectional survey of 45202 students. Results: More screen time in bed was "
                         "associated with higher odds of insomnia (OR 1.59).")
    assert "FC214" in codes("这项调查纳入45202名学生，发现睡前每多用一小时屏幕会令失眠风险上升。")
    assert "FC214" not in codes("这项调查纳入45202名学生，令人担忧的是失眠风险上升了。")
    trial = _rules_fired("Methods: 342 adults were randomly assigned to isometric exercise or usual care. "
                         "Results: Isometric exercise training reduced systolic blood pressure by 8.24 mm Hg. "
                         "Conclusions: Isometric exercise training improves resting blood pressure.")
    assert "FC201" not in trial("研究证实：等长运动能降低血压。")
    cohorts = _rules_fired("Methods: We did a meta-analysis of 57 prospective cohort studies. Results: Use of digital "
                           "technology was associated with a lower risk of cognitive impairment (OR 0.42).")
    assert "FC201" in cohorts("研究证实：使用数字技术的人认知障碍风险更低。")


def test_what_remains_to_be_shown_is_not_the_article_s_proof():
    """这些结论还需要后续的研究来加以证实: a claim still to be shown (a hedge), not one shown;
    other research's proof (许多研究证实) is not the article's."""
    codes = _rules_fired("Methods: A case-control study of 1205 breast cancer cases and 1321 controls. Results: "
                         "Sleeping two hours after supper was associated with lower cancer risk (OR 0.80).")
    assert "FC201" not in codes("这项研究纳入1205例乳腺癌病例，这些惊人的结论还需要有后续的研究工作来加以证实。")
    assert "FC201" not in codes("这项研究纳入1205例乳腺癌病例，散步的好处已被许多研究证实。")
    assert "FC201" in codes("这项研究纳入1205例乳腺癌病例，证实晚饭后两小时再睡能预防乳腺癌。")


def test_the_evidence_graded_up_is_more_certain_than_the_paper():
    """结论很明确, 研究结果非常有力 over a cohort's association: the article grades the evidence."""
    codes = _rules_fired("Methods: A cohort of 5000 adults. Results: Higher fruit intake was associated with a "
                         "lower risk of depression (HR 0.86). Conclusions: Fruit intake may lower the risk.")
    assert "FC201" in codes("这项研究纳入5000名成人，结论很明确：多吃水果的人抑郁风险更低。")
    assert "FC201" not in codes("这项研究纳入5000名成人，结论并不明确。")


def test_a_non_significant_estimate_told_as_a_firm_change():
    """风险降低16% for OR 0.84 (95% CI 0.67–1.06): the interval holds no difference (FC221); not
    for the significant OR 0.74, nor where the article says the difference was not significant."""
    codes = _rules_fired("Methods: A case-control study of 1205 breast cancer cases. Results: Having supper before "
                         "9 pm was associated with lower risk of breast cancer (OR = 0.84, 95% CI 0.67–1.06) and "
                         "prostate cancer (OR = 0.74, 95% CI 0.55–0.99).")
    assert "FC221" in codes("研究发现，晚上9点前吃晚饭的人患乳腺癌的风险降低16%。")
    assert "FC221" not in codes("研究发现，晚上9点前吃晚饭的人患前列腺癌的风险降低26%。")
    assert "FC221" not in codes("研究发现，晚上9点前吃晚饭的人患乳腺癌的风险降低16%，但差异不显著。")


def test_a_phrases_entry_with_a_word_between_and_a_malformed_one(tmp_path):
    from factcheck.judge.overstate import RuleFileError, _rule_entry
    ok = {"code": "FCX2", "category": "causal", "message": {"zh": "x", "en": "x"},
          "phrases": [{"first": ["可"], "between": ["显著", "有效"], "then": ["降低"]}]}
    rule = _rule_entry(tmp_path / "r.yaml", ok)
    assert rule.patterns[0].fullmatch("可显著降低") and rule.patterns[0].fullmatch("可有效降低")
    assert not rule.patterns[0].fullmatch("可降低")
    for bad in ({"first": ["可"], "between": [], "then": ["降低"]}, {"first": ["可"], "then": ["降低"], "after": ["了"]}):
        with pytest.raises(RuleFileError, match="first and then"):
            _rule_entry(tmp_path / "r.yaml", dict(ok, phrases=[bad]))


def test_a_negation_of_an_adjective_does_not_negate_the_claim_and_an_effect_named_as_the_exposure_s():
    """长期不规律夜班可增加…: 不 negates 规律, not the verb (不会增加 is negated); 具有降低…风险的作用 and
    发现…,降低…风险 tell an effect, for a cohort that reports an association."""
    codes = _rules_fired("Methods: A prospective cohort study of 143 410 nurses. Results: Irregular rotating night "
                         "shift work was associated with a higher risk of type 2 diabetes (HR 1.31). Tea drinking "
                         "was associated with a lower risk of stroke (HR 0.84).")
    assert "FC214" in codes("研究发现，长期不规律夜班可增加女性2型糖尿病风险。")
    assert "FC214" not in codes("研究发现，夜班不会增加女性2型糖尿病风险。")
    assert "FC214" in codes("研究发现，喝茶具有降低中风风险的作用。")
    assert "FC214" in codes("我国学者发现每天喝茶,降低中风风险。")
    assert "FC214" not in codes("研究发现，喝茶与中风风险降低有关。")


_MICE = ("Methods: Old mice were treated with an anti-IL-11 antibody. Results: In mice, the treatment extended median "
         "lifespan by 25% and reduced frailty. Conclusion: IL-11 drives ageing in mice.")


def test_an_experiment_in_animals_shows_a_cause_and_a_papers_own_priority_is_told_faithfully():
    codes = _rules_fired(_MICE)
    assert not {"FC202", "FC214"} & codes("研究发现，IL-11是导致衰老的元凶，抗体治疗能显著延长寿命。")     # an experiment's cause
    assert "FC202" in _rules_fired(SHIFT_WORK)("研究发现，夜班导致了女性患上糖尿病。")                     # a cohort's is not
    assert "FC205" in codes("这项研究首次发现IL-11与衰老有关。")
    first = _rules_fired(_MICE.replace("Conclusion:", "Conclusion: For the first time, we show that"))
    assert "FC205" not in first("这项研究首次发现IL-11与衰老有关。")                                    # the paper's own claim


def test_a_claim_in_words_over_pooled_case_control_studies_is_causal_overreach():
    # an article about one study, its first sentence a claim with no number and no source of its
    # own: the article's reading of the study, weighed against what the study pooled
    s, st = _one_paper("Title: Breastfeeding and childhood leukemia incidence: a meta-analysis\n\nMethods: To be "
                       "included in the meta-analyses, studies had to be case control. Results: The meta-analysis of "
                       "all 17 studies indicated that breastfeeding for 6 months or longer was associated with a 20% "
                       "lower risk for childhood leukemia (odds ratio, 0.80).")
    assert "observational" in s.design_flags
    fired = [o for o in _overstated("母乳喂养能降低儿童患白血病的风险。研究人员认为这可能与母乳中的免疫成分有关。", s, st)]
    assert [(o.rule, o.surface) for o in fired] == [("FC214", "能降低")]
    # (a sentence on another topic, with no source, is not the study's)
    assert not _overstated("多喝水能降低肾结石的风险。", s, st)


def test_a_priority_the_paper_claims_with_a_word_between_is_faithful():
    # "This is the first RCT demonstrating …": 全球首份 tells the paper's own claim
    fired = _rules_fired("Title: Randomized trial of a generative AI chatbot for mental health treatment\n\n"
                         "Results: Depressive symptoms fell more with the chatbot than on the waitlist (P<0.001). "
                         "Conclusions: This is the first RCT demonstrating the effectiveness of a fully generative AI "
                         "therapy chatbot for treating clinical-level mental health symptoms.")
    assert "FC205" not in fired("这是全球首份生成式人工智能治疗聊天机器人的随机对照试验。")
    fired = _rules_fired("Results: Depressive symptoms fell more with the chatbot than on the waitlist (P<0.001).")
    assert "FC205" in fired("这是全球首份生成式人工智能治疗聊天机器人的随机对照试验。")


def test_a_causative_with_its_object_at_once_or_a_helper_before_it_is_causal():
    s, st = _one_paper("Methods: We followed 3 432 153 Swedish adults in a nationwide registry cohort for 12 years. "
                       "Results: Dog ownership was associated with lower all-cause mortality (HR 0.80).")
    assert s.design == "registry"
    # 可将 + object + verb (no word between 将 and the rate), a helper before 将
    for text in ("一项研究发现，养狗可将死亡率降低20%。", "一项研究发现，养狗能帮你将全因死亡率降低20%。"):
        assert _causal(text, s, st), text
    # an association, or a group described: no causal claim
    for text in ("一项研究发现，养狗与死亡率降低20%有关。", "一项研究发现，养狗的人死亡率低20%。"):
        assert not _causal(text, s, st), text


def test_everyone_is_a_scope_claim_only_with_what_is_claimed_of_everyone():
    fired = _rules_fired("Methods: We followed 2 000 adults with obesity in a prospective cohort for 5 years. "
                         "Results: Weight fell by a mean of 5% (95% CI 4 to 6).")
    # 所有…都/均 + a result: the group mean told of everyone
    assert "FC203" in fired("研究发现，所有患者都出现了体重减轻。")
    # the words quantify a noun phrase, what the study did or counted: no claim about everyone
    for text in ("研究人员分析了所有参与者的数据，体重平均下降5%。", "研究开始时，所有患者平均年龄为44岁。",
                 "实验结束后，研究人员对所有志愿者进行了检测。"):
        assert "FC203" not in fired(text), text
    # 比以往任何时候都: "than ever", a comparison
    assert "FC203" not in fired("研究发现，保持体重比以往任何时候都更重要。")
    assert "FC203" in fired("研究发现，任何年龄段的人体重都会下降。")


_MAGNESIUM = ("Methods: We followed 2 000 adults in a prospective cohort for 5 years. "
              "Results: Higher magnesium was associated with dementia (HR 1.30). "
              "Conclusions: Magnesium may be associated with dementia.")


def test_a_proof_supposed_or_long_established_is_not_the_articles_certainty():
    fired = _rules_fired(_MAGNESIUM)
    assert "FC201" in fired("这项研究证实，血镁过高会增加痴呆风险。")
    # under a condition (如果…得到证实) or in the passive perfect of what is known (已被证明)
    assert "FC201" not in fired("如果这一结果得到证实，通过血液检测镁含量可以筛查痴呆风险。")
    assert "FC201" not in fired("保持活跃和社交已被证明有助于降低痴呆风险。")


def test_a_record_told_of_the_studys_resource_is_no_novelty_claim():
    fired = _rules_fired("Methods: We studied 120 000 adults of the UK Biobank. "
                         "Results: Caffeine intake was not associated with glaucoma (OR 1.02).")
    # the record is the data source's (its biobank, its factory), not the study's priority
    assert "FC205" not in fired("这项研究对迄今为止世界上最全的大规模人类信息资源库英国生物样本库进行了分析。")
    assert "FC205" not in fired("研究团队在广州建成了全球最大的蚊子工厂，每周可生产500万只。")
    # told of the study itself, it still is one
    assert "FC205" in fired("这项研究是迄今为止规模最大的咖啡因与青光眼研究。")
    # the record's field may stand between 迄今 and 最 (in that population, of that question)
    assert "FC205" in fired("迄今为止在该患者人群中进行的最大规模临床研究发现，咖啡因与青光眼无关。")


def test_a_headline_that_states_the_exposure_as_a_cause_over_a_cohort():
    """FC222: a title has no room for "is associated with"; the body's estimates are weighed by
    the other causal rules with their context."""
    fired = _rules_fired("Methods: We followed 41 000 women in a prospective cohort for 12 years. "
                         "Results: Alcohol intake was associated with breast cancer (HR 1.30).")
    for title in ("女性喝酒增加乳腺癌风险\n研究随访了41000名女性。", "女性喝酒易患乳腺癌!\n研究随访了41000名女性。"):
        assert "FC222" in fired(title), title
    # hedged (或 right before the verb is 或许), or a sentence of the body: not this rule's
    for text in ("女性喝酒或增加乳腺癌风险\n研究随访了41000名女性。",
                 "研究随访了41000名女性，结果发现喝酒的女性乳腺癌风险增加30%，研究人员认为这一关联值得关注。"):
        assert "FC222" not in fired(text), text
    # over a randomised trial a causal headline may be fair
    trial = _rules_fired("Methods: 2 000 adults were randomly assigned to the drug or placebo. "
                         "Results: The drug lowered the risk of stroke (HR 0.70).")
    assert "FC222" not in trial("新药降低中风风险\n研究纳入2000名成人。")


def test_a_belief_told_in_the_passive_or_known_to_everyone_is_not_the_articles_claim():
    fired = _rules_fired("Methods: We followed 2 000 adults in a prospective cohort for 5 years. "
                         "Results: Fibre intake was associated with lower colorectal cancer risk (HR 0.80).")
    assert "FC214" in fired("研究发现，膳食纤维可以降低结直肠癌风险。")
    for text in ("研究人员介绍，膳食纤维一直被认为可以降低结直肠癌风险。",
                 "研究指出，众所周知，膳食纤维可以降低结直肠癌风险。",
                 "许多人都知道，膳食纤维可以降低结直肠癌风险。",
                 # a guess (估计, 估計 once folded): hedged as 可能 is
                 "所以估计膳食纤维也会降低结直肠癌风险。"):
        assert "FC214" not in fired(text), text


def test_who_the_study_took_in_is_no_scope_claim():
    fired = _rules_fired("Methods: We followed 2 000 adults with obesity in a prospective cohort for 5 years. "
                         "Results: Weight fell by a mean of 5% (95% CI 4 to 6).")
    for text in ("所有参与者年龄均≥18岁，体重平均下降5%。", "所有患者均患有肥胖症，体重平均下降5%。"):
        assert "FC203" not in fired(text), text
    assert "FC203" in fired("研究发现，所有患者都出现了体重减轻。")


def test_a_small_act_told_as_enough_for_the_effect():
    """FC224: 只要…就能, 抽血就能诊断: a trial shows an average difference between groups, never
    that doing X is enough for Y; over a trial as over a cohort."""
    trial = _rules_fired("Methods: 4 556 newborns were randomly assigned to a probiotic or placebo for 7 days. "
                         "Results: The probiotic reduced the risk of neonatal sepsis (risk ratio 0.60).")
    for text in ("研究发现，只要给新生儿服用益生菌一个礼拜，就能够减少败血症的概率。",
                 "研究显示，新生儿服用益生菌就能有效降低败血症风险。"):
        assert "FC224" in trial(text), text
    # a plain result, and a sufficiency denied: not this rule's
    for text in ("研究发现，益生菌组败血症的风险降低了40%。",
                 "研究人员表示，服用益生菌并不能保证预防败血症。"):
        assert "FC224" not in trial(text), text


def test_how_a_condition_comes_about_told_in_the_passive_is_no_causal_claim():
    """FC202's not_preceded_by: 痛风是由…沉积引起的 explains the disease (a definition, a mechanism);
    the exposure told as the cause in the active voice still is a claim."""
    s, st = _one_paper("Methods: We followed 416 303 adults of the UK Biobank for 12 years in a prospective cohort. "
                       "Results: An unhealthy lifestyle and high genetic risk were associated with a higher risk of "
                       "gout (HR 3.05).")
    assert not _causal("痛风是由长期高尿酸血症后关节内尿酸钠晶体沉积引起的。", s, st)
    assert _causal("研究发现,不健康的生活方式导致痛风。", s, st)


def test_a_reversal_over_a_paper_that_measured_remission_is_its_endpoint_but_a_cure_is_not():
    """逆转 (FC225) over a paper whose endpoint is remission is the paper's own word; over one that
    measured none it is flagged, and 治愈 (FC204) is flagged over either."""
    remission = _rules_fired("Methods: 1105 adults with prediabetes in a lifestyle intervention trial. Results: "
                             "Remission of prediabetes, defined as normal glucose regulation, was reached by 22% "
                             "without weight loss.")
    none = _rules_fired("Methods: 1105 adults with prediabetes in a lifestyle intervention trial. Results: "
                        "Fasting glucose fell by 0.3 mmol/L with the intervention.")
    text = "这项试验显示,生活方式干预可以逆转糖尿病前期。"
    assert "FC225" not in remission(text) and "FC225" in none(text)
    assert "FC204" in remission("这项试验显示,生活方式干预可以治愈糖尿病前期。")



def test_a_single_arm_trial_is_an_experiment_not_an_association():
    """A trial of one treated group (a single-arm gene-therapy trial) shows the treatment's course
    in the treated: 可以改善 over it is no association told as an effect."""
    from factcheck.papers.summarize import classify_design

    assert classify_design("We conducted a single-arm trial of AAV gene therapy in ten participants.")[0] \
        == "single_arm_trial"
    assert classify_design("In this randomized single-group crossover trial, 20 adults ...")[0] == "rct"
    abstract = ("Title: AAV gene therapy for deafness: a single-arm trial\nJournal: Nat Med\nYear: 2025\n\n"
                "We conducted a single-arm trial of AAV gene therapy in ten participants. All ten improved their "
                "hearing level from 106 to 52 dB.")
    s, st = _one_paper(abstract)
    assert s.design == "single_arm_trial"
    assert not _causal("研究表明，这种基因疗法可以改善患者的听力，10名患者的听力都有提高。", s, st)
    # (the same sentence over a cohort of the treated is an association told as an effect)
    s, st = _one_paper(abstract.replace("a single-arm trial", "a prospective cohort"))
    assert _causal("研究表明，这种基因疗法可以改善患者的听力，10名患者的听力都有提高。", s, st)


def test_the_taiwanese_word_for_odds_is_an_odds_word():
    """機率 (机率), as Taiwan's and Hong Kong's media write 几率: a causal verb on it is weighed as on
    几率 or 概率."""
    s, st = _one_paper("Methods: A prospective cohort of 4290 adults. Results: Midlife physical activity in Q4 or "
                       "Q5 was associated with a lower risk of dementia (HR 0.60).")
    assert _causal("研究發現，中年增加體能活動，可以將罹患失智症的機率降低達40%。", s, st)


def test_a_change_found_against_one_arm_and_not_another_is_no_null_result():
    """"Hepatic steatosis significantly decreased in the TRE group compared to the SOC group, with
    no significant difference between TRE and CR": the diet improved the measure (against usual
    care), so 改善脂肪肝 contradicts nothing; a finding of no change at all still is contradicted."""
    mixed = ("Methods: 337 adults with MASLD were randomized to time-restricted eating (TRE), calorie restriction "
             "(CR) or standard of care (SOC). Results: After the 16-week intervention, hepatic steatosis "
             "significantly decreased in the TRE group (-25.8%) compared to the SOC group (0.7%, p <0.001), with "
             "no significant difference between TRE and CR (-24.7%, p >0.999).")
    s, st = _one_paper(mixed)
    text = "研究发现，限时进食可以改善脂肪肝，肝脏脂肪减少了25.8%。"
    assert not [o for o in _overstated(text, s, st) if o.rule == "FC210"]
    null = ("Methods: 337 adults with MASLD were randomized to time-restricted eating (TRE) or standard of care "
            "(SOC). Results: After 16 weeks, hepatic steatosis did not differ between the TRE and SOC groups "
            "(no significant difference, p = 0.41).")
    s, st = _one_paper(null)
    assert [o for o in _overstated(text, s, st) if o.rule == "FC210"]


def test_a_broader_condition_names_the_papers_narrower_one():
    """An article names 心脑血管病 for a paper on stroke and coronary heart disease: its topic."""
    fired = _rules_fired("Title: Long working hours and risk of coronary heart disease and stroke\n\n"
                         "Methods: We followed 600 000 workers in prospective cohort studies. "
                         "Results: Long working hours were associated with stroke (RR 1.33).")
    assert "FC222" in fired("研究显示工作过久增心脑血管病风险\n研究纳入60万名工人。")
    # (a condition of another kind is still not the paper's topic)
    assert "FC222" not in fired("研究显示工作过久增糖尿病风险\n研究纳入60万名工人。")


def test_a_cause_whose_effect_is_not_what_the_paper_measured_is_a_mechanism():
    """FC202 over a cohort on hypertension and dementia: 高血压导致痴呆 claims the study's result;
    高血压可导致动脉硬化 tells how the body works, not what the paper measured."""
    fired = _rules_fired("Title: Midlife hypertension and risk of dementia\n\n"
                         "Methods: We followed 8 000 adults in a prospective cohort for 20 years. "
                         "Results: Hypertension at age 50 was associated with dementia (HR 1.38).")
    assert "FC202" in fired("研究发现，中年高血压会导致痴呆。")
    assert "FC202" not in fired("研究人员说，高血压可导致动脉硬化和微循环障碍，进而与痴呆有关。")


def test_a_diagnosis_confirmed_is_not_a_finding_told_with_certainty():
    fired = _rules_fired(_MAGNESIUM)
    assert "FC201" not in fired("研究发现，其中34%的参与者被证实有痴呆。")
    assert "FC201" not in fired("研究发现，痴呆需经临床和影像学证实，并记录血镁水平。")
    assert "FC201" in fired("这项研究证实，血镁过高会增加痴呆风险。")
    assert "FC201" in fired("这项研究证实有效的预防办法是控制血镁。")
    # (a proof by research still is one: 经多年研究证实, 我们已经证明了)
    assert "FC201" in fired("这一结论是经多年权威研究数据证实的。")
    assert "FC201" in fired("这项研究已经证明了血镁过高会增加痴呆风险。")


def test_animals_studied_beside_patients_make_a_study_of_both():
    """Mice and patients in one study ("in preclinical models of cancer and patients with advanced
    cancer"): a claim about the patients is no mouse result told of people."""
    from factcheck.papers.summarize import classify_design

    both = classify_design("Sucralose limits immunotherapy response in mouse models of cancer and patients "
                           "with advanced cancer treated with anti-PD-1 inhibitors.")
    assert both[0] == "mixed" and both[2] == "human+mouse"
    assert classify_design("Sucralose limits immunotherapy response in preclinical models of cancer in mice.")[0] \
        == "animal"


def test_risk_called_weixian_a_conclusion_denied_and_a_stir_among_readers():
    """危险 is risk as mainland news writes it (可使罹患痴呆危险降低20%, over a cohort: a causal
    claim); a conclusion the article says cannot be drawn (并不能直接得出…导致…的结论) and what a
    study stirred (引发了广泛关注) are not the article's causal claims."""
    fired = _rules_fired(_MAGNESIUM)
    assert "FC214" in fired("研究发现，每天补充镁可使罹患痴呆危险降低20%。")
    assert not {"FC202", "FC214", "FC216"} & fired("这项研究只提供了关联，并不能直接得出血镁过高导致痴呆的结论。")
    assert not {"FC202", "FC214", "FC216"} & fired("这项关于血镁与痴呆的研究引发了广泛关注。")
    # (only what is stirred right after the verb: 思考能力 affected is an effect)
    assert "FC214" in fired("研究发现，血镁过高会增加痴呆和思考障碍。")
    assert "FC202" in fired("研究发现，血镁过高导致痴呆。")
    # (预计, 预测: a projection, hedged as 估计 is)
    assert not {"FC202", "FC214", "FC216"} & fired("研究说明了服用镁补充剂后，预计痴呆风险会增加多少。")


def test_a_record_of_size_a_big_advance_or_a_new_path_is_novelty_unless_the_paper_claims_it():
    """规模最大, 重大进展, 开辟了新途径, 首次量化, 首度成功, 打破…神话: hype the abstract must state
    ("largest", "first") to be fair; 重磅研究, 新思路 and 前所未有 are left to pass (editors let
    the news trade's words through, and the blind parts' writers flagged them rarely)."""
    plain = _rules_fired("Methods: A cohort of 35000 women followed for 8 years. Results: Higher fish intake "
                         "was associated with a lower risk of heart failure (HR 0.85).")
    said = {"这项纳入3.5万名女性的研究是同类研究中规模最大的。": True,
            "这项纳入3.5万名女性的研究是心衰预防的重大进展。": True,
            "这项纳入3.5万名女性的研究为预防心衰开辟了新途径。": True,
            "这项纳入3.5万名女性的研究首次量化了吃鱼与心衰的关系。": True,
            "这项纳入3.5万名女性的研究打破了心衰无法预防的神话。": True,
            "这项纳入3.5万名女性的重磅研究发表在顶级期刊上。": False,
            "这项纳入3.5万名女性的研究为后续研究提供了新思路。": False}
    assert {text: "FC205" in plain(text) for text in said} == said
    largest = _rules_fired("Methods: The largest cohort to date of 35000 women followed for 8 years. Results: "
                           "Higher fish intake was associated with a lower risk of heart failure (HR 0.85).")
    assert "FC205" not in largest("这项纳入3.5万名女性的研究是同类研究中规模最大的。")


def test_a_view_a_guideline_holds_and_the_causes_of_a_condition_named_as_a_category_are_not_claims():
    """传统的观点认为…会增加, 现有指南认为…会增加: received knowledge the study is weighed against;
    导致中风的危险因素有很多: the causes of a condition named as a category (but 少晒太阳是导致中风的
    重要因素 names the study's exposure as one). Neither is the article's
    causal reading of the study; the same verbs told of the study's exposure still are."""
    fired = _rules_fired("Methods: We followed 12000 adults in a prospective cohort for 10 years. Results: "
                         "Sun exposure was associated with a lower risk of stroke (HR 0.80).")

    def causal(text: str) -> bool:
        return bool({"FC202", "FC214"} & set(fired(text)))

    received = ["研究随访了1.2万名成人。" + k for k in ("传统的观点认为晒太阳会增加中风风险。",
                                                 "现有指南认为晒太阳会增加中风风险。", "导致中风的危险因素有很多。")]
    assert [t for t in received if causal(t)] == []
    assert causal("研究随访了1.2万名成人，发现晒太阳会增加中风风险。")
    assert causal("研究随访了1.2万名成人，发现少晒太阳导致中风。")
    assert causal("研究随访了1.2万名成人，发现少晒太阳是导致中风的重要因素。")
    assert causal("研究随访了1.2万名成人，得出了导致中风的关键因素。")
