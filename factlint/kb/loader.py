"""Read, validate and merge knowledge-base YAML into :mod:`factlint.kb.model`.

A KB *source* is one YAML file or a directory of them (read recursively,
sorted by path). Within one source ids are unique; sources given later are
merged into earlier ones (see DESIGN.md, "Knowledge base format"). Every
problem is collected with its file and line, and all are raised together as
:class:`~factlint.errors.KnowledgeBaseErrors`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factlint.dates import Period, parse_period
from factlint.errors import KnowledgeBaseError, KnowledgeBaseErrors, shown
from factlint.fsio import walk
from factlint.kb.model import (
    FileMeta,
    Jurisdiction,
    KnowledgeBase,
    Office,
    Origin,
    Person,
    Role,
    Tenure,
)
from factlint.kb.schema import (  # noqa: F401 - PERIODS and QID_RE are read from here too
    FIELDS,
    HOLDER_KEYS,
    ID_RE,
    KB_SUFFIXES,
    META_KEYS,
    PERIODS,
    QID_RE,
    REQUIRED,
    SECTIONS,
    SINGULAR,
    TOP_KEYS,
    period,
    plain_data,
)
from factlint.yamlio import LocDict, LocList, load_yaml_file

def kb_files(source: Path, errors: list[KnowledgeBaseError] | None = None) -> list[Path]:
    """The YAML files of one KB source, sorted by path (symbolically linked
    directories followed once each). A subdirectory that cannot be read is
    added to *errors* (raised when no list is given)."""
    def unreadable(d: Path, message: str) -> None:
        if errors is None:
            raise KnowledgeBaseError(message, str(d))
        errors.append(KnowledgeBaseError(message, str(d)))

    if source.is_dir():
        return list(walk(source, lambda name: Path(name).suffix in KB_SUFFIXES, unreadable))
    if source.exists() or source.is_symlink():
        return [source]  # reading it reports what is wrong with it
    raise KnowledgeBaseError("no such KB file or directory", str(source))


@dataclass
class _Entry:
    """One entity as read from YAML, before merging."""

    section: str
    data: dict[str, Any]
    origin: Origin
    key_lines: dict[str, int]
    holders: list[tuple[dict[str, Any], Origin]] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.errors: list[KnowledgeBaseError] = []
        self.metas: list[FileMeta] = []

    def error(self, message: str, path: str, line: int | None) -> None:
        self.errors.append(KnowledgeBaseError(message, path, line))

    # -- one file ---------------------------------------------------------
    def read_file(self, path: Path) -> list[_Entry]:
        try:
            doc = load_yaml_file(path, KnowledgeBaseError)
        except KnowledgeBaseError as exc:
            self.errors.append(exc)
            return []
        p = str(path)
        if doc is None:
            self.metas.append(FileMeta(p))
            return []
        if not isinstance(doc, LocDict):
            self.error(f"a KB file must be a mapping with keys {', '.join(sorted(TOP_KEYS))}", p, 1)
            return []
        for key in doc:
            if key not in TOP_KEYS:
                self.error(f"unknown key {shown(key)} (expected one of {', '.join(sorted(TOP_KEYS))})", p, doc.line_of(key))
        meta = self.read_meta(doc.get("meta"), p, doc.line_of("meta"))
        self.metas.append(meta)
        entries: list[_Entry] = []
        for section in SECTIONS:
            items = doc.get(section)
            if items is None:
                continue
            if not isinstance(items, LocList):
                self.error(f"{shown(section)} must be a list", p, doc.line_of(section))
                continue
            for i, item in enumerate(items):
                line = items.line_of(i)
                if not isinstance(item, LocDict):
                    self.error(f"each entry of {shown(section)} must be a mapping, got {shown(item)}", p, line)
                    continue
                entry = self.read_entry(section, item, _origin(p, item.line, meta.as_of))
                if entry is not None:
                    if section == "offices" and meta.complete_from is not None:
                        entry.data.setdefault("complete_from", meta.complete_from)  # the file's default
                    if section == "offices" and meta.complete_per_person:
                        entry.data.setdefault("complete_per_person", True)
                    entries.append(entry)
        return entries

    def read_meta(self, meta: Any, path: str, line: int) -> FileMeta:
        if meta is None:
            return FileMeta(path)
        if not isinstance(meta, LocDict):
            self.error("'meta' must be a mapping", path, line)
            return FileMeta(path)
        for key in meta:
            if key not in META_KEYS:
                self.error(f"unknown key {shown(key)} in meta (expected one of {', '.join(sorted(META_KEYS))})", path, meta.line_of(key))
        as_of = None
        if "as_of" in meta:
            try:
                as_of = parse_period(meta["as_of"]).end
            except ValueError as exc:
                self.error(f"meta.as_of: {exc}", path, meta.line_of("as_of"))
        complete_from = None
        if meta.get("complete_from") is not None:
            complete_from = self.read_date(meta["complete_from"], "meta.complete_from", path, meta.line_of("complete_from"))
        per_person = meta.get("complete_per_person", False)
        if not isinstance(per_person, bool):
            self.error(f"meta.complete_per_person must be true or false, got {shown(per_person)}", path,
                       meta.line_of("complete_per_person"))
        src = meta.get("source")
        lic = meta.get("license")
        return FileMeta(path, as_of, src if isinstance(src, str) else None, lic if isinstance(lic, str) else None,
                        complete_from, per_person is True)

    def read_date(self, value: Any, what: str, path: str, line: int | None) -> dt.date | None:
        """A KB date ("2007", "2007-01", "2007-01-10") as its first day; None (and an error) if bad."""
        try:
            return parse_period(value).start
        except (ValueError, TypeError) as exc:
            self.error(f"{what}: {exc}", path, line)
            return None

    def read_entry(self, section: str, item: LocDict, origin: Origin) -> _Entry | None:
        data = plain_data(section, item)
        if data is not None:
            return _Entry(section, data, origin, dict(getattr(item, "key_lines", {})))
        kinds = FIELDS[section]
        path = origin.path
        ok = True
        data = {}
        key_lines = getattr(item, "key_lines", {})
        for key, value in item.items():
            line = key_lines.get(key, item.line)
            kind = kinds.get(key)
            if kind is None:
                what = SINGULAR[section]
                self.error(f"unknown key {shown(key)} in {what} {shown(item.get('id', '?'))} (expected one of {', '.join(sorted(kinds))})", path, line)
                ok = False
                continue
            if value is None and key not in ("id", "name", "role", "jurisdiction", "person"):
                continue  # an explicit null is the same as leaving it out
            if kind == "str":
                if isinstance(value, (int, float)) and not isinstance(value, bool) and key not in ("id",):
                    value = str(value)
                if not isinstance(value, str) or not value.strip():
                    self.error(f"{shown(key)} must be a non-empty string, got {shown(value)}", path, line)
                    ok = False
                    continue
                data[key] = value.strip()
            elif kind == "list":
                if isinstance(value, str):
                    value = [value]
                if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                    self.error(f"{shown(key)} must be a list of non-empty strings, got {shown(value)}", path, line)
                    ok = False
                    continue
                data[key] = [v.strip() for v in value]
            elif kind == "int":
                if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                    self.error(f"{shown(key)} must be a whole number of at least 1, got {shown(value)}", path, line)
                    ok = False
                    continue
                data[key] = value
            elif kind == "bool":
                if not isinstance(value, bool):
                    self.error(f"{shown(key)} must be true or false, got {shown(value)}", path, line)
                    ok = False
                    continue
                data[key] = value
            elif kind == "date":
                day = self.read_date(value, f"{key!r} of {SINGULAR[section]} {item.get('id', '?')!r}", path, line)
                if day is None:
                    ok = False
                    continue
                data[key] = day
            elif kind == "holders":
                if not isinstance(value, LocList):
                    self.error(f"'holders' must be a list, got {shown(value)}", path, line)
                    ok = False
        for key in REQUIRED[section]:
            if key not in item:
                self.error(f"{SINGULAR[section]} {shown(item.get('id', '?'))} has no {shown(key)}", path, item.line)
                ok = False
        ident = data.get("id")
        if isinstance(ident, str) and not ID_RE.match(ident):
            self.error(f"bad id {shown(ident)}: use lower-case letters, digits and single hyphens", path, item.line_of("id"))
            ok = False
        if section == "offices" and "wikidata" in data and not QID_RE.match(data["wikidata"]):
            self.error(f"'wikidata' of office {shown(ident)} must be a Wikidata item id like Q11696, "
                       f"got {shown(data['wikidata'])}", path, item.line_of("wikidata"))
            ok = False
        if not ok:
            return None
        entry = _Entry(section, data, origin, dict(getattr(item, "key_lines", {})))
        if section == "offices" and isinstance(item.get("holders"), LocList):
            self.read_holders(entry, item["holders"], ident, origin)
        return entry

    def read_holders(self, entry: _Entry, holders: LocList, ident: Any, origin: Origin) -> None:
        """The holders of office *ident*, each checked, onto *entry*."""
        path, as_of = origin.path, origin.as_of
        append = entry.holders.append
        for i, h in enumerate(holders):
            if not isinstance(h, LocDict):
                self.error(f"each holder of {ident} must be a mapping, got {shown(h)}", path, holders.line_of(i))
                continue
            bad = () if HOLDER_KEYS.issuperset(h) else [k for k in h if k not in HOLDER_KEYS]
            for k in bad:
                self.error(f"unknown key {shown(k)} in a holder of {ident} (expected one of {', '.join(sorted(HOLDER_KEYS))})", path, h.line_of(k))
            if "person" not in h or not isinstance(h["person"], str):
                self.error(f"a holder of {ident} has no 'person'", path, h.line)
                continue
            if "from" not in h or h["from"] is None:
                self.error(f"holder {shown(h['person'])} of {ident} has no 'from' date", path, h.line)
                continue
            if bad:
                continue
            append((dict(h), _origin(path, h.line, as_of)))  # a plain copy: the LocDict and its lines can go


def _origin(path: str, line: int, as_of: dt.date | None) -> Origin:
    return tuple.__new__(Origin, (path, line, as_of))  # Origin(...) without its Python __new__


def _unite(a: Sequence[str], b: Sequence[str]) -> list[str]:
    seen = dict.fromkeys(a)
    seen.update(dict.fromkeys(b))
    return list(seen)


def _merge(into: _Entry, new: _Entry) -> None:
    for key, value in new.data.items():
        if FIELDS[into.section].get(key) == "list":
            into.data[key] = _unite(into.data.get(key, []), value)
        else:
            into.data[key] = value
    into.holders.extend(new.holders)


def load_sources(sources: Iterable[Path]) -> KnowledgeBase:
    """Load KB sources in order (earlier ones first) and validate the result."""
    reader = _Reader()
    merged: dict[str, dict[str, _Entry]] = {s: {} for s in SECTIONS}
    for source in sources:
        try:
            files = kb_files(source, reader.errors)
        except KnowledgeBaseError as exc:
            reader.errors.append(exc)
            continue
        seen: dict[tuple[str, str], Origin] = {}
        group: list[_Entry] = []
        for path in files:
            for entry in reader.read_file(path):
                key = (entry.section, entry.data["id"])
                if key in seen:
                    reader.error(f"duplicate {SINGULAR[entry.section]} id {shown(entry.data['id'])} (first defined at {seen[key]})", entry.origin.path, entry.origin.line)
                    continue
                seen[key] = entry.origin
                group.append(entry)
        for entry in group:
            existing = merged[entry.section].get(entry.data["id"])
            if existing is None:
                merged[entry.section][entry.data["id"]] = entry
            else:
                _merge_holders_then(existing, entry, reader)
    kb = _build(merged, reader)
    if reader.errors:
        raise KnowledgeBaseErrors(reader.errors)
    return kb


def _merge_holders_then(existing: _Entry, new: _Entry, reader: _Reader) -> None:
    """Merge *new* (from a later KB) into *existing*.

    A later holder replaces an earlier holder of the same person whose dates
    overlap it. In a one-seat office it also replaces an earlier holder of
    anyone else whose dates surely overlap it: the later KB corrects the
    earlier one (often the same official under another id) instead of the
    two failing the seats check together.
    """
    if existing.section == "offices" and new.holders:
        seats = new.data.get("seats", existing.data.get("seats", 1))
        kept: list[tuple[dict[str, Any], Origin]] = []
        new_periods = [(h["person"], _safe_range(h)) for h, _ in new.holders]
        for h, origin in existing.holders:
            rng = _safe_range(h)
            replaced = rng is not None and any(
                nr is not None and (
                    (person == h["person"] and rng[0] <= nr[1] and nr[0] <= rng[1])
                    or (seats == 1 and rng[0] < nr[1] and nr[0] < rng[1])
                )
                for person, nr in new_periods
            )
            if not replaced:
                kept.append((h, origin))
        existing.holders = kept
        new_holders = new.holders
        new.holders = []
        _merge(existing, new)
        existing.holders.extend(new_holders)
    else:
        _merge(existing, new)


def _safe_range(h: dict[str, Any]) -> tuple[Any, Any] | None:
    import datetime as dt

    try:
        start = period(h["from"]).start
        end = period(h["to"]).end if h.get("to") is not None else dt.date.max
    except (ValueError, KeyError):
        return None
    return start, end


def _build(merged: dict[str, dict[str, _Entry]], reader: _Reader) -> KnowledgeBase:
    jurisdictions = {
        i: Jurisdiction(i, e.data["name"], tuple(e.data.get("aliases", ())), tuple(e.data.get("adjectives", ())), e.origin)
        for i, e in merged["jurisdictions"].items()
    }
    roles = {i: Role(i, e.data["name"], tuple(e.data.get("aliases", ())), e.origin, broad=e.data.get("broad", False))
             for i, e in merged["roles"].items()}
    people = {
        i: Person(i, e.data["name"], tuple(e.data.get("aliases", ())), tuple(e.data.get("misspellings", ())),
                  e.data.get("family"), e.data.get("wikidata"), e.data.get("source"), e.origin)
        for i, e in merged["people"].items()
    }
    for pid, e in merged["people"].items():
        fam = e.data.get("family")
        if fam and fam.casefold() not in e.data["name"].casefold():
            reader.error(f"family name {shown(fam)} of {pid} is not part of its name {shown(e.data['name'])}", e.origin.path, e.key_lines.get("family", e.origin.line))
    offices: dict[str, Office] = {}
    new_tenure = tuple.__new__  # Tenure's own __new__, without its Python call
    known = PERIODS.get
    for oid, e in merged["offices"].items():
        path = e.origin.path
        d = e.data
        if d["role"] not in roles:
            reader.error(f"unknown role {shown(d['role'])} in office {oid}", path, e.key_lines.get("role", e.origin.line))
        if d["jurisdiction"] not in jurisdictions:
            reader.error(f"unknown jurisdiction {shown(d['jurisdiction'])} in office {oid}", path, e.key_lines.get("jurisdiction", e.origin.line))
        if d.get("host") is not None and d["host"] not in jurisdictions:
            reader.error(f"unknown host jurisdiction {shown(d['host'])} in office {oid}", path, e.key_lines.get("host", e.origin.line))
        tenures: list[Tenure] = []
        for h, origin in e.holders:
            person = h["person"]
            if person not in people:
                reader.error(f"unknown person {shown(person)} in holders of {oid}", origin.path, origin.line)
                continue
            when = h["from"]
            start = known(when) if when.__class__ is str else None  # a date read before, as most are
            if start is None:
                try:
                    start = period(h["from"])
                except ValueError as exc:
                    reader.error(f"bad 'from' date of {person} in {oid}: {exc}", origin.path, origin.line)
                    continue
            end: Period | None = None
            if h.get("to") is not None:
                try:
                    end = (known(h["to"]) if h["to"].__class__ is str else None) or period(h["to"])
                except ValueError as exc:
                    reader.error(f"bad 'to' date of {person} in {oid}: {exc}", origin.path, origin.line)
                    continue
                if end.end < start.start:
                    reader.error(f"'to' {end} is before 'from' {start} for {person} in {oid}", origin.path, origin.line)
                    continue
            src = h.get("source")
            party = h.get("party")
            tenures.append(new_tenure(Tenure, (person, oid, start, end, src if isinstance(src, str) else None, origin,
                                               party if isinstance(party, str) else None)))
        tenures.sort(key=lambda t: (t.start.start, t.person))
        seats = d.get("seats", 1)
        _check_seats(oid, seats, tenures, reader)
        # From when the list of holders is complete: as written, else from its first holder.
        complete_from = d.get("complete_from", tenures[0].start.start if tenures else None)
        offices[oid] = Office(oid, d["role"], d["jurisdiction"], d.get("title"), tuple(d.get("aliases", ())),
                              d.get("host"), seats, tuple(tenures), d.get("source"), e.origin,
                              complete_from=complete_from, wikidata=d.get("wikidata"),
                              complete_per_person=bool(d.get("complete_per_person")))
    return KnowledgeBase(jurisdictions, roles, people, offices, tuple(reader.metas))


def _check_seats(oid: str, seats: int, tenures: list[Tenure], reader: _Reader) -> None:
    """More holders at one time than seats is an error, if the dates *surely* overlap."""
    active: list[Tenure] = []
    for t in tenures:
        # drop tenures that surely ended by the time t surely started
        active = [a for a in active if a.end is None or a.end.start > t.start.end]
        active.append(t)
        if len(active) > seats:
            names = ", ".join(f"{a.person} (from {a.start})" for a in active)
            reader.error(f"{oid} has {len(active)} holders at once but {seats} seat{'s' if seats > 1 else ''}: {names}",
                         t.origin.path if t.origin else "?", t.origin.line if t.origin else None)
            active = [t]
