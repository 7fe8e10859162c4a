"""Every FC code is declared once (factcheck/core/codes.py: messages.yaml or one rule file)."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.core.codes import MESSAGE_KEYS, messages, registry
from factcheck.core.model import SEVERITIES

PKG = Path(__file__).resolve().parent.parent / "factcheck"
CODE = re.compile(r"\bFC\d{3}\b")


def codes_in_source() -> dict[str, set[str]]:
    """code -> the package files (Python and data) that write it."""
    out: dict[str, set[str]] = {}
    for p in sorted(PKG.rglob("*")):
        if p.suffix in (".py", ".yaml") and p.is_file():
            for c in CODE.findall(p.read_text(encoding="utf-8")):
                out.setdefault(c, set()).add(str(p.relative_to(PKG)))
    return out


def test_every_code_in_the_source_is_declared():
    reg = registry()
    missing = {c: sorted(files) for c, files in codes_in_source().items() if c not in reg}
    assert not missing, f"codes used but declared nowhere: {missing}"


def test_each_code_declared_once_with_known_keys():
    reg = registry()        # raises on a code in both places or an unknown key
    for code, m in messages().items():
        assert set(m) <= MESSAGE_KEYS, code
    for code, e in reg.items():
        assert e["severity"] in SEVERITIES, code
        assert e["zh"] and e["en"], code
        assert e["kind"] == {"FC1": "claim", "FC2": "overstatement", "FC3": "input", "FC4": "audit",
                             "FC0": "finding"}[code[:3]], code


def test_input_messages_are_the_messages_written_before():
    """Each FC3xx error message formatted from messages.yaml (codes.input_message) is, byte for
    byte, the literal its reader raised before the messages moved there (issue 18)."""
    from factcheck.core.codes import input_message as im

    enc, start, size, limit, cap, name = "utf-16", 7, 52428800, 1000, 5000, "word/document.xml"
    mb = "50 MB"
    expected = {
        ("FC300", "not_found", ()): "文件不存在 / file not found",
        ("FC300", "permission", ()): "没有读取权限 / permission denied",
        ("FC300", "folder", ()): "是文件夹，不是文件 / is a folder, not a file",
        ("FC300", "not_regular", ()): "不是普通文件（管道、设备或套接字）/ not a regular file "
                                      "(a pipe, device or socket); use - to read standard input",
        ("FC300", "read_error", (("reason", "No space left on device"),)):
            "无法读取 / cannot read: No space left on device",
        ("FC300", "empty_folder", ()): "文件夹中没有文章文件（.txt .md .html .docx）/ "
                                       "folder holds no article files (.txt .md .html .docx)",
        ("FC300", "no_match", ()): "没有匹配的文件 / no file matches this pattern",
        ("FC300", "inside_out", ()): "在输出文件夹内，不作为输入 / inside the output folder (--out): never an input",
        ("FC300", "manifest_no_path", ()): "清单中这一行没有路径 / manifest row has no path",
        ("FC300", "manifest_not_json", (("reason", "Expecting value"),)):
            "清单行不是 JSON / manifest line is not JSON: Expecting value",
        ("FC300", "manifest_not_object", ()): "清单行应为 JSON 对象 / manifest line should be an object with a path",
        ("FC301", "empty", ()): "文件为空 / file is empty",
        ("FC301", "whitespace", ()): "文件只有空白 / file holds only whitespace",
        ("FC301", "docx_no_text", ()): "文档没有文字 / document holds no text",
        ("FC301", "html_no_text", ()): "网页中没有正文 / no article text found in the HTML",
        ("FC301", "pdf_no_text", ()): "PDF 没有文字层（扫描件？）/ PDF has no text layer (a scan?)",
        ("FC302", "binary", ()): "看起来是二进制文件，不是文本 / looks like a binary file, not text",
        ("FC302", "unprintable", ()): "内容大多不可打印，像是二进制文件 / mostly unprintable: looks binary",
        ("FC302", "zip", ()): "这是压缩包或 Office 文件，请用 .docx 扩展名 / a zip or Office "
                              "file: name it .docx if it is a Word document",
        ("FC303", "bom_decode", (("encoding", enc), ("offset", start))):
            f"{enc} 解码失败 / cannot decode as {enc} (byte {start})",
        ("FC303", "unknown_encoding", (("offset", start),)):
            "无法识别文本编码（不是 UTF-8、GBK/GB18030 或 UTF-16）/ unknown "
            f"text encoding: not UTF-8 (bad byte at {start}), GBK/GB18030 or UTF-16",
        ("FC305", "too_large", (("size_mb", mb), ("limit_mb", "1000 bytes"), ("size", size), ("limit", limit))):
            f"文件太大（{mb}，上限 1000 bytes）/ file too large "
            f"({mb} = {size} bytes > limit {limit} bytes); raise --max-bytes to check it",
        ("FC305", "grew", (("limit_mb", "1000 bytes"), ("limit", limit))):
            "文件太大（上限 1000 bytes）/ file too large "
            f"(more than {limit} bytes); raise --max-bytes to check it",
        ("FC305", "unzipped", (("limit_mb", "5000 bytes"), ("limit", cap), ("expansion", 5))):
            "文件解压后太大（上限 5000 bytes）/ file too large once unzipped "
            f"(more than {cap} bytes = 5 × --max-bytes); raise --max-bytes to check it",
        ("FC305", "stdin", (("limit", limit),)):
            f"输入太大 / input too large (more than {limit} bytes); raise --max-bytes to check it",
        ("FC306", "docx", (("error", "BadZipFile"),)): "无法读取 .docx 文件 / cannot read .docx (BadZipFile)",
        ("FC306", "docx_bomb", (("member", name), ("size", size), ("compressed", 100), ("ratio", 100))):
            f"无法读取 .docx 文件：{name} 解压后异常膨胀（压缩炸弹？）/ "
            f"cannot read .docx: {name} would expand {size} bytes from "
            f"100 (more than 100×: a decompression bomb?)",
        ("FC306", "pdf_needs_pypdf", ()): "读取 PDF 需要 pypdf（pip install 'factcheck[pdf]'）/ "
                                          "reading a PDF needs pypdf (pip install 'factcheck[pdf]')",
        ("FC306", "pdf", (("error", "PdfReadError"),)): "无法读取 PDF / cannot read PDF (PdfReadError)",
        # the notes (repairs, papers identified or not), after "FC3xx: " (codes.input_note)
        ("FC303", "invalid_utf8", (("bad", 3), ("offset", start))):
            f"3 处无效的 UTF-8 字节已替换为 U+FFFD（首处在第 {start} 字节）/ "
            f"3 invalid UTF-8 byte sequence(s) replaced by U+FFFD (first at byte {start})",
        ("FC303", "lone_surrogates", (("n", 2),)):
            "2 个孤立代理字符已替换为 U+FFFD / 2 lone surrogate code point(s) replaced by U+FFFD",
        ("FC304", "truncated", (("encoding", enc),)): f"文件末尾的 {enc} 字符不完整，已忽略 / truncated {enc} at the end, ignored",
        ("FC307", "no_reference_list", ()): "未找到参考文献列表 / no reference list found",
        ("FC308", "only_references", ()): "只有参考文献，没有正文 / no body text: only a reference list",
        ("FC308", "only_boilerplate", ()): "全文都被识别为模板文字（声明、推广），没有可核对的正文 / no body text: "
                                           "every line was read as boilerplate (disclaimers, share prompts)",
        ("FC309", "paper", ()): "编辑用 --paper 指定 / given with --paper",
        ("FC309", "fetch", (("what", "PMID"),)): "按正文中的 PMID 联网获取 / fetched by the PMID in the text",
        ("FC309", "search", (("cues", "journal+year"),)): "联网检索找到（journal+year）/ found by search (journal+year)",
        ("FC309", "text", (("cues", "doi"),)): "正文点名（doi）/ named in the text (doi)",
        ("FC309", "search_query", (("query", "q"),)): "检索式 / search query: q",
        ("FC310", "fetch_failed", (("ident", "PMID:1"), ("problem", "timed out"))):
            "获取文中的 PMID:1 失败，未能联网确定论文 / fetching PMID:1 named in the text failed, no paper "
            "identified online: timed out",
        ("FC310", "search_failed", (("problem", "timed out"),)):
            "检索 Europe PMC 失败，未能联网确定论文 / searching Europe PMC failed, no paper identified online: timed out",
        ("FC310", "cannot_draft", (("ident", "10.1/x"), ("error", "no abstract"))):
            "找到的论文无法生成摘要 / the paper found cannot be drafted (10.1/x): no abstract",
        ("FC310", "not_found", (("ident", "PMID:1"), ("problem", "not found"))):
            "文中的 PMID:1 在 Europe PMC 和 Crossref 中都查不到 / PMID:1 named in the text: not found",
        ("FC310", "too_few_cues", (("said", " (journal Lancet)"),)):
            "文中线索不足以联网检索（需要英文标题，或期刊和年份，或作者和年份）/ not enough cues in the text to "
            "search online (an English title, or a journal and a year, or an author and a year) (journal Lancet)",
        ("FC310", "search_query", (("query", "q"),)): "检索式 / search query: q",
        ("FC311", "pinyin", (("n", 2), ("example", "報(bào)道"))):
            "已删除 2 处拼音注音（如“報(bào)道”），列号以删除后的文本为准 / 2 pinyin reading(s) removed "
            "(such as “報(bào)道”); columns count in the text without them",
        ("FC310", "not_identified", (("problem_zh", "2 篇候选论文同样吻合，不作猜测（a, b）"),
                                     ("problem_en", "2 candidates fit the cues equally well, not guessing (a, b)"))):
            "未能确定文章所说的论文：2 篇候选论文同样吻合，不作猜测（a, b） / no paper could be identified: "
            "2 candidates fit the cues equally well, not guessing (a, b)",
    }
    for (code, problem, details), text in expected.items():
        assert im(code, problem, **dict(details)) == text, (code, problem)
    declared = {(c, p) for c, m in messages().items() for p in (m.get("problems") or {})}
    assert declared == {(c, p) for c, p, _d in expected}, "a problem without its expected message here"
