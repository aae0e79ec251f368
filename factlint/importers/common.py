"""Building blocks shared by the importers.

Importers turn a source into *KB documents*: plain dicts in the contract
format of DESIGN.md ("Knowledge base format"), keyed by output file name.
The helpers here make ids, dates, people and holder lists the same way for
every source, so that two importers agree on ``joe-biden``.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factlint.dates import parse_period
from factlint.errors import ConfigError, shown
from factlint.importers.positions import position_of

KBDoc = dict[str, Any]
Warn = Callable[[str], None]

_SPECIAL = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ß": "ss",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i"})


def slugify(text: str) -> str:
    """``"J.D. Vance"`` -> ``jd-vance``; ``"Thérèse Coffey"`` -> ``therese-coffey``.

    Dots and apostrophes join what they separate (initials, O'Brien), every
    other run of non-alphanumerics becomes one hyphen.
    """
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[.'\u2019`]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def clean_space(text: str) -> str:
    """Collapse runs of whitespace (POCOM position names contain line breaks)."""
    return " ".join(text.split())


def initials(middle: str) -> str:
    """``"Herbert Walker"`` -> ``"H. W."``; ``"J."`` stays ``"J."``."""
    return " ".join(f"{w[0]}." for w in middle.replace(".", " ").split() if w[:1].isalpha())


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def check_date(value: str) -> str:
    """Return *value* if it is a contract date, else raise ValueError."""
    parse_period(value)
    return value


def date_start(value: str) -> dt.date:
    return parse_period(value).start


def date_end(value: str) -> dt.date:
    return parse_period(value).end


def unique(items: Iterable[str], *, drop: Iterable[str] = ()) -> list[str]:
    """Items in first-seen order without duplicates (case-sensitive) and without *drop*."""
    skip = set(drop)
    out: list[str] = []
    for item in items:
        item = clean_space(item)
        if item and item not in skip and item not in out:
            out.append(item)
    return out


# -- options ------------------------------------------------------------------

def check_options(fmt: str, options: dict[str, str], allowed: Sequence[str]) -> None:
    for key in options:
        if key not in allowed:
            raise ConfigError(f"unknown option {shown(key)} for importer {shown(fmt)} (expected one of {', '.join(allowed)})")


def option_date(options: dict[str, str], key: str) -> str | None:
    value = options.get(key)
    if value is None:
        return None
    try:
        return check_date(value)
    except ValueError as exc:
        raise ConfigError(f"option {key}: {exc}") from None


def option_year(options: dict[str, str], key: str) -> int | None:
    value = options.get(key)
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}", value):
        raise ConfigError(f"option {key}: expected a year YYYY, got {shown(value)}")
    return int(value)


# -- holders --------------------------------------------------------------------

@dataclass
class Stint:
    """One person's time in one office, as the importers assemble it."""

    person: str
    start: str
    end: str | None
    note: str | None = None
    source: str | None = None

    def holder(self) -> dict[str, Any]:
        h: dict[str, Any] = {"person": self.person, "from": self.start}
        if self.end is not None:
            h["to"] = self.end
        if self.source:
            h["source"] = self.source
        if self.note:
            h["note"] = self.note
        return h


def merge_consecutive(stints: list[Stint], *, slack_days: int = 1) -> list[Stint]:
    """Join stints of one person that touch or overlap (re-appointments, renamed posts)."""
    by_person: dict[str, list[Stint]] = {}
    for s in stints:
        by_person.setdefault(s.person, []).append(s)
    out: list[Stint] = []
    for items in by_person.values():
        items.sort(key=lambda s: (date_start(s.start), s.end is None))
        cur = items[0]
        for nxt in items[1:]:
            if cur.end is None or date_start(nxt.start) <= date_end(cur.end) + dt.timedelta(days=slack_days):
                if cur.end is not None and (nxt.end is None or date_end(nxt.end) > date_end(cur.end)):
                    cur = Stint(cur.person, cur.start, nxt.end, cur.note or nxt.note, cur.source)
                continue
            out.append(cur)
            cur = nxt
        out.append(cur)
    out.sort(key=lambda s: (date_start(s.start), s.person))
    return out


def max_concurrent(stints: Sequence[Stint]) -> int:
    """Most stints surely in force on one day, counted as the KB loader counts them.

    The last day is a hand-over day: a stint ending on the day another
    starts does not overlap it.
    """
    events: list[tuple[dt.date, int]] = []
    for s in stints:
        events.append((date_end(s.start), 1))  # surely started by the end of its start period
        if s.end is not None:
            events.append((date_start(s.end), -1))
    events.sort(key=lambda e: (e[0], e[1]))  # ends before starts on the same day
    best = cur = 0
    for _, delta in events:
        cur += delta
        best = max(best, cur)
    return max(best, 1)


def clip_handovers(stints: list[Stint], *, max_days: int, source: str) -> list[Stint]:
    """Clip a tenure that runs a little into its successor's, if that makes the post single-seat.

    Sources often date a departure a few days after the successor's
    arrival. Where clipping those overlaps (up to *max_days*) leaves one
    holder at a time, the clipped ends are used, each with a note; where the
    post really has several holders at once, the data is left as it is.
    """
    ordered = sorted(stints, key=lambda s: (date_start(s.start), s.person))
    clipped: list[Stint] = []
    for i, s in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and s.end is not None and date_start(nxt.start) > date_start(s.start):
            overlap = (date_start(s.end) - date_end(nxt.start)).days
            if 0 < overlap <= max_days:
                note = f"{source} has it end {s.end}, after the next holder started; clipped to that start"
                s = Stint(s.person, s.start, nxt.start, f"{s.note}; {note}" if s.note else note, s.source)
        clipped.append(s)
    return clipped if max_concurrent(clipped) == 1 else ordered


# -- people -----------------------------------------------------------------------

@dataclass
class PersonDraft:
    """A person before ids are final: *key* is the source's own id."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    first_seen: str = "9999"
    id: str = ""
    family: str | None = None
    note: str | None = None

    def entry(self) -> dict[str, Any]:
        e: dict[str, Any] = {"id": self.id, "name": self.name}
        aliases = unique(self.aliases, drop=[self.name])
        if aliases:
            e["aliases"] = aliases
        if self.family:
            e["family"] = self.family
        if self.wikidata:
            e["wikidata"] = self.wikidata
        if self.note:
            e["note"] = self.note
        return e


_GENERATION = re.compile(r"\b(Jr|Sr|II|III|IV|V|2nd|3rd)\.?$")


def namesake_ids(name: str, aliases: Sequence[str]) -> list[str]:
    """Ids to tell a namesake apart, from the fuller forms of its name.

    Forms with a generation ("Herbert Hoover Jr.") come first, then the
    shortest fuller form ("Gordon S. Brown"): how newspapers tell them apart.
    """
    words = set(slugify(name).split("-"))
    forms = [a for a in aliases if words <= set(slugify(a).split("-")) and slugify(a) != slugify(name)]
    forms.sort(key=lambda a: (_GENERATION.search(a) is None, len(a), a))
    return unique(slugify(a) for a in forms)


def free_id(base: str, candidates: Iterable[str], taken: set[str] | dict[str, Any]) -> str:
    for c in candidates:
        if c and c not in taken:
            return c
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def assign_ids(people: Iterable[PersonDraft], suffix: Callable[[PersonDraft, int], str] | None = None) -> None:
    """Give every draft the slug of its name; namesakes get a fuller form.

    The namesake seen first in the source's history keeps the plain slug;
    later ones get the slug of a fuller form of their name (see
    :func:`namesake_ids`), else *suffix* or ``-2``, ``-3``... So ids stay
    put when a source is updated with newer tenures. Drafts with a preset
    ``id`` keep it.
    """
    taken: set[str] = set()
    drafts = sorted(people, key=lambda p: (p.id == "", p.first_seen, p.key))
    for p in drafts:
        if p.id:
            taken.add(p.id)
            continue
        base = slugify(p.name) or slugify(p.key)
        if base not in taken:
            p.id = base
        elif suffix is not None:
            p.id = free_id(base, [f"{base}-{suffix(p, 2)}"], taken)
        else:
            p.id = free_id(base, namesake_ids(p.name, p.aliases), taken)
        taken.add(p.id)


# People who carry the same id in two of the bundled sources and are one
# human being (a president who was also Secretary of State or an envoy).
# Any other clash of ids between sources is two namesakes.
KNOWN_SAME: frozenset[str] = frozenset((
    "charles-dawes", "george-dallas", "george-h-w-bush", "hannibal-hamlin", "james-buchanan", "james-madison",
    "james-monroe", "john-adams", "john-calhoun", "john-quincy-adams", "levi-morton", "martin-van-buren",
    "nelson-rockefeller", "thomas-jefferson", "walter-mondale", "william-harrison", "william-king",
))


def same_person(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("wikidata") and b.get("wikidata"):
        return bool(a["wikidata"] == b["wikidata"])
    return a["id"] in KNOWN_SAME


def reconcile_people(earlier: dict[str, dict[str, Any]], doc: KBDoc, warn: Warn,
                     same: Callable[[dict[str, Any], dict[str, Any]], bool] = same_person) -> None:
    """Make *doc* load in one KB directory with files that define *earlier* people.

    A person that an earlier file already has is dropped from *doc* (its
    aliases and wikidata id are added to the earlier entry) if it is the
    same human; a namesake is renamed, in ``people`` and in every holder.
    """
    people = doc.get("people", [])
    ids = {p["id"] for p in people}
    renames: dict[str, str] = {}
    kept = []
    for p in people:
        other = earlier.get(p["id"])
        if other is None:
            kept.append(p)
            continue
        if same(other, p):
            other_names = [other["name"], *other.get("aliases", [])]
            extra = unique([p["name"], *p.get("aliases", [])], drop=other_names)
            if extra:
                other["aliases"] = [*other.get("aliases", []), *extra]
            if p.get("wikidata") and not other.get("wikidata"):
                other["wikidata"] = p["wikidata"]
            continue
        new = free_id(p["id"], namesake_ids(p["name"], p.get("aliases", [])), {*earlier, *ids, *renames.values()})
        warn(f"person id {shown(p['id'])} is taken by {shown(other['name'])}, a namesake: {shown(p['name'])} becomes {shown(new)}")
        renames[p["id"]] = new
        kept.append({**p, "id": new})
    doc["people"] = kept
    for office in doc.get("offices", []):
        for h in office.get("holders", []):
            h["person"] = renames.get(h["person"], h["person"])


def drop_shared_aliases(people: Sequence[PersonDraft]) -> None:
    """An alias that is someone else's canonical name says nothing; drop it."""
    names = {p.name.casefold(): p.id for p in people}
    for p in people:
        p.aliases = [a for a in p.aliases if names.get(a.casefold(), p.id) == p.id]


def kb_doc(meta: dict[str, Any], *, jurisdictions: list[dict[str, Any]] | None = None,
           people: list[dict[str, Any]] | None = None, offices: list[dict[str, Any]] | None = None) -> KBDoc:
    doc: KBDoc = {"meta": meta}
    for office in offices or []:
        position = position_of(office["id"])
        if position and not office.get("wikidata"):
            office["wikidata"] = position  # so that `factlint kb update` can refresh it
    if jurisdictions:
        doc["jurisdictions"] = jurisdictions
    if people:
        doc["people"] = people
    if offices:
        doc["offices"] = offices
    return doc


def office_entries(offices: dict[str, dict[str, Any]], stints: dict[str, list[Stint]],
                   people: dict[str, PersonDraft]) -> list[dict[str, Any]]:
    """Office entries with their holders: touching stints merged, seats from real overlaps."""
    out = []
    for oid in sorted(offices):
        merged = merge_consecutive(stints[oid], slack_days=1)
        spec = dict(offices[oid])
        seats = max_concurrent(merged)
        if seats > 1:
            spec["seats"] = seats
        spec["holders"] = [Stint(people[s.person].id, s.start, s.end).holder() for s in merged]
        out.append(spec)
    return out
