"""factlint/stdout.py: a failed write to standard output is an OutputError."""
from __future__ import annotations

import errno
import io

import pytest

from factlint.errors import OutputError
from factlint.stdout import GuardedStdout


class _Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


class _Pipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def test_full_disk() -> None:
    with pytest.raises(OutputError, match="cannot write to standard output: no space left on device"):
        GuardedStdout(_Full()).write("x")


def test_closed() -> None:
    with pytest.raises(OutputError, match="it is closed"):
        GuardedStdout(None).write("x")
    closed = io.StringIO()
    closed.close()
    with pytest.raises(OutputError, match="it is closed"):
        GuardedStdout(closed).write("x")


def test_broken_pipe_is_left_to_the_caller() -> None:
    with pytest.raises(BrokenPipeError):
        GuardedStdout(_Pipe()).write("x")


def test_passes_writes_through() -> None:
    out = io.StringIO()
    guarded = GuardedStdout(out)
    guarded.write("abc")
    guarded.flush()
    assert out.getvalue() == "abc" and not guarded.isatty() and guarded.getvalue() == "abc"  # type: ignore[attr-defined]
