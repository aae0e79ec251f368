"""KB loading, validation and merging."""
from __future__ import annotations

from pathlib import Path

import pytest

from factlint.errors import KnowledgeBaseErrors
from factlint.kb import load_kb
from factlint.kb.loader import load_sources

BASE = """\
jurisdictions:
  - {id: us, name: United States, adjectives: [US]}
roles:
  - {id: president, name: President}
people:
  - {id: joe-biden, name: Joe Biden}
  - {id: donald-trump, name: Donald Trump}
offices:
  - id: us-president
    role: president
    jurisdiction: us
    holders:
      - {person: joe-biden, from: 2021-01-20, to: 2025-01-20}
"""


def write(tmp_path: Path, text: str, name: str = "kb.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def errors_of(path: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseErrors) as info:
        load_sources([path])
    return [str(e) for e in info.value.errors]


def test_valid_kb_loads(tmp_path: Path) -> None:
    kb = load_sources([write(tmp_path, BASE)])
    assert kb.counts()["tenures"] == 1
    assert kb.offices["us-president"].holders[0].start.text == "2021-01-20"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("joe-biden, from", "joe-bidenn, from"), "kb.yaml:13: unknown person 'joe-bidenn' in holders of us-president"),
        (("2025-01-20}", "2024-02-30}"), "kb.yaml:13: bad 'to' date of joe-biden in us-president: impossible date '2024-02-30': February 2024 has 29 days"),
        (("2025-01-20}", "2020-01-20}"), "kb.yaml:13: 'to' 2020-01-20 is before 'from' 2021-01-20 for joe-biden in us-president"),
        (("role: president", "role: presidnet"), "kb.yaml:10: unknown role 'presidnet' in office us-president"),
        (("jurisdiction: us", "jurisdiction: uk"), "kb.yaml:11: unknown jurisdiction 'uk' in office us-president"),
        (("{id: joe-biden, name: Joe Biden}", "{id: joe-biden, name: Joe Biden, born: 1942}"), "kb.yaml:6: unknown key 'born' in person 'joe-biden'"),
        (("{id: donald-trump", "{id: joe-biden"), "kb.yaml:7: duplicate person id 'joe-biden' (first defined at"),
        (("id: us-president", "id: US President"), "kb.yaml:9: bad id 'US President'"),
        (("from: 2021-01-20", "from: 2021-13"), "impossible date '2021-13': there is no month 13"),
        (("name: President}", "name: President"), "kb.yaml:5: invalid YAML"),
        (("    jurisdiction: us\n", "    jurisdiction: us\n    complete_from: 1789-13\n"),
         "kb.yaml:12: 'complete_from' of office 'us-president': impossible date '1789-13'"),
        (("jurisdictions:", "meta: {complete_from: soon}\njurisdictions:"), "kb.yaml:1: meta.complete_from:"),
    ],
)
def test_bad_kb_is_reported_with_file_and_line(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = BASE.replace(*change, 1)
    assert text != BASE
    errs = errors_of(write(tmp_path, text))
    assert any(expected in e for e in errs), errs


def test_seats(tmp_path: Path) -> None:
    text = BASE + "      - {person: donald-trump, from: 2024-01-01}\n"
    errs = errors_of(write(tmp_path, text))
    assert any("us-president has 2 holders at once but 1 seat" in e for e in errs), errs
    ok = load_sources([write(tmp_path, text.replace("role: president", "role: president\n    seats: 2"))])
    assert len(ok.offices["us-president"].holders) == 2


def test_handover_day_is_not_an_overlap(tmp_path: Path) -> None:
    text = BASE + "      - {person: donald-trump, from: 2025-01-20}\n"
    assert len(load_sources([write(tmp_path, text)]).offices["us-president"].holders) == 2


def test_partial_dates(tmp_path: Path) -> None:
    kb = load_sources([write(tmp_path, BASE.replace("from: 2021-01-20", "from: 2021-01").replace("to: 2025-01-20", "to: 2025"))])
    t = kb.offices["us-president"].holders[0]
    assert (str(t.start.start), str(t.start.end), str(t.end.end)) == ("2021-01-01", "2021-01-31", "2025-12-31")


def test_directory_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write(tmp_path, BASE.split("people:")[0], "a.yaml")
    write(tmp_path / "b", "people:" + BASE.split("people:")[1], "c.yml")
    assert load_sources([tmp_path]).counts()["files"] == 2


def test_later_kb_merges_into_earlier(tmp_path: Path) -> None:
    first = write(tmp_path, BASE, "first.yaml")
    second = write(tmp_path, """\
people:
  - {id: joe-biden, name: Joseph R. Biden, aliases: [Joe Biden], misspellings: [Joe Bidden]}
  - {id: joseph-biden, name: Joseph Biden Sr.}
offices:
  - id: us-president
    role: president
    jurisdiction: us
    holders:
      - {person: joe-biden, from: 2021-01-20, to: 2025-01-21}
      - {person: donald-trump, from: 2025-01-21}
""", "second.yaml")
    kb = load_sources([first, second])
    assert kb.people["joe-biden"].name == "Joseph R. Biden"  # later scalar wins
    assert kb.people["joe-biden"].aliases == ("Joe Biden",)  # lists united
    holders = [(t.person, str(t.end)) for t in kb.offices["us-president"].holders]
    assert holders == [("joe-biden", "2025-01-21"), ("donald-trump", "None")]  # overlapping holder replaced


def test_later_kb_replaces_overlapping_holder_of_one_seat_office(tmp_path: Path) -> None:
    first = write(tmp_path, BASE, "first.yaml")
    second = write(tmp_path, """\
people:
  - {id: joseph-r-biden, name: Joseph R. Biden}
offices:
  - {id: us-president, role: president, jurisdiction: us, holders: [{person: joseph-r-biden, from: 2021-01-20, to: 2025-01-20}]}
""", "second.yaml")
    kb = load_sources([first, second])
    assert [t.person for t in kb.offices["us-president"].holders] == ["joseph-r-biden"]


def test_cache_is_rebuilt_when_a_file_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    p = write(tmp_path, BASE)
    assert "donald-trump" in load_kb([p], default=False).kb.people
    assert list((tmp_path / "cache").glob("kb-*.pickle"))
    p.write_text(BASE.replace("  - {id: donald-trump, name: Donald Trump}\n", ""), encoding="utf-8")
    assert "donald-trump" not in load_kb([p], default=False).kb.people


def test_default_kb_is_valid_and_large(default_kb) -> None:  # type: ignore[no-untyped-def]
    c = default_kb.kb.counts()
    assert c["people"] >= 4000 and c["tenures"] >= 7000 and c["jurisdictions"] >= 190


def test_every_un_member_has_a_head_at_its_files_as_of(default_kb) -> None:  # type: ignore[no-untyped-def]
    from factlint.dates import Period

    heads = {"president", "prime-minister", "monarch", "head-of-state", "supreme-leader", "chancellor"}
    kb = default_kb.kb
    states = [j for j in kb.jurisdictions if j not in ("nato", "eu", "un")]
    assert len(states) >= 193
    missing = [
        j for j in states
        if not any(
            t.origin is not None and t.origin.as_of is not None and t.may_cover(Period.day(t.origin.as_of))
            for o in kb.offices.values() if o.jurisdiction == j and o.role in heads for t in o.holders
        )
    ]
    assert missing == []


def test_cache_key_covers_the_index_code(tmp_path: Path) -> None:
    from factlint import kb as kbmod

    p = write(tmp_path, BASE)
    key = kbmod._cache_key([p])
    src = Path(kbmod._INDEX_MODULES[0].__file__ or "")
    assert src.name == "index.py"
    st = src.stat()
    import os

    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    try:
        assert kbmod._cache_key([p]) != key
    finally:
        os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))


