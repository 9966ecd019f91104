"""The recovery journal: unsaved work, kept beside the review until it is saved.

The app writes the whole current review here within a second of every change; a
successful save removes it. If the app dies first (a crash, a kill, a closed terminal),
the next start finds the journal and offers the work back. The journal is written
atomically like the review itself, so a kill mid-write leaves the previous journal.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from tui.model.case import CaseRecord
from tui.model.review import Review
from tui.store.atomic import write_atomic
from tui.store.errors import InputFileError
from tui.store.review_file import read_review, review_to_toml


def journal_path(review_path: Path) -> Path:
    """`.NAME.journal` beside `NAME`: hidden, and plainly tied to its review."""
    return review_path.with_name(f".{review_path.name}.journal")


def write_journal(review_path: Path, review: Review) -> None:
    path = journal_path(review_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, review_to_toml(review).encode("utf-8"))


def read_journal(review_path: Path, case: CaseRecord) -> tuple[Review | None, str | None]:
    """The journalled review, if any; a damaged journal is reported, never fatal."""
    path = journal_path(review_path)
    if not path.exists():
        return None, None
    try:
        return read_review(path, case), None
    except InputFileError as error:
        return None, f"recovery journal not used: {'; '.join(error.lines())}"


def remove_journal(review_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        journal_path(review_path).unlink()
