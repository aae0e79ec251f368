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

Most files (a large KB above all) use none of anchors, aliases, tags or merge
keys. Those are built straight from libyaml's event stream in one pass
(:func:`_load_plain`), which checks the depth as it goes and gives the same
data as the composer and constructor, about four times faster. Anything else,
and any file with an error, takes the general path (bounds check, then
PyYAML's loader), so every error is the one that path reports.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from factlint.errors import FactlintError, shown
from factlint.fsio import MAX_DATA_BYTES, read_bytes
from factlint.yamlblock import read_block
from factlint.yamlflow import MARKER, Fast, Scalars, read_flow_lines

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


_GENERAL = object()  # _load_plain's answer: this document needs the general path
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_STYLES = (None, "")  # a plain scalar's style, as libyaml and PyYAML give it
_PLAIN_TAGS = frozenset(("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                         "tag:yaml.org,2002:null"))
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# libyaml's event parser, when PyYAML was built with it
_EventParser: Any = yaml._yaml.CParser if getattr(yaml, "__with_libyaml__", False) else None  # type: ignore[attr-defined]


class _Resolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


_RESOLVER = _Resolver()
_plain_values: dict[str, Any] = {}  # plain scalar -> its value, for those a resolver may read


def _plain_value(text: str) -> Any:
    """A plain scalar's value as the loader resolves and constructs it
    (``_GENERAL`` for a merge key or a value key)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
    if tag == _STR_TAG:
        value: Any = text
    elif tag in _PLAIN_TAGS:
        value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, text))
    else:
        return _GENERAL
    if len(_plain_values) < 100_000:
        _plain_values[text] = value
    return value


# Which tags a plain scalar may resolve to, by its first character: letters
# only to bool and null (words of at most five letters: "false", "NULL"),
# digits only to int and float (a '-' after the first character only in a
# float's exponent, after its '.'). Checked against the resolver table here.
_WORD_TAGS = frozenset(("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"))
_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))
_SHORTCUT = all(
    {tag for tag, _ in resolvers} <= (_WORD_TAGS if first.isalpha() else _NUMBER_TAGS)
    for first, resolvers in _Resolver.yaml_implicit_resolvers.items() if first and first.isalnum()
)


def _resolved(text: str) -> Any:
    """A plain scalar's value (``_GENERAL`` for one only the general path reads)."""
    first = text[:1]
    if first not in _Resolver.yaml_implicit_resolvers:
        return text
    # Surely a string: a word longer than any bool or null, or a date-like
    # "1998-03" (digits, a '-', no '.').
    if _SHORTCUT and (len(text) > 5 if first.isalpha() else first.isdigit() and "-" in text and "." not in text):
        return text
    got = _plain_values.get(text, _GENERAL)
    return _plain_value(text) if got is _GENERAL else got


# What the fast readers (factlint.yamlblock, factlint.yamlflow) build with.
_SCALARS = Scalars(_resolved, frozenset(_Resolver.yaml_implicit_resolvers), LocDict, LocList, _GENERAL)


def _flow_node(fast: Fast, event: Any, stack: list[list[Any]]) -> Any:
    """The node a marker stands for, or ``_GENERAL`` unless the marker is a
    plain scalar alone at its flow line's place, as an item of a block
    sequence, within the depth bound."""
    got = fast.nodes.get(event.start_mark.line + 1)
    if (got is None or event.value != MARKER or not event.implicit[0] or event.style not in _PLAIN_STYLES
            or event.start_mark.column != got[1] or not stack or stack[-1][1]
            or len(stack) + got[2] > MAX_DEPTH or got[0].__class__ is not LocDict):
        return _GENERAL
    fast.nodes[event.start_mark.line + 1] = (None, -1, 0)  # each marker is used once
    fast.used += 1
    return got[0]


def _load_plain(text: str, fast: Fast | None = None) -> Any:
    """The document in *text* built from the parser's events, or ``_GENERAL``
    when it has an anchor, an alias, a tag, a merge key, more than one
    document, nesting deeper than MAX_DEPTH, or any error. *fast*: the nodes
    of the flow lines that *text* has markers for (see factlint.yamlflow)."""
    if _EventParser is None:
        return _GENERAL
    get = _EventParser(text).get_event
    scalar, map_start, seq_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    resolvable = _Resolver.yaml_implicit_resolvers  # first characters that a resolver may read
    try:
        get()  # the stream's start
        event = get()
        if event.__class__ is yaml.StreamEndEvent:
            return None
        if event.__class__ is not yaml.DocumentStartEvent:
            return _GENERAL
        # Each open collection: [container, is a mapping, its pending key or _GENERAL, that key's line]
        stack: list[list[Any]] = []
        root: Any = _GENERAL
        new: LocDict | LocList | None
        while True:
            event = get()
            cls = event.__class__
            if cls is scalar:
                if event.anchor is not None or event.tag is not None:
                    return _GENERAL
                value = event.value
                if fast is not None and MARKER in value:
                    value = _flow_node(fast, event, stack)
                elif event.implicit[0] and value[:1] in resolvable:
                    value = _resolved(value)
                if value is _GENERAL:
                    return _GENERAL
                new = None
            elif cls is map_start or cls is seq_start:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    return _GENERAL
                if cls is map_start:
                    mapping = LocDict()
                    mapping.key_lines = {}
                    new = value = mapping
                else:
                    sequence = LocList()
                    sequence.item_lines = []
                    new = value = sequence
                value.line = event.start_mark.line + 1
            elif cls is map_end or cls is seq_end:
                stack.pop()
                continue
            elif cls is yaml.DocumentEndEvent:
                break
            else:  # an alias
                return _GENERAL
            line = event.start_mark.line + 1
            if not stack:
                root = value
            else:
                top = stack[-1]
                container = top[0]
                if not top[1]:
                    container.append(value)
                    container.item_lines.append(line)
                elif top[2] is _GENERAL:
                    if new is not None or value in container:
                        return _GENERAL  # an unhashable or a duplicate key: the general path says which
                    top[2] = value
                    top[3] = line
                else:
                    container[top[2]] = value
                    container.key_lines[top[2]] = top[3]
                    top[2] = _GENERAL
            if new is not None:
                stack.append([new, cls is map_start, _GENERAL, 0])
        if get().__class__ is not yaml.StreamEndEvent or (fast is not None and fast.used != len(fast.nodes)):
            return _GENERAL  # a second document, or a flow line whose marker was not where it was put
        return root
    except yaml.YAMLError:
        return _GENERAL


def load_yaml_text(text: str, path: str, error: type[FactlintError] = FactlintError) -> Any:
    """Parse one YAML document; raise *error* naming the path and line."""
    data = read_block(text, _SCALARS, MAX_DEPTH)
    if data is _GENERAL and _EventParser is not None:
        marked, fast = read_flow_lines(text, _SCALARS)
        data = _load_plain(marked, fast)
    if data is not _GENERAL:
        return data
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
