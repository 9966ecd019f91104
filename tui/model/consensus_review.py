"""A consensus review: a review whose file also records how each place was decided.

`ConsensusReview` is `Review` plus the optional `provenance` table (see `provenance.py`).
It is a subclass only until `Review` itself holds the table: `Review` forbids unknown
keys, so until then a consensus file is read as this model (`store.review_file.review_model_for`
picks it for `ID.consensus.review.toml` and its journal, so `ReviewDocument` opens, saves and
journals a consensus like any review). Once `review.py` has the field
(`provenance: list[Decision] = Field(default_factory=list, max_length=100_000)`, sorted
by `place` in `ordered()`), this class can become `ConsensusReview = Review`.
"""

from __future__ import annotations

from typing import cast

from pydantic import Field

from tui.model.provenance import Decision
from tui.model.review import Review, ReviewHeader, now

CONSENSUS_REVIEWER = "consensus"
"""The reviewer of a consensus review: the team, not a person (`decided_by` names people)."""


class ConsensusReview(Review):
    """A review with the provenance of its decisions; valid with none (any review reads as one)."""

    provenance: list[Decision] = Field(default_factory=list, max_length=100_000)

    def ordered(self) -> ConsensusReview:
        """The one written order of `Review.ordered`, decisions by place."""
        ordered = cast(ConsensusReview, super().ordered())  # model_copy keeps the class
        return ordered.model_copy(update={"provenance": sorted(self.provenance, key=lambda d: d.place)})

    def decision_at(self, place: str) -> Decision | None:
        return next((d for d in self.provenance if d.place == place), None)


def as_consensus(review: Review) -> ConsensusReview:
    """`review` as a consensus review: a plain review has no decisions yet (or, once `Review` holds the
    table, keeps its own)."""
    if isinstance(review, ConsensusReview):
        return review
    decisions: list[Decision] = getattr(review, "provenance", [])
    return ConsensusReview(
        review=review.review, annotations=review.annotations, checklist=review.checklist, provenance=decisions
    )


def new_consensus_review(case_id: str, case_sha256: str) -> ConsensusReview:
    """An empty consensus review of a case, stamped now."""
    stamp = now()
    header = ReviewHeader(
        case_id=case_id, case_sha256=case_sha256, reviewer=CONSENSUS_REVIEWER, created=stamp, updated=stamp
    )
    return ConsensusReview(review=header)
