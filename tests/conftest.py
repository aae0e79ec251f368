from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from factlint.kb import load_kb
from factlint.kb.index import KBIndex

HERE = Path(__file__).resolve().parent
FIXTURE_KB = HERE / "fixtures" / "kb"
SHARED = HERE.parents[1] / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*/expected.* from current output")


@pytest.fixture(scope="session")
def kb() -> KBIndex:
    """The small test KB alone (no default KB)."""
    return load_kb([FIXTURE_KB], default=False, cache=False)


@pytest.fixture(scope="session")
def kb_from_text(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], KBIndex]:
    """Makes a KB of one YAML file written from a text, alone (no default KB)."""
    def make(text: str) -> KBIndex:
        p: Path = tmp_path_factory.mktemp("kb") / "kb.yaml"
        p.write_text(text, encoding="utf-8")
        return load_kb([p], default=False, cache=False)
    return make


@pytest.fixture(scope="session")
def default_kb() -> KBIndex:
    return load_kb(cache=False)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
