"""Reading YAML: the project's data files (factcheck/data/) and users' files, safely and fast.

Safe loading only (tags that would build Python objects are refused), with libyaml's C
parser when PyYAML has it: the pure-Python parser took most of a second of every cold start
to read the rules, lexicons and summaries.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).parent.parent / "data"


def safe_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe loaders only


@lru_cache(maxsize=64)
def data_file(name: str) -> Any:
    """A bundled data file by name (``rules/scope.yaml``), parsed once per process."""
    return safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
