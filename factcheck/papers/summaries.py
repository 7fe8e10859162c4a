"""Structured summaries of papers (references/*.yaml): schema, loading, validation, lookup.

The schema is a pydantic model so that a broken file is reported as ``file:field: message``
and so it can be published as JSON Schema (``factcheck references schema``). YAML is read
with ``yaml.safe_load`` only: tags that would build Python objects are rejected.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Optional, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.text.doi import normalize_doi   # summaries.normalize_doi: read here by papers and tests

Design = Literal["rct", "single_arm_trial", "cohort", "case_control", "cross_sectional", "registry", "meta_analysis",
                 "review", "animal", "in_vitro", "mixed", "case_report", "other", "unknown"]
Strength = Literal["descriptive", "correlational", "conditional_causal", "causal", "hypothesis"]
Scope = Literal["all", "most", "group_average", "subgroup", "individual"]
ConclusionStrength = Literal["may", "suggests", "associated", "shows", "causes", "unknown"]
# Yu et al.'s levels (factcheck/text/strength.py): what kind of relationship the conclusion claims
ConclusionLevel = Literal["none", "correlational", "conditional_causal", "direct_causal"]

TITLE_MATCH_THRESHOLD = 0.90   # difflib ratio on normalised titles for a fuzzy title match
TITLE_FRAGMENT_MIN_SHARE = 0.6  # a title cut short must keep this share of the stored title
MAX_SUMMARY_BYTES = 2_000_000
# the glossary's groups of the sexes: a draft gives them to results told "in women and men,
# respectively" (summarize), and matching trusts them as it trusts no other machine-read group
SEX_GROUPS = ("women", "men")


def _not_blank(v: str) -> str:
    if not v.strip():
        raise ValueError("must not be empty or blank (an empty name would match every article)")
    return v


# A number a check computes with: NaN and infinity are refused at load (they validated, then
# crashed every article citing the paper). A name a check searches for: never blank.
Num = Annotated[float, Field(allow_inf_nan=False)]
Name = Annotated[str, AfterValidator(_not_blank)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Value(_Strict):
    """One number the paper states, with what it belongs to."""

    # a point, or [low, high]; a period of kind year_or_date as ISO dates ["2015-01", "2016-06"]
    value: Union[float, list[float], list[str]]
    unit: str = ""                              # normalised unit code (see tests/gold/README.md)
    kind: Optional[str] = None                  # percent | ratio | count | measurement | pvalue | ...
    group: Optional[str] = None                 # key of Summary.groups
    timepoint: Optional[str] = None             # "48 weeks", "6 months", "baseline"
    label: Optional[str] = None                 # OR | HR | RR | change | sd | ...
    qualifier: Optional[str] = None             # less_than for p<0.05, ...
    note: Optional[str] = None

    @field_validator("value")
    @classmethod
    def _range_pair(cls, v):
        if isinstance(v, list) and len(v) != 2:
            raise ValueError("a range value must be [low, high]")
        if any(isinstance(x, float) and not math.isfinite(x) for x in (v if isinstance(v, list) else [v])):
            raise ValueError("must be a finite number (not .nan or .inf)")
        if isinstance(v, list) and isinstance(v[0], str):
            import re

            if not all(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", x) for x in v):
                raise ValueError("a period must be two ISO dates: [\"2015-01\", \"2016-06\"]")
        return v


def numbers_of(v: "Value") -> list[float]:
    """The numbers of a value (both ends of a range); none for a period of dates."""
    xs = v.value if isinstance(v.value, list) else [v.value]
    return [float(x) for x in xs if not isinstance(x, str)]


def date_number(year: int, month: int, day: int = 0) -> float:
    """A date as summaries state it ("date_named"): YYYYMMDD, 00 for a day (or a year) not given."""
    return float(year * 10000 + month * 100 + day)


def date_parts(value: float) -> tuple[int, int, int]:
    """(year, month, day) of a ``date_number``."""
    v = int(value)
    return v // 10000, v // 100 % 100, v % 100


def period_spans(s: "Summary") -> list[tuple[float, "Value"]]:
    """How long each study period a draft's abstract states lasted, counted both ways a reader
    counts it (1980-2023 is 43 years, or 44 calendar years), with the period it comes from."""
    # (a period dated to the month, "from December 2022 to March 2023", is no span of whole years;
    # one of many years is, dated or not: "January 1, 1980, and May 30, 2023" is 过去44年)
    return [(span, v) for v in s.stated if v.unit == "period" and isinstance(v.value, list)
            for d in (float(v.value[1]) - float(v.value[0]),) if v.label != "dated" or d >= 5 for span in (d, d + 1)]


class Finding(_Strict):
    id: str
    text: str                                   # the paper's statement, short, in its own words
    measure: str                                # what is measured, in English
    keywords: list[Name] = Field(default_factory=list)   # words (zh/en) that name the measure in articles
    groups: list[str] = Field(default_factory=list)
    values: list[Value] = Field(default_factory=list)
    ci: Optional[list[Num]] = None
    p: Optional[str] = None                     # as written: "<0.05", "0.0081"
    strength: Strength = "descriptive"
    scope: Scope = "group_average"
    significant: Optional[bool] = None
    timepoints: list[str] = Field(default_factory=list)  # when a qualitative finding was observed
    direction: Optional[Literal["increase", "decrease", "none", "mixed"]] = None
    source: Optional[str] = None                # where in the paper: abstract, table 2, ...


class Population(_Strict):
    n: Optional[int] = None
    unit: str = "person"                        # person | cycle | pregnancy | study
    who: str = ""
    species: str = "human"
    condition: Optional[str] = None             # t2d | rpl | ivf | ...
    groups: dict[str, int] = Field(default_factory=dict)


class Conclusion(_Strict):
    text: str = ""
    strength: ConclusionStrength = "unknown"
    # optional, drafted by `factcheck summarize` (a curated file may omit them, and then no
    # check reads them): the strongest relationship the conclusion claims, the sentence that
    # claims it (quoted in messages) and whether it is denied ("was not associated with")
    level: Optional[ConclusionLevel] = None
    sentence: Optional[str] = None
    negated: bool = False


class Summary(_Strict):
    id: str
    doi: Optional[str] = None
    pmid: Optional[str] = None
    pmcid: Optional[str] = None
    title: str
    title_zh: Optional[str] = None
    journal: Optional[str] = None
    journal_aliases: list[Name] = Field(default_factory=list)
    year: Optional[int] = None
    published: Optional[str] = None             # ISO date as far as known
    issue: Optional[str] = None                 # the issue's month (YYYY-MM) a citation gives, when not the day published
    authors: list[Name] = Field(default_factory=list)
    language: str = "en"
    aliases: list[Name] = Field(default_factory=list)     # team leaders, hospitals, Chinese names
    curated: bool = Field(default=False, strict=True)   # a YAML boolean only: "true" is refused
    available: bool = True                      # false: only metadata known, content unavailable
    availability_note: Optional[str] = None
    design: Design = "unknown"
    design_flags: list[str] = Field(default_factory=list)   # randomized, double_blind, retrospective, ...
    species: str = "human"
    population: Population = Field(default_factory=Population)
    groups: dict[str, list[Name]] = Field(default_factory=dict)   # group key -> names used in text
    findings: list[Finding] = Field(default_factory=list)
    # descriptive numbers a draft's abstract states in passing (follow-ups, ages, doses, schedules)
    stated: list[Value] = Field(default_factory=list)
    conclusion: Conclusion = Field(default_factory=Conclusion)
    terms: dict[str, list[Name]] = Field(default_factory=dict)    # bilingual terms
    not_reported: list[Name] = Field(default_factory=list)        # what the record is known not to give
    not_measured: list[Name] = Field(default_factory=list)        # constructs the study did not measure
                                                                 # (words articles use: 卵子质量)
    sources: list[str] = Field(default_factory=list)             # where the summary was read from
    conflicts_of_interest: Optional[str] = None

    @field_validator("doi")
    @classmethod
    def _doi(cls, v):
        return normalize_doi(v) if v else v

    @field_validator("pmid", "pmcid", mode="before")
    @classmethod
    def _ids_as_str(cls, v):
        return str(v) if v is not None else v

    def finding(self, fid: Optional[str]) -> Optional[Finding]:
        """The finding of that id (a verdict names the finding its paper value came from)."""
        return next((f for f in self.findings if f.id == fid), None) if fid else None


# ---------------------------------------------------------------- normalisation



def curated_flag(data: object) -> Optional[bool]:
    """The one reading of ``curated`` (store, summarize, fetch): a YAML boolean, absent meaning
    false; anything else (the string "true", yes in quotes, 1) is None, neither curated nor a
    draft, which the schema refuses and a draft writer never overwrites."""
    if not isinstance(data, dict):
        return None
    v = data.get("curated", False)
    return v if isinstance(v, bool) else None


def normalize_title(title: str) -> str:
    t = unicodedata.normalize("NFKC", title).lower()
    t = re.sub(r"[\W_]+", " ", t)
    return " ".join(t.split())


def _title_weight(t: str) -> int:
    """Length of a normalised title, a CJK character counting twice (it carries about a word)."""
    return len(t) + sum(1 for ch in t if "\u3400" <= ch <= "\u9fff")


# ---------------------------------------------------------------- loading

class SummaryError(Exception):
    """A summary file that could not be loaded; ``problems`` are (field, message)."""

    def __init__(self, path: str, problems: list[tuple[str, str]]):
        self.path = path
        self.problems = problems
        super().__init__("; ".join(f"{path}:{f}: {m}" for f, m in problems))


def load_summary(path: Union[str, Path]) -> Summary:
    """Read and validate one summary file; raise SummaryError naming file and field."""
    import yaml

    from factcheck.core.datafiles import safe_load

    p = str(path)
    try:
        raw = read_regular(p, MAX_SUMMARY_BYTES)
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SummaryError(p, [("-", f"not UTF-8 text ({e.reason} at byte {e.start})")]) from None
    except OSError as e:
        raise SummaryError(p, [("-", f"cannot read: {e.strerror or e}")]) from None
    try:
        data = safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "-"
        msg = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise SummaryError(p, [(where, f"malformed YAML: {msg}")]) from None
    except (ValueError, OverflowError, RecursionError) as e:
        # PyYAML builds dates and numbers itself: 2022-13-45 raises ValueError, not a YAMLError
        raise SummaryError(p, [("-", f"malformed YAML: {type(e).__name__}: {e}")]) from None
    if not isinstance(data, dict):
        raise SummaryError(p, [("-", "expected a mapping of fields at the top level")])
    try:
        return Summary.model_validate(data)
    except ValidationError as e:
        probs = []
        for err in e.errors():
            loc = ".".join(str(x) for x in err["loc"]) or "-"
            probs.append((loc, err["msg"]))
        raise SummaryError(p, probs) from None


def read_regular(p: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes. A FIFO is opened without blocking
    and refused (reading it would wait forever for a writer), and so is a device or socket;
    a symlink loop is refused. Raises SummaryError naming the file."""
    import stat

    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise SummaryError(p, [("-", _open_problem(e))]) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SummaryError(p, [("-", "not a regular file (a pipe, device or socket); refused")])
        if st.st_size > limit:
            raise SummaryError(p, [("-", f"file is larger than {limit} bytes")])
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            raw = fh.read(limit + 1)
    except OSError as e:
        raise SummaryError(p, [("-", f"cannot read: {e.strerror or e}")]) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limit:
        raise SummaryError(p, [("-", f"file is larger than {limit} bytes")])
    return raw


