"""Helpers for driving the review app in tests: build it, read what the screen shows."""

from __future__ import annotations

import tempfile
from pathlib import Path

from textual.widgets import ContentSwitcher, Static

from tests.conftest import SEED_CASE
from tui.app import CaseReviewApp, new_review
from tui.model.review_session import ReviewSession, open_session
from tui.screens.review import ReviewScreen
from tui.store import read_case
from tui.store.review_file import file_sha256, read_review
from tui.widgets.section_reader import SectionReader


def make_app(
    case_path: Path = SEED_CASE, theme: str | None = "case-review-dark", review_path: Path | None = None
) -> CaseReviewApp:
    """The app on a case, with its review (read when the file exists) saved to `review_path`.

    Without `review_path` the review goes to a fresh temporary folder, never beside the case.
    """
    case = read_case(case_path)
    review_path = review_path or Path(tempfile.mkdtemp()) / "test.review.toml"
    if review_path.exists():
        session = open_session(case, file_sha256(case_path), read_review(review_path, case))
    else:
        session = ReviewSession(new_review(case, file_sha256(case_path), "tester"))
    return CaseReviewApp(case, case_path=case_path, theme=theme, session=session, review_path=review_path,
                         reviewer="tester")


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
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())  # noqa: SLF001


def reader_visible_text(app: CaseReviewApp) -> str:
    """What the reader shows, its wrapped lines joined back into one string."""
    view = reader(app)
    lines = [view.render_line(y).text.strip() for y in range(view.size.height)]
    return " ".join(line for line in lines if line)
