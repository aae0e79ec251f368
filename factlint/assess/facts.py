"""What the KB says about people and offices at a date, for the verdicts.

Takes the compiled KB index, person and office ids and a period; gives
names, the offices a person held then, the holders of offices then (as
tenures), and the "instead" clause built from them (phrased by
:mod:`factlint.assess.wording`).
"""
from __future__ import annotations

from collections.abc import Iterable

from factlint import tuning
from factlint.assess import wording
from factlint.dates import Period
from factlint.kb.index import KBIndex
from factlint.kb.model import Office, Tenure
from factlint.lexicon import TEAM_WORDS
from factlint.mentions.model import Title
from factlint.text import keys


def name(ix: KBIndex, pid: str) -> str:
    return ix.kb.people[pid].name


def held_at(ix: KBIndex, pid: str, when: Period, exclude: frozenset[str] = frozenset()) -> list[Office]:
    """The offices *pid* may have held at *when*, but those in *exclude*."""
    return [ix.kb.offices[t.office] for t in ix.tenures(pid) if t.may_cover(when) and t.office not in exclude]


def was_then(ix: KBIndex, pid: str, when: Period, exclude: frozenset[str] = frozenset()) -> str:
    """"NAME was TITLE and TITLE" at *when* ("" if the KB lists no office then)."""
    held = held_at(ix, pid, when, exclude)
    return wording.was(name(ix, pid), wording.office_list(ix, held)) if held else ""


def broad(ix: KBIndex, office: str) -> bool:
    """The office's role is too broad to judge (``broad: true`` in the KB)."""
    kb = ix.kb
    return kb.roles[kb.offices[office].role].broad


def too_broad(ix: KBIndex, title: Title) -> bool:
    """No office of the title can be judged: all are of broad roles, and the
    title names none by its own title ("Minister X", not "Work and Pensions
    Secretary X", which names one office the KB lists the holders of)."""
    return not title.named and all(broad(ix, o) for o in title.offices)


def team(title: Title) -> bool:
    """The title names one member of a team ("White House spokesman"): the
    KB lists the principal ("Press Secretary"), not the deputies who also
    speak for the office, so it cannot say that someone was not one of them,
    or not one yet."""
    return any(k in TEAM_WORDS for k in keys(title.label))


def instead(ix: KBIndex, when: Period, pid: str | None, offices: Iterable[str],
            label: str) -> tuple[str, list[str], list[Tenure]]:
    """'on DATE the TITLE was X; NAME was Y', the names to suggest, and the
    tenures the first clause rests on."""
    offices = frozenset(offices)
    ten = ix.holders_on(offices, when)
    if len(ten) > tuning.MAX_HOLDERS_NAMED:
        ten = []  # "the U.S. Senator was ..." a hundred people: say what the person was instead
    names = [name(ix, t.person) for t in ten]
    own = was_then(ix, pid, when, offices) if pid is not None else ""
    return wording.instead(wording.holders(when, label, names), own), names, ten
