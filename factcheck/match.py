"""Claims and verdicts: does the cited paper state this number for this thing?

A number that merely occurs somewhere in the paper is not support: a mention is matched to a
finding only when the finding's measure is named near it (keywords, glossary synonyms), the
group agrees where both sides name one, and the unit is compatible after conversion. Then
the value is compared with a tolerance set by the article's own precision (statcheck's habit:
the paper's value is always printed next to the article's), and near misses are diagnosed:
doubled or halved, groups swapped, digits transposed, another time point, 提高了X倍 misread.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from factcheck.config import Config
from factcheck.glossary import load_glossary
from factcheck.model import (Article, Attribution, Claim, Evidence, Mention, MentionVerdict,
                             Sentence, SEVERITY_RANK)
from factcheck.sentences import clause_bounds
from factcheck.summaries import Finding, Store, Summary, Value

VERDICT_RANK = {"mismatch": 4, "not_in_source": 3, "unresolved_reference": 2, "supported": 1, "unattributed": 0}
PUBLISH_WORDS = re.compile(r"发表|刊发|发布|出版|刊登|published|上线")


@lru_cache(maxsize=1)
def messages() -> dict:
    import yaml

    return yaml.safe_load((Path(__file__).parent / "data" / "messages.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def conversions() -> dict:
    import yaml

    return yaml.safe_load((Path(__file__).parent / "data" / "conversions.yaml").read_text("utf-8"))


# ---------------------------------------------------------------- numbers

def tolerance(m: Mention) -> float:
    """Half a unit in the last digit the article wrote; wider for 约/近 (approximate)."""
    tol = 0.5 * 10 ** (-max(0, m.decimals)) + 1e-9
    if m.qualifier == "approx":
        tol = max(tol * 10, 0.0)
    return tol


def convert(value: float, from_unit: str, to_unit: str) -> Optional[float]:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when not convertible."""
    if from_unit == to_unit:
        return value
    f = _unit_factor(from_unit)
    t = _unit_factor(to_unit)
    if f and t and f[0] == t[0]:
        return value * f[1] / t[1]
    pair = conversions().get("pairs", {}).get(f"{from_unit}->{to_unit}")
    return value * pair if pair else None


def _unit_factor(unit: str):
    for dim, table in conversions().get("dimensions", {}).items():
        if unit in table:
            return dim, float(table[unit])
    return None


def _as_list(v) -> list[float]:
    return [float(x) for x in v] if isinstance(v, list) else [float(v)]


def _fmt(x: Any) -> str:
    if isinstance(x, list):
        return "–".join(_fmt(y) for y in x)
    if isinstance(x, float):
        return f"{x:.6g}"
    return str(x)


def _digits(x: str) -> str:
    return re.sub(r"\D", "", x)


def transposed(a: str, b: str) -> bool:
    """Same digits, two adjacent ones swapped (2.14 vs 2.41 counts, as editors see it)."""
    da, db = _digits(a), _digits(b)
    if len(da) != len(db) or da == db or sorted(da) != sorted(db):
        return False
    diff = [i for i in range(len(da)) if da[i] != db[i]]
    return len(diff) == 2


# ---------------------------------------------------------------- candidate values

@dataclass
class Cand:
    finding: Optional[Finding]
    value: Any              # float | [lo, hi] | ISO string
    unit: str
    kind: str               # percent | count | ratio | pvalue | interval | date | ...
    group: Optional[str]
    timepoint: Optional[str]
    label: Optional[str]
    qualifier: Optional[str] = None
    relevance: float = 0.0

    def describe(self, s: Summary, lang: str) -> str:
        gnames = s.groups.get(self.group or "", [])
        gtxt = gnames[0] if gnames else (self.group or "")
        unit = {"%": "%", "x": "倍" if lang == "zh" else "×", "person": "例" if lang == "zh" else " people"}.get(
            self.unit, f" {self.unit}" if self.unit else "")
        val = _fmt(self.value)
        if self.kind == "pvalue":
            q = {"less_than": "<", "more_than": ">"}.get(self.qualifier or "", "=")
            head = f"P{q}{val}"
        elif self.kind == "interval":
            head = f"95% CI {val}{unit}"
        else:
            head = f"{val}{unit}"
        where = [x for x in (gtxt, self.timepoint, self.finding.measure if self.finding else None) if x]
        return f"{head}（{'，'.join(where)}）" if lang == "zh" and where else (
            f"{head} ({', '.join(where)})" if where else head)


