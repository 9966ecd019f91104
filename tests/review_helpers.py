"""Helpers for driving the review app in tests: build it, read what the screen shows."""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.widgets import ContentSwitcher, Static

from tests.conftest import SEED_CASE
from tui.app import CaseReviewApp
from tui.screens.review.screen import ReviewScreen
from tui.widgets.section_reader import SectionReader
from tui.workspace import ReviewDocument


def open_document(case_path: Path = SEED_CASE, review_path: Path | None = None) -> ReviewDocument:
    """The case with the tester's review, read when the file exists; a fresh temporary file otherwise."""
    review_path = review_path or Path(tempfile.mkdtemp()) / "test.review.toml"
    return ReviewDocument.open(case_path, reviewer="tester", review_path=review_path)


def make_app(
    case_path: Path = SEED_CASE, theme: str | None = "case-review-dark", review_path: Path | None = None
) -> CaseReviewApp:
    """The app on a case, opened as the command line opens it, its review saved to `review_path`.

    Without `review_path` the review goes to a fresh temporary folder, never beside the case.
    """
    return CaseReviewApp(open_document(case_path, review_path), theme=theme)


def review_screen(app: CaseReviewApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def reader(app: CaseReviewApp) -> SectionReader:
    return review_screen(app).query_one(SectionReader)


def current_pane(app: CaseReviewApp) -> str | None:
    return review_screen(app).query_one(ContentSwitcher).current


def status_line(app: CaseReviewApp) -> str:
    return str(review_screen(app).query_one("#status-line", Static).render())


def screen_text(app: CaseReviewApp) -> str:
    """Every character on the screen, as a user would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def reader_visible_text(app: CaseReviewApp) -> str:
    """What the reader shows, its wrapped lines joined back into one string."""
    view = reader(app)
    lines = [view.render_line(y).text.strip() for y in range(view.size.height)]
    return " ".join(line for line in lines if line)
