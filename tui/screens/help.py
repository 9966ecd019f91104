"""The help screen: every binding, grouped by where it applies, built from the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.bindings_catalog import bindings_of, help_contexts


class HelpScreen(ModalScreen[None]):
    """Lists every key; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="help.up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys  (escape closes)", style="bold"), id="help-title")
            for title, node_class in help_contexts():
                yield Static(self._table(title, node_class), classes="help-context")

    def _table(self, title: str, node_class: type) -> Table:
        table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("does")
        rows = bindings_of(node_class)
        if title == "Everywhere":
            palette = self.app.COMMAND_PALETTE_BINDING
            table.add_row(self.app.get_key_display(Binding(palette, "")), "Command palette")
        for bound in rows:
            keys = ", ".join(self.app.get_key_display(Binding(key, "")) for key in bound.keys)
            table.add_row(Text(keys), Text(bound.description))
        return table

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up(animate=False)
