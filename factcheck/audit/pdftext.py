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
        raise InputError.of(path, "FC306", "pdf_needs_pypdf") from None
    try:
        reader = PdfReader(path)
        pages = [p.extract_text() or "" for p in reader.pages[:max_pages]]
    except Exception as e:  # noqa: BLE001 - any parse failure is an input error
        raise InputError.of(path, "FC306", "pdf", error=type(e).__name__) from None
    text = "\n".join(pages)
    if not text.strip():
        raise InputError.of(path, "FC301", "pdf_no_text")
    return text
