"""Several cases open in one app: each keeps its own screen and unsaved state, saves to its own file."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA, SEED_CASE
from tests.review_helpers import open_document, reader, review_screen, screen_text
from tui.app import CaseReviewApp
from tui.screens.quit_dialog import QuitDialog
from tui.store.review_file import read_review
from tui.workspace import ReviewDocument


def _two_documents(tmp_path: Path) -> tuple[ReviewDocument, ReviewDocument]:
    seed = open_document(SEED_CASE, tmp_path / "seed.tester.review.toml")
    other_case = tmp_path / "minimal-case.toml"
    shutil.copy(DATA / "good" / "minimal.toml", other_case)
    other = ReviewDocument.open(other_case, reviewer="tester", review_path=tmp_path / "minimal.tester.review.toml")
    return seed, other


def _bodies(path: Path, document: ReviewDocument) -> list[str]:
    return [a.body for a in read_review(path, document.case).annotations]


async def test_two_cases_are_edited_and_saved_each_to_its_own_file(tmp_path: Path) -> None:
    seed, other = _two_documents(tmp_path)
    app = CaseReviewApp([seed, other], theme="case-review-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.document is seed
        await pilot.press("a", *"on the seed", "ctrl+s")
        await pilot.pause()

        await app.show_document(other)
        await pilot.pause()
        assert app.document is other
        assert review_screen(app).case is other.case
        assert "A minimal case" in screen_text(app)
        assert reader(app).annotated == [], "the other case's screen has its own notes"
        await pilot.press("a", *"on the other", "ctrl+s")
        await pilot.pause()
        assert seed.dirty and other.dirty

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _bodies(other.review_path, other) == ["on the other"]
        assert not seed.review_path.exists() and seed.dirty, "saving one case leaves the other as it was"

        # Back to the first case through the palette: its screen is as it was left.
        await pilot.press("ctrl+p", *"Case: Clonazepam")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.document is seed
        assert len(reader(app).annotated) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert _bodies(seed.review_path, seed) == ["on the seed"]
    assert _bodies(other.review_path, other) == ["on the other"]


async def test_quitting_asks_once_for_every_unsaved_review_and_saves_them_all(tmp_path: Path) -> None:
    seed, other = _two_documents(tmp_path)
    app = CaseReviewApp([seed, other], theme="case-review-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"first", "ctrl+s")
        await app.show_document(other)
        await pilot.pause()
        await pilot.press("a", *"second", "ctrl+s")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        assert "2 reviews have unsaved changes." in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running
    assert _bodies(seed.review_path, seed) == ["first"]
    assert _bodies(other.review_path, other) == ["second"]
