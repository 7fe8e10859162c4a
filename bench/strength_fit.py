"""Fit the English conclusion-strength model (factcheck/text/strength.py, ``Model``) on Yu et al.'s sentences.

    python bench/strength_fit.py [--data /work/shared/yu-causal] [--out factcheck/data/strength_model.json]
    python bench/strength_fit.py --cv          # 5-fold cross-validated figures only, writes nothing

A multinomial logistic regression (softmax, L2, class weights balanced so the rare conditional
causal level counts as much as the others), fitted by full-batch gradient descent with Adam for a
fixed number of steps from zero weights: numpy only, no randomness beyond the fold split (seed
15), so the same data gives the same file (weights rounded to 5 decimals; ``sha256`` of the
written file is printed). Features: ``factcheck.text.strength.features`` (words, word pairs, the cue
rules' outputs); the vocabulary is the features seen ``--min-count`` times in the rows fitted on,
so in cross-validation it is built inside each fold from its four training folds only.

Yu, Li and Wang (EMNLP 2019), github.com/junwang4/causal-language-use-in-science, GPL-3.0. This
project is MIT: the fitted weights are derived from GPL-3.0 data, so they are not shipped in the
repository; this script fits them where the data was fetched (factcheck/data/.gitignore keeps
the file out of git). Without them factcheck reads English with the cue rules alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from factcheck.text.strength import LEVELS, MODEL_FILE, Model, features, model_from_json  # noqa: E402
from strength_eval import CSV_NAME, DEFAULT_DATA, SEED, folds, load, split  # noqa: E402

L2 = 1.0          # per-sample-averaged loss + L2 / n * |W|^2 / 2
STEPS = 150
LR = 0.05
MIN_COUNT = 2
ROUND = 5
SOURCE = "github.com/junwang4/causal-language-use-in-science, data/" + CSV_NAME


def fit(feats: list[list[str]], labels: list[str], *, min_count: int = MIN_COUNT, l2: float = L2,
        steps: int = STEPS, lr: float = LR) -> Model:
    """A Model fitted on these rows only (vocabulary included)."""
    count: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            count[f] = count.get(f, 0) + 1
    vocab = sorted(f for f, c in count.items() if c >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    n, nf, k = len(feats), len(vocab), len(LEVELS)
    rows, cols = [], []
    for i, fs in enumerate(feats):
        for f in fs:
            j = index.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    ri, fi = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    y = np.array([LEVELS.index(lab) for lab in labels])
    onehot = np.zeros((n, k))
    onehot[np.arange(n), y] = 1.0
    freq = onehot.sum(0)
    cw = (n / (k * np.maximum(freq, 1)))[y]          # balanced class weights, per row
    w = np.zeros((nf, k))
    b = np.zeros(k)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        z = np.empty((n, k))
        for c in range(k):
            z[:, c] = np.bincount(ri, weights=w[fi, c], minlength=n) + b[c]
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        g = (p - onehot) * cw[:, None] / n
        gw = np.empty_like(w)
        for c in range(k):
            gw[:, c] = np.bincount(fi, weights=g[ri, c], minlength=nf)
        gw += l2 / n * w
        gb = g.sum(0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        corr = np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        w -= lr * corr * mw / (np.sqrt(vw) + eps)
        b -= lr * corr * mb / (np.sqrt(vb) + eps)
    w, b = np.round(w, ROUND), np.round(b, ROUND)
    keep = np.abs(w).max(1) > 0
    return Model({f: tuple(float(x) for x in w[j]) for j, f in enumerate(vocab) if keep[j]},
                 tuple(float(x) for x in b), {})


def f1_table(pred: list[str], gold: list[str]) -> dict:
    """macro-F1 and per-level (P, R, F1, n)."""
    out: dict = {}
    f1s = []
    for lvl in LEVELS:
        tp = sum(p == lvl == g for p, g in zip(pred, gold))
        np_, ng = pred.count(lvl), gold.count(lvl)
        pr, rc = (tp / np_ if np_ else 0.0), (tp / ng if ng else 0.0)
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[lvl] = (pr, rc, f, ng)
        f1s.append(f)
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["accuracy"] = sum(p == g for p, g in zip(pred, gold)) / max(1, len(gold))
    return out


def cross_validate(rows: list[tuple[str, str]], k: int = 5, **kw) -> tuple[list[float], dict]:
    """Fit on k-1 stratified folds (seed 15), score the k-th: the per-fold macro-F1 and the
    table over all out-of-fold predictions."""
    parts = folds(rows, k)
    feats = {s: features(s) for s, _ in rows}
    per_fold, pred_all, gold_all = [], [], []
    for i in range(k):
        train = [r for j, p in enumerate(parts) if j != i for r in p]
        m = fit([feats[s] for s, _ in train], [g for _s, g in train], **kw)
        pred = [m.predict(feats[s]) for s, _ in parts[i]]
        gold = [g for _s, g in parts[i]]
        per_fold.append(f1_table(pred, gold)["macro_f1"])
        pred_all += pred
        gold_all += gold
    return per_fold, f1_table(pred_all, gold_all)


def to_json(m: Model, meta: dict) -> str:
    feats = sorted(m.weights)
    data = {**meta, "levels": list(LEVELS), "bias": list(m.bias), "features": feats,
            "weights": [list(m.weights[f]) for f in feats]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def show(name: str, t: dict) -> None:
    print(f"{name}: accuracy={t['accuracy']:.3f} macro-F1={t['macro_f1']:.3f}")
    for lvl in LEVELS:
        p, r, f, n = t[lvl]
        print(f"  {lvl:<19} P={p:.3f} R={r:.3f} F1={f:.3f} (n={n})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "factcheck" / "data" / MODEL_FILE)
    ap.add_argument("--cv", action="store_true", help="print the 5-fold figures, write nothing")
    ap.add_argument("--heldout", action="store_true", help="fit on the dev split, score the held-out split")
    ap.add_argument("--limit", type=int, default=0, help="fit on the first N rows only (the test's checksum)")
    a = ap.parse_args(argv)
    path = a.data / CSV_NAME if a.data.is_dir() else a.data
    if not path.exists():
        print(f"no data at {path}: fetch github:junwang4/causal-language-use-in-science", file=sys.stderr)
        return 2
    rows = load(a.data)
    if a.cv:
        per_fold, table = cross_validate(rows)
        print("5-fold CV (fit on 4 folds, vocabulary included; score the 5th): macro-F1 "
              + " ".join(f"{x:.3f}" for x in per_fold) + f" mean={sum(per_fold) / len(per_fold):.3f}")
        show("out-of-fold predictions, all 3,061", table)
    if a.heldout:
        dev, held = split(rows)
        m = fit([features(s) for s, _ in dev], [g for _s, g in dev])
        show("fitted on dev, scored on held-out", f1_table([m.predict(features(s)) for s, _ in held],
                                                          [g for _s, g in held]))
    if a.cv or a.heldout:
        return 0
    if a.limit:
        rows = rows[: a.limit]
    m = fit([features(s) for s, _ in rows], [g for _s, g in rows])
    meta = {
        "what": "factcheck conclusion-strength model (English): multinomial logistic regression, "
                "fitted by bench/strength_fit.py",
        "data": SOURCE, "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "rows": len(rows),
        "licence": "fitted on GPL-3.0 data (Yu, Li and Wang, EMNLP 2019); not distributed with factcheck",
        "params": {"l2": L2, "steps": STEPS, "lr": LR, "min_count": MIN_COUNT, "round": ROUND, "seed": SEED},
    }
    text = to_json(m, meta)
    model_from_json(json.loads(text))      # loads back
    a.out.write_text(text, encoding="utf-8")
    print(f"{a.out}: {len(m.weights)} features, {len(text.encode()) / 1e6:.2f} MB, "
          f"sha256 {hashlib.sha256(text.encode()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
