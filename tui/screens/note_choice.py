"""Asked when `e` or `d` finds several notes at one place: which one.

A sentence may carry a comment and a question; acting on the older one without asking
edited or deleted the wrong note. The list names each note by kind, status and its first
words (stored text, shown as plain text).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.actions import bindings
from tui.model.review import Annotation
from tui.widgets.plain import plain_line

PREVIEW_CELLS = 60


def note_choice_label(note: Annotation) -> Text:
    """One line per note: "question (open): Which dose ..."."""
    label = Text(f"{note.kind} ({note.status}): ", style="bold")
    body = " ".join(note.body.split()) or "(no text)"
    label.append_text(plain_line(body[:PREVIEW_CELLS] + ("…" if len(body) > PREVIEW_CELLS else "")))
    return label


class NoteChoice(ModalScreen[int | None]):
    """The notes at one place; `enter` takes the highlighted one, `escape` none."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("choice")

    def __init__(self, verb: str, notes: list[Annotation]) -> None:
        super().__init__()
        self._verb = verb
        self._notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="note-choice"):
            yield Static(f"{len(self._notes)} notes here: which one to {self._verb}?", id="note-choice-question")
            yield OptionList(*(Option(note_choice_label(note)) for note in self._notes), id="note-choice-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
