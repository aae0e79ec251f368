"""Check kind ``fact``: report the assessor's verdicts of one kind.

Rules FL101 (wrong-office-holder), FL102 (outdated-title), FL103
(conflated-name) and FL201 (misspelled-name) extend it with
``options: {verdict: wrong-holder | outdated | conflated | misspelled}``.
The assessor has already picked the one most specific verdict per mention.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context, Situations
from factlint.findings import Hit

# PROVISIONAL: replaced by the assessor's own table when factlint.assess is a package.
_B = frozenset(("text", "title", "the_title", "date", "on_date"))
_P = _B | {"name", "modifier"}
_C = frozenset(("text", "first", "second", "date", "on_date", "instead"))
_N = frozenset(("text", "name"))
_SITUATIONS: dict[str, dict[str, frozenset[str]]] = {
    "wrong-holder": {"never": _P | {"instead"}, "never-held": _P | {"instead"}, "unknown": _B | {"instead"}},
    "outdated": {"left": _P | {"left", "instead"}, "not-yet": _P | {"since", "instead"}, "still": _P | {"since"},
                 "already": _P | {"since"}},
    "conflated": {"titled": _C, "untitled": _C},
    "misspelled": {"listed": _N, "near": _N, "family": _N},
}
VERDICTS = ("wrong-holder", "outdated", "conflated", "misspelled")


class FactCheck:
    name: str = "fact"
    options: dict[str, type] = {"verdict": str}
    required: tuple[str, ...] = ("verdict",)
    needs_kb: bool = True
    choices: dict[str, tuple[str, ...]] = {"verdict": VERDICTS}

    def situations(self, options: dict[str, Any]) -> Situations:
        return _SITUATIONS[options["verdict"]]

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        kind = options["verdict"]
        for v in ctx.verdicts:
            if v.kind == kind:
                fix = v.suggestions[0] if kind == "misspelled" and len(v.suggestions) == 1 else None
                yield Hit(v.segment, v.start, v.end, v.situation, v.fields, v.suggestions, v.probable, fix)
