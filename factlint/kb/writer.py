"""Writing the compiled KB's cache file: in this process, or in a detached one.

Takes a compiled :class:`~factlint.kb.index.KBIndex` and the cache file's
path. :func:`store` pickles an index that is packed already
(:func:`factlint.kb.packed.pack`) and puts it in place; :func:`store_detached`
hands an unpacked index to a process of its own that packs, pickles and
writes it while the caller goes on, and says whether it could. Either way
the file is written to a temporary file in the cache directory and renamed
onto its name, so a reader finds the whole file or none (a process that
starts while a writer is at work misses the cache and builds the index
itself; nothing waits for a lock). A cache that cannot be written is
skipped, never an error.

Why a detached writer: for a KB of 100,000 people, packing and pickling
take 3-4 s of a first load's 12, and the caller needs the index, not the
bytes. :func:`can_detach` allows it only where it is safe and worth it: on
POSIX with ``os.fork``, from a process with one thread (the language server
and the web app have several, and keep the serial path: a fork copies no
other thread, and so no lock another thread might hold), for a KB of at
least ``tuning.CACHE_DETACH_MIN_RECORDS`` people and tenures.

The writer is a grandchild (a double fork): the child starts a new session
(so Ctrl-C and a hang-up at the terminal never reach the writer), forks the
writer and exits at once; the caller reaps that child straight away, and
the writer, an orphan, is reaped by init when it ends. No zombie is left
behind and nothing has to be reaped later. The writer's standard streams
go to ``/dev/null`` and it closes every other file it inherited (a pipe
the caller's reader waits on, a listening socket), ignores SIGINT, and
leaves with ``os._exit``: no ``atexit`` handler, no finaliser and no
flush of a buffer it inherited runs twice.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NoReturn

from factlint import tuning
from factlint.kb.index import KBIndex
from factlint.kb.packed import pack

_TEMP_PREFIX, _TEMP_SUFFIX = ".kb-", ".tmp"


def _temp(target: Path) -> tuple[int, str] | None:
    """An open temporary file beside *target* (its directory made), or None if it cannot be."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        return tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
    except OSError:
        return None


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _write(fd: int, tmp: str, target: Path, packed: KBIndex) -> bool:
    """Pickle *packed* into the open temporary file and rename it onto
    *target*; whether that worked. On any failure (Ctrl-C too) the temporary
    file is removed: no partial file is ever left under either name."""
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(packed, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        return True
    except OSError:
        _discard(tmp)
        return False
    except BaseException:
        _discard(tmp)
        raise


def _prune(directory: Path) -> None:
    """Remove temporary files of writers that died (killed, or the machine stopped)."""
    stale = time.time() - tuning.CACHE_TEMP_STALE_SECONDS
    try:
        for p in directory.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
            try:
                if p.stat().st_mtime < stale:
                    p.unlink()
            except OSError:
                pass
    except OSError:
        pass


def store(target: Path, packed: KBIndex) -> None:
    """Write the packed index to *target* in this process (or nothing, if it cannot be)."""
    opened = _temp(target)
    if opened is not None and _write(*opened, target, packed):
        _prune(target.parent)


def _one_thread() -> bool:
    """Only this (the main) thread runs: Python's threads, and on Linux the kernel's count."""
    if threading.active_count() != 1 or threading.current_thread() is not threading.main_thread():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: Python's own count is what there is
        return True


def can_detach(records: int) -> bool:
    """Whether a KB of *records* people and tenures may have its cache written by a detached process."""
    return (records >= tuning.CACHE_DETACH_MIN_RECORDS and os.name == "posix" and hasattr(os, "fork")
            and _one_thread())


def store_detached(target: Path, index: KBIndex) -> bool:
    """Pack and write *index* to *target* in a detached process; True if that
    process was started, False if the caller must write the cache itself
    (the temporary file cannot be made, a fork failed, the child failed)."""
    opened = _temp(target)
    if opened is None:
        return False
    fd, tmp = opened
    if fd <= 2:  # a standard stream was closed: the writer will need 0-2 for /dev/null
        os.close(fd)
        _discard(tmp)
        return False
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is left to be written twice
        try:
            stream.flush()
        except (AttributeError, OSError, ValueError):
            pass
    try:
        pid = os.fork()
    except OSError:
        pid = -1
    if pid == 0:
        _child(fd, tmp, target, index)
    os.close(fd)  # the writer has its own copy
    started = False
    if pid > 0:
        try:
            _, status = os.waitpid(pid, 0)  # the child only forks and exits: this is at once
            started = os.waitstatus_to_exitcode(status) == 0
        except ChildProcessError:  # SIGCHLD ignored: reaped already, and its word lost
            started = False
    if not started:
        _discard(tmp)  # a writer that did start after all then fails to rename it, and gives up
    return started


def _child(fd: int, tmp: str, target: Path, index: KBIndex) -> NoReturn:
    """The child: a new session, then the writer forked off; exits 0 once it runs."""
    code = 1
    try:
        os.setsid()
        if os.fork() == 0:
            _writer(fd, tmp, target, index)
        code = 0
    finally:
        os._exit(code)


def _writer(fd: int, tmp: str, target: Path, index: KBIndex) -> NoReturn:
    """The detached writer: pack, pickle, rename, exit (never back into the caller's code)."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        null = os.open(os.devnull, os.O_RDWR)
        for std in (0, 1, 2):
            os.dup2(null, std)
        if null > 2:
            os.close(null)
        os.closerange(3, fd)  # every other inherited file: the cache's is all the writer needs
        os.closerange(fd + 1, os.sysconf("SC_OPEN_MAX"))
        gc.disable()  # as in the caller: millions of new objects, no cycles
        if _write(fd, tmp, target, pack(index)):
            _prune(target.parent)
            code = 0
    finally:
        if code:
            _discard(tmp)  # whatever stopped it, no temporary file is left
        os._exit(code)
