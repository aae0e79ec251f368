"""Inside direct quotations: what is reported (see README, "Quotations")."""
from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex


def codes(kb: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code != "FL202"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a quoted speaker's title is what they said: no FL101/FL102
        ('"Secretary of State Antony Blinken lied to us," the senator said.', "2025-03-01", []),
        ("\u201cUkrainian Prime Minister Dmytro Kuleba will decide,\u201d she said.", "2024-02-01", []),
        ('"US President John Smithers will decide," she said.', "2024-06-21", []),
        # ... the same words as the paper's own are a claim
        ("Secretary of State Antony Blinken said it on Friday.", "2025-03-01", [("FL102", "Antony Blinken")]),
        # a misspelt or mixed-up name is the paper's spelling, quoted or not
        ('"We met Anthony Blinken," she said.', "2024-06-21", [("FL201", "Anthony Blinken")]),
        ('"US President Joe Blinken said so," she said.', "2024-06-21", [("FL103", "Joe Blinken")]),
    ],
)
def test_titles_in_quotations(kb: KBIndex, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert codes(kb, text, date) == expected


def test_quoted_forms_are_not_compared(kb: KBIndex) -> None:
    text = ("Joseph Biden spoke first.\n\n"
            '"Joe Biden is wrong," the senator said.\n\n'
            "Later Joe Biden left.\n")
    assert codes(kb, text, "2024-06-21") == [("FL301", "Joe Biden")]
    # a quotation is not the first mention either
    text = '"Joe Biden is wrong," she said.\n\nJoseph Biden left. Joseph Biden spoke.\n'
    assert codes(kb, text, "2024-06-21") == []
