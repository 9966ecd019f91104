"""A team's shared settings for the cases in one folder (`case-review.toml` beside the cases).

Kept apart from the user's own config: these are the team's rules (blind review), shared
with the cases through git, so every member's app follows the same ones. Unknown keys are
errors, so a misspelt `blnd = true` is reported instead of silently leaving reviews open.
"""

from __future__ import annotations

from pydantic import Field

from tui.model.base import StrictModel


class TeamRules(StrictModel):
    """`[team]`: how reviewers of these cases see each other's work."""

    blind: bool = False
    """Each reviewer sees the others' reviews only once they marked their own complete."""


class TeamSettings(StrictModel):
    """The whole settings file; every table optional, so an empty file means the defaults."""

    team: TeamRules = Field(default_factory=TeamRules)
