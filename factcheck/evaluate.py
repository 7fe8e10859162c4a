"""``factcheck eval``: the pipeline measured against the hand-written gold in tests/gold/.

Mentions: a predicted mention counts when its span overlaps the gold span on the same line
and its value agrees (one-to-one, greedy). Verdicts: the verdict given to the mention that
matches each gold row. Overstatements: a gold row is found when a reported overstatement
overlaps its words on that line; traps (flag: false) that fire are false alarms.
"""

from __future__ import annotations

import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from factcheck.text.sentences import LineIndex
from factcheck.ingest.reader import strip_readings

ARTICLE_DIR = "corpus"
PAPER_DIR = "corpus/papers"


@dataclass
class GoldSpan:
    row: dict
    line: int
    start: int      # column offsets within the line
    end: int


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(l) for l in path.read_text("utf-8").splitlines() if l.strip()]


def _gold_rows(path: Path) -> list[dict]:
    """A gold file's rows; a set written by several annotators keeps one file each
    (verdicts_da.jsonl, verdicts_db.jsonl ...) and they are read together."""
    if path.exists():
        return _read_jsonl(path)
    return [r for p in sorted(path.parent.glob(f"{path.stem}_*{path.suffix}")) for r in _read_jsonl(p)]


def _gold_docs(path: Path):
    """(doc, rows, file path) for each document of a gold file: the document is looked for
    beside the gold file (a held-out set keeps its articles there, a real set in articles/),
    then in the corpus."""
    by_doc = defaultdict(list)
    for r in _gold_rows(path):
        by_doc[r["doc"]].append(r)
    for doc, rows in sorted(by_doc.items()):
        p = _doc_path(doc, str(path.parent))
        if p:
            yield doc, rows, p


def _doc_path(doc: str, first: Optional[str] = None) -> Optional[str]:
    for d in (first, first and os.path.join(first, "articles"), ARTICLE_DIR, PAPER_DIR):
        if d is None:
            continue
        p = os.path.join(d, doc + ".txt")
        if os.path.exists(p):
            return p
    return None


def locate(rows: list[dict], lines: list[str]) -> list[GoldSpan]:
    """Column spans of gold surfaces: the n-th row with a surface on a line takes its n-th occurrence."""
    seen: Counter = Counter()
    out = []
    for r in rows:
        ln = lines[r["line"] - 1] if 0 < r["line"] <= len(lines) else ""
        # the reader takes a page's pinyin readings out (會導(dǎo)致 → 會導致): so from the surface
        surface = strip_readings(r["surface"])
        key = (r["line"], surface)
        pos = -1
        for _ in range(seen[key] + 1):
            pos = _find_number(ln, surface, pos + 1)
            if pos < 0:
                break
        seen[key] += 1
        if pos < 0:
            pos = ln.find(surface)
        out.append(GoldSpan(r, r["line"], max(pos, 0), max(pos, 0) + len(surface)))
    return _outside_longer(out, lines)


def _outside_longer(spans: list[GoldSpan], lines: list[str]) -> list[GoldSpan]:
    """A surface found inside a longer row's surface on its line (45岁 inside 18-45岁) stands at
    its next occurrence that lies inside none: each row names a number of its own."""
    out = list(spans)
    by_line: dict[int, list[int]] = {}
    for i, g in enumerate(out):
        by_line.setdefault(g.line, []).append(i)
    for idx in by_line.values():
        for i in idx:
            g = out[i]
            others = [out[j] for j in idx if j != i]

            def inside(a: int, b: int) -> bool:
                return any(h.end - h.start > b - a and h.start <= a and b <= h.end for h in others)

            if not inside(g.start, g.end):
                continue
            ln = lines[g.line - 1] if 0 < g.line <= len(lines) else ""
            surface, pos = ln[g.start:g.end], g.start
            while (pos := _find_number(ln, surface, pos + 1)) >= 0:
                if not inside(pos, pos + len(surface)) and all(h.start != pos for h in others):
                    out[i] = GoldSpan(g.row, g.line, pos, pos + len(surface))
                    break
    return out


def _find_number(line: str, surface: str, start: int) -> int:
    """Where ``surface`` stands in ``line`` from ``start`` as the number it is: a surface "3" is
    not the 3 inside 34439, nor "50" the 50 of 1950."""
    pos = line.find(surface, start)
    while pos >= 0 and surface and (
            (surface[0].isdigit() and pos > 0 and (line[pos - 1].isdigit() or line[pos - 1] == "."))
            or (surface[-1].isdigit() and pos + len(surface) < len(line)
                and (line[pos + len(surface)].isdigit()
                     or (line[pos + len(surface)] == "." and line[pos + len(surface) + 1:pos + len(surface) + 2].isdigit())))):
        pos = line.find(surface, pos + 1)
    return pos


