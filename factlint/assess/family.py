"""Family names alone that are a letter off the one the draft uses ("Zelenksy").

Takes a draft, its mentions and its loose capitalised words (the ones that
matched no name: :class:`~factlint.mentions.Loose`); gives misspelled
verdicts (FL201, situation "family"), naming the family name as the draft's
own full mention writes it. Also :func:`family_written`, the family-name
part of a full mention as written, which the consistency check shares.
"""
from __future__ import annotations

import re

from factlint import tuning
from factlint.assess.verdict import Situation, Verdict, VerdictKind
from factlint.document import Document
from factlint.mentions import Loose, Mention, similar
from factlint.text import fold, written


def family_slips(doc: Document, mentions: list[Mention], loose: list[Loose]) -> list[Verdict]:
    """A family name alone a letter off the one the draft uses ("Zelenksy")."""
    if not loose:
        return []
    families: dict[str, tuple[str, str]] = {}  # folded family -> (as written, full mention)
    seen: set[str] = set()  # a draft writes a name again and again: its family part is read once
    for m in mentions:
        if m.kind == "name" and len(m.persons) == 1 and m.form is not None:
            part = m.family_text or m.text
            if part not in seen:
                seen.add(part)
                fam = written(part)  # family_written(m)
                families.setdefault(fold("".join(fam.split())), (fam, m.text))
    if not families:
        return []
    by_initial: dict[str, list[str]] = {}  # a slip keeps the first letter (see ``similar``)
    for key in families:
        by_initial.setdefault(key[:1], []).append(key)
    match: dict[str, str | None] = {}  # loose words repeat: one search per word
    for key in {w.key for w in loose}:
        near = by_initial.get(key[:1])
        if near is not None:
            found = next((k for k in near if similar(key, k, tuning.NEAR_SIMILARITY)), None)
            if found is not None:
                match[key] = found
    out = []
    if not match:
        return out
    for w in loose:
        found = match.get(w.key)
        if found is not None and not _named_before(doc, mentions, w):
            fam, full = families[found]
            name = _title_case(fam, full)
            out.append(Verdict(VerdictKind.MISSPELLED, Situation.FAMILY, w.segment, w.start, w.end,
                               {"text": doc.segments[w.segment].text[w.start : w.end], "name": name}, (name,)))
    return out


def _named_before(doc: Document, mentions: list[Mention], w: Loose) -> bool:
    """The draft wrote the word before as the family name of a full name that
    is no mention, someone the KB does not know ("Donald Regan … Regan said"
    is not a slip of Reagan)."""
    word = doc.segments[w.segment].text[w.start : w.end]
    rx = re.compile(rf"(?<![.!?]\s)(?<!^)\b[A-Z][\w'\u2019-]+ {re.escape(word)}\b")
    covered = {(m.segment, m.start) for m in mentions}
    for no in range(w.segment + 1):
        text = doc.segments[no].text[: w.start] if no == w.segment else doc.segments[no].text
        if any((no, m.start()) not in covered for m in rx.finditer(text)):
            return True
    return False


def _title_case(folded_family: str, reference_text: str) -> str:
    """The family name with the capitalisation of the reference mention."""
    low = reference_text.casefold()
    i = low.find(folded_family)
    return reference_text[i : i + len(folded_family)] if i >= 0 else folded_family


def family_written(reference: Mention) -> str:
    """The family-name part of a full mention, as it was written there (normalised)."""
    return written(reference.family_text or reference.text)
