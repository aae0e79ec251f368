"""``--format json``: the versioned wire format (see docs/json-format.md)."""
from __future__ import annotations

import json
from typing import TextIO

from factlint.reporters.base import Report

VERSION = 1


class JsonReporter:
    def write(self, report: Report, out: TextIO) -> None:
        data = {
            "version": VERSION,
            "findings": [f.to_json() for f in report.result.findings],
            "summary": report.result.summary(),
        }
        if report.result.errors:
            data["errors"] = [{"path": e.path, "line": e.line, "message": e.message} for e in report.result.errors]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
