"""factcheck audit: each check with a consistent and an inconsistent example, the parsers on
the layouts papers are copied in, the seed papers against the gold written by reading, and
agreement with statcheck's labelled cases."""

from __future__ import annotations

import json
import os
import math
from pathlib import Path

import pytest

from factcheck.audit import checks, dist
from factcheck.audit.core import audit_text
from factcheck.audit.evaluate import case_agreement, load_cases
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAPERS = sorted((ROOT / "corpus" / "papers").glob("*.txt"))
GOLD = ROOT / "tests" / "audit" / "gold_001.jsonl"
CASES = ROOT / "tests" / "audit" / "statcheck_cases.jsonl"


def codes(text: str) -> list[str]:
    return [f.code for f in audit_text(text).findings]


# ---------------------------------------------------------------- distributions

@pytest.mark.parametrize("p, expected", [
    (dist.t_two_sided(2.20, 28), 0.03627),
    (dist.t_two_sided(-2.20, 28), 0.03627),
    (dist.chi2_upper(3.841459, 1), 0.05),
    (dist.chi2_upper(5.0, 2), math.exp(-2.5)),                  # closed form for df = 2
    (dist.t_two_sided(3.0, 1), 1 - 2 / math.pi * math.atan(3.0)),   # Cauchy
    (dist.t_two_sided(1.5, 2), 1 - 1.5 / math.sqrt(2 + 1.5 ** 2)),
    (dist.f_upper(3.1, 2, 45), 0.05476),
    (dist.z_two_sided(1.959964), 0.05),
])
def test_distributions_match_reference_values(p, expected):
    assert p == pytest.approx(expected, abs=2e-4)


# ---------------------------------------------------------------- GRIM for percentages

def test_percent_follows_from_count():
    assert checks.check_percent("68.84", 138, 95).ok
    assert checks.check_percent("34.38", 64, 22).ok          # 34.375 half-up


def test_percent_that_no_count_gives():
    v = checks.check_percent("68.88", 138, 95)
    assert not v.ok and v.recomputed == "95/138 = 68.84%" and "no count" in v.note
    assert not checks.check_percent("20.83", 112).ok         # without a count: GRIM proper
    assert checks.check_percent("20.54", 112).ok


def test_percent_rounding_conventions_are_all_tried():
    assert checks.percent_matches(1, 8, "12") == ["half-down", "half-even", "truncation"]   # 12.5
    assert checks.percent_matches(1, 8, "13") == ["half-up"]
    assert not checks.percent_matches(1, 8, "14")


# ---------------------------------------------------------------- ratio and CI

def test_ratio_at_geometric_centre():
    assert checks.check_ratio_centre("0.94", "0.91", "0.98").ok
    v = checks.check_ratio_centre("1.385", "1.035", "2.508")
    assert not v.ok and "1.611" in v.recomputed


def test_ci_and_p():
    assert checks.check_ci_p("1.035", "2.508", "<", "0.05").ok
    assert not checks.check_ci_p("1.035", "2.508", "=", "0.12").ok
    assert not checks.check_ci_p("0.80", "1.20", "<", "0.01").ok
    assert checks.check_ci_p("1.00", "1.50", "=", "0.049").ok      # a bound at 1: cannot tell


# ---------------------------------------------------------------- statistic vs P

def test_t_against_p():
    assert checks.check_stat_p("t", "2.20", "=", ".04", [(28, None)]).ok
    v = checks.check_stat_p("t", "2.20", "=", ".30", [(28, None)])
    assert not v.ok and v.decision_error
    v = checks.check_stat_p("t", "1.01", "=", "0.375", checks.two_group_dfs(64, 112))
    assert not v.ok and not v.decision_error


def test_f_and_chi2_against_p():
    assert checks.check_stat_p("F", "3.1", "<", ".06", [(2, 45)]).ok
    assert not checks.check_stat_p("F", "3.1", "<", ".05", [(2, 45)]).ok
    assert checks.check_stat_p("chi2", "3.91", "=", "0.048", [(1, None)]).ok
    assert not checks.check_stat_p("chi2", "0.17", "=", "0.279", [(1, None)]).ok


def test_one_sided_only_when_the_paper_says_so():
    assert not checks.check_stat_p("t", "2.20", "=", ".018", [(28, None)]).ok
    assert checks.check_stat_p("t", "2.20", "=", ".018", [(28, None)], one_sided_ok=True).ok