# -- the knowledge boundary: from when an office's list of holders is complete -------------

def test_complete_from_defaults_to_the_first_holder(tmp_path: Path) -> None:
    kb = load_sources([write(tmp_path, BASE)])
    assert kb.offices["us-president"].complete_from.isoformat() == "2021-01-20"


def test_complete_from_on_the_office_wins_over_the_file_default(tmp_path: Path) -> None:
    text = "meta: {as_of: 2025-01-01, complete_from: 1990}\n" + BASE
    kb = load_sources([write(tmp_path, text)])
    assert kb.offices["us-president"].complete_from.isoformat() == "1990-01-01"
    kb = load_sources([write(tmp_path, text.replace("    jurisdiction: us\n", "    jurisdiction: us\n    complete_from: 1789-04\n"))])
    assert kb.offices["us-president"].complete_from.isoformat() == "1789-04-01"


def test_a_suffix_or_a_peerage_place_is_not_the_family_name(tmp_path: Path) -> None:
    text = BASE.replace("  - {id: joe-biden, name: Joe Biden}",
                        "  - {id: joe-biden, name: Joe Biden, aliases: [Joseph Q. Biden Jr., Lord Biden of Exton]}")
    index = load_kb([write(tmp_path, text)], default=False, cache=False)
    assert [nf.text for nf in index.by_family[("biden",)]] == ["Joe Biden", "Joseph Q. Biden Jr.", "Lord Biden of Exton"]
    assert ("jr",) not in index.by_family and ("exton",) not in index.by_family


def test_a_regnal_number_is_not_the_family_name(tmp_path: Path) -> None:
    text = BASE.replace("  - {id: donald-trump, name: Donald Trump}", "  - {id: king, name: Alaric IV}")
    index = load_kb([write(tmp_path, text)], default=False, cache=False)
    assert ("iv",) not in index.by_family and [nf.text for nf in index.by_family[("alaric",)]] == ["Alaric IV"]
