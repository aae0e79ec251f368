"""The records that cross layers: what a check found, and what a user sees."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check reports, before the engine turns it into a Finding."""

    segment: int
    start: int
    end: int
    situation: str = ""                 # which message template of the rule
    fields: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    probable: bool = False              # rests on KB facts past their as_of: warn only
    fix: str | None = None              # a safe replacement for the span, if any


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...] = ()
    text: str = ""                      # the text the finding marks (for baselines)
    fix: str | None = None
    situation: str = ""                 # which message template (not on the wire)

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column,
            "code": self.code, "rule": self.rule, "severity": self.severity,
            "message": self.message, "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class FileError:
    """A draft that could not be checked."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: int = 0

    def summary(self) -> dict[str, int]:
        out = {"files": self.files, "error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out
