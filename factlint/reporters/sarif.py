"""``--format sarif``: SARIF 2.1.0, for code scanning (GitHub, GitLab, IDEs).

One run: the tool with every loaded rule (id = code, name, descriptions,
help URI, default level), one result per finding with its region, and the
safe replacement as a ``fix`` where ``--fix`` would apply one to a span on
one line. Columns are
counted in Unicode code points, as factlint counts them, and the run says
so (``columnKind``); end columns are exclusive, as in SARIF. Drafts that
could not be read become tool execution notifications.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from factlint import __version__
from factlint.findings import Finding
from factlint.fix import is_fixable
from factlint.reporters.base import Report
from factlint.rules import Rule, builtin_rule_dir

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
HOMEPAGE = "https://github.com/factlint/factlint"
RULES_DOC = f"{HOMEPAGE}/blob/main/docs/rules.md"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def help_uri(rule: Rule) -> str | None:
    """The rule's ``link``, or its entry in docs/rules.md for built-in rules."""
    if rule.link:
        return rule.link
    if not rule.path or PurePath(rule.path).is_relative_to(str(builtin_rule_dir())):
        return f"{RULES_DOC}#{rule.code.lower()}"
    return None


def artifact_uri(path: str) -> str:
    """The path as given, as a URI reference (forward slashes, percent-encoded)."""
    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    end = flat.find(". ")
    return flat if end < 0 else flat[: end + 1]


def _descriptor(rule: Rule) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(rule.description)},
        "fullDescription": {"text": " ".join(rule.description.split())},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"checkKind": rule.extends},
    }
    uri = help_uri(rule)
    if uri:
        d["helpUri"] = uri
    return d


def _region(f: Finding) -> dict[str, int]:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _result(f: Finding, index: dict[str, int], report: Report, seen: Counter[tuple[str, str, str]]) -> dict[str, Any]:
    uri = artifact_uri(f.path)
    r: dict[str, Any] = {"ruleId": f.code}
    if f.code in index:
        r["ruleIndex"] = index[f.code]
    r["level"] = LEVELS[f.severity]
    r["message"] = {"text": f.message}
    r["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": _region(f)}}]
    # Stable across edits elsewhere in the file: the same key as baselines.
    k = (f.path, f.code, f.text)
    seen[k] += 1
    digest = hashlib.sha256("\0".join((*k, str(seen[k]))).encode("utf-8")).hexdigest()[:32]
    r["partialFingerprints"] = {"factlintText/v1": digest}
    if f.suggestions:
        r["properties"] = {"suggestions": list(f.suggestions)}
    # A span over a line break is fixed word by word by --fix, keeping the
    # break and any "> " prefix; a plain region replacement would lose them.
    if is_fixable(f, report.rules) and f.line == f.end_line:
        r["fixes"] = [{
            "description": {"text": f"Replace with {f.fix}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri},
                "replacements": [{"deletedRegion": _region(f), "insertedContent": {"text": f.fix}}],
            }],
        }]
    return r


class SarifReporter:
    def write(self, report: Report, out: TextIO) -> None:
        rules = list(report.rules.values())
        index = {r.code: i for i, r in enumerate(rules)}
        seen: Counter[tuple[str, str, str]] = Counter()
        invocation: dict[str, Any] = {"executionSuccessful": not report.result.errors}
        if report.result.errors:
            notes = []
            for e in report.result.errors:
                n: dict[str, Any] = {"level": "error", "message": {"text": e.message}}
                loc: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(e.path)}}
                if e.line:
                    loc["region"] = {"startLine": e.line}
                n["locations"] = [{"physicalLocation": loc}]
                notes.append(n)
            invocation["toolExecutionNotifications"] = notes
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "factlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": HOMEPAGE,
                    "rules": [_descriptor(r) for r in rules],
                }},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index, report, seen) for f in report.result.findings],
            }],
        }
        json.dump(log, out, ensure_ascii=False, indent=2)
        out.write("\n")
