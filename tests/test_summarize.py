"""factcheck.papers.summarize: drafting summaries from real abstracts and the seed papers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from factcheck.papers.summaries import Summary, load_summary

ROOT = Path(__file__).resolve().parent.parent
ABSTRACTS = ROOT / "tests" / "data" / "abstracts"
PAPERS = ROOT / "corpus" / "papers"

# Drafting uses the project's extractor (factcheck/text/numbers.py): while it was being written
# these tests ran against a small stand-in; they now run against the real one.


from factcheck.papers.summarize import (CuratedFileError, classify_design, conclusion_strength,
                                        draft_summary, make_id, recovery_eval, split_sections,
                                        split_sentences, summary_numbers, unwrap, write_summary)


def _read(p: Path) -> str:
    return p.read_text(encoding="utf-8")


def _paper(prefix: str) -> Path:
    [p] = sorted(PAPERS.glob(f"{prefix}_*.txt"))
    return p


def _results(s: Summary) -> list:
    return [f for f in s.findings if f.source == "abstract"]


def _values(s: Summary, findings=None) -> list[float]:
    out = []
    for f in (s.findings if findings is None else findings):
        for v in f.values:
            out += v.value if isinstance(v.value, list) else [v.value]
    return out


def _finding_with(s: Summary, number: float):
    for f in s.findings:
        for v in f.values:
            vals = v.value if isinstance(v.value, list) else [v.value]
            if any(abs(x - number) < 1e-9 for x in vals):
                return f, v
    raise AssertionError(f"{number} not in any finding: {_values(s)}")


# ---------------------------------------------------------------- the abstract files

def test_abstract_files_have_a_source_line():
    for name in ("zang2022.txt", "gynendo2021-bpl.txt", "xia2017.txt"):
        first = _read(ABSTRACTS / name).split("\n", 1)[0]
        assert re.match(r"^# source: https?://\S+$", first), name


def test_zang2022_rct():
    s = draft_summary(_read(ABSTRACTS / "zang2022.txt"), doi="10.1186/s13287-022-02848-6")
    assert s.curated is False
    assert s.title.startswith("Efficacy and safety of umbilical cord-derived mesenchymal stem cells")
    assert s.doi == "10.1186/s13287-022-02848-6"
    assert s.id == "doi_10_1186_s13287_022_02848_6"
    assert s.language == "en"
    assert s.design == "rct"
    assert {"randomized", "double_blind", "placebo", "single_center", "phase_2"} <= set(s.design_flags)
    assert s.population.n == 91
    assert s.population.groups == {"uc_mscs": 45, "placebo": 46}
    assert s.sources == ["https://stemcellres.biomedcentral.com/articles/10.1186/s13287-022-02848-6"]
    # At 48 weeks, 20% (UC-MSCs) and 4.55% (placebo) ... (p < 0.05, 95% CI 2.25–28.66%)
    f, v = _finding_with(s, 20)
    assert v.group == "uc_mscs" and v.timepoint == "48 weeks" and v.unit == "%"
    assert [(x.value, x.group) for x in f.values] == [(20.0, "uc_mscs"), (4.55, "placebo")]
    assert f.ci == [2.25, 28.66] and f.p == "<0.05" and f.significant is True
    assert 95 not in _values(s)                       # the 95% of the CI is not a value
    # 27.78% versus 15.62%
    f, v = _finding_with(s, 27.78)
    assert [(x.value, x.group) for x in f.values] == [(27.78, "uc_mscs"), (15.62, "placebo")]
    # HbA1c: change, baseline → end per group, and the between-group p
    f, v = _finding_with(s, 1.31)
    assert v.group == "uc_mscs" and v.label == "change"
    assert f.p == "0.0081"
    by = {x.value: x for x in f.values}
    assert by[9.02].group == "uc_mscs" and by[9.02].timepoint == "baseline"
    assert by[7.52].group == "uc_mscs"
    assert by[0.63].group == "placebo" and by[8.89].group == "placebo" and by[8.19].group == "placebo"
    # GIR from 3.12 to 4.76 (UC-MSCs), from 3.26 to 3.60 (placebo), p < 0.01 between groups
    f, v = _finding_with(s, 3.12)
    by = {x.value: x for x in f.values}
    assert by[3.12].group == by[4.76].group == "uc_mscs"
    assert by[3.26].group == by[3.6].group == "placebo"
    assert by[3.12].timepoint == "baseline"
    assert f.p == "<0.01"
    # the Methods' facts are findings of their own (sample, follow-up, endpoint thresholds) ...
    methods = [f for f in s.findings if f.source == "abstract (methods)"]
    sample = next(f for f in methods if f.measure == "sample size")
    assert [(v.value, v.group, v.label) for v in sample.values if v.kind == "count"] == [
        (91.0, None, "total"), (45.0, "uc_mscs", "n"), (46.0, "placebo", "n")]
    assert 48.0 in _values(s, methods) and {7.0, 50.0} <= set(_values(s, methods))
    # ... and never leak into the results
    assert not {91, 45, 46, 7.0, 50} & set(_values(s, _results(s)))
    assert s.conclusion.text == "UC-MSCs transplantation could be a potential"
    assert s.conclusion.strength == "may"


def test_gynendo2021_retrospective_cohort():
    s = draft_summary(_read(ABSTRACTS / "gynendo2021-bpl.txt"), doi="10.1080/09513590.2020.1807931")
    assert s.design == "cohort" and "retrospective" in s.design_flags
    assert s.population.n == 2177 and s.population.unit == "person"
    ps = [f.p for f in s.findings]
    assert "<0.001" in ps and "0.72" in ps
    f, _ = _finding_with(s, 10.7)
    assert f.p == "0.72" and f.significant is False and f.direction == "none"
    # the age bands name the groups, and their bounds are kept as the groups' label values
    assert [(v.value, v.group) for v in f.values if v.label != "group"] == [
        (10.7, "age_21_30"), (9.8, "age_31_35"), (11.5, "age_36_40"), (13.6, "age_41_42")]
    assert [v.value for v in f.values if v.label == "group"] == [[21, 30], [31, 35], [36, 40], [41, 42]]
    sample = next(f for f in s.findings if f.measure == "sample size")
    assert {2177.0, 952.0, 2008.0, 2012.0} <= set(_values(s, [sample]))
    assert s.conclusion.text.startswith("Biochemical pregnancy loss rate did not increase")


def test_xia2017_chinese_abstract():
    s = draft_summary(_read(ABSTRACTS / "xia2017.txt"), doi="10.3969/j.issn.1674-8115.2017.03.012")
    assert s.language == "zh"
    assert s.title == "胚胎质量对冻融周期中生化妊娠和胚胎早期停止发育的影响"
    assert s.year == 2017
    assert s.design == "cohort" and "retrospective" in s.design_flags
    assert s.population.unit == "cycle"
    assert s.population.groups == {"生化妊娠": 115, "早期胚胎停止发育": 64, "继续妊娠": 871}
    assert s.population.n is None           # no total is written; the draft does not invent 1050
    f, v = _finding_with(s, 52.2)
    by = {x.value: x.group for x in f.values}
    assert by == {52.2: "早期胚胎停止发育", 35.0: "生化妊娠", 29.3: "继续妊娠"}
    assert f.p == "<0.05" and f.significant is True and f.direction == "increase"
    assert "胚胎停止发育组" in s.groups["早期胚胎停止发育"]       # Results' name, Methods' key
    sample = next(f for f in s.findings if f.measure == "sample size")
    assert [(v.value, v.group) for v in sample.values if v.kind == "count"] == [
        (115.0, "生化妊娠"), (64.0, "早期胚胎停止发育"), (871.0, "继续妊娠")]
    f, v = _finding_with(s, 6)
    assert v.value == [6, 8] and f.p == ">0.05" and f.significant is False
    assert s.conclusion.text.startswith("胚胎质量与生化妊娠没有必然关系")
    assert s.conclusion.strength == "may"


# ---------------------------------------------------------------- the seed papers

def test_seed_paper_001_retrospective_cohort():
    s = draft_summary(_read(_paper("001")))
    assert s.language == "zh"
    assert s.title == "胰岛素抵抗对不明原因反复种植失败患者妊娠结局的影响及二甲双胍的干预作用"
    assert s.design == "cohort" and "retrospective" in s.design_flags
    assert "in_vitro" not in s.design_flags             # "in vitro fertilization" is IVF
    assert s.population.n == 335
    vals = _values(s)
    for x in (24.11, 13.77, 1.385, 15.63, 30.36, 26.79, 30.43, 38.39, 42.75):
        assert x in vals, x
    f, v = _finding_with(s, 24.11)
    assert [(x.value, x.group) for x in f.values] == [(24.11, "ir"), (13.77, "non_ir")]
    assert f.p == "<0.05"
    f, v = _finding_with(s, 1.385)
    assert v.label == "OR" and f.ci == [1.035, 2.508] and f.p == "<0.05"
    f, v = _finding_with(s, 38.39)
    assert f.p == "0.486"                               # its own p, split at ；
    f, v = _finding_with(s, 26.79)
    assert f.p == "0.526"
    assert s.conclusion.text.startswith("IR是URIF患者早期妊娠丢失的独立危险因素")
    assert s.conclusion.strength == "may"               # 或可
    assert s.groups["ir"] and s.groups["non_ir"]


def test_seed_paper_004_review():
    s = draft_summary(_read(_paper("004")))
    assert s.design == "review"
    assert s.language == "zh"
    assert s.doi == "10.12677/acm.2025.151034"
    assert s.year == 2025
    assert s.findings == [] or all(f.values == [] for f in s.findings)
    assert "综述" in s.conclusion.text or s.conclusion.text


# ---------------------------------------------------------------- from a fetched record

def test_draft_from_record_uses_its_metadata():
    from factcheck.papers.sources import Record

    rec = Record(source="europepmc", doi="10.1186/s13287-022-02848-6", pmid="12345678",
                 title="Efficacy and safety of umbilical cord-derived mesenchymal stem cells",
                 abstract=("Methods\n\n91 patients were randomly assigned to UC-MSCs (n = 45) or "
                           "placebo (n = 46).\n\nResults\n\nAt 48 weeks, 20% of the patients in the "
                           "UC-MSCs group and 4.55% in the placebo group reached the primary "
                           "endpoint (p < 0.05)."),
                 journal="Stem cell research & therapy", journal_abbrev="Stem Cell Res Ther",
                 year=2022, published="2022-05-03", authors=["Zang L", "Mu Y"],
                 raw_url="https://www.ebi.ac.uk/europepmc/webservices/rest/search?query=x")
    s = draft_summary("", record=rec)
    assert s.id == "zang2022"
    assert s.journal == "Stem cell research & therapy" and s.journal_aliases == ["Stem Cell Res Ther"]
    assert s.pmid == "12345678" and s.published == "2022-05-03" and s.authors == ["Zang L", "Mu Y"]
    assert s.design == "rct" and s.population.n == 91
    assert _values(s, _results(s)) == [20.0, 4.55]
    assert _values(s) == [91.0, 45.0, 46.0, 20.0, 4.55]
    assert s.sources == [rec.raw_url]


def test_record_without_abstract_gives_a_metadata_only_draft():
    from factcheck.papers.sources import Record

    rec = Record(source="crossref", doi="10.1080/09513590.2020.1807931",
                 title="The biochemical pregnancy loss rate remains stable up irrespective of age",
                 journal="Gynecological Endocrinology", year=2021, authors=["Smith John"],
                 raw_url="https://api.crossref.org/works/10.1080%2F09513590.2020.1807931")
    s = draft_summary("", record=rec, source=rec.raw_url)
    assert s.available is False and "metadata only" in s.availability_note
    assert s.id == "smith2021" and s.findings == [] and s.curated is False
    assert s.sources == [rec.raw_url]


def test_empty_text_is_a_clear_error():
    with pytest.raises(ValueError, match="empty"):
        draft_summary("   \n")


# ---------------------------------------------------------------- pieces

@pytest.mark.parametrize("text,design,flags", [
    ("A double-blind, randomized, placebo-controlled trial of 120 patients.", "rct",
     {"randomized", "double_blind", "placebo"}),
    ("采用随机双盲安慰剂对照试验，纳入120例患者。", "rct", {"randomized", "double_blind", "placebo"}),
    ("A systematic review and meta-analysis of 23 randomized controlled trials.", "meta_analysis",
     {"meta_analysis", "systematic_review"}),
    ("网状Meta分析", "meta_analysis", {"network_meta_analysis"}),
    # what a meta-analysis pooled: observational studies, assessed with a tool for non-randomised
    # studies (which does not make it randomised)
    ("A systematic review and meta-analysis of cohort studies, with the Risk of Bias In Non-randomised "
     "Studies of Exposures tool.", "meta_analysis", {"meta_analysis", "observational"}),
    ("A retrospective cohort study of 2177 women undergoing in vitro fertilization.", "cohort",
     {"retrospective"}),
    ("A Mendelian randomization study of bone mineral density.", "unknown", set()),
    ("We performed a case-control study of 80 cases and 160 controls.", "case_control",
     {"case_control"}),
    ("一项横断面研究纳入了88例患者", "cross_sectional", {"cross_sectional"}),
    ("Data from a national registry of 5000 patients.", "registry", {"registry"}),
    ("本研究已在中国临床试验注册中心完成注册，回顾性分析335例患者。", "cohort", {"retrospective"}),
    ("Diabetic mice were treated with MSCs.", "animal", set()),
    ("在大鼠模型中观察到成骨细胞增多。", "animal", set()),
    ("HepG2 cell lines were cultured in vitro.", "in_vitro", set()),
    ("We enrolled 40 patients and also studied mice.", "mixed", set()),
    # one patient's case, with assays in humanized mice: a case, not an animal study
    ("Here we characterize a case of long-term HIV-1 remission of a 53-year-old male. Outgrowth assays in "
     "humanized mice did not reveal replication-competent virus.", "case_report", {"case_report"}),
    ("In case of doubt, mice were excluded.", "animal", set()),
    ("本文对IGF-1与骨质疏松的相关性研究进展作一综述。", "review", set()),
])
def test_classify_design(text, design, flags):
    d, f, _species = classify_design(text)
    assert d == design
    assert flags <= set(f)
    if "Non-randomised" in text:
        assert "randomized" not in f


@pytest.mark.parametrize("text,strength", [
    ("UC-MSCs transplantation could be a potential therapeutic approach.", "may"),
    ("These findings suggest that vitamin D is involved.", "suggests"),
    ("IR is associated with early pregnancy loss.", "associated"),
    ("二甲双胍或可通过改善IR提高妊娠维持率", "may"),
    ("结果提示胰岛素抵抗参与其中", "suggests"),
    ("IGF-1与骨密度呈显著正相关", "associated"),
    ("本研究证实该疗法有效", "shows"),
    ("Smoking causes lung cancer.", "causes"),
    ("高糖饮食导致胰岛素抵抗", "causes"),
    ("This trial demonstrates a benefit.", "shows"),
    ("The sky is blue.", "unknown"),
])
def test_conclusion_strength(text, strength):
    assert conclusion_strength(text) == strength


def test_unwrap_joins_pdf_lines():
    raw = ("结果：IR组早期妊娠丢失\n\n率高于非 IR组（24.11% vs. 13.77%，P=\n\n0.526）。\n\n"
           "结论：IR是危险因素。\nthe First Affili\u2010\n\nated Hospital (OR=\n\n1.385)")
    assert unwrap(raw) == ("结果：IR组早期妊娠丢失率高于非 IR组（24.11% vs. 13.77%，P=0.526）。\n"
                           "结论：IR是危险因素。\n"
                           "the First Affiliated Hospital (OR=1.385)")


def test_sections_and_sentences():
    secs = split_sections("目的·探讨X.方法·回顾性分析.结果· 差异无统计学意义(P>0.05).3组中A高于B.结论·可能有关.")
    assert [n for n, _ in secs] == ["objective", "methods", "results", "conclusion"]
    results = dict(secs)["results"]
    assert split_sentences(results) == ["差异无统计学意义(P>0.05).", "3组中A高于B."]
    assert split_sentences("It fell (p < .001). Surprisingly, age had no effect (p = .72) "
                           "(Age 21–30 y: 10.7%). Done vs. not done.") == [
        "It fell (p < .001).", "Surprisingly, age had no effect (p = .72) (Age 21–30 y: 10.7%).",
        "Done vs. not done."]


def test_traditional_chinese_abstract():
    s = draft_summary("目的：探討X。方法：回顧性分析335例患者。結果：IR組早期妊娠丟失率高於非IR組"
                      "（24.11% vs. 13.77%，P＜0.05）。結論：IR可能是危險因素。")
    assert s.design == "cohort" and s.population.n == 335
    f, _ = _finding_with(s, 24.11)
    assert [(v.value, v.group) for v in f.values] == [(24.11, "ir"), (13.77, "non_ir")]
    assert s.conclusion.strength == "may"


def test_population_and_group_names():
    from factcheck.papers.summarize import _group_names, find_population

    p = find_population("91 patients were randomly assigned to receive UC-MSCs (n = 45) or placebo (n = 46)", "")
    assert (p.n, p.unit, p.groups) == (91, "person", {"UC-MSCs": 45, "placebo": 46})
    p = find_population("回顾性分析IR组112例、非IR组223例患者的资料。", "")
    assert p.n is None and p.groups == {"IR组": 112, "非IR组": 223}     # no total written
    p = find_population("对照组(n=40)与治疗组(n=42)", "")
    assert p.groups == {"对照组": 40, "治疗组": 42}
    assert [n for _s, _e, n in _group_names("治疗组明显高于对照组(35%)和安慰剂组，非IR组与IR组，3组之间")] == [
        "治疗组", "对照组", "安慰剂组", "非IR组", "IR组"]
    assert [n for _s, _e, n in _group_names("in the UC-MSCs group and the placebo group, between both groups")] == [
        "UC-MSCs", "placebo"]


# Synthetic sentences (not from a paper) for the splitting and grouping rules.

def test_several_effect_estimates_become_one_finding_each():
    s = draft_summary("结果：多因素分析显示,年龄[OR值(95% CI)为0.50(0.27~0.92),P=0.026]、"
                      "不孕类型[OR值(95% CI)为0.62(0.43~0.88),P=0.008]以及胚胎类型[OR值(95% CI)为"
                      "2.43(1.46~4.01),P=0.001]是相关因素。")
    got = [(f.values[0].value, f.values[0].label, f.ci, f.p) for f in s.findings]
    assert got == [(0.5, "OR", [0.27, 0.92], "0.026"), (0.62, "OR", [0.43, 0.88], "0.008"),
                   (2.43, "OR", [1.46, 4.01], "0.001")]


def test_bracketed_comparison_shares_the_group():
    s = draft_summary("结果：A组患者比例较非A组高[(63.1%,210例)比(49.6%,200例)],差异有统计学意义(P<0.05)。")
    [f] = s.findings
    assert [(v.value, v.group) for v in f.values] == [(63.1, "a"), (210.0, "a"), (49.6, "non_a"),
                                                       (200.0, "non_a")]
    assert f.significant is True


def test_time_labels_are_timepoints_not_groups():
    s = draft_summary("Results\n\nGlucose was reduced [baseline: 9.34 (8.36, 11.77), day 14: 6.52 "
                      "(5.22, 8.69); P < 0.01].")
    [f] = s.findings
    assert [(v.value, v.timepoint, v.group) for v in f.values] == [
        (9.34, "baseline", None), (8.36, "baseline", None), (11.77, "baseline", None),
        (6.52, "day 14", None), (5.22, "day 14", None), (8.69, "day 14", None)]
    assert f.p == "<0.01" and s.groups == {}


def test_make_id():
    assert make_id(["Zang L"], 2022, "10.1186/x") == "zang2022"
    assert make_id(["van der Berg A"], 2020, None) == "van2020"
    assert make_id([], None, "10.1080/09513590.2020.1807931") == "doi_10_1080_09513590_2020_1807931"
    assert make_id(["马文红"], 2025, "10.1/../x?y") == "doi_10_1_x_y"
    assert re.fullmatch(r"[a-z0-9_]+", make_id([], None, None, None, "text"))


# ---------------------------------------------------------------- writing

def test_write_summary_round_trip_and_refusals(tmp_path):
    s = draft_summary(_read(ABSTRACTS / "zang2022.txt"), doi="10.1186/s13287-022-02848-6")
    out = tmp_path / "refs" / "zang2022.yaml"
    write_summary(s, str(out))
    loaded = load_summary(out)                          # valid against the schema
    assert loaded.curated is False and loaded.design == "rct"
    assert loaded.findings == s.findings
    # an existing draft is not overwritten without force ...
    with pytest.raises(FileExistsError, match="already exists.*--force"):
        write_summary(s, str(out))
    # ... and is with force
    s2 = s.model_copy(update={"title": "changed"})
    write_summary(s2, str(out), force=True)
    assert load_summary(out).title == "changed"
    assert [p.name for p in out.parent.iterdir()] == ["zang2022.yaml"]     # no temp files left


def test_curated_file_is_never_overwritten(tmp_path):
    out = tmp_path / "zang2022.yaml"
    original = "id: zang2022\ntitle: Hand-curated\ncurated: true\n"
    out.write_text(original, encoding="utf-8")
    s = draft_summary(_read(ABSTRACTS / "zang2022.txt"))
    for force in (False, True):
        with pytest.raises(CuratedFileError, match="curated") as e:
            write_summary(s, str(out), force=force)
        assert isinstance(e.value, FileExistsError)
        assert str(out) in str(e.value)
    assert out.read_text(encoding="utf-8") == original
    # even when the curated file's YAML is broken
    broken = "id: [zang\ncurated: true\n"
    out.write_text(broken, encoding="utf-8")
    with pytest.raises(CuratedFileError):
        write_summary(s, str(out), force=True)
    assert out.read_text(encoding="utf-8") == broken


# ---------------------------------------------------------------- recovery evaluation

def test_recovery_eval(tmp_path):
    refs = tmp_path / "references"
    abstracts = tmp_path / "abstracts"
    refs.mkdir()
    abstracts.mkdir()
    (abstracts / "zang2022.txt").write_text(_read(ABSTRACTS / "zang2022.txt"), encoding="utf-8")
    (abstracts / "nocurated.txt").write_text("Results: 5% vs 6% (p = 0.3).", encoding="utf-8")
    curated = {
        "id": "zang2022", "doi": "10.1186/s13287-022-02848-6", "curated": True,
        "title": "Efficacy and safety of umbilical cord-derived mesenchymal stem cells",
        "design": "rct",
        "findings": [
            {"id": "primary", "text": "20% vs 4.55% reached the endpoint", "measure": "primary endpoint",
             "values": [{"value": 20, "unit": "%"}, {"value": 4.55, "unit": "%"}],
             "ci": [2.25, 28.66], "p": "<0.05"},
            {"id": "insulin", "text": "27.78% versus 15.62%", "measure": "insulin reduction",
             "values": [{"value": 27.8, "unit": "%"}, {"value": 15.62, "unit": "%"}]},
            {"id": "made_up", "text": "not in the abstract", "measure": "x",
             "values": [{"value": [1.5, 99.5]}]},
        ],
    }
    (refs / "zang2022.yaml").write_text(yaml.safe_dump(curated), encoding="utf-8")
    r = recovery_eval(str(refs), str(abstracts))
    assert set(r) == {"zang2022", "totals"}
    z = r["zang2022"]
    # curated: 20, 4.55, 2.25, 28.66, 0.05, 27.8, 15.62, 1.5, 99.5
    assert z["curated"] == 9
    assert z["recovered"] == 6                          # exact only: 27.8 is not 27.78 ...
    assert z["recovered_rounded"] == 7                  # ... though it rounds to it
    assert sorted(z["missed"]) == [1.5, 27.8, 99.5]
    assert z["invented"] == 0
    assert z["drafted"] == len(summary_numbers(draft_summary(_read(ABSTRACTS / "zang2022.txt"))))
    assert r["totals"]["curated"] == 9 and r["totals"]["recovered"] == 6
    assert r["totals"]["recall"] == pytest.approx(6 / 9, abs=1e-4)


def test_recovery_eval_counts_invented_numbers(tmp_path, monkeypatch):
    import factcheck.papers.summarize as sm

    refs, abstracts = tmp_path / "r", tmp_path / "a"
    refs.mkdir()
    abstracts.mkdir()
    (abstracts / "p.txt").write_text("Results\n\nA rose to 12.5% (p = 0.01).", encoding="utf-8")
    (refs / "p.yaml").write_text(yaml.safe_dump({
        "id": "p", "title": "P", "curated": True,
        "findings": [{"id": "f1", "text": "t", "measure": "m", "values": [{"value": 12.5}]}]}),
        encoding="utf-8")
    real = sm.draft_summary

    def drafted_with_a_ghost(text, **kw):
        s = real(text, **kw)
        s.findings[0].values.append(sm.Value(value=77.7))
        return s

    monkeypatch.setattr(sm, "draft_summary", drafted_with_a_ghost)
    r = sm.recovery_eval(str(refs), str(abstracts))["p"]
    assert r["curated"] == 1 and r["recovered"] == 1
    assert r["invented"] == 1 and r["invented_values"] == [77.7]


def test_recovery_eval_on_real_references_if_present():
    refs = ROOT / "references"
    if not any(refs.glob(f"{p.stem}.y*ml") for p in ABSTRACTS.glob("*.txt")):
        pytest.skip("no curated references for the abstracts yet")
    r = recovery_eval(str(refs), str(ABSTRACTS))
    assert r["totals"]["curated"] >= 0
    for stem, row in r.items():
        assert "error" not in row, (stem, row)


PUBMED_EXPORT = """1. N Engl J Med. 2022 Aug 11;387(6):1234-1245. doi: 10.1056/NEJMoa2202106. Epub 2022 Jul 27.

