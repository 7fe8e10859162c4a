"""Writing files whole or not at all.

Every output of factcheck (reports, drafts, cache entries, batch tables) goes through
``atomic_write``: a temporary file in the same folder, then ``os.replace``. A reader never sees
half a file, an interrupted run leaves no partial output, and a failed write removes its
temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Optional, Union

TMP_PREFIX = ".factcheck-"
MAX_NAME_BYTES = 120    # an output name's stem, in UTF-8 bytes: room for -N, a suffix and a file system's 255


def cache_dir() -> Path:
    """factcheck's cache folder (fetched records, jieba's dictionary): $FACTCHECK_CACHE, else
    ~/.cache/factcheck."""
    env = os.environ.get("FACTCHECK_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "factcheck"


def file_mode() -> int:
    """The mode an ordinary new file gets under the current umask (mkstemp makes 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str, data: Union[str, bytes], *, before_replace: Optional[Callable[[], None]] = None,
                 prefix: str = TMP_PREFIX) -> None:
    """Write ``data`` to ``path`` atomically. ``before_replace`` runs last, just before the
    rename, and may raise to abort (a curated summary that appeared meanwhile). Raises OSError."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.chmod(tmp, file_mode())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def bounded_name(stem: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``stem`` when its UTF-8 fits ``max_bytes``; otherwise its first characters that fit, then
    ``~`` and a hash of the whole stem. Deterministic (a resumed run finds the same names) and
    unique for different stems, whatever their length: a name never reaches the file system's
    255-byte limit (ENAMETOOLONG), even with ``-2`` and ``.jsonl`` added."""
    import hashlib

    raw = stem.encode("utf-8", "surrogatepass")
    if len(raw) <= max_bytes:
        return stem
    digest = hashlib.sha256(raw).hexdigest()[:12]
    head = raw[:max_bytes - len(digest) - 1].decode("utf-8", "ignore")
    return f"{head}~{digest}"
