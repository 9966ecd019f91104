"""A short list to choose one entry from (which adverse effect of a row to assess): `enter` picks, `escape` leaves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.actions import bindings
from tui.widgets.plain import plain_line


class ChoiceDialog(ModalScreen[int | None]):
    """Dismisses with the index of the chosen entry, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("choice")  # the keys of every choice: escape cancels

    def __init__(self, question: str, choices: Sequence[str]) -> None:
        super().__init__()
        self._question = question
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-dialog"):
            yield Static(plain_line(self._question), id="choice-question")
            yield OptionList(*(Option(plain_line(choice)) for choice in self._choices), id="choice-list")
            yield Static("enter  choose    escape  cancel", id="choice-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
