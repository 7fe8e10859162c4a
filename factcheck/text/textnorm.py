"""Same-length text normalisation.

Every stage matches patterns on a *folded* copy of the article text that has exactly the
same length as the original, so an offset found in the fold is an offset in the original.
Folding = NFKC applied character by character where NFKC yields one character (full-width
digits and punctuation, compatibility forms), plus a few look-alikes NFKC leaves alone
(˃ ˂ － — ～ ﹪), plus traditional→simplified Chinese (OpenCC) where the conversion keeps
the length.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Optional

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


_MIDDLE_DOT_DECIMAL = re.compile(r"(?<=\d)·(?=\d)")


def fold_width(text: str) -> str:
    """NFKC per character (only where it stays one character): offsets are preserved. A middle
    dot between digits is the Lancet's decimal point (27·9%, 比率1·03), read as one; between
    names (约翰·史密斯) it stays."""
    if text.isascii():
        return text
    out = "".join(map(_fold_char, text))
    return _MIDDLE_DOT_DECIMAL.sub(".", out) if "·" in out else out


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


@lru_cache(maxsize=1)
def _t2s_changes() -> Optional[tuple[frozenset, Optional[re.Pattern]]]:
    """What t2s can change, read from OpenCC's own dictionaries (the files its t2s config
    names): the characters that a same-length entry rewrites, and the entries that change
    the length, as one alternation. None when the files are not where that package keeps
    them (then every sample is converted)."""
    import json

    import opencc

    root = Path(opencc.__file__).parent
    try:
        config = json.loads((root / "config" / "t2s.json").read_text("utf-8"))
        files = [d["file"] for step in config["conversion_chain"] for d in step["dict"].get("dicts", [step["dict"]])]
        chars: set[str] = set()
        resizing: list[str] = []
        for name in files:
            for line in (root / "dictionary" / name).read_text("utf-8").splitlines():
                key, _, value = line.strip().partition("\t")
                if not key or value == key:
                    continue
                if len(value) == len(key):
                    chars.update(a for a, b in zip(key, value) if a != b)
                else:
                    resizing.append(key)
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return frozenset(chars), (re.compile("|".join(map(re.escape, resizing))) if resizing else None)


def looks_traditional(text: str, sample: int = 4000) -> bool:
    """Does converting a sample change more than 2% of its Han characters (or its length)?

    The pure-Python conversion costs several milliseconds an article, more than checking it:
    it runs only when the characters t2s could rewrite are enough to pass the 2% mark, or an
    entry that changes the length occurs. A simplified article (a handful of 著 or 乾) never
    converts, and never loads OpenCC's converter."""
    s = text[:sample]
    han = sum(1 for ch in s if "\u4e00" <= ch <= "\u9fff")
    if han < 20:
        return False
    changes = _t2s_changes()
    if changes is not None:
        chars, resizing = changes
        could = sum(1 for ch in s if ch in chars)       # an upper bound of what converting changes
        if could / han <= 0.02 and (resizing is None or not resizing.search(s)):
            return False
    conv = _t2s().convert(s)
    if len(conv) != len(s):
        return True
    changed = sum(1 for a, b in zip(s, conv) if a != b)
    return changed / han > 0.02


# thousands grouped by spaces (439 072 名, 1 938 994 adults): one number, read as if written
# with commas (the same length, so every offset holds). The digit opens the pattern and the
# lookbehinds follow it, so that the search skips ahead to digits instead of trying every
# position of the article: the same matches as (?<![\d.,] )(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)
_SPACED_THOUSANDS = re.compile(r"\d(?<![\d.,] \d)(?<![\d.,]\d)\d{0,2}(?: \d{3})+(?!\d)")


# a word Taiwan's and Hong Kong's media write for the mainland's (機率 for 几率, "probability"),
# folded after the characters are, as OpenCC's phrase tables fold them: every rule, cue and
# lexicon entry is written once, in the mainland's word (same length, so every offset holds)
_REGIONAL_WORDS = {"机率": "几率"}
_REGIONAL = re.compile("|".join(_REGIONAL_WORDS))


def normalize(text: str) -> str:
    """The folded copy the pipeline matches on (same length as ``text``)."""
    folded = fold_width(text)
    if " " in folded:
        folded = _SPACED_THOUSANDS.sub(lambda m: m.group().replace(" ", ","), folded)
    folded = to_simplified(folded) if looks_traditional(folded) else folded
    return _REGIONAL.sub(lambda m: _REGIONAL_WORDS[m.group()], folded) if "率" in folded else folded
