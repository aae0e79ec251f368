"""Linking titles and names in one segment: the mentions it makes.

Takes a segment, the KB index, the article's date and the last explicit time
before the segment; gives its mentions (each a name with the title joined to
it, if any), the capitalised words that matched no one, and the last
explicit time once the segment is read.

How it decides. The linker reads left to right, and only at candidate
tokens (a capitalised word, or one that can begin a title). At each it asks
two linkers for a link starting there, in order of preference:

1. the **title linker**: a title here, joined to the name right after it
   ("US President Joe Biden", "the foreign minister, Dmitry Kuleba,");
2. the **name linker**: a name here, joined to a title in apposition after
   it ("Antony Blinken, the US Secretary of State,"), or, failing any name,
   a one-word slip of the family name of the holder of such a title
   ("Lavrow, Russia's foreign minister,").

The first that answers wins, and reading resumes after everything it
covered, so links never overlap. An answer may cover words and report
nothing: a title with no name after it, a title we do not know ("Microsoft
President"), a namesake ("Donald Trump Jr."), or a capitalised word that
is nobody's name (kept as :class:`Loose` for the family-slip check).
"""
from __future__ import annotations

from itertools import compress, count
from operator import itemgetter, or_

from factlint.dates import Period
from factlint.document import BARRIER, Segment
from factlint.kb.index import KBIndex
from factlint.lexicon import ABBREVIATIONS, HONORIFICS, PLURAL_FAMILY_BEFORE
from factlint.mentions.model import Loose, Mention, MentionKind, Namesake, Reading, Title
from factlint.mentions.names import holder_slip, name_start, not_a_person, resolve, run_end
from factlint.mentions.party import narrowed, party_tag
from factlint.mentions.tense import Cues, quoted
from factlint.mentions.timeline import Clock
from factlint.mentions.titles import appositive, qualified, title_at
from factlint.mentions.tokens import Tokens
from factlint.text import NO_MARKUP
from factlint.tuning import APPOSITION_OPENERS, MIN_SLIP_LENGTH

_FIRST = itemgetter(0)  # a word's first letter

# What a link gives: the mention it makes (None: none) and the token to read on from.
Link = tuple[Mention | None, int]

def _abbreviated(v: Tokens, end: int) -> bool:
    """The title before token *end* is an abbreviation and its period ("Sen. Ana Smith")."""
    return v.keys[end - 1] in ABBREVIATIONS and v.gaps[end].translate(NO_MARKUP) in (". ", ".\n")