def _candidates(s: Summary) -> list[Cand]:
    out: list[Cand] = []
    for f in s.findings:
        for v in f.values:
            kind = v.kind or ("percent" if v.unit == "%" else "count" if v.unit == "person" else "measurement")
            out.append(Cand(f, v.value, v.unit, kind, v.group, v.timepoint, v.label, v.qualifier))
        if f.p:
            q, num = _parse_p(f.p)
            if num is not None:
                out.append(Cand(f, num, "", "pvalue", None, None, "p", q))
        if f.ci:
            out.append(Cand(f, list(f.ci), "", "interval", None, None, "ci"))
    if s.population.n:
        out.append(Cand(None, float(s.population.n), s.population.unit, "count", None, None, "n"))
    for g, n in s.population.groups.items():
        out.append(Cand(None, float(n), s.population.unit, "count", g, None, "n"))
    if s.published:
        out.append(Cand(None, s.published, "", "date", None, None, "published"))
    elif s.year:
        out.append(Cand(None, str(s.year), "", "date", None, None, "published"))
    return out


def _parse_p(p: str) -> tuple[Optional[str], Optional[float]]:
    m = re.match(r"\s*([<>≤≥=]?)\s*(\d*\.?\d+)", p.replace("＜", "<").replace("＞", ">"))
    if not m:
        return None, None
    q = {"<": "less_than", ">": "more_than", "≤": "at_most", "≥": "at_least"}.get(m.group(1))
    return q, float(m.group(2))


# ---------------------------------------------------------------- context

@dataclass
class Context:
    clause: str
    sentence: str
    previous: str
    group: Optional[str]


def _finding_terms(f: Finding) -> list[str]:
    gl = load_glossary()
    words = set(f.keywords)
    words |= {t for g in gl.groups_in(f.measure + " " + f.text) for t in gl.groups[g]}
    return sorted(gl.expand(words), key=len, reverse=True)


def relevance(f: Optional[Finding], ctx: Context, cache: dict) -> float:
    """How clearly the article's words name this finding's measure near the number."""
    if f is None:
        return 1.0
    terms = cache.get(f.id)
    if terms is None:
        terms = cache[f.id] = [t.lower() for t in _finding_terms(f) if len(t) >= 2]
    cl, se, pr = ctx.clause.lower(), ctx.sentence.lower(), ctx.previous.lower()
    score = 0.0
    for t in terms:
        if t in cl:
            score = max(score, 2.0)
        elif t in se:
            score = max(score, 1.0)
        elif t in pr:
            score = max(score, 0.5)
    return score


def _group_of(m: Mention, sentence: Sentence, norm: str, s: Summary, pair: list[Mention]) -> Optional[str]:
    if not s.groups:
        return None
    names = sorted(((n, g) for g, ns in s.groups.items() for n in ns if n), key=lambda x: -len(x[0]))
    cs, _ce = clause_bounds(sentence, m.start)
    before = norm[cs:m.start]
    hits = []
    for n, g in names:
        for mm in re.finditer(re.escape(n), before, re.I):
            if not any(a <= mm.start() < b for a, b, _ in hits):
                hits.append((mm.start(), mm.end(), g))
    hits.sort()
    if m.role in ("compare_a", "compare_b") and pair:
        first = min(pair, key=lambda x: x.start)
        between = [h for h in hits if h[0] + cs >= first.end]
        if not between and m is not first:
            distinct = []
            for h in hits:
                if not distinct or distinct[-1] != h[2]:
                    distinct.append(h[2])
            if len(distinct) >= 2:
                return distinct[-2] if m.role == "compare_a" else distinct[-1]
    return hits[-1][2] if hits else None


# ---------------------------------------------------------------- comparing

def _compatible(m: Mention, c: Cand) -> bool:
    if m.kind == "year_or_date":
        return c.kind == "date"
    if c.kind == "date":
        return False
    if m.kind == "pvalue":
        return c.kind == "pvalue"
    if c.kind == "pvalue":
        return False
    if m.kind == "interval":
        return c.kind == "interval" or isinstance(c.value, list)
    if m.kind == "multiplier":
        return c.kind == "ratio" or c.label in ("OR", "RR", "HR", "ratio") or c.unit in ("x", "%")
    if m.kind == "ratio":
        return c.kind == "ratio" or c.label in ("OR", "RR", "HR")
    if c.kind in ("ratio",) and m.kind not in ("multiplier", "ratio", "measurement"):
        return False
    mu, cu = m.unit or "", c.unit or ""
    if mu == cu:
        return True
    if m.kind in ("count",) and mu in ("person", "case", "") and cu in ("person", "case", ""):
        return True
    return convert(1.0, cu, mu) is not None


