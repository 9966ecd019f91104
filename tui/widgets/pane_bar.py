"""The row of pane names with their number keys; the current pane stands out.

The bar shares its row with the review status, and a narrow terminal has room for
neither in full. So the bar writes the longest form of its labels that fits its width
(full names, then short names, then only the current pane's name), and below
`STACK_BELOW` columns it asks the row to put the status on a line of its own, where
the path of the review file is not cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import Static

from tui.widgets.plain import plain_line


@dataclass(frozen=True, slots=True)
class PaneLabel:
    """How the bar names one pane: the key that shows it, its name, its title and its short title."""

    key: str
    name: str
    title: str
    short_title: str


STACK_BELOW = 100
"""Row widths (columns) under which the status goes below the bar instead of beside it."""

STACKED_CLASS = "-stacked"
"""Class set on the bar's row while it is stacked; the layout itself is in app.tcss."""


def render_bar(panes: Sequence[PaneLabel], current: str, width: int) -> Text:
    """The widest form of the bar that fits `width` columns, the current pane highlighted.

    Tried in order: full titles with gaps; full titles tight; short titles (the current
    one full); key numbers only, with the current pane's title. The last form always
    names the current pane, so switching panes changes what the bar says at any width.
    """
    forms = (
        [(pane.title, " ") for pane in panes],
        [(pane.title, "") for pane in panes],
        [(pane.title if pane.name == current else pane.short_title, "") for pane in panes],
        [(pane.title if pane.name == current else "", "") for pane in panes],
    )
    text = Text()
    for form in forms:
        text = Text()
        for index, ((title, gap), pane) in enumerate(zip(form, panes, strict=True)):
            if index:
                text.append(gap)
            label = f" {pane.key} {title} " if title else f" {pane.key} "
            text.append_text(plain_line(label, style="reverse bold" if pane.name == current else ""))
        if text.cell_len <= width:
            break
    return text


class PaneBar(Static):
    """`1 Sections  2 Medications  3 Pain  4 Timeline  6 Notes`: every registered pane, the current one highlighted."""

    def __init__(self, panes: Sequence[PaneLabel], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.panes = tuple(panes)
        self.current = panes[0].name if panes else ""

    def show_current(self, current: str) -> None:
        """Highlight the pane now shown."""
        self.current = current
        self._render_bar()

    def _render_bar(self) -> None:
        # Before the first layout the width is 0: render the full form, the resize re-renders it.
        self.update(render_bar(self.panes, self.current, self.size.width or 10_000))

    def on_resize(self, _event: events.Resize) -> None:
        # The row's width changes whenever ours does (beside the status or above it), so this
        # is where a change of terminal width reaches the row's layout.
        row = self.parent
        if isinstance(row, Widget):
            row.set_class(row.size.width < STACK_BELOW, STACKED_CLASS)
        self._render_bar()
