"""Provenance of a consensus review: for each place decided, where the decision came from.

A consensus review (`ID.consensus.review.toml`) is an ordinary review file, its notes and
answers in the usual tables, plus one `[[provenance]]` table per decided place: what each
reviewer had there, which of them the decision took (or that it was an edit, or an item
they all agreed on), what it made, who decided and when. Kept in its own table, rather
than as fields of each note and answer, so that the notes and answers stay exactly the
shape every review has, and a file without the table (every reviewer's own) is valid as
it always was:

    [[provenance]]
    place = "checklist:care-2013-5d"
    decision = "chosen"               # agreed, chosen, edited
    chosen = ["Ben Okafor"]           # whose entries were taken (or, for an edit, started from)
    answer = "yes"                    # the consensus answer this decision set, if any
    notes = ["a-0tp1o9e070000"]       # the consensus notes it made (ids in this file)
    decided_by = "Carla Reyes"
    decided = 2026-11-26 10:00:00+00:00

    [[provenance.sources]]            # one a reviewer compared, in the comparison's order
    reviewer = "Ana Sousa"
    answer = "partly"
    notes = []
    kinds = []

This module imports nothing of the review model, so `review.py` can hold the table itself
(see `consensus_review.py`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from tui.model.base import StrictModel
from tui.model.case import NonEmpty

DecisionKind = Literal["agreed", "chosen", "edited"]
"""agreed: every reviewer said the same and it was accepted as it stood; chosen: one reviewer's
entries, or several's, taken as they were; edited: written by whoever decided."""

Category = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,39}$")]
"""An answer as a plain word, so new answer values ("dont_know") need no change here."""
NoteId = Annotated[str, StringConstraints(pattern=r"^a-[0-9a-z]{6,40}$")]


class DecisionSource(StrictModel):
    """What one reviewer had at the place when it was decided."""

    reviewer: NonEmpty
    answer: Category | None = None
    notes: list[NoteId] = Field(default_factory=list, max_length=10_000)
    """Ids of the reviewer's notes there, in the reviewer's own file."""
    kinds: list[Category] = Field(default_factory=list, max_length=10_000)


class Decision(StrictModel):
    """How one place of a consensus review was decided, from what, by whom."""

    place: NonEmpty
    """The aligned place (`AlignedPlace.ident`): `checklist:care-2013-5d`, `section:discussion:120-180`."""
    decision: DecisionKind
    chosen: list[NonEmpty] = Field(default_factory=list, max_length=1_000)
    answer: Category | None = None
    notes: list[NoteId] = Field(default_factory=list, max_length=10_000)
    decided_by: NonEmpty
    decided: datetime
    sources: list[DecisionSource] = Field(default_factory=list, max_length=1_000)
