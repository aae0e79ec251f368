"""``--format concise``: ``path:line:col: CODE [severity] message``, one per line."""
from __future__ import annotations

from typing import TextIO

from factlint.reporters.base import Report


class ConciseReporter:
    def write(self, report: Report, out: TextIO) -> None:
        for f in report.result.findings:
            out.write(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}\n")
