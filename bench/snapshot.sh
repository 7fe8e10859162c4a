#!/bin/bash
# Reports of every article, for "byte-identical before and after" (issue 18):
#
#   bench/snapshot.sh /tmp/before            # on the old commit
#   bench/snapshot.sh /tmp/after             # on the new one
#   diff -r /tmp/before /tmp/after           # must print nothing
#
# Each article goes through `factcheck check` in its own process (json and markdown, the
# "seconds" line removed): corpus/*.txt and every held-out set's articles against references/,
# each real article (corpus/real/dev, corpus/real/test) with --paper and its abstract, as
# `make eval` checks them. One process per article on purpose: several articles checked in one
# process (evaluate._analyse, a batch worker) do not always give the same report as each alone
# (see docs/design.md), so a comparison of such runs shows differences no change made.
# Two at a time (xargs -P 2); about four minutes on two cores. Run it from the repository root.
set -u
O=${1:?usage: bench/snapshot.sh OUTDIR}
rm -rf "$O"; mkdir -p "$O"
PY=${PYTHON:-.venv/bin/python}
run() {  # name, check arguments...
  n=$1; shift
  "$PY" -m factcheck check "$@" --format json,markdown --output "$O/$n/" --fail-on never > "$O/$n.log" 2>&1
  sed -i '/"seconds": /d' "$O/$n"/*.json 2>/dev/null
}
export -f run; export O PY
{
for f in corpus/*.txt tests/heldout*/h*.txt; do echo "$(echo "$f" | tr / _) $f --references references"; done
for d in corpus/real/dev corpus/real/test; do
  "$PY" - "$d" <<'PYEOF'
import sys
from pathlib import Path
from factcheck.evaluate import real_papers
d = sys.argv[1]
for doc, paper in sorted(real_papers(Path(d)).items()):
    f = f"{d}/articles/{doc}.txt"
    print(f"{f.replace('/', '_')} {f} --paper {paper}")
PYEOF
done
} | xargs -P 2 -L 1 bash -c 'run "$@"' _
echo "$O: $(ls "$O" | grep -vc '\.log$') articles"
