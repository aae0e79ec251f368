"""The KB format's sections, keys and kinds of value, and the plain reading of an entry.

Takes nothing; gives the tables :mod:`factlint.kb.loader` validates against
(which keys each section has and what each holds), KB dates parsed once each
(:func:`period`), and :func:`plain_data`: the data of an entry in the common
case where nothing in it needs a message, read in one pass.
"""
from __future__ import annotations

import re
from typing import Any

from factlint.dates import Period, parse_period
from factlint.yamlio import LocDict, LocList

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")  # a Wikidata item id
KB_SUFFIXES = (".yaml", ".yml")

SECTIONS = ("jurisdictions", "roles", "people", "offices")
TOP_KEYS = frozenset((*SECTIONS, "meta"))
META_KEYS = frozenset(("as_of", "complete_from", "complete_per_person", "source", "license", "note"))
HOLDER_KEYS = frozenset(("person", "from", "to", "source", "note", "party"))

# field name -> kind: "str", "list" (of str), "int", "bool", "date" (a KB date, kept as its first day), "holders"
FIELDS: dict[str, dict[str, str]] = {
    "jurisdictions": {"id": "str", "name": "str", "aliases": "list", "adjectives": "list",
                      "wikidata": "str", "source": "str", "note": "str"},
    "roles": {"id": "str", "name": "str", "aliases": "list", "broad": "bool", "source": "str", "note": "str"},
    "people": {"id": "str", "name": "str", "aliases": "list", "misspellings": "list",
               "family": "str", "wikidata": "str", "source": "str", "note": "str"},
    "offices": {"id": "str", "role": "str", "jurisdiction": "str", "title": "str",
                "aliases": "list", "host": "str", "seats": "int", "complete_from": "date", "holders": "holders",
                "complete_per_person": "bool",
                "wikidata": "str", "source": "str", "note": "str"},
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "jurisdictions": ("id", "name"),
    "roles": ("id", "name"),
    "people": ("id", "name"),
    "offices": ("id", "role", "jurisdiction"),
}
SINGULAR = {"jurisdictions": "jurisdiction", "roles": "role", "people": "person", "offices": "office"}

PERIODS: dict[str, Period] = {}  # a KB's dates repeat (one tenure ends the day the next starts)


def period(value: Any) -> Period:
    """:func:`parse_period`, memoised for strings (an error is raised each time)."""
    if value.__class__ is not str:
        return parse_period(value)
    got = PERIODS.get(value)
    if got is None:
        got = parse_period(value)
        if len(PERIODS) < 200_000:
            PERIODS[value] = got
    return got


_PLAIN_SECTIONS = {s: frozenset(k for k, kind in kinds.items() if kind in ("str", "list"))
                   for s, kinds in FIELDS.items() if s != "offices"}


def plain_data(section: str, item: LocDict) -> dict[str, Any] | None:
    """The data of a jurisdiction, role or person in the plain case: every
    key known, with its required ones, a string or list of strings as each
    holds, none empty or with spaces at either end, the id well formed. The
    same data as :meth:`factlint.kb.loader._Reader.read_entry` gives; None for anything else,
    which that method reads (and reports) as always."""
    plain = _PLAIN_SECTIONS.get(section)
    if plain is None or not plain.issuperset(item) or not all(k in item for k in REQUIRED[section]):
        return None
    kinds = FIELDS[section]
    data: dict[str, Any] = {}
    for key, value in item.items():
        if value.__class__ is str:
            if not value or value.strip() is not value:  # (strip gives the string itself when there is nothing to strip)
                return None
            data[key] = value if kinds[key] == "str" else [value]
        elif value.__class__ is LocList and kinds[key] == "list":
            if not all(v.__class__ is str and v and v.strip() is v for v in value):
                return None
            data[key] = list(value)
        else:
            return None
    ident = data["id"]
    return data if ident.__class__ is str and ID_RE.match(ident) else None
