"""Heads of state and government of every country from the CIA World Factbook.

Source: the executive-branch fields of the Factbook's country profiles
across the history of the ``factbook/factbook.json`` repository (public
domain; the JSON is CC0 1.0), one JSON line per distinct text of a field:
``factbook-executive-history.jsonl`` (``file``, ``field``, ``text``,
``first_seen``, ``last_seen``), and ``factbook-countries.jsonl`` (each
country's conventional names and nationality adjective). Give both files,
or their directory.

- Only the fields ``chief of state`` and ``head of government`` are read.
  A text is cut into segments at ``;``; notes (``note -``) are dropped; each
  segment is *Title Name[ and Name...] (since DATE)*. The title picks the
  office (:data:`factlint.importers.factbook_text.TITLES`): presidents, prime ministers (premiers, chairmen
  of the council of ministers), chancellors, monarchs (kings, queens,
  emirs, sultans, emperors, princes, popes), supreme leaders, chief
  advisers, co-princes, captains regent, members of a collective
  presidency, and the governor-general that ``represented by`` names.
  Vice presidents, deputies, heirs and representatives are not heads and
  are passed over. A head-of-government text with no title (the Factbook
  sometimes omits it) is the office the country's other texts of that
  field name; with none, the row is warned about and left out.
- Names: family names are written in capitals ("Emmanuel MACRON",
  "XI Jinping", "Santiago PE&Ntilde;A Palacios"); the canonical name is the
  text in title case ("Emmanuel Macron", "Xi Jinping", "Santiago Peña
  Palacios"), with particles in lower case ("bin", "de", "van") and
  generations kept ("Joseph R. Biden Jr."); the capitalised part is the
  ``family`` name where it is not simply the last word. Honorifics and
  ranks ("Sheikh", "Sir", "Gen.", "Dr.") are dropped; a quoted nickname
  ('Joko "Jokowi" WIDODO') is an alias.
- One tenure per holder and office: it starts at the holder's ``since``
  date and ends at the next holder's start; the last holder is open. The
  same person listed again (re-elections, a new "since") keeps one tenure
  from the first date. Offices with several holders at once (captains
  regent, co-princes, the Bosnian presidency) get ``seats``.
- Countries: the Factbook's two-letter codes are GEC/FIPS codes, not ISO
  (``gm`` is Germany, ``au`` Austria). Each file is mapped to an ISO id by
  its conventional short name, matched against the KB's jurisdiction names
  and aliases (:mod:`factlint.importers.countries`), then
  :data:`CODE_TO_ISO` for names that differ. Dependencies and territories
  (Bermuda, Guam, ...) and unmapped codes are warned about and left out.
- Every row that cannot be read (no date, no name in capitals, an unknown
  title) is a warning, never a guess.

Options: ``as-of`` (default: the latest ``last_seen``), ``file`` (default
``factbook.yaml``).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint.errors import ConfigError, KnowledgeBaseError
from factlint.importers.common import (
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_options,
    kb_doc,
    max_concurrent,
    option_date,
    slugify,
    unique,
)
from factlint.importers.countries import JURISDICTIONS, jurisdiction_entry
from factlint.importers.factbook_text import JOINT, KINDS, Holder, clean_text, parse_text

FORMAT = "factbook"
OPTIONS = ("as-of", "file")
SOURCE = "CIA World Factbook, executive branch (github.com/factbook/factbook.json history)"
LICENSE = "public domain (US government work); JSON CC0 1.0"
HISTORY = "factbook-executive-history.jsonl"
COUNTRIES = "factbook-countries.jsonl"
FIELDS = {"chief of state": "state", "head of government": "government"}

# Factbook code -> ISO id, where the conventional short name is not a KB name.
CODE_TO_ISO: dict[str, str] = {
    "bf": "bs",  # Bahamas, The
    "cg": "cd",  # Congo, Democratic Republic of the
    "cf": "cg",  # Congo, Republic of the
    "ga": "gm",  # Gambia, The
    "ks": "kr",  # Korea, South
    "kn": "kp",  # Korea, North
    "fm": "fm",  # Micronesia, Federated States of
    "tt": "tl",  # Timor-Leste
    "vt": "va",  # Holy See (Vatican City)
    "iv": "ci",  # Cote d'Ivoire
    "tp": "st",  # Sao Tome and Principe
    "ez": "cz",  # Czechia
    "wz": "sz",  # Eswatini
    "bm": "mm",  # Burma
    "tu": "tr",  # Turkey (Turkiye)
    "mk": "mk",  # North Macedonia
    "cv": "cv",  # Cabo Verde
}
# Offices the curated KB names otherwise than "<iso>-<kind>".
OFFICE_IDS: dict[tuple[str, str], str] = {
    ("ie", "prime-minister"): "ie-taoiseach",
    ("ws", "head-of-state"): "ws-head-of-state",
    ("mc", "prime-minister"): "mc-minister-of-state",
}

# -- countries ---------------------------------------------------------------------

def known_jurisdictions() -> dict[str, dict[str, Any]]:
    """The importers' table, completed with the jurisdictions of the default KB's ``world/`` files."""
    from factlint.kb import default_kb_dir
    from factlint.yamlio import LocDict, LocList, load_yaml_file

    found = {iso: jurisdiction_entry(iso) for iso in JURISDICTIONS}
    for path in sorted((default_kb_dir() / "world").rglob("*.yaml")):
        doc = load_yaml_file(path, KnowledgeBaseError)
        items = doc.get("jurisdictions") if isinstance(doc, LocDict) else None
        for j in items if isinstance(items, LocList) else []:
            if isinstance(j, dict) and isinstance(j.get("id"), str) and isinstance(j.get("name"), str):
                entry = found.setdefault(j["id"], {"id": j["id"], "name": j["name"]})
                for key in ("aliases", "adjectives"):
                    extra = [a for a in j.get(key) or [] if isinstance(a, str)]
                    if extra:
                        entry[key] = unique([*entry.get(key, []), *extra])
    return found


def _name_index(known: dict[str, dict[str, Any]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for iso, e in known.items():
        for form in [e["name"], *e.get("aliases", [])]:
            index.setdefault(slugify(form), iso)
    return index


def country_map(countries: list[dict[str, Any]], known: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Factbook file code (``gm``) -> ISO id (``de``) for the countries the KB knows."""
    index = _name_index(known)
    out: dict[str, str] = {}
    for c in countries:
        code = _code(c["file"])
        if code in CODE_TO_ISO:
            out[code] = CODE_TO_ISO[code]
            continue
        names = c.get("names", {})
        for key in ("conventional short form", "conventional long form", "local short form"):
            form = clean_text(names.get(key) or "")
            iso = index.get(slugify(form)) if form and form.lower() != "none" else None
            if iso is not None:
                out[code] = iso
                break
    return out


