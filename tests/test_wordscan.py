"""One-scan word finding (factcheck.wordscan), the GC pause around a check, and the per-object cache."""

import gc
import re

from factcheck.gcpause import paused
from factcheck.wordscan import WordIndex, overlapping


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
    from factcheck.objcache import ObjectCache

    built = []
    cache = ObjectCache(lambda obj, extra: built.append(obj) or (obj[0], extra), limit=2)
    a, b, c = ["a"], ["b"], ["c"]
    assert cache(a, 1) == ("a", 1) and cache(a, 1) == ("a", 1) and built == [a]
    assert cache(b, 2) == ("b", 2)
    assert cache(c, 3) == ("c", 3)          # past the limit: emptied, then c kept
    assert cache(a, 1) == ("a", 1) and built == [a, b, c, a]
    cache._hits[id(c)] = (["other"], "stale")   # a recycled id(): the stored object differs
    assert cache(c, 3) == ("c", 3)
