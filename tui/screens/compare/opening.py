"""Opening the compare screen over a review screen, and going to the place it was left with."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.screen import Screen

from tui.model.places import Place
from tui.screens.compare.screen import ComparableDocument, CompareScreen, load_team
from tui.store import InputFileError


def open_compare(
    over: Screen[Any], document: object, go_to_place: Callable[[Place], Awaitable[None]]
) -> CompareScreen | None:
    """Push the compare screen for `document`'s case; `enter` there comes back to `go_to_place`.

    A review file that cannot be read is one error line (naming file and place), and no screen.
    """
    if not isinstance(document, ComparableDocument):
        over.notify("This review has no case file beside it to compare with.", severity="warning")
        return None
    try:
        team = load_team(document)
    except InputFileError as error:
        over.notify(error.lines()[0], severity="error", markup=False)
        return None
    screen = CompareScreen(team, document)

    def back(place: Place | None) -> None:
        if place is not None:
            over.call_later(go_to_place, place)

    over.app.push_screen(screen, back)
    return screen
