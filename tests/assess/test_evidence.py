"""factlint/assess/evidence.py: a near miss is a misspelling only with evidence."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex

KB = """\
meta: {as_of: 2025-01-01}
jurisdictions:
  - {id: xl, name: Xland, adjectives: [Xlandic]}
roles:
  - {id: minister, name: Minister}
  - {id: president, name: President}
people:
  - {id: stephen-hollis, name: Stephen Hollis}
  - {id: steven-arkwright, name: Steven Arkwright}
  - {id: barbara-quill, name: Barbara Quill}
  - {id: david-quill, name: David Quill}
  - {id: david-abel, name: David Abel}
  - {id: david-bloom, name: David Bloom}
  - {id: david-cole, name: David Cole}
  - {id: david-dunn, name: David Dunn}
  - {id: paul-simmons, name: Paul Simmons}
  - {id: ivo-simon, name: Ivo Simon}
offices:
  - id: xl-finance
    role: minister
    jurisdiction: xl
    title: Finance Minister
    complete_from: 1990
    holders:
      - {person: barbara-quill, from: 2000-01-01, to: 2002-01-01}
      - {person: david-quill, from: 2002-01-01, to: 2004-01-01}
      - {person: stephen-hollis, from: 2010-01-01, to: 2012-01-01}
      - {person: steven-arkwright, from: 2012-01-01, to: 2014-01-01}
  - id: xl-president
    role: president
    jurisdiction: xl
    holders:
      - {person: paul-simmons, from: 1995-01-01, to: 2000-01-01}
      - {person: ivo-simon, from: 2000-01-01}
"""


@pytest.fixture(scope="module")
def small(kb_from_text: Callable[[str], KBIndex]) -> KBIndex:
    return kb_from_text(KB)


def slips(kb: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code == "FL201"]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a letter left out of the name of someone in office then
        ("Stephen Holis said it.", "2011-06-01", [("FL201", "Stephen Holis")]),
        # a different valid name ("Steven" is a KB name word), out of office: someone else
        ("Steven Hollis said it.", "2020-06-01", []),
        # a letter left out is the commonest slip, even long after they left office
        ("Barbara Quil said it.", "2020-06-01", [("FL201", "Barbara Quil")]),
        # a letter changed, the given name a common one: someone the KB does not know
        ("David Quell said it.", "2020-06-01", []),
        # ... unless the draft names them in full elsewhere
        ("David Quill resigned. David Quell said it.", "2020-06-01", [("FL201", "David Quell")]),
        # ... or the title is one of an office they held
        ("Finance Minister David Quell said it.", "2003-06-01", [("FL201", "David Quell")]),
        # a rare given name makes a coincidence unlikely
        ("Barbara Quell said it.", "2020-06-01", [("FL201", "Barbara Quell")]),
        # "Simon" is another KB person's name word: "Paul Simon" is not Paul Simmons
        ("Paul Simon sang.", "2020-06-01", []),
    ],
)
def test_a_near_miss_needs_evidence(small: KBIndex, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert slips(small, text, date) == expected
