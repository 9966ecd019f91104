"""The compare screen: every reviewer's answers and notes on one case side by side, aligned by place.

One row a place (`tui.agreement.alignment`), one column a reviewer, the consensus decision
last; rows where the reviewers disagree are marked `≠` and styled from the stylesheet.
`]`/`[` step between disagreements, `enter` opens the place in the reader (the screen is
dismissed with the place), `1`..`5` take one reviewer's entry into the consensus, `b` every
reviewer's, `A` every agreed place at once, `s` saves the consensus file, `f` shows the
agreement figures, `e` writes them as Markdown, HTML and CSV. What blind review hides is
said on the second line. What is compared and saved comes from `TeamReview`; this screen
only shows it and passes the keys on.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from pydantic import ValidationError
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from tui.actions import bindings
from tui.agreement.alignment import AlignedPlace
from tui.agreement.consensus import DecisionError
from tui.agreement.report import AgreementReport, agreement_report
from tui.export.agreement import render_agreement
from tui.model.places import Place
from tui.model.provenance import Decision
from tui.model.review_session import ReviewSession
from tui.screens.compare.answer_dialog import AnswerDialog
from tui.screens.compare.cells import detail_text, row_cells
from tui.screens.compare.figures import figures_line
from tui.screens.compare.team_view import TeamView
from tui.widgets.key_hints import KeyHints
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import ReviewChanged
from tui.widgets.plain import plain, plain_line

STYLES = Path(__file__).resolve().parent.parent.parent / "styles" / "compare.tcss"
MAX_TAKE_KEYS = 5
PLACE_WIDTH = 36
REVIEWER_WIDTH = 30
CONSENSUS_WIDTH = 14


class HoldsReview(Protocol):
    """The viewer's open review: marking it complete here is a change the app journals like any other."""

    @property
    def session(self) -> ReviewSession: ...


class CompareTable(LineTable):
    """The places table, with the stylesheet's styles for disagreeing places and decisions."""

    COMPONENT_CLASSES: ClassVar[set[str]] = LineTable.COMPONENT_CLASSES | {
        "compare-table--disagree",
        "compare-table--decided",
    }


