"""The compiled KB: token tries for names and titles, and token maps.

Built once from a :class:`~factlint.kb.model.KnowledgeBase` and cached on
disk (see :mod:`factlint.kb`). Mention finding walks the tries token by token
(no name is compared against every token); fuzzy matching only ever looks at
the few candidates that share a given or family name with what was written.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from factlint.dates import Period
from factlint.kb.model import KnowledgeBase, Office, Person, Tenure
from factlint.lexicon import (
    NAME_PARTICLES,
    NAME_SUFFIXES,
    OFFICE_HEADS,
    OTHER_OFFICE,
    OTHER_OFFICE_BEFORE,
    PEERAGE,
    PORTFOLIO_SEPARATORS,
    TIME_MODIFIERS,
)
from factlint.text import fold, keys, tokenize

Key = tuple[str, ...]
END = ""  # trie terminal marker (no token is empty)


class NameForm(NamedTuple):
    """One way of writing a person's name, split into given and family parts."""

    person: str
    text: str
    kind: str  # "canonical" | "alias" | "misspelling"
    key: Key
    given: Key
    family: Key
    family_first: bool
    family_at: int = -1  # index of the family part in ``key``

    def family_span(self) -> tuple[int, int]:
        at = self.family_at if self.family_at >= 0 else len(self.key) - len(self.family)
        return at, at + len(self.family)


def _split(person: Person, text: str, kind: str) -> NameForm:
    k = keys(text)
    fam = keys(person.family) if person.family else ()
    if fam:
        for i in range(len(k) - len(fam) + 1):
            if k[i : i + len(fam)] == fam:
                return NameForm(person.id, text, kind, k, k[:i] + k[i + len(fam):], fam, i == 0 and len(k) > len(fam), i)
        # A transliterated alias: put the family part where the canonical name has it.
        canon = keys(person.name)
        first = canon[: len(fam)] == fam and len(canon) > len(fam)
        n = len(fam)
        if first:
            return NameForm(person.id, text, kind, k, k[n:], k[:n], len(k) > n, 0)
        return NameForm(person.id, text, kind, k, k[:-n] if len(k) > n else (), k[-n:], False, max(len(k) - n, 0))
    if len(k) == 1:
        return NameForm(person.id, text, kind, k, (), k, False, 0)
    if k[0] in PEERAGE and k[1] == "of":
        # "Marquess of Lothian": a title of a place, with no family name in it
        return NameForm(person.id, text, kind, k, (), k, False, 0)
    if k[0] in PEERAGE:
        # A peer: "Lord Ahmad of Wimbledon", "Baroness Smith": the name is
        # the one after the rank, before "of" (the rank is not a given name).
        cut = k.index("of", 2) if "of" in k[2:] else len(k)
        return NameForm(person.id, text, kind, k, (), k[1:cut], False, 1)
    # Particles such as "al-", "van", "de" belong to the family name; a
    # suffix ("Jr.") or a peer's territorial designation ("Lord Smith of
    # Exton") comes after it and is neither given nor family name.
    end = k.index("of", 1) if "of" in k[1:-1] else len(k)
    while end > 1 and k[end - 1] in NAME_SUFFIXES:
        end -= 1
    i = end - 1
    while i > 1 and k[i - 1] in NAME_PARTICLES:
        i -= 1
    return NameForm(person.id, text, kind, k, k[:i], k[i:end], False, i)


def _insert(trie: dict, key: Key, value: object) -> None:
    node = trie
    for tok in key:
        node = node.setdefault(tok, {})
    node.setdefault(END, []).append(value)


def _strip_jurisdiction(k: Key, jur_words: set[Key]) -> tuple[int, int]:
    """The span of *k* without a jurisdiction word before it ("UK Financial
    Secretary") or "of [the] JURISDICTION" after it ("Deputy Prime Minister of
    the United Kingdom")."""
    for n in range(len(k) - 1, 0, -1):
        if k[:n] in jur_words:
            return n, len(k)
    for i in range(1, len(k) - 1):
        if k[i] == "of":
            rest = k[i + 2:] if k[i + 1] == "the" else k[i + 1:]
            if rest in jur_words:
                return 0, i
    return 0, len(k)


