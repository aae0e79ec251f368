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
  office (:data:`TITLES`): presidents, prime ministers (premiers, chairmen
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

import datetime as dt
import html
import json
import re
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

# kind -> (office id suffix, role, title pattern "{country}")
KINDS: dict[str, tuple[str, str, str]] = {
    "president": ("president", "president", "President of {country}"),
    "prime-minister": ("prime-minister", "prime-minister", "Prime Minister of {country}"),
    "chancellor": ("chancellor", "chancellor", "Chancellor of {country}"),
    "monarch": ("monarch", "monarch", "Monarch of {country}"),
    "supreme-leader": ("supreme-leader", "supreme-leader", "Supreme Leader of {country}"),
    "chief-adviser": ("chief-adviser", "official", "Chief Adviser of {country}"),
    "governor-general": ("governor-general", "head-of-state", "Governor-General of {country}"),
    "co-prince": ("co-prince", "head-of-state", "Co-Prince of {country}"),
    "captain-regent": ("captain-regent", "head-of-state", "Captain Regent of {country}"),
    "presidency-member": ("presidency-member", "head-of-state", "Member of the Presidency of {country}"),
    "head-of-state": ("head-of-state", "head-of-state", "Head of State of {country}"),
    "council-chairman": ("presidential-council-chairman", "head-of-state", "Chairman of the Presidential Council of {country}"),
    "sovereignty-council-chairman": ("sovereignty-council-chairman", "head-of-state",
                                     "Chairman of the Sovereignty Council of {country}"),
}
JOINT = frozenset(("co-prince", "captain-regent", "presidency-member"))  # several holders at once
# Title words (lower case, longest first) -> kind; None: not a head (deputies, heirs...).
TITLES: dict[str, str | None] = {
    "president of the swiss confederation": "president",
    "chairman of the presidency": "presidency-member",
    "member of the presidency": "presidency-member",
    "presidency member": "presidency-member",
    "chairman of the council of ministers": "prime-minister",
    "president of the council of ministers": "prime-minister",
    "president of the government": "prime-minister",
    "prime minister and foreign minister": "prime-minister",
    "supreme people's assembly president": None,
    "prime minister": "prime-minister",
    "premier": "prime-minister",
    "taoiseach": "prime-minister",
    "minister of state": "prime-minister",  # Monaco
    "head of government": "prime-minister",
    "federal chancellor": "chancellor",
    "chancellor": "chancellor",
    "supreme leader": "supreme-leader",
    "chief adviser": "chief-adviser",
    "chief advisor": "chief-adviser",
    "governor general": "governor-general",
    "governor-general": "governor-general",
    "co-prince": "co-prince",
    "captains regent": "captain-regent",
    "captain regent": "captain-regent",
    "co-chiefs of state captain regent": "captain-regent",
    "president": "president",
    "king": "monarch",
    "queen": "monarch",
    "emperor": "monarch",
    "amir": "monarch",
    "emir": "monarch",
    "sultan": "monarch",
    "grand duke": "monarch",
    "prince": "monarch",
    "pope": "monarch",
    "o le ao o le malo": "head-of-state",
    "state affairs commission president": "supreme-leader",  # North Korea: the KB's kp-supreme-leader
    "chairperson, presidential leadership council": "council-chairman",
    "chairman, presidential leadership council": "council-chairman",
    "presidential council chairman": "council-chairman",
    "chairman of the presidential council": "council-chairman",
    "sovereign council chair and commander-in-chief of the sudanese armed forces": "sovereignty-council-chairman",
    "sovereign council chair": "sovereignty-council-chairman",
    "sovereignty council chairman": "sovereignty-council-chairman",
    "french co-prince": "co-prince",
    "french coprince": "co-prince",
    "episcopal co-prince": "co-prince",
    "coprince": "co-prince",
    "vice president": None,
    "first vice president": None,
    "second vice president": None,
    "co-vice president": None,
    "deputy prime minister": None,
    "deputy prime ministers": None,
    "first deputy prime minister": None,
    "heir apparent": None,
    "crown prince": None,
    "represented by": None,
}
TITLE_WORDS = frozenset(("president", "prime", "minister", "chairman", "chairperson", "chair", "council",
                         "commission", "elect", "premier", "presidential", "vice", "governor", "leader"))
QUALIFIERS = re.compile(r"^(?:interim|acting|caretaker|transition(?:al)?|provisional)\s+", re.I)
HONORIFICS = re.compile(
    r"^(?:Sheikh|Shaykh|Sir|Dame|Dr\.|Gen\.|General|Lt\.\s*Gen\.|Maj\.\s*Gen\.|Brig\.\s*Gen\.(?:\s*\(Ret\.\))?|"
    r"Col\.|Colonel|Capt\.|Captain|Lt\.|Archbishop|Bishop|Tan Sri|Dato'?|Datuk|Seri|Mr\.|Mrs\.|Ms\.|Rev\.|"
    r"Air Vice-Marshal|Field Marshal|Marshal|Admiral|Adm\.|Sr\.\s*Gen\.|Grand Chief|Ratu|Crown Prince|"
    r"and (?:Co-)?Vice President|Vice President)\s+")
PARTICLES = frozenset(("bin", "bint", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "van", "von",
                       "der", "den", "du", "y", "e", "i", "la", "le", "ben"))
GENERATIONS = re.compile(r"^(?:Jr|Sr)\.?$|^(?:I{1,3}|IV|V|VI{1,3}|IX|X{1,3}|XI{1,3}|XIV|XV|XVI)$")
MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"), 1)}
SINCE = re.compile(r"\((?:[^()]*?\b)?since ([^);]*)(?:\)|$|;)|\((\d{1,2} [A-Z][a-z]+ \d{4})\)", re.I)


def clean_text(text: str) -> str:
    """HTML entities decoded, markup and non-breaking spaces gone, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(html.unescape(text)).replace("\xa0", " ")
    return " ".join(text.split())


def parse_since(text: str) -> str | None:
    """``"14 May 2017"`` -> ``2017-05-14``; ``"May 2017"`` -> ``2017-05``; ``"2017"``; else None."""
    m = re.search(r"(?:\b(\d{1,2})\s+)?\b([A-Za-z]+\.?\s+)?(\d{4})\b", text)
    if not m:
        return None
    d, month, year = m.group(1), m.group(2), m.group(3)
    if month is None:
        return None if d else year
    mon = MONTHS.get(month.strip().rstrip(".").lower())
    if mon is None:
        return None
    if d is None:
        return f"{year}-{mon:02d}"
    try:
        return dt.date(int(year), mon, int(d)).isoformat()
    except ValueError:
        return None


def _is_caps(word: str, *, first: bool = False) -> bool:
    """A family name in capitals ("MACRON", "al-ASAD", "SASSOU-Nguesso"), not a regnal number
    (a first word such as "XI" in "XI Jinping" is a name)."""
    if not first and GENERATIONS.match(word):
        return False
    for part in word.split("-"):
        letters = [c for c in part if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return True
    return False


def _title_word(word: str, first: bool = False) -> str:
    """``MACRON`` -> ``Macron``; ``SASSOU-Nguesso`` -> ``Sassou-Nguesso``; ``al-BASHIR`` -> ``al-Bashir``."""
    if GENERATIONS.match(word) and not first:
        return word  # "III", "Jr."

    def part(p: str) -> str:
        if not _is_caps(p, first=True):
            return p
        low = p.lower()
        if low in PARTICLES:
            return low
        if low.startswith("mc") and len(low) > 2:
            return "Mc" + low[2:].capitalize()
        return "'".join(s[:1].upper() + s[1:] for s in low.split("'"))
    return "-".join(part(p) for p in word.split("-"))


@dataclass
class Name:
    name: str
    family: str | None
    aliases: list[str]


def parse_name(text: str) -> Name | None:
    """One holder's name from the Factbook's form, or None if it has no family name in capitals.

    >>> parse_name("Emmanuel MACRON").name
    'Emmanuel Macron'
    >>> parse_name("Joseph R. BIDEN, Jr.").name
    'Joseph R. Biden Jr.'
    """
    text = text.strip(" ,.") if not text.rstrip().endswith(("Jr.", "Sr.")) else text.strip(" ,")
    aliases = [m.strip() for m in re.findall(r"\"([^\"]+)\"", text)]
    text = re.sub(r"\"[^\"]+\"", " ", text)
    text = re.sub(r"\([^)]*\)", " ", text)  # party, ethnicity: "(PL)", "(Croat)"
    text = text.replace(",", " ")
    while True:
        stripped = HONORIFICS.sub("", text.strip())
        if stripped == text.strip():
            break
        text = stripped
    words = text.split()
    if any(w.strip(",.").lstrip("-").lower() in TITLE_WORDS for w in words):
        return None  # a title word left in: "State Affairs Commission Chairman KIM", "-Elect X"
    for w in words:
        if w[:1].islower() and w.lower() not in PARTICLES and not re.match(r"^(?:al|el|ad|as|ash|ar|at|an|az|bin)-", w):
            return None  # a sentence, not a name: "BARNIER is the caretaker prime minister..."
    caps = [_is_caps(w, first=i == 0) for i, w in enumerate(words)]
    if not words or not any(caps):
        return None
    out = [_title_word(w, i == 0) for i, w in enumerate(words)]
    # Particles the text writes in capitals inside a name: "MUHAMMAD BIN RASHID" -> "bin"
    out = [o.lower() if i and o.lower() in ("bin", "bint", "ibn") else o for i, o in enumerate(out)]
    family_words = [o for c, o in zip(caps, out) if c]
    name = " ".join(out)
    family = " ".join(family_words)
    trimmed = [o for o in out if not GENERATIONS.match(o)]
    if not family or (trimmed and trimmed[-1] == family):
        fam: str | None = None
    elif all(GENERATIONS.match(o) or o in family_words for o in out):
        fam = None  # a regnal name: "Charles III"
    else:
        fam = family if family in name else None  # capitals in two places: no family name
    return Name(name, fam, unique(aliases, drop=[name]))


@dataclass
class Holder:
    kind: str
    title: str
    name: Name
    since: str


def _match_title(head: str) -> tuple[str | None, str, str]:
    """(kind or None, title text, rest) for the start of *head*; kind "" if no known title."""
    body = QUALIFIERS.sub("", head.strip())
    low = body.lower()
    for words in sorted(TITLES, key=len, reverse=True):
        n = len(words)
        if low.startswith(words) and low[n:n + 1] == "s":
            n += 1  # "Vice Presidents", "Presidents"
        if low.startswith(words) and (len(low) == n or not low[n].isalpha()):
            rest = body[n:].lstrip(" ,:")
            if re.match(r"^-?elect\b", rest, re.I):
                return None, body[:n], rest  # "President-elect": not in office yet
            return TITLES[words], body[:n], rest
    acronym = re.match(r"^[A-Z]{2,6}\s+", body)  # "CNSP Prime Minister", "GNU Interim Prime Minister"
    if acronym:
        kind, title, rest = _match_title(body[acronym.end():])
        if kind != "":
            return kind, title, rest
    return "", "", body


def parse_text(text: str) -> tuple[list[Holder], list[str]]:
    """The heads a field's text names, and what in it could not be read."""
    text = clean_text(text)
    text = re.split(r"\bnote\s*[-:\u2013]|\bNotification Statement\b", text, maxsplit=1, flags=re.I)[0]
    holders: list[Holder] = []
    problems: list[str] = []
    for i, raw in enumerate(re.split(r";", text)):
        seg = re.sub(r"^and\s+", "", raw.strip(" ,."))
        if not seg:
            continue
        rep = re.match(r"^represented by\s+", seg, re.I)
        if rep:
            seg = seg[rep.end():]
        since = SINCE.search(seg)
        kind, title, rest = _match_title(seg[:since.start()] if since else seg)
        if kind is None or (rep and kind != "governor-general"):
            continue  # deputies, heirs, representatives
        if since is None:
            if kind:
                problems.append(f"no 'since' date in {seg!r}")
            continue
        if not kind and i > 0:
            continue  # an untitled later segment: deputies, council members
        when = since.group(1) or since.group(2)
        day = parse_since(when)
        if day is None:
            problems.append(f"unreadable date {when!r} in {seg!r}")
            continue
        rest = re.sub(r"\([^)]*\)", " ", rest)  # "(also spelled ...)", "(PL)"
        rest = re.sub(r",?\s*also (?:spelled|known as)\b.*$", "", rest)
        names = [n for n in re.split(r",\s+(?!(?:Jr|Sr)\.?\b)|\s+and\s+", rest) if n.strip()]
        for n in names:
            k2, t2, r2 = _match_title(n)  # "Captain Regent X and Captain Regent Y"
            if k2:
                n = r2
            parsed = parse_name(n)
            if parsed is None:
                if kind or holders == []:
                    problems.append(f"no name in capitals in {n.strip()!r}")
                continue
            holders.append(Holder(kind, title, parsed, day))
    return holders, problems


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
