"""Members of the US Congress from congress-legislators YAML (``legislators-current.yaml``).

Source: ``unitedstates/congress-legislators`` (CC0 1.0): one entry per
member with name parts, ids and every term (``type: sen|rep``, ``start``,
``end``, ``state``, ``district``, ``party``).

- Offices: one per state and chamber, ``us-senator-<st>`` (role
  ``senator``, two seats) and ``us-representative-<st>`` (role
  ``representative``, as many seats as the state had members at once; the
  delegates of DC and the territories too). Titles are "United States
  Senator from Vermont", "United States Representative from Texas";
  aliases give the forms US copy puts before a name ("Vermont Sen.",
  "Texas Rep.", "Congressman", ...) through the roles.
- One tenure per run of consecutive terms in one office with one party
  (terms up to three days apart are merged: a Congress ends on 3 January and
  the next may convene days later; a change of party starts a new tenure); the
  holder's ``party`` gives the party, its ``note`` the district(s). A last term whose
  scheduled end is after ``as-of`` is open.
- The roles ``senator`` and ``representative`` are written into the output
  file (a KB that also loads other files gets them from here).
- The file lists only members serving when it was made: people who left
  Congress before are not in it, so the record of these offices is
  incomplete before it was made (``meta.complete_from`` is its ``as-of``),
  while each listed member's terms are all there
  (``meta.complete_per_person: true``): factlint judges a listed member's
  title at any date, and never claims that someone not listed was not a
  member.

Options: ``as-of`` (default: the latest term start), ``file`` (default
``us-congress.yaml``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from factlint.importers.common import (
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_date,
    check_options,
    drop_shared_aliases,
    kb_doc,
    max_concurrent,
    merge_consecutive,
    option_date,
)
from factlint.importers.countries import jurisdiction_entry
from factlint.importers.us_executive import _person, legislators
from factlint.lexicon import US_STATES as STATES
from factlint.yamlio import LocDict, LocList

FORMAT = "us-congress"
OPTIONS = ("as-of", "file")
SOURCE = "unitedstates/congress-legislators, legislators-current.yaml"
LICENSE = "CC0 1.0"
ROLES = [
    {"id": "senator", "name": "Senator", "aliases": ["Sen.", "US Senator", "U.S. Senator"]},
    {"id": "representative", "name": "Representative",
     "aliases": ["Rep.", "Congressman", "Congresswoman", "Delegate", "US Representative", "U.S. Representative"]},
]
# A Congress ends on 3 January and the next convenes on the 3rd or a few
# days later (the 105th on 7 January 1997): terms that close a gap of up to
# a week are one tenure; a member who lost and came back is away for years.
SLACK_DAYS = 7
CHAMBERS = {"sen": ("senator", "Senator", "Sen."), "rep": ("representative", "Representative", "Rep.")}


def _office(kind: str, state: str) -> dict[str, Any]:
    role, word, short = CHAMBERS[kind]
    name = STATES[state]
    return {"id": f"us-{role}-{state.lower()}", "role": role, "jurisdiction": "us",
            "title": f"United States {word} from {name}",
            "aliases": [f"{name} {short}", f"{name} {word}", f"{word} from {name}"]}


def import_congress(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    people: dict[str, PersonDraft] = {}
    specs: dict[str, dict[str, Any]] = {}
    stints: dict[str, list[Stint]] = {}
    latest = "0000"
    for path, item in legislators(sources, "legislators YAML"):
        draft = _person(item, path)
        terms = item.get("terms")
        if not isinstance(terms, LocList) or not terms:
            warn(f"{path}:{item.line}: {draft.name}: no terms, skipped")
            continue
        for i, term in enumerate(terms):
            line = terms.line_of(i)
            if not isinstance(term, LocDict) or term.get("type") not in CHAMBERS \
                    or str(term.get("state")) not in STATES:
                warn(f"{path}:{line}: {draft.name}: unreadable term (type, state) skipped")
                continue
            try:
                start, end = check_date(str(term.get("start"))), check_date(str(term.get("end")))
            except ValueError as exc:
                warn(f"{path}:{line}: {draft.name}: bad term date ({exc}), skipped")
                continue
            spec = _office(str(term["type"]), str(term["state"]))
            specs.setdefault(spec["id"], spec)
            party = str(term.get("party") or "no party")
            district = term.get("district")
            # a run is one person in one office for one party: the key carries the party
            key = f"{draft.key}\t{party}"
            note = None if district is None else f"district {'at-large' if district == 0 else district}"
            stints.setdefault(spec["id"], []).append(Stint(key, start, end, note))
            draft.first_seen = min(draft.first_seen, start)
            latest = max(latest, start)
        people[draft.key] = draft
    as_of = option_date(options, "as-of") or latest
    assign_ids(people.values())
    drop_shared_aliases(list(people.values()))
    offices = []
    used: set[str] = set()
    for oid in sorted(specs):
        merged = merge_consecutive(stints[oid], slack_days=SLACK_DAYS)
        holders = []
        for s in merged:
            person_key, party = s.person.split("\t")
            used.add(person_key)
            end = None if s.end is not None and s.end > as_of else s.end
            # the notes of the terms this tenure covers
            held = [n for n in dict.fromkeys(t.note for t in stints[oid] if t.person == s.person and s.start <= t.start
                                             and (s.end is None or t.start < s.end)) if n]
            holders.append({**Stint(people[person_key].id, s.start, end, " / ".join(held) or None).holder(), "party": party})
        spec = dict(specs[oid])
        seats = max_concurrent([Stint(h["person"], h["from"], h.get("to")) for h in holders])
        spec["seats"] = max(seats, 2) if spec["role"] == "senator" else seats
        if spec["seats"] == 1:
            del spec["seats"]
        spec["source"] = SOURCE
        spec["holders"] = holders
        offices.append(spec)
    # Who held these offices is known only on the file's day (former members
    # are not in it); what each listed member held is known for all time.
    meta = {"as_of": as_of, "complete_from": as_of, "complete_per_person": True, "source": SOURCE, "license": LICENSE,
            "note": "Members serving when the file was made, with every term they served; former members are "
                    "not in it, so these offices' records are incomplete before as_of."}
    doc = kb_doc(meta, people=[people[k].entry() for k in sorted(used)], offices=offices)
    doc = {"meta": doc["meta"], "roles": [dict(r) for r in ROLES], **{k: v for k, v in doc.items() if k != "meta"}}
    return {
        options.get("file", "us-congress.yaml"): doc,
        "jurisdictions.yaml": kb_doc({"as_of": as_of, "source": "factlint importers", "license": "CC0-1.0"},
                                     jurisdictions=[jurisdiction_entry("us")]),
    }
