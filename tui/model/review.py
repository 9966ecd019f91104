"""The review: one reviewer's annotations and checklist answers on one case.

Reviews are shared through git, one file per reviewer, so the model is built for
clean diffs: annotation ids are stable and sort by creation, and `ordered()` gives
the one order in which a review is always written.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
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


MAX_BODY_CHARS = 100_000
MAX_TAGS = 50
MAX_TAG_CHARS = 60
MAX_QUOTE_CHARS = 20_000
MAX_NAME_CHARS = 2_000
"""The limits a note must keep; the editor and the command line check them before the model would refuse."""

Body = Annotated[str, BeforeValidator(_unix_line_ends), StringConstraints(max_length=MAX_BODY_CHARS)]
"""A note's text. Windows line ends become `\n`: TOML multi-line strings cannot keep `\r\n`, and
a note whose line ends changed on a round trip would look like an edit."""
Tag = Annotated[str, StringConstraints(pattern=rf"^[^\s,]{{1,{MAX_TAG_CHARS}}}$")]
ContextText = Annotated[str, StringConstraints(max_length=200)]
QuoteText = Annotated[str, StringConstraints(max_length=MAX_QUOTE_CHARS)]
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

    A note on a checklist item may be tied to the words that address it: it then names the
    `section` whose text the span is in, and carries a span like a text note.
    """

    id: AnnotationId
    target: TargetKind
    target_id: NonEmpty
    section: Slug | None = None
    """For a checklist note tied to text: the section the span is in (a section note's is its target)."""
    start: Offset | None = None
    end: Offset | None = None
    quote: QuoteText | None = None
    prefix: ContextText | None = None
    suffix: ContextText | None = None
    kind: AnnotationKind = "comment"
    tags: list[Tag] = Field(default_factory=list, max_length=MAX_TAGS)
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
        if self.section is not None and self.target != "checklist":
            raise ValueError("only a checklist note names a section; a section note's section is its target")
        if self.section is not None and self.start is None:
            raise ValueError("a checklist note names a section only with the span it ties the item to")
        if self.start is not None and self.text_section is None:
            raise ValueError("only section annotations (and checklist notes naming a section) have a text span")
        return self

    @property
    def is_text_span(self) -> bool:
        return self.start is not None

    @property
    def text_section(self) -> str | None:
        """The section whose text this note's span (if any) lies in."""
        return self.target_id if self.target == "section" else self.section


EffectName = Annotated[
    str, StringConstraints(pattern=r"^[^\s\x00-\x1f\x7f](?:[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$", max_length=120)
]
"""An adverse effect as a Naranjo assessment names it: `drowsiness`. One line, trimmed."""


@dataclass(frozen=True, slots=True, order=True)
class AdverseEffect:
    """What a per-effect checklist (Naranjo) is answered about: one effect of one medication row."""

    medication: str
    effect: str


class ChecklistAnswer(StrictModel):
    """One appraisal item as the reviewer answered it, with their note.

    `version` is the checklist's version when answered (older reviews have none). A checklist
    answered per adverse effect (Naranjo) names the medication row and the effect, so a review
    holds several assessments side by side. The overall decision or judgement is the item
    `overall`. Ids and answers are checked here only for their form: whether `partly` is an
    answer of item `5d` depends on the checklist's definition (`tui.appraisal.check_answers`),
    and a colleague's review that uses a checklist this run does not know must still open.
    """

    checklist: Slug
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$")] | None = None
    medication: Slug | None = None
    effect: EffectName | None = None
    item: Annotated[str, StringConstraints(pattern=r"^[0-9a-z][0-9a-z._-]{0,19}$")]
    answer: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,29}$")] | None = None
    """None while the reviewer has written a note but not decided."""
    note: Body = ""

    @model_validator(mode="after")
    def _whole(self) -> ChecklistAnswer:
        if (self.medication is None) != (self.effect is None):
            raise ValueError("medication and effect go together")
        if self.answer is None and not self.note:
            raise ValueError("an entry needs an answer or a note")
        return self

    @property
    def target(self) -> AdverseEffect | None:
        """The adverse effect this answer is about, for a checklist answered per effect."""
        if self.medication is None or self.effect is None:
            return None
        return AdverseEffect(self.medication, self.effect)

    @property
    def key(self) -> tuple[str, str, str, tuple[int, int, str]]:
        """Its place in the written order, and what makes it unique within a review."""
        return (self.checklist, self.medication or "", self.effect or "", item_order(self.item))


class ReviewHeader(StrictModel):
    """Whose review of which case, and of which version of its text."""

    case_id: Slug
    case_sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    reviewer: NonEmpty
    created: datetime
    updated: datetime
    complete: bool = False
    """Set when the reviewer marks the review done; blind mode shows others' reviews only then."""


class Review(StrictModel):
    """A whole review file."""

    review: ReviewHeader
    annotations: list[Annotation] = Field(default_factory=list, max_length=100_000)
    checklist: list[ChecklistAnswer] = Field(default_factory=list, max_length=10_000)
    provenance: list[Decision] = Field(default_factory=list, max_length=100_000)
    """Consensus reviews only: how each place was decided (see `provenance.py`)."""

    def touches_checklists(self) -> bool:
        """Whether any answer or note needs a checklist's definition to be checked."""
        return bool(self.checklist) or any(a.target == "checklist" for a in self.annotations)

    def decision_at(self, place: str) -> Decision | None:
        """The consensus decision made at a place, if any."""
        return next((d for d in self.provenance if d.place == place), None)

    def ordered(self) -> Review:
        """The same review in its one written order: annotations by id; answers by checklist, medication row,
        effect and item number (`ChecklistAnswer.key`)."""
        return self.model_copy(
            update={
                "annotations": sorted(self.annotations, key=lambda a: a.id),
                "checklist": sorted(self.checklist, key=lambda c: c.key),
                "provenance": sorted(self.provenance, key=lambda d: d.place),
            }
        )


def item_order(item: str) -> tuple[int, int, str]:
    """Items by their number as a reader counts them (`2` before `10`, `5a` before `5b`), others after."""
    digits = len(item) - len(item.lstrip("0123456789"))
    if digits == 0:
        return (1, 0, item)
    return (0, int(item[:digits]), item[digits:])


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
