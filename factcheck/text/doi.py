"""What a DOI looks like: ``10.`` and a registrant code of 4 to 9 digits, a slash, a suffix.

A DOI's suffix may hold almost any printable character, so where one ends depends on the text
around it. Every reader shares ``DOI_START`` and adds the characters that end a DOI in its
kind of text; the tails differ on purpose:

- a reference-list entry (citations.DOI_RE): whitespace, quotes, angle brackets and the Chinese
  stops ，。； that follow a DOI at the end of an entry; any case (``DOI: 10.1186/...``);
- a summary's ``doi`` field (``normalize_doi``): whitespace, quotes and angle brackets
  only: the field holds one DOI, perhaps behind a resolver prefix;
- an article's own text (``dois_in_text``, for papers.named_in_text and identify.cues_in):
  whitespace, quotes, angle brackets, Chinese characters and the punctuation a Chinese sentence
  closes a DOI with (，。；; and closing brackets ）】]》); an ASCII ")" only when unbalanced,
  so that 10.1016/S0140-6736(19)31791-X keeps its own brackets;
- an abstract or paper being drafted (summarize): as the article's text, with 、 and quotes;
- a DOI given as an argument (sources.parse_identifier): the whole argument, anchored, any
  non-space suffix.

(numbers.py keeps its own, looser pattern: it only needs to know which digits belong to a
DOI, so that they are not read as numbers.)
"""

import re

DOI_START = r"10\.\d{4,9}/"

_DOI_RE = re.compile(DOI_START + r"[^\s\"<>]+", re.I)      # a summary's doi field
_IN_TEXT = re.compile(DOI_START + r"[^\s，。；;）】\]》”\"'<>\u4e00-\u9fff]+")


def dois_in_text(text: str) -> list[str]:
    """The DOIs an article's text writes, in order, each once, as written (not normalised)."""
    out: list[str] = []
    for m in _IN_TEXT.finditer(text):
        d = m.group(0).rstrip(".,:")
        while d.endswith(")") and d.count("(") < d.count(")"):   # (DOI: 10.1/x) keeps its own brackets only
            d = d[:-1].rstrip(".,:")
        if d and d not in out:
            out.append(d)
    return out


def normalize_doi(doi: str) -> str:
    """Lower-case, strip resolver prefixes and trailing punctuation."""
    d = doi.strip()
    m = _DOI_RE.search(d)
    if m:
        d = m.group(0)
    return d.rstrip(".,;)]}>。，；").lower()
