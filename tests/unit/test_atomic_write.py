"""`write_atomic` leaves the old file or the new one, never a mixture, and never litter."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.store import atomic
from tui.store.atomic import write_atomic

OLD = b"old content\n" * 100
NEW = b"new content, rather longer than the old one\n" * 200


def _disk_full(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def _close_then_fail(fd: int) -> None:
    """As on Linux, the descriptor is gone even though close reports an error (say, a delayed EIO)."""
    os.close(fd)
    raise OSError(errno.ENOSPC, "No space left on device")


def _write_half_then_fail() -> Callable[[int, Any], int]:
    """A write that gets some bytes onto the disk before the disk fills up."""
    calls = 0

    def write(fd: int, data: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 1:
            return os.write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    return write


def test_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "review.toml"
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert os.listdir(tmp_path) == ["review.toml"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "review.toml"
    target.write_bytes(OLD)
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    write_atomic(target, b"")
    assert target.read_bytes() == b""
    assert os.listdir(tmp_path) == ["review.toml"]


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def one_byte_at_a_time(fd: int, data: Any) -> int:
        return os.write(fd, bytes(data[:1]))

    monkeypatch.setattr(atomic, "_write", one_byte_at_a_time)
    target = tmp_path / "config.toml"
    write_atomic(target, b"theme = 'x'\n")
    assert target.read_bytes() == b"theme = 'x'\n"


@pytest.mark.parametrize(
    ("step", "replacement"),
    [
        ("_mkstemp", lambda: _disk_full),
        ("_write", lambda: _disk_full),  # before any byte is written
        ("_write", _write_half_then_fail),  # mid-write, after partial bytes
        ("_fsync", lambda: _disk_full),
        ("_close", lambda: _close_then_fail),
        ("_replace", lambda: _disk_full),
    ],
    ids=["at-mkstemp", "before-write", "mid-write", "at-fsync", "at-close", "at-replace"],
)
def test_a_failure_at_any_step_leaves_the_old_file_and_no_litter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, replacement: Callable[[], Any]
) -> None:
    target = tmp_path / "review.toml"
    target.write_bytes(OLD)
    os.chmod(target, 0o640)
    monkeypatch.setattr(atomic, step, replacement())

    with pytest.raises(OSError) as raised:
        write_atomic(target, NEW)

    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == OLD
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["review.toml"]


def test_a_failure_leaves_no_file_when_there_was_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic, "_replace", _disk_full)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "new.toml", NEW)
    assert os.listdir(tmp_path) == []


def test_an_interrupt_also_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: Any) -> int:
        raise KeyboardInterrupt

    target = tmp_path / "review.toml"
    target.write_bytes(OLD)
    monkeypatch.setattr(atomic, "_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, NEW)
    assert target.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["review.toml"]


def test_a_failing_folder_fsync_does_not_fail_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The new content is already in place when the folder is synced; reporting failure would be false."""
    calls: list[int] = []

    def fsync_file_only(fd: int) -> None:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.EINVAL, "Invalid argument")
        os.fsync(fd)

    monkeypatch.setattr(atomic, "_fsync", fsync_file_only)
    target = tmp_path / "review.toml"
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    expected_calls = 2 if hasattr(os, "O_DIRECTORY") else 1
    assert len(calls) == expected_calls


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_permission_bits_are_kept(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "review.toml"
    target.write_bytes(OLD)
    os.chmod(target, mode)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == mode


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_new_file_gets_0644_less_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.toml", NEW)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.toml").stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "config.toml"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    write_atomic(link, NEW)
    assert link.is_symlink()
    assert real.read_bytes() == NEW
    assert os.listdir(real.parent) == ["config.toml"]
