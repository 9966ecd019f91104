"""A structured appraisal checklist as a data file defines it: items, answers, domains, scores.

CARE, JBI, Murad and Naranjo ship as TOML files in `tui/appraisal/checklists/`, and a team may
add its own extraction form in `CONFIG/checklists/`. Both are read through the same model, so a
team's file is held to the same rules as ours and is untrusted input like a case file: unknown
keys are errors, every string has a bound, and the rules that need the whole file (ids unique,
domains and answers that exist, bands that do not overlap) are `checklist_problems`, reported at
their field paths by the loader as the case integrity rules are.

The answer vocabulary lives in the file, not in code: CARE answers yes / no / partly / na, JBI
yes / no / unclear / na, Naranjo yes / no / dont_know with a score per item and answer.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from tui.model.base import StrictModel
from tui.model.case import Slug
from tui.model.integrity import IntegrityProblem

CHECKLIST_SCHEMA_VERSION = 1

OVERALL_ITEM = "overall"
"""The item id under which a review records a checklist's overall decision or judgement."""

AnswerId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,29}$")]
"""`yes`, `partly`, `dont_know`: safe as a TOML value, a CSV cell and a CSS class."""
ItemId = Annotated[str, StringConstraints(pattern=r"^[0-9a-z][0-9a-z._-]{0,19}$")]
"""An item's published number (`1`, `5d`) or a team's own short id (`q1`, `2.3`)."""
Version = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$")]
ShortText = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]+$", min_length=1, max_length=120)]
"""One line: titles and labels are shown in lists, headings and table cells."""
Prose = Annotated[str, StringConstraints(max_length=4_000)]
Key = Annotated[str, StringConstraints(pattern=r"^[!-~]$")]
"""One printable ASCII character: the key that gives this answer in the Appraisal pane."""


class AnswerOption(StrictModel):
    """One answer a reviewer may give (or one overall decision)."""

    id: AnswerId
    label: ShortText
    key: Key | None = None


class Domain(StrictModel):
    """A group of items (Murad: selection, ascertainment, causality, reporting; CARE: its headings)."""

    id: Slug
    title: ShortText
    guidance: Prose = ""


class ChecklistItem(StrictModel):
    """One question, worded in our own words, under its published number."""

    id: ItemId
    title: ShortText
    """A few words: how labels name the item (`CARE 5d: Past interventions`)."""
    text: Annotated[str, StringConstraints(min_length=1, max_length=4_000)]
    """The question in full, as the pane and the exports show it."""
    domain: Slug | None = None
    guidance: Prose = ""
    answers: list[AnswerId] | None = Field(default=None, max_length=20)
    """The answers this item allows, when fewer than the checklist's."""
    scores: dict[AnswerId, int] = Field(default_factory=dict, max_length=20)
    """Points per answer, for a scored checklist (Naranjo)."""
    other_number: ItemId | None = None
    """The number another published version gives the same item (CARE: the 2013 paper's table)."""
    look_in: list[ShortText] = Field(default_factory=list, max_length=30)
    """Words of section titles that likely address the item (`case presentation`); see `tui.appraisal.sections`."""
    mentions: list[ShortText] = Field(default_factory=list, max_length=30)
    """Words whose presence in a section's text suggests it addresses the item (`consent`)."""

    @field_validator("scores")
    @classmethod
    def _scores_are_bounded(cls, scores: dict[str, int]) -> dict[str, int]:
        if any(abs(points) > 1_000 for points in scores.values()):
            raise ValueError("a score must lie between -1000 and 1000")
        return scores


class Band(StrictModel):
    """A range of totals with its name (Naranjo: definite 9 or more, ..., doubtful 0 or less)."""

    id: Slug
    label: ShortText
    min: int | None = Field(default=None, ge=-100_000, le=100_000)
    max: int | None = Field(default=None, ge=-100_000, le=100_000)

    def holds(self, total: int) -> bool:
        return (self.min is None or total >= self.min) and (self.max is None or total <= self.max)


class Overall(StrictModel):
    """The decision or judgement a reviewer records once per checklist (JBI: include, exclude, ...)."""

    title: ShortText
    text: Prose = ""
    options: list[AnswerOption] = Field(min_length=1, max_length=20)


