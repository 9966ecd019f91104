"""The help screen: every action of the catalogue, grouped by where it applies, with the user's keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import CATALOGUE, Context, bindings
from tui.keymap import effective_keys
from tui.screens.review.panes import PANES


def context_title(context: Context, keymap: Mapping[str, str]) -> str:
    """A context's heading; a pane's keys are headed by the pane's title and the key that shows it."""
    pane = PANES.for_context(context.id)
    if pane is None:
        return context.title
    keys = effective_keys(pane.action, keymap)
    return f"{pane.title} ({keys[0]})" if keys else pane.title


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("help")

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys  (escape closes)", style="bold"), id="help-title")
            for context in CATALOGUE.contexts():
                if context.in_help and CATALOGUE.in_context(context.id):
                    yield Static(self._table(context), classes="help-context")

    def _keys(self, keys: list[str]) -> str:
        return ", ".join(self.app.get_key_display(Binding(key, "")) for key in keys)

    def _table(self, context: Context) -> Table:
        title = context_title(context, self._keymap)
        table = Table(
            title=title,
            title_justify="left",
            caption=context.note or None,
            caption_justify="left",
            show_header=False,
            box=None,
            padding=(0, 2, 0, 0),
        )
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("does")
        if context.id == "app":
            table.add_row(self._keys([self.app.COMMAND_PALETTE_BINDING]), "Command palette")
        for action in CATALOGUE.in_context(context.id):
            table.add_row(Text(self._keys(effective_keys(action, self._keymap))), Text(action.description))
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up(animate=False)
