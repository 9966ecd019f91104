"""Reopening a case where the reviewer left it: read in the background, written at exit.

The position file is read on a worker thread so the first screen never waits for it;
the screen is moved when it arrives (a small jump just after start-up, or none).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from tui.store.reading_positions import load_position, remember_position

if TYPE_CHECKING:
    from textual.app import App

    from tui.screens.review.screen import ReviewScreen
    from tui.workspace.document import ReviewDocument


def restore_in_background(app: App[Any], document: ReviewDocument, screen: ReviewScreen) -> None:
    """Read the case's kept position off the UI thread, then move the screen there."""
    app.run_worker(partial(_load_and_go, app, document, screen), thread=True, exit_on_error=False)


def _load_and_go(app: App[Any], document: ReviewDocument, screen: ReviewScreen) -> None:
    position = load_position(document.case_path)
    if position is not None:
        app.call_from_thread(screen.restore_position, position)


def remember_positions(shown: Iterable[tuple[ReviewDocument, ReviewScreen | None]]) -> None:
    """Keep where each open case's screen is; a failed write costs only the convenience."""
    for document, screen in shown:
        if screen is not None and screen.is_mounted:
            with contextlib.suppress(OSError):
                remember_position(document.case_path, screen.reading_position())
