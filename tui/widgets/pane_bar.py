"""The row of pane names with their number keys; the current pane stands out."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

PANES: tuple[tuple[str, str, str], ...] = (
    ("1", "sections", "Sections"),
    ("2", "medications", "Medications"),
    ("3", "pain", "Pain"),
    ("4", "timeline", "Timeline"),
    ("6", "notes", "Notes"),
)
"""(key, pane name, title). Key 5 is kept for the Appraisal pane."""


class PaneBar(Static):
    """`1 Sections  2 Medications  3 Pain  4 Timeline  6 Notes`, current pane highlighted."""

    def show_current(self, current: str) -> None:
        text = Text()
        for key, name, title in PANES:
            style = "reverse bold" if name == current else ""
            text.append(f" {key} {title} ", style=style)
            text.append(" ")
        self.update(text)
