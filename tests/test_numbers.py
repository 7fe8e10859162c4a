"""factcheck.text.numbers: one case per form, on real sentences of the seed corpus where the
form occurs there (file noted), synthetic sentences otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.text.numbers import extract
from factcheck.text.textnorm import normalize

ROOT = Path(__file__).resolve().parents[1]


def by_surface(text, surface, **kw):
    ms = [m for m in extract(text, **kw) if m.surface == surface]
    assert ms, f"no mention {surface!r} in {[m.surface for m in extract(text)]}"
    return ms[0]


def check(m, **want):
    for k, v in want.items():
        got = getattr(m, k)
        if isinstance(v, float) and isinstance(got, (int, float)):
            assert got == pytest.approx(v), (k, got, v)
        elif isinstance(v, list) and isinstance(got, list) and not any(isinstance(x, str) for x in v):
            assert got == pytest.approx(v), (k, got, v)
        else:
            assert got == v, (k, got, v)


# (text, surface, expected fields) -- real sentences first
CASES = [
    # --- a count before a word for people, with no measure word (test142's first run)
    pytest.param("研究人员分析了数据超过385000成年人(平均年龄43岁)和湿疹。", "385000成年人",
                 dict(kind="count", value=385000, unit="person", qualifier="more_than"), id="people-word"),
    pytest.param("约2000儿童参与了调查。", "2000儿童", dict(kind="count", value=2000, unit="person"),
                 id="people-word-not-a-year"),
    pytest.param("每个类别的患病率均更高(轻度:24.6%对16.2%;中度:14.8对5.7%)", "14.8",
                 dict(kind="percent", value=14.8, unit="%", role="compare_a"), id="the-first-of-two-shares-told-with-dui"),
    pytest.param("研究纳入**500名**患者", "500名", dict(kind="count", value=500, unit="person", checkable=True),
                 id="a-pages-bold-is-no-multiplication"),
    pytest.param("全球几乎1/3男性感染了HPV", "1/3", dict(kind="percent", value=33.33, unit="%", qualifier="approx"),
                 id="a-fraction-before-a-word-for-people-is-a-share"),
    # --- multiplier, 倍 (000)
    pytest.param("当胰岛素抵抗指数(HOMA-IR)超过2.41，你在孕早期发生流产的风险，是胰岛素代谢正常女性的2.63倍。",
                 "2.63倍", dict(kind="multiplier", value=2.63, unit="x", qualifier=None, checkable=True,
                              fold="times", decimals=2), id="times-000"),
    pytest.param("其中，aCL-IgG在生化妊娠患者中的阳性率更是高出5.02倍。",
                 "5.02倍", dict(kind="multiplier", value=5.02, unit="x", fold="increase", checkable=True),
                 id="increase-gaochu-003"),
    pytest.param("免疫球蛋白（剂量范围200 mg/kg至800 mg/kg）能够显著提高临床妊娠率，增幅高达5.14倍。",
                 "5.14倍", dict(kind="multiplier", value=5.14, unit="x", fold="increase",
                              qualifier="as_high_as"), id="increase-zengfu-gaoda-003"),
    pytest.param("干预后风险提高了3倍。", "3倍", dict(kind="multiplier", value=3, fold="increase"),
                 id="increase-tigaole-synthetic"),
    pytest.param("治疗组的缓解率是对照组的两倍。", "两倍", dict(kind="multiplier", value=2, unit="x",
                                                    fold="times"), id="cn-times-synthetic"),
    # --- counts (000, 002, 003, 001)
    pytest.param("根据医院里513位经历过复发性流产女性的病例，以及她们的胰岛素抵抗指数", "513位",
                 dict(kind="count", value=513, unit="person", checkable=True), id="count-wei-000"),
    pytest.param("研究纳入91例T2D患者，分别接受UC-MSCs或安慰剂治疗，随访48周：", "91例",
                 dict(kind="count", value=91, unit="person"), id="count-li-002"),
    pytest.param("这个研究纳入2177名接受新鲜胚胎移植或冷冻胚胎移植的患者，最终导致了952例怀孕，", "2177名",
                 dict(kind="count", value=2177, unit="person"), id="count-ming-003"),
    pytest.param("这个研究纳入2177名接受新鲜胚胎移植或冷冻胚胎移植的患者，最终导致了952例怀孕，", "952例",
                 dict(kind="count", value=952, unit="pregnancy"), id="count-pregnancy-003"),
    pytest.param("邢小燕等对超过一万例中国25-74岁人群胰岛素抵抗的75分位数分析认为超过2.69可诊断为胰岛素抵抗。",
                 "一万例", dict(kind="count", value=10000, unit="person", qualifier="more_than"),
                 id="cn-wan-count-more-than-000"),
    pytest.param("经历≥3次胚胎移植，移植优质胚胎数≥4枚仍未获得成功妊娠者", "≥4枚",
                 dict(kind="threshold", value=4, unit="embryo", qualifier="at_least"), id="embryo-threshold-001"),
    pytest.param("进行了一项为期 5 年的实验，招募三名受试者", "三名",
                 dict(kind="count", value=3, unit="person", checkable=True), id="cn-count-person-004"),
    pytest.param("共纳入1,000例患者。", "1,000例", dict(kind="count", value=1000, unit="person"),
                 id="thousands-ascii-synthetic"),
    pytest.param("共纳入1，000例患者。", "1，000例", dict(kind="count", value=1000, unit="person"),
                 id="thousands-fullwidth-comma-synthetic"),
    pytest.param("全国约有1.5万人参与。", "1.5万人", dict(kind="count", value=15000, unit="person",
                                                qualifier="approx", decimals=1), id="wan-decimal-synthetic"),
    pytest.param("我国糖尿病患者超过一亿人。", "一亿人", dict(kind="count", value=100000000, unit="person",
                                                qualifier="more_than"), id="cn-yi-synthetic"),
    # --- percent (002, 003, 000)
    pytest.param("UC-MSCs组约13.5%的患者在治疗后8–24周实现无胰岛素状态，并在随访期维持。", "13.5%",
                 dict(kind="percent", value=13.5, unit="%", qualifier="approx", decimals=1), id="percent-approx-002"),
    pytest.param("它在容受期会占据免疫军队的70%。", "70%", dict(kind="percent", value=70, unit="%",
                                                     qualifier=None), id="percent-000"),
    pytest.param("出生缺陷率为2.5‰。", "2.5‰", dict(kind="percent", value=2.5, unit="‰"), id="permille-synthetic"),
    pytest.param("有效率为百分之十三点五。", "百分之十三点五", dict(kind="percent", value=13.5, unit="%", decimals=1),
                 id="cn-percent-synthetic"),
    pytest.param("大约三成患者没有症状。", "三成", dict(kind="percent", value=30, unit="%", qualifier="approx"),
                 id="cn-cheng-synthetic"),
    pytest.param("五分之一的人群存在胰岛素抵抗。", "五分之一", dict(kind="percent", value=20, unit="%"),
                 id="cn-fraction-synthetic"),
    pytest.param("阳性率达到２０％。", "２０％", dict(kind="percent", value=20, unit="%"), id="fullwidth-synthetic"),
    # --- ranges (000, 002, 003, 001)
    pytest.param("营养补充为每天补充4100-7500IU的维生素D，这是一个高于日常推荐量(800-2000IU)的治疗或强化剂量",
                 "4100-7500IU", dict(kind="range", value=[4100, 7500], unit="IU"), id="range-iu-000"),
    pytest.param("每周运动3次，每次持续45-60分钟，运动强度保持在4MET的水平", "45-60分钟",
                 dict(kind="range", value=[45, 60], unit="minute"), id="range-minute-000"),
    pytest.param("每公斤体重20毫克的剂量", "20毫克", dict(kind="dose", value=20, unit="mg/kg"), id="per-kg-before"),
    pytest.param("a dose of 10 mg or 20 mg per kilogram per day", "10 mg", dict(kind="dose", value=10, unit="mg/kg"),
                 id="per-kg-shared"),
    pytest.param("每次10毫克/公斤", "10毫克/公斤", dict(kind="dose", value=10, unit="mg/kg"), id="per-kg-slash"),
    pytest.param("静脉注射免疫球蛋白，有研究发现，免疫球蛋白（剂量范围200 mg/kg至800 mg/kg）能够显著提高临床妊娠率",
                 "200 mg/kg至800 mg/kg", dict(kind="range", value=[200, 800], unit="mg/kg"), id="range-unit-both-003"),
    pytest.param("二甲双胍，0.5 g/次，3次/d，疗程 8～12周。", "8～12周",
                 dict(kind="range", value=[8, 12], unit="week"), id="range-tilde-001"),
    pytest.param("也就是说，21至42岁女性的生化流产率不会随着年龄的增加而增加。", "21至42岁",
                 dict(kind="range", value=[21, 42], unit="age"), id="range-zhi-age-003"),
    pytest.param("T细胞在蜕膜白细胞中占比约5%-15%，通过Th1/Th2和Th17/Treg免疫平衡调控母胎界面炎症与耐受", "5%-15%",
                 dict(kind="range", value=[5, 15], unit="%", qualifier="approx"), id="range-percent-003"),
    pytest.param("这项回顾性登记研究纳入301例接受脐带间充质干细胞(UC-MSCs)输注的糖尿病患者，随访6至12个月",
                 "6至12个月", dict(kind="range", value=[6, 12], unit="month"), id="range-month-002"),
    pytest.param("UC-MSCs组约13.5%的患者在治疗后8–24周实现无胰岛素状态", "8–24周",
                 dict(kind="range", value=[8, 24], unit="week"), id="range-endash-002"),
    pytest.param("具体为：21-30岁：10.7%，31-35岁：9.8%，36-40岁：11.5%，41-42岁：13.6%。", "21-30岁",
                 dict(kind="range", value=[21, 30], unit="age"), id="range-hyphen-003"),
    pytest.param("具体为：21-30岁：10.7%，31-35岁：9.8%，36-40岁：11.5%，41-42岁：13.6%。", "9.8%",
                 dict(kind="percent", value=9.8), id="range-then-percent-003"),
    pytest.param("研究者随后对受试者进行了持续 6~10 天的短期干预", "6~10 天",
                 dict(kind="range", value=[6, 10], unit="day"), id="range-spaces-004"),
    pytest.param("随访6到12个月，每次45—60分钟。", "6到12个月", dict(kind="range", value=[6, 12], unit="month"),
                 id="range-dao-synthetic"),
    pytest.param("随访6到12个月，每次45—60分钟。", "45—60分钟", dict(kind="range", value=[45, 60], unit="minute"),
                 id="range-emdash-synthetic"),
    pytest.param("共纳入300余例患者。", "300余例", dict(kind="count", value=300, unit="person", qualifier="more_than"),
                 id="qual-inside-yu-synthetic"),
    pytest.param("每次输注50–100 × 10^6 cells。", "50–100 × 10^6 cells",
                 dict(kind="range", value=[50e6, 100e6], unit="cells"), id="range-sci-synthetic"),
    # --- lists sharing a unit (002)
    pytest.param("UC-MSCs组患者每日胰岛素需求显著低于安慰剂组，在随访9、20、32、48周均表现出更大降幅。", "20",
                 dict(kind="duration", value=20, unit="week", role="list_item"), id="list-item-002"),
    pytest.param("UC-MSCs组患者每日胰岛素需求显著低于安慰剂组，在随访9、20、32、48周均表现出更大降幅。", "48周",
                 dict(kind="duration", value=48, unit="week", role="list_item"), id="list-last-002"),
    # --- comparisons, from/to (001, 002, 003)
    pytest.param("结果：IR组早期妊娠丢失率高于非 IR组（24.11%  vs. 13.77%，P＜0.05）", "24.11%",
                 dict(kind="percent", value=24.11, role="compare_a"), id="vs-a-001"),
    pytest.param("结果：IR组早期妊娠丢失率高于非 IR组（24.11%  vs. 13.77%，P＜0.05）", "13.77%",
                 dict(kind="percent", value=13.77, role="compare_b"), id="vs-b-001"),
    pytest.param("达到主要终点的患者比例更高(UC-MSCs 40%vs安慰剂 9.1%)。", "9.1%",
                 dict(kind="percent", value=9.1, role="compare_b", decimals=1), id="vs-group-name-002"),
    pytest.param("进行250 mg/kg的免疫球蛋白治疗可以显著降低生化妊娠的发生率（28.2% vs. 2.8%）", "28.2%",
                 dict(kind="percent", value=28.2, role="compare_a"), id="vs-003"),
    pytest.param("进行250 mg/kg的免疫球蛋白治疗可以显著降低生化妊娠的发生率（28.2% vs. 2.8%）", "250 mg/kg",
                 dict(kind="dose", value=250, unit="mg/kg"), id="dose-003"),
    pytest.param("6个月随访中，HbA1c从7.77%降至7.52%(p<0.001)，空腹血糖(FBS)呈下降趋势", "7.77%",
                 dict(kind="percent", value=7.77, role="from"), id="from-002"),
    pytest.param("6个月随访中，HbA1c从7.77%降至7.52%(p<0.001)，空腹血糖(FBS)呈下降趋势", "7.52%",
                 dict(kind="percent", value=7.52, role="to"), id="to-002"),
    # --- mean ± SD, median (quartiles), n (%) (001)
    pytest.param("非 IR组（n=138）\n\n34.94±3.47\n\n21.65±3.02\n\n0.50（0.00～1.00）\n", "34.94±3.47",
                 dict(kind="measurement", value=34.94, sd=3.47, decimals=2), id="mean-sd-001"),
    pytest.param("非 IR组（n=138）\n\n34.94±3.47\n\n21.65±3.02\n\n0.50（0.00～1.00）\n", "0.50",
                 dict(kind="measurement", value=0.5, role="median"), id="median-001"),
    pytest.param("非 IR组（n=138）\n\n34.94±3.47\n\n21.65±3.02\n\n0.50（0.00～1.00）\n", "0.00～1.00",
                 dict(kind="interval", value=[0.0, 1.0], role="quartiles"), id="quartiles-001"),
    pytest.param("非 IR组（n=138）\n\n34.94±3.47\n", "n=138",
                 dict(kind="count", value=138, label="n"), id="n-label-001"),
    pytest.param("纳入了 88 例患者，平均年龄(62.4 ± 7.0)岁，", "(62.4 ± 7.0)岁",
                 dict(kind="measurement", value=62.4, sd=7.0, unit="age"), id="mean-sd-unit-004"),
    pytest.param("平均[SD]年龄,52.8[11.8]岁,857名医生自杀", "52.8[11.8]岁",
                 dict(kind="measurement", value=52.8, sd=11.8, unit="age"), id="mean-bracketed-sd-unit"),
    pytest.param("平均年龄为52.8 (11.8) 岁", "52.8 (11.8) 岁",
                 dict(kind="measurement", value=52.8, sd=11.8, unit="age"), id="mean-bracketed-sd-unit-2"),
    pytest.param("早期妊娠丢失率，n（%）\n\n19（13.77 ）\n", "19",
                 dict(kind="count", value=19, role="n"), id="n-pct-count-001"),
    pytest.param("早期妊娠丢失率，n（%）\n\n19（13.77 ）\n", "13.77",
                 dict(kind="percent", value=13.77, unit="%", role="percent"), id="n-pct-percent-001"),
    # --- p-values (001, 002, 004)
    pytest.param("结果：IR组早期妊娠丢失率高于非 IR组（24.11%  vs. 13.77%，P＜0.05）", "P＜0.05",
                 dict(kind="pvalue", value=0.05, qualifier="less_than", label="P"), id="p-fullwidth-001"),
    pytest.param("HbA1c从7.77%降至7.52%(p<0.001)，胰岛素水平下降(p=0.048)，HOMA-IR显著降低(p=0.007)", "p=0.007",
                 dict(kind="pvalue", value=0.007, qualifier=None, label="P", decimals=3), id="p-eq-002"),
    pytest.param("HbA1c从7.77%降至7.52%(p<0.001)，胰岛素水平下降(p=0.048)", "p<0.001",
                 dict(kind="pvalue", value=0.001, qualifier="less_than"), id="p-lt-002"),
    pytest.param("差异无统计学意义（26.79% vs. 30.43%，P=\n\n0.526；38.39% vs. 42.75%， P=0.486）", "P=\n\n0.526",
                 dict(kind="pvalue", value=0.526, qualifier=None), id="p-wrapped-001"),
    pytest.param("两组比较差异无统计学意义(p˃0.05)。", "p˃0.05",
                 dict(kind="pvalue", value=0.05, qualifier="more_than"), id="p-modifier-gt-synthetic"),
    pytest.param("no difference (p = .72).", "p = .72", dict(kind="pvalue", value=0.72, decimals=2),
                 id="p-leading-dot-synthetic"),
    pytest.param("血尿酸降到360微摩尔/升以下(即6毫克/分升)", "6毫克/分升",
                 dict(kind="measurement", value=6, unit="mg/dL"), id="unit-mg-dl-chinese-synthetic"),
    pytest.param("血尿酸降到360微摩尔/升以下(即6毫克/分升)", "360微摩尔/升",
                 dict(kind="measurement", value=360, unit="umol/L"), id="unit-umol-chinese-synthetic"),
    pytest.param("研究纳入 3,500多名60岁及以上的志愿者", "3,500多名",
                 dict(value=3500, qualifier="more_than"), id="more-with-thousands-separator-synthetic"),
    pytest.param("降低了20%(总体 P趋势< .0001 )。", "P趋势< .0001",
                 dict(kind="pvalue", value=0.0001, qualifier="less_than"), id="p-for-trend-synthetic"),
    pytest.param("骨密度上升 0.04 g/cm2 (P = 0.011)，同时发生骨折的风险降低", "P = 0.011",
                 dict(kind="pvalue", value=0.011), id="p-spaces-004"),
    # --- ratio and CI (001, 004)
    pytest.param("校正混杂因素后，IR 仍是早期妊娠丢失的独立危险因素（OR=1.385，95% CI：1.035～\n\n2.508，P＜0.05）",
                 "OR=1.385", dict(kind="ratio", value=1.385, label="OR"), id="or-001"),
    pytest.param("校正混杂因素后，IR 仍是早期妊娠丢失的独立危险因素（OR=1.385，95% CI：1.035～\n\n2.508，P＜0.05）",
                 "95% CI：1.035～\n\n2.508", dict(kind="interval", value=[1.035, 2.508], label="CI"), id="ci-cn-001"),
    pytest.param("IR remained an independent risk factor (OR=\n\n1.385, 95% CI: 1.035-2.508, P＜0.05)",
                 "95% CI: 1.035-2.508", dict(kind="interval", value=[1.035, 2.508], label="CI"), id="ci-en-001"),
    pytest.param("风险比为HR=2.1（95%CI 2.25–28.66%）。", "95%CI 2.25–28.66%",
                 dict(kind="interval", value=[2.25, 28.66], unit="%", label="CI"), id="ci-percent-synthetic"),
    pytest.param("同时发生骨折的风险降低，OR = 0.94 (95%CI，\n0.91~0.98；P = 0.003) [6]。", "OR = 0.94",
                 dict(kind="ratio", value=0.94, label="OR"), id="or-spaces-004"),
    # --- thresholds (000, 001, 002)
    pytest.param("在陈慧教授的研究中，以最低档HOMA-IR≤1.25为基准，当HOMA-IR>2.41时，风险一下子飙升到了最低档的2.63倍",
                 ">2.41", dict(kind="threshold", value=2.41, qualifier="more_than", label="HOMA-IR"), id="thr-gt-000"),
    pytest.param("在陈慧教授的研究中，以最低档HOMA-IR≤1.25为基准，当HOMA-IR>2.41时", "≤1.25",
                 dict(kind="threshold", value=1.25, qualifier="at_most", label="HOMA-IR"), id="thr-le-000"),
    pytest.param("同时根据HOMA-IR指数将患者分为 IR 组（HOMA-IR 指数≥2.14）和非 IR 组", "≥2.14",
                 dict(kind="threshold", value=2.14, qualifier="at_least", label="HOMA-IR"), id="thr-ge-001"),
    pytest.param("达到主要终点(HbA1c<7%且胰岛素用量减少≥50%)的患者比例更高", "<7%",
                 dict(kind="threshold", value=7, unit="%", qualifier="less_than", label="HbA1c"), id="thr-percent-002"),
    pytest.param("复旦大学林金芳教授团队认为，多囊卵巢综合征患者超过1.66可以诊断为胰岛素抵抗。", "1.66",
                 dict(kind="threshold", value=1.66, qualifier="more_than"), id="thr-word-000"),
    pytest.param("炎症水平改善：高炎症亚组患者(hs-CRP ≥1.5 mg/L)在6至12个月随访中", "≥1.5 mg/L",
                 dict(kind="threshold", value=1.5, unit="mg/L", label="hs-CRP", qualifier="at_least"),
                 id="thr-unit-002"),
    # --- units (000, 001, 004)
    pytest.param("每周运动3次，每次持续45-60分钟，运动强度保持在4MET的水平", "4MET",
                 dict(kind="measurement", value=4, unit="MET"), id="unit-met-000"),
    pytest.param("（3）体质量指数＜30 \n\nkg/m²；（4）经宫腔镜或子宫输卵管造影（HSG）证实", "＜30 \n\nkg/m²",
                 dict(kind="threshold", value=30, unit="kg/m2", qualifier="less_than"), id="unit-kgm2-001"),
    pytest.param("IGF-1 每增加 1 个标准差，骨密度上升 0.04 g/cm2 (P = 0.011)", "0.04 g/cm2",
                 dict(kind="measurement", value=0.04, unit="g/cm2"), id="unit-gcm2-004"),
    pytest.param("空腹胰岛素 12.8 μU/mL，葡萄糖输注率3.12 mg/min/kg。", "12.8 μU/mL",
                 dict(kind="measurement", value=12.8, unit="uU/mL"), id="unit-uU-synthetic"),
    pytest.param("空腹胰岛素 12.8 μU/mL，葡萄糖输注率3.12 mg/min/kg。", "3.12 mg/min/kg",
                 dict(kind="measurement", value=3.12, unit="mg/min/kg"), id="unit-mgminkg-synthetic"),
    pytest.param("所有受试者均接受 1500 mg/d 的钙以及 400 IU/d 的维生素 D 治疗。", "400 IU/d",
                 dict(kind="dose", value=400, unit="IU/day"), id="unit-iu-day-004"),
    pytest.param("所有受试者均行 2 h 口服葡萄糖耐量试验", "2 h",
                 dict(kind="duration", value=2, unit="hour"), id="unit-hour-001"),
    pytest.param("入组前 3个月内服用影响性激素代谢或胰岛素作用的药物", "3个月",
                 dict(kind="duration", value=3, unit="month"), id="unit-month-001"),
    pytest.param("一项长达8年的随机对照研究显示", "8年", dict(kind="duration", value=8, unit="year"),
                 id="unit-year-002"),
    pytest.param("患者常在十二周后复查。", "十二周", dict(kind="duration", value=12, unit="week"),
                 id="cn-week-synthetic"),
    # --- frequency (000, 001, 004)
    pytest.param("研究指出，最有效的非药物干预是 每周3次、每次45-60分钟的中等强度运动", "每周3次",
                 dict(kind="frequency", value=3, unit="per_week"), id="freq-weekly-000"),
    pytest.param("最有效的组合方案是：\n每周运动3次，每次持续45-60分钟", "每周运动3次",
                 dict(kind="frequency", value=3, unit="per_week"), id="freq-weekly-verb-000"),
    pytest.param("口服二甲双胍，0.5 g/次，3次/d，疗程 8～12周。", "3次/d",
                 dict(kind="frequency", value=3, unit="per_day"), id="freq-per-day-001"),
    pytest.param("口服二甲双胍，0.5 g/次，3次/d，疗程 8～12周。", "0.5 g/次",
                 dict(kind="dose", value=0.5, unit="g/dose", decimals=1), id="dose-per-dose-001"),
    pytest.param("并对其进行每天两次 rhIGF-1 的皮下注射", "每天两次",
                 dict(kind="frequency", value=2, unit="per_day"), id="freq-cn-004"),
    # --- qualifiers (000, 001, 003, 004)
    pytest.param("无论干预时间短于12周还是长于12周，都能看到显著效果。", "12周",
                 dict(kind="duration", value=12, unit="week", qualifier="less_than"), id="qual-shorter-000"),
    pytest.param("50 岁以上人群骨质疏松症患病率为 19.2%，其中女性为 32.1%", "50 岁",
                 dict(unit="age", value=50, qualifier="more_than"), id="qual-yishang-004"),
    pytest.param("另外，虽然囊胚可以在输卵管着床，但若超过20周并发症风险极高。", "20周",
                 dict(kind="duration", value=20, qualifier="more_than"), id="qual-chaoguo-003"),
    pytest.param("反复种植失败，其发生率约\n\n为 15%[1]。", "15%",
                 dict(kind="percent", value=15, qualifier="approx"), id="qual-yue-wei-001"),
    pytest.param("治疗持续3天左右。", "3天", dict(value=3, unit="day", qualifier="approx"), id="qual-zuoyou-synthetic"),
    pytest.param("将近10%的患者出现不良反应。", "10%", dict(value=10, qualifier="approx"), id="qual-jiangjin-synthetic"),
    pytest.param("至少3次。", "3次", dict(value=3, qualifier="at_least"), id="qual-zhishao-synthetic"),
    pytest.param("不足10例。", "10例", dict(value=10, qualifier="less_than"), id="qual-buzu-synthetic"),
    pytest.param("多达30%的患者。", "30%", dict(value=30, qualifier="as_high_as"), id="qual-duoda-synthetic"),
    pytest.param("40岁以下女性经历≥3次移植失败", "40岁", dict(value=40, unit="age", qualifier="less_than"),
                 id="qual-yixia-001"),
    # --- dates (002, 000, 001)
    pytest.param("2022年5月3日，中国人民解放军总医院牵头在行业期刊《干细胞研究与治疗》上发表了一篇", "2022年5月3日",
                 dict(kind="year_or_date", value="2022-05-03"), id="date-cn-002"),
    pytest.param("Am J Physiol Endocrinol Metab. 2026 Jan 1;330(1):E1-E14.", "2026 Jan 1",
                 dict(kind="year_or_date", value="2026-01-01"), id="date-en-000"),
    pytest.param("在2025年，研究者发表了结果。", "2025年", dict(kind="year_or_date", value="2025"), id="date-year-synthetic"),
    # --- not claims: markers, slogans, prose counts, formula, table refs
    pytest.param("01重新定义风险——2.63倍以往，我们只知道胰岛素抵抗是不好的", "01",
                 dict(kind="other", checkable=False, reason="marker"), id="marker-01-000"),
    pytest.param("①目前实用策略", "①", dict(checkable=False, reason="marker", value=1), id="marker-circled-000"),
    pytest.param("一、什么是胰岛素抵抗？为何是2型糖尿病的“病根”？", "一、",
                 dict(checkable=False, reason="marker", value=1), id="marker-cn-002"),
    pytest.param("1.血糖与胰岛素需求改善", "1.", dict(checkable=False, reason="marker"), id="marker-dot-002"),
    pytest.param("1.1    研究对象", "1.1", dict(checkable=False, reason="marker", value=1.1), id="marker-section-001"),
    pytest.param("两者结合，产生1+1>2的协同效应，运动提升机体利用效率", "1+1>2",
                 dict(checkable=False, reason="slogan"), id="slogan-000"),
    pytest.param("05积极的行动建议基于上面的两个研究，你可以立即开始做三件事：", "三件",
                 dict(kind="count", value=3, checkable=False, reason="prose_count"), id="prose-count-000"),
    pytest.param("最后，养成两个增效习惯。", "两个", dict(value=2, checkable=False, reason="prose_count"),
                 id="prose-count-ge-000"),
    pytest.param("计算方法为(FPG×FINS)/22.5(FINS为空腹胰岛素浓度(mIU/L)，FPG为空腹血糖(mmol/l))。", "22.5",
                 dict(checkable=False, reason="formula"), id="formula-000"),
    pytest.param("差异无统计学意义（均P＞0.05），见表1。", "表1", dict(checkable=False, reason="table_ref", value=1),
                 id="table-ref-001"),
    pytest.param("研究方案经伦理委员会（审批号：2023-1742）审批通过", "2023-1742",
                 dict(checkable=False, reason="code"), id="approval-code-001"),
    # English multiples written with "times" (an abstract's "1.08-times higher risk")
    pytest.param("was associated with 1.08-times (95% CI, 0.75 to 1.55) higher risk", "1.08-times",
                 dict(kind="multiplier", value=1.08, unit="x"), id="en-hyphen-times"),
    pytest.param("had 2.5 times the risk of ESRD", "2.5 times the", dict(kind="multiplier", value=2.5),
                 id="en-times-the"),
    pytest.param("walked 3 times a day", "3 times a day", dict(kind="frequency"), id="en-times-a-day-is-frequency"),
    # English counts of people with words between the number and the people
    pytest.param("We compared 79 AHSCT-treated patients and 1975 patients", "79",
                 dict(kind="count", unit="person", value=79), id="en-count-modified-people"),
    pytest.param("in 5,859,621 historical controls", "5,859,621", dict(kind="count", unit="person"),
                 id="en-count-modified-controls"),
    pytest.param("5 of 20 patients", "5", dict(unit=""), id="en-count-of-is-not-modified-people"),
]


@pytest.mark.parametrize("text,surface,want", CASES)
def test_form(text, surface, want):
    check(by_surface(text, surface), **want)


# --- names with digits are not mentions at all
NAMES = [
    ("随着2型糖尿病(T2D)在中国呈持续上升趋势", ["2型", "T2D"]),
    ("缺乏胰岛素的 I 型糖尿病小鼠和1型糖尿病", ["1型"]),
    ("因为子宫内膜和人类的胎盘上都能发现SIK1基因。", ["SIK1"]),
    ("外周血IL-17水平增加，Th1/Th2比值(如IL-2/IL-10)升高，Th17/Treg失衡", ["IL-17", "IL-2", "IL-10", "Th1", "Th17"]),
    ("降低空腹胰岛素水平冠军是Omega-3联合运动干预。", ["Omega-3"]),
    ("抗β2糖蛋白I抗体IgA(aβ2GPI-IgA)与抗心磷脂抗体IgG", ["β2GPI", "IgG"]),
    ("CKD 2期患者eGFR升高、肌酐下降，HbA1c下降", ["2期", "HbA1c"]),
    ("类胰岛素生长因子1 (IGF-1)是一种单链多肽，胰高血糖素样肽-1与COVID-19", ["因子1", "IGF-1", "肽-1", "COVID-19"]),
    ("采用 SPSS 23.0软件对数据进行统计分析。", ["23.0"]),
    ("研究证实[1]，也有研究[1,2]，以及[11-12]和[8, 27]。", ["1", "2", "11", "12", "8", "27"]),
    ("https://doi.org/10.1186/s13287-022-02848-6 doi: 10.1080/09513590.2020.1807931. PMID: 40416928",
     ["10.1186", "13287", "022", "02848", "6", "09513590", "40416928"]),
    ("本研究已在中国临床试验注册中心完成注册（注册号：ChiCTR2300077976），NCT02302599", ["2300077976", "02302599"]),
    ("（1. 广西南宁市妇幼保健院，南宁    530011；2. 广西医科大学", ["530011"]),
    ("餐后 2 h血糖（2 h PG）和餐后 2 h胰岛素（2 h INS）", ["2 h PG", "2 h INS"]),
    ("miR-19b-3p 与 c3H10T1/2 细胞、CD4+T 细胞、C2C12 成肌细胞、T2DM", ["19", "3", "10", "1", "2", "4", "12"]),
    ("该基因位于 1 号染色体，type 2 diabetes", ["1 号", "2"]),
    ("降低体内外 IGF-\n1 的水平", ["1"]),
    ("血清5-羟色胺与25(OH)D水平", ["5", "25"]),
    ("中国人民解放军总医院（301医院）团队", ["301"]),
]


@pytest.mark.parametrize("text,bad", NAMES)
def test_names_are_not_mentions(text, bad):
    ms = extract(text)
    surfaces = [m.surface for m in ms]
    for b in bad:
        assert not any(b == s or (b in s and s not in ("2 h",)) for s in surfaces), (b, surfaces)
    # nothing at all in these sentences except the 2 h durations and the 1.
    assert all(m.unit == "hour" or m.reason == "marker" for m in ms), surfaces


def test_citation_list_is_not_thousands():
    ms = extract("研究表明1,2，其中26.79%，P=0.5")
    assert [m.surface for m in ms][-2:] == ["26.79%", "P=0.5"]
    assert not any(m.value == 1002 or m.value == 26790 for m in ms)


def test_ci_percent_not_separate():
    ms = extract("（OR=1.385，95% CI：1.035～2.508，P＜0.05）")
    assert [m.kind for m in ms] == ["ratio", "interval", "pvalue"]
    assert not any(m.kind == "percent" for m in ms)


def test_list_group_ids_shared():
    ms = extract("在随访9、20、32、48周均表现出更大降幅")
    assert [m.surface for m in ms] == ["9", "20", "32", "48周"]
    assert len({m.group_id for m in ms}) == 1 and ms[0].group_id


def test_compare_group_ids_shared():
    ms = extract("（UC-MSCs 40%vs安慰剂 9.1%）")
    assert [m.role for m in ms] == ["compare_a", "compare_b"]
    assert ms[0].group_id == ms[1].group_id is not None


def test_spans_offsets_lines_ids():
    text = "标题\n共513位患者。\n参考文献\n[1] 2021 Jan;37(1):61-64."
    body_end = text.index("参考文献")
    ms = extract(text, [(0, body_end)], id_prefix="x")
    assert [m.surface for m in ms] == ["513位"]
    m = ms[0]
    assert (m.id, m.line, text[m.start:m.end]) == ("x1", 2, "513位")


def test_spans_accept_span_objects():
    from factcheck.core.model import Span

    text = "前言12例。正文共513位患者。"
    ms = extract(text, [Span(6, len(text))])
    assert [m.surface for m in ms] == ["513位"]


def test_norm_precomputed_and_traditional():
    text = "這項研究顯示，治療組約有３０％患者對藥物反應良好，隨訪１２個月後，體質量指數與血糖均顯著下降。"
    norm = normalize(text)
    assert norm != text and len(norm) == len(text)
    ms = extract(text, norm=norm)
    assert [(m.surface, m.value, m.unit, m.qualifier) for m in ms] == [
        ("３０％", 30, "%", "approx"), ("１２個月", 12, "month", None)]
    assert [(m.surface, m.unit) for m in extract("隨訪１２週。")] == [("１２週", "week")]


@pytest.mark.parametrize("text", ["1,2.5", "3、≥4枚", "3和P<0.05", "9、二十周", "1,2,3.5,4", "5、6、7"])
def test_combinations_terminate(text):
    """Regression: a list chain that stopped at its first pair used to loop forever."""
    import signal

    def boom(*_):
        raise TimeoutError(text)

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(5)
    try:
        ms = extract(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert all(text[m.start:m.end] == m.surface for m in ms)


def test_huge_numbers_do_not_raise():
    ms = extract("共" + "9" * 15 + "万亿例，" + "1" * 40 + "，2×10^99 cells, P<1e-99")
    assert ms and all(m.surface for m in ms)


@pytest.mark.parametrize("name", ["000_a8adcad3e0149db4", "002_c1d2f2ebb72fd105", "003_b1e2291c355cb6fc"])
def test_seed_articles_invariants(name):
    text = (ROOT / "corpus" / f"{name}.txt").read_text("utf-8")
    ms = extract(text)
    assert ms
    prev = -1
    for i, m in enumerate(ms, 1):
        assert m.id == f"m{i}"
        assert text[m.start:m.end] == m.surface
        assert m.line == text.count("\n", 0, m.start) + 1
        assert m.start >= prev
        prev = m.start


def test_seed_000_key_mentions():
    text = (ROOT / "corpus" / "000_a8adcad3e0149db4.txt").read_text("utf-8")
    body = text[:text.index("全文完")]
    got = {(m.surface, m.kind) for m in extract(body)}
    for want in [("2.63倍", "multiplier"), ("513位", "count"), ("4100-7500IU", "range"), ("4MET", "measurement"),
                 ("800-2000IU", "range"), ("8-12周", "range"), ("70%", "percent"), ("25-74岁", "range"),
                 ("一万例", "count"), ("1+1>2", "other"), (">1", "threshold")]:
        assert want in got, want


def test_design_tiers_and_a_single_count_are_checkable():
    # 000: "按照从低到高分成四档时" (the study's quartiles); 003: "对于仅有一次生化妊娠史的患者"
    m = extract("按照从低到高分成四档时")
    assert [(x.surface, x.value, x.checkable) for x in m] == [("四档", 4, True)]
    m = extract("对于仅有一次生化妊娠史的患者")
    assert [(x.surface, x.value, x.checkable) for x in m] == [("一次", 1, True)]
    assert extract("首先，进行一次关键评估。") == []          # 一次 as "a/once": not a number


def test_english_from_to_is_a_change_and_ranged_from_is_a_range():
    # zang2022 abstract: "rose from 3.12 to 4.76 mg/min/kg"
    m = extract("GIR rose from 3.12 to 4.76 mg/min/kg with UC-MSCs")
    assert [(x.value, x.unit, x.role) for x in m] == [(3.12, "mg/min/kg", "from"), (4.76, "mg/min/kg", "to")]
    m = extract("ages ranged from 21 to 42 years")
    assert [(x.kind, x.value) for x in m] == [("range", [21, 42])]
    assert [x.value for x in extract("Age 36–40y: 11.5%")] == [[36, 40], 11.5]


def test_a_time_point_named_in_english_opens_no_range_of_percents():
    """"fell from 21.0% at age 2 to 6.1% at age 19": 2 is an age, 6.1% a share of its own; a range
    of weeks or of ages stays one."""
    m = extract("fell from 21.0% at age 2 to 6.1% at age 19")
    assert [(x.surface, x.value) for x in m if x.unit == "%"] == [("21.0%", 21.0), ("6.1%", 6.1)]
    assert [x.value for x in extract("at weeks 13 to 16.")] == [[13, 16]]
    assert [x.value for x in extract("between 12 to 15%")] == [[12, 15]]


def test_rewritten_scans_find_what_their_lookbehind_forms_found():
    """_after_nonletter and _cheng stand for regexes that opened with a lookbehind or a
    digit class (which the regex engine tries at every position): same matches."""
    import random
    import re

    from factcheck.text import numbers as N

    soft = N._alt(N._LEX.get("software") or ["SPSS"])
    old_soft = re.compile(rf"(?<![A-Za-z])(?:{soft})(?:[ \t]{{0,2}}(?:version|ver\.?|v\.?))?[ \t]{{0,2}}[vV]?"
                          r"[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}"
                          r"|(?<![A-Za-z])R[ \t]{1,2}(?:version[ \t]{0,2})?[0-9]\.[0-9]{1,2}(?:\.[0-9]{1,2})?")
    old_reg = re.compile(r"(?<![A-Za-z])(?:NCT|ChiCTR|ISRCTN|ACTRN|DRKS|JPRN|KCT|IRCT|CTRI|EudraCT|PROSPERO|CRD)"
                         r"[ \t]{0,2}-?[0-9][0-9\-]{3,30}")
    pieces = ["成", "三", "两", "十", "1", "2", ".", "5", "一", "点", "成绩", "X", "a", " ", "。", "R ", "3.",
              "SPSS", "NCT", "0123", "-", "ver", "v", "GraphPad Prism", "XR", "中"]
    rng = random.Random(5)
    for _ in range(20000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in old_soft.finditer(t)] == [m.span() for m in N._after_nonletter(N._SOFT_RE, t)]
        assert [m.span() for m in old_reg.finditer(t)] == [m.span() for m in N._after_nonletter(N._REG_RE, t)]
        assert [(m.span(), m.group("n")) for m in N._CHENG_RE.finditer(t)] == \
            [(m.span(), m.group("n")) for m in N._cheng(t)]


def test_simple_numeral_table_agrees_with_cn2an():
    """_cn_value reads common numerals from a table to spare a cold check cn2an's import."""
    import cn2an

    from factcheck.text import numbers as N

    def via_cn2an(s):
        for mode in ("normal", "smart"):
            try:
                v = cn2an.cn2an(s, mode)
            except Exception:
                continue
            return int(v) if isinstance(v, float) and v.is_integer() else v
        return None

    assert len(N._SIMPLE_NUMERALS) > 150
    for s, v in N._SIMPLE_NUMERALS.items():
        assert via_cn2an(s) == v, s
        assert type(N._cn_value(s)) is type(via_cn2an(s))
    assert N._cn_value("一百二十三") == 123 and N._cn_value("三点五") == 3.5     # beyond the table


