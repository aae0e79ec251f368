"""Writing a file without losing it: atomic, same mode, owner and links.

Takes a path, the new bytes and the bytes it was read with; writes the new
bytes or raises :class:`~factlint.errors.DraftError` saying why not (the file
changed on disk since it was read, is read-only, or cannot be written).
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from factlint.errors import DraftError


def write_atomic(path: Path, data: bytes, expected: bytes, shown: str | None = None) -> None:
    """Replace *path*'s content with *data*, unless its bytes are no longer
    *expected*; keep its mode, owner and hard links; refuse a read-only file."""
    shown = shown or str(path)
    target = Path(os.path.realpath(path))  # write through a symlink, do not replace it
    try:
        st = target.stat()
        current = target.read_bytes()
    except OSError as exc:
        raise DraftError(f"cannot read file again before writing: {exc.strerror or exc}; not fixed", shown) from None
    if current != expected:
        raise DraftError("changed on disk since it was read; not fixed (run again)", shown)
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise DraftError("read-only file; not fixed", shown)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".factlint-tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if st.st_nlink > 1:
            # Other names share this file: replacing it would cut them off.
            # The complete new content is on disk; copy it in place.
            with target.open("r+b") as out:
                out.write(data)
                out.truncate()
                out.flush()
                os.fsync(out.fileno())
            os.unlink(tmp)
            return
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except PermissionError:
                pass  # not allowed to give it away: the file becomes the writer's, as with an editor's save
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise DraftError(f"cannot write file: {exc.strerror or exc}; not fixed", shown) from None
