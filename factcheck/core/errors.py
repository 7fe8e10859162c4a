"""``InputError``: a file that cannot be checked, with its FC3xx code.

Raised by every reader of input (ingest, the audit's PDF reader, the command line's standard
input) and caught by the command line, batch and the server; it lives in the core so that the
audit, below ingest, can raise it too.
"""

from __future__ import annotations

import os
from typing import Optional

from factcheck.core.codes import input_message


class PaperError(Exception):
    """A paper an editor named (--paper FILE|DOI, an evaluation set's abstract) that cannot be
    used; the message names it and the problem."""


class InputError(Exception):
    """A file that cannot be checked. ``code`` is a stable FC3xx rule code."""

    def __init__(self, path: str, code: str, message: str, errno: Optional[int] = None):
        path = display_path(path)
        self.path, self.code, self.message = path, code, message
        self.errno = errno      # the OSError behind an FC300, if any (batch stops on a full disk)
        super().__init__(f"{path}: {message} [{code}]")

    @classmethod
    def of(cls, path: str, code: str, problem: str, errno: Optional[int] = None, **details) -> "InputError":
        """The error of a problem declared in messages.yaml (``code``'s ``problems.<problem>``),
        its message formatted with ``details`` (codes.input_message)."""
        return cls(path, code, input_message(code, problem, **details), errno)


def display_path(path) -> str:
    """A path as text that can be printed and written as UTF-8 JSON: bytes that are not UTF-8
    in a file name (lone surrogates after os.fsdecode) become U+FFFD."""
    p = os.fspath(path)
    if isinstance(p, bytes):
        p = os.fsdecode(p)
    try:
        p.encode("utf-8")
        return p
    except UnicodeEncodeError:
        pass
    try:
        return p.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return p.encode("utf-8", "replace").decode("utf-8")
