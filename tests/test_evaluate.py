"""The scorer: gold rows find the numbers they name on their line."""

from factcheck.evaluate import locate


def test_a_bare_number_is_not_found_inside_a_longer_one():
    lines = ["研究人员对34439名医生随访了50年，在60、50、40和30岁戒烟的人，寿命延长3、6、9和10年。"]
    rows = [{"line": 1, "surface": s} for s in ("3", "50", "50", "6")]
    spans = locate(rows, lines)
    ln = lines[0]
    assert ln[spans[0].start:spans[0].start + 2] == "3、"        # not the 3 of 34439
    assert ln[spans[1].start:spans[1].start + 3] == "50年"
    assert ln[spans[2].start:spans[2].start + 3] == "50、"
    assert ln[spans[3].start - 1] == "、"                          # the 6 of the list
