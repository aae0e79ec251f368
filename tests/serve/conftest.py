"""A live ``factlint serve`` for the HTTP and browser tests.

The app runs in uvicorn on a free loopback port, in a thread of the test
process (``live``), or as the real command in a subprocess
(``serve_process``), and is spoken to over real HTTP (httpx, Chromium): no
imitation of a client.
"""
from __future__ import annotations

import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Self

import pytest
import uvicorn

from factlint.kb.index import KBIndex
from factlint.rules import load_rules
from factlint.serve.api import Checker
from factlint.serve.app import create_app
from factlint.serve.server import bind, url

# A draft of our own with the motivating slip (FL103), a listed misspelling
# (FL201, a safe fix), a house-style variant (FL202, a safe fix) and the same
# person written two ways (FL301).
SEED = """---
title: Seoul weighs a reply to the new pact
date: 2024-06-21
---

# Seoul weighs a reply to the new pact

Asked about the treaty, US President Joe Blinken said that Washington would
study it closely. Secretary of State Anthony Blinken is due in Seoul next week.

Later, Kim Jong Un praised the deal; aides said Kim Jong-un would visit Moscow.
"""


class LiveServer:
    """uvicorn serving *checker* on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, checker: Checker) -> None:
        self.sock = bind("127.0.0.1", 0)
        self.url = url(self.sock)
        config = uvicorn.Config(create_app(checker), log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 60  # a bound, so that nothing hangs; not a timing test
        while not self.server.started and self.thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.server.started, "uvicorn did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture
def seed() -> str:
    return SEED


@pytest.fixture(scope="session")
def checker(kb: KBIndex) -> Checker:
    return Checker(kb, load_rules())


@pytest.fixture
def live_server() -> type[LiveServer]:
    """The class, to serve a checker of a test's own: ``with live_server(checker) as server``."""
    return LiveServer


@pytest.fixture(scope="session")
def live(checker: Checker) -> Iterator[str]:
    """The base URL of a server over the small test KB."""
    with LiveServer(checker) as server:
        yield server.url


WAIT = 120  # seconds a server may take to start, at most: a bound so that nothing hangs, not a timing test


class ServeProcess:
    """``factlint serve --port 0 ARGS`` in a subprocess, run in an empty directory."""

    def __init__(self, tmp_path: Path, args: tuple[str, ...]) -> None:
        self.workdir = tmp_path / "cwd"
        self.workdir.mkdir()
        env = {**os.environ, "FACTLINT_CACHE_DIR": str(tmp_path / "cache")}
        self.proc = subprocess.Popen([sys.executable, "-m", "factlint", "serve", "--port", "0", *args],
                                     cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first_line = self._first_line()
        self.url = self.first_line.split()[2]

    def _first_line(self) -> str:
        """What it says once the KB is loaded and the socket listens (read with a bound)."""
        assert self.proc.stderr is not None
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stderr, selectors.EVENT_READ)
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and self.proc.poll() is None:
            if sel.select(timeout=1):
                return self.proc.stderr.readline()
        self.stop()
        raise AssertionError(f"factlint serve did not start: {self.proc.stderr.read()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate(timeout=WAIT)


@pytest.fixture
def serve_process(tmp_path: Path) -> Iterator[Callable[..., ServeProcess]]:
    started: list[ServeProcess] = []

    def start(*args: str) -> ServeProcess:
        started.append(ServeProcess(tmp_path, args))
        return started[-1]

    yield start
    for server in started:
        server.stop()
