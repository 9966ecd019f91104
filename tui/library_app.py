"""The app opened on a library: the list of cases first, each case opened from it in a mode of its own.

Everything a case screen does is `CaseReviewApp`'s; this adds the list (its own mode, so going
back finds it as it was), opening a case from a row or a search hit, `escape` back to the list,
and `ctrl+n` / `ctrl+b` to the next or previous case of the list. Cases opened stay open, each
with its own unsaved review, and quitting asks once for all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import BindingType

from tui.actions import bindings
from tui.app import CaseReviewApp
from tui.model.library import LibrarySource, SearchHit
from tui.model.places import Place
from tui.screens.library.screen import LibraryScreen
from tui.widgets.messages import LeaveCase
from tui.workspace import ReviewDocument

LIBRARY_MODE = "library"


class LibraryApp(CaseReviewApp):
    """A folder of cases: the list, and the cases opened from it."""

    CSS_PATH: ClassVar[list[str]] = ["styles/app.tcss", "styles/library.tcss"]  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app"), *bindings("cases")]
    DEFAULT_MODE = LIBRARY_MODE

    def __init__(self, library: LibrarySource, *, reviewer: str, theme: str | None = None) -> None:
        super().__init__((), theme=theme)
        self.library = library
        self.reviewer = reviewer
        self.library_screen = LibraryScreen(library)
        self._opened: dict[str, ReviewDocument] = {}
        self.add_mode(LIBRARY_MODE, lambda: self.library_screen)

    # ---- opening cases ---------------------------------------------------------------------

    def document_for(self, path: str) -> ReviewDocument | None:
        """The open document of a case file, opening it (and saying why not) the first time."""
        from tui.store import InputFileError

        document = self._opened.get(path)
        if document is None:
            try:
                document = ReviewDocument.open(Path(path), reviewer=self.reviewer)
            except InputFileError as error:
                self.notify("\n".join(error.lines()), title="Cannot open this case", severity="error")
                return None
            self._opened[path] = document
            for warning in document.warnings:
                self.notify(warning, severity="warning")
        return document

    async def open_case(self, path: str, hit: SearchHit | None = None) -> bool:
        document = self.document_for(path)
        if document is None:
            return False
        await self.show_document(document)
        self.library_screen.select_case(path)
        if hit is not None:
            await self._go_to_hit(document, hit)
        return True

    async def _go_to_hit(self, document: ReviewDocument, hit: SearchHit) -> None:
        screen = self._screens.get(id(document))
        if screen is None:
            return
        if hit.kind == "note" and hit.reviewer != document.reviewer:
            self.notify(f"A note by {hit.reviewer}: {hit.snippet}", title="Search hit")
        place = Place(hit.target, hit.target_id, hit.start, hit.end)  # type: ignore[arg-type]
        await screen.go_to_place(place)
        if hit.kind == "section" and hit.start is not None and hit.end is not None:
            screen.reader.highlight_quote(hit.start, hit.end)

    async def on_library_screen_open_case(self, message: LibraryScreen.OpenCase) -> None:
        await self.open_case(message.path, message.hit)

    async def on_leave_case(self, _message: LeaveCase) -> None:
        await self.action_show_library()

    async def action_show_library(self) -> None:
        await self.switch_mode(LIBRARY_MODE)

    def _current_path(self) -> str | None:
        if self.current_mode == LIBRARY_MODE:
            return self.library_screen.table.row_key_at_cursor()
        document = self._document_in.get(self.current_mode)
        return next((path for path, d in self._opened.items() if d is document), None)

    async def _step_case(self, step: int) -> None:
        current = self._current_path()
        if current is None:
            return
        following = self.library_screen.neighbour(current, step)
        if following is None:
            self.notify("No next case in the list." if step > 0 else "No previous case in the list.")
            return
        await self.open_case(following)

    async def action_next_case(self) -> None:
        await self._step_case(+1)

    async def action_previous_case(self) -> None:
        await self._step_case(-1)

    # ---- what needs a case -------------------------------------------------------------------

    def action_save(self) -> None:
        if self.current_mode == LIBRARY_MODE:
            self.notify("Open a case to save its review.")
            return
        super().action_save()

    def action_export(self) -> None:
        if self.current_mode == LIBRARY_MODE:
            self.notify("Open a case to export its notes.")
            return
        super().action_export()
