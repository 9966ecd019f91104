"""Opening the compare screen for an open review: the glue between the workspace and the screen.

Like `app.py`, this module may use both: it reads every review of the case through the
workspace (`team_review_for`) and hands the result to `CompareScreen`, which never touches
a file. The review screen's `C` and the palette's "Compare reviewers" come here; the library
can too, with any open review.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from textual.screen import Screen

from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.screens.compare.screen import CompareScreen
from tui.workspace.team_review import team_review_for


@runtime_checkable
class ComparableDocument(Protocol):
    """What comparing needs of the open review: where the case and the viewer's file are, and the session."""

    @property
    def case_path(self) -> Path: ...

    @property
    def review_path(self) -> Path: ...

    @property
    def reviewer(self) -> str: ...

    @property
    def session(self) -> ReviewSession: ...


def open_compare(
    over: Screen[Any], document: object, go_to_place: Callable[[Place], Awaitable[None]]
) -> CompareScreen | None:
    """Push the compare screen for `document`'s case; `enter` there comes back to `go_to_place`.

    A review file that cannot be read is one error line (naming file and place), and no screen.
    """
    if not isinstance(document, ComparableDocument):
        over.notify("This review has no case file beside it to compare with.", severity="warning")
        return None
    team = team_review_for(
        document.case_path,
        viewer_path=document.review_path,
        viewer_review=document.session.review,
        decided_by=document.reviewer,
    )
    if isinstance(team, str):
        over.notify(team, severity="error", markup=False)
        return None
    screen = CompareScreen(team, document)

    def back(place: Place | None) -> None:
        if place is not None:
            over.call_later(go_to_place, place)

    over.app.push_screen(screen, back)
    return screen
