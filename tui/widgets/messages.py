"""Messages widgets and screens send up (and the app sends down); widgets never act on each other directly."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from tui.model.places import Place
from tui.model.review import AdverseEffect, Annotation

if TYPE_CHECKING:
    from tui.model.checklist import ChecklistDefinition
    from tui.model.review_session import ReviewSession


class JumpToQuote(Message):
    """Show the sentence a table row came from, highlighted in the reader."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        super().__init__()


class NoteChosen(Message):
    """Show the place this note is on (`enter` in the Notes pane)."""

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        super().__init__()


class AcceptNewWords(Message):
    """Take the case's present words as this moved note's quote (`m` in the Notes pane)."""

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        super().__init__()


class ReviewChanged(Message):
    """The review of `document` changed in memory (a screen to the app, which journals it)."""

    def __init__(self, document: object) -> None:
        self.document = document
        super().__init__()


class DocumentChanged(Message):
    """The review under a screen changed outside it (reloaded, restored, saved): the app to the screen."""


class LeaveCase(Message):
    """Escape with nothing left to clear on a case's screen: back to where it was opened from (the library)."""


class ShowPlace(Message):
    """Show a place of the case in the pane that shows its kind (`enter` on a checklist item: its section)."""

    def __init__(self, place: Place) -> None:
        self.place = place
        super().__init__()


class ChangeReview(Message):
    """A pane asks for one change to checklist answers or the complete mark (never to a note).

    `change` is applied by the screen to its session, which makes it one undoable step; it
    returns whether anything changed.
    """

    def __init__(self, change: Callable[[ReviewSession], object]) -> None:
        self.change = change
        super().__init__()


class EditItemNote(Message):
    """Open the editor on a checklist item's own note (the Appraisal pane's `a`)."""

    def __init__(self, definition: ChecklistDefinition, item: str, target: AdverseEffect | None, heading: str) -> None:
        self.definition = definition
        self.item = item
        self.target = target
        self.heading = heading
        super().__init__()


class TieItem(Message):
    """Tie a checklist item to the text selected in the reader: a note on the item that quotes it."""

    def __init__(self, target_id: str, heading: str) -> None:
        self.target_id = target_id
        self.heading = heading
        super().__init__()


class StartAssessment(Message):
    """Start (or open) a per-effect assessment of a medication row (`o` in the Medications pane)."""

    def __init__(self, medication_id: str) -> None:
        self.medication_id = medication_id
        super().__init__()
