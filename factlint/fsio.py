"""Reading input files within bounds: regular files only, a size limit, and
directory walks that report what they cannot enter.

Every file factlint reads (drafts, KB, config, rule and baseline files) goes
through :func:`read_bytes`: its type is checked with ``os.stat`` *before* it
is opened, so a FIFO never blocks the run and a device (``/dev/zero``) is
never read; at most ``limit + 1`` bytes are read, so a file over the limit
is refused without reading it all. Problems are raised as the caller's
:class:`~factlint.errors.FactlintError` subclass, naming the file.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from factlint.errors import FactlintError

MAX_DRAFT_BYTES = 10 * 1024 * 1024   # one draft (a long feature is ~100 kB)
MAX_DATA_BYTES = 64 * 1024 * 1024    # one KB, config, rule or baseline file

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def size_text(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 and n % (1024 * 1024) == 0 else f"{n:,} bytes"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def os_reason(exc: OSError, path: Path | str) -> str:
    """A short reason for *exc*, in words a user can act on."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror.lower() if exc.strerror else str(exc)


def _too_large(limit: int, what: str) -> str:
    return f"too large: over {size_text(limit)} (the limit for one {what})"


def file_problem(path: Path, limit: int, what: str = "file") -> str | None:
    """Why *path* cannot be read as a regular file of at most *limit* bytes
    (found with ``os.stat``, without opening it), or None."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"cannot read {what}: {os_reason(exc, path)}"
    except ValueError:  # a NUL byte in the name
        return f"cannot read {what}: not a valid file name"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory"
    if not stat.S_ISREG(st.st_mode):
        return f"not a regular file: {_kind(st.st_mode)}"
    if st.st_size > limit:
        return _too_large(limit, what)
    return None


def read_bytes(path: Path, limit: int, error: type[FactlintError], shown: str | None = None,
               what: str = "file") -> bytes:
    """The bytes of the regular file *path*, at most *limit* of them."""
    where = shown if shown is not None else str(path)
    problem = file_problem(path, limit, what)
    if problem is not None:
        raise error(problem, where)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise error(f"cannot read {what}: {os_reason(exc, path)}", where) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced between the stat and the open
            raise error("not a regular file", where)
        with os.fdopen(fd, "rb", closefd=False) as f:
            # a buffer of the size the file has, not of the limit (one per draft adds up);
            # one byte more tells whether it grew since, and then it is read on to the limit
            raw = f.read(min(st.st_size, limit) + 1)
            if len(raw) > st.st_size:
                raw += f.read(limit + 1 - len(raw))
    except OSError as exc:
        raise error(f"cannot read {what}: {os_reason(exc, path)}", where) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise error(_too_large(limit, what), where)  # it grew since the stat
    return raw


def read_stream(stream: object, limit: int, error: type[FactlintError], shown: str = "-") -> bytes:
    """At most *limit* bytes of a binary stream (stdin), or an error."""
    if stream is None:
        raise error("cannot read standard input: it is closed", shown)
    try:
        raw = stream.read(limit + 1)  # type: ignore[attr-defined]
    except (OSError, ValueError) as exc:
        reason = os_reason(exc, shown) if isinstance(exc, OSError) else "it is closed"
        raise error(f"cannot read standard input: {reason}", shown) from None
    if len(raw) > limit:
        raise error(_too_large(limit, "draft"), shown)
    return bytes(raw)


def walk(root: Path, wanted: Callable[[str], bool], on_error: Callable[[Path, str], None],
         skip_hidden: bool = False) -> Iterator[Path]:
    """Paths under the directory *root* whose name is *wanted*, sorted.

    Symbolically linked directories are followed; a directory reached a
    second time (a link back to a parent, or two links to one directory) is
    walked once. A directory that cannot be listed is reported through
    *on_error* and the walk goes on. Wanted entries that are not directories
    are yielded whatever they are (a broken link, a FIFO): reading them
    reports what is wrong with them.
    """
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            st = os.stat(d)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as exc:
            on_error(d, f"cannot read directory: {os_reason(exc, d)}")
            continue
        for e in entries:
            if skip_hidden and e.name.startswith("."):
                continue
            path = Path(e.path)
            try:
                is_dir = e.is_dir()  # follows a symbolic link
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif wanted(e.name):
                found.append(path)
    return iter(sorted(found))
