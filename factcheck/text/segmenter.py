"""jieba, started fast.

Every process that checks an article pays jieba's start before its first word: importing
jieba, then reading its prefix dictionary (about 500,000 words) from the marshal cache jieba
keeps in the temporary folder. On the bench machine that read takes 0.5 s, the largest single
piece of a cold ``factcheck check`` and of the serial start of a batch. The same dictionary kept
as one UTF-8 block of words and an array of frequencies loads in about a quarter of that time,
and nothing in such a file can run code when read (unlike a pickle left in a shared folder).

``ready()`` gives jieba's default tokenizer that dictionary: from our cache when it matches the
dictionary file jieba would read, otherwise jieba's own way, after which the cache is written
for the next process. Any problem with the cache (missing, stale, truncated, unwritable folder)
falls back to jieba's own loading; the dictionary is the same either way
(tests/test_segmenter.py).
"""

from __future__ import annotations

import array
import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

MAGIC = b"factcheck-jieba-dict 1\n"


def import_jieba():
    """``import jieba`` without pkg_resources: jieba's only use of it is to open its own data
    files, for which it falls back to a plain ``open`` beside its module, and importing it costs
    about 0.1 s of every start. Other code that wants pkg_resources later still gets it."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None     # type: ignore[assignment]  # makes the import fail
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(60)   # jieba prints its dictionary loading to stderr otherwise
    return jieba


def _dictionary_file(jieba) -> str:
    tok = jieba.dt
    if tok.dictionary:
        return tok.dictionary
    return os.path.join(os.path.dirname(os.path.abspath(jieba.__file__)), jieba.DEFAULT_DICT_NAME)


def cache_path(jieba) -> Optional[Path]:
    """Our cache file for the dictionary jieba would read: named by that file's path, size and
    modification time and by jieba's version, so an edited or upgraded dictionary is read anew."""
    try:
        path = _dictionary_file(jieba)
        st = os.stat(path)
    except OSError:
        return None
    key = json.dumps([path, st.st_size, st.st_mtime_ns, jieba.__version__, sys.byteorder])
    from factcheck.core.fsutil import cache_dir

    return cache_dir() / "jieba" / f"dict-{hashlib.sha256(key.encode()).hexdigest()[:20]}.bin"


def encode(freq: dict, total: int) -> bytes:
    words = "\n".join(freq).encode("utf-8")
    counts = array.array("q", freq.values()).tobytes()
    head = json.dumps({"words": len(freq), "bytes": len(words), "total": total}).encode() + b"\n"
    return MAGIC + head + words + counts


def decode(data: bytes) -> tuple[dict, int]:
    """(FREQ, total) from ``encode``'s bytes; ValueError if they are not whole."""
    if not data.startswith(MAGIC):
        raise ValueError("not a factcheck jieba dictionary")
    nl = data.index(b"\n", len(MAGIC))
    head = json.loads(data[len(MAGIC):nl])
    start = nl + 1
    end_words = start + head["bytes"]
    counts = array.array("q")
    counts.frombytes(data[end_words:])
    words = data[start:end_words].decode("utf-8").split("\n") if head["words"] else []
    if len(words) != head["words"] or len(counts) != head["words"]:
        raise ValueError("truncated factcheck jieba dictionary")
    return dict(zip(words, counts)), int(head["total"])


def _usable(path: Path) -> bool:
    """Ours and writable by nobody else: never read a dictionary another user could have planted."""
    try:
        st = path.stat()
    except OSError:
        return False
    return (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not st.st_mode & 0o022


def _write(path: Path, data: bytes) -> None:
    from factcheck.core.fsutil import atomic_write

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(str(path), data)
        os.chmod(path, 0o644)   # whatever the umask: _usable reads only files no one else can write
    except OSError:
        pass                    # a read-only home: the next process reads jieba's cache again


@lru_cache(maxsize=1)
def ready():
    """jieba with its default tokenizer's dictionary loaded (and our user dictionary added).
    Returns the jieba module."""
    jieba = import_jieba()
    tok = jieba.dt
    if not tok.initialized:
        path = cache_path(jieba)
        loaded = False
        if path is not None and _usable(path):
            try:
                with tok.lock:
                    tok.FREQ, tok.total = decode(path.read_bytes())
                    tok.initialized = True
                loaded = True
            except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
                loaded = False
        if not loaded:
            tok.initialize()
            if path is not None:
                _write(path, encode(tok.FREQ, tok.total))
    user = Path(__file__).parent.parent / "data" / "jieba_user.txt"
    if user.exists():
        jieba.load_userdict(str(user))
    return jieba


@lru_cache(maxsize=4096)
def segment(sentence: str) -> tuple[str, ...]:
    """jieba tokens of one sentence: the segmenter of the pipeline's tokenizer (spaCy's zh
    tokenizer calls ``jieba.cut(text, cut_all=False)``), called directly so that no Doc is
    built for a sentence that only needs its word boundaries. ``ready()`` initialises jieba and
    loads the user dictionary, as the pipeline's tokenizer sees it."""
    return tuple(ready().cut(sentence, cut_all=False))


def segmenter_words() -> dict:
    """jieba's dictionary (word -> frequency), user dictionary included."""
    return ready().dt.FREQ
