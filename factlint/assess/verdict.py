"""The verdict record and its contract.

Takes nothing; gives :class:`Verdict` (what the assessor says about one
mention), the closed sets of verdict kinds and situations (``StrEnum``: the
same strings rule files and the wire use), and :data:`SITUATIONS`: for each
kind, each situation it can produce and the fields its ``fields`` dict then
always provides, so a rule's templates can be checked against it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class VerdictKind(StrEnum):
    """Which rule reports a verdict (``options: {verdict: ...}`` of a ``fact`` rule)."""

    CONFLATED = "conflated"        # FL103
    WRONG_HOLDER = "wrong-holder"  # FL101
    OUTDATED = "outdated"          # FL102
    MISSPELLED = "misspelled"      # FL201


class Situation(StrEnum):
    """Which message template of the rule applies."""

    NEVER = "never"            # wrong holder: did not hold the office at the date
    NEVER_HELD = "never-held"  # wrong holder: a former/then- title never held at all
    UNKNOWN = "unknown"        # wrong holder: a name the KB does not know, a known holder then
    LEFT = "left"              # outdated: no longer held it
    NOT_YET = "not-yet"        # outdated: had not taken office yet
    STILL = "still"            # outdated: "former" while still in office
    ALREADY = "already"        # outdated: "incoming" while already in office
    TITLED = "titled"          # conflated, with a title
    UNTITLED = "untitled"      # conflated, without one
    LISTED = "listed"          # misspelled: a misspelling the KB lists
    NEAR = "near"              # misspelled: a near miss of a known name
    FAMILY = "family"          # misspelled: a family name alone off the one the draft uses


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: VerdictKind
    situation: Situation
    segment: int
    start: int
    end: int
    fields: dict[str, str] = field(default_factory=dict)
    suggestions: tuple[str, ...] = ()
    probable: bool = False  # rests on an open tenure past its file's as_of (then ``fields`` has "as_of")


# The fields every verdict of a kind and situation provides. "as_of" is
# there only sometimes (with ``probable``), so it is never guaranteed.
_TITLED = frozenset({"text", "title", "the_title", "date", "on_date"})  # a mention's title at its date
_TENURE = _TITLED | {"name", "modifier"}  # ... judged against one person's tenures
_MIXED = frozenset({"text", "first", "second", "date", "on_date", "instead"})
_SPELLED = frozenset({"text", "name"})

SITUATIONS: dict[VerdictKind, dict[Situation, frozenset[str]]] = {
    VerdictKind.WRONG_HOLDER: {
        Situation.NEVER: _TENURE | {"instead"},
        Situation.NEVER_HELD: _TENURE | {"instead"},
        Situation.UNKNOWN: _TITLED | {"instead"},
    },
    VerdictKind.OUTDATED: {
        Situation.LEFT: _TENURE | {"left", "instead"},
        Situation.NOT_YET: _TENURE | {"since", "instead"},
        Situation.STILL: _TENURE | {"since"},
        Situation.ALREADY: _TENURE | {"since"},
    },
    VerdictKind.CONFLATED: {
        Situation.TITLED: _MIXED,
        Situation.UNTITLED: _MIXED,
    },
    VerdictKind.MISSPELLED: {
        Situation.LISTED: _SPELLED,
        Situation.NEAR: _SPELLED,
        Situation.FAMILY: _SPELLED,
    },
}
