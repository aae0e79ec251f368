"""`factlint kb stats`: what a KB covers, and the limits of what it checks.

Takes a compiled KB; gives, per jurisdiction and per office, the counts,
where each office's record of holders starts (its ``complete_from``, by
default its first holder's start: before it no finding rests on who held
the office) and how current it is (its file's ``as_of``), as data
(:func:`stats_data`, the ``--format json`` form) or as a readable table
(:func:`render_text`, drawn with rich). A roster office
(``complete_per_person``: the US Congress) knows its listed members'
careers for all time but who held it only from its record's start.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from factlint.assess.wording import office_label
from factlint.kb.index import KBIndex
from factlint.kb.model import Office

JSON_VERSION = 1


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _office(index: KBIndex, o: Office) -> dict[str, Any]:
    return {"id": o.id, "title": office_label(index, o), "holders": len(o.holders),
            "record_from": _iso(o.complete_from), "roster": o.complete_per_person,
            "as_of": _iso(o.origin.as_of if o.origin else None), "file": o.origin.path if o.origin else None}


def _span(values: Iterable[str | None]) -> str:
    """"2015-01-01" or "1979-05-04 – 2026-06-15" (earliest to latest), "-" for none."""
    have = sorted(v for v in values if v)
    if not have:
        return "-"
    return have[0] if have[0] == have[-1] else f"{have[0]} – {have[-1]}"


def stats_data(index: KBIndex, only: Iterable[str] = ()) -> dict[str, Any]:
    """Every jurisdiction (or those in *only*) with its offices, and the KB's totals and files."""
    kb = index.kb
    wanted = set(only)
    by_jur: dict[str, list[Office]] = {}
    for o in kb.offices.values():
        by_jur.setdefault(o.jurisdiction, []).append(o)
    jurisdictions = []
    for jid in sorted(kb.jurisdictions):
        if wanted and jid not in wanted:
            continue
        offices = [_office(index, o) for o in sorted(by_jur.get(jid, ()), key=lambda o: o.id)]
        jurisdictions.append({"id": jid, "name": kb.jurisdictions[jid].name, "offices": offices,
                              "tenures": sum(o["holders"] for o in offices)})
    files = [{"path": m.path, "as_of": _iso(m.as_of)} for m in kb.files]
    return {"version": JSON_VERSION, "totals": kb.counts(), "jurisdictions": jurisdictions, "files": files}


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for name in columns:
        table.add_column(name, justify="right" if name in ("offices", "holders", "tenures") else "left")
    return table


def _jurisdiction_table(data: dict[str, Any]) -> Table:
    table = _table("jurisdiction", "name", "offices", "tenures", "record from", "as of")
    for j in data["jurisdictions"]:
        roster = " (roster)" if any(o["roster"] for o in j["offices"]) else ""
        table.add_row(j["id"], j["name"], str(len(j["offices"])), str(j["tenures"]),
                      _span(o["record_from"] for o in j["offices"]) + roster, _span(o["as_of"] for o in j["offices"]))
    return table


def _offices_table(data: dict[str, Any]) -> Table:
    table = _table("jurisdiction", "office", "holders", "record from", "as of")
    for j in data["jurisdictions"]:
        for o in j["offices"]:
            table.add_row(j["id"], f"{o['title']} ({o['id']})", str(o["holders"]),
                          (o["record_from"] or "-") + (" (roster)" if o["roster"] else ""), o["as_of"] or "-")
    return table


def render_text(data: dict[str, Any], offices: bool = False, width: int = 120, color: bool = False) -> str:
    """A row per jurisdiction (or, with *offices*, per office), then the totals and the files' as_of."""
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=color, no_color=not color, highlight=False)
    console.print(_offices_table(data) if offices else _jurisdiction_table(data))
    console.print(", ".join(f"{v} {k}" for k, v in data["totals"].items()))
    dated = sorted((f["as_of"], f["path"]) for f in data["files"] if f["as_of"])
    if dated:
        console.print(f"oldest as_of: {dated[0][0]} ({dated[0][1]})")
        console.print(f"newest as_of: {dated[-1][0]} ({dated[-1][1]})")
    missing = sum(1 for f in data["files"] if not f["as_of"])
    if missing:
        console.print(f"files without as_of: {missing}")
    console.print("record from: before it, no finding rests on who held an office; "
                  "(roster): each listed person's own tenures are known for all time, other holders only from then; "
                  "as of: the date the file was last known true")
    return out.getvalue().rstrip("\n")
