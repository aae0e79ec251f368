"""UK government ministers since 1979 from the IfG Ministers Database.

Source: Institute for Government, IfG Ministers Database
(``instituteforgov/ifg-ministers-database-public``), CC BY 4.0: the files
``appointment.csv``, ``person.csv``, ``post.csv`` and ``organisation.csv``
(give their directory, or the files).

- Each post name is one office, ``gb-<slug of the post name>``, whatever
  department it sat in; the generic junior posts ("Minister of State",
  "Parliamentary Under-Secretary of State", ...) are one office per
  department (``gb-minister-of-state-fco``). The great offices get fixed
  ids and roles: ``gb-prime-minister``, ``gb-foreign-secretary`` (the FCO
  and FCDO posts together), ``gb-home-secretary``, ``gb-defence-secretary``,
  ``gb-chancellor-of-the-exchequer``; the rest have role ``minister``.
- Titles are the formal post names. A name that would denote offices in
  other countries on its own ("Attorney General", "Minister for Europe") is
  written "UK <name>"; the journalists' short forms are aliases, bare only
  where no other country's office goes by them ("Foreign Secretary", "Home
  Secretary", "Northern Ireland Secretary"), else as "UK/British X"
  ("UK Health Secretary": the US has a Health Secretary too).
- A person with several names (peerages: "Peter Mandelson" -> "Lord
  Mandelson") is one person: the personal name is canonical, the others
  (and "Lord X" for "Lord X of Y", unless it is ambiguous) are aliases.
- ``seats`` is the most holders the data gives one post at a time, after
  clipping hand-overs dated up to 14 days into the successor's tenure where
  that leaves a post single-seat (with a ``note`` on each clipped tenure).

Options: ``ranks`` (default ``PM,DPM,SoS,MoS,PUSS``; add ``Parl.`` for
whips and House leaders), ``since=YYYY``, ``as-of``, ``file`` (default
``gb-ministers.yaml``).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factlint.errors import ConfigError, KnowledgeBaseError, shown
from factlint.importers.common import (
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_date,
    check_options,
    clean_space,
    clip_handovers,
    date_end,
    drop_shared_aliases,
    kb_doc,
    max_concurrent,
    merge_consecutive,
    option_date,
    option_year,
    slugify,
    unique,
)
from factlint.importers.countries import jurisdiction_entry

FORMAT = "ifg"
OPTIONS = ("ranks", "since", "as-of", "file")
SOURCE = "Institute for Government, IfG Ministers Database (github.com/instituteforgov/ifg-ministers-database-public)"
LICENSE = "CC BY 4.0; attribution: Institute for Government, IfG Ministers Database"
FILES: dict[str, tuple[str, ...]] = {
    "appointment": ("id", "person_id", "post_id", "start_date", "end_date"),
    "person": ("id", "name", "start_date", "end_date"),
    "post": ("id", "organisation_id", "name", "display_name", "rank_equivalence"),
    "organisation": ("id", "name", "short_name"),
}
CLIP_DAYS = 14  # reshuffle hand-overs dated a few days apart
DEFAULT_RANKS = "PM,DPM,SoS,MoS,PUSS"
TITLED = re.compile(r"^(Lord|Baroness|Lady|Viscount|Viscountess|Earl|Countess|Duke|Marquess|Baron)\b")
GENERIC_JUNIOR = {"Minister of State", "Parliamentary Under-Secretary of State", "Parliamentary Secretary",
                  "Senior Minister of State", "Minister without Portfolio"}
# Post names that are only ever British, so they may stand alone as a title.
UK_ONLY = re.compile(r"Secretary of State|Exchequer|Duchy of Lancaster|Privy Seal|Lord President|Lord Chancellor"
                     r"|Cabinet Office|Treasury|Paymaster General|Northern Ireland|Scotland|Wales|Scottish|Welsh"
                     r"|HM |Whip|House of Commons|House of Lords|Lords|Northern Powerhouse|Levelling Up|London"
                     r"|Exiting the European Union|Solicitor General|Advocate General|Lord Advocate|Captain of"
                     r"|in Waiting")


def _uk(*forms: str) -> list[str]:
    return [f"{p} {f}" for f in forms for p in ("UK", "British")]


FOREIGN = {"id": "gb-foreign-secretary", "role": "foreign-minister",
           "title": "Secretary of State for Foreign, Commonwealth and Development Affairs",
           "aliases": ["Foreign Secretary", "Secretary of State for Foreign and Commonwealth Affairs",
                       *_uk("Foreign Secretary")]}
# formal post name -> fixed office fields (id, role, title, aliases)
GREAT_OFFICES: dict[str, dict[str, Any]] = {
    "Prime Minister": {"id": "gb-prime-minister", "role": "prime-minister",
                       "title": "Prime Minister of the United Kingdom", "aliases": _uk("Prime Minister")},
    "Secretary of State for Foreign and Commonwealth Affairs": FOREIGN,
    "Secretary of State for Foreign, Commonwealth and Development Affairs": FOREIGN,
    "Secretary of State for the Home Department": {"id": "gb-home-secretary", "role": "interior-minister",
                                                   "aliases": ["Home Secretary", *_uk("Home Secretary")]},
    "Secretary of State for Defence": {"id": "gb-defence-secretary", "role": "defense-minister",
                                       "aliases": ["Defence Secretary", *_uk("Defence Secretary")]},
    "Chancellor of the Exchequer": {"id": "gb-chancellor-of-the-exchequer", "role": "finance-minister",
                                    "aliases": _uk("Chancellor")},
    "Deputy Prime Minister": {"id": "gb-deputy-prime-minister", "role": "minister",
                              "title": "Deputy Prime Minister of the United Kingdom",
                              "aliases": _uk("Deputy Prime Minister")},
}
# formal post name -> journalists' forms
ALIASES: dict[str, list[str]] = {
    "Secretary of State for Health": _uk("Health Secretary"),
    "Secretary of State for Health and Social Care": _uk("Health Secretary"),
    "Secretary of State for Education": _uk("Education Secretary"),
    "Secretary of State for Education and Skills": _uk("Education Secretary"),
    "Secretary of State for Education and Employment": _uk("Education Secretary"),
    "Secretary of State for Education and Science": _uk("Education Secretary"),
    "Secretary of State for Transport": _uk("Transport Secretary"),
    "Secretary of State for Work and Pensions": ["Work and Pensions Secretary"],
    "Secretary of State for Justice and Lord Chancellor": [*_uk("Justice Secretary"), "Lord Chancellor"],
    "Secretary of State for Northern Ireland": ["Northern Ireland Secretary"],
    "Secretary of State for Scotland": ["Scottish Secretary", "Scotland Secretary"],
    "Secretary of State for Wales": ["Welsh Secretary", "Wales Secretary"],
    "Secretary of State for Business and Trade": _uk("Business Secretary", "Trade Secretary"),
    "Secretary of State for Business, Energy and Industrial Strategy": _uk("Business Secretary"),
    "Secretary of State for Business, Innovation and Skills": _uk("Business Secretary"),
    "Secretary of State for Environment, Food and Rural Affairs": _uk("Environment Secretary"),
    "Secretary of State for Culture, Media and Sport": _uk("Culture Secretary"),
    "Secretary of State for Digital, Culture, Media and Sport": _uk("Culture Secretary"),
    "Secretary of State for Energy Security and Net Zero": _uk("Energy Secretary"),
    "Secretary of State for Energy and Climate Change": _uk("Energy Secretary"),
    "Secretary of State for Levelling Up, Housing and Communities": ["Levelling Up Secretary"],
    "Secretary of State for Housing, Communities and Local Government":
        _uk("Housing Secretary", "Communities Secretary"),
    "Secretary of State for International Development": ["International Development Secretary"],
    "Secretary of State for International Trade": ["International Trade Secretary"],
    "Secretary of State for Exiting the European Union": ["Brexit Secretary"],
    "Secretary of State for Science, Innovation and Technology": _uk("Science Secretary", "Technology Secretary"),
}


def _files(sources: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for src in sources:
        candidates = sorted(src.glob("*.csv")) if src.is_dir() else [src]
        for path in candidates:
            if path.stem in FILES:
                found[path.stem] = path
    missing = [f"{name}.csv" for name in FILES if name not in found]
    if missing:
        raise ConfigError(f"ifg: missing {', '.join(missing)} (give the IfG data/ directory or its CSV files)")
    return found


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    with fh:
        reader = csv.DictReader(fh)
        try:
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeBaseError(f"missing column(s) {', '.join(missing)}", str(path), 1)
            line = reader.line_num + 1
            for rec in reader:
                yield line, {k: (v or "").strip() for k, v in rec.items() if k is not None}
                line = reader.line_num + 1
        except UnicodeDecodeError as exc:
            raise KnowledgeBaseError(f"not UTF-8: {exc.reason}", str(path)) from None
        except csv.Error as exc:
            raise KnowledgeBaseError(f"bad CSV: {exc}", str(path), reader.line_num) from None


def _person(rows: list[dict[str, str]], key: str) -> PersonDraft:
    """One person from their name rows; the current personal name is canonical."""
    def recency(r: dict[str, str]) -> tuple[bool, str]:
        return (r["end_date"] == "", r["start_date"])

    personal = sorted((r for r in rows if not TITLED.match(r["name"])), key=recency)
    ranked = personal or sorted(rows, key=recency)
    name = clean_space(ranked[-1]["name"])
    aliases = [clean_space(r["name"]) for r in rows]
    for a in list(aliases):
        m = re.match(r"^(.+?) of [A-Z].*$", a)
        if m and TITLED.match(a):
            aliases.append(m.group(1))  # "Lord Cameron of Chipping Norton" -> "Lord Cameron"
    return PersonDraft(key, name, unique(aliases, drop=[name]))


def _office_spec(post: dict[str, str], org: dict[str, str]) -> dict[str, Any]:
    name = clean_space(post["name"])
    if name in GREAT_OFFICES:
        spec = {"title": name, **GREAT_OFFICES[name]}
    elif name in GENERIC_JUNIOR:
        short = org.get("short_name") or org.get("name", "")
        spec = {"id": f"gb-{slugify(name)}-{slugify(short)}", "role": "minister",
                "title": clean_space(post["display_name"]) if post["display_name"] != name else f"{name}, {short}"}
    else:
        title = name if UK_ONLY.search(name) else f"UK {name}"
        spec = {"id": f"gb-{slugify(name)}", "role": "minister", "title": title}
        aliases = ALIASES.get(name, []) if title == name else [f"British {name}"]
        if aliases:
            spec["aliases"] = aliases
    return {"jurisdiction": "gb", **spec}


def import_ifg(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    ranks = {r.strip() for r in options.get("ranks", DEFAULT_RANKS).split(",") if r.strip()}
    since = option_year(options, "since")
    files = _files(sources)
    orgs = {r["id"]: r for _, r in _rows(files["organisation"], FILES["organisation"])}
    posts = {r["id"]: r for _, r in _rows(files["post"], FILES["post"])}
    name_rows: dict[str, list[dict[str, str]]] = {}
    for _, r in _rows(files["person"], FILES["person"]):
        name_rows.setdefault(r["id"], []).append(r)
    specs: dict[str, dict[str, Any]] = {}
    stints: dict[str, list[Stint]] = {}
    first_seen: dict[str, str] = {}
    latest = "0000"
    path = str(files["appointment"])
    for line, a in _rows(files["appointment"], FILES["appointment"]):
        post = posts.get(a["post_id"])
        if post is None:
            raise KnowledgeBaseError(f"unknown post_id {shown(a['post_id'])}", path, line)
        if a["person_id"] not in name_rows:
            raise KnowledgeBaseError(f"unknown person_id {shown(a['person_id'])}", path, line)
        if post["rank_equivalence"] not in ranks:
            continue
        try:
            start = check_date(a["start_date"])
            end = check_date(a["end_date"]) if a["end_date"] else None
        except ValueError as exc:
            raise KnowledgeBaseError(f"bad date: {exc}", path, line) from None
        if end is not None and end < start:
            warn(f"{path}:{line}: skipped appointment {a['id']}: end_date {end} is before start_date {start}")
            continue
        spec = _office_spec(post, orgs.get(post["organisation_id"], {}))
        oid = spec["id"]
        specs.setdefault(oid, spec)  # FCO and FCDO posts share one spec
        stints.setdefault(oid, []).append(Stint(a["person_id"], start, end))
        first_seen[a["person_id"]] = min(first_seen.get(a["person_id"], "9999"), start)
        latest = max(latest, start, end or "")
    as_of = option_date(options, "as-of") or latest
    offices: list[tuple[dict[str, Any], list[Stint]]] = []
    used: set[str] = set()
    for oid in sorted(specs):
        merged = clip_handovers(merge_consecutive(stints[oid], slack_days=1), max_days=CLIP_DAYS, source="IfG")
        if since is not None:
            merged = [s for s in merged if s.end is None or date_end(s.end) >= dt.date(since, 1, 1)]
        if not merged:
            continue
        spec = dict(specs[oid])
        seats = max_concurrent(merged)
        if seats > 1:
            spec["seats"] = seats
        offices.append((spec, merged))
        used.update(s.person for s in merged)
    drafts = []
    for key in sorted(used):
        d = _person(name_rows[key], key)
        d.first_seen = first_seen[key]
        drafts.append(d)
    assign_ids(drafts)
    _drop_ambiguous_peerages(drafts)
    drop_shared_aliases(drafts)
    ids = {d.key: d.id for d in drafts}
    out = [{**spec, "holders": [Stint(ids[s.person], s.start, s.end).holder() for s in merged]}
           for spec, merged in offices]
    meta = {"as_of": as_of, "source": SOURCE, "license": LICENSE}
    return {
        options.get("file", "gb-ministers.yaml"): kb_doc(meta, people=[d.entry() for d in drafts], offices=out),
        "jurisdictions.yaml": kb_doc({"as_of": as_of, "source": "factlint importers", "license": "CC0-1.0"},
                                     jurisdictions=[jurisdiction_entry("gb")]),
    }


def _drop_ambiguous_peerages(drafts: list[PersonDraft]) -> None:
    """"Lord Hunt" could be Lord Hunt of Wirral or of Kings Heath: keep it for neither."""
    owners: dict[str, set[str]] = {}
    for d in drafts:
        for form in [d.name, *d.aliases]:
            owners.setdefault(form.casefold(), set()).add(d.key)
    for d in drafts:
        d.aliases = [a for a in d.aliases if len(owners[a.casefold()]) == 1 or not TITLED.match(a)]
