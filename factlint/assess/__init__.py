"""What is wrong with each mention: one verdict, the most specific one.

Takes the compiled KB index and a draft's mentions; gives at most one
:class:`Verdict` per mention: conflated (FL103), wrong holder (FL101),
outdated title (FL102) or misspelled (FL201). A mixed-up name is the most
specific finding; a wrong title beats a spelling slip, whose correction is
named in the same message. Verdicts carry the plain facts a message needs
(``fields``) and what the KB says instead (``suggestions``); rules turn them
into findings with their own templates.

The stages: :mod:`.tenure` (a title against tenures), :mod:`.people`
(conflated, misspelled), :mod:`.evidence` (is a near miss a KB person?), :mod:`.family` (family names alone, from the
draft's loose words), :mod:`.wording` (all English of the clauses),
:mod:`.facts` (KB queries), :mod:`.verdict` (the record and its contract).
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from factlint.assess import evidence, people, tenure
from factlint.assess.family import family_slips, family_written
from factlint.assess.verdict import SITUATIONS, Situation, Verdict, VerdictKind
from factlint.kb.index import KBIndex
from factlint.mentions import Loose, Mention
from factlint.text import token_keys

__all__ = ["SITUATIONS", "Assessor", "Situation", "Verdict", "VerdictKind", "family_slips", "family_written"]


class Assessor:
    """The verdicts on one draft's mentions (the draft's names count: see ``persons_in_doc``)."""

    def __init__(self, index: KBIndex, mentions: list[Mention], loose: Iterable[Loose] = ()) -> None:
        self.ix = index
        self.kb = index.kb
        self.mentions = mentions
        self.loose = tuple(loose)
        self._words: Counter[str] | None = None
        # person id -> mentions of them with one reading (full or family name)
        self.persons_in_doc: dict[str, int] = {}
        # ... with their full name: a family name alone after a near miss may be the near miss's
        self.full_in_doc: dict[str, int] = {}
        for m in mentions:
            if len(m.persons) == 1 and m.kind in ("name", "family"):
                pid = m.persons[0]
                self.persons_in_doc[pid] = self.persons_in_doc.get(pid, 0) + 1
                if m.kind == "name":
                    self.full_in_doc[pid] = self.full_in_doc.get(pid, 0) + 1

    @property
    def words(self) -> Counter[str]:
        """How often the draft writes each name word (in mentions, and
        capitalised words that matched no one); counted when a near miss
        first asks, since only near misses weigh it."""
        if self._words is None:
            keys = [w.key for w in self.loose]
            for m in self.mentions:
                keys.extend(token_keys(m.text))
            self._words = Counter(keys)
        return self._words

    def verdicts(self) -> list[Verdict]:
        out = []
        for m in self.mentions:
            v = self.assess(m)
            if v is not None:
                out.append(v)
        return out

    def assess(self, m: Mention) -> Verdict | None:
        """Which judgement applies to the mention, the most specific first."""
        if m.kind == "conflated":
            return people.conflated(self.ix, self.persons_in_doc, m, self.full_in_doc)
        if m.kind == "unknown":
            return tenure.unknown(self.ix, m) if m.title is not None and not m.quoted else None
        if m.kind == "near":
            meant = tuple(p for p in m.persons if evidence.meant(self.ix, self.full_in_doc, m, p, self.words))
            if not meant:
                return None  # someone the KB does not know
            m = dataclasses.replace(m, persons=meant)
        # A title inside a quotation is what the speaker said, not the paper's claim.
        if m.kind in ("name", "family", "misspelling", "near") and m.title is not None and m.title.offices \
                and not m.quoted:
            if m.kind == "family" and len(m.persons) > 1:
                return None
            if m.kind == "near" and m.title.specific and not self.ix.served(m.persons, m.title.offices):
                return self.misspelled(m)  # who is meant is unsure: no claim about their office
            v = tenure.title_verdict(self.ix, m, self.persons_in_doc)
            if v is not None and v.kind == VerdictKind.WRONG_HOLDER and (
                    m.form_kind == "variant" or (m.kind == "family" and m.persons[0] not in self.full_in_doc)):
                # "Sen. Bob Menendez": not the KB's Robert Menendez, who never
                # held it, but a namesake; "Senator Sessions" in a draft that
                # never names the KB's Pete Sessions: another Sessions
                return None
            if v is not None:
                return v
        if m.kind in ("misspelling", "near"):
            return self.misspelled(m)
        return None

    def misspelled(self, m: Mention) -> Verdict | None:
        return people.misspelled(self.ix, self.persons_in_doc, m)
