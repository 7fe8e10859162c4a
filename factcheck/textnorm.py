"""Same-length text normalisation.

Every stage matches patterns on a *folded* copy of the article text that has exactly the
same length as the original, so an offset found in the fold is an offset in the original.
Folding = NFKC applied character by character where NFKC yields one character (full-width
digits and punctuation, compatibility forms), plus a few look-alikes NFKC leaves alone
(˃ ˂ － — ～ ﹪), plus traditional→simplified Chinese (OpenCC) where the conversion keeps
the length.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_EXTRA = {
    "˃": ">", "˂": "<", "﹥": ">", "﹤": "<", "‐": "-", "‑": "-", "‒": "-",
    "−": "-", "﹣": "-", "～": "~", "〜": "~", "﹪": "%", "٪": "%", "·": "·",
    "\u3000": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}


_KEEP = set("¹²³⁰⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch.isascii() or ch in _KEEP or "\u2460" <= ch <= "\u24ff" or "\u2776" <= ch <= "\u2793":
        return ch  # circled numbers and superscripts carry meaning (markers, citations)
    n = unicodedata.normalize("NFKC", ch)
    return n if len(n) == 1 else ch


def fold_width(text: str) -> str:
    """NFKC per character (only where it stays one character): offsets are preserved."""
    if text.isascii():
        return text
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python, no native build

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional→simplified with OpenCC; falls back per character if a phrase changes length."""
    conv = _t2s().convert(text)
    if len(conv) == len(text):
        return conv
    return "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)


def looks_traditional(text: str, sample: int = 4000) -> bool:
    """Cheap test: does converting a sample change more than 2% of its Han characters?"""
    s = text[:sample]
    han = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
    if han < 20:
        return False
    conv = _t2s().convert(s)
    if len(conv) != len(s):
        return True
    changed = sum(1 for a, b in zip(s, conv) if a != b)
    return changed / han > 0.02


def normalize(text: str) -> str:
    """The folded copy the pipeline matches on (same length as ``text``)."""
    folded = fold_width(text)
    return to_simplified(folded) if looks_traditional(folded) else folded
