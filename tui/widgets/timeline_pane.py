"""The timeline: events in order with their days, and each medication's span as a bar.

Rows are events (the axis runs down the pane, so it scrolls at any width); each
medication has a narrow column in which a bar is drawn while it is in force. The
reader sees what was given when the pain changed.
"""

from __future__ import annotations

from typing import ClassVar

from rich.columns import Columns
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from tui.actions import bindings
from tui.clinical.rows import event_cells
from tui.clinical.timeline import MedicationSpan, medication_spans, place_events, source_quote_of_event
from tui.model import CaseRecord
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.annotation_marks import NOTES_COLUMN, mark_rows, notes_cell
from tui.widgets.messages import JumpToQuote
from tui.widgets.plain import plain, plain_line
from tui.widgets.row_table import RowTable

BAR_COLOURS = ("cyan", "magenta", "yellow", "green", "blue", "red", "bright_cyan", "bright_magenta", "bright_yellow")


def _bar(span: MedicationSpan, index: int, colour: str) -> Text:
    if not span.in_force_at(index):
        return Text("")
    if span.start == index:
        return Text("▄▄", style=colour)
    # With no stop in the report, the bar fades: the drug may or may not still be given.
    return Text("██" if span.stop is not None else "░░", style=colour)


class TimelineTable(RowTable):
    """One row per event: day, label, then a bar column per medication."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("timeline")

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._case = case

    def on_mount(self) -> None:
        spans = medication_spans(self._case)
        self.add_column(Text("✎"), key=NOTES_COLUMN, width=3)
        self.add_column(plain_line("#"), key="index")
        self.add_column(plain_line("Day"), key="day")
        self.add_column(plain_line("Event"), key="event")
        for number, span in enumerate(spans, start=1):
            self.add_column(Text(f"{number:>2}"), key=f"med-{span.medication.id}")
        for placed in place_events(self._case):
            bars = [_bar(span, placed.index, BAR_COLOURS[n % len(BAR_COLOURS)]) for n, span in enumerate(spans)]
            cells = event_cells(placed)
            self.add_row(
                notes_cell(0),
                Text(cells["#"]),
                plain_line(cells["Day"]),
                plain_line(cells["Event"]),
                *bars,
                key=placed.event.id,
            )

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many annotations each event holds."""
        mark_rows(self, counts, [t.id for t in self._case.timeline])

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
            yield Static(id="timeline-detail")
            yield Static(self._legend(), id="timeline-legend")

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

    def _legend(self) -> Group:
        key = Text(
            "Day from admission: ~ approximate, +N d after an undated event, ? not stated. "
            "▄▄ starts, ██ in force, ░░ no stop stated.",
            style="dim",
        )
        return Group(key, Columns(self.legend_entries(), padding=(0, 3)))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = event.cursor_row
        if 0 <= index < len(self._case.timeline):
            self.query_one("#timeline-detail", Static).update(plain(self._case.timeline[index].text))
