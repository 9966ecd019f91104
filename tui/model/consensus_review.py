"""A consensus review: an ordinary review whose `provenance` table says how each place was decided.

Every review may hold the table (`Review.provenance`, empty for a reviewer's own file), so a
consensus file reads, saves and journals like any review, under any name.
"""

from __future__ import annotations

from tui.model.review import Review, ReviewHeader, now

CONSENSUS_REVIEWER = "consensus"
"""The reviewer of a consensus review: the team, not a person (`decided_by` names people)."""

ConsensusReview = Review
"""A review with the provenance of its decisions; valid with none."""


def as_consensus(review: Review) -> Review:
    """`review` as a consensus review: every review is one (with no decisions until some are made)."""
    return review


def new_consensus_review(case_id: str, case_sha256: str) -> Review:
    """An empty consensus review of a case, stamped now."""
    stamp = now()
    header = ReviewHeader(
        case_id=case_id, case_sha256=case_sha256, reviewer=CONSENSUS_REVIEWER, created=stamp, updated=stamp
    )
    return Review(review=header)
