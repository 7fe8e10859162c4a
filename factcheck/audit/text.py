"""Text preparation for the audit: full-width forms folded, lines kept, prose flattened.

Papers copied out of PDFs break sentences (and numbers: ``1.035～\\n\\n2.508``) across lines;
the prose patterns run on a flattened copy whose offsets map back to line numbers, while the
table reader keeps the lines, since one-cell-per-line tables are told apart by their lines.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

_EXTRA = {"−": "-", "–": "-", "—": "-", "‐": "-", "﹣": "-", "～": "~", "〜": "~", "≦": "≤", "≧": "≥",
          "²": "2", "\u3000": " ", "\u00a0": " ", "．": "."}
_HEADING = re.compile(r"^[\u4e00-\u9fff ]+$")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def fold(text: str) -> str:
    """NFKC per character where it maps one to one (so offsets and lines survive): ＜ → <,
    （ → (, ， → ,, full-width digits; dashes and tildes to ASCII."""
    out = []
    for ch in text:
        if ch in _EXTRA:
            out.append(_EXTRA[ch])
            continue
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


@dataclass
class Prose:
    """Flattened prose with a map from its offsets back to 1-based line numbers."""

    flat: str
    starts: list[int] = field(default_factory=list)   # flat offset where each kept line begins
    lines: list[int] = field(default_factory=list)    # its line number

    def line_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.lines[i] if i >= 0 else 1


def _joiner(prev: str, nxt: str) -> str:
    """How two lines join: nothing next to CJK text or a hyphenated word break, else a space."""
    if not prev or not nxt:
        return ""
    if len(prev) <= 6 and _HEADING.match(prev):
        return "\n"   # a heading line (摘  要, 关键词) is not the start of the next sentence
    if _CJK.match(prev[-1]) or _CJK.match(nxt[0]):
        return ""
    if prev[-1] == "-" and prev[-2:-1].isalpha() and nxt[0].isalpha():
        return "\x00"   # marks a hyphen to drop
    return " "


def flatten(lines: list[str], skip: set[int]) -> Prose:
    """Join the lines not in ``skip`` (table lines, 0-based) into one string."""
    parts: list[str] = []
    prose = Prose("")
    pos = 0
    prev = ""
    for i, raw in enumerate(lines):
        s = raw.strip()
        if i in skip or not s:
            if i in skip:
                prev = ""
                parts.append("\n")
                pos += 1
            continue
        j = _joiner(prev, s)
        if j == "\x00":
            parts[-1] = parts[-1][:-1]
            pos -= 1
            j = ""
        parts.append(j)
        pos += len(j)
        prose.starts.append(pos)
        prose.lines.append(i + 1)
        parts.append(s)
        pos += len(s)
        prev = s
    prose.flat = "".join(parts)
    return prose
