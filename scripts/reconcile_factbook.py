#!/usr/bin/env python3
"""Bring the curated ``kb/world/`` heads of state and government up to the CIA World Factbook.

    python scripts/reconcile_factbook.py              # update kb/world/*.yaml and the table in kb/README.md
    python scripts/reconcile_factbook.py --dry-run    # print the decisions only
    python scripts/reconcile_factbook.py --coverage   # how many of the Factbook's heads on its last day the KB has

Reads ``../shared/data/factbook`` with the ``factbook`` importer (never copies
it) and, country by country, compares its holders with the curated ones:

- A Factbook holder of an office the curated file has, matched to a curated
  person (same name, or same family name and first name in that office):
  dates that differ by more than 31 days are a *disagreement*, decided by
  :data:`DECISIONS` (hand decisions, as data) or else by the default rule:
  the curated date stands, because it cites the Wikipedia article it rests
  on, while the Factbook's "since" is sometimes an inauguration,
  re-election or appointment date and its history has gaps (few snapshots
  2017-2020).
- A Factbook holder who started after the curated file's ``as_of`` is added
  (with a new person entry where the KB has none), and the curated open
  tenure before it is closed at its start: the curated file could not know.
- A Factbook holder missing from the curated office before its ``as_of`` is
  a disagreement too (default: not added, the curated list cites its source).
- An office the curated file lacks (a realm's monarch and governor-general,
  a head of government) is added from the Factbook, with every holder it gives.
- Offices of the generated files (``kb/us``, ``kb/gb``) are left to them.

Changed files are rewritten with the KB writer (their leading comment kept);
their ``as_of`` becomes the Factbook's last day (2026-01-22) if the file
holds heads of state and government only, else it stays (ministers are not
in the Factbook) and ``meta.note`` says that heads are current to that day.
Every decision goes to the reconciliation table in kb/README.md (between
the ``reconciliation`` markers). Rerunning on the result changes nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factlint.importers.common import PersonDraft, Stint, slugify  # noqa: E402
from factlint.importers.factbook import known_jurisdictions, read_factbook  # noqa: E402
from factlint.importers.writer import dump_kb, write_text_atomic  # noqa: E402
from factlint.yamlio import LocDict, LocList, load_yaml_file  # noqa: E402
from factlint.errors import KnowledgeBaseError  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "factbook"
KB = ROOT / "kb"
README = KB / "README.md"
SLACK_DAYS = 31
FACTBOOK_DAY = "2026-01-22"
FB_SOURCE = "CIA World Factbook (factbook.json history, last update 2026-01-22)"
HEAD_ROLES = frozenset(("president", "prime-minister", "monarch", "supreme-leader", "chancellor", "head-of-state"))
START, END = "<!-- reconciliation:start -->", "<!-- reconciliation:end -->"

# Hand decisions: (office id, Factbook person slug) -> ("factbook" | "curated", why).
# "factbook" takes the Factbook's dates (or adds the holder); "curated" keeps the curated file.
DECISIONS: dict[tuple[str, str], tuple[str, str]] = {
    ("ro-prime-minister", "ilie-bolojan"): (
        "factbook", "the Factbook gives 'since 23 June 2005', an impossible year (he was acting president until "
                    "2025-05-26 by the Factbook's own chief-of-state text, and the text first appears in 2025): "
                    "taken as 2025-06-23"),
}
# Dates the Factbook states wrongly, corrected where the decision above says why.
DATE_FIXES: dict[tuple[str, str], str] = {("ro-prime-minister", "ilie-bolojan"): "2025-06-23"}
# A monarch the Factbook names by one word gets the KB's form for monarchs ("Henri, Grand Duke of Luxembourg").
NEW_NAMES: dict[str, tuple[str, list[str]]] = {
    "guillaume": ("Guillaume, Grand Duke of Luxembourg", ["Grand Duke Guillaume"]),
    # the forms the press uses (the Factbook's full or unaccented form stays an alias)
    "delcy-eloina-rodriguez-gomez": ("Delcy Rodríguez", ["Delcy Rodriguez"]),
    "jose-enrique-jeri-ore": ("José Jerí", ["Jose Jeri"]),
    "rodrigo-paz-pereira": ("Rodrigo Paz", []),
    "jeffrey-davidson-bostic": ("Jeffrey Bostic", []),
    "inga-ruginiene": ("Inga Ruginienė", ["Inga Ruginiene"]),
    "rimantas-sadzius": ("Rimantas Šadžius", ["Rimantas Sadzius"]),
}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _days(a: str, b: str) -> int:
    from factlint.importers.common import date_start
    return abs((date_start(a) - date_start(b)).days)


class World:
    """The curated files, with indexes to find people and offices."""

    def __init__(self) -> None:
        self.docs: dict[Path, dict[str, Any]] = {}
        self.headers: dict[Path, list[str]] = {}
        self.file_of_iso: dict[str, Path] = {}
        self.people: dict[str, dict[str, Any]] = {}  # id -> entry (whole KB)
        self.generated_offices: set[str] = set()
        self.changed: set[Path] = set()
        for path in sorted(KB.rglob("*.yaml")):
            doc = load_yaml_file(path, KnowledgeBaseError)
            if not isinstance(doc, LocDict):
                continue
            plain = _plain(doc)
            for p in plain.get("people", []):
                self.people.setdefault(p["id"], p)
            if "world" not in path.relative_to(KB).parts:
                self.generated_offices.update(o["id"] for o in plain.get("offices", []))
                continue
            self.docs[path] = plain
            lines = path.read_text(encoding="utf-8").splitlines()
            self.headers[path] = [ln[2:] if ln.startswith("# ") else ln[1:] for ln in
                                  lines[:next((i for i, ln in enumerate(lines) if not ln.startswith("#")), 0)]]
            for j in plain.get("jurisdictions", []):
                self.file_of_iso.setdefault(j["id"], path)

    def office(self, oid: str) -> tuple[Path, dict[str, Any]] | None:
        for path, doc in self.docs.items():
            for o in doc.get("offices", []):
                if o["id"] == oid:
                    return path, o
        return None

    def names(self, pid: str) -> set[str]:
        p = self.people.get(pid, {})
        return {slugify(n) for n in [p.get("name", ""), *p.get("aliases", []), *p.get("misspellings", [])]}

    def find_person(self, draft: PersonDraft, office: dict[str, Any] | None, path: Path | None,
                    start: str) -> str | None:
        """The KB person the Factbook's *draft* is, or None."""
        slug = slugify(draft.name)
        forms = {slug, *(slugify(a) for a in draft.aliases)}
        local = [h["person"] for h in (office or {}).get("holders", [])]
        if path is not None:
            local += [p["id"] for p in self.docs[path].get("people", [])]
        for pid in local:
            if forms & self.names(pid):
                return pid
        family = slugify(draft.family or draft.name.split()[-1])
        first = slug.split("-")[0]
        for h in (office or {}).get("holders", []):
            words = {w for n in self.names(h["person"]) for w in n.split("-")}
            if set(family.split("-")) <= words and (first in words or _days(h["from"], start) <= 400):
                return str(h["person"])
        for pid, p in self.people.items():  # a head of another country: Macron, Charles III
            if slugify(p.get("name", "")) == slug and pid in self.heads():
                return pid
        return None

    def heads(self) -> set[str]:
        if not hasattr(self, "_heads"):
            self._heads = {h["person"] for doc in self.docs.values() for o in doc.get("offices", [])
                           if o.get("role") in HEAD_ROLES for h in o.get("holders", [])}
        return self._heads


