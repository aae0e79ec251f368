"""factlint/spans.py: where quotations run in a paragraph."""
from __future__ import annotations

import pytest

from factlint.spans import open_quote, quoted_ranges


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ('He said "the plan works" and left.', ["the plan works"]),
        ("He said \u201cthe plan works\u201d and left.", ["the plan works"]),
        ("\u201cOne \u201cnested\u201d two\u201d after", ["One \u201cnested\u201d two"]),
        ("She wrote \u2018Varga\u2019s plan\u2019 twice.", ["Varga\u2019s plan"]),
        ("Varga\u2019s plan is not quoted.", []),
        ("\u201cStill open at the end", ["Still open at the end"]),
        ("No quotes at all.", []),
    ],
)
def test_quoted_ranges(text: str, inside: list[str]) -> None:
    assert [text[a:b] for a, b in quoted_ranges(text)] == inside


def test_open_quote_agrees_with_the_ranges() -> None:
    text = 'a "b c" d \u201ce f'
    for k in range(len(text) + 1):
        ranges = quoted_ranges(text[:k])
        assert open_quote(text[:k]) is (bool(ranges) and ranges[-1][1] == k)


@pytest.mark.parametrize("text", ['"Mixed marks,\u201d she said, and left.', '\u201cMixed marks," she said, and left.'])
def test_a_quotation_may_mix_straight_and_curly_marks(text: str) -> None:
    assert [text[a:b] for a, b in quoted_ranges(text)] == ["Mixed marks,"]
