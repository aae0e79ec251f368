"""Check kind ``existence``: words a newsroom never wants to see.

``options: {tokens: [...], ignorecase: true}``; whole words. Needs no KB.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context, Situations
from factlint.checks.substitution import word_pattern
from factlint.findings import Hit


class ExistenceCheck:
    name: str = "existence"
    options: dict[str, type] = {"tokens": list, "ignorecase": bool}
    required: tuple[str, ...] = ("tokens",)
    needs_kb: bool = False
    choices: dict[str, tuple[str, ...]] = {}

    def validate(self, options: dict[str, Any]) -> str | None:
        return None  # that the tokens are words is checked for every kind's word options

    def situations(self, options: dict[str, Any]) -> Situations:
        return {"": frozenset(("text",))}

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        pattern = word_pattern(options["tokens"], bool(options.get("ignorecase", True)))
        for no, seg in enumerate(ctx.doc.segments):
            for m in pattern.finditer(seg.text):
                yield Hit(no, m.start(), m.end(), "", {"text": m.group()})
