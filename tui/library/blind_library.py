"""A library as one reviewer may see it under blind review: others' reviews hidden until theirs is complete.

The compare screen hides the other reviewers' files from a reviewer whose own review is not
marked complete; the library must hide the same things, or its "notes by reviewer" column
and its search over notes would show what the compare screen keeps back. This wraps any
library source and filters its rows and hits per case, with the same rule (`blind_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tui.agreement.blind import blind_view
from tui.model.library import CaseSummary, LibrarySource, SearchAnswer
from tui.store.team_settings import TEAM_SETTINGS_NAME, load_folder_settings


def blinded_row(row: CaseSummary, viewer: str) -> tuple[CaseSummary, int]:
    """The row with only what `viewer` may see, and how many reviews were hidden from it."""
    keys = [review.reviewer for review in row.reviews]
    own = next((review for review in row.reviews if review.reviewer == viewer), None)
    view = blind_view(True, viewer, keys, own_complete=own.complete if own else None, settings_file=TEAM_SETTINGS_NAME)
    if not view.blinded:
        return row, 0
    return replace(row, reviews=tuple(r for r in row.reviews if not view.hides(r.reviewer))), len(view.hidden)


class BlindLibrary:
    """A `LibrarySource` that hides other reviewers' reviews of each case while the viewer's is not complete."""

    def __init__(self, source: LibrarySource, viewer: str) -> None:
        self._source = source
        self._viewer = viewer
        self._hidden_in: dict[str, bool] = {}
        """Case file -> whether others' reviews of it are hidden now (for search hits)."""

    @property
    def label(self) -> str:
        hidden = sum(self._hidden_in.values())
        note = f" · blind review: others' notes hidden in {hidden:,} cases until yours is complete" if hidden else ""
        return self._source.label + note

    def _filter(self, rows: list[CaseSummary]) -> list[CaseSummary]:
        shown = []
        for row in rows:
            blinded, hidden = blinded_row(row, self._viewer)
            self._hidden_in[row.path] = hidden > 0
            shown.append(blinded)
        return shown

    def first_rows(self) -> list[CaseSummary]:
        return self._filter(self._source.first_rows())

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> list[CaseSummary]:
        return self._filter(self._source.refresh(progress))

    def search(self, query: str, limit: int = 200) -> SearchAnswer:
        answer = self._source.search(query, limit)
        hits = tuple(
            hit
            for hit in answer.hits
            if hit.kind != "note" or hit.reviewer == self._viewer or not self._hidden_in.get(hit.path, True)
        )
        return replace(answer, hits=hits)


def library_for(folder: Path, source: LibrarySource, viewer: str) -> tuple[LibrarySource, str | None]:
    """The folder's library as `viewer` may see it (blind when the team says so), and a settings warning."""
    settings, warning = load_folder_settings(folder)
    if settings.team.blind:
        return BlindLibrary(source, viewer), warning
    return source, warning
