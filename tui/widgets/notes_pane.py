"""The Notes pane: every annotation, filterable, in document order, orphans last; moved notes marked."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from tui.actions import bindings
from tui.model import CaseRecord
from tui.model.note_filter import parse_filter
from tui.model.review import Annotation
from tui.model.review_outline import PlacedNote, notes_in_reading_order
from tui.model.review_session import ReviewSession
from tui.widgets.detail_text import DetailText
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import AcceptNewWords, NoteChosen
from tui.widgets.plain import plain, plain_line

KIND_STYLES = {"error": "bold red", "concern": "yellow", "question": "cyan", "praise": "green", "comment": ""}


COLUMNS: tuple[tuple[str, int], ...] = (
    ("Target", 16),
    ("Kind", 8),
    ("Status", 8),
    ("Note", 28),
    ("Tags", 12),
    ("Quote", 24),
)
"""(title, width). Kind and status come right after the target and are narrow, so at 80
columns a reviewer sees what each note is without scrolling sideways; the detail area
under the table shows the highlighted note whole."""


GROWING = {"Target": 1, "Note": 2, "Quote": 1}
"""How the room beyond the base widths is shared on a wide terminal: most to the note's words."""
CELL_PADDING = 2


def column_widths(available: int) -> list[tuple[str, int]]:
    """Column widths for a table `available` cells wide: the base widths, grown to fill any spare room."""
    spare = available - sum(width + CELL_PADDING for _title, width in COLUMNS) - 2  # the scrollbar
    if spare <= 0:
        return list(COLUMNS)
    shares = sum(GROWING.values())
    return [(title, width + spare * GROWING.get(title, 0) // shares) for title, width in COLUMNS]


def note_count(shown: int, total: int) -> str:
    """`1 of 3 notes`, `1 of 1 note`: the noun agrees with the total."""
    return f"{shown} of {total} note{'' if total == 1 else 's'}"


def place_cell(row: PlacedNote) -> Text:
    """Where a note is, marked `⚠ orphan:` when its place is gone, `↻ moved:` when its words were edited."""
    if row.orphan:
        return plain_line("⚠ orphan: " + row.place, style="italic")
    if row.moved:
        return plain_line("↻ moved: " + row.place, style="italic")
    return plain_line(row.place)


def moved_words(row: PlacedNote) -> Text:
    """A moved note's words as annotated beside the case's words now, and how to accept them."""
    text = Text()
    text.append("\nwas ", style="bold")
    text.append_text(plain(f"“{row.annotation.quote or ''}”", style="italic"))
    text.append("\nnow ", style="bold")
    text.append_text(plain(f"“{row.new_words or ''}”", style="italic"))
    text.append("\nthe case's words changed here; m accepts the new words", style="dim")
    return text


def describe_note(row: PlacedNote) -> Text:
    """The highlighted note whole: kind, status, tags, author, place, the full quote and body.

    Every string from the review goes through `plain()`/`plain_line()`: notes are written
    by people and read back from a file, so they are never markup.
    """
    note = row.annotation
    text = Text()
    text.append_text(plain_line(note.kind, style=f"bold {KIND_STYLES.get(note.kind, '')}".strip()))
    text.append(" · ", style="dim")
    text.append_text(plain_line(note.status, style="dim" if note.status == "resolved" else ""))
    text.append(" · ", style="dim")
    if note.tags:
        text.append("tags ", style="dim")
        text.append_text(plain_line(" ".join(note.tags)))
    else:
        text.append("no tags", style="dim italic")
    for label, value in (("by", note.author), ("updated", note.updated.strftime("%Y-%m-%d %H:%M"))):
        text.append(f" · {label} ", style="dim")
        text.append_text(plain_line(value))
    text.append("\non ", style="dim")
    text.append_text(place_cell(row))
    if row.moved:
        text.append_text(moved_words(row))
    elif note.quote:
        text.append("\n")
        text.append_text(plain(f"“{note.quote}”", style="italic"))
    text.append("\n")
    text.append_text(plain(note.body) if note.body.strip() else Text("(no text)", style="dim italic"))
    return text


class NotesTable(LineTable):
    """Target, kind, status, first line, tags, quote; `enter` goes to the annotated place."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("notes")

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, zebra_stripes=True)
        self.rows_shown: list[PlacedNote] = []
        self._widths_now: list[tuple[str, int]] = list(COLUMNS)

    def on_resize(self) -> None:
        """On a wide terminal the columns grow, so the note's words are not cut at 28 cells."""
        super().on_resize()
        widths = column_widths(self.size.width)
        if widths != self._widths_now:
            self._widths_now = widths
            self.show_rows(self.rows_shown)

    def show_rows(self, rows: list[PlacedNote]) -> None:
        """Show these notes (built row by row as they come on screen, however many there are)."""
        self.rows_shown = rows
        columns = [TableColumn(title.lower(), title, width, fixed=True) for title, width in self._widths_now]
        self.set_table(columns, [row.annotation.id for row in rows], self._cells)

    def _cells(self, index: int) -> list[Text]:
        row = self.rows_shown[index]
        note = row.annotation
        first_line = note.body.strip().splitlines()[0] if note.body.strip() else ""
        return [
            place_cell(row),
            plain_line(note.kind, style=KIND_STYLES.get(note.kind, "")),
            plain_line(note.status, style="dim" if note.status == "resolved" else ""),
            plain_line(first_line),
            plain_line(" ".join(note.tags)),
            plain_line(f"“{note.quote}” → “{row.new_words}”" if row.moved else f"“{note.quote}”" if note.quote else ""),
        ]

    def row_at_cursor(self) -> PlacedNote | None:
        """The highlighted row's note with its place, or None when no note is shown."""
        if self.rows_shown and 0 <= self.cursor_row < len(self.rows_shown):
            return self.rows_shown[self.cursor_row]
        return None

    def note_at_cursor(self) -> Annotation | None:
        """The note on the highlighted row: what `e` and `d` act on in this pane."""
        row = self.row_at_cursor()
        return row.annotation if row is not None else None

    def action_open_note(self) -> None:
        note = self.note_at_cursor()
        if note is not None:
            self.post_message(NoteChosen(note))

    def action_accept_new_words(self) -> None:
        """Ask for the moved note's new words to become its quote (the screen owns the review)."""
        row = self.row_at_cursor()
        if row is not None and row.moved:
            self.post_message(AcceptNewWords(row.annotation))
        else:
            self.notify("This note's words have not moved.", severity="information")

    def action_filter(self) -> None:
        self.screen.query_one("#notes-filter", Input).focus()

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        event.stop()
        self.action_open_note()


class NotesPane(Vertical):
    """The notes table, the highlighted note whole, a filter line, and a count.

    The detail box scrolls (mouse wheel, or `tab` into it) so a long note can be read
    whole at 80x24.
    """

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case
        self._all: list[PlacedNote] = []

    def compose(self) -> ComposeResult:
        yield NotesTable(id="notes-table")
        with VerticalScroll(id="notes-detail-box"):
            yield DetailText(id="notes-detail")
        yield Input(
            placeholder="filter: kind:concern status:open tag:dose words  (f focuses, enter returns)", id="notes-filter"
        )
        yield Static(id="notes-count")

    @property
    def _ready(self) -> bool:
        """Whether every widget `_apply` fills is in place (the detail sits one level down)."""
        return bool(self.query("#notes-filter") and self.query("#notes-detail") and self.query("#notes-count"))

    def on_mount(self) -> None:
        # Rows handed over while the pane was still being composed are shown now.
        self._apply()

    def show_review(self, session: ReviewSession) -> None:
        """Every note of the review, placed ones in reading order, orphans last."""
        self.show_notes(notes_in_reading_order(self._case, session.review, session.orphans))

    def show_notes(self, rows: list[PlacedNote]) -> None:
        """All notes, in the order to list them; the current filter is applied.

        The screen may call this while the pane is still being mounted (panes are built in
        the background after the first screen); the rows are then shown once it is mounted.
        """
        self._all = rows
        if self._ready:
            self._apply()

    def _apply(self) -> None:
        note_filter = parse_filter(self.query_one("#notes-filter", Input).value)
        shown = [row for row in self._all if note_filter.matches(row.annotation)]
        self.query_one(NotesTable).show_rows(shown)
        orphans = sum(1 for row in self._all if row.orphan)
        moved = sum(1 for row in self._all if row.moved)
        count = Text()
        count.append_text(plain_line(note_count(len(shown), len(self._all))))
        if orphans:
            count.append_text(plain_line(f", {orphans} orphaned"))
        if moved:
            count.append_text(plain_line(f", {moved} moved"))
        hint = note_filter.hint()
        if hint:
            # The hint repeats what was typed: plain text, never markup.
            count.append(" · ")
            count.append_text(plain_line(hint, style="bold"))
        self.query_one("#notes-count", Static).update(count)
        self._show_detail()

    def _show_detail(self) -> None:
        table = self.query_one(NotesTable)
        row = table.row_at_cursor()
        if row is not None:
            body = describe_note(row)
        elif self._all:
            body = Text("No note matches the filter.", style="dim italic")
        else:
            body = Text("No notes yet: a annotates the place you are at.", style="dim italic")
        self.query_one("#notes-detail", DetailText).show(body)
        self.query_one("#notes-detail-box", VerticalScroll).scroll_home(animate=False)

    def on_line_table_row_highlighted(self, _event: LineTable.RowHighlighted) -> None:
        if self._ready:
            self._show_detail()

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self._apply()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        self.query_one(NotesTable).focus()
