"""SARIF 2.1.0: for desks that keep articles in git (GitHub code scanning, GitLab, IDEs).

One run; tool.driver.rules is the whole rule registry so that a viewer can show each rule's
description, and each result points at its rule by ruleId and ruleIndex. Columns and
charOffset count Unicode code points (run.columnKind says so): they are Python offsets
into the article text, which is what factcheck reports everywhere else.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from factcheck import __version__
from factcheck.render.findings import collect, rule_registry
from factcheck.core.model import Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
# how cli recognises a SARIF file it wrote (and may replace without --force)
FULL_NAME = "factcheck: numbers and claims against the cited papers"


def artifact_uri(source: str) -> str:
    """A relative path as a URI reference (forward slashes, percent-encoded): what code
    scanning matches against the repository's files."""
    if source in ("<stdin>", "-", ""):
        return "stdin"
    path = os.path.relpath(source) if os.path.isabs(source) else source
    return quote(path.replace(os.sep, "/"), safe="/")


def to_sarif(reports: list[Report], lang: str = "zh", rules_dirs: tuple[str, ...] = (),
             verbose: bool = False) -> str:
    registry = rule_registry(lang, rules_dirs)
    index = {r["code"]: i for i, r in enumerate(registry)}
    rules = [{
        "id": r["code"],
        "name": r.get("verdict") or r.get("category") or r["code"],
        "shortDescription": {"text": f"{r['code']} {r.get('verdict') or r.get('category')}"},
        "fullDescription": {"text": r["description"]},
        "defaultConfiguration": {"level": LEVEL.get(r["severity"], "warning")},
        "properties": {"kind": r["kind"], "description_en": r["description_en"]},
    } for r in registry]
    results, notes = [], []
    for rep in reports:
        uri = artifact_uri(rep.source)
        for f in collect(rep, lang, verbose=verbose):
            if f.rule not in index:        # a code from a rule file loaded after the registry
                index[f.rule] = len(rules)
                rules.append({"id": f.rule, "shortDescription": {"text": f.rule}})
            res = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": "none" if f.verdict == "supported" else LEVEL.get(f.severity, "warning"),
                "kind": "pass" if f.verdict == "supported" else "fail",
                "message": {"text": f"[{f.label}] {f.message}"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": f.line, "startColumn": f.column, "endColumn": f.end_column,
                               "charOffset": f.start, "charLength": f.end - f.start,
                               "snippet": {"text": f.surface}},
                }}],
                "properties": {"verdict": f.verdict, "severity": f.severity},
            }
            if f.paper_text or f.paper_value is not None:
                res["properties"]["paper"] = {"value": f.paper_value, "text": f.paper_text,
                                              "summary_id": f.summary_id}
            results.append(res)
        for n in rep.notes:
            notes.append({"level": "warning" if n.startswith("FC3") else "note",
                          "message": {"text": n},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
    run = {
        "tool": {"driver": {"name": "factcheck", "fullName": FULL_NAME, "version": __version__,
                            "semanticVersion": __version__,
                            "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
        "results": results,
    }
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)
