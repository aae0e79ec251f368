"""What is wrong with each mention: one verdict, the most specific one.

A mention gets at most one of conflated (FL103), wrong holder (FL101),
outdated title (FL102) and misspelled (FL201). A mixed-up name is the most
specific finding; a wrong title beats a spelling slip, whose correction is
named in the same message. Verdicts carry the plain facts a message needs
(``fields``) and what the KB says instead (``suggestions``); rules turn them
into findings with their own templates.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from factlint.dates import Period
from factlint.kb.index import KBIndex
from factlint.kb.model import Office, Tenure
from factlint.mentions import Mention, Title, similar
from factlint.text import keys, tokenize, written

# Roles too broad to say a name is wrong from the title alone.
BROAD_ROLES = frozenset({"official", "minister"})
RECENT = dt.timedelta(days=90)
MIX_WINDOW = dt.timedelta(days=10 * 365)  # how close in time the two people of a mixed-up name must be
RECORD_MARGIN = dt.timedelta(days=20 * 365)  # how far back a record must reach to refute "former"
# Modifiers that change what holding the office at the date means.
_TENSE_MODIFIERS = frozenset({"incoming", "former", "then", "outgoing"})


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str        # conflated | wrong-holder | outdated | misspelled
    situation: str   # which message template applies
    segment: int
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    probable: bool = False  # rests on an open tenure past its file's as_of


def on(when: Period) -> str:
    return f"on {when.text}" if when.start == when.end else f"in {when.text}"


def the(label: str) -> str:
    return label if "'s " in label or label.lower().startswith("the ") else f"the {label}"


def join(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


class Assessor:
    def __init__(self, index: KBIndex, mentions: list[Mention]) -> None:
        self.ix = index
        self.kb = index.kb
        self.mentions = mentions
        self.persons_in_doc: dict[str, int] = {}
        for m in mentions:
            if m.kind in ("name", "family") and len(m.persons) == 1:
                self.persons_in_doc[m.persons[0]] = self.persons_in_doc.get(m.persons[0], 0) + 1

    # -- helpers -----------------------------------------------------------------
    def name(self, pid: str) -> str:
        return self.kb.people[pid].name

    def office_label(self, office: Office) -> str:
        title = office.title
        j = self.kb.jurisdictions.get(office.jurisdiction)
        if title:
            if j is not None:
                lowered = title.casefold()
                if any(f.casefold() in lowered for f in (j.name, *j.aliases, *j.adjectives)):
                    return title
                adj = min(j.adjectives, key=len) if j.adjectives else j.name
                return f"{adj} {title}"
            return title
        role = self.kb.roles[office.role].name
        if j is None:
            return role
        adj = min(j.adjectives, key=len) if j.adjectives else j.name
        return f"{adj} {role}"

    def held_at(self, pid: str, when: Period, exclude: frozenset[str] = frozenset()) -> list[Office]:
        return [self.kb.offices[t.office] for t in self.ix.tenures(pid) if t.may_cover(when) and t.office not in exclude]

    def record_reaches_back(self, offices: Iterable[str], pid: str) -> bool:
        """The KB lists holders of *offices* from long before the person's
        first known tenure, so "former TITLE NAME" can be checked against
        them. (A KB curated from 2015 on does not know that Dmitry Medvedev
        was President of Russia from 2008.)"""
        first = min((t.start.start for t in self.ix.tenures(pid)), default=None)
        starts = [t.start.start for o in offices for t in self.kb.offices[o].holders]
        return first is not None and bool(starts) and min(starts) < first - RECORD_MARGIN

    def holders(self, offices: Iterable[str], when: Period) -> list[Tenure]:
        return self.ix.holders_on(frozenset(offices), when)

    def probable(self, tenures: Iterable[Tenure], when: Period) -> str | None:
        """The as_of date if a fact rests on an open tenure beyond its file's as_of."""
        for t in tenures:
            if t.end is None and t.origin is not None and t.origin.as_of is not None and when.end > t.origin.as_of:
                return t.origin.as_of.isoformat()
        return None

    # -- the verdicts ----------------------------------------------------------------
    def verdicts(self) -> list[Verdict]:
        out = []
        for m in self.mentions:
            v = self.assess(m)
            if v is not None:
                out.append(v)
        return out

    def assess(self, m: Mention) -> Verdict | None:
        if m.kind == "conflated":
            return self.conflated(m)
        if m.kind == "unknown":
            return self.unknown(m) if m.title is not None else None
        if m.kind in ("name", "family", "misspelling", "near") and m.title is not None and m.title.offices:
            if m.kind == "family" and len(m.persons) > 1:
                return None
            if m.kind == "near" and m.title.specific and not self.ix.served(m.persons, m.title.offices):
                return self.misspelled(m)  # who is meant is unsure: no claim about their office
            v = self.title_verdict(m)
            if v is not None:
                return v
        if m.kind in ("misspelling", "near"):
            return self.misspelled(m)
        return None

    def span(self, m: Mention) -> tuple[int, int]:
        """Findings mark the name (the title is in the message): that is where
        an editor's eye and a fix go, also when the title wraps onto the line
        before."""
        return m.start, m.end

    def base_fields(self, m: Mention, title: Title) -> dict[str, str]:
        return {"text": " ".join(m.text.split()), "title": title.label, "the_title": the(title.label),
                "date": m.when.text, "on_date": on(m.when)}

    def instead(self, m: Mention, pid: str | None, offices: Iterable[str], label: str) -> tuple[str, list[str], list[Tenure]]:
        """'on DATE the TITLE was X; NAME was Y' and the names to suggest."""
        ten = self.holders(offices, m.when)
        names = [self.name(t.person) for t in ten]
        parts = []
        if names:
            parts.append(f"{on(m.when)} {the(label)} was {join(names)}")
        if pid is not None:
            actual = self.held_at(pid, m.when, frozenset(offices))
            if actual:
                parts.append(f"{self.name(pid)} was {join([self.office_label(o) for o in actual])}")
        return "; ".join(parts), names, ten

    def title_verdict(self, m: Mention) -> Verdict | None:
        title = m.title
        assert title is not None
        when = m.when
        mods = [x for x in title.modifiers if x != "current"]
        mod = mods[0] if mods else ""
        best: Verdict | None = None
        for pid in m.persons:
            v = self.title_for_person(m, pid, mod, when)
            if v is None:
                return None  # some reading of the name fits the title
            best = best or v
        return best

    def title_for_person(self, m: Mention, pid: str, mod: str, when: Period) -> Verdict | None:
        title = m.title
        assert title is not None
        offices = self.kb.offices
        if len({offices[o].jurisdiction for o in title.offices}) > 1:
            # A title several countries use ("Secretary of Defense"): the one of
            # the countries this person served, if any.
            served = {offices[t.office].jurisdiction for t in self.ix.tenures(pid)}
            narrowed = frozenset(o for o in title.offices if offices[o].jurisdiction in served)
            if narrowed:
                title = dataclasses.replace(title, offices=narrowed)
                m = dataclasses.replace(m, title=title)
        tenures = [t for t in self.ix.tenures(pid) if t.office in title.offices]
        holds = any(t.may_cover(when) for t in tenures)
        if holds and mod not in _TENSE_MODIFIERS:
            return None  # the common case: they held it then (shortcut of the branches below)
        surely = [t for t in tenures if t.surely_covers(when)]
        before = [t for t in tenures if t.start.start <= when.end and not t.may_cover(when)]
        later = [t for t in tenures if t.start.start > when.end]
        f = self.base_fields(m, title)
        f["name"] = self.name(pid)
        f["modifier"] = mod
        start, end = self.span(m)
        # Offices to name the holders of: the title's own if it names a
        # jurisdiction, else the ones this person held (their "President").
        # Whose holders to name: the offices of the title this person held
        # ("Russian ambassador Andrey Kulik": the one to South Korea), else all.
        own = {t.office for t in tenures} or set(title.offices)
        label = title.label
        if tenures and (not title.specific or len(own) < len(title.offices)):
            label = self.office_label(self.kb.offices[tenures[0].office])
        f["the_title"] = the(label)

        def verdict(kind: str, situation: str, extra: dict[str, str], suggest: list[str], rests: Iterable[Tenure]) -> Verdict:
            fields = {**f, **extra}
            as_of = self.probable(rests, when)
            if as_of:
                fields["as_of"] = as_of
            return Verdict(kind, situation, m.segment, start, end, fields, tuple(dict.fromkeys(suggest)), as_of is not None)

        if mod == "acting":
            return None  # acting and interim holders are often missing from a KB: never a finding
        if mod == "incoming":
            recent = [t for t in tenures if t.start.end >= when.start - RECENT]
            if recent or not tenures:
                return None
            if surely or holds:
                t = (surely or tenures)[-1]
                return verdict("outdated", "already", {"since": t.start.text}, [f"{title.label.replace('-elect', '')} {f['name']}".strip()], surely)
            t = before[-1] if before else tenures[-1]
            instead, names, ten = self.instead(m, None, own, label)
            return verdict("outdated", "left", {"left": t.end.text if t.end else "?", "instead": instead}, names, ten)
        if mod == "former":
            if surely:
                t = surely[-1]
                return verdict("outdated", "still", {"since": t.start.text}, [f"{title.label} {f['name']}"], surely)
            if before or holds:
                return None
        elif mod == "then":
            if m.explicit_time:
                if holds:
                    return None
            elif before or holds:
                return None
        elif mod == "outgoing":
            if holds or any(t.end is not None and t.end.end >= when.start - RECENT for t in before):
                return None
        elif holds:
            return None
        # The person does not fit the title at that time.
        if not tenures and mod in ("former", "then"):
            if not self.record_reaches_back(title.offices, pid):
                return None  # the KB's list of holders may start after their time
            # "Former Secretary of State Lloyd Austin": never held it at all
            held = list(dict.fromkeys(t.office for t in self.ix.tenures(pid)))
            labels = [self.office_label(self.kb.offices[o]) for o in held]
            instead = f"{f['name']} was {join(labels)}" if labels else "the KB lists no office for them"
            prefix = "former " if mod == "former" else "then-"
            return verdict("wrong-holder", "never-held", {"instead": instead},
                           [f"{prefix}{label} {f['name']}" for label in labels], [])
        if not tenures:
            if not title.specific:
                actual = self.held_at(pid, when)
                if not actual or any(self.kb.offices[o].role in BROAD_ROLES for o in title.offices):
                    return None
                if any(_names_within(title.label, o) for o in actual):
                    return None  # "Chancellor Rachel Reeves": short for Chancellor of the Exchequer
                what = join([self.office_label(o) for o in actual])
                return verdict("wrong-holder", "never", {"instead": f"{on(when)} {f['name']} was {what}"},
                               [f"{self.office_label(actual[0])} {f['name']}"], [])
            if all(self.kb.offices[o].role in BROAD_ROLES for o in title.offices):
                return None
            instead, names, ten = self.instead(m, pid, title.offices, title.label)
            if not instead:
                return None
            return verdict("wrong-holder", "never", {"instead": instead}, names, ten)
        instead, names, ten = self.instead(m, None, own, label)
        if before:  # held it before: "no longer" is what matters, even if they came back later
            t = before[-1]
            if not instead:
                instead = f"{f['name']} held it until {t.end.text if t.end else '?'}"
            return verdict("outdated", "left", {"left": t.end.text if t.end else "?", "instead": instead}, names, ten)
        t = later[0] if later else tenures[0]
        if not instead:
            instead = f"{f['name']} took office on {t.start.text}"
        return verdict("outdated", "not-yet", {"since": t.start.text, "instead": instead}, names, ten)

    def unknown(self, m: Mention) -> Verdict | None:
        title = m.title
        assert title is not None
        if not title.specific or len(title.offices) != 1:
            return None
        if any(mod != "current" for mod in title.modifiers):
            return None  # "the late President X": not a claim about who holds it now
        office = self.kb.offices[next(iter(title.offices))]
        if office.seats != 1 or office.role in BROAD_ROLES:
            return None
        instead, names, ten = self.instead(m, None, title.offices, title.label)
        if not names:
            return None
        f = self.base_fields(m, title)
        f["instead"] = instead
        as_of = self.probable(ten, m.when)
        if as_of:
            f["as_of"] = as_of
        start, end = self.span(m)
        return Verdict("wrong-holder", "unknown", m.segment, start, end, f, tuple(names), as_of is not None)

    def rank(self, people: Iterable[str], m: Mention) -> str:
        """The likeliest person meant: named in the draft, fitting the title,
        in some office at the date, most recent."""
        offices = m.title.offices if m.title is not None else frozenset()

        def score(pid: str) -> tuple[bool, bool, bool, dt.date]:
            fits = active = False
            latest = dt.date.min
            for t in self.ix.tenures(pid):
                if t.may_cover(m.when):
                    active = True
                    fits = fits or t.office in offices
                latest = max(latest, t.start.start)
            return (self.persons_in_doc.get(pid, 0) > 0, fits, active, latest)

        # Someone the draft names outranks everyone else: score only them if any.
        named = [p for p in people if self.persons_in_doc.get(p, 0) > 0]
        return max(named or people, key=score)

    def plausible_mix(self, m: Mention) -> bool:
        """A titled mix-up of two people: one of them held the title at the
        time, and the other held some office within ten years of it."""
        assert m.title is not None
        offices, when = m.title.offices, m.when
        near = Period(when.start - MIX_WINDOW, when.end + MIX_WINDOW, "")

        def fits(p: str) -> bool:
            return any(t.office in offices and t.may_cover(when) for t in self.ix.tenures(p))

        def around(p: str) -> bool:
            return any(t.may_cover(near) for t in self.ix.tenures(p))

        return (any(map(fits, m.persons)) and any(map(around, m.family_persons))) or \
            (any(map(fits, m.family_persons)) and any(map(around, m.persons)))

    def conflated(self, m: Mention) -> Verdict | None:
        if m.title is not None and m.title.offices and not self.plausible_mix(m):
            # More likely someone the KB does not know ("Defense Secretary
            # Robert Gates" in 2010, with no Gates of the time in the KB).
            return None
        given, family = self.rank(m.persons, m), self.rank(m.family_persons, m)
        pieces = [given, family]
        f = {"text": " ".join(m.text.split()), "first": self.name(given), "second": self.name(family),
             "date": m.when.text, "on_date": on(m.when)}
        if m.title is not None and m.title.offices:
            fits = [p for p in pieces if any(t.may_cover(m.when) for t in self.ix.tenures(p) if t.office in m.title.offices)]
            if not m.title.specific:
                # "President X": whose president is unknown, so say what each of the two was
                held = [f"{self.name(p)} was {join([self.office_label(o) for o in self.held_at(p, m.when)])}"
                        for p in pieces if self.held_at(p, m.when)]
                f["instead"] = f"{on(m.when)} " + "; ".join(held) if held else "check which of them is meant"
                suggest = [self.name(p) for p in fits] or [self.name(p) for p in pieces]
                return Verdict("conflated", "titled", m.segment, m.start, m.end, f, tuple(suggest))
            instead, names, ten = self.instead(m, None, m.title.offices, m.title.label)
            suggest = [self.name(p) for p in fits] or names
            others = [p for p in pieces if p not in fits]
            for p in others:
                actual = self.held_at(p, m.when)
                if actual:
                    instead += f"; {self.name(p)} was {join([self.office_label(o) for o in actual])}"
                    break
            f["instead"] = instead or "check which of them is meant"
            start, end = m.start, m.end
            return Verdict("conflated", "titled", m.segment, start, end, f, tuple(dict.fromkeys(suggest)))
        # Without a title, only when the draft itself names both people:
        # relatives share family names ("Eric Trump" is nobody's slip).
        if not (any(p in self.persons_in_doc for p in m.persons) and any(p in self.persons_in_doc for p in m.family_persons)):
            return None
        f["instead"] = "check which of them is meant"
        return Verdict("conflated", "untitled", m.segment, m.start, m.end, f, (self.name(given), self.name(family)))

    def misspelled(self, m: Mention) -> Verdict | None:
        pid = m.persons[0] if len(m.persons) == 1 else None
        if pid is None:
            return None
        canonical = self.name(pid)
        f = {"text": " ".join(m.text.split()), "name": canonical}
        if m.kind == "misspelling":
            return Verdict("misspelled", "listed", m.segment, m.start, m.end, f, (canonical,))
        # A near miss: certain enough with a title, with the person named
        # elsewhere in the draft, or when it is only a letter or two off.
        # A near miss under a title of a country the person never served is
        # more likely someone else ("US envoy to NATO Julianne Smith").
        titled = m.title is not None and (not m.title.specific or self.ix.served((pid,), m.title.offices))
        if not titled and pid not in self.persons_in_doc and not self._close(m, pid):
            return None
        if len(m.text.split()) == 1:  # a family name alone: suggest the family name
            canonical = self.ix.canonical_family(pid) or canonical
            f["name"] = canonical
        return Verdict("misspelled", "near", m.segment, m.start, m.end, f, (canonical,))

    def _close(self, m: Mention, pid: str) -> bool:
        """A letter or two off one of the person's forms. A given name off
        next to a family name that other KB people share as well ("Julianne
        Smith") is more likely someone the KB does not know."""
        seen = tuple(t.key for t in tokenize(m.text))
        for nf in self.ix.forms_by_person.get(pid, ()):
            if nf.kind == "misspelling" or len(nf.key) != len(seen):
                continue
            diff = [i for i, (a, b) in enumerate(zip(seen, nf.key)) if a != b]
            if len(diff) == 1 and similar(seen[diff[0]], nf.key[diff[0]], 0.8):
                fam_from, fam_to = nf.family_span()
                in_family = fam_from <= diff[0] < fam_to
                if in_family or len({f.person for f in self.ix.by_family.get(nf.family, ())}) == 1:
                    return True
        return False


def _names_within(label: str, office: Office) -> bool:
    """The title as written is part of the office's own title or an alias."""
    want = keys(label)
    for text in (office.title or "", *office.aliases):
        have = keys(text)
        if want and any(have[i : i + len(want)] == want for i in range(len(have) - len(want) + 1)):
            return True
    return False


def family_written(reference: Mention) -> str:
    """The family-name part of a full mention, as it was written there (normalised)."""
    return written(reference.family_text or reference.text)
