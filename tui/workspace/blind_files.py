"""Blind review for views over many cases (the library's columns, search over notes): cheap, one case at a time.

The compare screen reads every review of a case; a view over a whole folder should not.
Whether the others' reviews are hidden from a reviewer depends only on the team's rule and
on the reviewer's own review being marked complete, so only that one file is read here.
"""

from __future__ import annotations

from pathlib import Path

from tui.agreement.blind import BlindView, blind_view
from tui.model.review import Review
from tui.store import InputFileError
from tui.store.case_files import reviewer_slug, reviews_of
from tui.store.review_file import MAX_REVIEW_BYTES
from tui.store.team_settings import TEAM_SETTINGS_NAME, load_team_settings
from tui.store.toml_file import read_toml_model


def blind_view_of(case_path: Path, case_id: str, viewer_path: Path) -> tuple[BlindView, str | None]:
    """What the reviewer whose file is `viewer_path` may see of the case's reviews (by file key), and a warning.

    The warning is one line: the team settings file or the viewer's own review could not be
    used (an unreadable own review counts as not complete, so nothing is shown by mistake).
    """
    settings, warning = load_team_settings(case_path)
    keys = [reviewer_slug(path, case_id) for path in reviews_of(case_path, case_id)]
    own_complete: bool | None = None
    if settings.team.blind and viewer_path.is_file():
        try:
            own = read_toml_model(viewer_path, Review, limit=MAX_REVIEW_BYTES, what="review file")
            own_complete = own.review.complete
        except InputFileError as error:
            warning = warning or error.lines()[0]
    viewer = reviewer_slug(viewer_path, case_id)
    return blind_view(
        settings.team.blind, viewer, keys, own_complete=own_complete, settings_file=TEAM_SETTINGS_NAME
    ), warning
