"""The Appraisal pane's table: checklists answered from the keyboard, one key an answer, with hints from the record.

Rows are checklists, their domains and items, and their overall rows (`tui.appraisal.outline`),
drawn by a `LineTable`, so only the rows in view are built. An answer key (`y n p u - d`, or
any key a checklist's file gives an answer) answers the item under the cursor and moves on to
the next item. Hints are shown beside the items they concern, with their reason under the
table; `h` accepts one, an answer key overrides it, and nothing is ever answered by itself.
The pane changes nothing itself: each change goes to the screen as a message, which applies it
to the session as one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import BindingType

from tui.actions import bindings
from tui.appraisal import Hint, hints, sections_for
from tui.appraisal.outline import OutlineRow, outline
from tui.model import CaseRecord
from tui.model.checklist_answers import find_answer
from tui.model.checklist_catalogue import ChecklistCatalogue, parse_item_place
from tui.model.places import Place
from tui.model.review import AdverseEffect, Review, new_review
from tui.model.review_session import ReviewSession
from tui.widgets.appraisal_cells import RowStyles, describe_row, group_title, row_cells
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import ChangeReview, EditItemNote, ShowPlace, TieItem

BASE_COLUMNS: tuple[tuple[str, str, int], ...] = (("number", "No.", 3), ("item", "Item", 16), ("answer", "Answer", 17))
"""(key, title, width); the item column grows into whatever room the pane has."""
MARKS_WIDTH = 3
CELL_PADDING = 2
MAX_ITEM_WIDTH = 60
"""Wider than this, an item's title sits too far from its answer to read across on a wide terminal."""


def column_widths(available: int) -> list[TableColumn]:
    """The item column takes the room the others leave (at least its base width)."""
    fixed = sum(width + CELL_PADDING for key, _t, width in BASE_COLUMNS if key != "item") + MARKS_WIDTH + CELL_PADDING
    item_width = min(MAX_ITEM_WIDTH, max(BASE_COLUMNS[1][2], available - fixed - CELL_PADDING - 2))
    columns = [TableColumn(key, title, item_width if key == "item" else width) for key, title, width in BASE_COLUMNS]
    return [*columns, TableColumn("marks", "", MARKS_WIDTH)]


