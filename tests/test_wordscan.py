"""One-scan word finding (factcheck.text.wordscan), the GC pause around a check, and the per-object cache."""

import gc
import re
import time

from factcheck.core.gcpause import paused
from factcheck.text.wordscan import WordIndex, overlapping


def _naive(words, text):
    return sorted((i, w) for w in set(words) for i in range(len(text)) if text.startswith(w, i))


def test_every_occurrence_of_every_word_including_overlaps_and_prefixes():
    words = ["所有", "所有代谢指标", "证实", "已证实", "代谢", "指标"]
    text = "研究已证实所有代谢指标都改善；所有人"
    assert sorted(WordIndex(words).occurrences(text)) == _naive(words, text)


def test_occurrences_respect_bounds_and_match_a_naive_scan_on_random_text():
    import random

    rng = random.Random(3)
    words = ["ab", "abc", "b", "bca", "ca", "cab", "a"]
    for _ in range(200):
        text = "".join(rng.choice("abcx") for _ in range(rng.randint(0, 30)))
        assert sorted(WordIndex(words).occurrences(text)) == _naive(words, text)
    assert list(WordIndex(["ab"]).occurrences("abab", 1, 3)) == []
    assert list(WordIndex(["ab"]).occurrences("abab", 1, 4)) == [(2, "ab")]
    assert list(WordIndex([]).occurrences("abc")) == []


def test_overlapping_restarts_inside_a_match():
    assert [m.start() for m in overlapping(re.compile("aa"), "aaaa")] == [0, 1, 2]


def test_gc_pause_restores_the_collector_and_nests():
    # (a check still running on another test's server thread pauses the collector for its call:
    # wait for it to end rather than read its pause as this one's)
    deadline = time.monotonic() + 10
    while not gc.isenabled() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()          # the inner pause leaves it to the outer one
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()          # it was off before: it stays off
    finally:
        gc.enable()


def test_object_cache_builds_once_per_object_and_never_serves_another_objects_value():
    from factcheck.core.objcache import ObjectCache

    built = []
    cache = ObjectCache(lambda obj, extra: built.append(obj) or (obj[0], extra), limit=2)
    a, b, c = ["a"], ["b"], ["c"]
    assert cache(a, 1) == ("a", 1) and cache(a, 1) == ("a", 1) and built == [a]
    assert cache(b, 2) == ("b", 2)
    assert cache(c, 3) == ("c", 3)          # past the limit: emptied, then c kept
    assert cache(a, 1) == ("a", 1) and built == [a, b, c, a]
    cache._hits[id(c)] = (["other"], "stale")   # a recycled id(): the stored object differs
    assert cache(c, 3) == ("c", 3)


def test_required_literals_reads_plain_text_and_groups_of_plain_alternatives():
    from factcheck.text.wordscan import required_literals as req

    assert req("(首次|第一次)(发现|揭示)") == [("首次", "第一次"), ("发现", "揭示")]
    assert req("每周(运动)?\\d+次") == [("每周",), ("次",)]
    assert req("(已经?|终于)(被)?(彻底)?(搞清|弄清)") == [("搞清", "弄清")]
    assert req("[^可]才是[^，。]{0,10}(关键|根本)") == [("才是",), ("关键", "根本")]
    assert req("1\\+1>2") == [("1+1>2",)]
    assert req("无论[^。]{0,30}?(都|均)") == [("无论",), ("都", "均")]
    assert req("a|b") == []                          # nothing is required of both sides
    assert req("(?:ab|cd)ef") == [("ef",)]            # a non-capturing group is not read
    assert req("x(?=y)z") == [("x",), ("z",)]
    assert req("ab*c") == [("a",), ("c",)]            # b may be absent
    assert req("") == []


def test_required_literals_are_in_every_match_of_random_patterns():
    import random

    from factcheck.text.wordscan import required_literals

    rng = random.Random(11)
    atoms = ["a", "b", "ab", "(a|b)", "(ab|c)", "(a|bc)?", "[ab]", "c?", "b+", "(?:a|c)", "\\d", "x{0,2}",
             "(b|ca)+", ".", "(a|b)*"]
    for _ in range(3000):
        pattern = "".join(rng.choice(atoms) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.1:
            pattern += "|" + rng.choice(atoms)
        rx = re.compile(pattern)
        entries = required_literals(pattern)
        for _ in range(20):
            text = "".join(rng.choice("abcx1") for _ in range(rng.randint(0, 12)))
            for m in rx.finditer(text):
                for alts in entries:
                    assert any(a in m.group() for a in alts), (pattern, text, entries)


def test_trie_pattern_matches_the_longest_word_first_alternation():
    import random

    from factcheck.text.wordscan import trie_pattern

    rng = random.Random(7)
    for _ in range(500):
        words = {"".join(rng.choice("ab.c所有") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))}
        flat = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        trie = re.compile(trie_pattern(words))
        for _ in range(10):
            text = "".join(rng.choice("ab.c所有x") for _ in range(rng.randint(0, 15)))
            assert [m.span() for m in overlapping(flat, text)] == [m.span() for m in overlapping(trie, text)]
    assert trie_pattern([]) == ""


