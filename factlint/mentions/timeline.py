"""Time expressions: what time each sentence of a segment says it is about.

Takes a segment's token view, the article's date and the last explicit time
before the segment; gives, for each token, the explicit time of its clause,
stated before or after it ("appointed by X in 1979", "his 2016 visit"), or
at the head of its sentence ("In March 2019, ...", "Two years later, ..."),
and the last explicit time once the segment is read (what the next segment
counts "later" from). Also reads a table cell that is only a date or
a range of dates. Knows no KB.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from itertools import compress, count
from typing import NamedTuple

from factlint.dates import Period, parse_period
from factlint.document import BARRIER
from factlint.lexicon import (
    CLAUSE_WORDS, FRONTED_STARTS, MONTHS, NUMBER_WORDS, SPANS, TIME_PREPOSITIONS, YEAR_INTRODUCERS,
)
from factlint.mentions.tokens import SPACE, Tokens
from factlint.tuning import CLAUSE_MARKS, FRONTED_REACH, RANGE_MARKS, SOME_YEARS, YEARS

_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
# Where no four digits like a year occur, no sentence states its own time.
# (A prefilter: the time scan itself checks that a year is a word of its own.)
_YEAR_RE = re.compile(r"(?:19|20|21)\d\d")


# -- relative times ------------------------------------------------------------

def _shift_years(last: Period, years: int) -> Period:
    """The whole year(s) *years* after (or before) *last*: a partial date."""
    first, final = last.start.year + years, last.end.year + years
    if first == final:
        return parse_period(f"{first:04d}")
    return Period(dt.date(first, 1, 1), dt.date(final, 12, 31), f"{first}\u2013{final}")


def _spread(last: Period, days: int, later: bool) -> Period:
    """Some time up to *days* after (or before) *last*."""
    start, end = (last.start, last.end + dt.timedelta(days=days)) if later else (last.start - dt.timedelta(days=days), last.end)
    if start.year == end.year:
        return Period(start, end, f"{start.year}")
    return Period(start, end, f"{start.year}\u2013{end.year}")


def _sign(word: str) -> int:
    return 1 if word == "later" else -1


def _count(word: str) -> int:
    return NUMBER_WORDS.get(word) or int(word)


def _some_years(last: Period, words: tuple[str, ...]) -> Period:
    """"several years later": some years (SOME_YEARS) after the last time."""
    sign = _sign(words[-1])
    low, high = _shift_years(last, SOME_YEARS[0] * sign), _shift_years(last, SOME_YEARS[1] * sign)
    first, final = min(low.start, high.start), max(low.end, high.end)
    return Period(first, final, f"{first.year}\u2013{final.year}")


class Relative(NamedTuple):
    """A phrase that states a time relative to the last one.

    ``words`` are the sets each word of the phrase may come from, in order;
    ``period`` makes the time from the last one and the words as matched;
    ``cues`` are words the segment's text must contain for the phrase to be
    looked for at all (the prefilter below is built from them): a one-word
    cue in any of lower case, capitalised or capitals, a longer one in lower
    case or, if it begins the phrase, capitalised.
    """

    words: tuple[frozenset[str], ...]
    period: Callable[[Period, tuple[str, ...]], Period]
    cues: tuple[str, ...]


def _w(*words: str) -> frozenset[str]:
    return frozenset(words)


_COUNT = frozenset(NUMBER_WORDS) | frozenset(str(k) for k in range(1, 100))  # "two", "a", "12"
_SPAN = frozenset(SPANS)  # "days", "months"
_YEAR, _THE, _LATER = _w("year"), _w("the"), _w("later", "earlier")
_LATER_CUES = ("later", "earlier")

# The first phrase written at a word wins. Adding one ("the next month") is
# one entry: the prefilter and the words that start a time follow from here.
RELATIVE_TIMES: tuple[Relative, ...] = (
    Relative((_w("several", "few"), _w("years"), _LATER), _some_years, _LATER_CUES),
    Relative((_w("a"), _w("few"), _w("years"), _LATER), _some_years, _LATER_CUES),
    Relative((_COUNT, _w("year", "years"), _LATER),
             lambda last, w: _shift_years(last, _count(w[0]) * _sign(w[2])), _LATER_CUES),
    Relative((_THE, _w("following"), _YEAR), lambda last, w: _shift_years(last, 1), ("following year",)),
    Relative((_THE, _w("previous", "preceding"), _YEAR), lambda last, w: _shift_years(last, -1),
             ("previous year", "preceding year")),
    Relative((_SPAN, _LATER), lambda last, w: _spread(last, SPANS[w[0]], w[1] == "later"), _LATER_CUES),
    Relative((_COUNT, _SPAN, _LATER), lambda last, w: _spread(last, SPANS[w[1]], w[2] == "later"), _LATER_CUES),
    Relative((_LATER, _w("that"), _YEAR), lambda last, w: _shift_years(last, 0), _LATER_CUES),
    Relative((_w("that", "the"), _w("same"), _YEAR), lambda last, w: _shift_years(last, 0), ("same year",)),
    Relative((_w("at"), _THE, _w("time")), lambda last, w: last, ("at the time",)),
)


def _cue_pattern(cue: str, begins: bool) -> str:
    if " " not in cue:
        return f"[{cue[0]}{cue[0].upper()}]{re.escape(cue[1:])}|{re.escape(cue.upper())}"
    if begins:
        return f"[{cue[0]}{cue[0].upper()}]{re.escape(cue[1:])}"
    return re.escape(cue)


def _cues_regex() -> re.Pattern[str]:
    """Words that can state a time relative to the last one (a prefilter for _relative_time)."""
    patterns: dict[str, None] = {}
    for r in RELATIVE_TIMES:
        words = frozenset().union(*r.words)
        if not r.cues or any(w not in words for cue in r.cues for w in cue.split()):
            raise ValueError(f"relative time {r.words}: its cues {r.cues} must be words of the phrase")
        for cue in r.cues:
            patterns[_cue_pattern(cue, cue.split()[0] in r.words[0])] = None
    return re.compile("|".join(patterns))


_RELATIVE_RE = _cues_regex()
RELATIVE_STARTS = frozenset().union(*(r.words[0] for r in RELATIVE_TIMES))
TIME_WORDS = RELATIVE_STARTS | frozenset(TIME_PREPOSITIONS) | YEAR_INTRODUCERS


def _by_start() -> dict[str, tuple[Relative, ...]]:
    """The phrases each word may begin, in table order."""
    out: dict[str, list[Relative]] = {}
    for r in RELATIVE_TIMES:
        for word in r.words[0]:
            out.setdefault(word, []).append(r)
    return {word: tuple(rs) for word, rs in out.items()}


_BY_START = _by_start()


def _relative_time(v: Tokens, i: int, last: Period) -> tuple[Period, int] | None:
    """A time stated relative to the last one, at token *i* (the first phrase
    of RELATIVE_TIMES written there)."""
    keys = v.keys
    words = [keys[i]]  # read on only as far as a phrase needs
    for rel in _BY_START.get(words[0], ()):
        size = len(rel.words)
        while len(words) < size and v.joined(i + len(words), SPACE):
            words.append(keys[i + len(words)])
        if len(words) < size:
            continue
        for k in range(1, size):
            if words[k] not in rel.words[k]:
                break
        else:
            return rel.period(last, tuple(words[:size])), i + size
    return None


# -- dates ---------------------------------------------------------------------

def _is_year_key(key: str) -> bool:
    return len(key) == 4 and key.isdigit() and YEARS[0] <= int(key) <= YEARS[1]


def _is_year(v: Tokens, k: int) -> bool:
    return k < v.n and v.joined(k, ("space", "hyphen")) and _is_year_key(v.keys[k])


def time_expr(v: Tokens, j: int, alone: bool = False) -> tuple[Period, int] | None:
    """A date at token *j* (after "in", "on"…; *alone*: with nothing before it)."""
    keys, n = v.keys, v.n
    day = month = None
    k = j
    m = _DAY_RE.fullmatch(keys[k]) if k < n and (alone or v.joined(k, SPACE)) else None
    if m:
        day = int(m.group(1))
        k += 1
    if k < n and keys[k] in MONTHS and v.kinds[k] in ("space", "dot"):
        month = MONTHS[keys[k]]
        k += 1
        if day is None and k < n and keys[k].isdigit() and len(keys[k]) <= 2:
            day = int(keys[k])
            k += 1
    elif day is not None:
        return None
    if not (k < n and _is_year_key(keys[k])):
        return None
    if any(BARRIER in v.gaps[x] for x in range(j, k + 1)):
        return None
    year = int(keys[k])
    try:
        if month and day:
            d = dt.date(year, month, day)
            return Period(d, d, d.isoformat()), k + 1
        if month:
            return parse_period(f"{year:04d}-{month:02d}"), k + 1
    except ValueError:
        pass
    return parse_period(str(year)), k + 1


def _time_at(v: Tokens, i: int, last: Period | None) -> tuple[Period, int] | None:
    """A time stated at token *i*, and the token after it."""
    key = v.keys[i]
    found = None
    if key in TIME_PREPOSITIONS or (key in YEAR_INTRODUCERS and _is_year(v, i + 1)):
        found = time_expr(v, i + 1)

    if found is None and last is not None and key in RELATIVE_STARTS:
        found = _relative_time(v, i, last)
    return found


# -- a segment's times ---------------------------------------------------------

def _stated(v: Tokens, last: Period | None) -> Iterator[tuple[int, int, Period]]:
    """Each explicit time of the segment in order: (first token, token after, time).
    A relative time counts from the one before it."""
    if not (_YEAR_RE.search(v.text) or (last is not None and _RELATIVE_RE.search(v.text))):
        return  # no year, no explicit time: most paragraphs
    i = 0  # reading resumes here (after the last time found)
    for k in compress(count(), map(TIME_WORDS.__contains__, v.keys)):  # (the words a time may begin with)
        if k < i:
            continue
        found = _time_at(v, k, last)
        if found is not None:
            last, i = found
            yield k, i, last


def clause_break(v: Tokens, k: int) -> bool:
    """A clause (or sentence) ends before token *k*: a comma, a semicolon,
    a colon, a dash or a bracket between the words, a word that opens a
    clause ("that", "which", "because"), or a sentence break."""
    if k <= 0 or k >= v.n:
        return True
    gap = v.gaps[k]
    if gap == " ":
        return v.keys[k] in CLAUSE_WORDS  # the common case
    return any(mark in gap for mark in CLAUSE_MARKS) or v.keys[k] in CLAUSE_WORDS or v.sentence_break(k)


def clause_of(v: Tokens, i: int, j: int) -> tuple[int, int]:
    """The clause of tokens [i, j): the tokens [a, b) between the clause breaks around them."""
    a, b = i, j
    while not clause_break(v, a):
        a -= 1
    while not clause_break(v, b):
        b += 1
    return a, b


def _sentence_start(v: Tokens, i: int) -> int:
    while i > 0 and not v.sentence_break(i):
        i -= 1
    return i


def _sentence_end(v: Tokens, j: int) -> int:
    while j < v.n and not v.sentence_break(j):
        j += 1
    return j


def _bind(v: Tokens, stated: list[tuple[int, int, Period]]) -> list[Period | None]:
    """The time of each token: the time of its clause, before or after the
    token ("appointed by X in 1979"), and a time stated at the head of its
    sentence ("In 2019, ...", "Two years later, ...") for the rest of the
    sentence (its first clause, if it begins with the time or a
    preposition); a clause that is only a time (", on 5 May 2019.") belongs to
    the clause before it. Where a clause states several times, each holds
    from where it is written (the first also before it)."""
    out: list[Period | None] = [None] * v.n
    own = [False] * v.n  # the token's time is its own clause's, not the sentence head's
    for i, j, period in stated:
        a, b = clause_of(v, i, j)
        start = _sentence_start(v, a)
        if i - start <= FRONTED_REACH or (a == start and v.keys[a] in FRONTED_STARTS):
            # the head of the sentence ("In 2019, ...", "On a day in May 2019, ..."): all of it
            for k in range(b, _sentence_end(v, b)):
                if not own[k]:
                    out[k] = period
        if i == a and j == b and a > start:  # a clause that is only the time
            a = clause_of(v, a - 1, a)[0]
        for k in range(a, i):
            if not own[k]:
                out[k], own[k] = period, True
        for k in range(i, b):
            out[k], own[k] = period, True
    return out


class Clock:
    """The explicit times of one segment, read when first asked for."""

    __slots__ = ("v", "date", "last", "times")

    def __init__(self, v: Tokens, date: Period, anchor: Period | None) -> None:
        self.v = v
        self.date = date  # the article's date: the time of what states none
        self.last = anchor  # the latest explicit time so far: what "two years later" counts from
        self.times: list[Period | None] | None = None

    def _read(self) -> list[Period | None]:
        """For each token, the explicit time of its clause (see ``_bind``)."""
        stated = list(_stated(self.v, self.last))
        if not stated:
            return []
        self.last = stated[-1][2]
        return _bind(self.v, stated)

    def when(self, i: int) -> tuple[Period, bool]:
        """The time of token *i*, and whether the draft states it."""
        if self.times is None:
            self.times = self._read()
        t = self.times[i] if i < len(self.times) else None
        return (t, True) if t is not None else (self.date, False)

    def after(self) -> Period | None:
        """The latest explicit time once this segment is read (for the next one)."""
        if self.times is None:
            for _, _, self.last in _stated(self.v, self.last):
                pass
        return self.last


# -- table cells ---------------------------------------------------------------

def whole_time(v: Tokens, date: Period) -> Period | None:
    """The cell is a date or a range of dates and nothing else ("2019",
    "March 2022", "2014–2019", "2021 to present"); *date* is the article's."""
    keys, n = v.keys, v.n
    found = time_expr(v, 0, alone=True) if n else None
    if found is None:
        return None
    first, j = found
    if j == n:
        return first
    gap = v.gaps[j].strip()
    k = j + 1 if keys[j] in ("to", "until") and gap == "" else j
    if gap not in RANGE_MARKS or (k == j and gap == ""):
        return None
    if k < n and keys[k] in ("present", "now", "today") and k + 1 == n:
        return Period(first.start, max(first.end, date.end), f"{first.text}\u2013")
    second = time_expr(v, k, alone=True) if k < n else None
    if second is None or second[1] != n or second[0].end < first.start:
        return None
    return Period(first.start, second[0].end, f"{first.text}\u2013{second[0].text}")