def test_p_zero_is_p_below_half_a_unit():
    assert checks.check_stat_p("t", "22.20", "=", ".000", [(28, None)]).ok
    assert not checks.check_stat_p("t", "22.20", "<", ".000", [(28, None)]).ok


def test_t_from_means_and_sds():
    assert checks.check_t_means(("34.90", "3.50", 50), ("34.20", "4.10", 50), "0.92").ok
    assert checks.check_t_means(("34.94", "3.47", 138), ("34.22", "4.08", 112), "1.55").ok   # Welch 1.48, pooled 1.51
    v = checks.check_t_means(("21.65", "3.02", 138), ("23.21", "2.66", 112), "4.73")
    assert not v.ok and "4.28" in v.recomputed and "4.34" in v.recomputed
    assert "FC411" in codes(CELL_TABLE.replace("\n0.92\n", "\n1.92\n").replace("0.360", "0.058"))


THREE_GROUPS = """指标
评分，x̄ ± s
A组（n=30）
10.0±2.0
B组（n=30）
11.0±2.0
C组（n=30）
12.5±2.5
F
10.41
P
<0.001
表2 三组比较
"""


def test_f_from_three_groups_means():
    assert codes(THREE_GROUPS) == []
    assert codes(THREE_GROUPS.replace("10.41", "5.20").replace("<0.001", "0.007")) == ["FC411"]


def test_paired_columns_are_not_two_groups():
    paired = CELL_TABLE.replace("对照组（n=50）", "治疗前（n=50）").replace("治疗组\n（n=50）", "治疗后\n（n=50）")
    assert codes(paired.replace("\n0.92\n", "\n4.92\n").replace("0.360", "<0.001")) == []
    assert "FC411" in codes(CELL_TABLE.replace("\n0.92\n", "\n4.92\n").replace("0.360", "<0.001"))


# ---------------------------------------------------------------- χ² from counts

def test_chi2_from_counts():
    assert checks.check_chi2_counts([[10, 54], [34, 78]], "4.69").ok          # Pearson
    assert checks.check_chi2_counts([[20, 30], [31, 19]], "4.00").ok          # Yates
    v = checks.check_chi2_counts([[19, 119], [27, 85]], "3.91")
    assert not v.ok and "4.40" in v.recomputed and "3.74" in v.recomputed
    assert checks.check_chi2_counts([[3, 135], [0, 112]], "9.99").ok          # expected < 5: Fisher


def test_chi2_r_by_c():
    x = checks.chi2_from_counts([[10, 20, 30], [20, 20, 20]])
    assert x == pytest.approx(16 / 3, abs=1e-9)


# ---------------------------------------------------------------- parsing: prose

@pytest.mark.parametrize("text, code", [
    ("IR 仍是独立危险因素（OR=1.385，95% CI：1.035～2.508，P＜0.05）。", "FC402"),
    ("风险降低（OR=1.60，95% CI：1.02～2.51，P=0.21）。", "FC403"),
    ("两组比较，χ2=24.21, P=0.30。", "FC408"),          # no df printed: 1-10 tried
    ("两组比较，χ2(1)=4.21, P=0.30。", "FC408"),
    ("The effect was significant, t(28) = 2.20, p = .30.", "FC408"),
    ("F(2, 45) = 3.1, p < .01", "FC408"),
    ("F(2, 45) = 3.1, p = .08", "FC404"),
    ("r(86) = .035, p = .176", "FC404"),
    ("有效率为 19/138 (13.87%)。", "FC401"),
    ("t(28) = 2.20, ns", "FC408"),
    ("t(28) < 2.2, p = .02", "FC404"),
    ("两组比较，t=1.20，P=0.03。", "FC408"),           # no df: wrong for every df
])
def test_prose_inconsistent(text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "IR 仍是独立危险因素（OR = 0.94 (95%CI，0.91~0.98；P = 0.003)。",
    "两组比较，χ2=4.21, P=0.04。",
    "t(28) = 2.20, p = .04; F(2, 45) = 3.1, p < .06; z = 2.1, p = .04",
    "有效率为 19/138 (13.77%)。",
    "t(28) = 2.20, p = .018, one-tailed",
    "t(28) = 1.20, ns",
    "t(28) > 2.2, p < .02",
    "两组比较，t=2.20，P=0.04。",                      # no df: right for some df
])
def test_prose_consistent(text):
    assert codes(text) == []


