"""A save that cannot happen is a notification: the app keeps running, the notes stay in memory and in the journal.

Before, a folder in the review file's place or a file that could not be read ended the app
with a traceback (from the on-disk check, which caught only a missing file), and a
read-only review file was silently replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.review_helpers import make_app, screen_text
from tui.screens.conflict_dialog import ConflictDialog
from tui.store.journal import journals_of, read_journal
from tui.store.review_file import read_review


async def _note(pilot, body: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a", *body, "ctrl+s")
    await pilot.pause()


def _messages(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(n.message for n in app._notifications)


async def test_a_folder_where_the_review_was(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "kept")
        review.mkdir()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert "Not saved" in _messages(app) and "folder" in _messages(app)
        assert app.document.dirty and [a.body for a in app.document.session.review.annotations] == ["kept"]
        recovered, _warning = read_journal(review, app.document.case)
        assert recovered is not None and [a.body for a in recovered.annotations] == ["kept"]


async def test_a_review_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    review = tmp_path / "r.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "first")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await _note(pilot, "second")

        def unreadable(_path: Path) -> str:
            raise PermissionError(13, "Permission denied")

        # Root reads a mode-000 file anyway, so the refusal is made where the file is read.
        monkeypatch.setattr("tui.workspace.document.fingerprint", unreadable)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert "cannot read it to check nobody changed it: Permission denied" in _messages(app)
        assert app.document.dirty
        assert [a.body for a in read_review(review, app.document.case).annotations] == ["first"]
        assert journals_of(review)


async def test_a_read_only_review_is_not_replaced_without_asking(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _note(pilot, "first")
        await pilot.press("ctrl+s")
        await pilot.pause()
        os.chmod(review, 0o444)
        await _note(pilot, "second")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog)
        assert "read-only" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert [a.body for a in read_review(review, app.document.case).annotations] == ["first"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        bodies = sorted(a.body for a in read_review(review, app.document.case).annotations)
        assert bodies == ["first", "second"] and not app.document.dirty
        assert os.stat(review).st_mode & 0o777 == 0o444, "still protected, as its owner left it"
