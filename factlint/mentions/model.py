"""What the mention finder gives: titles, mentions, loose words, readings.

Takes nothing; every other stage of :mod:`factlint.mentions` builds these
records. :class:`Title`, :class:`Mention` and :class:`Loose` leave the
package (engine, checks and assessor read them); :class:`Reading` and
:class:`Namesake` are what name resolution hands the linker.
"""
from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from factlint.dates import Period
from factlint.kb.index import NameForm
from factlint.lexicon import Cue, Tense


class MentionKind(StrEnum):
    """How a written name was read (the same strings as before: StrEnum equals str)."""

    NAME = "name"                # a known form of one or more people's name
    FAMILY = "family"            # a family name alone ("Blinken")
    MISSPELLING = "misspelling"  # a misspelling the KB lists
    NEAR = "near"                # a letter or so off a known name
    CONFLATED = "conflated"      # one person's given name with another's family name
    UNKNOWN = "unknown"          # a name after a title that the KB does not know


# Records made by the thousand per draft are not ``frozen``: a frozen
# dataclass sets each field through ``object.__setattr__`` (a 7-field record
# took 6.5 µs to make against 1.5 µs, bench/README.md). They are immutable by
# convention (``dataclasses.replace`` makes changed copies) and hash by
# value as frozen ones do (``unsafe_hash``).
@dataclass(slots=True, unsafe_hash=True)
class Title:
    start: int
    end: int
    text: str                   # the title as written, modifiers included
    offices: frozenset[str]
    modifiers: tuple[Tense, ...]  # normalised: former, then, outgoing, incoming, acting, current
    specific: bool              # names a jurisdiction or an office's own title
    label: str                  # the title without its modifiers, for messages
    # each modifier as written, lower-cased, with a trailing "-" when a hyphen
    # joins it to the next word ("ex-", "then-", "late", "elect"); parallel to ``modifiers``
    modifier_words: tuple[str, ...] = ()
    named: bool = False         # names its offices by their own titles (or a short form of them), not a role word
    implied: bool = False       # a short form that leaves the jurisdiction unwritten ("Health Secretary")
    party: str = ""             # a party the holder must have had ("(D-Vt.)": factlint.mentions.party)


class Loose(NamedTuple):
    """A capitalised word that matched nothing (segment, start, end, folded key)."""

    segment: int
    start: int
    end: int
    key: str


@dataclass(slots=True, unsafe_hash=True)  # (not frozen: see Title)
class Mention:
    """One written reference to a person, with the title attached to it."""

    segment: int
    start: int
    end: int
    text: str
    kind: MentionKind
    persons: tuple[str, ...]
    form: NameForm | None
    title: Title | None
    when: Period
    explicit_time: bool
    form_kind: str = ""  # for kind "name": canonical | alias | variant
    family_persons: tuple[str, ...] = ()  # for kind "conflated": whose family name it is
    family_text: str = ""  # for kind "name": the family-name part as written ("Zelenskyy")
    # for a titled mention: what its sentence says about when the title is
    # claimed (``factlint.mentions.tense``), and the article's date
    cues: AbstractSet[Cue] = frozenset()  # a lazy ``tense.Cues`` when titled
    now: Period | None = None
    # inside a direct quotation: someone else's words (``factlint.mentions.tense.quoted``)
    quoted: bool = False


class Reading(NamedTuple):
    """A run of tokens read as a name: tokens [start, end) of the segment."""

    kind: MentionKind
    start: int
    end: int
    persons: tuple[str, ...]  # for kind "conflated": whose given name it is
    form: NameForm | None = None
    form_kind: str = ""  # for kind "name": canonical | alias | variant
    family_persons: tuple[str, ...] = ()  # for kind "conflated": whose family name it is


class Namesake(NamedTuple):
    """A known name with a suffix ("Donald Trump Jr."): someone else, not
    reported; reading resumes at token *end*."""

    end: int
