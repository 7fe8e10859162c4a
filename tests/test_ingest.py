"""Ingest on the real seed articles: decoding, body / reference list / boilerplate split."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest

from factcheck.ingest.reader import (InputError, article_from_text, decode, expand_inputs, read_article,
                                     split_structure)
from factcheck.text.textnorm import normalize

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
S000 = next(CORPUS.glob("000_*.txt"))
S002 = next(CORPUS.glob("002_*.txt"))
S003 = next(CORPUS.glob("003_*.txt"))
P001 = next((CORPUS / "papers").glob("001_*.txt"))
P004 = next((CORPUS / "papers").glob("004_*.txt"))
SEEDS = [S000, S002, S003]


def seed_text(p: Path) -> str:
    return p.read_text(encoding="utf-8")


def segment(art, span) -> str:
    return art.text[span.start:span.end]


def in_spans(offset: int, spans) -> bool:
    return any(s.start <= offset < s.end for s in spans)


# ---------------------------------------------------------------- decoding

@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("enc,expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"),
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
    ("utf-16-be-bom", "utf-16"),
])
def test_seed_in_every_supported_encoding_decodes_to_the_same_text(tmp_path, seed, enc, expected):
    text = seed_text(seed)
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if enc == "utf-16-be-bom" else text.encode(enc)
    f = tmp_path / f"{seed.stem}.{enc}.txt"
    f.write_bytes(data)
    art = read_article(str(f))
    assert art.text == text
    assert art.encoding == expected
    assert not [n for n in art.notes if n.startswith(("FC303", "FC304"))]
    assert len(art.references) >= 2


def test_gbk_copy_of_a_seed(tmp_path):
    # GBK is a subset of GB18030: the file is read as GB18030 and gives the same text
    text = seed_text(S003)
    f = tmp_path / "gbk.txt"
    f.write_bytes(text.encode("gbk"))
    art = read_article(str(f))
    assert art.text == text and art.encoding == "gb18030"
    assert [r.doi for r in art.references][:1] == ["10.1080/09513590.2020.1807931"]


def test_crlf_is_read_as_lf_and_offsets_match_a_python_text_mode_read(tmp_path):
    text = seed_text(S002)
    f = tmp_path / "crlf.txt"
    f.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    art = read_article(str(f))
    assert art.text == text
    # the offsets of the report index the text as Python's universal-newline read gives it
    assert art.text == open(f, encoding="utf-8").read()
    lf = article_from_text(text, "x")
    assert [(s.start, s.end) for s in art.body] == [(s.start, s.end) for s in lf.body]


def test_old_mac_cr_line_ends(tmp_path):
    text = seed_text(S000)
    f = tmp_path / "cr.txt"
    f.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    assert read_article(str(f)).text == text


@pytest.mark.parametrize("text", ["abcdefghijklmnopqrstuvwxyzabcd", "the study showed that insulin resistance",
                                  "HOMA-IR>2.41\n", "研究显示胰岛素抵抗很常见"])
def test_utf8_and_ascii_are_never_taken_for_bomless_utf16(text):
    # lower-case ASCII pairs read as UTF-16 are Han characters ("ab" = U+6261)
    data = text.encode("utf-8")
    assert decode(data)[:2] == (text, "utf-8")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_of_short_texts(enc):
    for text in ("HOMA-IR超过2.41\n", "abc\n", "研究显示2.63倍。\n参考文献\n"):
        assert decode(text.encode(enc)) == (text, enc, [])


def test_bom_is_not_part_of_the_text():
    text, enc, notes = decode(codecs.BOM_UTF8 + seed_text(S002).encode("utf-8"))
    assert not text.startswith("\ufeff") and enc == "utf-8-sig" and notes == []


def test_truncated_utf8_keeps_the_text_with_a_note():
    data = seed_text(S002).encode("utf-8")
    cut = data.rstrip()
    cut = cut[:len(cut) - 1]          # the last character is a 3-byte Han: cut it mid-character
    text, enc, notes = decode(cut, "x.txt")
    assert enc == "utf-8"
    assert seed_text(S002).startswith(text) and len(text) >= len(seed_text(S002).rstrip()) - 1
    assert any(n.startswith("FC304") for n in notes)


def test_a_corrupt_byte_in_the_middle_stays_utf8_not_gb18030_mojibake():
    data = bytearray(seed_text(S002).encode("utf-8"))
    mid = len(data) // 2
    while data[mid] & 0xC0 == 0x80:   # move to the first byte of a character
        mid += 1
    data[mid] = 0xFF
    text, enc, notes = decode(bytes(data), "x.txt")
    assert enc == "utf-8"
    assert text.count("\ufffd") >= 1
    assert "随机对照试验" in text and "参考资料" in text
    assert any(n.startswith("FC303") for n in notes)


def test_gb18030_only_characters(tmp_path):
    # characters outside GBK (4-byte GB18030 sequences) round-trip too
    text = seed_text(S000) + "\n㐀䶵𠀀\n"
    f = tmp_path / "gb.txt"
    f.write_bytes(text.encode("gb18030"))
    art = read_article(str(f))
    assert art.encoding == "gb18030" and art.text == text


# ---------------------------------------------------------------- structure: body / references / boilerplate

def test_000_closing_block_is_boilerplate_and_yields_no_claims():
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store

    art = read_article(str(S000))
    start = art.text.index("全文完")
    end = art.text.index("——THE END——") + len("——THE END——")
    assert any(b.start <= start and b.end >= end for b in art.boilerplate)
    assert not any(s.start < end and s.end > start for s in art.body)
    rep = check(art, Store.load(ROOT / "references"))
    for m in rep.mentions:
        assert not start <= m.start < end, m.surface
    for c in rep.claims:
        assert not start <= c.start < end, c.sentence
    for o in rep.overstatements:
        assert not start <= o.start < end, o.surface
    # the body runs up to the last paragraph before it
    assert "科学照亮了前路" in "".join(segment(art, b) for b in art.body)


def test_000_reference_list_found():
    art = read_article(str(S000))
    assert art.reference_span is not None
    assert segment(art, art.reference_span).startswith("参考文献")
    assert [r.doi for r in art.references] == ["10.1152/ajpendo.00515.2024", "10.3389/fnut.2025.1608634"]


def test_002_disclaimer_and_qr_lines_after_the_reference_list_are_boilerplate():
    art = read_article(str(S002))
    text = art.text
    assert segment(art, art.reference_span).startswith("参考资料")
    assert len(art.references) == 2
    for cue in ("免责说明", "扫码添加官方微信"):
        pos = text.index(cue)
        assert in_spans(pos, art.boilerplate), cue
        assert not (art.reference_span.start <= pos < art.reference_span.end), cue
        assert not in_spans(pos, art.body), cue
    assert "免责" not in art.references[-1].raw


def test_003_reference_list_and_closing_block():
    art = read_article(str(S003))
    assert [r.index for r in art.references] == [1, 2, 3, 4]
    for cue in ("全文完", "郑重声明", "——THE END——", "不传小道消息和谣言"):
        assert in_spans(art.text.index(cue), art.boilerplate), cue
    assert in_spans(art.text.index("冬天即将过去"), art.body)


@pytest.mark.parametrize("paper", [P001, P004], ids=["001", "004"])
def test_papers_without_a_reference_list_get_fc307(paper):
    art = read_article(str(paper))
    assert art.reference_span is None and art.references == []
    assert any(n.startswith("FC307") for n in art.notes)
    assert sum(b.end - b.start for b in art.body) > len(art.text) * 0.8


def test_only_a_reference_list_gets_fc308():
    text = seed_text(S002)
    art = article_from_text(text[text.index("参考资料"):], "refs.txt")
    assert art.body == [] and len(art.references) == 2
    assert any(n.startswith("FC308") for n in art.notes)


def test_no_reference_list_gets_fc307_and_numbers_stay_unattributed():
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store

    text = seed_text(S002)
    art = article_from_text(text[:text.index("参考资料")], "noref.txt")
    assert any(n.startswith("FC307") for n in art.notes)
    rep = check(art, Store())          # no summary the text could name (see test_papers)
    assert rep.mentions
    assert all(c.reference is None for c in rep.claims)
    assert {c.verdict for c in rep.claims} <= {"unattributed"}


def test_split_structure_spans_cover_the_text_without_overlap():
    for seed in SEEDS:
        text = seed_text(seed)
        body, ref, boiler = split_structure(text)
        spans = sorted([(s.start, s.end) for s in body + boiler] + ([(ref.start, ref.end)] if ref else []))
        for (a0, a1), (b0, _b1) in zip(spans, spans[1:]):
            assert a1 <= b0
        assert all(0 <= a <= b <= len(text) for a, b in spans)


# ---------------------------------------------------------------- traditional Chinese

def test_traditional_copy_offsets_in_the_original_structure_on_the_fold():
    import opencc

    simp = seed_text(S002)
    trad = opencc.OpenCC("s2t").convert(simp)
    assert trad != simp and len(trad) == len(simp)
    a_s, a_t = article_from_text(simp, "s.txt"), article_from_text(trad, "t.txt")
    assert a_t.text == trad                  # offsets point into the text as written
    assert len(a_t.norm) == len(trad)
    assert "參考資料" in trad and a_t.reference_span is not None
    assert [r.doi for r in a_t.references] == [r.doi for r in a_s.references]
    assert [(b.start, b.end) for b in a_t.boilerplate] == [(b.start, b.end) for b in a_s.boilerplate]
    assert [(b.start, b.end) for b in a_t.body] == [(b.start, b.end) for b in a_s.body]
    assert a_t.references[0].raw == trad[a_t.references[0].start:a_t.references[0].end].strip()


def test_traditional_gbt_reference_is_parsed_on_the_simplified_fold():
    import opencc

    simp = seed_text(S003)
    trad = opencc.OpenCC("s2t").convert(simp)
    ref = article_from_text(trad, "t.txt").references[3]
    assert ref.title == "生化妊娠的免疫机制和治疗原则"
    assert ref.journal == "中国计划生育和妇产科" and ref.year == 2025
    assert "機制" in ref.raw                  # raw keeps the text as written


def test_normalize_keeps_length_on_every_seed():
    for seed in SEEDS + [P001, P004]:
        t = seed_text(seed)
        assert len(normalize(t)) == len(t)


# ---------------------------------------------------------------- formats

def test_html_page_scripts_dropped(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in seed_text(S002).splitlines() if line.strip())
    page = (f"<!doctype html><html><head><title>干细胞与胰岛素抵抗</title><script>var secret='注入的脚本 99%';"
            f"</script></head><body><nav>首页 | 关于</nav><article>{body}</article></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    art = read_article(str(f))
    assert art.extracted_from == "html"
    assert "注入的脚本" not in art.text and "var secret" not in art.text
    assert "随机对照试验" in art.text


def test_docx_article(tmp_path):
    import docx

    d = docx.Document()
    for line in seed_text(S003).splitlines():
        d.add_paragraph(line)
    f = tmp_path / "a.docx"
    d.save(str(f))
    art = read_article(str(f))
    assert art.extracted_from == "docx"
    assert len(art.references) == 4 and art.references[1].journal == "上海交通大学学报(医学版)"


# ---------------------------------------------------------------- input errors (codes)

@pytest.mark.parametrize("data,code", [
    (b"", "FC301"), (b"  \n\t\r\n ", "FC301"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "FC302"),
    (os.urandom(4096) + b"\x00" * 64, "FC302"), (b"PK\x03\x04" + b"\x00" * 200, "FC302"),
])
def test_bad_bytes_raise_input_error_with_a_code(tmp_path, data, code):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as ei:
        read_article(str(f))
    assert ei.value.code == code and ei.value.path == str(f)
    assert str(f) in str(ei.value)


def test_missing_folder_fifo_and_size(tmp_path):
    with pytest.raises(InputError) as ei:
        read_article(str(tmp_path / "nope.txt"))
    assert ei.value.code == "FC300" and "not found" in ei.value.message
    with pytest.raises(InputError) as ei:
        read_article(str(tmp_path))
    assert ei.value.code == "FC300" and "folder" in ei.value.message
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        with pytest.raises(InputError) as ei:
            read_article(str(fifo))      # must not block
        assert ei.value.code == "FC300" and "regular file" in ei.value.message
    f = tmp_path / "a.txt"
    f.write_bytes(seed_text(S002).encode("utf-8"))
    with pytest.raises(InputError) as ei:
        read_article(str(f), max_bytes=1000)
    assert ei.value.code == "FC305" and "--max-bytes" in ei.value.message


def test_docx_that_is_not_a_zip(tmp_path):
    f = tmp_path / "draft.docx"
    f.write_bytes(b"not a zip at all")
    with pytest.raises(InputError) as ei:
        read_article(str(f))
    assert ei.value.code == "FC306"


def test_expand_inputs_reports_empty_folders_and_unmatched_globs(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "arts" / "image.png").write_bytes(b"\x89PNG")
    paths, problems = expand_inputs([str(tmp_path / "empty"), str(tmp_path / "arts"),
                                     str(tmp_path / "*.nothing")])
    assert paths == [str(tmp_path / "arts" / "a.txt")]
    assert sorted(p.path for p in problems) == sorted([str(tmp_path / "empty"), str(tmp_path / "*.nothing")])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("内容", encoding="utf-8")
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop root from reading")
        with pytest.raises(InputError) as ei:
            read_article(str(f))
        assert ei.value.code == "FC300" and "permission" in ei.value.message
    finally:
        f.chmod(0o644)


def test_traditional_detection_skips_the_conversion_only_where_it_could_not_pass_the_mark():
    """looks_traditional converts a sample only when the characters t2s could rewrite pass the
    2% mark or a length-changing entry occurs: the verdicts equal converting every sample."""
    import opencc

    from factcheck.text import textnorm as T

    def converting(text, sample=4000):
        s = text[:sample]
        han = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
        if han < 20:
            return False
        conv = T._t2s().convert(s)
        return len(conv) != len(s) or sum(a != b for a, b in zip(s, conv)) / han > 0.02

    s2t = opencc.OpenCC("s2t")
    simplified = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts = simplified + [s2t.convert(t) for t in simplified]
    texts += [t[:300] + s2t.convert(t[300:600]) for t in simplified]          # a traditional passage
    texts += ["显著" * 40, "反覆检查" * 10 + "研究" * 30, "乾燥综合征" * 20]    # rewritable characters
    for t in texts:
        assert T.looks_traditional(t) == converting(t), t[:40]
    assert all(T.looks_traditional(s2t.convert(t)) for t in simplified if len(t) > 200)


def test_printable_share_counts_line_breaks_as_printable():
    from factcheck.ingest.reader import _printable_share

    assert _printable_share("") == 0.0
    assert _printable_share("甲\n乙\t丙\r\n") == 1.0
    assert _printable_share("ab\x00\x01") == 0.5


def test_a_news_sites_disclaimer_and_its_dated_links_are_not_body():
    """特别声明 opens the block of links to other stories; a bulleted title ending with its date
    is such a link, wherever it stands: neither is the article's text."""
    text = ("研究纳入736名孕妇，随访至孩子6岁。\n"
            "- 厦门一5岁男孩频频跑法院,咋回事?2019-03-25\n"
            "研究发现，鱼油组孩子的体重指数更高。\n"
            "特别声明:本网登载内容出于更直观传递信息之目的。\n"
            "- 高校“夸夸群”火了2019-03-15\n")
    art = article_from_text(text, "page.txt")
    assert in_spans(text.index("736名"), art.body)
    assert in_spans(text.index("研究发现"), art.body)
    for cue in ("厦门一5岁", "特别声明", "高校"):
        assert in_spans(text.index(cue), art.boilerplate), cue
        assert not in_spans(text.index(cue), art.body), cue
