"""Replace a file so that a reader (or a crash) sees the old bytes or the new, never half of each.

A review or a config written in place and interrupted by a full disk, a kill or a
power cut would leave a truncated file and lose the reviewer's work. Writing a
temporary file beside the target, forcing it to disk and renaming it over the
target makes the switch a single step of the file system; fsyncing the folder
afterwards makes the rename itself survive a power cut.

The system calls go through the module-level names below (`_mkstemp`, `_write`,
`_fsync`, `_close`, `_replace`) so that tests can make each step fail in turn
and check that the previous file is untouched and nothing is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from pathlib import Path

_mkstemp = tempfile.mkstemp
_write = os.write
_fsync = os.fsync
_close = os.close
_replace = os.replace

_DEFAULT_MODE = 0o644

try:
    import fcntl

    _HAS_FLOCK = True
except ImportError:  # pragma: no cover - Windows
    _HAS_FLOCK = False


def write_atomic(path: Path, data: bytes) -> None:
    """Make `data` the whole content of `path` in one step; on failure `path` keeps its old content.

    A symbolic link is followed, so a config file kept in a dotfiles folder and
    linked into place stays linked rather than being replaced by a plain file.
    Any exception before the rename removes the temporary file and is re-raised.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    _refuse_what_is_not_a_file(target)
    mode = _mode_for(target)
    remove_stale_temporaries(target)
    fd, temporary = _mkstemp(dir=target.parent, prefix="." + target.name + ".", suffix=TEMPORARY_SUFFIX)
    open_fd: int | None = fd
    claim = _claim(temporary)
    try:
        _set_mode(fd, temporary, mode)
        _write_all(fd, data)
        _fsync(fd)
        open_fd = None  # Never close twice, even if close itself fails.
        _close(fd)
        _replace(temporary, target)
    except BaseException:
        if open_fd is not None:
            with contextlib.suppress(OSError):
                _close(open_fd)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        _release(claim)
    _fsync_folder(target.parent)


TEMPORARY_SUFFIX = ".tmp"
STALE_AFTER = 5.0
"""Seconds after which an unlocked temporary file is a dead writer's, not one about to take its lock."""


def _claim(temporary: str) -> int | None:
    """Hold a lock on the temporary file until it is renamed, so a cleaner can tell it from a dead one."""
    if not _HAS_FLOCK:  # pragma: no cover - Windows: age alone tells
        return None
    try:
        claim = os.open(temporary, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(claim, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(claim)
        return None
    return claim


def _release(claim: int | None) -> None:
    if claim is not None:
        with contextlib.suppress(OSError):
            os.close(claim)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files of `target` left by writers that died mid-write (a kill, a power cut).

    Only our own naming pattern (`.NAME.XXXX.tmp` beside `NAME`), only files no writer holds
    and none younger than `STALE_AFTER`; returns what was removed. Never raises.
    """
    removed: list[Path] = []
    prefix = "." + target.name + "."
    try:
        candidates = [
            p for p in target.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(TEMPORARY_SUFFIX)
        ]
    except OSError:
        return removed
    for candidate in candidates:
        with contextlib.suppress(OSError):
            # Without locks (Windows) only age tells a dead writer's file: an hour, not seconds.
            young = STALE_AFTER if _HAS_FLOCK else 3600.0
            if time.time() - candidate.lstat().st_mtime < young or not candidate.is_file():
                continue
            claim = _claim(str(candidate))
            if _HAS_FLOCK and claim is None:
                continue  # a live writer holds it
            try:
                candidate.unlink()
                removed.append(candidate)
            finally:
                _release(claim)
    return removed


def _refuse_what_is_not_a_file(target: Path) -> None:
    """A device, a pipe or a folder is never replaced by a file (as root, `/dev/null` would have been)."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise IsADirectoryError(errno.EISDIR, f"is {kind}; only a file is replaced", str(target))


def _write_all(fd: int, data: bytes) -> None:
    """Loop because `os.write` may write fewer bytes than asked (signals, pipes, quotas)."""
    view = memoryview(data)
    while view:
        written = _write(fd, view)
        view = view[written:]


def _mode_for(target: Path) -> int:
    """The permission bits the new file should have: the old file's, so a private file stays private."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return _DEFAULT_MODE & ~_current_umask()


def _current_umask() -> int:
    """The process umask; reading it means setting it, so the brief stand-in is the strictest mask.

    Were another thread to create a file in that instant, it would come out more
    private than intended, never more open.
    """
    previous = os.umask(0o077)
    os.umask(previous)
    return previous


def _set_mode(fd: int, temporary: str, mode: int) -> None:
    """`mkstemp` creates the file 0o600; give it the mode the target should end up with."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13.
        os.chmod(temporary, mode)


def _fsync_folder(folder: Path) -> None:
    """Persist the rename itself; where a folder cannot be opened or synced, the rename has still happened.

    The new content is already in place when this runs, so a failure here is not
    reported as a failed write: the caller would otherwise retry or warn about a
    save that succeeded.
    """
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:  # Windows: folders cannot be opened for fsync.
        return
    try:
        folder_fd = os.open(folder, os.O_RDONLY | flags)
    except OSError:
        return
    try:
        _fsync(folder_fd)
    except OSError:
        pass
    finally:
        os.close(folder_fd)
