"""The medication table: one row per regimen, sortable by any column from the keyboard."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll

from tui.actions import bindings
from tui.clinical.rows import is_missing, medication_cells, medication_sort_keys
from tui.clinical.timeline import point_label
from tui.model import CaseRecord, Medication
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.annotation_marks import FLAG, NOTES_COLUMN, marks_width, notes_cell
from tui.widgets.detail_text import DetailText
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import JumpToQuote, StartAssessment
from tui.widgets.plain import plain, plain_line

COLUMNS: tuple[str, ...] = ("Drug", "Dose", "Route", "Schedule", "Role", "Start", "Stop", "Response")
"""The table's columns, each as wide as its content and narrowed to fit the screen; cells cut
short end in an ellipsis and the detail box below shows them whole, with the adverse effects."""


class MedicationTable(LineTable):
    """Drug, dose, route, schedule, role, start, stop, response; `s` sorts, `enter` jumps."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("medications")

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, zebra_stripes=True)
        self._case = case
        self._by_id = {medication.id: medication for medication in case.medications}
        self._sort_keys = medication_sort_keys(case)
        self._marks_width = marks_width(any(m.needs_review for m in case.medications))
        self._shown: list[Medication] = list(case.medications)
        self.sort_column: int | None = None
        self.sort_reverse = False
        self.annotation_counts: dict[str, int] = {}

    def on_mount(self) -> None:
        self._populate()

    @property
    def row_ids(self) -> list[str]:
        """Medication ids in the order shown."""
        return [medication.id for medication in self._shown]

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many annotations each row holds."""
        self.annotation_counts = counts
        self.refresh_rows()

    def _ordered(self) -> list[Medication]:
        """The rows in the chosen order; rows the report gives no value for stay last either way.

        Every sort key starts with `missing_last`'s flag, so the rows without a value are
        split off before sorting and kept in the record's order after the others.
        """
        medications = list(self._case.medications)
        if self.sort_column is None:
            return medications
        key = self._sort_keys[COLUMNS[self.sort_column]]
        keyed = [(key(m), m) for m in medications]
        given = [(k, m) for k, m in keyed if not is_missing(k)]
        missing = [m for k, m in keyed if is_missing(k)]
        return [m for _k, m in sorted(given, key=lambda pair: pair[0], reverse=self.sort_reverse)] + missing

    def _populate(self, *, same_rows: bool = False) -> None:
        self._shown = self._ordered()
        columns = [TableColumn(NOTES_COLUMN, "✎", self._marks_width, fixed=True)]
        for index, title in enumerate(COLUMNS):
            arrow = ("▼" if self.sort_reverse else "▲") if index == self.sort_column else ""
            columns.append(TableColumn(title.lower(), f"{title}{arrow}"))
        self.set_table(columns, self.row_ids, self._cells, same_rows=same_rows)

    def _cells(self, row: int) -> list[Text]:
        medication = self._shown[row]
        cells = medication_cells(self._case, medication)
        marks = notes_cell(self.annotation_counts.get(medication.id, 0), flagged=medication.needs_review)
        return [marks, *(plain_line(cells[t]) for t in COLUMNS)]

    def action_next_sort(self) -> None:
        self.sort_column = 0 if self.sort_column is None else (self.sort_column + 1) % len(COLUMNS)
        self.sort_reverse = False
        self._populate(same_rows=True)

    def action_reverse_sort(self) -> None:
        if self.sort_column is None:
            self.sort_column = 0
        self.sort_reverse = not self.sort_reverse
        self._populate(same_rows=True)

    def sort_by(self, title: str, *, reverse: bool = False) -> None:
        """Sort by the column with this title (used by the command palette)."""
        self.sort_column = COLUMNS.index(title)
        self.sort_reverse = reverse
        self._populate(same_rows=True)

    def select_medication(self, medication_id: str) -> None:
        """Move the cursor to a medication's row."""
        self.select_row(medication_id)

    def medication_at_cursor(self) -> Medication | None:
        key = self.row_key_at_cursor()
        return self._by_id.get(key) if key is not None else None

    def place_at_cursor(self) -> Place | None:
        medication = self.medication_at_cursor()
        return Place("medication", medication.id) if medication is not None else None

    def action_jump_to_source(self) -> None:
        medication = self.medication_at_cursor()
        if medication is not None:
            self.post_message(JumpToQuote(medication.source_quote))

    def action_assess_effect(self) -> None:
        """Start or open a Naranjo assessment of this row's adverse effect (the screen asks which, if several)."""
        medication = self.medication_at_cursor()
        if medication is not None:
            self.post_message(StartAssessment(medication.id))

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        # A mouse click selects a row: treat it as a jump.
        event.stop()
        self.action_jump_to_source()


def describe_medication(case: CaseRecord, medication: Medication) -> Text:
    """Everything the record says of a regimen, whole, for the area under the table.

    Short facts share a line (a narrow terminal has few rows to spare under the table);
    the free-text ones, which wrap, each start a line of their own.
    """
    text = Text()
    text.append_text(plain_line(medication.label, style="bold"))
    lines = (
        (("route", medication.route), ("schedule", medication.schedule), ("role", medication.role)),
        (("start", point_label(case, medication.start)), ("stop", point_label(case, medication.stop))),
        (("response", medication.response),),
        (("adverse effects", medication.adverse_effects),),
    )
    for facts in lines:
        text.append("\n")
        for index, (label, value) in enumerate(facts):
            if index:
                text.append(" · ", style="dim")
            text.append(f"{label}: ", style="dim")
            text.append_text(plain(value) if value else Text("not stated", style="dim italic"))
    text.append("\nsource: ", style="dim")
    text.append_text(plain(f"“{medication.source_quote}”", style="italic"))
    if medication.assumption:
        text.append("\nassumed by the record: ", style="dim")
        text.append_text(plain(medication.assumption, style="italic"))
    if medication.needs_review:
        text.append(f"\n{FLAG} flagged on import: check this row against the source sentence", style="bold")
    return text


class MedicationPane(Vertical):
    """The table, and under it the highlighted regimen in full, in a box that scrolls.

    At 80x24 the whole regimen does not fit under the table; the box scrolls (mouse wheel,
    or `tab` into it and the arrow keys) so nothing the record says is out of reach.
    """

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        yield MedicationTable(self._case, id="medication-table")
        with VerticalScroll(id="medication-detail-box"):
            yield DetailText(id="medication-detail")

    def show_review(self, session: ReviewSession) -> None:
        for table in self.query(MedicationTable):
            table.set_annotation_counts(session.counts("medication"))

    def select_place(self, place: Place) -> None:
        self.query_one(MedicationTable).select_medication(place.target_id)

    def sort_by(self, title: str) -> None:
        """Sort the table by a column (a palette command)."""
        self.query_one(MedicationTable).sort_by(title)

    def on_line_table_row_highlighted(self, _event: LineTable.RowHighlighted) -> None:
        medication = self.query_one(MedicationTable).medication_at_cursor()
        if medication is not None:
            self.query_one("#medication-detail", DetailText).show(describe_medication(self._case, medication))
            self.query_one("#medication-detail-box", VerticalScroll).scroll_home(animate=False)
