"""The Appraisal pane: checklists answered from the keyboard, one key an answer, with hints from the record.

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
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.actions import bindings
from tui.appraisal import Hint, hints, sections_for
from tui.appraisal.outline import OutlineRow, outline
from tui.model import CaseRecord
from tui.model.checklist_answers import find_answer
from tui.model.checklist_catalogue import ChecklistCatalogue, item_place_id, parse_item_place
from tui.model.places import Place
from tui.model.review import AdverseEffect, Review, new_review
from tui.model.review_session import ReviewSession
from tui.widgets.appraisal_cells import RowStyles, describe_row, group_title, row_cells
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import ChangeReview, EditItemNote, ShowPlace, TieItem
from tui.widgets.plain import plain_line

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
        parent = self.parent
        if isinstance(parent, AppraisalPane):
            parent.say(words)

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


class AppraisalPane(Vertical):
    """Whether the review is complete, the checklists' rows, and the highlighted row whole."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case
        self._said = ""
        self._complete = False
        self._catalogue = ChecklistCatalogue()
        self._warnings: list[str] = []
        self._placed = False

    def compose(self) -> ComposeResult:
        yield Static(id="appraisal-status")
        yield AppraisalTable(self._case, id="appraisal-table")
        with VerticalScroll(id="appraisal-detail-box"):
            yield Static(id="appraisal-detail")

    @property
    def table(self) -> AppraisalTable:
        return self.query_one(AppraisalTable)

    def use_checklists(self, catalogue: ChecklistCatalogue, warnings: list[str]) -> None:
        """The checklists of this run; a user's bad checklist file is one warning each."""
        self._catalogue = catalogue
        self._warnings = warnings

    def on_mount(self) -> None:
        table = self.table
        table.catalogue = self._catalogue
        for warning in self._warnings:
            self.notify(f"Checklist left out: {warning}", severity="warning")
        table.rebuild()
        self._show_status()

    def show_review(self, session: ReviewSession) -> None:
        table = self.table
        table.session = session
        self._complete = session.review.review.complete
        if table.is_mounted:
            table.rebuild()
            if not self._placed:  # first shown: the first item to answer, not the heading above it
                self._placed = True
                table.move_to_unanswered()
            self._show_detail()
        self._show_status()

    def select_place(self, place: Place) -> None:
        if place.kind == "checklist":
            self.table.select_item(place.target_id)

    def start_assessment(self, target: AdverseEffect) -> bool:
        per_effect = next((d for d in self.table.catalogue if d.applies_to == "adverse_effect"), None)
        if per_effect is None:
            return False
        table = self.table
        table.show_assessment(per_effect.id, target)
        table.select_item(item_place_id(per_effect.id, per_effect.items[0].id, target.medication, target.effect))
        # The assessment's heading (its total and band) at the top of the view, its items under it.
        table.scroll_to(y=max(0, table.cursor_row - 1), animate=False, immediate=True)
        table.focus()
        return True

    def run_key(self, action: str) -> None:
        """Do what one of the pane's keys does (a palette command): `run_key("accept_hint")`."""
        self.table.focus()
        getattr(self.table, f"action_{action}")()

    def say(self, words: str) -> None:
        self._said = words
        self._show_status()

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        text = Text()
        if self._complete:
            text.append("✓ review complete", style="bold")
            text.append(" (M undoes)", style="dim")
        else:
            text.append("in progress", style="italic")
            text.append(" (M: complete)", style="dim")
        if self._said:
            text.append(" · ", style="dim")
            text.append_text(plain_line(self._said))
        self.query_one("#appraisal-status", Static).update(text)
        self.query_one("#appraisal-status", Static).set_class(self._complete, "complete")

    def _show_detail(self) -> None:
        self.query_one("#appraisal-detail", Static).update(self.table.describe_current())
        self.query_one("#appraisal-detail-box", VerticalScroll).scroll_home(animate=False)

    def on_line_table_row_highlighted(self, _event: LineTable.RowHighlighted) -> None:
        if self.is_mounted and self.query("#appraisal-detail"):
            self._show_detail()
