"""The user's persistent settings.

Everything is optional: a missing or partial config file must never stop the
program from starting, and a value left out means "use the default" rather than
a stored copy of today's default.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from tui.model.base import StrictModel

Setting = Annotated[str, StringConstraints(max_length=200)]
KeymapEntry = str | int | float | bool
"""Keys as the user wrote them; whether they name an action and real keys is checked by the app, entry by entry."""


class UserConfig(StrictModel):
    """Settings kept between runs; unknown keys are errors so a typo is reported, not ignored."""

    theme: Setting | None = None
    """The name of the theme to start with; checked against the available themes by the app."""
    reviewer: Setting | None = None
    """The name recorded on reviews, so it need not be typed each time."""
    library: Setting | None = None
    """A folder of cases opened as a library when `case-review` is run with no argument."""
    keymap: dict[Annotated[str, StringConstraints(max_length=200)], KeymapEntry] = Field(
        default_factory=dict, max_length=500
    )
    """Action id -> keys (`"review.annotate" = "A"`): rebinds keys; an entry that cannot be used is warned of."""
