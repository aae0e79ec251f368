"""Furniture: the parts of a page that are not the paper's own prose.

Takes one draft's segments (from :mod:`factlint.document`); gives them back
with their furniture marked. A news page carries text that is not the
paper's claim about the article's day. Someone else's words, or nobody's
claim, are left out of the checked text as code is (each character becomes
``BARRIER``):

* an **embedded post**: its signature ("— Ana Smith (@anasmith) May 1,
  2020", "A post shared by Ana Smith (@anasmith) on May 1, 2020 at 9:00am
  PDT") and its text, the whole sentences right before the signature that
  fit in the platform's limit (``tuning.TWEET_CHARS``, ``POST_CHARS``). A
  tweet that fills its paragraph (a tweet of several lines) begins with the
  last line of the paragraph before if that fits in the same limit and
  reads as a post's line, not the paper's prose: no sentence's end mark
  ("Feel safer"), or a hashtag, a handle or an emoji. Not when that
  paragraph ends with a colon ("She wrote:" introduces the post) or the
  post repeats it (the paper quoting the post);
* a **picture credit** ("Photograph: A. Smith/Agency", "(AP Photo/A.
  Smith)", "A. Smith/Getty Images");
* a **byline** paragraph ("By Ana Smith and Li Wei, Agency").

What the paper writes about another moment is kept, its names checked, but
marked *undated* (``Segment.undated``): the linker joins no title to a name
there, since a caption describes the moment of its picture, which it rarely
dates, and a headline its own article's day:

* a **caption**: the whole sentences right before a picture credit that fit
  in ``tuning.CAPTION_CHARS``, or a whole paragraph that numbers a gallery
  ("Caption 5 of 20") or calls its picture a "file photo";
* a **related link**: the headline after "Read more:" or before a closing
  "Read more" (``tuning.HEADLINE_CHARS``).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from factlint import tuning
from factlint.lexicon import ABBREVIATIONS, CAPTION_WORDS, CREDIT_MARKERS, PICTURE_AGENCIES, RELATED_MARKERS

if TYPE_CHECKING:
    from factlint.document import Segment

BARRIER = "\x00"  # stands in for excluded text: no name or title spans it (factlint.document uses it too)


class Kind(StrEnum):
    POST = "post"          # an embedded tweet or post: signature and text
    CREDIT = "credit"      # a picture credit
    BYLINE = "byline"      # a byline paragraph
    CAPTION = "caption"    # a picture's caption
    RELATED = "related"    # the headline of a related article


EXCLUDED = frozenset({Kind.POST, Kind.CREDIT, Kind.BYLINE})  # not checked at all


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of furniture: characters [start, end) of a segment's text."""

    kind: Kind
    start: int
    end: int


# -- patterns ------------------------------------------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_TWEET = re.compile(rf"(?:\u2014|\u2013|--?)[ \t]*[^()\n\u2014]{{1,80}}?\(@\w{{1,15}}\)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}")
_POST = re.compile(rf"A post shared by [^()\n]{{1,80}}?\(@[\w.]{{1,30}}\)\s+on\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
                   r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?)?")
_WORD = r"(?:[A-Z]\.|[A-Z][\w'\u2019-]*)"  # a capitalised word or an initial
_PART = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}"
_SLASH = r"[ \t]*[/|][ \t]*"
_CHAIN = rf"{_PART}(?:(?:{_SLASH}|[ \t]+via[ \t]+|,[ \t]+){_PART})*"
_MARKED_CREDIT = re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, CREDIT_MARKERS), key=len, reverse=True))})"
                            rf"(?::[ \t]*|[ \t]+(?=by\b))(?:by[ \t]+)?{_CHAIN}")
_BARE_CREDIT = re.compile(rf"{_PART}(?:(?:{_SLASH}|[ \t]+via[ \t]+){_PART})*(?:,[ \t]+File\b)?")
_AGENCY = re.compile(rf"(?:{'|'.join(map(re.escape, PICTURE_AGENCIES))})\b(?:[ \t]+(?:Images|Photos?|Agency|Press|"
                     r"Wire|Media|News|Pictures|France-Presse))?")
