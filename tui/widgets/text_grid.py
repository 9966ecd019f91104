"""Short one-line entries side by side in as many columns as the width allows, row by row.

Rich's `Columns` lays entries out through a table, cell by cell, and Textual measures its
height by rendering it whole: a legend of 1,000 medications took over a second. Here every
column is as wide as the widest entry, so the layout is arithmetic: the height for a width is
`ceil(entries / columns)`, and only the rows in view are drawn.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

GAP = 3
"""Blank cells between two columns."""


def columns_for(entry_width: int, width: int, gap: int = GAP) -> int:
    """How many columns of `entry_width` cells fit in `width` (at least one)."""
    return max(1, (width + gap) // (entry_width + gap)) if entry_width > 0 else 1


def grid_lines(entries: list[Text], width: int, gap: int = GAP, widest: int | None = None) -> list[Text]:
    """The entries laid out row by row in equal columns; an entry wider than `width` is cut with an ellipsis."""
    if not entries:
        return []
    if widest is None:
        widest = max(cell_len(entry.plain) for entry in entries)
    entry_width = min(widest, max(1, width))
    per_row = columns_for(entry_width, width, gap)
    lines = []
    for start in range(0, len(entries), per_row):
        line = Text()
        for offset, entry in enumerate(entries[start : start + per_row]):
            if offset:
                line.append(" " * gap)
            cell = entry.copy()
            cell.truncate(entry_width, overflow="ellipsis", pad=offset < per_row - 1)
            line.append_text(cell)
        lines.append(line)
    return lines


class TextGrid(Widget):
    """A grid of one-line entries; with `height: auto` it is exactly the rows its width needs."""

    def __init__(self, entries: list[Text], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._entries = entries
        self._widest = max((cell_len(entry.plain) for entry in entries), default=0)

    @property
    def entries(self) -> list[Text]:
        return list(self._entries)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._entries:
            return 0
        per_row = columns_for(min(self._widest, max(1, width)), width)
        return -(-len(self._entries) // per_row)

    def render_line(self, y: int) -> Strip:
        """Row `y` only: of a thousand rows, the few in view are drawn."""
        base = self.rich_style
        width = self.content_region.width
        per_row = columns_for(min(self._widest, max(1, width)), width)
        row = self._entries[y * per_row : (y + 1) * per_row]
        if not row:
            return Strip.blank(width, base)
        line = grid_lines(row, width, widest=self._widest)[0]
        segments = [Segment(s.text, base + s.style if s.style else base) for s in line.render(self.app.console)]
        return Strip(segments).crop_extend(0, width, base)
