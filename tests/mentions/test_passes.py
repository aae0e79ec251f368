"""factlint/mentions/passes.py: what only the whole document tells."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint import lint_text
from factlint.document import parse_document
from factlint.kb.index import KBIndex
from factlint.mentions import find_mentions


def families(kb: KBIndex, text: str, date: str) -> list[tuple[str, tuple[str, ...]]]:
    found = find_mentions(parse_document(text, "<t>"), kb, dt.date.fromisoformat(date))
    return [(m.text, m.persons) for m in found if m.kind == "family"]


@pytest.mark.parametrize(
    ("text", "shadowed"),
    [
        # a full name the KB does not know, with a KB family name, then that family name alone
        ("On Monday, Mina Moon said the talks failed. President Moon disagreed.", True),
        ("Former President Mina Moon said the talks failed. President Moon disagreed.", True),
        # a KB person named in full between them takes the family name back
        ("On Monday, Mina Moon said no. President Moon Jae-in spoke. Moon disagreed.", False),
        # a capitalised word opening a sentence is no given name
        ("Yesterday Moon said no. President Moon disagreed.", False),
        ("President Moon disagreed.", False),
    ],
)
def test_an_unknown_full_name_shadows_its_family_name(kb: KBIndex, text: str, shadowed: bool) -> None:
    last = families(kb, text, "2023-05-01")
    assert (not last or last[-1][1] != ("moon-jae-in",)) == shadowed


def test_a_shadowed_family_name_is_not_judged(kb: KBIndex) -> None:
    text = "On Monday, Mina Moon said the talks failed. President Moon disagreed."
    assert [f.code for f in lint_text(text, kb=kb, date="2023-05-01")] == []
    assert [f.code for f in lint_text("President Moon disagreed.", kb=kb, date="2023-05-01")] == ["FL102"]


def test_a_title_picks_the_one_of_a_family_who_held_it(default_kb: KBIndex) -> None:
    text = "Bill Clinton spoke first. Later Secretary of State Clinton met donors."
    assert families(default_kb, text, "2012-06-01") == [("Clinton", ("hillary-clinton",))]
    # not under a time modifier: "an incoming President X" may be someone yet to hold it
    text = "Bill Clinton spoke first. They expected an incoming President Clinton to act."
    assert families(default_kb, text, "2016-06-01") == [("Clinton", ("bill-clinton",))]
