"""Dates as the KB writes them: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

A partial date stands for its whole month or year, so every date is a
:class:`Period` with a first and a last day. Checks give a partial date the
benefit of the doubt: a tenure *may* cover a day if any reading of its dates
does, and *surely* covers it only if every reading does.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from factlint.errors import shown

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# The years factlint accepts in any date (article, config, KB). The checks
# add windows of up to a few decades to a date (``factlint.tuning``: RECENT,
# MIX_WINDOW, RECORD_MARGIN; "several years later") and Python's dates end at
# years 1 and 9999, so a date near either end would overflow. Dates outside
# this range are rejected with "date out of range", never clamped: a clamped
# date would be checked as a different day than the one written.
MIN_YEAR = 1000
MAX_YEAR = 9899


class Period(NamedTuple):
    """An inclusive range of days written as one (possibly partial) date.

    A NamedTuple rather than a frozen dataclass: a KB holds tens of thousands
    of these, and tuples load from the KB cache three times faster.
    """

    start: dt.date
    end: dt.date
    text: str

    def __str__(self) -> str:
        return self.text

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day, day.isoformat())


def parse_period(value: object) -> Period:
    """Parse a KB or command-line date; raise ValueError with a plain reason."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Period.day(check_day(value))
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {shown(value)}")
    text = value.strip()
    m = _DATE_RE.match(text)
    if not m:
        raise ValueError(f"expected a date YYYY-MM-DD, YYYY-MM or YYYY, got {shown(value)}")
    if m.group(3) is not None and text.isascii():
        # The common full date, parsed in C; a bad one gets its reason below.
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            pass
        else:
            if MIN_YEAR <= day.year <= MAX_YEAR:
                return Period(day, day, text)
    year = int(m.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(out_of_range(value))
    if m.group(2) is None:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), text)
    month = int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"impossible date {shown(value)}: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if m.group(3) is None:
        return Period(dt.date(year, month, 1), dt.date(year, month, last), text)
    day = int(m.group(3))
    if not 1 <= day <= last:
        raise ValueError(f"impossible date {shown(value)}: {calendar.month_name[month]} {year} has {last} days")
    return Period.day(dt.date(year, month, day))


def parse_day(value: object) -> dt.date:
    """Parse a full ``YYYY-MM-DD`` date (for ``--date`` and front matter)."""
    period = parse_period(value)
    if period.start != period.end:
        # A partial article date is allowed: check it at its whole range.
        raise ValueError(f"expected a full date YYYY-MM-DD, got {shown(value)}")
    return period.start


def out_of_range(value: object) -> str:
    return f"date out of range: {shown(value)} (factlint checks years {MIN_YEAR} to {MAX_YEAR})"


def check_day(day: dt.date) -> dt.date:
    """*day* itself, or ValueError when it is outside the years factlint checks."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(out_of_range(day.isoformat()))
    return day