def _open_problem(e: OSError) -> str:
    import errno

    if e.errno == errno.ELOOP:
        return "symlink loop; refused"
    if e.errno == errno.ENOENT:
        return "file not found (a dangling symlink?)"
    return f"cannot read: {e.strerror or e}"


def summary_files(directory: Union[str, Path],
                  refused: Optional[list[SummaryError]] = None) -> list[Path]:
    """YAML files directly in ``directory``, refusing symlinks that lead outside it.

    A refused file raises SummaryError, or, when a ``refused`` list is given, is appended to it
    and skipped so that the other files are still listed.
    """
    d = Path(directory)
    root = d.resolve()
    out = []
    for f in sorted(d.glob("*.y*ml")):
        if f.suffix not in (".yaml", ".yml"):
            continue
        try:
            real = Path(os.path.realpath(f))   # never raises on a loop (Path.resolve does)
            os.stat(f)
        except OSError as e:
            err = SummaryError(str(f), [("-", _open_problem(e))])
            if refused is None:
                raise err
            refused.append(err)
            continue
        if root not in real.parents:
            err = SummaryError(str(f), [("-", "symlink points outside the references folder; refused")])
            if refused is None:
                raise err
            refused.append(err)
            continue
        out.append(f)
    return out


def validate_dir(directory: Union[str, Path]) -> list[str]:
    """Every problem in a references folder as ``file:field: message`` lines."""
    problems: list[str] = []
    d = Path(directory)
    if not d.is_dir():
        return [f"{d}:-: not a folder"]
    seen: dict[str, str] = {}
    refused: list[SummaryError] = []
    files = summary_files(d, refused)
    problems += [f"{e.path}:{f}: {m}" for e in refused for f, m in e.problems]
    for f in files:
        try:
            s = load_summary(f)
        except SummaryError as e:
            problems += [f"{e.path}:{fld}: {msg}" for fld, msg in e.problems]
            continue
        for key in filter(None, (s.doi, s.pmid and f"pmid:{s.pmid}", f"id:{s.id}")):
            if key in seen:
                problems.append(f"{f}:{'doi' if key == s.doi else key.split(':')[0]}: "
                                f"duplicate of {seen[key]} ({key})")
            else:
                seen[key] = str(f)
        fids = [x.id for x in s.findings]
        for dup in {i for i in fids if fids.count(i) > 1}:
            problems.append(f"{f}:findings: duplicate finding id {dup}")
        for i, fnd in enumerate(s.findings):
            for j, v in enumerate(fnd.values):
                if v.group and s.groups and v.group not in s.groups:
                    problems.append(f"{f}:findings.{i}.values.{j}.group: unknown group {v.group!r}")
        from factcheck.audit.summary import summary_problems   # lazy: validate without the audit loaded

        problems += summary_problems(f, s)
    return problems


