"""A live ``factlint serve`` app for the HTTP and browser tests.

The app runs in uvicorn on a free loopback port, in a thread of the test
process, and is spoken to over real HTTP (httpx, Chromium): no imitation of
a client.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

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

    def __enter__(self) -> LiveServer:
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


@pytest.fixture(scope="session")
def live(checker: Checker) -> Iterator[str]:
    """The base URL of a server over the small test KB."""
    with LiveServer(checker) as server:
        yield server.url
