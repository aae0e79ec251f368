"""A title against a person's tenures: does it fit them at the date?

Takes the compiled KB index and a mention with a title (and the date that
applies to it); gives a wrong-holder (FL101) or outdated (FL102)
:class:`~factlint.assess.verdict.Verdict`, or None when some reading of the
name fits the title. What a modifier ("former", "then-", "outgoing",
"incoming", "acting", none) makes fit is a table of small functions, one
per :class:`~factlint.lexicon.Tense`: each says the title fits, does not
fit (``_misfit`` then says how), or gives the verdict itself.

Findings mark the name (the title is in the message): that is where an
editor's eye and a fix go, also when the title wraps onto the line before.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from enum import Enum

from factlint import tuning
from factlint.assess import currency, facts, wording
from factlint.assess.verdict import Situation, Verdict, VerdictKind
from factlint.dates import Period
from factlint.kb.index import KBIndex
from factlint.kb.model import Office, Tenure
from factlint.lexicon import PARTY_LETTERS, Tense
from factlint.mentions import Mention, Title
from factlint.text import keys

OUTDATED, WRONG_HOLDER = VerdictKind.OUTDATED, VerdictKind.WRONG_HOLDER


class Fit(Enum):
    FITS = "fits"      # the title fits the person at the date: no verdict
    MISFIT = "misfit"  # it does not: ``_misfit`` says how


@dataclass(slots=True)
class Case:
    """One reading of a titled mention: one person against the title's offices."""

    ix: KBIndex
    m: Mention
    title: Title
    pid: str
    tense: Tense
    tenures: list[Tenure]        # the person's tenures of the title's offices
    holds: bool                  # one of them may cover the date
    surely: list[Tenure]         # ... surely covers it
    before: list[Tenure]         # ... began by then and ended before
    later: list[Tenure]          # ... began after
    own: set[str]                # the offices whose holders to name
    label: str                   # the title as the messages name it
    fields: dict[str, str]
    named: Collection[str] = ()  # the people the draft names (with one reading)

    @classmethod
    def of(cls, ix: KBIndex, m: Mention, title: Title, pid: str, tense: Tense, word: str,
           tenures: list[Tenure], holds: bool, named: Collection[str] = ()) -> Case:
        when = m.when
        # Whose holders to name: the offices of the title this person held
        # ("Russian ambassador Andrey Kulik": the one to South Korea), else all;
        # and the title by the office they held if it names no jurisdiction
        # (their "President").
        own = {t.office for t in tenures} or set(title.offices)
        label = title.label
        if tenures and (not title.specific or len(own) < len(title.offices)):
            label = wording.office_label(ix, ix.kb.offices[tenures[0].office])
        fields = base_fields(m, title)
        fields["name"] = facts.name(ix, pid)
        fields["modifier"] = word
        fields["the_title"] = wording.the(label)
        return cls(ix, m, title, pid, tense, tenures, holds,
                   surely=[t for t in tenures if t.surely_covers(when)],
                   before=[t for t in tenures if t.start.start <= when.end and not t.may_cover(when)],
                   later=[t for t in tenures if t.start.start > when.end],
                   own=own, label=label, fields=fields, named=named)

    @property
    def name(self) -> str:
        return self.fields["name"]

    @property
    def when(self) -> Period:
        return self.m.when

    def verdict(self, kind: VerdictKind, situation: Situation, extra: dict[str, str],
                suggest: Iterable[str], rests: Iterable[Tenure]) -> Verdict:
        return _verdict(kind, situation, self.m, {**self.fields, **extra}, tuple(dict.fromkeys(suggest)), rests)

    def holders_instead(self) -> tuple[str, list[str], list[Tenure]]:
        return facts.instead(self.ix, self.when, None, self.own, self.label)


# -- one function per tense ------------------------------------------------------

def _current(c: Case) -> Fit | Verdict:
    """No modifier (or "new"): they held it then."""
    return Fit.FITS if c.holds else Fit.MISFIT


def _acting(c: Case) -> Fit | Verdict:
    """Acting and interim holders are often missing from a KB: never a finding."""
    return Fit.FITS


