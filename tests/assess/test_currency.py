"""factlint/assess/currency.py: a title its holder had left is a finding only as a claim about now."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint.assess import tenure
from factlint.assess.verdict import Situation
from factlint.document import parse_document
from factlint.kb.index import KBIndex
from factlint.mentions import Mention, find_mentions


def titled(kb: KBIndex, text: str, date: str) -> Mention:
    found = [m for m in find_mentions(parse_document(text, "<t>"), kb, dt.date.fromisoformat(date)) if m.title]
    assert len(found) == 1, found
    return found[0]


def situation(kb: KBIndex, text: str, date: str) -> Situation | None:
    v = tenure.title_verdict(kb, titled(kb, text, date))
    return None if v is None else v.situation


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Mike Pompeo visited Pyongyang.",  # past narration: the title he held then
        "Secretary of State Mike Pompeo's trip to Pyongyang failed.",
        "The talks stalled during President Donald Trump's first term.",
        "The plan dates from the tenure of Secretary of State Mike Pompeo.",
        "Few spent more than President Donald Trump.",
        "The deal had been signed by Secretary of State Mike Pompeo.",
        "Secretary of State Mike Pompeo was appointed in 2018.",  # the clause's time, after the name
    ],
)
def test_history_is_no_claim(kb: KBIndex, text: str) -> None:
    assert situation(kb, text, "2024-06-21") is None


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Mike Pompeo says the talks will resume.",
        "Secretary of State Mike Pompeo has said the talks will resume.",
        "Secretary of State Mike Pompeo said on Friday that the talks would resume.",
        "Today the minister met Secretary of State Mike Pompeo.",
        "In 2022, Secretary of State Mike Pompeo visited Kyiv.",  # a stated time he did not hold it at
    ],
)
def test_a_claim_about_now_is_reported(kb: KBIndex, text: str) -> None:
    assert situation(kb, text, "2024-06-21") == Situation.LEFT


def test_a_recent_departure_is_weighed_with_history(kb: KBIndex) -> None:
    assert situation(kb, "Secretary of State Antony Blinken visited Kyiv.", "2025-05-01") == Situation.LEFT
    assert situation(kb, "Secretary of State Antony Blinken visited Kyiv.", "2026-05-01") is None
    assert situation(kb, "Secretary of State Antony Blinken's trip had failed.", "2025-05-01") is None


def test_a_hypothetical_holder_is_not_yet_no_claim(kb: KBIndex) -> None:
    assert situation(kb, "A President Joe Biden would end the talks.", "2019-05-01") is None
    assert situation(kb, "President Joe Biden says he will end the talks.", "2019-05-01") == Situation.NOT_YET


def test_the_title_of_the_article_date_for_an_event_of_then(kb: KBIndex) -> None:
    # written while Biden was President, about 2019: how news names people
    assert situation(kb, "The state voted for President Joe Biden in 2016.", "2023-05-01") is None
    # written after Trump left, about his time in office
    assert situation(kb, "In 2019, former President Donald Trump met Kim Jong-un.", "2023-05-01") is None
    # but not when the article's date does not bear the title out either (2018:
    # inside the test KB's record of US presidents, which starts in 2017)
    assert situation(kb, "The state voted for President Joe Biden in 2018.", "2020-05-01") == Situation.NOT_YET


def test_a_departure_long_ago_is_history_unless_said_to_be_current(kb: KBIndex) -> None:
    told = "Secretary of State Mike Pompeo told aides to wait."
    assert situation(kb, told, "2024-06-21") == Situation.LEFT  # three years on: a stale title
    assert situation(kb, told, "2030-01-01") is None  # nine years on: narration of his time
    assert situation(kb, "Secretary of State Mike Pompeo said on Friday that it works.", "2030-01-01") == Situation.LEFT


def test_how_they_left_outweighs_a_recent_time(kb: KBIndex) -> None:
    assert situation(kb, "On Friday it led to the resignation of Secretary of State Antony Blinken.", "2025-02-01") is None
    assert situation(kb, "On Friday Secretary of State Antony Blinken resigned.", "2025-02-01") is None


def test_a_recent_departure_does_not_count_once_the_draft_names_the_successor(kb: KBIndex) -> None:
    from factlint import lint_text

    alone = "Secretary of State Antony Blinken visited Kyiv.\n"
    both = alone + "\nSecretary of State Marco Rubio will go next.\n"
    assert [f.code for f in lint_text(alone, kb=kb, date="2025-05-01")] == ["FL102"]
    assert [f.code for f in lint_text(both, kb=kb, date="2025-05-01")] == []
    # what is said to be current is still a claim
    said = "Secretary of State Antony Blinken said on Friday he would go.\n\nMarco Rubio is going.\n"
    assert [f.code for f in lint_text(said, kb=kb, date="2025-05-01")] == ["FL102"]
