"""Reading the team's settings file beside the cases (`case-review.toml`).

A bad file must not stop anyone reviewing: reading gives the defaults and one warning
line naming the file and the field, like the user's config. A missing file is no warning.
"""

from __future__ import annotations

from pathlib import Path

from tui.model.team_settings import TeamSettings
from tui.store.errors import InputFileError
from tui.store.toml_file import decode_utf8, parse_toml, read_limited, validate_model

TEAM_SETTINGS_NAME = "case-review.toml"
MAX_TEAM_SETTINGS_BYTES = 64 * 1024


def load_team_settings(case_path: Path) -> tuple[TeamSettings, str | None]:
    """The team's settings for the case at `case_path` and, when the file is unusable, one warning line."""
    return load_folder_settings(case_path.resolve().parent)


def load_folder_settings(folder: Path) -> tuple[TeamSettings, str | None]:
    """The team's settings for a folder of cases (the file beside them), and one warning line if unusable."""
    path = folder / TEAM_SETTINGS_NAME
    if not path.exists():
        return TeamSettings(), None
    try:
        data = read_limited(path, MAX_TEAM_SETTINGS_BYTES, what="team settings file")
        if not data.strip():
            return TeamSettings(), None
        settings = validate_model(path, TeamSettings, parse_toml(path, decode_utf8(path, data)))
    except InputFileError as error:
        return TeamSettings(), "; ".join(error.lines()) + " (team settings not applied)"
    return settings, None
