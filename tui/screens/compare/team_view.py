"""What the compare screen reads of the team's reviews: never how they are read or saved.

The workspace's `TeamReview` answers it (the app glue, `tui/team_compare.py`, hands one
in); the screen only shows it and passes the keys on, so it never touches a file.
"""

from __future__ import annotations

from typing import Protocol

from tui.agreement.alignment import Comparison
from tui.agreement.blind import BlindView
from tui.agreement.consensus import ConsensusSession
from tui.model.case import CaseRecord
from tui.model.review import Review


class TeamView(Protocol):
    """Every review of one case as one reviewer may see them, compared, with the consensus being built."""

    @property
    def case(self) -> CaseRecord: ...

    @property
    def comparison(self) -> Comparison | None:
        """None while fewer than two reviews may be shown."""
        ...

    @property
    def consensus(self) -> ConsensusSession | None: ...

    @property
    def view(self) -> BlindView: ...

    @property
    def warning(self) -> str | None:
        """The team settings file could not be used (one line naming file and field)."""
        ...

    @property
    def review_count(self) -> int: ...

    @property
    def shown_names(self) -> tuple[str, ...]: ...

    def hidden_line(self) -> str: ...

    def save(self) -> tuple[bool, str]:
        """Save the consensus: (saved, the line that says where or why not)."""
        ...

    def write_figures(self) -> tuple[bool, str]:
        """Write the agreement figures: (written, the line naming the files or saying why not)."""
        ...

    def reopened(self, viewer_review: Review) -> TeamView | str:
        """The reviews read again with the viewer's review as given; an error line when they cannot be."""
        ...
