"""The shared data model: what flows between pipeline stages.

Plain dataclasses (no behaviour beyond serialisation) so that every stage, the
renderers, batch workers and Dask can pass them around and pickle them cheaply.
Field names follow ../shared/contracts/report.schema.json where a field is part
of the report; extra fields are ours and are allowed by the contract.

Offsets are always Python ``str`` indices into ``Article.text``, the decoded
article text *before* any normalisation (NFKC, traditional→simplified);
``line`` is 1-based.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any, Optional, Union

SCHEMA_ID = "factcheck.report/1"

# Mention kinds of the report contract.
KINDS = (
    "percent", "multiplier", "range", "count", "dose", "duration", "frequency",
    "threshold", "pvalue", "ratio", "interval", "measurement", "year_or_date", "other",
)
# Qualifier vocabulary (contract lists the first five; as_high_as is ours, for 高达/多达).
QUALIFIERS = ("approx", "more_than", "at_least", "less_than", "at_most", "as_high_as")
VERDICTS = ("supported", "mismatch", "not_in_source", "unresolved_reference", "unattributed")
SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = ("certainty", "causal", "scope", "cure_reversal", "novelty",
              "extrapolation", "advice", "other")

Value = Union[float, int, list, str]


@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass
class Reference:
    """One entry of the article's reference list."""

    index: int                      # 1-based position in the list
    raw: str
    start: int = 0                  # offsets of the entry in Article.text
    end: int = 0
    doi: Optional[str] = None       # lower-cased, no resolver prefix
    pmid: Optional[str] = None
    pmcid: Optional[str] = None
    title: Optional[str] = None
    journal: Optional[str] = None
    year: Optional[int] = None
    authors: list[str] = field(default_factory=list)
    summary_id: Optional[str] = None
    resolved_by: Optional[str] = None   # doi | pmid | pmcid | title | alias | None
    near_miss: Optional[str] = None     # best candidate when unresolved


@dataclass
class Article:
    """A decoded article split into body, reference list and boilerplate."""

    source: str                     # path as given
    text: str                       # decoded text; all offsets point here
    norm: str = ""                  # same length as text: NFKC-per-char + t2s, for matching
    title: Optional[str] = None
    encoding: str = "utf-8"
    extracted_from: str = "text"    # text | markdown | html | docx: which text offsets refer to
    body: list[Span] = field(default_factory=list)          # spans that can carry claims
    reference_span: Optional[Span] = None
    boilerplate: list[Span] = field(default_factory=list)   # disclaimers, share-begging, QR prompts
    references: list[Reference] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)          # input warnings (FC3xx) for the report


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    line: int
    text: str                       # Article.text[start:end]
    paragraph: int = 0              # index of the paragraph (line block) it belongs to


@dataclass(slots=True)
class Mention:
    """A numeric expression. ``value`` is a number, [low, high], or an ISO date string."""

    id: str
    start: int
    end: int
    line: int
    surface: str
    kind: str
    value: Value
    unit: str = ""
    qualifier: Optional[str] = None
    checkable: bool = True
    # --- ours (extra fields allowed by the contract) ---
    label: Optional[str] = None     # statistic/measure label written with it: P, OR, HR, RR, CI, HOMA-IR
    sd: Optional[float] = None      # mean ± SD
    fold: Optional[str] = None      # multiplier semantics: "times" (是X倍) | "increase" (提高了X倍)
    role: Optional[str] = None      # from | to | compare_a | compare_b | list_item | ...
    group_id: Optional[str] = None  # mentions written together (A vs B, from→to, list sharing a unit)
    reason: Optional[str] = None    # why not checkable (marker, slogan, prose_count, ...)
    decimals: int = 0               # digits after the point as written: sets rounding tolerance
    # the interval a reader takes an open quantity to lie in, [low, high): 100多 = [100, 200),
    # 十几万 = [110000, 200000); value stays the written base (100) with its qualifier
    bounds: Optional[list] = None


@dataclass(slots=True)
class Attribution:
    reference: Optional[int]        # 1-based index into Article.references, None when unattributed
    how: str                        # marker | author | team | journal | title | date | topic | carried | heading | single_reference | none
    cue: Optional[str] = None       # the words that attributed it ([1], 陈慧教授团队, 《...》)


@dataclass(slots=True)
class Evidence:
    summary_id: str
    finding_id: Optional[str] = None
    paper_value: Any = None
    paper_text: Optional[str] = None


@dataclass(slots=True)
class MentionVerdict:
    mention_id: str
    verdict: str
    paper_value: Any = None
    finding_id: Optional[str] = None
    note: Optional[str] = None      # rule-level detail: doubled, swapped, transposed, rounding, ...
    rule: Optional[str] = None
    args: Optional[dict] = None     # {"note": ...}, language-neutral: core/messages.py writes ``note``


