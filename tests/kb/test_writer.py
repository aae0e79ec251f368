"""factlint/kb/writer.py: the cache written in this process or by a detached one.

The detached writer is exercised in fresh interpreters (one thread, as a
CLI run has), each told to detach for any size; the file it writes is
waited for with a bounded poll, never timed.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_packed import _assert_same

from factlint import tuning
from factlint.engine import Linter, Settings
from factlint.kb import cache_written_apart, load_kb, writer
from factlint.kb.index import KBIndex
from factlint.kb.loader import load_sources
from factlint.kb.packed import People, pack
from factlint.rules import load_rules

BENCH = Path(__file__).resolve().parents[2] / "bench"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
POSIX_FORK = pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="needs os.fork")

# Runs in a fresh interpreter: argv = KB, threshold, "thread", "alone" or
# "fail" (packing raises), and a file each process that returns from
# load_kb adds its pid to.
LOAD = """
import json, os, sys, threading
from factlint import tuning
tuning.CACHE_DETACH_MIN_RECORDS = int(sys.argv[2])
if sys.argv[3] == "fail":
    from factlint.kb import writer
    def fail(index):
        raise RuntimeError("packing failed")
    writer.pack = fail
if sys.argv[3] == "thread":
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
print("before", end=" ")  # buffered, not flushed: must be written once, by this process
from factlint.kb import cache_dir, cache_written_apart, load_kb
from factlint.kb.packed import People
index = load_kb([sys.argv[1]], default=False)
with open(sys.argv[4], "a") as trace:
    trace.write(f"{os.getpid()}\\n")
there = bool(list(cache_dir().glob("kb-*.pickle")))
try:
    os.waitpid(-1, os.WNOHANG)
    children = "left"
except ChildProcessError:
    children = "none"
print(json.dumps({"packed": isinstance(index.kb.people, People), "there_at_return": there,
                  "apart": cache_written_apart(index), "children": children, "pid": os.getpid()}))
if sys.argv[3] == "thread":
    stop.set()
    other.join()
"""


@pytest.fixture(scope="module")
def gen_kb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        import gen_kb
    finally:
        sys.path.remove(str(BENCH))
    root = tmp_path_factory.mktemp("writer") / "kb"
    gen_kb.generate(root, seed=11, people=300, tenures=600, countries=6)
    return root


def _run(kb: Path, cache: Path, threshold: int, mode: str = "alone") -> dict[str, object]:
    env = dict(os.environ, FACTLINT_CACHE_DIR=str(cache))
    trace = cache.parent / f"{cache.name}.pids"
    p = subprocess.run([sys.executable, "-c", LOAD, str(kb), str(threshold), mode, str(trace)], env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("before {") and p.stdout.count("before") == 1, p.stdout
    out = json.loads(p.stdout.removeprefix("before "))
    assert trace.read_text(encoding="utf-8").split() == [str(out.pop("pid"))]  # no other process came back from load_kb
    return out


def _wait_for_cache(cache: Path, bound: float = 120.0) -> Path:
    """The cache file once the writer has renamed it into place (bounded: a test never hangs)."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        found = list(cache.glob("kb-*.pickle"))
        if found and not list(cache.glob(".kb-*.tmp")):
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no cache file in {cache} after {bound} s")


@POSIX_FORK
def test_a_detached_writer_leaves_the_cache_the_serial_path_writes(gen_kb_dir: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(gen_kb_dir, tmp_path / "cache", threshold=0)
    assert (out["packed"], out["apart"], out["children"]) == (False, True, "none")  # the built index, at once
    written = _wait_for_cache(tmp_path / "cache")
    stamp = written.stat().st_mtime_ns
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    cached = load_kb([gen_kb_dir], default=False)
    assert isinstance(cached.kb.people, People) and written.stat().st_mtime_ns == stamp  # read, not rebuilt
    _assert_same(KBIndex.build(load_sources([gen_kb_dir])), cached)
    # The serial path's file holds the same index.
    serial = _run(gen_kb_dir, tmp_path / "serial", threshold=10**9)
    assert serial == {"packed": True, "there_at_return": True, "apart": False, "children": "none"}
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "serial"))
    _assert_same(load_kb([gen_kb_dir], default=False), cached)


