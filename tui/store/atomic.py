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
from pathlib import Path

_mkstemp = tempfile.mkstemp
_write = os.write
_fsync = os.fsync
_close = os.close
_replace = os.replace

_DEFAULT_MODE = 0o644


def write_atomic(path: Path, data: bytes) -> None:
    """Make `data` the whole content of `path` in one step; on failure `path` keeps its old content.

    A symbolic link is followed, so a config file kept in a dotfiles folder and
    linked into place stays linked rather than being replaced by a plain file.
    Any exception before the rename removes the temporary file and is re-raised.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    _refuse_what_is_not_a_file(target)
    mode = _mode_for(target)
    fd, temporary = _mkstemp(dir=target.parent, prefix="." + target.name + ".", suffix=".tmp")
    open_fd: int | None = fd
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
    _fsync_folder(target.parent)


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
