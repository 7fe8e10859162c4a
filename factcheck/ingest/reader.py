"""Files → Article: decoding, format extraction, and body / reference list / boilerplate split.

Why this is careful: archives hold GBK files, UTF-16 exports, truncated downloads and saved
web pages. Every failure becomes an ``InputError`` that names the file and the problem (rule
code FC3xx), which the CLI prints without a traceback and batch turns into an error row.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import Optional

from factcheck.core.codes import input_note
from factcheck.ingest.citations import parse_reference_list
from factcheck.core.errors import InputError, display_path   # reader.InputError: where its users import it
from factcheck.core.model import Article, Span
from factcheck.text.textnorm import normalize

MAX_BYTES = 20 * 1024 * 1024          # larger files are refused (FC305); --max-bytes changes it
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ""}


# ---------------------------------------------------------------- decoding

def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, list[str]]:
    """Bytes → (text, encoding, notes). Raises InputError for empty or binary input."""
    notes: list[str] = []
    if not data.strip():
        raise InputError.of(path, "FC301", "empty" if not data else "whitespace")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                     (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _finish(data.decode(enc), enc, path, notes)
            except UnicodeDecodeError as e:
                raise InputError.of(path, "FC303", "bom_decode", encoding=enc, offset=e.start) from None
    enc16 = _bomless_utf16(data)
    if enc16 and not _looks_like_prose(data[:4000].decode(enc16, errors="replace")):
        enc16 = None   # rare Han characters with no punctuation or line breaks: binary, not UTF-16
    if enc16:
        try:
            return _finish(data.decode(enc16), enc16, path, notes)
        except UnicodeDecodeError as e:
            if e.start >= len(data) - 3:   # odd trailing byte or half a surrogate pair: cut off
                notes.append(input_note("FC304", "truncated", encoding=enc16))
                return _finish(data[:e.start].decode(enc16), enc16, path, notes)
    if b"\x00" in data[:8192]:
        raise InputError.of(path, "FC302", "binary")
    try:
        return _finish(data.decode("utf-8"), "utf-8", path, notes)
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            notes.append(input_note("FC304", "truncated", encoding="UTF-8"))
            return _finish(data[:e.start].decode("utf-8"), "utf-8", path, notes)
        utf8_error = e
        mostly = _mostly_utf8(data)
        if mostly is not None:
            text, bad = mostly
            notes.append(input_note("FC303", "invalid_utf8", bad=bad, offset=e.start))
            return _finish(text, "utf-8", path, notes)
    for enc in ("gb18030",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _mostly_cjk_or_ascii(text):
            return _finish(text, enc, path, notes)
    guess = _charset_guess(data)
    if guess:
        return _finish(guess[0], guess[1], path, notes)
    raise InputError.of(path, "FC303", "unknown_encoding", offset=utf8_error.start)


def _bomless_utf16(data: bytes) -> Optional[str]:
    """UTF-16 without BOM. ASCII text has a NUL in every other byte; Chinese text has few NULs,
    so both byte orders are decoded and the one that reads as text (Han, ASCII, CJK and
    full-width punctuation) wins. Random bytes read as UTF-16 are about one third Han at best.
    UTF-8 and GB18030 text cannot pass: their ASCII bytes pair up into unassigned or rare
    code points, and they hold no NUL bytes at all (required unless nearly all is Han)."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    sample = sample[:len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    has_nul = b"\x00" in sample
    if not has_nul:
        # without a NUL byte (no ASCII, not even a newline) UTF-16 is a last resort: lower-case
        # ASCII pairs read as Han characters ("ab" = U+6261), so valid UTF-8 or GB18030 wins
        if len(data) % 2:
            return None
        for enc in ("utf-8", "gb18030"):
            try:
                data.decode(enc)
                return None
            except UnicodeDecodeError:
                pass
    best, best_share = None, 0.0
    for enc in ("utf-16-le", "utf-16-be"):
        t = sample.decode(enc, errors="replace")
        share = _utf16_text_share(t)
        if share > best_share:
            best, best_share = enc, share
    return best if best_share > (0.9 if has_nul else 0.97) else None


def _utf16_text_share(t: str) -> float:
    good = sum(1 for c in t if ("\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\n\r\t"
                                or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
                                or "\u2010" <= c <= "\u206f" or "\u00a0" <= c <= "\u00ff"))
    return good / max(1, len(t))


