"""Reference-list parsing: DOI, PMID, PMCID, title, journal, year, authors.

Handles the styles the corpus shows: Vancouver/PubMed ("Title. J Abbrev. 2021 Jan;37(1):61-64.
doi: …"), Springer/BMC ("Zang, L., … et al. Title. Journal 13, 180 (2022). https://doi.org/…"),
PubMed with authors ("Chin SP, Kee LT. Title. J. 2025 May 19;18:…. PMID: …; PMCID: …") and
GB/T 7714 ("夏兰,吴娴,等.题名[J].刊名,2017,37(3):344-347. DOI:…"). Also in-text markers.
"""

from __future__ import annotations

import re
from typing import Optional

from factcheck.text.doi import DOI_START, normalize_doi
from factcheck.core.model import Reference, Span

DOI_RE = re.compile(DOI_START + r"[^\s\"<>，。；]+", re.I)
PMID_RE = re.compile(r"PMID\s*[:：]?\s*(\d{4,9})", re.I)
PMCID_RE = re.compile(r"\b(PMC\d{4,9})\b", re.I)
YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_LEAD_MARK = re.compile(r"^\s*(?:\[(\d{1,3})\]|［(\d{1,3})］|(\d{1,3})[.．、)]\s|(\d{1,3})\s+(?=[A-Z\u4e00-\u9fff]))")
_GBT_TYPE = re.compile(r"\[(?:J|M|C|D|R|N|S|P|EB/OL|Z|OL)\]", re.I)
_AUTHORS_VANC = re.compile(r"^(?:[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)* [A-Z]{1,3}(?:, |$))+(?:et al)?$")

