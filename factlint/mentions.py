"""Finding officials in a draft: names, titles, and how they are joined.

For each segment of prose the finder walks the tokens once:

* a **title** is parsed by a small grammar over the KB's tries —
  ``[modifiers] [jurisdiction] [modifiers] (role | office title) [-elect]
  [of JURISDICTION] [to HOST]`` — giving the *set* of offices it denotes;
* a **name** is a run of capitalised tokens, matched exactly against the name
  trie (full forms, then a family name alone), and otherwise examined for a
  near miss of a known name or a mix of two known people;
* a title joins a name written right after it ("US President Joe Biden") or
  in apposition ("Antony Blinken, the US Defense Secretary, said").

Each sentence's own explicit time ("In 2019, …") applies to the mentions
after it in that sentence; everything else is checked at the article's date.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import OSA

from factlint.dates import Period, parse_period
from factlint.document import BARRIER, Document, Segment
from factlint.kb.index import END, KBIndex, NameForm
from factlint.lexicon import (
    ABBREVIATIONS,
    GIVEN_NAME_FORMS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NUMBER_WORDS,
    OPEN_CLASS_OK,
    OTHER_OFFICE,
    POST_MODIFIERS,
    RELATIVE,
    SPANS,
    TIME_MODIFIERS,
    TIME_PREPOSITIONS,
    YEAR_INTRODUCERS,
)
from factlint.text import NO_MARKUP, Token, gap_kind, split_words, written


@dataclass(frozen=True, slots=True)
class Title:
    start: int
    end: int
    text: str                   # the title as written, modifiers included
    offices: frozenset[str]
    modifiers: tuple[str, ...]  # normalised: former, then, outgoing, incoming, acting, current
    specific: bool              # names a jurisdiction or an office's own title
    label: str                  # the title without its modifiers, for messages


class Loose(NamedTuple):
    """A capitalised word that matched nothing (segment, start, end, folded key)."""

    segment: int
    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One written reference to a person, with the title attached to it."""

    segment: int
    start: int
    end: int
    text: str
    kind: str   # name | family | misspelling | near | conflated | unknown
    persons: tuple[str, ...]
    form: NameForm | None
    title: Title | None
    when: Period
    explicit_time: bool
    form_kind: str = ""  # for kind "name": canonical | alias | variant
    family_persons: tuple[str, ...] = ()  # for kind "conflated": whose family name it is
    family_text: str = ""  # for kind "name": the family-name part as written ("Zelenskyy")


# -- small helpers -------------------------------------------------------------

_DAY_RE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
# Where no four digits like a year occur, no sentence states its own time.
# (A prefilter: the time scan itself checks that a year is a word of its own.)
_YEAR_RE = re.compile(r"(?:19|20|21)\d\d")
# Words that can state a time relative to the last one (a prefilter for _relative_time).
_RELATIVE_RE = re.compile(r"[Ll]ater|[Ee]arlier|following year|previous year|preceding year|same year|[Aa]t the time|LATER|EARLIER")
RELATIVE_STARTS = frozenset(NUMBER_WORDS) | frozenset(SPANS) | {"the", "later", "earlier", "that", "at", "several", "few"} \
    | frozenset(str(k) for k in range(1, 100))
TIME_WORDS = RELATIVE_STARTS | frozenset(TIME_PREPOSITIONS) | YEAR_INTRODUCERS


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

