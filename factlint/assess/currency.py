"""Is a title claimed now? The one place that weighs the evidence.

Takes a mention (its tense cues, from ``factlint.mentions.tense``) and the
tenure its person last left; gives whether the title is claimed at the
article's date, so that "no longer TITLE" is a finding: a time the draft
states for the clause (``tuning.STATED_TIME_WEIGHT``), the cues' weights
(``tuning.CURRENCY_WEIGHTS``), a departure within ``tuning.LEFT_RECENTLY``
(``tuning.LEFT_RECENTLY_WEIGHT``, unless the draft names the successor) and
one ``tuning.LEFT_LONG_AGO`` or more before (``tuning.LEFT_LONG_AGO_WEIGHT``)
are added up against ``tuning.CLAIM_THRESHOLD``.
"""
from __future__ import annotations

from factlint import tuning
from factlint.kb.model import Tenure
from factlint.lexicon import Cue
from factlint.mentions import Mention


def score(m: Mention, left: Tenure | None, successor_named: bool = False) -> int:
    """The evidence that the title is claimed at the mention's date: a stated
    time, the cues, and how long ago they left. A recent departure counts
    for the claim (the writer may not have caught up) unless the draft names
    who held the office at the date (*successor_named*: it has caught up);
    a departure long ago counts against it (any reader knows it is history)."""
    total = sum(tuning.CURRENCY_WEIGHTS.get(c, 0) for c in m.cues)
    if m.explicit_time:
        total += tuning.STATED_TIME_WEIGHT
    if left is not None and left.end is not None:
        gone = m.when.start - left.end.end
        if gone <= tuning.LEFT_RECENTLY and not successor_named:
            total += tuning.LEFT_RECENTLY_WEIGHT
        elif gone >= tuning.LEFT_LONG_AGO:
            total += tuning.LEFT_LONG_AGO_WEIGHT
    return total


def claimed_now(m: Mention, left: Tenure | None, successor_named: bool = False) -> bool:
    """The title is claimed at the mention's date: evidence enough."""
    return score(m, left, successor_named) >= tuning.CLAIM_THRESHOLD


def hypothetical(m: Mention) -> bool:
    """"a President X would ...": no claim that they hold it yet."""
    return not m.explicit_time and Cue.HYPOTHETICAL in m.cues


def titled_as_now(m: Mention, tenures: list[Tenure]) -> bool:
    """A stated time with the title as it stands at the article's date: "the
    district voted for President X in 2016", written while X is President;
    "which former President X created in 2012", written after X left. The
    title of now for an event of then is how news names people, not a claim
    about then."""
    if not m.explicit_time or m.now is None:
        return False
    now = m.now
    return any(t.may_cover(now) for t in tenures)


def former_as_now(m: Mention, tenures: list[Tenure]) -> bool:
    """"former" as of the article's date, for an event at a stated time when they held it."""
    if not m.explicit_time or m.now is None:
        return False
    now = m.now
    return not any(t.surely_covers(now) for t in tenures) and any(t.end is not None for t in tenures)