def _role_of_the(k: Key, role_keys: dict[Key, str]) -> str | None:
    """The role a title "ROLE of the X" starts with, if any."""
    for i in range(1, len(k) - 2):
        if k[i] == "of" and k[i + 1] == "the":
            return role_keys.get(k[:i])
    return None


def shorthands(text: str, jur_words: set[Key]) -> list[Key]:
    """The short forms journalists write for an office's formal title *text*
    (as folded keys): the title without its jurisdiction, and a portfolio
    before its head word — "Secretary of State for Trade and Industry" gives
    "Trade and Industry Secretary" and "Trade Secretary"; "Minister of
    Agriculture, Fisheries and Food" gives "Agriculture Minister". Derived
    once, when the index is built."""
    toks = tokenize(text)
    k = tuple(t.key for t in toks)
    a, b = _strip_jurisdiction(k, jur_words)
    bare = k[a:b]
    out: list[Key] = [bare] if bare and bare != k else []
    for head, lead in OFFICE_HEADS.items():
        n = len(lead)
        if bare[:n] != lead or len(bare) <= n + 1 or bare[n] not in ("of", "for"):
            continue
        start = a + n + 1 + (k[a + n + 1] == "the")
        commas = [i + 1 for i in range(start, b - 1) if text[toks[i].end : toks[i + 1].start].strip() == ","]
        first = start
        while first < b and k[first] not in PORTFOLIO_SEPARATORS and first not in commas:
            first += 1
        listed = bool(commas)
        # a list of portfolios ("Culture, Media and Sport") is too long to write out
        for stop in dict.fromkeys(((first,) if listed else (b, first))):
            if stop > start:
                out.append((*k[start:stop], head))
    return out