class CompareScreen(Screen[Place | None]):
    """Several reviews of one case compared; dismissed with a place to open in the reader, or None."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("compare")
    CSS_PATH = str(STYLES)

    def __init__(self, team: TeamView, document: HoldsReview) -> None:
        super().__init__()
        self.team = team
        self.document = document
        self._report: AgreementReport | None = None
        self._leave_unsaved = False
        self._decisions: dict[str, Decision] = {}

    # ---- layout --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="compare-header")
        yield Static(id="compare-figures-line")
        yield Static(id="compare-hidden")
        with ContentSwitcher(initial="compare-places", id="compare-views"):
            with Vertical(id="compare-places"):
                yield CompareTable(id="compare-table")
                with VerticalScroll(id="compare-detail-box"):
                    yield Static(id="compare-detail")
            with VerticalScroll(id="compare-figures"):
                yield Static(id="compare-figures-text")
        yield Static(id="compare-status")
        yield KeyHints(id="compare-hints")

    def on_mount(self) -> None:
        self._show_team()
        self.query_one(CompareTable).focus()

    @property
    def table(self) -> CompareTable:
        return self.query_one(CompareTable)

    def _show_team(self) -> None:
        """Show `self.team` whole: header, what is hidden, the places, the figures."""
        team = self.team
        case = team.case
        comparison = team.comparison
        names = ", ".join(comparison.reviewers) if comparison else "—"
        header = f"Compare · {case.id} · {case.title} · reviewers: {names}"
        self.query_one("#compare-header", Static).update(plain_line(header))
        hidden = " · ".join(line for line in (team.hidden_line(), team.warning or "") if line)
        hidden_box = self.query_one("#compare-hidden", Static)
        hidden_box.update(plain_line(hidden))
        hidden_box.display = bool(hidden)
        self._report = agreement_report(comparison) if comparison else None
        line = figures_line(self._report) if self._report else ""
        figures_box = self.query_one("#compare-figures-line", Static)
        figures_box.update(plain(line))
        figures_box.display = bool(line)
        figures = render_agreement("text", self._report) if self._report else "No figures: nothing to compare."
        self.query_one("#compare-figures-text", Static).update(plain(figures))
        self._fill_table()
        if comparison is None:
            why = (
                f"{team.hidden_line()}. Press M to mark your review complete and see them."
                if team.view.blinded
                else f"Nothing to compare: {team.review_count} review of this case; compare needs two or more."
            )
            self.query_one("#compare-detail", Static).update(plain(why))
            self.set_status(why)
        else:
            self.set_status(f"{len(comparison.places)} places, {len(comparison.disagreements())} disagree")
        self.refresh_bindings()

    def _columns(self) -> list[TableColumn]:
        names = self.team.comparison.reviewers if self.team.comparison else ()
        # Widths of their own, narrowed to fit the screen: measuring cells over thousands of
        # places would build every row once per column; a decision redraws the rows on screen only.
        reviewers = [TableColumn(f"r{i}", f"{i + 1} {name}", REVIEWER_WIDTH) for i, name in enumerate(names)]
        return [TableColumn("mark", "", 1, fixed=True), TableColumn("place", "Place", PLACE_WIDTH), *reviewers,
                TableColumn("consensus", "Consensus", CONSENSUS_WIDTH)]  # fmt: skip

    def _fill_table(self) -> None:
        comparison = self.team.comparison
        places = comparison.places if comparison else ()
        table = self.table
        disagree = table.get_component_rich_style("compare-table--disagree")
        decided_style = table.get_component_rich_style("compare-table--decided")
        case = self.team.case
        self._decisions = self.team.consensus.decisions() if self.team.consensus else {}

        def cells(row: int) -> list[Text]:
            place = places[row]
            return row_cells(case, place, self._decisions.get(place.ident), disagree, decided_style)

        table.set_table(self._columns(), [place.ident for place in places], cells)

    def _refresh_rows(self) -> None:
        """After a decision: the consensus column and the detail change; the rows on screen are drawn again."""
        self._decisions = self.team.consensus.decisions() if self.team.consensus else {}
        self.table.refresh_rows()
        self._show_detail()

    # ---- the place under the cursor -----------------------------------------------------

    def current_place(self) -> AlignedPlace | None:
        comparison = self.team.comparison
        if comparison is None or not comparison.places:
            return None
        row = self.table.cursor_row
        return comparison.places[row] if 0 <= row < len(comparison.places) else None

    def on_line_table_row_highlighted(self, _message: LineTable.RowHighlighted) -> None:
        self._show_detail()

    def on_line_table_row_selected(self, _message: LineTable.RowSelected) -> None:
        self.action_open_place()

    def _show_detail(self) -> None:
        place = self.current_place()
        if place is None:
            return
        decision = self.team.consensus.decision(place) if self.team.consensus else None
        numbers = [str(i + 1) for i in range(len(place.by_reviewer))]
        self.query_one("#compare-detail", Static).update(detail_text(self.team.case, place, decision, numbers))

    def set_status(self, message: str) -> None:
        self.query_one("#compare-status", Static).update(plain_line(message), layout=False)

    # ---- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer `1`..`5` only for reviewers compared, and consensus keys only when there is a consensus."""
        if action == "take" and parameters:
            count = len(self.team.comparison.reviewers) if self.team.comparison else 0
            return isinstance(parameters[0], int) and parameters[0] <= min(count, MAX_TAKE_KEYS)
        if action in {"take_all", "accept_agreed", "save_consensus", "reopen", "undo", "redo", "edit_answer"}:
            return self.team.consensus is not None
        if action == "mark_complete":
            return self.team.view.blinded
        if action in {"step_disagreement", "open_place", "toggle_figures", "export_figures"}:
            return self.team.comparison is not None
        return True

    def action_step_disagreement(self, step: int) -> None:
        comparison = self.team.comparison
        if comparison is None:
            return
        row = comparison.step_disagreement(self.table.cursor_row, step)
        if row is None:
            self.set_status("the reviewers agree at every place")
            return
        self.table.move_cursor(row=row)
        found = [i for i, place in enumerate(comparison.places) if place.disagree]
        self.set_status(f"disagreement {found.index(row) + 1} of {len(found)}")

    def action_open_place(self) -> None:
        place = self.current_place()
        if place is not None:
            self._leave(place.place)

    def _decide(self, what: str, decide: object) -> None:
        place = self.current_place()
        consensus = self.team.consensus
        if place is None or consensus is None or not callable(decide):
            return
        try:
            decide(place)
        except DecisionError as error:
            self.set_status(f"not decided: {error}")
            return
        except ValidationError as error:
            self.set_status(f"not decided: {error.errors()[0]['msg']}")
            return
        self._refresh_rows()
        self.set_status(f"consensus: {what} at {place.label} (unsaved; s saves)")

    def action_take(self, number: int) -> None:
        consensus = self.team.consensus
        comparison = self.team.comparison
        if consensus is None or comparison is None or not 1 <= number <= len(comparison.reviewers):
            return
        name = comparison.reviewers[number - 1]
        self._decide(f"{name}'s taken", lambda place: consensus.choose(place, [name]))

    def action_take_all(self) -> None:
        consensus = self.team.consensus
        comparison = self.team.comparison
        if consensus is None or comparison is None:
            return
        self._decide("every reviewer's taken", lambda place: consensus.choose(place, list(comparison.reviewers)))

    def action_accept_agreed(self) -> None:
        consensus = self.team.consensus
        if consensus is None:
            return
        accepted = consensus.accept_agreed()
        self._refresh_rows()
        self.set_status(f"consensus: {accepted} agreed places accepted (unsaved; s saves)")

    def action_edit_answer(self) -> None:
        """`E`: write the consensus answer of a checklist item (when no reviewer's answer will do)."""
        place = self.current_place()
        consensus = self.team.consensus
        if place is None or consensus is None:
            return
        if place.answer_key is None:
            self.set_status("E writes a checklist item's answer; this place is no checklist item")
            return
        given = sorted({c for entry in place.by_reviewer if (c := entry.category) is not None})

        def decide(result: tuple[str, str] | None) -> None:
            if result is not None:
                answer, note = result
                self._decide(f"answer {answer} written", lambda at: consensus.edit_answer(at, answer, note))

        self.app.push_screen(AnswerDialog(place.label, given, place.agreed_category or ""), decide)

    def action_reopen(self) -> None:
        place = self.current_place()
        if place is not None and self.team.consensus is not None and self.team.consensus.reopen(place):
            self._refresh_rows()
            self.set_status(f"consensus: decision at {place.label} taken back")

    def action_undo(self) -> None:
        if self.team.consensus is not None:
            done = self.team.consensus.undo()
            self._refresh_rows()
            self.set_status("consensus: undone" if done else "nothing to undo")

    def action_redo(self) -> None:
        if self.team.consensus is not None:
            done = self.team.consensus.redo()
            self._refresh_rows()
            self.set_status("consensus: redone" if done else "nothing to redo")

    def save(self) -> bool:
        """Save the consensus; say where, or why not (nothing is written then)."""
        saved, line = self.team.save()
        if saved:
            self.set_status(line)
        else:
            self.notify(line, severity="error", markup=False)
        return saved

    def action_save_consensus(self) -> None:
        self.save()

    def action_toggle_figures(self) -> None:
        views = self.query_one(ContentSwitcher)
        views.current = "compare-figures" if views.current == "compare-places" else "compare-places"
        if views.current == "compare-places":
            self.table.focus()
        else:
            self.query_one("#compare-figures", VerticalScroll).focus()

    def action_export_figures(self) -> None:
        written, line = self.team.write_figures()
        self.notify(line, severity="information" if written else "error", markup=False)

    def action_mark_complete(self) -> None:
        """Mark the viewer's own review complete: blind review then shows the others."""
        session = self.document.session
        if session.mark_complete(True):
            self.post_message(ReviewChanged(self.document))
        team = self.team.reopened(session.review)
        if isinstance(team, str):
            self.notify(team, severity="error", markup=False)
            return
        self.team = team
        self._show_team()
        self.set_status("your review is marked complete (ctrl+s saves it); the others are shown")

    def action_close(self) -> None:
        self._leave(None)

    def _leave(self, place: Place | None) -> None:
        """Back to the review; an unsaved consensus is saved first (a failed save keeps the screen open once)."""
        consensus = self.team.consensus
        if consensus is not None and consensus.dirty and not self.save() and not self._leave_unsaved:
            self._leave_unsaved = True
            self.set_status("the consensus is not saved; press the key again to leave it unsaved")
            return
        self.dismiss(place)
