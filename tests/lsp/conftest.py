"""An editor's side of an LSP conversation: ``factlint lsp`` as a subprocess,
JSON-RPC with Content-Length framing over its standard input and output.

Everything waits with a timeout, and the fixture kills the server if a test
leaves it running, so a broken server fails a test instead of hanging it.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

TIMEOUT = 60.0  # seconds for any one answer (a first KB load without cache is slow on a shared machine)


class LspClient:
    def __init__(self, cwd: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "factlint", "lsp"], cwd=cwd, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self.requests: list[dict[str, Any]] = []  # from the server (each answered with null)
        self.stderr: list[bytes] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(iter(self.proc.stderr.readline, b"")), daemon=True).start()

    # -- framing ---------------------------------------------------------------
    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    # -- messages ----------------------------------------------------------------
    def _take(self, timeout: float) -> dict[str, Any]:
        message = self.inbox.get(timeout=timeout)
        if message is None:
            raise AssertionError(f"the server closed its output; stderr: {b''.join(self.stderr).decode(errors='replace')}")
        if "method" in message and "id" in message:  # a request from the server
            self.requests.append(message)
            self.send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def request(self, method: str, params: Any = None, timeout: float = TIMEOUT) -> Any:
        self._next_id += 1
        rid = self._next_id
        self.send({"id": rid, "method": method, "params": params})
        while True:
            message = self._take(timeout)
            if message.get("id") == rid and "method" not in message:
                assert "error" not in message, message["error"]
                return message.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, method: str, where: Callable[[dict[str, Any]], bool] = lambda p: True,
                 timeout: float = TIMEOUT) -> dict[str, Any]:
        """The first notification (already received or to come) that matches; it is used up."""
        while True:
            for n in self.notifications:
                if n["method"] == method and where(n["params"]):
                    self.notifications.remove(n)
                    return n["params"]
            self._take(timeout)

    def initialize(self, root: Path, watch: bool = False) -> dict[str, Any]:
        result = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True},
                                              "hover": {"contentFormat": ["markdown", "plaintext"]}},
                             "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": watch}}},
        })
        self.notify("initialized", {})
        return result

    def stop(self, timeout: float = TIMEOUT) -> int:
        self.request("shutdown")
        self.notify("exit")
        return self.proc.wait(timeout=timeout)


@pytest.fixture
def lsp(tmp_path: Path) -> Iterator[Callable[[Path], LspClient]]:
    started: list[LspClient] = []

    def start(cwd: Path = tmp_path) -> LspClient:
        env = dict(os.environ)
        env.pop("FACTLINT_FORMAT", None)
        client = LspClient(cwd, env)
        started.append(client)
        return client

    yield start
    for client in started:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait(timeout=TIMEOUT)
        for stream in (client.proc.stdin, client.proc.stdout, client.proc.stderr):
            if stream is not None:
                stream.close()
