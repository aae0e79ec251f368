"""factlint/assess/people.py: a mix of two people needs evidence that both are meant."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex

KB = """\
meta: {as_of: 2025-01-01}
jurisdictions:
  - {id: xl, name: Xland, adjectives: [Xlandic]}
  - {id: yl, name: Yland, adjectives: [Ylandic]}
roles:
  - {id: president, name: President}
  - {id: prime-minister, name: Prime Minister}
  - {id: foreign-minister, name: Foreign Minister}
people:
  - {id: ana-varga, name: Ana Varga}
  - {id: boris-kern, name: Boris Kern}
  - {id: carl-odon, name: Carl Odon}
  - {id: pia-rossi, name: Pia Rossi}
offices:
  - id: xl-president
    role: president
    jurisdiction: xl
    complete_from: 1970
    holders:
      - {person: carl-odon, from: 1980-01-01, to: 1985-01-01}
      - {person: ana-varga, from: 2018-01-01}
  - id: xl-foreign-minister
    role: foreign-minister
    jurisdiction: xl
    holders:
      - {person: boris-kern, from: 2018-01-01}
  - id: yl-prime-minister
    role: prime-minister
    jurisdiction: yl
    holders:
      - {person: pia-rossi, from: 2018-01-01}
"""


@pytest.fixture(scope="module")
def small(kb_from_text: Callable[[str], KBIndex]) -> KBIndex:
    return kb_from_text(KB)


def mixes(kb: KBIndex, text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date="2024-06-01") if f.code == "FL103"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # both people named in full, both in office: a slip
        ("Ana Varga met Boris Kern. Later Ana Kern spoke.", [("FL103", "Ana Kern")]),
        # a family name alone may be the very person the KB does not know
        ("Ana Kern spoke. Kern said so. Ana Varga agreed.", []),
        # named in full, but out of office for decades: a namesake's name
        ("Ana Varga thanked Carl Odon. Then Ana Odon spoke.", []),
        # neither named: someone the KB does not know
        ("Later Ana Kern spoke.", []),
    ],
)
def test_an_untitled_mix_needs_both_people_named_in_full_and_in_office(small: KBIndex, text: str,
                                                                        expected: list[tuple[str, str]]) -> None:
    assert mixes(small, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the other person served the same country then: a slip
        ("Xlandic President Ana Kern spoke.", [("FL103", "Ana Kern")]),
        # another country's leader, not named in the draft: someone the KB does not know
        ("Ylandic Prime Minister Ana Rossi spoke.", []),
        # ... unless the draft names them in full
        ("Ana Varga met her. Ylandic Prime Minister Ana Rossi spoke.", [("FL103", "Ana Rossi")]),
    ],
)
def test_a_titled_mix_needs_the_other_person_in_the_same_country_or_named(small: KBIndex, text: str,
                                                                         expected: list[tuple[str, str]]) -> None:
    assert mixes(small, text) == expected
