"""Standard output for the command line: a write that fails (a full disk, a
closed stream) becomes an :class:`~factlint.errors.OutputError`, which
``cli.main`` reports as one line and exit 2, instead of a traceback.
"""
from __future__ import annotations

import os
from typing import TextIO

from factlint.errors import OutputError
from factlint.fsio import os_reason


class GuardedStdout:
    """Standard output that turns a failed write (a full disk, a closed
    stream) into an :class:`OutputError`, so that it is one line and exit 2
    rather than a traceback. A broken pipe (``| head``) stays as it is."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    def _fail(self, exc: BaseException | None) -> OutputError:
        reason = "it is closed" if exc is None or isinstance(exc, ValueError) else os_reason(exc, "-")  # type: ignore[arg-type]
        return OutputError(f"cannot write to standard output: {reason}")

    def write(self, text: str) -> int:
        if self.stream is None:
            raise self._fail(None)
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:
            raise self._fail(exc) from None

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def discard_unwritten(stream: TextIO) -> None:
    """After a failed write, what stays buffered would fail again at exit
    (with a traceback from the interpreter): point the stream at nowhere."""
    try:
        stream.flush()
    except (OSError, ValueError):
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError):
            pass
