"""The kinds of place a note can sit on, in one table, and one case's places looked up by id.

A note sits on a span of a section's text, a whole section, a medication row, a pain
score, a timeline event or a checklist item. Every view that orders notes, names their
places, re-anchors them or exports them reads this table, so a new kind of place is one
row here rather than a branch in each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tui.model.case import CaseRecord
from tui.model.derived import derived
from tui.model.review import Annotation, TargetKind

PlaceKey = tuple[int, int, int]
"""(kind of place, its position among its kind, character offset): sorts places as a reader meets them."""

UNKNOWN_POSITION = 1_000_000
"""Where a place the case no longer holds sorts: after every place of its kind."""


@dataclass(frozen=True, slots=True)
class Place:
    """Somewhere a note can be attached: a record of the case, or a span of a section's text."""

    kind: TargetKind
    target_id: str
    start: int | None = None
    end: int | None = None
    section: str | None = None
    """For a checklist item tied to text: the section the span [start, end) lies in."""

    @property
    def is_text_span(self) -> bool:
        return self.start is not None and self.end is not None


def _event_labels(case: CaseRecord) -> dict[str, str]:
    return {event.id: event.label for event in case.timeline}


def _pain_label(case: CaseRecord, record: Any) -> str:
    when = derived(case, _event_labels).get(record.when, record.when)
    return f"{record.condition} pain {record.reading} ({when})"


@dataclass(frozen=True, slots=True)
class PlaceKind:
    """One kind of place: where its records are, how it reads, how a note on it is found again."""

    name: TargetKind
    table: str
    """The case record's table (and the export's fragment prefix): `medications/fentanyl-pca`."""
    title: str
    """How exports head a note on it: `Medication: fentanyl 500 μg/day`."""
    noun: str
    """How the annotation editor names it: `medication fentanyl 500 μg/day`."""
    records: Callable[[CaseRecord], Sequence[Any]] | None
    """Its records in reading order; None for places defined outside the case (checklist items)."""
    label: Callable[[CaseRecord, Any], str]
    """A record in a few words."""
    text_anchored: bool = False
    """True when notes on it may hold a text span, found again by quote when the text changes."""
    name_outside: Callable[[str], str] | None = None
    """For places defined outside the case: the place named from its id alone."""
    position_outside: Callable[[str], int | None] | None = None
    """For places defined outside the case: its position among its kind, None when unknown."""


def _checklist_item_label(target_id: str) -> str:
    """`CARE 5d: Past interventions` when the checklist is installed (see `checklist_catalogue`), else the id."""
    # Imported here: the checklist models stay off the start-up path until a checklist note is shown.
    from tui.model.checklist_catalogue import installed_checklists

    return installed_checklists().item_label(target_id)


def _checklist_item_position(target_id: str) -> int | None:
    from tui.model.checklist_catalogue import installed_checklists

    return installed_checklists().item_position(target_id)


PLACE_KINDS: tuple[PlaceKind, ...] = (
    PlaceKind(
        "section",
        "sections",
        "Section",
        "section",
        lambda case: case.sections,
        lambda case, record: case.section_path(record.id),
        text_anchored=True,
    ),
    PlaceKind("medication", "medications", "Medication", "medication", lambda case: case.medications,
              lambda _case, record: record.label),
    PlaceKind("pain_score", "pain_scores", "Pain score", "pain score", lambda case: case.pain_scores, _pain_label),
    PlaceKind("timeline", "timeline", "Event", "timeline event", lambda case: case.timeline,
              lambda _case, record: record.label),
    PlaceKind("checklist", "checklist", "Checklist item", "checklist item", None, lambda _case, record: str(record),
              name_outside=_checklist_item_label, position_outside=_checklist_item_position),
)  # fmt: skip
"""Every kind, in the order a reader meets them: the text, then the tables, then the appraisal."""

KIND_BY_NAME: dict[str, PlaceKind] = {kind.name: kind for kind in PLACE_KINDS}
RANK: dict[str, int] = {kind.name: rank for rank, kind in enumerate(PLACE_KINDS)}


class CasePlaces:
    """One case's places by kind and id, indexed once: each lookup costs the same however long the case.

    Holds the records, never the case itself (see `derived`).
    """

    def __init__(self, case: CaseRecord) -> None:
        self._labels: dict[str, dict[str, str]] = {}
        self._positions: dict[str, dict[str, int]] = {}
        for kind in PLACE_KINDS:
            if kind.records is None:
                continue
            records = kind.records(case)
            self._positions[kind.name] = {record.id: index for index, record in enumerate(records)}
            self._labels[kind.name] = {record.id: kind.label(case, record) for record in records}

    def holds(self, kind: str, target_id: str) -> bool:
        """Whether the case has this place; places defined outside the case (checklist items) always count."""
        positions = self._positions.get(kind)
        return positions is None or target_id in positions

    def position(self, kind: str, target_id: str) -> int | None:
        outside = KIND_BY_NAME[kind].position_outside if kind in KIND_BY_NAME else None
        if outside is not None:
            return outside(target_id)
        return self._positions.get(kind, {}).get(target_id)

    def ids(self, kind: str) -> list[str]:
        """The ids of one kind's places, in reading order."""
        return list(self._positions.get(kind, {}))

    def label(self, kind: str, target_id: str) -> str:
        """A place in a few words: a section's path, a drug and dose, a score and when, an event's label.

        When the case no longer holds the place (an orphan's former place), the id itself,
        with the kind's noun where the id alone would say too little.
        """
        label = self._labels.get(kind, {}).get(target_id)
        if label is not None:
            return label
        outside = KIND_BY_NAME[kind].name_outside if kind in KIND_BY_NAME else None
        if outside is not None:
            return outside(target_id)
        return f"pain score {target_id}" if kind == "pain_score" else target_id

    def key(self, kind: str, target_id: str, offset: int | None = None) -> PlaceKey:
        """Where a place stands in reading order; the offset counts only inside a text."""
        position = self.position(kind, target_id)
        text_anchored = KIND_BY_NAME[kind].text_anchored if kind in KIND_BY_NAME else False
        return (
            RANK.get(kind, len(RANK)),
            UNKNOWN_POSITION if position is None else position,
            (offset or 0) if text_anchored else 0,
        )

    def note_key(self, annotation: Annotation) -> PlaceKey:
        return self.key(annotation.target, annotation.target_id, annotation.start)


def places_of(case: CaseRecord) -> CasePlaces:
    """The places of `case`, indexed on first use and kept while the case lives."""
    return derived(case, CasePlaces)


def place_label(case: CaseRecord, kind: str, target_id: str) -> str:
    """A place in a few words (see `CasePlaces.label`)."""
    return places_of(case).label(kind, target_id)


def describe_place(case: CaseRecord, place: Place) -> str:
    """A place as the annotation editor heads it: `Discussion, text`, `medication fentanyl 500 μg/day`."""
    label = place_label(case, place.kind, place.target_id)
    if place.kind == "section":
        return f"{label}, text" if place.is_text_span else f"section {label}"
    if place.kind == "pain_score":
        return f"pain score: {label}"
    if place.kind == "checklist" and place.is_text_span and place.section is not None:
        return f"checklist item {label}, text in {case.section_path(place.section)}"
    return f"{KIND_BY_NAME[place.kind].noun} {label}"
