#!/usr/bin/env python3
"""Regenerate the US and UK parts of the default KB from ../shared/data.

    python scripts/build_default_kb.py            # write kb/us/*.yaml, kb/gb/*.yaml
    python scripts/build_default_kb.py --check    # and validate the result

Writes, deterministically (the same data gives the same bytes):

- ``kb/us/executive.yaml``         Presidents and Vice Presidents (congress-legislators, CC0)
- ``kb/us/state-department.yaml``  Secretaries of State, other principal officers, ambassadors
                                   (POCOM, public domain); tenures ended before 1977 left out
- ``kb/gb/ministers.yaml``         UK ministers since 1979 (IfG Ministers Database, CC BY 4.0)
- ``kb/us/congress.yaml``          the members of Congress serving in 2026, every term they served
                                   (congress-legislators, CC0); a roster: complete_per_person

No jurisdiction entries are written: the curated ``kb/world/`` files define
``us``, ``gb`` and the other countries, and two definitions of one id in one
KB directory would be an error. When ``kb/`` defines jurisdictions outside
``kb/us`` and ``kb/gb``, offices whose ``host`` is not among them (an embassy
in a country the curators have not written up yet) are left out and
listed, so that the whole ``kb/`` directory validates once ``us`` and ``gb``
exist; rerun the script when the curators add countries. Without any, all
offices are kept. ``--check`` validates the whole ``kb/`` directory,
standing in for the jurisdictions still missing with the importers' own
entries (as a separate, temporary KB). Offices that the curated files
already define are left to them (and listed); so are people, when the
curated person holds an office in the same country or none at all (else the curated one is
a namesake, e.g. Raul Castro of Cuba and the US ambassador Raul H. Castro,
and ours gets a fuller id).

People who appear in two sources are one entry (a president who was also
Secretary of State); namesakes get distinct ids (see
``factlint.importers.common.reconcile_people``). Sources are reconciled in
the order executive, ministers, State Department, Congress, so that the
better-known namesake keeps the plain id (``gordon-brown`` is the Prime
Minister) and no id of an earlier file changes; a person a later source has
under another id, or under a taken id, who is the same human is named in
``SAME_PEOPLE`` (checked by hand).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factlint.errors import FactlintError  # noqa: E402
from factlint.importers import IMPORTERS  # noqa: E402
from factlint.importers.common import KNOWN_SAME, KBDoc, reconcile_people  # noqa: E402
from factlint.importers.countries import jurisdiction_entry  # noqa: E402
from factlint.importers.writer import dump_kb, write_docs  # noqa: E402
from factlint.kb.loader import kb_files, load_sources  # noqa: E402
from factlint.yamlio import LocDict, LocList, load_yaml_file  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
# Earliest tenures of the State Department file: older envoys are many
# (thousands of 19th-century names) and rarely in the news, and every
# extra name is a chance for a false "misspelled name" near miss.
POCOM_SINCE = "1977"

# (output path under kb/, importer, source under the data dir, options); the
# as_of dates are the snapshot dates in ../shared/data/SOURCES.md. Order matters:
# see the module docstring.
BUILDS: list[tuple[str, str, str, dict[str, str]]] = [
    ("us/executive.yaml", "us-executive", "us_executive.yaml", {"as-of": "2026-06-15"}),
    ("gb/ministers.yaml", "ifg", "ifg-ministers", {"as-of": "2026-06-19"}),
    ("us/state-department.yaml", "pocom", "pocom_us_state_dept_tenures.csv",
     {"as-of": "2026-06-20", "since": POCOM_SINCE}),
    ("us/congress.yaml", "us-congress", "us_legislators_current.yaml", {"as-of": "2026-06-15"}),
]
NOTES = {
    "us/state-department.yaml": f"Tenures that ended before {POCOM_SINCE} are left out (scripts/build_default_kb.py).",
}
# People a later source has under another id (or under an id that looks like
# a namesake's) who are one human: the later source's id -> the earlier id.
# Checked by hand against the offices both sources give them.
SAME_PEOPLE: dict[str, str] = {
    "bill-hagerty": "bill-hagerty",        # US Ambassador to Japan 2017-19; Senator from Tennessee since 2021
    "donald-beyer": "donald-beyer",        # US Ambassador to Switzerland 2009-13; Representative from Virginia
    "dan-sullivan": "daniel-sullivan",     # Assistant Secretary of State (EEB) 2006-09; Senator from Alaska
}
GENERATOR = "kb import (scripts/build_default_kb.py from ../shared/data)"


def _warn(msg: str) -> None:
    print(f"note: {msg}", file=sys.stderr)


def build_docs(data: Path, cur: dict[str, dict[str, dict[str, Any]]]) -> dict[str, KBDoc]:
    """The KB documents, keyed by path under kb/, reconciled with each other and with *cur*."""
    docs: dict[str, KBDoc] = {}
    held = _jurisdictions_held(cur["offices"].values())
    earlier: dict[str, dict[str, Any]] = {
        pid: {**p, "_curated": held.get(pid, set())} for pid, p in cur["people"].items()}
    for out, fmt, src, options in BUILDS:
        produced = IMPORTERS[fmt].run([data / src], dict(options), _warn)
        (doc,) = [d for name, d in produced.items() if name != "jurisdictions.yaml"]
        mine = _jurisdictions_held(doc.get("offices", []))

        def same(other: dict[str, Any], p: dict[str, Any], mine: dict[str, set[str]] = mine, out: str = out) -> bool:
            if other.get("wikidata") and p.get("wikidata"):
                return bool(other["wikidata"] == p["wikidata"])
            if "_curated" in other:  # a curated namesake holds offices elsewhere (Raul Castro of Cuba)
                same_country = not other["_curated"] or bool(other["_curated"] & mine.get(p["id"], set()))
                if same_country:
                    _warn(f"{out}: {p['id']} is defined in kb/{other['_path']}; its aliases there should "
                          f"include {', '.join(p.get('aliases', [])) or '(none needed)'}")
                return same_country
            return other["id"] in KNOWN_SAME or other["id"] in SAME_PEOPLE.values()

        _rename_people(doc, {k: v for k, v in SAME_PEOPLE.items() if k != v and v in earlier})
        reconcile_people(earlier, doc, _warn, same=same)
        for p in doc.get("people", []):
            earlier[p["id"]] = p  # the same dict: later sources add aliases to it
        if out in NOTES:
            doc["meta"]["note"] = NOTES[out]
        docs[out] = doc
    return docs


def _rename_people(doc: KBDoc, renames: dict[str, str]) -> None:
    """Give people of *doc* the id an earlier source has them under (``SAME_PEOPLE``)."""
    for p in doc.get("people", []):
        p["id"] = renames.get(p["id"], p["id"])
    for office in doc.get("offices", []):
        for h in office.get("holders", []):
            h["person"] = renames.get(h["person"], h["person"])


def _jurisdictions_held(offices: Any) -> dict[str, set[str]]:
    held: dict[str, set[str]] = {}
    for office in offices:
        for h in office.get("holders") or []:
            if isinstance(h, dict) and isinstance(h.get("person"), str):
                held.setdefault(h["person"], set()).add(str(office.get("jurisdiction")))
    return held


def curated(kb_dir: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Entities defined in kb/ outside the generated us/ and gb/ folders, by section and id."""
    found: dict[str, dict[str, dict[str, Any]]] = {"jurisdictions": {}, "people": {}, "offices": {}}
    if not kb_dir.is_dir():
        return found
    for path in kb_files(kb_dir):
        if path.relative_to(kb_dir).parts[0] in ("us", "gb"):
            continue
        doc = load_yaml_file(path, FactlintError)
        for section, into in found.items():
            items = doc.get(section) if isinstance(doc, LocDict) else None
            for e in items if isinstance(items, LocList) else []:
                if isinstance(e, dict) and isinstance(e.get("id"), str):
                    into.setdefault(e["id"], {**e, "_path": str(path.relative_to(kb_dir))})
    return found


