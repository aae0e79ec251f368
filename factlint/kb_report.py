"""The plain-text view of a person for `factlint kb who` (`kb stats` is :mod:`factlint.kb_stats`)."""
from __future__ import annotations

import datetime as dt

from rapidfuzz import fuzz, process

from factlint.assess.wording import office_label
from factlint.dates import Period
from factlint.errors import shown
from factlint.kb.index import KBIndex
from factlint.text import fold


def _office_line(index: KBIndex, office_id: str) -> str:
    return office_label(index, index.kb.offices[office_id])


def who(index: KBIndex, name: str, on: dt.date | None = None, limit: int = 3) -> tuple[str, bool]:
    """Describe the people whose names best match *name* (fuzzy)."""
    kb = index.kb
    choices: dict[str, str] = {}
    families: dict[str, str] = {}
    for p in kb.people.values():
        for form in (p.name, *p.aliases, *p.misspellings):
            choices[f"{p.id}\0{form}"] = fold(form)
    for pid, forms in index.forms_by_person.items():
        for nf in forms:  # the family name alone: "Blinkin" finds Antony Blinken
            families[f"{pid}\0{' '.join(nf.family)}"] = " ".join(nf.family)
    query = fold(name)
    hits = process.extract(query, choices, scorer=fuzz.WRatio, limit=50, score_cutoff=85)
    hits += process.extract(query, families, scorer=fuzz.ratio, limit=50, score_cutoff=80)
    seen: list[str] = []
    def recency(key: str) -> dt.date:
        return max((t.start.start for t in index.tenures(key.split("\0")[0])), default=dt.date.min)

    # best score first; among equals, whoever held office most recently
    for _, score, key in sorted(hits, key=lambda h: (-round(h[1]), -recency(h[2]).toordinal())):
        pid = key.split("\0")[0]
        if pid not in seen:
            seen.append(pid)
    if not seen:
        return f"No one in the KB matches {shown(name)}.", False
    return "\n\n".join(describe(index, pid, on) for pid in seen[:limit]), True


def describe(index: KBIndex, pid: str, on: dt.date | None = None) -> str:
    """One person as `kb who` shows them: names, then offices with dates
    (only those that may cover *on*, when given)."""
    p = index.kb.people[pid]
    lines = [f"{p.name}  ({p.id})"]
    if p.aliases:
        lines.append(f"  also written: {', '.join(p.aliases)}")
    if p.misspellings:
        lines.append(f"  known misspellings: {', '.join(p.misspellings)}")
    tenures = index.tenures(pid)
    when = Period.day(on) if on else None
    for t in tenures:
        if when is not None and not t.may_cover(when):
            continue
        end = t.end.text if t.end else "(still in office)"
        lines.append(f"  {_office_line(index, t.office)}: {t.start} to {end}")
    if when is not None and not any(t.may_cover(when) for t in tenures):
        lines.append(f"  held no office in the KB on {on}")
    return "\n".join(lines)
