"""US State Department principal officers and chiefs of mission (POCOM).

Source: the Office of the Historian's "Principal Officers and Chiefs of
Mission" (``HistoryAtState/pocom``), flattened to one CSV row per tenure
with the columns ``kind, position, position_id, country, person_id, person,
appointed, start, end, end_note``. Public domain / CC0.

What becomes what:

- Secretary of State -> ``us-secretary-of-state`` (role ``foreign-minister``);
  Secretary ad interim -> ``us-secretary-of-state-ad-interim``; every other
  principal post -> ``us-<slug of its name>`` (role ``official``, Ambassadors
  at Large ``ambassador``). Names that would be generic on their own
  ("Counselor", "Legal Adviser") get the prefix "State Department". The
  rank "Career Ambassador" is not an office and is skipped.
- Chiefs of mission -> ``us-ambassador-<iso2>`` (role ``ambassador``,
  ``host`` the ISO 3166-1 alpha-2 code), missions to organisations ->
  ``us-ambassador-<org>`` (``un``, ``nato``, ``eu``...). Chargés d'affaires
  ad interim are not chiefs of mission in their own right and are skipped,
  as are territories without an ISO code (reported).
- A principal officer without a ``start`` takes office on ``appointed``; a
  chief of mission without a ``start`` never presented credentials as far
  as the source knows, and is skipped.

Stale tenures: the source leaves many tenures open that ended long ago
(chiefs of mission mostly stop around 2020-21). A tenure left open that
starts before ``stale-before`` (default 2021-01-01) never asserts a current
holder: it is closed where the next holder of the post starts, if that is
no later than the end of that year; otherwise at the year 2021 (tenures
from 2017 on: the data stops around then) or at its own start year (older
ones, the only year the source vouches for). Each closed tenure carries a
``note`` saying so.

Overlaps: a tenure that runs into its successor's by up to 92 days
(credentials presented before the predecessor left) is clipped to the
successor's start, with a note, where that leaves one holder at a time;
posts with real concurrency (the Taipei embassy and the Beijing liaison
office, 1973-79; Ambassadors at Large) keep their dates and get ``seats``.

Options: ``since=YYYY`` drops tenures that ended before that year;
``as-of=YYYY-MM-DD`` (default: the latest date in the data);
``stale-before=YYYY-MM-DD``; ``file=NAME`` (default ``us-state-department.yaml``).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
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
    clean_space,
    clip_handovers,
    date_end,
    date_start,
    drop_shared_aliases,
    initials,
    kb_doc,
    max_concurrent,
    merge_consecutive,
    option_date,
    option_year,
    slugify,
    unique,
)
from factlint.importers.countries import JURISDICTIONS, jurisdiction_entry, pocom_iso

FORMAT = "pocom"
OPTIONS = ("as-of", "since", "stale-before", "file")
SOURCE = ("Office of the Historian, US Department of State: Principal Officers and Chiefs of Mission "
          "(HistoryAtState/pocom)")
LICENSE = "Public domain (US government work); CC0-1.0"
COLUMNS = ("kind", "position", "position_id", "country", "person_id", "person", "appointed", "start", "end", "end_note")
CLIP_DAYS = 92

SECRETARY = {"id": "us-secretary-of-state", "role": "foreign-minister", "jurisdiction": "us",
             "title": "Secretary of State", "aliases": ["US Secretary of State", "top US diplomat"]}
SPECIAL_POSTS: dict[str, dict[str, Any]] = {
    "secretary": SECRETARY,
    "secretary-ad-interim": {"id": "us-secretary-of-state-ad-interim", "role": "official", "jurisdiction": "us",
                             "title": "Secretary of State ad interim"},
    "administrator-aid": {"id": "us-administrator-aid", "role": "official", "jurisdiction": "us",
                          "title": "Administrator of the Agency for International Development",
                          "aliases": ["USAID Administrator"]},
    "us-trade-representative": {"id": "us-trade-representative", "role": "official", "jurisdiction": "us",
                                "title": "U.S. Trade Representative", "aliases": ["US Trade Representative"]},
}
SKIP_POSTS = {"career-ambassador": "a personal rank, not an office"}
AMBASSADOR_POSTS = {"ambassador-at-large"}
# Words that make a post name specific enough to stand alone as a title.
_SPECIFIC = re.compile(r"\bof State\b|\bU\.S\.|\bForeign Service\b|\bForeign Assistance\b|\bAgency\b|Administration\b")

ORGS: dict[str, tuple[str, str, list[str]]] = {
    "representative-to-un": ("un", "US Ambassador to the United Nations",
                             ["US Permanent Representative to the United Nations", "US Ambassador to the UN"]),
    "representative-to-nato": ("nato", "US Ambassador to NATO", ["US Permanent Representative to NATO"]),
    "representative-to-eu": ("eu", "US Ambassador to the European Union", ["US Ambassador to the EU"]),
    "representative-to-osce": ("osce", "US Ambassador to the OSCE", []),
    "representative-to-oas": ("oas", "US Ambassador to the Organization of American States",
                              ["US Ambassador to the OAS"]),
    "representative-to-oecd": ("oecd", "US Ambassador to the OECD", []),
    "representative-to-au": ("african-union", "US Ambassador to the African Union", []),
    "representative-to-asean": ("asean", "US Ambassador to ASEAN", []),
    "representative-to-iaea": ("iaea", "US Ambassador to the IAEA", []),
    "representative-to-unesco": ("unesco", "US Ambassador to UNESCO", []),
    "representative-to-icao": ("icao", "US Representative to the ICAO Council", []),
}
NOT_CHIEFS = re.compile(r"ad interim|pro tempore|\bActing\b", re.I)
# Countries written with "the" in a title.
THE = {"bs", "gm", "nl", "ph", "cf", "do", "cz", "cd", "cg", "va", "gb", "ae", "mh", "sb", "mv", "km", "sc"}

# POCOM person id -> (our id or "", canonical name, extra aliases): names journalists use.
PEOPLE: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "pompeo-michael-r": ("mike-pompeo", "Mike Pompeo", ("Michael Pompeo",)),
    "blinken-antony-j": ("", "Antony Blinken", ("Tony Blinken",)),
    "rusk-david-dean": ("", "Dean Rusk", ()),
    "adams-john-quincy": ("john-quincy-adams", "John Quincy Adams", ()),
    "adams-john": ("john-adams", "John Adams", ()),
    "bush-george-herbert-walker": ("george-h-w-bush", "George H. W. Bush",
                                   ("George H.W. Bush", "George Bush", "George Herbert Walker Bush")),
    "burns-william-joseph": ("", "William Burns", ("Bill Burns", "William J. Burns")),
    "haig-alexander-meigs": ("", "Alexander Haig", ("Al Haig",)),
    "johnson-robert-wood": ("", "Woody Johnson", ("Robert Wood Johnson IV", "Robert Wood Johnson")),
    "hagerty-william-f": ("", "Bill Hagerty", ("William Hagerty", "William F. Hagerty")),
    "stevens-john-christopher": ("", "Chris Stevens", ("J. Christopher Stevens", "John Christopher Stevens")),
}
_SUFFIX_RE = re.compile(r",?\s+(Jr\.|Sr\.|II|III|IV|V)$")
_INITIAL_RE = re.compile(r"^[A-Z]\.$")


@dataclass
class _Row:
    line: int
    data: dict[str, str]


def _read(path: Path) -> list[_Row]:
    try:
        fh = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    rows: list[_Row] = []
    with fh:
        try:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeBaseError(f"not a POCOM tenure CSV: missing column(s) {', '.join(missing)}",
                                         str(path), 1)
            line = reader.line_num + 1
            for rec in reader:
                rows.append(_Row(line, {k: (v or "").strip() for k, v in rec.items() if k is not None}))
                line = reader.line_num + 1
        except UnicodeDecodeError as exc:
            raise KnowledgeBaseError(f"not UTF-8: {exc.reason}", str(path)) from None
        except csv.Error as exc:
            raise KnowledgeBaseError(f"bad CSV: {exc}", str(path), reader.line_num) from None
    return rows


def person_names(full: str, pid: str) -> tuple[str, list[str], str | None]:
    """Canonical "Forename Surname", aliases, and the family name if it is several words.

    The surname is found by the POCOM person id, which starts with it
    (``van-buren-martin``). Parentheses hold either the real given names
    ("Strobe (Nelson Strobridge) Talbott") or a nickname used instead
    ("William Blaine (Bill) Richardson").
    """
    full = clean_space(full.replace("\u2019", "'"))
    nickname = None
    m = re.search(r"\s*\(([^)]*)\)", full)
    if m:
        inner = m.group(1).strip()
        before = full[: m.start()].split()
        expands = len(inner.split()) > 1 or (before and _INITIAL_RE.match(before[-1]) and inner[:1] == before[-1][0])
        if not expands and inner:
            nickname = inner
        full = clean_space(full[: m.start()] + " " + full[m.end():])
    suffix = None
    sm = _SUFFIX_RE.search(full)
    if sm:
        suffix = sm.group(1)
        full = full[: sm.start()]
    words = full.split()
    key = re.sub(r"\d+$", "", pid) + "-"
    k = 1
    for n in range(1, len(words)):
        if key.startswith(slugify(" ".join(words[-n:])) + "-"):
            k = n
            break
    surname, given = words[-k:], words[:-k]
    if not given:
        return full, [], None
    lead = []
    for w in given:
        lead.append(w)
        if not _INITIAL_RE.match(w):
            break
    fore = nickname or " ".join(lead)
    name = f"{fore} {' '.join(surname)}"
    middle = given[len(lead):]
    aliases = [" ".join(words)]
    if middle:
        aliases.append(f"{' '.join(lead)} {initials(' '.join(middle))} {' '.join(surname)}")
    if nickname:
        aliases.append(f"{' '.join(lead)} {' '.join(surname)}")
    if suffix:
        aliases += [f"{a} {suffix}" for a in list(aliases) + [name]]
    family = " ".join(surname) if len(surname) > 1 else None
    return name, unique(aliases, drop=[name]), family


@dataclass
class _Office:
    spec: dict[str, Any]
    stints: list[Stint]


def _office_for(row: dict[str, str], skipped: dict[str, int]) -> dict[str, Any] | None:
    kind, pos_id = row["kind"], row["position_id"]
    position = clean_space(row["position"])
    if kind == "principal-officer":
        if pos_id in SKIP_POSTS:
            skipped[f"{position}: {SKIP_POSTS[pos_id]}"] = skipped.get(f"{position}: {SKIP_POSTS[pos_id]}", 0) + 1
            return None
        if pos_id in SPECIAL_POSTS:
            return SPECIAL_POSTS[pos_id]
        title = position if _SPECIFIC.search(position) else f"State Department {position}"
        role = "ambassador" if pos_id in AMBASSADOR_POSTS else "official"
        return {"id": "us-" + slugify(re.sub(r"^U\.S\. ", "", title)), "role": role, "jurisdiction": "us",
                "title": title}
    if NOT_CHIEFS.search(position):
        return None
    if kind == "chief-of-mission-org":
        org = ORGS.get(row["country"])
        if org is None:
            skipped[f"mission {row['country']}: no jurisdiction id for this organisation"] = \
                skipped.get(f"mission {row['country']}: no jurisdiction id for this organisation", 0) + 1
            return None
        host, title, aliases = org
        return {"id": f"us-ambassador-{host}", "role": "ambassador", "jurisdiction": "us", "host": host,
                "title": title, "aliases": list(aliases)}
    if kind == "chief-of-mission":
        iso = pocom_iso(row["country"])
        if iso is None:
            why = f"territory {row['country']}: no ISO 3166-1 code"
            skipped[why] = skipped.get(why, 0) + 1
            return None
        country = JURISDICTIONS[iso]["name"]
        the = "the " if iso in THE else ""
        return {"id": f"us-ambassador-{iso}", "role": "ambassador", "jurisdiction": "us", "host": iso,
                "title": f"US Ambassador to {the}{country}"}
    raise ValueError(f"unknown kind {shown(kind)} (expected principal-officer, chief-of-mission or chief-of-mission-org)")


def _close_stale(stints: list[Stint], stale_before: str) -> None:
    """Close open tenures that start before *stale_before* (see the module docstring)."""
    stints.sort(key=lambda s: (date_start(s.start), s.person))
    for i, s in enumerate(stints):
        if s.end is not None or date_start(s.start) >= date_start(stale_before):
            continue
        later = (t for t in stints[i + 1:] if t.person != s.person and date_start(t.start) > date_start(s.start))
        nxt = next(later, None)
        if nxt is not None and date_start(nxt.start).year <= int(stale_before[:4]):
            s.end = nxt.start
            s.note = "open-ended in POCOM; closed where the next holder's tenure starts"
        elif date_start(s.start).year >= int(stale_before[:4]) - 4:
            s.end = stale_before[:4]
            s.note = (f"open-ended in POCOM, whose data for this post stops around {stale_before[:4]}; "
                      f"closed at {stale_before[:4]} so that it asserts no current holder")
        else:
            s.end = s.start[:4]
            s.note = "open-ended in POCOM with no later holder; closed at the only year the source vouches for"


def import_pocom(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    since = option_year(options, "since")
    stale_before = option_date(options, "stale-before") or "2021-01-01"
    offices: dict[str, _Office] = {}
    people: dict[str, PersonDraft] = {}
    skipped: dict[str, int] = {}
    latest = "0000"
    for src in sources:
        for row in _read(src):
            d = row.data
            try:
                spec = _office_for(d, skipped)
            except ValueError as exc:
                raise KnowledgeBaseError(str(exc), str(src), row.line) from None
            if spec is None:
                continue
            if not d["person_id"] or not d["person"]:
                raise KnowledgeBaseError("row has no person_id/person", str(src), row.line)
            start = d["start"] or (d["appointed"] if d["kind"] == "principal-officer" else "")
            if not start:
                skipped["no start date (never took up the post, as far as the source knows)"] = \
                    skipped.get("no start date (never took up the post, as far as the source knows)", 0) + 1
                continue
            try:
                check_date(start)
                end = check_date(d["end"]) if d["end"] else None
            except ValueError as exc:
                raise KnowledgeBaseError(f"bad date: {exc}", str(src), row.line) from None
            if end is not None and date_end(end) < date_start(start):
                # one slip in thousands of rows should not block the import: say where it is
                warn(f"{src}:{row.line}: skipped {d['person']} ({d['position_id'] or d['country']}): "
                     f"end {end} is before start {start}")
                continue
            latest = max(latest, start, end or "")
            office = offices.setdefault(spec["id"], _Office(spec, []))
            office.stints.append(Stint(d["person_id"], start, end))
            if d["person_id"] not in people:
                ident, name, extra = PEOPLE.get(d["person_id"], ("", "", ()))
                canon, aliases, family = person_names(d["person"], d["person_id"])
                draft = PersonDraft(d["person_id"], name or canon, [*aliases, *extra])
                draft.id = ident
                draft.family = family
                people[d["person_id"]] = draft
            p = people[d["person_id"]]
            p.first_seen = min(p.first_seen, start)
    for why, n in sorted(skipped.items()):
        warn(f"pocom: skipped {n} row(s): {why}")
    as_of = option_date(options, "as-of") or latest
    drafts, offices_out = _holders(offices, people, since, stale_before)
    hosts = sorted({o["host"] for o in offices_out if o.get("host")} | {"us"})
    meta = {"as_of": as_of, "source": SOURCE, "license": LICENSE}
    return {
        options.get("file", "us-state-department.yaml"):
            kb_doc(meta, people=[p.entry() for p in drafts], offices=offices_out),
        "jurisdictions.yaml": kb_doc({"as_of": as_of, "source": "factlint importers", "license": "CC0-1.0"},
                                     jurisdictions=[jurisdiction_entry(h) for h in hosts]),
    }


def _holders(offices: dict[str, _Office], people: dict[str, PersonDraft], since: int | None,
             stale_before: str) -> tuple[list[PersonDraft], list[dict]]:
    """Each office's stints merged, closed when stale and clipped at handovers;
    the people who hold them, with KB ids assigned."""
    out_offices = []
    used: set[str] = set()
    for oid in sorted(offices):
        office = offices[oid]
        stints = merge_consecutive(office.stints, slack_days=1)
        _close_stale(stints, stale_before)
        stints = clip_handovers(stints, max_days=CLIP_DAYS, source="POCOM")
        if since is not None:
            stints = [s for s in stints if s.end is None or date_end(s.end) >= dt.date(since, 1, 1)]
        if not stints:
            continue
        spec = dict(office.spec)
        seats = max_concurrent(stints)
        if seats > 1:
            spec["seats"] = seats
        used.update(s.person for s in stints)
        out_offices.append((spec, stints))
    drafts = [people[k] for k in sorted(used)]
    assign_ids(drafts)
    drop_shared_aliases(drafts)
    ids = {k: people[k].id for k in used}
    offices_out = []
    for spec, stints in out_offices:
        holders = [Stint(ids[s.person], s.start, s.end, s.note).holder() for s in stints]
        offices_out.append({**spec, "holders": holders})
    return drafts, offices_out
