"""`factlint kb update` end to end, against a SPARQL endpoint on loopback.

The server (http.server in a thread, port 0, 127.0.0.1 only) replays
``fixtures/kb_update/p39.json`` -- an answer in the query service's format --
keeping the rows of the positions the query asks for; other paths answer
with an HTTP error, too late, or with a body that is not SPARQL JSON.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from factlint import sparql
from factlint.cli import main
from factlint.yamlio import load_yaml_file

FIXTURES = Path(__file__).parent / "fixtures" / "kb_update"
ANSWER = json.loads((FIXTURES / "p39.json").read_text(encoding="utf-8"))
STOP = threading.Event()


class Endpoint(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]] = []

    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, kind: str = "application/sparql-results+json;charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        query = form.get("query", [""])[0]
        asked = set(re.findall(r"wd:(Q\d+)", query.split("VALUES", 1)[1].split("}", 1)[0])) if "VALUES" in query else set()
        self.requests.append({"path": self.path, "accept": self.headers["Accept"], "agent": self.headers["User-Agent"],
                              "query": query, "asked": asked})
        if self.path == "/sparql":
            rows = [b for b in ANSWER["results"]["bindings"] if b["position"]["value"].rsplit("/", 1)[1] in asked]
            self._send(200, json.dumps({"head": ANSWER["head"], "results": {"bindings": rows}}).encode())
        elif self.path == "/e500":
            self._send(500, b"<html>Internal Server Error</html>", "text/html")
        elif self.path == "/e429":
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "30"})
        elif self.path == "/slow":
            STOP.wait(10)  # longer than the client's --timeout; ended early at teardown
            self._send(200, json.dumps(ANSWER).encode())
        elif self.path == "/html":
            self._send(200, b"<!DOCTYPE html><html><body>Log in to the hotel Wi-Fi</body></html>", "text/html")
        elif self.path == "/truncated":
            self._send(200, json.dumps(ANSWER).encode()[:500])
        elif self.path == "/no-bindings":
            self._send(200, b'{"head": {"vars": []}, "boolean": true}')


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    STOP.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Endpoint)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)  # loopback only, never through a proxy
    monkeypatch.setenv("FACTLINT_NO_CACHE", "1")
    target = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", target)
    Endpoint.requests.clear()
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def update(kb: Path, endpoint: str, *extra: str) -> int:
    return main(["kb", "update", str(kb), "--no-default-kb", "--endpoint", endpoint, *extra])


def error_lines(err: str) -> list[str]:
    """stderr without the warnings (the offices with no wikidata id)."""
    return [line for line in err.splitlines() if not line.startswith("factlint: warning:")]


def holders(path: Path, office: str) -> list[dict[str, Any]]:
    doc = load_yaml_file(path)
    return [dict(h) for o in doc["offices"] if o["id"] == office for h in o.get("holders") or []]


def test_update_merges_wikidata_into_the_files(server: str, kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(kb)
    assert update(kb, f"{server}/sparql") == 0
    out, err = capsys.readouterr()
    today = dt.date.today().isoformat()

    # One request, as the query service wants it.
    [req] = Endpoint.requests
    assert req["accept"] == "application/sparql-results+json"
    assert req["agent"].startswith("factlint/") and "github.com/factlint/factlint" in req["agent"]
    assert req["asked"] == {"Q11696", "Q99990001", "Q99990002"}
    assert "ps:P39" in req["query"]

    # us.yaml: Biden closed, Trump's second term added to the same person (matched by name), as_of today.
    us = holders(kb / "us.yaml", "us-president")
    assert [(h["person"], h["from"], h.get("to")) for h in us] == [
        ("donald-trump", "2017-01-20", "2021-01-20"), ("joe-biden", "2021-01-20", "2025-01-20"),
        ("donald-trump", "2025-01-20", None)]
    assert load_yaml_file(kb / "us.yaml")["meta"]["as_of"] == today
    text = (kb / "us.yaml").read_text()
    assert "# the comment stays" in text and "# Public facts" in text
    assert "barack-obama" not in text  # before the record starts: not backfilled
    assert "1 earlier tenure(s) not added" in out

    # freedonia.yaml: the PM closed and a namesake of the foreign minister added under a new id;
    # the president's conflicting successor left out; as_of kept (the foreign minister has no id).
    pm = holders(kb / "freedonia.yaml", "xf-prime-minister")
    assert [(h["person"], h["from"], h.get("to")) for h in pm] == [
        ("karla-vence", "2018-04-02", "2024-05-10"), ("tomas-brek-q99990102", "2024-05-10", None)]
    people = {p["id"]: p for p in load_yaml_file(kb / "freedonia.yaml")["people"]}
    assert people["tomas-brek-q99990102"]["wikidata"] == "Q99990102"
    assert people["tomas-brek-q99990102"]["aliases"] == ["Tomas J. Brek"]  # not "Brek", "PM 7" or a diacritic variant
    assert people["tomas-brek"]["wikidata"] == "Q99990999"
    assert holders(kb / "freedonia.yaml", "xf-president") == [{"person": "ivo-marten", "from": "2015-06-01"}]
    assert load_yaml_file(kb / "freedonia.yaml")["meta"]["as_of"] == "2023-01-01"
    assert "skipped 1 office(s) with no wikidata id: xf-foreign-minister" in err
    assert "Undated Person" in err and "mira-sol" in err and "kept the KB's open tenure" in err

    # Only the changed lines differ; untouched files keep their bytes.
    after = snapshot(kb)
    assert after["roles.yaml"] == before["roles.yaml"]
    old, new = before["freedonia.yaml"].decode().splitlines(), after["freedonia.yaml"].decode().splitlines()
    assert set(old) - set(new) == {"        from: 2018-04-02", "      - person: karla-vence"}
    assert sorted(set(after) - set(before)) == []  # no temporary files left behind
    assert main(["kb", "check", "--no-default-kb", "--kb", str(kb)]) == 0

    # A second run finds everything in place.
    capsys.readouterr()
    settled = snapshot(kb)
    assert update(kb, f"{server}/sparql") == 0
    assert snapshot(kb) == settled
    assert "0 file(s) changed" in capsys.readouterr().out


def test_dry_run_writes_nothing(server: str, kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(kb)
    assert update(kb, f"{server}/sparql", "--dry-run") == 0
    assert snapshot(kb) == before
    assert "2 file(s) would change" in capsys.readouterr().out


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(("path", "message"), [
    ("/e500", "HTTP 500 Internal Server Error; nothing written"),
    ("/e429", "HTTP 429 Too Many Requests (too many requests: wait, then run again); retry after 30 s"),
    ("/slow", "no complete answer within 0.5 s (try a longer --timeout)"),
    ("/html", "the answer (text/html) is not SPARQL results JSON: Expecting value at line 1 column 1"),
    ("/truncated", "is not SPARQL results JSON: "),
    ("/no-bindings", "is not SPARQL results JSON: no results.bindings list"),
])
def test_a_failed_request_exits_2_and_leaves_the_files_byte_identical(
        server: str, kb: Path, capsys: pytest.CaptureFixture[str], path: str, message: str) -> None:
    before = snapshot(kb)
    assert update(kb, f"{server}{path}", "--timeout", "0.5") == 2
    err = capsys.readouterr().err
    assert message in err
    [line] = error_lines(err)
    assert line.startswith(f"factlint: {server}{path}: ")
    assert "Traceback" not in err
    assert snapshot(kb) == before


def test_a_read_only_file_stops_the_update_before_any_write(
        server: str, kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kb / "us.yaml").chmod(0o444)  # freedonia.yaml, written first, must not change either
    before = snapshot(kb)
    assert update(kb, f"{server}/sparql") == 2
    assert f"{kb / 'us.yaml'}: read-only file; nothing written" in capsys.readouterr().err
    assert snapshot(kb) == before


def test_offline_exits_2_with_one_line(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(kb)
    assert update(kb, f"http://127.0.0.1:{closed_port()}/sparql", "--timeout", "5") == 2
    err = capsys.readouterr().err
    [line] = error_lines(err)
    assert "cannot connect: connection refused (offline" in line
    assert snapshot(kb) == before


def test_dns_failure_is_one_line(kb: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_args: Any, **_kw: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # no lookup leaves the machine
    before = snapshot(kb)
    assert update(kb, "https://query.wikidata.invalid/sparql") == 2
    assert "cannot resolve the host name (offline" in capsys.readouterr().err
    assert snapshot(kb) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--endpoint", "ftp://example.org/sparql"], "--endpoint: expected an http:// or https:// URL"),
    (["--endpoint", "http://127.0.0.1:9/sparql", "--timeout", "0"], "--timeout: must be more than 0 seconds"),
])
def test_bad_options(kb: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["kb", "update", str(kb), "--no-default-kb", *args]) == 2
    assert message in capsys.readouterr().err


def test_an_office_wikidata_id_must_look_like_a_qid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", bad)
    path = bad / "us.yaml"
    path.write_text(path.read_text().replace("wikidata: Q11696", "wikidata: President"))
    assert main(["kb", "check", "--no-default-kb", "--kb", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:18: 'wikidata' of office 'us-president' must be a Wikidata item id like Q11696, got 'President'" in err


def test_no_office_with_an_id_needs_no_network(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb", kb)
    for name in ("us.yaml", "freedonia.yaml"):
        p = kb / name
        p.write_text(re.sub(r"\n    wikidata: Q\d+", "", p.read_text()))
    assert update(kb, f"http://127.0.0.1:{closed_port()}/sparql") == 0
    assert "nothing to update" in capsys.readouterr().out


def test_query_batches_positions() -> None:
    ids = [f"Q{i}" for i in range(1, 100)]
    chunks = sparql.batches(ids, 40)
    assert [len(c) for c in chunks] == [40, 40, 19] and [q for c in chunks for q in c] == ids
    assert "VALUES ?position { wd:Q1 wd:Q2 }" in sparql.build_query(["Q1", "Q2"])