def similar(a: str, b: str, threshold: float) -> bool:
    """A plausible misspelling: same first letter, long enough, close enough."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 4:
        return False
    return OSA.normalized_similarity(a, b) >= threshold


def _is_word(tok: Token) -> bool:
    return tok.raw[:1].isalpha()


class _Kinds:
    """``gap_kind`` of each gap, computed when first asked for."""

    __slots__ = ("gaps", "toks", "cache")

    def __init__(self, gaps: list[str], toks: list[Token]) -> None:
        self.gaps, self.toks = gaps, toks
        self.cache: dict[int, str] = {}

    def __getitem__(self, i: int) -> str:
        kind = self.cache.get(i)
        if kind is None:
            gap = self.gaps[i]
            kind = self.cache[i] = "space" if gap == " " else gap_kind(gap, self.toks[i - 1] if i else None)
        return kind


class _Scanner:
    """Scans one segment. Created per segment; holds no state between them."""

    def __init__(self, index: KBIndex, seg: Segment, seg_no: int, date: Period, anchor: Period | None = None) -> None:
        self.ix = index
        self.seg = seg
        self.seg_no = seg_no
        self.date = date
        self.last = anchor  # the latest explicit time so far: what "two years later" counts from
        self.text = seg.text
        self.toks, self.gaps = split_words(seg.text)
        self.kinds = _Kinds(self.gaps, self.toks)
        self.loose: list[Loose] = []
        self.times: list[Period | None] | None = None  # computed at the first mention

    # -- gaps ------------------------------------------------------------------
    def joined(self, i: int, allowed: tuple[str, ...] = ("space", "hyphen", "dot")) -> bool:
        """Token *i* continues the phrase of token *i-1*."""
        return 0 < i < len(self.toks) and self.kinds[i] in allowed and BARRIER not in self.gaps[i]

    # -- time context ----------------------------------------------------------
    def _sentence_break(self, i: int) -> bool:
        gap = self.gaps[i]
        if ("." not in gap and "!" not in gap and "?" not in gap) or BARRIER in gap:
            return "\n\n" in gap
        if self.kinds[i] == "dot":
            return False
        prev = self.toks[i - 1]
        if gap.lstrip().startswith(".") and prev.key in ABBREVIATIONS:
            return False
        return self.toks[i].raw[:1].isupper() or self.toks[i].raw[:1].isdigit()

    def _may_state_time(self) -> bool:
        return bool(_YEAR_RE.search(self.text) or (self.last is not None and _RELATIVE_RE.search(self.text)))

    def _times(self) -> list[Period | None]:
        """For each token, the explicit time of its sentence stated before it:
        a date ("In 2019,") or a time counted from the last one ("Two years
        later,", "At the time,")."""
        if not self._may_state_time():
            return []  # no year, no explicit time: most paragraphs
        out: list[Period | None] = []
        current: Period | None = None
        i = 0
        n = len(self.toks)
        while i < n:
            if i and self._sentence_break(i):
                current = None
            out.append(current)
            found = self._time_at(i) if self.toks[i].key in TIME_WORDS else None
            if found is not None:
                period, j = found
                for _ in range(i + 1, j):
                    out.append(current)
                current = self.last = period
                i = j
                continue
            i += 1
        return out

    def _time_at(self, i: int) -> tuple[Period, int] | None:
        """A time stated at token *i*, and the token after it."""
        key = self.toks[i].key
        found = None
        if key in TIME_PREPOSITIONS or (key in YEAR_INTRODUCERS and self._is_year(i + 1)):
            found = self._time_expr(i + 1)
        if found is None and self.last is not None and key in RELATIVE_STARTS:
            found = self._relative_time(i, self.last)
        return found

    def anchor_after(self) -> Period | None:
        """The latest explicit time once this segment is read (for the next one)."""
        if self.times is None and self._may_state_time():
            # only the times, in order (no sentences): what the next segment counts from
            toks, i, n = self.toks, 0, len(self.toks)
            while i < n:
                found = self._time_at(i) if toks[i].key in TIME_WORDS else None
                if found is not None:
                    self.last = found[0]
                    i = found[1]
                    continue
                i += 1
        return self.last

    def _relative_time(self, i: int, last: Period) -> tuple[Period, int] | None:
        """A time stated relative to the last one, at token *i*: "two years
        later", "a year earlier", "the following year", "months later",
        "later that year", "that same year", "at the time"."""
        toks, n = self.toks, len(self.toks)
        words = []
        for k in range(i, min(i + 3, n)):
            if k > i and not self.joined(k, ("space",)):
                break
            words.append(toks[k].key)
        three, two = tuple(words[:3]), tuple(words[:2])
        if len(words) == 3 and (words[0] in ("several", "few") or words[:2] == ["a", "few"]):
            # "several years later": some years, two to nine, after the last time
            k = i + (2 if words[0] == "a" else 1)
            if k + 1 < n and toks[k].key == "years" and toks[k + 1].key in ("later", "earlier") and self.joined(k + 1, ("space",)):
                sign = 1 if toks[k + 1].key == "later" else -1
                low, high = _shift_years(last, 2 * sign), _shift_years(last, 9 * sign)
                first, final = min(low.start, high.start), max(low.end, high.end)
                return Period(first, final, f"{first.year}\u2013{final.year}"), k + 2
            return None
        count = NUMBER_WORDS.get(words[0]) if words else None
        if count is None and words and words[0].isdigit() and len(words[0]) <= 2:
            count = int(words[0])
        if count is not None and len(three) == 3 and three[1] in ("year", "years") and three[2] in ("later", "earlier"):
            return _shift_years(last, count if three[2] == "later" else -count), i + 3
        if three in (("the", "following", "year"),):
            return _shift_years(last, 1), i + 3
        if three in (("the", "previous", "year"), ("the", "preceding", "year")):
            return _shift_years(last, -1), i + 3
        if len(two) == 2 and two[0] in SPANS and two[1] in ("later", "earlier"):
            return _spread(last, SPANS[two[0]], two[1] == "later"), i + 2
        if count is not None and len(three) == 3 and three[1] in SPANS and three[2] in ("later", "earlier"):
            return _spread(last, SPANS[three[1]], three[2] == "later"), i + 3
        if three in (("later", "that", "year"), ("earlier", "that", "year"), ("that", "same", "year"), ("the", "same", "year")):
            return _shift_years(last, 0), i + 3
        if three == ("at", "the", "time"):
            return last, i + 3
        return None

    def _is_year(self, k: int) -> bool:
        toks = self.toks
        return k < len(toks) and self.joined(k, ("space", "hyphen")) and len(toks[k].key) == 4 \
            and toks[k].key.isdigit() and 1900 <= int(toks[k].key) <= 2100

    def _time_expr(self, j: int, alone: bool = False) -> tuple[Period, int] | None:
        """A date at token *j* (after "in", "on"…; *alone*: with nothing before it)."""
        toks, n = self.toks, len(self.toks)
        day = month = None
        k = j
        m = _DAY_RE.fullmatch(toks[k].key) if k < n and (alone or self.joined(k, ("space",))) else None
        if m:
            day = int(m.group(1))
            k += 1
        if k < n and toks[k].key in MONTHS and self.kinds[k] in ("space", "dot"):
            month = MONTHS[toks[k].key]
            k += 1
            if day is None and k < n and toks[k].key.isdigit() and len(toks[k].key) <= 2:
                day = int(toks[k].key)
                k += 1
        elif day is not None:
            return None
        if not (k < n and toks[k].key.isdigit() and len(toks[k].key) == 4 and 1900 <= int(toks[k].key) <= 2100):
            return None
        if any(BARRIER in self.gaps[x] for x in range(j, k + 1)):
            return None
        year = int(toks[k].key)
        try:
            if month and day:
                d = dt.date(year, month, day)
                return Period(d, d, d.isoformat()), k + 1
            if month:
                return parse_period(f"{year:04d}-{month:02d}"), k + 1
        except ValueError:
            pass
        return parse_period(str(year)), k + 1

    def when(self, i: int) -> tuple[Period, bool]:
        if self.times is None:
            self.times = self._times()
        t = self.times[i] if i < len(self.times) else None
        return (t, True) if t is not None else (self.date, False)

    # -- tries -----------------------------------------------------------------
    def walk(self, trie: dict, i: int, allowed: tuple[str, ...] = ("space", "hyphen", "dot")) -> tuple[int, list]:
        """Longest trie match starting at token *i*: (end token, values)."""
        toks = self.toks
        node = trie.get(toks[i].key) if i < len(toks) else None
        if node is None:  # the common case: the word starts nothing in this trie
            return i, []
        if trie is self.ix.jurisdictions and toks[i].key in self.ix.acronyms and toks[i].raw.islower():
            return i, []  # "us" is a pronoun; only "US" is the country
        best_end, best = (i + 1, node[END]) if END in node else (i, [])
        j = i + 1
        while j < len(toks) and not toks[j - 1].possessive and self.joined(j, allowed):
            tok = toks[j]
            if trie is self.ix.jurisdictions and tok.key in self.ix.acronyms and tok.raw.islower():
                break
            node = node.get(tok.key)
            if node is None:
                break
            j += 1
            if END in node:
                best_end, best = j, node[END]
        return best_end, best

    # -- titles ----------------------------------------------------------------
    def qualified(self, i: int) -> bool:
        """An unknown word right before the title makes it a title we do not know."""
        if i == 0 or self.kinds[i] != "space" or BARRIER in self.gaps[i]:
            return False
        prev = self.toks[i - 1]
        if prev.possessive:
            return True  # "Putin's spokesman": not the title of the name that follows
        return prev.key not in OPEN_CLASS_OK and prev.key not in TIME_MODIFIERS

    def parse_title(self, i: int) -> tuple[Title, int, bool] | None:
        """Parse a title at token *i*: (title, end token, denotes-another-office)."""
        toks, n = self.toks, len(self.toks)
        j = i
        mods: list[str] = []
        other = False
        jurs: set[str] = set()
        jur_at: int | None = None

        def modifiers(j: int) -> int:
            nonlocal other
            while j < n and (j == i or self.joined(j)):
                key = toks[j].key
                if key in TIME_MODIFIERS and key != "new" or (key == "new" and j > i):
                    mods.append(TIME_MODIFIERS[key])
                elif key in OTHER_OFFICE and not self._role_at(j):
                    other = True
                elif key == "first" and j + 1 < n and toks[j + 1].key == "deputy":
                    other = True
                else:
                    break
                j += 1
            return j

        j = modifiers(j)
        if j < n and (j == i or self.joined(j)):
            end, found = self.walk(self.ix.jurisdictions, j)
            if found:
                jurs = set(found)
                jur_at = j
                j = modifiers(end)
        if not (j < n and (j == i or self.joined(j))):
            return None
        r_end, roles = self.walk(self.ix.roles, j)
        o_end, offices = self.walk(self.ix.office_titles, j)
        if not roles and not offices:
            return None
        specific = bool(jurs)
        if offices and o_end > r_end:
            end, title_offices, role_ids = o_end, set(offices), []
            specific = True
        elif offices and o_end == r_end:
            # Both an office's own title and a generic role word ("Defense
            # Secretary"): generic, unless a jurisdiction says whose.
            end, title_offices, role_ids = r_end, set(offices), roles
        else:
            end, title_offices, role_ids = r_end, set(), roles
        possessive = toks[end - 1].possessive
        # post-modifiers: "President-elect", "Foreign Minister designate"
        while end < n and self.joined(end, ("space", "hyphen")) and toks[end].key in POST_MODIFIERS and not possessive:
            mods.append(POST_MODIFIERS[toks[end].key])
            possessive = toks[end].possessive
            end += 1
        label_end = toks[end - 1].end
        # "President of Ukraine", "ambassador to South Korea"
        hosts: set[str] = set()
        if not possessive and end + 1 < n and self.joined(end, ("space",)) and toks[end].key in ("of", "to"):
            k = end + 1
            if toks[k].key == "the" and k + 1 < n and self.joined(k + 1, ("space",)):
                k += 1
            if self.joined(k, ("space",)):
                j_end, found = self.walk(self.ix.jurisdictions, k)
                if found:
                    if toks[end].key == "of" and not jurs:
                        jurs = set(found)
                        specific = True
                    elif toks[end].key == "to":
                        hosts = set(found)
                    else:
                        found = []
                    if found:
                        end = j_end
                        label_end = toks[end - 1].end
                        possessive = toks[end - 1].possessive
        kb = self.ix.kb
        if jurs:
            office_ids = {o for o in title_offices if kb.offices[o].jurisdiction in jurs}
            office_ids.update(o for r in role_ids for jur in jurs for o in self.ix.offices_by_role_jur.get((r, jur), ()))
        else:
            office_ids = title_offices | {o for r in role_ids for o in self.ix.offices_by_role.get(r, ())}
        if hosts:
            office_ids = {o for o in office_ids if kb.offices[o].host in hosts}
        start = toks[i].start
        label_from = jur_at if jur_at is not None else j
        label = " ".join(self.text[toks[label_from].start : label_end].split())
        title = Title(start, toks[end - 1].end, " ".join(self.text[start : toks[end - 1].end].split()),
                      frozenset(office_ids), tuple(mods), specific, label.replace("\u2019", "'"))
        return title, end, other or possessive

    def _role_at(self, j: int) -> bool:
        """A role or office title starts at *j* (so "Vice President" is a role, not vice + president)."""
        return bool(self.walk(self.ix.roles, j)[1] or self.walk(self.ix.office_titles, j)[1])

    # -- names -----------------------------------------------------------------
    def name_start(self, i: int) -> bool:
        t = self.toks[i]
        return t.raw[:1].isupper() and _is_word(t) and t.key not in OPEN_CLASS_OK

    def run_end(self, i: int) -> int:
        toks, n = self.toks, len(self.toks)
        j = i + 1
        while j < n and j - i < 6 and not toks[j - 1].possessive:
            kind = self.kinds[j]
            if BARRIER in self.gaps[j]:
                break
            if kind in ("hyphen", "apostrophe") and _is_word(toks[j]):
                j += 1
            elif kind in ("space", "dot") and toks[j].raw[:1].isupper() and _is_word(toks[j]):
                j += 1
            elif (kind == "space" and toks[j].key in NAME_PARTICLES and j + 1 < n
                  and self.kinds[j + 1] in ("space", "hyphen") and toks[j + 1].raw[:1].isupper()):
                j += 1
            else:
                break
        return j

    def span_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start : self.toks[b - 1].end]

    def pick_form(self, forms: list[NameForm], text: str) -> tuple[NameForm, str]:
        w = written(text)
        for nf in forms:
            if written(nf.text) == w:
                return nf, nf.kind
        canon = [f for f in forms if f.kind == "canonical"]
        return (canon or forms)[0], "variant"

    def resolve(self, a: int, b: int, titled: bool,
                title: Title | None = None) -> tuple[str, int, int, tuple[str, ...], NameForm | None, str] | None:
        """Interpret the capitalised run toks[a:b].

        Returns (kind, start token, end token, persons, form, form kind), or
        ``("skip", a, b, ...)`` for a namesake such as "Donald Trump Jr.".
        """
        ix = self.ix
        best: tuple[int, int, list] | None = None
        for s in ([a] if titled else range(a, b)):
            e, forms = self.walk(ix.names, s, ("space", "hyphen", "dot", "apostrophe"))
            if forms and e <= b and (best is None or e - s > best[1] - best[0]):
                best = (s, e, forms)
        if best is not None:
            s, e, forms = best
            single = e - s == 1
            if not single or (b - a == 1) or (titled and e == b):
                if e < len(self.toks) and self.toks[e].key in NAME_SUFFIXES and self.kinds[e] in ("space", "dot"):
                    return ("skip", a, max(b, e + 1), (), None, "")
                persons = tuple(dict.fromkeys(f.person for f in forms))
                nf, fk = self.pick_form(forms, self.span_text(s, e))
                kind = "misspelling" if nf.kind == "misspelling" else "name"
                if kind == "misspelling":
                    persons = tuple(dict.fromkeys(f.person for f in forms if f.kind == "misspelling"))
                return (kind, s, e, persons, nf, fk)
        # "Mr Blinken", "Secretary Blinken": a family name after courtesy or
        # title words the KB does not know as a title.
        lead = a
        while not titled and lead < b - 1 and (self.toks[lead].key in HONORIFICS or self.toks[lead].key in ix.title_words):
            lead += 1
        if lead > a and tuple(t.key for t in self.toks[lead:b]) in ix.by_family:
            a = lead
        run = tuple(t.key for t in self.toks[a:b])
        if run in ix.by_family and (titled or b - a == len(run)):
            if b < len(self.toks) and self.toks[b].key in NAME_SUFFIXES:
                return ("skip", a, b + 1, (), None, "")
            persons = tuple(dict.fromkeys(f.person for f in ix.by_family[run]))
            return ("family", a, b, persons, None, "")
        # No exact form: a near miss, a mix of two people, or someone unknown.
        spans = [(a, b)] if titled else [(s, b) for s in (b - 2, b - 3) if s >= a] + [(a, e) for e in (a + 2, a + 3) if e < b]
        for s, e in spans:
            if 2 <= e - s <= 4:
                found = self.near_or_mixed(s, e, title)
                if found is not None and found[0] == "short":
                    return ("name", s, e, found[1], found[2], "variant")
                if found is not None:
                    return (found[0], s, e, found[1], found[2], "")
        if titled and 2 <= b - a <= 3 and all(
            _is_word(t) and t.raw[:1].isupper() and t.key not in ix.title_words and t.key not in OPEN_CLASS_OK
            for t in self.toks[a:b]
        ):
            return ("unknown", a, b, (), None, "")
        return None

    def holder_slip(self, k: int, title: Title) -> tuple[str, int, int, tuple[str, ...], NameForm | None, str] | None:
        """'Foreign Minister Lavrow': one word after a title, a letter off the
        family name of someone who held one of its offices."""
        key = self.toks[k].key
        if len(key) < 5 or key in self.ix.name_words:
            return None
        near = [nf for oid in title.offices for t in self.ix.kb.offices[oid].holders
                for nf in self.ix.by_family_of(t.person)
                if nf.kind != "misspelling" and len(nf.family) == 1 and similar(key, nf.family[0], 0.8)]
        people = tuple(dict.fromkeys(nf.person for nf in near))
        return ("near", k, k + 1, people, near[0], "") if len(people) == 1 else None

    def near_or_mixed(self, s: int, e: int, title: Title | None = None) -> tuple[str, tuple[str, ...], NameForm | None] | None:
        ix = self.ix
        keys = tuple(t.key for t in self.toks[s:e])
        # A short form: first given name and family name of a longer form
        # ("Recep Erdogan" for Recep Tayyip Erdoğan).
        if len(keys) == 2:
            short = [nf for nf in ix.by_first_and_family.get((keys[0], keys[1:]), ())
                     if len(nf.key) > 2 and nf.kind != "misspelling"]
            people = tuple(dict.fromkeys(nf.person for nf in short))
            if len(people) == 1:
                return ("short", people, short[0])
        near: list[NameForm] = []
        # family name exact, given name a near miss ("Dmitry Kuleba", "Volodymir Zelenskyy")
        for fam_len in (1, 2):
            if fam_len >= len(keys):
                break
            for family_first in (False, True):
                fam = keys[:fam_len] if family_first else keys[-fam_len:]
                given = keys[fam_len:] if family_first else keys[:-fam_len]
                for nf in ix.by_family.get(fam, ()):
                    if nf.family_first != family_first or len(nf.given) != len(given):
                        continue
                    diff = [(x, y) for x, y in zip(given, nf.given) if x != y]
                    if len(diff) == 1 and (similar(diff[0][0], diff[0][1], 0.6) or diff[0] in GIVEN_NAME_FORMS):
                        near.append(nf)
        # given name exact, family name a near miss ("Antony Blinkin")
        for nf in ix.by_given_part.get(keys[:-1], ()):
            if len(nf.family) == 1 and similar(keys[-1], nf.family[0], 0.8):
                near.append(nf)
        if near:
            persons = tuple(dict.fromkeys(nf.person for nf in near))
            if title is not None and title.specific and not self.ix.served(persons, title.offices):
                # "President of Ostoria Martin Rios": not Marta Rios, who never
                # served Ostoria, but its president Martin Gerber mixed with a Rios
                mixed = self.mixed(keys)
                if mixed is not None and self.ix.served(mixed[1][: mixed[1].index("|")], title.offices, exact=True):
                    return mixed
            return ("near", persons, near[0])
        return self.mixed(keys)

    def mixed(self, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...], NameForm | None] | None:
        """A mix of two people: one's given name with another's family name ("Joe Blinken")."""
        ix = self.ix
        for fam_len in (1, 2):
            if fam_len >= len(keys):
                break
            fam, given = keys[-fam_len:], keys[:-fam_len]
            fam_people = {nf.person for nf in ix.by_family.get(fam, ()) if not nf.family_first and nf.given}
            if not fam_people:
                continue
            given_people = {nf.person for nf in ix.by_given_part.get(given, ())}
            if len(given) == 1:  # "Martin" also of "Martin Viktor Novak"
                given_people.update(nf.person for nf in ix.by_given.get(given[0], ()) if not nf.family_first)
            if given_people and not (fam_people & given_people):
                return ("conflated", (*sorted(given_people), "|", *sorted(fam_people)), None)
        return None

    # -- apposition ----------------------------------------------------------------
    def appositive(self, e: int) -> tuple[Title, int, bool] | None:
        """'NAME, the TITLE,' — a title in apposition right after a name."""
        toks, n = self.toks, len(self.toks)
        if e >= n or BARRIER in self.gaps[e] or self.gaps[e].translate(NO_MARKUP).strip() not in (",", "\u2014", "\u2013", "(", "--"):
            return None
        j = e
        if toks[j].key in ("the", "a", "an") and j + 1 < n and self.joined(j + 1, ("space",)):
            j += 1
        parsed = self.parse_title(j)
        if parsed is None:
            return None
        title, end, other = parsed
        if end < n:
            after = self.gaps[end].translate(NO_MARKUP).lstrip(" \t\n")
            if not (after[:1] in tuple(",;:.)!?\u2014\u2013") or (toks[end].key in RELATIVE and self.kinds[end] == "space")):
                return None
        return title, end, other

    # -- the scan ----------------------------------------------------------------
    def scan(self) -> list[Mention]:
        out: list[Mention] = []
        toks, n = self.toks, len(self.toks)
        # Only a capitalised word, a title word or a modifier can begin anything.
        cand_keys = self.ix.candidate_keys
        # t[2] is the raw word, t[3] its key (index access: this runs over every word)
        candidates = [k for k, t in enumerate(toks) if t[2][0].isupper() or t[3] in cand_keys]
        c = 0
        i = 0
        while True:
            while c < len(candidates) and candidates[c] < i:
                c += 1
            if c == len(candidates):
                break
            i = candidates[c]
            key = toks[i].key
            may_title = key in self.ix.title_starts or key in TIME_MODIFIERS or key in OTHER_OFFICE or key == "first"
            follow = self.ix.title_next.get(key)
            if follow is not None and (i + 1 == n or toks[i + 1].key not in follow):
                may_title = False  # "the" not before "Commission", "trade" not before "minister"
            parsed = self.parse_title(i) if may_title and _is_word(toks[i]) else None
            if parsed is not None and self.qualified(i):
                _, end, _ = parsed
                i = end
                continue
            if parsed is not None:
                title, end, other = parsed
                if end < n and self.kinds[end] == "space" and BARRIER not in self.gaps[end] and self.name_start(end):
                    b = self.run_end(end)
                    got = self.resolve(end, b, titled=True, title=title)
                    if got is None and b - end == 1 and not other:
                        got = self.holder_slip(end, title)
                    if got is not None:
                        kind, s, e, persons, form, fk = got
                        if kind != "skip":
                            out.append(self.mention(kind, s, e, persons, form, fk, None if other else title))
                        i = max(e, b) if kind == "skip" else e
                        continue
                # "the Russian foreign minister, Dmitry Peskov, said": the name
                # set off by commas right after the title.
                if end < n and self.gaps[end].translate(NO_MARKUP).strip() == "," and self.name_start(end):
                    b = self.run_end(end)
                    got = self.resolve(end, b, titled=True, title=title)
                    if got is not None and got[0] not in ("skip", "unknown") and got[2] == b and b < n \
                            and self.gaps[b].translate(NO_MARKUP).strip() == "," and not toks[b - 1].possessive:
                        kind, s, e, persons, form, fk = got
                        out.append(self.mention(kind, s, e, persons, form, fk, None if other else title))
                        i = e
                        continue
                i = end
                continue
            if self.name_start(i):
                b = self.run_end(i)
                if b - i == 1 and toks[i].key not in self.ix.name_words:
                    slip = self.appositive_slip(i, b)
                    if slip is not None:
                        out.append(slip[0])
                        i = slip[1]
                        continue
                    self.note_loose(i, b)  # one capitalised word that is nobody's name: most sentence starts
                    i = b
                    continue
                got = self.resolve(i, b, titled=False)
                if got is None:
                    slip = self.appositive_slip(i, b)
                    if slip is not None:
                        out.append(slip[0])
                        i = slip[1]
                        continue
                    self.note_loose(i, b)
                    i = b
                    continue
                kind, s, e, persons, form, fk = got
                if kind == "skip":
                    i = e
                    continue
                after: Title | None = None
                nxt = e
                app = self.appositive(e) if e == b else None
                if app is not None:
                    t, t_end, other = app
                    after = None if other else t
                    nxt = t_end
                out.append(self.mention(kind, s, e, persons, form, fk, after))
                i = max(nxt, e)
                continue
            i += 1
        return out

    def appositive_slip(self, a: int, b: int) -> tuple[Mention, int] | None:
        """'Lavrow, Russia's foreign minister,': one word (after courtesy
        words at most) that matched no one, a letter off the family name of
        someone who held the office of the title set off right after it."""
        key = self.toks[b - 1].key
        if len(key) < 5 or key in self.ix.name_words or b == len(self.toks):
            return None  # what holder_slip would refuse: most capitalised words
        gap = self.gaps[b]
        if "," not in gap and "(" not in gap and "\u2014" not in gap and "\u2013" not in gap and "--" not in gap:
            return None  # no apposition can follow
        if any(t.key not in HONORIFICS for t in self.toks[a : b - 1]):
            return None
        app = self.appositive(b)
        if app is None or app[2]:
            return None
        title, t_end, _ = app
        got = self.holder_slip(b - 1, title)
        if got is None:
            return None
        kind, s, e, persons, form, fk = got
        return self.mention(kind, s, e, persons, form, fk, title), t_end

    # -- table cells -----------------------------------------------------------
    def whole_title(self) -> Title | None:
        """The cell is a title and nothing else ("Secretary of State")."""
        if not self.toks:
            return None
        parsed = self.parse_title(0)
        if parsed is None or parsed[1] != len(self.toks) or parsed[2] or not parsed[0].offices:
            return None
        return parsed[0]

    def whole_time(self) -> Period | None:
        """The cell is a date or a range of dates and nothing else ("2019",
        "March 2022", "2014–2019", "2021 to present")."""
        toks, n = self.toks, len(self.toks)
        found = self._time_expr(0, alone=True) if n else None
        if found is None:
            return None
        first, j = found
        if j == n:
            return first
        gap = self.gaps[j].strip()
        k = j + 1 if toks[j].key in ("to", "until") and gap == "" else j
        if gap not in ("", "-", "\u2013", "\u2014", "to") or (k == j and gap == ""):
            return None
        if k < n and toks[k].key in ("present", "now", "today") and k + 1 == n:
            return Period(first.start, max(first.end, self.date.end), f"{first.text}\u2013")
        second = self._time_expr(k, alone=True) if k < n else None
        if second is None or second[1] != n or second[0].end < first.start:
            return None
        return Period(first.start, second[0].end, f"{first.text}\u2013{second[0].text}")

    def note_loose(self, a: int, b: int) -> None:
        """A capitalised word standing alone (after courtesy or title words at
        most) that matched no one: a candidate for a family-name slip."""
        t = self.toks[b - 1]
        lead = all(x.key in HONORIFICS or x.key in self.ix.title_words for x in self.toks[a : b - 1])
        if lead and len(t.key) >= 5 and t.key not in self.ix.name_words and t.key not in self.ix.title_words:
            self.loose.append(Loose(self.seg_no, t.start, t.end, t.key))

    def mention(self, kind: str, s: int, e: int, persons: tuple[str, ...], form: NameForm | None, fk: str,
                title: Title | None) -> Mention:
        start, end = self.toks[s].start, self.toks[e - 1].end
        family: tuple[str, ...] = ()
        if "|" in persons:
            cut = persons.index("|")
            persons, family = persons[:cut], persons[cut + 1 :]
        when, explicit = self.when(s)
        family_text = ""
        if form is not None and kind == "name":
            a, b = form.family_span()
            if s + b <= e and a < b:
                family_text = self.text[self.toks[s + a].start : self.toks[s + b - 1].end]
        return Mention(self.seg_no, start, end, self.text[start:end], kind, persons, form, title, when, explicit, fk,
                       family, family_text)


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
        scanner = _Scanner(index, seg, no, article, anchor)
        out.extend(scanner.scan())
        loose.extend(scanner.loose)
        anchor = scanner.anchor_after()
    if any(seg.row >= 0 for seg in doc.segments):
        out = _table_rows(out, doc, index, article)
    return _settle_families(out, doc, index), loose