def defer_offices_to_curators(docs: dict[str, KBDoc], cur: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Leave out offices that the curated files already define (one id, one entry per KB)."""
    for name, doc in docs.items():
        clash = [o for o in doc.get("offices", []) if o["id"] in cur["offices"]]
        if clash:
            _warn(f"{name}: left out office(s) that kb/ already defines: "
                  + ", ".join(f"{o['id']} ({cur['offices'][o['id']]['_path']})" for o in clash))
            doc["offices"] = [o for o in doc["offices"] if o["id"] not in cur["offices"]]


def keep_known_hosts(docs: dict[str, KBDoc], known: set[str]) -> None:
    """Drop offices that refer to jurisdictions kb/ does not define, and people left without one.

    ``us`` and ``gb`` always count as known: the curators write them (and
    ``--check`` stands in for them until they do).
    """
    for name, doc in docs.items():
        kept: list[dict[str, Any]] = []
        dropped: list[dict[str, Any]] = []
        for office in doc.get("offices", []):
            refs = {office["jurisdiction"], *([office["host"]] if office.get("host") else [])}
            (kept if refs <= known else dropped).append(office)
        if dropped:
            missing = sorted({r for o in dropped for r in (o["jurisdiction"], o.get("host")) if r and r not in known})
            _warn(f"{name}: left out {len(dropped)} office(s) for jurisdictions kb/ does not define: "
                  + ", ".join(missing))
        doc["offices"] = kept
    used = {h["person"] for doc in docs.values() for o in doc.get("offices", []) for h in o["holders"]}
    for doc in docs.values():
        doc["people"] = [p for p in doc.get("people", []) if p["id"] in used]


def check(kb_dir: Path, docs: dict[str, KBDoc], known: set[str]) -> dict[str, int]:
    """Validate the whole kb/ directory, adding (as a second, temporary KB) the
    jurisdictions that the generated files refer to and the curators have not
    written yet (``us``, ``gb`` or, without kb/world, every host)."""
    refs = sorted({r for d in docs.values() for o in d.get("offices", [])
                   for r in (o["jurisdiction"], o.get("host")) if r} - known)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jurisdictions.yaml"
        path.write_text(dump_kb({"jurisdictions": [jurisdiction_entry(r) for r in refs]}), encoding="utf-8")
        return load_sources([kb_dir, path] if refs else [kb_dir]).counts()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data directory")
    parser.add_argument("--kb", type=Path, default=ROOT / "kb", help="the default KB directory to write into")
    parser.add_argument("--check", action="store_true", help="validate the result with the KB loader")
    parser.add_argument("--force", action="store_true", help="replace files not written by this script")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: no data directory {args.data}", file=sys.stderr)
        return 2
    try:
        cur = curated(args.kb)
        docs = build_docs(args.data, cur)
        known = set(cur["jurisdictions"])
        defer_offices_to_curators(docs, cur)
        if known:
            keep_known_hosts(docs, known | {"us", "gb"})  # the curators' own countries, surely to come
        else:
            _warn("kb/ defines no jurisdictions yet (kb/world/ missing): all offices kept")
        written = []
        for name, doc in docs.items():
            out = args.kb / name
            written += write_docs({out.name: doc}, out.parent, generator=GENERATOR, force=args.force)
        for path in written:
            doc = docs[path.relative_to(args.kb).as_posix()]
            n_holders = sum(len(o["holders"]) for o in doc.get("offices", []))
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
                  f"{len(doc.get('people', []))} people, {len(doc.get('offices', []))} offices, {n_holders} tenures")
        if args.check:
            print("check:", check(args.kb, docs, known))
    except FactlintError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
