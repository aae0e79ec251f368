"""YAML reading that remembers line numbers, for errors that point at them.

Mappings come back as :class:`LocDict` (with ``.line`` and ``.key_lines``),
sequences as :class:`LocList` (with ``.line`` and ``.item_lines``). Dates are
*not* turned into ``datetime.date`` by the YAML layer: factlint parses them
itself, so that ``2024-02-30`` is reported as an impossible date at its line
instead of crashing the YAML constructor. Duplicate keys are an error.

YAML is loaded within bounds (see :func:`check_bounds`): nesting deeper than
``MAX_DEPTH`` and aliases that would expand to more than ``MAX_ALIAS_NODES``
extra nodes (a "billion laughs") are errors at their line, found in one pass
over the parser's events before anything is built.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factlint.errors import FactlintError, shown
from factlint.fsio import MAX_DATA_BYTES, read_bytes

MAX_DEPTH = 100            # nested mappings and sequences
MAX_ALIAS_NODES = 10_000   # nodes that aliases may add to a document, in all

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
        super().__init__(f"duplicate key {shown(key)}")


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


def _line(event: Any) -> int | None:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else None


def check_bounds(text: str, path: str, error: type[FactlintError] = FactlintError) -> None:
    """Refuse YAML nested deeper than MAX_DEPTH, or whose aliases would add
    more than MAX_ALIAS_NODES nodes, before it is composed: libyaml's composer
    crashes the interpreter on very deep nesting, and an alias bomb expands
    to billions of nodes wherever its value is walked.

    Works on the event stream (iterative in libyaml): each open collection
    counts the nodes it would expand to, an alias counting its anchor's.
    """
    sizes: dict[str, int] = {}        # anchor -> expanded node count
    open_: list[list[Any]] = []       # [anchor, expanded count] per open collection
    distinct = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            n = sizes.get(event.anchor or "")
            if n is None:
                if any(o[0] == event.anchor for o in open_):
                    raise error(f"recursive YAML alias *{event.anchor}", path, _line(event))
                continue  # an undefined alias: the composer reports it
            if open_:
                open_[-1][1] += n
            expanded = sum(o[1] for o in open_) if open_ else n
            if expanded - distinct > MAX_ALIAS_NODES:
                raise error(f"YAML aliases expand to too many nodes (over {MAX_ALIAS_NODES:,} more than written): "
                            f"alias *{event.anchor}", path, _line(event))
        elif isinstance(event, yaml.ScalarEvent):
            distinct += 1
            if open_:
                open_[-1][1] += 1
            if event.anchor:
                sizes[event.anchor] = 1
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            distinct += 1
            open_.append([event.anchor, 1])
            if len(open_) > MAX_DEPTH:
                raise error(f"YAML nested too deeply (over {MAX_DEPTH} levels)", path, _line(event))
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            anchor, n = open_.pop()
            if anchor:
                sizes[anchor] = n
            if open_:
                open_[-1][1] += n


def load_yaml_text(text: str, path: str, error: type[FactlintError] = FactlintError) -> Any:
    """Parse one YAML document; raise *error* naming the path and line."""
    try:
        check_bounds(text, path, error)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
    except DuplicateKey as exc:
        raise error(f"duplicate key {shown(exc.key)}", path, exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = exc.problem or exc.context or "invalid YAML"
        raise error(f"invalid YAML: {reason}", path, line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path) from None


def load_yaml_file(path: Path, error: type[FactlintError] = FactlintError) -> Any:
    raw = read_bytes(path, MAX_DATA_BYTES, error)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})", str(path)) from None
    return load_yaml_text(text, str(path), error)
