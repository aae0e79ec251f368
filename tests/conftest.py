from __future__ import annotations

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
