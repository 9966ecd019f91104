"""Review notes as CSV: one row per note, for a spreadsheet or an evidence-synthesis table.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
by spreadsheet programs, so a hostile case or note could run one when the file is opened.
Such cells get a leading apostrophe (the usual guard against CSV injection); everything else
is written as it is, control characters made visible, line breaks kept inside quoted cells.
"""

from __future__ import annotations

import csv
import io

from tui.export.notes import ReviewNotes
from tui.safe_text import sanitize_text

COLUMNS = (
    "number",
    "target",
    "target_id",
    "place",
    "orphan",
    "start",
    "end",
    "quote",
    "kind",
    "status",
    "tags",
    "body",
    "author",
    "created",
    "updated",
    "id",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text and never evaluates."""
    safe = sanitize_text(value)
    return "'" + safe if safe.startswith(_FORMULA_STARTS) else safe


def render_csv(notes: ReviewNotes) -> str:
    """A header row, then the notes in reading order, orphans last."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for note in notes.notes:
        a = note.annotation
        writer.writerow(
            [
                note.number,
                a.target,
                cell(a.target_id),
                cell(note.place),
                "yes" if note.orphan else "no",
                "" if a.start is None else a.start,
                "" if a.end is None else a.end,
                cell(a.quote or ""),
                a.kind,
                a.status,
                cell(" ".join(a.tags)),
                cell(a.body),
                cell(a.author),
                a.created.isoformat(),
                a.updated.isoformat(),
                a.id,
            ]
        )
    return out.getvalue()
