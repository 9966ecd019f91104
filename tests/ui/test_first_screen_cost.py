"""The first screen parses each stylesheet once, and the themes still colour it.

Textual re-parses every stylesheet when a theme is set and when a mode's first screen starts;
the app avoids both at start-up (`CaseReviewApp._start_in_theme`, `_screen_for`). These tests
fail if a Textual upgrade changes what those rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from tests.conftest import SEED_CASE
from tests.review_helpers import open_document
from tui.app import CaseReviewApp


@pytest.fixture
def reparses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        calls.append(1)
        original(self)

    monkeypatch.setattr(Stylesheet, "reparse", counting)
    return calls


@pytest.mark.parametrize("theme", ["case-review-dark", "case-review-light"])
async def test_the_first_screen_reparses_no_stylesheet(tmp_path: Path, reparses: list[int], theme: str) -> None:
    app = CaseReviewApp(open_document(SEED_CASE, tmp_path / "seed.review.toml"), theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == theme
        assert f"-theme-{theme}" in app.classes
        assert ("-dark-mode" in app.classes) == app.current_theme.dark
        assert ("-light-mode" in app.classes) == (not app.current_theme.dark)
        theme_background = Color.parse(app.current_theme.background or "black")
        assert app.screen.styles.background == theme_background, "the theme's colours, not Textual's default theme's"
        assert reparses == [], "nothing was parsed before the first screen, so nothing needs parsing again"


async def test_a_theme_chosen_later_is_applied(tmp_path: Path, reparses: list[int]) -> None:
    app = CaseReviewApp(open_document(SEED_CASE, tmp_path / "seed.review.toml"), theme="case-review-dark")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        before = app.screen.styles.background
        app.theme = "case-review-light"
        await pilot.pause()
        assert reparses, "a change of theme re-parses, as Textual does"
        assert app.screen.styles.background != before
        assert "-light-mode" in app.classes and "-dark-mode" not in app.classes
