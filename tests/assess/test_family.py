"""factlint/assess/family.py: a family name alone a letter off the draft's."""
from __future__ import annotations

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sergey Lavrov spoke on Friday. Later Lavrow left.", [("FL201", "Lavrow")]),
        # the draft named someone the KB does not know by that family name
        ("Sergey Lavrov spoke on Friday. His aide Ivan Lavrow came. Later Lavrow left.", []),
        # ... a known name, misspelt in full, is no such person
        ("Sergey Lavrov spoke on Friday. Later Lavrow left. Sergey Lavrow too.", [("FL201", "Lavrow"), ("FL201", "Sergey Lavrow")]),
    ],
)
def test_a_family_slip_is_not_the_family_name_of_someone_the_draft_named(kb: KBIndex, text: str,
                                                                          expected: list[tuple[str, str]]) -> None:
    assert [(f.code, f.text) for f in lint_text(text, kb=kb, date="2024-06-01")] == expected
