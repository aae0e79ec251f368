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
from collections.abc import Callable, Container
from operator import methodcaller
from typing import Any, NamedTuple

# The characters a flow line may hold: none that is a YAML indicator inside a
# flow plain scalar, nor a quote, comment, escape, brace, tab, control or
# line-break character (YAML 1.1 breaks lines at U+0085, U+2028, U+2029), nor a
# BOM; ',', ':' and the brackets only where the line's shape puts them.
BAD = re.compile("[^A-Za-z0-9 _.()/+=~$;<^\\-,:\\[\\]"
                  "\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# A plain scalar this reader reads: it starts with a letter or digit (none of
# U+0080..U+00BF), ends with no space, and holds no ',', ':' or bracket.
_SCALAR = r"(?:[A-Za-z0-9]|[^\W_\x00-\xbf])[^,:\[\]]*+(?<! )"
# One ``key: value`` of a flow line: the value a scalar or a flow list of them.
_PAIR_TEXT = rf"([a-z_][a-z0-9_]*+): (\[ *(?:{_SCALAR}(?:, {_SCALAR})*)? *\]|{_SCALAR})"
_PAIR = re.compile(_PAIR_TEXT)
_INNER = re.compile(f"{_PAIR_TEXT}(?:, {_PAIR_TEXT})*")
_KEY_VALUE = methodcaller("split", ": ")  # "key: value" -> [key, value] (a value holds no ':')
_KEY = re.compile("[a-z_][a-z0-9_]*")
_STR_KEYS: set[str] = set()  # keys seen to resolve to themselves (not "yes", "null", ...)
UNSAFE_TEXT = ("\r", "\x85", "\u2028", "\u2029")  # line breaks other than \n: no fast lines in such a text

MARKER = "FLflowLine0"


class Fast:
    """The nodes of a document's flow lines: line -> (node, marker column, depth it needs)."""

    __slots__ = ("nodes", "used")

    def __init__(self) -> None:
        self.nodes: dict[int, tuple[Any, int, int]] = {}
        self.used = 0


class Scalars(NamedTuple):
    """How the fast readers make their nodes: *value* resolves a plain scalar
    (``general`` for one only the general path may read), and is needed only
    for one that starts with a character of *resolvable*; *loc_dict* and
    *loc_list* are the mapping and sequence types, with their lines."""

    value: Callable[[str], Any]
    resolvable: Container[str]
    loc_dict: type
    loc_list: type
    general: object


def read_flow_lines(text: str, scalars: Scalars) -> tuple[str, Fast | None]:
    """*text* with its flow lines replaced by markers, and their nodes
    (``None``: nothing replaced)."""
    if MARKER in text or any(c in text for c in UNSAFE_TEXT) or "- {" not in text:
        return text, None
    lines = text.split("\n")
    fast = Fast()
    bad = BAD.search
    for n, line in enumerate(lines):
        body = line.lstrip(" ")
        if not body.startswith("- {"):
            continue
        body = body.rstrip(" ")
        if body[-1] != "}" or bad(body, 3, len(body) - 1):
            continue
        node = flow_node(body[3:-1].strip(" "), n + 1, scalars)
        if node is None:
            continue
        indent = len(line) - len(line.lstrip(" "))
        fast.nodes[n + 1] = (node[0], indent + 2, node[1])
        lines[n] = f"{' ' * indent}- {MARKER}"
    if not fast.nodes:
        return text, None
    return "\n".join(lines), fast


def flow_node(inner: str, line: int, scalars: Scalars) -> tuple[Any, int] | None:
    """The mapping of one flow line's ``key: value, ...`` (its characters
    checked against ``BAD`` already) and its depth, or None if unsure."""
    if _INNER.fullmatch(inner) is None:
        return None
    pairs: list[Any] = _PAIR.findall(inner)
    value, resolvable, _, loc_list, general = scalars
    mapping = scalars.loc_dict(pairs)
    if len(mapping) != len(pairs):
        return None  # a duplicate key: the general path's error
    if not _STR_KEYS.issuperset(mapping):
        for key in mapping:
            if _KEY.fullmatch(key) is None or value(key) != key:
                return None  # a key that resolves to something else ("yes", "null"): libyaml's to read
            _STR_KEYS.add(key)
    depth = 1
    for key, raw in pairs:
        first = raw[0]
        if first == "[":
            items = raw[1:-1].strip(" ")
            got: Any = loc_list(map(value, items.split(", "))) if items else loc_list()
            if general in got:
                return None
            got.line = line
            got.item_lines = [line] * len(got)
            mapping[key] = got
            depth = 2
        elif first in resolvable:
            got = value(raw)
            if got is general:
                return None
            mapping[key] = got
    mapping.line = line
    mapping.key_lines = dict.fromkeys(mapping, line)
    return mapping, depth
