"""factlint/mentions/titles.py: the title grammar over the KB's tries."""
from __future__ import annotations

import pytest

from factlint.kb.index import KBIndex
from factlint.lexicon import Tense
from factlint.mentions.titles import appositive, parse_title, qualified
from factlint.mentions.tokens import Tokens


def title(kb: KBIndex, text: str, at: int = 0):  # type: ignore[no-untyped-def]
    v = Tokens(text)
    return v, parse_title(v, kb, at)


@pytest.mark.parametrize(
    ("text", "offices", "specific", "label"),
    [
        ("US President", {"us-president"}, True, "US President"),
        ("President of Ukraine", {"ua-president"}, True, "President of Ukraine"),
        ("Ukrainian Foreign Minister", {"ua-foreign-minister"}, True, "Ukrainian Foreign Minister"),
        ("Secretary of State", {"us-secretary-of-state"}, True, "Secretary of State"),
    ],
)
def test_a_title_denotes_offices(kb: KBIndex, text: str, offices: set[str], specific: bool, label: str) -> None:
    v, parsed = title(kb, text)
    assert parsed is not None
    t, end, other = parsed
    assert (set(t.offices), t.specific, t.label, end, other) == (offices, specific, label, v.n, False)


def test_a_role_alone_denotes_that_role_everywhere(kb: KBIndex) -> None:
    _, parsed = title(kb, "President")
    assert parsed is not None
    assert {"us-president", "ua-president", "ru-president"} <= set(parsed[0].offices)
    assert not parsed[0].specific


@pytest.mark.parametrize(
    ("text", "modifiers", "words"),
    [
        ("Former US President", (Tense.FORMER,), ("former",)),
        ("Ex-President", (Tense.FORMER,), ("ex-",)),
        ("the late President", (Tense.FORMER,), ("late",)),
        ("Then-President", (Tense.THEN,), ("then-",)),
        ("President-elect", (Tense.INCOMING,), ("elect",)),
        ("acting Prime Minister", (Tense.ACTING,), ("acting",)),
        ("Outgoing President", (Tense.OUTGOING,), ("outgoing",)),
    ],
)
def test_modifiers_keep_their_tense_and_how_they_were_written(
        kb: KBIndex, text: str, modifiers: tuple[Tense, ...], words: tuple[str, ...]) -> None:
    v = Tokens(text)
    at = 1 if v.toks[0].key == "the" else 0
    parsed = parse_title(v, kb, at)
    assert parsed is not None
    assert (parsed[0].modifiers, parsed[0].modifier_words) == (modifiers, words)


@pytest.mark.parametrize("text", ["Deputy Foreign Minister", "First Deputy Prime Minister", "Vice Foreign Minister"])
def test_words_that_make_another_office(kb: KBIndex, text: str) -> None:
    parsed = parse_title(Tokens(text), kb, 0)
    assert parsed is not None
    assert parsed[2]  # denotes another office: never judged against the Foreign Minister's holders


def test_vice_president_is_a_role_of_its_own(kb: KBIndex) -> None:
    parsed = parse_title(Tokens("Vice President"), kb, 0)
    assert parsed is not None and not parsed[2]
    assert set(parsed[0].offices) == {"us-vice-president"}


def test_first_alone_makes_no_other_office(kb: KBIndex) -> None:
    assert parse_title(Tokens("First President"), kb, 0) is None


def test_a_possessive_before_a_title_makes_it_someone_else_s(kb: KBIndex) -> None:
    assert qualified(Tokens("Putin's spokesman"), 1)


def test_an_unknown_word_before_a_title_makes_it_one_we_do_not_know() -> None:
    v = Tokens("Microsoft President")
    assert qualified(v, 1)
    assert not qualified(Tokens("said President"), 1)


def test_a_title_in_apposition_after_a_name(kb: KBIndex) -> None:
    v = Tokens("Blinken, the US Secretary of State, said")
    found = appositive(v, kb, 1)
    assert found is not None
    t, end, other = found
    assert set(t.offices) == {"us-secretary-of-state"} and not other
    assert v.toks[end].raw == "said"
    assert appositive(Tokens("Blinken, the US Secretary of State spoke"), kb, 1) is None
