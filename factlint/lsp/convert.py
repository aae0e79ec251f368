"""factlint's findings in the editor's terms: positions and diagnostics.

Takes :class:`~factlint.findings.Finding` records (1-based lines, columns
in Unicode code points, end exclusive) and gives LSP ``Diagnostic`` objects
(0-based lines, columns in the position encoding the editor and the server
agreed on at ``initialize``: UTF-16 code units unless the editor offers
UTF-32 or UTF-8).

Each diagnostic carries ``source: factlint``, the rule code as ``code``, a
link to the rule's documentation as ``codeDescription`` (the rule's own
``link:``, else, for the built-in rules, its entry in ``docs/rules.md``, the
same address SARIF gives, else the rule file itself as a ``file:`` URI), the
message, and in ``data`` the rule name and the suggestions. The first
suggestion is also shown as related information at the same place, since
editors show that to the writer and few show ``data``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from factlint.findings import FileError, Finding
from factlint.reporters.sarif import help_uri
from factlint.rules import Rule

SOURCE = "factlint"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_EOL_RE = re.compile(r"\r\n|\r|\n")  # the line breaks LSP counts (and factlint)


def split_lines(text: str) -> list[str]:
    return _EOL_RE.split(text)


def _units(text: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def to_position(lines: Sequence[str], line: int, column: int, encoding: str) -> types.Position:
    """A 1-based line and code-point column as an LSP position."""
    row = min(max(line - 1, 0), max(len(lines) - 1, 0))
    text = lines[row] if lines else ""
    return types.Position(row, _units(text[: max(column - 1, 0)], encoding))


def from_position(lines: Sequence[str], position: types.Position, encoding: str) -> tuple[int, int]:
    """An LSP position as a 1-based (line, code-point column)."""
    if position.line >= len(lines):
        return len(lines) + 1, 1
    text, units, col = lines[position.line], 0, 0
    while col < len(text) and units + _units(text[col], encoding) <= position.character:
        units += _units(text[col], encoding)
        col += 1
    return position.line + 1, col + 1


def span_range(lines: Sequence[str], f: Finding, encoding: str) -> types.Range:
    return types.Range(to_position(lines, f.line, f.column, encoding),
                       to_position(lines, f.end_line, f.end_column, encoding))


def rule_href(rule: Rule | None) -> str | None:
    if rule is None:
        return None
    href = help_uri(rule)
    if href is None and rule.path:
        href = Path(rule.path).resolve().as_uri()
    return href


def diagnostic(f: Finding, rules: dict[str, Rule], uri: str, lines: Sequence[str], encoding: str) -> types.Diagnostic:
    where = span_range(lines, f, encoding)
    href = rule_href(rules.get(f.code))
    related = [types.DiagnosticRelatedInformation(types.Location(uri, where), f"suggestion: {s}")
               for s in f.suggestions[:1]]
    return types.Diagnostic(
        range=where,
        message=f.message,
        severity=SEVERITY.get(f.severity, types.DiagnosticSeverity.Information),
        code=f.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
        data={"rule": f.rule, "suggestions": list(f.suggestions), "fix": f.fix},
    )


def error_diagnostic(err: FileError, lines: Sequence[str], encoding: str) -> types.Diagnostic:
    """A problem with the draft itself (a bad rule code in a factlint comment)."""
    line = err.line or 1
    end = len(lines[line - 1]) + 1 if 0 < line <= len(lines) else 1
    where = types.Range(to_position(lines, line, 1, encoding), to_position(lines, line, end, encoding))
    return types.Diagnostic(range=where, message=err.message, severity=types.DiagnosticSeverity.Error, source=SOURCE)