@dataclass
class KBIndex:
    kb: KnowledgeBase
    names: dict = field(default_factory=dict)        # token trie -> [NameForm]
    jurisdictions: dict = field(default_factory=dict)  # trie -> [jurisdiction id]
    roles: dict = field(default_factory=dict)         # trie -> [role id]
    office_titles: dict = field(default_factory=dict)  # trie -> [office id]
    # trie -> [office id]: short forms derived from the offices' own titles
    # ("Health Secretary" from "Secretary of State for Health"); they leave the
    # jurisdiction implied (see :func:`shorthands`)
    shorthand_titles: dict = field(default_factory=dict)
    by_family: dict[Key, list[NameForm]] = field(default_factory=dict)
    by_given: dict[str, list[NameForm]] = field(default_factory=dict)  # first given token
    # given-name-first forms by their whole given part, and by (first given token, family part)
    by_given_part: dict[Key, list[NameForm]] = field(default_factory=dict)
    by_first_and_family: dict[tuple[str, Key], list[NameForm]] = field(default_factory=dict)
    offices_by_role: dict[str, list[str]] = field(default_factory=dict)
    offices_by_role_jur: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    title_starts: frozenset[str] = frozenset()  # first words of every title phrase
    candidate_keys: frozenset[str] = frozenset()  # title starts and modifiers: where a scan must stop
    title_next: dict[str, frozenset[str]] = field(default_factory=dict)  # start word -> words that may follow it
    acronyms: frozenset[str] = frozenset()  # title words the KB writes in capitals only ("US", "UK")
    tenures_by_person: dict[str, list[Tenure]] = field(default_factory=dict)
    forms_by_person: dict[str, list[NameForm]] = field(default_factory=dict)
    title_words: frozenset[str] = frozenset()
    name_words: frozenset[str] = frozenset()
    # family key -> the people it may name, filled as drafts ask (see family_persons)
    family_people: dict[Key, tuple[str, ...]] = field(default_factory=dict, repr=False)
    # office id -> its holders by start (see holders_on), filled as drafts ask
    holder_starts: dict[str, tuple[list[int], list[dt.date], list[dt.date]]] = field(default_factory=dict, repr=False)
    # (name keys, offices of a specific title or None) -> near-miss reading, filled as drafts ask
    # (see factlint.mentions.names.near_or_mixed)
    near_readings: dict = field(default_factory=dict, repr=False)
    # person id -> their family name as written (see canonical_family), filled as drafts ask
    canonical_families: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, kb: KnowledgeBase) -> KBIndex:
        idx = cls(kb)
        idx._index_names()
        idx._index_titles()
        tbp: dict[str, list[Tenure]] = defaultdict(list)
        for o in kb.offices.values():
            for t in o.holders:
                tbp[t.person].append(t)
        idx.tenures_by_person = {k: sorted(v, key=lambda t: t.start.start) for k, v in tbp.items()}
        return idx

    def _index_names(self) -> None:
        """The name trie and the maps of name forms by family and given parts."""
        by_family: dict[Key, list[NameForm]] = defaultdict(list)
        by_given: dict[str, list[NameForm]] = defaultdict(list)
        name_words: set[str] = set()
        forms_by_person: dict[str, list[NameForm]] = defaultdict(list)
        for p in self.kb.people.values():
            forms = [(p.name, "canonical")] + [(a, "alias") for a in p.aliases] + [(m, "misspelling") for m in p.misspellings]
            seen: set[tuple[Key, str]] = set()
            for text, kind in forms:
                nf = _split(p, text, kind)
                if not nf.key or (nf.key, text) in seen:
                    continue
                seen.add((nf.key, text))
                _insert(self.names, nf.key, nf)
                forms_by_person[p.id].append(nf)
                name_words.update(nf.key)
                if kind != "misspelling":
                    by_family[nf.family].append(nf)
                    if nf.given:
                        by_given[nf.given[0]].append(nf)
        self.by_family = dict(by_family)
        self.forms_by_person = dict(forms_by_person)
        self.by_given = dict(by_given)
        by_part: dict[Key, list[NameForm]] = defaultdict(list)
        by_first_family: dict[tuple[str, Key], list[NameForm]] = defaultdict(list)
        for forms_ in by_given.values():
            for nf in forms_:
                if not nf.family_first:
                    by_part[nf.given].append(nf)
                    by_first_family[(nf.given[0], nf.family)].append(nf)
        self.by_given_part = dict(by_part)
        self.by_first_and_family = dict(by_first_family)
        self.name_words = frozenset(name_words)

    def _index_titles(self) -> None:
        """The jurisdiction, role and office-title tries, and the words a title may start with."""
        kb = self.kb
        title_words: set[str] = set()
        for j in kb.jurisdictions.values():
            for text in (j.name, *j.aliases, *j.adjectives):
                k = keys(text)
                if k:
                    _insert(self.jurisdictions, k, j.id)
                    title_words.update(k)
        for r in kb.roles.values():
            for text in (r.name, *r.aliases):
                k = keys(text)
                if k:
                    _insert(self.roles, k, r.id)
                    title_words.update(k)
        by_role: dict[str, list[str]] = defaultdict(list)
        by_rj: dict[tuple[str, str], list[str]] = defaultdict(list)
        own: set[Key] = set()
        for o in kb.offices.values():
            by_role[o.role].append(o.id)
            by_rj[(o.role, o.jurisdiction)].append(o.id)
            for text in (o.title or "", *o.aliases):
                k = keys(text) if text else ()
                if k:
                    _insert(self.office_titles, k, o.id)
                    title_words.update(k)
                    own.add(k)
        role_keys = {keys(text): r.id for r in kb.roles.values() for text in (r.name, *r.aliases)}
        own.update(role_keys)
        for o in kb.offices.values():
            # "Chancellor of the Exchequer" is also read by the bare role word
            # "Chancellor" (of two roles the KB judges: no broad one).
            word = _role_of_the(keys(o.title or ""), role_keys)
            if word is not None and word != o.role and not (kb.roles[word].broad or kb.roles[o.role].broad):
                by_role[word].append(o.id)
                by_rj[(word, o.jurisdiction)].append(o.id)
        jur_words = {keys(text) for j in kb.jurisdictions.values() for text in (j.name, *j.aliases, *j.adjectives)}
        for o in kb.offices.values():
            for k in dict.fromkeys(s for text in (o.title or "", *o.aliases) if text for s in shorthands(text, jur_words)):
                if k not in own:  # an office's own title or a role word already reads it
                    _insert(self.shorthand_titles, k, o.id)
                    title_words.update(k)
        self.offices_by_role = dict(by_role)
        self.offices_by_role_jur = dict(by_rj)
        self.acronyms = frozenset(
            fold(w) for j in kb.jurisdictions.values() for text in (j.name, *j.aliases, *j.adjectives)
            for w in text.replace(".", " ").split() if w.isupper() and len(w) <= 4
        )
        tries = (self.jurisdictions, self.roles, self.office_titles, self.shorthand_titles)
        self.title_starts = frozenset(k for trie in tries for k in trie if k != END)
        modifier_words = frozenset(TIME_MODIFIERS) | OTHER_OFFICE | frozenset(OTHER_OFFICE_BEFORE)
        self.candidate_keys = self.title_starts | modifier_words
        # A word that only begins longer titles ("the" of "the Commission",
        # "trade" of "Trade Minister") needs one of these words right after it.
        for word in self.title_starts - modifier_words:
            nodes = [trie[word] for trie in tries if word in trie]
            if not any(END in node for node in nodes):
                self.title_next[word] = frozenset(w for node in nodes for w in node)
        self.title_words = frozenset(title_words)

    # -- queries -------------------------------------------------------------
    def office(self, office_id: str) -> Office:
        return self.kb.offices[office_id]

    def holders_on(self, office_ids: frozenset[str] | set[str], when: Period) -> list[Tenure]:
        out: list[Tenure] = []
        for oid in office_ids:
            holders = self.kb.offices[oid].holders
            got = self.holder_starts.get(oid)
            if got is None:
                got = self.holder_starts[oid] = _by_start(holders)
            order, starts, latest = got
            # The holders that may have started by when.end are the first k by
            # start; of those, scan back while an earlier one may still run.
            hits: list[int] = []
            for j in range(bisect_right(starts, when.end) - 1, -1, -1):
                if latest[j] < when.start:
                    break  # every holder up to j surely ended before when
                t = holders[order[j]]
                if t.end is None or t.end.end >= when.start:
                    hits.append(order[j])
            out.extend(holders[i] for i in sorted(hits))  # in the holders' order, as sorted() keeps it
        return sorted(out, key=lambda t: (t.start.start, t.office))

    def family_persons(self, family: Key) -> tuple[str, ...]:
        """The people whose family name is *family*, in the KB's order (a
        family name alone may name any of them; worked out once per name,
        since in a large KB a common one names hundreds)."""
        got = self.family_people.get(family)
        if got is None:
            got = self.family_people[family] = tuple(dict.fromkeys(f.person for f in self.by_family[family]))
        return got

    def by_family_of(self, person: str) -> list[NameForm]:
        return self.forms_by_person.get(person, [])

    def canonical_family(self, person: str) -> str | None:
        """The family name as the person's canonical name writes it (worked
        out once per person: a draft names the same people again and again)."""
        if person in self.canonical_families:
            return self.canonical_families[person]
        found = None
        name = self.kb.people[person].name
        for nf in self.by_family_of(person):
            if nf.kind == "canonical":
                toks = tokenize(name)
                a, b = nf.family_span()
                if b <= len(toks):
                    found = name[toks[a].start : toks[b - 1].end]
                    break
        self.canonical_families[person] = found
        return found

    def tenures(self, person: str) -> list[Tenure]:
        return self.tenures_by_person.get(person, [])

    def served(self, persons: Iterable[str], offices: Iterable[str], exact: bool = False) -> bool:
        """One of *persons* held one of *offices* (*exact*), or any office of
        their jurisdictions."""
        offices = frozenset(offices)
        offs = self.kb.offices
        jurs = {offs[o].jurisdiction for o in offices}
        return any(t.office in offices if exact else offs[t.office].jurisdiction in jurs
                   for p in persons for t in self.tenures(p))


def _by_start(holders: tuple[Tenure, ...]) -> tuple[list[int], list[dt.date], list[dt.date]]:
    """An office's holders ordered by earliest start: their places, their
    earliest starts and, at each place, the latest end of any holder up to
    it (``date.max`` for one still in office)."""
    order = sorted(range(len(holders)), key=lambda i: holders[i].start.start)
    latest: list[dt.date] = []
    most = dt.date.min
    for i in order:
        end = holders[i].end
        most = max(most, dt.date.max if end is None else end.end)
        latest.append(most)
    return order, [holders[i].start.start for i in order], latest
