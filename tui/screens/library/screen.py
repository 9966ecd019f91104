"""The library screen: one row per case, sorted, filtered and searched; `enter` opens a case.

The screen reads nothing itself: the app hands it a `LibrarySource`, and every call that may
touch the disk (the first rows, re-reading what changed, a search) runs in a thread worker, so
a key is never kept waiting for a folder of thousands of cases. Opening a case is the app's
(`OpenCase`): the screen stays in its own mode, so coming back finds the cursor where it was.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import ClassVar, Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from tui.actions import bindings
from tui.model.library import (
    SORT_KEYS,
    STATUSES,
    CaseSummary,
    LibrarySource,
    RowFilter,
    SearchAnswer,
    SearchHit,
    filter_rows,
    sort_rows,
)
from tui.screens.library.cells import CASE_COLUMNS, HIT_COLUMNS, case_cells, hit_cells
from tui.widgets.key_hints import KeyHints
from tui.widgets.line_table import LineTable
from tui.widgets.plain import plain_line

InputMode = Literal["search", "filter"]
FIRST_DRAW_WAIT = 2.0
"""Seconds the re-check of the folder waits for the first rows to be drawn (it shares the interpreter)."""


class LibraryScreen(Screen[None]):
    """A folder of cases, one row each."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("library")

    class OpenCase(Message):
        """Open this case (at this hit, if any) in its review screen."""

        def __init__(self, path: str, hit: SearchHit | None = None) -> None:
            self.path = path
            self.hit = hit
            super().__init__()

    def __init__(self, source: LibrarySource) -> None:
        super().__init__()
        self.source = source
        self.rows: list[CaseSummary] = []
        self.shown: list[CaseSummary] = []
        self.sort_index = 0
        self.reverse = False
        self.row_filter = RowFilter()
        self.answer: SearchAnswer | None = None
        self.input_mode: InputMode | None = None
        self.loaded = False
        self._progress = ""
        self._drawn = threading.Event()

    @property
    def table(self) -> LineTable:
        return self.query_one("#library-table", LineTable)

    @property
    def input(self) -> Input:
        return self.query_one("#library-input", Input)

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield Input(id="library-input")
        yield LineTable(id="library-table")
        yield Static(id="library-status")
        yield KeyHints(id="key-hints")

    def on_mount(self) -> None:
        self.input.display = False
        self.table.focus()
        self._show_title()
        self.load()

    def on_screen_resume(self) -> None:
        """Back from a case: whatever changed on disk meanwhile is read again."""
        if self.loaded:
            self.load(first=False)

    # ---- rows from the library (workers) -----------------------------------------------------

    @work(thread=True, exclusive=True, group="library-rows")
    def load(self, first: bool = True) -> None:
        worker = get_current_worker()
        if first:
            rows = self.source.first_rows()
            if not worker.is_cancelled:
                self._drawn.clear()
                self.app.call_from_thread(self.set_rows, rows)
                # The first rows reach the screen before the folder is listed and checked again.
                self._drawn.wait(timeout=FIRST_DRAW_WAIT)
        rows = self.source.refresh(lambda done, total: self.app.call_from_thread(self._show_progress, done, total))
        if not worker.is_cancelled:
            self.app.call_from_thread(self.set_rows, rows, True)

    def _show_progress(self, done: int, total: int) -> None:
        self._progress = f"reading {done:,} of {total:,} changed cases" if done < total else ""
        self._show_title()

    def set_rows(self, rows: list[CaseSummary], finished: bool = False) -> None:
        """Show these rows (sorted and filtered as chosen); the cursor stays on its case."""
        self.rows = rows
        first_load = not self.loaded
        if finished:
            self.loaded = True
            self._progress = ""
        if not finished:
            self.call_after_refresh(self._drawn.set)
        if self.answer is None:
            self._show_cases()
            if first_load:
                self.table.move_cursor(row=0)  # rows known by name only sort differently: start at the top
        self._show_title()

    def _show_cases(self) -> None:
        self.shown = sort_rows(
            filter_rows(self.rows, self.row_filter), SORT_KEYS[self.sort_index], reverse=self.reverse
        )
        shown = self.shown
        self.table.set_table(CASE_COLUMNS, [row.path for row in shown], lambda n: case_cells(shown[n]))
        self._show_status()

    def _show_title(self) -> None:
        broken = sum(1 for row in self.rows if row.error is not None)
        parts = [self.source.label, f"{len(self.rows):,} cases"]
        if broken:
            parts.append(f"{broken:,} broken")
        if self.answer is not None:
            parts.append(f"search {self.answer.query.strip()!r}: {len(self.answer.hits):,} hits")
        else:
            parts.append(f"showing {len(self.shown):,}: {self.row_filter.describe()}")
            parts.append(f"sorted by {SORT_KEYS[self.sort_index]}{' (reversed)' if self.reverse else ''}")
        if self._progress:
            parts.append(self._progress)
        self.query_one("#library-title", Static).update(plain_line("  ·  ".join(parts)))

    def _show_status(self) -> None:
        """The highlighted row's full error, or its file."""
        text = ""
        if self.answer is not None and self.answer.problem:
            text = self.answer.problem
        elif self.answer is None:
            row = self.current_row()
            if row is not None:
                text = f"broken: {row.short_error}" if row.error is not None else Path(row.path).name
        self.query_one("#library-status", Static).update(plain_line(text))

    def on_line_table_row_highlighted(self, _message: LineTable.RowHighlighted) -> None:
        self._show_status()

    def current_row(self) -> CaseSummary | None:
        key = self.table.row_key_at_cursor()
        return next((row for row in self.shown if row.path == key), None) if key is not None else None

    # ---- opening ---------------------------------------------------------------------------

    def action_open_row(self) -> None:
        if self.answer is not None:
            cursor = self.table.cursor_row
            if 0 <= cursor < len(self.answer.hits):
                hit = self.answer.hits[cursor]
                self.post_message(self.OpenCase(hit.path, hit))
            return
        row = self.current_row()
        if row is None:
            return
        if row.error is not None:
            self.notify(f"Cannot open: {row.short_error}", severity="error")
            return
        self.post_message(self.OpenCase(row.path))

    def on_line_table_row_selected(self, _message: LineTable.RowSelected) -> None:
        self.action_open_row()

    def neighbour(self, path: str, step: int) -> str | None:
        """The case `step` rows from `path` in the list as shown (broken ones skipped); the cursor follows."""
        openable = [row.path for row in self.shown if row.error is None]
        if path not in openable:
            return openable[0] if openable else None
        index = openable.index(path) + step
        if not 0 <= index < len(openable):
            return None
        if self.answer is None:
            self.table.select_row(openable[index])
        return openable[index]

    def select_case(self, path: str) -> None:
        if self.answer is None:
            self.table.select_row(path)

    # ---- sorting and filtering -----------------------------------------------------------

    def action_next_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORT_KEYS)
        self._refilter()

    def action_reverse_sort(self) -> None:
        self.reverse = not self.reverse
        self._refilter()

    def action_next_status(self) -> None:
        choices = [None, *STATUSES]
        self._set_filter(status=choices[(choices.index(self.row_filter.status) + 1) % len(choices)])

    def action_next_reviewer(self) -> None:
        reviewers = sorted({name for row in self.rows for name in row.reviewers()})
        choices: list[str | None] = [None, *reviewers]
        current = self.row_filter.reviewer
        position = choices.index(current) if current in choices else 0
        self._set_filter(reviewer=choices[(position + 1) % len(choices)])

    def _set_filter(self, **changes: object) -> None:
        self.row_filter = replace(self.row_filter, **changes)  # type: ignore[arg-type]
        self._refilter()

    def _refilter(self) -> None:
        self.answer = None
        self._show_cases()
        self._show_title()

    # ---- the input line: search or filter ----------------------------------------------------

    def action_start_search(self) -> None:
        self._open_input("search", "search every case and note; enter goes to the hits, escape closes")

    def action_start_filter(self) -> None:
        self._open_input("filter", "words in the title, patient, author or file; escape closes")

    def _open_input(self, mode: InputMode, placeholder: str) -> None:
        self.input_mode = mode
        self.input.placeholder = placeholder
        self.input.value = self.row_filter.text if mode == "filter" else (self.answer.query if self.answer else "")
        self.input.display = True
        self.input.focus()

    def on_input_changed(self, message: Input.Changed) -> None:
        if self.input_mode == "filter":
            self._set_filter(text=message.value)
        elif self.input_mode == "search":
            self.search(message.value)

    def on_input_submitted(self, _message: Input.Submitted) -> None:
        self.input.display = False
        self.input_mode = None
        self.table.focus()

    @work(thread=True, exclusive=True, group="library-search")
    def search(self, query: str) -> None:
        answer = self.source.search(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_answer, answer)

    def show_answer(self, answer: SearchAnswer) -> None:
        self.answer = answer
        hits = answer.hits
        self.table.set_table(HIT_COLUMNS, [str(n) for n in range(len(hits))], lambda n: hit_cells(hits[n]))
        self.table.move_cursor(row=0)
        self._show_title()
        self._show_status()

    def action_clear(self) -> None:
        """Escape: close the input line, else leave the hits, else drop the filters."""
        if self.input.display:
            self.input.display = False
            self.input_mode = None
            self.table.focus()
        elif self.answer is not None:
            self.answer = None
            self._show_cases()
            self._show_title()
        elif self.row_filter != RowFilter():
            self.row_filter = RowFilter()
            self._refilter()
