'''Positions held (P39) from Wikidata SPARQL results.

Run this query at https://query.wikidata.org/ (or with any SPARQL client),
listing the positions you want in ``VALUES``, and save the result as JSON
(``application/sparql-results+json``)::

    SELECT ?person ?personLabel ?personAltLabel ?position ?positionLabel
           ?start ?startPrecision ?end ?endPrecision ?countryCode
    WHERE {
      VALUES ?position { wd:Q11696 wd:Q11699 }     # President, Vice President of the US
      ?person p:P39 ?held .
      ?held ps:P39 ?position .
      FILTER NOT EXISTS { ?held wikibase:rank wikibase:DeprecatedRank }
      OPTIONAL { ?held pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] }
      OPTIONAL { ?held pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] }
      OPTIONAL { ?position wdt:P1001 ?country . ?country wdt:P297 ?countryCode }
      SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
    }
    ORDER BY ?position ?start

Then ``factlint kb import wikidata result.json -o DIR --option role=president``.

- Dates keep their precision: 11 -> ``YYYY-MM-DD``, 10 -> ``YYYY-MM``,
  9 -> ``YYYY``. A statement with no start, or with a date coarser than a
  year (decade, century), cannot be written as a KB tenure and is skipped
  with a warning (an end dropped instead would assert a current holder).
- Office: ``office`` option, else ``<jurisdiction>-<slug of the position
  label>``; jurisdiction: ``jurisdiction`` option, else the lower-cased
  ISO code in ``?countryCode`` (P1001 "applies to jurisdiction" -> P297).
  Role: ``role`` option (default ``official``); the position label is the title.
- People: the slug of the English label, wikidata id kept; ``?personAltLabel``
  (comma-separated) gives aliases. A namesake of someone seen earlier
  gets its Q-id as suffix (``john-smith-q123``).
- Several statements of one person for one office that touch are merged.

The output references jurisdiction and role ids only; they must exist in
the KB it is loaded with (the default KB has the countries and roles).
'''
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint.errors import ConfigError, KnowledgeBaseError, shown
from factlint.importers.common import (
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_options,
    drop_shared_aliases,
    kb_doc,
    office_entries,
    option_date,
    slugify,
    unique,
)

FORMAT = "wikidata"
OPTIONS = ("role", "jurisdiction", "office", "as-of", "file")
SOURCE = "Wikidata (P39 position held)"
LICENSE = "CC0-1.0 (Wikidata)"
ENTITY = "http://www.wikidata.org/entity/"
PRECISION = {11: 10, 10: 7, 9: 4}  # Wikidata time precision -> characters of YYYY-MM-DD kept


def _value(binding: dict[str, Any], var: str) -> str | None:
    cell = binding.get(var)
    if not isinstance(cell, dict) or "value" not in cell:
        return None
    value = str(cell["value"]).strip()
    return value or None


def _qid(uri: str) -> str:
    return uri[len(ENTITY):] if uri.startswith(ENTITY) else uri


def wikidata_date(value: str, precision: str | None) -> str | None:
    """``"+2021-01-20T00:00:00Z"`` at precision 11 -> ``"2021-01-20"``; None if too coarse."""
    text = value.lstrip("+")
    if text.startswith("-"):
        return None  # BCE
    try:
        keep = PRECISION.get(int(precision) if precision is not None else 11)
    except ValueError:
        return None
    if keep is None or len(text) < 10 or text[4] != "-":
        return None
    return text[:keep]


def bindings_of(data: Any) -> list[Any]:
    """The ``results.bindings`` of SPARQL results JSON; ValueError if it has none."""
    bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) else None
    if not isinstance(bindings, list) or not isinstance(data.get("head", {}), dict):
        raise ValueError("not SPARQL results JSON: no results.bindings list")
    return bindings


