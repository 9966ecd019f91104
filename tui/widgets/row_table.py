"""A table read row by row: the base of the medication, pain, timeline and notes tables.

DataTable's own `home` and `end` scroll the view sideways and leave the highlighted row (and
the detail shown for it) where it was; in these tables the row is what the reader follows,
so `home`/`g` and `end`/`G` move the cursor to the first and last row, as in the reader.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class RowTable(DataTable[Text]):
    """A DataTable whose cursor is a row and whose first/last keys move that row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,g", "first_row", "First row", show=False, id="rows.first"),
        Binding("end,G", "last_row", "Last row", show=False, id="rows.last"),
    ]

    def action_first_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
