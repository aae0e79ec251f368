"""The HTTP API of ``factlint serve``, over real HTTP (httpx to uvicorn).

The answer of ``POST /api/check`` is the JSON of ``factlint check --format
json`` on the same text, and its fixes are those of ``--fix``; every bad
request gets a 4xx JSON error that says what is wrong.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from factlint.cli import main
from factlint.kb.index import KBIndex
from factlint.rules import load_rules
from factlint.serve.api import Checker
from factlint.serve.app import MAX_BODY_BYTES, page

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_KB = ROOT / "tests" / "fixtures" / "kb"
KB_ARGS = ["--no-default-kb", "--kb", str(FIXTURE_KB)]
WIRE = ("version", "findings", "summary", "errors")  # what --format json writes


@pytest.fixture
def client(live: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live, timeout=60) as c:
        yield c


def cli_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
             text: str, fmt: str = "md", *args: str) -> dict[str, object]:
    """``factlint check --format json`` on *text*: from stdin, or a .txt file for plain text."""
    monkeypatch.chdir(tmp_path)  # no config of the repository's own
    capsys.readouterr()
    if fmt == "md":
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        main(["check", "-", "--format", "json", *KB_ARGS, *args])
        return json.loads(capsys.readouterr().out)
    (tmp_path / "draft.txt").write_text(text, encoding="utf-8")
    main(["check", "draft.txt", "--format", "json", *KB_ARGS, *args])
    data = json.loads(capsys.readouterr().out.replace('"path": "draft.txt"', '"path": "-"'))
    return data


def wire(answer: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in answer.items() if k in WIRE}


PLAIN = "US President Joe Blinken spoke.\nLater Anthony Blinken said so.\n"
SUPPRESSED = "<!-- factlint-disable FL999 -->\nUS President Joe Blinken spoke on 12 May 2024.\n"


@pytest.mark.parametrize(("text", "fmt", "date"), [
    ("SEED", "md", None),
    ("SEED", "md", "2025-03-01"),
    (PLAIN, "txt", "2024-06-21"),
    (SUPPRESSED, "md", "2024-06-21"),          # a bad comment: "errors", as the CLI writes it
    ("Nothing to report here.\n", "md", None),
])
def test_check_answers_the_json_contract(client: httpx.Client, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         seed: str, text: str, fmt: str, date: str | None) -> None:
    text = seed if text == "SEED" else text
    body: dict[str, str] = {"text": text, "format": fmt} | ({"date": date} if date else {})
    r = client.post("/api/check", json=body)
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    expected = cli_json(capsys, monkeypatch, tmp_path, text, fmt, *(["--date", date] if date else []))
    assert wire(r.json()) == expected


def test_check_with_the_default_kb_answers_as_check_does(default_kb: KBIndex, seed: str, live_server: Any,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with live_server(Checker(default_kb, load_rules())) as server:
        answer = httpx.post(f"{server.url}api/check", json={"text": seed}, timeout=60).json()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed.encode())))
    capsys.readouterr()
    main(["check", "-", "--format", "json"])
    assert wire(answer) == json.loads(capsys.readouterr().out)
    assert answer["findings"][0]["code"] == "FL103"


def test_seed_findings_and_date(client: httpx.Client, seed: str) -> None:
    answer = client.post("/api/check", json={"text": seed}).json()
    assert [(f["code"], f["line"], f["column"], f["end_column"]) for f in answer["findings"]] == [
        ("FL103", 8, 38, 49), ("FL201", 9, 38, 53), ("FL202", 11, 8, 19), ("FL301", 11, 49, 60)]
    assert answer["findings"][0]["message"].startswith('"Joe Blinken" mixes Joe Biden and Antony Blinken')
    assert answer["summary"] == {"files": 1, "error": 2, "warning": 1, "info": 1}
    assert (answer["date"], answer["date_source"]) == ("2024-06-21", "draft")
    other = client.post("/api/check", json={"text": seed, "date": "2025-03-01"}).json()
    assert (other["date"], other["date_source"]) == ("2025-03-01", "request")
    undated = client.post("/api/check", json={"text": "Hello.\n", "date": None}).json()
    assert undated["date_source"] == "today" and undated["date"] in {
        (dt.date.today() + dt.timedelta(days=d)).isoformat() for d in (-1, 0)}  # the run may cross midnight


def apply_edit(text: str, edit: dict[str, object]) -> str:
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    a = starts[int(edit["line"]) - 1] + int(edit["column"]) - 1  # type: ignore[call-overload]
    b = starts[int(edit["end_line"]) - 1] + int(edit["end_column"]) - 1  # type: ignore[call-overload]
    return text[:a] + str(edit["replacement"]) + text[b:]


def test_fixes_are_the_fixes_of_fix(client: httpx.Client, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed: str) -> None:
    text = seed + '\nHe said: "Anthony Blinken will come."\n\nThe envoy Anthony\nBlinken arrived.\n'
    answer = client.post("/api/check", json={"text": text}).json()
    findings = answer["findings"]
    fixed = {findings[e["finding"]]["code"]: e for e in answer["fixes"]}
    # FL103 is an editor's call; the misspelling and the variant are safe
    assert sorted(findings[e["finding"]]["code"] for e in answer["fixes"]) == ["FL201", "FL201", "FL202"]
    assert fixed["FL202"]["replacement"] == "Kim Jong-un"  # the test KB's house style
    for edit in answer["fixes"]:
        f = findings[edit["finding"]]
        assert (edit["line"], edit["column"], edit["end_line"], edit["end_column"]) == (
            f["line"], f["column"], f["end_line"], f["end_column"])
        assert " ".join(edit["replacement"].split()) == f["suggestions"][0]
        again = client.post("/api/check", json={"text": apply_edit(text, edit)}).json()
        assert [g for g in again["findings"] if (g["line"], g["column"]) == (f["line"], f["column"])] == []
        assert len(again["fixes"]) == len(answer["fixes"]) - 1
    wrapped = [e for e in answer["fixes"] if e["end_line"] > e["line"]]
    assert [e["replacement"] for e in wrapped] == ["Antony\nBlinken"]  # the line break stays
    assert [(findings[n["finding"]]["line"], n["reason"]) for n in answer["not_fixed"]] == [
        (13, "inside quotation marks")]
    # "Apply all" writes exactly what --fix writes to a file with this text
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(text, encoding="utf-8")
    capsys.readouterr()
    main(["check", "d.md", "--fix", "--format", "json", *KB_ARGS])
    assert answer["fixed"] == (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "fixed" not in client.post("/api/check", json={"text": answer["fixed"]}).json()


def test_fixes_keep_the_written_line_endings(client: httpx.Client) -> None:
    text = "Secretary of State Anthony Blinken spoke on 2 May 2024.\r\nThen he left.\r\n"
    answer = client.post("/api/check", json={"text": text}).json()
    assert answer["fixed"] == text.replace("Anthony", "Antony")


BIG = b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}'
JSON = "application/json"


@pytest.mark.parametrize(("ctype", "body", "status", "says"), [
    (JSON, b'{"text": "Hello', 400, "malformed JSON at line 1, column 10"),
    (JSON, b"", 400, "empty body"),
    (JSON, b"[" * 100_000, 400, "malformed JSON"),
    ("text/plain", b"Hello", 415, "Content-Type: application/json"),
    ("", b'{"text": "Hello"}', 415, "Content-Type: application/json"),
    ("application/json; charset=latin-1", b'{"text": "Hello"}', 415, "Content-Type"),
    (JSON, b'{"text": "\xff\xfe"}', 415, "not UTF-8 text: byte 0xff at offset 10"),
    (JSON, BIG, 413, "larger than 1 MB"),
    (JSON, b'["text"]', 422, "must be a JSON object"),
    (JSON, b'{"date": "2024-06-21"}', 422, 'missing "text"'),
    (JSON, b'{"text": 5}', 422, '"text" must be a string, not a number'),
    (JSON, b'{"text": "Hi", "dat": "2024-06-21"}', 422, "unknown key 'dat'"),
    (JSON, b'{"text": "Hi", "date": "2024-13-01"}', 422, '"date": '),
    (JSON, b'{"text": "Hi", "date": 20240621}', 422, '"date" must be a date string'),
    (JSON, b'{"text": "Hi", "format": "docx"}', 422, "\"format\" must be \"md\" or \"txt\", not 'docx'"),
    (JSON, b'{"text": "  \\n"}', 422, '"text": empty'),
    (JSON, b'{"text": "a\\u0000b"}', 422, '"text": binary'),
    (JSON, b'{"text": "\\ud800"}', 422, "lone surrogate at character 1"),
    (JSON, b'{"text": "---\\ndate: someday\\n---\\nHi.\\n"}', 422, "front matter 'date'"),
])
def test_bad_requests_get_clear_json_errors(client: httpx.Client, ctype: str, body: bytes, status: int,
                                            says: str) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    r = client.post("/api/check", content=body, headers=headers)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert says in r.json()["error"], r.json()


def test_a_body_over_the_limit_is_refused_while_it_streams(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked, so only the running size tells
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 1):
            yield b"a" * 65536
        yield b'"}'

    r = client.post("/api/check", content=chunks(), headers={"Content-Type": JSON})
    assert r.status_code == 413 and "larger than 1 MB" in r.json()["error"]
    ok = client.post("/api/check", json={"text": "Hello. " * 1000})  # well under it
    assert ok.status_code == 200


def test_wrong_method_and_path(client: httpx.Client) -> None:
    r = client.get("/api/check")
    assert r.status_code == 405 and r.headers["allow"] == "POST" and "GET is not allowed" in r.json()["error"]
    r = client.get("/api/nothing")
    assert r.status_code == 404 and "no such page: /api/nothing" in r.json()["error"]


def test_kb_who_is_what_kb_who_prints(client: httpx.Client, capsys: pytest.CaptureFixture[str]) -> None:
    r = client.get("/api/kb/who", params={"name": "Blinkin", "on": "2024-06-21"})
    capsys.readouterr()
    main(["kb", "who", "Blinkin", "--on", "2024-06-21", *KB_ARGS])
    assert r.status_code == 200
    assert r.json() == {"name": "Blinkin", "on": "2024-06-21", "found": True,
                        "text": capsys.readouterr().out.rstrip("\n")}
    assert "Antony Blinken" in r.json()["text"]
    nobody = client.get("/api/kb/who", params={"name": "Zzyzx Qwerty"}).json()
    assert nobody["found"] is False and nobody["on"] is None


@pytest.mark.parametrize(("params", "says"), [
    ({}, 'missing "name"'),
    ({"name": " "}, 'missing "name"'),
    ({"name": "x" * 201}, "longer than 200 characters"),
    ({"name": "Biden", "on": "June"}, '"on": '),
    ({"name": "Biden", "date": "2024-06-21"}, "unknown parameter 'date'"),
])
def test_kb_who_refuses_bad_queries(client: httpx.Client, params: dict[str, str], says: str) -> None:
    r = client.get("/api/kb/who", params=params)
    assert r.status_code == 422 and says in r.json()["error"]


def test_healthz(client: httpx.Client) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    data = r.json()
    assert data["status"] == "ok" and data["kb"]["people"] > 0


def test_the_page_is_one_file_with_nothing_from_outside(client: httpx.Client) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    assert r.content == page()
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    html = r.text
    for outside in ("http://", "https://", "//cdn", "@import", "<link rel=\"stylesheet\""):
        assert outside not in html
    assert "<script src" not in html and "<style>" in html and "<script>" in html


def test_the_page_ships_in_the_package() -> None:
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "factlint.serve" in setup["packages"]
    assert "page.html" in setup["package-data"]["factlint.serve"]
