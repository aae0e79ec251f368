"""factlint/mentions/tense.py: what a titled mention's sentence says about when."""
from __future__ import annotations

import pytest

from factlint.lexicon import Cue
from factlint.mentions.tense import cues, quoted
from factlint.mentions.tokens import Tokens


def cues_of(text: str, first: str, last: str, modifiers: tuple[str, ...] = ()) -> frozenset[Cue]:
    """The cues of the mention from word *first* to word *last* (the name's last word) of *text*."""
    v = Tokens(text)
    a = next(k for k, t in enumerate(v.toks) if t.raw == first)
    b = next(k for k, t in enumerate(v.toks) if t.raw == last and k >= a) + 1
    return cues(v, a, b, b, modifiers)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Governor Ana Varga says the plan works.", {Cue.PRESENT}),
        ("Governor Ana Varga has said the plan works.", {Cue.PRESENT}),
        ("Governor Ana Varga also said the plan works.", {Cue.REPORTING}),
        ("Governor Ana Varga said on Friday that the plan works.", {Cue.REPORTING, Cue.RECENT}),
        ("Yesterday, Governor Ana Varga visited the port.", {Cue.RECENT}),
        ("Governor Ana Varga left the port two days ago.", {Cue.RECENT}),
        ("Governor Ana Varga and the mayor Bo Lind have welcomed it.", {Cue.PRESENT}),
        ("Governor Ana Varga's council met.", {Cue.POSSESSIVE}),
        ("The plan was drawn up by the administration of Governor Ana Varga.", {Cue.INSTITUTION}),
        ("During Governor Ana Varga's tenure the port grew.", {Cue.INSTITUTION, Cue.POSSESSIVE}),
        ("The port grew when Governor Ana Varga ruled.", {Cue.INSTITUTION}),
        ("Few spent more than Governor Ana Varga did.", {Cue.COMPARISON}),
        ("A Governor Ana Varga would close the port.", {Cue.HYPOTHETICAL}),
        ("Bo Lind, who had been fired by Governor Ana Varga, left.", {Cue.PAST_PERFECT}),
        ("It marks the anniversary of the port Governor Ana Varga opened.", {Cue.HISTORICAL}),
        ("Years ago Governor Ana Varga opened the port.", {Cue.HISTORICAL}),
        ("Governor Ana Varga opened the port. The ship sails on Monday.", {Cue.NEAR_RECENT}),
        ("Governor Ana Varga resigned in protest.", {Cue.LEAVING}),
        ("It led to the resignation of Governor Ana Varga.", {Cue.LEAVING}),
        ("Governor Ana Varga opened the port.", set()),
    ],
)
def test_cues_of_now_and_of_history(text: str, expected: set[Cue]) -> None:
    assert cues_of(text, "Governor", "Varga") == expected


def test_a_new_title_is_claimed_now() -> None:
    assert cues_of("The new Governor Ana Varga opened the port.", "new", "Varga", ("new",)) == {Cue.NEW}


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ('"Governor Ana Varga lied," she said.', "Varga", True),
        ('She said Governor Ana Varga "lied".', "Varga", False),
        ("\u201cWe thank Governor Ana Varga\u201d, said Bo Lind.", "Lind", False),
        ("\u201cWe thank Governor Ana Varga\u201d, said Bo Lind.", "Varga", True),
    ],
)
def test_quoted(text: str, word: str, inside: bool) -> None:
    v = Tokens(text)
    tok = next(t for t in v.toks if t.raw == word)
    assert quoted(v, tok.start) is inside


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of saying before the mention tells of it only in attribution
        ("The plan works, said Governor Ana Varga.", {Cue.REPORTING}),
        ("The plan works, said Governor Ana Varga on Friday.", {Cue.REPORTING, Cue.RECENT}),
        ("The plan works, says Governor Ana Varga.", {Cue.PRESENT}),
        ("Bo Lind said Governor Ana Varga erred.", set()),
        ("Bo Lind accused Governor Ana Varga of lying.", set()),
        # the object of a preposition is not joined by "and" to the subject
        ("The fines set by Governor Ana Varga and approved later stand.", set()),
        ("Bo Lind, who worked for Governor Ana Varga and is now retired, spoke.", set()),
        ("The likes of Governor Ana Varga and Bo Lind are warning.", {Cue.PRESENT}),
        # nor is a verb after an aside the mention's
        ("Bo Lind \u2014 who replaced Governor Ana Varga \u2014 said it.", {Cue.LEAVING}),
        # the one replaced is the one who left
        ("Bo Lind succeeded Governor Ana Varga.", {Cue.LEAVING}),
    ],
)
def test_cues_of_attribution_objects_and_asides(text: str, expected: set[Cue]) -> None:
    assert cues_of(text, "Governor", "Varga") == expected
