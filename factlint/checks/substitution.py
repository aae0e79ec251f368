"""Check kind ``substitution``: say one thing, not another (house style).

``options: {swap: {Kiev: Kyiv, Kharkov: Kharkiv}, ignorecase: true}``. Whole
words only ("Kiev" is not found in "Kievan"); a key of several words also
matches across a line break. The replacement keeps the case of what was
written (a capitalised or all-caps word stays so). With ``hyphenated: true``
a word is also found as part of a hyphenated compound ("pro-Kiev",
"Kiev-based"), which suits place names; by default a hyphen counts as part
of the word, which suits names ("Jean-Paul"). Needs no KB.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factlint.checks.base import Context, Situations
from factlint.errors import shown
from factlint.findings import Hit


def keep_case(written: str, replacement: str) -> str:
    if written.isupper() and len(written) > 1:
        return replacement.upper()
    if written[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if written.islower():
        return replacement[:1].lower() + replacement[1:] if replacement[1:] != replacement[1:].upper() or len(replacement) == 1 else replacement
    return replacement


def word_pattern(words: Iterable[str], ignorecase: bool, hyphenated: bool = False) -> re.Pattern[str]:
    """Whole-word alternatives, longest first; blanks inside a key match any run of blanks."""
    alternatives = sorted((r"\s+".join(re.escape(part) for part in w.split()) for w in words), key=len, reverse=True)
    edge = r"\w" if hyphenated else r"\w-"
    return re.compile(rf"(?<![{edge}])(?:" + "|".join(alternatives) + rf")(?![{edge}])", re.IGNORECASE if ignorecase else 0)


def _key(written: str, ignorecase: bool) -> str:
    written = " ".join(written.split())
    return written.casefold() if ignorecase else written


class SubstitutionCheck:
    name: str = "substitution"
    options: dict[str, type] = {"swap": dict, "ignorecase": bool, "hyphenated": bool}
    required: tuple[str, ...] = ("swap",)
    needs_kb: bool = False
    choices: dict[str, tuple[str, ...]] = {}

    def validate(self, options: dict[str, Any]) -> str | None:
        # (that keys and values are words is checked for every kind's word options)
        for key, value in options["swap"].items():
            if word_pattern([key], bool(options.get("ignorecase", True)), bool(options.get("hyphenated", False))).search(value):
                return f"swap {shown(key)} -> {shown(value)}: the replacement contains the word it replaces, so every fix would add another"
        return None

    def situations(self, options: dict[str, Any]) -> Situations:
        return {"": frozenset(("text", "good"))}

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        swap: dict[str, str] = options["swap"]
        ignorecase = bool(options.get("ignorecase", True))
        lookup = {_key(str(k), ignorecase): str(v) for k, v in swap.items()}
        pattern = word_pattern([str(k) for k in swap], ignorecase, bool(options.get("hyphenated", False)))
        for no, seg in enumerate(ctx.doc.segments):
            for m in pattern.finditer(seg.text):
                bad = m.group()
                good = keep_case(bad, lookup[_key(bad, ignorecase)])
                if good == bad:
                    continue
                yield Hit(no, m.start(), m.end(), "", {"text": bad, "good": good}, (good,), fix=good)
