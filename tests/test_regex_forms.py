"""The regexes written to open with a class or a literal per branch (so that the regex engine
skips ahead to candidates) match exactly as the plain forms they replace, and keep that
opening: a later edit that loses it costs a trial of every branch at every position."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from factcheck.judge import match, overstate
from factcheck.text import numbers, sentences, textnorm

ROOT = Path(__file__).resolve().parents[1]

_SOFT = r"(?:[ \t]{0,2}(?:version|ver\.?|v\.?))?[ \t]{0,2}[vV]?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}"
CN = numbers._CN_ALL
# (rewritten pattern, the plain form it must match as, compare capture groups too)
FORMS = [
    (sentences._END, r"[。！？!?]+[”’\"'）)」』】]*(?:[\[［]\d{1,3}(?:[,，、\-–~]\d{1,3})*[\]］])*|[.．](?<!\d[.．])(?!\d)(?=\s*(?:[\u4e00-\u9fff]|$)|\s+[A-Z][a-z])|\n",
     True),
    (numbers._RUN_RE, rf"[0-9]+(?:[.,][0-9]+)*|[{CN}]+(?:[点點][{numbers._CN_DIG}{numbers._CN_CAP[:9]}]+"
                      r"(?:万|亿|萬|億)?)?", True),
    (numbers._NUM_IN_RUN_RE, r"[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?", True),
    (numbers._SLOGAN_RE, r"(?<![0-9.])[0-9]{1,3}(?:[ \t]{0,2}\+[ \t]{0,2}[0-9]{1,3}){1,4}[ \t]{0,2}"
                         r"(?:>|<|=|≥|≤)[ \t]{0,2}(?P<r>[0-9]{1,3})(?![0-9.])", True),
    (numbers._MARK_PAREN_RE, r"\((?<![0-9A-Za-z]\()[ \t]?(?P<n>[0-9]{1,2})[ \t]?\)(?![0-9%])"
                             r"|[;(](?<![0-9A-Za-z]\()[ \t]{0,2}(?P<n2>[0-9]{1,2})\.(?=[ \t]{0,2}[^\s0-9.])", True),
    (numbers._HALF_RE, r"(?<!另)(?:一半|半数)|[减減]半", True),
    (numbers._DOI_RE, r"(?:[Dd][Oo][Ii]\s{0,2}:?\s{0,2}10|1(?<![0-9]1)0)\.[0-9]{3,9}/[!-~]{1,400}", True),
    (numbers._SOFT_RE, rf"(?:{numbers._alt(numbers._LEX.get('software') or ['SPSS'])}){_SOFT}"
                       r"|R[ \t]{1,2}(?:version[ \t]{0,2})?[0-9]\.[0-9]{1,2}(?:\.[0-9]{1,2})?", True),
    (numbers._PCOL_HEAD_RE, r"(?m)^[ \t]*[Pp](?:[ \t]*值|-?value)?[ \t]*$", True),
    (overstate.INTERVENTION, r"治疗|疗法|药物|方案|补充|运动|手术|移植|输注|细胞|(完全|一定|肯定)(可以|能够?)|彻底|保证", False),
    (overstate.QUESTION, r"[?？]\s*$|吗\s*[?？]?\s*$|是否|能否|到底", True),
    (overstate._JIEBA_BLOCK, r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+", True),
    (match._TP_RE, r"(\d+(?:\.\d+)?)\s*(week|month|year|day|hour|minute)s?", True),
    (textnorm._SPACED_THOUSANDS, r"(?<![\d.,] )(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)", True),
]
PIECES = (list("0123456789.,;:()（）另一半数点點十百千万亿两零〇壹DdOoIi/ \t\n。！？!?”’\"'）)」』】．中Pp+<=>≥≤%R")
          + ["SPSS", "GraphPad Prism", "GraphPad", "R ", "version", "v2", "doi:", "DOI 10.", "10.1000/x", "一半", "减半", "減半",
             "另一半", "半数", " 3.", "(2)", ";1.", "P值", "p-value", "吗？", "是否", "完全可以", "一定能够",
             "治疗", "3 weeks", "2.5 Months", ". There", "e. A", "439 072", " 1 938 994", "1. 234 567", "1,234", "12,345.6", "三点五万", "3+2=5", "[1]", "［2,3］", "[4-6]"])


def _texts() -> list[str]:
    r = random.Random(13)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return texts + ["".join(r.choice(PIECES) for _ in range(r.randrange(1, 30))) for _ in range(3000)]


def _spans(rx: re.Pattern, text: str, pos: int, groups: bool):
    return [(m.span(), m.groups() if groups else None) for m in rx.finditer(text, pos)]


@pytest.mark.parametrize("rx,plain,groups", FORMS, ids=[f[0].pattern[:24] for f in FORMS])
def test_same_matches_as_the_plain_form(rx, plain, groups):
    ref = re.compile(plain, rx.flags & ~re.UNICODE)
    for t in _texts():
        for pos in (0, 1, 3):
            assert _spans(rx, t, pos, groups) == _spans(ref, t, pos, groups), (t[:60], pos)


@pytest.mark.parametrize("rx", [f[0] for f in FORMS], ids=[f[0].pattern[:24] for f in FORMS])
def test_opens_with_a_class_or_literal(rx):
    try:
        from re import _compiler, _parser   # CPython 3.11+: what the engine searches for first
    except ImportError:
        import sre_compile as _compiler
        import sre_parse as _parser
    p = _parser.parse(rx.pattern, rx.flags)
    flags = p.state.flags
    assert _compiler._get_literal_prefix(p, flags)[0] or _compiler._get_charset_prefix(p, flags)
