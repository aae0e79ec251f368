"""Verdicts on the name itself: two people mixed up, or a name misspelled.

Takes the compiled KB index, how often the draft names each person
(``named``: person id -> full or family-name mentions with one reading) and
a mention; gives a conflated (FL103) or misspelled (FL201)
:class:`~factlint.assess.verdict.Verdict`, or None.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from factlint import tuning
from factlint.assess import facts, wording
from factlint.assess.verdict import Situation, Verdict, VerdictKind
from factlint.dates import Period
from factlint.kb.index import KBIndex
from factlint.kb.model import Tenure
from factlint.mentions import Mention
from factlint.text import tokenize


# -- conflated -----------------------------------------------------------------------

def conflated(ix: KBIndex, named: dict[str, int], m: Mention, full: dict[str, int] | None = None) -> Verdict | None:
    """A name made of parts of two known people ("Joe Blinken").

    *full* counts the draft's mentions of each person by their full name:
    a family name alone may be that of the very person the KB does not know
    ("Bill Barr … Barr said"), so it is no evidence that a KB person is meant."""
    full = named if full is None else full
    held = None
    titled = m.title is not None and bool(m.title.offices)
    if titled:
        assert m.title is not None
        held = held_then(ix, (*m.persons, *m.family_persons), m.title.offices, m.when)  # read once for all three
        if not _record_known(ix, m, held) or not plausible_mix(ix, m, full, held):
            # More likely someone the KB does not know ("Defense Secretary
            # Robert Gates" in 2010, with no Gates of the time in the KB; "Sen.
            # Ana Smith" when the KB lists only today's senators).
            return None
    elif not (_named_near(ix, full, m.persons, m) and _named_near(ix, full, m.family_persons, m)):
        # Without a title, only when the draft itself names both people in full,
        # and both were in office around the date: relatives share family names
        # ("Eric Trump" is nobody's slip), and a common name of someone the KB
        # does not know ("John Smith") combines a given and a family name of
        # some KB people, named in a list of others or long out of office.
        return None
    given, family = rank(ix, named, m.persons, m, held), rank(ix, named, m.family_persons, m, held)
    f = {"text": " ".join(m.text.split()), "first": facts.name(ix, given), "second": facts.name(ix, family),
         "date": m.when.text, "on_date": wording.on(m.when)}
    if titled:
        f["instead"], suggest = _titled(ix, m, [given, family])
        return Verdict(VerdictKind.CONFLATED, Situation.TITLED, m.segment, m.start, m.end, f, suggest)
    f["instead"] = wording.WHICH_IS_MEANT
    return Verdict(VerdictKind.CONFLATED, Situation.UNTITLED, m.segment, m.start, m.end, f,
                   (facts.name(ix, given), facts.name(ix, family)))


def _titled(ix: KBIndex, m: Mention, pieces: list[str]) -> tuple[str, tuple[str, ...]]:
    """What to say instead of a titled mix-up, and whom to suggest."""
    title, when = m.title, m.when
    assert title is not None
    fits = [p for p in pieces if any(t.may_cover(when) for t in ix.tenures(p) if t.office in title.offices)]
    if not title.specific:
        # "President X": whose president is unknown, so say what each of the two was
        held = [clause for clause in (facts.was_then(ix, p, when) for p in pieces) if clause]
        suggest = [facts.name(ix, p) for p in fits] or [facts.name(ix, p) for p in pieces]
        return wording.on_each(when, held), tuple(suggest)
    instead, names, _ = facts.instead(ix, when, None, title.offices, title.label)
    suggest = [facts.name(ix, p) for p in fits] or names
    for p in pieces:
        clause = facts.was_then(ix, p, when) if p not in fits else ""
        if clause:
            instead = wording.also(instead, clause)
            break
    return instead or wording.WHICH_IS_MEANT, tuple(dict.fromkeys(suggest))


def held_then(ix: KBIndex, people: Iterable[str], offices: frozenset[str], when: Period) -> dict[str, list[Tenure]]:
    """Of *people*, those who held one of *offices* at *when* (some reading
    of the dates), with those tenures. Read from the smaller side: the
    people's tenures, or the holders of the offices at the date (a common
    given name has hundreds of people in a large KB; a title like
    "President" has a hundred offices). The same answer either way."""
    out: dict[str, list[Tenure]] = {}
    people = tuple(dict.fromkeys(people))
    if len(offices) < len(people):
        wanted = frozenset(people)
        for t in ix.holders_on(offices, when):
            if t.person in wanted:
                out.setdefault(t.person, []).append(t)
        return {p: out[p] for p in people if p in out}  # in the people's order, as the other side gives
    for p in people:
        for t in ix.tenures(p):
            if t.office in offices and t.may_cover(when):
                out.setdefault(p, []).append(t)
    return out


def rank(ix: KBIndex, named: dict[str, int], people: Iterable[str], m: Mention,
         held: dict[str, list[Tenure]] | None = None) -> str:
    """The likeliest person meant: named in the draft, fitting the title,
    in some office at the date, most recent (*held*: ``held_then`` of at
    least these people, if already read)."""
    offices = m.title.offices if m.title is not None else frozenset()
    when = m.when

    def score(pid: str) -> tuple[bool, bool, bool, dt.date]:
        fits = active = False
        latest = dt.date.min
        for t in ix.tenures(pid):
            if t.may_cover(when):
                active = True
                fits = fits or t.office in offices
            if t.start.start > latest:
                latest = t.start.start
        return (named.get(pid, 0) > 0, fits, active, latest)

    # Someone the draft names outranks everyone else: score only them if any;
    # else someone who fits the title outranks everyone who does not.
    people = list(people)
    first = [p for p in people if named.get(p, 0) > 0]
    if not first and offices:
        fit = held_then(ix, people, offices, m.when) if held is None else held
        first = [p for p in people if p in fit]
    return max(first or people, key=score)


def _record_known(ix: KBIndex, m: Mention, held: dict[str, list[Tenure]]) -> bool:
    """The KB knows every holder, at the date, of the title's offices that
    one of the two people held then (*held*: ``held_then`` of them): no one
    else of that name held them."""
    offices = {t.office for ts in held.values() for t in ts}
    return all(ix.kb.offices[o].known_at(m.when) for o in offices)


def _near(m: Mention) -> Period:
    return Period(m.when.start - tuning.MIX_WINDOW, m.when.end + tuning.MIX_WINDOW, "")


def _named_near(ix: KBIndex, full: dict[str, int], people: Iterable[str], m: Mention) -> bool:
    """One of *people* is named in full in the draft and held some office
    within ``tuning.MIX_WINDOW`` of the mention's date."""
    near = _near(m)
    return any(full.get(p, 0) > 0 and any(t.may_cover(near) for t in ix.tenures(p)) for p in people)


