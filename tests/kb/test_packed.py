"""factlint/kb/packed.py: a packed index reads as the index it was built from."""
from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
from pathlib import Path

import pytest

from factlint.kb import default_kb_dir
from factlint.kb.index import KBIndex
from factlint.kb.loader import load_sources
from factlint.kb.model import Origin, Person
from factlint.kb.packed import FormLists, People, pack

TABLES = ("names", "by_family", "by_given", "by_given_part", "by_first_and_family", "forms_by_person",
          "tenures_by_person")

SMALL_KB = """\
meta: {as_of: 2024-01-01}
jurisdictions:
  - {id: os, name: Ostoria, adjectives: [Ostorian]}
roles:
  - {id: president, name: President}
people:
  - {id: ana-smith, name: Ana Smith, aliases: [Ana B. Smith], misspellings: [Ana Smtih]}
  - {id: kim-jong-ho, name: Kim Jong-ho, family: Kim}
  - {id: ben-ode, name: Ben Ode}
offices:
  - id: os-president
    role: president
    jurisdiction: os
    holders:
      - {person: kim-jong-ho, from: 2001, to: 2009-03}
      - {person: ana-smith, from: 2009-03, to: 2015-06-30}
      - {person: kim-jong-ho, from: 2015-06-30}
"""


def _built(tmp_path: Path) -> KBIndex:
    (tmp_path / "kb.yaml").write_text(SMALL_KB, encoding="utf-8")
    return KBIndex.build(load_sources([tmp_path / "kb.yaml"]))


def _assert_same(built: KBIndex, packed: KBIndex) -> None:
    for name in TABLES:
        a, b = getattr(built, name), getattr(packed, name)
        assert list(a) == list(b), name
        assert all(a[k] == b[k] for k in a), name
    for name in ("people", "offices", "jurisdictions", "roles"):
        a, b = getattr(built.kb, name), getattr(packed.kb, name)
        assert list(a) == list(b) and all(a[k] == b[k] for k in a), name
    assert packed.kb.counts() == built.kb.counts()
    others = [f.name for f in dataclasses.fields(KBIndex) if f.name not in (*TABLES, "kb")]
    assert all(getattr(built, f) == getattr(packed, f) for f in others)


@pytest.mark.parametrize("through_pickle", [False, True])
def test_a_packed_index_reads_as_the_built_one(tmp_path: Path, through_pickle: bool) -> None:
    built = _built(tmp_path)
    packed = pack(built)
    if through_pickle:
        packed = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    _assert_same(built, packed)


def test_the_default_kb_packs_and_reads_back() -> None:
    built = KBIndex.build(load_sources([default_kb_dir()]))
    _assert_same(built, pickle.loads(pickle.dumps(pack(built), protocol=pickle.HIGHEST_PROTOCOL)))


def test_entries_stay_encoded_until_read(tmp_path: Path) -> None:
    packed = pickle.loads(pickle.dumps(pack(_built(tmp_path))))
    people = packed.kb.people
    assert isinstance(people, People) and isinstance(packed.by_family, FormLists)
    assert "ana-smith" in people and len(people) == 3 and "nobody" not in people
    assert all(type(v) is bytes for v in dict.values(people))  # membership and len decode nothing
    assert people.get("nobody") is None and people.get("nobody", 7) == 7
    assert people["ana-smith"].aliases == ("Ana B. Smith",)
    assert type(dict.__getitem__(people, "ana-smith")) is Person  # decoded once, then kept
    assert type(dict.__getitem__(people, "ben-ode")) is bytes
    with pytest.raises(KeyError):
        people["nobody"]
    # the tenures by person are those of the offices, in order of their start
    kim = packed.tenures("kim-jong-ho")
    assert [str(t.start) for t in kim] == ["2001", "2015-06-30"]
    assert kim[0] is packed.kb.offices["os-president"].holders[0]
    assert kim[0].origin is not None and kim[0].origin.as_of == dt.date(2024, 1, 1)


def test_a_record_that_does_not_encode_plainly_is_kept_whole(tmp_path: Path) -> None:
    built = _built(tmp_path)
    odd = dataclasses.replace(built.kb.people["ben-ode"], extra=(("since", dt.date(2020, 1, 2)),),
                              origin=Origin("x.yaml", 3, None))
    built.kb.people["ben-ode"] = odd
    packed = pickle.loads(pickle.dumps(pack(built)))
    assert packed.kb.people["ben-ode"] == odd
    assert packed.kb.people["ana-smith"] == built.kb.people["ana-smith"]


def test_holders_with_a_party_stay_plainly_encoded(tmp_path: Path) -> None:
    text = SMALL_KB.replace("{person: ana-smith, from: 2009-03,", "{person: ana-smith, party: Green, from: 2009-03,")
    (tmp_path / "kb.yaml").write_text(text, encoding="utf-8")
    built = KBIndex.build(load_sources([tmp_path / "kb.yaml"]))
    packed = pack(built)
    raw = dict.__getitem__(packed.kb.offices, "os-president")
    assert raw[:1] == b"m"  # marshal, not the pickle fallback
    holders = packed.kb.offices["os-president"].holders
    assert holders == built.kb.offices["os-president"].holders
    assert [t.party for t in holders] == [None, "Green", None]
