"""factlint/mentions/timeline.py: the explicit time each sentence states."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint.dates import Period, parse_period
from factlint.mentions.timeline import RELATIVE_TIMES, Clock, whole_time
from factlint.mentions.tokens import Tokens

ARTICLE = Period.day(dt.date(2024, 6, 1))


def time_of(text: str, word: str, anchor: str | None = None) -> tuple[str, bool]:
    """The time that applies at *word* of *text*, and whether the draft states it."""
    v = Tokens(text)
    i = next(k for k, t in enumerate(v.toks) if t.raw == word)
    when, explicit = Clock(v, ARTICLE, parse_period(anchor) if anchor else None).when(i)
    return when.text, explicit


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("In 2019, the minister Ana Varga resigned.", "Varga", ("2019", True)),
        ("On 12 June 2018 Ana Varga resigned.", "Varga", ("2018-06-12", True)),
        ("In March 2022 Ana Varga resigned.", "Varga", ("2022-03", True)),
        ("During his 2016 visit Ana Varga spoke.", "Varga", ("2016", True)),
        ("In mid-2019 Ana Varga spoke.", "Varga", ("2019", True)),
        ("Ana Varga, elected in 2019, spoke.", "Varga", ("2024-06-01", False)),  # another clause
        ("In 2019 it rained. Ana Varga spoke.", "Varga", ("2024-06-01", False)),  # a new sentence
        ("Some 2000 soldiers met Ana Varga.", "Varga", ("2024-06-01", False)),  # a count, not a year
        ("Ana Varga spoke.", "Varga", ("2024-06-01", False)),
    ],
)
def test_a_stated_time_applies_after_it_in_its_sentence(text: str, word: str, expected: tuple[str, bool]) -> None:
    assert time_of(text, word) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ana Varga was appointed by the council in 2019.", "Varga", ("2019", True)),  # after her, in her clause
        ("Bo Lind, appointed in 1979 by Ana Varga, will be replaced by Cy Moe.", "Varga", ("1979", True)),
        ("Bo Lind, appointed in 1979 by Ana Varga, will be replaced by Cy Moe.", "Moe", ("2024-06-01", False)),
        ("Ana Varga denied that Bo Lind acted in 2016.", "Varga", ("2024-06-01", False)),  # another clause
        ("Ana Varga denied that Bo Lind acted in 2016.", "Lind", ("2016", True)),
        ("Ana Varga walks in the garden, on 5 May 2019.", "Varga", ("2019-05-05", True)),  # a clause that is only a time
        ("On a winter day in 2003, Ana Varga spoke.", "Varga", ("2003", True)),  # the sentence's head
        ("But in 2019, the port, which Bo Lind built, grew under Ana Varga.", "Varga", ("2019", True)),
    ],
)
def test_a_stated_time_applies_to_its_clause(text: str, word: str, expected: tuple[str, bool]) -> None:
    assert time_of(text, word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two years later, Ana Varga spoke.", "2021"),
        ("A year earlier, Ana Varga spoke.", "2018"),
        ("The following year Ana Varga spoke.", "2020"),
        ("The previous year Ana Varga spoke.", "2018"),
        ("Later that year Ana Varga spoke.", "2019"),
        ("At the time, Ana Varga spoke.", "2019"),
        ("Several years later Ana Varga spoke.", "2021\u20132028"),
        ("Months later Ana Varga spoke.", "2019\u20132020"),
    ],
)
def test_a_time_counted_from_the_last_one(text: str, expected: str) -> None:
    assert time_of(text, "Varga", anchor="2019") == (expected, True)


def test_a_counted_time_with_nothing_to_count_from_leaves_the_article_date() -> None:
    assert time_of("Two years later, Ana Varga spoke.", "Varga") == ("2024-06-01", False)


def test_the_last_time_carries_to_the_next_segment() -> None:
    clock = Clock(Tokens("It began in 2015 and ended in 2017."), ARTICLE, None)
    after = clock.after()
    assert after is not None and after.text == "2017"
    assert Clock(Tokens("Nothing here."), ARTICLE, after).after() == after


def test_every_relative_time_is_found_by_its_first_word() -> None:
    for entry in RELATIVE_TIMES:
        assert entry.words and all(entry.words), entry


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2019", "2019"),
        ("March 2022", "2022-03"),
        ("2014\u20132019", "2014\u20132019"),
        ("2014 to 2019", "2014\u20132019"),
        ("2021 to present", "2021\u2013"),
        ("2019 and more", None),
        ("Secretary of State", None),
    ],
)
def test_a_table_cell_that_is_only_a_time(cell: str, expected: str | None) -> None:
    found = whole_time(Tokens(cell), ARTICLE)
    assert (found.text if found else None) == expected
