"""``factlint kb import FORMAT SOURCE... -o DIR``: turn open data into KB files.

Each importer reads its source format and returns KB documents (contract
format, see DESIGN.md) keyed by file name; :func:`run_import` writes them
with :mod:`factlint.importers.writer`. Every importer writes its people and
offices to one file named after the source, and the jurisdictions it
refers to into the shared ``jurisdictions.yaml`` of the output directory,
merged with what earlier imports put there, so that several imports into
one directory load together without duplicate ids.

Bad usage (unknown format, unknown or missing option, missing source) is a
:class:`~factlint.errors.ConfigError`; bad source data is a
:class:`~factlint.errors.KnowledgeBaseError` naming the file and line.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factlint.errors import ConfigError, KnowledgeBaseError, shown
from factlint.importers.common import KBDoc, Warn, reconcile_people
from factlint.importers.csv_import import OPTIONS as CSV_OPTIONS
from factlint.importers.csv_import import import_csv
from factlint.importers.factbook import OPTIONS as FACTBOOK_OPTIONS
from factlint.importers.factbook import import_factbook
from factlint.importers.ifg import OPTIONS as IFG_OPTIONS
from factlint.importers.ifg import import_ifg
from factlint.importers.pocom import OPTIONS as POCOM_OPTIONS
from factlint.importers.pocom import import_pocom
from factlint.importers.us_congress import OPTIONS as CONGRESS_OPTIONS
from factlint.importers.us_congress import import_congress
from factlint.importers.us_executive import OPTIONS as EXEC_OPTIONS
from factlint.importers.us_executive import import_executive
from factlint.importers.wikidata import OPTIONS as WD_OPTIONS
from factlint.importers.wikidata import import_wikidata
from factlint.importers.writer import is_generated, write_docs
from factlint.yamlio import LocDict, LocList, load_yaml_file

__all__ = ["IMPORTERS", "Importer", "run_import", "parse_options"]

JURISDICTIONS_FILE = "jurisdictions.yaml"


@dataclass(frozen=True, slots=True)
class Importer:
    name: str
    summary: str
    sources: str  # what SOURCE... must be
    options: tuple[str, ...]
    run: Callable[[list[Path], dict[str, str], Warn], dict[str, KBDoc]]


IMPORTERS: dict[str, Importer] = {
    "us-executive": Importer("us-executive", "US Presidents and Vice Presidents",
                             "congress-legislators executive.yaml", EXEC_OPTIONS, import_executive),
    "us-congress": Importer("us-congress", "US senators, representatives and delegates with every term",
                            "congress-legislators legislators-current.yaml", CONGRESS_OPTIONS, import_congress),
    "pocom": Importer("pocom", "US State Department principal officers and chiefs of mission",
                      "POCOM tenure CSV", POCOM_OPTIONS, import_pocom),
    "ifg": Importer("ifg", "UK government ministers since 1979 (Institute for Government)",
                    "the IfG Ministers Database data/ directory", IFG_OPTIONS, import_ifg),
    "factbook": Importer("factbook", "heads of state and government of every country (CIA World Factbook)",
                         "factbook-executive-history.jsonl and factbook-countries.jsonl (or their directory)",
                         FACTBOOK_OPTIONS, import_factbook),
    "wikidata": Importer("wikidata", "positions held (P39) from a Wikidata SPARQL query",
                         "SPARQL results JSON", WD_OPTIONS, import_wikidata),
    "csv": Importer("csv", "any CSV of tenures, with a column mapping", "CSV file", CSV_OPTIONS, import_csv),
}


def parse_options(pairs: list[str]) -> dict[str, str]:
    """``["key=value", ...]`` from ``--option`` flags."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"bad --option {shown(pair)}: expected key=value")
        out[key.strip()] = value.strip()
    return out


def _merge_jurisdictions(docs: dict[str, KBDoc], out_dir: Path, force: bool) -> None:
    """Keep jurisdictions an earlier import wrote to the shared file."""
    new = docs.get(JURISDICTIONS_FILE)
    path = out_dir / JURISDICTIONS_FILE
    if new is None or not path.is_file() or not is_generated(path):
        return  # a hand-written file is refused (or replaced with --force) by the writer
    old = load_yaml_file(path, KnowledgeBaseError)
    items = old.get("jurisdictions") if isinstance(old, LocDict) else None
    if not isinstance(items, LocList):
        return
    have = {j["id"] for j in new.get("jurisdictions", [])}
    kept: list[dict[str, Any]] = [
        {k: (list(v) if isinstance(v, list) else v) for k, v in j.items()}
        for j in items if isinstance(j, dict) and j.get("id") not in have
    ]
    new["jurisdictions"] = [*new.get("jurisdictions", []), *kept]


def _people_elsewhere(out_dir: Path, replaced: set[str]) -> dict[str, dict[str, Any]]:
    """People defined by the other KB files of *out_dir* (loaded with the new ones)."""
    found: dict[str, dict[str, Any]] = {}
    if not out_dir.is_dir():
        return found
    for path in sorted(out_dir.rglob("*")):
        rel = path.relative_to(out_dir).as_posix()
        if path.suffix not in (".yaml", ".yml") or not path.is_file() or rel in replaced:
            continue
        try:
            doc = load_yaml_file(path, KnowledgeBaseError)
        except KnowledgeBaseError:
            continue  # the loader will report it
        people = doc.get("people") if isinstance(doc, LocDict) else None
        for p in people if isinstance(people, LocList) else []:
            if isinstance(p, dict) and isinstance(p.get("id"), str) and isinstance(p.get("name"), str):
                found.setdefault(p["id"], dict(p))
    return found


def run_import(fmt: str, sources: list[Path], out_dir: Path, *, force: bool = False,
               options: dict[str, str] | None = None, on_warning: Warn | None = None) -> list[Path]:
    """Import *sources* in format *fmt* into KB files under *out_dir*; return the paths written.

    *on_warning* receives one line per thing left out (rows skipped and why).
    """
    importer = IMPORTERS.get(fmt)
    if importer is None:
        raise ConfigError(f"unknown import format {shown(fmt)} (expected one of {', '.join(IMPORTERS)})")
    if not sources:
        raise ConfigError(f"{fmt}: no SOURCE given ({importer.sources})")
    for src in sources:
        if not src.exists():
            raise ConfigError("no such file or directory", str(src))
    warn: Warn = on_warning or (lambda _msg: None)
    docs = importer.run(list(sources), dict(options or {}), warn)
    _merge_jurisdictions(docs, out_dir, force)
    earlier = _people_elsewhere(out_dir, set(docs))
    for doc in docs.values():
        reconcile_people(earlier, doc, warn)
    return write_docs(docs, out_dir, generator=f"kb import {fmt}", force=force)
