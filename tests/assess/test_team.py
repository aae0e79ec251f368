"""Team titles ("White House spokesman") and unknown names told in narration
(factlint/assess/tenure.py, factlint/assess/facts.py ``team``)."""
from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex


def codes(kb: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code != "FL202"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a press office has deputies the KB does not list: an unknown name is one of them
        ("Kremlin spokesman Ivan Petrov said it on Friday.", []),
        ("Kremlin spokesperson Ivan Petrov said it on Friday.", []),
        # the office's own title names its principal: judged as before
        ("Presidential Press Secretary Ivan Petrov said it on Friday.", [("FL101", "Ivan Petrov")]),
        # a known person the KB shows in another office then is no spokesman
        ("Kremlin spokesman Sergey Lavrov said it on Friday.", [("FL101", "Sergey Lavrov")]),
        # "spokesman" alone: someone's spokesman, whom the KB does not list
        ("A spokesman, Sergey Lavrov, said it.", []),
        ("Spokesman Sergey Lavrov said it.", []),
    ],
)
def test_team_titles(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-21") == expected


def test_a_spokesperson_before_leading_the_office_is_not_yet_no_finding(default_kb: KBIndex) -> None:
    # the default KB lists White House Press Secretaries from 2014; this one from 2017-07
    assert codes(default_kb, "White House spokeswoman Sarah Huckabee Sanders said it on Friday.", "2017-05-11") == []
    assert codes(default_kb, "White House Press Secretary Sarah Huckabee Sanders said it on Friday.", "2017-05-11") == [
        ("FL102", "Sarah Huckabee Sanders")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US President John Smithers said it.", [("FL101", "John Smithers")]),
        ("US President John Smithers says the talks go on.", [("FL101", "John Smithers")]),
        # narration: maybe a holder from before the KB's record (here from 2017) begins
        ("US President John Smithers signed the accord.", []),
        ("The accord dates from the administration of US President John Smithers.", []),
    ],
)
def test_an_unknown_name_needs_a_claim_about_now(kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, "2024-06-21") == expected
