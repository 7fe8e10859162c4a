"""Sentence and clause splitting on real seed sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.ingest.reader import read_article
from factcheck.core.model import Span
from factcheck.text.sentences import LineIndex, clause_bounds, split_sentences

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "papers").glob("*.txt"))


def sents(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, [Span(0, len(text))])]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_sentences_of_every_seed_slice_the_text(seed):
    art = read_article(str(seed))
    lines = LineIndex(art.text)
    ss = split_sentences(art.text, art.body, lines)
    assert ss
    prev_end = -1
    for s in ss:
        assert art.text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= prev_end
        prev_end = s.end
        assert s.line == art.text.count("\n", 0, s.start) + 1
        assert any(b.start <= s.start and s.end <= b.end for b in art.body)


def test_decimal_points_do_not_end_sentences():
    line = "当胰岛素抵抗指数(HOMA-IR)超过2.41，你在孕早期发生流产的风险，是胰岛素代谢正常女性的2.63倍。"
    assert sents(line) == [line]


def test_one_sentence_per_line_in_wechat_posts():
    text = ("2.63倍，这不是一个轻微的上涨，这意味着风险从基础线陡然飙升。\n"
            "更重要的是，研究发现，风险是阶梯式上升的——HOMA-IR值越高，风险曲线爬得越陡峭。")
    assert sents(text) == text.split("\n")


def test_question_marks_and_halfwidth_question_marks():
    text = "这个数字到底意味着多大的风险?我胎停的主要原因是不是它?我现在就需要管住嘴、迈开腿了吗?"
    assert sents(text) == ["这个数字到底意味着多大的风险?", "我胎停的主要原因是不是它?", "我现在就需要管住嘴、迈开腿了吗?"]


def test_vs_and_p_values_in_a_paper_sentence():
    # corpus/papers/001: "24.11%  vs. 13.77%，P＜0.05" stays one sentence
    s = "结果：IR组早期妊娠丢失率高于非 IR组（24.11%  vs. 13.77%，P＜0.05），但两组活产率及临床妊娠率比较，差异无统计学意义。"
    assert sents(s) == [s]


def test_halfwidth_full_stop_before_han_ends_a_sentence_but_not_an_abbreviation():
    assert sents("如果说临床流产是一场彻底的悲剧，那么生化妊娠就是一场空欢喜.但好在不会对身体产生负面影响。") == [
        "如果说临床流产是一场彻底的悲剧，那么生化妊娠就是一场空欢喜.", "但好在不会对身体产生负面影响。"]
    assert sents("Zhang et al. 发现胰岛素抵抗升高。") == ["Zhang et al. 发现胰岛素抵抗升高。"]
    assert sents("如 e.g. 二甲双胍。") == ["如 e.g. 二甲双胍。"]


def test_closing_quotes_stay_with_their_sentence():
    assert sents("他说：“好。”然后走了。") == ["他说：“好。”", "然后走了。"]


def test_line_index():
    li = LineIndex("a\nbc\n\nd")
    assert [li.line(i) for i in range(7)] == [1, 1, 2, 2, 2, 3, 4]


def test_clause_bounds_keep_brackets_whole():
    text = "胰岛素抵抗指数是最常用的方法，计算方法为(FPG×FINS)/22.5(FINS为空腹胰岛素浓度(mIU/L)，FPG为空腹血糖(mmol/l))。"
    s = split_sentences(text, [Span(0, len(text))])[0]
    a, b = clause_bounds(s, text.index("22.5"))
    clause = text[a:b]
    assert "22.5" in clause and "FPG为空腹血糖" in clause and "最常用" not in clause


def test_clause_bounds_at_the_edges():
    text = "研究纳入91例T2D患者,分别接受UC-MSCs或安慰剂治疗,随访48周:"
    s = split_sentences(text, [Span(0, len(text))])[0]
    assert text[slice(*clause_bounds(s, s.start))] == "研究纳入91例T2D患者,"
    a, b = clause_bounds(s, text.index("48周"))
    assert text[a:b] == "随访48周:"
    assert clause_bounds(s, s.end + 5)[1] == s.end      # out of range: clamp, never raise


def test_empty_and_whitespace_spans():
    assert split_sentences("   \n\n  ", [Span(0, 7)]) == []
    assert split_sentences("abc", []) == []


def test_clause_cuts_match_a_character_by_character_reading():
    import random

    from factcheck.text.sentences import clause_cuts

    def naive(t):
        depth, cuts = 0, [0]
        for i, ch in enumerate(t):
            if ch in "（(【[":
                depth += 1
            elif ch in "）)】]":
                depth = max(0, depth - 1)
            elif depth == 0 and ch in "，,：:；;":
                cuts.append(i + 1)
        return tuple(cuts + [len(t)])

    rng = random.Random(2)
    for _ in range(5000):
        t = "".join(rng.choice("ab，,：:；;（(【[）)】]中") for _ in range(rng.randint(0, 20)))
        assert clause_cuts(t) == naive(t)