def reconcile(world: World, dry_run: bool) -> list[tuple[str, ...]]:
    notes: list[str] = []
    known = known_jurisdictions()
    offices, stints, people, latest = read_factbook([DATA], notes.append, known)
    table: list[tuple[str, ...]] = []
    for oid in sorted(offices):
        spec = offices[oid]
        iso = spec["jurisdiction"]
        if oid in world.generated_offices or iso not in world.file_of_iso:
            continue
        found = world.office(oid)
        path = found[0] if found else world.file_of_iso[iso]
        doc = world.docs[path]
        as_of = str(doc["meta"]["as_of"])
        country = known[iso]["name"]
        if found is None:
            office = {k: v for k, v in spec.items() if k != "_joint"}
            office["source"] = FB_SOURCE
            office["holders"] = []
            doc.setdefault("offices", []).append(office)
            table.append((country, oid, "no such office", f"{len(stints[oid])} holder(s)",
                          "office added from the Factbook", "the curated file has none"))
        else:
            office = found[1]
        for st in sorted(stints[oid], key=lambda s: (s.start, s.person)):
            if (oid, st.person) in DATE_FIXES:
                st = Stint(st.person, DATE_FIXES[(oid, st.person)], st.end)
            draft = people[st.person]
            pid = world.find_person(draft, office, path, st.start)
            mine = sorted((h for h in office["holders"] if pid is not None and h["person"] == pid
                           and (_days(h["from"], st.start) <= 365 or _overlap(h, st))),
                          key=lambda h: _days(h["from"], st.start))
            fb = f"{draft.name} {st.start}–{st.end or 'open'}"
            if mine:
                h = mine[0]
                cur = f"{world.people[h['person']]['name']} {h['from']}–{h.get('to', 'open')}"
                off_start = _days(h["from"], st.start) > SLACK_DAYS
                off_end = (h.get("to") is not None and st.end is not None and _days(str(h["to"]), st.end) > SLACK_DAYS)
                late_end = h.get("to") is None and st.end is not None and st.end > as_of
                if late_end:
                    h["to"] = st.end
                    h.setdefault("note", f"end from the {FB_SOURCE}")
                    world.changed.add(path)
                    table.append((country, oid, cur, fb, f"ends {st.end} (Factbook)",
                                  f"the successor took office after the file's as_of {as_of}"))
                elif off_start or off_end:
                    choice, why = DECISIONS.get((oid, st.person), ("curated", _why_curated(h, st, found)))
                    if choice == "factbook":
                        h["from"], h["source"] = st.start, FB_SOURCE
                        if st.end is not None:
                            h["to"] = st.end
                        world.changed.add(path)
                    table.append((country, oid, cur, fb, "Factbook dates" if choice == "factbook"
                                  else "curated dates kept", why))
                continue
            if mine == [] and pid is not None and any(h["person"] == pid and _overlap(h, st) for h in office["holders"]):
                continue
            if found is not None and st.start <= as_of and (oid, st.person) not in DECISIONS:
                table.append((country, oid, "not listed", fb, "not added",
                              "before the file's as_of: the curated list cites its source; the Factbook's "
                              "history has gaps and name forms that may be a listed holder"))
                continue
            if (oid, st.person) in DECISIONS and DECISIONS[(oid, st.person)][0] == "curated":
                table.append((country, oid, "not listed", fb, "not added", DECISIONS[(oid, st.person)][1]))
                continue
            if pid is None:
                pid = _new_person(world, draft, path, iso)
            holder: dict[str, Any] = {"person": pid, "from": st.start, "source": FB_SOURCE}
            if st.end is not None:
                holder["to"] = st.end
            for h in office["holders"]:
                if h.get("to") is None and h["person"] != pid and h["from"] < st.start and office.get("seats", 1) == 1:
                    h["to"] = st.start
                    h.setdefault("note", f"end from the {FB_SOURCE}")
            office["holders"].append(holder)
            world.changed.add(path)
            if found is not None:
                table.append((country, oid, "not listed (after as_of)", fb, "added",
                              f"took office after the file's as_of {as_of}"))
        if found is None:
            seats = _seats(office["holders"])
            if seats > 1:
                office["seats"] = seats
    if not dry_run:
        _write(world, latest)
    return table


