"""The command line as users run it: exit codes, one-line errors, formats."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.cli import main

FIXTURE_KB = str(Path(__file__).parent / "fixtures" / "kb")
BLINKEN = "---\ndate: 2024-06-21\n---\n\nIn response to the agreement, US President Joe Blinken said that his country\nwould act.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    return run(capsys, "check", "--no-default-kb", "--kb", FIXTURE_KB, *args)


def test_motivating_case_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "korea.md"
    draft.write_text(BLINKEN, encoding="utf-8")
    code, out, err = check(capsys, "--format", "json", str(draft))
    assert code == 1 and err == ""
    report = json.loads(out)
    assert report["version"] == 1
    assert report["summary"] == {"files": 1, "error": 1, "warning": 0, "info": 0}
    (f,) = report["findings"]
    assert f == {
        "path": str(draft), "line": 5, "column": 44, "end_line": 5, "end_column": 55,
        "code": "FL103", "rule": "conflated-name", "severity": "error",
        "message": f["message"], "suggestions": ["Joe Biden"],
    }
    assert "on 2024-06-21 the US President was Joe Biden" in f["message"]


def test_concise_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "korea.md"
    draft.write_text(BLINKEN, encoding="utf-8")
    code, out, _ = check(capsys, "--format", "concise", str(draft))
    assert code == 1
    assert out.startswith(f"{draft}:5:44: FL103 [error] \"Joe Blinken\" mixes Joe Biden and Antony Blinken")
    clean = tmp_path / "clean.md"
    clean.write_text("---\ndate: 2024-06-21\n---\n\nUS President Joe Biden said it.\n", encoding="utf-8")
    assert check(capsys, str(clean))[0] == 0
    # --fail-on: an info finding fails only at --fail-on info
    alias = tmp_path / "alias.md"
    alias.write_text("Kremlin spokesman Dmitri Peskov said it.\n", encoding="utf-8")
    assert check(capsys, "--date", "2024-01-01", str(alias))[0] == 0
    assert check(capsys, "--date", "2024-01-01", "--fail-on", "info", str(alias))[0] == 1


def test_text_format_underlines_span(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "korea.md"
    draft.write_text(BLINKEN, encoding="utf-8")
    _, out, _ = check(capsys, str(draft))
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "US President Joe Blinken" in line)
    assert lines[i + 1].index("^") == lines[i].index("Joe Blinken")
    assert lines[i + 1].count("^") == len("Joe Blinken")
    assert "suggestion: Joe Biden" in out
    assert "Found 1 problem in 1 file" in out


def test_date_precedence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("---\npublished: 2025-03-01\n---\n\nSecretary of State Antony Blinken said it.\n", encoding="utf-8")
    assert check(capsys, "--format", "concise", str(draft))[0] == 1          # front matter: 2025 -> outdated
    assert check(capsys, "--date", "2024-06-21", str(draft))[0] == 0         # --date wins
    (tmp_path / ".factlint.yaml").write_text("date: 2024-06-21\n", encoding="utf-8")
    plain = tmp_path / "p.txt"
    plain.write_text("Secretary of State Antony Blinken said it.\n", encoding="utf-8")
    assert check(capsys, str(plain))[0] == 0                                 # config date, no front matter


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Pr\u00e9sident Joe Biden\n".encode("latin-1"), "not UTF-8: byte 0xe9"),
        (b"", "empty file"),
    ],
)
def test_bad_draft_is_one_line_and_others_still_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str) -> None:
    bad = tmp_path / "a-bad.md"
    bad.write_bytes(content)
    good = tmp_path / "b-good.md"
    good.write_text(BLINKEN, encoding="utf-8")
    code, out, err = check(capsys, "--format", "concise", str(tmp_path))
    assert code == 2
    assert err.count("\n") == 1 and expected in err and str(bad) in err
    assert "Traceback" not in err
    assert "FL103" in out  # the good draft was still checked


@pytest.mark.parametrize(
    ("kb_text", "expected"),
    [
        ("people: [{id: a, name: A\n", "invalid YAML"),
        ("offices:\n  - {id: x-president, role: president, jurisdiction: x, holders: []}\n", "unknown role 'president' in office x-president"),
        ("people:\n  - {id: a, name: A}\nroles: [{id: r, name: R}]\njurisdictions: [{id: x, name: X}]\noffices:\n  - {id: o, role: r, jurisdiction: x, holders: [{person: a, from: 2024-02-30}]}\n",
         "impossible date '2024-02-30'"),
    ],
)
def test_broken_kb_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], kb_text: str, expected: str) -> None:
    kb = tmp_path / "kb.yaml"
    kb.write_text(kb_text, encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Hello.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--no-default-kb", "--kb", str(kb), str(draft))
    assert code == 2 and expected in err and str(kb) in err and "Traceback" not in err
    assert all(line.startswith("factlint: ") for line in err.splitlines())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "FL999"], "unknown rule code 'FL999'"),
        (["--ignore", "no-such-rule"], "unknown rule code 'no-such-rule'"),
        (["--date", "2024-02-30"], "--date: impossible date '2024-02-30'"),
        (["--format", "xml"], "unknown format 'xml'"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Hello.\n", encoding="utf-8")
    code, _, err = check(capsys, *args, str(draft))
    assert code == 2 and expected in err and "Traceback" not in err


def test_bad_config_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".factlint.yaml").write_text("select: [FL1]\nignroe: [FL202]\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text("Hello.\n", encoding="utf-8")
    code, _, err = check(capsys, str(draft))
    assert code == 2
    assert ".factlint.yaml:2: unknown key 'ignroe'" in err


def test_config_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nignore = ['FL103']\n", encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(BLINKEN, encoding="utf-8")
    assert check(capsys, str(draft))[0] == 0


def test_unknown_code_in_suppression_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("<!-- factlint-disable FL999 -->\nHello.\n", encoding="utf-8")
    code, _, err = check(capsys, str(draft))
    assert code == 2 and "d.md:1: unknown rule code 'FL999'" in err


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BLINKEN.encode())))
    code, out, _ = check(capsys, "--format", "concise", "-")
    assert code == 1 and out.startswith("-:5:44: FL103")


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(capsys, "no/such/draft.md")
    assert code == 2 and "no/such/draft.md: no such file or directory" in err


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for code_, name in [("FL101", "wrong-office-holder"), ("FL102", "outdated-title"), ("FL103", "conflated-name"),
                        ("FL201", "misspelled-name"), ("FL202", "name-variant"), ("FL301", "inconsistent-name")]:
        assert f"{code_}  {name}" in out
    code, out, _ = run(capsys, "explain", "FL103")
    assert code == 0 and "conflated-name" in out and "Joe Blinken" in out
    assert run(capsys, "explain", "FL999")[0] == 2


def test_kb_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kb", "check", "--no-default-kb", "--kb", FIXTURE_KB)
    assert code == 0 and "KB OK" in out and "people" in out
    code, out, _ = run(capsys, "kb", "who", "Blinkin", "--no-default-kb", "--kb", FIXTURE_KB)
    assert code == 0 and out.startswith("Antony Blinken  (antony-blinken)")
    code, out, _ = run(capsys, "kb", "who", "Antony Blinken", "--on", "2022-01-01", "--no-default-kb", "--kb", FIXTURE_KB)
    assert "Secretary of State: 2021-01-26 to 2025-01-20" in out
    code, out, _ = run(capsys, "kb", "stats", "--no-default-kb", "--kb", FIXTURE_KB)
    assert code == 0 and "newest as_of: 2026-06-01" in out


def test_no_traceback_from_the_console_script(tmp_path: Path) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text("people: [{id: Bad Id, name: X}]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factlint", "kb", "check", "--no-default-kb", "--kb", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"factlint: {bad}:1: bad id 'Bad Id': use lower-case letters, digits and single hyphens"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--no-such-option")
    assert code == 2 and "No such option" in err and "Traceback" not in err
    assert run(capsys, "--version")[0] == 0
