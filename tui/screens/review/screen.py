"""The review screen: the case header, the section list, the panes of the registry, search and status.

The screen is the switchboard: widgets post messages (a section was chosen, a row asks to
jump to its source sentence, the search found hits) and the screen decides what the other
widgets show. Which panes exist, their keys and what they show come from the pane registry
(`panes.py`); panes other than the first are built after the first screen is up, so their
imports (the chart library) and their layout cost nothing at start-up. The keys that act on
notes live in `note_keys.py`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingsMap, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from tui.actions import bindings
from tui.keymap import effective_keys, keymap_of
from tui.model import CaseRecord
from tui.model.places import Place
from tui.model.reading_position import ReadingPosition
from tui.model.review_session import ReviewSession
from tui.model.text_spans import find_quote
from tui.screens.review.appraisal_commands import AppraisalRequests
from tui.screens.review.note_keys import NoteCommands
from tui.screens.review.palette import PlacesProvider, ReviewActionsProvider
from tui.screens.review.panes import PANES, PaneRegistry, PaneSpec
from tui.widgets.case_header import CaseHeader
from tui.widgets.key_hints import KeyHints
from tui.widgets.messages import AcceptNewWords, DocumentChanged, JumpToQuote, LeaveCase, NoteChosen, ReviewChanged
from tui.widgets.pane_bar import PaneBar, PaneLabel
from tui.widgets.plain import plain_line
from tui.widgets.protocols import SelectsPlaces, ShowsReview
from tui.widgets.search_bar import SearchBar
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader

PREBUILD_DELAY = 0.2
"""Seconds after the first screen before the hidden panes are built."""


class DocumentView(Protocol):
    """What the screen reads of an open review: never how it is saved (that is the app's)."""

    @property
    def case(self) -> CaseRecord: ...

    @property
    def session(self) -> ReviewSession: ...

    @property
    def reviewer(self) -> str: ...

    @property
    def label(self) -> str:
        """Where the review is saved, for the status line."""
        ...


def short_path(label: str, limit: int = 40) -> str:
    """A path that fits the status line: home as `~`, long ones cut from the left (the name matters most)."""
    home = str(Path.home())
    if label.startswith(home + "/"):
        label = "~" + label[len(home) :]
    return label if len(label) <= limit else "…" + label[-(limit - 1) :]


class ReviewScreen(AppraisalRequests, Screen[None]):
    """Where a reviewer reads one case closely."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("review")
    COMMANDS = {PlacesProvider, ReviewActionsProvider}  # noqa: RUF012 - Textual's class variable

    def __init__(self, document: DocumentView, *, panes: PaneRegistry = PANES) -> None:
        super().__init__()
        self.document = document
        self.panes: list[PaneSpec] = list(panes)
        # The pane keys come from the registry, so a pane registered later has its key here too.
        pane_keys = BindingsMap([pane.action.binding() for pane in self.panes])
        self._bindings = BindingsMap.merge([pane_keys, self._bindings])
        self.current_pane = self.panes[0].name
        self.prebuild_delay = PREBUILD_DELAY
        self.notes = NoteCommands(self)
        self._reading: tuple[str | None, int] = (None, 0)
        self._ready = False
        self._pending_position: ReadingPosition | None = None
        """The reader's section and sentence, kept as they change (read at exit, when the widgets are gone)."""

    @property
    def case(self) -> CaseRecord:
        return self.document.case

    @property
    def session(self) -> ReviewSession:
        return self.document.session

    @property
    def reader(self) -> SectionReader:
        return self.query_one(SectionReader)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    def compose(self) -> ComposeResult:
        first = self.panes[0]
        yield CaseHeader(self.case, id="case-header")
        with Horizontal(id="main"):
            yield SectionNavigator(self.case, id="navigator")
            with Vertical(id="workspace"):
                with Horizontal(id="pane-row"):
                    yield PaneBar(self._pane_labels(), id="pane-bar")
                    yield Static(id="review-status")
                with ContentSwitcher(initial=first.widget_id, id="panes"):
                    yield self._build(first)
                yield SearchBar(self.case, id="search-bar")
                yield Static(id="status-line")
        yield KeyHints(id="key-hints")

    def _pane_labels(self) -> list[PaneLabel]:
        keymap = keymap_of(self.app)
        labels = []
        for pane in self.panes:
            keys = effective_keys(pane.action, keymap)
            key = self.app.get_key_display(pane.action.binding().with_key(keys[0])) if keys else "?"
            labels.append(PaneLabel(key, pane.name, pane.title, pane.short_title))
        return labels

    def on_mount(self) -> None:
        self.query_one(PaneBar).show_current(self.current_pane)
        first = next((s for s in self.case.sections if s.text.strip()), self.case.sections[0])
        self.query_one(SectionNavigator).select_section(first.id)
        self.reader.focus()
        self.refresh_review()
        # Build the other panes once the first screen is up: off the start-up path, and
        # before a user's "2" arrives, so keys typed right after it reach the new pane.
        self.set_timer(self.prebuild_delay, self._prebuild_panes)
        self._ready = True
        if self._pending_position is not None:
            self.restore_position(self._pending_position)

    # ---- where the reviewer is ---------------------------------------------------------

    def reading_position(self) -> ReadingPosition:
        """The pane, section and sentence shown now (kept between runs by the app)."""
        section, sentence = self._reading
        return ReadingPosition(pane=self.current_pane, section=section, sentence=sentence)

    def restore_position(self, position: ReadingPosition) -> None:
        """Go back to a kept position, as far as the case still has it (before mount: kept for `on_mount`)."""
        if not self._ready:
            self._pending_position = position
            return
        if position.section is not None and self.case.section(position.section) is not None:
            self.reader.show(position.section)
            self.reader.go_to_sentence(position.sentence)
        if position.pane != self.current_pane and self._pane(position.pane) is not None:
            self.call_later(self.action_show_pane, position.pane)

    # ---- panes ---------------------------------------------------------------------

    def _build(self, pane: PaneSpec) -> Widget:
        widget = pane.build(self.case)
        widget.id = pane.widget_id
        self.appraisal.prepare(widget)
        return widget

    def _pane(self, name: str) -> PaneSpec | None:
        return next((pane for pane in self.panes if pane.name == name), None)

    async def _mounted_pane(self, pane: PaneSpec, *, hidden: bool = False) -> Widget:
        switcher = self.query_one(ContentSwitcher)
        found = switcher.query(f"#{pane.widget_id}")
        if found:
            return found.first()
        widget = self._build(pane)
        widget.display = not hidden
        await switcher.mount(widget)
        if isinstance(widget, ShowsReview):
            widget.show_review(self.session)
        return widget

    async def _prebuild_panes(self) -> None:
        await self.appraisal.preload()
        for pane in self.panes[1:]:
            await self._mounted_pane(pane, hidden=True)

    async def action_show_pane(self, name: str) -> None:
        """Switch the main area to a pane and move focus into it."""
        pane = self._pane(name)
        if pane is None:
            return
        widget = await self._mounted_pane(pane)
        self.query_one(ContentSwitcher).current = pane.widget_id
        if not self.search_bar.hits and name != self.current_pane:
            # The sentence position speaks of the reader only: shown with it, cleared elsewhere.
            reader = self.reader
            in_reader = widget is reader and reader.sentences
            self.set_status(f"sentence {reader.cursor + 1}/{len(reader.sentences)}" if in_reader else "")
        self.current_pane = name
        self.query_one(PaneBar).show_current(name)
        target = widget if widget.can_focus else next((w for w in widget.query("*") if w.can_focus), widget)
        # Synchronously, so keys typed straight after the pane key already reach the pane.
        self.set_focus(target)

    async def go_to_place(self, place: Place) -> None:
        """Show a place in the pane that shows its kind, with the cursor on it."""
        pane = next((p for p in self.panes if p.place_kind == place.kind), None)
        if pane is None:
            self.notify("No pane shows this kind of place.", severity="warning")
            return
        await self.action_show_pane(pane.name)
        widget = await self._mounted_pane(pane)
        if isinstance(widget, SelectsPlaces):
            widget.select_place(place)

    async def run_pane_command(self, name: str, method: str, argument: str) -> None:
        """A pane's palette command: show the pane, then ask it (`sort_by("Dose")`)."""
        pane = self._pane(name)
        if pane is not None:
            await self.action_show_pane(name)
            getattr(await self._mounted_pane(pane), method)(argument)

    # ---- sections, jumps and reading on ------------------------------------------------

    def on_section_navigator_section_chosen(self, message: SectionNavigator.SectionChosen) -> None:
        self.reader.show(message.section_id)

    def on_section_navigator_section_opened(self, message: SectionNavigator.SectionOpened) -> None:
        self.reader.show(message.section_id)
        self.reader.focus()

    def on_section_reader_section_shown(self, message: SectionReader.SectionShown) -> None:
        self.query_one(SectionNavigator).select_section(message.section_id, announce=False)

    @on(JumpToQuote)
    async def jump_to_quote(self, message: JumpToQuote) -> None:
        hit = find_quote(self.case, message.quote)
        if hit is None:
            self.notify("The source sentence was not found in the text.", severity="warning")
            return
        await self.go_to_place(Place("section", hit.section_id, hit.start, hit.end))
        self.reader.highlight_quote(hit.start, hit.end)

    async def on_note_chosen(self, message: NoteChosen) -> None:
        annotation = message.annotation
        if annotation.id in self.session.orphans:
            self.notify("This note's place is no longer in the case text (orphan).", severity="warning")
            return
        await self.go_to_place(Place(annotation.target, annotation.target_id, annotation.start, annotation.end))

    def on_accept_new_words(self, message: AcceptNewWords) -> None:
        """A moved note takes the case's present words as its quote; `ctrl+z` takes it back."""
        if self.session.accept_new_words(self.case, message.annotation.id) is not None:
            self.review_changed()
            self.notify("The note now quotes the case's present words (ctrl+z undoes).")

    def on_section_reader_edge_reached(self, message: SectionReader.EdgeReached) -> None:
        """Read on: past a section's last sentence comes the next section's first, and back."""
        readable = [s.id for s in self.case.sections if s.text.strip()]
        if message.section_id not in readable:
            return
        index = readable.index(message.section_id) + message.direction
        if not 0 <= index < len(readable):
            self.set_status("end of the case" if message.direction > 0 else "start of the case")
            return
        self.reader.show(readable[index])
        if message.direction < 0:
            self.reader.action_last_sentence()

    def on_section_reader_sentence_moved(self, message: SectionReader.SentenceMoved) -> None:
        self._reading = (message.section_id, message.index)
        if self.search_bar.hits:
            return
        position = f"sentence {message.index + 1}/{message.count}"
        self.set_status(self.notes.status_at(message.section_id, message.index, position))

    # ---- search --------------------------------------------------------------------

    def action_start_search(self) -> None:
        self.search_bar.open(self.reader.section_id)

    def on_search_bar_hits_changed(self, _message: SearchBar.HitsChanged) -> None:
        bar = self.search_bar
        self.reader.set_hits(bar.hits, bar.index)
        self.set_status(bar.describe())

    async def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        if message.keep:
            await self.action_show_pane(self.panes[0].name)
            self._show_current_hit()
        else:
            self.reader.focus()

    def _show_current_hit(self) -> None:
        bar = self.search_bar
        hit = bar.current
        if hit is not None:
            self.reader.show(hit.section_id)
        self.reader.set_hits(bar.hits, bar.index)
        self.set_status(bar.describe())

    async def _step_hit(self, step: int) -> None:
        bar = self.search_bar
        if not bar.hits:
            self.set_status("no search: press / to search" if not bar.query_text else "no hits")
            return
        await self.action_show_pane(self.panes[0].name)
        bar.step(step)
        self._show_current_hit()

    async def action_next_hit(self) -> None:
        await self._step_hit(+1)

    async def action_previous_hit(self) -> None:
        await self._step_hit(-1)

    def action_clear(self) -> None:
        """Escape: drop the selection, else close the search and its hits."""
        if self.reader.selection is not None:
            self.reader.clear_selection()
        elif self.search_bar.is_open:
            self.search_bar.close(keep=False)
        else:
            self.post_message(LeaveCase())

    # ---- notes (what each key does is in note_keys.py) ------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide `a` where there is nothing to annotate (the notes list), so the hints offer only keys that act."""
        if action == "annotate" and self.is_mounted:
            return self.notes.place_under_focus() is not None
        return True

    def action_annotate(self) -> None:
        self.notes.annotate()

    def action_edit_annotation(self) -> None:
        self.notes.edit()

    def action_delete_annotation(self) -> None:
        self.notes.delete()

    def action_undo(self) -> None:
        self.notes.undo()

    def action_redo(self) -> None:
        self.notes.redo()

    def action_compare(self) -> None:
        """Every reviewer's review of this case side by side (`tui/screens/compare`)."""
        from tui.team_compare import open_compare

        open_compare(self, self.document, self.go_to_place)

    async def action_next_annotation(self) -> None:
        await self.notes.step(+1)

    async def action_previous_annotation(self) -> None:
        await self.notes.step(-1)

    # ---- the review as shown ---------------------------------------------------------

    def set_status(self, message: str) -> None:
        # One line of fixed height (the stylesheet says so): no layout of the screen per key.
        self.query_one("#status-line", Static).update(plain_line(message), layout=False)

    def refresh_review(self) -> None:
        """Show the session's notes everywhere: reader spans, row marks, tree counts, notes list, status."""
        self.query_one(SectionNavigator).show_review(self.session)
        for widget in self.query_one(ContentSwitcher).children:
            if isinstance(widget, ShowsReview):
                widget.show_review(self.session)
        self.refresh_review_status()

    def refresh_review_status(self) -> None:
        status = self.query_one("#review-status", Static)
        count = len(self.session.review.annotations)
        marker = "● unsaved  " if self.session.dirty else ""
        notes = "1 note" if count == 1 else f"{count} notes"
        text = plain_line(f"{marker}{notes} · {short_path(self.document.label)}")
        status.update(text, layout=text.cell_len != len(str(status.render())))  # a new width only
        status.set_class(self.session.dirty, "unsaved")

    def on_document_changed(self, _message: DocumentChanged) -> None:
        self.refresh_review()

    def review_changed(self) -> None:
        """After an edit: show it, and tell the app (which journals it)."""
        self.refresh_review()
        self.post_message(ReviewChanged(self.document))
