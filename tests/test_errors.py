"""factlint/errors.py: a bad value is quoted at most 200 characters."""
from __future__ import annotations

from factlint.errors import MAX_QUOTED, shown


def test_short_values_are_their_repr() -> None:
    for value in ("abc", 5, None, [1, "a"], {"k": [None]}, (1,), 1.5, True):
        assert shown(value) == repr(value)


def test_long_values_are_cut() -> None:
    assert shown("x" * 1000) == repr("x" * 1000)[: MAX_QUOTED - 1] + "\u2026"
    assert len(shown(list(range(10_000)))) == MAX_QUOTED


def test_huge_values_cost_what_is_shown() -> None:
    bomb: list[object] = ["lol"] * 9
    for _ in range(9):
        bomb = [bomb] * 9  # 387 million strings, shared
    assert len(shown(bomb)) == MAX_QUOTED
    assert shown(10**5000) == "<a number of about 5000 digits>"
    deep: list[object] = []
    for _ in range(10_000):
        deep = [deep]
    assert len(shown(deep)) <= MAX_QUOTED
