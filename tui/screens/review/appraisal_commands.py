"""What the review screen does for appraisal: apply the pane's changes, open the editors, start assessments.

The Appraisal pane and the Medications pane ask by message (`ChangeReview`, `EditItemNote`,
`TieItem`, `StartAssessment`); this applies each to the session (one undoable step), opens the
annotation editor for an item's note or a tie to the reader's selection, and asks which effect
to assess when a medication row names several.
"""

from __future__ import annotations

import asyncio
from functools import cached_property
from typing import TYPE_CHECKING, Final, Protocol, cast, runtime_checkable

from tui.model.places import Place
from tui.model.review import AdverseEffect
from tui.model.review_session import NoteDraft, place_problem
from tui.widgets.messages import ChangeReview, EditItemNote, ReviewChanged, ShowPlace, StartAssessment, TieItem
from tui.widgets.protocols import ShowsAnswers, StartsAssessments, UsesChecklists

if TYPE_CHECKING:
    from tui.model.checklist_catalogue import ChecklistCatalogue
    from tui.screens.review.screen import ReviewScreen

CHECKLIST_KIND: Final = "checklist"


@runtime_checkable
class HasChecklists(Protocol):
    """An open review that can give the checklists of this run (`ReviewDocument`), loaded on first need."""

    def checklists(self) -> tuple[ChecklistCatalogue, list[str]]: ...


class AppraisalCommands:
    """The appraisal requests of one review screen."""

    def __init__(self, screen: ReviewScreen) -> None:
        self.screen = screen

    def checklists(self) -> tuple[ChecklistCatalogue, list[str]]:
        """The checklists of this run and their files' warnings (none when the document cannot give them)."""
        document = self.screen.document
        if isinstance(document, HasChecklists):
            return document.checklists()
        from tui.model.checklist_catalogue import ChecklistCatalogue

        return ChecklistCatalogue(), []

    async def preload(self) -> None:
        """Read the checklists on a thread before the hidden panes are built: keys are answered meanwhile."""
        await asyncio.to_thread(self.checklists)

    def prepare(self, widget: object) -> None:
        """Hand a pane that shows checklists the checklists of this run as it is built."""
        if isinstance(widget, UsesChecklists):
            widget.use_checklists(*self.checklists())

    def change(self, message: ChangeReview) -> None:
        message.change(self.screen.session)
        self.answers_changed()

    def answers_changed(self) -> None:
        """After a change to checklist answers or the complete mark alone: tell the panes that show
        them and the status, not every pane (no note changed), and the app (which journals it)."""
        screen = self.screen
        for widget in screen.query_one("#panes").children:
            if isinstance(widget, ShowsAnswers):
                widget.show_answers(screen.session)
        screen.refresh_review_status()
        screen.post_message(ReviewChanged(screen.document))

    def edit_note(self, message: EditItemNote) -> None:
        """The item's own note (saved with its answer), in the annotation editor with only its words."""
        from tui.screens.annotation_editor import AnnotationEditor

        session = self.screen.session
        entry = session.checklist_answer(message.definition.id, message.item, message.target)

        def keep(draft: NoteDraft) -> None:
            session.set_checklist_note(message.definition, message.item, draft.body.strip(), message.target)
            self.answers_changed()

        draft = NoteDraft(body=entry.note if entry is not None else "")
        self.screen.app.push_screen(AnnotationEditor(message.heading, None, draft, keep=keep, words_only=True))

    def tie(self, message: TieItem) -> None:
        """A note on the item quoting the text selected in the reader (`v` there, then `t` here)."""
        reader = self.screen.reader
        selection, section_id = reader.selection, reader.section_id
        if selection is None or section_id is None:
            self.screen.notify(
                "Select text in the reader first (1, then v and shift+arrows), then t on the item.", severity="warning"
            )
            return
        start, end = selection
        place = Place(CHECKLIST_KIND, message.target_id, start, end, section=section_id)
        if problem := place_problem(place):
            self.screen.notify(f"Not tied: {problem}.", severity="warning")
            return
        section = self.screen.case.section(section_id)
        quote = section.text[start:end] if section else None

        def add(draft: NoteDraft) -> None:
            self.screen.session.annotate(self.screen.case, place, draft, self.screen.document.reviewer)
            reader.clear_selection()
            self.screen.review_changed()

        from tui.screens.annotation_editor import AnnotationEditor

        self.screen.app.push_screen(AnnotationEditor(message.heading, quote, keep=add))

    async def start_assessment(self, medication_id: str) -> None:
        """Assess one adverse effect of a medication row: the only one, or the one the reviewer picks."""
        from tui.appraisal import adverse_effects_of  # the appraisal modules stay off the start-up path

        case = self.screen.case
        medication = next((m for m in case.medications if m.id == medication_id), None)
        if medication is None:
            return
        effects = adverse_effects_of(medication)
        if not effects:
            self.screen.notify(
                f"The record gives no adverse effect for {medication.label}: nothing to assess.", severity="warning"
            )
            return
        if len(effects) == 1:
            await self._open(AdverseEffect(medication.id, effects[0]))
            return
        from tui.screens.choice_dialog import ChoiceDialog

        async def chosen(index: int | None) -> None:
            if index is not None:
                await self._open(AdverseEffect(medication.id, effects[index]))

        self.screen.app.push_screen(ChoiceDialog(f"Assess which effect of {medication.label}?", effects), chosen)

    async def _open(self, target: AdverseEffect) -> None:
        pane = next((p for p in self.screen.panes if p.place_kind == CHECKLIST_KIND), None)
        if pane is None:
            return
        await self.screen.action_show_pane(pane.name)
        widget = await self.screen._mounted_pane(pane)  # this module is the screen's own helper
        if not (isinstance(widget, StartsAssessments) and widget.start_assessment(target)):
            self.screen.notify("No checklist here is answered per adverse effect.", severity="warning")


class AppraisalRequests:
    """The review screen's handlers of the panes' appraisal requests (a base of `ReviewScreen`)."""

    @cached_property
    def appraisal(self) -> AppraisalCommands:
        return AppraisalCommands(cast("ReviewScreen", self))

    async def on_show_place(self, message: ShowPlace) -> None:
        await self.appraisal.screen.go_to_place(message.place)

    def on_change_review(self, message: ChangeReview) -> None:
        self.appraisal.change(message)

    def on_edit_item_note(self, message: EditItemNote) -> None:
        self.appraisal.edit_note(message)

    def on_tie_item(self, message: TieItem) -> None:
        self.appraisal.tie(message)

    async def on_start_assessment(self, message: StartAssessment) -> None:
        await self.appraisal.start_assessment(message.medication_id)
