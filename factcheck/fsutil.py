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
