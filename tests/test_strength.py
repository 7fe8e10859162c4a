"""Conclusion strength (factcheck/text/strength.py): Yu et al.'s four levels, English and Chinese."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from factcheck.text import strength
from factcheck.text.strength import CueFileError, classify, read, stronger, validate

ROOT = Path(__file__).resolve().parents[1]
YU_DATA = Path("/work/shared/yu-causal")
# macro-F1 of the rules on all 3,061 sentences when they were recorded (docs/measurements.md)
RECORDED_MACRO_F1 = 0.792


@pytest.mark.parametrize("sentence, level", [
    ("Coffee intake was associated with lower mortality.", "correlational"),
    ("Higher intake may be associated with lower risk.", "correlational"),     # a hedge keeps the kind
    ("Exercise may reduce the risk of falls.", "conditional_causal"),
    ("The treatment appears to improve sleep quality.", "conditional_causal"),
    ("The drug reduces blood pressure.", "direct_causal"),
    ("The intervention led to weight loss.", "direct_causal"),
    ("Further studies are needed.", "none"),
    ("The prevalence was high in this population.", "none"),
    ("与对照组相比，该指标与死亡风险有关。", "correlational"),
    ("规律运动可能降低跌倒风险。", "conditional_causal"),
    ("该疗法可降低血压。", "direct_causal"),
    ("X导致了Y。", "direct_causal"),
    ("有待进一步研究。", "none"),
    ("这可使心脏病风险降低三分之一。", "direct_causal"),          # an agent: 使
    ("吸烟导致肺癌风险增加。", "direct_causal"),
    ("与对照相比，每天运动的人风险降低了40%。", "correlational"),  # a change reported, no agent
    ("长期饮用或增加患病风险。", "conditional_causal"),            # 或 as a hedge before a verb
    ("使用该药后血压降低。", "direct_causal"),                     # 使用 is not 使
])
def test_levels(sentence, level):
    assert classify(sentence) == level


@pytest.mark.parametrize("sentence, level", [
    ("X was not associated with Y.", "correlational"),
    ("The treatment did not reduce mortality.", "direct_causal"),
    ("补充剂没有降低骨折风险。", "direct_causal"),
    ("饮茶与认知下降无关。", "correlational"),
])
def test_negation_keeps_the_kind_and_is_reported(sentence, level):
    """Yu et al.'s annotators label the kind of relationship spoken of; ``negated`` says the
    paper found none, so a verdict can tell the two apart."""
    r = read(sentence)
    assert (r.level, r.negated) == (level, True)


def test_purpose_clause_is_no_claim():
    assert classify("Efforts to reduce waiting times were described.") == "none"


def test_language_is_guessed_and_cue_quoted():
    r = read("运动可能降低风险")
    assert r.hedged and "可能" in r.cue


def test_order():
    assert stronger("direct_causal", "correlational") and not stronger("none", "correlational")


def test_misspelt_cue_list_is_an_error():
    with pytest.raises(CueFileError, match="unknown cue list 'assocation'"):
        validate({"en": {"assocation": ["linked"]}})
    with pytest.raises(CueFileError, match="unknown key 'engl'"):
        validate({"engl": {}})
    with pytest.raises(CueFileError, match="bad pattern"):
        validate({"zh": {"modal": ["("]}})


def test_bundled_cues_name_no_topic():
    """The cue file is grammar: none of the glossary's topic terms stands in it as a cue."""
    import yaml

    data = yaml.safe_load((Path(strength.__file__).parent.parent / "data" / strength.CUE_FILE).read_text("utf-8"))
    cues = {p.lower() for lang in ("en", "zh") for v in data[lang].values() for p in v}
    for topic in ("coffee", "diabetes", "obesity", "cancer", "vitamin", "咖啡", "糖尿病", "肥胖", "癌"):
        assert not any(topic in c for c in cues), topic


needs_yu = pytest.mark.skipif(
    not (YU_DATA / "pubmed_causal_language_use.csv").exists(),
    reason="Yu et al.'s sentences are not at /work/shared/yu-causal (fetch "
           "github:junwang4/causal-language-use-in-science; GPL-3.0, kept outside the repo)")


def _bench(name: str):
    sys.path.insert(0, str(ROOT / "bench"))
    return __import__(name)


@needs_yu
def test_macro_f1_on_yu_et_al():
    """The cue rules alone (what reads English when no model is fitted)."""
    strength_eval = _bench("strength_eval")
    sc = strength_eval.scores(strength_eval.load(YU_DATA), strength_eval.rules_only)
    assert sc["macro_f1"] >= RECORDED_MACRO_F1 - 0.01


# 5-fold cross-validated macro-F1 of the fitted model (bench/strength_fit.py --cv;
# docs/measurements.md): the mean of the per-fold figures, and the fold figures
RECORDED_CV_MACRO_F1 = 0.806
RECORDED_CV_FOLDS = (0.829, 0.800, 0.795, 0.819, 0.786)
# sha256 of `bench/strength_fit.py --limit 300 --out FILE`: the fit is deterministic
RECORDED_SAMPLE_SHA256 = "330e969b46ebb1be9f5f6459beecb67a544c49b8e34104b115013169ff209d19"


@needs_yu
@pytest.mark.slow
def test_cross_validated_macro_f1_of_the_fitted_model():
    """Fit on 4 folds (vocabulary included), score the 5th: issue 15's target is 0.80. ~10 s."""
    strength_fit = _bench("strength_fit")
    per_fold, table = strength_fit.cross_validate(strength_fit.load(YU_DATA))
    assert [round(x, 3) for x in per_fold] == pytest.approx(RECORDED_CV_FOLDS, abs=0.002)
    assert sum(per_fold) / len(per_fold) == pytest.approx(RECORDED_CV_MACRO_F1, abs=0.001)
    assert sum(per_fold) / len(per_fold) >= 0.80