@dataclass(slots=True)
class Claim:
    id: str
    start: int
    end: int
    line: int
    sentence: str
    mention_ids: list[str]
    reference: Optional[int]
    verdict: str
    severity: str
    message: str
    rule: str = ""
    evidence: Optional[Evidence] = None
    mention_verdicts: list[MentionVerdict] = field(default_factory=list)
    attribution: Optional[Attribution] = None
    args: Optional[dict] = None     # what ``message`` names (core/messages.py writes it from these)


@dataclass(slots=True)
class Overstatement:
    id: str
    start: int
    end: int
    line: int
    surface: str
    category: str
    severity: str
    message: str
    rule: str = ""
    claim_id: Optional[str] = None
    reference: Optional[int] = None
    paper_wording: Optional[str] = None
    context: Optional[str] = None   # assertion | negated | question | quoted | reported
    args: Optional[dict] = None     # what ``message`` names (core/messages.py writes it from these)


@dataclass
class Report:
    source: str
    title: Optional[str]
    references: list[Reference]
    mentions: list[Mention]
    claims: list[Claim]
    overstatements: list[Overstatement]
    stats: dict
    extracted_from: str = "text"
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)
    text: Optional[str] = None      # kept for HTML/Markdown renderers; not serialised to JSON
    suppressed: list[dict] = field(default_factory=list)   # findings silenced by inline directives

    def to_dict(self) -> dict:
        """The JSON report (factcheck.report/1). ``text`` is left out: it can be large."""
        d = {
            "schema": SCHEMA_ID,
            "source": self.source,
            "title": self.title,
            "extracted_from": self.extracted_from,
            "encoding": self.encoding,
            "references": [_clean(_plain(r)) for r in self.references],
            "mentions": [_clean(_plain(m)) for m in self.mentions],
            "claims": [_clean(_plain(c)) for c in self.claims],
            "overstatements": [_clean(_plain(o)) for o in self.overstatements],
            "stats": dict(self.stats),
            "notes": list(self.notes),
            "suppressed": [dict(x) for x in self.suppressed],
        }
        return d

    def worst_severity(self) -> Optional[str]:
        sev = [c.severity for c in self.claims] + [o.severity for o in self.overstatements]
        return max(sev, key=SEVERITY_RANK.__getitem__) if sev else None


def report_from_dict(d: dict) -> Report:
    """A report read back from its JSON (``Report.to_dict``): the article's text is not in it."""
    def claim(c: dict) -> Claim:
        c = dict(c)
        ev, att, mvs = c.pop("evidence", None), c.pop("attribution", None), c.pop("mention_verdicts", [])
        return Claim(**c, mention_verdicts=[MentionVerdict(**v) for v in mvs],
                     evidence=Evidence(**ev) if ev else None, attribution=Attribution(**att) if att else None)

    return Report(source=d["source"], title=d.get("title"), references=[Reference(**r) for r in d.get("references", [])],
                  mentions=[Mention(**m) for m in d.get("mentions", [])], claims=[claim(c) for c in d.get("claims", [])],
                  overstatements=[Overstatement(**o) for o in d.get("overstatements", [])], stats=dict(d.get("stats", {})),
                  extracted_from=d.get("extracted_from", "text"), encoding=d.get("encoding", "utf-8"),
                  notes=list(d.get("notes", [])), suppressed=[dict(x) for x in d.get("suppressed", [])])


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """What ``dataclasses.asdict`` gives for the report's objects (dataclasses, lists, tuples,
    dicts and scalars), without its deep copy of every value: a batch turns each article's
    report into JSON, and asdict took longer than checking the article."""
    t = type(obj)
    if t in _SCALARS:
        return obj
    names = _FIELD_NAMES.get(t)
    if names is None and hasattr(t, "__dataclass_fields__"):
        names = _FIELD_NAMES[t] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if t is list:
        return [_plain(v) for v in obj]
    if t is tuple:
        return tuple(_plain(v) for v in obj)
    if t is dict:
        return {_plain(k): _plain(v) for k, v in obj.items()}
    return copy.deepcopy(obj)


def _clean(d: dict) -> dict:
    """Drop our optional extras when empty so the JSON stays readable."""
    keep = {"qualifier", "doi", "pmid", "pmcid", "title", "journal", "year", "summary_id",
            "reference", "evidence", "claim_id", "paper_wording", "finding_id", "paper_value",
            "paper_text"}
    return {k: v for k, v in d.items() if v is not None or k in keep}