def _mostly_utf8(data: bytes) -> Optional[tuple[str, int]]:
    """UTF-8 text with a few corrupt bytes (a damaged download, a bad copy and paste): decode
    with U+FFFD for the bad bytes when valid multi-byte sequences far outnumber bad ones.
    Without this, such a file would "decode" as GB18030 and come out as mojibake."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if bad > 0 and multibyte >= 20 * bad:
        return text, bad
    return None


def _looks_like_prose(sample: str) -> bool:
    """Text has line breaks, spaces or punctuation; binary decoded as UTF-16 has none."""
    marks = sum(1 for c in sample if c in "\n \t，。、；：！？,.;:!?（）()“”\"")
    return marks >= max(1, len(sample) // 200)


def _mostly_cjk_or_ascii(text: str) -> bool:
    if not text:
        return False
    good = sum(1 for c in text[:20000] if c.isascii() or "\u4e00" <= c <= "\u9fff"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return good / min(len(text), 20000) > 0.9


def _charset_guess(data: bytes) -> Optional[tuple[str, str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return (text, best.encoding) if _printable_share(text) > 0.95 else None


_LINE_CONTROLS = str.maketrans("", "", "\n\r\t")


def _printable_share(text: str) -> float:
    """Share of printable characters (line breaks and tabs count as printable) in the first
    20,000: one C-level test when all are, a count otherwise."""
    s = text[:20000]
    if not s:
        return 0.0
    if s.translate(_LINE_CONTROLS).isprintable():
        return 1.0
    return sum(1 for c in s if c.isprintable() or c in "\n\r\t") / len(s)


def _finish(text: str, enc: str, path: str, notes: list[str]) -> tuple[str, str, list[str]]:
    if not text.strip():
        raise InputError.of(path, "FC301", "whitespace")
    if _printable_share(text) < 0.85:
        raise InputError.of(path, "FC302", "unprintable")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, enc, notes


# ---------------------------------------------------------------- formats

def _html_text(raw: str) -> tuple[str, Optional[str]]:
    """Main text of a saved web page, scripts and navigation dropped (trafilatura)."""
    title = None
    try:
        import trafilatura

        text = trafilatura.extract(raw, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)
        meta = trafilatura.extract_metadata(raw)
        title = meta.title if meta else None
    except Exception:  # noqa: BLE001 - a parser crash on hostile HTML falls back to plain text
        text = None
    if not text:
        text = html_to_text(raw)
    return text, title


_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
                         "jats:sec", "jats:p", "jats:title"})


def html_to_text(raw: str) -> str:
    """The text of HTML markup, one line per block (p, div, li, h1-h6, tr, br, section), entities
    decoded, scripts and navigation dropped: a page trafilatura cannot read, or an abstract
    stored with its publisher's markup (<h4>Results</h4>Forty-three children…: the heading on
    a line of its own, closed as well as opened; Crossref's JATS sections and paragraphs likewise)."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        skip = 0
        parts: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "nav", "header", "footer", "noscript"):
                self.skip += 1
            elif tag in _BLOCK_TAGS:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in ("script", "style", "nav", "header", "footer", "noscript") and self.skip:
                self.skip -= 1
            elif tag in _BLOCK_TAGS and tag != "br":
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    p = P()
    p.parts = []
    p.feed(raw)
    return re.sub(r"\n\s*\n+", "\n", "".join(p.parts)).strip()


def read_capped(fh, limit: int, chunk: int = 1 << 20) -> bytes:
    """At most ``limit + 1`` bytes of ``fh`` (one more than the limit shows it was exceeded),
    read a megabyte at a time: ``fh.read(limit + 1)`` allocates its whole buffer first, so a
    generous --max-bytes (99999999999) was a MemoryError on a 2 KB file."""
    parts, size = [], 0
    while size <= limit:
        piece = fh.read(min(chunk, limit + 1 - size))
        if not piece:
            break
        parts.append(piece)
        size += len(piece)
    return b"".join(parts)


DOCX_EXPANSION = 5          # the members of a .docx may hold at most this many times --max-bytes
DOCX_MAX_RATIO = 100        # ... and a member over DOCX_RATIO_FROM bytes may not expand more than this
DOCX_RATIO_FROM = 2**20


