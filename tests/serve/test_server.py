"""``factlint serve`` as a command: where it listens, its errors, how it stops."""
from __future__ import annotations

import re
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from factlint.cli import main
from factlint.errors import ConfigError
from factlint.serve.server import bind, is_loopback, url

FIXTURE_KB = Path(__file__).resolve().parents[1] / "fixtures" / "kb"
WAIT = 120  # seconds, at most: a bound so that nothing hangs, not a timing test


def test_bind_takes_a_free_port_on_loopback() -> None:
    with bind("127.0.0.1", 0) as sock:
        assert is_loopback(sock)
        assert url(sock) == f"http://127.0.0.1:{sock.getsockname()[1]}/"


@pytest.mark.parametrize(("args", "says"), [
    (["--port", "70000"], "--port: 70000 is not a port"),
    (["--port", "-1"], "--port: -1 is not a port"),
    (["--host", ""], "--host: empty value ''"),
    (["--host", " "], "--host: empty value ' '"),
])
def test_bad_host_or_port_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], args: list[str],
                                                 says: str) -> None:
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err


def test_a_port_in_use_is_an_error_before_the_kb_loads(capsys: pytest.CaptureFixture[str]) -> None:
    with bind("127.0.0.1", 0) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"cannot listen on 127.0.0.1 port {port}: Address already in use"):
            bind("127.0.0.1", port)
        assert main(["serve", "--port", str(port), "--kb", "no/such/kb"]) == 2
    assert capsys.readouterr().err == f"factlint: cannot listen on 127.0.0.1 port {port}: Address already in use\n"


def test_a_bad_kb_is_reported_and_nothing_is_served(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text("people:\n  - {id: x, name: X, nickname: Y}\n", encoding="utf-8")
    assert main(["serve", "--port", "0", "--no-default-kb", "--kb", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "kb.yaml:2" in err and "nickname" in err and "serving" not in err


def test_serve_answers_then_stops_on_ctrl_c_and_writes_nothing(serve_process: Callable[..., Any]) -> None:
    server = serve_process("--no-default-kb", "--kb", str(FIXTURE_KB))
    assert re.fullmatch(r"factlint: serving http://127\.0\.0\.1:\d+/ \(Ctrl-C to stop\)\n", server.first_line)
    with httpx.Client(base_url=server.url, timeout=WAIT) as client:
        assert client.get("/healthz").json()["status"] == "ok"
        draft = "Secretary of State Anthony Blinken spoke on 2 May 2024.\n"
        answer = client.post("/api/check", json={"text": draft}).json()
        assert answer["fixed"] == draft.replace("Anthony", "Antony")
    server.proc.send_signal(signal.SIGINT)
    out, err = server.proc.communicate(timeout=WAIT)
    assert server.proc.returncode == 0 and "Traceback" not in err and out == ""
    assert list(server.workdir.iterdir()) == []  # checked and fixed in memory only
