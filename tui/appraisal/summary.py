"""A review's appraisal, ready to render: what every export says about the checklists.

Built once from the case, the review and the known checklists, so Markdown, HTML, JSON and CSV
report the same items, answers, progress, totals and bands. Each checklist the review answered
appears once; a per-effect checklist (Naranjo) has one assessment per (medication row, effect).
A checklist this run does not know still appears, with its answers as recorded and no item count.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.appraisal.progress import Progress, progress
from tui.appraisal.scoring import Score, score
from tui.model.case import CaseRecord
from tui.model.checklist import OVERALL_ITEM, ChecklistDefinition
from tui.model.checklist_answers import answers_of, assessments
from tui.model.checklist_catalogue import ChecklistCatalogue, item_place_id
from tui.model.review import AdverseEffect, ChecklistAnswer, Review, item_order


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One item as the exports list it: its words, the answer (empty when unanswered) and the note."""

    item: str
    title: str
    text: str
    answer: str | None
    answer_label: str
    note: str
    points: int | None
    """The points the answer scores, on a scored checklist."""
    version: str | None
    place_id: str
    """The item's place id (`care-2013:5d`), as notes on it name it."""

    @property
    def points_text(self) -> str:
        """The points as a table shows them: `+2`, `-1`, `0`; empty when the item scores nothing."""
        if self.points is None:
            return ""
        return f"{self.points:+d}" if self.points else "0"


@dataclass(frozen=True, slots=True)
class Assessment:
    """A checklist answered once: for the case, or for one adverse effect (Naranjo)."""

    target: AdverseEffect | None
    target_label: str
    """`clonazepam 0.5 mg/day: drowsiness`; empty for the case as a whole."""
    rows: tuple[ItemRow, ...]
    progress: Progress | None
    """None when the checklist is not known here (its item count is unknown)."""
    score: Score | None
    overall: ItemRow | None


@dataclass(frozen=True, slots=True)
class ChecklistSummary:
    """One checklist's part of the appraisal."""

    checklist: str
    definition: ChecklistDefinition | None
    assessments: tuple[Assessment, ...]

    @property
    def known(self) -> bool:
        return self.definition is not None

    @property
    def name(self) -> str:
        """`CARE checklist for case reports (care-2013, version 2013)`; the id alone when unknown."""
        if self.definition is None:
            return f"{self.checklist} (not known here)"
        return f"{self.definition.title} ({self.checklist}, version {self.definition.version})"

    @property
    def short_name(self) -> str:
        return self.definition.short_title if self.definition is not None else self.checklist

    def describe(self) -> list[str]:
        """One line per assessment: `CARE: 2 of 30 items answered`,
        `Naranjo (drowsiness with clonazepam 0.5 mg/day): 10 of 10 items answered, total 2 (possible)`."""
        return [_describe_assessment(self.short_name, a) for a in self.assessments]


def _describe_assessment(name: str, assessment: Assessment) -> str:
    label = f"{name} ({assessment.target_label})" if assessment.target_label else name
    if assessment.progress is None:
        answered = sum(1 for row in assessment.rows if row.answer is not None)
        return f"{label}: {answered} {'item' if answered == 1 else 'items'} answered (checklist not known here)"
    text = f"{label}: {assessment.progress.describe()}"
    if assessment.score is not None:
        text += f", total {assessment.score.total}"
        if assessment.score.band is not None:
            text += f" ({assessment.score.band.label.lower()})"
    if assessment.overall is not None and assessment.overall.answer is not None:
        text += f", {assessment.overall.title.lower()}: {assessment.overall.answer_label}"
    return text


def appraisal_summary(
    case: CaseRecord, review: Review | None, catalogue: ChecklistCatalogue
) -> tuple[ChecklistSummary, ...]:
    """Every checklist the review holds answers or notes for, known ones in catalogue order, then the rest."""
    if review is None:
        return ()
    checklists = sorted({e.checklist for e in review.checklist}, key=lambda c: (catalogue.rank(c), c))
    return tuple(_checklist(case, review, checklist, catalogue.get(checklist)) for checklist in checklists)


def _checklist(
    case: CaseRecord, review: Review, checklist: str, definition: ChecklistDefinition | None
) -> ChecklistSummary:
    targets: list[AdverseEffect | None] = (
        [None] if any(e.checklist == checklist and e.target is None for e in review.checklist) else []
    )
    targets += assessments(review, checklist)
    built = tuple(_assessment(case, review, checklist, definition, target) for target in targets)
    return ChecklistSummary(checklist, definition, built)


def target_label(case: CaseRecord, target: AdverseEffect) -> str:
    """`drowsiness with clonazepam 0.5 mg/day` (the row's id when the case no longer holds it)."""
    row = next((m for m in case.medications if m.id == target.medication), None)
    return f"{target.effect} with {row.label if row is not None else target.medication}"


def _assessment(
    case: CaseRecord,
    review: Review,
    checklist: str,
    definition: ChecklistDefinition | None,
    target: AdverseEffect | None,
) -> Assessment:
    entries = answers_of(review, checklist, target)
    known = [item.id for item in definition.items] if definition is not None else []
    extra = sorted((i for i in entries if i not in known and i != OVERALL_ITEM), key=item_order)
    rows = tuple(_row(checklist, definition, item, entries.get(item), target) for item in [*known, *extra])
    has_overall = OVERALL_ITEM in entries or (definition is not None and definition.overall is not None)
    return Assessment(
        target=target,
        target_label=target_label(case, target) if target is not None else "",
        rows=rows,
        progress=progress(definition, review, target) if definition is not None else None,
        score=score(definition, review, target) if definition is not None else None,
        overall=_row(checklist, definition, OVERALL_ITEM, entries.get(OVERALL_ITEM), target) if has_overall else None,
    )


def _words(definition: ChecklistDefinition | None, item_id: str) -> tuple[str, str]:
    """An item's title and question; for an item the definition lacks, why there are none."""
    if definition is None:
        return "", ""
    if item_id == OVERALL_ITEM:
        return (definition.overall.title, definition.overall.text) if definition.overall else ("Overall", "")
    item = definition.item(item_id)
    if item is None:
        return "", "(not an item of this checklist as known here)"
    return item.title, item.text


def _row(
    checklist: str,
    definition: ChecklistDefinition | None,
    item_id: str,
    entry: ChecklistAnswer | None,
    target: AdverseEffect | None,
) -> ItemRow:
    title, text = _words(definition, item_id)
    answer = entry.answer if entry is not None else None
    points: int | None = None
    if definition is not None and answer is not None:
        label = definition.answer_label(answer)
        item = definition.item(item_id)
        if definition.scored and item is not None:
            points = item.scores.get(answer)
    else:
        label = answer or ""
    medication, effect = (target.medication, target.effect) if target is not None else (None, None)
    return ItemRow(
        item=item_id,
        title=title,
        text=text,
        answer=answer,
        answer_label=label,
        note=entry.note if entry is not None else "",
        points=points,
        version=entry.version if entry is not None else None,
        place_id=item_place_id(checklist, item_id, medication, effect),
    )