def _former(c: Case) -> Fit | Verdict:
    """Held it before, no longer; wrong only if surely still in office."""
    if c.surely and not currency.former_as_now(c.m, c.tenures):
        t = c.surely[-1]
        return c.verdict(OUTDATED, Situation.STILL, {"since": t.start.text}, [wording.titled(c.title.label, c.name)], c.surely)
    return Fit.FITS if c.before or c.holds else Fit.MISFIT


def _then(c: Case) -> Fit | Verdict:
    """Held it at the time described: the sentence's own time if it states one, else any time before."""
    if c.m.explicit_time:
        return Fit.FITS if c.holds else Fit.MISFIT
    return Fit.FITS if c.before or c.holds else Fit.MISFIT


def _outgoing(c: Case) -> Fit | Verdict:
    """Holds it, or has only just left."""
    recent = c.when.start - tuning.RECENT
    return Fit.FITS if c.holds or any(t.end is not None and t.end.end >= recent for t in c.before) else Fit.MISFIT


def _incoming(c: Case) -> Fit | Verdict:
    """Has not taken it yet, or only just: wrong if long in office, or gone."""
    recent = [t for t in c.tenures if t.start.end >= c.when.start - tuning.RECENT]
    if recent or not c.tenures:
        return Fit.FITS
    if c.surely or c.holds:
        t = (c.surely or c.tenures)[-1]
        return c.verdict(OUTDATED, Situation.ALREADY, {"since": t.start.text}, [wording.in_office(c.title.label, c.name)], c.surely)
    t = c.before[-1] if c.before else c.tenures[-1]
    instead, names, ten = c.holders_instead()
    return c.verdict(OUTDATED, Situation.LEFT, {"left": wording.end_of(t), "instead": instead}, names, ten)


TENSES: dict[Tense, Callable[[Case], Fit | Verdict]] = {
    Tense.CURRENT: _current, Tense.ACTING: _acting, Tense.FORMER: _former,
    Tense.THEN: _then, Tense.OUTGOING: _outgoing, Tense.INCOMING: _incoming,
}
# Tenses under which holding the office at the date is enough to fit.
_HOLDING_FITS = frozenset({Tense.CURRENT, Tense.ACTING})


# -- the judgement ------------------------------------------------------------------

def title_verdict(ix: KBIndex, m: Mention, named: Collection[str] = ()) -> Verdict | None:
    """The verdict on the mention's title, None if some reading of the name
    fits it; *named* are the people the draft names elsewhere."""
    assert m.title is not None
    tense, word = modifier(m.title)
    if tense in _HOLDING_FITS and any(_held_then(ix, pid, m.title, m.when) for pid in m.persons):
        return None  # the common case: a reading of the name held the title then (``judge`` says so too)
    best: Verdict | None = None
    for pid in by_title(ix, m):
        v = judge(ix, m, pid, tense, word, named)
        if v is None:
            return None  # some reading of the name fits the title
        best = best or v
    return best


def _held_then(ix: KBIndex, pid: str, title: Title, when: Period) -> bool:
    """The person held an office of the title (with its party, if it names one) at some reading of *when*."""
    offices, party = title.offices, title.party
    return any(t.office in offices and (not party or t.party == party) and t.may_cover(when) for t in ix.tenures(pid))


def by_title(ix: KBIndex, m: Mention) -> tuple[str, ...]:
    """The readings of the name the title decides between: those whose person
    held an office of the title, if any did ("Former Chancellor Gordon Brown":
    the Chancellor, not a namesake ambassador); else all."""
    assert m.title is not None
    offices = m.title.offices
    held = tuple(p for p in m.persons if any(t.office in offices for t in ix.tenures(p)))
    return held or tuple(m.persons)


def modifier(title: Title) -> tuple[Tense, str]:
    """The modifier that decides, and the word as written ("former", "ex-",
    "late"; its tense's name if the title does not keep it). No modifier,
    or "new", is the current tense, written ""."""
    words = getattr(title, "modifier_words", ())
    for i, mod in enumerate(title.modifiers):
        if mod != Tense.CURRENT:
            return Tense(mod), (words[i] if i < len(words) and words[i] else str(mod))
    return Tense.CURRENT, ""


