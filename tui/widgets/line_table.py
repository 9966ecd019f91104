"""A table drawn line by line: only the rows on screen are built, however many the table holds.

Textual's `DataTable` keeps and measures every cell: a timeline of 500 events by 1,000 drug
columns was half a million cells, seconds to build and hundreds of megabytes. Here a row's
cells come from a function, asked only for the rows drawn (and once over all rows to size a
column that takes its width from its content), so building a table costs its row count and
drawing it costs the screen. The medication, pain, timeline and notes tables are all this one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.actions import bindings
from tui.widgets.column_fit import fit_widths

CellsOf = Callable[[int], Sequence[Text]]
"""The cells of row `n`, one per column, as the table should draw them."""

CELL_PADDING = 1
MAX_MEASURED_WIDTH = 40
"""A column sized to its content grows to this at most; the detail area under a table shows cells whole."""
MIN_SHRUNK_WIDTH = 10
"""A column narrowed to fit keeps this many cells, enough to recognise its words; when even
that does not fit, the table scrolls sideways rather than show columns of two letters."""
_CACHE_ROWS = 256


@dataclass(frozen=True, slots=True)
class TableColumn:
    key: str
    title: str
    width: int | None = None
    """The width it asks for; None: its widest cell's (measured once per set of rows)."""
    fixed: bool = False
    """Never narrowed to fit the screen (a column of bars drawn to scale); others shrink, cells end in an ellipsis."""


