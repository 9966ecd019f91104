"""Where each annotation stands in the case: its order as a reader meets it, and its place in words.

The Notes pane, the `]`/`[` keys and every export list notes in the same order and name
their places the same way, so the rule lives here, once, free of any UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.case import CaseRecord
from tui.model.review import Annotation, Review

_TARGET_RANK = {"section": 0, "medication": 1, "pain_score": 2, "timeline": 3, "checklist": 4}


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """An annotation with the words that name its place, and whether that place still exists."""

    annotation: Annotation
    place: str
    orphan: bool


def document_order(case: CaseRecord, annotations: list[Annotation]) -> list[Annotation]:
    """Annotations as a reader meets them: sections in order (by offset), then table rows, then events."""
    section_order = {s.id: i for i, s in enumerate(case.sections)}
    tables: dict[str, dict[str, int]] = {
        "medication": {m.id: i for i, m in enumerate(case.medications)},
        "pain_score": {p.id: i for i, p in enumerate(case.pain_scores)},
        "timeline": {t.id: i for i, t in enumerate(case.timeline)},
    }

    def key(annotation: Annotation) -> tuple[int, int, int, str]:
        if annotation.target == "section":
            position = section_order.get(annotation.target_id, len(section_order))
            return (0, position, annotation.start or 0, annotation.id)
        row = tables.get(annotation.target, {}).get(annotation.target_id, 1_000_000)
        return (_TARGET_RANK[annotation.target], row, 0, annotation.id)

    return sorted(annotations, key=key)


def target_label(case: CaseRecord, annotation: Annotation) -> str:
    """The annotated place in a few words: a section title, a drug and dose, an event's label."""
    target_id = annotation.target_id
    if annotation.target == "section":
        return case.section_path(target_id)
    if annotation.target == "medication":
        medication = next((m for m in case.medications if m.id == target_id), None)
        return f"{medication.name} {medication.dose_label}".strip() if medication else target_id
    if annotation.target == "pain_score":
        score = next((p for p in case.pain_scores if p.id == target_id), None)
        if score is None:
            return f"pain score {target_id}"
        value = f"{score.value:g}" if score.value is not None else f"“{score.description}”"
        when = next((t.label for t in case.timeline if t.id == score.when), score.when)
        return f"{score.condition} pain {value} ({when})"
    if annotation.target == "timeline":
        event = next((t for t in case.timeline if t.id == target_id), None)
        return event.label if event else target_id
    return target_id


def notes_in_reading_order(case: CaseRecord, review: Review, orphans: frozenset[str]) -> list[PlacedNote]:
    """Every annotation, placed ones in document order, then the orphans by id: none is ever left out."""
    placed = [a for a in review.annotations if a.id not in orphans]
    orphaned = sorted((a for a in review.annotations if a.id in orphans), key=lambda a: a.id)
    return [PlacedNote(a, target_label(case, a), False) for a in document_order(case, placed)] + [
        PlacedNote(a, target_label(case, a), True) for a in orphaned
    ]