@pytest.mark.parametrize("text, surface, value, qualifier", [
    ("超过一半（52.2%）的胚胎", "一半", 50, "more_than"),
    ("将近一半的患者", "一半", 50, "approx"),
    ("半数患者在48周时达标", "半数", 50, None),
    ("超过三分之一（35%）的周期", "三分之一", 33.33, "more_than"),
    ("服药十年，卵巢癌风险减半", "减半", 50, None),          # halved: a fall by 50%
    ("死亡率減半", "減半", 50, None),
])
def test_fraction_words_are_percentages(text, surface, value, qualifier):
    check(by_surface(text, surface), kind="percent", value=value, qualifier=qualifier)


def test_the_other_half_is_a_spouse():
    assert not extract("她和另一半商量后决定移植")


# a study period is one mention, its value an ISO 8601 interval (001 has the first)
@pytest.mark.parametrize("text, surface, value", [
    ("方法：回顾性分析 2019年 1月至 2022年 2月在柳州市妇幼保健院", "2019年 1月至 2022年 2月", "2019-01/2022-02"),
    ("研究者回顾了一家中心2008年至2012年的病例", "2008年至2012年", "2008/2012"),
    ("2008-2012年间共纳入2177名患者", "2008-2012年", "2008/2012"),
    ("between January 2019 and February 2022 at two centres", "January 2019 and February 2022", "2019-01/2022-02"),
])
def test_a_period_is_one_mention(text, surface, value):
    check(by_surface(text, surface), kind="year_or_date", value=value)


