"""jieba's dictionary from factcheck's cache: the same dictionary as jieba's own load, and
every problem with the cache falls back to jieba's own load."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.text import segmenter

ROOT = Path(__file__).resolve().parents[1]

# the dictionary a process ends up with: a digest of every (word, frequency), the total, and
# the segmentation of a sentence that needs the user dictionary
PROBE = r"""
import hashlib, json, sys
mode = sys.argv[1]
if mode == "jieba":
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    jieba.load_userdict(sys.argv[2])
else:
    from factcheck.text.segmenter import ready
    jieba = ready()
d = jieba.dt
h = hashlib.sha256()
for w, f in sorted(d.FREQ.items()):
    h.update(f"{w}\t{f}\n".encode())
print(json.dumps({"digest": h.hexdigest(), "total": d.total, "words": len(d.FREQ),
                  "cut": jieba.lcut("胚胎绒毛中SIK1表达升高，胰岛素抵抗改善"),
                  "pkg_resources": "pkg_resources" in sys.modules}))
"""


def _probe(mode: str, cache: Path) -> dict:
    env = dict(os.environ, FACTCHECK_CACHE=str(cache))
    user = str(ROOT / "factcheck" / "data" / "jieba_user.txt")
    p = subprocess.run([sys.executable, "-c", PROBE, mode, user], capture_output=True, text=True, env=env,
                       cwd=ROOT, timeout=180)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    return json.loads(p.stdout.splitlines()[-1])


def test_cached_dictionary_is_jiebas_own(tmp_path):
    own = _probe("jieba", tmp_path / "unused")
    first = _probe("ours", tmp_path / "cache")          # no cache yet: jieba's load, then written
    files = list((tmp_path / "cache" / "jieba").glob("dict-*.bin"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o644
    second = _probe("ours", tmp_path / "cache")         # read from the cache
    for got in (first, second):
        assert (got["digest"], got["total"], got["words"], got["cut"]) == \
            (own["digest"], own["total"], own["words"], own["cut"])
        assert got["words"] > 300_000
        assert not got["pkg_resources"]                 # jieba imported without it


@pytest.mark.parametrize("damage", ["truncate", "garbage", "group_writable"])
def test_a_damaged_or_foreign_cache_falls_back_to_jieba(tmp_path, damage):
    own = _probe("jieba", tmp_path / "unused")
    _probe("ours", tmp_path / "cache")
    path = next((tmp_path / "cache" / "jieba").glob("dict-*.bin"))
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x80\x04not ours at all")
    else:
        os.chmod(path, 0o666)
    got = _probe("ours", tmp_path / "cache")
    assert (got["digest"], got["total"]) == (own["digest"], own["total"])
    if damage != "group_writable":                      # rewritten whole for the next process
        assert path.read_bytes() == data


def test_unwritable_cache_folder_still_segments(tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    got = _probe("ours", blocker)
    assert got["words"] > 300_000 and got["cut"]


def test_encode_decode_round_trip_and_truncation():
    freq = {"胰岛素": 12, "抵抗": 3, "SIK1": 0, "a b": 7}
    assert segmenter.decode(segmenter.encode(freq, 22)) == (freq, 22)
    assert segmenter.decode(segmenter.encode({}, 0)) == ({}, 0)
    data = segmenter.encode(freq, 22)
    for cut in (len(data) - 1, len(data) - 8, len(segmenter.MAGIC) + 3):
        with pytest.raises(ValueError):
            segmenter.decode(data[:cut])
    with pytest.raises(ValueError):
        segmenter.decode(b"marshal or pickle bytes")


def test_pkg_resources_still_importable_after_jieba(tmp_path):
    code = ("from factcheck.text.segmenter import import_jieba; import_jieba(); import sys; "
            "assert 'pkg_resources' not in sys.modules; import pkg_resources; print('ok')")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0 and p.stdout.strip() == "ok", p.stderr