def plausible_mix(ix: KBIndex, m: Mention, full: dict[str, int] | None = None,
                  held: dict[str, list[Tenure]] | None = None) -> bool:
    """A titled mix-up of two people: one of them held the title at the
    time, and the other held some office close to it (``tuning.MIX_WINDOW``)
    in the same country or organisation, or is named in full in the draft
    (*full*): a writer mixes up people of one story, not a Burundian
    president with a Canadian prime minister."""
    assert m.title is not None
    offices, when, near = m.title.offices, m.when, _near(m)

    if held is None:
        held = held_then(ix, (*m.persons, *m.family_persons), offices, when)

    def around(p: str, where: set[str]) -> bool:
        named = full is None or full.get(p, 0) > 0
        return any(t.may_cover(near) and (named or ix.office(t.office).jurisdiction in where) for t in ix.tenures(p))

    def mix(holders: Iterable[str], others: Iterable[str]) -> bool:
        # the jurisdictions of the title's offices that the holders held then
        where = {ix.office(t.office).jurisdiction for p in holders if p in held for t in held[p]}
        return bool(where) and any(around(p, where) for p in others)

    return mix(m.persons, m.family_persons) or mix(m.family_persons, m.persons)


# -- misspelled ----------------------------------------------------------------------

def misspelled(ix: KBIndex, named: dict[str, int], m: Mention) -> Verdict | None:
    """A misspelling the KB lists, or a near miss certain enough to report."""
    pid = m.persons[0] if len(m.persons) == 1 else None
    if pid is None:
        return None
    canonical = facts.name(ix, pid)
    f = {"text": " ".join(m.text.split()), "name": canonical}
    if m.kind == "misspelling":
        return Verdict(VerdictKind.MISSPELLED, Situation.LISTED, m.segment, m.start, m.end, f, (canonical,))
    # A near miss: the assessor has weighed the evidence that the KB
    # person is meant (factlint.assess.evidence).
    if len(m.text.split()) == 1:  # a family name alone: suggest the family name
        canonical = ix.canonical_family(pid) or canonical
        f["name"] = canonical
    # Suggest the known form the slip is a slip of, word for word ("Cristina
    # Firnandez" -> "Cristina Fernandez", not the longer canonical name): a
    # fix replaces exactly the words written.
    near = m.form.text if m.form is not None and len(m.form.key) == len(tokenize(m.text)) > 1 else canonical
    return Verdict(VerdictKind.MISSPELLED, Situation.NEAR, m.segment, m.start, m.end, f, (near,))

