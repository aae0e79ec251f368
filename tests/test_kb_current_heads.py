"""The default KB is current for heads of state and government to the Factbook's last day (2026-01-22).

Drafts are our own writing. Heads who took office after the curated files' as_of (2025-06-01) came in
with scripts/reconcile_factbook.py.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from factlint import lint_text
from factlint.kb.index import KBIndex

ROOT = Path(__file__).resolve().parents[1]


def codes(kb: KBIndex, text: str, date: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in lint_text(text, kb=kb, date=date) if f.code not in ("FL202",)]


@pytest.mark.parametrize(("text", "date"), [
    ("Ukrainian Prime Minister Yulia Svyrydenko said on Thursday that talks would resume.", "2025-11-20"),
    ("Polish President Karol Nawrocki said on Thursday that he would veto the bill.", "2025-10-09"),
    ("French Prime Minister Sébastien Lecornu said on Thursday that the budget would pass.", "2025-12-04"),
    ("Japanese Prime Minister Sanae Takaichi said on Thursday that Tokyo would respond.", "2025-11-13"),
    ("Canadian Prime Minister Mark Carney said on Thursday that tariffs would stay.", "2026-01-15"),
    ("German Chancellor Friedrich Merz said on Thursday that Berlin would help.", "2025-10-16"),
    ("Irish President Catherine Connolly said on Thursday that she would travel.", "2025-12-11"),
])
def test_current_heads_give_no_finding(default_kb: KBIndex, text: str, date: str) -> None:
    assert codes(default_kb, text, date) == []


@pytest.mark.parametrize(("text", "date", "name"), [
    ("Ukrainian Prime Minister Denys Shmyhal said on Thursday that talks would resume.", "2025-11-20",
     "Denys Shmyhal"),
    ("Polish President Andrzej Duda said on Thursday that he would veto the bill.", "2025-10-09", "Andrzej Duda"),
    ("French Prime Minister François Bayrou said on Thursday that the budget would pass.", "2025-11-06",
     "François Bayrou"),
    ("Japanese Prime Minister Shigeru Ishiba said on Thursday that Tokyo would respond.", "2025-11-13",
     "Shigeru Ishiba"),
    ("Canadian Prime Minister Justin Trudeau said on Thursday that tariffs would stay.", "2026-01-15",
     "Justin Trudeau"),
    ("German Chancellor Olaf Scholz said on Thursday that Berlin would help.", "2025-10-16", "Olaf Scholz"),
])
def test_predecessors_are_outdated(default_kb: KBIndex, text: str, date: str, name: str) -> None:
    assert ("FL102", name) in codes(default_kb, text, date)


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reconcile_factbook", ROOT / "scripts" / "reconcile_factbook.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["reconcile_factbook"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_curated_layout_round_trips(tmp_path: Path) -> None:
    """The reconcile script's writer keeps every curated file's data (and its leading comment)."""
    from factlint.errors import KnowledgeBaseError
    from factlint.yamlio import load_yaml_file

    mod = _script()
    world = mod.World()
    for path in sorted(world.docs):
        out = tmp_path / path.name
        out.write_text(mod.dump_curated(world.docs[path], world.headers[path]), encoding="utf-8")
        assert mod._plain(load_yaml_file(out, KnowledgeBaseError)) == world.docs[path], path
        assert out.read_text(encoding="utf-8").startswith("#") == path.read_text(encoding="utf-8").startswith("#")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "data" / "factbook").is_dir(), reason="needs ../shared/data")
def test_reconcile_is_a_fixed_point() -> None:
    """The shipped world files are what the script makes of them: a rerun changes nothing."""
    mod = _script()
    world = mod.World()
    mod.reconcile(world, dry_run=True)
    assert world.changed == set()
