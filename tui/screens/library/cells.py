"""How a library row and a search hit read as table cells: every string from a file made plain."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.model.library import CaseSummary, SearchHit, SortKey
from tui.widgets.line_table import TableColumn
from tui.widgets.plain import plain_line

CASE_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("title", "Title", 34, fixed=True),
    TableColumn("year", "Year", 4, fixed=True),
    TableColumn("author", "First author", 12),
    TableColumn("patient", "Patient", 24),
    TableColumn("notes", "Notes by reviewer", 17),
    TableColumn("open", "Open", 4, fixed=True),
    TableColumn("answered", "Items", 5, fixed=True),
    TableColumn("complete", "Done", 4, fixed=True),
    TableColumn("reviewed", "Reviewed", 10, fixed=True),
)
"""Widths given: a column sized to its content would read every row before the first is drawn. The title
and the short columns keep theirs on a narrow screen; author, patient and notes give way first."""

HIT_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("title", "Case", 26),
    TableColumn("where", "Where", 18),
    TableColumn("context", "In context", 90),
)

SORT_COLUMN: dict[SortKey, str] = {
    "title": "title",
    "year": "year",
    "author": "author",
    "patient": "patient",
    "notes": "notes",
    "open": "open",
    "answered": "answered",
    "complete": "complete",
    "reviewed": "reviewed",
}


def case_cells(row: CaseSummary) -> Sequence[Text]:
    """A case's row; a broken case shows its error where the patient would be."""
    if row.error is not None:
        return (
            plain_line(row.title, "bold"),
            Text(""),
            Text(""),
            plain_line(f"broken: {row.short_error}", "red"),
            Text(""),
            Text(""),
            Text(""),
            Text(""),
            Text(""),
        )
    style = "dim" if not row.read else ""
    return (
        plain_line(row.title, style),
        Text(str(row.year) if row.year is not None else ""),
        plain_line(row.author),
        plain_line(row.patient),
        plain_line(row.notes_by_reviewer()),
        Text(str(row.open_notes) if row.reviews else "", justify="right"),
        Text(str(row.answered) if row.answered else "", justify="right"),
        Text("yes" if row.complete else ""),
        Text(row.last_reviewed[:10]),
    )


def hit_cells(hit: SearchHit) -> Sequence[Text]:
    """A hit: its case, where it is (a section, or whose note), the words around it with the match marked."""
    where = f"note by {hit.reviewer}" if hit.kind == "note" else ("title" if hit.kind == "title" else hit.label)
    context = plain_line(hit.snippet)
    for start, end in hit.marks:
        context.stylize("bold reverse", start, end)
    return (plain_line(hit.title), plain_line(where), context)
