"""The text layer of a PDF paper, for the audit. pypdf is optional (``pip install
factcheck[pdf]``): the rest of factcheck reads articles, which are never PDFs."""

from __future__ import annotations

from factcheck.core.errors import InputError


def pdf_text(path: str, max_pages: int = 200) -> str:
    """Every page's extracted text, one page after another. InputError when pypdf is missing,
    the file is not a readable PDF, or it has no text layer (a scan)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        raise InputError(path, "FC306", "读取 PDF 需要 pypdf（pip install 'factcheck[pdf]'）/ "
                         "reading a PDF needs pypdf (pip install 'factcheck[pdf]')") from None
    try:
        reader = PdfReader(path)
        pages = [p.extract_text() or "" for p in reader.pages[:max_pages]]
    except Exception as e:  # noqa: BLE001 - any parse failure is an input error
        raise InputError(path, "FC306", f"无法读取 PDF / cannot read PDF ({type(e).__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError(path, "FC301", "PDF 没有文字层（扫描件？）/ PDF has no text layer (a scan?)")
    return text