def _paper_in_article_units(m: Mention, c: Cand) -> Optional[Any]:
    """The candidate's value expressed the way the article expresses it."""
    if c.kind == "date":
        return c.value
    if m.kind == "multiplier":
        if c.unit == "%" and c.label in ("increase", "change"):
            return [1 + x / 100 for x in _as_list(c.value)] if isinstance(c.value, list) else 1 + float(c.value) / 100
        return c.value
    if isinstance(c.value, list):
        conv = [convert(x, c.unit, m.unit) if m.unit else x for x in c.value]
        return None if None in conv else conv
    if not m.unit or not c.unit or m.unit == c.unit:
        return float(c.value)
    return convert(float(c.value), c.unit, m.unit)


def _equal(m: Mention, paper: Any) -> bool:
    tol = tolerance(m)
    if m.kind == "year_or_date":
        a, b = str(m.value), str(paper)
        return b.startswith(a) or a.startswith(b)
    mv = m.value
    if isinstance(mv, list) and isinstance(paper, list):
        return all(abs(x - y) <= tol for x, y in zip(mv, paper))
    if isinstance(mv, list) or isinstance(paper, list):
        return False
    x, v = float(mv), float(paper)
    if m.kind == "pvalue":
        return abs(x - v) <= tol
    if m.qualifier in ("more_than", "at_least") and m.kind not in ("threshold",):
        return v >= x - tol
    if m.qualifier in ("less_than", "at_most") and m.kind not in ("threshold",):
        return v <= x + tol
    return abs(x - v) <= tol or (m.qualifier == "approx" and abs(x - v) <= 0.05 * abs(v))


def _fold_value(m: Mention) -> Any:
    """提高了X倍 means X+1 times."""
    if m.kind == "multiplier" and m.fold == "increase" and isinstance(m.value, (int, float)):
        return float(m.value) + 1
    return m.value


# ---------------------------------------------------------------- judging

def judge_mention(m: Mention, ctx: Context, s: Summary, cands: list[Cand], pair_group: dict,
                  lang: str, rel_cache: dict) -> MentionVerdict:
    scored = []
    for c in cands:
        if not _compatible(m, c):
            continue
        pv = _paper_in_article_units(m, c)
        if pv is None:
            continue
        rel = 2.0 if c.kind == "date" and PUBLISH_WORDS.search(ctx.sentence) else relevance(c.finding, ctx, rel_cache)
        if c.kind == "date" and rel < 2.0:
            continue
        scored.append((rel, c, pv))
    mv = m.value
    m_eff = Mention(**{**m.__dict__, "value": _fold_value(m)})
    # 1. the same measure (and group, where both name one) states the same number → supported
    same = [(r, c, pv) for r, c, pv in scored if r >= 1.0 and _equal(m_eff, pv)
            and (ctx.group is None or c.group is None or c.group == ctx.group)]
    if same:
        r, c, pv = max(same, key=lambda t: (t[0], c_group_bonus(t[1], ctx)))
        return MentionVerdict(m.id, "supported", pv, c.finding.id if c.finding else None, rule="FC101",
                              note=c.describe(s, lang))
    relevant = [(r, c, pv) for r, c, pv in scored if r >= 1.0]
    if relevant:
        best_r = max(r for r, _, _ in relevant)
        top = [(r, c, pv) for r, c, pv in relevant if r == best_r]
        # same value in the other group of this finding: swapped groups
        for r, c, pv in top:
            if ctx.group and c.group and c.group != ctx.group and _equal(m_eff, pv):
                right = [t for t in top if t[1].finding is c.finding and t[1].group == ctx.group
                         and t[1].timepoint == c.timepoint]
                paper = right[0] if right else (r, c, pv)
                return _mismatch(m, paper, s, lang, "FC107")
        # same value at another time point of this finding
        for r, c, pv in top:
            if _equal(m_eff, pv) and ctx.group and c.group == ctx.group:
                return _mismatch(m, (r, c, pv), s, lang, "FC112")
        in_group = [t for t in top if ctx.group is None or t[1].group in (None, ctx.group)]
        # a fold/ratio misreading: 提高了X倍 where the paper's ratio is X
        if m.kind == "multiplier" and m.fold == "increase":
            for r, c, pv in in_group:
                if isinstance(pv, float) and abs(float(mv) - pv) <= tolerance(m):
                    return _mismatch(m, (r, c, pv), s, lang, "FC110")
        if in_group and m.kind not in ("year_or_date",):
            r, c, pv = _closest(m_eff, in_group)
            rule = "FC102"
            if isinstance(pv, float) and isinstance(m_eff.value, (int, float)) and pv:
                ratio = float(m_eff.value) / pv
                if abs(ratio - 2) < 0.05 or abs(ratio - 0.5) < 0.025:
                    rule = "FC106"
                elif transposed(m.surface, _fmt(pv)):
                    rule = "FC108"
            if _same_kind_of_number(m, c):
                return _mismatch(m, (r, c, pv), s, lang, rule)
    # the number occurs, but for another measure: never support
    other = [(r, c, pv) for r, c, pv in scored if r < 1.0 and _equal(m_eff, pv)]
    if other:
        r, c, pv = other[0]
        return MentionVerdict(m.id, "not_in_source", None, c.finding.id if c.finding else None,
                              rule="FC111", note=c.describe(s, lang))
    held = sorted({c.describe(s, lang) for r, c, pv in relevant})[:4]
    return MentionVerdict(m.id, "not_in_source", None, None, rule="FC103",
                          note=("；" if lang == "zh" else "; ").join(held) if held else None)


