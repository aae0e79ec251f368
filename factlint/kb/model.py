"""The knowledge base as immutable records.

The loader (:mod:`factlint.kb.loader`) is the only place that builds these
from YAML, and it validates them as it goes; everything downstream can trust
them. :class:`Origin` remembers where each record was written so errors and
findings can point at a file and line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from factlint.dates import Period


class Origin(NamedTuple):
    path: str
    line: int
    as_of: dt.date | None = None  # the file's meta.as_of

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    origin: Origin | None = None
    extra: tuple[tuple[str, object], ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    origin: Origin | None = None
    extra: tuple[tuple[str, object], ...] = ()
    broad: bool = False  # too broad to say a name is wrong from the title alone ("official")


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    misspellings: tuple[str, ...] = ()
    family: str | None = None
    wikidata: str | None = None
    source: str | None = None
    origin: Origin | None = None
    extra: tuple[tuple[str, object], ...] = ()

    @property
    def accepted(self) -> tuple[str, ...]:
        """The canonical name first, then the accepted aliases."""
        return (self.name, *self.aliases)


class Tenure(NamedTuple):
    """One holder of one office. (NamedTuples load from the cache fastest.)"""

    person: str
    office: str
    start: Period
    end: Period | None  # None: still in office (as far as the KB knows)
    source: str | None = None
    origin: Origin | None = None
    party: str | None = None  # the holder's party in this tenure (``party:`` of a holder; Congress)

    def may_cover(self, when: Period) -> bool:
        """Some reading of the tenure's dates overlaps some day of *when*."""
        return self.start.start <= when.end and (self.end is None or self.end.end >= when.start)

    def surely_covers(self, when: Period) -> bool:
        """Every reading of the tenure's dates covers every day of *when*.

        The last day is a hand-over day (the successor often starts on it),
        so a tenure surely covers a day only if it ends strictly after it.
        """
        return self.start.end <= when.start and (self.end is None or self.end.start > when.end)

    def surely_before(self, when: Period) -> bool:
        """The tenure surely started before *when* began."""
        return self.start.end < when.start




@dataclass(frozen=True, slots=True)
class Office:
    id: str
    role: str
    jurisdiction: str
    title: str | None = None
    aliases: tuple[str, ...] = ()
    host: str | None = None
    seats: int = 1
    holders: tuple[Tenure, ...] = ()
    source: str | None = None
    origin: Origin | None = None
    extra: tuple[tuple[str, object], ...] = ()
    # From this day on the KB lists every holder (``complete_from`` in the
    # YAML, else the file's ``meta.complete_from``, else the first holder's
    # start); None: no holders. Before it, the KB cannot say who held it.
    complete_from: dt.date | None = None
    wikidata: str | None = None  # the Wikidata position (Q-id) that `factlint kb update` refreshes it from
    # Each person it lists has all their tenures listed, in every office of
    # its jurisdiction that says so too (a roster of current members with
    # their careers), though the list of people is not complete.
    complete_per_person: bool = False

    def known_at(self, when: Period) -> bool:
        """The list of holders is complete over all of *when*."""
        return self.complete_from is not None and self.complete_from <= when.start


@dataclass(frozen=True, slots=True)
class FileMeta:
    path: str
    as_of: dt.date | None = None
    source: str | None = None
    license: str | None = None
    complete_from: dt.date | None = None  # the default of the file's offices
    complete_per_person: bool = False     # ... and of their complete_per_person


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """A loaded, merged and validated KB."""

    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    files: tuple[FileMeta, ...] = ()


    def counts(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "jurisdictions": len(self.jurisdictions),
            "roles": len(self.roles),
            "people": len(self.people),
            "offices": len(self.offices),
            "tenures": sum(len(o.holders) for o in self.offices.values()),
        }
