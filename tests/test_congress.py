"""The US Congress in the default KB: the titles US copy uses, the party and
state tag after a name, and the knowledge boundary of a roster of current
members (drafts of our own)."""
from __future__ import annotations

from pathlib import Path

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex
from factlint.kb.loader import load_sources

ROOT = Path(__file__).resolve().parents[1]


def found(kb: KBIndex, text: str, date: str = "2024-05-01") -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code in ("FL101", "FL102", "FL103", "FL201")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the titles of US copy, right
        ("Sen. Bernie Sanders said on Friday that the bill would pass.", []),
        ("Senator Bernie Sanders said it.", []),
        ("Vermont Sen. Bernie Sanders said it.", []),
        ("Rep. Nancy Pelosi said it.", []),
        ("Representative Nancy Pelosi said it.", []),
        ("Congresswoman Nancy Pelosi said it.", []),
        ("Congressman Jim Jordan said it.", []),
        ("Bernie Sanders (I-Vt.) said it.", []),
        ("Ted Cruz (R-Texas) said it.", []),
        ("Rep. Jim Jordan, R-Ohio, said it.", []),
        ("Sen. Ted Cruz (R-TX) said it.", []),
        # the wrong chamber, state or party
        ("Sen. Nancy Pelosi said it.", [("FL101", "Nancy Pelosi")]),
        ("Texas Sen. Bernie Sanders said it.", [("FL101", "Bernie Sanders")]),
        ("Bernie Sanders (R-Vt.) said it.", [("FL101", "Bernie Sanders")]),
        ("Ted Cruz (D-Texas) said it.", [("FL101", "Ted Cruz")]),
        ("Sen. John Cornyn, R-Calif., said it.", [("FL101", "John Cornyn")]),
        # a member's own past: Bernie Sanders left the House in 2007
        ("Representative Bernie Sanders said on Friday that the bill would pass.", [("FL102", "Bernie Sanders")]),
        # a slip of a member's name
        ("Sen. Chuck Schumar said it.", [("FL201", "Chuck Schumar")]),
        ("Sen. Richard Blumental (D-Conn.) said it.", [("FL201", "Richard Blumental")]),
    ],
)
def test_congress_titles(default_kb: KBIndex, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(default_kb, text) == expected


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # people who left Congress before the roster was made: never "was not a senator"
        ("Sen. Kamala Harris said it.", "2019-08-01"),
        ("U.S. Senator Kamala Harris said it.", "2019-08-01"),
        ("Then-senator Joe Biden said it in 1987.", "2019-08-01"),
        ("Former Sen. John Kerry said it.", "2019-08-01"),
        ("Sen. Marco Rubio (R-Fla.) said it.", "2020-03-01"),
        ("Florida Sen. Marco Rubio said it.", "2020-03-01"),
        ("Sen. Ted Kennedy said it.", "2005-03-01"),   # not a mix of Ted Cruz and a Kennedy
        ("Rep. Peter King said it.", "2016-03-01"),
        # other countries' senators; a state legislator under a Congress title
        ("Senator Penny Wong said it.", "2024-05-01"),
        ("Vermont Rep. Ana Example said it.", "2026-08-01"),
        # "Leader X", "a President X would": no claim
        ("As Leader Mitch McConnell said, it will pass.", "2019-10-01"),
        ("Even a President Elizabeth Warren would not change it.", "2019-10-01"),
        # a list of titled names: the abbreviation's period ends no apposition
        ("It was backed by Sen. Jeff Merkley, Rep. Nancy Pelosi and others.", "2016-06-07"),
    ],
)
def test_never_claims_what_the_roster_cannot_know(default_kb: KBIndex, text: str, date: str) -> None:
    assert found(default_kb, text, date) == []


def test_wrong_tag_message_and_suggestion(default_kb: KBIndex) -> None:
    (f,) = [f for f in lint_text("Bernie Sanders (R-Vt.) said it.", kb=default_kb, date="2024-05-01") if f.code == "FL101"]
    assert "was not R-Vt." in f.message and "United States Senator from Vermont (Independent)" in f.message
    assert f.suggestions == ("Bernie Sanders (I-VT)",)


def test_a_title_of_a_hundred_holders_names_none(default_kb: KBIndex) -> None:
    (f,) = [f for f in lint_text("U.S. Sen. Nancy Pelosi said it.", kb=default_kb, date="2024-05-01") if f.code == "FL101"]
    assert "Chuck Grassley" not in f.message and "United States Representative from California" in f.message


def test_shipped_congress() -> None:
    kb = load_sources([ROOT / "kb"])
    members = {t.person for o in kb.offices.values() if o.id.startswith(("us-senator-", "us-representative-"))
               for t in o.holders}
    assert len(members) == 537 and len(kb.people) >= 5000
    assert all(kb.offices[o].complete_per_person for o in kb.offices if o.startswith("us-senator-"))
    # one person, one id: the ambassador who became a senator
    assert {t.office for t in kb.offices["us-senator-tn"].holders if t.person == "bill-hagerty"} == {"us-senator-tn"}
    assert any(t.person == "bill-hagerty" for t in kb.offices["us-ambassador-jp"].holders)


def _roster(tmp_path: Path, meta: str) -> Path:
    (tmp_path / "kb.yaml").write_text(
        "meta: {as_of: 2026-01-01, complete_from: 2026-01-01" + meta + "}\n"
        "jurisdictions: [{id: xa, name: Ostoria, adjectives: [Ostorian]}]\n"
        "roles: [{id: senator, name: Senator, aliases: [Sen.]}, {id: representative, name: Representative}]\n"
        "people: [{id: ana-lind, name: Ana Lind}, {id: bo-kern, name: Bo Kern}]\n"
        "offices:\n"
        "  - {id: xa-senate, role: senator, jurisdiction: xa, seats: 2, holders: [{person: ana-lind, from: 2010}]}\n"
        "  - {id: xa-house, role: representative, jurisdiction: xa, seats: 2, holders: [{person: bo-kern, from: 2000}]}\n",
        encoding="utf-8")
    return tmp_path / "kb.yaml"


def test_complete_per_person_judges_listed_people_only(tmp_path: Path) -> None:
    from factlint import load_kb
    plain = load_kb([_roster(tmp_path, "")], default=False)
    assert found(plain, "Ostorian Senator Bo Kern said it.", "2015-01-01") == []  # before complete_from: no claim
    (tmp_path / "kb.yaml").unlink()
    roster = load_kb([_roster(tmp_path, ", complete_per_person: true")], default=False)
    assert roster.kb.offices["xa-senate"].complete_per_person
    # Bo Kern is listed, with all his tenures: he was never a senator
    assert found(roster, "Ostorian Senator Bo Kern said it.", "2015-01-01") == [("FL101", "Bo Kern")]
    assert found(roster, "Ostorian Senator Ana Lind said it.", "2015-01-01") == []


def test_complete_per_person_must_be_a_boolean(tmp_path: Path) -> None:
    from factlint.errors import FactlintError
    with pytest.raises(FactlintError, match="complete_per_person"):
        load_sources([_roster(tmp_path, ", complete_per_person: yes please")])
