"""factlint/yamlflow.py: flow lines read outside libyaml give what the general path gives."""
from __future__ import annotations

import pytest
import yaml

from factlint.errors import FactlintError
from factlint.yamlio import LocDict, LocList, _Loader, load_yaml_text

DOCS = [
    "people:\n  - {id: ana, name: Ana Smith, aliases: [Ana B. Smith, A. Smith]}\n  - {id: bo, name: Bo}\n",
    "x:\n- {a: yes, b: no, c: 2001, d: 2001-02-03, e: null, f: 1.5, g: 0x1F, h: false}\n",
    "x:\n  - {a: []}\n  - {a: [on, Off, 12]}\n",
    "note: |\n  - {a: b}\nx: 1\n",                       # inside a block scalar
    "note: \"one\n  - {a: b}\"\n",                       # inside a quoted scalar
    "note: some text\n  - {a: b}\n",                     # a continued plain scalar
    "x:\n  - {a: b}\n    more\n",                         # more text after the line
    "x:\n  - {a: b, a: c}\n",                             # a duplicate key: the general path's error
    "x:\n  - {a: b}\n  - &k {a: c}\n  - *k\n",             # anchors elsewhere
    "x: [\n  - {a: b}\n]\n",                             # inside a flow sequence
    "x:\n  - {a: b}  \n  - {a:  c d , e: f}\n  - {a: b # c}\n",
    "x:\n  - {a: Agnès Ødegaard, b: Tomasz Siemoniak-Wiśniewski (acting)}\n",
    "x:\n  - {a: b}\n\ty: 1\n",                           # a tab elsewhere: libyaml's error
    "x:\n  - {a: b}\r\n",
    "x:\n  - {a: FLflowLine0}\n",
]


def _plain(obj: object) -> object:
    if isinstance(obj, LocDict):
        return ("map", obj.line, getattr(obj, "key_lines", {}), [(k, _plain(v)) for k, v in obj.items()])
    if isinstance(obj, LocList):
        return ("seq", obj.line, getattr(obj, "item_lines", []), [_plain(v) for v in obj])
    return (type(obj).__name__, obj)


@pytest.mark.parametrize("text", DOCS)
def test_same_as_the_general_path(text: str) -> None:
    try:
        want = ("ok", _plain(yaml.load(text, Loader=_Loader)))  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError:
        want = ("error",)
    try:
        got = ("ok", _plain(load_yaml_text(text, "t.yaml")))
    except FactlintError:
        got = ("error",)
    assert got == want