Supplemental Vitamin D and Incident Fractures in Midlife and Older Adults.

LeBoff MS(1), Chou SH(2), Ratliff KA(2), Cook NR(2), Manson JE(2).

Author information:
(1)From the Division of Endocrinology, Brigham and Women's Hospital, Boston.
(2)Harvard Medical School, Boston.

BACKGROUND: Vitamin D supplements are widely used.
METHODS: In this ancillary study of a randomized trial, 25,871 participants were randomly assigned to receive
vitamin D3 (2000 IU per day) or placebo for a median follow-up of 5.3 years.
RESULTS: The hazard ratio for total fractures was 0.98 (95% CI, 0.89 to 1.08).
CONCLUSIONS: Vitamin D3 supplementation did not result in a significantly lower risk of fractures than placebo.

Copyright © 2022 Massachusetts Medical Society.

DOI: 10.1056/NEJMoa2202106
PMID: 35939577
"""


def test_pubmed_text_export_gives_its_metadata():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary(PUBMED_EXPORT, source="pubmed.txt")
    assert s.title.startswith("Supplemental Vitamin D and Incident Fractures")
    assert s.journal == "N Engl J Med" and s.year == 2022 and s.pmid == "35939577"
    assert s.authors[:2] == ["LeBoff MS", "Chou SH"]
    assert s.population.n == 25871
    assert not any("Brigham" in f.text or "Copyright" in f.text for f in s.findings)
    assert any(v.value == 0.98 for f in s.findings for v in f.values)


def test_europe_pmc_json_gives_its_metadata_and_abstract():
    import json

    from factcheck.papers.summarize import draft_summary

    hit = {"pmid": "35939577", "doi": "10.1056/NEJMoa2202106",
           "title": "Supplemental Vitamin D and Incident Fractures in Midlife and Older Adults.",
           "authorString": "LeBoff MS, Chou SH.", "pubYear": "2022",
           "journalInfo": {"journal": {"title": "The New England journal of medicine", "isoabbreviation": "N Engl J Med"}},
           "abstractText": "<h4>Methods</h4>In this ancillary study of a randomized trial, 25,871 participants were "
                           "randomly assigned to vitamin D3 or placebo.<h4>Results</h4>The hazard ratio for total "
                           "fractures was 0.98 (95% CI, 0.89 to 1.08)."}
    for text in (json.dumps({"resultList": {"result": [hit]}}), json.dumps(hit)):
        s = draft_summary(text, source="epmc.json")
        assert s.year == 2022 and s.pmid == "35939577" and s.title.startswith("Supplemental Vitamin D")
        assert s.population.n == 25871
        assert any(v.value == 0.98 for f in s.findings for v in f.values)
    assert draft_summary('{"note": "not a paper"} 12 patients improved by 30%.', source="x").title != "not a paper"


def test_plos_and_jama_section_headings():
    from factcheck.papers.summarize import draft_summary, split_sections

    assert [n for n, _ in split_sections("Background: a. Methods and findings: 708 adults. Conclusions: b.")] == \
        ["background", "results", "conclusion"]
    assert [n for n, _ in split_sections("Importance: a. Design, Setting, and Participants: 100 adults. "
                                         "Main Outcomes and Measures: c. Results: 10 cases. "
                                         "Conclusions and Relevance: d.")] == \
        ["background", "methods", "methods", "results", "conclusion"]
    s = draft_summary("Title: T\nJournal: PLoS Medicine\nYear: 2025\n\nBackground: a.\nMethods and findings: In this "
                      "randomised trial, 708 participants were assigned to app-based CBT-I or control. At 12 months, 10% "
                      "and 18% developed depression (hazard ratio 0.58, 95% CI 0.38-0.87).\nConclusions: b.", source="t")
    assert any(v.value == 0.58 for f in s.findings for v in f.values)
    # Hepatology's "Approach and Results", and paragraphs a copy joined with " // "
    assert [n for n, _ in split_sections("Background and Aims: a. Approach and Results: We analyzed 12,656 adults. "
                                         "Conclusions: b.")] == ["background", "results", "conclusion"]
    assert [n for n, _ in split_sections("Background: a. // METHODS AND FINDINGS: 708 adults. // CONCLUSIONS: b.")] == \
        ["background", "results", "conclusion"]


def test_decimals_of_a_list_told_respectively_after_a_ratio_name_are_ratios():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Results: Relative to no tea drinking, the hazard ratios for participants drinking 2 to 3, "
                      "4 to 5 and 6 or more cups per day were 0.87, 0.88 and 0.91, respectively.", source="x")
    kinds = {v.value: (v.kind, v.label) for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert kinds[0.87] == kinds[0.91] == ("ratio", "HR")
    assert kinds[6.0][0] != "ratio"


def test_a_bounded_category_after_a_ratio_name_is_a_cut_off_not_the_ratio():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Results: the hazard ratio for PCa incidence for ≥21 compared to 4–7 ejaculations per "
                      "month was 0.81 (95% CI 0.72–0.92).", source="x")
    vals = {v.value: v for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert (vals[0.81].kind, vals[0.81].label) == ("ratio", "HR")
    assert vals[21.0].kind != "ratio" and vals[21.0].qualifier == "at_least"


def test_years_in_a_mean_age_sentence_are_ages_and_or_older_bounds_an_age():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Results: The mean (SD) age for those with dementia was 74.9 years (SD 11.3 years) and for "
                      "those without dementia was 74.5 years (SD 11.3 years). Among patients aged 65 years or "
                      "older, hypothyroidism was associated with dementia (adjusted OR 1.81).", source="x")
    vals = {v.value: v for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert vals[74.9].unit == vals[74.5].unit == "age"
    assert (vals[65.0].unit, vals[65.0].qualifier) == ("age", "at_least")


def test_a_mean_age_before_a_follow_up_is_an_age_and_the_follow_up_stays_a_length():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Results: The average age at cohort entry was 45 years and the median follow-up was 3.4 "
                      "years. Among 23 754 individuals (mean age at baseline 93 years [SD 7.5]) we observed 18 948 "
                      "deaths during 14 years of follow-up.", source="x")
    vals = {v.value: v for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert vals[45.0].unit == "age" and vals[93.0].unit == "age"
    assert vals[3.4].unit == "year"
    assert not [v for f in s.findings for v in f.values if v.value == 14.0 and v.unit == "age"]


def test_the_next_item_of_a_list_of_ratios_is_a_ratio_even_when_its_interval_is_cut_off():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Results: Compared with low adherence, adjusted risk reductions were observed for middle and "
                      "upper groups, with HRs of 0.84 (95% CI, 0.78-0.90) and 0.77 (95% CI", source="x")
    vals = {v.value: v for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert (vals[0.77].kind, vals[0.77].label) == ("ratio", "HR")


def test_a_count_after_bmi_is_no_bmi_and_kg_m_2_in_brackets_is_the_unit():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Methods: We investigated associations between BMI and 22 of the most common cancers. "
                      "Findings: BMI was associated with 17 of 22 cancers. Each 5 kg/m(2) increase in BMI was "
                      "associated with cancers of the uterus (HR 1.62).", source="x")
    vals = [v for f in s.findings for v in f.values if not isinstance(v.value, list)]
    assert not [v for v in vals if v.value in (22.0, 17.0) and v.unit == "kg/m2"]
    assert [v for v in vals if v.value == 5.0 and v.unit == "kg/m2"]


def test_a_hyphenated_age_range_is_an_age_not_a_count_of_people():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Methods: The ACHIEVE study is a randomised controlled trial of 70–84 year-old adults with "
                      "untreated hearing loss. Findings: 977 participants were enrolled.", source="x")
    assert s.population.n != 84
    assert [70.0, 84.0] in [v.value for v in s.stated if v.unit == "age"]


def test_a_hyphenated_decimal_length_and_a_mean_with_a_labelled_sd_keep_their_unit():
    from factcheck.papers.summarize import draft_summary

    for text, want in (("Results: During the 6.3-year median patient follow-up, 1752 participants had an event.", 6.3),
                       ("Results: During a mean follow-up of 6.8 (SD, 3.9) years, 2000 participants died.", 6.8)):
        s = draft_summary(text, source="x")
        assert (want, "year", "follow_up") in [(v.value, v.unit, v.label) for f in s.findings for v in f.values], text


def test_a_publishers_heading_closes_its_line():
    # "<h4>Results</h4>Forty-three children …": the heading on a line of its own, so that the
    # sentence after it opens with its number word, read as a number
    from factcheck.ingest.reader import html_to_text
    from factcheck.papers.summarize import draft_summary

    assert html_to_text("x.<h4>Results</h4>Forty-three children") == "x.\nResults\nForty-three children"
    s = draft_summary("<p>Methods: Children with asthma were randomised.</p><h4>Results</h4>Forty-three children (5-13 years old) "
                      "completed the trial.", source="x")
    assert 43.0 in [v.value for f in s.findings for v in f.values if v.unit == "person"]


def test_another_trial_told_in_the_background_is_not_the_papers_design():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("The association between proton pump inhibitors and type 2 diabetes remains unclear, although a "
                      "recent randomised controlled trial showed a trend towards increased risk. This is a prospective "
                      "analysis of 204 689 participants in the Nurses' Health Study. Regular users had a higher risk "
                      "of diabetes (HR 1.24, 95% CI 1.17 to 1.31).", source="x")
    assert s.design == "cohort" and "randomized" not in s.design_flags
    trial = draft_summary("We randomly assigned 300 adults to drug or placebo in a double-blind trial. Results: "
                          "Risk fell (HR 0.80).", source="y")
    assert trial.design == "rct"


def test_over_a_period_after_a_verb_is_how_long_not_more_than():
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Methods: Participants were monitored over 5 days for a clinical cold. Results: Adults "
                      "aged over 65 years had a higher risk (OR 1.40). Sleep was assessed over 7 consecutive days.",
                      source="x")
    vals = {v.value: v for f in s.findings for v in f.values if not isinstance(v.value, list)}
    assert (vals[5.0].unit, vals[5.0].qualifier) == ("day", None)
    assert vals[65.0].qualifier == "more_than"      # an age's bound stays one


def test_results_told_respectively_take_their_arms_in_order():
    """"0.21±0.02 mm and 0.55±0.02 mm in the DIMS and SV groups, respectively": the second result
    is the SV group's, though DIMS is the arm named nearest after it."""
    s = draft_summary("Methods: Children were randomly assigned to wear DIMS (n=93) or single vision (SV) spectacle "
                      "lenses (n=90). Results: Mean (SE) axial elongation was 0.21±0.02 mm and 0.55±0.02 mm in the "
                      "DIMS and SV groups, respectively.")
    f = next(f for f in s.findings if "axial elongation" in f.text)
    got = {v.value: v.group for v in f.values if v.label != "sd"}
    assert got[0.21] != got[0.55] and got[0.55] is not None and got[0.55].lower() == "sv", got


