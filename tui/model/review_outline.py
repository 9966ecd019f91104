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


class ReadingOrder:
    """Where each place of one case stands as a reader meets it: sections in order (by offset),
    then medication rows, pain scores, events and checklist items.

    Positions are looked up in dicts built once, so ordering a long review costs one pass.
    A place the case no longer holds sorts after every place of its kind.
    """

    def __init__(self, case: CaseRecord) -> None:
        self._positions: dict[str, dict[str, int]] = {
            "section": {s.id: i for i, s in enumerate(case.sections)},
            "medication": {m.id: i for i, m in enumerate(case.medications)},
            "pain_score": {p.id: i for i, p in enumerate(case.pain_scores)},
            "timeline": {t.id: i for i, t in enumerate(case.timeline)},
        }

    def key(self, target: str, target_id: str, offset: int | None = None) -> PlaceKey:
        position = self._positions.get(target, {}).get(target_id, 1_000_000)
        offset_in_place = (offset or 0) if target == "section" else 0
        return (_TARGET_RANK.get(target, len(_TARGET_RANK)), position, offset_in_place)

    def note_key(self, annotation: Annotation) -> PlaceKey:
        return self.key(annotation.target, annotation.target_id, annotation.start)


def document_order(case: CaseRecord, annotations: list[Annotation]) -> list[Annotation]:
    """Annotations as a reader meets them (see `ReadingOrder`); notes on one place oldest first."""
    order = ReadingOrder(case)
    return sorted(annotations, key=lambda a: (*order.note_key(a), a.id))


def place_label(case: CaseRecord, target: str, target_id: str) -> str:
    """A place in a few words: a section's path, a drug and dose, a score and when, an event's label.

    The id itself when the case no longer holds the place (an orphan's former place).
    """
    if target == "section":
        return case.section_path(target_id)
    if target == "medication":
        medication = next((m for m in case.medications if m.id == target_id), None)
        return medication.label if medication else target_id
    if target == "pain_score":
        score = next((p for p in case.pain_scores if p.id == target_id), None)
        if score is None:
            return f"pain score {target_id}"
        when = next((t.label for t in case.timeline if t.id == score.when), score.when)
        return f"{score.condition} pain {score.reading} ({when})"
    if target == "timeline":
        event = next((t for t in case.timeline if t.id == target_id), None)
        return event.label if event else target_id
    return target_id


def target_label(case: CaseRecord, annotation: Annotation) -> str:
    """The annotated place in a few words (see `place_label`)."""
    return place_label(case, annotation.target, annotation.target_id)


def notes_in_reading_order(case: CaseRecord, review: Review, orphans: frozenset[str]) -> list[PlacedNote]:
    """Every annotation, placed ones in document order, then the orphans by id: none is ever left out."""
    placed = [a for a in review.annotations if a.id not in orphans]
    orphaned = sorted((a for a in review.annotations if a.id in orphans), key=lambda a: a.id)
    return [PlacedNote(a, target_label(case, a), False) for a in document_order(case, placed)] + [
        PlacedNote(a, target_label(case, a), True) for a in orphaned
    ]
