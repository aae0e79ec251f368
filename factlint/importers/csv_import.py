"""Tenures from any CSV, given which column holds what.

Options (``--option key=value``); the values name *columns* unless said:

- ``person`` (required): the person's name as journalists write it;
  ``person-id``: a column with explicit person ids (default: slug of the name).
- ``position`` (required): the post's name, which becomes the office title;
  the office id is ``<jurisdiction>-<slug of the position>``.
- ``jurisdiction``: a column of jurisdiction ids, or ``jurisdiction-id``: one
  id for every row (one of the two is required).
- ``role``: one role id for every row, or ``role-column``: a column of role
  ids (one of the two is required).
- ``start`` (required), ``end``: dates as ``YYYY-MM-DD``, ``YYYY-MM`` or
  ``YYYY``; an empty end means still in office.
- ``aliases``: a column of alternative names, separated by ``;`` or ``|``.
- ``delimiter`` (a character, default ``,``), ``as-of``, ``file``.

The output references jurisdiction and role ids only; they must exist in
the KB it is loaded with.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from factlint.errors import ConfigError, KnowledgeBaseError, shown
from factlint.importers.common import (
    office_entries,
    KBDoc,
    PersonDraft,
    Stint,
    Warn,
    assign_ids,
    check_date,
    check_options,
    clean_space,
    date_end,
    date_start,
    drop_shared_aliases,
    kb_doc,
    option_date,
    slugify,
    unique,
)

FORMAT = "csv"
OPTIONS = ("person", "person-id", "position", "jurisdiction", "jurisdiction-id", "role", "role-column",
           "start", "end", "aliases", "delimiter", "as-of", "file")
COLUMN_OPTIONS = ("person", "person-id", "position", "jurisdiction", "role-column", "start", "end", "aliases")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_mapping(options: dict[str, str]) -> None:
    for key in ("person", "position", "start"):
        if not options.get(key):
            raise ConfigError(f"csv import needs --option {key}=COLUMN")
    if not (options.get("jurisdiction") or options.get("jurisdiction-id")):
        raise ConfigError("csv import needs --option jurisdiction=COLUMN or --option jurisdiction-id=ID")
    if not (options.get("role") or options.get("role-column")):
        raise ConfigError("csv import needs --option role=ROLE-ID or --option role-column=COLUMN")
    for key in ("jurisdiction-id", "role"):
        if options.get(key) and not ID_RE.match(options[key]):
            raise ConfigError(f"option {key}: {shown(options[key])} is not an id (lower-case letters, digits, hyphens)")
    if len(options.get("delimiter", ",")) != 1:
        raise ConfigError("option delimiter: expected one character")


def import_csv(sources: list[Path], options: dict[str, str], warn: Warn) -> dict[str, KBDoc]:
    check_options(FORMAT, options, OPTIONS)
    _check_mapping(options)
    people: dict[str, PersonDraft] = {}
    offices: dict[str, dict[str, Any]] = {}
    stints: dict[str, list[Stint]] = {}
    latest = "0000"
    for src in sources:
        path = str(src)
        try:
            fh = src.open(newline="", encoding="utf-8-sig")
        except OSError as exc:
            raise KnowledgeBaseError(f"cannot read file: {exc.strerror or exc}", path) from None
        with fh:
            reader = csv.DictReader(fh, delimiter=options.get("delimiter", ","))
            try:
                header = reader.fieldnames or []
                for key in COLUMN_OPTIONS:
                    col = options.get(key)
                    if col and col not in header:
                        raise ConfigError(f"option {key}: no column {shown(col)} (columns: {', '.join(header)})", path)
                line = reader.line_num + 1
                for rec in reader:
                    row = {k: clean_space(v or "") for k, v in rec.items() if k is not None}
                    latest = max(latest, _row(row, options, path, line, people, offices, stints))
                    line = reader.line_num + 1
            except UnicodeDecodeError as exc:
                raise KnowledgeBaseError(f"not UTF-8: {exc.reason}", path) from None
            except csv.Error as exc:
                raise KnowledgeBaseError(f"bad CSV: {exc}", path, reader.line_num) from None
    preset = [p for p in people.values() if p.id]
    assign_ids([p for p in people.values() if not p.id] + preset)
    drop_shared_aliases(list(people.values()))
    out = office_entries(offices, stints, people)
    meta = {"as_of": option_date(options, "as-of") or latest, "source": ", ".join(s.name for s in sources),
            "license": "see the source"}
    name = options.get("file") or f"{slugify(sources[0].stem) or 'import'}.yaml"
    return {name: kb_doc(meta, people=[p.entry() for p in people.values()], offices=out)}


def _row(row: dict[str, str], options: dict[str, str], path: str, line: int, people: dict[str, PersonDraft],
         offices: dict[str, dict[str, Any]], stints: dict[str, list[Stint]]) -> str:
    """Add one row; return the latest date it mentions."""
    name, position = row.get(options["person"], ""), row.get(options["position"], "")
    if not name or not position:
        raise KnowledgeBaseError("row has no person or no position", path, line)
    jur = options.get("jurisdiction-id") or row.get(options.get("jurisdiction", ""), "").lower()
    role = options.get("role") or row.get(options.get("role-column", ""), "")
    for what, value in (("jurisdiction", jur), ("role", role)):
        if not ID_RE.match(value):
            raise KnowledgeBaseError(f"bad {what} id {shown(value)}", path, line)
    try:
        start = check_date(row.get(options["start"], ""))
        end_raw = row.get(options.get("end", ""), "")
        end = check_date(end_raw) if end_raw else None
    except ValueError as exc:
        raise KnowledgeBaseError(f"bad date: {exc}", path, line) from None
    if end is not None and date_end(end) < date_start(start):
        raise KnowledgeBaseError(f"end {end} is before start {start}", path, line)
    pid = row.get(options.get("person-id", ""), "")
    if pid and not ID_RE.match(pid):
        raise KnowledgeBaseError(f"bad person id {shown(pid)}", path, line)
    key = pid or name
    draft = people.setdefault(key, PersonDraft(key, name, id=pid))
    aliases = re.split(r"\s*[;|]\s*", row.get(options.get("aliases", ""), ""))
    draft.aliases = unique([*draft.aliases, *aliases], drop=[draft.name])
    draft.first_seen = min(draft.first_seen, start)
    oid = f"{jur}-{slugify(position)}"
    spec = offices.setdefault(oid, {"id": oid, "role": role, "jurisdiction": jur, "title": position})
    if spec["role"] != role:
        raise KnowledgeBaseError(f"office {oid} has role {shown(spec['role'])} on an earlier row, {shown(role)} here", path, line)
    stints.setdefault(oid, []).append(Stint(key, start, end))
    return max(start, end or "")
