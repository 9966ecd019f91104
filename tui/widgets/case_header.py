"""The top lines: which case is open, and the patient at a glance."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.model import CaseRecord
from tui.widgets.annotation_marks import FLAG
from tui.widgets.plain import plain_line


class CaseHeader(Vertical):
    """Case title on the first line, patient summary on the second, each cut with an ellipsis."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        yield Static(plain_line(self._case.title), id="case-title")
        yield Static(plain_line(self._case.patient.summary), id="patient-summary")
        if flagged := import_flags(self._case):
            yield Static(flagged, id="import-flags")


def import_flags(case: CaseRecord) -> Text | None:
    """One line for an imported record with doubts: how many rows are flagged, and its import notes.

    The importer never invents a value; what it was unsure of it flags. A reviewer must see
    that before trusting the tables, so the line stays on screen above every pane.
    """
    rows = case.flagged_rows()
    if not rows and not case.import_notes:
        return None
    line = Text(f"{FLAG} Imported: ", style="bold")
    line.append(f"{rows} row{'s' if rows != 1 else ''} flagged ({FLAG} in the tables) to check against the report")
    if case.import_notes:
        count = len(case.import_notes)
        line.append(f"; {count} import note{'s' if count != 1 else ''}: ")
        line.append_text(plain_line(" · ".join(case.import_notes)))
    return line
