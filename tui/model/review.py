"""The review: one reviewer's annotations and checklist answers on one case.

Reviews are shared through git, one file per reviewer, so the model is built for
clean diffs: annotation ids are stable and sort by creation, and `ordered()` gives
the one order in which a review is always written.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from tui.model.base import StrictModel
from tui.model.case import NonEmpty, Slug
from tui.model.provenance import Decision

TargetKind = Literal["section", "medication", "pain_score", "timeline", "checklist"]
AnnotationKind = Literal["comment", "question", "concern", "error", "praise"]
AnnotationStatus = Literal["open", "resolved"]
ANNOTATION_KINDS: tuple[AnnotationKind, ...] = ("comment", "question", "concern", "error", "praise")

AnnotationId = Annotated[str, StringConstraints(pattern=r"^a-[0-9a-z]{6,40}$")]


def _unix_line_ends(text: object) -> object:
    return text.replace("\r\n", "\n") if isinstance(text, str) else text


Body = Annotated[str, BeforeValidator(_unix_line_ends), StringConstraints(max_length=100_000)]
"""A note's text. Windows line ends become `\n`: TOML multi-line strings cannot keep `\r\n`, and
a note whose line ends changed on a round trip would look like an edit."""
Tag = Annotated[str, StringConstraints(pattern=r"^[^\s,]{1,60}$")]
ContextText = Annotated[str, StringConstraints(max_length=200)]
QuoteText = Annotated[str, StringConstraints(max_length=20_000)]
Offset = Annotated[int, Field(ge=0, le=10_000_000)]


def now() -> datetime:
    """The current time, in UTC and to the second: what the review file records."""
    return datetime.now(UTC).replace(microsecond=0)


def new_annotation_id(at: datetime | None = None) -> str:
    """An id that sorts by creation time (base-36 seconds) and never collides (random tail)."""
    seconds = int((at or now()).timestamp())
    stamp = ""
    while seconds:
        seconds, digit = divmod(seconds, 36)
        stamp = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + stamp
    return f"a-{stamp.rjust(7, '0')}{secrets.token_hex(3)}"


class Annotation(StrictModel):
    """A reviewer's note on a place in the case: a span of text, a section, or a table row.

    Text annotations carry `quote`, `prefix` and `suffix` besides the offsets, as the W3C
    TextQuoteSelector does, so they can be found again when the case text moves.
    """

    id: AnnotationId
    target: TargetKind
    target_id: NonEmpty
    start: Offset | None = None
    end: Offset | None = None
    quote: QuoteText | None = None
    prefix: ContextText | None = None
    suffix: ContextText | None = None
    kind: AnnotationKind = "comment"
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    body: Body = ""
    author: NonEmpty
    created: datetime
    updated: datetime
    status: AnnotationStatus = "open"

    @model_validator(mode="after")
    def _span_is_whole(self) -> Annotation:
        # Half a span cannot be highlighted or re-anchored; refuse it at the door.
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end go together")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError("end comes before start")
        if self.start is not None and self.target != "section":
            raise ValueError("only section annotations have a text span")
        return self

    @property
    def is_text_span(self) -> bool:
        return self.start is not None


class ChecklistAnswer(StrictModel):
    """One answered appraisal item (CARE, JBI)."""

    checklist: Slug
    item: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,2}[a-z]?$")]
    answer: Literal["yes", "no", "partly", "unclear", "na"]
    note: Body = ""


class ReviewHeader(StrictModel):
    """Whose review of which case, and of which version of its text."""

    case_id: Slug
    case_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    reviewer: NonEmpty
    created: datetime
    updated: datetime


class Review(StrictModel):
    """A whole review file."""

    review: ReviewHeader
    annotations: list[Annotation] = Field(default_factory=list, max_length=100_000)
    checklist: list[ChecklistAnswer] = Field(default_factory=list, max_length=10_000)
    provenance: list[Decision] = Field(default_factory=list, max_length=100_000)
    """Consensus reviews only: how each place was decided (see `provenance.py`)."""

    def decision_at(self, place: str) -> Decision | None:
        """The consensus decision made at a place, if any."""
        return next((d for d in self.provenance if d.place == place), None)

    def ordered(self) -> Review:
        """The same review in its one written order: annotations by id, answers by checklist and item."""
        return self.model_copy(
            update={
                "annotations": sorted(self.annotations, key=lambda a: a.id),
                "checklist": sorted(self.checklist, key=lambda c: (c.checklist, _item_key(c.item))),
                "provenance": sorted(self.provenance, key=lambda d: d.place),
            }
        )


def _item_key(item: str) -> tuple[int, str]:
    digits = "".join(ch for ch in item if ch.isdigit())
    return (int(digits), item[len(digits) :])


def new_review(case_id: str, case_sha256: str, reviewer: str) -> Review:
    """An empty review of a case by `reviewer`, stamped now."""
    stamp = now()
    header = ReviewHeader(case_id=case_id, case_sha256=case_sha256, reviewer=reviewer, created=stamp, updated=stamp)
    return Review(review=header)


def merge_reviews(reviews: Sequence[Review]) -> Review:
    """Several copies of one review's work (journals of several instances) as one: nothing is dropped.

    Every note is kept, each at its latest edit; every checklist answer is kept, the later
    copy's winning for the same item. The header is the most recently changed copy's.
    """
    if len(reviews) == 1:
        return reviews[0]
    by_time = sorted(reviews, key=lambda review: review.review.updated)
    notes: dict[str, Annotation] = {}
    answers: dict[str, ChecklistAnswer] = {}
    for review in by_time:
        for note in review.annotations:
            if note.id not in notes or note.updated >= notes[note.id].updated:
                notes[note.id] = note
        for answer in review.checklist:
            answers[answer.model_dump_json(exclude={"answer", "note"})] = answer
    return by_time[-1].model_copy(update={"annotations": list(notes.values()), "checklist": list(answers.values())})