def values_agree(a: Any, b: Any) -> bool:
    # a period: the gold's [from, to], the report's ISO 8601 interval "from/to"
    if isinstance(a, str) and "/" in a and isinstance(b, list):
        a = a.split("/")
    if isinstance(b, str) and "/" in b and isinstance(a, list):
        b = b.split("/")
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(values_agree(x, y) for x, y in zip(a, b))
    if isinstance(a, str) or isinstance(b, str):
        return str(a) == str(b)
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def _pred_cols(mentions, text: str):
    starts = LineIndex(text).starts
    return [(m, m.line, m.start - starts[m.line - 1], m.end - starts[m.line - 1]) for m in mentions]


def align(gold: list[GoldSpan], preds, need_value: bool = True):
    """Greedy one-to-one alignment; returns (pairs, unmatched gold, unmatched preds)."""
    by_line = defaultdict(list)
    for p in preds:
        by_line[p[1]].append(p)
    used = set()
    pairs, missed = [], []
    for g in gold:
        best = None
        for p in by_line.get(g.line, []):
            if id(p[0]) in used or not (p[2] < g.end and g.start < p[3]):
                continue
            if need_value and not values_agree(p[0].value, g.row["value"]):
                continue
            best = p
            break
        if best:
            used.add(id(best[0]))
            pairs.append((g, best[0]))
        else:
            missed.append(g)
    extra = [p for p in preds if id(p[0]) not in used]
    return pairs, missed, extra


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def real_papers(gold_dir: Path) -> dict[str, str]:
    """A real set (corpus/real/*): each article's paper, as the abstract file an editor would
    pass with ``check --paper``; empty for a set whose articles cite a reference list."""
    out = {}
    for r in _gold_rows(gold_dir / "sources.jsonl"):
        if r.get("paper"):
            out[r["doc"]] = str(gold_dir / "abstracts" / f"{r['paper']}.txt")
    return out


_DRAFTS: dict[str, Any] = {}


def _analyse(path: str, store, cfg, paper: Optional[str] = None):
    """One article as ``factcheck check`` sees it; with ``paper``, as ``check --paper ABSTRACT``."""
    from factcheck.ingest.reader import read_article
    from factcheck.pipeline import check

    art = read_article(path)
    if not paper:
        return art, check(art, store, cfg)
    from factcheck.papers.implicit import load_paper
    from factcheck.papers.summaries import Store

    if paper not in _DRAFTS:
        _DRAFTS[paper] = load_paper(paper)
    one = Store()
    one.add(_DRAFTS[paper])
    return art, check(art, one, cfg, papers=[_DRAFTS[paper].id])


def eval_mentions(gold_dir: Path, store, cfg, quiet: bool) -> dict:
    from factcheck.text.numbers import extract

    tot = Counter()
    per_kind = defaultdict(Counter)
    per_doc = {}
    misses, false_hits = [], []
    for doc, grows, path in _gold_docs(gold_dir / "mentions.jsonl"):
        is_paper = os.path.normpath(PAPER_DIR) in os.path.normpath(path)
        from factcheck.ingest.reader import read_article

        art = read_article(path)        # decoded as a check decodes it (GB18030, traditional script)
        text = art.text
        lines = text.split("\n")
        if is_paper:
            # papers: extract over the whole text; precision is counted on annotated lines only
            preds = extract(text, norm=art.norm or None)
            scope_lines = {r["line"] for r in grows}
        else:
            # as the pipeline's mentions stage extracts them
            preds = extract(text, [(s.start, s.end) for s in art.body], norm=art.norm or None)
            scope_lines = None
        pc = _pred_cols(preds, text)
        if scope_lines is not None:
            pc = [p for p in pc if p[1] in scope_lines]
        gold = locate(grows, lines)
        pairs, missed, extra = align(gold, pc)
        c = Counter(tp=len(pairs), fp=len(extra), fn=len(missed),
                    ck_tp=sum(1 for g, _ in pairs if g.row.get("checkable", True)),
                    ck_fn=sum(1 for g in missed if g.row.get("checkable", True)))
        per_doc[doc] = (c, is_paper)
        tot += c
        for g, _p in pairs:
            per_kind[g.row["kind"]]["tp"] += 1
        for g in missed:
            per_kind[g.row["kind"]]["fn"] += 1
            misses.append((doc, g.line, g.row["surface"], g.row["kind"], g.row["value"]))
        for p in extra:
            per_kind[p[0].kind]["fp"] += 1
            false_hits.append((doc, p[1], p[0].surface, p[0].kind, p[0].value))
    print("== mentions (span overlap on the same line + value agrees) ==")
    print(f"{'':28}{'P':>7}{'R':>7}{'F1':>7}{'R(chk)':>8}{'gold':>6}{'pred':>6}")
    art = Counter()
    pap = Counter()
    for doc, (c, is_paper) in per_doc.items():
        (pap if is_paper else art).update(c)
        _row(doc, c)
    _row("ARTICLES", art)
    _row("PAPERS", pap)
    _row("ALL", tot)
    print(f"{'by kind':28}{'P':>7}{'R':>7}{'F1':>7}")
    for k, c in sorted(per_kind.items()):
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        print(f"  {k:26}{p:7.3f}{r:7.3f}{f:7.3f}   tp={c['tp']} fp={c['fp']} fn={c['fn']}")
    if not quiet:
        for m in misses:
            print("  MISS  ", *m)
        for m in false_hits:
            print("  FALSE ", *m)
    pa, ra, _ = _prf(art["tp"], art["fp"], art["fn"])
    return {"articles_precision": pa, "articles_recall_checkable": _ck(art), "papers_recall": _prf(pap["tp"], pap["fp"], pap["fn"])[1]}