def _docx_bytes(path: str, max_bytes: int) -> bytes:
    """The .docx file's bytes, after its zip directory was checked against a decompression
    bomb (a 431 KB file whose document.xml expands to 100 MiB, then gigabytes in the XML
    parser): the declared sizes of the members are capped in total and in ratio. The declared
    size is what zipfile will produce at most (it stops there and then fails the CRC), so the
    check holds before anything is decompressed. The bytes are parsed as checked: no second
    open of a file that could have been replaced."""
    import io
    import zipfile

    try:
        with open(path, "rb") as fh:
            # no buffer of --max-bytes for a small file; one byte more shows that it grew
            data = read_capped(fh, max_bytes)
    except OSError as e:
        raise InputError.of(path, "FC300", "read_error", e.errno, reason=e.strerror or e) from None
    if len(data) > max_bytes:
        raise InputError.of(path, "FC305", "grew", limit_mb=_mb(max_bytes), limit=max_bytes)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, KeyError) as e:
        # a damaged directory can claim an unknown zip version or compression (NotImplementedError)
        raise InputError.of(path, "FC306", "docx", error=type(e).__name__) from None
    cap = DOCX_EXPANSION * max_bytes
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > DOCX_RATIO_FROM and info.file_size > DOCX_MAX_RATIO * max(1, info.compress_size):
            raise InputError.of(path, "FC306", "docx_bomb", member=info.filename, size=info.file_size,
                                 compressed=info.compress_size, ratio=DOCX_MAX_RATIO)
        if total > cap:
            raise InputError.of(path, "FC305", "unzipped", limit_mb=_mb(cap), limit=cap, expansion=DOCX_EXPANSION)
    return data


def _docx_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    import io

    import docx  # python-docx

    data = _docx_bytes(path, max_bytes)
    try:
        d = docx.Document(io.BytesIO(data))
        # a main part that is XML but not a document fails only here (no w:body, odd cells)
        lines = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                lines.append("\t".join(c.text for c in row.cells))
    except MemoryError:
        raise
    except Exception as e:  # noqa: BLE001 - any parse failure is an input error
        raise InputError.of(path, "FC306", "docx", error=type(e).__name__) from None
    return "\n".join(lines)


# ---------------------------------------------------------------- structure

@lru_cache(maxsize=1)
def _lexicon() -> dict:
    import yaml

    with open(Path(__file__).parent.parent / "data" / "boilerplate.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def _patterns():
    lx = _lexicon()
    heading = re.compile(r"^\s*(?:#+\s*)?(?:" + "|".join(lx["reference_headings"]) + r")\s*[:：]?\s*$",
                         re.I)
    start = re.compile("|".join(lx["block_start"]))
    line = re.compile("|".join(lx["line"]))
    return heading, start, line


_REFERENCE_LIKE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.、)）]\s*\S)|\b(?:19|20)\d\d\b|doi|DOI|et al")


def _reads_as_a_list(lines: list[str]) -> bool:
    """Do the lines under a heading, up to the page's closing furniture, read as a reference list:
    most of them numbered entries or lines citing a year, a DOI or "et al", not paragraphs of prose?"""
    full = [ln for ln in lines if ln.strip()]
    return bool(full) and sum(1 for ln in full if _REFERENCE_LIKE.search(ln)) >= 0.6 * len(full)


