"""Hover: what the KB knows about the official under the cursor.

Takes a :class:`~factlint.lsp.drafts.Checked` draft and a 1-based (line,
column); finds the mention there (its name, or the title written with it)
and gives Markdown: the date the sentence is checked at, then each person
the name may be, as ``factlint kb who`` shows them (names, offices with
their dates). A name made of two people ("Joe Blinken") shows the two
the finding names.
Nothing is shown over text that names no one the KB knows.
"""
from __future__ import annotations

from factlint.assess.people import rank
from factlint.kb.index import KBIndex
from factlint.kb_report import describe
from factlint.lsp.drafts import Checked
from factlint.mentions import scan_document
from factlint.mentions.model import Mention, MentionKind
from factlint.tuning import LSP_HOVER_PEOPLE


def _spans(checked: Checked, m: Mention) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The (line, column) start and exclusive end of the name and its title."""
    assert checked.doc is not None
    seg = checked.doc.segments[m.segment]
    pieces = [(m.start, m.end)] + ([(m.title.start, m.title.end)] if m.title else [])
    out = []
    for start, end in pieces:
        last = seg.position(max(end - 1, start))
        out.append((seg.position(start), (last[0], last[1] + 1)))
    return out


def mention_at(checked: Checked, line: int, column: int) -> Mention | None:
    linter = checked.project.linter
    if checked.doc is None or linter is None or linter.kb is None or checked.date is None:
        return None
    if checked.mentions is None:
        checked.mentions, _ = scan_document(checked.doc, linter.kb, checked.date)
    for m in checked.mentions:
        if any(a <= (line, column) < b for a, b in _spans(checked, m)):
            return m
    return None


def _people(index: KBIndex, m: Mention) -> list[str]:
    """Whom to describe: for a mix-up, the likeliest person of each part (as
    the FL103 message names them); else the people the name may be, the
    likeliest first, at most ``tuning.LSP_HOVER_PEOPLE``."""
    known = [p for p in m.persons if p in index.kb.people]
    if m.kind == MentionKind.CONFLATED:
        family = [p for p in m.family_persons if p in index.kb.people]
        return list(dict.fromkeys(rank(index, {}, group, m) for group in (known, family) if group))
    if len(known) > 1:
        known = list(dict.fromkeys([rank(index, {}, known, m), *known]))
    return known[:LSP_HOVER_PEOPLE]


def hover_text(checked: Checked, line: int, column: int) -> str | None:
    m = mention_at(checked, line, column)
    if m is None or checked.project.linter is None or checked.project.linter.kb is None:
        return None
    index = checked.project.linter.kb
    people = _people(index, m)
    if not people:
        return None
    when = m.when.text if m.explicit_time else str(checked.date)
    blocks = "\n\n".join(describe(index, pid) for pid in people)
    return f"**{m.text}** (checked as of {when}), in the factlint KB:\n\n```text\n{blocks}\n```"
