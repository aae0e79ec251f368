"""Tense: what a titled mention's sentence says about when its title is claimed.

Takes a segment's token view and the tokens a titled mention covers (title
and name, in either order); gives the :class:`~factlint.lexicon.Cue`\\ s its
clause, sentence and paragraph show: evidence that the title is claimed now
("X says", "X said on Friday", "this week") or told as history ("President
X's Council", "under President X", "had been", "once", "anniversary"), and
whether a mention is inside a direct quotation.
Weighing them, with what the KB knows (how long ago the person left), is
``factlint.assess.currency``'s; this stage knows no KB. Read only for
mentions with a title, and only when the assessor asks (:class:`Cues`), so it
reads a sentence or two per weighed mention at most.
"""
from __future__ import annotations

import bisect
from itertools import compress, count
from collections.abc import Iterator, Set

from factlint.lexicon import (
    ATTRIBUTION_TAIL, COMPARISON_WORDS, HISTORICAL_WORDS, INDEFINITE, INSTITUTION_WORDS, INVERTED_SAYING,
    LEAVING_BEFORE, LEAVING_NOUNS, LEAVING_VERBS, MONTHS, OBJECT_PREPOSITIONS, PERIOD_WORDS, PRESENT_VERBS,
    RECENT_AGO, RECENT_PAIRS, RECENT_WORDS, REPORTING_VERBS, VERB_ADVERBS, Cue,
)
from factlint.mentions.timeline import clause_break, clause_of
from factlint.mentions.tokens import Tokens
from factlint.spans import quoted_ranges
from factlint.tuning import COORDINATION_REACH

# Every word a recent time can begin with: the other words of a segment are skipped at once.
_RECENT_STARTS = frozenset(RECENT_WORDS) | frozenset(RECENT_PAIRS) | frozenset(RECENT_AGO) | frozenset(MONTHS)


def _sentence(v: Tokens, a: int, b: int) -> tuple[int, int]:
    while a > 0 and not v.sentence_break(a):
        a -= 1
    while b < v.n and not v.sentence_break(b):
        b += 1
    return a, b


def _recent_times(v: Tokens) -> list[tuple[int, int]]:
    """Where the segment names a time close to the article's date: (first,
    last) token of each ("yesterday", "this week", "days ago", "March 3"),
    in order; worked out once per segment."""
    found = v.memo.get("recent")
    if found is None:
        keys, n = v.keys, v.n
        spans: list[tuple[int, int]] = []
        starts = _RECENT_STARTS
        for k in compress(count(), map(starts.__contains__, keys)):
            key = keys[k]
            if key in RECENT_WORDS:
                spans.append((k, k))
                continue
            nxt = keys[k + 1] if k + 1 < n else ""
            if nxt in RECENT_PAIRS.get(key, ()) or (key in RECENT_AGO and nxt == "ago"):
                spans.append((k, k + 1))
            # "on March 3" with no year: a day of the article's year
            elif key in MONTHS and v.raws[k][:1].isupper() and nxt.isdigit() and len(nxt) <= 2 \
                    and not (k + 2 < n and keys[k + 2].isdigit()):
                spans.append((k, k + 1))
        found = v.memo["recent"] = spans
    return found  # type: ignore[return-value]


def _recent(v: Tokens, a: int, b: int) -> bool:
    """Tokens [a, b) name a time close to the article's date."""
    spans = _recent_times(v)
    for i in range(bisect.bisect_left(spans, (a, -1)), len(spans)):
        first, last = spans[i]
        if first >= b:
            return False
        if last < b:
            return True
    return False


def quoted(v: Tokens, pos: int) -> bool:
    """Character *pos* of the segment lies inside a direct quotation: the
    words of someone else, as they said or wrote them (the quotation marks
    of the segment are read once)."""
    ranges = v.memo.get("quotes")
    if ranges is None:
        ranges = v.memo["quotes"] = quoted_ranges(v.text)
    if not ranges:
        return False
    k = bisect.bisect_right(ranges, (pos, len(v.text) + 1)) - 1  # type: ignore[arg-type]
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]  # type: ignore[index]


def _historical(v: Tokens, a: int, b: int, own: tuple[int, int]) -> bool:
    """A word of history in tokens [a, b), outside the mention's own title and name *own*."""
    keys = v.keys
    for k in range(a, b):
        if own[0] <= k < own[1] or keys[k] not in HISTORICAL_WORDS:
            continue
        if keys[k] == "ago" and k and keys[k - 1] in RECENT_AGO:
            continue  # "days ago": recent
        return True
    return False


