"""Asked on quit with unsaved changes: save and quit, discard and quit, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

QuitChoice = Literal["save", "discard", "stay"]


class QuitDialog(ModalScreen[QuitChoice]):
    """`s` save and quit, `d` discard and quit, `escape` stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "choose('save')", "Save and quit", id="quit.save"),
        Binding("d", "choose('discard')", "Discard and quit", id="quit.discard"),
        Binding("escape", "choose('stay')", "Stay", id="quit.stay"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog"):
            yield Static("The review has unsaved changes.", id="quit-question")
            yield Static("s  save and quit\nd  discard changes and quit\nescape  stay", id="quit-choices")

    def action_choose(self, choice: QuitChoice) -> None:
        self.dismiss(choice)
