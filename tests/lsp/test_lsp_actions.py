"""factlint.lsp.actions and .convert in process: the edits the server offers,
applied to the text, do what they say."""
from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from factlint.lsp.actions import FIX_ALL, code_actions
from factlint.lsp.convert import from_position, span_range
from factlint.lsp.drafts import Checked, check_draft
from factlint.lsp.project import Projects

UTF16 = types.PositionEncodingKind.Utf16
HEAD = "---\ndate: 2024-06-21\n---\n\n"


def _check(tmp_path: Path, text: str, language: str = "markdown") -> Checked:
    (tmp_path / ".factlint.yaml").write_text("date: 2024-06-21\n", encoding="utf-8")  # for plain text
    draft = tmp_path / ("draft.md" if language == "markdown" else "draft.txt")
    checked, _ = check_draft(Projects(tmp_path), draft.as_uri(), text, language)
    assert checked.problem is None
    return checked


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        s, t = e.range.start, e.range.end
        assert s.line == t.line
        row = lines[s.line]
        lines[s.line] = row[: s.character] + e.new_text + row[t.character :]
    return "\n".join(lines)


def _actions(checked: Checked, code: str, only: list[str] | None = None) -> list[types.CodeAction]:
    f = next(f for f in checked.findings if f.code == code)
    return code_actions(checked, span_range(checked.lines, f, UTF16), only, UTF16)


def _edits(action: types.CodeAction, checked: Checked) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return action.edit.changes[checked.uri]


@pytest.mark.parametrize("text, language, inline", [
    # the name on a paragraph's second line: the comment ends the line before, the paragraph stays whole
    (HEAD + "In response to the agreement, the\nUS President Joe Blinken said his country would act.\n", "markdown", True),
    # the first line of a paragraph: a line of its own above
    (HEAD + "US President Joe Blinken said his country would act.\n", "markdown", False),
    # in a block quote, the comment line keeps the quote marker
    (HEAD + "> US President Joe Blinken said his country would act.\n", "markdown", False),
    ("We heard it at noon, when\nUS President Joe Blinken say his country would act.\n", "plaintext", False),
])
def test_disabling_on_the_next_line_silences_just_that_finding(tmp_path: Path, text: str, language: str, inline: bool) -> None:
    checked = _check(tmp_path, text, language)
    action = next(a for a in _actions(checked, "FL103") if a.title.startswith("Disable FL103"))
    [edit] = _edits(action, checked)
    assert edit.new_text.startswith(" <!--") == inline
    fixed = _apply(text, [edit])
    after = _check(tmp_path, fixed, language)
    assert [f.code for f in after.findings] == []
    assert len(after.lines) == len(checked.lines) + (0 if inline else 1)
    if language == "markdown":
        assert len(after.doc.segments) == len(checked.doc.segments)  # no paragraph split in two


def test_the_quick_fix_is_the_fix_that_fix_makes(tmp_path: Path) -> None:
    text = HEAD + "Ukrainian Foreign Minister Dmitry Kuleba said Kyiv welcomed the talks.\n"
    checked = _check(tmp_path, text)
    fix = next(a for a in _actions(checked, "FL201") if a.title.startswith("Replace"))
    assert fix.title == 'Replace with "Dmytro Kuleba" (FL201)'
    assert "Dmytro Kuleba said" in _apply(text, _edits(fix, checked))
    [fix_all] = _actions(checked, "FL201", only=[types.CodeActionKind.SourceFixAll])
    assert fix_all.kind == FIX_ALL
    assert _apply(text, _edits(fix_all, checked)) == _apply(text, _edits(fix, checked))


def test_no_quick_fix_where_fix_refuses_one(tmp_path: Path) -> None:
    # inside quotation marks --fix leaves the name for an editor; so does the server
    text = HEAD + 'She wrote: "Ukrainian Foreign Minister Dmitry Kuleba said no."\n'
    checked = _check(tmp_path, text)
    titles = [a.title for a in _actions(checked, "FL201")]
    assert titles == ["Disable FL201 (misspelled-name) on the next line"]


def test_positions_are_in_utf16_code_units(tmp_path: Path) -> None:
    text = HEAD + "\U0001F4F0 US President Joe Blinken said his country would act.\n"
    checked = _check(tmp_path, text)
    [f] = [f for f in checked.findings if f.code == "FL103"]
    assert f.column == 16  # code points: the newspaper emoji is one
    where = span_range(checked.lines, f, UTF16)
    assert (where.start.line, where.start.character, where.end.character) == (4, 16, 27)  # it is two UTF-16 units
    assert from_position(checked.lines, where.start, UTF16) == (5, 16)
    assert span_range(checked.lines, f, types.PositionEncodingKind.Utf8).start.character == 18
