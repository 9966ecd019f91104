"""The hints line keeps the app's keys at every width and offers only keys that act where focus is."""

from __future__ import annotations

import pytest

from tests.review_helpers import make_app, review_screen
from tui.widgets.key_hints import KeyHints


def _hints(app) -> str:  # type: ignore[no-untyped-def]
    return str(review_screen(app).query_one(KeyHints).render())


@pytest.mark.parametrize("width", [80, 100, 140])
@pytest.mark.parametrize("pane", ["1", "2", "3", "4", "6"])
async def test_quit_save_export_help_and_palette_are_always_shown(width: int, pane: str) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.press(pane)
        await pilot.pause()
        line = _hints(app)
        for key, word in (("q", "Quit"), ("^s", "Save"), ("x", "Export"), ("?", "Help"), ("^p", "palette")):
            assert f" {key} " in line and word in line, f"{key} {word} at {width} columns in pane {pane}"
        assert len(line) <= width


async def test_the_notes_list_does_not_offer_annotate() -> None:
    app = make_app()
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        assert "Annotate" in _hints(app), "the reader offers a"
        await pilot.press("6")
        await pilot.pause()
        assert "Annotate" not in _hints(app), "nothing to annotate in the notes list"


async def test_hints_are_cut_between_hints_never_inside_one() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        local = _hints(app).split("  q  Quit")[0].rstrip()
        if local.endswith("…"):
            local = local[:-1].rstrip()
        descriptions = {description for _keys, description in review_screen(app).query_one(KeyHints).hints()}
        assert any(local.endswith(description) for description in descriptions), local