def _ck(c: Counter) -> float:
    return c["ck_tp"] / (c["ck_tp"] + c["ck_fn"]) if c["ck_tp"] + c["ck_fn"] else 1.0


def _row(name: str, c: Counter) -> None:
    p, r, f = _prf(c["tp"], c["fp"], c["fn"])
    print(f"  {name:26}{p:7.3f}{r:7.3f}{f:7.3f}{_ck(c):8.3f}{c['tp'] + c['fn']:6d}{c['tp'] + c['fp']:6d}")


def eval_verdicts(gold_dir: Path, store, cfg, quiet: bool) -> dict:
    labels = ["supported", "mismatch", "not_in_source", "unresolved_reference", "unattributed", "(missing)"]
    conf = Counter()
    disagreements = []
    papers = real_papers(gold_dir)
    for doc, grows, path in _gold_docs(gold_dir / "verdicts.jsonl"):
        art, rep = _analyse(path, store, cfg, papers.get(doc))
        lines = art.text.split("\n")
        mv = {}
        for c in rep.claims:
            for v in c.mention_verdicts:
                mv[v.mention_id] = (v, c)
        pc = _pred_cols(rep.mentions, art.text)
        for r in grows:
            r.setdefault("value", None)
        gold = locate(grows, lines)
        pairs, missed, _ = align(gold, pc, need_value=False)
        for g, m in pairs:
            got = mv.get(m.id)
            pred = got[0].verdict if got else "(missing)"
            conf[(g.row["verdict"], pred)] += 1
            if pred != g.row["verdict"]:
                disagreements.append((doc, g.line, g.row["surface"], g.row["verdict"], pred,
                                      got[1].message if got else "", g.row.get("why", "")))
        for g in missed:
            conf[(g.row["verdict"], "(missing)")] += 1
            disagreements.append((doc, g.line, g.row["surface"], g.row["verdict"], "(missing)", "", g.row.get("why", "")))
    total = sum(conf.values())
    right = sum(v for (a, b), v in conf.items() if a == b)
    acc = right / total if total else 0.0
    print("== verdicts (per checkable mention) ==")
    print(f"accuracy {acc:.3f} ({right}/{total})")
    short = {"supported": "sup", "mismatch": "mis", "not_in_source": "nis", "unresolved_reference": "unr",
             "unattributed": "una", "(missing)": "miss"}
    print("gold \\ pred  " + "".join(f"{short[l]:>6}" for l in labels))
    for a in labels[:-1]:
        print(f"  {short[a]:10}" + "".join(f"{conf[(a, b)]:6d}" for b in labels))
    mism_caught = conf[("mismatch", "mismatch")]
    mism_total = sum(v for (a, b), v in conf.items() if a == "mismatch")
    bad_support = sum(v for (a, b), v in conf.items()
                      if a in ("not_in_source", "unresolved_reference") and b == "supported")
    print(f"gold mismatches caught: {mism_caught}/{mism_total}; "
          f"gold not_in_source/unresolved called supported: {bad_support}")
    sup_total = sum(v for (a, b), v in conf.items() if a == "supported")
    sup_recall = conf[("supported", "supported")] / sup_total if sup_total else 1.0
    not_in_paper = sum(v for (a, b), v in conf.items() if a != "supported" and b == "supported")
    print(f"supported recall: {sup_recall:.3f} ({conf[('supported', 'supported')]}/{sup_total}); "
          f"numbers not in the paper called supported: {not_in_paper}/{total} "
          f"({not_in_paper / total if total else 0:.1%})")
    if not quiet:
        for d in disagreements:
            print("  DIFF  {} L{} {!r}: gold={} pred={} | {} | gold why: {}".format(*d))
    return {"accuracy": acc, "mismatch_recall": mism_caught / mism_total if mism_total else 1.0,
            "bad_support": bad_support, "supported_recall": sup_recall,
            "not_in_paper_supported": not_in_paper / total if total else 0.0}