# ---------------------------------------------------------------- parsing: tables

CELL_TABLE = """表1    两组比较
指标
年龄/岁，x̄ ± s
有效，n（%）
移植周期类型，n（%）
    新鲜周期
    冻融周期
对照组（n=50）
34.90±3.50
20（40.00）
15（30.00）
35（70.00）
治疗组
（n=50）
34.20±4.10
31（62.00）
12（24.00）
38（76.00）
t/χ2
0.92
4.84
0.46
P
0.360
0.028
0.499
"""


def test_cell_per_line_table_consistent():
    rep = audit_text(CELL_TABLE)
    assert rep.findings == []
    assert rep.checked["statistic vs P"] == 3 and rep.checked["chi2 from counts"] == 2


def test_cell_per_line_table_inconsistent():
    bad = CELL_TABLE.replace("20（40.00）", "20（40.80）").replace("0.360", "0.036").replace(
        "35（70.00）", "36（70.00）")
    got = codes(bad)
    assert "FC401" in got and "FC408" in got and "FC407" in got


ROW_TABLE = ("Variable\tControl (n=50)\tTreated (n=50)\tt/χ2\tP\n"
             "Age, y\t34.9±3.5\t34.2±4.1\t0.92\t0.360\n"
             "Responders, n(%)\t20 (40.00)\t31 (62.00)\t4.84\t0.028\n")


def test_row_table():
    assert codes(ROW_TABLE) == []
    bad = ROW_TABLE.replace("31 (62.00)", "31 (63.00)").replace("0.028", "0.28")
    assert {"FC401", "FC408"} <= set(codes(bad))


# ---------------------------------------------------------------- sizes and labels

SIZES = ("摘要 方法：回顾性分析 335例患者的临床资料。关键词 胰岛素抵抗\n"
         "本研究最终纳入 335例患者。176例 IR患者中，64例接受治疗。159 例非 IR 患者中，21 例接受治疗。\n")


def test_sample_sizes_consistent():
    assert codes(SIZES) == []


def test_sample_sizes_disagree():
    assert "FC406" in codes(SIZES.replace("分析 335例", "分析 353例"))
    assert "FC407" in codes(SIZES.replace("159 例非", "169 例非"))


def test_abbreviation_with_two_meanings():
    ok = "类胰岛素生长因子1 (IGF-1)是一种多肽。胰岛素样生长因子1 (IGF-1)促进骨形成。"
    assert codes(ok) == []
    bad = ok + "胰高血糖素样肽-1 (IGF-1)是一种单链多肽。"
    assert codes(bad) == ["FC409"]


# ---------------------------------------------------------------- the seed papers

def _matches(f, g) -> bool:
    return f.code in g["codes"] and g["match"] in f.reported


def test_seed_papers_against_gold():
    gold = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    findings = [(p.name, f) for p in PAPERS for f in audit_text(p.read_text(encoding="utf-8"), p.name).findings]
    missed = [g["id"] for g in gold if g["detectable"]
              and not any(name == g["paper"] and _matches(f, g) for name, f in findings)]
    false_alarms = [(name, f.code, f.where, f.reported) for name, f in findings
                    if not any(name == g["paper"] and _matches(f, g) for g in gold)]
    assert missed == []
    assert len(false_alarms) <= 2, false_alarms


def test_grim_means():
    assert checks.check_grim_mean("4.22", 64).ok
    v = checks.check_grim_mean("1.08", 21)
    assert not v.ok and "22/21" in v.recomputed
    assert checks.grim_mean("0.87", 28, 2) == ["half-down", "truncation"]   # 49/56 = 0.875


def test_scrutiny_grim_agreement():
    from factcheck.audit.evaluate import grim_agreement

    cases = load_cases(str(CASES.with_name("scrutiny_grim_cases.jsonl")))
    agree, total, _ = grim_agreement(cases, ("half-up", "half-down"))
    assert agree == total == 55
    agree, _, misses = grim_agreement(cases)     # truncation too: more lenient, never stricter
    assert agree == 49 and all("expected False, got True" in m for m in misses)


