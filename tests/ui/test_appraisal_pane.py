"""The Appraisal pane (5) driven from the keyboard: answer, note, tie to text, hints, complete, Naranjo."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.review_helpers import current_pane, make_app, reader, review_screen, screen_text
from tui.app import CaseReviewApp
from tui.model.checklist_answers import find_answer
from tui.model.review import AdverseEffect
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.choice_dialog import ChoiceDialog
from tui.store.review_file import read_review
from tui.widgets.appraisal_pane import AppraisalPane
from tui.widgets.appraisal_table import AppraisalTable
from tui.widgets.medication_table import MedicationTable

SIZE = (120, 40)
DROWSINESS = AdverseEffect("clonazepam", "drowsiness")


def table(app: CaseReviewApp) -> AppraisalTable:
    return review_screen(app).query_one(AppraisalTable)


def status(app: CaseReviewApp) -> str:
    return str(review_screen(app).query_one("#appraisal-status").render())


def answer(app: CaseReviewApp, checklist: str, item: str, target: AdverseEffect | None = None) -> str | None:
    entry = find_answer(app.document.session.review, checklist, item, target)
    return entry.answer if entry is not None else None


async def open_pane(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("5")
    await pilot.pause()


async def go_to(pilot: Pilot[None], app: CaseReviewApp, target_id: str) -> None:
    assert table(app).select_item(target_id), target_id
    await pilot.pause()


async def write_in_editor(pilot: Pilot[None], words: str) -> None:
    await pilot.pause()
    assert isinstance(pilot.app.screen, AnnotationEditor)
    await pilot.press(*words)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_single_keys_answer_and_move_on_a_note_a_tie_save_and_reload(tmp_path: Path) -> None:
    review_path = tmp_path / "ana.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        # A selection in the reader first: the sentence under the cursor, extended by one more.
        await pilot.pause()
        await pilot.press("v", "shift+down")
        selection, section = reader(app).selection, reader(app).section_id
        assert selection is not None and section is not None
        await open_pane(pilot)
        assert current_pane(app) == "appraisal-pane"
        assert table(app).row_key_at_cursor() == "care-2013:1", "the cursor starts on the first item, not a heading"
        await pilot.press("y", "n", "p", "minus")
        assert [answer(app, "care-2013", item) for item in ("1", "2", "3a", "3b")] == ["yes", "no", "partly", "na"]
        assert table(app).row_key_at_cursor() == "care-2013:3c", "each answer moves on to the next item"
        assert reader(app).selection == selection, "n answered here: it did not step the search or touch the reader"
        await pilot.press("u")  # CARE has no "unclear": nothing is answered, and the pane says what it takes
        assert answer(app, "care-2013", "3c") is None
        assert "CARE takes y n p -" in status(app)
        await pilot.press("a")
        await write_in_editor(pilot, "Says nothing of outcomes")
        await pilot.press("t")
        await write_in_editor(pilot, "the abstract's claim")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "● unsaved" not in screen_text(app)
        heading = table(app).get_cell("care-2013#checklist", "answer").plain
        assert heading.endswith("4/30")

    saved = read_review(review_path, app.document.case)
    note = find_answer(saved, "care-2013", "3c")
    assert note is not None and note.answer is None and note.note == "Says nothing of outcomes"
    [tie] = saved.annotations
    assert (tie.target, tie.target_id, tie.section) == ("checklist", "care-2013:3c", section)
    assert (tie.start, tie.end) == selection and tie.body == "the abstract's claim"

    again = make_app(review_path=review_path)
    async with again.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        assert table(again).row_key_at_cursor() == "care-2013:3c", "the first item still to answer"
        assert table(again).get_cell("care-2013#checklist", "answer").plain.endswith("4/30")
        assert table(again).get_cell("care-2013:3b", "answer").plain == "Not applicable"
        assert table(again).get_cell("care-2013:3c", "marks").plain.strip() == "✎ §"
        detail = str(review_screen(again).query_one("#appraisal-detail").render())
        assert "Says nothing of outcomes" in detail and "tied to text: 1 note" in detail


async def test_a_hint_is_shown_with_its_reason_accepted_with_h_or_overridden_never_filled_in() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        assert app.document.session.review.checklist == [], "showing hints answers nothing"
        assert table(app).get_cell("care-2013:13", "answer").plain == "No?"
        await go_to(pilot, app, "care-2013:13")
        detail = str(review_screen(app).query_one("#appraisal-detail").render())
        assert "No section of the report mentions consent." in detail and "h accepts" in detail
        await pilot.press("h")
        assert answer(app, "care-2013", "13") == "no"
        await go_to(pilot, app, "care-2013:10d")  # the record gives clonazepam's adverse effects: "yes"?
        await pilot.press("n")  # the reviewer disagrees
        assert answer(app, "care-2013", "10d") == "no"
        await go_to(pilot, app, "care-2013:7")  # a hint that says where to look, not what to answer
        await pilot.press("h")
        assert answer(app, "care-2013", "7") is None and "not what to answer" in status(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert answer(app, "care-2013", "10d") is None, "each answer is one undoable step"


async def test_mark_complete_is_a_key_and_a_field(tmp_path: Path) -> None:
    review_path = tmp_path / "ana.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        assert "in progress" in status(app)
        await pilot.press("M")
        await pilot.pause()
        assert app.document.session.review.review.complete
        assert "✓ review complete" in status(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_review(review_path, app.document.case).review.complete
    assert "complete = true" in review_path.read_text(encoding="utf-8")


async def test_naranjo_from_a_medication_row_total_and_band_for_the_seed_drowsiness(tmp_path: Path) -> None:
    review_path = tmp_path / "ana.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        assert table(app).get_cell("naranjo-1981#start", "item").plain.startswith("Naranjo: none yet")
        await pilot.press("2")
        await pilot.pause()
        review_screen(app).query_one(MedicationTable).select_medication("clonazepam")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog), "clonazepam's row names two effects: which one?"
        await pilot.press("enter")  # drowsiness, the first
        await pilot.pause()
        assert current_pane(app) == "appraisal-pane"
        assert table(app).row_key_at_cursor() == "naranjo-1981:1@clonazepam/drowsiness"
        # As a reviewer answers it from the report (tests/unit/appraisal/test_naranjo.py): item 2 by its hint.
        await pilot.press("y", "h", "d", "d", "y", "d", "d", "d", "d", "n")
        await pilot.pause()
        assert answer(app, "naranjo-1981", "2", DROWSINESS) == "yes"
        heading = table(app).get_cell("naranjo-1981@clonazepam/drowsiness#checklist", "answer").plain
        assert heading == "+2 possible 10/10"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_review(review_path, app.document.case)
    assert len([e for e in saved.checklist if e.target == DROWSINESS]) == 10

    again = make_app(review_path=review_path)
    async with again.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        heading = table(again).get_cell("naranjo-1981@clonazepam/drowsiness#checklist", "answer").plain
        assert heading == "+2 possible 10/10", "a saved assessment is listed again without being started"


async def test_enter_goes_to_the_section_that_addresses_the_item() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        await go_to(pilot, app, "care-2013:4")
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        assert reader(app).section_id == "background"


async def test_the_pane_is_built_after_the_first_screen_and_draws_only_rows_in_view(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("tui.screens.review.screen.PREBUILD_DELAY", 60)  # the first screen alone
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not review_screen(app).query(AppraisalPane)
        await open_pane(pilot)
        pane = review_screen(app).query_one(AppraisalPane)
        rows = pane.table.row_count
        assert rows > 50
        drawn = len(pane.table._cache)
        assert drawn < rows / 2, f"{drawn} of {rows} rows built"


async def test_help_and_the_palette_list_the_pane_keys() -> None:
    app = make_app()
    async with app.run_test(size=(140, 200)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Appraisal (5)" in help_text
        for words in ("Answer do not know", "Accept the hint", "Note on the item", "Mark the review complete"):
            assert words in help_text, words
        assert "i include, e exclude" in help_text, "the overall keys from the files are said too"
        assert "Open a Naranjo assessment of its adverse effect" in help_text
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"mark the review complete")
        await pilot.pause(0.5)
        assert "key in the Appraisal pane: M" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "appraisal-pane"
        assert app.document.session.review.review.complete


async def test_the_palette_jumps_to_a_checklist_item() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        await pilot.press("1", "ctrl+p", *"Checklist: JBI 7")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "appraisal-pane"
        assert table(app).row_key_at_cursor() == "jbi-case-report:7"


async def test_an_answer_redraws_the_appraisal_pane_but_not_the_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.widgets.notes_pane import NotesPane

    shown: list[int] = []
    original = NotesPane.show_review
    monkeypatch.setattr(NotesPane, "show_review", lambda pane, session: (shown.append(1), original(pane, session)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_pane(pilot)
        await pilot.pause(0.3)  # every pane built and shown the review once
        before = len(shown)
        await pilot.press("y", "y")
        await pilot.pause()
        assert answer(app, "care-2013", "2") == "yes"
        assert table(app).get_cell("care-2013#checklist", "answer").plain.endswith("2/30")
        assert "● unsaved" in screen_text(app)
        assert len(shown) == before, "no note changed: the Notes pane is not redrawn"
