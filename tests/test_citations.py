"""Reference lists and in-text markers, on the seeds' own reference entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.citations import expand_numbers, find_markers, parse_reference, parse_reference_list
from factcheck.ingest.reader import read_article
from factcheck.core.model import Span

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def refs_of(prefix: str):
    return read_article(str(next(CORPUS.glob(f"{prefix}_*.txt")))).references


# ---------------------------------------------------------------- the seeds' reference lists

def test_000_vancouver_entries_without_numbers():
    r1, r2 = refs_of("000")
    assert (r1.index, r2.index) == (1, 2)
    assert r1.doi == "10.1152/ajpendo.00515.2024"
    assert r1.title == ("Insulin resistance and SIK1 hyperactivation: implications for vascular "
                        "remodeling in recurrent pregnancy loss")
    assert r1.journal == "Am J Physiol Endocrinol Metab" and r1.year == 2026
    assert r2.doi == "10.3389/fnut.2025.1608634"
    assert r2.title.startswith("Network meta-analysis of the effects of combined exercise")
    assert r2.journal == "Front Nutr" and r2.year == 2025


def test_002_springer_entry_with_resolver_url():
    r1 = refs_of("002")[0]
    assert r1.index == 1
    assert r1.doi == "10.1186/s13287-022-02848-6"
    assert r1.title.startswith("Efficacy and safety of umbilical cord-derived mesenchymal stem cells")
    assert r1.title.endswith("placebo-controlled phase II trial")
    assert r1.journal == "Stem Cell Res Ther" and r1.year == 2022
    assert r1.authors == ["Zang L.", "Li Y.", "Hao H."]


def test_002_pubmed_entry_with_pmid_and_pmcid():
    r2 = refs_of("002")[1]
    assert r2.index == 2
    assert r2.doi == "10.2147/dmso.s507801"          # lower-cased (DMSO.S507801 in the article)
    assert r2.pmid == "40416928" and r2.pmcid == "PMC12102742"
    assert r2.title == ("Umbilical Cord-Derived Mesenchymal Stem Cells Infusion in Type 2 Diabetes Mellitus "
                        "Patients: A Retrospective Cytopeutics’ Registry Study")
    assert r2.journal == "Diabetes Metab Syndr Obes" and r2.year == 2025
    assert r2.authors == ["Chin SP", "Kee LT", "Mohd MA", "Then KY"]


def test_003_vancouver_entries():
    r = refs_of("003")
    assert [x.index for x in r] == [1, 2, 3, 4]
    assert r[0].doi == "10.1080/09513590.2020.1807931" and r[0].journal == "Gynecol Endocrinol"
    assert r[0].year == 2021 and r[0].title.startswith("The biochemical pregnancy loss rate remains stable")
    assert r[2].doi == "10.3390/ijms21114092" and r[2].journal == "Int J Mol Sci" and r[2].year == 2020
    assert r[2].title == "Endometrial Decidualization: The Primary Driver of Pregnancy Health"


def test_003_gbt7714_entries_with_chinese_authors():
    r = refs_of("003")
    x2, x4 = r[1], r[3]
    assert x2.authors == ["夏兰", "吴娴", "徐慧慧"]
    assert x2.title == "胚胎质量对冻融周期中生化妊娠和胚胎早期停止发育的影响"
    assert x2.journal == "上海交通大学学报(医学版)" and x2.year == 2017
    assert x2.doi == "10.3969/j.issn.1674-8115.2017.03.012"   # the closing full stop is not part of it
    assert x4.authors == ["王植娇", "侯悦", "刘奕霖"]
    assert x4.title == "生化妊娠的免疫机制和治疗原则"
    assert x4.journal == "中国计划生育和妇产科" and x4.year == 2025
    assert x4.doi is None and x4.pmid is None


def test_reference_offsets_point_at_the_entry():
    art = read_article(str(next(CORPUS.glob("003_*.txt"))))
    for r in art.references:
        assert art.text[r.start:r.end].strip() == r.raw


def test_seed_references_resolve_to_their_summaries():
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store

    store = Store.load(ROOT / "references")
    got = {}
    for prefix in ("000", "002", "003"):
        art = read_article(str(next(CORPUS.glob(f"{prefix}_*.txt"))))
        rep = check(art, store)
        got[prefix] = [r.summary_id for r in rep.references]
    assert got["002"] == ["zang2022", "chin2025"]
    assert got["000"] == ["chen2026-sik1", "fnut2025-nma"]
    assert got["003"][:3] == ["gynendo2021-bpl", "xia2017", "ijms2020-decid"]


# ---------------------------------------------------------------- entry forms

@pytest.mark.parametrize("raw,doi", [
    ("Title. J. 2020. https://doi.org/10.1000/ABC.123", "10.1000/abc.123"),
    ("Title. J. 2020. doi:10.1000/abc.123.", "10.1000/abc.123"),
    ("Title. J. 2020. DOI：10.1000/abc(2020)45", "10.1000/abc(2020)45"),
    ("题名[J].刊名,2020,1(1):1-2. DOI:10.1000/中文。", "10.1000/中文"),
    ("Title. J. 2020. http://dx.doi.org/10.1000/xyz", "10.1000/xyz"),
])
def test_doi_forms(raw, doi):
    assert parse_reference(raw).doi == doi


def test_doi_with_path_and_url_characters_is_kept_as_parsed_text():
    r = parse_reference("[1] Evil. J Bad. 2020. doi: 10.1000/../../etc/passwd?x=<y>")
    assert r.doi == "10.1000/../../etc/passwd?x="
    assert r.index == 1


def test_numbered_list_with_fullwidth_brackets_and_continuation_lines():
    text = ("参考文献\n［1］Zang, L., Li, Y. et al. Efficacy of cells. Stem Cell Res Ther 13, 180 (2022).\n"
            "   https://doi.org/10.1186/s13287-022-02848-6\n"
            "［2］夏兰,吴娴,等.胚胎质量的影响[J].上海交通大学学报(医学版),2017,37(3):344-347.\n")
    from factcheck.text.textnorm import normalize

    refs = parse_reference_list(text, Span(0, len(text)), norm=normalize(text))
    assert [r.index for r in refs] == [1, 2]
    assert refs[0].doi == "10.1186/s13287-022-02848-6"
    assert refs[0].raw.startswith("［1］") and "https://doi.org" in refs[0].raw
    assert refs[1].journal == "上海交通大学学报(医学版)"


def test_duplicate_dois_in_a_reference_list_are_both_kept():
    text = ("参考文献\n[1]A. J. 2020. doi:10.1000/same\n[2]B. J. 2021. doi:10.1000/SAME\n")
    refs = parse_reference_list(text, Span(0, len(text)))
    assert [r.doi for r in refs] == ["10.1000/same", "10.1000/same"]


# ---------------------------------------------------------------- in-text markers

@pytest.mark.parametrize("text,expected", [
    ("研究显示[1]。", [[1]]),
    ("研究显示[1,2]。", [[1, 2]]),
    ("研究显示[1, 2]。", [[1, 2]]),
    ("研究显示[1，2]。", [[1, 2]]),
    ("研究显示[1-3]。", [[1, 2, 3]]),
    ("研究显示[1–3]。", [[1, 2, 3]]),
    ("研究显示[1~3]。", [[1, 2, 3]]),
    ("研究显示［2］。", [[2]]),
    ("研究显示【2】。", [[2]]),
    ("研究显示¹。", [[1]]),
    ("研究显示²,³。", [[2, 3]]),
    ("研究显示¹⁻³。", [[1, 2, 3]]),
    ("与骨密度呈正相关[3]-[5]。", [[3, 4, 5]]),
    ("见[3]-[1]。", [[3], [1]]),
    ("发表于[2020]年", []),
    ("【1】这是小标题", []),
    ("见(1)", []),
])
def test_markers(text, expected):
    ms = find_markers(text)
    assert [m[2] for m in ms] == expected
    for s, e, _ in ms:
        assert text[s] in "[［【¹²³" and e <= len(text)


def test_marker_offsets_in_a_real_seed_line():
    art = read_article(str(next(CORPUS.glob("002_*.txt"))))
    pos = art.text.index("临床研究成果。[1]")
    ms = find_markers(art.text, pos, pos + 20)
    assert ms and art.text[ms[0][0]:ms[0][1]] == "[1]" and ms[0][2] == [1]


def test_expand_numbers_guards():
    assert expand_numbers("1-3") == [1, 2, 3]
    assert expand_numbers("3-1") == []            # not a range; not two references either
    assert len(expand_numbers("1-999")) == 0      # a runaway range is not 999 references
    assert expand_numbers("1, 4") == [1, 4]


def test_superscript_markers_need_a_han_character_or_closing_mark_before_them():
    from factcheck.ingest.citations import find_markers

    assert find_markers("胰岛素抵抗¹²。") == [(5, 7, [12])]
    assert find_markers("研究显示，¹,³") == [(5, 8, [1, 3])]
    assert find_markers("x² + y²") == []             # a power after a letter is not a marker
    assert find_markers("²开头") == []


def test_dois_in_an_articles_text():
    from factcheck.text.doi import dois_in_text

    text = "论文（DOI: 10.1016/S0140-6736(19)31791-X）发表于《柳叶刀》。另见doi:10.1056/NEJMoa2202106。"
    assert dois_in_text(text) == ["10.1016/S0140-6736(19)31791-X", "10.1056/NEJMoa2202106"]