def split_structure(text: str) -> tuple[list[Span], Optional[Span], list[Span]]:
    """Return (body spans, reference-list span, boilerplate spans) over ``text``.

    The reference list starts at the last line that is only a heading such as 参考文献 and runs
    to the next boilerplate line. Boilerplate is a closing block opened by a marker line (全文完,
    郑重声明, 免责说明 …) in the second half of the text, plus single lines that beg for shares or
    QR scans, and a marker line standing higher up (a disclaimer at the top) by itself.
    """
    heading, block_start, line_pat = _patterns()
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    kinds = ["body"] * len(lines)
    ref_at = None
    for i, ln in enumerate(lines):
        if heading.match(ln):
            ref_at = i
    if ref_at is not None and offs[ref_at] < len(text) / 2 and not _reads_as_a_list(
            list(itertools.takewhile(lambda ln: not (line_pat.search(ln) or block_start.search(ln)), lines[ref_at + 1:]))):
        ref_at = None       # 文献来源: above the article names its source; the prose under it is the body
    in_block = False
    end = offs[ref_at] if ref_at is not None else len(text)
    for i, ln in enumerate(lines):
        if ref_at is not None and i == ref_at:
            in_block = False
            kinds[i] = "refhead"
            continue
        if ref_at is not None and i > ref_at:
            kinds[i] = "boiler" if line_pat.search(ln) or block_start.search(ln) else "ref"
            continue
        if block_start.search(ln):
            # a closing block (全文完, 免责声明 … at the end) runs to the reference list; the same
            # words above the article (a disclaimer at the top of a WeChat post) are one line of
            # boilerplate: a body is never dropped with them
            if end - offs[i] < offs[i]:
                in_block = True
            kinds[i] = "boiler"
        if in_block or line_pat.search(ln):
            kinds[i] = "boiler"
    # a reference list followed by boilerplate: lines after the first boilerplate line are boilerplate
    if ref_at is not None:
        seen_boiler = False
        for i in range(ref_at + 1, len(lines)):
            if kinds[i] == "boiler":
                seen_boiler = True
            elif seen_boiler:
                kinds[i] = "boiler"
    body: list[Span] = []
    boiler: list[Span] = []
    ref_span = None
    for i, k in enumerate(kinds):
        s, e = offs[i], offs[i] + len(lines[i])
        if k == "body":
            _extend(body, s, e)
        elif k == "boiler":
            _extend(boiler, s, e)
        elif k in ("ref", "refhead"):
            ref_span = Span(ref_span.start if ref_span else s, e)
    return body, ref_span, boiler


def _extend(spans: list[Span], s: int, e: int) -> None:
    if spans and spans[-1].end + 1 >= s:
        spans[-1].end = e
    else:
        spans.append(Span(s, e))


def _guess_title(text: str, body: list[Span], markdown: bool) -> Optional[str]:
    for sp in body:
        for ln in text[sp.start:sp.end].split("\n"):
            s = ln.strip()
            if not s:
                continue
            if markdown and s.startswith("#"):
                return s.lstrip("#").strip() or None
            if len(s) <= 60 and not re.search(r"[。！!，,]", s[:-1]):
                return s
            return None
    return None


# ---------------------------------------------------------------- entry points

