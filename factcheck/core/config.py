"""Run configuration: which rules run, language, severity overrides, limits.

Like ruff's ``--select/--ignore``: a rule code or a prefix (``FC2`` = every overstatement
rule). Read from the command line and from an optional ``factcheck.yaml`` / ``.factcheck.yaml``:

    ignore: [FC205]          # silence novelty hype
    select: [FC1, FC2]
    severity: {FC203: warning}
    rules_dir: my-rules/     # extra overstatement rules, same format as factcheck/data/rules/
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

CONFIG_NAMES = ("factcheck.yaml", ".factcheck.yaml")


@dataclass
class Config:
    select: list[str] = field(default_factory=list)     # empty = all
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    lang: str = "zh"
    max_bytes: int = 20 * 1024 * 1024
    rules_dirs: list[str] = field(default_factory=list)
    inline_config: bool = True      # honour factcheck-disable directives in articles (--no-inline-config)

    def enabled(self, code: Optional[str]) -> bool:
        if not code:
            return True
        if any(code.startswith(p) for p in self.ignore):
            return False
        return not self.select or any(code.startswith(p) for p in self.select)

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)

    @classmethod
    def from_file(cls, path: Optional[str] = None, **overrides) -> "Config":
        """Load the first config file found (or ``path``); command-line values override it."""
        from factcheck.core.datafiles import safe_load

        cfg = cls()
        candidates = [Path(path)] if path else [Path(n) for n in CONFIG_NAMES]
        for p in candidates:
            if p.is_file():
                data = safe_load(p.read_text(encoding="utf-8")) or {}
                if not isinstance(data, dict):
                    raise ValueError(f"{p}: expected a mapping")
                cfg.select = [str(x) for x in data.get("select", [])]
                cfg.ignore = [str(x) for x in data.get("ignore", [])]
                cfg.severity = {str(k): str(v) for k, v in (data.get("severity") or {}).items()}
                if data.get("rules_dir"):
                    cfg.rules_dirs = [str((p.parent / data["rules_dir"]).resolve())]
                break
        for k, v in overrides.items():
            if v is None:
                continue
            if k in ("select", "ignore"):
                setattr(cfg, k, getattr(cfg, k) + list(v))
            else:
                setattr(cfg, k, v)
        return cfg