def _code(file: str) -> str:
    return Path(file).stem


# -- reading ------------------------------------------------------------------------

def _files(sources: list[Path]) -> tuple[Path, Path]:
    found: dict[str, Path] = {}
    for src in sources:
        for path in (sorted(src.glob("*.jsonl")) if src.is_dir() else [src]):
            if path.name in (HISTORY, COUNTRIES):
                found[path.name] = path
    missing = [n for n in (HISTORY, COUNTRIES) if n not in found]
    if missing:
        raise ConfigError(f"factbook: missing {', '.join(missing)} (give the factbook/ directory or both files)")
    return found[HISTORY], found[COUNTRIES]


def _jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"not UTF-8: {exc.reason}", str(path)) from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KnowledgeBaseError(f"bad JSON: {exc.msg}", str(path), n) from None
        if not isinstance(rec, dict):
            raise KnowledgeBaseError("expected a JSON object", str(path), n)
        yield n, rec


@dataclass
class Sighting:
    office: str
    person: str  # person key (slug of the name)
    since: str
    first_seen: str
    last_seen: str


def read_factbook(sources: list[Path], warn: Warn, known: dict[str, dict[str, Any]]
                  ) -> tuple[dict[str, dict[str, Any]], dict[str, list[Stint]], dict[str, PersonDraft], str]:
    """Offices, their stints, people (keyed by name slug) and the last snapshot date."""
    hist_path, countries_path = _files(sources)
    countries = [rec for _, rec in _jsonl(countries_path)]
    codes = country_map(countries, known)
    rows: list[tuple[int, dict[str, Any]]] = []
    for n, rec in _jsonl(hist_path):
        missing = [k for k in ("file", "field", "text", "first_seen", "last_seen") if not isinstance(rec.get(k), str)]
        if missing:
            raise KnowledgeBaseError(f"missing key(s) {', '.join(missing)}", str(hist_path), n)
        if rec["field"] in FIELDS:
            if rec["first_seen"] > rec["last_seen"]:
                warn(f"{hist_path}:{n}: first_seen {rec['first_seen']} is after last_seen {rec['last_seen']}: "
                     "taken as seen on the last day only")
                rec = {**rec, "first_seen": rec["last_seen"]}
            rows.append((n, rec))
    latest = max((r["last_seen"] for _, r in rows), default="1900-01-01")
    unmapped = sorted({_code(r["file"]) for _, r in rows} - set(codes))
    for code in unmapped:
        warn(f"{hist_path}: Factbook code {code!r} is not a country the KB knows (a territory or unmapped): skipped")
    # The office a titleless text of a field names: the one the country's titled texts of it name.
    field_kind: dict[tuple[str, str], dict[str, int]] = {}
    parsed: list[tuple[int, dict[str, Any], str, list[Holder], list[str]]] = []
    for n, rec in rows:
        iso = codes.get(_code(rec["file"]))
        if iso is None:
            continue
        holders, problems = parse_text(rec["text"])
        for h in holders:
            if h.kind:
                counts = field_kind.setdefault((iso, rec["field"]), {})
                counts[h.kind] = counts.get(h.kind, 0) + 1
        parsed.append((n, rec, iso, holders, problems))
    offices: dict[str, dict[str, Any]] = {}
    sightings: list[Sighting] = []
    people: dict[str, PersonDraft] = {}
    same_as: dict[tuple[str, str, str], str] = {}
    parsed.sort(key=lambda p: (p[1]["first_seen"], p[0]))
    for n, rec, iso, holders, problems in parsed:
        where = f"{hist_path}:{n} ({rec['file']}, {rec['field']})"
        for p in problems:
            warn(f"{where}: {p}")
        if not holders and not problems:
            warn(f"{where}: no head of state or government found in {clean_text(rec['text'])[:80]!r}")
        for h in holders:
            kind = h.kind
            if not kind:
                counts = field_kind.get((iso, rec["field"]), {})
                if rec["field"] != "head of government" or not counts:
                    warn(f"{where}: no title for {h.name.name!r}: left out")
                    continue
                kind = max(sorted(counts), key=lambda k: counts[k])
            suffix, role, title = KINDS[kind]
            oid = OFFICE_IDS.get((iso, kind), f"{iso}-{suffix}")
            offices.setdefault(oid, {"id": oid, "role": role, "jurisdiction": iso, "_joint": kind in JOINT,
                                     "title": title.format(country=known[iso]["name"])})
            key = slugify(h.name.name)
            # one person under two name forms ("Gudni Th. JOHANNESSON", "Gudni Thorlacius JOHANNESSON")
            same = (oid, h.since, slugify(h.name.family or h.name.name.split()[-1]))
            key = same_as.setdefault(same, key)
            if key in people and people[key].name != h.name.name:
                people[key].aliases = unique([*people[key].aliases, h.name.name])
            draft = people.setdefault(key, PersonDraft(key, h.name.name, family=h.name.family))
            draft.aliases = unique([*draft.aliases, *h.name.aliases])
            draft.first_seen = min(draft.first_seen, h.since)
            sightings.append(Sighting(oid, key, h.since, rec["first_seen"], rec["last_seen"]))
    joint = {oid for oid, spec in offices.items() if spec.pop("_joint")}
    snapshots = sorted({r["first_seen"] for _, r in rows} | {r["last_seen"] for _, r in rows})
    return offices, _stints(sightings, joint, snapshots, warn), people, latest


