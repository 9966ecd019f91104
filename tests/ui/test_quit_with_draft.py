"""Quitting while a note is being written asks first, and "save" keeps the note in what it saves."""

from __future__ import annotations

from pathlib import Path

from tests.review_helpers import make_app, screen_text
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.quit_dialog import QuitDialog
from tui.store.review_file import read_review


async def test_ctrl_q_with_a_draft_on_a_saved_review_asks_and_saves_the_draft(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"first", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the review is saved: nothing unsaved but the draft to come
        await pilot.pause()
        await pilot.press("j", "a", *"the draft")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuitDialog)
        assert "You are writing a note" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert sorted(a.body for a in read_review(review, app.document.case).annotations) == ["first", "the draft"]


async def test_save_and_quit_on_an_unsaved_review_includes_the_open_draft(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"unsaved", "ctrl+s")
        await pilot.pause()
        await pilot.press("j", "a", *"the draft")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert "You are writing a note; the review has unsaved changes." in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert sorted(a.body for a in read_review(review, app.document.case).annotations) == ["the draft", "unsaved"]


async def test_escape_in_the_question_goes_back_to_the_draft(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "r.review.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        assert app.screen.has_draft()


async def test_an_untouched_editor_does_not_stop_a_quit(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "r.review.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
