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

    def __init__(self, unsaved: int = 1) -> None:
        super().__init__()
        self._unsaved = unsaved

    def compose(self) -> ComposeResult:
        question = (
            "The review has unsaved changes."
            if self._unsaved == 1
            else f"{self._unsaved} reviews have unsaved changes."
        )
        with Vertical(id="quit-dialog"):
            yield Static(question, id="quit-question")
            yield Static("s  save and quit\nd  discard changes and quit\nescape  stay", id="quit-choices")

    def action_choose(self, choice: QuitChoice) -> None:
        self.dismiss(choice)
