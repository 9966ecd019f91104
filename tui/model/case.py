"""The case record: a published case report broken into what a reviewer inspects.

A case record is read-only input. Values the report does not state stay `None`:
the model never carries an invented number, which is why almost every clinical
field is optional while the provenance fields (`source_quote`) are required.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from tui.model.base import StrictModel
from tui.model.derived import derived

SCHEMA_VERSION = 1

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
"""Ids are lower-case slugs so that they are safe in file names, URLs and fragments."""

NonEmpty = Annotated[str, StringConstraints(min_length=1, max_length=2_000)]
LongText = Annotated[str, StringConstraints(max_length=1_000_000)]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=5_000)]

TimePoint = Slug | Annotated[int, Field(ge=-36_500, le=36_500)]
"""A moment: a timeline event id, or a day offset relative to admission."""

PainScale = Literal["NRS 0-10", "VAS 0-10", "VAS 0-100"]
"""The scale a score was given on; its top is the last number (`maximum`)."""


def _unflagged(flag: bool) -> bool:
    # A hand-written record never says `needs_review = false`; leaving the default out of
    # every dump keeps written files and exports of unflagged records as they were.
    return not flag


def _no_notes(notes: list[str]) -> bool:
    return not notes


ReviewFlag = Annotated[bool, Field(exclude_if=_unflagged)]
"""`needs_review`: the importer was unsure of this row; a person should check it against the text."""


class Source(StrictModel):
    """Where the report was published, so a reader can go back to it."""

    file: NonEmpty
    citation: NonEmpty | None = None
    doi: Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    url: NonEmpty | None = None


class Patient(StrictModel):
    """The patient as the report describes them, de-identified as published."""

    age: Annotated[int, Field(ge=0, le=130)] | None = None
    sex: Literal["male", "female", "other", "unknown"] = "unknown"
    conditions: list[NonEmpty] = Field(default_factory=list, max_length=200)

    @property
    def summary(self) -> str:
        """One line a reader can take in at a glance: "44-year-old male; multiple myeloma, ..."."""
        who = " ".join(
            part
            for part in (
                f"{self.age}-year-old" if self.age is not None else "",
                self.sex if self.sex != "unknown" else "patient",
            )
            if part
        )
        return f"{who}; {', '.join(self.conditions)}" if self.conditions else who


class Section(StrictModel):
    """One section or sub-section of the report's text, in reading order."""

    id: Slug
    title: NonEmpty
    parent: Slug | None = None
    text: LongText = ""
    """Empty only for a heading whose words are all in its sub-sections (the Abstract)."""

    @property
    def paragraphs(self) -> list[str]:
        """Paragraphs are separated by blank lines in the record."""
        return [p.strip() for p in self.text.split("\n\n") if p.strip()]


class Medication(StrictModel):
    """One regimen: a drug at one dose by one route. A dose change is a new row."""

    id: Slug
    name: NonEmpty
    amount: Annotated[float, Field(ge=0, le=1_000_000)] | None = None
    amount_max: Annotated[float, Field(ge=0, le=1_000_000)] | None = None
    """The top of a range (`5-10 mg/day`); `amount` is then its bottom."""
    unit: NonEmpty | None = None
    per: Literal["day", "dose", "hour", "week"] | None = None
    every: Annotated[int, Field(ge=2, le=1_000)] | None = None
    """A regimen repeated every N periods of `per`: `5 mg every 8 weeks` is amount 5, per week, every 8."""
    route: NonEmpty | None = None
    schedule: NonEmpty | None = None
    role: Slug
    start: TimePoint | None = None
    stop: TimePoint | None = None
    response: NonEmpty | None = None
    adverse_effects: NonEmpty | None = None
    source_quote: Quote
    assumption: NonEmpty | None = None
    """What the record assumes that the report does not say (a day, an order, a stop), shown wherever the row is."""
    needs_review: ReviewFlag = False

    @model_validator(mode="after")
    def _range_and_interval_are_whole(self) -> Medication:
        # A range without its bottom, an upside-down range or "every 8" of nothing cannot be read back.
        if self.amount_max is not None and (self.amount is None or self.amount_max < self.amount):
            raise ValueError("amount_max needs an amount no greater than it")
        if self.every is not None and self.per not in ("hour", "day", "week"):
            raise ValueError("every needs per = 'hour', 'day' or 'week'")
        return self

    @property
    def dose_label(self) -> str:
        """The dose as a reader expects to see it (`5-10 mg/day`, `5 mg every 8 weeks`); empty when none is given."""
        if self.amount is None:
            return ""
        amount = f"{self.amount:g}" if self.amount_max is None else f"{self.amount:g}-{self.amount_max:g}"
        unit = f" {self.unit}" if self.unit else ""
        per = f"/{self.per}" if self.per else ""
        return f"{amount}{unit}{per if self.every is None else f' every {self.every} {self.per}s'}"

    @property
    def label(self) -> str:
        """The regimen in a few words, `fentanyl 500 μg/day`: how every view names a row."""
        return f"{self.name} {self.dose_label}".strip()