class LineTable(ScrollView, can_focus=True):
    """A header, then rows under a row cursor; `enter` and a click select the row under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("table")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header",
        "line-table--cursor",
        "line-table--even-row",
    }

    class RowHighlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, table: LineTable, row: int, key: str) -> None:
            self.table = table
            self.cursor_row = row
            self.row_key = key
            super().__init__()

        @property
        def control(self) -> LineTable:
            return self.table

    class RowSelected(RowHighlighted):
        """The row under the cursor was chosen (a click)."""

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = True) -> None:  # noqa: A002
        super().__init__(id=id)
        self.zebra_stripes = zebra_stripes
        self.cursor_row = 0
        self._columns: list[TableColumn] = []
        self._widths: list[int] = []
        self._natural: list[int] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._cells_of: CellsOf = lambda _row: ()
        self._cache: dict[int, Sequence[Text]] = {}

    # ---- content -----------------------------------------------------------------------

    def set_table(
        self, columns: Sequence[TableColumn], keys: Sequence[str], cells_of: CellsOf, *, same_rows: bool = False
    ) -> None:
        """Show rows with these keys, their cells from `cells_of`; the cursor stays on its row if it is still there.

        `same_rows` says the rows are those shown before, in another order (a sort): the
        columns' content widths are kept instead of measured again over every row.
        """
        current = self.row_key_at_cursor()
        keep = same_rows and len(columns) == len(self._natural)
        self._columns = list(columns)
        self._keys = list(keys)
        self._index = {key: row for row, key in enumerate(self._keys)}
        self._cells_of = cells_of
        self._cache.clear()
        if keep:
            self._natural = [
                max(width, cell_len(column.title)) if column.width is None else column.width
                for width, column in zip(self._natural, self._columns, strict=True)
            ]
        else:
            self._natural = self._measure()
        self._fit_columns()
        row = self._index.get(current, self.cursor_row) if current is not None else self.cursor_row
        self.cursor_row = -1  # so that the move below announces the row under the cursor
        self.move_cursor(row=max(0, min(row, len(self._keys) - 1)))
        self.refresh()

    def _measure(self) -> list[int]:
        """Each column's width: given, or its widest cell, all measured in one pass over the rows.

        Measuring column by column built every row once a column, through a cache smaller than
        the table: a thousand rows cost four thousand rows of cells.
        """
        widths = [column.width if column.width is not None else cell_len(column.title) for column in self._columns]
        measured = [i for i, column in enumerate(self._columns) if column.width is None]
        if measured:
            for row in range(len(self._keys)):
                cells = self._cells_of(row)  # once a row for every column, not through the cache
                for i in measured:
                    widths[i] = max(widths[i], cell_len(cells[i].plain))
        return [
            width if column.width is not None else min(width, MAX_MEASURED_WIDTH)
            for width, column in zip(widths, self._columns, strict=True)
        ]

    def _fit_columns(self) -> None:
        """Narrow the widest columns so the table fits the width it has (fixed columns keep theirs)."""
        padding = 2 * CELL_PADDING * len(self._columns)
        available = max(0, self.scrollable_content_region.width - padding) if self.is_mounted else 0
        if available <= 0:
            self._widths = list(self._natural)
        else:
            floors = [
                width if column.fixed else min(width, MIN_SHRUNK_WIDTH)
                for width, column in zip(self._natural, self._columns, strict=True)
            ]
            self._widths = fit_widths(self._natural, floors, available)
        self.virtual_size = Size(self._line_width(), len(self._keys) + 1)

    def _line_width(self) -> int:
        return sum(width + 2 * CELL_PADDING for width in self._widths)

    def refresh_rows(self) -> None:
        """The rows' cells changed (note counts): draw them again."""
        self._cache.clear()
        self.refresh()

    def _cells(self, row: int) -> Sequence[Text]:
        cells = self._cache.get(row)
        if cells is None:
            if len(self._cache) >= _CACHE_ROWS:
                self._cache.clear()
            cells = self._cache[row] = self._cells_of(row)
        return cells

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def row_keys(self) -> list[str]:
        return list(self._keys)

    def row_key_at_cursor(self) -> str | None:
        return self._keys[self.cursor_row] if 0 <= self.cursor_row < len(self._keys) else None

    def get_row_index(self, key: str) -> int | None:
        return self._index.get(key)

    def get_row_at(self, row: int) -> list[Text]:
        return list(self._cells(row))

    def get_cell(self, key: str, column_key: str) -> Text:
        position = next(i for i, column in enumerate(self._columns) if column.key == column_key)
        return self._cells(self._index[key])[position]

    def column_width(self, column_key: str) -> int:
        return self._widths[next(i for i, column in enumerate(self._columns) if column.key == column_key)]

    # ---- the cursor ----------------------------------------------------------------------

    def move_cursor(self, *, row: int) -> None:
        """Put the cursor on `row` (clamped), keep it in view, and say so when it moved."""
        row = max(0, min(row, len(self._keys) - 1)) if self._keys else 0
        moved = row != self.cursor_row
        previous, self.cursor_row = self.cursor_row, row
        if not self._keys:
            return
        self._scroll_to_cursor()
        self._refresh_row(previous)
        self._refresh_row(row)
        if moved:
            self.post_message(self.RowHighlighted(self, row, self._keys[row]))

    def select_row(self, key: str) -> None:
        """Move the cursor to the row with this key; an unknown key leaves it where it is."""
        row = self._index.get(key)
        if row is not None:
            self.move_cursor(row=row)

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._visible_rows():
            self.scroll_to(y=self.cursor_row - self._visible_rows() + 1, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.refresh_line(row + 1)  # in the virtual space: the header is line 0

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=len(self._keys) - 1)

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor_row + self._visible_rows())

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor_row - self._visible_rows())

    def action_cursor_right(self) -> None:
        self.scroll_to(x=self.scroll_offset.x + 8, animate=False)

    def action_cursor_left(self) -> None:
        self.scroll_to(x=max(0, self.scroll_offset.x - 8), animate=False)

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_offset.y) + event.y - 1
        if event.y >= 1 and 0 <= row < len(self._keys):
            self.move_cursor(row=row)
            self.post_message(self.RowSelected(self, row, self._keys[row]))

    def on_resize(self) -> None:
        widths = self._widths
        self._fit_columns()
        if widths != self._widths:
            # A layout too: fitted columns may drop the sideways scrollbar, and with it a row of an auto-height table.
            self.refresh(layout=True)
        self._scroll_to_cursor()

    # ---- drawing --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        width = self.size.width
        if y == 0:
            header = self.get_component_rich_style("line-table--header")
            line = self._line([Text(column.title) for column in self._columns], base + header)
        else:
            row = round(self.scroll_offset.y) + y - 1
            if not 0 <= row < len(self._keys):
                return Strip.blank(width, base)
            style = base
            if self.zebra_stripes and row % 2:
                style += self.get_component_rich_style("line-table--even-row")
            if row == self.cursor_row:
                style += self.get_component_rich_style("line-table--cursor")
            line = self._line(self._cells(row), style)
        scroll_x = round(self.scroll_offset.x)
        return line.crop_extend(scroll_x, scroll_x + width, base)

    def _line(self, cells: Sequence[Text], style: Style) -> Strip:
        segments: list[Segment] = []
        pad = Segment(" " * CELL_PADDING, style)
        for cell, width in zip(cells, self._widths, strict=False):
            text = cell.copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            segments.append(pad)
            segments.extend(
                Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)
            )
            segments.append(pad)
        return Strip(segments)