def eval_overstatements(gold_dir: Path, store, cfg, quiet: bool) -> dict:
    per_cat = defaultdict(Counter)
    tot = Counter()
    notes = []
    papers = real_papers(gold_dir)
    for doc, grows, path in _gold_docs(gold_dir / "overstatements.jsonl"):
        art, rep = _analyse(path, store, cfg, papers.get(doc))
        lines = art.text.split("\n")
        starts = LineIndex(art.text).starts
        preds = [(o, o.line, o.start - starts[o.line - 1], o.end - starts[o.line - 1]) for o in rep.overstatements]
        gold = locate(grows, lines)
        matched_pred = set()
        for g in gold:
            hits = [p for p in preds if p[1] == g.line and p[2] < g.end and g.start < p[3]]
            cat = g.row["category"]
            if g.row.get("flag", True):
                if hits:
                    tot["tp"] += 1
                    per_cat[cat]["tp"] += 1
                    matched_pred.update(id(h[0]) for h in hits)
                else:
                    tot["fn"] += 1
                    per_cat[cat]["fn"] += 1
                    notes.append(("MISS ", doc, g.line, g.row["surface"], cat, g.row.get("why", "")[:80]))
            elif hits:
                tot["trap_fired"] += 1
                for h in hits:
                    matched_pred.add(id(h[0]))
                    tot["fp"] += 1
                    per_cat[h[0].category]["fp"] += 1
                notes.append(("TRAP ", doc, g.line, g.row["surface"], cat, hits[0][0].message[:80]))
        for p in preds:
            if id(p[0]) not in matched_pred:
                tot["fp"] += 1
                per_cat[p[0].category]["fp"] += 1
                notes.append(("FALSE", doc, p[1], p[0].surface, p[0].category, p[0].message[:80]))
    p, r, f = _prf(tot["tp"], tot["fp"], tot["fn"])
    print("== overstatements ==")
    print(f"precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (tp={tot['tp']} fp={tot['fp']} fn={tot['fn']}, "
          f"traps fired: {tot['trap_fired']})")
    for cat, c in sorted(per_cat.items()):
        cp, cr, cf = _prf(c["tp"], c["fp"], c["fn"])
        print(f"  {cat:16}P {cp:.3f}  R {cr:.3f}   tp={c['tp']} fp={c['fp']} fn={c['fn']}")
    if not quiet:
        for n in notes:
            print("  {} {} L{} {!r} [{}] {}".format(*n))
    return {"precision": p, "recall": r}


def eval_summaries(gold_dir: Path, references: str, quiet: bool) -> dict:
    from factcheck.papers.summarize import recovery_eval

    abstracts = Path("tests/data/abstracts")
    res = recovery_eval(references, str(abstracts))
    print("== summarize: numbers of the curated summaries recovered from the abstract text ==")
    for k, v in res.items():
        if isinstance(v, dict):
            print(f"  {k:22} curated={v.get('curated')} recovered={v.get('recovered')} "
                  f"drafted={v.get('drafted')} invented={v.get('invented')} recall={v.get('recall', 0):.3f}")
    return res


def run_eval(gold_dir: str = "tests/gold", references: str = "references", what: str = "all",
             lang: str = "zh", quiet: bool = False) -> int:
    from factcheck.core.config import Config
    from factcheck.papers.summaries import Store

    gd = Path(gold_dir)
    store = Store.load(references)
    cfg = Config(lang=lang)
    parts = ("mentions", "verdicts", "overstatements", "summaries") if what == "all" else tuple(what.split(","))
    for part in parts:
        if part == "mentions":
            eval_mentions(gd, store, cfg, quiet)
        elif part == "verdicts":
            eval_verdicts(gd, store, cfg, quiet)
        elif part == "overstatements":
            eval_overstatements(gd, store, cfg, quiet)
        elif part == "summaries":
            eval_summaries(gd, references, quiet)
        print()
    return 0
