"""How ``check --fetch`` judges search results (identify.choose), measured offline on
corpus/real/dev: every dev paper (papers_*.jsonl, abstracts/) is a candidate for every dev
article, as if one search had returned them all; is the right paper taken, none (refused), or a
wrong one? Candidates carry no publication dates (the day cue never fires here). A wrong pick
is the failure that matters: --fetch must never guess.

    PYTHONPATH=. python bench/fetch_accept_dev.py
"""
import json, glob, os, re
from factcheck.ingest.reader import read_article
from factcheck.papers.identify import cues_in, choose
from factcheck.papers.sources import Record
papers, srcs = {}, {}
for f in glob.glob("corpus/real/dev/papers_*.jsonl"):
    for l in open(f):
        d = json.loads(l); papers[d["paper"]] = d
for f in glob.glob("corpus/real/dev/sources_*.jsonl"):
    for l in open(f):
        d = json.loads(l); srcs[d["doc"]] = d
cands = []
for pid, p in papers.items():
    path = f"corpus/real/dev/abstracts/{pid}.txt"
    if not os.path.exists(path):
        continue
    text = open(path).read()
    m = re.search(r"^Authors: (.*)$", text, re.M)
    line = m.group(1) if m else ""
    if ";" in line:
        people = [(a.split(",")[0].strip(), a.split(",")[1].strip() if "," in a else "") for a in line.split(";")]
    else:
        people = [(a.split()[-1], " ".join(a.split()[:-1])) for a in line.split(",") if a.strip()]
    alist = [{"lastName": l, "firstName": f, "initials": "".join(t[0] for t in re.split(r"[\s\-.]+", f) if t)} for l, f in people if l]
    raw = {"authorList": {"author": alist}, "pubYear": str(p["year"])}
    rec = Record(source="europepmc", doi=p.get("doi"), pmid=p.get("pmid"), title=p["title"], abstract=text.split("\n\n", 1)[-1],
                 journal=p["journal"], year=p["year"], authors=[f"{x['lastName']} {x['initials']}" for x in alist])
    cands.append((raw, rec, pid))
tally = {"right": 0, "refused": 0, "wrong": 0}
for path in sorted(glob.glob("corpus/real/dev/articles/*.txt")):
    k = os.path.basename(path)[:-4]
    want = srcs.get(k, {}).get("paper")
    c = cues_in(read_article(path))
    ch = choose(c, [(r, rec) for r, rec, _ in cands])
    got = next((pid for r, rec, pid in cands if rec is ch.record), None)
    verdict = "refused" if got is None else "right" if got == want else "wrong"
    tally[verdict] += 1
    print(f"{k}: {verdict:8s} want={want} got={got} how={ch.how} {'' if got else (ch.problem_en or '')[:90]}")
print(tally)
