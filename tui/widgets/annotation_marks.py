"""How a table row shows what to look at: a flag when the importer was unsure, a pencil and a count of notes."""

from __future__ import annotations

from rich.text import Text

NOTES_COLUMN = "notes"
FLAG = "⚑"
"""Marks a row the importer flagged (`needs_review`): check it against the report's words."""


def notes_cell(count: int, *, flagged: bool = False) -> Text:
    """`⚑✎2` for a flagged row with two annotations, `✎2` unflagged, blank for neither."""
    cell = Text(FLAG if flagged else "", style="bold reverse")
    cell.append(f"✎{count}" if count else "", style="bold")
    return cell


def marks_width(flagged_rows: bool) -> int:
    """The marks column's width: room for the flag only when some row has one."""
    return 4 if flagged_rows else 3