def judge(ix: KBIndex, m: Mention, pid: str, tense: Tense, word: str, named: Collection[str] = ()) -> Verdict | None:
    """One person against the title: None if it fits them at the date."""
    title = m.title
    assert title is not None
    tenures = [t for t in ix.tenures(pid) if t.office in title.offices and (not title.party or t.party == title.party)]
    holds = any(t.may_cover(m.when) for t in tenures)
    if holds and tense in _HOLDING_FITS:
        return None  # the common case: they held it then (narrowing the title below keeps these tenures)
    offices = ix.kb.offices
    if title.implied and not ix.served((pid,), title.offices):
        return None  # "Health Secretary" in another country's copy: its own, which the KB may not list
    if not title.specific and not ix.served((pid,), title.offices) \
            and len({offices[o].jurisdiction for o in title.offices}) == 1:
        return None  # "Senator X" of a country whose senators the KB does not list (it knows one country's)
    if len({offices[o].jurisdiction for o in title.offices}) > 1:
        # A title several countries use ("Secretary of Defense"): the one of
        # the countries this person served, if any.
        served = {offices[t.office].jurisdiction for t in ix.tenures(pid)}
        narrowed = frozenset(o for o in title.offices if offices[o].jurisdiction in served)
        if narrowed:
            title = dataclasses.replace(title, offices=narrowed)
            m = dataclasses.replace(m, title=title)
    if not holds and tense in (Tense.FORMER, Tense.THEN) and not m.explicit_time \
            and not record_reaches_back(ix, title.offices, pid) and not listed(ix, pid, title.offices):
        return None  # "former": any time before, maybe before the KB's record of the office begins
    if not holds:
        # Only the offices whose record is complete at the date can be judged:
        # before it the KB cannot say who held them ("Nicaraguan President"
        # in 1987 against a list of holders that starts in 2007), unless it
        # lists this person's whole career in them (a roster of Congress).
        # An office of a country the person never served does not count if
        # they held another office then ("Chancellor X" of a UK minister).
        known = frozenset(o for o in title.offices if offices[o].known_at(m.when) or listed(ix, pid, (o,)))
        if known != title.offices and not _elsewhere(ix, pid, m.when, title.offices - known):
            if not known or any(t.office not in known for t in tenures):
                return None
            title = dataclasses.replace(title, offices=known)
            m = dataclasses.replace(m, title=title)
    c = Case.of(ix, m, title, pid, tense, word, tenures, holds, named)
    outcome = TENSES[tense](c)
    if outcome is Fit.FITS:
        return None
    if outcome is Fit.MISFIT:
        return _misfit(c)
    return outcome


def _misfit(c: Case) -> Verdict | None:
    """The person does not fit the title at that time: how not."""
    if not c.tenures:
        if c.tense in (Tense.FORMER, Tense.THEN):
            return _never_held(c)
        return _never(c)
    instead, names, ten = c.holders_instead()
    if c.before:  # held it before: "no longer" is what matters, even if they came back later
        t = c.before[-1]
        if not currency.claimed_now(c.m, t, successor_named=any(h.person in c.named for h in ten)):
            return None  # a past holder under the title they held then: history, not a claim
        return c.verdict(OUTDATED, Situation.LEFT, {"left": wording.end_of(t), "instead": instead or wording.held_until(c.name, t)},
                         names, ten)
    t = c.later[0] if c.later else c.tenures[0]
    if currency.hypothetical(c.m) or currency.titled_as_now(c.m, c.tenures):
        return None  # "a President X would ...", "voted for President X in 2016": not a claim about then
    if facts.team(c.title):
        return None  # "spokeswoman X" before she led the press office: a deputy speaks for it too
    return c.verdict(OUTDATED, Situation.NOT_YET, {"since": t.start.text, "instead": instead or wording.took_office(c.name, t)},
                     names, ten)


