"""factlint/yamlio.py: YAML within bounds (depth, alias expansion), errors at their line."""
from __future__ import annotations

import pytest

from factlint.errors import ConfigError
from factlint.yamlio import MAX_ALIAS_NODES, MAX_DEPTH, check_bounds, load_yaml_text


def test_aliases_within_the_limit_load() -> None:
    data = load_yaml_text("a: &a [1, 2]\nb: *a\nc: {<<: {x: 1}, y: 2}\n", "f.yaml")
    assert data == {"a": [1, 2], "b": [1, 2], "c": {"x": 1, "y": 2}}


def test_alias_bomb_is_refused_at_its_line() -> None:
    text = "a: &a [" + ", ".join(["x"] * 100) + "]\nb: &b [" + ", ".join(["*a"] * 100) + "]\nc: [" + ", ".join(["*b"] * 100) + "]\n"
    with pytest.raises(ConfigError) as info:
        load_yaml_text(text, "f.yaml", ConfigError)
    assert info.value.line == 2 and "YAML aliases expand to too many nodes" in info.value.message
    assert f"{MAX_ALIAS_NODES:,}" in info.value.message


def test_many_aliases_of_a_scalar_count_too() -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * (MAX_ALIAS_NODES + 1)) + "]\n"
    with pytest.raises(ConfigError, match="too many nodes"):
        check_bounds(text, "f.yaml", ConfigError)


def test_recursive_alias() -> None:
    with pytest.raises(ConfigError, match=r"recursive YAML alias \*a"):
        check_bounds("a: &a [1, *a]\n", "f.yaml", ConfigError)


@pytest.mark.parametrize("text", ["[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "- " * (MAX_DEPTH + 1) + "x\n"])
def test_nesting_depth(text: str) -> None:
    with pytest.raises(ConfigError, match=f"YAML nested too deeply \\(over {MAX_DEPTH} levels\\)"):
        load_yaml_text(text, "f.yaml", ConfigError)
    ok = text.replace("[", "", 2).replace("]", "", 2).replace("- ", "", 2)
    load_yaml_text(ok, "f.yaml", ConfigError)


def test_duplicate_key_long_value_is_quoted_short() -> None:
    key = "k" * 1000
    with pytest.raises(ConfigError) as info:
        load_yaml_text(f"{key}: 1\n{key}: 2\n", "f.yaml", ConfigError)
    assert len(info.value.message) < 250 and info.value.line == 2


# -- the one-pass path for plain documents -------------------------------------

def _general(text: str) -> object:
    import yaml

    from factlint.yamlio import _Loader

    return yaml.load(text, Loader=_Loader)  # noqa: S506 - the safe loader subclass


def _same(a: object, b: object) -> bool:
    from factlint.yamlio import LocDict, LocList

    if type(a) is not type(b):
        return False
    if isinstance(a, LocDict) and isinstance(b, LocDict):
        return (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b)) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, LocList) and isinstance(b, LocList):
        return (a.line, a.item_lines, len(a)) == (b.line, b.item_lines, len(b)) and all(map(_same, a, b))
    return a == b


PLAIN_DOCS = [
    "", "# only a comment\n", "---\n", "---\n...\n", "a:\n", "a: ~\nb: null\nc: Null\n",
    "- yes\n- No\n- on\n- OFF\n- y\n- true\n",
    "- 0x1F\n- 1_000\n- .inf\n- 1e3\n- 1.5e3\n- 0o17\n- 017\n- +12\n- -0\n- 190:20:30\n",
    "a: 2011-03-04\nb: 2011-03\nc: 2011\nd: '2011'\n",
    "a: |\n  x\n  y\nb: >\n  p\n  q\n",
    "people:\n  - {id: ana-smith, name: Ana Smith, aliases: [A. Smith, 'Ana  Smith']}\n"
    "offices:\n  - id: x-president\n    holders:\n      - {person: ana-smith, from: 2001, to: 2005-03}\n",
    "- - - x\n  - y\n- z\n", "a: [b, {c: d, e: [f, g]}, 'h', \"i\\u00e9\"]\n", "a: plain\n  continued\n  line\n",
    "a:\r\n  - b\r\n", "'quoted key': 1\n\"k2\": 2\n", "x", "1", "[]", "{}", "- \n- a\n", "a: 'it''s'\n",
    "? a\n: b\n", "%YAML 1.1\n---\na: 1\n",
]


@pytest.mark.parametrize("text", PLAIN_DOCS)
def test_plain_documents_load_as_the_general_path_loads_them(text: str) -> None:
    from factlint.yamlio import _GENERAL, _load_plain

    got = _load_plain(text)
    assert got is not _GENERAL
    assert _same(got, _general(text))


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "<<: {a: 1}\n", "=: 1\n", "a: 1\n---\nb: 2\n", "a: b\na: c\n",
    "{[1]: 2}\n", "? [a, b]\n: c\n", "a: {b: c\n", "1: a\n1.0: b\n", "a: !custom x\n",
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
])
def test_anything_else_takes_the_general_path(text: str) -> None:
    from factlint.yamlio import _GENERAL, _load_plain

    assert _load_plain(text) is _GENERAL


def test_the_default_kb_loads_the_same_both_ways() -> None:
    from factlint.kb import default_kb_dir
    from factlint.yamlio import _load_plain

    files = sorted(default_kb_dir().rglob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        assert _same(_load_plain(text), _general(text)), f
