"""Check kind ``substitution``: say one thing, not another (house style).

``options: {swap: {Kiev: Kyiv, Kharkov: Kharkiv}, ignorecase: true}``. Whole
words only; the replacement keeps the case of what was written (a
capitalised or all-caps word stays so). Needs no KB.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context
from factlint.findings import Hit


def keep_case(written: str, replacement: str) -> str:
    if written.isupper() and len(written) > 1:
        return replacement.upper()
    if written[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if written.islower():
        return replacement[:1].lower() + replacement[1:] if replacement[1:] != replacement[1:].upper() or len(replacement) == 1 else replacement
    return replacement


def word_pattern(words: Iterable[str], ignorecase: bool) -> re.Pattern[str]:
    alternatives = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE if ignorecase else 0)


class SubstitutionCheck:
    name = "substitution"
    options: dict[str, type] = {"swap": dict, "ignorecase": bool}
    required = ("swap",)
    needs_kb = False

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        swap: dict[str, str] = options["swap"]
        ignorecase = bool(options.get("ignorecase", True))
        lookup = {k.casefold() if ignorecase else k: v for k, v in swap.items()}
        pattern = word_pattern(swap, ignorecase)
        for no, seg in enumerate(ctx.doc.segments):
            for m in pattern.finditer(seg.text):
                bad = m.group()
                good = keep_case(bad, lookup[bad.casefold() if ignorecase else bad])
                if good == bad:
                    continue
                yield Hit(no, m.start(), m.end(), "", {"text": bad, "good": good}, (good,), fix=good)