def _wrong_tag(c: Case) -> Verdict | None:
    """"Ana Smith (R-Vt.)" of a member who was not a Republican from Vermont then: what they were."""
    now = [t for t in c.ix.tenures(c.pid) if t.may_cover(c.when)]
    if not now:
        return None
    offs = c.ix.kb.offices
    held = [wording.office_label(c.ix, offs[t.office]) + (f" ({t.party})" if t.party else "") for t in now]
    letters = {party: letter for letter, party in PARTY_LETTERS.items()}
    tags = [f"{c.name} ({letters[t.party]}-{offs[t.office].id.rsplit('-', 1)[-1].upper()})"
            for t in now if t.party in letters and offs[t.office].jurisdiction == "us"]
    return c.verdict(WRONG_HOLDER, Situation.NEVER, {"instead": wording.on_each(c.when, [wording.was(c.name, wording.join(held))])},
                     tags or [c.name], now)


def _never_held(c: Case) -> Verdict | None:
    """"Former Secretary of State Lloyd Austin": never held it at all."""
    if not record_reaches_back(c.ix, c.title.offices, c.pid) and not listed(c.ix, c.pid, c.title.offices):
        return None  # the KB's list of holders may start after their time
    held = list(dict.fromkeys(t.office for t in c.ix.tenures(c.pid)))
    labels = [wording.office_label(c.ix, c.ix.kb.offices[o]) for o in held]
    instead = wording.was(c.name, wording.join(labels)) if labels else wording.NO_OFFICE
    return c.verdict(WRONG_HOLDER, Situation.NEVER_HELD, {"instead": instead},
                     [wording.titled(label, c.name, c.tense) for label in labels], [])


def _never(c: Case) -> Verdict | None:
    """Never held any office of the title: say who did, or what they held."""
    ix, title = c.ix, c.title
    if currency.hypothetical(c.m):
        return None  # "a President X would ...": someone who might hold it one day
    if title.party:
        return _wrong_tag(c)
    if not title.specific:
        if facts.team(title):
            return None  # "spokesman X": someone's spokesman, whom the KB does not list
        actual = facts.held_at(ix, c.pid, c.when)
        if not actual or any(facts.broad(ix, o) for o in title.offices):
            return None
        if any(_names_within(title.label, o) for o in actual):
            return None  # "Chancellor Rachel Reeves": short for Chancellor of the Exchequer
        instead = wording.on_each(c.when, [wording.was(c.name, wording.office_list(ix, actual))])
        return c.verdict(WRONG_HOLDER, Situation.NEVER, {"instead": instead},
                         [wording.titled(wording.office_label(ix, actual[0]), c.name)], [])
    if facts.too_broad(ix, title):
        return None
    if facts.team(title) and not facts.held_at(ix, c.pid, c.when):
        return None  # "White House spokesman X": one of its team, unless the KB knows them as something else then
    instead, names, ten = facts.instead(ix, c.when, c.pid, title.offices, title.label)
    if not instead or (not names and any(facts.broad(ix, o) for o in title.offices)):
        return None  # a broad role's office named by its title: judged only when the KB shows who held it then
    if not names:  # too many holders to name: the person under the title they held
        names = [wording.titled(wording.office_label(ix, o), c.name) for o in facts.held_at(ix, c.pid, c.when)[:1]]
    return c.verdict(WRONG_HOLDER, Situation.NEVER, {"instead": instead}, names, ten)