def c_group_bonus(c: Cand, ctx: Context) -> int:
    return 1 if ctx.group and c.group == ctx.group else 0


def _same_kind_of_number(m: Mention, c: Cand) -> bool:
    """A mismatch needs the two numbers to be the same sort of thing (a rate vs a rate)."""
    if m.kind == "pvalue" or c.kind == "pvalue":
        return m.kind == c.kind
    if m.kind in ("threshold",) or c.label == "threshold":
        return m.kind == "threshold" and c.label == "threshold"
    if c.label in ("n",) or c.kind == "count":
        return m.kind == "count"
    if m.kind == "count":
        return c.kind == "count"
    return True


def _closest(m: Mention, items):
    def dist(t):
        pv = t[2]
        if isinstance(pv, list) or isinstance(m.value, list):
            return 1e18
        try:
            return abs(float(m.value) - float(pv))
        except (TypeError, ValueError):
            return 1e18
    return min(items, key=dist)


def _mismatch(m: Mention, t, s: Summary, lang: str, rule: str) -> MentionVerdict:
    r, c, pv = t
    note = c.describe(s, lang)
    return MentionVerdict(m.id, "mismatch", pv, c.finding.id if c.finding else None, rule=rule, note=note)


# ---------------------------------------------------------------- claims

def _ref_label(article: Article, idx: Optional[int], s: Optional[Summary]) -> str:
    if idx is None:
        return ""
    if s:
        first = s.authors[0].split()[-1] if s.authors and not re.search(r"[\u4e00-\u9fff]", s.authors[0]) else (
            s.authors[0] if s.authors else s.id)
        return f"[{idx}] {first} {s.year or ''}".strip()
    ref = next((r for r in article.references if r.index == idx), None)
    return f"[{idx}] {(ref.title or ref.raw)[:40] if ref else ''}".strip()


def render(rule: str, lang: str, **kw) -> str:
    tpl = messages()[rule]["zh" if lang != "en" else "en"]
    kw.setdefault("detail", "")
    kw.setdefault("paper", "")
    kw.setdefault("paper_number", "")
    try:
        return tpl.format(**kw)
    except (KeyError, IndexError):
        return tpl


def _detail_for(mv: MentionVerdict, lang: str) -> str:
    if mv.rule == "FC103" and mv.note:
        return (f"；原文该指标为：{mv.note}" if lang == "zh" else f"; for this measure it reports {mv.note}")
    if mv.rule == "FC103":
        return "（摘要未报告该数字）" if lang == "zh" else " (no such number in the summary)"
    return ""


