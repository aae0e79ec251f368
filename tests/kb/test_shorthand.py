"""factlint/kb/index.py and the readers of its short forms: titles as
journalists write them (short forms derived from formal office titles,
country words, broad-role offices named by their title, namesakes resolved
by the title, given-name variants). A made-up KB of two made-up countries."""
from __future__ import annotations

from pathlib import Path

import pytest

from factlint import lint_text
from factlint.kb import load_kb
from factlint.kb.index import KBIndex, shorthands
from factlint.mentions.titles import parse_title
from factlint.mentions.tokens import Tokens
from factlint.text import keys

KB = """
meta: {as_of: 2026-06-01, source: factlint tests, license: CC0-1.0}
jurisdictions:
  - {id: os, name: Ostoria, aliases: [OS], adjectives: [Ostorian]}
  - {id: vl, name: Valdenia, adjectives: [Valdenian]}
roles:
  - {id: chancellor, name: Chancellor}
  - {id: finance-minister, name: Finance Minister}
  - {id: minister, name: Minister, broad: true}
  - {id: ambassador, name: Ambassador}
people:
  - {id: ann-hale, name: Ann Hale}
  - {id: tom-reed, name: Tom Reed}
  - {id: kenneth-marsh, name: Kenneth Marsh}
  - {id: piet-hale, name: Piet S. Hale, aliases: [Piet Hale]}
  - {id: piet-hale-os, name: Piet Hale}
  - {id: lena-voss, name: Lena Voss}
  - {id: antony-drake, name: Antony Drake, aliases: [Tony Drake]}
offices:
  - id: os-health
    role: minister
    jurisdiction: os
    title: Secretary of State for Health and Social Care
    holders:
      - {person: ann-hale, from: 2010-01-01, to: 2015-01-01}
      - {person: tom-reed, from: 2015-01-01}
  - id: os-trade
    role: minister
    jurisdiction: os
    title: Secretary of State for Trade, Industry and Energy
    holders:
      - {person: kenneth-marsh, from: 2012-01-01}
  - id: os-farming
    role: minister
    jurisdiction: os
    title: OS Minister for Agriculture and Fisheries
    holders:
      - {person: ann-hale, from: 2016-01-01, to: 2017-01-01}
  - id: os-exchequer
    role: finance-minister
    jurisdiction: os
    title: Chancellor of the Exchequer
    holders:
      - {person: piet-hale-os, from: 2008-01-01, to: 2018-01-01}
  - id: vl-chancellor
    role: chancellor
    jurisdiction: vl
    title: Chancellor of Valdenia
    holders:
      - {person: lena-voss, from: 2005-01-01}
  - id: vl-ambassador-os
    role: ambassador
    jurisdiction: vl
    host: os
    title: Valdenian Ambassador to Ostoria
    holders:
      - {person: piet-hale, from: 2001-01-01, to: 2003-01-01}
"""


@pytest.fixture(scope="module")
def ix(tmp_path_factory: pytest.TempPathFactory) -> KBIndex:
    d: Path = tmp_path_factory.mktemp("kb")
    (d / "kb.yaml").write_text(KB, encoding="utf-8")
    return load_kb([d], default=False, cache=False)


def codes(ix: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=ix, date=date) if f.code != "FL202"]


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Secretary of State for Health", ["health secretary"]),
        ("Secretary of State for Work and Pensions", ["work and pensions secretary", "work secretary"]),
        ("Secretary of State for Culture, Media and Sport", ["culture secretary"]),  # a list: its first portfolio
        ("Secretary of State for the Environment", ["environment secretary"]),
        ("Minister of Agriculture", ["agriculture minister"]),
        ("Deputy Prime Minister of Ostoria", ["deputy prime minister"]),  # without its country
        ("OS Financial Secretary", ["financial secretary"]),
        ("Secretary of State", []),
        ("Assistant Secretary of State for Legal Affairs", []),
    ],
)
def test_short_forms_derived_from_a_formal_title(title: str, short: list[str]) -> None:
    jurs = {("ostoria",), ("os",), ("ostorian",)}
    assert [" ".join(k) for k in shorthands(title, jurs)] == short


def test_a_short_form_names_the_office_and_leaves_its_country_implied(ix: KBIndex) -> None:
    v = Tokens("Health Secretary")
    parsed = parse_title(v, ix, 0)
    assert parsed is not None
    t = parsed[0]
    assert (set(t.offices), t.specific, t.named, t.implied) == ({"os-health"}, True, True, True)
    v = Tokens("Ostorian Agriculture Minister")
    parsed = parse_title(v, ix, 0)
    assert parsed is not None
    assert (set(parsed[0].offices), parsed[0].implied) == ({"os-farming"}, False)
    assert keys("Health Secretary") not in ix.office_titles  # a derived form, not an alias


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a broad role's office, named by its short title: the KB lists who held it
        ("Health Secretary Ann Hale spoke.", "2016-06-01", [("FL102", "Ann Hale")]),
        ("Health Secretary Tom Reed spoke.", "2016-06-01", []),
        ("Trade Secretary Ann Hale spoke.", "2013-06-01", [("FL101", "Ann Hale")]),
        ("Trade Secretary Kenneth Marsh spoke.", "2013-06-01", []),
        # a country word before the short form
        ("Ostorian Health Secretary Ann Hale spoke.", "2012-06-01", []),
        ("Ostorian Health Secretary Kenneth Marsh spoke.", "2012-06-01", [("FL101", "Kenneth Marsh")]),
        # another country's "Health Secretary": a name the KB does not know, or
        # someone who never served Ostoria, is not judged against Ostoria's office
        ("Health Secretary Jo Quill spoke.", "2016-06-01", []),
        ("Health Secretary Lena Voss spoke.", "2016-06-01", []),
        # no holder listed at the date: a broad office is not judged then
        ("Agriculture Minister Tom Reed spoke.", "2020-06-01", []),
    ],
)
def test_short_titles_are_checked(ix: KBIndex, text: str, date: str, expected: list[tuple[str, str]]) -> None:
    assert codes(ix, text, date) == expected


def test_a_bare_role_word_reads_role_of_the_offices(ix: KBIndex) -> None:
    """'Chancellor' also means the Chancellor of the Exchequer."""
    assert codes(ix, "Chancellor Piet Hale spoke.", "2010-06-01") == []
    assert codes(ix, "Chancellor Lena Voss spoke.", "2010-06-01") == []


def test_a_namesake_does_not_silence_the_title(ix: KBIndex) -> None:
    """Two KB people write 'Piet Hale': the one who held an office of the title decides."""
    assert codes(ix, "Former Chancellor Piet Hale spoke.", "2010-06-01") == [("FL102", "Piet Hale")]
    assert codes(ix, "Former Chancellor Piet Hale spoke.", "2020-06-01") == []


def test_a_given_name_variant_is_the_same_person(ix: KBIndex) -> None:
    """'Ken' for Kenneth: no misspelling, but written two ways in one draft."""
    assert codes(ix, "Ken Marsh spoke.", "2013-06-01") == []
    assert codes(ix, "Ken Marsh spoke. Later Kenneth Marsh left.", "2013-06-01") == [("FL301", "Kenneth Marsh")]
    assert codes(ix, "Trade Secretary Ken Marsh spoke.", "2013-06-01") == []


def test_a_variant_is_read_against_the_canonical_name_only(ix: KBIndex) -> None:
    """'Anthony' is a short form's long form, but against 'Antony' it is a slip."""
    assert codes(ix, "Anthony Drake spoke.", "2013-06-01") == [("FL201", "Anthony Drake")]
