"""The Notes pane: every annotation, filterable, in document order, orphans last."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from tui.model.note_filter import parse_filter
from tui.model.review import Annotation
from tui.model.review_outline import PlacedNote
from tui.widgets.plain import plain_line

KIND_STYLES = {"error": "bold red", "concern": "yellow", "question": "cyan", "praise": "green", "comment": ""}


class NotesTable(DataTable[Text]):
    """Target, quote, kind, status, tags, first line; `enter` goes to the annotated place."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="notes.down"),
        Binding("k", "cursor_up", "Up", show=False, id="notes.up"),
        Binding("enter", "open_note", "Go to note", id="notes.open"),
        Binding("f", "filter", "Filter", id="notes.filter"),
    ]

    class Chosen(Message):
        """Show this annotation's place."""

        def __init__(self, annotation: Annotation) -> None:
            self.annotation = annotation
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[PlacedNote] = []

    def on_mount(self) -> None:
        for title, width in (("Target", 24), ("Quote", 28), ("Kind", 9), ("Status", 9), ("Tags", 14), ("Note", 40)):
            self.add_column(Text(title), key=title.lower(), width=width)

    def show_rows(self, rows: list[PlacedNote]) -> None:
        self.clear()
        self.rows_shown = rows
        for row in rows:
            note = row.annotation
            first_line = note.body.strip().splitlines()[0] if note.body.strip() else ""
            target = plain_line(("⚠ orphan: " if row.orphan else "") + row.place,
                                style="italic" if row.orphan else "")
            self.add_row(
                target,
                plain_line(f"“{note.quote}”" if note.quote else ""),
                plain_line(note.kind, style=KIND_STYLES.get(note.kind, "")),
                plain_line(note.status, style="dim" if note.status == "resolved" else ""),
                plain_line(" ".join(note.tags)),
                plain_line(first_line),
                key=note.id,
            )

    def note_at_cursor(self) -> Annotation | None:
        """The note on the highlighted row: what `e` and `d` act on in this pane."""
        if self.rows_shown and 0 <= self.cursor_row < len(self.rows_shown):
            return self.rows_shown[self.cursor_row].annotation
        return None

    def action_open_note(self) -> None:
        note = self.note_at_cursor()
        if note is not None:
            self.post_message(self.Chosen(note))

    def action_filter(self) -> None:
        self.screen.query_one("#notes-filter", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_note()


class NotesPane(Vertical):
    """A filter line, the notes table, and a count."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._all: list[PlacedNote] = []

    def compose(self) -> ComposeResult:
        yield NotesTable(id="notes-table")
        yield Input(placeholder="filter: kind:concern status:open tag:dose words  (f focuses, enter returns)",
                    id="notes-filter")
        yield Static(id="notes-count")

    def show_notes(self, rows: list[PlacedNote]) -> None:
        """All notes, in the order to list them; the current filter is applied."""
        self._all = rows
        self._apply()

    def _apply(self) -> None:
        note_filter = parse_filter(self.query_one("#notes-filter", Input).value)
        shown = [row for row in self._all if note_filter.matches(row.annotation)]
        self.query_one(NotesTable).show_rows(shown)
        orphans = sum(1 for row in self._all if row.orphan)
        suffix = f", {orphans} orphaned" if orphans else ""
        self.query_one("#notes-count", Static).update(plain_line(f"{len(shown)} of {len(self._all)} notes{suffix}"))

    @on(Input.Changed, "#notes-filter")
    def _filter_changed(self, _event: Input.Changed) -> None:
        self._apply()

    @on(Input.Submitted, "#notes-filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        self.query_one(NotesTable).focus()
