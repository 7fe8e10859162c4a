"""Instructions per check() pass, counted by valgrind's callgrind: the one speed figure that
does not move with the load on a shared machine.

    .venv/bin/python bench/callgrind.py [--passes 3]

Runs, under ``valgrind --tool=callgrind``, check() over the corpus articles ``--passes`` times
(the caches keyed by text emptied before each pass, as in ``bench/run.py``), then jieba.lcut of
the same texts, and prints millions of instructions per pass for each. Only the passes are
counted (collection is switched on inside ``functools.reduce``), not start-up.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _inner(what: str, passes: int) -> None:
    sys.path.insert(0, str(ROOT))
    import jieba

    from factcheck import pipeline
    from factcheck.core.config import Config
    from factcheck.ingest.reader import read_article
    from factcheck.papers.summaries import Store

    store, cfg = Store.load(ROOT / "references"), Config()
    arts = [read_article(str(p)) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    jieba.setLogLevel(60)
    jieba.initialize()
    pipeline.get_nlp()
    for a in arts:
        pipeline.check(a, store, cfg)          # module-level caches warm, as in a batch

    def check_pass(acc, _):
        pipeline.forget_texts()
        for a in arts:
            pipeline.check(a, store, cfg)
        return acc

    def jieba_pass(acc, _):
        for a in arts:
            jieba.lcut(a.text)
        return acc

    functools.reduce(check_pass if what == "check" else jieba_pass, range(passes), 0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--inner", choices=("check", "jieba"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.inner:
        _inner(args.inner, args.passes)
        return 0
    if not shutil.which("valgrind"):
        print("bench/callgrind.py: valgrind is not installed", file=sys.stderr)
        return 2
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for what in ("check", "jieba"):
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
                 f"--callgrind-out-file={tmp}/cg.{what}", sys.executable, __file__, "--inner", what,
                 "--passes", str(args.passes)], capture_output=True, text=True)
            m = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
            if not m:
                print(out.stderr[-2000:], file=sys.stderr)
                return 1
            counts[what] = int(m.group(1)) / args.passes / 1e6
    print(f"check() over the corpus: {counts['check']:.1f} M instructions per pass")
    print(f"jieba.lcut of the same texts: {counts['jieba']:.1f} M instructions per pass")
    print(f"ratio: {counts['check'] / counts['jieba']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
