"""The top lines: which case is open, and the patient at a glance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.model import CaseRecord
from tui.widgets.plain import plain_line


class CaseHeader(Vertical):
    """Case title on the first line, patient summary on the second, each cut with an ellipsis."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        yield Static(plain_line(self._case.title), id="case-title")
        yield Static(plain_line(self._case.patient.summary), id="patient-summary")
