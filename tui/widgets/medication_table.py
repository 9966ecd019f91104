"""The medication table: one row per regimen, sortable by any column from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from tui.clinical.timeline import point_label, position_of
from tui.model import CaseRecord, Medication
from tui.widgets.annotation_marks import NOTES_COLUMN, mark_rows, notes_cell
from tui.widgets.messages import JumpToQuote
from tui.widgets.plain import plain, plain_line
from tui.widgets.row_table import RowTable


@dataclass(frozen=True, slots=True)
class _Column:
    title: str
    cell: Callable[[Medication], str]
    sort_key: Callable[[Medication], Any]
    width: int | None = None
    """Cells wider than this end in an ellipsis; the detail line below shows them whole."""


def _missing_last(value: Any) -> tuple[bool, Any]:
    """Sort key that puts values the report does not give after all given ones."""
    if value is None or value == "":
        return (True, 0)
    return (False, value)


MASS_IN_MG: dict[str, float] = {"ng": 1e-6, "μg": 1e-3, "mcg": 1e-3, "ug": 1e-3, "mg": 1.0, "g": 1000.0}
"""Mass units a report writes, in milligrams; `µ` (micro sign) is folded to `μ` first."""

PER_ORDER: dict[str | None, int] = {"dose": 0, "hour": 1, "day": 2, "week": 3, None: 4}
"""Doses are compared only within one period; a dose with no period stated comes after."""


def dose_sort_key(medication: Medication) -> tuple[bool, Any]:
    """Doses by their amount in one unit, within each period (`per`); no dose sorts last.

    Sorting by the unit's spelling put 1 mg before 500 μg and 3000 mg/day before
    500 μg/day; a clinician compares amounts. A unit that is not a mass (IU, mL) is kept
    in its own group after the masses, by its spelling, and compared as written.
    """
    if medication.amount is None:
        return _missing_last(None)
    unit = (medication.unit or "").casefold().replace("µ", "μ")
    factor = MASS_IN_MG.get(unit)
    group = ("", 0) if factor is not None else (unit, 1)
    value = medication.amount * factor if factor is not None else medication.amount
    return _missing_last((PER_ORDER.get(medication.per, len(PER_ORDER)), group[1], group[0], value))


def _is_missing(key: Any) -> bool:
    """Whether a sort key came from `_missing_last` for a value the report does not give."""
    return isinstance(key, tuple) and len(key) == 2 and key[0] is True


class MedicationTable(RowTable):
    """Drug, dose, route, schedule, role, start, stop, response; `s` sorts, `enter` jumps."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("s", "next_sort", "Sort by next column", id="medications.sort"),
        Binding("r", "reverse_sort", "Reverse sort", id="medications.reverse"),
        Binding("enter", "jump_to_source", "Source sentence", id="medications.jump"),
    ]

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._case = case
        self._columns = [
            _Column("Drug", lambda m: m.name, lambda m: m.name.casefold(), 22),
            _Column("Dose", lambda m: m.dose_label, dose_sort_key),
            _Column("Route", lambda m: m.route or "", lambda m: _missing_last(m.route)),
            _Column("Schedule", lambda m: m.schedule or "", lambda m: _missing_last(m.schedule), 24),
            _Column("Role", lambda m: m.role, lambda m: m.role),
            _Column("Start", lambda m: point_label(case, m.start), lambda m: _missing_last(position_of(case, m.start)), 22),
            _Column("Stop", lambda m: point_label(case, m.stop), lambda m: _missing_last(position_of(case, m.stop)), 22),
            _Column("Response", lambda m: m.response or "", lambda m: _missing_last(m.response), 40),
        ]
        self.sort_column: int | None = None
        self.sort_reverse = False
        self.annotation_counts: dict[str, int] = {}

    def on_mount(self) -> None:
        self._populate()

    @property
    def row_ids(self) -> list[str]:
        """Medication ids in the order shown."""
        return [str(self.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(self.row_count)]

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many annotations each row holds."""
        self.annotation_counts = counts
        mark_rows(self, counts, self.row_ids)

    def _ordered(self) -> list[Medication]:
        """The rows in the chosen order; rows the report gives no value for stay last either way.

        Every sort key starts with `_missing_last`'s flag, so the rows without a value are
        split off before sorting and kept in the record's order after the others.
        """
        medications = list(self._case.medications)
        if self.sort_column is None:
            return medications
        key = self._columns[self.sort_column].sort_key
        given = [m for m in medications if not _is_missing(key(m))]
        missing = [m for m in medications if _is_missing(key(m))]
        return sorted(given, key=key, reverse=self.sort_reverse) + missing

    def _populate(self) -> None:
        current = self.row_ids[self.cursor_row] if self.row_count else None
        ordered = self._ordered()  # before clearing, so a failure cannot leave an empty table
        self.clear(columns=True)
        self.add_column(Text("✎"), key=NOTES_COLUMN, width=3)
        for index, column in enumerate(self._columns):
            arrow = ("▼" if self.sort_reverse else "▲") if index == self.sort_column else ""
            self.add_column(plain_line(f"{column.title}{arrow}"), key=column.title.lower(), width=column.width)
        for medication in ordered:
            cells = [notes_cell(self.annotation_counts.get(medication.id, 0))]
            cells.extend(plain_line(column.cell(medication)) for column in self._columns)
            self.add_row(*cells, key=medication.id)
        if current is not None:
            self.move_cursor(row=self.row_ids.index(current))

    def action_next_sort(self) -> None:
        self.sort_column = 0 if self.sort_column is None else (self.sort_column + 1) % len(self._columns)
        self.sort_reverse = False
        self._populate()

    def action_reverse_sort(self) -> None:
        if self.sort_column is None:
            self.sort_column = 0
        self.sort_reverse = not self.sort_reverse
        self._populate()

    def sort_by(self, title: str, *, reverse: bool = False) -> None:
        """Sort by the column with this title (used by the command palette)."""
        self.sort_column = [c.title for c in self._columns].index(title)
        self.sort_reverse = reverse
        self._populate()

    def select_medication(self, medication_id: str) -> None:
        """Move the cursor to a medication's row."""
        self.move_cursor(row=self.row_ids.index(medication_id))

    def action_jump_to_source(self) -> None:
        if not self.row_count:
            return
        medication_id = self.row_ids[self.cursor_row]
        medication = next(m for m in self._case.medications if m.id == medication_id)
        self.post_message(JumpToQuote(medication.source_quote))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        # A mouse click (or DataTable's own enter) selects a row: treat it as a jump.
        event.stop()
        self.action_jump_to_source()

    def medication_at_cursor(self) -> Medication | None:
        if not self.row_count:
            return None
        medication_id = self.row_ids[self.cursor_row]
        return next(m for m in self._case.medications if m.id == medication_id)


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
            yield Static(id="medication-detail")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        medication = self.query_one(MedicationTable).medication_at_cursor()
        if medication is not None:
            self.query_one("#medication-detail", Static).update(describe_medication(self._case, medication))
            self.query_one("#medication-detail-box", VerticalScroll).scroll_home(animate=False)
