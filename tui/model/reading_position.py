"""Where a reviewer was in a case: the pane, the section and the sentence.

Kept in the user's state folder, not in the review: it is one person's place on one
machine, not part of what they wrote, and two reviewers sharing review files through git
should not see each other's cursor move.
"""

from __future__ import annotations

from pydantic import Field

from tui.model.base import StrictModel


class ReadingPosition(StrictModel):
    """One case's last place: read back as a suggestion, checked against the case before use."""

    pane: str = Field(default="sections", max_length=64)
    section: str | None = Field(default=None, max_length=256)
    sentence: int = Field(default=0, ge=0, le=10_000_000)