class AppraisalTable(LineTable):
    """The rows of every checklist; answer keys answer, `h` accepts a hint, `enter` goes to the text."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("appraisal")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "appraisal--heading",
        "appraisal--domain",
        "appraisal--answer",
        "appraisal--hint",
        "appraisal--done",
        "appraisal--todo",
    }

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id, zebra_stripes=False)
        self._case = case
        self.catalogue = ChecklistCatalogue()
        self.session: ReviewSession | None = None
        self.rows: list[OutlineRow] = []
        self.started: dict[str, list[AdverseEffect]] = {}
        self._hints: dict[tuple[str, AdverseEffect | None], dict[str, Hint]] = {}
        self._tied: dict[str, int] = {}
        self._jumps: tuple[str, int] = ("", 0)
        """The row `enter` last jumped from and how many times: pressed again, it goes to the next section."""
        self._width = 0
        self.say: Callable[[str], None] = lambda _words: None
        """Where the table says what a key did or why it did nothing (the pane's status line)."""

    @property
    def review(self) -> Review:
        """The review shown; an empty one until the screen hands over its session."""
        if self.session is None:
            self.session = ReviewSession(new_review(self._case.id, "0" * 64, "reviewer"))
        return self.session.review

    # ---- content ------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Rows for the checklists and assessments as they are now; the cursor stays on its row."""
        self.rows = outline(self.catalogue, self.review, self.started)
        if self.session is not None:
            self._tied = self.session.counts("checklist")
        self.set_table(column_widths(self._width or self.size.width), [row.key for row in self.rows], self._cells)

    def on_resize(self) -> None:
        super().on_resize()
        if self.size.width != self._width:
            self._width = self.size.width
            if self.rows:
                self.rebuild()

    def _styles(self) -> RowStyles:
        style = self.get_component_rich_style
        return RowStyles(
            style("appraisal--heading"),
            style("appraisal--domain"),
            style("appraisal--answer"),
            style("appraisal--hint"),
            style("appraisal--done"),
            style("appraisal--todo"),
        )

    def _cells(self, index: int) -> list[Text]:
        row = self.rows[index]
        return row_cells(
            self._case, row, self.review, hint=self.hint_for(row), tied=self.tied_to(row), styles=self._styles()
        )

    def hint_for(self, row: OutlineRow) -> Hint | None:
        """The record's hint for an item (hints are worked out once per checklist and assessment)."""
        if row.item_id is None:
            return None
        group = (row.definition.id, row.target)
        found = self._hints.get(group)
        if found is None:
            found = self._hints[group] = {h.item: h for h in hints(self._case, row.definition, row.target)}
        return found.get(row.item_id)

    def tied_to(self, row: OutlineRow) -> int:
        return self._tied.get(row.key, 0) if row.answerable else 0

    def row_at_cursor(self) -> OutlineRow | None:
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    def describe_current(self) -> Text:
        row = self.row_at_cursor()
        if row is None:
            return Text("No checklist is installed.", style="dim italic")
        sections = sections_for(self._case, row.item) if row.item is not None else []
        return describe_row(
            self._case, row, self.review, hint=self.hint_for(row), tied=self.tied_to(row), sections=sections
        )

    # ---- places -----------------------------------------------------------------------------

    def place_at_cursor(self) -> Place | None:
        """The item as a place: what `]`/`[` step from, and where a tied note's place is."""
        row = self.row_at_cursor()
        return Place("checklist", row.key) if row is not None and row.answerable else None

    def select_item(self, target_id: str) -> bool:
        """Put the cursor on the item a checklist place names, starting its assessment if need be."""
        place = parse_item_place(target_id, self.catalogue)
        if place is None:
            return False
        if place.medication is not None and place.effect is not None:
            self.show_assessment(place.checklist, AdverseEffect(place.medication, place.effect))
        self.select_row(target_id)
        return self.row_key_at_cursor() == target_id

    def show_assessment(self, checklist: str, target: AdverseEffect) -> None:
        started = self.started.setdefault(checklist, [])
        if target not in started:
            started.append(target)
            self.rebuild()

    # ---- keys ---------------------------------------------------------------------------------

    def _say(self, words: str) -> None:
        self.say(words)

    def _answerable(self) -> OutlineRow | None:
        row = self.row_at_cursor()
        if row is None or not row.answerable:
            self._say("move to an item to answer it (j/k)")
            return None
        return row

    def _change(self, change: Callable[[ReviewSession], object], words: str) -> None:
        self.post_message(ChangeReview(change))
        self._say(words)

    def answer_with(self, row: OutlineRow, answer: str, *, move_on: bool = True) -> None:
        """Answer the row's item and, by default, move to the next item."""
        definition, item, target = row.definition, row.item_id or "", row.target
        label = definition.answer_label(answer)
        self._change(lambda session: session.answer(definition, item, answer, target), f"{self._short(row)}: {label}")
        if move_on:
            self._move_to_item(+1)

    def action_answer_key(self, key: str) -> None:
        """The answer whose key in the row's checklist file is `key`."""
        row = self._answerable()
        if row is None:
            return
        options = row.definition.allowed_answers(row.item_id or "")
        option = next((o for o in options if o.key == key), None)
        if option is None:
            keys = " ".join(o.key for o in options if o.key) or "none"
            extra = "; outside this pane d deletes a note" if key == "d" else ""
            self._say(f"{row.definition.short_title} takes {keys} here{extra}")
            return
        self.answer_with(row, option.id)

    def on_key(self, event: events.Key) -> None:
        """A key a checklist's file gives an answer that no binding here holds (JBI's overall `i e s`)."""
        row = self.row_at_cursor()
        character = event.character
        if row is None or not row.answerable or character is None or character in "ynpu-d":
            return
        option = next((o for o in row.definition.allowed_answers(row.item_id or "") if o.key == character), None)
        if option is not None:
            event.stop()
            event.prevent_default()
            self.answer_with(row, option.id)

    def action_clear_answer(self) -> None:
        row = self._answerable()
        if row is None:
            return
        checklist, item, target = row.definition.id, row.item_id or "", row.target
        self._change(lambda session: session.clear_answer(checklist, item, target), f"{self._short(row)}: cleared")

    def action_accept_hint(self) -> None:
        row = self._answerable()
        if row is None:
            return
        hint = self.hint_for(row)
        if hint is None:
            self._say("no hint for this item")
        elif hint.suggested is None:
            self._say("this hint says where to look, not what to answer: read it below")
        else:
            self.answer_with(row, hint.suggested)

    def action_edit_item_note(self) -> None:
        row = self._answerable()
        if row is None:
            return
        heading = f"Note on {self._label(row)}"
        self.post_message(EditItemNote(row.definition, row.item_id or "", row.target, heading))

    def action_tie_selection(self) -> None:
        row = self._answerable()
        if row is not None:
            self.post_message(TieItem(row.key, f"Tie to {self._label(row)}"))

    def _short(self, row: OutlineRow) -> str:
        """`CARE 3b`, `JBI overall`: how the status line names an item."""
        return f"{row.definition.short_title} {row.item_id}"

    def _label(self, row: OutlineRow) -> str:
        title = row.item.title if row.item else row.definition.overall.title if row.definition.overall else ""
        number = f" {row.item_id}" if row.item is not None else ""
        return f"{group_title(self._case, row)}{number}: {title}"

    def action_jump_to_section(self) -> None:
        row = self.row_at_cursor()
        if row is None or row.item is None:
            self._say("enter on an item goes to the section that addresses it")
            return
        hint = self.hint_for(row)
        sections = sections_for(self._case, row.item) or list(hint.sections if hint else ())
        if not sections:
            self._say("no section seems to address this item: read the case (1)")
            return
        times = self._jumps[1] + 1 if self._jumps[0] == row.key else 0
        self._jumps = (row.key, times)
        section = sections[times % len(sections)]
        self.post_message(ShowPlace(Place("section", section)))

    def action_next_unanswered(self) -> None:
        self.move_to_unanswered(self.cursor_row + 1)

    def move_to_unanswered(self, start: int = 0) -> None:
        """The first item without an answer from row `start` on, wrapping round."""
        review = self.review
        for offset in range(len(self.rows)):
            index = (start + offset) % len(self.rows)
            row = self.rows[index]
            if row.kind != "item":
                continue
            entry = find_answer(review, row.definition.id, row.item_id or "", row.target)
            if entry is None or entry.answer is None:
                self.move_cursor(row=index)
                return
        self._say("every item is answered")

    def action_toggle_complete(self) -> None:
        complete = not self.review.review.complete
        words = "review marked complete" if complete else "review no longer marked complete"
        self._change(lambda session: session.mark_complete(complete), words)

    def _move_to_item(self, step: int) -> None:
        index = self.cursor_row + step
        while 0 <= index < len(self.rows) and not self.rows[index].answerable:
            index += step
        if 0 <= index < len(self.rows):
            self.move_cursor(row=index)

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        event.stop()  # a click only moves the cursor: answers come from keys