_GALLERY = re.compile(rf"(?<![a-z])(?:{'|'.join(CAPTION_WORDS)})s?\s+\d+\s+of\s+\d|file (?:{'|'.join(CAPTION_WORDS)})")
_RELATED = "|".join(map(re.escape, RELATED_MARKERS))
_RELATED_OPEN = re.compile(rf"\b(?:{_RELATED})(?:[ \t]+(?:here|on this))?:[ \t]*")
_RELATED_CLOSE = re.compile(rf"\b(?:{_RELATED})(?=\s*$|\s+[A-Z\u201c\"])")
_BYLINE = re.compile(rf"By[ \t]+{_PART}(?:(?:,[ \t]+|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_PART})*\.?[ \t]*")
# Where a sentence may begin: after its end mark (and closing quotes), or a link.
_BOUNDARY = re.compile(r"(?:[.!?\u2026][\"'\u201d\u2019)\]]*|pic\.twitter\.com/\w+|https?://\S+)\s+")
_BLANKS = re.compile(r"\s+")
# What marks a line as a post's: a hashtag, a handle, an emoji or a pictograph.
_POST_MARK = re.compile(r"(?<![\w.])[#@]\w|[\u2600-\u27bf\U0001f000-\U0001faff]")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]")
_LINK = re.compile(r"pic\.twitter\.com/\w+|https?://\S+")
# Cheap tests of a paragraph before each pattern runs: most have none of it.
_AGENCY_WORD = re.compile(rf"\b(?:{'|'.join(map(re.escape, PICTURE_AGENCIES))})\b")
_RELATED_WORDS = ("ead more", "EAD MORE", "ead More", "elated", "ELATED")
# ... and of a paragraph in lower case: one of these, or "By " opening it, or it holds no furniture
# (one that holds another is left out: "photograph" holds "photo")
_TRIGGER_WORDS = tuple(dict.fromkeys(("(@", "/", "|", "read more", "related", *CAPTION_WORDS,
                                      *(m.split()[0].lower() for m in CREDIT_MARKERS))))
_TRIGGERS = tuple(w for w in _TRIGGER_WORDS if not any(v != w and v in w for v in _TRIGGER_WORDS))
_CREDIT_WORD = re.compile("|".join(map(re.escape, CREDIT_MARKERS)))


# -- lengths and sentences -------------------------------------------------------------

def weight(text: str) -> int:
    """*text*'s length as a platform counts it: a link as ``LINK_CHARS``, an
    attached picture's link as nothing, blanks as one, excluded text not at all."""
    n = 0
    last = 0
    for m in _LINK.finditer(text):
        n += _plain_length(text[last:m.start()]) + (0 if m.group().startswith("pic.") else tuning.LINK_CHARS)
        last = m.end()
    return n + _plain_length(text[last:])


def _plain_length(text: str) -> int:
    return len(_BLANKS.sub(" ", text.replace(BARRIER, "")))


def _fits(text: str, budget: int) -> int:
    """What is left of *budget* after *text* (blanks at its ends not counted), or -1."""
    used = weight(text.strip())
    return budget - used if used <= budget else -1


def _starts(text: str, floor: int, end: int) -> list[int]:
    """Where a sentence may begin in text[floor:end], in order: not after
    an abbreviation or an initial ("Mr. Smith", "10 a.m. EST", "A. Smith")."""
    out = [floor]
    for m in _BOUNDARY.finditer(text, floor, end):
        if m.end() >= end:
            break
        if text[m.end()].islower():
            continue  # '"Go!" she said': the sentence goes on
        word = text[max(floor, m.start() - 5):m.start()].rsplit(None, 1)[-1:] or [""]
        stem = word[0].lstrip("(\"“").rstrip(".").casefold()
        if text[m.start()] == "." and (len(stem) <= 1 or stem in ABBREVIATIONS or "." in stem):
            continue
        out.append(m.end())
    return out


def _back(text: str, floor: int, end: int, budget: int, forced: bool) -> tuple[int, int]:
    """The earliest sentence start in text[floor:end] whose text to *end*
    fits in *budget*, and the budget left over; if none fits, (when
    *forced*) the first word start within the budget, else *end*."""
    for s in _starts(text, floor, end):
        left = _fits(text[s:end], budget)
        if left >= 0:
            return s, left
    if not forced:
        return end, 0
    s = max(floor, end - budget)
    while s < end and not text[s].isspace() and s > floor and not text[s - 1].isspace():
        s += 1
    return s, 0


