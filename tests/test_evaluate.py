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


def test_a_surface_inside_a_longer_row_s_surface_is_found_at_its_own_occurrence():
    lines = ["研究发现,18-45岁时的LE8得分越高,45岁后患心血管疾病的风险越低。"]
    spans = locate([{"line": 1, "surface": "18-45岁"}, {"line": 1, "surface": "45岁"}], lines)
    ln = lines[0]
    assert ln[spans[0].start:spans[0].end] == "18-45岁"
    assert ln[spans[1].start:spans[1].end + 1] == "45岁后"        # not the 45岁 of the range
    spans = locate([{"line": 1, "surface": "45岁"}], lines)       # no longer row: the first occurrence
    assert spans[0].start == ln.index("45岁")
