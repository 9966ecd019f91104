"""A table read row by row: the base of the medication, pain, timeline and notes tables.

DataTable's own `home` and `end` scroll the view sideways and leave the highlighted row (and
the detail shown for it) where it was; in these tables the row is what the reader follows,
so `home`/`g` and `end`/`G` move the cursor to the first and last row, as in the reader.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from tui.actions import bindings


class RowTable(DataTable[Text]):
    """A DataTable whose cursor is a row and whose first/last keys move that row."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("table")

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def row_key_at_cursor(self) -> str | None:
        """The key (a record id) of the highlighted row, or None in an empty table."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0)).row_key.value)

    def select_row(self, key: str) -> None:
        """Move the cursor to the row with this key; an unknown key leaves it where it is."""
        with contextlib.suppress(RowDoesNotExist):
            self.move_cursor(row=self.get_row_index(key))