def judge_article(article: Article, sentences: list[Sentence], mentions: list[Mention],
                  attributions: dict[int, Attribution], store: Store, config: Config) -> list[Claim]:
    """One claim per sentence that carries checkable numbers."""
    lang = config.lang
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if not m.checkable:
            continue
        k = bisect.bisect_right(starts, m.start) - 1
        if k >= 0 and m.start < sentences[k].end:
            by_sentence.setdefault(k, []).append(m)
    norm = article.norm or article.text
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.group_id:
            groups.setdefault(m.group_id, []).append(m)
    cand_cache: dict[str, list[Cand]] = {}
    rel_cache: dict = {}
    first_seen: dict[tuple, tuple[MentionVerdict, Optional[int], int]] = {}
    claims: list[Claim] = []
    for k in sorted(by_sentence):
        s = sentences[k]
        att = attributions.get(k) or Attribution(None, "none")
        ms = by_sentence[k]
        ref_idx = att.reference
        ref = next((r for r in article.references if r.index == ref_idx), None) if ref_idx else None
        summ = store.get(ref.summary_id) if ref else None
        prev_text = norm[sentences[k - 1].start:sentences[k - 1].end] if k > 0 else ""
        mvs: list[MentionVerdict] = []
        for m in ms:
            key = (m.kind, m.unit, str(m.value))
            if ref_idx is None:
                earlier = first_seen.get(key)
                if earlier and earlier[1] is not None:
                    e, eref, eline = earlier
                    mvs.append(MentionVerdict(m.id, e.verdict, e.paper_value, e.finding_id,
                                              note=e.note, rule=e.rule))
                    continue
                mvs.append(MentionVerdict(m.id, "unattributed", rule="FC105"))
            elif summ is None or not summ.available:
                mvs.append(MentionVerdict(m.id, "unresolved_reference", rule="FC104",
                                          note=(summ.availability_note if summ else None)))
            else:
                cands = cand_cache.get(summ.id)
                if cands is None:
                    cands = cand_cache[summ.id] = _candidates(summ)
                cs, ce = clause_bounds(s, m.start)
                grp = _group_of(m, s, norm, summ, groups.get(m.group_id or "", []))
                ctx = Context(norm[cs:ce], norm[s.start:s.end], prev_text, grp)
                mvs.append(judge_mention(m, ctx, summ, cands, groups, lang, rel_cache))
            first_seen.setdefault(key, (mvs[-1], ref_idx, s.line))
        claims.append(_claim(article, s, ms, mvs, att, ref_idx, summ, lang, config, len(claims) + 1))
    return claims


def _claim(article, s, ms, mvs, att, ref_idx, summ, lang, config, n) -> Claim:
    worst = max(mvs, key=lambda v: VERDICT_RANK[v.verdict])
    verdict = worst.verdict
    rule = worst.rule or "FC105"
    default_sev = messages()[rule]["severity"]
    severity = config.severity_of(rule, default_sev)
    m = next(x for x in ms if x.id == worst.mention_id)
    ref_label = _ref_label(article, ref_idx, summ)
    if verdict == "unresolved_reference":
        note = f"：{worst.note}" if (worst.note and lang == "zh") else (f": {worst.note}" if worst.note else "")
        msg = render(rule, lang, surface=m.surface, ref=ref_label, detail=note[:120])
    elif verdict == "unattributed":
        msg = render(rule, lang, surface=m.surface)
    elif rule == "FC111":
        msg = render(rule, lang, surface=m.surface, ref=ref_label, paper=worst.note or "",
                     paper_number=_fmt(m.value))
    else:
        msg = render(rule, lang, surface=m.surface, ref=ref_label, paper=worst.note or "",
                     detail=_detail_for(worst, lang) if verdict == "not_in_source" else
                     _ratio_detail(m, worst, lang))
    if verdict == "supported" and len(mvs) > 1:
        msg = render("FC101", lang, surface="、".join(x.surface for x in ms) if lang == "zh" else
                     ", ".join(x.surface for x in ms), paper="；".join(v.note or "" for v in mvs))
    ev = None
    if summ is not None:
        ev = Evidence(summary_id=summ.id, finding_id=worst.finding_id, paper_value=worst.paper_value,
                      paper_text=_finding_text(summ, worst.finding_id))
    return Claim(id=f"c{n}", start=s.start, end=s.end, line=s.line, sentence=s.text,
                 mention_ids=[x.id for x in ms], reference=ref_idx, verdict=verdict, severity=severity,
                 message=msg, rule=rule, evidence=ev, mention_verdicts=mvs, attribution=att)


def _ratio_detail(m: Mention, mv: MentionVerdict, lang: str) -> str:
    if mv.rule != "FC106":
        return ""
    try:
        r = float(m.value) / float(mv.paper_value)
    except (TypeError, ValueError, ZeroDivisionError):
        return ""
    if lang == "zh":
        return "两倍" if r > 1 else "一半"
    return "double" if r > 1 else "half"


def _finding_text(s: Summary, fid: Optional[str]) -> Optional[str]:
    if not fid:
        return None
    f = next((x for x in s.findings if x.id == fid), None)
    return f.text if f else None


def worst_severity(claims: list[Claim]) -> Optional[str]:
    sev = [c.severity for c in claims]
    return max(sev, key=SEVERITY_RANK.__getitem__) if sev else None
