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
