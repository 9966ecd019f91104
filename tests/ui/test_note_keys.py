"""What `]`/`[` land on is what `e`/`d` act on; several notes at one place are chosen from a list."""

from __future__ import annotations

import pytest

from tests.review_helpers import current_pane, make_app, reader, review_screen, status_line
from tests.ui.test_annotations import _annotate
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.note_choice import NoteChoice
from tui.widgets.section_navigator import SectionNavigator

SIZE = (110, 32)


async def _note_from_the_tree(pilot, section_id: str) -> None:  # type: ignore[no-untyped-def]
    navigator = review_screen(pilot.app).query_one(SectionNavigator)
    navigator.focus()
    navigator.select_section(section_id)
    await pilot.pause()
    await _annotate(pilot, "whole section")


@pytest.mark.parametrize(
    ("make_note", "keys"),
    [
        ("sentence", ("1", "j", "j")),
        ("section", ()),
        ("medication", ("2", "j")),
        ("pain", ("3", "j")),
        ("timeline", ("4", "j")),
    ],
)
async def test_next_note_then_delete_acts_on_the_note_landed_on(make_note: str, keys: tuple[str, ...]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if make_note == "section":
            await _note_from_the_tree(pilot, "discussion")
        else:
            await pilot.press(*keys)
            await pilot.pause()
            await _annotate(pilot, f"on a {make_note}")
        assert len(app.document.session.review.annotations) == 1
        await pilot.press("1")
        reader(app).focus()
        await pilot.press("home", "right_square_bracket")
        await pilot.pause()
        assert status_line(app).startswith("note 1/1")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor), f"e edits the {make_note} note ] landed on"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.document.session.review.annotations == [], f"d deletes the {make_note} note ] landed on"


async def test_two_notes_on_one_sentence_ask_which_to_edit_and_delete() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await _annotate(pilot, "the older comment")
        await _annotate(pilot, "the newer comment")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, NoteChoice), "d asks which of the two"
        await pilot.press("down", "enter")
        await pilot.pause()
        [left] = app.document.session.review.annotations
        assert left.body == "the older comment", "the second in the list was deleted"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "undid a deleted note" in status_line(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteChoice)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteChoice) and len(app.document.session.review.annotations) == 2


async def test_enter_in_the_section_list_gives_the_keys_to_the_reader() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        navigator = review_screen(app).query_one(SectionNavigator)
        navigator.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.focused is reader(app)
        before = (reader(app).section_id, reader(app).cursor)
        await pilot.press("j")
        assert (reader(app).section_id, reader(app).cursor) != before, "j reads on"
        assert current_pane(app) == "sections-pane"


async def test_undo_and_redo_say_what_they_undid() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "a comment")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert status_line(app).startswith("undid a new note")
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert status_line(app).startswith("redid a new note")
