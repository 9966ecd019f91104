"""The review screen: header, section navigator, the four panes, search, footer.

The screen is the switchboard: widgets post messages (a section was chosen, a row asks
to jump to its source sentence) and the screen decides what the other widgets show.
Panes other than Sections are built on first use, so their imports (the chart library)
and their layout cost nothing at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Static

from tui.model import CaseRecord
from tui.model.anchoring import text_quote
from tui.model.review import Annotation, new_annotation_id, now
from tui.model.review_session import ReviewSession
from tui.model.review_outline import (
    PlaceKey,
    ReadingOrder,
    document_order,
    notes_in_reading_order,
    target_label,
)
from tui.screens.annotation_targets import Target, annotations_under_focus, focused_target
from tui.model.text_spans import TextHit, find_in_case, find_quote
from tui.widgets.case_header import CaseHeader
from tui.widgets.key_hints import KeyHints
from tui.widgets.messages import JumpToQuote, ReviewChanged

if TYPE_CHECKING:
    from tui.screens.annotation_editor import AnnotationDraft
    from tui.widgets.notes_pane import NotesTable

    NotesTableChosen = NotesTable.Chosen
from tui.widgets.pane_bar import PANES, PaneBar
from tui.widgets.plain import plain_line
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader


PREBUILD_DELAY = 0.2
"""Seconds after the first screen before the hidden panes are built."""

PANES_GROUP = Binding.Group("Panes", compact=True)
HITS_GROUP = Binding.Group("Hits", compact=True)
NOTES_GROUP = Binding.Group("Notes", compact=True)


def _short_path(label: str, limit: int = 40) -> str:
    """A path that fits the status line: home as `~`, long ones cut from the left (the name matters most)."""
    home = str(Path.home())
    if label.startswith(home + "/"):
        label = "~" + label[len(home) :]
    return label if len(label) <= limit else "…" + label[-(limit - 1) :]


class ReviewScreen(Screen[None]):
    """Where a reviewer reads the case closely."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_pane('sections')", "Sections", id="pane.sections", group=PANES_GROUP),
        Binding("2", "show_pane('medications')", "Medications", id="pane.medications", group=PANES_GROUP),
        Binding("3", "show_pane('pain')", "Pain", id="pane.pain", group=PANES_GROUP),
        Binding("4", "show_pane('timeline')", "Timeline", id="pane.timeline", group=PANES_GROUP),
        Binding("6", "show_pane('notes')", "Notes", id="pane.notes", group=PANES_GROUP),
        Binding("slash", "start_search", "Search", id="search.start"),
        Binding("n", "next_hit", "Next hit", id="search.next", group=HITS_GROUP),
        Binding("N", "previous_hit", "Previous hit", id="search.previous", group=HITS_GROUP),
        Binding("a", "annotate", "Annotate", id="annotation.add"),
        Binding("e", "edit_annotation", "Edit note", show=False, id="annotation.edit"),
        Binding("d", "delete_annotation", "Delete note", show=False, id="annotation.delete"),
        Binding("ctrl+z", "undo", "Undo", show=False, id="annotation.undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="annotation.redo"),
        Binding("right_square_bracket", "next_annotation", "Next note", id="annotation.next", group=NOTES_GROUP),
        Binding("left_square_bracket", "previous_annotation", "Previous note", id="annotation.previous",
                group=NOTES_GROUP),
    ]

    def __init__(self, case: CaseRecord, session: ReviewSession, *, author: str, review_label: str) -> None:
        super().__init__()
        self.case = case
        self.session = session
        self.author = author
        self.review_label = review_label
        """Where the review is saved, as the status line shows it."""
        self.current_pane = "sections"
        self.search_query = ""
        self.hits: list[TextHit] = []
        self.hit_index: int | None = None
        self.prebuild_delay = PREBUILD_DELAY
        self._reading_order = ReadingOrder(case)
        self._last_note: tuple[str, PlaceKey] | None = None
        """The note `]`/`[` last went to, and the place it left focus on."""
        self._note_status = ""
        """The status of a `]`/`[` jump, shown while the cursor rests on `_note_sentence`."""
        self._note_sentence: tuple[str | None, int] | None = None

    def compose(self) -> ComposeResult:
        yield CaseHeader(self.case, id="case-header")
        with Horizontal(id="main"):
            yield SectionNavigator(self.case, id="navigator")
            with Vertical(id="workspace"):
                with Horizontal(id="pane-row"):
                    yield PaneBar(id="pane-bar")
                    yield Static(id="review-status")
                with ContentSwitcher(initial="sections-pane", id="panes"):
                    yield SectionReader(self.case, id="sections-pane")
                yield Input(placeholder="search the case text; enter keeps the hits, escape clears", id="search-bar")
                yield Static(id="status-line")
        yield KeyHints(id="key-hints")

    def on_mount(self) -> None:
        self.query_one(PaneBar).show_current("sections")
        first = next((s for s in self.case.sections if s.text.strip()), self.case.sections[0])
        self.query_one(SectionNavigator).select_section(first.id)
        self.query_one(SectionReader).focus()
        self.refresh_annotations()
        # Build the other panes once the first screen is up: off the start-up path, and
        # before a user's "2" arrives, so keys typed right after it reach the new pane.
        self.set_timer(self.prebuild_delay, self._prebuild_panes)

    async def _prebuild_panes(self) -> None:
        switcher = self.query_one(ContentSwitcher)
        for _key, name, _title in PANES[1:]:
            if not switcher.query(f"#{name}-pane"):
                pane = self._build_pane(name)
                pane.display = False
                await switcher.mount(pane)
        self.refresh_annotations()

    # ---- panes ---------------------------------------------------------------------

    @property
    def reader(self) -> SectionReader:
        return self.query_one(SectionReader)

    def _build_pane(self, name: str) -> Widget:
        # Imported here, not at module level: these panes are built on first use only.
        if name == "medications":
            from tui.widgets.medication_table import MedicationPane

            return MedicationPane(self.case, id="medications-pane")
        if name == "pain":
            from tui.widgets.pain_pane import PainPane

            return PainPane(self.case, id="pain-pane")
        if name == "notes":
            from tui.widgets.notes_pane import NotesPane

            return NotesPane(id="notes-pane")
        from tui.widgets.timeline_pane import TimelinePane

        return TimelinePane(self.case, id="timeline-pane")

    async def action_show_pane(self, name: str) -> None:
        """Switch the main area to a pane and move focus into it."""
        switcher = self.query_one(ContentSwitcher)
        pane_id = f"{name}-pane"
        if not switcher.query(f"#{pane_id}"):
            await switcher.mount(self._build_pane(name))
            self.refresh_annotations()
        switcher.current = pane_id
        if not self.hits and name != self.current_pane:
            # The sentence position speaks of the reader only: shown with it, cleared elsewhere.
            reader = self.reader
            in_reader = name == "sections" and reader.sentences
            self._set_status(f"sentence {reader.cursor + 1}/{len(reader.sentences)}" if in_reader else "")
        self.current_pane = name
        self.query_one(PaneBar).show_current(name)
        pane = switcher.query_one(f"#{pane_id}")
        focus_target = pane if pane.can_focus else next((w for w in pane.query("*") if w.can_focus), pane)
        # Synchronously, so keys typed straight after the pane key already reach the pane.
        self.set_focus(focus_target)

    # ---- sections and jumps ----------------------------------------------------------

    def on_section_navigator_section_chosen(self, message: SectionNavigator.SectionChosen) -> None:
        self.reader.show(message.section_id)
        self._apply_hits_to_reader()
        self._apply_annotations_to_reader()

    @on(JumpToQuote)
    async def jump_to_quote(self, message: JumpToQuote) -> None:
        hit = find_quote(self.case, message.quote)
        if hit is None:
            self.notify("The source sentence was not found in the text.", severity="warning")
            return
        await self.action_show_pane("sections")
        self.query_one(SectionNavigator).select_section(hit.section_id, announce=False)
        self.reader.show(hit.section_id)
        self._apply_hits_to_reader()
        self._apply_annotations_to_reader()
        self.reader.highlight_quote(hit.start, hit.end)

    def on_section_reader_edge_reached(self, message: SectionReader.EdgeReached) -> None:
        """Read on: past a section's last sentence comes the next section's first, and back."""
        readable = [s.id for s in self.case.sections if s.text.strip()]
        if message.section_id not in readable:
            return
        index = readable.index(message.section_id) + message.direction
        if not 0 <= index < len(readable):
            self._set_status("end of the case" if message.direction > 0 else "start of the case")
            return
        section_id = readable[index]
        self.query_one(SectionNavigator).select_section(section_id, announce=False)
        self.reader.show(section_id)
        self._apply_hits_to_reader()
        self._apply_annotations_to_reader()
        if message.direction < 0:
            self.reader.action_last_sentence()

    def on_section_reader_sentence_moved(self, message: SectionReader.SentenceMoved) -> None:
        if self.hits:
            return
        position = f"sentence {message.index + 1}/{message.count}"
        # While the cursor rests where `]` or `[` left it, the status names the note reached;
        # moving on (j, G, another section) drops it.
        on_note = self._note_status and self._note_sentence == (message.section_id, message.index)
        self._set_status(f"{self._note_status} · {position}" if on_note else position)

    # ---- search --------------------------------------------------------------------

    def action_start_search(self) -> None:
        bar = self.query_one("#search-bar", Input)
        bar.add_class("visible")
        bar.value = self.search_query
        bar.focus()

    @on(Input.Changed, "#search-bar")
    def search_changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#search-bar")
    async def search_submitted(self, event: Input.Submitted) -> None:
        event.input.remove_class("visible")
        await self.action_show_pane("sections")
        if self.hits:
            self._go_to_hit(self.hit_index or 0)

    def key_escape(self) -> None:
        if self.reader.selection is not None:
            self.reader.clear_selection()
            return
        bar = self.query_one("#search-bar", Input)
        if bar.has_class("visible"):
            bar.remove_class("visible")
            bar.value = ""
            self._search("")
            self.reader.focus()

    def _search(self, query: str) -> None:
        self.search_query = query
        self.hits = find_in_case(self.case, query)
        self.hit_index = self._first_hit_from_reader() if self.hits else None
        self._apply_hits_to_reader()
        self._report_hits()

    def _first_hit_from_reader(self) -> int:
        """The first hit at or after the reader's position, so a search starts where one reads."""
        order = [s.id for s in self.case.sections]
        here = (order.index(self.reader.section_id) if self.reader.section_id in order else 0, 0)
        for index, hit in enumerate(self.hits):
            if (order.index(hit.section_id), hit.start) >= here:
                return index
        return 0

    def _apply_hits_to_reader(self) -> None:
        section_id = self.reader.section_id
        local = [(h.start, h.end) for h in self.hits if h.section_id == section_id]
        current = None
        if self.hit_index is not None and self.hits[self.hit_index].section_id == section_id:
            target = self.hits[self.hit_index]
            current = local.index((target.start, target.end))
        self.reader.set_hits(local, current)

    def _go_to_hit(self, index: int) -> None:
        self.hit_index = index % len(self.hits)
        hit = self.hits[self.hit_index]
        if self.reader.section_id != hit.section_id:
            self.query_one(SectionNavigator).select_section(hit.section_id, announce=False)
            self.reader.show(hit.section_id)
            self._apply_annotations_to_reader()
        self._apply_hits_to_reader()
        self._report_hits()

    async def action_next_hit(self) -> None:
        if not self.hits:
            self._set_status("no search: press / to search" if not self.search_query else "no hits")
            return
        await self.action_show_pane("sections")
        self._go_to_hit((self.hit_index if self.hit_index is not None else -1) + 1)

    async def action_previous_hit(self) -> None:
        if not self.hits:
            self._set_status("no search: press / to search" if not self.search_query else "no hits")
            return
        await self.action_show_pane("sections")
        self._go_to_hit((self.hit_index if self.hit_index is not None else 1) - 1)

    def _report_hits(self) -> None:
        if not self.search_query:
            self._set_status("")
        elif not self.hits:
            self._set_status(f"no hits for “{self.search_query}”")
        else:
            position = (self.hit_index or 0) + 1
            self._set_status(f"hit {position}/{len(self.hits)} for “{self.search_query}”  (n next, N previous)")

    def _set_status(self, message: str) -> None:
        self.query_one("#status-line", Static).update(plain_line(message))

    @property
    def pane_names(self) -> list[str]:
        return [name for _key, name, _title in PANES]

    # ---- destinations for the command palette ----------------------------------------

    async def go_to_section(self, section_id: str) -> None:
        await self.action_show_pane("sections")
        self.query_one(SectionNavigator).select_section(section_id)

    async def go_to_medication(self, medication_id: str) -> None:
        await self.action_show_pane("medications")
        from tui.widgets.medication_table import MedicationTable

        self.query_one(MedicationTable).select_medication(medication_id)

    async def go_to_pain_score(self, score_id: str) -> None:
        await self.action_show_pane("pain")
        from tui.widgets.pain_pane import PainScoreTable

        self.query_one(PainScoreTable).select_score(score_id)

    async def go_to_event(self, event_id: str) -> None:
        await self.action_show_pane("timeline")
        from tui.widgets.timeline_pane import TimelineTable

        self.query_one(TimelineTable).select_event(event_id)

    async def sort_medications(self, column: str) -> None:
        await self.action_show_pane("medications")
        from tui.widgets.medication_table import MedicationTable

        self.query_one(MedicationTable).sort_by(column.capitalize())

    # ---- annotations -------------------------------------------------------------------

    def refresh_annotations(self) -> None:
        """Show the session's annotations everywhere: reader spans, row marks, tree counts, status."""
        self._apply_annotations_to_reader()
        self.query_one(SectionNavigator).set_annotation_counts(self.session.counts("section"))
        for widget_id, kind in (("medication-table", "medication"), ("pain-table", "pain_score"),
                                ("timeline-table", "timeline")):
            for table in self.query(f"#{widget_id}"):
                table.set_annotation_counts(self.session.counts(kind))  # type: ignore[attr-defined]
        self._refresh_notes_pane()
        self.refresh_review_status()

    def _refresh_notes_pane(self) -> None:
        # Queried by id: importing the pane's module just to look for it would cost start-up time.
        panes = self.query("#notes-pane")
        if panes:
            notes = notes_in_reading_order(self.case, self.session.review, self.session.orphans)
            panes.first().show_notes(notes)  # type: ignore[attr-defined]

    async def on_notes_table_chosen(self, message: NotesTableChosen) -> None:
        if message.annotation.id in self.session.orphans:
            self.notify("This note's place is no longer in the case text (orphan).", severity="warning")
            return
        await self.go_to_annotation(message.annotation)

    def _changed(self) -> None:
        self.refresh_annotations()
        self.post_message(ReviewChanged())

    def refresh_review_status(self) -> None:
        status = self.query_one("#review-status", Static)
        count = len(self.session.review.annotations)
        marker = "● unsaved  " if self.session.dirty else ""
        notes = "1 note" if count == 1 else f"{count} notes"
        status.update(plain_line(f"{marker}{notes} · {_short_path(self.review_label)}"))
        status.set_class(self.session.dirty, "unsaved")

    def _apply_annotations_to_reader(self) -> None:
        section_id = self.reader.section_id
        spans = [
            (a.start, a.end)
            for a in self.session.on_target("section", section_id or "")
            if a.start is not None and a.end is not None and a.id not in self.session.orphans
        ]
        self.reader.set_annotated(spans)

    def action_annotate(self) -> None:
        target = focused_target(self.case, self.focused)
        if target is None:
            self.notify("Nothing to annotate here: move to the text, a section or a row.", severity="warning")
            return

        def add(draft: AnnotationDraft | None) -> None:
            if draft is not None:
                self.session.add(self._new_annotation(target, draft))
                self.reader.clear_selection()
                self._changed()

        from tui.screens.annotation_editor import AnnotationEditor  # the editor's widgets load on first use

        self.app.push_screen(AnnotationEditor(f"Annotate: {target.label}", target.quote), add)

    def _new_annotation(self, target: Target, draft: AnnotationDraft) -> Annotation:
        stamp = now()
        quote = prefix = suffix = None
        if target.start is not None and target.end is not None:
            section = self.case.section(target.target_id)
            quote, prefix, suffix = text_quote(section.text if section else "", target.start, target.end)
        return Annotation(
            id=new_annotation_id(stamp), target=target.kind, target_id=target.target_id,
            start=target.start, end=target.end, quote=quote, prefix=prefix, suffix=suffix,
            kind=draft.kind, tags=list(draft.tags), body=draft.body, author=self.author,
            created=stamp, updated=stamp, status=draft.status,
        )

    def _focused_annotation(self) -> Annotation | None:
        found = annotations_under_focus(self.case, self.session, self.focused)
        if not found:
            self.notify("No note here.", severity="warning")
            return None
        return found[0]

    def action_edit_annotation(self) -> None:
        annotation = self._focused_annotation()
        if annotation is None:
            return
        from tui.screens.annotation_editor import AnnotationDraft, AnnotationEditor

        draft = AnnotationDraft(annotation.kind, tuple(annotation.tags), annotation.status, annotation.body)

        def save(result: AnnotationDraft | None) -> None:
            if result is not None:
                self.session.update(annotation.model_copy(update={
                    "kind": result.kind, "tags": list(result.tags), "status": result.status,
                    "body": result.body, "updated": now(),
                }))
                self._changed()

        place = target_label(self.case, annotation)
        self.app.push_screen(AnnotationEditor(f"Edit the {annotation.kind} on {place}", annotation.quote, draft), save)

    def action_delete_annotation(self) -> None:
        annotation = self._focused_annotation()
        if annotation is not None:
            self.session.delete(annotation.id)
            self._changed()
            self.notify("Note deleted; ctrl+z brings it back.")

    def action_undo(self) -> None:
        if self.session.undo():
            self._changed()
        else:
            self._set_status("nothing to undo")

    def action_redo(self) -> None:
        if self.session.redo():
            self._changed()
        else:
            self._set_status("nothing to redo")

    async def action_next_annotation(self) -> None:
        await self._step_annotation(+1)

    async def action_previous_annotation(self) -> None:
        await self._step_annotation(-1)

    async def _step_annotation(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) note in reading order from where the reviewer is.

        "Where the reviewer is" is the focused place (the reader's sentence, a row); right after
        a jump it is the note jumped to, so repeated presses walk every note, several in one
        sentence included, and wrap around at the ends.
        """
        ordered = document_order(self.case, self.session.review.annotations)
        if not ordered:
            self._set_status("no notes yet: a annotates")
            return
        here = self._current_place_key()
        if self._last_note is not None and self._last_note[1] == here and self.session.find(self._last_note[0]):
            index = next(i for i, a in enumerate(ordered) if a.id == self._last_note[0]) + step
        else:
            keys = [self._reading_order.note_key(a) for a in ordered]
            if step > 0:
                index = next((i for i, key in enumerate(keys) if key > here), 0)
            else:
                index = next((i for i in reversed(range(len(keys))) if keys[i] < here), len(keys) - 1)
        index %= len(ordered)
        annotation = ordered[index]
        await self.go_to_annotation(annotation)
        self._last_note = (annotation.id, self._current_place_key())
        self._note_status = f"note {index + 1}/{len(ordered)}: {annotation.kind}"
        reader = self.reader
        on_text = annotation.target == "section" and reader.section_id is not None
        self._note_sentence = (reader.section_id, reader.cursor) if on_text else None
        self._set_status(self._note_status)

    def _current_place_key(self) -> PlaceKey:
        """The focused place in reading order; the reader's sentence counts from its first character."""
        target = focused_target(self.case, self.focused)
        if target is None:
            return (-1, 0, 0)
        offset = target.start
        if target.kind == "section" and isinstance(self.focused, SectionReader) and self.focused.sentences:
            offset = self.focused.sentences[self.focused.cursor][0]
        return self._reading_order.key(target.kind, target.target_id, offset)

    async def go_to_annotation(self, annotation: Annotation) -> None:
        """Show the place an annotation is on."""
        if annotation.target == "section":
            await self.go_to_section(annotation.target_id)
            self.reader.show(annotation.target_id)
            self._apply_annotations_to_reader()
            if annotation.start is not None:
                self.reader.move_cursor_to_offset(annotation.start)
            self.reader.focus()
        elif annotation.target == "medication":
            await self.go_to_medication(annotation.target_id)
        elif annotation.target == "pain_score":
            await self.go_to_pain_score(annotation.target_id)
        elif annotation.target == "timeline":
            await self.go_to_event(annotation.target_id)