_ASIDE_MARKS = ("\u2014", "\u2013", "--", "(", ")")


def _verb_after(v: Tokens, first: int, end: int, stop: int) -> str:
    """The verb whose subject the mention (tokens [first, end)) is: the
    first word after it (after an adverb, or after the rest of a subject
    joined by "and"). Not across a dash or bracket (the mention is in an
    aside, the verb is the sentence's), and not through "and" after a
    preposition (the mention is an object: "issued by X and writes")."""
    keys = v.keys
    k = end
    if k < stop and any(mark in v.gaps[k] for mark in _ASIDE_MARKS):
        return ""
    if k < stop and keys[k] in ("and", "or"):
        if first > 0 and keys[first - 1] in OBJECT_PREPOSITIONS:
            return ""
        for x in range(k + 1, min(stop, k + 1 + COORDINATION_REACH)):
            if keys[x] in PRESENT_VERBS or keys[x] in REPORTING_VERBS:
                return keys[x]
        return ""
    while k < stop and keys[k] in VERB_ADVERBS:
        k += 1
    return keys[k] if k < stop and v.raws[k].islower() else ""


class Cues(Set):
    """The cues of one titled mention, read from its sentence only when
    first asked for: most titles fit their holder at the date, and only a
    misfit is weighed (``factlint.assess.currency``). A set like any other
    (equal to the frozenset of the same cues)."""

    __slots__ = ("_args", "_found")

    def __init__(self, v: Tokens, first: int, name_end: int, end: int, modifiers: tuple[str, ...] = ()) -> None:
        self._args: tuple | None = (v, first, name_end, end, modifiers)
        self._found: frozenset[Cue] = frozenset()

    def _cues(self) -> frozenset[Cue]:
        if self._args is not None:
            self._found, self._args = cues(*self._args), None  # the token view is let go
        return self._found

    def __contains__(self, cue: object) -> bool:
        return cue in self._cues()

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._cues())

    def __len__(self) -> int:
        return len(self._cues())

    def __hash__(self) -> int:
        return hash(self._cues())

    def __repr__(self) -> str:
        return f"Cues({set(self._cues()) or ''})"


def cues(v: Tokens, first: int, name_end: int, end: int, modifiers: tuple[str, ...] = ()) -> frozenset[Cue]:
    """The cues of the mention covering tokens [first, end), whose name ends
    at *name_end* and whose title has the modifier words *modifiers*."""
    out: set[Cue] = {Cue.NEW} if "new" in modifiers else set()
    keys = v.keys
    sa, sb = _sentence(v, first, end)
    if _recent(v, sa, sb):
        out.add(Cue.RECENT)
    elif (sa > 0 or sb < v.n) and (_recent(v, 0, sa) or _recent(v, sb, v.n)):
        out.add(Cue.NEAR_RECENT)
    if _historical(v, sa, sb, (first, end)):
        out.add(Cue.HISTORICAL)
    ca, cb = clause_of(v, first, end)
    if any(keys[k] == "had" for k in range(ca, cb)):
        out.add(Cue.PAST_PERFECT)
    if v.possessive[name_end - 1]:
        out.add(Cue.POSSESSIVE)
    verb = "" if v.possessive[name_end - 1] else _verb_after(v, first, end, sb)
    before = keys[first - 1] if first > sa else ""
    of = keys[first - 2] if before == "of" and first - 2 >= sa else ""
    if verb in LEAVING_VERBS or of in LEAVING_NOUNS or before in LEAVING_BEFORE:
        out.add(Cue.LEAVING)
    # ", said Governor X." tells of the mention; "said Governor X erred" does not
    said = before if before in INVERTED_SAYING and (end >= sb or clause_break(v, end) or keys[end] in ATTRIBUTION_TAIL) else ""
    if verb in PRESENT_VERBS or said in PRESENT_VERBS:
        out.add(Cue.PRESENT)
    elif verb in REPORTING_VERBS or said in REPORTING_VERBS:
        out.add(Cue.REPORTING)
    if before in PERIOD_WORDS or of in INSTITUTION_WORDS:
        out.add(Cue.INSTITUTION)
    elif before in COMPARISON_WORDS:
        out.add(Cue.COMPARISON)
    elif before in INDEFINITE:
        out.add(Cue.HYPOTHETICAL)
    return frozenset(out)
