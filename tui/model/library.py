"""A library of cases as the list shows it: one summary a case, sorted and filtered, and search hits.

The summaries are plain values built by `tui.library` from the files (or from its index), so the
library screen can sort, filter and draw thousands of them without reading a file; how a row
is ordered or kept by a filter is decided here, once, for the screen and the tests alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

Status = Literal["broken", "unread", "not started", "in progress", "complete"]
STATUSES: tuple[Status, ...] = ("not started", "in progress", "complete", "broken", "unread")
"""What a status filter steps through (after "any")."""

SortKey = Literal["title", "patient", "year", "author", "notes", "open", "answered", "complete", "reviewed"]
SORT_KEYS: tuple[SortKey, ...] = (
    "title",
    "year",
    "author",
    "patient",
    "notes",
    "open",
    "answered",
    "complete",
    "reviewed",
)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """One reviewer's review of a case, counted: what a row shows without opening it."""

    reviewer: str
    notes: int = 0
    open_notes: int = 0
    answered: int = 0
    """Checklist items with an answer (a note alone is not an answer)."""
    complete: bool = False
    updated: str = ""
    """When the review was last changed, ISO 8601 (UTC): sorts as text."""
    error: str | None = None


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the library: a case file, what it is, and how far its reviews have come."""

    path: str
    """The case file: the row's key."""
    case_id: str = ""
    title: str = ""
    patient: str = ""
    year: int | None = None
    author: str = ""
    error: str | None = None
    """The one-line reason the case cannot be opened; the row stays in the list."""
    reviews: tuple[ReviewSummary, ...] = ()
    read: bool = True
    """False for a row known only by its file name (the index has not reached it yet)."""

    @property
    def notes(self) -> int:
        return sum(review.notes for review in self.reviews)

    @property
    def open_notes(self) -> int:
        return sum(review.open_notes for review in self.reviews)

    @property
    def answered(self) -> int:
        return max((review.answered for review in self.reviews), default=0)

    @property
    def complete(self) -> bool:
        """Every review of it marked complete (and there is at least one)."""
        return bool(self.reviews) and all(review.complete for review in self.reviews)

    @property
    def last_reviewed(self) -> str:
        return max((review.updated for review in self.reviews), default="")

    @property
    def status(self) -> Status:
        if self.error is not None:
            return "broken"
        if not self.read:
            return "unread"
        if self.complete:
            return "complete"
        if self.reviews:
            return "in progress"
        return "not started"

    @property
    def short_error(self) -> str:
        """The error with the case file named by its name alone (the list is of one folder)."""
        if self.error is None:
            return ""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return self.error.replace(self.path, name)

    def reviewers(self) -> list[str]:
        return [review.reviewer for review in self.reviews]

    def notes_by_reviewer(self) -> str:
        """`ana 3, ben 1`: notes per reviewer, in the reviewers' order."""
        return ", ".join(f"{review.reviewer} {review.notes}" for review in self.reviews)


def _sort_value(key: SortKey) -> Callable[[CaseSummary], tuple[object, ...]]:
    """Each key sorts rows with no value last, then by title, so equal rows keep one order."""
    values: dict[SortKey, Callable[[CaseSummary], object]] = {
        "title": lambda row: row.title.casefold(),
        "patient": lambda row: row.patient.casefold(),
        "year": lambda row: row.year if row.year is not None else 10_000,
        "author": lambda row: row.author.casefold() or "\uffff",
        "notes": lambda row: -row.notes,
        "open": lambda row: -row.open_notes,
        "answered": lambda row: -row.answered,
        "complete": lambda row: not row.complete,
        "reviewed": lambda row: "".join(chr(0x10FFFF - ord(c)) for c in row.last_reviewed) or "\U0010ffff",
    }
    value = values[key]
    return lambda row: (value(row), row.title.casefold(), row.path)


def sort_rows(rows: Sequence[CaseSummary], key: SortKey, *, reverse: bool = False) -> list[CaseSummary]:
    """Rows by `key` (counts and dates most first; text A to Z), or the other way round."""
    return sorted(rows, key=_sort_value(key), reverse=reverse)


@dataclass(frozen=True, slots=True)
class RowFilter:
    """What the list keeps: a status, a reviewer, words every kept row holds (in its title, patient, author, id)."""

    status: Status | None = None
    reviewer: str | None = None
    text: str = ""

    def keeps(self, row: CaseSummary) -> bool:
        if self.status is not None and row.status != self.status:
            return False
        if self.reviewer is not None and self.reviewer not in row.reviewers():
            return False
        if self.text.strip():
            haystack = f"{row.title} {row.patient} {row.author} {row.case_id} {row.year or ''} {row.path}".casefold()
            return all(word in haystack for word in self.text.casefold().split())
        return True

    def describe(self) -> str:
        """`status complete, reviewer ana, "pain"`, or `all cases`."""
        parts = []
        if self.status is not None:
            parts.append(f"status {self.status}")
        if self.reviewer is not None:
            parts.append(f"reviewer {self.reviewer}")
        if self.text.strip():
            parts.append(repr(self.text.strip()))
        return ", ".join(parts) or "all cases"


def filter_rows(rows: Sequence[CaseSummary], row_filter: RowFilter) -> list[CaseSummary]:
    return [row for row in rows if row_filter.keeps(row)]


HitKind = Literal["title", "section", "note"]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search hit: which case, where in it, and the words around the match.

    `marks` are the [start, end) spans of `snippet` that matched; the place is where opening
    the hit goes: a section's text span, or the place of a note (and which reviewer wrote it).
    """

    path: str
    title: str
    kind: HitKind
    label: str
    snippet: str
    marks: tuple[tuple[int, int], ...] = ()
    target: str = "section"
    target_id: str = ""
    start: int | None = None
    end: int | None = None
    note_id: str = ""
    reviewer: str = ""


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """The hits of one query (best first), or why the query found nothing to look for."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    seconds: float = 0.0
    problem: str | None = None
    terms: tuple[str, ...] = field(default=())


class LibrarySource(Protocol):
    """What the library screen asks of a library; the app hands it one (the screen never reads files)."""

    @property
    def label(self) -> str:
        """The folder, as the screen names it."""
        ...

    def first_rows(self) -> list[CaseSummary]:
        """Rows at once: from the index where it knows a file, else the file's name alone."""
        ...

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> list[CaseSummary]:
        """Every row read again where its files changed (slow: run in a worker)."""
        ...

    def search(self, query: str, limit: int = 200) -> SearchAnswer:
        """The hits of `query`; never raises for what the user typed."""
        ...