@dataclass(frozen=True, slots=True)
class Statement:
    """One P39 statement as a SPARQL result row gives it."""

    person: str                    # the person's Q-id
    label: str                     # English label (the Q-id when Wikidata has none)
    aliases: tuple[str, ...]       # ?personAltLabel, split
    position: str                  # the position's Q-id
    position_label: str | None
    start: str | None              # a KB date, None if missing or coarser than a year
    end: str | None
    end_unreadable: bool           # an end is given but cannot be a KB date
    country: str | None            # ?countryCode, lower case

    @property
    def usable(self) -> bool:
        """It can be written as a KB tenure."""
        return self.start is not None and not self.end_unreadable


def read_statement(b: Any) -> Statement:
    """One result row; ValueError if it is not an object with ?person and ?position."""
    if not isinstance(b, dict):
        raise ValueError("not an object")
    person_uri, position_uri = _value(b, "person"), _value(b, "position")
    if not person_uri or not position_uri:
        raise ValueError("no ?person or ?position (see the query in the docs)")
    qid = _qid(person_uri)
    raw_start, raw_end = _value(b, "start"), _value(b, "end")
    end = wikidata_date(raw_end, _value(b, "endPrecision")) if raw_end else None
    return Statement(
        qid, _value(b, "personLabel") or qid,
        tuple(a for a in (x.strip() for x in (_value(b, "personAltLabel") or "").split(",")) if a),
        _qid(position_uri), _value(b, "positionLabel"),
        wikidata_date(raw_start, _value(b, "startPrecision")) if raw_start else None,
        end, bool(raw_end) and end is None, (_value(b, "countryCode") or "").lower() or None)


def _load(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"not UTF-8: {exc.reason}", str(path)) from None
    except json.JSONDecodeError as exc:
        raise KnowledgeBaseError(f"invalid JSON: {exc.msg}", str(path), exc.lineno) from None
    try:
        return bindings_of(data)
    except ValueError as exc:
        raise KnowledgeBaseError(str(exc), str(path), 1) from None


def import_wikidata(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    role = options.get("role", "official")
    people: dict[str, PersonDraft] = {}
    offices: dict[str, dict[str, Any]] = {}
    stints: dict[str, list[Stint]] = {}
    latest = "0000"
    for src in sources:
        for i, b in enumerate(_load(src)):
            where = f"binding {i + 1}"
            try:
                st = read_statement(b)
            except ValueError as exc:
                raise KnowledgeBaseError(f"{where}: {exc}", str(src)) from None
            position = st.position_label or st.position
            code = options.get("jurisdiction") or st.country or ""
            if not code:
                raise ConfigError(f"{src}: {where}: no jurisdiction for {shown(position)}: "
                                  "give --option jurisdiction=ID or ?countryCode in the query")
            oid = options.get("office") or f"{code}-{slugify(position)}"
            if st.start is None or st.end_unreadable:
                warn(f"{src}: {where}: skipped {st.label} as {position}: no start, or a date coarser than a year")
                continue
            offices.setdefault(oid, {"id": oid, "role": role, "jurisdiction": code, "title": position,
                                     "wikidata": st.position})
            stints.setdefault(oid, []).append(Stint(st.person, st.start, st.end))
            latest = max(latest, st.start, st.end or "")
            draft = people.setdefault(st.person, PersonDraft(st.person, st.label, [], wikidata=st.person))
            draft.aliases = unique([*draft.aliases, *st.aliases], drop=[st.label])
            draft.first_seen = min(draft.first_seen, st.start)
    assign_ids(people.values(), suffix=lambda p, _n: p.key.lower())
    drop_shared_aliases(list(people.values()))
    out = office_entries(offices, stints, people)
    meta = {"as_of": option_date(options, "as-of") or latest, "source": SOURCE, "license": LICENSE}
    name = options.get("file") or f"{slugify(sources[0].stem) or 'wikidata'}.yaml"
    return {name: kb_doc(meta, people=[p.entry() for p in people.values()], offices=out)}
