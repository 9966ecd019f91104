"""The Appraisal pane: whether the review is complete, the checklists' rows, the highlighted row whole.

The pane is handed the checklists of this run when it is built (`use_checklists`) and the
session after every change (`show_review`); it never reads a file and changes nothing itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.model import CaseRecord
from tui.model.checklist_catalogue import ChecklistCatalogue, item_place_id
from tui.model.places import Place
from tui.model.review import AdverseEffect
from tui.model.review_session import ReviewSession
from tui.widgets.appraisal_table import AppraisalTable
from tui.widgets.detail_text import DetailText
from tui.widgets.line_table import LineTable
from tui.widgets.plain import plain_line


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
        self._session: ReviewSession | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="appraisal-status")
        table = AppraisalTable(self._case, id="appraisal-table")
        table.say = self.say
        yield table
        with VerticalScroll(id="appraisal-detail-box"):
            yield DetailText(id="appraisal-detail")

    @property
    def table(self) -> AppraisalTable:
        return self.query_one(AppraisalTable)

    def use_checklists(self, catalogue: ChecklistCatalogue, warnings: list[str]) -> None:
        """The checklists of this run; a user's bad checklist file is one warning each."""
        self._catalogue = catalogue
        self._warnings = warnings

    def on_mount(self) -> None:
        for warning in self._warnings:
            self.notify(f"Checklist left out: {warning}", severity="warning")
        self._apply()

    def show_review(self, session: ReviewSession) -> None:
        """Show the session as it is now; before the pane's own widgets are up, once they are (on mount)."""
        self._session = session
        self._complete = session.review.review.complete
        self._apply()

    def _apply(self) -> None:
        found = self.query(AppraisalTable)
        if not found or not self.query("#appraisal-detail"):
            return  # still being composed (or torn down): on_mount applies it
        table = found.first()
        table.catalogue = self._catalogue
        if self._session is not None:
            table.session = self._session
        table.rebuild()
        if self._session is not None and not self._placed:  # the first item to answer, not a heading
            self._placed = True
            table.move_to_unanswered()
        self._show_detail()
        self._show_status()

    def show_answers(self, session: ReviewSession) -> None:
        """Answers alone changed: the same as a whole review, for this pane."""
        self.show_review(session)

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
        status = self.query_one("#appraisal-status", Static)
        status.update(text, layout=False)  # one line, always
        status.set_class(self._complete, "complete")

    def _show_detail(self) -> None:
        self.query_one("#appraisal-detail", DetailText).show(self.table.describe_current())
        self.query_one("#appraisal-detail-box", VerticalScroll).scroll_home(animate=False)

    def on_line_table_row_highlighted(self, _event: LineTable.RowHighlighted) -> None:
        if self.is_mounted and self.query("#appraisal-detail"):
            self._show_detail()
