"""factlint/fsio.py: regular files only, within a size limit; directory walks."""
from __future__ import annotations

import io
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from factlint.errors import DraftError
from factlint.fsio import file_problem, read_bytes, read_stream, walk


def test_read_bytes_reads_a_regular_file(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"x" * 10)
    assert read_bytes(f, 10, DraftError) == b"x" * 10


def test_read_bytes_refuses_over_the_limit(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"x" * 11)
    with pytest.raises(DraftError, match=r"too large: over 10 bytes \(the limit for one draft\)"):
        read_bytes(f, 10, DraftError, what="draft")


@pytest.mark.parametrize(("size", "limit", "ok"), [(10, 10, True), (11, 10, False), (10, 20, True), (25, 20, False)])
def test_read_bytes_reads_on_when_the_file_grew_since_the_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              size: int, limit: int, ok: bool) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"x" * size)
    real = os.fstat  # as if stat'ed when it held 3 bytes
    monkeypatch.setattr(os, "fstat", lambda fd: SimpleNamespace(st_mode=real(fd).st_mode, st_size=3))
    if ok:
        assert read_bytes(f, limit, DraftError) == b"x" * size
    else:
        with pytest.raises(DraftError, match="too large"):
            read_bytes(f, limit, DraftError)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.symlink_to(p.name), "cannot read file: symbolic link loop"),
        (lambda p: p.symlink_to("gone"), "cannot read file: broken symbolic link"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: os.mkfifo(p), "not a regular file: a FIFO (named pipe)"),
        (lambda p: None, "cannot read file: no such file or directory"),
    ],
)
def test_file_problem(tmp_path: Path, make: object, expected: str) -> None:
    p = tmp_path / "x.md"
    make(p)  # type: ignore[operator]
    assert file_problem(p, 100) == expected
    with pytest.raises(DraftError) as info:
        read_bytes(p, 100, DraftError)
    assert info.value.message == expected and info.value.path == str(p)


def test_device_is_not_read() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    assert file_problem(Path("/dev/zero"), 100) == "not a regular file: a device"


def test_read_stream() -> None:
    assert read_stream(io.BytesIO(b"abc"), 3, DraftError) == b"abc"
    with pytest.raises(DraftError, match="too large"):
        read_stream(io.BytesIO(b"abcd"), 3, DraftError)
    with pytest.raises(DraftError, match="it is closed"):
        read_stream(None, 3, DraftError)
    closed = io.BytesIO(b"")
    closed.close()
    with pytest.raises(DraftError, match="it is closed"):
        read_stream(closed, 3, DraftError)


def test_walk_follows_linked_directories_once_and_reports_unreadable_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "d" / ".hidden").mkdir()
    (tmp_path / "d" / ".hidden" / "h.md").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "link").symlink_to(tmp_path / "d" / "sub", target_is_directory=True)
    (tmp_path / "d" / "up").symlink_to(tmp_path / "d", target_is_directory=True)
    (tmp_path / "d" / "locked").mkdir()
    real = os.scandir

    def scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[call-overload]

    monkeypatch.setattr("factlint.fsio.os.scandir", scandir)
    errors: list[tuple[Path, str]] = []
    found = list(walk(tmp_path / "d", lambda n: n.endswith(".md"), lambda d, m: errors.append((d, m)), skip_hidden=True))
    assert len(found) == 1 and found[0].name == "a.md"
    assert errors == [(tmp_path / "d" / "locked", "cannot read directory: permission denied")]