def test_dose_glued_to_a_drug_name_is_a_number_a_gene_name_is_not():
    from factcheck.text.numbers import extract

    assert [(m.surface, m.value) for m in extract("接受tirzepatide10mg、15mg治疗")][:2] == [("10mg", 10), ("15mg", 15)]
    assert [m.surface for m in extract("服用metformin500mg每日")] == ["500mg"]
    assert extract("SIK1基因与IL6水平") == []
    assert extract("Wenhong1,2,4") == []


def test_half_lengths_and_tenths_of_people():
    from factcheck.text.numbers import extract

    got = {m.surface: (m.kind, m.value, m.unit) for m in extract("打针半年后，近八成人仍有保护；随访2年半；治疗一年半后")}
    assert got["半年"] == ("duration", 0.5, "year")
    assert got["八成"][1] == 80
    assert got["2年半"][1] == 2.5 and got["一年半"][1] == 1.5
    assert extract("说了半天") == [] and extract("八成人") == []      # an idiom; eight adults


def test_shu_is_a_few_of_the_rank():
    from factcheck.text.numbers import extract

    got = {m.surface: m.bounds for m in extract("共纳入数百名患者，风险持续数十年，涉及数百万名患者")}
    assert got == {"数百名": [100, 1000], "数十年": [10, 100], "数百万名": [1000000, 10000000]}
    assert extract("分数十分重要") == [] and extract("人数百余") == []