def test_statcheck_agreement():
    a = case_agreement(load_cases(str(CASES)))
    assert a.read >= 105
    assert a.rate("error") >= 0.95 and a.rate("decision_error") >= 0.95, a.misses


# ---------------------------------------------------------------- the command

def test_cli_exit_codes_and_formats(capsys, tmp_path):
    paper = str(next(p for p in PAPERS if p.name.startswith("001")))
    assert main(["audit", paper]) == 1
    out = capsys.readouterr().out
    assert "FC401" in out and "68.84%" in out and "已尝试" in out
    assert main(["audit", paper, "--format", "json", "--lang", "en"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "factcheck.audit/1" and "contract" in doc
    f = doc["papers"][0]["findings"][0]
    assert {"reported", "recomputed", "tried", "severity", "message"} <= set(f)
    assert main(["audit", paper, "--format", "markdown"]) == 1
    assert capsys.readouterr().out.startswith("# factcheck audit")
    assert main(["audit", paper, "--format", "html"]) == 1
    page = capsys.readouterr().out
    assert "<!DOCTYPE html>" in page and "FC401" in page and "<script" not in page
    clean = tmp_path / "clean.txt"
    clean.write_text("两组比较，χ2=4.21, P=0.04。", encoding="utf-8")
    assert main(["audit", str(clean)]) == 0
    assert main(["audit", str(ROOT / "corpus" / "papers")]) == 1          # a folder: every paper in it
    assert capsys.readouterr().out.count("FC409") == 1
    assert main(["audit", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err


# ---------------------------------------------------------------- robustness

from hypothesis import given, settings, strategies as st  # noqa: E402

PIECES = st.sampled_from(["t(0) = 2.2, p = .04", "F(1, 0) = 3, p = .1", "r(5) = 1.0, p = .01", "χ2=0, P=1",
                          "OR=0.00，95% CI：0.00～0.00", "0（0.00）", "（n=0）", "（n=1）", "指标", "\n", "    ",
                          "P", "t/χ2", "-0.5", "<0.001", "12.3±4.5", "3/0 (5%)", "0例非 X患者", "甲 (A)"])


@settings(max_examples=int(os.environ.get("AUDIT_FUZZ_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40))
def test_audit_never_crashes(parts):
    audit_text("\n".join(parts))


# ---------------------------------------------------------------- summaries (references validate)

def _summary_yaml(ratio: float, ci: list, p: str) -> str:
    import yaml

    return yaml.safe_dump({"id": "audit-demo", "title": "A demo paper", "findings": [{
        "id": "loss", "text": "IR was an independent risk factor", "measure": "early pregnancy loss",
        "values": [{"value": ratio, "kind": "ratio", "label": "OR"}], "ci": ci, "p": p}]},
        allow_unicode=True)


def test_references_validate_runs_the_audit(tmp_path):
    from factcheck.papers.summaries import validate_dir

    (tmp_path / "audit-demo.yaml").write_text(_summary_yaml(1.61, [1.035, 2.508], "<0.05"), encoding="utf-8")
    assert validate_dir(tmp_path) == []
    (tmp_path / "audit-demo.yaml").write_text(_summary_yaml(1.385, [1.035, 2.508], "=0.21"), encoding="utf-8")
    problems = validate_dir(tmp_path)
    assert any("FC402" in x for x in problems) and any("FC403" in x for x in problems)
    assert all(x.startswith(str(tmp_path)) and ":findings.0: " in x for x in problems)


def test_check_notes_a_cited_paper_that_does_not_add_up(tmp_path):
    """A cited summary whose OR is off its CI's centre: the article's report says so."""
    import shutil

    import yaml

    from factcheck.ingest.reader import read_article
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store

    refs = tmp_path / "refs"
    shutil.copytree(ROOT / "references", refs)
    bad = {"id": "audit_bad_or", "text": "demo", "measure": "demo", "ci": [1.035, 2.508], "p": "<0.05",
           "values": [{"value": 1.385, "kind": "ratio", "label": "OR"}]}
    for f in refs.glob("*.yaml"):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        data.setdefault("findings", []).append(bad)
        f.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    article = read_article(str(next((ROOT / "corpus").glob("000_*.txt"))))
    notes = check(article, Store.load(refs)).notes
    assert any(n.startswith("FC402: 所引文献") and "1.611" in n for n in notes)
    assert not [n for n in check(article, Store.load(ROOT / "references")).notes if n.startswith("FC4")]


def test_html_and_docx_tables(tmp_path, capsys):
    """HTML tables are read from the markup (the extractor glues cells); .docx rows are tab rows."""
    body = "本研究纳入 100例患者。" + "这是一个足够长的段落，让正文抽取器保留它。" * 4
    rows = [["指标", "对照组（n=50）", "治疗组（n=50）", "χ2", "P"],
            ["有效，n（%）", "20（40.80）", "31（62.00）", "4.84", "0.028"]]
    page = tmp_path / "paper.html"
    page.write_text("<html><body><article><h1>某研究</h1><p>" + body + "</p><table>" + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table><p>" + body +
        "</p></article></body></html>", encoding="utf-8")
    import docx

    d = docx.Document()
    d.add_paragraph(body)
    t = d.add_table(rows=2, cols=5)
    for i, r in enumerate(rows):
        for j, c in enumerate(r):
            t.cell(i, j).text = c
    d.save(str(tmp_path / "paper.docx"))
    for name in ("paper.html", "paper.docx"):
        assert main(["audit", str(tmp_path / name), "--format", "json"]) == 1
        found = json.loads(capsys.readouterr().out)["papers"][0]["findings"]
        assert [f["code"] for f in found] == ["FC401"] and "40.80" in found[0]["reported"]


def test_z_of_two_proportions_from_counts():
    assert checks.check_z_counts([[20, 30], [31, 19]], "-2.20").ok           # √4.84
    v = checks.check_z_counts([[20, 30], [31, 19]], "2.90")
    assert not v.ok and "2.20" in v.recomputed
    table = CELL_TABLE.replace("t/χ2", "t/Z").replace("\n4.84\n", "\n-2.90\n").replace("0.028", "0.004").replace(
        "\n0.46\n", "\n0.68\n")
    assert codes(table) == ["FC405"]
    assert codes(table.replace("-2.90", "-2.20").replace("0.004", "0.028")) == []


def test_row_table_heading_with_statistic():
    """A heading row carries the test of the category rows below it (a docx table's empty cells)."""
    head = "指标\t对照组（n=138）\t治疗组（n=112）\tχ2\tP\n"
    ok = head + "移植周期类型\t\t\t1.15\t0.283\n新鲜周期\t43（31.16）\t28（25.00）\n冻融周期\t95（68.84）\t84（75.00）\n"
    assert codes(ok) == []
    assert sorted(codes(ok.replace("1.15", "0.17"))) == ["FC404", "FC405"]


def test_one_sided_needs_a_test_named_one_sided():
    assert codes("单侧卵巢切除术后，t(28) = 2.20, P = 0.018") == ["FC404"]
    assert codes("采用单侧检验，t(28) = 2.20, P = 0.018") == []


def test_a_table_whose_columns_do_not_line_up_is_noted():
    broken = CELL_TABLE.replace("34.20±4.10\n", "")
    rep = audit_text(broken)
    assert rep.notes and "not aligned" in rep.notes[0]
    assert rep.checked.get("percent") and not rep.checked.get("statistic vs P")


def test_table_groups_against_the_text_total():
    table = "指标\n年龄/岁，x̄ ± s\n二甲双胍组（n=64）\n34.64±3.50\n对照组（n=112）\n33.67±4.27\n表3 二甲双胍的效果\n"
    assert codes("176例 IR患者中，64例接受二甲双胍治疗。\n" + table) == []
    assert codes("186例 IR患者中，64例接受二甲双胍治疗。\n" + table) == ["FC406"]


def _tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a Helvetica text layer (enough for pypdf's extractor)."""
    esc = [x.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for x in lines]
    content = "BT /F1 10 Tf 14 TL 50 750 Td " + " ".join(f"({x}) Tj T*" for x in esc) + " ET"
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>",
            f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    return out + f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_pdf_text_layer(tmp_path, capsys):
    pytest.importorskip("pypdf")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(_tiny_pdf(["Results", "The effect was significant, t(28) = 2.20, p = .30."]))
    assert main(["audit", str(pdf), "--lang", "en"]) == 1
    assert "FC408" in capsys.readouterr().out
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    assert main(["audit", str(tmp_path / "broken.pdf")]) == 2
    assert "broken.pdf" in capsys.readouterr().err
