"""Tables of an HTML paper as tab-separated rows. The article extractor glues a table's cells
together (``20（40.80）31（62.00）4.840.028``), which suits claim finding but loses the cells the
audit needs; the rows are read again from the markup here."""

from __future__ import annotations

from html.parser import HTMLParser


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._tables: list[list[list[str]]] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if any(self._row):
                self.rows.append(self._row)
            self._row = None
        elif tag == "table":
            self.rows.append([])   # a blank line ends the table

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_table_rows(raw_html: str) -> str:
    """Every table row as one line of tab-separated cells; a blank line after each table."""
    p = _Rows()
    try:
        p.feed(raw_html)
        p.close()
    except Exception:  # noqa: BLE001 - malformed markup: no tables rather than no audit
        return ""
    return "\n".join("\t".join(c if c else "-" for c in row) for row in p.rows)