def test_no_range_runs_down_and_an_upper_bound_may_close_an_age_range():
    from factcheck.papers.summarize import draft_summary
    from factcheck.text.numbers import extract

    ms = extract("we randomly assigned 1814 patients to 7 days of antibiotic treatment, and 1794 to 14 days.")
    assert [m.kind for m in ms if m.value == 1794] == ["measurement"]
    assert any(m.kind == "range" and m.value == [10, 20] for m in extract("随访10至20天"))
    s = draft_summary("Methods: We enrolled adolescents (12 to <18 years of age) with obesity.", source="x")
    assert [12.0, 18.0] in [v.value for v in s.stated if v.unit == "age"]


def test_a_line_start_pattern_tried_at_line_starts_is_its_finditer():
    """numbers._line_starts_matching gives what the (?m)^ pattern's own finditer gives."""
    from factcheck.text import numbers as N
    from factcheck.text.textnorm import fold_width
    texts = ["01 第一\n 二、第二\n3.第三 4. 第四\n\n5) 五", "无编号的一行\n  7、七"]
    texts += [fold_width(p.read_text(encoding="utf-8", errors="replace"))
              for p in sorted((ROOT / "corpus" / "real").glob("test1[0-3]*/articles/*.txt"))]
    for t in texts:
        assert [m.span() for m in N._line_starts_matching(N._MARK_LINE_RE, t)] == \
            [m.span() for m in N._MARK_LINE_RE.finditer(t)]


