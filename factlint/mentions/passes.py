"""Document-level passes over the mentions of every segment.

Takes the mentions the linker found, the document and the KB index; gives
them back with what only the whole document tells: in a table row, the
title and the date that other cells of the row state, and for a family name
alone that several KB people share, the one the draft means.
"""
from __future__ import annotations

import bisect
import dataclasses

from factlint.dates import Period
from factlint.document import Document
from factlint.kb.index import KBIndex
from factlint.lexicon import Tense
from factlint.mentions.model import Mention, MentionKind, Title
from factlint.mentions.timeline import whole_time
from factlint.mentions.titles import whole_title
from factlint.mentions.tokens import Tokens
from factlint.text import keys

_FULL = (MentionKind.NAME, MentionKind.MISSPELLING, MentionKind.NEAR)
_FAMILY_LENGTHS = (1, 2)  # a family name alone has one or two words


def _cells(doc: Document, index: KBIndex, article: Period, cells: list[int],
           by_segment: dict[int, list[int]]) -> tuple[dict[int, Title], dict[int, Period], dict[int, tuple[int, int]]]:
    """Of a row's cells: those that are only a title, those that are only a
    date, and where each cell's words begin and end."""
    titles: dict[int, Title] = {}
    times: dict[int, Period] = {}
    bounds: dict[int, tuple[int, int]] = {}
    for no in cells:
        v = Tokens(doc.segments[no].text)
        if not v.n:
            continue
        bounds[no] = (v.starts[0], v.ends[-1])
        if no in by_segment:
            continue  # a cell that names someone is neither a title nor a date
        title = whole_title(v, index)
        if title is not None:
            titles[no] = title
        when = whole_time(v, article)
        if when is not None:
            times[no] = when
    return titles, times, bounds


def table_rows(mentions: list[Mention], doc: Document, index: KBIndex, article: Period) -> list[Mention]:
    """In a table row, a cell that is only a title applies to a cell that is
    only a name ("| Antony Blinken | Secretary of State |"), and a cell that is
    only a date or range of dates is the time of the row's other cells."""
    rows: dict[int, list[int]] = {}
    for no, seg in enumerate(doc.segments):
        if seg.row >= 0:
            rows.setdefault(seg.row, []).append(no)
    by_segment: dict[int, list[int]] = {}
    for k, m in enumerate(mentions):
        by_segment.setdefault(m.segment, []).append(k)
    out = list(mentions)
    for cells in rows.values():
        if len(cells) < 2 or not any(no in by_segment for no in cells):
            continue
        titles, times, bounds = _cells(doc, index, article, cells, by_segment)
        title = next(iter(titles.values())) if len(titles) == 1 else None
        when = next(iter(times.values())) if len(times) == 1 else None
        if title is None and when is None:
            continue
        # the title goes to the one cell that is a name and nothing else
        named = [k for no in cells for k in by_segment.get(no, ())
                 if out[k].title is None and (out[k].start, out[k].end) == bounds.get(no)]
        for no in cells:
            for k in by_segment.get(no, ()):
                m = out[k]
                changes: dict[str, object] = {}
                if title is not None and named == [k]:
                    changes["title"] = title
                if when is not None and not m.explicit_time:
                    changes.update(when=when, explicit_time=True)
                if changes:
                    out[k] = dataclasses.replace(m, **changes)  # type: ignore[arg-type]
    return out


def settle_families(mentions: list[Mention], index: KBIndex | None = None) -> list[Mention]:
    """Give a family name alone to the person the draft means.

    Under a title without a time modifier, the people of that family name who held an office of the
    title come first ("Secretary of State Clinton" is not her husband, named
    in full just before). "Kim" after "Kim Jong-un" is Kim Jong-un; a family name that several KB
    people share and that the draft never ties to one of them stays
    ambiguous (all candidates kept, so checks stay quiet on it). A family
    name whose nearest full name before it is someone the KB does not know
    ("former President Ana Marcos … President Marcos") is theirs: dropped.
    """
    full = [m for m in mentions if m.kind in _FULL]
    where = [(f.segment, f.start) for f in full]  # in document order
    seen_at: dict[str, list[int]] = {}  # person -> indexes into ``full``
    for k, f in enumerate(full):
        for p in f.persons:
            seen_at.setdefault(p, []).append(k)
    shadows = _shadows(mentions)
    out: list[Mention] = []
    for m in mentions:
        if shadows and m.kind == MentionKind.FAMILY and _shadowed(m, shadows, full, seen_at):
            continue  # the family name of someone the KB does not know, named just before
        if m.kind == MentionKind.FAMILY and len(m.persons) > 1 and m.title is not None and index is not None \
                and all(t == Tense.CURRENT for t in m.title.modifiers):  # ("an incoming President X": maybe not yet)
            held = tuple(p for p in m.persons if any(t.office in m.title.offices for t in index.tenures(p)))
            if held and len(held) < len(m.persons):
                m = dataclasses.replace(m, persons=held)
        if m.kind == MentionKind.FAMILY and len(m.persons) > 1 and any(p in seen_at for p in m.persons):
            # the nearest full mention before it, else the first after it
            cut = bisect.bisect_left(where, (m.segment, m.start))
            before = [ks[bisect.bisect_left(ks, cut) - 1] for p in m.persons if (ks := seen_at.get(p)) and ks[0] < cut]
            k = max(before) if before else min(seen_at[p][0] for p in m.persons if p in seen_at)
            choice = [p for p in full[k].persons if p in m.persons][-1 if before else 0]
            m = dataclasses.replace(m, persons=(choice,))
        out.append(m)
    return out


def _shadows(mentions: list[Mention]) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Family names of the full names the KB does not know -> where those
    names are written (in document order)."""
    out: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for m in mentions:
        if m.kind == MentionKind.UNKNOWN:  # (a mix-up of two people is a slip: the family name stays theirs)
            k = keys(m.text)
            for n in _FAMILY_LENGTHS:
                if len(k) > n:
                    out.setdefault(k[-n:], []).append((m.segment, m.start))
    return out


def _shadowed(m: Mention, shadows: dict[tuple[str, ...], list[tuple[int, int]]], full: list[Mention],
              seen_at: dict[str, list[int]]) -> bool:
    """The nearest full name before *m* with its family name is one the KB does not know."""
    at = (m.segment, m.start)
    unknown = [w for w in shadows.get(keys(m.text), ()) if w < at]
    if not unknown:
        return False
    known = [(full[k].segment, full[k].start) for p in m.persons for k in seen_at.get(p, ())
             if (full[k].segment, full[k].start) < at]
    return not known or max(unknown) > max(known)
