"""Check kind ``consistency``: one person written two ways in one draft.

The reference is the person's first full mention that is spelled right;
each later full mention must be written the same way, and each family name
alone must match the family name of that first mention. Case, blanks and
apostrophe style do not count; hyphens, spacing and diacritics do.

A standard short reference is not an inconsistency: a later mention whose
words are an ordered part of the first mention's ("Smith" or "Ana Smith"
after "Ana Maria Smith", "Assad" after "Bashar al-Assad", dropping a name
particle; "Ana M. Smith", with initials for whole words), or its initials
in capitals ("AMS"); nor is a name particle written in one mention and not
in the other ("Bashar al-Assad" after "Bashar Assad"), since house styles
differ on it and readers take both. A later form that is longer
("Ana M. Smith" after "Ana Smith") or spells one word another way ("Smyth")
is still reported.

Mentions inside direct quotations are left out, as first mentions and as
later ones: a quotation gives someone else's words as they said or wrote
them ("Joe" in a quoted remark, a tweet's "Kim Jong Un"), which the paper's
house style does not rewrite.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from factlint.assess import family_written
from factlint.checks.base import Context, Situations
from factlint.findings import Hit
from factlint.lexicon import NAME_PARTICLES
from factlint.mentions import Mention
from factlint.text import written


_INITIALS = re.compile(r"[^\W\d_]\.?|(?:[^\W\d_]\.)+")  # "j", "j.", "h.w."


def _words(text: str) -> list[str]:
    """The words of a name as written, name particles dropped ("al-Assad" -> "assad")."""
    out = []
    for w in written(text).split(" "):
        head, sep, rest = w.partition("-")
        if sep and rest and head in NAME_PARTICLES:
            w = rest
        if w not in NAME_PARTICLES:
            out.append(w)
    return out


def short_reference(later: str, first: str) -> bool:
    """*later* is a standard short reference to the name written *first*: an
    ordered part of its words, shorter than it, or its initials in capitals."""
    part, whole = _words(later), _words(first)
    if len(part) == 1 and later.isupper() and len(later) > 1:
        return later.casefold() in ("".join(w[0] for w in whole), "".join(w[0] for w in written(first).split(" ")))
    if not part or len(written(later)) >= len(written(first)):
        return False
    i = 0
    for w in part:  # each word found in order
        while i < len(whole) and not (n := _stands_for(w, whole, i)):
            i += 1
        if i == len(whole):
            return False
        i += n
    return True


def particle_only(later: str, first: str) -> bool:
    """The two forms differ only in a name particle, written in one and not
    in the other ("Omar al-Haddad" after "Omar Haddad", or the other way)."""
    return _words(later) == _words(first)


def _stands_for(word: str, whole: list[str], i: int) -> int:
    """How many words of *whole* from *i* on *word* stands for: the same
    word, or the initials of as many whole words ("h.w." for "herbert walker")."""
    if whole[i] == word:
        return 1
    if not _INITIALS.fullmatch(word):
        return 0
    letters = word.replace(".", "")
    span = whole[i : i + len(letters)]
    if len(span) == len(letters) and all(x[0] == c and not _INITIALS.fullmatch(x) for x, c in zip(span, letters)):
        return len(letters)
    return 0


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
            if len(m.persons) != 1 or (m.segment, m.start) in misspelled or m.quoted:
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
            if written(m.text) != want and not short_reference(m.text, ref.text) \
                    and not particle_only(m.text, ref.text):
                line = ctx.doc.segments[ref.segment].position(ref.start)[0]
                shown = " ".join(ref.text.split()) if m.kind == "name" else (ref.family_text or ref.text)
                yield Hit(m.segment, m.start, m.end, m.kind,
                          {"text": " ".join(m.text.split()), "first": " ".join(ref.text.split()), "line": str(line), "expected": shown},
                          (shown,), fix=shown)