def test_the_patterns_found_in_one_search_are_their_finditers():
    """Each ScanGroup of numbers (digit-first; label- and mark-first) gives each of its patterns
    exactly its own finditer, over made-up lines and real articles."""
    from factcheck.text import numbers as N
    from factcheck.text.textnorm import fold_width
    texts = ["2019年12月3日, 2020-08-25, 2020/8/25, 3 May 2022, 1 776例, 16 万, 1/3的人, 按1:1的比例, "
             "5万4千6百, 邮编100871, 2020-08-25-26",
             "P<0.05, p = 0.001, HR=0.84, OR 1.3, aHR1.04, RR0.9(95%CI), (3) 第三, ;1. 一, ①②, 表2, 图 3, "
             "Fig. 4, Table 1, 注册号: ChiCTR2000029953, 伦理审批号 2020-01, Registration number NCT01234567"]
    texts += [fold_width(p.read_text(encoding="utf-8", errors="replace"))
              for p in sorted((ROOT / "corpus" / "real").glob("test1[0-3]*/articles/*.txt"))]
    for group in N._SCAN_GROUPS:
        assert group.any.pattern.startswith("[")       # each opens with its first class
        for t in texts:
            got = group.hits(t)
            for i, rx in enumerate(group.patterns):
                assert [m.span() for m in got[i]] == [m.span() for m in rx.finditer(t)], rx.pattern[:40]


