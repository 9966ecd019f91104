"""Messages widgets and screens send up (and the app sends down); widgets never act on each other directly."""

from __future__ import annotations

from textual.message import Message

from tui.model.review import Annotation


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
