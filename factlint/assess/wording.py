"""All English phrasing of the clauses verdicts put in their messages.

Takes periods, names, office records and a KB (or its index) for office
labels; gives strings: "on 12 June 2018", "the US Secretary of State",
"A, B and C", and the "instead" clauses ("on DATE the TITLE was X; NAME was
Y") that say what the KB holds. Rules' templates arrange these clauses; no
other module of the assessor writes English.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from factlint.dates import Period
from factlint.kb.model import KnowledgeBase, Office, Tenure
from factlint.lexicon import Tense

if TYPE_CHECKING:
    from factlint.kb.index import KBIndex

NO_OFFICE = "the KB lists no office for them"
WHICH_IS_MEANT = "check which of them is meant"
UNKNOWN_DATE = "?"  # a tenure the KB gives no end for, where one is named
# How a suggestion writes the modifier of a never-held title.
_PREFIXES = {Tense.FORMER: "former ", Tense.THEN: "then-"}


def on(when: Period) -> str:
    """"on 12 June 2018" for a day, "in 2018" for anything longer."""
    return f"on {when.text}" if when.start == when.end else f"in {when.text}"


def the(label: str) -> str:
    return label if "'s " in label or label.lower().startswith("the ") else f"the {label}"


def join(names: Iterable[str]) -> str:
    """"A", "A and B", "A, B and C" (repeats dropped)."""
    names = list(dict.fromkeys(names))
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def office_label(kb: KnowledgeBase | KBIndex, office: Office) -> str:
    """The office as a message names it: its title, with the jurisdiction's
    adjective unless the title names the jurisdiction ("US Secretary of
    State", "Foreign Secretary of the United Kingdom"); else the role."""
    kb = kb if isinstance(kb, KnowledgeBase) else kb.kb
    title = office.title
    j = kb.jurisdictions.get(office.jurisdiction)
    if title:
        if j is not None:
            lowered = title.casefold()
            if any(f.casefold() in lowered for f in (j.name, *j.aliases, *j.adjectives)):
                return title
            return f"{_adjective(j.name, j.adjectives)} {title}"
        return title
    role = kb.roles[office.role].name
    if j is None:
        return role
    return f"{_adjective(j.name, j.adjectives)} {role}"


def _adjective(name: str, adjectives: tuple[str, ...]) -> str:
    return min(adjectives, key=len) if adjectives else name


def office_list(kb: KnowledgeBase | KBIndex, held: Iterable[Office]) -> str:
    """"the US Secretary of State and the US National Security Advisor"."""
    return join(office_label(kb, o) for o in held)


def was(name: str, what: str) -> str:
    return f"{name} was {what}"


def holders(when: Period, label: str, names: list[str]) -> str:
    """"on DATE the TITLE was X" ("" if the KB knows no holder)."""
    return f"{on(when)} {the(label)} was {join(names)}" if names else ""


def instead(*clauses: str) -> str:
    """Clauses of what the KB says instead, joined ("" if there are none)."""
    return "; ".join(c for c in clauses if c)


def on_each(when: Period, clauses: list[str]) -> str:
    """"on DATE A was X; B was Y", or a hint to check if there is nothing to say."""
    return f"{on(when)} " + "; ".join(clauses) if clauses else WHICH_IS_MEANT


def also(text: str, clause: str) -> str:
    """*text* with one more clause after it."""
    return f"{text}; {clause}"


def end_of(t: Tenure) -> str:
    return t.end.text if t.end else UNKNOWN_DATE


def held_until(name: str, t: Tenure) -> str:
    return f"{name} held it until {end_of(t)}"


def took_office(name: str, t: Tenure) -> str:
    return f"{name} took office on {t.start.text}"


def titled(label: str, name: str, tense: Tense | None = None) -> str:
    """A suggestion: "Secretary of State Antony Blinken", "former President X"."""
    return f"{_PREFIXES[tense] if tense is not None else ''}{label} {name}"


def in_office(label: str, name: str) -> str:
    """A suggestion for an "incoming" title of someone already in office."""
    return f"{label.replace('-elect', '')} {name}".strip()
