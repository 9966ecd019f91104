"""The first screen: title, section list, the selected section's text; q quits."""

from __future__ import annotations

from textual.widgets import Static

from tests.conftest import SEED_CASE
from tui.app import CaseReviewApp
from tui.store import read_case
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader


def _reader_text(app: CaseReviewApp) -> str:
    return str(app.screen.query_one("#section-text", Static).render())


async def test_opens_on_the_first_section_with_text() -> None:
    case = read_case(SEED_CASE)
    app = CaseReviewApp(case)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#case-title", Static).render())
        assert title.startswith("Clonazepam for pain due to muscle spasm")
        assert "44-year-old male" in str(app.screen.query_one("#patient-summary", Static).render())
        assert app.screen.query_one(SectionReader).section_id == "abstract-background"
        assert _reader_text(app).startswith("Background\n\nVertebral compression fractures can cause")


async def test_navigator_lists_every_section_and_moving_changes_the_text() -> None:
    case = read_case(SEED_CASE)
    app = CaseReviewApp(case)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        navigator = app.screen.query_one(SectionNavigator)
        labels = [navigator.get_node_at_line(n).label.plain for n in range(navigator.last_line + 1)]  # type: ignore[union-attr]
        assert labels == [
            "Abstract", "Background", "Case presentation", "Conclusion",
            "Background", "Case presentation", "Discussion", "Conclusions",
        ]
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        assert app.screen.query_one(SectionReader).section_id == "case-presentation"
        assert "We prescribed clonazepam 0.5 mg/day" in _reader_text(app)


async def test_q_quits() -> None:
    app = CaseReviewApp(read_case(SEED_CASE))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