def _caption_start(text: str, floor: int, end: int) -> int:
    """Where the caption before a credit at *end* begins: all the text since
    *floor* if it fits in ``tuning.CAPTION_CHARS`` (a caption paragraph),
    else the last sentence, if that fits."""
    if _fits(text[floor:end], tuning.CAPTION_CHARS) >= 0:
        return floor
    last = _starts(text, floor, end)[-1]
    return last if _fits(text[last:end], tuning.CAPTION_CHARS) >= 0 else end


# -- one segment ---------------------------------------------------------------------------

def _credit(text: str, m: re.Match[str], marked: bool) -> int:
    """The end of a credit matched by *m*, or -1 if it is not one: its last
    part is cut after the agency's name ("A. Smith/AP Patron" ends at "AP")."""
    chain = m.group()
    parts = [p for p in re.split(rf"{_SLASH}|[ \t]+via[ \t]+|,[ \t]+", chain) if p]
    if not marked:
        after_slash = re.split(_SLASH, chain)[1:]
        led = bool(_AGENCY.match(parts[0])) and (bool(after_slash) or text[:m.start()].rstrip(" \t(").endswith("|"))
        if not (led or any(_AGENCY.match(p) for p in after_slash)):
            return -1  # "AP Photo/A. Smith", "| AP Photo", "A. Smith/Getty Images"; not "Trump/Russia"
    last = parts[-1]
    agency = _AGENCY.match(last)
    return m.end() - len(last) + agency.end() if agency is not None else m.end()


def _signatures(text: str) -> Iterator[tuple[Kind, int, int]]:
    """Embedded posts' signatures, credits and related-link markers, in any order."""
    if "(@" in text:
        for rx in (_TWEET, _POST):
            for m in rx.finditer(text):
                yield Kind.POST, m.start(), m.end()
    credits = []
    if _CREDIT_WORD.search(text):
        credits.append((_MARKED_CREDIT, True))
    if ("/" in text or "|" in text) and _AGENCY_WORD.search(text):
        credits.append((_BARE_CREDIT, False))
    for rx, marked in credits:
        for m in rx.finditer(text):
            end = _credit(text, m, marked)
            if end > m.start():
                yield Kind.CREDIT, m.start(), end
    if any(w in text for w in _RELATED_WORDS):
        for rx in (_RELATED_OPEN, _RELATED_CLOSE):
            for m in rx.finditer(text):
                yield Kind.RELATED, m.start(), m.end()


def pieces(text: str, triggers: Sequence[str] = _TRIGGERS) -> tuple[list[Piece], int]:
    """The furniture of one paragraph, in order, and the tweet budget left
    where a tweet's text reaches the paragraph's start (0: none). *triggers*
    may leave out those of ``_TRIGGERS`` known not to be in *text*."""
    opens_by = text.lstrip().startswith("By ")
    low = text.lower() if triggers or opens_by else ""
    if not (opens_by or any(t in low for t in triggers)):
        return [], 0
    if any(w in low for w in CAPTION_WORDS) and _GALLERY.search(low):
        return [Piece(Kind.CAPTION, 0, len(text))], 0
    head = text.lstrip()
    if head.startswith("By ") and len(text.split()) <= tuning.BYLINE_WORDS and _BYLINE.fullmatch(head.rstrip()):
        return [Piece(Kind.BYLINE, 0, len(text))], 0
    out: list[Piece] = []
    carry = 0
    floor = 0
    for kind, s, e in sorted(_signatures(text), key=lambda x: (x[1], -x[2])):
        if s < floor:
            continue  # inside a piece already found
        if kind == Kind.POST:
            budget = tuning.TWEET_CHARS if text[s] != "A" else tuning.POST_CHARS
            b, left = _back(text, floor, s, budget, forced=True)
            out.append(Piece(Kind.POST, b, e))
            # the whole paragraph is the post: it may begin in the paragraph before
            carry = left if b == 0 and budget == tuning.TWEET_CHARS else 0
        elif kind == Kind.CREDIT:
            b = _caption_start(text, floor, s)
            if b < s:
                out.append(Piece(Kind.CAPTION, b, s))
            out.append(Piece(Kind.CREDIT, s, e))
        elif text[s:e].rstrip().endswith(":"):  # "Read more: <headline>"
            stop = next((x.start() for x in _BOUNDARY.finditer(text, e) if x.start() >= e), len(text))
            close = _RELATED_CLOSE.search(text, e)
            stop = min(stop + 1, close.start() if close else len(text), e + tuning.HEADLINE_CHARS)
            out.append(Piece(Kind.RELATED, s, stop))
            e = stop
        else:  # "<headline> Read more"
            b, _ = _back(text, floor, s, tuning.HEADLINE_CHARS, forced=False)
            out.append(Piece(Kind.RELATED, b, e))
        floor = e
    return out, carry


