"""Check kind ``fact``: report the assessor's verdicts of one kind.

Rules FL101 (wrong-office-holder), FL102 (outdated-title), FL103
(conflated-name) and FL201 (misspelled-name) extend it with
``options: {verdict: wrong-holder | outdated | conflated | misspelled}``.
The assessor has already picked the one most specific verdict per mention.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context
from factlint.findings import Hit

VERDICTS = ("wrong-holder", "outdated", "conflated", "misspelled")


class FactCheck:
    name: str = "fact"
    options: dict[str, type] = {"verdict": str}
    required: tuple[str, ...] = ("verdict",)
    needs_kb: bool = True

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        kind = options["verdict"]
        for v in ctx.verdicts:
            if v.kind == kind:
                fix = v.suggestions[0] if kind == "misspelled" and len(v.suggestions) == 1 else None
                yield Hit(v.segment, v.start, v.end, v.situation, v.fields, v.suggestions, v.probable, fix)
