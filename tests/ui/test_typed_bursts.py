"""Keys typed in one burst reach their field before the key that accepts the dialog.

A priority binding runs when its key reaches the app, ahead of keys still queued for the
focused field: a note typed fast and accepted with ctrl+s lost its last words.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from tests.review_helpers import make_app
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.export_dialog import ExportDialog


async def test_a_note_typed_in_one_burst_is_kept_whole_by_ctrl_s() -> None:
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        for char in "typed in one burst":
            app.post_message(events.Key("space" if char == " " else char, char))
        app.post_message(events.Key("ctrl+s", None))
        await pilot.pause()
        await pilot.pause()
        [note] = app.document.session.review.annotations
        assert note.body == "typed in one burst"


async def test_a_file_name_typed_in_one_burst_is_the_file_enter_writes() -> None:
    app = make_app()
    async with app.run_test(size=(110, 32)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = ""
        for char in "burst.md":
            app.post_message(events.Key("full_stop" if char == "." else char, char))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        await pilot.pause(0.2)
    assert Path("burst.md").exists(), "the name typed in one burst is the file written"
