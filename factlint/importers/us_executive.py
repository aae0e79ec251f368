"""US Presidents and Vice Presidents from congress-legislators' ``executive.yaml``.

Source format (``unitedstates/congress-legislators``, CC0): a list of people,
each with ``id`` (bioguide, govtrack, wikidata...), ``name`` (first, middle,
last, suffix, nickname, official_full) and ``terms`` (``type: prez|viceprez``,
``start``, ``end``). ``end`` is the *scheduled* end of a term, so:

- consecutive terms of one person in one office become one tenure;
- a term cut short ends where the successor's starts, and a Vice
  President's where they become President;
- the last holder's tenure is left open when its scheduled end lies after
  ``as_of`` (option; default: the latest date the file mentions).

People get the slug of their common name, nickname-or-first + last
(``joe-biden``, ``jd-vance``); a few namesakes get the forms journalists use
(``george-h-w-bush``, ``george-w-bush``, ``john-quincy-adams``).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factlint.errors import KnowledgeBaseError, shown
from factlint.importers.common import (
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_date,
    check_options,
    date_start,
    drop_shared_aliases,
    initials,
    kb_doc,
    merge_consecutive,
    option_date,
    unique,
)
from factlint.importers.countries import jurisdiction_entry
from factlint.yamlio import LocDict, LocList, load_yaml_file

FORMAT = "us-executive"
OPTIONS = ("as-of", "file")
SOURCE = "congress-legislators executive.yaml (github.com/unitedstates/congress-legislators)"
LICENSE = "CC0-1.0"

OFFICES: dict[str, dict[str, Any]] = {
    "prez": {"id": "us-president", "role": "president", "jurisdiction": "us",
             "title": "President of the United States"},
    "viceprez": {"id": "us-vice-president", "role": "vice-president", "jurisdiction": "us",
                 "title": "Vice President of the United States"},
}

# govtrack id -> (id, name, extra aliases): namesakes and house-style names.
OVERRIDES: dict[int, tuple[str, str, tuple[str, ...]]] = {
    400702: ("john-quincy-adams", "John Quincy Adams", ()),
    402108: ("george-h-w-bush", "George H. W. Bush", ("George H.W. Bush", "George Bush", "George Herbert Walker Bush")),
    412375: ("george-w-bush", "George W. Bush", ("George Bush", "George Walker Bush")),
    456876: ("jd-vance", "JD Vance", ("J.D. Vance", "J. D. Vance", "James David Vance")),
}


def _text(mapping: LocDict, key: str) -> str:
    value = mapping.get(key)
    return str(value).strip() if value is not None else ""


def _person(entry: LocDict, path: str) -> PersonDraft:
    name = entry.get("name")
    if not isinstance(name, LocDict) or not _text(name, "first") or not _text(name, "last"):
        raise KnowledgeBaseError("entry has no name.first / name.last", path, entry.line)
    first, middle, last = _text(name, "first"), _text(name, "middle"), _text(name, "last")
    nick, suffix, full = _text(name, "nickname"), _text(name, "suffix"), _text(name, "official_full")
    raw_ids = entry.get("id")
    ids: LocDict = raw_ids if isinstance(raw_ids, LocDict) else LocDict()
    common = f"{nick or first} {last}"
    mi = initials(middle)
    with_mi = f"{first} {mi} {last}" if mi else ""
    aliases = [full, f"{first} {last}", with_mi, f"{with_mi or first + ' ' + last} {suffix}" if suffix else ""]
    draft = PersonDraft(key=str(ids.get("govtrack") or ids.get("bioguide") or common), name=common,
                        aliases=unique(a for a in aliases if a))
    wikidata = ids.get("wikidata")
    if isinstance(wikidata, str) and wikidata.startswith("Q"):
        draft.wikidata = wikidata
    if " " in last:
        draft.family = last
    gt = ids.get("govtrack")
    if isinstance(gt, int) and gt in OVERRIDES:
        draft.id, draft.name, extra = OVERRIDES[gt]
        draft.aliases = unique([common, *draft.aliases, *extra])
    return draft


def legislators(sources: list[Path], what: str) -> Iterator[tuple[str, LocDict]]:
    """(file, entry) for every person of congress-legislators YAML files (a list of mappings)."""
    for src in sources:
        path = str(src)
        data = load_yaml_file(src, KnowledgeBaseError)
        if not isinstance(data, LocList):
            raise KnowledgeBaseError(f"expected a list of people (congress-legislators {what})", path, 1)
        for item in data:
            if not isinstance(item, LocDict):
                raise KnowledgeBaseError(f"each entry must be a mapping, got {shown(item)}", path, getattr(data, "line", 1))
            yield path, item


def _terms(entry: LocDict, path: str) -> list[tuple[str, str, str, int]]:
    terms = entry.get("terms")
    if not isinstance(terms, LocList) or not terms:
        raise KnowledgeBaseError("entry has no terms", path, entry.line)
    out = []
    for i, term in enumerate(terms):
        line = terms.line_of(i)
        if not isinstance(term, LocDict):
            raise KnowledgeBaseError(f"a term must be a mapping, got {shown(term)}", path, line)
        kind = term.get("type")
        if kind not in OFFICES:
            raise KnowledgeBaseError(f"unknown term type {shown(kind)} (expected prez or viceprez)", path, line)
        dates = []
        for key in ("start", "end"):
            try:
                dates.append(check_date(str(term.get(key, ""))))
            except ValueError as exc:
                raise KnowledgeBaseError(f"bad term {key}: {exc}", path, term.line_of(key)) from None
        start, end = dates
        if end < start:
            raise KnowledgeBaseError(f"term end {end} is before its start {start}", path, line)
        out.append((kind, start, end, line))
    return out


def import_executive(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    """Read one or more ``executive.yaml`` files into ``us-executive.yaml``."""
    check_options(FORMAT, options, OPTIONS)
    people: dict[str, PersonDraft] = {}
    stints: dict[str, list[Stint]] = {k: [] for k in OFFICES}
    latest = "0000"
    for path, item in legislators(sources, "executive.yaml"):
        draft = _person(item, path)
        if draft.key in people:
            raise KnowledgeBaseError(f"person {shown(draft.name)} is listed twice", path, item.line)
        for kind, start, term_end, _line in _terms(item, path):
            stints[kind].append(Stint(draft.key, start, term_end))
            draft.first_seen = min(draft.first_seen, start)
            latest = max(latest, start)
        people[draft.key] = draft
    as_of = option_date(options, "as-of") or latest
    assign_ids(people.values())
    drop_shared_aliases(list(people.values()))
    offices = []
    for kind, spec in OFFICES.items():
        tenures = merge_consecutive(stints[kind], slack_days=0)
        holders = []
        for i, t in enumerate(tenures):
            end: str | None = t.end
            nxt = tenures[i + 1] if i + 1 < len(tenures) else None
            if nxt is not None and end is not None and date_start(nxt.start) < date_start(end):
                end = nxt.start  # cut short: death, resignation, succession
            became = [p.start for p in stints["prez"] if p.person == t.person and t.start < p.start < (end or "9")]
            if kind == "viceprez" and became:
                end = min(became)  # a Vice President who succeeds is no longer Vice President
            if nxt is None and end is not None and end > as_of:
                end = None  # scheduled end still ahead: in office as of the data
            holders.append(Stint(people[t.person].id, t.start, end).holder())
        offices.append({**spec, "source": SOURCE, "holders": holders})
    used = {t.person for ts in stints.values() for t in ts}
    meta = {"as_of": as_of, "source": SOURCE, "license": LICENSE}
    name = options.get("file", "us-executive.yaml")
    return {
        name: kb_doc(meta, people=[people[k].entry() for k in sorted(used)], offices=offices),
        "jurisdictions.yaml": kb_doc({"as_of": as_of, "source": "factlint importers", "license": "CC0-1.0"},
                                     jurisdictions=[jurisdiction_entry("us")]),
    }
