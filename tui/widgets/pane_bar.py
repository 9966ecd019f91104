"""The row of pane names with their number keys; the current pane stands out.

The bar shares its row with the review status, and a narrow terminal has room for
neither in full. So the bar writes the longest form of its labels that fits its width
(full names, then short names, then only the current pane's name), and below
`STACK_BELOW` columns it asks the row to put the status on a line of its own, where
the path of the review file is not cut.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import Static

PANES: tuple[tuple[str, str, str], ...] = (
    ("1", "sections", "Sections"),
    ("2", "medications", "Medications"),
    ("3", "pain", "Pain"),
    ("4", "timeline", "Timeline"),
    ("6", "notes", "Notes"),
)
"""(key, pane name, title). Key 5 is kept for the Appraisal pane."""

SHORT_TITLES: dict[str, str] = {
    "sections": "Text",
    "medications": "Meds",
    "pain": "Pain",
    "timeline": "Time",
    "notes": "Notes",
}
"""Labels for a bar too narrow for the full titles; the current pane keeps its full title."""

STACK_BELOW = 100
"""Row widths (columns) under which the status goes below the bar instead of beside it."""

STACKED_CLASS = "-stacked"
"""Class set on the bar's row while it is stacked; the layout itself is in app.tcss."""


def render_bar(current: str, width: int) -> Text:
    """The widest form of the bar that fits `width` columns, the current pane highlighted.

    Tried in order: full titles with gaps; full titles tight; short titles (the current
    one full); key numbers only, with the current pane's title. The last form always
    names the current pane, so switching panes changes what the bar says at any width.
    """
    forms = (
        [(key, title, " ") for key, _name, title in PANES],
        [(key, title, "") for key, _name, title in PANES],
        [(key, title if name == current else SHORT_TITLES[name], "") for key, name, title in PANES],
        [(key, title if name == current else "", "") for key, name, title in PANES],
    )
    text = Text()
    for form in forms:
        text = Text()
        for index, ((key, title, gap), (_key, name, _title)) in enumerate(zip(form, PANES, strict=True)):
            if index:
                text.append(gap)
            label = f" {key} {title} " if title else f" {key} "
            text.append(label, style="reverse bold" if name == current else "")
        if text.cell_len <= width:
            break
    return text


class PaneBar(Static):
    """`1 Sections  2 Medications  3 Pain  4 Timeline  6 Notes`, current pane highlighted."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.current = "sections"

    def show_current(self, current: str) -> None:
        """Highlight the pane now shown."""
        self.current = current
        self._render_bar()

    def _render_bar(self) -> None:
        # Before the first layout the width is 0: render the full form, the resize re-renders it.
        self.update(render_bar(self.current, self.size.width or 10_000))

    def on_resize(self, _event: events.Resize) -> None:
        # The row's width changes whenever ours does (beside the status or above it), so this
        # is where a change of terminal width reaches the row's layout.
        row = self.parent
        if isinstance(row, Widget):
            row.set_class(row.size.width < STACK_BELOW, STACKED_CLASS)
        self._render_bar()
