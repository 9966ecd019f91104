"""Place events, scores and medications on one axis, even where the report gives no day.

The report dates some events absolutely (day -14, day 7), some relative to another event
("3 days later") and many not at all. The axis is therefore the events' order in the
record; a day is attached where it can be derived, and shown as unknown otherwise.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tui.model import CaseRecord, Medication, TimelineEvent
from tui.model.derived import derived


@dataclass(frozen=True, slots=True)
class PlacedEvent:
    """A timeline event at its position on the axis, with its day when derivable."""

    index: int
    event: TimelineEvent
    day: int | None
    """Days from admission: stated, or the anchor's day plus the offset."""
    anchor: TimelineEvent | None = None
    """The event a relative day counts from (`anchor` in the record), when the record has it."""

    @property
    def number(self) -> int:
        """The event's number as every view shows it (`#` column, "after #8"): counted from 1."""
        return self.index + 1

    @property
    def day_label(self) -> str:
        """`0`, `~-14`, `~21 d after clonazepam started`, or `?`: the one way a day is written.

        A relative day always names the event it counts from: "+21 d" under another event's
        row read as 21 days after that one.
        """
        approx = "~" if self.event.approximate else ""
        if self.day is not None:
            return f"{approx}{self.day}"
        if self.event.offset is not None and self.event.anchor is not None:
            anchor = anchor_words(self.anchor.label) if self.anchor is not None else self.event.anchor
            side = "after" if self.event.offset >= 0 else "before"
            return f"{approx}{abs(self.event.offset)} d {side} {anchor}"
        return "?"


def anchor_words(label: str) -> str:
    """An event's label inside a phrase: `Clonazepam started` -> `clonazepam started`, `NSAID` kept."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def place_events(case: CaseRecord) -> list[PlacedEvent]:
    """Every timeline event in record order with its derived day (worked out once per case)."""
    return list(derived(case, _axis).events)


@dataclass(frozen=True, slots=True)
class _Axis:
    """The events placed once, with lookups by id and by day, so a row or a label costs no scan."""

    events: tuple[PlacedEvent, ...]
    by_id: dict[str, PlacedEvent]
    dated: tuple[tuple[int, int], ...]
    """(day, index) of every dated event, sorted by day."""
    first_from: tuple[int, ...]
    """`first_from[i]`: the lowest record index among `dated[i:]`, so "the first event on or after a day"
    is one binary search."""


def _axis(case: CaseRecord) -> _Axis:
    days: dict[str, int | None] = {}
    anchors: dict[str, TimelineEvent] = {}
    for event in case.timeline:
        anchors.setdefault(event.id, event)
    placed: list[PlacedEvent] = []
    for index, event in enumerate(case.timeline):
        day = event.day
        if day is None and event.anchor is not None and event.offset is not None:
            anchor_day = days.get(event.anchor)
            day = anchor_day + event.offset if anchor_day is not None else None
        days[event.id] = day
        placed.append(PlacedEvent(index, event, day, anchors.get(event.anchor) if event.anchor else None))
    by_id: dict[str, PlacedEvent] = {}
    for item in placed:
        by_id.setdefault(item.event.id, item)
    dated = tuple(sorted((item.day, item.index) for item in placed if item.day is not None))
    first_from: list[int] = []
    for _day, index in reversed(dated):
        first_from.append(min(index, first_from[-1]) if first_from else index)
    return _Axis(tuple(placed), by_id, dated, tuple(reversed(first_from)))


def position_of(case: CaseRecord, point: str | int | None) -> int | None:
    """Axis position of a timeline id, or of a day offset (the first event in record order on or after it)."""
    if point is None:
        return None
    axis = derived(case, _axis)
    if isinstance(point, str):
        found = axis.by_id.get(point)
        return found.index if found is not None else None
    start = bisect_left(axis.dated, (point, -1))
    return axis.first_from[start] if start < len(axis.first_from) else None


@dataclass(frozen=True, slots=True)
class MedicationSpan:
    """Where a medication is in force on the axis: [start, stop), stop None = to the end."""

    medication: Medication
    start: int | None
    stop: int | None

    def in_force_at(self, index: int) -> bool:
        if self.start is None or index < self.start:
            return False
        return self.stop is None or index < self.stop


def medication_spans(case: CaseRecord) -> list[MedicationSpan]:
    """Each medication's span on the event axis, in record order."""
    return [MedicationSpan(m, position_of(case, m.start), position_of(case, m.stop)) for m in case.medications]


def point_label(case: CaseRecord, point: str | int | None) -> str:
    """A start/stop value as a reader wants it: the event's label and day, or `day N`."""
    if point is None:
        return ""
    if isinstance(point, int):
        return f"day {point}"
    placed = derived(case, _axis).by_id.get(point)
    if placed is None:
        return point
    day = placed.day_label
    if day == "?":
        return placed.event.label
    return f"{placed.event.label} ({day})" if " d " in day else f"{placed.event.label} (day {day})"


def source_quote_of_event(case: CaseRecord, event_id: str) -> str | None:
    """The report's own words for an event: the source of a regimen started or a score taken there.

    Timeline events are written in the record's words ("PCA infusion"); the rows they tie
    together carry verbatim quotes, so the first regimen starting at the event, else the first
    score taken at it, names the sentence. None when nothing is tied to the event.
    """
    for medication in case.medications:
        if medication.start == event_id:
            return medication.source_quote
    for score in case.pain_scores:
        if score.when == event_id:
            return score.source_quote
    return None