@needs_yu
def test_fitting_script_reproduces_the_weights(tmp_path):
    strength_fit = _bench("strength_fit")
    import hashlib

    out = tmp_path / "m.json"
    assert strength_fit.main(["--data", str(YU_DATA), "--limit", "300", "--out", str(out)]) == 0
    assert hashlib.sha256(out.read_bytes()).hexdigest() == RECORDED_SAMPLE_SHA256


def _tiny_model(tmp_path, favour: str) -> Path:
    """A weights file that reads every sentence as ``favour``."""
    import json

    bias = [10.0 if lvl == favour else 0.0 for lvl in strength.LEVELS]
    p = tmp_path / "tiny.json"
    p.write_text(json.dumps({"levels": list(strength.LEVELS), "bias": bias, "features": ["w:the"],
                             "weights": [[0.0, 0.0, 0.0, 0.0]]}), encoding="utf-8")
    return p


@pytest.fixture
def model_env(monkeypatch):
    def use(value: str):
        monkeypatch.setenv("FACTCHECK_STRENGTH_MODEL", value)
        strength._model.cache_clear()
    yield use
    monkeypatch.undo()
    strength._model.cache_clear()


def test_english_reads_with_the_model_chinese_with_the_rules(tmp_path, model_env):
    model_env(str(_tiny_model(tmp_path, "none")))
    assert strength.model() is not None
    assert classify("The drug reduces blood pressure.") == "none"
    assert classify("该疗法可降低血压。") == "direct_causal"          # the Chinese side: cues only
    assert strength.read_rules("The drug reduces blood pressure.").level == "direct_causal"


def test_the_model_keeps_the_rules_negation(tmp_path, model_env):
    model_env(str(_tiny_model(tmp_path, "direct_causal")))
    r = read("X was not associated with Y.")
    assert (r.level, r.negated) == ("direct_causal", True)


def test_without_weights_english_is_the_rules(model_env):
    model_env("none")
    assert strength.model() is None
    for s in ("The drug reduces blood pressure.", "Further studies are needed.", "X may reduce Y."):
        assert read(s) == strength.read_rules(s)


def test_features_name_words_pairs_and_cues():
    f = strength.features("Exercise may reduce falls in 120 adults.")
    assert {"w:exercise", "b:may reduce", "w:0", "s:reduc", "r:conditional_causal", "c:modal",
            "c:conditional"} <= set(f)


# ---------------------------------------------------------------- wired into summarize and the verdict

ABSTRACT = """Title: Habitual tea drinking and later memory decline: a prospective cohort
Journal: Test Journal
Year: 2024

Objective: To examine whether habitual tea drinking relates to memory decline.
Methods: In a prospective cohort of 5120 adults followed for 10 years, we recorded tea drinking.
Results: Memory decline occurred in 410 participants.
Conclusions: Habitual tea drinking was associated with a lower risk of memory decline. Further trials are needed.
"""


def _draft(tmp_path, text=ABSTRACT):
    from factcheck.papers.implicit import load_paper

    p = tmp_path / "abstract.txt"
    p.write_text(text, encoding="utf-8")
    return load_paper(str(p))


def test_summarize_drafts_the_conclusion_level_and_its_sentence(tmp_path):
    s = _draft(tmp_path)
    assert s.conclusion.level == "correlational"
    assert s.conclusion.sentence.startswith("Habitual tea drinking was associated")


def test_curated_summaries_without_the_field_keep_none(store):
    assert all(s.conclusion.level is None for s in (store.get(i) for i in store.summaries) if s and s.curated)


def _check_with_paper(store, tmp_path, article: str, abstract: str = ABSTRACT):
    from factcheck.core.config import Config
    from factcheck.ingest.reader import article_from_text
    from factcheck.pipeline import check
    from factcheck.papers.summaries import Store

    (tmp_path / "refs").mkdir()
    st = Store.load(tmp_path / "refs")
    s = _draft(tmp_path, abstract)
    st.add(s)
    return check(article_from_text(article, "<test>"), st, Config(), papers=[s.id])


def test_direct_claim_over_a_correlational_conclusion_quotes_it(store, tmp_path):
    r = _check_with_paper(store, tmp_path, "这项研究发现，每天喝茶降低了记忆衰退的风险。\n")
    causal = [o for o in r.overstatements if o.category == "causal"]
    assert causal, [o.message for o in r.overstatements]
    assert any("associated with a lower risk" in (o.paper_wording or "") for o in causal)


def test_the_rule_is_fc216_and_says_what_the_paper_claims(store, tmp_path):
    r = _check_with_paper(store, tmp_path, "这项研究发现，每天喝茶降低了记忆衰退的风险。\n")
    o = [x for x in r.overstatements if x.rule == "FC216"]
    assert o and "两者相关" in o[0].message and "associated with a lower risk" in o[0].message


def test_not_over_a_randomised_trial(store, tmp_path):
    trial = ABSTRACT.replace("In a prospective cohort of 5120 adults followed for 10 years, we recorded tea drinking.",
                             "5120 adults were randomly assigned to tea or placebo in a double-blind trial.")
    r = _check_with_paper(store, tmp_path, "这项研究发现，每天喝茶降低了记忆衰退的风险。\n", trial)
    assert not [x for x in r.overstatements if x.rule == "FC216"]


def test_not_when_the_article_hedges(store, tmp_path):
    r = _check_with_paper(store, tmp_path, "这项研究发现，每天喝茶可能降低了记忆衰退的风险。\n")
    assert not [x for x in r.overstatements if x.rule == "FC216"]
