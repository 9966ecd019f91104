"""The Notes pane: every annotation, filters by kind, status, tag and words; enter goes there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from textual.widgets import Input, Static

from tests.review_helpers import current_pane, make_app, reader, review_screen
from tui.model.note_filter import parse_filter
from tui.model.review import Annotation
from tui.widgets.medication_table import MedicationTable
from tui.widgets.notes_pane import NotesTable

WHEN = datetime(2026, 11, 25, tzinfo=UTC)


async def _note(pilot, body: str, kind: str = "comment", tags: str = "", status: str = "open") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()
    editor = pilot.app.screen
    editor.query_one("#editor-kind").value = kind
    editor.query_one("#editor-status").value = status
    editor.query_one("#editor-tags").value = tags
    await pilot.press(*body, "ctrl+s")
    await pilot.pause()


async def test_notes_pane_lists_filters_and_jumps(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "n.review.toml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await _note(pilot, "unclear claim", kind="concern", tags="evidence")
        await pilot.press("2", "j")
        await _note(pilot, "route missing", kind="question", tags="dose route")
        await pilot.press("4")
        await _note(pilot, "fine", kind="praise", status="resolved")
        await pilot.press("6")
        await pilot.pause()
        assert current_pane(app) == "notes-pane"
        table = review_screen(app).query_one(NotesTable)
        assert isinstance(app.focused, NotesTable)
        bodies = [row.annotation.body for row in table.rows_shown]
        assert bodies == ["unclear claim", "route missing", "fine"], "document order: text, rows, events"
        count = review_screen(app).query_one("#notes-count", Static)
        assert str(count.render()) == "3 of 3 notes"

        await pilot.press("f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"kind:question")
        assert [r.annotation.body for r in table.rows_shown] == ["route missing"]
        app.focused.value = "status:open tag:evidence"  # type: ignore[union-attr]
        await pilot.pause()
        assert [r.annotation.body for r in table.rows_shown] == ["unclear claim"]
        app.focused.value = "missing"  # type: ignore[union-attr]
        await pilot.pause()
        assert [r.annotation.body for r in table.rows_shown] == ["route missing"]
        assert str(count.render()) == "1 of 3 notes"
        await pilot.press("enter")  # back to the table
        assert isinstance(app.focused, NotesTable)
        await pilot.press("enter")  # go to the note
        await pilot.pause()
        assert current_pane(app) == "medications-pane"
        medications = review_screen(app).query_one(MedicationTable)
        assert medications.row_ids[medications.cursor_row] == "acetaminophen"

        await pilot.press("6")
        review_screen(app).query_one("#notes-filter", Input).value = ""
        await pilot.pause()
        assert table.row_at_cursor().annotation.body == "route missing", "the note found stays under the cursor"  # type: ignore[union-attr]
        await pilot.press("g", "enter")
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        assert reader(app).cursor == 1


async def test_orphans_are_listed_last_and_marked(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "o.review.toml")
    orphan = Annotation(
        id="a-0000001orph01",
        target="medication",
        target_id="morphine",
        author="t",
        created=WHEN,
        updated=WHEN,
        body="lost row",
    )
    app.document.session.add(orphan)
    app.document.session.orphans = frozenset({orphan.id})
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await _note(pilot, "placed")
        await pilot.press("6")
        await pilot.pause()
        table = review_screen(app).query_one(NotesTable)
        assert [(r.annotation.body, r.orphan) for r in table.rows_shown] == [("placed", False), ("lost row", True)]
        assert table.get_row_at(1)[0].plain.startswith("⚠ orphan: ")
        assert "1 orphaned" in str(review_screen(app).query_one("#notes-count", Static).render())


def test_filter_parsing() -> None:
    note_filter = parse_filter("Kind:concern,error status:open tag:Dose pca pump")
    assert note_filter.kinds == {"concern", "error"}
    assert note_filter.statuses == {"open"} and note_filter.tags == {"dose"}
    assert note_filter.words == ("pca", "pump")
    assert parse_filter("kind:").words == ("kind:",)


async def test_e_and_d_act_on_the_highlighted_note(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "n.review.toml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await _note(pilot, "first")
        await pilot.press("j")
        await _note(pilot, "second")
        await pilot.press("6")
        await pilot.pause()
        table = review_screen(app).query_one(NotesTable)
        assert app.focused is table
        await pilot.press("j", "e")
        await pilot.pause()
        await pilot.press(*" edited", "ctrl+s")
        await pilot.pause()
        assert sorted(a.body for a in app.document.session.review.annotations) == ["first", "second edited"]
        await pilot.press("k", "d")
        await pilot.pause()
        assert [a.body for a in app.document.session.review.annotations] == ["second edited"]
        assert table.row_count == 1
