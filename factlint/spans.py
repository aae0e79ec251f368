"""Where a fix may be written: outside quotations, over plain whole words.

Takes a draft's lines (or its parsed document) and a finding; gives whether
the finding's span lies inside quotation marks, holds Markdown markup, or
leaves part of a written word or name outside it, and the fix trimmed of
punctuation the text already has after the span.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from factlint.document import Document
from factlint.findings import Finding
from factlint.lexicon import NAME_SUFFIXES

# Opening and closing marks; a straight double quote toggles.
_OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_MARK_RE = re.compile("[" + re.escape("".join(('"', "\u2018", "\u2019", *_OPENERS, *_CLOSERS))) + "]")

# Name endings written with a full stop: suffixes and single initials.
_ABBREVIATED = NAME_SUFFIXES | frozenset("abcdefghijklmnopqrstuvwxyz")

class Quotations:
    """Whether a position lies inside quotation marks in its paragraph.

    Quotes are counted in the checked text of the paragraph (code and link
    targets left out), so a ``"`` inside code does not upset the count. A
    quotation still open at the span counts as inside: news style leaves a
    quote that runs over paragraphs open at each paragraph's end. The
    document's pieces are indexed by line once, so asking is cheap.
    """

    def __init__(self, doc: Document) -> None:
        self.by_line: dict[int, list[tuple[str, int, int, int]]] = {}
        for seg in doc.segments:
            for i, (start, ln, col) in enumerate(zip(seg.starts, seg.lines, seg.cols)):
                end = seg.starts[i + 1] - 1 if i + 1 < len(seg.starts) else len(seg.text)
                self.by_line.setdefault(ln, []).append((seg.text, start, col, end))

    def __call__(self, line: int, column: int) -> bool:
        for text, start, col, end in self.by_line.get(line, ()):
            if col <= column - 1 <= col + (end - start):
                return open_quote(text[: start + column - 1 - col])
        return False


def open_quote(before: str) -> bool:
    """Whether a quotation is open at the end of *before*.

    Double quotes: ``"`` toggles; “…” and «…» nest; a quotation opened with
    one kind and closed with the other ("…” or “…") is one. Single quotes (British
    style): ‘ opens, and ’ closes one only where it is not an apostrophe,
    that is, not followed by a letter (“Blinken’s” stays inside). Straight
    single quotes are left out: they are apostrophes far more often.
    """
    ranges = quoted_ranges(before)
    return bool(ranges) and ranges[-1][1] >= len(before)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """The stretches of *text* inside quotation marks, as sorted, disjoint
    (start, end) offsets: a position p is inside one when start <= p < end
    (the marks themselves are outside). A quotation still
    open at the end runs to ``len(text)``. The marks are read as
    :func:`open_quote` says."""
    out: list[tuple[int, int]] = []
    straight = False
    depth = 0
    single = 0
    opened = -1
    n = len(text)
    for mark in _MARK_RE.finditer(text):  # the marks only: most of a paragraph is skipped in C
        i, ch = mark.start(), mark.group()
        was = straight or depth > 0 or single > 0
        if ch == '"':
            if depth and not straight:
                depth -= 1  # closes a curly one: typography mixed in one quotation
            else:
                straight = not straight
        elif ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif ch in _CLOSERS and straight:
            straight = False  # "...” : the same, the other way round
        elif ch == "\u2018":
            single += 1
        elif ch == "\u2019" and single and not (i + 1 < n and text[i + 1].isalpha()):
            single -= 1
        now = straight or depth > 0 or single > 0
        if now and not was:
            opened = i + 1
        elif was and not now:
            out.append((opened, i))
    if straight or depth > 0 or single > 0:
        out.append((opened, n))
    return out


# Characters that are Markdown markup or HTML where a name would be: a span
# holding one is not plain written text, and a fix there could move or
# delete the markup ("Anthony _Blinken_", "**Sergei** Lavrov").
_MARKUP_CHARS = frozenset("*_`[]<>\\|~")


def plain(lines: Sequence[str], f: Finding) -> bool:
    """The span, as written in the file, is plain text (no markup inside)."""
    if f.end_line == f.line:
        raw = lines[f.line - 1][f.column - 1 : f.end_column - 1]
    else:  # the second line's prefix ("> " of a block quote) is not part of the name
        head = lines[f.line - 1][f.column - 1 :]
        last = lines[f.end_line - 1][: f.end_column - 1]
        tail_words = len(f.text.split()) - len(head.split())
        raw = head + " " + " ".join(last.split()[-tail_words:] if tail_words > 0 else [last])
    return not any(ch in _MARKUP_CHARS for ch in raw)


_JOINERS = "-'\u2019\u02bb\u2018"  # what joins parts of one written name: "el-Sisi", "'Akilisi"


def whole(lines: Sequence[str], f: Finding) -> bool:
    """The span is a whole written name: no part of a word, a particle or an
    abbreviation's full stop ("Jr.", "R.") is left outside it."""
    first, last = lines[f.line - 1], lines[f.end_line - 1]
    before = first[: f.column - 1]
    after = last[f.end_column - 1 :]
    if before[-1:].isalnum() or (before[-1:] and before[-1] in _JOINERS):
        return False
    possessive = after[1:2] in ("s", "S") and not after[2:3].isalnum()  # "Lavrov's"
    if after[:1].isalnum() or (after[:1] in _JOINERS and after[1:2].isalnum() and not possessive):
        return False
    if after[:1] == "." and (f.text.split() or [""])[-1].rstrip(".").casefold() in _ABBREVIATED:
        # "Joseph R. Biden Jr." read without its last full stop: replacing
        # the words would leave the stop behind, unless the fix ends so too.
        return (f.fix or "").endswith("." )
    return True


def trimmed(fix: str, after: str) -> str:
    """The fix without trailing punctuation the text already has right after
    the span ("Remengesau Jr" + "." before "Jr." would write "Jr..")."""
    k = len(fix) - len(fix.rstrip(".,;:!?"))
    while k and not after.startswith(fix[len(fix) - k :]):
        k -= 1
    return fix[: len(fix) - k] if k else fix
