"""A user's `[keymap]` rebinds keys: the new key works, help and the hints show it, bad entries are warned of."""

from __future__ import annotations

from pathlib import Path

from tests.review_helpers import make_app, review_screen, screen_text
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.help import HelpScreen
from tui.widgets.key_hints import KeyHints
from tui.widgets.pane_bar import PaneBar


def _write_config(folder: Path, text: str) -> None:
    (folder / "config.toml").write_text(text, encoding="utf-8")


async def test_a_rebound_annotate_key_opens_the_editor_and_help_shows_it(isolated_config_dir: Path) -> None:
    _write_config(isolated_config_dir, '[keymap]\n"review.annotate" = "A"\n')
    app = make_app()
    async with app.run_test(size=(100, 140)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationEditor), "the default key no longer annotates"
        assert ("A", "Annotate") in review_screen(app).query_one(KeyHints).hints()
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_lines = screen_text(app).splitlines()
        [annotate] = [line for line in help_lines if "Annotate" in line and "│" in line]
        assert annotate.split("│")[1].split() == ["A", "Annotate"]


async def test_unquoted_ids_a_list_of_keys_and_a_pane_key(isolated_config_dir: Path) -> None:
    _write_config(isolated_config_dir, '[keymap]\nreview.pane.notes = ["0", "ctrl+o"]\n')
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "0 Notes" in str(review_screen(app).query_one(PaneBar).render())
        await pilot.press("0")
        await pilot.pause()
        assert review_screen(app).current_pane == "notes"
        await pilot.press("1", "ctrl+o")
        assert review_screen(app).current_pane == "notes"


async def test_each_bad_entry_is_one_warning_and_the_app_starts(isolated_config_dir: Path) -> None:
    _write_config(
        isolated_config_dir,
        'theme = "case-review-light"\n[keymap]\n"review.anotate" = "A"\n"review.undo" = "ctrl+nonsense"\n'
        '"review.redo" = "n"\n"app.save" = "ctrl+w"\n',
    )
    app = make_app(theme=None)
    assert app.theme == "case-review-light", "a bad key map costs nothing else in the config"
    assert app.keymap == {"app.save": "ctrl+w"}
    warned = [line for line in app.startup_warnings if line.startswith("keymap:")]
    assert [line.split("'")[1] for line in warned] == ["review.anotate", "review.undo", "review.redo"]
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "keymap: 'review.anotate'" in screen_text(app), "the warnings are shown"
        await pilot.press("a", *"kept", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+w")
        await pilot.pause()
        assert not app.document.dirty and app.document.review_path.exists()
