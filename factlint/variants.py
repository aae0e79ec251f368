"""Name variants as data: transliterations and nicknames of one name.

Takes ``factlint/data/name_variants.yaml`` (read once, on first use; its
format is in the file and in kb/README.md, "Name variants"); gives the
pairs of words the name matcher (:mod:`factlint.mentions.names`) uses for
every person: given names that are one name (``given_same``), given names
whose forms are told apart on purpose so that one for the other is a slip
(``given_slip``), and family names in several transliterations
(``family_same``). A malformed file is a :class:`~factlint.errors.FactlintError`
naming its line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from factlint.errors import FactlintError
from factlint.yamlio import LocDict, LocList, load_yaml_file

DATA = Path(__file__).parent / "data" / "name_variants.yaml"
SECTIONS = {"given": ("same", "slip"), "family": ("same",)}

Pairs = frozenset[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Variants:
    given_same: Pairs
    given_slip: Pairs
    family_same: Pairs


@functools.cache
def variants(path: Path = DATA) -> Variants:
    """The variant pairs of *path* (both ways round)."""
    doc = load_yaml_file(path, FactlintError)
    found: dict[str, set[tuple[str, str]]] = {}
    where = str(path)
    if not isinstance(doc, LocDict):
        raise FactlintError("name variants must be a mapping of given and family", where, 1)
    for key in doc:
        if key not in SECTIONS:
            raise FactlintError(f"unknown key {key!r} (expected given, family)", where, doc.line_of(key))
        kinds = doc[key]
        if not isinstance(kinds, LocDict):
            raise FactlintError(f"{key} must be a mapping of {', '.join(SECTIONS[key])}", where, doc.line_of(key))
        for kind in kinds:
            if kind not in SECTIONS[key]:
                raise FactlintError(f"unknown key {kind!r} in {key} (expected {', '.join(SECTIONS[key])})", where,
                                    kinds.line_of(kind))
            found[f"{key}_{kind}"] = _pairs(kinds[kind], f"{key}.{kind}", where, kinds.line_of(kind))
    return Variants(*(frozenset(found.get(f"{k}_{kind}", ())) for k, kinds in SECTIONS.items() for kind in kinds))


def _pairs(groups: object, what: str, where: str, line: int) -> set[tuple[str, str]]:
    if not isinstance(groups, LocList):
        raise FactlintError(f"{what} must be a list of groups", where, line)
    out: set[tuple[str, str]] = set()
    for i, group in enumerate(groups):
        at = groups.line_of(i)
        if not isinstance(group, LocList) or len(group) < 2 or not all(
                isinstance(w, str) and w and w == w.lower() and " " not in w for w in group):
            raise FactlintError(f"each group of {what} must list two or more lower-case words", where, at)
        out.update((a, b) for a in group for b in group if a != b)
    return out
