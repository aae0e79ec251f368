"""``--write-baseline`` and ``--baseline``: only new findings, whatever moved."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.baseline import load_baseline
from factlint.cli import main

FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
DRAFT = """\
---
date: 2024-06-21
---

US President Joe Blinken said that his country would act.
Secretary of State Anthony Blinken agreed.
"""


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, "--format", "concise", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "korea.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = check(capsys, "--write-baseline", "baseline.json", "drafts")
    assert code == 0 and out == "" and "wrote 2 findings to baseline baseline.json" in err
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert data == {"version": 1, "findings": [
        {"path": "drafts/korea.md", "code": "FL103", "text": "Joe Blinken", "count": 1},
        {"path": "drafts/korea.md", "code": "FL201", "text": "Anthony Blinken", "count": 1},
    ]}
    assert check(capsys, "--baseline", "baseline.json", "drafts") == (0, "", "")

    # Edits above move every line: the old findings stay accepted. A second,
    # identical slip is new and is reported (the later one in the file).
    draft.write_text(DRAFT.replace("---\n\n", "---\n\nA new first paragraph.\n\n")
                     + "\nLater, US President Joe Blinken spoke again.\n", encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", "baseline.json", "drafts")
    assert code == 1
    assert len(out.splitlines()) == 1 and out.startswith("drafts/korea.md:10:21: FL103 [error]")

    # The same baseline works from another directory and with another spelling of the path.
    monkeypatch.chdir(tmp_path / "drafts")
    code, out, _ = check(capsys, "--baseline", "../baseline.json", "./korea.md")
    assert code == 1 and len(out.splitlines()) == 1 and out.startswith("./korea.md:10:21: FL103")


def test_other_rule_or_text_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "b.json"
    check(capsys, "--write-baseline", str(baseline), str(draft))
    draft.write_text(DRAFT.replace("Anthony Blinken", "Antony Blinkin"), encoding="utf-8")
    code, out, _ = check(capsys, "--baseline", str(baseline), str(draft))
    assert code == 1 and "Blinkin" in out and "Joe Blinken" not in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "invalid JSON"),
        ('{"version": 2, "findings": []}', "not a factlint baseline"),
        ('{"version": 1, "findings": [{"path": "a.md", "code": "FL101", "text": "x"}]}', "bad baseline entry #1"),
        ('{"version": 1, "findings": [{"path": "a.md", "code": "FL101", "text": "x", "count": 0}]}', "bad baseline entry #1"),
    ],
)
def test_bad_baseline_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    bad = tmp_path / "b.json"
    bad.write_text(content, encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    code, out, err = check(capsys, "--baseline", str(bad), str(draft))
    assert code == 2 and out == ""
    assert err.startswith(f"factlint: {bad}: ") and message in err and "Traceback" not in err


def test_missing_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(capsys, "--baseline", str(tmp_path / "none.json"), str(tmp_path))
    assert code == 2 and "cannot read baseline" in err


def test_counts_add_up(tmp_path: Path) -> None:
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"version": 1, "findings": [
        {"path": "a.md", "code": "FL101", "text": "x", "count": 2},
        {"path": "a.md", "code": "FL101", "text": "y", "count": 1}]}), encoding="utf-8")
    assert load_baseline(b) == {("a.md", "FL101", "x"): 2, ("a.md", "FL101", "y"): 1}
