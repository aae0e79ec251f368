"""``--format sarif`` (validated against the official schema) and ``--format github``."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from factlint.cli import main
from factlint.findings import FileError, Finding, Result
from factlint.reporters import REPORTERS, Report
from factlint.reporters.github import annotation, escape_data, escape_property
from factlint.rules import load_rules

FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCHEMA = SHARED / "data" / "sarif-schema-2.1.0.json"
DRAFT = """\
---
date: 2023-03-10
---

US President Joe Blinken met Secretary of State Anthony Blinken and Kremlin spokesman Dmitri
Peskov. 🇺🇦 Then Ukrainian Foreign Minister Dmitry Kuleba spoke.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-default-kb", "--kb", FIXTURE_KB, *args])
    out, err = capsys.readouterr()
    return code, out, err


def validate(log: dict[str, Any]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"{SCHEMA} is not present")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(log)


def test_sarif_is_valid_and_complete(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my drafts").mkdir()
    (tmp_path / "my drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "my drafts" / "broken.md").write_bytes(b"\xff\xfe not utf-8")
    code, out, _ = run(capsys, "--format", "sarif", "my drafts")
    assert code == 2  # a draft could not be read
    log = json.loads(out)
    validate(log)
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "factlint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(load_rules())
    fl103 = rules[[r["id"] for r in rules].index("FL103")]
    assert fl103["name"] == "conflated-name"
    assert fl103["helpUri"].endswith("docs/rules.md#fl103")
    assert fl103["defaultConfiguration"]["level"] == "error"
    assert fl103["shortDescription"]["text"] and fl103["fullDescription"]["text"]
    assert run_["columnKind"] == "unicodeCodePoints"
    by_rule = {r["ruleId"]: r for r in run_["results"]}
    assert sorted(r["ruleId"] for r in run_["results"]) == ["FL103", "FL201", "FL201", "FL202"]
    for r in run_["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20drafts/a.md"
    conflated = by_rule["FL103"]
    assert conflated["level"] == "error" and "fixes" not in conflated  # needs an editor
    assert conflated["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 14, "endLine": 5, "endColumn": 25}
    misspelled = next(r for r in run_["results"] if "Anthony" in r["message"]["text"])
    (fix,) = misspelled["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "my%20drafts/a.md"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 5, "startColumn": 49, "endLine": 5, "endColumn": 64},
        "insertedContent": {"text": "Antony Blinken"}}]
    # wrapped over a line break: no plain region replacement, it would join the lines
    variant = by_rule["FL202"]
    assert variant["level"] == "note" and "fixes" not in variant
    assert variant["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 5, "startColumn": 87, "endLine": 6, "endColumn": 7}
    # columns count code points: the flag (two of them, four UTF-16 units) counts two
    kuleba = next(r for r in run_["results"] if "Kuleba" in r["message"]["text"])
    assert kuleba["locations"][0]["physicalLocation"]["region"]["startColumn"] == DRAFT.splitlines()[5].index("Dmitry") + 1 == 44
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert "not UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "my%20drafts/broken.md"


def test_sarif_empty_run_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.md"
    clean.write_text("Nothing to see here.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "sarif", str(clean))
    assert code == 0
    log = json.loads(out)
    validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_sarif_golden_files_are_valid() -> None:
    for path in sorted((Path(__file__).parent / "golden").glob("*/expected.sarif")):
        validate(json.loads(path.read_text(encoding="utf-8")))


def test_user_rule_has_no_factlint_help_uri(tmp_path: Path) -> None:
    (tmp_path / "NR001.yaml").write_text(
        "code: NR001\nname: no-very\nextends: existence\nseverity: info\nmessage: x\ndescription: x\n"
        "options: {tokens: [very]}\n", encoding="utf-8")
    rules = load_rules([tmp_path])
    out = io.StringIO()
    REPORTERS["sarif"].write(Report(Result(), rules), out)
    descriptors = {r["id"]: r for r in json.loads(out.getvalue())["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in descriptors["NR001"] and "helpUri" in descriptors["FL101"]


# -- GitHub annotations --------------------------------------------------------------

def finding(**kw: Any) -> Finding:
    base: dict[str, Any] = dict(path="drafts/korea.md", line=14, column=44, end_line=14, end_column=55, code="FL103",
                                rule="conflated-name", severity="error", message="m")
    return Finding(**{**base, **kw})


@pytest.mark.parametrize(
    ("kw", "expected"),
    [
        ({}, "::error file=drafts/korea.md,line=14,col=44,endLine=14,endColumn=55,title=FL103 conflated-name::m"),
        ({"severity": "warning"}, "::warning file=drafts/korea.md,line=14,col=44,endLine=14,endColumn=55,title=FL103 conflated-name::m"),
        ({"severity": "info"}, "::notice file=drafts/korea.md,line=14,col=44,endLine=14,endColumn=55,title=FL103 conflated-name::m"),
        # GitHub takes columns only on one line
        ({"end_line": 15, "end_column": 7}, "::error file=drafts/korea.md,line=14,endLine=15,title=FL103 conflated-name::m"),
        ({"path": "a,b:c%d.md", "message": "100% sure: no\r\nreally, no"},
         "::error file=a%2Cb%3Ac%25d.md,line=14,col=44,endLine=14,endColumn=55,title=FL103 conflated-name::100%25 sure: no%0D%0Areally, no"),
    ],
)
def test_annotation(kw: dict[str, Any], expected: str) -> None:
    assert annotation(finding(**kw)) == expected


def test_escaping() -> None:
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"


def test_github_reports_unreadable_drafts() -> None:
    out = io.StringIO()
    REPORTERS["github"].write(Report(Result([], [FileError("x.md", "not UTF-8: byte 0xff", 3)], 0), load_rules()), out)
    assert out.getvalue() == "::error file=x.md,line=3,title=factlint%3A cannot check::not UTF-8: byte 0xff\n"


def test_github_is_the_default_under_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "a.md"
    draft.write_text(DRAFT, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, str(draft))
    assert code == 1
    assert out.splitlines()[0] == (f"::error file={draft},line=5,col=14,endLine=5,endColumn=25,"
                                   "title=FL103 conflated-name::" + out.splitlines()[0].split("::")[2])
    # an explicit --format still wins
    code, out, _ = run(capsys, "--format", "concise", str(draft))
    assert out.startswith(f"{draft}:5:14: FL103")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert run(capsys, "--format", "concise", str(draft))[1] == out
    assert not run(capsys, str(draft))[1].startswith("::")


def test_every_reporter_module_is_registered() -> None:
    import factlint.reporters as pkg

    modules = {p.stem for p in Path(pkg.__file__).parent.glob("*.py")} - {"__init__", "base"}
    registered = {type(r).__module__.rsplit(".", 1)[1] for r in REPORTERS.values()}
    assert modules == registered


def test_text_window_of_a_long_line() -> None:
    from factlint.reporters.text import WIDTH, window

    assert window("short line", 3, 7) == ("short line", 3, 7)
    line = "a" * 300 + "Joe Blinken" + "b" * 300
    text, start, end = window(line, 301, 312)
    assert len(text) == WIDTH + 2 and text[0] == text[-1] == "\u2026"
    assert text[start - 1 : end - 1] == "Joe Blinken"
    text, start, end = window(line, 1, 5)  # at the start: no mark before
    assert text.startswith("aaaa") and text.endswith("\u2026") and (start, end) == (1, 5)
    text, start, end = window(line, 601, 612)  # at the end: no mark after
    assert text.startswith("\u2026") and text[start - 1 : end - 1] == "b" * 11
