"""Conclusion-strength classifier (factcheck/text/strength.py) against Yu et al.'s labelled sentences.

    .venv/bin/python bench/strength_eval.py [--data /work/shared/yu-causal] [--split dev|heldout|all|cv] [--rules]

Yu, Li and Wang (EMNLP 2019), github.com/junwang4/causal-language-use-in-science (GPL-3.0:
the data is read from where it was fetched, never copied into this repository):
3,061 PubMed conclusion sentences labelled 0 no relationship, 1 direct causal, 2 conditional
causal, 3 correlational. Their BioBERT reaches macro-F1 0.88 (5-fold).

The cue lists were tuned by reading the DEV split only (stratified by label, seed 15, 70 %);
the HELDOUT split (the other 30 %) was scored once after the first round (0.742) and once after
the second (0.767): see docs/measurements.md. --split cv scores the classifier fold by fold, as
it is (the rules, or the fitted model: see below); --split all scores the whole set. --errors N
prints misread DEV sentences (never held-out ones).

The English side reads with the fitted model when factcheck/data/strength_model.json exists
(bench/strength_fit.py writes it; it is fitted on ALL 3,061 sentences, so every figure printed
here for it is on its training data). Its honest figure is the cross-validated one of
``bench/strength_fit.py --cv`` (fit on 4 folds, score the 5th). --rules scores the cue rules
alone, whether or not a model is fitted.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.text.strength import LEVELS, classify, model, read_rules  # noqa: E402

DEFAULT_DATA = Path("/work/shared/yu-causal")
CSV_NAME = "pubmed_causal_language_use.csv"
YU_LABELS = {"0": "none", "1": "direct_causal", "2": "conditional_causal", "3": "correlational"}
SEED = 15
DEV_SHARE = 0.7


def load(data: Path) -> list[tuple[str, str]]:
    """(sentence, level) rows of Yu et al.'s CSV."""
    path = data / CSV_NAME if data.is_dir() else data
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["sentence"], YU_LABELS[r["label"].strip()]) for r in csv.DictReader(f)]


def split(rows: list[tuple[str, str]], seed: int = SEED) -> tuple[list, list]:
    """Stratified dev / held-out split: the same rows every run."""
    rng = random.Random(seed)
    dev, held = [], []
    for level in LEVELS:
        part = [r for r in rows if r[1] == level]
        rng.shuffle(part)
        k = round(len(part) * DEV_SHARE)
        dev += part[:k]
        held += part[k:]
    return dev, held


def folds(rows: list[tuple[str, str]], k: int = 5, seed: int = SEED) -> list[list]:
    """Stratified k folds."""
    rng = random.Random(seed)
    out: list[list] = [[] for _ in range(k)]
    for level in LEVELS:
        part = [r for r in rows if r[1] == level]
        rng.shuffle(part)
        for i, r in enumerate(part):
            out[i % k].append(r)
    return out


def rules_only(sentence: str) -> str:
    return read_rules(sentence, lang="en").level


def scores(rows: list[tuple[str, str]], fn=None) -> dict:
    """Accuracy, macro-F1 and per-level precision / recall / F1 of ``fn`` (default: ``classify``,
    the fitted model when there is one)."""
    fn = fn or (lambda s: classify(s, lang="en"))
    pred = [fn(s) for s, _ in rows]
    out: dict = {"n": len(rows), "accuracy": sum(p == g for p, (_s, g) in zip(pred, rows)) / max(1, len(rows))}
    f1s = []
    for level in LEVELS:
        tp = sum(p == level and g == level for p, (_s, g) in zip(pred, rows))
        npred = sum(p == level for p in pred)
        ngold = sum(g == level for _s, g in rows)
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[level] = (p, r, f, ngold)
        f1s.append(f)
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["confusion"] = Counter((g, p) for p, (_s, g) in zip(pred, rows))
    return out


def show(name: str, sc: dict) -> None:
    print(f"{name}: n={sc['n']} accuracy={sc['accuracy']:.3f} macro-F1={sc['macro_f1']:.3f}")
    for level in LEVELS:
        p, r, f, n = sc[level]
        print(f"  {level:<19} P={p:.3f} R={r:.3f} F1={f:.3f} (n={n})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="directory (or the CSV) of Yu et al.'s data")
    ap.add_argument("--split", choices=["dev", "heldout", "all", "cv"], nargs="*",
                    default=["dev", "heldout", "cv", "all"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N misclassified DEV sentences")
    ap.add_argument("--rules", action="store_true", help="the cue rules alone, even when a model is fitted")
    a = ap.parse_args(argv)
    path = a.data / CSV_NAME if a.data.is_dir() else a.data
    if not path.exists():
        print(f"no data at {path}: fetch github:junwang4/causal-language-use-in-science and put "
              f"data/{CSV_NAME} there", file=sys.stderr)
        return 2
    rows = load(a.data)
    dev, held = split(rows)
    fitted = model() is not None and not a.rules
    fn = (lambda s: classify(s, lang="en")) if fitted else rules_only
    what = ("the fitted model (factcheck/data/strength_model.json, fitted on all 3,061 sentences: "
            "TRAINING DATA; its cross-validated figure: bench/strength_fit.py --cv)" if fitted else "the cue rules")
    print(f"classifier: {what}")
    if "dev" in a.split:
        show(f"dev split (seed {SEED}, {DEV_SHARE:.0%})", scores(dev, fn))
    if "heldout" in a.split:
        show("held-out split", scores(held, fn))
    if "cv" in a.split:
        fs = [scores(f, fn)["macro_f1"] for f in folds(rows)]
        print(f"5-fold ({'scored per fold, NOT refitted: training data' if fitted else 'nothing fitted: the rules scored per fold'}): macro-F1 "
              + " ".join(f"{x:.3f}" for x in fs) + f" mean={sum(fs) / len(fs):.3f}")
    if "all" in a.split:
        show("all 3,061 sentences", scores(rows, fn))
    if a.errors:
        bad = [(s, g, fn(s)) for s, g in dev if fn(s) != g]
        for s, g, p in bad[: a.errors]:
            print(f"[{g} -> {p}] {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