def test_a_journal_line_that_gives_the_citation_names_the_journal_and_its_abbreviation():
    """The name an article names, not the citation ("JAMA Internal Medicine (JAMA Intern Med. 2022
    Sep 1;182(9):953-962)"); the line's Epub day is still read."""
    from factcheck.papers.summarize import draft_summary

    s = draft_summary("Title: Early time-restricted eating\nJournal: JAMA Internal Medicine (JAMA Intern Med. 2022 "
                      "Sep 1;182(9):953-962)\nYear: 2022\n\nResults: Among 90 adults, weight fell by 6.3 kg.")
    assert s.journal == "JAMA Internal Medicine" and s.journal_aliases == ["JAMA Intern Med"]
    s = draft_summary("Title: Thyroid cancer trends\nJournal: Cancer Sci. 2023 Oct;114(10):4052-4062 (Epub 2023 Jul "
                      "24)\nYear: 2023\n\nResults: We used data from 13 cancer registries.")
    assert s.journal == "Cancer Sci" and s.journal_aliases == [] and s.published == "2023-07-24"


def test_pooled_analyses_of_one_papers_own_cohorts_are_no_meta_analysis():
    text = ("Methods: We included 49,281 men in the Health Professional Follow-up Study and 80,336 women from the "
            "Nurses' Health Study. Results: No significant relationship was observed in women or in pooled analyses "
            "(p trend = 0.23).")
    s = draft_summary(text, source="<test>")
    assert s.design == "cohort" and "meta_analysis" not in s.design_flags
    pooled = draft_summary("Design: A pooled analysis was conducted of 2 large US cohort studies, the Nurses' Health "
                           "Study and the Health Professionals Follow-up Study.", source="<test>")
    assert pooled.design == "meta_analysis"