_SURROGATE = re.compile("[\ud800-\udfff]")
# a pinyin reading in brackets after a Han character: lower-case letters with a tone mark
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# (the bracket opens the pattern, so the search skips ahead to brackets; the Han character
# before it is tested in a lookbehind after that)
_PINYIN = re.compile(rf"\((?<=[\u3400-\u9fff]\()(?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


def strip_readings(text: str) -> str:
    """``text`` without the pinyin readings a page glosses its characters with (報(bào)道 → 報道)."""
    return _PINYIN.sub("", text)


def article_from_text(text: str, source: str = "<text>", *, encoding: str = "utf-8",
                      extracted_from: str = "text", notes: Optional[list[str]] = None,
                      title: Optional[str] = None) -> Article:
    """Build an Article from already-decoded text (tests, stdin, batch manifests)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    notes = list(notes or [])
    if _SURROGATE.search(text):
        # text from JSON ("\ud800") or a surrogateescape decode: not encodable, and the NLP
        # layer hashes strings as UTF-8; U+FFFD keeps every offset
        n_bad = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        notes.append(input_note("FC303", "lone_surrogates", n=n_bad))
    first = _PINYIN.search(text) if "(" in text else None
    if first:
        # 報(bào)道稱, 會導(dǎo)致: a page that glosses its characters with their readings splits
        # every word it glosses (a mirror's artefact, not the author's text)
        example = text[max(0, first.start() - 1):first.end() + 1]
        n = len(_PINYIN.findall(text))
        text = strip_readings(text)
        notes.append(input_note("FC311", "pinyin", n=n, example=example))
    norm = normalize(text)
    # structure is found on the fold (same length): 參考文獻 and ［1］ work as 参考文献 and [1]
    body, ref_span, boiler = split_structure(norm)
    art = Article(source=source, text=text, norm=norm, encoding=encoding,
                  extracted_from=extracted_from, body=body, reference_span=ref_span,
                  boilerplate=boiler, notes=notes)
    art.title = title or _guess_title(text, body, extracted_from == "markdown")
    if ref_span is not None:
        art.references = parse_reference_list(text, ref_span, norm=norm)
    else:
        art.notes.append(input_note("FC307", "no_reference_list"))
    if not body and ref_span is not None:
        art.notes.append(input_note("FC308", "only_references"))
    elif not body:
        art.notes.append(input_note("FC308", "only_boilerplate"))
    return art


def read_article(path: str, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one file (.txt .md .html .docx) into an Article. Raises InputError."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InputError.of(path, "FC300", "folder")
        if not stat.S_ISREG(st.st_mode):
            # a FIFO or a device would block or never end: refuse before opening it
            raise InputError.of(path, "FC300", "not_regular")
        size = st.st_size
    except FileNotFoundError:
        raise InputError.of(path, "FC300", "not_found") from None
    except PermissionError:
        raise InputError.of(path, "FC300", "permission") from None
    except OSError as e:
        raise InputError.of(path, "FC300", "read_error", e.errno, reason=e.strerror or e) from None
    if size > max_bytes:
        raise InputError.of(path, "FC305", "too_large", size_mb=_mb(size), limit_mb=_mb(max_bytes), size=size,
                            limit=max_bytes)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path, max_bytes)
        if not text.strip():
            raise InputError.of(path, "FC301", "docx_no_text")
        return article_from_text(text, display_path(path), encoding="docx", extracted_from="docx")
    try:
        with open(path, "rb") as fh:
            data = read_capped(fh, max_bytes)   # the file may have grown since stat()
    except OSError as e:
        raise InputError.of(path, "FC300", "read_error", e.errno, reason=e.strerror or e) from None
    if len(data) > max_bytes:
        raise InputError.of(path, "FC305", "grew", limit_mb=_mb(max_bytes), limit=max_bytes)
    if data[:4] == b"PK\x03\x04" and suffix != ".docx":
        raise InputError.of(path, "FC302", "zip")
    text, enc, notes = decode(data, path)
    if suffix in (".html", ".htm") or (suffix == "" and re.match(r"\s*<(!doctype|html)", text[:200], re.I)):
        body_text, title = _html_text(text)
        if not body_text or not body_text.strip():
            raise InputError.of(path, "FC301", "html_no_text")
        return article_from_text(body_text, display_path(path), encoding=enc, extracted_from="html",
                                 notes=notes, title=title)
    kind = "markdown" if suffix in (".md", ".markdown") else "text"
    return article_from_text(text, display_path(path), encoding=enc, extracted_from=kind, notes=notes)


def _mb(n: int) -> str:
    """Bytes as MB (MiB, as the 20 MB default limit is 20 × 2**20 bytes)."""
    return f"{n / 2 ** 20:.1f}".removesuffix(".0") + " MB" if n >= 2 ** 20 else f"{n} bytes"


def iter_article_paths(inputs: list[str]) -> list[str]:
    """Expand folders (recursively) and globs into article files, sorted, without duplicates."""
    return expand_inputs(inputs)[0]


def expand_inputs(inputs: list[str]) -> tuple[list[str], list[InputError]]:
    """Like ``iter_article_paths``, also returning an InputError for each folder or glob that
    yields no article file (so that ``check a.txt empty/`` says so instead of staying silent).
    Plain paths are passed through unchecked: ``read_article`` reports missing files."""
    import glob

    out: list[str] = []
    problems: list[InputError] = []
    for item in inputs:
        if os.path.isdir(item):
            found = []
            for root, dirs, files in os.walk(item):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if Path(f).suffix.lower() in TEXT_SUFFIXES - {""} and not f.startswith("."):
                        found.append(os.path.join(root, f))
            if not found:
                problems.append(InputError.of(item, "FC300", "empty_folder"))
            out.extend(found)
        elif any(ch in item for ch in "*?[") and not os.path.exists(item):
            found = sorted(glob.glob(item, recursive=True))
            if not found:
                problems.append(InputError.of(item, "FC300", "no_match"))
            out.extend(found)
        else:
            out.append(item)
    seen: set[str] = set()
    return [x for x in out if not (x in seen or seen.add(x))], problems
