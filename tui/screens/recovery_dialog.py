"""Offered at start when unsaved work from an earlier run was found."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import bindings
from tui.widgets.plain import plain

RecoveryChoice = Literal["restore", "discard"]


class RecoveryDialog(ModalScreen[RecoveryChoice]):
    """`enter` restores the unsaved notes, `d` discards them."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("recovery")

    def __init__(self, summary: str) -> None:
        super().__init__()
        self._summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(id="recovery-dialog"):
            yield Static("Unsaved work from an earlier session was found.", id="recovery-question")
            yield Static(plain(self._summary), id="recovery-summary")
            yield Static("enter  restore it (then ctrl+s to save)\nd      discard it", id="recovery-choices")

    def action_choose(self, choice: RecoveryChoice) -> None:
        self.dismiss(choice)
