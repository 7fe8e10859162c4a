"""factcheck.papers.summaries on the real references/ folder and on broken folders built in tmp_path."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck.papers.summaries import (Store, Summary, SummaryError, load_summary, normalize_doi,
                                        summary_files, validate_dir)

REFS = Path(__file__).resolve().parents[1] / "references"
IDS = ["zang2022", "chin2025", "fnut2025-nma", "chen2026-sik1", "gynendo2021-bpl", "xia2017",
       "ijms2020-decid", "wang2025-bpl"]

ZANG_TITLE = ("Efficacy and safety of umbilical cord-derived mesenchymal stem cells in Chinese adults "
              "with type 2 diabetes: a single-center, double-blinded, randomized, placebo-controlled "
              "phase II trial")

MINIMAL = "id: {id}\ndoi: {doi}\ntitle: {title}\n"


@pytest.fixture(scope="module")
def store() -> Store:
    return Store.load(REFS, strict=True)


def _write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def _only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


# ---------------------------------------------------------------- the real summaries

def test_real_folder_validates_clean():
    assert validate_dir(REFS) == []


@pytest.mark.parametrize("sid", IDS)
def test_each_summary_loads(sid):
    s = load_summary(REFS / f"{sid}.yaml")
    assert isinstance(s, Summary)
    assert s.id == sid
    assert s.curated is True
    assert s.title


def test_store_holds_all_eight(store):
    assert sorted(store.summaries) == sorted(IDS)
    assert store.errors == []


def test_not_found_papers_have_metadata_only(store):
    for sid in ("chen2026-sik1", "wang2025-bpl"):
        s = store.get(sid)
        assert s.available is False
        assert s.availability_note and "NOT FOUND" in s.availability_note
        assert s.findings == []


def test_partly_found_papers_keep_qualitative_findings(store):
    chin = store.get("chin2025")
    assert chin.available is True
    hba1c = next(f for f in chin.findings if f.id == "hba1c")
    assert hba1c.values == [] and hba1c.direction == "decrease"
    assert any("7.77" in x for x in chin.not_reported)
    fnut = store.get("fnut2025-nma")
    assert "network_meta_analysis" in fnut.design_flags
    assert any("4100-7500" in x for x in fnut.not_reported)


def test_zang2022_table_values(store):
    s = store.get("zang2022")
    f = {x.id: x for x in s.findings}
    assert f["hba1c_change"].p == "0.0081"
    change = {v.group: v.value for v in f["hba1c_change"].values if v.label == "change"}
    assert change == {"uc_msc": 1.31, "placebo": 0.63}
    pe = f["primary_endpoint"]
    assert pe.ci == [2.25, 28.66]
    assert {v.group: v.value for v in pe.values if v.kind == "percent" and v.group} == {
        "uc_msc": 20, "placebo": 4.55}
    assert f["beta_cell_function"].significant is False
    assert f["beta_cell_function"].direction == "none"
    assert s.population.groups == {"uc_msc": 45, "placebo": 46}


def test_group_keys_of_values_are_declared(store):
    for s in store.summaries.values():
        for f in s.findings:
            for v in f.values:
                assert v.group is None or v.group in s.groups, (s.id, f.id, v.group)


# ---------------------------------------------------------------- resolution

def test_resolve_by_doi_with_resolver_prefix_and_upper_case(store):
    r = store.resolve(doi="https://doi.org/10.1186/S13287-022-02848-6")
    assert (r.summary_id, r.route) == ("zang2022", "doi")
    r = store.resolve(doi="DOI: 10.2147/DMSO.S507801.")
    assert (r.summary_id, r.route) == ("chin2025", "doi")


def test_normalize_doi_strips_prefixes():
    assert normalize_doi("https://dx.doi.org/10.3390/IJMS21114092") == "10.3390/ijms21114092"
    assert normalize_doi("doi:10.3969/j.issn.1674-8115.2017.03.012。") == "10.3969/j.issn.1674-8115.2017.03.012"


def test_resolve_by_pmid(store):
    r = store.resolve(pmid="35505375")
    assert (r.summary_id, r.route) == ("zang2022", "pmid")
    r = store.resolve(pmid=40416928)
    assert (r.summary_id, r.route) == ("chin2025", "pmid")


def test_resolve_by_pmcid_any_case(store):
    r = store.resolve(pmcid="pmc12102742")
    assert (r.summary_id, r.route) == ("chin2025", "pmcid")


def test_unknown_doi_falls_back_to_title(store):
    r = store.resolve(doi="10.9999/nothing", title=ZANG_TITLE)
    assert (r.summary_id, r.route) == ("zang2022", "title")


def test_resolve_by_title_with_one_word_changed(store):
    changed = ZANG_TITLE.replace("Chinese adults", "Chinese patients")
    assert changed != ZANG_TITLE
    r = store.resolve(title=changed)
    assert (r.summary_id, r.route) == ("zang2022", "title")
    assert 0.9 <= r.score < 1.0


def test_resolve_by_chinese_title(store):
    r = store.resolve(title="胚胎质量对冻融周期中生化妊娠和胚胎早期停止发育的影响")
    assert (r.summary_id, r.route, r.score) == ("xia2017", "title", 1.0)


def test_resolve_reference_string_that_carries_the_title(store):
    raw = ("Zang, L., Li, Y., Hao, H. et al. " + ZANG_TITLE + ". Stem Cell Res Ther 13, 180 (2022).")
    assert store.resolve(title=raw).summary_id == "zang2022"


def test_resolve_chinese_reference_string_with_a_short_title(store):
    # GB/T 7714 entry: the 14-character title sits inside the whole reference string
    raw = "王植娇,侯悦,刘奕霖,等.生化妊娠的免疫机制和治疗原则[J].中国计划生育和妇产科,2025,17(03):3-7."
    r = store.resolve(title=raw)
    assert (r.summary_id, r.route) == ("wang2025-bpl", "title")


def test_unrelated_title_does_not_resolve_and_gives_near_miss(store):
    r = store.resolve(title="Vitamin D supplementation and bone mineral density in older men")
    assert r.summary_id is None and r.route is None
    assert r.near_miss in IDS
    assert 0.0 < r.score < 0.9


@pytest.mark.parametrize("generic", [
    "type 2 diabetes mellitus patients",
    "Insulin resistance and related indicators in patients with type 2 diabetes",
    "Endometrial decidualization",
])
def test_generic_phrase_inside_a_stored_title_does_not_resolve(store, generic):
    # a short generic title that happens to be part of a stored title is another paper
    r = store.resolve(title=generic)
    assert r.summary_id is None, r
    assert r.near_miss is not None


def test_title_cut_short_still_resolves(store):
    main_title = ("Umbilical Cord-Derived Mesenchymal Stem Cells Infusion in Type 2 Diabetes "
                  "Mellitus Patients")
    assert store.resolve(title=main_title).summary_id == "chin2025"


# ---------------------------------------------------------------- validation messages

def test_malformed_yaml(tmp_path):
    p = _write(tmp_path, "bad.yaml", "id: bad\ntitle: [unclosed\ndoi: 10.1/x\n")
    msg = _only(validate_dir(tmp_path))
    assert msg.startswith(f"{p}:line ")
    assert ": malformed YAML: " in msg


def test_python_object_tag_is_refused(tmp_path):
    p = _write(tmp_path, "evil.yaml",
               "id: evil\ntitle: t\ndoi: !!python/object/apply:os.system ['echo pwned']\n")
    msg = _only(validate_dir(tmp_path))
    assert msg.startswith(f"{p}:line 3: ")
    assert "malformed YAML" in msg
    assert "could not determine a constructor for the tag" in msg
    assert "python/object/apply:os.system" in msg


def test_finding_value_of_wrong_type(tmp_path):
    p = _write(tmp_path, "wrong.yaml", MINIMAL.format(id="wrong", doi="10.1/wrong", title="T") +
               "findings:\n  - id: f1\n    text: t\n    measure: m\n"
               "    values:\n      - {value: twenty, unit: '%'}\n")
    problems = validate_dir(tmp_path)
    assert problems, problems
    assert all(x.startswith(f"{p}:findings.0.values.0.value") for x in problems), problems
    assert any("valid number" in x for x in problems), problems


def test_range_value_must_be_a_pair(tmp_path):
    p = _write(tmp_path, "range.yaml", MINIMAL.format(id="range", doi="10.1/range", title="T") +
               "findings:\n  - id: f1\n    text: t\n    measure: m\n"
               "    values:\n      - {value: [1, 2, 3], unit: age}\n")
    msg = _only(validate_dir(tmp_path))
    assert msg.startswith(f"{p}:findings.0.values.0.value: ")
    assert "a range value must be [low, high]" in msg


def test_missing_required_field(tmp_path):
    p = _write(tmp_path, "notitle.yaml", "id: notitle\ndoi: 10.1/notitle\n")
    assert _only(validate_dir(tmp_path)) == f"{p}:title: Field required"


def test_missing_required_finding_field(tmp_path):
    p = _write(tmp_path, "nomeasure.yaml", MINIMAL.format(id="nomeasure", doi="10.1/nm", title="T") +
               "findings:\n  - id: f1\n    text: t\n")
    assert _only(validate_dir(tmp_path)) == f"{p}:findings.0.measure: Field required"


def test_unknown_field_is_reported(tmp_path):
    p = _write(tmp_path, "extra.yaml", MINIMAL.format(id="extra", doi="10.1/extra", title="T") +
               "sample_size: 12\n")
    msg = _only(validate_dir(tmp_path))
    assert msg.startswith(f"{p}:sample_size: ")
    assert "Extra inputs are not permitted" in msg


def test_duplicate_doi_in_two_files(tmp_path):
    a = _write(tmp_path, "a.yaml", MINIMAL.format(id="a", doi="10.1186/X1", title="A"))
    b = _write(tmp_path, "b.yaml", MINIMAL.format(id="b", doi="https://doi.org/10.1186/x1", title="B"))
    assert _only(validate_dir(tmp_path)) == f"{b}:doi: duplicate of {a} (10.1186/x1)"


def test_duplicate_id_and_pmid(tmp_path):
    a = _write(tmp_path, "a.yaml", MINIMAL.format(id="same", doi="10.1/a", title="A") + "pmid: 1\n")
    b = _write(tmp_path, "b.yaml", MINIMAL.format(id="same", doi="10.1/b", title="B") + "pmid: '1'\n")
    assert sorted(validate_dir(tmp_path)) == sorted([
        f"{b}:pmid: duplicate of {a} (pmid:1)",
        f"{b}:id: duplicate of {a} (id:same)",
    ])


def test_unknown_group_of_a_value(tmp_path):
    p = _write(tmp_path, "grp.yaml", MINIMAL.format(id="grp", doi="10.1/grp", title="T") +
               "groups: {treated: [治疗组]}\n"
               "findings:\n  - id: f1\n    text: t\n    measure: m\n"
               "    values:\n      - {value: 3, group: placebo}\n")
    assert _only(validate_dir(tmp_path)) == f"{p}:findings.0.values.0.group: unknown group 'placebo'"


def test_symlink_pointing_outside_the_folder(tmp_path):
    refs = tmp_path / "references"
    refs.mkdir()
    outside = _write(tmp_path, "outside.yaml", MINIMAL.format(id="out", doi="10.1/out", title="O"))
    _write(refs, "good.yaml", MINIMAL.format(id="good", doi="10.1/good", title="G"))
    link = refs / "link.yaml"
    os.symlink(outside, link)
    msg = _only(validate_dir(refs))
    assert msg == f"{link}:-: symlink points outside the references folder; refused"


def test_symlink_outside_does_not_hide_other_problems(tmp_path):
    refs = tmp_path / "references"
    refs.mkdir()
    outside = _write(tmp_path, "outside.yaml", MINIMAL.format(id="out", doi="10.1/out", title="O"))
    os.symlink(outside, refs / "a_link.yaml")
    bad = _write(refs, "b_bad.yaml", "id: bad\n")
    _write(refs, "c_good.yaml", MINIMAL.format(id="good", doi="10.1/good", title="G"))
    problems = validate_dir(refs)
    assert f"{refs / 'a_link.yaml'}:-: symlink points outside the references folder; refused" in problems
    assert f"{bad}:title: Field required" in problems
    assert len(problems) == 2, problems
    # loading keeps the good summary and records both broken files
    st = Store.load(refs)
    assert list(st.summaries) == ["good"]
    assert len(st.errors) == 2
    with pytest.raises(SummaryError, match="symlink points outside"):
        Store.load(refs, strict=True)


def test_symlink_inside_the_folder_is_accepted(tmp_path):
    real = _write(tmp_path, "real.yaml", MINIMAL.format(id="real", doi="10.1/real", title="R"))
    os.symlink(real, tmp_path / "alias.yml")
    files = summary_files(tmp_path)
    assert [f.name for f in files] == ["alias.yml", "real.yaml"]
    # the same summary under two names is a duplicate, reported as such
    alias, real = tmp_path / "alias.yml", tmp_path / "real.yaml"
    assert sorted(validate_dir(tmp_path)) == sorted([
        f"{real}:doi: duplicate of {alias} (10.1/real)",
        f"{real}:id: duplicate of {alias} (id:real)",
    ])


def test_non_utf8_file(tmp_path):
    p = tmp_path / "gbk.yaml"
    p.write_bytes(("id: gbk\ndoi: 10.1/gbk\ntitle: 生化妊娠的免疫机制\n").encode("gbk"))
    msg = _only(validate_dir(tmp_path))
    assert msg.startswith(f"{p}:-: not UTF-8 text (")
    assert msg.endswith("at byte 29)")   # 生 in GBK starts at byte 29


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + MINIMAL.format(id="bom", doi="10.1/bom", title="标题").encode("utf-8"))
    assert validate_dir(tmp_path) == []
    assert load_summary(p).title == "标题"


def test_top_level_must_be_a_mapping(tmp_path):
    p = _write(tmp_path, "list.yaml", "- id: x\n- title: y\n")
    assert _only(validate_dir(tmp_path)) == f"{p}:-: expected a mapping of fields at the top level"


def test_load_summary_raises_with_file_and_field(tmp_path):
    p = _write(tmp_path, "notitle.yaml", "id: x\n")
    with pytest.raises(SummaryError) as ei:
        load_summary(p)
    assert ei.value.path == str(p)
    assert ei.value.problems == [("title", "Field required")]
    assert str(ei.value) == f"{p}:title: Field required"


def test_missing_folder():
    assert validate_dir("/nonexistent/references") == ["/nonexistent/references:-: not a folder"]


def test_copy_of_real_folder_with_one_broken_file(tmp_path):
    refs = tmp_path / "references"
    shutil.copytree(REFS, refs)
    broken = refs / "xia2017.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "sample_n: 1050\n", encoding="utf-8")
    assert validate_dir(refs) == [f"{broken}:sample_n: Extra inputs are not permitted"]
    st = Store.load(refs)
    assert len(st.summaries) == 7 and len(st.errors) == 1
