"""What the review screen asks of the widgets in its panes, by what they can do rather than what they are.

The screen never tests for a widget's class: `a` annotates whatever place the focused widget
points at, `e`/`d` act on the note it points at, and a pane shows the review and selects a
place when asked. A new pane answers these and the screen needs no change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from tui.model.places import Place
from tui.model.review import AdverseEffect, Annotation
from tui.model.review_session import ReviewSession

if TYPE_CHECKING:
    from tui.model.checklist_catalogue import ChecklistCatalogue


@runtime_checkable
class PointsAtPlace(Protocol):
    """A widget with a cursor on a place of the case: a sentence, a section, a row."""

    def place_at_cursor(self) -> Place | None:
        """The place `a` annotates, or None where the cursor is on nothing."""
        ...


@runtime_checkable
class PointsAtNote(Protocol):
    """A widget with a cursor on a note itself (the Notes pane): `e` and `d` act on that note."""

    def note_at_cursor(self) -> Annotation | None: ...


@runtime_checkable
class ShowsReview(Protocol):
    """A pane that marks notes (row counts, highlighted spans, a list of notes)."""

    def show_review(self, session: ReviewSession) -> None:
        """Show the session's notes as they are now; called after every change."""
        ...


@runtime_checkable
class SelectsPlaces(Protocol):
    """A pane that can put its cursor on a place of the kind it shows (a jump, the palette, `]`)."""

    def select_place(self, place: Place) -> None: ...


@runtime_checkable
class HasReadingPlace(Protocol):
    """A widget whose place in reading order differs from what `a` would annotate (the reader: its
    sentence, whatever part of it is selected). `]` and `[` step from here."""

    def reading_place(self) -> Place | None: ...


@runtime_checkable
class HoldsDraft(Protocol):
    """A screen holding words not yet in the review (the annotation editor): quitting must ask."""

    def has_draft(self) -> bool: ...

    def keep_draft(self) -> bool:
        """Hand the draft over as a note; False (and the screen stays) when it cannot be kept yet."""
        ...


@runtime_checkable
class UsesChecklists(Protocol):
    """A pane that shows checklists: handed the checklists of this run when it is built.

    The screen asks its document for them (they load on first need, off the start-up path), so
    the pane never reads a file.
    """

    def use_checklists(self, catalogue: ChecklistCatalogue, warnings: list[str]) -> None: ...


@runtime_checkable
class StartsAssessments(Protocol):
    """A pane that can start or open a per-effect assessment (Naranjo) of one adverse effect."""

    def start_assessment(self, target: AdverseEffect) -> bool:
        """Show the assessment of `target`; False when no checklist is answered per adverse effect."""
        ...


@runtime_checkable
class ShowsAnswers(Protocol):
    """A pane that shows checklist answers: after a change to answers alone, only these are told.

    An answer changes no note, so the reader, the section tree and the Notes pane (10,000 notes
    on a large review) need not be redrawn for it.
    """

    def show_answers(self, session: ReviewSession) -> None: ...