# in-text markers: [1], [1,2], [1-3], [1–3], ［2］, superscripts ¹²
MARKER_RE = re.compile(r"[\[［【]\s*(\d{1,3}(?:\s*[,，、\-–—~]\s*\d{1,3})*)\s*[\]］】]")
# [3]-[5] (a range written as two markers, as in Hans journals) is one marker for 3, 4, 5
_RANGE_TAIL = re.compile(r"\s*[\-–—~]\s*[\[［【]\s*(\d{1,3})\s*[\]］】]")
SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
# after a Han character or a closing mark; the lookbehind follows the first superscript, so
# that the regex engine can search for superscripts instead of trying every position
SUPER_RE = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰](?<=[\u4e00-\u9fff。，）)].)[¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:[,⁻][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)")


def parse_reference_list(text: str, span: Span, norm: Optional[str] = None) -> list[Reference]:
    """Each non-empty line after the heading is one entry (continuation lines are joined
    when entries are numbered and a line does not start a new number).

    ``norm`` is the same-length folded copy of ``text`` (textnorm.normalize): fields are parsed
    from it (full-width brackets and digits, traditional characters), ``raw`` keeps the text
    as written."""
    src = norm if norm is not None and len(norm) == len(text) else text
    seg = src[span.start:span.end]
    lines = seg.split("\n")
    entries: list[tuple[int, int, str]] = []
    pos = span.start
    numbered = sum(1 for ln in lines if _LEAD_MARK.match(ln)) >= max(1, len([x for x in lines if x.strip()]) - 1) // 2 + 1
    first = True
    for ln in lines:
        start = pos
        pos += len(ln) + 1
        if first:  # the heading line
            first = False
            continue
        if not ln.strip():
            continue
        if entries and numbered and not _LEAD_MARK.match(ln):
            s, _, raw = entries[-1]
            entries[-1] = (s, start + len(ln), raw + " " + ln.strip())
            continue
        entries.append((start, start + len(ln), ln.strip()))
    refs = []
    for i, (s, e, parsed) in enumerate(entries, 1):
        r = parse_reference(parsed, index=i)
        r.start, r.end = s, e
        if src is not text:
            r.raw = " ".join(x.strip() for x in text[s:e].split("\n") if x.strip())
        refs.append(r)
    return refs


def parse_reference(raw: str, index: int = 1) -> Reference:
    ref = Reference(index=index, raw=raw)
    m = _LEAD_MARK.match(raw)
    body = raw[m.end():].strip() if m else raw.strip()
    if m:
        num = next(g for g in m.groups() if g)
        ref.index = int(num)
    dm = DOI_RE.search(body)
    if dm:
        ref.doi = normalize_doi(dm.group(0))
    pm = PMID_RE.search(body)
    if pm:
        ref.pmid = pm.group(1)
    pc = PMCID_RE.search(body)
    if pc:
        ref.pmcid = pc.group(1).upper()
    # cut identifiers off before splitting into fields
    core = re.split(r"\s*(?:doi\s*[:：]|DOI\s*[:：]|https?://|PMID\s*[:：]|Epub\b)", body, maxsplit=1)[0]
    if _GBT_TYPE.search(core):
        _parse_gbt(core, ref)
    else:
        _parse_western(core, ref)
    if ref.year is None:
        ym = YEAR_RE.findall(core)
        if ym:
            ref.year = int(ym[0])
    return ref


def _parse_gbt(core: str, ref: Reference) -> None:
    """GB/T 7714: 作者,作者,等.题名[J].刊名,年,卷(期):页."""
    before, _, after = _GBT_TYPE.split(core, maxsplit=1)[0], None, _GBT_TYPE.split(core, maxsplit=1)[1]
    parts = re.split(r"[.．。]", before, maxsplit=1)
    if len(parts) == 2:
        ref.authors = [a.strip() for a in re.split(r"[,，、]", parts[0]) if a.strip() and a.strip() not in ("等", "et al")]
        ref.title = parts[1].strip() or None
    else:
        ref.title = before.strip() or None
    after = after.lstrip(".．。 ")
    jm = re.match(r"([^,，]+)[,，]\s*(\d{4})", after)
    if jm:
        ref.journal = jm.group(1).strip()
        ref.year = int(jm.group(2))
    else:
        ref.journal = re.split(r"[,，]", after)[0].strip() or None


def _parse_western(core: str, ref: Reference) -> None:
    rest = core.strip()
    etal = re.search(r"\bet al\.?", rest)
    if etal and etal.start() < 200:
        ref.authors = _split_authors(rest[:etal.start()])
        rest = rest[etal.end():].strip()
    else:
        first = re.split(r"\.\s+", rest, maxsplit=1)
        if len(first) == 2 and _AUTHORS_VANC.match(first[0].strip()):
            ref.authors = _split_authors(first[0])
            rest = first[1]
    segs = [s.strip() for s in re.split(r"(?<![A-Z])\.\s+", rest) if s.strip()]
    if not segs:
        return
    ref.title = segs[0].rstrip(".")
    if len(segs) > 1:
        j = segs[1]
        jm = re.match(r"(.+?)[.,]?\s+(?:\(?((?:19|20)\d{2})\b|\d+\s*[,(:;])", j)
        ref.journal = (jm.group(1) if jm else re.split(r"[.;]\s*(?:19|20)\d{2}", j)[0]).strip(" .")
        ym = YEAR_RE.search(j) or (YEAR_RE.search(segs[2]) if len(segs) > 2 else None)
        if ym:
            ref.year = int(ym.group(1))


def _split_authors(s: str) -> list[str]:
    s = s.strip().rstrip(",").strip()
    if re.search(r"[A-Z][a-z]+, [A-Z]\.", s):  # "Zang, L., Li, Y., Hao, H." (the last dot may be cut)
        return [f"{a} {b.strip()}".strip() for a, b in
                re.findall(r"([A-Z][A-Za-z'\-]+),\s*((?:[A-Z]\.?-?\s*)+?)(?=,|$)", s)]
    s = s.rstrip(".")
    return [a.strip() for a in s.split(",") if a.strip()]


def find_markers(text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, list[int]]]:
    """In-text citation markers in text[start:end] as (start, end, [reference numbers])."""
    out = []
    seg = text[start:end]
    pos = 0
    while (m := MARKER_RE.search(seg, pos)):
        nums, end = expand_numbers(m.group(1)), m.end()
        if m.group(0)[0] == "【" and not seg[:m.start()].rsplit("\n", 1)[-1].strip():
            pos = end   # 【1】 opening a line is a list heading, not a citation
            continue
        tail = _RANGE_TAIL.match(seg, end)
        if tail and nums and nums[-1] < int(tail.group(1)) <= nums[-1] + 50:
            nums += list(range(nums[-1] + 1, int(tail.group(1)) + 1))
            end = tail.end()
        out.append((start + m.start(), start + end, nums))
        pos = end
    for m in SUPER_RE.finditer(seg):
        out.append((start + m.start(), start + m.end(), expand_numbers(m.group(1).translate(SUPERSCRIPT).replace("⁻", "-"))))
    return sorted(out)


def expand_numbers(s: str) -> list[int]:
    nums: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", s):
        if re.match(r"^\d+\s*[\-–—~]\s*\d+$", part):
            a, b = map(int, re.split(r"\s*[\-–—~]\s*", part))
            if 0 < b - a < 50:
                nums.extend(range(a, b + 1))
                continue
        if part.strip().isdigit():
            nums.append(int(part))
    return nums