def test_a_range_of_ranks_is_read_as_its_two_ends():
    """"the 0 to 50th, 51st to 70th, and 91st-100th percentiles": the ends of each band are
    numbers (an article's 51-70百分位), the ordinal endings dropped; a lone ordinal stays a word."""
    from conftest import draft_verdicts
    from factcheck.papers.abstract_en import normalise

    abstract = ("Exposure: light data categorized into the 0 to 50th, 51st to 70th, 71st to 90th, and 91st to "
                "100th percentiles. Results: Those with the brightest nights (91st-100th percentiles) had higher "
                "risks (aHR, 1.32). The 2nd visit was at 6 months.")
    v = draft_verdicts(abstract, "研究发现，夜间光照分为0-50、51-70、71-90和91-100百分位。")
    assert v["51-70"] == v["71-90"] == v["91-100"] == "supported"
    assert "2nd visit" in normalise(abstract)


def test_a_length_with_a_word_of_sequence_is_that_length():
    """"2 successive days of fasting", "7 consecutive days": the word between the number and its
    unit leaves it that many days (an article's 2天, 连续7天); a word of another kind does not."""
    from conftest import draft_verdicts
    from factcheck.papers.abstract_en import normalise

    assert normalise("2 successive days of fasting and 7 consecutive days") == "2 days of fasting and 7 days"
    assert normalise("3 healthy days") == "3 healthy days"
    abstract = ("Methods: 60 adults were randomly assigned to intermittent calorie restriction (2 successive "
                "days of fasting per week) or continuous calorie restriction. Results: Liver fat fell in both "
                "groups.")
    assert draft_verdicts(abstract, "研究中，轻断食组每周连续2天断食。")["2天"] == "supported"


def test_the_places_a_study_ran_in_are_its_sites():
    """"in ten regions of China", "from 6 cities": the places a study ran in are counted as its
    sites on both sides (10个地区, 6个城市, 10所学校), so the article's count is the abstract's; a
    classifier before any other noun (三个方面) stays a bare count."""
    from conftest import draft_verdicts
    from factcheck.text.numbers import extract

    assert [(m.unit, m.value) for m in extract("覆盖中国10个地区的前瞻性队列，在6个城市和10所学校中开展")] == [
        ("site", 10), ("site", 6), ("site", 10)]
    assert [m.unit for m in extract("研究从三个方面评估")] == [""]
    abstract = ("Methods: We performed a prospective cohort study in ten regions of China that recruited "
                "512 689 adults. Results: Each 10 μg/m3 higher PM2.5 was associated with a 4% higher risk (HR 1.04).")
    assert draft_verdicts(abstract, "这项覆盖中国10个地区的前瞻性队列研究招募了512689名成年人。")["10个"] == "supported"
