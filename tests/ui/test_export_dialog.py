"""The `x` export dialog, driven with Pilot: format, file name, overwrite, cancel, failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Static

from tests.review_helpers import make_app
from tui.screens.export_dialog import ExportDialog, with_format_suffix


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Exports default to the folder the app was started in: make that a fresh one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_x_exports_unsaved_notes_as_json_and_says_where(in_tmp: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("a")  # annotate the first sentence
        await pilot.pause()
        await pilot.press(*"unsaved note")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == str(in_tmp / "clonazepam-vcf-myeloma.tester.notes.md")
        # tab to the formats, down twice to JSON, space to pick it: the file name follows.
        await pilot.press("shift+tab", "down", "down", "space")
        await pilot.pause()
        assert path_input.value.endswith(".notes.json")
        assert [b.value for b in app.screen.query(RadioButton)] == [False, False, True, False]
        await pilot.press("enter")  # from the format list, as from the file name
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        written = in_tmp / "clonazepam-vcf-myeloma.tester.notes.json"
        document = json.loads(written.read_text(encoding="utf-8"))
        bodies = [b["value"] for a in document["annotations"] for b in a["body"]]
        assert "unsaved note" in bodies
        messages = [n.message for n in app._notifications]
        assert any(str(written) in m for m in messages)
        assert app.document.session.dirty  # exporting is not saving


async def test_an_existing_file_is_replaced_only_after_a_second_enter(in_tmp: Path) -> None:
    target = in_tmp / "clonazepam-vcf-myeloma.tester.notes.md"
    target.write_text("hand-edited notes", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "exists" in str(app.screen.query_one("#export-warning", Static).render())
        assert target.read_text(encoding="utf-8") == "hand-edited notes"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert target.read_text(encoding="utf-8").startswith("# Review of")


async def test_escape_cancels_and_writes_nothing(in_tmp: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    assert list(in_tmp.iterdir()) == []


async def test_a_failed_export_says_why_and_keeps_the_app(in_tmp: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = str(in_tmp / "no-such-folder" / "notes.md")
        await pilot.press("enter")
        await pilot.pause()
        messages = [(n.message, n.severity) for n in app._notifications]
        assert any(m.startswith("Not exported:") and "no-such-folder" in m and s == "error" for m, s in messages)
        assert not (in_tmp / "no-such-folder").exists()


def test_file_name_follows_the_format_until_the_reviewer_names_it() -> None:
    assert with_format_suffix("/x/case.ana.notes.md", "html") == "/x/case.ana.notes.html"
    assert with_format_suffix("/x/case.ana.notes.csv", "json") == "/x/case.ana.notes.json"
    assert with_format_suffix("/x/my-notes.txt", "csv") == "/x/my-notes.txt"
