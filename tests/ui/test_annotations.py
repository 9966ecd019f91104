"""Annotating from the keyboard: add, edit, delete, undo, redo, save, reopen, quit safely."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_CASE, RunCli
from tests.review_helpers import current_pane, make_app, reader, review_screen, screen_text, status_line
from tui.model.places import Place
from tui.model.review import Annotation
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.quit_dialog import QuitDialog
from tui.store.review_file import read_review
from tui.widgets.medication_table import MedicationTable
from tui.widgets.section_navigator import SectionNavigator

SIZE = (110, 32)


async def _annotate(pilot, body: str, *, tags: str = "") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AnnotationEditor)
    await pilot.press(*body)
    if tags:
        pilot.app.screen.query_one("#editor-tags").value = tags
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_annotate_a_sentence_save_and_find_it_again_after_restart(tmp_path: Path) -> None:
    review_path = tmp_path / "ana.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")  # second sentence of the Abstract's Background
        start, end = reader(app).sentences[1]
        await _annotate(pilot, "Which analgesics?", tags="evidence, citation")
        assert "● unsaved" in screen_text(app)
        assert reader(app).annotated == [(start, end)]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "● unsaved" not in screen_text(app)
    saved = read_review(review_path, app.document.case)
    [annotation] = saved.annotations
    assert (annotation.target, annotation.target_id, annotation.start, annotation.end) == (
        "section",
        "abstract-background",
        start,
        end,
    )
    assert annotation.quote == app.document.case.section("abstract-background").text[start:end]  # type: ignore[union-attr]
    assert annotation.body == "Which analgesics?" and annotation.tags == ["evidence", "citation"]
    assert annotation.author == "tester"

    again = make_app(review_path=review_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reader(again).section_id == "abstract-background"
        assert reader(again).annotated == [(start, end)]
        navigator = review_screen(again).query_one(SectionNavigator)
        labels = [navigator.shown_label(navigator.get_node_at_line(n)) for n in range(navigator.last_line + 1)]  # type: ignore[arg-type]
        assert "Background ✎1" in labels
        assert "1 note ·" in screen_text(again) and "● unsaved" not in screen_text(again)


async def test_annotate_a_medication_row_marks_it() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "j", "j")
        await _annotate(pilot, "Dose per hour?")
        [annotation] = app.document.session.review.annotations
        assert (annotation.target, annotation.target_id, annotation.start) == ("medication", "fentanyl-pca", None)
        table = review_screen(app).query_one(MedicationTable)
        assert table.get_cell("fentanyl-pca", "notes").plain == "✎1"
        assert table.get_cell("acetaminophen", "notes").plain == ""


async def test_escape_cancels_the_editor_after_asking_when_words_would_be_lost() -> None:
    from textual.widgets import Static

    from tui.screens.annotation_editor import AnnotationEditor

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationEditor)
        await pilot.press("a", *"draft", "escape")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)  # typed words are not thrown away on one key
        assert "escape again discards" in str(app.screen.query_one("#editor-help", Static).render())
        await pilot.press(*" more", "escape")  # typed after the warning: warned again
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationEditor)
        assert app.document.session.review.annotations == []
        assert not app.document.session.dirty


async def test_edit_changes_the_body_and_kind() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "first")
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        editor.query_one("#editor-kind").value = "concern"
        await pilot.press("end", *" and more", "ctrl+s")
        await pilot.pause()
        [annotation] = app.document.session.review.annotations
        assert annotation.body == "first and more"
        assert annotation.kind == "concern"


async def test_delete_then_undo_then_redo() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "keep me")
        [original] = app.document.session.review.annotations
        await pilot.press("d")
        assert app.document.session.review.annotations == []
        assert reader(app).annotated == []
        await pilot.press("ctrl+z")
        assert app.document.session.review.annotations == [original]
        assert reader(app).annotated == [(original.start, original.end)]
        await pilot.press("ctrl+y")
        assert app.document.session.review.annotations == []
        await pilot.press("ctrl+z", "ctrl+z")
        assert app.document.session.review.annotations == [], "undoing the add as well"
        assert not app.document.session.dirty


async def test_next_and_previous_annotation_in_document_order() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2", "j")
        await _annotate(pilot, "on acetaminophen")
        await pilot.press("1", "j", "j")
        await _annotate(pilot, "on the text")
        await pilot.press("home")  # before the text note: ] goes to it
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        assert reader(app).cursor == 2
        assert status_line(app).startswith("note 1/2: comment")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert current_pane(app) == "medications-pane"
        table = review_screen(app).query_one(MedicationTable)
        assert table.row_ids[table.cursor_row] == "acetaminophen"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        assert reader(app).cursor == 2


async def test_next_note_goes_from_where_the_reviewer_is_and_walks_notes_in_one_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await _annotate(pilot, "first on sentence 2")
        await _annotate(pilot, "second on sentence 2")
        await pilot.press("end")
        await _annotate(pilot, "on the last sentence")
        await pilot.press("home", "right_square_bracket")
        await pilot.pause()
        assert reader(app).cursor == 1 and status_line(app).startswith("note 1/3")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader(app).cursor == 1 and status_line(app).startswith("note 2/3")  # the second in that sentence
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert status_line(app).startswith("note 3/3")
        await pilot.press("right_square_bracket")  # wraps to the first
        await pilot.pause()
        assert reader(app).cursor == 1 and status_line(app).startswith("note 1/3")


async def test_quit_with_unsaved_changes_asks_and_escape_stays() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "unsaved")
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, QuitDialog)


async def test_quit_dialog_s_saves_and_quits(tmp_path: Path) -> None:
    review_path = tmp_path / "r.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "save me")
        await pilot.press("q", "s")
        await pilot.pause()
        assert not app.is_running
    assert [a.body for a in read_review(review_path, app.document.case).annotations] == ["save me"]


async def test_quit_dialog_d_discards_and_quits(tmp_path: Path) -> None:
    review_path = tmp_path / "r.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "throw away")
        await pilot.press("q", "d")
        await pilot.pause()
        assert not app.is_running
    assert not review_path.exists()


async def test_a_failed_save_keeps_the_work_and_the_old_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    review_path = tmp_path / "r.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "first")
        await pilot.press("ctrl+s")
        before = review_path.read_bytes()
        await _annotate(pilot, "second")

        def broken_replace(*_args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("tui.store.atomic._replace", broken_replace)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert review_path.read_bytes() == before
        assert app.document.session.dirty and len(app.document.session.review.annotations) == 2
        assert "● unsaved" in screen_text(app)


def test_review_of_another_case_is_refused_at_start(run_cli: RunCli, tmp_path: Path) -> None:
    review = tmp_path / "other.review.toml"
    review.write_text(
        '[review]\ncase_id = "another-case"\ncase_sha256 = "' + "0" * 64 + '"\nreviewer = "x"\n'
        "created = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    result = run_cli(SEED_CASE, "--review", review)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"{review}: review.case_id: a review of case 'another-case', not of 'clonazepam-vcf-myeloma'"
    ]


def test_malformed_review_is_one_line_per_problem(run_cli: RunCli, tmp_path: Path) -> None:
    review = tmp_path / "bad.review.toml"
    review.write_text("[review\n", encoding="utf-8")
    result = run_cli(SEED_CASE, "--review", review)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{review}:1:8: TOML syntax:")
    assert "Traceback" not in result.stderr


def test_annotation_model_is_what_is_saved(tmp_path: Path) -> None:
    # Guard: the helper really writes to the temporary folder, never beside the case.
    app = make_app()
    assert app.document.review_path is not None and SEED_CASE.parent not in app.document.review_path.parents
    assert Annotation.model_fields["status"].default == "open"


async def test_selection_by_sentence_word_and_character_then_annotate() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        text = view.text
        first_start, first_end = view.sentences[0]
        await pilot.press("v")
        assert view.selection == (first_start, first_end)
        await pilot.press("v")
        assert view.selection is None
        assert view.caret == first_end, "the caret stays where the selection ended"
        await pilot.press("home")
        await pilot.press("shift+right", "shift+right", "shift+right")
        assert view.selection == (first_start, first_start + 3)
        await pilot.press("shift+left")
        assert view.selection == (first_start, first_start + 2)
        await pilot.press("ctrl+shift+right")
        assert text[slice(*view.selection)] == "Vertebral"  # type: ignore[misc]
        await pilot.press("ctrl+shift+right")
        assert text[slice(*view.selection)] == "Vertebral compression"  # type: ignore[misc]
        await pilot.press("shift+down")
        assert view.selection == (first_start, first_end)
        await pilot.press("shift+down")
        assert view.selection == (first_start, view.sentences[1][1])
        await pilot.press("shift+up")
        assert view.selection == (first_start, first_end), "back to the second sentence's start, the space trimmed"
        await pilot.press("escape")
        assert view.selection is None
        await pilot.press("home", "ctrl+shift+right", "ctrl+shift+right")
        await _annotate(pilot, "two words")
        [annotation] = app.document.session.review.annotations
        assert annotation.quote == "Vertebral compression"
        assert (annotation.start, annotation.end) == (first_start, first_start + len("Vertebral compression"))
        assert view.selection is None


async def test_mouse_maps_screen_points_to_text_offsets() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        # Row 0 is the title, row 1 blank, row 2 the first text line; two cells of margin.
        assert view.offset_at(2, 2) == 0
        assert view.offset_at(2 + len("Vertebral"), 2) == len("Vertebral")
        assert view.offset_at(2, 0) is None
        await pilot.mouse_down(view, offset=(2, 2))
        await pilot.mouse_up(view, offset=(2, 2))
        assert view.selection is None, "a click without a drag selects nothing"


async def test_mouse_drag_selects_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        await pilot.mouse_down(view, offset=(2, 2))
        await pilot.hover(view, offset=(2 + 8, 2))
        await pilot.mouse_up(view, offset=(2 + 8, 2))
        assert view.selection == (0, 9)
        assert view.text[0:9] == "Vertebral"


async def test_next_note_into_a_longer_section_wraps_to_the_width_it_can_show() -> None:
    """A long section shown after a short one once wrapped as if it had no scrollbar and scrolled sideways."""
    from tui.widgets.section_reader import SectionReader

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = review_screen(app)
        await screen.go_to_place(Place("section", "case-presentation"))
        await pilot.pause()
        screen.query_one(SectionReader).focus()
        await _annotate(pilot, "long section")
        await screen.go_to_place(Place("section", "abstract-conclusion"))
        await pilot.pause()
        screen.query_one(SectionReader).focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        view = screen.query_one(SectionReader)
        assert view.section_id == "case-presentation"
        assert view.virtual_size.width <= view.scrollable_content_region.width
        assert not view.show_horizontal_scrollbar


async def test_a_collapsed_part_counts_its_sub_sections_notes_and_opens_for_a_jump() -> None:
    from tui.widgets.section_navigator import SectionNavigator

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _annotate(pilot, "on the abstract's background")  # the first section shown
        tree = review_screen(app).query_one(SectionNavigator)
        abstract = next(n for n in tree.root.children if n.data == "abstract")
        assert tree.shown_label(abstract) == "Abstract"
        abstract.collapse()
        await pilot.pause()
        assert tree.shown_label(abstract) == "Abstract ✎1"
        await review_screen(app).go_to_place(Place("section", "abstract-conclusion"))
        await pilot.pause()
        assert abstract.is_expanded and tree.cursor_node is not None and tree.cursor_node.data == "abstract-conclusion"
        assert tree.shown_label(abstract) == "Abstract"
        assert tree.shown_label(abstract.children[0]) == "Background ✎1"


async def test_the_note_status_stays_across_sections_and_goes_when_the_cursor_moves_on() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = review_screen(app)
        await screen.go_to_place(Place("section", "discussion"))
        await pilot.pause()
        screen.reader.focus()
        await pilot.press("j", "j", "j")
        await _annotate(pilot, "in the discussion")
        await screen.go_to_place(Place("section", "abstract-background"))
        await pilot.pause()
        screen.reader.focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.pause()
        assert reader(app).section_id == "discussion"
        assert status_line(app).startswith("note 1/1: comment · sentence 4/")
        await pilot.press("G")
        await pilot.pause()
        assert status_line(app).startswith("sentence ")


async def test_a_phrase_inside_a_sentence_is_selected_from_the_keyboard_and_quoted_without_spaces() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        text = view.text
        first_start, _ = view.sentences[0]
        words = text[first_start:].split()
        await pilot.press("w")  # the caret to the end of the first word
        assert view.caret == first_start + len(words[0])
        await pilot.press("v", "w", "w")  # select from the caret over the next two words
        assert view.selection is not None
        assert text[slice(*view.selection)] == f"{words[1]} {words[2]}", "no space kept at the start"
        await pilot.press("o", "b")  # the other end moves: one word more at the front
        assert text[slice(*view.selection)] == f"{words[0]} {words[1]} {words[2]}"
        await pilot.press("o", "shift+left")  # and back to the caret's end, one character less
        assert text[slice(*view.selection)] == f"{words[0]} {words[1]} {words[2][:-1]}"
        await _annotate(pilot, "a phrase")
        [annotation] = app.document.session.review.annotations
        assert annotation.quote == f"{words[0]} {words[1]} {words[2][:-1]}"
        assert annotation.quote == annotation.quote.strip()


async def test_the_caret_moves_by_character_and_word_and_carries_the_sentence_cursor() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        first_start, first_end = view.sentences[0]
        await pilot.press("l", "l", "right")
        assert view.caret == first_start + 3 and view.selection is None
        await pilot.press("h")
        assert view.caret == first_start + 2
        await pilot.press("j")
        assert view.cursor == 1 and view.caret == view.sentences[1][0], "a sentence move puts the caret at its start"
        await pilot.press("b")
        assert view.cursor == 0, "the caret went back into the first sentence and the cursor with it"
        await pilot.press("h")
        assert view.caret < first_end
