"""The row of pane names with their number keys; the current pane stands out."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

PANES: tuple[tuple[str, str], ...] = (
    ("sections", "Sections"),
    ("medications", "Medications"),
    ("pain", "Pain"),
    ("timeline", "Timeline"),
)


class PaneBar(Static):
    """`1 Sections  2 Medications  3 Pain  4 Timeline`, current pane highlighted."""

    def show_current(self, current: str) -> None:
        text = Text()
        for number, (key, title) in enumerate(PANES, start=1):
            style = "reverse bold" if key == current else ""
            text.append(f" {number} {title} ", style=style)
            text.append(" ")
        self.update(text)