@POSIX_FORK
def test_a_writer_that_fails_leaves_no_file_and_never_returns_to_the_caller(gen_kb_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    out = _run(gen_kb_dir, cache, threshold=0, mode="fail")
    assert (out["packed"], out["apart"], out["children"]) == (False, True, "none")
    deadline = time.monotonic() + 120.0
    while list(cache.glob(".kb-*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)  # (a trace line written late would show up below)
    assert not list(cache.iterdir())
    assert len((tmp_path / "cache.pids").read_text(encoding="utf-8").split()) == 1


@POSIX_FORK
def test_a_process_with_threads_writes_the_cache_itself(gen_kb_dir: Path, tmp_path: Path) -> None:
    out = _run(gen_kb_dir, tmp_path / "cache", threshold=0, mode="thread")
    assert out == {"packed": True, "there_at_return": True, "apart": False, "children": "none"}


def test_below_the_threshold_the_cache_is_written_in_process(gen_kb_dir: Path, tmp_path: Path) -> None:
    out = _run(gen_kb_dir, tmp_path / "cache", threshold=tuning.CACHE_DETACH_MIN_RECORDS)
    assert out == {"packed": True, "there_at_return": True, "apart": False, "children": "none"}


def test_can_detach_asks_for_size_fork_and_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "_one_thread", lambda: True)
    big = tuning.CACHE_DETACH_MIN_RECORDS
    assert writer.can_detach(big) is (os.name == "posix" and hasattr(os, "fork"))
    assert not writer.can_detach(big - 1)
    monkeypatch.setattr(writer, "_one_thread", lambda: False)
    assert not writer.can_detach(big)


def test_a_second_thread_is_seen() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not writer._one_thread()
    finally:
        stop.set()
        other.join()


def _no_fork() -> int:
    raise AssertionError("os.fork was called")


@pytest.fixture
def detach_always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "can_detach", lambda records: True)


def test_without_the_cache_nothing_forks_and_nothing_is_written(gen_kb_dir: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                detach_always: None) -> None:
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(os, "fork", _no_fork, raising=False)
    index = load_kb([gen_kb_dir], default=False, cache=False)
    assert isinstance(index.kb.people, People) and not (tmp_path / "cache").exists()


def test_an_unwritable_cache_takes_the_serial_path_silently(gen_kb_dir: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             detach_always: None) -> None:
    (tmp_path / "file").write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "file" / "cache"))
    monkeypatch.setattr(os, "fork", _no_fork, raising=False)
    index = load_kb([gen_kb_dir], default=False)
    assert isinstance(index.kb.people, People)


def test_a_failed_fork_takes_the_serial_path(gen_kb_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             detach_always: None) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(os, "fork", refuse, raising=False)
    index = load_kb([gen_kb_dir], default=False)
    assert isinstance(index.kb.people, People) and not cache_written_apart(index)
    assert len(list(cache.glob("kb-*.pickle"))) == 1 and not list(cache.glob(".kb-*"))


def test_a_writer_at_work_is_not_waited_for_and_a_dead_ones_file_is_removed(gen_kb_dir: Path, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    busy, dead = cache / ".kb-busy.tmp", cache / ".kb-dead.tmp"
    busy.write_bytes(b"\x80\x05 half a pickle")
    dead.write_bytes(b"\x80\x05 half a pickle")
    old = time.time() - 2 * tuning.CACHE_TEMP_STALE_SECONDS
    os.utime(dead, (old, old))
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    index = load_kb([gen_kb_dir], default=False)
    assert isinstance(index.kb.people, People) and len(list(cache.glob("kb-*.pickle"))) == 1
    assert busy.exists() and not dead.exists()


def test_an_index_left_to_a_detached_writer_is_handed_to_workers(gen_kb_dir: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  detach_always: None) -> None:
    from factlint import parallel
    from factlint.parallel import Recipe

    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    monkeypatch.setattr(writer, "store_detached", lambda target, index: True)  # a writer that never writes
    index = load_kb([gen_kb_dir], default=False)
    assert cache_written_apart(index) and not cache_written_apart(pack(index))
    rules = load_rules()
    linter = Linter(index, rules, Settings())
    drafts = [str(GOLDEN / name / "input.md") for name in sorted(os.listdir(GOLDEN))]
    one = linter.lint_paths(drafts)
    recipe = Recipe((gen_kb_dir,), False, True, rules, Settings())
    two = parallel.lint_paths(linter, recipe, drafts, jobs=2)
    assert two.findings == one.findings
    assert not list(cache.glob("kb-*.pickle"))  # no worker loaded (and so wrote) the cache


def test_the_built_index_finds_what_the_packed_one_finds() -> None:
    from factlint.kb import default_kb_dir

    built = KBIndex.build(load_sources([default_kb_dir()]))
    packed = pack(KBIndex.build(load_sources([default_kb_dir()])))
    rules = load_rules()
    drafts = [str(GOLDEN / name / "input.md") for name in sorted(os.listdir(GOLDEN))]
    a = Linter(built, rules, Settings()).lint_paths(drafts)
    b = Linter(packed, rules, Settings()).lint_paths(drafts)
    assert a.findings and a.findings == b.findings
