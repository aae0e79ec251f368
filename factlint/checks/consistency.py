"""Check kind ``consistency``: one person written two ways in one draft.

The reference is the person's first full mention that is spelled right;
each later full mention must be written the same way, and each family name
alone must match the family name of that first mention. Case, blanks and
apostrophe style do not count; hyphens, spacing and diacritics do.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factlint.assess import family_written
from factlint.checks.base import Context, Situations
from factlint.findings import Hit
from factlint.mentions import Mention
from factlint.text import written


class ConsistencyCheck:
    name: str = "consistency"
    options: dict[str, type] = {}
    required: tuple[str, ...] = ()
    needs_kb: bool = True
    choices: dict[str, tuple[str, ...]] = {}

    def validate(self, options: dict[str, Any]) -> str | None:
        return None

    def situations(self, options: dict[str, Any]) -> Situations:
        fields = frozenset(("text", "first", "line", "expected"))
        return {"name": fields, "family": fields}

    def check(self, ctx: Context, options: dict[str, Any]) -> Iterable[Hit]:
        misspelled = {(v.segment, v.start) for v in ctx.verdicts if v.kind in ("misspelled", "conflated")}
        first: dict[str, Mention] = {}
        for m in ctx.mentions:
            if len(m.persons) != 1 or (m.segment, m.start) in misspelled:
                continue
            pid = m.persons[0]
            ref = first.get(pid)
            if m.kind == "name":
                if ref is None:
                    first[pid] = m
                    continue
                want = written(ref.text)
            elif m.kind == "family" and ref is not None:
                want = family_written(ref)
            else:
                continue
            if written(m.text) != want:
                line = ctx.doc.segments[ref.segment].position(ref.start)[0]
                shown = " ".join(ref.text.split()) if m.kind == "name" else (ref.family_text or ref.text)
                yield Hit(m.segment, m.start, m.end, m.kind,
                          {"text": " ".join(m.text.split()), "first": " ".join(ref.text.split()), "line": str(line), "expected": shown},
                          (shown,), fix=shown)
