"""Finding officials in a draft: names, titles, and how they are joined.

Takes a parsed document, the compiled KB index and the article's date;
gives every mention of an official, in document order, and the capitalised
words that matched no one. One stage per module:

* :mod:`.tokens` — a segment's tokens and gaps, the view every stage reads;
* :mod:`.timeline` — explicit times ("In 2019, …", "two years later"): a
  time applies to the mentions of its clause, before or after it, or of
  its whole sentence when it heads it; everything else is checked at the
  article's date;
* :mod:`.tense` — cues in a titled mention's sentence that its title is
  claimed now ("says", "on Friday") or told as history ("President X's
  Council", "once");
* :mod:`.titles` — the title grammar, giving the *set* of offices a title
  denotes;
* :mod:`.names` — runs of capitalised words, matched exactly against the
  name trie (full forms, then a family name alone), else examined for a
  near miss of a known name or a mix of two known people;
* :mod:`.linker` — joins a title to a name written right after it ("US
  President Joe Biden") or in apposition ("Antony Blinken, the US Defense
  Secretary, said");
* :mod:`.passes` — what only the whole document tells: table rows, and
  which of several people a family name alone means;
* :mod:`.model` — the records they pass on.
"""
from __future__ import annotations

import datetime as dt

from factlint.dates import Period
from factlint.document import Document
from factlint.kb.index import KBIndex
from factlint.mentions.linker import scan_segment
from factlint.mentions.model import Loose, Mention, MentionKind, Namesake, Reading, Title
from factlint.mentions.names import similar
from factlint.mentions.passes import settle_families, table_rows

__all__ = ["Loose", "Mention", "MentionKind", "Namesake", "Reading", "Title", "find_mentions", "scan_document",
           "similar"]


def find_mentions(doc: Document, index: KBIndex, date: dt.date) -> list[Mention]:
    """All mentions of officials in *doc*, in document order."""
    return scan_document(doc, index, date)[0]


def scan_document(doc: Document, index: KBIndex, date: dt.date) -> tuple[list[Mention], list[Loose]]:
    """Mentions, and the capitalised words that matched no one."""
    article = Period.day(date)
    out: list[Mention] = []
    loose: list[Loose] = []
    anchor: Period | None = None
    for no, seg in enumerate(doc.segments):
        found, unmatched, anchor = scan_segment(index, seg, no, article, anchor)
        out.extend(found)
        loose.extend(unmatched)
    if any(seg.row >= 0 for seg in doc.segments):
        out = table_rows(out, doc, index, article)
    return settle_families(out, index), loose
