"""factlint.kb_edit: only the edited parts of a KB file change."""
from __future__ import annotations

import codecs

import pytest
import yaml

from factlint.errors import ConfigError
from factlint.kb_edit import FileEdit

NEW = {"person": "b", "from": "2024-05-10"}


def edited(text: str, office: str = "o", **what: object) -> str:
    edit = FileEdit("t.yaml", text.encode())
    node = edit.office(office) if "holders" in what or "replace" in what else None
    if "replace" in what:
        edit.replace_holder(edit.holder_nodes(node)[0], what["replace"])  # type: ignore[arg-type]
    if "holders" in what:
        edit.add_holders(node, what["holders"])  # type: ignore[arg-type]
    if "people" in what:
        edit.add_people(what["people"])  # type: ignore[arg-type]
    if "as_of" in what:
        edit.set_as_of(str(what["as_of"]))
    out = edit.result().decode()
    yaml.safe_load(out)  # still YAML
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("offices:\n  - id: o\n    holders:\n      - {person: a, from: 2020}  # kept\n# end\n",
     "offices:\n  - id: o\n    holders:\n      - {person: a, from: 2020}  # kept\n      - {person: b, from: 2024-05-10}\n# end\n"),
    ("offices:\n  - id: o\n    holders: [{person: a, from: 2020}]\n",
     "offices:\n  - id: o\n    holders: [{person: a, from: 2020}, {person: b, from: 2024-05-10}]\n"),
    ("offices:\n  - id: o\n    holders: []\n", "offices:\n  - id: o\n    holders: [{person: b, from: 2024-05-10}]\n"),
    ("offices:\n  - id: o\n    role: r\n  - id: p\n    role: r\n",
     "offices:\n  - id: o\n    role: r\n    holders:\n      - {person: b, from: 2024-05-10}\n  - id: p\n    role: r\n"),
    ("offices:\n  - id: o\n    holders:\n  - id: p\n",
     "offices:\n  - id: o\n    holders:\n      - {person: b, from: 2024-05-10}\n  - id: p\n"),
    ("offices:\n  - id: o\n    holders:\n      - person: a\n        from: 2020\n",
     "offices:\n  - id: o\n    holders:\n      - person: a\n        from: 2020\n      - {person: b, from: 2024-05-10}\n"),
])
def test_add_holders(text: str, expected: str) -> None:
    assert edited(text, holders=[NEW]) == expected


def test_replace_a_block_holder_keeps_what_follows() -> None:
    text = "offices:\n  - id: o\n    holders:\n      - person: a\n        from: 2020  # x\n    note: n\n"
    assert edited(text, replace={"person": "a", "from": "2020", "to": "2024"}) == (
        "offices:\n  - id: o\n    holders:\n      - {person: a, from: 2020, to: 2024}  # x\n    note: n\n")


@pytest.mark.parametrize(("text", "expected"), [
    ("meta:\n  as_of: 2023-01-01  # c\n  source: s\n", "meta:\n  as_of: 2026-01-02  # c\n  source: s\n"),
    ("meta: {as_of: 2023-01-01, source: s}\n", "meta: {as_of: 2026-01-02, source: s}\n"),
    ("meta: {source: s}\n", "meta: {as_of: 2026-01-02, source: s}\n"),
    ("meta:\n  source: s\n", "meta:\n  as_of: 2026-01-02\n  source: s\n"),
    ("# head\npeople: []\n", "# head\nmeta:\n  as_of: 2026-01-02\n\npeople: []\n"),
])
def test_set_as_of(text: str, expected: str) -> None:
    assert edited(text, as_of="2026-01-02") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("people:\n  - {id: a, name: A}\n\noffices: []\n",
     "people:\n  - {id: a, name: A}\n  - {id: b, name: B, wikidata: Q1}\n\noffices: []\n"),
    ("offices: []", "offices: []\n\npeople:\n  - {id: b, name: B, wikidata: Q1}\n"),
])
def test_add_people(text: str, expected: str) -> None:
    assert edited(text, people=[{"id": "b", "name": "B", "wikidata": "Q1"}]) == expected


def test_byte_order_mark_and_untouched_file() -> None:
    raw = codecs.BOM_UTF8 + b"meta: {as_of: 2023}\n"
    edit = FileEdit("t.yaml", raw)
    assert edit.result() == raw
    edit.set_as_of("2024-01-01")
    assert edit.result() == codecs.BOM_UTF8 + b"meta: {as_of: 2024-01-01}\n"


def test_a_flow_style_office_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"t.yaml:2: cannot add holders to office 'o' written in flow style"):
        edited("offices:\n  - {id: o, role: r}\n", holders=[NEW])
