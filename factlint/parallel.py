"""Many drafts at once: the process pool behind ``factlint check --jobs N``.

Takes the paths to check, the parent's :class:`~factlint.engine.Linter` and a
:class:`Recipe` that lets a worker build the same linter (KB sources, rules,
settings); gives the :class:`~factlint.findings.Result` that
``Linter.lint_paths`` gives, the same in every byte: the parent walks the
paths (so the order of drafts and of path errors is the one-process order),
each worker reads, parses and checks whole drafts with
``Linter.lint_file`` (the step ``lint_paths`` uses too), and the parent puts
the answers back in walk order. A draft that cannot be read is an error in
its place and the others go on. ``-`` (stdin) is checked in the parent.
``--fix`` and ``--diff`` work the same way: each worker works out the
fixes of whole drafts (:func:`factlint.fix.fix_one`), and the parent
writes them, or prints the diff, in walk order.

Each worker gets the KB once, in its initializer: loaded from the cache,
as a fresh ``factlint check`` would, or (when the parent did not use the
cache: ``FACTLINT_NO_CACHE``, or a detached process is still writing it:
see :mod:`factlint.kb.writer`) handed over by the parent, so that no worker
compiles the KB again.
"""
from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from factlint import fix, tuning
from factlint.engine import Linter, Settings, expand_paths
from factlint.errors import ConfigError, FactlintError
from factlint.findings import FileError, Finding, Result
from factlint.fix import FixOutcome, fix_one, fix_targets, sort_out
from factlint.kb.index import KBIndex
from factlint.rules import Rule

Answer = tuple[int, list[Finding], list[FileError]]  # what Linter.lint_file gives
T = TypeVar("T")


@dataclass(frozen=True)
class Recipe:
    """What a worker needs to build the parent's linter."""

    kb_paths: tuple[Path, ...]
    default_kb: bool
    cache: bool
    rules: dict[str, Rule]
    settings: Settings


def check_jobs(value: int | None) -> int | None:
    """``--jobs``: None (automatic) or a count of at least 1."""
    if value is not None and value < 1:
        raise ConfigError(f"--jobs: {value} is not a number of processes (give 1 or more, or leave it out for one per CPU)")
    return value


def cpus() -> int:
    """CPUs this process may run on (the affinity mask, where there is one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers_for(jobs: int | None, drafts: int) -> int:
    """Processes to use: *jobs* as asked, or automatic (one per CPU for more
    than ``PARALLEL_MIN_FILES`` drafts, else 1); never more than the drafts."""
    wanted = jobs if jobs is not None else (cpus() if drafts > tuning.PARALLEL_MIN_FILES else 1)
    return max(1, min(wanted, drafts))


def show_progress(stream: TextIO, drafts: int, environ: Mapping[str, str] = os.environ) -> bool:
    """A progress bar only for a long run, on a terminal, outside CI."""
    if drafts < tuning.PROGRESS_MIN_FILES or environ.get("CI") or environ.get("GITHUB_ACTIONS"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


# -- the pool ------------------------------------------------------------------------

_LINTER: Linter | None = None  # the worker's own, built once by _start


def _start(recipe: Recipe, index: KBIndex | None) -> None:
    """Worker initializer: build the linter once (Ctrl-C is the parent's to handle)."""
    global _LINTER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if index is None:
        from factlint.kb import load_kb

        index = load_kb(recipe.kb_paths, default=recipe.default_kb, cache=True)
    gc.freeze()  # as the parent does: the collector need not walk the KB again and again
    _LINTER = Linter(index, recipe.rules, recipe.settings)


def _check(item: tuple[str, Path]) -> Answer:
    assert _LINTER is not None, "worker not started"
    return _LINTER.lint_file(*item)


def _fix(item: tuple[str, Path]) -> FixOutcome | FileError:
    assert _LINTER is not None, "worker not started"
    return fix_one(_LINTER, *item)


def _pool(task: Callable[[tuple[str, Path]], T], items: list[tuple[str, Path]], n: int, linter: Linter,
          recipe: Recipe, progress: TextIO | None) -> list[T]:
    """``[task(item) for item in items]`` in *n* worker processes, in order."""
    chunk = max(1, min(tuning.PARALLEL_MAX_CHUNK, len(items) // (n * 4)))
    from factlint.kb import cache_written_apart

    # Handed over when there is no cache to load, or it may not be written yet.
    index = None if recipe.cache and not cache_written_apart(linter.kb) else linter.kb
    answers: list[T] = []
    with _bar(progress, len(items)) as advance:
        pool = ProcessPoolExecutor(n, initializer=_start, initargs=(recipe, index))
        try:
            for answer in pool.map(task, items, chunksize=chunk):
                answers.append(answer)
                advance()
        except BrokenProcessPool:
            raise FactlintError("a worker process stopped unexpectedly (out of memory?); run again with --jobs 1") from None
        finally:
            # On Ctrl-C or an error, drop the drafts not yet started instead of
            # checking them all first; the workers finish the chunk they hold.
            pool.shutdown(wait=False, cancel_futures=True)
    return answers


def _walk(paths: Sequence[str]) -> tuple[list[tuple[str, Path | None, list[FileError]]], list[FileError]]:
    """The drafts in walk order, each with the path errors found just before
    it, and the errors found after the last one."""
    found = Result()
    drafts = []
    for shown, path in expand_paths(paths, found):
        drafts.append((shown, path, found.errors[:]))
        found.errors.clear()
    return drafts, found.errors


def lint_paths(linter: Linter, recipe: Recipe, paths: Sequence[str], jobs: int | None,
               progress: TextIO | None = None) -> Result:
    """Check *paths* as ``linter.lint_paths`` does, in ``workers_for(jobs, n)``
    processes; with one, that is ``linter.lint_paths`` itself. *progress*:
    where a progress bar may go (shown only if :func:`show_progress` says so)."""
    if jobs == 1:
        return linter.lint_paths(paths)
    drafts, trailing = _walk(paths)
    n = workers_for(jobs, len(drafts))
    if n == 1:
        return linter.lint_paths(paths)
    files = [(shown, path) for shown, path, _ in drafts if path is not None]
    pooled = iter(_pool(_check, files, n, linter, recipe, progress))
    result = Result()
    for shown, path, before in drafts:
        result.errors.extend(before)
        # stdin is the parent's to read
        checked, findings, errors = next(pooled) if path is not None else linter.lint_file(shown, None)
        result.files += checked
        result.findings.extend(findings)
        result.errors.extend(errors)
    result.errors.extend(trailing)
    return result


def fix_paths(linter: Linter, recipe: Recipe, paths: Sequence[str], jobs: int | None,
              progress: TextIO | None = None) -> tuple[list[FixOutcome], list[FileError]]:
    """``factlint.fix.fix_paths`` in a pool: each worker works out whole
    drafts' fixes; nothing is written here (the parent writes, in order)."""
    if jobs == 1:
        return fix.fix_paths(linter, paths)
    targets, errors = fix_targets(paths)
    n = workers_for(jobs, len(targets))
    if n == 1:
        return fix.fix_paths(linter, paths)
    return sort_out(_pool(_fix, targets, n, linter, recipe, progress), errors)


@contextmanager
def _bar(stream: TextIO | None, total: int) -> Iterator[Callable[[], None]]:
    """A rich progress bar on *stream* when it should show, else a no-op."""
    if stream is None or not show_progress(stream, total):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, stderr=stream is sys.stderr)
    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("drafts", total=total)
        yield lambda: bar.advance(task)