def _table_rows(mentions: list[Mention], doc: Document, index: KBIndex, article: Period) -> list[Mention]:
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
        titles: dict[int, Title] = {}
        times: dict[int, Period] = {}
        bounds: dict[int, tuple[int, int]] = {}
        for no in cells:
            sc = _Scanner(index, doc.segments[no], no, article)
            if not sc.toks:
                continue
            bounds[no] = (sc.toks[0].start, sc.toks[-1].end)
            if no in by_segment:
                continue  # a cell that names someone is neither a title nor a date
            title = sc.whole_title()
            if title is not None:
                titles[no] = title
            when = sc.whole_time()
            if when is not None:
                times[no] = when
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


def _settle_families(mentions: list[Mention], doc: Document, index: KBIndex) -> list[Mention]:
    """Give a family name alone to the person the draft means.

    "Kim" after "Kim Jong-un" is Kim Jong-un; a family name that several KB
    people share and that the draft never ties to one of them stays
    ambiguous (all candidates kept, so checks stay quiet on it).
    """
    full = [m for m in mentions if m.kind in ("name", "misspelling", "near")]
    where = [(f.segment, f.start) for f in full]  # in document order
    seen_at: dict[str, list[int]] = {}  # person -> indexes into ``full``
    for k, f in enumerate(full):
        for p in f.persons:
            seen_at.setdefault(p, []).append(k)
    out: list[Mention] = []
    for m in mentions:
        if m.kind == "family" and len(m.persons) > 1 and any(p in seen_at for p in m.persons):
            # the nearest full mention before it, else the first after it
            cut = bisect.bisect_left(where, (m.segment, m.start))
            before = [ks[bisect.bisect_left(ks, cut) - 1] for p in m.persons if (ks := seen_at.get(p)) and ks[0] < cut]
            k = max(before) if before else min(seen_at[p][0] for p in m.persons if p in seen_at)
            choice = [p for p in full[k].persons if p in m.persons][-1 if before else 0]
            m = dataclasses.replace(m, persons=(choice,))
        out.append(m)
    return out
