"""KBIndex.holders_on: the holders who may have held an office on a date, found by start."""
from __future__ import annotations

import random
from pathlib import Path

from factlint.dates import parse_period
from factlint.kb.index import KBIndex
from factlint.kb.loader import load_sources
from factlint.kb.packed import pack

KB = """\
meta: {as_of: 2024-01-01}
jurisdictions:
  - {id: os, name: Ostoria}
roles:
  - {id: president, name: President}
  - {id: envoy, name: Envoy}
people:
  - {id: ana-smith, name: Ana Smith}
  - {id: ben-ode, name: Ben Ode}
  - {id: cy-lo, name: Cy Lo}
  - {id: di-ma, name: Di Ma}
offices:
  - id: os-president
    role: president
    jurisdiction: os
    holders:
      - {person: ana-smith, from: 1990, to: 1994-05}
      - {person: ben-ode, from: 1994-05, to: 2001-02-03}
      - {person: cy-lo, from: 2001-02-03, to: 2001-02-03}
      - {person: di-ma, from: 2001-02-03, to: 2010}
      - {person: ana-smith, from: 2010}
  - id: os-envoy
    role: envoy
    jurisdiction: os
    seats: 3
    holders:
      - {person: cy-lo, from: 1985}
      - {person: ben-ode, from: 1999-07, to: 2003}
      - {person: di-ma, from: 2002-11-30, to: 2002-12}
"""

DATES = ["1980", "1985", "1989-12-31", "1990", "1994", "1994-05", "1994-05-31", "2001", "2001-02", "2001-02-03",
         "2002-12", "2003", "2009-12-31", "2010", "2024-05-06"]


def naive(ix: KBIndex, offices: frozenset[str], when: object) -> list:
    out = [t for oid in offices for t in ix.kb.offices[oid].holders if t.may_cover(when)]  # type: ignore[arg-type]
    return sorted(out, key=lambda t: (t.start.start, t.office))


def test_holders_on_is_may_cover_over_every_holder(tmp_path: Path) -> None:
    (tmp_path / "kb.yaml").write_text(KB, encoding="utf-8")
    built = KBIndex.build(load_sources([tmp_path / "kb.yaml"]))
    for ix in (built, pack(built)):
        for offices in (frozenset({"os-president"}), frozenset({"os-envoy"}), frozenset({"os-president", "os-envoy"})):
            for text in DATES:
                when = parse_period(text)
                assert ix.holders_on(offices, when) == naive(ix, offices, when), (offices, text)


def test_holders_on_matches_on_many_random_offices(tmp_path: Path) -> None:
    rng = random.Random(7)
    people = [f"p{i}" for i in range(30)]
    lines = ["meta: {as_of: 2024-01-01}", "jurisdictions:", "  - {id: os, name: Ostoria}", "roles:",
             "  - {id: envoy, name: Envoy}", "people:"]
    lines += [f"  - {{id: {p}, name: Person {chr(65 + i % 26)}{i}}}" for i, p in enumerate(people)]
    lines.append("offices:")
    for o in range(20):
        lines += [f"  - id: o{o}", "    role: envoy", "    jurisdiction: os", "    seats: 99", "    holders:"]
        for _ in range(rng.randint(0, 12)):
            y = rng.randint(1950, 2020)
            start = rng.choice([f"{y}", f"{y}-{rng.randint(1, 12):02d}", f"{y}-{rng.randint(1, 12):02d}-15"])
            end = rng.choice(["", f", to: {y + rng.randint(0, 15)}"])
            lines.append(f"      - {{person: {rng.choice(people)}, from: {start}{end}}}")
    (tmp_path / "kb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    ix = KBIndex.build(load_sources([tmp_path / "kb.yaml"]))
    for _ in range(300):
        offices = frozenset(f"o{rng.randrange(20)}" for _ in range(rng.randint(1, 3)))
        y = rng.randint(1945, 2040)
        when = parse_period(rng.choice([f"{y}", f"{y}-{rng.randint(1, 12):02d}", f"{y}-06-{rng.randint(1, 28):02d}"]))
        assert ix.holders_on(offices, when) == naive(ix, offices, when)
