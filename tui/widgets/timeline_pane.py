"""The timeline: events in order with their days, and each medication's span as a bar.

Rows are events (the axis runs down the pane, so it scrolls at any width); each
medication has a narrow column in which a bar is drawn while it is in force. The
reader sees what was given when the pain changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.actions import bindings
from tui.clinical.rows import event_cells
from tui.clinical.timeline import (
    MedicationSpan,
    PlacedEvent,
    medication_spans,
    place_events,
    source_quote_of_event,
)
from tui.model import CaseRecord
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.annotation_marks import FLAG, NOTES_COLUMN, marks_width, notes_cell
from tui.widgets.detail_text import DetailText
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import JumpToQuote
from tui.widgets.plain import plain, plain_line
from tui.widgets.text_grid import TextGrid

LEGEND_KEY = Text(
    "# counts events from 1. Day from admission: ~ approximate, ? not stated; "
    '"N d after EVENT" counts from that event, whose day is not stated. '
    "▄▄ starts, ██ in force, ░░ no stop stated.",
    style="dim",
)

BAR_COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red", "bright_cyan", "bright_magenta", "bright_yellow")


def _bars(spans: list[MedicationSpan], index: int, slot: int) -> Text:
    """One event's bars, a slot per medication: the drugs in force drawn, the rest blank."""
    bars = Text()
    gap = " " * (slot - 2)
    for number, span in enumerate(spans):
        if not span.in_force_at(index):
            bars.append("  " + gap)
            continue
        # With no stop in the report, the bar fades: the drug may or may not still be given.
        mark = "▄▄" if span.start == index else ("██" if span.stop is not None else "░░")
        bars.append(mark, style=BAR_COLOURS[number % len(BAR_COLOURS)])
        bars.append(gap)
    return bars


class TimelineTable(LineTable):
    """One row per event: day, label, then a bar for each medication in force, numbered as in the legend.

    The bars are one column drawn as a line (a slot per medication), not a column per medication:
    a thousand regimens by five hundred events stay one line of text per event on screen.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("timeline")

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, zebra_stripes=False)
        self._case = case
        self._spans = medication_spans(case)
        self._placed = place_events(case)
        self._slot = max(3, len(str(len(self._spans))) + 1)
        self._counts: dict[str, int] = {}

    def on_mount(self) -> None:
        numbers = "".join(f"{number:<{self._slot}}" for number in range(1, len(self._spans) + 1))
        # Widths from the events' words alone: sizing by the whole rows would draw every event's bars.
        words = [event_cells(placed) for placed in self._placed]
        columns = [
            TableColumn(NOTES_COLUMN, "✎", marks_width(any(p.event.needs_review for p in self._placed)), fixed=True),
            TableColumn("index", "#", max([1, *(len(cells["#"]) for cells in words)])),
            TableColumn("day", "Day", max([3, *(cell_len(cells["Day"]) for cells in words)])),
            TableColumn("event", "Event", min(40, max([5, *(cell_len(cells["Event"]) for cells in words)]))),
            TableColumn("bars", numbers, len(numbers), fixed=True),
        ]
        self.set_table(columns, [placed.event.id for placed in self._placed], self._cells)

    def _cells(self, row: int) -> list[Text]:
        placed = self._placed[row]
        cells = event_cells(placed)
        return [
            notes_cell(self._counts.get(placed.event.id, 0), flagged=placed.event.needs_review),
            Text(cells["#"]),
            plain_line(cells["Day"]),
            plain_line(cells["Event"]),
            _bars(self._spans, placed.index, self._slot),
        ]

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many annotations each event holds."""
        self._counts = counts
        self.refresh_rows()

    def action_jump_to_source(self) -> None:
        """Show the sentence behind the highlighted event, when a regimen or a score ties it to one."""
        if not self.row_count:
            return
        event_id = self.row_key_at_cursor()
        quote = source_quote_of_event(self._case, event_id) if event_id is not None else None
        if quote is None:
            self.notify(
                "No sentence is tied to this event: no regimen starts and no score is taken there.", severity="warning"
            )
            return
        self.post_message(JumpToQuote(quote))

    def select_event(self, event_id: str) -> None:
        self.select_row(event_id)

    def place_at_cursor(self) -> Place | None:
        key = self.row_key_at_cursor()
        return Place("timeline", key) if key is not None else None


def event_detail(placed: PlacedEvent) -> Text:
    """The highlighted event whole: its number, its day with what it counts from, its label and words."""
    cells = event_cells(placed)
    text = Text()
    text.append(f"#{cells['#']} ", style="bold")
    day = cells["Day"]
    text.append_text(plain_line("day not stated" if day == "?" else day if " d " in day else f"day {day}"))
    text.append(" · ")
    text.append_text(plain_line(cells["Event"], style="bold"))
    text.append("\n")
    text.append_text(plain(placed.event.text))
    if placed.event.assumption:
        text.append("\nassumed by the record: ", style="dim")
        text.append_text(plain(placed.event.assumption, style="italic"))
    if placed.event.needs_review:
        text.append(f"\n{FLAG} flagged on import: check this event against the report", style="bold")
    return text


class TimelinePane(Vertical):
    """The event table, then the highlighted event's words and the legend of bars in one scrolling box.

    The legend names every medication: its entries sit side by side in as many columns
    as the width allows, and the box scrolls (mouse wheel, or `tab` into it) when even
    that is taller than the room left under the table.
    """

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        yield TimelineTable(self._case, id="timeline-table")
        # The event's words and the legend scroll together: at 80x24 neither is ever cut off.
        with VerticalScroll(id="timeline-legend-box"):
            yield DetailText(id="timeline-detail")
            yield Static(LEGEND_KEY, id="timeline-legend-key")
            yield TextGrid(self.legend_entries(), id="timeline-legend")

    def show_review(self, session: ReviewSession) -> None:
        for table in self.query(TimelineTable):
            table.set_annotation_counts(session.counts("timeline"))

    def select_place(self, place: Place) -> None:
        self.query_one(TimelineTable).select_event(place.target_id)

    def legend_entries(self) -> list[Text]:
        """One entry a medication: its column number, its bar colour, its name and dose."""
        entries = []
        for number, span in enumerate(medication_spans(self._case), start=1):
            colour = BAR_COLOURS[(number - 1) % len(BAR_COLOURS)]
            entry = Text(f"{number:>2} ")
            entry.append("██", style=colour)
            entry.append_text(plain_line(f" {span.medication.label}"))
            entries.append(entry)
        return entries

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        index = event.cursor_row
        placed = place_events(self._case)
        if 0 <= index < len(placed):
            self.query_one("#timeline-detail", DetailText).show(event_detail(placed[index]))
