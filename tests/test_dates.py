"""factlint/dates.py: the years factlint checks, and room for the checks' windows."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint import tuning
from factlint.dates import MAX_YEAR, MIN_YEAR, check_day, parse_day, parse_period


@pytest.mark.parametrize("text", ["0001-01-01", "0999-12-31", "9900-01-01", "9999-12-31", "0999", "9999-12"])
def test_out_of_range(text: str) -> None:
    with pytest.raises(ValueError, match=f"date out of range: '{text}' \\(factlint checks years 1000 to 9899\\)"):
        parse_period(text)


def test_ends_of_the_range() -> None:
    assert parse_day("1000-01-01") == dt.date(1000, 1, 1)
    assert parse_day("9899-12-31") == dt.date(9899, 12, 31)
    with pytest.raises(ValueError, match="date out of range"):
        parse_period(dt.date(1, 1, 1))
    with pytest.raises(ValueError, match="date out of range"):
        check_day(dt.date.max)


def test_the_widest_window_fits_inside_the_range() -> None:
    widest = max(tuning.RECENT, tuning.MIX_WINDOW, tuning.RECORD_MARGIN) + dt.timedelta(days=366 * tuning.SOME_YEARS[1])
    assert dt.date(MIN_YEAR, 1, 1) - widest >= dt.date.min
    assert dt.date(MAX_YEAR, 12, 31) + widest <= dt.date.max