class PainScore(StrictModel):
    """A pain rating, numeric when the report gives a number, in words otherwise."""

    id: Slug
    scale: PainScale = "NRS 0-10"
    condition: Literal["rest", "movement", "unspecified"]
    value: Annotated[float, Field(ge=0, le=100)] | None = None
    description: NonEmpty | None = None
    when: NonEmpty
    after: list[Slug] = Field(default_factory=list, max_length=100)
    source_quote: Quote
    needs_review: ReviewFlag = False

    @property
    def maximum(self) -> int:
        """The top of the scale: 10 for `NRS 0-10`, 100 for `VAS 0-100`."""
        return scale_maximum(self.scale)

    @property
    def reading(self) -> str:
        """The score as the report gives it: `8` (`45/100 VAS` off the default scale), or its words in quotes."""
        if self.value is None:
            return f"“{self.description}”"
        if self.scale == "NRS 0-10":
            return f"{self.value:g}"
        return f"{self.value:g}/{self.maximum} {self.scale.split()[0]}"

    @field_validator("value")
    @classmethod
    def _value_within_its_scale(cls, value: float | None, info: ValidationInfo) -> float | None:
        # The bound depends on the scale, which is validated first (it is declared first).
        scale = info.data.get("scale")
        if value is not None and isinstance(scale, str) and value > scale_maximum(scale):
            raise ValueError(f"on the {scale} scale, a value should be less than or equal to {scale_maximum(scale)}")
        return value

    @model_validator(mode="after")
    def _needs_value_or_words(self) -> PainScore:
        # A score with neither a number nor words says nothing the reader can check.
        if self.value is None and self.description is None:
            raise ValueError("a pain score needs a value or a description")
        return self


class TimelineEvent(StrictModel):
    """An event in the patient's course.

    `day` is relative to admission when the report allows it. When the report
    only says "3 days later", `anchor` names the earlier event and `offset` the
    days after it, so no absolute day is invented.
    """

    id: Slug
    day: Annotated[int, Field(ge=-36_500, le=36_500)] | None = None
    anchor: Slug | None = None
    offset: Annotated[int, Field(ge=-36_500, le=36_500)] | None = None
    label: NonEmpty
    text: NonEmpty
    approximate: bool = False
    assumption: NonEmpty | None = None
    """What the record assumes that the report does not say (the day it counts from, an order), shown with the event."""
    needs_review: ReviewFlag = False


class CaseRecord(StrictModel):
    """A whole case: the unit the app opens and the reviews refer to."""

    schema_version: int
    id: Slug
    title: NonEmpty
    source: Source
    patient: Patient
    sections: list[Section] = Field(min_length=1, max_length=500)
    medications: list[Medication] = Field(default_factory=list, max_length=1_000)
    pain_scores: list[PainScore] = Field(default_factory=list, max_length=1_000)
    timeline: list[TimelineEvent] = Field(default_factory=list, max_length=1_000)
    import_notes: Annotated[list[NonEmpty], Field(max_length=1_000, exclude_if=_no_notes)] = Field(default_factory=list)
    """What an importer was unsure of, one line each, for the reviewer to check (empty in a hand-made record)."""

    @field_validator("schema_version", mode="before")
    @classmethod
    def _known_schema_version(cls, version: object) -> object:
        if isinstance(version, bool) or version != SCHEMA_VERSION:
            raise ValueError(
                f"unsupported schema_version {version!r}; this version of case-review reads {SCHEMA_VERSION}"
            )
        return version

    def flagged_rows(self) -> int:
        """Medication rows, pain scores and events an importer was unsure of (`needs_review`)."""
        rows: list[Medication | PainScore | TimelineEvent] = [*self.medications, *self.pain_scores, *self.timeline]
        return sum(1 for row in rows if row.needs_review)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, if any (looked up in an index built once per case)."""
        return derived(self, _sections_by_id).get(section_id)

    def section_path(self, section_id: str) -> str:
        """`Abstract › Background`: a sub-section named with its parent, since several share a title."""
        section = self.section(section_id)
        if section is None:
            return section_id
        parent = self.section(section.parent) if section.parent else None
        return f"{parent.title} › {section.title}" if parent else section.title

    def children(self, parent_id: str | None) -> list[Section]:
        """Sub-sections of a section (or the top-level sections), in reading order."""
        return list(derived(self, _children_by_parent).get(parent_id, ()))


def scale_maximum(scale: str) -> int:
    """The top of a pain scale named like `VAS 0-100`."""
    return int(scale.rsplit("-", 1)[1])


def _sections_by_id(case: CaseRecord) -> dict[str, Section]:
    # The first of duplicate ids wins, as a linear search would (integrity reports duplicates).
    found: dict[str, Section] = {}
    for section in case.sections:
        found.setdefault(section.id, section)
    return found


def _children_by_parent(case: CaseRecord) -> dict[str | None, list[Section]]:
    children: dict[str | None, list[Section]] = {}
    for section in case.sections:
        children.setdefault(section.parent, []).append(section)
    return children
