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


PlaceKey = tuple[int, int, int]
"""(kind of place, its position among its kind, character offset): sorts places as a reader meets them."""


def place_key(case: CaseRecord, target: str, target_id: str, offset: int | None = None) -> PlaceKey:
    """Where a place stands in reading order: sections in order (by offset), then table rows, then events.

    A place the case no longer holds sorts after every place of its kind.
    """
    if target == "section":
        position = next((i for i, s in enumerate(case.sections) if s.id == target_id), len(case.sections))
        return (0, position, offset or 0)
    rows: list[str] = {
        "medication": [m.id for m in case.medications],
        "pain_score": [p.id for p in case.pain_scores],
        "timeline": [t.id for t in case.timeline],
    }.get(target, [])
    position = rows.index(target_id) if target_id in rows else 1_000_000
    return (_TARGET_RANK.get(target, len(_TARGET_RANK)), position, 0)


def document_order(case: CaseRecord, annotations: list[Annotation]) -> list[Annotation]:
    """Annotations as a reader meets them (see `place_key`); notes on one place oldest first."""
    return sorted(annotations, key=lambda a: (*place_key(case, a.target, a.target_id, a.start), a.id))


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
