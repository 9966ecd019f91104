"""How a table row shows that it carries annotations: a pencil and a count."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

NOTES_COLUMN = "notes"


def notes_cell(count: int) -> Text:
    """`✎2` for a row with two annotations, blank for none."""
    return Text(f"✎{count}" if count else "", style="bold")


def mark_rows(table: DataTable[Text], counts: dict[str, int], row_ids: list[str]) -> None:
    """Update the notes column of every row from `counts` (row id -> annotations)."""
    for row_id in row_ids:
        try:
            table.update_cell(row_id, NOTES_COLUMN, notes_cell(counts.get(row_id, 0)))
        except CellDoesNotExist:
            continue