class ChecklistDefinition(StrictModel):
    """A whole checklist file."""

    schema_version: int
    id: Slug
    version: Version
    title: ShortText
    short_title: Annotated[str, StringConstraints(pattern=r"^[^\x00-\x1f\x7f]+$", min_length=1, max_length=24)]
    """How labels and the pane's headings name it: `CARE`, `JBI`, `Naranjo`."""
    citation: Prose = ""
    description: Prose = ""
    numbering: Prose = ""
    """How its item numbers relate to other published versions, when they differ."""
    applies_to: Literal["case", "adverse_effect"] = "case"
    """`adverse_effect`: answered once per (medication row, adverse effect), as Naranjo is."""
    answers: list[AnswerOption] = Field(min_length=1, max_length=20)
    domains: list[Domain] = Field(default_factory=list, max_length=100)
    items: list[ChecklistItem] = Field(min_length=1, max_length=500)
    overall: Overall | None = None
    bands: list[Band] = Field(default_factory=list, max_length=20)
    """When present the checklist is scored: each answer's points summed, the total named by its band."""

    @field_validator("schema_version", mode="before")
    @classmethod
    def _known_schema_version(cls, version: object) -> object:
        if isinstance(version, bool) or version != CHECKLIST_SCHEMA_VERSION:
            raise ValueError(
                f"unsupported schema_version {version!r}; this version of case-review reads {CHECKLIST_SCHEMA_VERSION}"
            )
        return version

    # ---- lookups -----------------------------------------------------------------------

    @property
    def scored(self) -> bool:
        return bool(self.bands)

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((item for item in self.items if item.id == item_id), None)

    def answer_label(self, answer_id: str) -> str:
        """An answer's label (`Not applicable`), or the id itself when the checklist has no such answer."""
        options = [*self.answers, *(self.overall.options if self.overall else [])]
        return next((option.label for option in options if option.id == answer_id), answer_id)

    def allowed_answers(self, item_id: str) -> list[AnswerOption]:
        """The answers an item takes, in the checklist's order; the overall options for `overall`."""
        if item_id == OVERALL_ITEM:
            return list(self.overall.options) if self.overall else []
        item = self.item(item_id)
        if item is None:
            return []
        if item.answers is None:
            return list(self.answers)
        return [option for option in self.answers if option.id in item.answers]

    def domain_title(self, domain_id: str | None) -> str:
        return next((d.title for d in self.domains if d.id == domain_id), domain_id or "")

    def score_range(self) -> tuple[int, int]:
        """The lowest and highest total a scored checklist can reach."""
        low = sum(min(item.scores.values(), default=0) for item in self.items)
        high = sum(max(item.scores.values(), default=0) for item in self.items)
        return low, high


def checklist_problems(definition: ChecklistDefinition) -> list[IntegrityProblem]:
    """Every rule that needs the whole file, each at its field path, in file order."""
    return [
        *_duplicates("answers", [a.id for a in definition.answers], "answer"),
        *_duplicates("answers", [a.key for a in definition.answers], "key", field="key"),
        *_duplicates("domains", [d.id for d in definition.domains], "domain"),
        *_duplicates("items", [i.id for i in definition.items], "item"),
        *_item_references(definition),
        *_overall_options(definition),
        *_band_rules(definition),
    ]


def _duplicates(table: str, ids: Sequence[str | None], what: str, *, field: str = "id") -> Iterator[IntegrityProblem]:
    first_seen: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value is None:
            continue
        if value in first_seen:
            yield IntegrityProblem(
                f"{table}[{index}].{field}", f"duplicate {what} {value!r}; first used at {table}[{first_seen[value]}]"
            )
        else:
            first_seen[value] = index


def _item_references(definition: ChecklistDefinition) -> Iterator[IntegrityProblem]:
    answers = {a.id for a in definition.answers}
    domains = {d.id for d in definition.domains}
    for index, item in enumerate(definition.items):
        where = f"items[{index}]"
        if item.id == OVERALL_ITEM:
            yield IntegrityProblem(f"{where}.id", f"{OVERALL_ITEM!r} is kept for the overall decision")
        if item.domain is not None and item.domain not in domains:
            yield IntegrityProblem(f"{where}.domain", f"no domain {item.domain!r}; known: {_listed(domains)}")
        allowed = set(item.answers) if item.answers is not None else answers
        for answer in item.answers or []:
            if answer not in answers:
                yield IntegrityProblem(f"{where}.answers", f"no answer {answer!r}; known: {_listed(answers)}")
        for answer in item.scores:
            if answer not in allowed:
                yield IntegrityProblem(f"{where}.scores.{answer}", f"no answer {answer!r} for this item")
        if definition.scored and set(item.scores) != allowed:
            missing = sorted(allowed - set(item.scores))
            if missing:
                yield IntegrityProblem(f"{where}.scores", f"a scored checklist needs points for {_listed(missing)}")


def _overall_options(definition: ChecklistDefinition) -> Iterator[IntegrityProblem]:
    if definition.overall is not None:
        yield from _duplicates("overall.options", [o.id for o in definition.overall.options], "option")


def _band_rules(definition: ChecklistDefinition) -> Iterator[IntegrityProblem]:
    """Bands must not overlap, and every total the items can add up to must fall in one."""
    for index, band in enumerate(definition.bands):
        if band.min is not None and band.max is not None and band.min > band.max:
            yield IntegrityProblem(f"bands[{index}]", "min is greater than max")
            return
    yield from _duplicates("bands", [b.id for b in definition.bands], "band")
    if not definition.bands:
        return
    bounds = sorted(
        (-math.inf if band.min is None else band.min, math.inf if band.max is None else band.max, index)
        for index, band in enumerate(definition.bands)
    )
    for (_lo, previous_hi, previous), (lo, _hi, index) in itertools.pairwise(bounds):
        if lo <= previous_hi:
            yield IntegrityProblem(f"bands[{index}]", f"overlaps bands[{previous}]")
            return
    low, high = definition.score_range()
    cursor: float = low
    for lo, hi, _index in bounds:
        if lo > cursor and cursor <= high:
            break
        cursor = max(cursor, hi + 1)
    if cursor <= high:
        yield IntegrityProblem("bands", f"no band holds a total of {int(cursor)}; every total needs a band")


def _listed(values: Sequence[str] | set[str]) -> str:
    return ", ".join(sorted(values)) or "none"
