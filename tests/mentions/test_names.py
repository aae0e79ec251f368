"""factlint/mentions/names.py: a capitalised run read as a name."""
from __future__ import annotations

import pytest

from factlint.kb.index import KBIndex
from factlint.mentions.model import MentionKind, Namesake, Reading
from factlint.mentions.names import resolve, run_end, similar
from factlint.mentions.tokens import Tokens


def read(kb: KBIndex, text: str, titled: bool = False) -> Reading | Namesake | None:
    v = Tokens(text)
    return resolve(v, kb, 0, run_end(v, 0), titled)


@pytest.mark.parametrize(
    ("text", "kind", "persons", "form_kind"),
    [
        ("Joe Biden", MentionKind.NAME, ("joe-biden",), "canonical"),
        ("Joseph Biden", MentionKind.NAME, ("joe-biden",), "alias"),
        ("Biden", MentionKind.FAMILY, ("joe-biden",), ""),
        ("Anthony Blinken", MentionKind.MISSPELLING, ("antony-blinken",), "misspelling"),
        ("Antony Blinkin", MentionKind.NEAR, ("antony-blinken",), ""),
        ("Dmitry Kuleba", MentionKind.NEAR, ("dmytro-kuleba",), ""),  # a Russian form of a Ukrainian name
        ("Recep Erdogan", MentionKind.NAME, ("recep-tayyip-erdogan",), "variant"),  # a short form
    ],
)
def test_readings(kb: KBIndex, text: str, kind: MentionKind, persons: tuple[str, ...], form_kind: str) -> None:
    got = read(kb, text)
    assert isinstance(got, Reading)
    assert (got.kind, got.persons, got.form_kind) == (kind, persons, form_kind)


def test_a_mix_of_two_people_keeps_both(kb: KBIndex) -> None:
    got = read(kb, "Joe Blinken")
    assert isinstance(got, Reading)
    assert (got.kind, got.persons, got.family_persons) == (MentionKind.CONFLATED, ("joe-biden",), ("antony-blinken",))


def test_a_suffix_makes_a_namesake(kb: KBIndex) -> None:
    got = read(kb, "Donald Trump Jr. spoke")
    assert got == Namesake(3)


@pytest.mark.parametrize(
    "text",
    ["Joe Biden Foundation staff", "Acme Biden Holdings Ltd", "Joe Biden (@joebiden) May 1, 2024"],
)
def test_an_organisation_or_a_post_signature_is_nobody(kb: KBIndex, text: str) -> None:
    v = Tokens(text)
    assert isinstance(resolve(v, kb, 0, run_end(v, 0), titled=False), Namesake)


def test_a_suffix_in_a_known_form_is_that_person(default_kb: KBIndex) -> None:
    # the KB lists "Joseph R. Biden Jr." as Joe Biden's own form; another
    # suffix after a known name is a namesake
    got = read(default_kb, "Joseph R. Biden Jr. said")
    assert isinstance(got, Reading) and (got.kind, got.persons, got.end) == (MentionKind.NAME, ("joe-biden",), 4)
    assert isinstance(read(default_kb, "Joe Biden III said"), Namesake)


def test_courtesy_words_after_a_title_are_not_part_of_the_name(kb: KBIndex) -> None:
    for text in ("Sir Joe Biden said", "Ayatollah Joe Biden said", "Dr Joe Biden said"):
        got = read(kb, text, titled=True)
        assert isinstance(got, Reading) and (got.kind, got.start, got.persons) == (MentionKind.NAME, 1, ("joe-biden",))


def test_an_unknown_name_counts_only_after_a_title(kb: KBIndex) -> None:
    assert read(kb, "Ana Varga") is None
    got = read(kb, "Ana Varga", titled=True)
    assert isinstance(got, Reading) and got.kind == MentionKind.UNKNOWN and got.persons == ()


def test_a_longer_run_is_read_at_its_known_name(kb: KBIndex) -> None:
    got = read(kb, "Analyst Joe Biden")
    assert isinstance(got, Reading) and (got.start, got.end, got.persons) == (1, 3, ("joe-biden",))


@pytest.mark.parametrize(
    ("text", "end"),
    [("Mohammed bin Salman said", 3), ("Jean-Paul Morel said", 3), ("Joe Biden's aide", 2),
     ("A B C D E F G H", 6)],
)
def test_a_name_run_ends_at_the_first_word_that_is_not_part_of_a_name(text: str, end: int) -> None:
    assert run_end(Tokens(text), 0) == end


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("blinken", "blinkin", True), ("zelenskyy", "zelensky", True), ("biden", "widen", False),
     ("kim", "kin", False), ("putin", "putin", False), ("lavrov", "lavrow", True)],
)
def test_similar(a: str, b: str, expected: bool) -> None:
    assert similar(a, b, 0.8) is expected


def test_near_readings_are_remembered_per_index_at_any_position(kb: KBIndex) -> None:
    kb.near_readings.clear()
    first = read(kb, "Antony Blinkin")
    assert first is not None and first.kind == MentionKind.NEAR
    assert len(kb.near_readings) == 1
    v = Tokens("as said Antony Blinkin")
    again = resolve(v, kb, 2, run_end(v, 2), titled=False)
    assert again == first._replace(start=2, end=4)
    assert len(kb.near_readings) == 1  # the same words: read from the memo


def test_near_reading_memo_is_bounded(kb: KBIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    import factlint.mentions.names as names

    kb.near_readings.clear()
    monkeypatch.setattr(names, "NEAR_MEMO_SIZE", 0)
    got = read(kb, "Antony Blinkin")
    assert got is not None and got.persons == ("antony-blinken",)
    assert kb.near_readings == {}