# ---------------------------------------------------------------- the store

@dataclass
class Resolution:
    summary_id: Optional[str]
    route: Optional[str]            # doi | pmid | pmcid | title | alias
    near_miss: Optional[str] = None
    score: float = 0.0


INDEX_TITLES_FROM = 200      # with more titles than this, fuzzy title matching goes through the n-gram index
TITLE_CANDIDATES = 50        # titles compared with difflib, the closest by shared trigrams
CACHE_VERSION = 1
LAZY_FROM = 200              # a folder with fewer summaries is read whole (it takes milliseconds)


def _grams(t: str) -> set[str]:
    """Character trigrams of a normalised title (the title itself when shorter)."""
    return {t[i:i + 3] for i in range(len(t) - 2)} if len(t) >= 3 else {t}


class LazySummaries(dict):
    """id -> Summary, each read from its file on first use. A references folder of 10,000
    summaries took 10 s to parse at every check although an article cites a handful: the
    store is built from an index (identifiers, titles, aliases; cached on disk by file
    size and times), and a summary's YAML is read and validated only when a citation
    resolves to it. A file that breaks after it was indexed is reported then, and skipped."""

    def __init__(self):
        super().__init__()
        self.paths: dict[str, str] = {}
        self.errors: Optional[list] = None

    def want(self, sid: str, path: str) -> None:
        self.paths[sid] = path
        super().pop(sid, None)

    def _load(self, sid: str) -> Optional[Summary]:
        path = self.paths.pop(sid)
        try:
            s = load_summary(path)
        except SummaryError as e:
            if self.errors is not None:
                self.errors.append(e)
            return None
        if s.id != sid:
            return None
        dict.__setitem__(self, sid, s)
        return s

    def __getitem__(self, sid):
        if sid in self.paths:
            s = self._load(sid)
            if s is None:
                raise KeyError(sid)
            return s
        return dict.__getitem__(self, sid)

    def get(self, sid, default=None):
        s = dict.get(self, sid)       # loaded already: the path every lookup after the first takes
        if s is not None:
            return s
        try:
            return self[sid]
        except KeyError:
            return default

    def __contains__(self, sid) -> bool:
        return sid in self.paths or dict.__contains__(self, sid)

    def __iter__(self):
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def keys(self):
        return list(dict.keys(self)) + [k for k in self.paths if not dict.__contains__(self, k)]

    def values(self):
        return [v for v in (self.get(k) for k in self.keys()) if v is not None]

    def items(self):
        return [(k, v) for k in self.keys() if (v := self.get(k)) is not None]

    def __setitem__(self, sid, s) -> None:
        self.paths.pop(sid, None)
        dict.__setitem__(self, sid, s)


