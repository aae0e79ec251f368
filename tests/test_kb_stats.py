"""`factlint kb stats`: per jurisdiction and per office, where the record of
holders starts and how current it is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factlint.cli import main

KB = """
meta: {as_of: 2024-03-01}
jurisdictions: [{id: xa, name: Ostoria}, {id: xb, name: Belmar}]
roles: [{id: president, name: President}, {id: senator, name: Senator}]
people: [{id: ana-lind, name: Ana Lind}, {id: bo-kern, name: Bo Kern}]
offices:
  - {id: xa-president, role: president, jurisdiction: xa, complete_from: 1990,
     holders: [{person: ana-lind, from: 2001-05-02, to: 2010-01-01}, {person: bo-kern, from: 2010-01-01}]}
  - {id: xb-president, role: president, jurisdiction: xb, holders: [{person: bo-kern, from: 2002-07-01, to: 2003}]}
"""
ROSTER = """
meta: {as_of: 2026-06-15, complete_from: 2026-06-15, complete_per_person: true}
offices:
  - {id: xb-senate, role: senator, jurisdiction: xb, seats: 2, holders: [{person: ana-lind, from: 1995}]}
"""


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    (tmp_path / "a.yaml").write_text(KB, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(ROSTER, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["kb", "stats", "--no-default-kb", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_per_jurisdiction_table(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--kb", str(kb_dir))
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith(("xa ", "xb "))}
    # xa: its record starts at complete_from (1990), not at the first holder
    assert "1990-01-01" in rows["xa"] and "2024-03-01" in rows["xa"]
    # xb: the first holder's start, and a roster's complete_from, with both files' as_of
    assert "2002-07-01 – 2026-06-15 (roster)" in rows["xb"] and "2024-03-01 – 2026-06-15" in rows["xb"]
    assert "newest as_of: 2026-06-15" in out and "record from: before it" in out


def test_per_office_table_and_filter(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--kb", str(kb_dir), "--offices", "-j", "xb")
    assert code == 0 and "xa-president" not in out
    (senate,) = [line for line in out.splitlines() if "(xb-senate)" in line]
    assert "2026-06-15 (roster)" in senate and senate.split()[-1] == "2026-06-15"


def test_json(kb_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--kb", str(kb_dir), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["version"] == 1 and data["totals"]["offices"] == 3
    offices = {o["id"]: o for j in data["jurisdictions"] for o in j["offices"]}
    assert offices["xa-president"] == {**offices["xa-president"], "record_from": "1990-01-01", "roster": False,
                                       "as_of": "2024-03-01", "holders": 2}
    assert offices["xb-senate"]["roster"] is True and offices["xb-senate"]["record_from"] == "2026-06-15"


@pytest.mark.parametrize("args", [("-j", "zz"), ("--format", "yaml")])
def test_bad_options(kb_dir: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, _, err = run(capsys, "--kb", str(kb_dir), *args)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
