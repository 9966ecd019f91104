"""Layout snapshots: each pane at 80x24 in the dark and light themes, pain and timeline at 140x45, one at 120x40.

Update after an intended layout change with `pytest tests/snapshots --snapshot-update`,
then look at the report before committing the new SVGs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import REPO
from tests.review_helpers import make_app as make_review_app

# The status line shows the review path cut from the left to its last 39 characters, so snapshots use
# one fixed tail; nothing is saved there. The folder is this run's own: a shared one let two test runs
# at once see each other's lock ("also open in another case-review") and journals in their snapshots.
FIXED_REVIEW_PATH = Path(tempfile.mkdtemp()) / "case-review-snapshots" / "never-written.review.toml"
FIXED_REVIEW_PATH.parent.mkdir()


def make_app(theme: str):  # type: ignore[no-untyped-def]
    return make_review_app(theme=theme, review_path=FIXED_REVIEW_PATH)


PANE_KEYS = {"sections": [], "medications": ["2"], "pain": ["3"], "timeline": ["4"], "appraisal": ["5"], "notes": ["6"]}


@pytest.mark.parametrize("theme", ["case-review-dark", "case-review-light"])
@pytest.mark.parametrize("pane", list(PANE_KEYS))
def test_pane_at_80x24(snap_compare, pane: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(theme=theme), press=PANE_KEYS[pane], terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["case-review-dark", "case-review-light"])
@pytest.mark.parametrize("pane", ["pain", "timeline"])
def test_pane_at_140x45(snap_compare, pane: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    """The pain chart with its drug bars and the timeline with its anchored days, on a wide screen."""
    assert snap_compare(make_app(theme=theme), press=PANE_KEYS[pane], terminal_size=(140, 45))


def test_medication_jump_at_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        make_app(theme="case-review-dark"), press=["2", "j", "j", "j", "j", "j", "j", "enter"], terminal_size=(120, 40)
    )


def test_appraisal_answered_with_a_naranjo_assessment_at_140x45(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # CARE 1-3b answered with single keys, then clonazepam's drowsiness assessed from its medication row:
    # three answers (the second the record's hint, accepted with h) and the running total and band.
    # Answers are journalled beside the review: a review of its own (a long name, cut the same way
    # whatever the temporary folder), so no other snapshot is offered this one's unsaved work.
    review = tmp_path / "snapshot-of-the-appraisal-pane.ana-sousa.review.toml"
    app = make_review_app(theme="case-review-dark", review_path=review)
    keys = ["5", "y", "y", "p", "n", "2", "G", "k", "k", "o", "enter", "y", "h", "d"]
    assert snap_compare(app, press=keys, terminal_size=(140, 45))


def test_high_contrast_help_at_120x40(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(theme="case-review-high-contrast"), press=["question_mark"], terminal_size=(120, 40))


def test_notes_with_detail_at_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The status shows the review path cut from the left to its last 39 characters: a file name
    # that long keeps the snapshot the same whatever the temporary folder is called.
    review = tmp_path / "snapshot-of-the-notes-pane.ana-sousa.review.toml"
    shutil.copy(REPO / "tests" / "data" / "export" / "seed.ana-sousa.review.toml", review)
    app = make_review_app(theme="case-review-dark", review_path=review)
    assert snap_compare(app, press=["6", "j", "j", "j"], terminal_size=(80, 24))


def test_export_dialog_at_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(theme="case-review-dark")

    async def open_dialog(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("x")
        await pilot.pause()
        # A fixed name, so the snapshot does not depend on the folder tests run in.
        pilot.app.screen.query_one("#export-path", Input).value = "clonazepam-vcf-myeloma.tester.notes.md"
        await pilot.pause()

    assert snap_compare(app, run_before=open_dialog, terminal_size=(80, 24))


class _NamedLibrary:
    """A library shown under a fixed name, so the snapshot does not depend on the temporary folder."""

    def __init__(self, folder: Path) -> None:
        from tui.library import Library

        self._library = Library(folder)
        self.label = "cases"
        self.first_rows = self._library.first_rows
        self.refresh = self._library.refresh
        self.search = self._library.search


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
def test_library_screen(snap_compare, tmp_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from tests.library_helpers import make_library
    from tui.library_app import LibraryApp

    app = LibraryApp(_NamedLibrary(make_library(tmp_path / "cases")), reviewer="tester", theme="case-review-dark")

    async def loaded(pilot) -> None:  # type: ignore[no-untyped-def]
        while not pilot.app.library_screen.loaded:
            await pilot.pause(0.02)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=loaded, terminal_size=size)


def _compare_app(tmp_path: Path, reviewers: int):  # type: ignore[no-untyped-def]
    from tests.agreement_helpers import write_reviews
    from tests.conftest import SEED_CASE
    from tui.app import CaseReviewApp
    from tui.workspace import ReviewDocument

    case_path = tmp_path / SEED_CASE.name
    shutil.copyfile(SEED_CASE, case_path)
    write_reviews(case_path, reviewers, agreement=0.8, seed=1)
    return CaseReviewApp(ReviewDocument.open(case_path, reviewer="Ana Sousa"), theme="case-review-dark")


@pytest.mark.parametrize(("size", "reviewers"), [((80, 24), 2), ((140, 45), 3)])
def test_compare_screen(snap_compare, tmp_path: Path, size: tuple[int, int], reviewers: int) -> None:  # type: ignore[no-untyped-def]
    # The cursor on the second disagreement, so the detail under the table shows one.
    press = ["C", "home", "right_square_bracket", "right_square_bracket"]
    assert snap_compare(_compare_app(tmp_path, reviewers), press=press, terminal_size=size)