def test_trie_pattern_with_latin_whole_words_reads_like_the_loop_it_replaced():
    """Leftmost-longest; an ASCII word must not touch a Latin letter on either side, else a
    shorter word at the same position may stand; non-ASCII words need no such check."""
    import random

    from conftest import leftmost_longest
    from factcheck.text.wordscan import trie_pattern

    rng = random.Random(9)
    for _ in range(600):
        words = {"".join(rng.choice("ab1 中c") for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 8))}
        rx = re.compile(trie_pattern(words, latin_whole_words=True))
        for _ in range(10):
            text = "".join(rng.choice("ab1 中cx") for _ in range(rng.randint(0, 16)))
            assert [(m.start(), m.group()) for m in rx.finditer(text)] == leftmost_longest(words, text), (words, text)


def test_trie_pattern_of_deeply_nested_words_falls_back_to_the_plain_alternation():
    """A word inside a word hundreds deep (a long reference title and its prefixes, found by
    the fuzzer) would nest groups past the regex parser's recursion: the plain alternation,
    longest first, reads the same."""
    from conftest import leftmost_longest
    from factcheck.text.wordscan import trie_pattern

    nested = ["中" * k for k in range(1, 400)]
    long_word = ["研究" * 600]                       # one long chain: a literal, no nesting
    text = "研究" * 700 + "中" * 450 + "x"
    for words, latin in ((nested, False), (nested + ["ab", "abc"], True), (long_word, False)):
        rx = re.compile(trie_pattern(words, latin_whole_words=latin))
        got = [(m.start(), m.group()) for m in rx.finditer(text)]
        want = [(i, w) for i, w in leftmost_longest(words, text)] if latin else None
        if not latin:
            ws = sorted(words, key=len, reverse=True)
            flat = re.compile("|".join(map(re.escape, ws)))
            want = [(m.start(), m.group()) for m in flat.finditer(text)]
        assert got == want


def test_a_trie_of_many_first_characters_is_grouped_and_reads_the_same():
    """Past _DISPATCH_MIN first characters the branches are grouped under look-aheads of their
    first characters (the full lexicon's 955): the matches stay those of the plain trie, with
    Latin whole words or without."""
    import random

    from factcheck.text import wordscan

    rng = random.Random(11)
    alphabet = [chr(0x4e00 + k) for k in range(600)] + list("abcdefgh")
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3))) for _ in range(3000)}
    for latin in (False, True):
        grouped = wordscan.trie_pattern(words, latin)
        old_min, wordscan._DISPATCH_MIN = wordscan._DISPATCH_MIN, 10 ** 9
        try:
            plain = wordscan.trie_pattern(words, latin)
        finally:
            wordscan._DISPATCH_MIN = old_min
        assert "(?=[" in grouped and "(?=[" not in plain
        g, p = re.compile(grouped), re.compile(plain)
        for _ in range(50):
            text = "".join(rng.choice(alphabet + [" "]) for _ in range(rng.randint(0, 40)))
            assert [m.span() for m in overlapping(g, text)] == [m.span() for m in overlapping(p, text)]


def test_literal_spans_are_the_spans_finditer_gives_for_a_plain_alternation():
    import random

    from factcheck.text.wordscan import literal_spans

    rng = random.Random(5)
    for pattern in ("等|团队|课题组", "ab|abc|b", "aa|a", r"C\.I\.|CI|ci", "教授|博士|研究员"):
        rx = re.compile(pattern)
        for _ in range(2000):
            text = "".join(rng.choice("abcCI.等团队课题组教授博士研究员") for _ in range(rng.randint(0, 30)))
            a, b = rng.randint(0, 10), rng.randint(10, 30)
            assert literal_spans(rx, text, a, b) == [m.span() for m in rx.finditer(text, a, b)], (pattern, text)
    assert literal_spans(re.compile("a+|b"), "aab", 0, 3) is None      # not plain words: the regex decides


def test_may_match_is_false_only_where_no_match_can_be():
    import random

    from factcheck.text.wordscan import may_match

    rng = random.Random(7)
    patterns = ["(学者|专家)(们)?(认为|发现)", r"CI|Cl|C\.I\.|区间", "有研究(?<!所有研究)", "一项.{0,3}?(研究|试验)",
                "[ab]c", "(?i)abc", "x|y+"]
    for pattern in patterns:
        rx = re.compile(pattern)
        for _ in range(2000):
            text = "".join(rng.choice(["学者", "专家", "们", "认为", "发现", "所有", "有", "研究", "一项", "试验",
                                       "C", "I", ".", "l", "区间", "a", "b", "c", "A", "x", "y"])
                           for _ in range(rng.randint(0, 8)))
            if rx.search(text):
                assert may_match(rx, text), (pattern, text)
    assert not may_match(re.compile("(学者|专家)认为"), "研究人员发现") and not may_match(re.compile("CI|区间"), "无")
