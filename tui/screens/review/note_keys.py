"""What the review screen's note keys do: `a` annotate, `e` edit, `d` delete, undo, redo, `]` and `[`.

What they act on is asked of the focused widget (`widgets/protocols.py`): the place it points
at, or the note it points at. Building the note and stepping between notes are the model's
(`review_session`, `review_outline`); this only asks, opens the editor and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

from tui.model.places import Place, PlaceKey, describe_place, places_of
from tui.model.review import Annotation
from tui.model.review_changes import change_summary
from tui.model.review_outline import step_to_note, target_label
from tui.model.review_session import NoteDraft, place_problem
from tui.widgets.protocols import HasReadingPlace, PointsAtNote, PointsAtPlace

if TYPE_CHECKING:
    from tui.screens.review.screen import ReviewScreen

NO_PLACE: PlaceKey = (-1, 0, 0)


class NoteCommands:
    """The note keys of one review screen; the screen's actions call these."""

    def __init__(self, screen: ReviewScreen) -> None:
        self.screen = screen
        self._last_note: tuple[str, PlaceKey] | None = None
        """The note `]`/`[` last went to, and the place it left focus on."""
        self._note_status = ""
        """The status of a `]`/`[` jump, shown while the cursor rests on `_note_sentence`."""
        self._note_sentence: tuple[str | None, int] | None = None

    def _focused_chain(self) -> list[Widget]:
        """The focused widget and its ancestors up to the screen: the first that can answer, answers."""
        chain: list[Widget] = []
        node = self.screen.focused
        while node is not None and node is not self.screen:
            chain.append(node)
            node = node.parent if isinstance(node.parent, Widget) else None
        return chain

    def place_under_focus(self) -> Place | None:
        """The place `a` annotates: what the focused widget points at."""
        for widget in self._focused_chain():
            if isinstance(widget, PointsAtPlace):
                return widget.place_at_cursor()
        return None

    def notes_under_focus(self) -> list[Annotation]:
        """The notes `e` and `d` act on: the note pointed at, else those at the focused place."""
        for widget in self._focused_chain():
            if isinstance(widget, PointsAtNote):
                note = widget.note_at_cursor()
                return [note] if note is not None else []
            if isinstance(widget, PointsAtPlace):
                place = widget.place_at_cursor()
                return self.screen.session.at_place(place) if place is not None else []
        return []

    def _here(self) -> PlaceKey:
        """Where the reviewer is in reading order."""
        for widget in self._focused_chain():
            place = widget.reading_place() if isinstance(widget, HasReadingPlace) else None
            if place is None and isinstance(widget, PointsAtPlace):
                place = widget.place_at_cursor()
            if place is not None:
                return places_of(self.screen.case).key(place.kind, place.target_id, place.start)
        return NO_PLACE

    # ---- adding, editing, deleting --------------------------------------------------------

    def annotate(self) -> None:
        place = self.place_under_focus()
        if place is None:
            self.screen.notify("Nothing to annotate here: move to the text, a section or a row.", severity="warning")
            return
        if problem := place_problem(place):
            self.screen.notify(f"Not annotated: {problem}.", severity="warning")
            return

        def add(draft: NoteDraft) -> None:
            self.screen.session.annotate(self.screen.case, place, draft, self.screen.document.reviewer)
            self.screen.reader.clear_selection()
            self.screen.review_changed()

        from tui.screens.annotation_editor import AnnotationEditor  # the editor's widgets load on first use

        quote = None
        if place.start is not None and place.end is not None:
            section = self.screen.case.section(place.target_id)
            quote = section.text[place.start : place.end] if section else None
        self.screen.app.push_screen(
            AnnotationEditor(f"Annotate: {describe_place(self.screen.case, place)}", quote, keep=add)
        )

    def _landed_note(self) -> Annotation | None:
        """The note `]`/`[` went to, while the reviewer is still where it left them."""
        last = self._last_note
        if last is not None and last[1] == self._here():
            return self.screen.session.find(last[0])
        return None

    def _with_note(self, verb: str, act: Callable[[Annotation], None]) -> None:
        """Act on the note here: the one `]`/`[` landed on, the only one, or the one the reviewer picks."""
        landed = self._landed_note()
        if landed is not None:
            act(landed)
            return
        found = self.notes_under_focus()
        if not found:
            self.screen.notify("No note here.", severity="warning")
        elif len(found) == 1:
            act(found[0])
        else:
            from tui.screens.note_choice import NoteChoice

            def chosen(index: int | None) -> None:
                if index is not None:
                    act(found[index])

            self.screen.app.push_screen(NoteChoice(verb, found), chosen)

    def edit(self) -> None:
        self._with_note("edit", self._edit)

    def _edit(self, annotation: Annotation) -> None:
        from tui.screens.annotation_editor import AnnotationEditor

        def save(result: NoteDraft) -> None:
            if self.screen.session.edit(annotation.id, result) is not None:
                self.screen.review_changed()

        heading = f"Edit the {annotation.kind} on {target_label(self.screen.case, annotation)}"
        self.screen.app.push_screen(AnnotationEditor(heading, annotation.quote, NoteDraft.of(annotation), keep=save))

    def delete(self) -> None:
        self._with_note("delete", self._delete)

    def _delete(self, annotation: Annotation) -> None:
        self.screen.session.delete(annotation.id)
        self.screen.review_changed()
        self.screen.notify(f"{annotation.kind.capitalize()} deleted; ctrl+z brings it back.")

    def undo(self) -> None:
        session = self.screen.session
        before = session.review
        if session.undo():
            self.screen.review_changed()
            self.screen.set_status(f"undid {change_summary(session.review, before)}")
        else:
            self.screen.set_status("nothing to undo")

    def redo(self) -> None:
        session = self.screen.session
        before = session.review
        if session.redo():
            self.screen.review_changed()
            self.screen.set_status(f"redid {change_summary(before, session.review)}")
        else:
            self.screen.set_status("nothing to redo")

    # ---- walking the notes ---------------------------------------------------------------

    async def step(self, step: int) -> None:
        """Go to the next (`step` 1) or previous (-1) note in reading order from where the reviewer is.

        Right after a jump, "where the reviewer is" is the note jumped to, so repeated presses
        walk every note, several in one sentence included, and wrap around at the ends.
        """
        here = self._here()
        last = self._last_note
        from_note = last[0] if last is not None and last[1] == here and self.screen.session.find(last[0]) else None
        found = step_to_note(self.screen.case, self.screen.session.review.annotations, here, step, last_note=from_note)
        if found is None:
            self.screen.set_status("no notes yet: a annotates")
            return
        note = found.annotation
        await self.screen.go_to_place(Place(note.target, note.target_id, note.start, note.end))
        self._last_note = (note.id, self._here())
        self._note_status = f"note {found.number}/{found.count}: {note.kind}"
        reader = self.screen.reader
        on_text = note.target == "section" and reader.section_id is not None
        self._note_sentence = (reader.section_id, reader.cursor) if on_text else None
        self.screen.set_status(self._note_status)

    def status_at(self, section_id: str, sentence: int, position: str) -> str:
        """The status line for a sentence: while the cursor rests where `]`/`[` left it, it names the note."""
        on_note = self._note_status and self._note_sentence == (section_id, sentence)
        return f"{self._note_status} · {position}" if on_note else position
