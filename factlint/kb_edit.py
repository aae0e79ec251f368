"""Editing one KB YAML file in place, line by line, keeping everything else.

Takes a file's bytes; gives new bytes in which only the edited parts differ:
a holder rewritten, holders appended to an office, people appended, the
``meta.as_of`` date set. Comments, blank lines, key order, quoting and the
flow or block style of the rest stay byte for byte, so a curated file's
diff shows exactly what changed. Positions come from the YAML node tree
(the pure-Python composer, whose marks count characters).

Used by ``factlint kb update`` (:mod:`factlint.kb_update`); a structure it
cannot edit safely (a flow-style office, ``holders:`` set to a scalar) is a
:class:`~factlint.errors.ConfigError` naming the file and line.
"""
from __future__ import annotations

import codecs
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from factlint.errors import ConfigError, shown
from factlint.importers.writer import flow_entity, holder_line, scalar


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _content_end(node: yaml.Node) -> int:
    """Where the node's own text ends (a block collection ends with its last item)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


class FileEdit:
    """Pending edits to one KB file; :meth:`result` applies them."""

    def __init__(self, path: str, raw: bytes) -> None:
        self.path = path
        self.bom = raw.startswith(codecs.BOM_UTF8)
        self.text = raw.decode("utf-8-sig")
        try:
            self.root = yaml.compose(self.text, Loader=yaml.SafeLoader)  # noqa: S506 - composes, builds nothing
        except yaml.YAMLError as exc:
            raise ConfigError(f"cannot edit: invalid YAML: {exc}", path) from None
        self._edits: list[tuple[int, int, int, str]] = []  # start, end, order, text

    # -- positions ------------------------------------------------------------
    def _line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _after_line(self, pos: int) -> int:
        """The start of the line after the one holding *pos*."""
        if pos > 0 and self.text[pos - 1] == "\n":
            return pos
        j = self.text.find("\n", pos)
        return len(self.text) if j < 0 else j + 1

    def _dash_indent(self, item: yaml.Node) -> int:
        start = self._line_start(item.start_mark.index)
        dash = self.text.rfind("-", start, item.start_mark.index)
        return (dash if dash >= 0 else item.start_mark.index) - start

    def _edit(self, start: int, end: int, text: str) -> None:
        self._edits.append((start, end, len(self._edits), text))

    def _insert_lines(self, pos: int, lines: Sequence[str]) -> None:
        lead = "\n" if pos == len(self.text) and self.text and not self.text.endswith("\n") else ""
        self._edit(pos, pos, lead + "".join(f"{line}\n" for line in lines))

    def _where(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1

    # -- lookups ----------------------------------------------------------------
    def office(self, oid: str) -> yaml.MappingNode:
        offices = _get(self.root, "offices")
        for item in offices.value if isinstance(offices, yaml.SequenceNode) else []:
            ident = _get(item, "id")
            if isinstance(ident, yaml.ScalarNode) and ident.value == oid:
                return item  # type: ignore[no-any-return]
        raise ConfigError(f"cannot edit: no office {shown(oid)} found", self.path)

    def holder_nodes(self, office: yaml.MappingNode) -> list[yaml.Node]:
        holders = _get(office, "holders")
        return list(holders.value) if isinstance(holders, yaml.SequenceNode) else []

    # -- edits --------------------------------------------------------------------
    def replace_holder(self, node: yaml.Node, holder: Mapping[str, Any]) -> None:
        """Write *holder* (every key of it) in place of *node*, as a flow mapping."""
        self._edit(int(node.start_mark.index), _content_end(node), holder_line(holder))

    def _append_items(self, seq: yaml.SequenceNode, items: Sequence[str], what: str) -> None:
        if seq.flow_style:
            close = int(seq.end_mark.index) - 1  # the "]"
            sep = ", " if seq.value else ""
            self._edit(close, close, sep + ", ".join(items))
            return
        if not seq.value:
            raise ConfigError(f"cannot edit: an empty block list of {what}", self.path, self._where(seq))
        last = seq.value[-1]
        indent = " " * self._dash_indent(last)
        self._insert_lines(self._after_line(_content_end(last)), [f"{indent}- {i}" for i in items])

    def add_holders(self, office: yaml.MappingNode, holders: Sequence[Mapping[str, Any]]) -> None:
        if not holders:
            return
        lines = [holder_line(h) for h in holders]
        seq = _get(office, "holders")
        oid = getattr(_get(office, "id"), "value", "?")
        if isinstance(seq, yaml.SequenceNode):
            self._append_items(seq, lines, f"holders of {oid}")
            return
        if office.flow_style or not office.value:
            raise ConfigError(f"cannot add holders to office {shown(oid)} written in flow style "
                              "({...}); write it as a block mapping", self.path, self._where(office))
        if seq is not None and not (isinstance(seq, yaml.ScalarNode) and seq.value in ("", "null", "~")):
            raise ConfigError(f"cannot add holders to office {shown(oid)}: 'holders' is not a list",
                              self.path, self._where(seq))
        column = int(office.value[0][0].start_mark.column)
        if seq is not None:  # "holders:" with no value: the items go on the lines after it
            self._insert_lines(self._after_line(_content_end(seq)),
                               [f"{' ' * (column + 2)}- {line}" for line in lines])
            return
        self._insert_lines(self._after_line(_content_end(office)),
                           [f"{' ' * column}holders:", *(f"{' ' * (column + 2)}- {line}" for line in lines)])

    def add_people(self, people: Sequence[Mapping[str, Any]]) -> None:
        if not people:
            return
        items = [flow_entity(p, "people") for p in people]
        seq = _get(self.root, "people")
        if isinstance(seq, yaml.SequenceNode):
            self._append_items(seq, items, "people")
        elif seq is None:
            self._insert_lines(len(self.text), ["", "people:", *(f"  - {i}" for i in items)])
        else:
            raise ConfigError("cannot add people: 'people' is not a list", self.path, self._where(seq))

    def set_as_of(self, day: str) -> None:
        meta = _get(self.root, "meta")
        value = scalar(day, date=True)
        if meta is None:
            pos = 0
            while pos < len(self.text) and self.text[pos] == "#":  # after the header comments
                pos = self._after_line(pos + 1)
            self._insert_lines(pos, ["meta:", f"  as_of: {value}", ""])
            return
        if not isinstance(meta, yaml.MappingNode):
            raise ConfigError("cannot set meta.as_of: 'meta' is not a mapping", self.path, self._where(meta))
        as_of = _get(meta, "as_of")
        if as_of is not None:
            self._edit(int(as_of.start_mark.index), _content_end(as_of), value)
        elif meta.flow_style:
            brace = int(meta.start_mark.index) + 1
            self._edit(brace, brace, f"as_of: {value}" + (", " if meta.value else ""))
        elif meta.value:
            key = meta.value[0][0]
            self._insert_lines(self._line_start(key.start_mark.index),
                               [f"{' ' * key.start_mark.column}as_of: {value}"])
        else:
            raise ConfigError("cannot set meta.as_of: 'meta' is empty", self.path, self._where(meta))

    # -- result -------------------------------------------------------------------
    @property
    def changed(self) -> bool:
        return bool(self._edits)

    def result(self) -> bytes:
        text = self.text
        for start, end, _, new in sorted(self._edits, key=lambda e: (e[0], e[2]), reverse=True):
            text = text[:start] + new + text[end:]
        return (codecs.BOM_UTF8 if self.bom else b"") + text.encode("utf-8")
