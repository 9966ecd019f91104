"""Saving over a review file that changed on disk asks first: reload, overwrite, or save as new."""

from __future__ import annotations

from pathlib import Path

from tests.review_helpers import make_app, screen_text
from tui.screens.conflict_dialog import ConflictDialog
from tui.store.review_file import read_review, write_review


async def _setup(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A saved review with one note; then 'someone else' rewrites the file with another note."""
    review_path = tmp_path / "c.review.toml"
    app = make_app(review_path=review_path)
    return app, review_path


async def _note(pilot, body: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a", *body, "ctrl+s")
    await pilot.pause()


def _someone_else_writes(review_path: Path, case, body: str) -> None:  # type: ignore[no-untyped-def]
    theirs = read_review(review_path, case)
    changed = theirs.annotations[0].model_copy(update={"body": body})
    write_review(review_path, theirs.model_copy(update={"annotations": [changed]}))


async def test_overwrite_with_mine(tmp_path: Path) -> None:
    app, review_path = await _setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "mine")
        await pilot.press("ctrl+s")
        _someone_else_writes(review_path, app.document.case, "theirs")
        await pilot.press("j")
        await _note(pilot, "mine too")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert [a.body for a in read_review(review_path, app.document.case).annotations] == ["theirs"], (
            "nothing written yet"
        )
        await pilot.press("o")
        await pilot.pause()
        assert sorted(a.body for a in read_review(review_path, app.document.case).annotations) == ["mine", "mine too"]
        assert not app.document.session.dirty


async def test_reload_theirs_keeps_mine_one_undo_away(tmp_path: Path) -> None:
    app, review_path = await _setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "mine")
        await pilot.press("ctrl+s")
        _someone_else_writes(review_path, app.document.case, "theirs")
        await _note(pilot, "unsaved")
        await pilot.press("ctrl+s", "r")
        await pilot.pause()
        assert [a.body for a in app.document.session.review.annotations] == ["theirs"]
        assert not app.document.session.dirty
        await pilot.press("ctrl+z")
        assert sorted(a.body for a in app.document.session.review.annotations) == ["mine", "unsaved"]
        assert [a.body for a in read_review(review_path, app.document.case).annotations] == ["theirs"]


async def test_save_as_new_file_leaves_theirs_untouched(tmp_path: Path) -> None:
    app, review_path = await _setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "mine")
        await pilot.press("ctrl+s")
        _someone_else_writes(review_path, app.document.case, "theirs")
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        new_path = tmp_path / "c-2.review.toml"
        assert app.document.review_path == new_path
        assert [a.body for a in read_review(new_path, app.document.case).annotations] == ["mine"]
        assert [a.body for a in read_review(review_path, app.document.case).annotations] == ["theirs"]
        assert "c-2.review.toml" in screen_text(app), "the status line names the new file"


async def test_escape_cancels_and_writes_nothing(tmp_path: Path) -> None:
    app, review_path = await _setup(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "mine")
        await pilot.press("ctrl+s")
        _someone_else_writes(review_path, app.document.case, "theirs")
        await _note(pilot, "more")
        await pilot.press("ctrl+s", "escape")
        await pilot.pause()
        assert [a.body for a in read_review(review_path, app.document.case).annotations] == ["theirs"]
        assert app.document.session.dirty