def _index_entry(s: Summary) -> dict:
    """What resolution needs of a summary, without reading the summary itself."""
    return {"id": s.id, "doi": s.doi, "pmid": s.pmid, "pmcid": s.pmcid,
            "titles": [t for t in (s.title, s.title_zh) if t], "aliases": list(s.aliases)}


def _stat_key(path: Path) -> Optional[list]:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _cache_path(directory: Path) -> Optional[Path]:
    import hashlib

    from factcheck.core.fsutil import cache_dir

    try:
        key = hashlib.sha256(os.path.realpath(directory).encode("utf-8", "surrogatepass")).hexdigest()[:20]
        return cache_dir() / "summaries" / f"{key}.json"
    except (OSError, RuntimeError):
        return None


def _read_cache(path: Optional[Path]) -> dict:
    import json

    if path is None:
        return {}
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _write_cache(path: Optional[Path], files: dict) -> None:
    import json

    from factcheck.core import fsutil

    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fsutil.atomic_write(str(path), json.dumps({"version": CACHE_VERSION, "files": files}, ensure_ascii=False))
    except OSError:
        pass            # a read-only home: the next load parses again, nothing is lost


def _valid_entry(e: object) -> bool:
    if not isinstance(e, dict) or not isinstance(e.get("id"), str) or not e["id"]:
        return False
    ok_str = (lambda v: v is None or isinstance(v, str))
    return (ok_str(e.get("doi")) and ok_str(e.get("pmid")) and ok_str(e.get("pmcid"))
            and all(isinstance(x, list) and all(isinstance(y, str) and y.strip() for y in x)
                    for x in (e.get("titles"), e.get("aliases"))))


