"""YAML reading that remembers line numbers, for errors that point at them.

Mappings come back as :class:`LocDict` (with ``.line`` and ``.key_lines``),
sequences as :class:`LocList` (with ``.line`` and ``.item_lines``). Dates are
*not* turned into ``datetime.date`` by the YAML layer: factlint parses them
itself, so that ``2024-02-30`` is reported as an impossible date at its line
instead of crashing the YAML constructor. Duplicate keys are an error.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factlint.errors import FactlintError

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocDict(dict):  # type: ignore[type-arg]
    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LocList(list):  # type: ignore[type-arg]
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if index < len(lines) else self.line


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: object, line: int) -> None:
        self.key = key
        self.line = line
        super().__init__(f"duplicate key {key!r}")


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


# Keep dates as strings: the KB layer parses (and reports) them itself.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: Any, node: yaml.MappingNode) -> Any:
    data = LocDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "found an unhashable key", key_node.start_mark
            ) from None
        if key in data:
            raise DuplicateKey(key, key_node.start_mark.line + 1)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> Any:
    data = LocList()
    data.line = node.start_mark.line + 1
    data.item_lines = [child.start_mark.line + 1 for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def load_yaml_text(text: str, path: str, error: type[FactlintError] = FactlintError) -> Any:
    """Parse one YAML document; raise *error* naming the path and line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
    except DuplicateKey as exc:
        raise error(f"duplicate key {exc.key!r}", path, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise error(f"invalid YAML: {reason}", path, line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path) from None


def load_yaml_file(path: Path, error: type[FactlintError] = FactlintError) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"cannot read file: {exc.strerror or exc}", str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", str(path)) from None
    return load_yaml_text(text, str(path), error)
