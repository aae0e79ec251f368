"""Name variants as data (factlint/data/name_variants.yaml): one data set for
every person's transliterations and nicknames."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from factlint import lint_text, load_kb
from factlint import variants as variants_module
from factlint.errors import FactlintError
from factlint.kb import _cache_key
from factlint.variants import variants

KB = """
jurisdictions: [{id: xa, name: Ostoria, adjectives: [Ostorian]}]
roles: [{id: president, name: President}, {id: prime-minister, name: Prime Minister}]
people:
  - {id: oleh-zelensky-ostoria, name: Oleh Zelenskyy}
  - {id: kenneth-amos, name: Kenneth Amos}
  - {id: serhii-marko, name: Serhii Marko}
offices:
  - {id: xa-president, role: president, jurisdiction: xa, holders: [{person: oleh-zelensky-ostoria, from: 2019}]}
  - {id: xa-prime-minister, role: prime-minister, jurisdiction: xa, holders: [{person: serhii-marko, from: 2020}]}
"""


def test_shipped_groups_link_both_ways() -> None:
    v = variants()
    assert ("ken", "kenneth") in v.given_same and ("kenneth", "ken") in v.given_same
    assert ("mohamed", "muhammad") in v.given_same and ("sergei", "sergey") in v.given_same
    assert ("steven", "stephen") not in v.given_same  # two names, each a form of "steve"
    assert ("vladimir", "volodymyr") in v.given_slip
    assert ("zelenskiy", "zelenskyy") in v.family_same


@pytest.fixture
def ostoria(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "kb.yaml").write_text(KB, encoding="utf-8")
    return load_kb([tmp_path / "kb.yaml"], default=False, cache=False)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Oleh Zelensky said it.", []),          # a family transliteration: the person, written another way
        ("Oleh Zelenskiy said it.", []),
        ("Ken Amos said it.", []),               # a nickname
        ("Serhiy Marko said it.", []),           # a Ukrainian transliteration of Serhii
        ("Sergei Marko said it.", ["FL201"]),    # the Russian form of a Ukrainian name: a slip
        ("Oleh Zelenskyy met. Oleh Zelensky said it.", ["FL301"]),  # mixing forms in one draft
    ],
)
def test_variants_for_every_person(ostoria, text: str, codes: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [f.code for f in lint_text(text, kb=ostoria, date="2024-01-01") if f.code != "FL202"] == codes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("given: [ken, kenneth]\n", "given must be a mapping"),
        ("given: {same: [[ken]]}\n", "two or more lower-case words"),
        ("given: {same: [[Ken, Kenneth]]}\n", "two or more lower-case words"),
        ("given: {nick: [[ken, kenneth]]}\n", "unknown key 'nick'"),
        ("surname: {same: []}\n", "unknown key 'surname'"),
    ],
)
def test_bad_variants_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "v.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactlintError, match=message) as info:
        variants(path)
    assert info.value.path == str(path) and info.value.line is not None


def test_cache_key_covers_the_data_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "name_variants.yaml"
    data.write_text(variants_module.DATA.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(variants_module, "DATA", data)
    (tmp_path / "kb.yaml").write_text(KB, encoding="utf-8")
    before = _cache_key([tmp_path / "kb.yaml"])
    data.write_text(data.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    os.utime(data, ns=(1, 1))
    assert _cache_key([tmp_path / "kb.yaml"]) != before