def _overlap(h: dict[str, Any], st: Stint) -> bool:
    """The curated tenure *h* and the Factbook's *st* share some time."""
    h_end, st_end = str(h.get("to") or "9999"), st.end or "9999"
    return str(h["from"]) < st_end and st.start < h_end


def _why_curated(h: dict[str, Any], st: Stint, found: Any) -> str:
    return ("curated date kept: it cites " + (h.get("source") or "its source")
            + "; the Factbook's 'since' can be an inauguration, re-election or acting date, and its end "
              "is only the next holder it happened to list")


def _seats(holders: list[dict[str, Any]]) -> int:
    from factlint.importers.common import max_concurrent
    return max_concurrent([Stint(h["person"], h["from"], h.get("to")) for h in holders])


def _new_person(world: World, draft: PersonDraft, path: Path, iso: str) -> str:
    name, aliases = NEW_NAMES.get(draft.key, (draft.name, []))
    base = slugify(name)
    pid = base if base not in world.people else f"{base}-{iso}"
    entry: dict[str, Any] = {"id": pid, "name": name}
    extra = [f for f in [*aliases, draft.name, *draft.aliases] if f != name and " " in f]  # never a bare "Guillaume"
    if extra:
        entry["aliases"] = list(dict.fromkeys(extra))
    if draft.family:
        entry["family"] = draft.family
    entry["source"] = FB_SOURCE
    world.people[pid] = entry
    world.docs[path].setdefault("people", []).append(entry)
    return pid


