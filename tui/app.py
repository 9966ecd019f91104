"""The Textual application: global bindings and the screen it opens on."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tui.model import CaseRecord
from tui.screens.review import ReviewScreen


class CaseReviewApp(App[None]):
    """Opens one case for review."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "case-review"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, case: CaseRecord, *, case_path: Path | None = None) -> None:
        super().__init__()
        self.case = case
        self.case_path = case_path

    def get_default_screen(self) -> ReviewScreen:
        return ReviewScreen(self.case)
