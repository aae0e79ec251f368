"""Code actions: the fixes ``--fix`` would make, and suppression comments.

Takes a :class:`~factlint.lsp.drafts.Checked` draft and the range the
editor asks about; gives LSP ``CodeAction`` objects with ``WorkspaceEdit``s.

- **Quick fix** ('Replace with "Dmytro Kuleba"'), for exactly the findings
  that ``factlint check --fix`` would change on this text in its first pass:
  the plan is :func:`factlint.fix.fix_source` itself, run on the editor's
  text, so a fix ``--fix`` refuses (inside quotation marks, markup inside
  the name, a fix that would read as a slip again) is not offered either.
  A fix that only becomes possible after another (a misspelling, then the
  accepted alias it turns into) is offered once the first is applied.
- **Fix all** (``source.fixAll.factlint``): everything ``--fix`` would do.
- **Disable the rule on the next line**: the suppression comment factlint
  reads, ``<!-- factlint-disable-next-line CODE -->``. In Markdown, when the
  finding's line continues a paragraph, the comment goes at the end of the
  line before (an inline HTML comment keeps the paragraph whole, where a
  line of its own would split it in two); otherwise it is a line of its own
  above, indented like the finding's line.

Edits are made line by line, only over the characters that change, so a
line's ending (CRLF or LF) is never touched.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

from factlint.findings import Finding
from factlint.fix import Source, apply_fixes, fix_source
from factlint.lsp.convert import diagnostic, to_position
from factlint.lsp.drafts import Checked

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.factlint"
_PREFIX_RE = re.compile(r"^[ \t>]*")


@dataclass(frozen=True)
class FixPlan:
    first: tuple[Finding, ...]      # fixed in --fix's first pass, as reported now
    final: tuple[str, ...]          # the lines once --fix is done


def _key(f: Finding) -> tuple[object, ...]:
    return (f.line, f.column, f.code, f.text, f.fix)


def plan(checked: Checked) -> FixPlan:
    if isinstance(checked.fix_plan, FixPlan):
        return checked.fix_plan
    linter = checked.project.linter
    assert linter is not None and checked.doc is not None
    n = len(checked.lines)
    source = Source(b"", False, tuple(checked.lines), ("\n",) * (n - 1) + ("",))
    final, applied, _ = fix_source(linter, source, checked.doc.path, checked.markdown)
    now = {_key(f) for f in checked.findings}
    result = FixPlan(tuple(f for f in applied if _key(f) in now), tuple(final))
    checked.fix_plan = result
    return result


def line_edits(old: Sequence[str], new: Sequence[str], encoding: str) -> list[types.TextEdit]:
    """One edit per changed line, over the characters that differ."""
    edits = []
    for row, (a, b) in enumerate(zip(old, new)):
        if a == b:
            continue
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        start = to_position(old, row + 1, head + 1, encoding)
        end = to_position(old, row + 1, len(a) - tail + 1, encoding)
        edits.append(types.TextEdit(types.Range(start, end), b[head : len(b) - tail]))
    return edits


def _edit(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def suppression_edit(checked: Checked, f: Finding, encoding: str) -> types.TextEdit:
    comment = f"<!-- factlint-disable-next-line {f.code} -->"
    row = f.line - 1
    above = checked.lines[row - 1] if row > 0 else ""
    if checked.markdown and above.strip() and _continues_paragraph(checked, f.line):
        at = to_position(checked.lines, f.line - 1, len(above.rstrip()) + 1, encoding)
        return types.TextEdit(types.Range(at, at), " " + comment)
    prefix = _PREFIX_RE.match(checked.lines[row])
    at = to_position(checked.lines, f.line, 1, encoding)
    return types.TextEdit(types.Range(at, at), f"{prefix.group(0) if prefix else ''}{comment}\n")


def _continues_paragraph(checked: Checked, line: int) -> bool:
    """*line* and the one before it belong to one Markdown block."""
    assert checked.doc is not None
    return any(line in seg.lines and line - 1 in seg.lines for seg in checked.doc.segments)


def code_actions(checked: Checked, wanted: types.Range, only: Sequence[str] | None,
                 encoding: str) -> list[types.CodeAction]:
    """The actions for the findings that touch *wanted* (and fix-all)."""
    if checked.doc is None or checked.project.linter is None:
        return []
    rules = checked.project.rules

    asked = [str(getattr(k, "value", k)) for k in only or ()]

    def allowed(kind: str) -> bool:
        kind = str(getattr(kind, "value", kind))
        return not asked or any(kind == k or kind.startswith(f"{k}.") for k in asked)

    first_line, last_line = wanted.start.line + 1, wanted.end.line + 1
    touching = [f for f in checked.findings if f.line <= last_line and f.end_line >= first_line]
    actions: list[types.CodeAction] = []
    fixed = {_key(f) for f in plan(checked).first} if touching and allowed(types.CodeActionKind.QuickFix) else set()
    for f in touching:
        if not allowed(types.CodeActionKind.QuickFix):
            break
        diag = diagnostic(f, rules, checked.uri, checked.lines, encoding)
        if _key(f) in fixed:
            new, _, _ = apply_fixes(checked.doc, checked.lines, [f], rules)
            actions.append(types.CodeAction(
                title=f'Replace with "{f.fix}" ({f.code})', kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag], is_preferred=True,
                edit=_edit(checked.uri, line_edits(checked.lines, new, encoding))))
        actions.append(types.CodeAction(
            title=f"Disable {f.code} ({f.rule}) on the next line", kind=types.CodeActionKind.QuickFix,
            diagnostics=[diag], edit=_edit(checked.uri, [suppression_edit(checked, f, encoding)])))
    if allowed(FIX_ALL) and (touching or only):
        final = plan(checked).final
        if list(final) != checked.lines:
            actions.append(types.CodeAction(
                title="Fix all safe factlint problems", kind=FIX_ALL,
                edit=_edit(checked.uri, line_edits(checked.lines, final, encoding))))
    return actions
