"""Every event on a day axis: its stated day, an approximate one, or a place between its neighbours.

A pharmacist reads a course in days: "NRS 8 on admission, 3 once the infusion ran, relief the
day after clonazepam". The report gives a day for a few events, a relative day for some ("3
weeks later", counted from an anchor) and nothing for the rest. A chart on a day axis must
still put each of them somewhere, and must say how sure it is:

- `stated`: the record gives the day, or an exact offset from an event with one;
- `approximate`: the record marks it approximate (`~`), or counts from an approximate day;
- `ordered`: no day can be derived; the event is put between its neighbours in record order
  (evenly spaced, or a day after the last one), and drawn as `?`. A relative day counted from
  such an event is `ordered` too: its offset is real, the day it starts from is not.

Nothing here is ever written back or shown as a number without its mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.clinical.timeline import PlacedEvent, place_events
from tui.model import CaseRecord
from tui.model.derived import derived

DayKind = Literal["stated", "approximate", "ordered"]

MARKS: dict[DayKind, str] = {"stated": "", "approximate": "~", "ordered": "?"}
"""How each kind is marked wherever a day is written on the axis."""


@dataclass(frozen=True, slots=True)
class AxisDay:
    """Where something stands on the day axis and how much of that the report says."""

    day: float
    kind: DayKind

    @property
    def label(self) -> str:
        """`7`, `~-14`, or `?` for a place the report gives no day for."""
        if self.kind == "ordered":
            return "?"
        return f"{MARKS[self.kind]}{self.day:g}"


@dataclass(frozen=True, slots=True)
class DayAxis:
    """Each event's place on the axis, and the event days count from."""

    by_id: dict[str, AxisDay]
    reference: str
    """The label of the event at day 0 (`Admission`), or `day 0` when the record has none."""


def day_axis(case: CaseRecord) -> DayAxis:
    """The events of `case` on the day axis (worked out once per case)."""
    return derived(case, _build)


def point_day(case: CaseRecord, point: str | int | None) -> AxisDay | None:
    """A start, stop or `when` on the axis: a day number as stated, an event id as placed; None if unknown."""
    if point is None:
        return None
    if isinstance(point, int):
        return AxisDay(float(point), "stated")
    return day_axis(case).by_id.get(point)


def _build(case: CaseRecord) -> DayAxis:
    placed = place_events(case)
    # The next stated day after each event, in record order: undated events are spread towards it.
    next_stated: list[tuple[int, float] | None] = [None] * len(placed)
    following: tuple[int, float] | None = None
    for item in reversed(placed):
        next_stated[item.index] = following
        if item.day is not None:
            following = (item.index, float(item.day))
    days: dict[str, AxisDay] = {}
    previous: AxisDay | None = None
    for item in placed:
        found = _day_of(item, days, placed, previous, next_stated[item.index])
        days.setdefault(item.event.id, found)
        previous = found
    reference = next((item.event.label for item in placed if item.day == 0 and item.event.day == 0), "day 0")
    return DayAxis(days, reference)


def _day_of(
    item: PlacedEvent,
    days: dict[str, AxisDay],
    placed: list[PlacedEvent],
    previous: AxisDay | None,
    upcoming: tuple[int, float] | None,
) -> AxisDay:
    event = item.event
    anchor = days.get(event.anchor) if event.anchor is not None else None
    if item.day is not None:
        approximate = event.approximate or (anchor is not None and event.day is None and anchor.kind != "stated")
        return AxisDay(float(item.day), "approximate" if approximate else "stated")
    if anchor is not None and event.offset is not None:
        return AxisDay(anchor.day + event.offset, "ordered")
    # No day at all: between the previous event and the next stated day, sharing the gap with
    # the undated events still to come before it.
    waiting = 1 + sum(
        1
        for later in placed[item.index + 1 : upcoming[0] if upcoming else len(placed)]
        if later.day is None and (later.event.anchor is None or later.event.offset is None)
    )
    if previous is not None and upcoming is not None:
        return AxisDay(previous.day + (upcoming[1] - previous.day) / (waiting + 1), "ordered")
    if upcoming is not None:
        return AxisDay(upcoming[1] - waiting, "ordered")
    return AxisDay(previous.day + 1 if previous is not None else 0.0, "ordered")
