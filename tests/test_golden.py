"""Golden files: every output format for a few drafts.

Run ``pytest tests/test_golden.py --update-golden`` to rewrite the expected
files after an intended change, then read the diff before committing.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from factlint.engine import Linter, Settings
from factlint.kb.index import KBIndex
from factlint.reporters import REPORTERS, Report
from factlint.rules import load_rules

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "input.md").is_file())
SUFFIX = {"json": "json", "text": "txt", "concise": "concise", "sarif": "sarif", "github": "github", "html": "html"}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_golden(case: str, fmt: str, kb: KBIndex, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN / case)
    rules = load_rules()
    result = Linter(kb, rules, Settings()).lint_paths(["input.md"])
    out = io.StringIO()
    REPORTERS[fmt].write(Report(result, rules), out)
    expected = GOLDEN / case / f"expected.{SUFFIX.get(fmt, fmt)}"
    if request.config.getoption("--update-golden"):
        expected.write_text(out.getvalue(), encoding="utf-8")
    assert expected.exists(), f"missing {expected}: run pytest --update-golden"
    assert out.getvalue() == expected.read_text(encoding="utf-8")
