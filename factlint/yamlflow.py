"""A reader for the one-line flow mappings a large KB is made of.

Takes a YAML document's text; gives the text with every line of the form
``  - {key: value, key: [a, b]}`` (simple keys, plain scalars of a safe
alphabet, at most one level of flow lists) replaced by ``  - MARKER``, and
the nodes those lines stand for, read here (:class:`~factlint.yamlio.LocDict`
and :class:`~factlint.yamlio.LocList` with their lines), by line number.

libyaml then parses a document with a few events per line instead of eight
to twenty, and :func:`factlint.yamlio._load_plain` puts each node where its
marker is. It accepts a marker only as a plain scalar, alone at its line and
column, as the item of a block sequence; a marker anywhere else (inside a
block or quoted scalar, a continued plain scalar, a key) or a marker missing
sends the ORIGINAL text down the general path, as does a line this reader is
unsure of: such a line is simply left for libyaml. Scalars are resolved
(ints, bools, nulls) by the same function as every other plain scalar.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# The characters a flow line may hold: none that is a YAML indicator inside a
# flow plain scalar, nor a quote, comment, escape, brace, tab, control or
# line-break character (YAML 1.1 breaks lines at U+0085, U+2028, U+2029), nor a
# BOM; ',', ':' and the brackets only where the line's shape puts them.
_BAD = re.compile("[^A-Za-z0-9 _.()/+=~$;<^\\-,:\\[\\]"
                  "\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_KEY = re.compile("[a-z_][a-z0-9_]*")
UNSAFE_TEXT = ("\r", "\x85", "\u2028", "\u2029")  # line breaks other than \n: no fast lines in such a text

MARKER = "FLflowLine0"


class Fast:
    """The nodes of a document's flow lines: line -> (node, marker column, depth it needs)."""

    __slots__ = ("nodes", "used")

    def __init__(self) -> None:
        self.nodes: dict[int, tuple[Any, int, int]] = {}
        self.used = 0


def read_flow_lines(text: str, value: Callable[[str], Any], loc_dict: type, loc_list: type,
                    general: object) -> tuple[str, Fast | None]:
    """*text* with its flow lines replaced by markers, and their nodes
    (``None``: nothing replaced). *value* resolves a plain scalar, giving
    *general* for one only the general path may read."""
    if MARKER in text or any(c in text for c in UNSAFE_TEXT) or "- {" not in text:
        return text, None
    lines = text.split("\n")
    fast = Fast()
    bad = _BAD.search
    for n, line in enumerate(lines):
        body = line.lstrip(" ")
        if not body.startswith("- {"):
            continue
        body = body.rstrip(" ")
        if body[-1] != "}" or bad(body, 3, len(body) - 1):
            continue
        node = _node(body[3:-1].strip(" "), n + 1, value, loc_dict, loc_list, general)
        if node is None:
            continue
        indent = len(line) - len(line.lstrip(" "))
        fast.nodes[n + 1] = (node[0], indent + 2, node[1])
        lines[n] = f"{' ' * indent}- {MARKER}"
    if not fast.nodes:
        return text, None
    return "\n".join(lines), fast


def _scalar(text: str) -> bool:
    """*text* is a plain scalar this reader reads: it starts with a letter or
    digit, ends with no space, and holds no ',', ':' or bracket."""
    first = text[:1]
    return (first.isalnum() and (first.isascii() or first >= "\u00c0") and text[-1] != " "
            and ":" not in text and "," not in text and "[" not in text and "]" not in text)


def _node(inner: str, line: int, value: Callable[[str], Any], loc_dict: type, loc_list: type,
          general: object) -> tuple[Any, int] | None:
    """The mapping of one flow line's ``key: value, ...`` and its depth, or None if unsure."""
    mapping = loc_dict()
    mapping.line = line
    mapping.key_lines = {}
    depth = 1
    parts = inner.split(", ")
    i = 0
    while i < len(parts):
        key, sep, raw = parts[i].partition(": ")
        i += 1
        if not sep or _KEY.fullmatch(key) is None:
            return None
        if raw.startswith("["):
            while not raw.endswith("]") and i < len(parts):  # a list's items were split at ", " too
                raw += ", " + parts[i]
                i += 1
            items = raw[1:-1].strip(" ")
            texts = items.split(", ") if items else []
            if not raw.endswith("]") or not all(map(_scalar, texts)):
                return None
            got: Any = loc_list(map(value, texts))
            got.line = line
            got.item_lines = [line] * len(texts)
            depth = 2
            if general in got:
                return None
        else:
            if not _scalar(raw):
                return None
            got = value(raw)
        key = value(key)
        if key.__class__ is not str or key in mapping or got is general:
            return None  # a key that resolves to something else, or a duplicate: libyaml's to read
        mapping[key] = got
        mapping.key_lines[key] = line
    return mapping, depth