def test_a_scan_groups_first_class_holds_every_first_character():
    """first_class reads what a pattern can open with through groups, branches, optional parts and
    lookarounds, and gives up (None) where it cannot say: a group of such patterns still finds
    each of its patterns' matches, through the slower form."""
    import re
    from factcheck.text.scangroup import ScanGroup, first_class
    assert first_class(re.compile(r"(?:ab|c[de])x")) == "[ac]"
    assert first_class(re.compile(r"(?<![0-9])(?P<y>1[89]|20)")) == "[12]"
    assert first_class(re.compile(r"x?y")) == "[xy]"
    assert first_class(re.compile(r"(?:x{0,2})?[0-9]")) == "[0-9x]"
    assert first_class(re.compile(r"\d+")) is None              # a category is not read
    assert first_class(re.compile(r"[^a]b")) is None             # nor a negated class
    assert first_class(re.compile(r"a?")) is None                # a pattern that can match nothing
    assert first_class(re.compile(r"abc", re.I)) is None
    group = ScanGroup((re.compile(r"\d+%"), re.compile(r"风险[0-9]+")))
    text = "风险12, 30%, 风险4与5%"
    got = group.hits(text)
    assert [m.group() for m in got[0]] == ["30%", "5%"] and [m.group() for m in got[1]] == ["风险12", "风险4"]


