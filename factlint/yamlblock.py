"""A reader for the plain block YAML a large KB is written in, line by line.

Takes a YAML document's text; gives its data (:class:`~factlint.yamlio.LocDict`
and :class:`~factlint.yamlio.LocList` with the lines the general path gives
them), or *general* when the text has anything beyond this shape:

- block mappings of simple keys (``key:``, ``key: value``) and block
  sequences (``- value``, ``- key: value`` opening a mapping), each level
  indented with spaces further than the one it is in;
- values that are plain scalars of one line, flow lists of them, or one-line
  flow mappings (read by :func:`factlint.yamlflow.flow_node`);
- blank lines, comment lines and comments after a value.

Anything else — quotes, anchors, aliases, tags, block or multi-line scalars,
a sequence at its key's indentation, a duplicate key, a tab, a character YAML
does not print, a second document, nesting deeper than the bound — gives
*general*, and the caller reads the original text with libyaml, whose errors
and lines are the ones reported. Plain scalars are resolved (ints, bools,
nulls) by the caller's *value*, the function every other plain scalar goes
through, so the data is the same either way; tests/test_yamlblock.py compares
the two readers on documents of every shape.

Why: a KB of 100,000 people is 300,000 such lines; one pass over them in
Python costs a fraction of libyaml's events for them.
"""
from __future__ import annotations

import re
from typing import Any

from factlint.yamlflow import BAD, UNSAFE_TEXT, Scalars, flow_node

# Characters outside YAML's printable set (libyaml refuses them anywhere,
# comments included), a tab (indentation or not: libyaml's to judge), and the
# BOM (allowed by YAML only at the start, which decoding has removed); written
# as the few ranges they are, which compiles in a fraction of the time.
_UNPRINTABLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# The characters of a line outside its comment (factlint.yamlflow's set): no
# quote, no indicator of a tag, anchor, alias, block scalar or directive, no
# brace except in flow mappings.
_KEY = re.compile("[a-z_][a-z0-9_]*")
# A plain scalar of a block value: starts with a letter or digit (none of
# U+0080..U+00BF), ends with no space, no ':' before a space or at the end.
_BLOCK_SCALAR = re.compile(r"(?![\u0080-\u00bf])[^\W_](?:[^:]|:(?! ))*(?<![ :])")
_FLOW_LIST = re.compile(r"\[ *(?:(?![\u0080-\u00bf])[^\W_](?:[^,:\[\]]*[^,:\[\] ])?"
                        r"(?:, (?![\u0080-\u00bf])[^\W_](?:[^,:\[\]]*[^,:\[\] ])?)*)? *\]")


class _Unsure(Exception):
    """The document is not of the plain shape: the general path reads it."""


