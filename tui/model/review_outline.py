"""Notes in the order a reader meets them, with the words that name their places; stepping through them.

The Notes pane, the `]`/`[` keys and every export list notes in the same order and name
their places the same way, so the rule lives here, once, free of any UI. The order itself
comes from the table of place kinds (`places.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.model.anchoring import new_words
from tui.model.case import CaseRecord
from tui.model.places import PlaceKey, places_of
from tui.model.review import Annotation, Review


@dataclass(frozen=True, slots=True)
class PlacedNote:
    """An annotation with the words that name its place, whether that place still exists, and, for a
    moved note (its words edited in the case), the words the case has now at its place."""

    annotation: Annotation
    place: str
    orphan: bool
    new_words: str | None = None

    @property
    def moved(self) -> bool:
        return self.new_words is not None


def document_order(case: CaseRecord, annotations: Sequence[Annotation]) -> list[Annotation]:
    """Annotations as a reader meets them; notes on one place oldest first."""
    places = places_of(case)
    return sorted(annotations, key=lambda a: (*places.note_key(a), a.id))


def target_label(case: CaseRecord, annotation: Annotation) -> str:
    """The annotated place in a few words (see `CasePlaces.label`)."""
    return places_of(case).label(annotation.target, annotation.target_id)


def notes_in_reading_order(case: CaseRecord, review: Review, orphans: frozenset[str]) -> list[PlacedNote]:
    """Every annotation, placed ones in document order, then the orphans by id: none is ever left out."""
    placed = [a for a in review.annotations if a.id not in orphans]
    orphaned = sorted((a for a in review.annotations if a.id in orphans), key=lambda a: a.id)
    return [PlacedNote(a, target_label(case, a), False, new_words(case, a)) for a in document_order(case, placed)] + [
        PlacedNote(a, target_label(case, a), True) for a in orphaned
    ]


@dataclass(frozen=True, slots=True)
class NoteStep:
    """Where `]` or `[` went: the note, its number in reading order, and how many there are."""

    annotation: Annotation
    number: int
    count: int


def step_to_note(
    case: CaseRecord,
    annotations: Sequence[Annotation],
    here: PlaceKey,
    step: int,
    *,
    last_note: str | None = None,
) -> NoteStep | None:
    """The next (`step` 1) or previous (-1) note in reading order from the place `here`.

    `last_note` is the note the previous step went to, when the reviewer has not moved since:
    stepping then goes on from that note rather than from the place, so repeated presses walk
    every note, several on one sentence included. Both ends wrap around. None when there are
    no notes.
    """
    ordered = document_order(case, annotations)
    if not ordered:
        return None
    index: int | None = None
    if last_note is not None:
        index = next((i for i, a in enumerate(ordered) if a.id == last_note), None)
        if index is not None:
            index += step
    if index is None:
        places = places_of(case)
        keys = [places.note_key(a) for a in ordered]
        if step > 0:
            index = next((i for i, key in enumerate(keys) if key > here), 0)
        else:
            index = next((i for i in reversed(range(len(keys))) if keys[i] < here), len(keys) - 1)
    index %= len(ordered)
    return NoteStep(ordered[index], index + 1, len(ordered))
