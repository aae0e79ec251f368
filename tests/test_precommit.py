"""The pre-commit hooks, end to end with the real ``pre-commit``.

``pre-commit try-repo`` clones the hook repository at a commit and installs
it into a fresh virtualenv with pip, as a drafts repository would. It
clones committed files only (uncommitted edits to tracked files go into a
shadow commit, new files do not), so the test commits a snapshot of this
working tree into a temporary repository and tries that: it tests the code
as it is, committed or not. Slow (a virtualenv and a pip install per run)
but it is the real thing; it is skipped without git or pre-commit.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 900  # a cold pip install of the hook and its dependencies

BAD = "---\ndate: 2024-06-21\n---\n\nIn response, US President Joe Blinken said his country would act.\n"
GOOD = "---\ndate: 2024-06-21\n---\n\nIn response, US President Joe Biden said his country would act.\n"
FIXABLE = "---\ndate: 2023-03-10\n---\n\nUS Secretary of State Anthony Blinken arrived in Kyiv.\n"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or importlib.util.find_spec("pre_commit") is None,
    reason="needs git and pre-commit",
)


def git(cwd: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-c", "user.name=factlint tests", "-c", "user.email=tests@example.invalid",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, capture_output=True, text=True, check=True, timeout=120,
    )
    return proc.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This working tree (tracked and new, not ignored files) committed in a temporary repo."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    snapshot = tmp_path_factory.mktemp("hook-repo")
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    return snapshot


def try_repo(hook_repo: Path, drafts: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(drafts.parent / "pre-commit-home"), PRE_COMMIT_COLOR="never",
               NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--files", *files],
        cwd=drafts, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )


def drafts_repo(tmp_path: Path, files: dict[str, str]) -> Path:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    git(drafts, "init", "-q")
    for name, text in files.items():
        (drafts / name).write_text(text, encoding="utf-8")
    git(drafts, "add", "-A")
    return drafts


def test_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"factlint", "factlint-fix"}
    assert hooks["factlint"]["entry"] == "factlint check"
    assert hooks["factlint-fix"]["entry"] == "factlint check --fix"
    for h in hooks.values():
        assert h["language"] == "python" and h["types_or"] == ["markdown", "plain-text"]


def test_try_repo_fails_on_a_slip_and_passes_a_clean_draft(hook_repo: Path, tmp_path: Path) -> None:
    drafts = drafts_repo(tmp_path, {"bad.md": BAD, "good.md": GOOD})
    bad = try_repo(hook_repo, drafts, "factlint", "bad.md")
    output = bad.stdout + bad.stderr
    assert bad.returncode == 1, output
    assert "factlint" in output and "Failed" in output
    assert 'bad.md:5:27: FL103 [error] "Joe Blinken" mixes Joe Biden and Antony Blinken' in output
    good = try_repo(hook_repo, drafts, "factlint", "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_try_repo_fix_hook_fixes_the_file(hook_repo: Path, tmp_path: Path) -> None:
    drafts = drafts_repo(tmp_path, {"fixable.md": FIXABLE})
    run = try_repo(hook_repo, drafts, "factlint-fix", "fixable.md")
    output = run.stdout + run.stderr
    assert run.returncode == 1, output  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in output
    assert (drafts / "fixable.md").read_text(encoding="utf-8") == FIXABLE.replace("Anthony", "Antony")