def test_a_p_value_named_with_what_it_tests_after_value_is_a_p_value():
    """"P value for trend <0.001", as abstracts write it: the test named after "value" too."""
    for text, value in (("(0.68, 95% CI 0.57 to 0.80, P value for trend <0.001)", 0.001),
                        ("P values for trend < 0.01", 0.01), ("P-value for interaction = 0.02", 0.02)):
        ps = [m for m in extract(text) if m.kind == "pvalue"]
        assert [m.value for m in ps] == [value], text


def test_once_after_a_period_or_a_bound_is_a_frequency():
    """每月一次, 每周少于一次: 一 with a classifier is a count after 每月/每年 as after 每天/每周, and
    after a bound (少于, 不到) as after 至少; 这是一次尝试 stays prose."""
    for text, unit in (("每月一次", "per_month"), ("每年一次", "per_year"), ("每周少于一次", "per_week")):
        ms = extract(text)
        assert [(m.kind, m.value, m.unit) for m in ms] == [("frequency", 1, unit)], text
    assert not extract("这是一次尝试")


def test_more_than_n_times_is_an_open_multiple():
    """4倍多 is more than four times, [4, 5): the 多 is part of it (not 2倍多数人, where 多数 is a
    word), and after a verb of increase it keeps that reading."""
    (m,) = extract("安眠药会使死亡的风险增至4倍多。")
    assert (m.surface, m.value, m.bounds, m.qualifier, m.fold) == ("4倍多", 4, [4, 5], "more_than", "times")
    (m,) = extract("死亡风险增加一倍多，住院风险上升")
    assert (m.surface, m.bounds, m.fold) == ("一倍多", [1, 2], "increase")
    assert [m.surface for m in extract("两倍多数人")] == ["两倍"]