def _write(world: World, latest: str) -> None:
    for path in sorted(world.changed):
        doc = world.docs[path]
        meta = doc["meta"]
        roles = {o.get("role") for o in doc.get("offices", [])}
        if roles <= HEAD_ROLES | {"official"} and not _has_ministers(doc):
            meta["as_of"] = latest
        elif str(meta["as_of"]) < latest:
            meta["note"] = (f"Heads of state and government are current to {latest} (CIA World Factbook, "
                            "scripts/reconcile_factbook.py); the other offices to as_of.")
        meta["as_of"] = str(meta["as_of"])
        write_text_atomic(path, dump_curated(doc, world.headers.get(path, [])))


def dump_curated(doc: dict[str, Any], header: list[str]) -> str:
    """A curated file in its own layout: entities in file order, people one per line."""
    return dump_kb(doc, header, file_order=True)


def _has_ministers(doc: dict[str, Any]) -> bool:
    return any(o.get("role") not in HEAD_ROLES for o in doc.get("offices", []))


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def write_table(table: list[tuple[str, ...]]) -> None:
    """The table in kb/README.md: earlier runs' rows kept (a rerun finds the added holders in place)."""
    text = README.read_text(encoding="utf-8")
    rows_by_key: dict[tuple[str, str], str] = {}
    if START in text:
        for line in text.split(START, 1)[1].split(END, 1)[0].splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 6 and cells[0] not in ("country", "---"):
                rows_by_key[(cells[1], cells[3])] = line
    for row in table:
        cells = [_cell(c) for c in row]
        rows_by_key[(cells[1], cells[3])] = "| " + " | ".join(cells) + " |"
    rows = ["| country | office | curated file | Factbook | decision | why |", "|---|---|---|---|---|---|"]
    rows += [rows_by_key[k] for k in sorted(rows_by_key, key=lambda k: (rows_by_key[k].split("|")[1], k))]
    block = f"{START}\n" + "\n".join(rows) + f"\n{END}"
    if START in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def coverage() -> tuple[int, int, list[str]]:
    """(heads the KB has in office on the Factbook's last day, heads the Factbook lists then, misses)."""
    from factlint.dates import parse_period
    from factlint.kb.loader import load_sources

    notes: list[str] = []
    offices, stints, people, latest = read_factbook([DATA], notes.append, known_jurisdictions())
    kb = load_sources([KB])
    day = parse_period(latest)
    have = total = 0
    misses: list[str] = []
    for oid, spec in sorted(offices.items()):
        if spec["role"] not in HEAD_ROLES and not oid.endswith("chief-adviser"):
            continue
        if spec["jurisdiction"] not in kb.jurisdictions:
            continue
        for st in stints[oid]:
            if st.end is not None:
                continue
            total += 1
            draft = people[st.person]
            forms = {slugify(draft.name), *(slugify(a) for a in draft.aliases)}
            family = slugify(draft.family or draft.name.split()[-1])
            ok = False
            for o in kb.offices.values():
                if o.jurisdiction != spec["jurisdiction"] or o.role != spec["role"] and o.id != oid:
                    continue
                for t in o.holders:
                    if not t.may_cover(day) or t.end is not None and t.end.end <= day.start:
                        continue
                    p = kb.people[t.person]
                    names = {slugify(n) for n in p.accepted}
                    words = {w for n in names for w in n.split("-")}
                    if forms & names or set(family.split("-")) <= words or _similar(draft.name, p.accepted):
                        ok = True
            have += ok
            if not ok:
                misses.append(f"{oid}: {draft.name}")
    return have, total, misses


def _similar(name: str, forms: tuple[str, ...]) -> bool:
    """A transliteration of one name: some long word agrees on its first five letters."""
    mine = {w[:5] for w in slugify(name).split("-") if len(w) >= 5}
    return any(w[:5] in mine for f in forms for w in slugify(f).split("-") if len(w) >= 5)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the decisions, write nothing")
    ap.add_argument("--coverage", action="store_true", help="measure the KB against the Factbook's last day")
    args = ap.parse_args(argv)
    if args.coverage:
        have, total, misses = coverage()
        for m in misses:
            print(f"missing: {m}")
        print(f"heads in office on {FACTBOOK_DAY} per the Factbook that the KB has in office: "
              f"{have}/{total} = {100 * have / max(total, 1):.1f}%")
        return 0
    world = World()
    table = reconcile(world, args.dry_run)
    for row in table:
        print(" | ".join(row))
    if not args.dry_run:
        write_table(table)
    print(f"{len(table)} decisions; {len(world.changed)} files changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