def _between(last: str, nxt: str | None) -> str | None:
    """The month (else year) holding both snapshot days: when a holder who stopped being listed left."""
    if nxt is None:
        return None
    if last[:7] == nxt[:7]:
        return last[:7]
    return last[:4] if last[:4] == nxt[:4] else None


def _stints(sightings: list[Sighting], joint: set[str], snapshots: list[str],
            warn: Warn) -> dict[str, list[Stint]]:
    """Tenures from what each snapshot shows: a holder's run starts at its "since" and ends
    at the "since" of whoever next appears in the office after the holder is no longer listed.

    The same person listed again in one run (a re-election, a new "since") keeps one tenure from
    the earliest date; a person who returns after someone else held the office gets a new one.
    """
    by_office: dict[str, list[Sighting]] = {}
    for s in sightings:
        by_office.setdefault(s.office, []).append(s)
    out: dict[str, list[Stint]] = {}
    for oid, items in sorted(by_office.items()):
        active: dict[str, str] = {}  # person -> start of the open run
        leaving: list[tuple[str, str]] = []  # runs no longer listed, waiting for a successor
        stints: list[Stint] = []
        for when in snapshots:
            now: dict[str, str] = {}
            for s in items:
                if s.first_seen <= when <= s.last_seen:
                    now[s.person] = min(now.get(s.person, s.since), s.since)
            if oid not in joint and len(now) > 1:
                # one seat: texts overlapping in time (a late update of one field): the latest holder
                latest = max(now.items(), key=lambda kv: (kv[1], kv[0]))
                now = dict([latest])
            back = {p for p, _ in leaving if p in now}  # listed again after an unreadable or vacant text
            for p, start in leaving:
                if p in back:
                    active[p] = min(start, now[p])
            leaving = [(p, start) for p, start in leaving if p not in back]
            newcomers = sorted((since, p) for p, since in now.items() if p not in active)
            for p in sorted(active):
                if p not in now:
                    leaving.append((p, active.pop(p)))
                else:
                    active[p] = min(active[p], now[p])
            if newcomers:
                end = newcomers[0][0]
                for p, start in leaving:
                    if end <= start:
                        warn(f"factbook: {oid}: {p} (since {start}) is followed by someone 'since' {end}, "
                             "not later: tenure left out")
                        continue
                    stints.append(Stint(p, start, end))
                leaving = []
            for since, p in newcomers:
                active[p] = since
        for p, start in leaving:
            last = max(s.last_seen for s in items if s.person == p)
            end = _between(last, next((d for d in snapshots if d > last), None))
            if end is None or end <= start:
                warn(f"factbook: {oid}: {p} (since {start}) is no longer listed after {last} and has no "
                     "successor: left open")
                stints.append(Stint(p, start, None))
            else:
                warn(f"factbook: {oid}: {p} (since {start}) is no longer listed after {last} and has no "
                     f"successor: ends {end}, the month or year between that snapshot and the next")
                stints.append(Stint(p, start, end))
        stints.extend(Stint(p, start, None) for p, start in sorted(active.items()))
        out[oid] = sorted(stints, key=lambda s: (s.start, s.person))
    return out


def import_factbook(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    known = known_jurisdictions()
    offices, stints, people, latest = read_factbook(sources, warn, known)
    as_of = option_date(options, "as-of") or latest
    used = {s.person for ss in stints.values() for s in ss}
    drafts = [people[k] for k in sorted(used)]
    assign_ids(drafts)
    ids = {d.key: d.id for d in drafts}
    out_offices = []
    for oid in sorted(offices):
        spec = dict(offices[oid])
        merged = sorted(stints[oid], key=lambda s: (s.start, s.person))
        seats = max_concurrent(merged)
        if seats > 1:
            spec["seats"] = seats
        spec["holders"] = [Stint(ids[s.person], s.start, s.end).holder() for s in merged]
        out_offices.append(spec)
    isos = sorted({o["jurisdiction"] for o in offices.values()})
    meta = {"as_of": as_of, "source": SOURCE, "license": LICENSE}
    return {
        options.get("file", "factbook.yaml"): kb_doc(meta, people=[d.entry() for d in drafts], offices=out_offices),
        "jurisdictions.yaml": kb_doc({"as_of": as_of, "source": "factlint importers", "license": "CC0-1.0"},
                                     jurisdictions=[known[i] for i in isos]),
    }
