"""Check kind ``variant``: an accepted alias where the KB has a canonical spelling."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context, Situations
from factlint.findings import Hit
from factlint.text import written


class VariantCheck:
    name: str = "variant"
    options: dict[str, type] = {"family": bool}
    required: tuple[str, ...] = ()
    needs_kb: bool = True
    choices: dict[str, tuple[str, ...]] = {}

    def situations(self, options: dict[str, Any]) -> Situations:
        fields = frozenset(("text", "name"))
        found = {"alias": fields, "variant": fields}
        if options.get("family", True):
            found["family"] = fields
        return found

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        ix = ctx.index
        assert ix is not None
        flagged = {(v.segment, v.start) for v in ctx.verdicts}
        for m in ctx.mentions:
            if (m.segment, m.start) in flagged or len(m.persons) != 1:
                continue
            person = ix.kb.people[m.persons[0]]
            if m.kind == "name" and m.form_kind in ("alias", "variant"):
                yield Hit(m.segment, m.start, m.end, m.form_kind, {"text": " ".join(m.text.split()), "name": person.name},
                          (person.name,), fix=person.name)
            elif m.kind == "family" and options.get("family", True):
                canonical = ix.canonical_family(person.id)
                if canonical and written(m.text) != written(canonical):
                    yield Hit(m.segment, m.start, m.end, "family", {"text": m.text, "name": canonical},
                              (canonical,), fix=canonical)
