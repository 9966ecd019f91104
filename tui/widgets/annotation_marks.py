"""How a table row shows that it carries annotations: a pencil and a count."""

from __future__ import annotations

from rich.text import Text

NOTES_COLUMN = "notes"


def notes_cell(count: int) -> Text:
    """`✎2` for a row with two annotations, blank for none."""
    return Text(f"✎{count}" if count else "", style="bold")
