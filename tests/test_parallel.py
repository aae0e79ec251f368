"""``check --jobs N`` (factlint/parallel.py): a pool gives exactly what one process gives."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factlint import parallel, tuning
from factlint.cli import main
from factlint.parallel import check_jobs, show_progress, workers_for

BENCH = Path(__file__).resolve().parents[1] / "bench"
FACTLINT = [sys.executable, "-m", "factlint"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A small generated KB and 40 generated drafts with planted slips, plus
    drafts that cannot be checked (binary, not UTF-8, a bad suppression code)."""
    sys.path.insert(0, str(BENCH))
    try:
        import gen_corpus
        import gen_kb
    finally:
        sys.path.remove(str(BENCH))
    root = tmp_path_factory.mktemp("jobs")
    gen_kb.generate(root / "kb", seed=7, people=400, tenures=800, countries=8)
    gen_corpus.generate(root / "kb", root / "drafts", articles=40, words=200, seed=7)
    drafts = root / "drafts"
    (drafts / "article-0005.md").write_bytes(b"\x00\x01binary")
    (drafts / "article-0017.md").write_bytes("caf\u00e9 draft".encode("latin-1"))
    (drafts / "sub").mkdir()
    (drafts / "sub" / "empty.txt").write_text("", encoding="utf-8")
    (drafts / "sub" / "note.md").write_text("<!-- factlint-disable FL999 -->\nNothing here.\n", encoding="utf-8")
    return root / "kb", drafts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "html"])
def test_jobs_2_gives_what_jobs_1_gives(corpus: tuple[Path, Path], fmt: str, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    kb, drafts = corpus
    args = ["--no-default-kb", "--kb", str(kb), "--format", fmt, str(drafts), str(drafts.parent / "missing.md"), "-"]
    stdin = b"US President Joe Blinken spoke on stdin.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    one = run(capsys, *args, "--jobs", "1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    pools: list[int] = []

    class Spy(parallel.ProcessPoolExecutor):
        def __init__(self, workers: int, **kwargs: object) -> None:
            pools.append(workers)
            super().__init__(workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Spy)
    two = run(capsys, *args, "--jobs", "2")
    assert pools == [2]  # a real pool of two
    assert one == two
    code, out, err = one
    assert code == 2 and out.strip()
    # every bad draft is reported, in walk order, and the others are still checked
    assert [line.split(": ")[1] for line in err.splitlines()] == [
        f"{drafts / 'article-0005.md'}", f"{drafts / 'article-0017.md'}:1",
        f"{drafts / 'sub' / 'empty.txt'}", f"{drafts / 'sub' / 'note.md'}:1", f"{drafts.parent / 'missing.md'}"]


def test_jobs_with_baseline_and_fail_on(corpus: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb, drafts = corpus
    good = tmp_path / "drafts"
    shutil.copytree(drafts, good, ignore=shutil.ignore_patterns("article-0005.md", "article-0017.md", "sub"))
    base = ["--no-default-kb", "--kb", str(kb), str(good)]
    code, _, _ = run(capsys, *base, "--write-baseline", str(tmp_path / "b.json"), "--jobs", "2")
    assert code == 0
    first = (good / "article-0001.md").read_text(encoding="utf-8")
    (good / "article-0001.md").write_text(first + "\nUS President Joe Blinken spoke.\n", encoding="utf-8")
    for extra in (["--baseline", str(tmp_path / "b.json")], ["--fail-on", "info", "--format", "json"]):
        assert run(capsys, *base, *extra, "--jobs", "1") == run(capsys, *base, *extra, "--jobs", "2")


def test_fix_and_diff_with_jobs_match_one_process(corpus: tuple[Path, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    kb, drafts = corpus
    copies = {}
    for jobs in ("1", "2"):
        copies[jobs] = tmp_path / f"j{jobs}"
        shutil.copytree(drafts, copies[jobs])
    diffs = {j: run(capsys, "--no-default-kb", "--kb", str(kb), "--diff", "--jobs", j, str(copies[j])) for j in copies}
    assert diffs["1"][0] == diffs["2"][0] == 2
    assert diffs["1"][1].replace(str(copies["1"]), "D") == diffs["2"][1].replace(str(copies["2"]), "D")
    assert "would fix" in diffs["1"][2]
    fixed = {j: run(capsys, "--no-default-kb", "--kb", str(kb), "--fix", "--format", "concise", "--jobs", j, str(copies[j]))
             for j in copies}
    assert [x.replace(str(copies["1"]), "D") for x in fixed["1"][1:]] == [x.replace(str(copies["2"]), "D") for x in fixed["2"][1:]]
    assert "fixed" in fixed["1"][2]
    for f in sorted(copies["1"].rglob("*.md")):
        assert f.read_bytes() == (copies["2"] / f.relative_to(copies["1"])).read_bytes(), f


@pytest.mark.parametrize("value", ["0", "-3"])
def test_jobs_below_one_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--jobs", value, ".")
    assert (code, out) == (2, "")
    assert err.startswith(f"factlint: --jobs: {value} is not a number of processes")


def test_jobs_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--jobs", "many", ".")
    assert code == 2 and "--jobs" in err and "Traceback" not in err


def test_how_many_workers() -> None:
    assert check_jobs(None) is None and check_jobs(3) == 3
    assert workers_for(1, 1000) == 1
    assert workers_for(4, 3) == 3  # never more workers than drafts
    assert workers_for(None, tuning.PARALLEL_MIN_FILES) == 1  # a few dozen drafts: one process
    assert workers_for(None, tuning.PARALLEL_MIN_FILES + 1) == min(len(os.sched_getaffinity(0)), tuning.PARALLEL_MIN_FILES + 1)
    assert workers_for(None, 0) == 1


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_a_long_run_on_a_terminal_outside_ci() -> None:
    many = tuning.PROGRESS_MIN_FILES
    assert show_progress(_Tty(), many, {})
    assert not show_progress(_Tty(), many - 1, {})          # short run
    assert not show_progress(io.StringIO(), many, {})       # piped
    assert not show_progress(_Tty(), many, {"CI": "true"})  # CI
    assert not show_progress(_Tty(), many, {"GITHUB_ACTIONS": "true"})


def _tiny_drafts(root: Path) -> Path:
    d = root / "tiny"
    d.mkdir()
    for i in range(tuning.PROGRESS_MIN_FILES):
        (d / f"d{i:03}.md").write_text(f"Draft {i} says nothing of note.\n", encoding="utf-8")
    return d


def test_no_progress_bar_when_piped(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    kb, _ = corpus
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    p = subprocess.run([*FACTLINT, "check", "--no-default-kb", "--kb", str(kb), "--jobs", "2", str(_tiny_drafts(tmp_path))],
                       capture_output=True, text=True, env=env, timeout=120, check=False)
    assert (p.returncode, p.stderr) == (0, "")
    assert p.stdout.startswith("All clear")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    import pty

    kb, _ = corpus
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    leader, follower = pty.openpty()
    p = subprocess.Popen([*FACTLINT, "check", "--no-default-kb", "--kb", str(kb), "--jobs", "2", str(_tiny_drafts(tmp_path))],
                         stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out, _ = p.communicate(timeout=120)
    os.close(leader)
    assert p.returncode == 0 and out.startswith(b"All clear")
    assert f"/{tuning.PROGRESS_MIN_FILES}".encode() in seen  # rich's "done/total" column
