"""Recovery journals: each running instance's unsaved work, kept beside the review until it is saved.

Every instance that opens a review claims a journal of its own (`.NAME.INSTANCE.journal`)
and holds a lock on a companion file (`.NAME.INSTANCE.lock`) for as long as it runs: the
operating system drops the lock when the process ends, however it ends. So another instance
can tell a journal whose writer is still running (not its business: never offered, never
removed) from one whose writer died (offered back, then removed). A save removes only the
saving instance's own journal, so no save can take away another instance's unsaved notes.

Journals are written atomically, like the review, so a kill mid-write leaves the previous one.
Where `fcntl` is missing (Windows), a journal counts as live while a process of its pid runs.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from dataclasses import dataclass
from pathlib import Path

from tui.model.case import CaseRecord
from tui.model.review import Review
from tui.store.atomic import write_atomic
from tui.store.errors import InputFileError
from tui.store.review_file import read_review, review_to_toml

try:
    import fcntl

    _HAS_FLOCK = True
except ImportError:  # pragma: no cover - Windows
    _HAS_FLOCK = False

JOURNAL_SUFFIX = ".journal"
LOCK_SUFFIX = ".lock"


def journal_path(review_path: Path, instance: str | None = None) -> Path:
    """`.NAME.INSTANCE.journal` beside `NAME` (`.NAME.journal`, without an instance, is the older form)."""
    middle = f".{instance}" if instance else ""
    return review_path.with_name(f".{review_path.name}{middle}{JOURNAL_SUFFIX}")


def _lock_path(review_path: Path, instance: str) -> Path:
    return review_path.with_name(f".{review_path.name}.{instance}{LOCK_SUFFIX}")


def journals_of(review_path: Path) -> list[Path]:
    """Every journal of a review, whichever instance wrote it, by name."""
    return _beside(review_path, f".{review_path.name}", JOURNAL_SUFFIX)


def _beside(review_path: Path, prefix: str, suffix: str) -> list[Path]:
    """Files beside the review named `prefix...suffix`, by name.

    Names are compared as the directory gives them (no `Path` for every entry): a review
    may sit in a folder of thousands of cases, and this runs on every open.
    """
    folder = review_path.parent
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.startswith(prefix) and e.name.endswith(suffix)]
    except OSError:
        return []
    return [folder / name for name in sorted(names)]


def _instance_of(review_path: Path, journal: Path) -> str | None:
    middle = journal.name[len(f".{review_path.name}") : -len(JOURNAL_SUFFIX)]
    return middle[1:] if middle.startswith(".") else None


@dataclass(frozen=True, slots=True)
class OtherInstance:
    """Another running instance with this review open: who, for the message that says so."""

    instance: str
    since: str


def _is_live(review_path: Path, instance: str | None) -> bool:
    """Whether the instance that wrote a journal still runs (its lock is held)."""
    if instance is None:
        return False
    lock = _lock_path(review_path, instance)
    if not _HAS_FLOCK:  # pragma: no cover - Windows
        pid = instance.split("-", 1)[0]
        try:
            os.kill(int(pid), 0)
        except (ValueError, OSError):
            return False
        return True
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def read_journal_file(path: Path, case: CaseRecord) -> Review:
    """One journal, which must be a review of `case`; raises `InputFileError`."""
    return read_review(path, case)


def read_journal(review_path: Path, case: CaseRecord) -> tuple[Review | None, str | None]:
    """Everything journalled for a review by any instance, merged; a damaged journal is reported, never fatal."""
    return _read_merged(journals_of(review_path), case)


def _read_merged(paths: list[Path], case: CaseRecord) -> tuple[Review | None, str | None]:
    from tui.model.review import merge_reviews

    found: list[Review] = []
    warnings: list[str] = []
    for path in paths:
        try:
            found.append(read_journal_file(path, case))
        except InputFileError as error:
            warnings.append("; ".join(error.lines()))
    warning = f"recovery journal not used: {'; '.join(warnings)}" if warnings else None
    return (merge_reviews(found) if found else None), warning


class JournalSlot:
    """This instance's journal of one review, and the lock that tells others it is alive."""

    def __init__(self, review_path: Path) -> None:
        self.review_path = review_path
        self.instance = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.path = journal_path(review_path, self.instance)
        self._lock_fd: int | None = None
        self._lock()
        self._forget_ended_instances_without_work()

    def _forget_ended_instances_without_work(self) -> None:
        """Lock files of instances that ended with nothing unsaved are of no use to anyone."""
        for lock in _named_like(self.review_path, LOCK_SUFFIX):
            instance = lock.name[len(f".{self.review_path.name}.") : -len(LOCK_SUFFIX)]
            if instance == self.instance or journal_path(self.review_path, instance).exists():
                continue
            if not _is_live(self.review_path, instance):
                with contextlib.suppress(OSError):
                    lock.unlink()

    def _lock(self) -> None:
        if not _HAS_FLOCK:  # pragma: no cover - Windows
            return
        with contextlib.suppress(OSError):
            lock = _lock_path(self.review_path, self.instance)
            lock.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{socket.gethostname()} {os.getpid()}\n".encode())
            self._lock_fd = fd

    def others(self) -> list[OtherInstance]:
        """Other instances running with this review open now."""
        found = []
        for journal_or_lock in _named_like(self.review_path, LOCK_SUFFIX):
            instance = journal_or_lock.name[len(f".{self.review_path.name}.") : -len(LOCK_SUFFIX)]
            if instance != self.instance and _is_live(self.review_path, instance):
                with contextlib.suppress(OSError):
                    since = _modified(journal_or_lock)
                    found.append(OtherInstance(instance, since))
        return found

    def stale(self) -> list[Path]:
        """Journals left by instances that no longer run: theirs to offer back."""
        return [
            path
            for path in journals_of(self.review_path)
            if path != self.path and not _is_live(self.review_path, _instance_of(self.review_path, path))
        ]

    def read_stale(self, case: CaseRecord) -> tuple[Review | None, str | None, list[Path]]:
        """The stale journals' work merged, a warning for any damaged one, and the paths read."""
        paths = self.stale()
        review, warning = _read_merged(paths, case)
        return review, warning, paths

    def write(self, review: Review) -> None:
        """Journal the review (atomically); raises `OSError`."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, review_to_toml(review).encode("utf-8"))

    def remove(self) -> None:
        """Drop this instance's journal (after a save, or when its work is discarded)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def release(self) -> None:
        """At the end of the instance: give up the lock; a journal left behind is offered to the next one."""
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                if not self.path.exists():
                    _lock_path(self.review_path, self.instance).unlink()
            with contextlib.suppress(OSError):
                os.close(self._lock_fd)
            self._lock_fd = None


def remove_stale(review_path: Path, paths: list[Path]) -> None:
    """Remove journals whose work was restored or discarded, with their writers' lock files."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()
        instance = _instance_of(review_path, path)
        if instance is not None:
            with contextlib.suppress(OSError):
                _lock_path(review_path, instance).unlink()


def _named_like(review_path: Path, suffix: str) -> list[Path]:
    return _beside(review_path, f".{review_path.name}.", suffix)


def _modified(path: Path) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%H:%M")
