"""Edits the model would refuse are caught first: the editor says what is too long and keeps every word."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import TextArea

from tests.conftest import SEED_CASE, RunCli
from tests.review_helpers import make_app, reader, screen_text
from tui.model.review import MAX_NAME_CHARS, MAX_QUOTE_CHARS, MAX_TAGS
from tui.screens.annotation_editor import AnnotationEditor
from tui.store.review_file import read_review


async def test_51_tags_are_refused_in_the_editor_and_nothing_typed_is_lost(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "r.review.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, AnnotationEditor)
        await pilot.press(*"kept words")
        editor.query_one("#editor-tags").value = " ".join(f"t{n}" for n in range(MAX_TAGS + 1))  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is editor, "the editor stays open"
        assert f"51 tags: a note holds at most {MAX_TAGS}" in screen_text(app)
        assert editor.query_one("#editor-body", TextArea).text == "kept words"
        editor.query_one("#editor-tags").value = "t1 t2"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        [note] = app.document.session.review.annotations
        assert (note.body, note.tags) == ("kept words", ["t1", "t2"])
        # An edit that would break the limit is refused the same way, never stored.
        await pilot.press("6", "e")
        await pilot.pause()
        app.screen.query_one("#editor-tags").value = " ".join(f"x{n}" for n in range(60))  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        await pilot.press("escape", "escape")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert read_review(tmp_path / "r.review.toml", app.document.case).annotations[0].tags == ["t1", "t2"]


async def test_a_passage_longer_than_a_quote_can_hold_is_refused_before_the_editor(tmp_path: Path) -> None:
    case = tmp_path / "long.toml"
    sentence = "word " * (MAX_QUOTE_CHARS // 5 + 10)
    text = SEED_CASE.read_text(encoding="utf-8").replace(
        "[[medications]]",
        f'[[sections]]\nid = "long"\ntitle = "Long"\ntext = "{sentence.strip()}."\n\n[[medications]]',
        1,
    )
    case.write_text(text, encoding="utf-8")
    app = make_app(case, review_path=tmp_path / "r.review.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        from tui.model.places import Place

        await app.screen.go_to_place(Place("section", "long"))  # type: ignore[attr-defined]
        await pilot.pause()
        assert reader(app).section_id == "long"
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationEditor)
        assert any("a note can quote at most 20,000" in n.message for n in app._notifications)
        assert app.is_running and app.document.session.review.annotations == []


def test_a_reviewer_name_too_long_for_the_file_is_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copy(SEED_CASE, tmp_path / "case.toml")
    result = run_cli(tmp_path / "case.toml", "--reviewer", "x" * (MAX_NAME_CHARS + 1))
    assert result.returncode == 2
    assert result.stderr.strip() == f"case-review: --reviewer: a name of 2,001 characters; at most {MAX_NAME_CHARS:,}"
