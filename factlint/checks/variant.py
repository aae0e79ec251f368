"""Check kind ``variant``: an accepted alias where the KB has a canonical spelling."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context, Situations, reads_as
from factlint.findings import Hit
from factlint.lexicon import NAME_PARTICLES
from factlint.text import fold, written


class VariantCheck:
    name: str = "variant"
    options: dict[str, type] = {"family": bool}
    required: tuple[str, ...] = ()
    needs_kb: bool = True
    choices: dict[str, tuple[str, ...]] = {}

    def validate(self, options: dict[str, Any]) -> str | None:
        return None

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
        family = options.get("family", True)
        accepted: dict[str, tuple[str | None, tuple[str, ...]]] = {}  # person -> canonical family, its written forms
        for m in ctx.mentions:
            # (the kind first: most mentions are of canonical names, whose person need not be read)
            if m.kind == "name":
                if m.form_kind not in ("alias", "variant") or len(m.persons) != 1 or (m.segment, m.start) in flagged:
                    continue
                name = ix.kb.people[m.persons[0]].name
                if not reads_as(ctx, m.segment, m.start, name):
                    yield Hit(m.segment, m.start, m.end, m.form_kind, {"text": " ".join(m.text.split()), "name": name},
                              (name,), fix=name)
            elif m.kind == "family" and family and len(m.persons) == 1 and (m.segment, m.start) not in flagged:
                pid = m.persons[0]
                if pid not in accepted:  # a draft writes a family name alone again and again
                    canonical = ix.canonical_family(pid)
                    accepted[pid] = canonical, (written(canonical), written(_without_particles(canonical))) if canonical else ()
                canonical, forms = accepted[pid]
                if canonical and written(m.text) not in forms:
                    yield Hit(m.segment, m.start, m.end, "family", {"text": m.text, "name": canonical},
                              (canonical,), fix=canonical)


def _without_particles(family: str) -> str:
    """The family name without its leading particles ("de Kirchner" -> "Kirchner",
    "al-Assad" -> "Assad"): how news copy writes it alone, not a variant."""
    words = family.replace("-", " ", 1).split() if family[:3].lower() in ("al-", "el-") else family.split()
    while len(words) > 1 and fold(words[0]) in NAME_PARTICLES:
        words = words[1:]
    return " ".join(words)
