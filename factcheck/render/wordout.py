"""The draft back in Word: one comment per finding, anchored on the words it is about.

Editors work in Word and WPS; a report beside the draft makes them find each number again.
For a .docx input the same document comes back with comments (python-docx 1.2's comment
support) and its text untouched: a run is split at the finding's edges only when it holds
nothing but text (the copy keeps the run's formatting), so every character, style and image
stays where it was. Any other input becomes a new document, one paragraph per line.

Offsets: ingest reads a .docx as its paragraphs' text joined by newlines, then each table row
as its cells' text joined by tabs; the map below walks the document the same way.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from typing import Optional

from factcheck.render.findings import Finding, collect
from factcheck.core.model import Report

AUTHOR = "factcheck"
INITIALS = "FC"
_SIMPLE_RUN_CHILDREN = {"rPr", "t", "tab"}
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # one for one: offsets stay


class DocxError(Exception):
    """The Word file cannot be annotated; the message says why."""


def is_ours(path: str) -> bool:
    """A .docx factcheck wrote: it has comments by factcheck. Anything else is the user's."""
    try:
        with zipfile.ZipFile(path) as z:
            return f'w:author="{AUTHOR}"'.encode() in z.read("word/comments.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def comment_text(f: Finding, lang: str) -> str:
    """The verdict, the paper's value and wording, the rule code: what an editor needs to decide."""
    zh = lang == "zh"
    parts = [f"[{f.label}] {f.rule}", f.message]
    if f.paper_value is not None and f.kind == "claim":
        parts.append(("原文数值：" if zh else "Paper's value: ") + _value(f.paper_value))
    if f.paper_text:
        parts.append(("原文表述：" if zh else "Paper's wording: ") + f.paper_text)
    if f.summary_id:
        parts.append(("文献摘要：" if zh else "Summary: ") + f.summary_id)
    return "\n".join(parts)


def _value(v) -> str:
    """A paper value in a Word comment: every digit the summary holds (str of the float), where
    htmlreport.fmt_value prints six significant digits (``%g``) and match's messages ``%.6g``:
    a comment is where the editor copies the paper's number from, so it is not rounded. The
    three agree on values of up to six significant digits and ranges of them (1–2.5); this one
    and fmt_value also print larger whole numbers whole (1234567, not 1.23457e+06)."""
    if isinstance(v, list):
        return "–".join(_value(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _paragraphs_with_offsets(doc) -> list[tuple[int, object]]:
    """(offset of the paragraph's first character in the article text, paragraph)."""
    out, pos = [], 0
    for p in doc.paragraphs:
        out.append((pos, p))
        pos += len(p.text) + 1
    for table in doc.tables:
        for row in table.rows:
            row_start = pos
            cells = row.cells
            cpos = row_start
            for ci, cell in enumerate(cells):
                ppos = cpos
                for p in cell.paragraphs:
                    out.append((ppos, p))
                    ppos += len(p.text) + 1
                cpos += len(cell.text) + (1 if ci < len(cells) - 1 else 0)
            pos = row_start + len("\t".join(c.text for c in cells)) + 1
    return out


def extracted_text(doc) -> str:
    """The article text ingest would read from this document (kept in step with ingest)."""
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("\t".join(c.text for c in row.cells))
    return "\n".join(lines)


def _runs(p) -> list[tuple[int, object]]:
    """(offset in the paragraph, run) for the paragraph's runs, hyperlinks' runs included."""
    from docx.text.hyperlink import Hyperlink

    out, pos = [], 0
    for item in p.iter_inner_content():
        for r in (item.runs if isinstance(item, Hyperlink) else [item]):
            out.append((pos, r))
            pos += len(r.text)
    return out


def _split(run, at: int):
    """Split a text-only run at ``at``: two runs with the same formatting. Returns the second,
    or None when the run holds more than text (a drawing, a field) and must stay whole."""
    from docx.text.run import Run

    kids = {c.tag.rsplit("}", 1)[-1] for c in run._r}
    if not kids <= _SIMPLE_RUN_CHILDREN:
        return None
    text = run.text
    new = copy.deepcopy(run._r)
    run._r.addnext(new)
    run.text = text[:at]
    second = Run(new, run._parent)
    second.text = text[at:]
    return second


def _anchor_runs(p, s: int, e: int) -> list:
    """The runs covering [s, e) of the paragraph, split at s and e where they can be."""
    for edge in (s, e):
        for off, r in _runs(p):
            n = len(r.text)
            if off < edge < off + n:
                _split(r, edge - off)
                break
    covered = [r for off, r in _runs(p) if off < e and off + len(r.text) > s]
    return covered or [r for _off, r in _runs(p)][:1]


def annotate(doc, report: Report, lang: str = "zh") -> int:
    """Add a comment per finding; returns how many were anchored."""
    findings = collect(report, lang)
    n = 0
    for f in findings:
        paras = _paragraphs_with_offsets(doc)     # again: earlier splits changed the runs, not the text
        target = None
        for start, p in paras:
            if start <= f.start <= start + len(p.text):
                target = (start, p)
                break
        if target is None:
            continue
        start, p = target
        s = f.start - start
        e = min(f.end - start, len(p.text))
        if not p.runs and not _runs(p):
            continue
        runs = _anchor_runs(p, s, max(e, s + 1))
        if not runs:
            continue
        doc.add_comment(runs, text=comment_text(f, lang), author=AUTHOR, initials=INITIALS)
        n += 1
    return n


def reviewed_docx(report: Report, lang: str = "zh", source_path: "Optional[str | io.BytesIO]" = None) -> bytes:
    """The reviewed document as bytes: the .docx itself with comments, or a new one."""
    import docx

    if report.extracted_from == "docx" and source_path:
        try:
            doc = docx.Document(source_path)
        except Exception as e:  # noqa: BLE001 - any parse failure is the input's
            raise DocxError(f"cannot read .docx ({type(e).__name__})") from None
        if extracted_text(doc) != (report.text or ""):
            raise DocxError("the document changed while it was being checked; check it again")
    else:
        doc = docx.Document()
        for line in (report.text or "").split("\n"):
            doc.add_paragraph(_XML_UNSAFE.sub("\ufffd", line.replace("\r", " ")))
    annotate(doc, report, lang)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