@dataclass
class Store:
    """All summaries of a references folder, indexed for citation resolution."""

    summaries: dict[str, Summary] = field(default_factory=LazySummaries)
    errors: list[SummaryError] = field(default_factory=list)
    by_doi: dict[str, str] = field(default_factory=dict)
    by_pmid: dict[str, str] = field(default_factory=dict)
    by_pmcid: dict[str, str] = field(default_factory=dict)
    by_title: dict[str, str] = field(default_factory=dict)
    by_alias: dict[str, str] = field(default_factory=dict)
    _title_index: Optional[tuple] = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, directory: Union[str, Path], strict: bool = False, lazy: bool = True) -> "Store":
        """Load every summary; broken files are kept in ``errors`` (or raised when strict).

        Lazily by default: a file whose size and times match the on-disk index cache
        ($FACTCHECK_CACHE/summaries/) is indexed from it and read only when a citation
        resolves to it; the others are read and validated now (so a broken file is reported
        at once) and their index entry cached."""
        st = cls()
        d = Path(directory)
        if not d.is_dir():
            raise SummaryError(str(d), [("-", "references folder not found")])
        refused: list[SummaryError] = []
        files = summary_files(d, refused)
        if strict and refused:
            raise refused[0]
        st.errors += refused
        if isinstance(st.summaries, LazySummaries):
            st.summaries.errors = st.errors
        lazy = lazy and not strict and len(files) >= LAZY_FROM
        cache_file = _cache_path(d) if lazy else None
        cached = _read_cache(cache_file) if lazy else {}
        fresh: dict = {}
        for f in files:
            key = _stat_key(f)
            hit = cached.get(f.name) if key is not None else None
            if isinstance(hit, dict) and hit.get("stat") == key and _valid_entry(hit.get("index")):
                st._add_index(hit["index"], str(f))
                fresh[f.name] = hit
                continue
            try:
                s = load_summary(f)
            except SummaryError as e:
                if strict:
                    raise
                st.errors.append(e)
                continue
            st.add(s)
            if key is not None:
                fresh[f.name] = {"stat": key, "index": _index_entry(s)}
        if lazy and fresh != cached:
            _write_cache(cache_file, fresh)
        return st

    def _add_index(self, e: dict, path: str) -> None:
        """Index a summary known from the cache; its file is read on first use."""
        sid = e["id"]
        if isinstance(self.summaries, LazySummaries):
            self.summaries.want(sid, path)
        else:
            self.summaries[sid] = load_summary(path)
        self._index(sid, e.get("doi"), e.get("pmid"), e.get("pmcid"), e["titles"], e["aliases"])

    def add(self, s: Summary) -> None:
        self.summaries[s.id] = s
        self._index(s.id, s.doi, s.pmid, s.pmcid, [t for t in (s.title, s.title_zh) if t], s.aliases)

    def _index(self, sid: str, doi, pmid, pmcid, titles, aliases) -> None:
        if doi:
            self.by_doi.setdefault(doi, sid)
        if pmid:
            self.by_pmid.setdefault(pmid, sid)
        if pmcid:
            self.by_pmcid.setdefault(pmcid.upper(), sid)
        for t in titles:
            self.by_title.setdefault(normalize_title(t), sid)
        for a in aliases:
            self.by_alias.setdefault(a, sid)
        self._title_index = None

    def get(self, summary_id: Optional[str]) -> Optional[Summary]:
        return self.summaries.get(summary_id) if summary_id else None

    def resolve(self, doi: Optional[str] = None, pmid: Optional[str] = None,
                pmcid: Optional[str] = None, title: Optional[str] = None) -> Resolution:
        """DOI, then PMID/PMCID, then a fuzzy title match above TITLE_MATCH_THRESHOLD."""
        if doi and (sid := self.by_doi.get(normalize_doi(doi))):
            return Resolution(sid, "doi", score=1.0)
        if pmid and (sid := self.by_pmid.get(str(pmid))):
            return Resolution(sid, "pmid", score=1.0)
        if pmcid and (sid := self.by_pmcid.get(pmcid.upper())):
            return Resolution(sid, "pmcid", score=1.0)
        best, best_score = None, 0.0
        if title:
            nt = normalize_title(title)
            if nt in self.by_title:
                return Resolution(self.by_title[nt], "title", score=1.0)
            for cand, sid in self._title_candidates(nt):
                # containment handles a reference string that carries the title plus more, or a
                # title cut short (no subtitle); a generic phrase inside a long title is not enough
                if _title_weight(cand) > 20 and (
                        cand in nt or (nt in cand and len(nt) >= TITLE_FRAGMENT_MIN_SHARE * len(cand))):
                    return Resolution(sid, "title", score=0.99)
            for cand, sid in self._title_candidates(nt, fuzzy=True):
                score = difflib.SequenceMatcher(None, nt, cand).ratio()
                if score > best_score:
                    best, best_score = sid, score
            if best and best_score >= TITLE_MATCH_THRESHOLD:
                return Resolution(best, "title", score=best_score)
        return Resolution(None, None, near_miss=best, score=best_score)

    def _title_candidates(self, nt: str, fuzzy: bool = False) -> list[tuple[str, str]]:
        """The stored titles worth comparing with ``nt``, in the order they were added. A small
        store gives them all. A large one (10,000 summaries: 30 references without a DOI took
        two minutes of difflib) goes through a trigram index: for containment, exactly the
        titles whose trigrams all occur in ``nt`` or that hold all of ``nt``'s (a necessary
        condition, then tested); for the fuzzy ratio, the TITLE_CANDIDATES titles sharing the
        largest share of trigrams with ``nt`` (a blocking key: a title 90% alike shares most)."""
        titles = list(self.by_title.items())
        if len(titles) <= INDEX_TITLES_FROM:
            return titles
        if self._title_index is None:
            post: dict[str, list[int]] = {}
            sizes = []
            for i, (cand, _sid) in enumerate(titles):
                g = _grams(cand)
                sizes.append(len(g))
                for x in g:
                    post.setdefault(x, []).append(i)
            self._title_index = (titles, post, sizes)
        titles, post, sizes = self._title_index
        from collections import Counter

        q = _grams(nt)
        shared: Counter = Counter()
        for x in q:
            hits = post.get(x)
            if hits:
                shared.update(hits)
        if not fuzzy:
            return [titles[i] for i in sorted(i for i, c in shared.items() if c == sizes[i] or c == len(q))]
        import heapq

        top = heapq.nlargest(TITLE_CANDIDATES, shared.items(),
                             key=lambda kv: (2 * kv[1] / (len(q) + sizes[kv[0]]), -kv[0]))
        return [titles[i] for i in sorted(i for i, _c in top)]


def json_schema() -> dict:
    """The summary schema as JSON Schema, for editors' tools."""
    return Summary.model_json_schema()
