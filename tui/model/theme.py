"""A colour theme as a user may write it in a TOML file.

Theme files are untrusted input like case files, so they are checked the same
way: unknown keys are errors (a misspelt `backgroud` must not be silently
ignored) and colours must be `#rrggbb`, the one form every terminal renderer and
every contrast checker understands. The model stays free of Textual; the
conversion to a Textual theme lives in `tui/theming.py`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from tui.model.base import StrictModel

ThemeName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
"""A slug, so a theme name is safe to show, to put in a config file and to type on a command line."""

HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class ThemeSpec(StrictModel):
    """One theme. Only `primary` is required because Textual derives the other colours from it."""

    name: ThemeName
    dark: bool = True
    primary: HexColour
    secondary: HexColour | None = None
    accent: HexColour | None = None
    foreground: HexColour | None = None
    background: HexColour | None = None
    surface: HexColour | None = None
    panel: HexColour | None = None
    warning: HexColour | None = None
    error: HexColour | None = None
    success: HexColour | None = None
