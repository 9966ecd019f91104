"""Hostile text from every kind of file and path, walked through every surface: nothing reaches the terminal.

The case, the review (note body, tags, author), the folder the review sits in and a file
name on the command line all carry OSC and CSI sequences, C1 controls, BEL and a bidi
override. Every surface must show them as visible characters.
"""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, TextArea

from tests.conftest import DATA, RunCli
from tests.review_helpers import make_app, screen_text
from tui.app import CaseReviewApp
from tui.model.review import Annotation, Review, ReviewHeader
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.export_dialog import ExportDialog
from tui.store.review_file import write_review

HOSTILE_CASE = DATA / "good" / "hostile.toml"
ESCAPES = "\x1b]0;pwned\x07 \x1b[2J \x9b31m \u202eevil\u2066 \x85"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Anything a terminal would act on (tab and newline are layout)."""

WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def _hostile_review(folder: Path) -> Path:
    path = folder / "hostile-case.tester.review.toml"
    note = Annotation(
        id="a-00000001aaaaaa",
        target="medication",
        target_id="trap-drug",
        kind="concern",
        tags=["\x1b[31mred", "\u202etag"],
        body=f"first line {ESCAPES}\nsecond",
        author="\x1b]0;author\x07",
        created=WHEN,
        updated=WHEN,
    )
    header = ReviewHeader(case_id="hostile-case", case_sha256="0" * 64, reviewer="tester", created=WHEN, updated=WHEN)
    write_review(path, Review(review=header, annotations=[note]))
    return path


def _assert_nothing_raw(where: str, text: str) -> None:
    found = RAW.findall(text)
    assert not found, f"{where}: {found!r} would reach the terminal"


def _notifications(app: CaseReviewApp) -> str:
    return "\n".join(f"{n.title}\n{n.message}" for n in app._notifications)


async def test_every_surface_shows_hostile_text_as_characters(tmp_path: Path) -> None:
    folder = tmp_path / "rev\x1b]0;folder\x07iews"
    folder.mkdir()
    case = folder / "hostile.toml"
    shutil.copy(HOSTILE_CASE, case)
    review = _hostile_review(folder)
    app = make_app(case, review_path=review)
    async with app.run_test(size=(140, 45), notifications=True) as pilot:
        await pilot.pause()
        _assert_nothing_raw("reader, tree, header, status", screen_text(app))
        for pane in ("2", "3", "4", "6"):
            await pilot.press(pane)
            await pilot.pause()
            _assert_nothing_raw(f"pane {pane} and its detail", screen_text(app))
        assert "␛]0;pwned␇" in screen_text(app), "the Notes detail shows the escape, visibly"

        await pilot.press("e")  # the highlighted note, in the editor
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        _assert_nothing_raw("editor", screen_text(app))
        _assert_nothing_raw("editor body field", app.screen.query_one("#editor-body", TextArea).text)
        _assert_nothing_raw("editor tags field", app.screen.query_one("#editor-tags", Input).value)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p", *"Medication")
        await pilot.pause(0.5)
        _assert_nothing_raw("palette", screen_text(app))
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        _assert_nothing_raw("help", screen_text(app))
        await pilot.press("escape")

        await pilot.press("1", "a", *"x", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")  # "Saved to <folder with escapes>"
        await pilot.pause()
        assert "Saved to" in _notifications(app)
        _assert_nothing_raw("notifications", _notifications(app))
        _assert_nothing_raw("screen with notifications", screen_text(app))

        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        _assert_nothing_raw("export dialog", screen_text(app))
        _assert_nothing_raw("export file field", app.screen.query_one("#export-path", Input).value)
        await pilot.press("escape")


def test_validate_prints_hostile_file_names_as_characters(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "cases\x1b[2J"
    folder.mkdir()
    shutil.copy(HOSTILE_CASE, folder / "hostile\x1b]0;x\x07.toml")
    _hostile_review(folder)
    result = run_cli("validate", folder, *sorted(folder.glob("*.review.toml")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("OK ") == 2, "the case in the folder, and the review named on its own"
    _assert_nothing_raw("validate output", result.stdout + result.stderr)
