"""The core stays readable: one stage per module, each small and documented.

Measured with ``ast``: a module's lines, and ``end_lineno - lineno + 1`` of
every class and function (decorators excluded).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "factlint"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 450, 250, 80


def sizes(path: Path) -> list[tuple[str, int, int]]:
    """(kind, name, lines) of every class and function in *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            out.append((kind, node.name, (node.end_lineno or node.lineno) - node.lineno + 1))
    return out


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_class_and_function_sizes(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE, f"{path.name}: {lines} lines"
    too_long = [(kind, name, n) for kind, name, n in sizes(path)
                if n > (MAX_CLASS if kind == "class" else MAX_FUNCTION)]
    assert too_long == []


@pytest.mark.parametrize("stage", ["mentions", "assess"])
def test_every_stage_module_says_what_it_takes_and_gives(stage: str) -> None:
    modules = sorted((PACKAGE / stage).glob("*.py"))
    assert len(modules) >= 4
    undocumented = [p.name for p in modules if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert undocumented == []
