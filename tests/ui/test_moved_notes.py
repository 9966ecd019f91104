"""A note whose words were edited in the case shows as moved in the Notes pane, old words beside new; `m` accepts."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.cli.test_validate_placements import _case_and_review
from tests.review_helpers import make_app, reader, review_screen
from tests.unit.test_fuzzy_reanchoring import EDITED, PHRASE
from tui.store import read_case
from tui.store.review_file import read_review
from tui.widgets.notes_pane import NotesTable


async def test_the_notes_pane_shows_moved_and_m_accepts_the_new_words(tmp_path: Path) -> None:
    case_path, review_path = _case_and_review(tmp_path, delete=True)
    app = make_app(case_path, review_path=review_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        screen = review_screen(app)
        table = screen.query_one(NotesTable)
        assert isinstance(app.focused, NotesTable)
        moved = next(row for row in table.rows_shown if row.annotation.id == "a-0000001moved1")
        assert moved.moved and moved.new_words == EDITED
        count = str(screen.query_one("#notes-count", Static).render())
        assert count == "3 of 3 notes, 1 orphaned, 1 moved"
        table.move_cursor(row=table.rows_shown.index(moved))
        await pilot.pause()
        assert str(table.get_row_at(table.cursor_row)[0]).startswith("↻ moved: Case presentation")
        detail = str(screen.query_one("#notes-detail", Static).render())
        assert "on ↻ moved: Case presentation" in detail
        assert f"“{PHRASE}”" in detail and f"“{EDITED}”" in detail, "the old words beside the new"

        await pilot.press("m")
        await pilot.pause()
        accepted = next(row for row in table.rows_shown if row.annotation.id == "a-0000001moved1")
        assert not accepted.moved and accepted.annotation.quote == EDITED
        assert str(screen.query_one("#notes-count", Static).render()) == "3 of 3 notes, 1 orphaned"

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert str(screen.query_one("#notes-count", Static).render()) == "3 of 3 notes, 1 orphaned, 1 moved"
        await pilot.press("enter")
        await pilot.pause()
        view = reader(app)
        assert EDITED in [view.text[start:end] for start, end in view.annotated], "the reader marks the new words"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_review(review_path, read_case(case_path))
    assert [a.quote for a in saved.annotations if a.id == "a-0000001moved1"] == [PHRASE], "saving keeps the old quote"
