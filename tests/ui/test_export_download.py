"""Export in a browser (`case-review serve`): the notes go to the browser as a download, never to a server file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.review_helpers import make_app
from tui.app import CaseReviewApp
from tui.screens.export_dialog import ExportDialog, download_name


async def test_x_in_a_browser_delivers_the_notes_and_writes_nothing_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(CaseReviewApp, "is_web", property(lambda _app: True))
    delivered: list[dict[str, Any]] = []

    def deliver_text(self: CaseReviewApp, file: Any, **options: Any) -> str:
        delivered.append({"text": file.read(), **options})
        return "key"

    monkeypatch.setattr(CaseReviewApp, "deliver_text", deliver_text)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"for the browser", "ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "Download review notes" in str(app.screen.query_one("#export-title", Static).render())
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == "clonazepam-vcf-myeloma.tester.notes.md"  # a name, no folder of the server's
        await pilot.press("shift+tab", "down", "space")  # HTML
        await pilot.pause()
        path_input.value = "../../etc/my notes.html"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    [download] = delivered
    assert download["save_filename"] == "my-notes.html"
    assert download["mime_type"] == "text/html" and download["encoding"] == "utf-8"
    assert "for the browser" in download["text"] and download["text"].lstrip().startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []
    assert any("sent to the browser as my-notes.html" in n.message for n in app._notifications)


@pytest.mark.parametrize(
    ("typed", "name"),
    [("notes.md", "notes.md"), ("/srv/x/a b;c.csv", "a-b-c.csv"), ("..\\..\\evil\r\n.md", "evil-.md"), ("../", "")],
)
def test_a_download_name_is_the_last_part_in_plain_characters(typed: str, name: str) -> None:
    assert download_name(typed) == name
