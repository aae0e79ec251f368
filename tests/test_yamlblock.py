"""factlint/yamlblock.py: plain block YAML read line by line gives what the general path gives."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from factlint.yamlblock import read_block
from factlint.yamlio import _GENERAL, _SCALARS, MAX_DEPTH, LocDict, LocList, _Loader


def _plain(obj: object) -> object:
    """*obj* with every line the YAML layer gives it, for comparing exactly."""
    if isinstance(obj, LocDict):
        return ("map", obj.line, dict(obj.key_lines), [(k, _plain(v)) for k, v in obj.items()])
    if isinstance(obj, LocList):
        return ("seq", obj.line, list(obj.item_lines), [_plain(v) for v in obj])
    return (type(obj).__name__, obj)


def _general(text: str) -> object:
    try:
        return ("ok", _plain(yaml.load(text, Loader=_Loader)))  # noqa: S506 - the safe loader subclass
    except yaml.YAMLError:
        return ("error",)


def _block(text: str) -> object:
    return read_block(text, _SCALARS, MAX_DEPTH)


# Documents the line reader reads itself: it must give the general path's data and lines.
READ = [
    "a: 1\n",
    "meta:\n  as_of: 2026-06-01\n  source: factlint bench/gen_kb.py (synthetic)\n  license: CC0-1.0\n",
    "people:\n  - {id: ana, name: Ana Smith, aliases: [Ana B. Smith, A. Smith]}\n  - {id: bo, name: Bo}\n",
    "offices:\n  - id: x-president\n    role: president\n    jurisdiction: x\n    title: President of X\n"
    "    holders:\n      - {person: ana, from: 1819-09-05, to: 1822-01-12}\n      - {person: bo, from: 1822}\n"
    "  - id: y\n    seats: 2\n    holders:\n",
    "# a comment\n\nroles:   # after a key\n  - id: president   # after a value\n    name: President\n"
    "    aliases: [Head of State, Pres.]\n    broad: true\n",
    "a:\n  b:\n    c: d\n  e: f\ng: h\n",
    "- a\n- b: c\n  d: e\n- {f: g}\n- [h, i]\n",
    "a: yes\nb: No\nc: 0x1F\nd: 1_000\ne: 1.5\nf: null\ng: NULL\nh: 2001-02-03\ni: 2001\nj: on\n",
    "a: https://example.org/x_(y)\nb: a,b [c] d\n",
    "a: Agnès Ødegaard\nb: 東京\nc: Ünal\n",
    "x:\n  - {a: yes, b: no, c: 2001, d: 2001-02-03, e: null, f: 1.5, g: 0x1F, h: false}\n",
    "x:\n  - {a: []}\n  - {a: [on, Off, 12]}\n  - { a: b }\n",
    "a: []\nb: [ ]\nc: [x ]\n",
    "top:\n    deep:\n        - k: v\n          l: w\n        - k: u\n",
]

# Documents it must leave to the general path (or read the same): everything unusual.
UNUSUAL = [
    "", "# only a comment\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
    "a: 'q'\n", 'a: "q"\n', "a: &x 1\nb: *x\n", "a: !!str 1\n", "<<: {a: 1}\n", "=: 1\n",
    "a: |\n  x\n", "a: >\n  x\n", "a: plain\n  continued\n", "a: b\n\n  c\n", "a: b\na: c\n",
    "a:\n- b\n- c\n", "a:\n  - b\n  c: d\n", "a: b\n b: c\n", "  a: 1\nb: 2\n", "a:\tb\n", "\ta: b\n",
    "a: b\r\n", "a: b\x85c\n", "a: b\u2028\n", "a: \x07\n", "# \x07\n", "a: b #c\nd: e#f\n", "a: #\n",
    "a: b: c\n", "a:b\n", "a:  b\n", "-\n  a: b\n", "- - a\n", "? a\n: b\n", "yes: 1\n", "null: 1\n",
    "A: 1\n", "a b: 1\n", "a: [b, [c]]\n", "a: {b: [c, [d]]}\n", "a: {b: c\n", "a: [b, c\n", "a: -1\n",
    "a: .5\n", "a: ~\n", "a: [b,c]\n", "a: [b , c]\n", "x:\n  - {a: b, a: c}\n", "x:\n  - {a: b}\n    more\n",
    "x:\n  - {a: b # c}\n", "x:\n  - {a: b}\n\ty: 1\n", "x:\n  - {yes: 1}\n", "a: \ufeffb\n", "a: b:\n",
    "a: [b: c]\n", "a: b{c}\n", "a: [b{c]\n", "a: {b: c}}\n", "- a\nb: c\n", "a: 1\n- b\n",
    "x:\n  - {a: FLflowLine0}\n", "a:\n  - b\n  -  c\n", "a:\n  - {b: c}\n  - {b: 'd'}\n",
    "- " * (MAX_DEPTH + 1) + "x\n",
    "".join(f"{' ' * (2 * i)}k{i}:\n" for i in range(MAX_DEPTH)) + " " * (2 * MAX_DEPTH) + "x: 1\n",
]


@pytest.mark.parametrize("text", READ)
def test_plain_block_documents_are_read_as_the_general_path_reads_them(text: str) -> None:
    got = _block(text)
    assert got is not _GENERAL
    assert ("ok", _plain(got)) == _general(text)


@pytest.mark.parametrize("text", UNUSUAL)
def test_anything_unusual_is_left_to_the_general_path_or_read_the_same(text: str) -> None:
    got = _block(text)
    if got is not _GENERAL:
        assert ("ok", _plain(got)) == _general(text)


@pytest.mark.parametrize("text", ["a: 'q'\n", "a: &x 1\nb: *x\n", "a: |\n  x\n", "a: plain\n  continued\n",
                                  "a: b\na: c\n", "a:\n- b\n", "a: b\r\n", "a: \x07\n", "yes: 1\n", "---\na: 1\n"])
def test_quotes_anchors_block_scalars_continuations_duplicates_are_not_read(text: str) -> None:
    assert _block(text) is _GENERAL


def test_the_nesting_bound_is_the_general_paths() -> None:
    ok = "- " * MAX_DEPTH + "x\n"
    assert _block(ok) is _GENERAL  # "- - " is not a shape it reads; the bound below is
    deep = "".join(f"{' ' * (2 * i)}k{i}:\n" for i in range(MAX_DEPTH - 1)) + " " * (2 * MAX_DEPTH - 2) + "x: 1\n"
    assert _block(deep) is not _GENERAL
    deeper = "".join(f"{' ' * (2 * i)}k{i}:\n" for i in range(MAX_DEPTH)) + " " * (2 * MAX_DEPTH) + "x: 1\n"
    assert _block(deeper) is _GENERAL


def _files() -> list[Path]:
    from factlint.kb import default_kb_dir

    package = Path(__file__).resolve().parent.parent / "factlint"
    return sorted({*default_kb_dir().rglob("*.yaml"), *package.rglob("*.yaml"),
                   *(Path(__file__).parent / "fixtures").rglob("*.yaml")})


def test_every_yaml_file_of_the_project_reads_the_same() -> None:
    files = _files()
    assert len(files) > 100
    read = 0
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        got = _block(text)
        if got is not _GENERAL:
            read += 1
            assert ("ok", _plain(got)) == _general(text), f
    assert read > 0


def test_a_generated_kb_is_read_by_the_line_reader_and_the_same(tmp_path: Path) -> None:
    bench = Path(__file__).resolve().parent.parent / "bench"
    if not (bench / "gen_kb.py").exists():
        pytest.skip("bench/ is not here")
    sys.path.insert(0, str(bench))
    try:
        import gen_kb
    finally:
        sys.path.remove(str(bench))
    gen_kb.generate(tmp_path / "kb", seed=7, people=400, tenures=800)
    files = sorted((tmp_path / "kb").rglob("*.yaml"))
    assert files
    for f in files:
        text = f.read_text(encoding="utf-8")
        got = _block(text)
        assert got is not _GENERAL, f
        assert ("ok", _plain(got)) == _general(text), f
