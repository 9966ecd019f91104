"""A pane is one registry entry and one widget: the bar, its key, help, the palette and `a` find it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import pytest
from textual.binding import BindingType
from textual.widget import Widget
from textual.widgets import Static

from tests.review_helpers import current_pane, make_app, review_screen, screen_text
from tui.actions import CATALOGUE, ActionSpec, Context, bindings
from tui.model import CaseRecord
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.screens.annotation_editor import AnnotationEditor
from tui.screens.help import HelpScreen
from tui.screens.review.panes import PANES, PaneSpec
from tui.widgets.pane_bar import PaneBar


@pytest.fixture
def vitals_pane() -> Iterator[type[Widget]]:
    """Registers a Vitals pane on key 7, with one key of its own; removes it afterwards."""
    CATALOGUE.add_context(Context("vitals", "Vitals"))
    CATALOGUE.add(ActionSpec("vitals.refresh", "r", "refresh", "Refresh the vitals"))

    class VitalsPane(Static, can_focus=True):
        BINDINGS: ClassVar[list[BindingType]] = bindings("vitals")

        def __init__(self, case: CaseRecord) -> None:
            super().__init__(f"Vitals of {case.id}")
            self._case = case
            self.notes_seen = -1
            self.refreshed = 0

        def show_review(self, session: ReviewSession) -> None:
            self.notes_seen = len(session.review.annotations)

        def place_at_cursor(self) -> Place | None:
            return Place("timeline", self._case.timeline[0].id)

        def action_refresh(self) -> None:
            self.refreshed += 1

    PANES.register(PaneSpec("vitals", "7", "Vitals", "Vit", VitalsPane, context="vitals"))
    try:
        yield VitalsPane
    finally:
        PANES.unregister("vitals")
        CATALOGUE.remove_context("vitals")


async def test_an_extra_pane_is_in_the_bar_the_keys_help_and_the_palette(vitals_pane: type[Widget]) -> None:
    app = make_app()
    async with app.run_test(size=(200, 200)) as pilot:  # wide enough for seven full titles, tall for help
        await pilot.pause()
        screen = review_screen(app)
        assert "7 Vitals" in str(screen.query_one(PaneBar).render())

        await pilot.press("7")
        await pilot.pause()
        assert current_pane(app) == "vitals-pane"
        pane = screen.query_one(vitals_pane)
        assert app.focused is pane
        assert pane.notes_seen == 0, "the pane was shown the review when it was built"
        await pilot.press("r")
        assert pane.refreshed == 1, "the pane's own key works in it"

        # `a` annotates what the pane points at.
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnnotationEditor)
        assert "Annotate: timeline event" in screen_text(app)
        await pilot.press(*"on the first event", "ctrl+s")
        await pilot.pause()
        assert pane.notes_seen == 1, "the pane hears of every change"
        [note] = app.document.session.review.annotations
        assert (note.target, note.target_id) == ("timeline", app.document.case.timeline[0].id)

        await pilot.press("1", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = screen_text(app)
        assert "Vitals (7)" in help_text and "Refresh the vitals" in help_text
        await pilot.press("escape")

        await pilot.press("ctrl+p", *"Action: Vitals")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert current_pane(app) == "vitals-pane"


async def test_without_the_entry_the_pane_is_nowhere() -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert "Vitals" not in str(review_screen(app).query_one(PaneBar).render())
        await pilot.press("7")
        assert current_pane(app) == "sections-pane"
