"""Check kind ``fact``: report the assessor's verdicts of one kind.

Rules FL101 (wrong-office-holder), FL102 (outdated-title), FL103
(conflated-name) and FL201 (misspelled-name) extend it with
``options: {verdict: wrong-holder | outdated | conflated | misspelled}``.
The assessor has already picked the one most specific verdict per mention.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.assess.verdict import SITUATIONS, VerdictKind
from factlint.checks.base import Context, Situations, reads_as
from factlint.findings import Hit

VERDICTS: tuple[str, ...] = tuple(VerdictKind)


class FactCheck:
    name: str = "fact"
    options: dict[str, type] = {"verdict": str}
    required: tuple[str, ...] = ("verdict",)
    needs_kb: bool = True
    choices: dict[str, tuple[str, ...]] = {"verdict": VERDICTS}

    def validate(self, options: dict[str, Any]) -> str | None:
        return None

    def situations(self, options: dict[str, Any]) -> Situations:
        return SITUATIONS[VerdictKind(options["verdict"])]

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        kind = options["verdict"]
        for v in ctx.verdicts:
            if v.kind == kind:
                if kind == VerdictKind.MISSPELLED and v.suggestions and reads_as(ctx, v.segment, v.start, v.suggestions[0]):
                    continue  # the name runs on as suggested: written right
                fix = v.suggestions[0] if kind == VerdictKind.MISSPELLED and len(v.suggestions) == 1 else None
                yield Hit(v.segment, v.start, v.end, v.situation, v.fields, v.suggestions, v.probable, fix)