def test_a_fraction_after_a_verb_of_change_is_a_share():
    """增加1/3, 降低了1/2: the size of a change; 时间为1/3至 is no share a word announces."""
    assert [(m.surface, m.value, m.kind) for m in extract("早亡的几率会增加1/3。")] == [("1/3", 33.33, "percent")]
    assert [(m.surface, m.kind) for m in extract("血压降低了1/2")] == [("1/2", "percent")]
    assert all(m.kind != "percent" for m in extract("时间为1/3至"))


def test_an_age_told_as_a_gap_is_a_number_of_years():
    """年轻11岁, 比他大5岁: a difference of ages, in years; 最小56岁 and 平均年龄81岁 stay ages."""
    for text in ("能够让大脑年轻11岁！", "比最少组年輕11歲。", "比他大5岁"):
        (m,) = extract(text)
        assert (m.unit, m.kind) == ("year", "duration"), text
    for text in ("（最小56岁）", "平均年龄81岁", "小于65岁"):
        (m,) = extract(text)
        assert m.unit == "age", text


def test_a_number_past_any_year_a_study_tells_before_a_noun_of_people_is_a_count():
    """2095 incident lung cancer cases: no study is dated 2095; 2019 stays a year where it may be one."""
    ms = extract("During follow-up (mean 12.8 years), 2095 incident lung cancer cases were diagnosed.")
    assert [(m.kind, m.value, m.unit) for m in ms if m.value == 2095] == [("count", 2095, "person")]
    ms = extract("From 2019 onwards, 1995 incident cases occurred")
    assert all(m.kind == "year_or_date" for m in ms)