class _Reader:
    """The state of one document's reading: the open collections and a key awaiting its value."""

    def __init__(self, scalars: Scalars, max_depth: int) -> None:
        self.scalars = scalars
        self.value, self.loc_dict, self.loc_list = scalars.value, scalars.loc_dict, scalars.loc_list
        self.general, self.max_depth = scalars.general, max_depth
        # open collections, outermost first: [indent, container, is a mapping]
        self.stack: list[list[Any]] = []
        self.root: Any = scalars.general
        self.str_keys: set[str] = set()
        # a key with nothing after it on its line: (mapping, key, the mapping's indent)
        self.pending: tuple[Any, str, int] | None = None

    def resolved(self, text: str) -> Any:
        got = self.value(text)
        if got is self.general:
            raise _Unsure
        return got

    def key(self, text: str) -> str:
        """*text* as a mapping key, if surely a string the general path reads the same."""
        if text not in self.str_keys:
            if _KEY.fullmatch(text) is None or self.value(text) != text:
                raise _Unsure
            self.str_keys.add(text)
        return text

    def flow_list(self, text: str, line: int) -> Any:
        if (_FLOW_LIST.fullmatch(text) is None or BAD.search(text) is not None
                or len(self.stack) + 1 > self.max_depth):
            raise _Unsure
        items = text[1:-1].strip(" ")
        got = self.loc_list(map(self.resolved, items.split(", "))) if items else self.loc_list()
        got.line = line
        got.item_lines = [line] * len(got)
        return got

    def flow_map(self, text: str, line: int) -> Any:
        if text[-1] != "}" or BAD.search(text, 1, len(text) - 1) is not None:
            raise _Unsure
        got = flow_node(text[1:-1].strip(" "), line, self.scalars)
        if got is None or len(self.stack) + got[1] > self.max_depth:
            raise _Unsure
        return got[0]

    def scalar_or_flow(self, text: str, line: int) -> Any:
        """The value written after ``key: `` or ``- `` (not a mapping)."""
        first = text[0]
        if first == "{":
            return self.flow_map(text, line)
        if first == "[":
            return self.flow_list(text, line)
        if _BLOCK_SCALAR.fullmatch(text) is None or "{" in text:
            raise _Unsure  # (the line's characters were checked up to its first brace)
        return self.resolved(text)

    def open(self, indent: int, container: Any, is_map: bool, line: int) -> None:
        if len(self.stack) >= self.max_depth:
            raise _Unsure
        container.line = line
        if is_map:
            container.key_lines = {}
        else:
            container.item_lines = []
        self.stack.append([indent, container, is_map])

    def pair(self, mapping: Any, indent: int, text: str, line: int) -> None:
        """``key: value`` or ``key:`` (its value on the lines below) into *mapping*."""
        name, sep, rest = text.partition(": ")
        if not sep:
            if text[-1] != ":":
                raise _Unsure
            name, rest = text[:-1], ""
        key = self.key(name)
        if key in mapping:
            raise _Unsure  # a duplicate: the general path says so
        mapping.key_lines[key] = line
        if rest:
            mapping[key] = self.scalar_or_flow(rest, line)
        else:
            mapping[key] = None
            self.pending = (mapping, key, indent)

    def item(self, seq: Any, indent: int, rest: str, line: int) -> None:
        """The item after ``- `` into *seq*: a scalar, a flow node, or a mapping opened by ``key:``."""
        seq.item_lines.append(line)
        first = rest[0]
        if first != "{" and first != "[" and (rest[-1] == ":" or ": " in rest):
            mapping = self.loc_dict()
            seq.append(mapping)
            self.open(indent + 2, mapping, True, line)
            self.pair(mapping, indent + 2, rest, line)
        else:
            seq.append(self.scalar_or_flow(rest, line))

    def start_value(self, indent: int, body: str, line: int) -> None:
        """The lines from here on are the value of the pending key (more indented than it)."""
        mapping, key, _ = self.pending  # type: ignore[misc]
        self.pending = None
        is_map = not body.startswith("-")
        container = self.loc_dict() if is_map else self.loc_list()
        mapping[key] = container
        self.open(indent, container, is_map, line)

    def line(self, indent: int, body: str, line: int) -> None:
        """One line with content (comment cut off): *body* at column *indent*."""
        if self.pending is not None:
            if indent > self.pending[2]:
                self.start_value(indent, body, line)
            elif indent == self.pending[2] and body[0] == "-":
                raise _Unsure  # a sequence at its key's indentation
            else:
                self.pending = None  # the key's value stays None
        stack = self.stack
        if not stack:
            if self.root is not self.general:
                raise _Unsure
            self.root = self.loc_list() if body[0] == "-" else self.loc_dict()
            self.open(indent, self.root, self.root.__class__ is self.loc_dict, line)
        while indent < stack[-1][0]:
            stack.pop()
            if not stack:
                raise _Unsure
        top_indent, container, is_map = stack[-1]
        if indent != top_indent:
            raise _Unsure
        if is_map:
            self.pair(container, indent, body, line)
        elif body[:2] == "- " and body[2] != " ":
            self.item(container, indent, body[2:], line)
        else:
            raise _Unsure


def read_block(text: str, scalars: Scalars, max_depth: int) -> Any:
    """The document in *text*, or ``scalars.general`` unless it has only the plain block shape."""
    general = scalars.general
    if any(c in text for c in UNSAFE_TEXT) or _UNPRINTABLE.search(text) is not None:
        return general
    reader = _Reader(scalars, max_depth)
    stack = reader.stack
    bad = BAD.search
    try:
        for n, raw in enumerate(text.split("\n"), 1):
            body = raw.lstrip(" ")
            if not body or body[0] == "#":
                continue
            indent = len(raw) - len(body)
            if "#" in body:
                cut = body.find(" #")
                if cut < 0 or "#" in body[:cut]:
                    return general
                body = body[:cut]
            body = body.rstrip(" ")
            if body[:3] == "- {" and reader.pending is None and stack and stack[-1][0] == indent and not stack[-1][2]:
                # the line a large KB is made of: one flow mapping, an item of the sequence open here
                seq = stack[-1][1]
                seq.append(reader.flow_map(body[2:], n))
                seq.item_lines.append(n)
                continue
            brace = body.find("{")
            if bad(body, 0, len(body) if brace < 0 else brace) is not None:
                return general
            reader.line(indent, body, n)
    except _Unsure:
        return general
    return reader.root