def unknown(ix: KBIndex, m: Mention) -> Verdict | None:
    """A name the KB does not know under a one-seat office's title, when the
    KB knows who held it then, and the title is claimed at the date (or the
    KB's record of the office reaches back long before it): in narration
    ("Prime Minister X signed the accord") the unknown name may be a holder
    from before the record begins."""
    title = m.title
    assert title is not None
    if not title.specific or title.implied or len(title.offices) != 1 or facts.team(title):
        return None  # an implied jurisdiction may be another country's office; a team has members the KB does not list
    if any(mod != Tense.CURRENT for mod in title.modifiers):
        return None  # "the late President X": not a claim about who holds it now
    office = ix.kb.offices[next(iter(title.offices))]
    if office.seats != 1 or facts.too_broad(ix, title) or not office.known_at(m.when) or office.complete_per_person:
        return None  # (a roster of members knows their careers, not every holder: a seat may have fallen vacant)
    if not m.explicit_time and not currency.claimed_now(m, None) and not _known_long_before(office, m.when):
        return None  # told as narration: maybe of a holder before the KB's record begins
    instead, names, ten = facts.instead(ix, m.when, None, title.offices, title.label)
    if not names:
        return None
    fields = base_fields(m, title)
    fields["instead"] = instead
    return _verdict(WRONG_HOLDER, Situation.UNKNOWN, m, fields, tuple(names), ten)


# -- helpers -----------------------------------------------------------------------

def base_fields(m: Mention, title: Title) -> dict[str, str]:
    return {"text": " ".join(m.text.split()), "title": title.label, "the_title": wording.the(title.label),
            "date": m.when.text, "on_date": wording.on(m.when)}


def _verdict(kind: VerdictKind, situation: Situation, m: Mention, fields: dict[str, str],
             suggestions: tuple[str, ...], rests: Iterable[Tenure]) -> Verdict:
    """The verdict on *m*; probable (with "as_of") if it rests on an open tenure past its file's as_of."""
    as_of = probable(rests, m.when)
    if as_of:
        fields["as_of"] = as_of
    return Verdict(kind, situation, m.segment, m.start, m.end, fields, suggestions, as_of is not None)


def probable(tenures: Iterable[Tenure], when: Period) -> str | None:
    """The as_of date if a fact rests on an open tenure beyond its file's as_of."""
    for t in tenures:
        if t.end is None and t.origin is not None and t.origin.as_of is not None and when.end > t.origin.as_of:
            return t.origin.as_of.isoformat()
    return None


def record_reaches_back(ix: KBIndex, offices: Iterable[str], pid: str) -> bool:
    """The KB's record of *offices* is complete from long before the
    person's first known tenure, so "former TITLE NAME" can be checked
    against it. (A KB curated from 2015 on does not know that Dmitry
    Medvedev was President of Russia from 2008.)"""
    first = min((t.start.start for t in ix.tenures(pid)), default=None)
    starts = [o.complete_from for o in map(ix.kb.offices.__getitem__, offices) if o.complete_from is not None]
    return first is not None and bool(starts) and min(starts) < first - tuning.RECORD_MARGIN


def _known_long_before(office: Office, when: Period) -> bool:
    """The office's record is complete from long before *when*
    (``tuning.RECORD_MARGIN``): anyone told of as its holder then is in it."""
    return office.complete_from is not None and office.complete_from < when.start - tuning.RECORD_MARGIN


def listed(ix: KBIndex, pid: str, offices: Iterable[str]) -> bool:
    """The KB lists all of the person's tenures of *offices*: each is
    ``complete_per_person`` and the person holds some office of its
    jurisdiction that is too (a member of Congress, with every term)."""
    offs = ix.kb.offices
    wanted = [offs[o] for o in offices]
    if not wanted or not all(o.complete_per_person for o in wanted):
        return False
    jurs = {o.jurisdiction for o in wanted}
    return any(offs[t.office].complete_per_person and offs[t.office].jurisdiction in jurs for t in ix.tenures(pid))


def _elsewhere(ix: KBIndex, pid: str, when: Period, unknown: Iterable[str]) -> bool:
    """The person held some office at *when*, and none in the jurisdictions of *unknown*."""
    mine = ix.tenures(pid)
    if not any(t.may_cover(when) for t in mine):
        return False
    served = {ix.kb.offices[t.office].jurisdiction for t in mine}
    return all(ix.kb.offices[o].jurisdiction not in served for o in unknown)


def _names_within(label: str, office: Office) -> bool:
    """The title as written is part of the office's own title or an alias."""
    want = keys(label)
    for text in (office.title or "", *office.aliases):
        have = keys(text)
        if want and any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1)):
            return True
    return False