class _Linker:
    """Links one segment. Created per segment; holds no state between them."""

    __slots__ = ("ix", "v", "seg_no", "clock", "loose", "undated")

    def __init__(self, ix: KBIndex, v: Tokens, seg_no: int, clock: Clock,
                 undated: tuple[tuple[int, int], ...] = ()) -> None:
        self.ix, self.v, self.seg_no, self.clock = ix, v, seg_no, clock
        self.loose: list[Loose] = []
        self.undated = undated  # captions, related headlines: titles are of another, unknown date

    def scan(self) -> list[Mention]:
        """The resolver: at each candidate token, the title link, else the name link (see above)."""
        out: list[Mention] = []
        v = self.v
        keys = v.keys
        # Only a capitalised word, a title word or a modifier can begin anything.
        cand_keys = self.ix.candidate_keys
        # (over every word, so with C-level maps: a raw word's first letter, and its key)
        capital = map(str.isupper, map(_FIRST, v.raws))
        candidates = compress(count(), map(or_, capital, map(cand_keys.__contains__, keys)))
        i = 0  # reading resumes here (a link covers the tokens before it)
        for k in candidates:
            if k < i:
                continue
            link = self.title_link(k) if keys[k] in cand_keys else None  # (title_at would refuse it)
            if link is None and name_start(v, k):
                link = self.name_link(k)
            if link is not None:
                found, i = link
                if found is not None:
                    out.append(found)
        return out

    # -- a title, then a name --------------------------------------------------
    def title_link(self, i: int) -> Link | None:
        """A title at *i*, and the name it is the title of."""
        parsed = title_at(self.v, self.ix, i)
        if parsed is None:
            return None
        title, end, other = parsed
        if qualified(self.v, i):
            return None, end
        v, ix, n = self.v, self.ix, self.v.n
        if end < n and (v.kinds[end] == "space" or _abbreviated(v, end)) and BARRIER not in v.gaps[end] and name_start(v, end):
            b = run_end(v, end)
            got = resolve(v, ix, end, b, titled=True, title=title)
            if got is None and b - end == 1 and not other:
                got = holder_slip(v, ix, end, title)
            if isinstance(got, Namesake):
                return None, got.end
            if got is not None:
                tag = party_tag(v, ix, got.end) if got.kind != MentionKind.UNKNOWN and not other else None
                if tag is not None:  # "Sen. Ana Smith (D-Vt.)"
                    return self.mention(got, narrowed(title, tag[0]), i), tag[1]
                return self.mention(got, None if other else title, i), got.end
        # "the Russian foreign minister, Dmitry Peskov, said": the name
        # set off by commas right after the title.
        if end < n and v.gaps[end].translate(NO_MARKUP).strip() == "," and name_start(v, end):
            b = run_end(v, end)
            got = resolve(v, ix, end, b, titled=True, title=title)
            if isinstance(got, Reading) and got.kind != MentionKind.UNKNOWN and got.end == b and b < n \
                    and v.gaps[b].translate(NO_MARKUP).strip() == "," and not v.possessive[b - 1]:
                return self.mention(got, None if other else title, i), got.end
        return None, end

    # -- a name, then a title --------------------------------------------------
    def name_link(self, i: int) -> Link:
        """The name at *i* (a capitalised word), and a title in apposition after it."""
        v = self.v
        b = run_end(v, i)
        got = None
        if b - i > 1 or v.keys[i] in self.ix.name_words:
            got = resolve(v, self.ix, i, b, titled=False)
        elif not_a_person(v, self.ix, i, b):
            return None, b  # "the Smiths", "Acme Ltd": no one's name, and no slip of one
        if got is None:
            slip = self.appositive_slip(i, b)
            if slip is not None:
                return slip
            self.note_loose(i, b)  # one capitalised word that is nobody's name: most sentence starts
            return None, b
        if isinstance(got, Namesake):
            return None, got.end
        after: Title | None = None
        nxt = got.end
        # (someone the KB does not know is not judged by a title after the name)
        app = appositive(v, self.ix, got.end) if got.end == b and got.kind != MentionKind.UNKNOWN else None
        tag = party_tag(v, self.ix, got.end) if app is None and got.kind != MentionKind.UNKNOWN else None
        if app is not None:
            t, t_end, other = app
            after = None if other else t
            nxt = t_end
        elif tag is not None:  # "Ana Smith (D-Vt.)"
            after, nxt = tag
        return self.mention(got, after, got.start, nxt), max(nxt, got.end)

    def appositive_slip(self, a: int, b: int) -> Link | None:
        """'Lavrow, Russia's foreign minister,': one word (after courtesy
        words at most) that matched no one, a letter off the family name of
        someone who held the office of the title set off right after it."""
        v, ix = self.v, self.ix
        key = v.keys[b - 1]
        if len(key) < MIN_SLIP_LENGTH or key in ix.name_words or b == v.n:
            return None  # what holder_slip would refuse: most capitalised words
        gap = v.gaps[b]
        if gap == " " or not any(mark in gap for mark in APPOSITION_OPENERS):
            return None  # no apposition can follow
        if any(k not in HONORIFICS for k in v.keys[a : b - 1]):
            return None
        app = appositive(v, ix, b)
        if app is None or app[2]:
            return None
        title, t_end, _ = app
        got = holder_slip(v, ix, b - 1, title)
        if got is None:
            return None
        return self.mention(got, title, a, t_end), t_end

    def note_loose(self, a: int, b: int) -> None:
        """A capitalised word standing alone (after courtesy or title words at
        most) that matched no one: a candidate for a family-name slip."""
        v, ix = self.v, self.ix
        keys = v.keys
        if (a < b - 1 and v.walk(ix.jurisdictions, a, acronyms=ix.acronyms)[0] == b - 1) \
                or (a > 0 and keys[a - 1] in PLURAL_FAMILY_BEFORE and v.kinds[a] == "space"):
            return  # "the U.S. Capitol", "the Capitol": a place or a thing, not a family name
        lead = all(k in HONORIFICS or k in ix.title_words for k in keys[a : b - 1])
        key = keys[b - 1]
        if lead and len(key) >= MIN_SLIP_LENGTH and key not in ix.name_words and key not in ix.title_words:
            self.loose.append(Loose(self.seg_no, v.starts[b - 1], v.ends[b - 1], key))

    def mention(self, got: Reading, title: Title | None, first: int = -1, last: int = -1) -> Mention:
        """The mention of *got* with *title*; tokens [first, last) cover both (the name alone by default)."""
        v, s, e, form = self.v, got.start, got.end, got.form
        start, end = v.starts[s], v.ends[e - 1]
        if self.undated and any(a <= start < b for a, b in self.undated):
            title = None
        when, explicit = self.clock.when(s)
        family_text = ""
        if form is not None and got.kind == MentionKind.NAME:
            a, b = form.family_span()
            if s + b <= e and a < b:
                family_text = v.span_text(s + a, s + b)
        told: Cues | frozenset = frozenset()
        if title is not None:  # (read from the sentence only if the assessor asks)
            told = Cues(v, min(s, first) if first >= 0 else s, e, max(e, last), title.modifier_words)
        return Mention(self.seg_no, start, end, v.text[start:end], got.kind, got.persons, form, title, when, explicit,
                       got.form_kind, got.family_persons, family_text, told, self.clock.date, quoted(v, start))


def scan_segment(ix: KBIndex, seg: Segment, seg_no: int, date: Period,
                 anchor: Period | None) -> tuple[list[Mention], list[Loose], Period | None]:
    """Mentions in segment *seg_no*, its loose words, and the last explicit time after it.

    In the segment's undated furniture (a caption, a related article's
    headline: :mod:`factlint.furniture`) names are checked but titles are not
    joined to them: a caption describes the moment of its picture, which it
    rarely dates."""
    v = Tokens(seg.text)
    clock = Clock(v, date, anchor)
    linker = _Linker(ix, v, seg_no, clock, seg.undated)
    return linker.scan(), linker.loose, clock.after()