# -- a draft -----------------------------------------------------------------------------

def mark(segments: Sequence[Segment]) -> list[Segment]:
    """*segments* with their furniture marked."""
    draft = "\n".join(seg.text for seg in segments).lower()
    triggers = [t for t in _TRIGGERS if t in draft]  # one scan of the draft for each: most have none
    found = [pieces(seg.text, triggers) for seg in segments]
    extra: dict[int, Piece] = {}
    for i, (own, carry) in enumerate(found):
        if carry > 0 and i > 0 and _adjacent(segments[i - 1], segments[i]):
            b = _carried(segments[i - 1].text, found[i - 1][0], segments[i].text[: own[0].end], carry)
            if b >= 0:
                extra[i - 1] = Piece(Kind.POST, b, len(segments[i - 1].text))
    out = []
    for i, seg in enumerate(segments):
        marks = found[i][0] + ([extra[i]] if i in extra else [])
        out.append(apply(seg, marks) if marks else seg)
    return out


def _carried(prev: str, its: list[Piece], post: str, budget: int) -> int:
    """Where a post that fills its own paragraph begins in the paragraph
    before, or -1: that paragraph's last sentence, if it fits in *budget*
    and reads as a line of a post (no sentence's end mark, or a hashtag, a
    handle or an emoji), unless the paragraph ends with a colon (the paper
    introducing the post) or the post repeats it (the paper quoting it).
    A signature alone signs the sentences before it that fit in *budget*."""
    end = len(prev.rstrip())
    if prev[:end].endswith(":"):
        return -1
    floor = max((p.end for p in its), default=0)
    if not _TWEET.sub("", post).strip():  # a signature alone: its text is all before it
        b, _ = _back(prev, floor, end, budget, forced=True)
        return b if b < end else -1
    starts = _starts(prev, floor, end)
    line = prev[starts[-1]:end].strip()
    if not line or _fits(line, budget) < 0:
        return -1
    if line.rstrip("\"'\u201d\u2019)")[-1:] in ".!?\u2026" and not _POST_MARK.search(line):
        return -1  # a sentence of prose, as the paper writes: not a line of a post
    # the paper quoting the post: a sentence or a quotation of the paragraph is in it
    said = [prev[x:y] for x, y in zip(starts, [*starts[1:], end])] + _QUOTED.findall(prev, floor, end)
    words = " ".join(post.split())
    quoted = (" ".join(x.split()).strip("\"\u201c\u201d ") for x in said)
    if any(len(q) >= tuning.MIN_QUOTED_CHARS and q in words for q in quoted):
        return -1
    return starts[-1]


def _adjacent(a: Segment, b: Segment) -> bool:
    """Two paragraphs one after the other (the segments are in order), outside tables."""
    return a.row < 0 and b.row < 0 and a.lines[-1] < b.lines[0]


def apply(seg: Segment, marks: list[Piece]) -> Segment:
    """*seg* with its excluded furniture blanked out and its undated spans recorded."""
    chars = list(seg.text)
    undated = []
    for p in marks:
        if p.kind in EXCLUDED:
            for i in range(p.start, min(p.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = BARRIER
        else:
            undated.append((p.start, p.end))
    return dataclasses.replace(seg, text="".join(chars), undated=tuple(sorted(undated)))
