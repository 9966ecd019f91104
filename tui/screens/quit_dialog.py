"""Asked on quit with unsaved changes: save and quit, discard and quit, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import bindings

QuitChoice = Literal["save", "discard", "stay"]


class QuitDialog(ModalScreen[QuitChoice]):
    """`s` save and quit, `d` discard and quit, `escape` stay."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("quit")

    def __init__(self, unsaved: int = 1, *, drafts: int = 0) -> None:
        super().__init__()
        self._unsaved = unsaved
        self._drafts = drafts

    def compose(self) -> ComposeResult:
        if self._drafts and not self._unsaved:
            question = "You are writing a note that is not in the review yet."
        elif self._drafts:
            question = "You are writing a note; the review has unsaved changes."
        elif self._unsaved == 1:
            question = "The review has unsaved changes."
        else:
            question = f"{self._unsaved} reviews have unsaved changes."
        with Vertical(id="quit-dialog"):
            yield Static(question, id="quit-question")
            keep = "keep the note, save and quit" if self._drafts else "save and quit"
            yield Static(f"s  {keep}\nd  discard changes and quit\nescape  stay", id="quit-choices")

    def action_choose(self, choice: QuitChoice) -> None:
        self.dismiss(choice)
