"""factlint/mentions/linker.py: titles and names joined into mentions."""
from __future__ import annotations

import datetime as dt

import pytest

from factlint.dates import Period
from factlint.document import parse_document
from factlint.kb.index import KBIndex
from factlint.mentions import find_mentions
from factlint.mentions.linker import scan_segment
from factlint.mentions.model import MentionKind


def links(kb: KBIndex, text: str) -> list[tuple[str, str, str | None]]:
    """(name as written, kind, title label) of each mention."""
    ms = find_mentions(parse_document(text, "<t>"), kb, dt.date(2024, 6, 1))
    return [(m.text, m.kind, m.title.label if m.title else None) for m in ms]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US President Joe Biden spoke.", [("Joe Biden", "name", "US President")]),
        ("Antony Blinken, the US Secretary of State, spoke.",
         [("Antony Blinken", "name", "US Secretary of State")]),
        ("The Russian foreign minister, Sergey Lavrov, spoke.", [("Sergey Lavrov", "name", "Russian foreign minister")]),
        ("Deputy Foreign Minister Sergey Lavrov spoke.", [("Sergey Lavrov", "name", None)]),  # another office
        ("Microsoft President Joe Biden spoke.", [("Joe Biden", "name", None)]),  # a title factlint does not know: not attached
        ("Joe Biden met Vladimir Putin.", [("Joe Biden", "name", None), ("Vladimir Putin", "name", None)]),
        ("President Joe Blinken spoke.", [("Joe Blinken", "conflated", "President")]),
        ("Ukrainian President Ana Varga spoke.", [("Ana Varga", "unknown", "Ukrainian President")]),
    ],
)
def test_links(kb: KBIndex, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert links(kb, text) == expected


def test_a_capitalised_word_that_is_nobody_is_kept_as_loose(kb: KBIndex) -> None:
    seg = parse_document("Yesterday Lavrow spoke.", "<t>").segments[0]
    mentions, loose, _ = scan_segment(kb, seg, 0, Period.day(dt.date(2024, 6, 1)), None)
    assert mentions == []
    assert [w.key for w in loose] == ["lavrow"]


def test_a_family_name_alone_goes_to_the_person_the_draft_named(kb: KBIndex) -> None:
    found = find_mentions(parse_document("Kim Jong-un spoke. Later Kim left.", "<t>"), kb, dt.date(2024, 6, 1))
    assert [(m.kind, m.persons) for m in found] == [(MentionKind.NAME, ("kim-jong-un",)),
                                                    (MentionKind.FAMILY, ("kim-jong-un",))]


@pytest.mark.parametrize("text", ["Later the Bidens spoke.", "We saw the Blinkens' dog.", "They invited the Joe Bidens."])
def test_a_plural_family_name_is_no_mention_and_no_slip(kb: KBIndex, text: str) -> None:
    seg = parse_document(text, "<t>").segments[0]
    mentions, loose, _ = scan_segment(kb, seg, 0, Period.day(dt.date(2024, 6, 1)), None)
    assert (mentions, loose) == ([], [])


@pytest.mark.parametrize(
    "text",
    ["Gallery. President Joe Biden waves. Caption 3 of 12 Photos: the visit.",
     "FILE PHOTO: President Joe Biden waves to the crowd.",
     "President Joe Biden waves to the crowd. (Photo: A. Photographer/Agency)"],
)
def test_in_a_caption_a_name_is_read_without_its_title(kb: KBIndex, text: str) -> None:
    assert links(kb, text) == [("Joe Biden", "name", None)]


def test_outside_a_caption_the_title_is_joined(kb: KBIndex) -> None:
    assert links(kb, "President Joe Biden took 3 of 12 seats in the photo.") == [("Joe Biden", "name", "President")]
