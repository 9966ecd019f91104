"""The top line: which case is open and whose."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.model import CaseRecord
from tui.widgets.plain import plain_line


class CaseHeader(Static):
    """Case title on the first line, patient summary on the second."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        title = plain_line(case.title, style="bold")
        summary = plain_line(case.patient.summary)
        super().__init__(Text("\n").join([title, summary]), id=id)
