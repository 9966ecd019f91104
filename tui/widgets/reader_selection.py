"""The reader's keys and mouse for the caret and the selection.

Split from the reader so that widget keeps to showing a section; this part turns keys
and drags into moves of the `Caret` (tui/widgets/caret.py) and keeps the sentence cursor
on the sentence the caret is in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.scroll_view import ScrollView

from tui.model.text_spans import sentence_holding
from tui.widgets.caret import Caret

Span = tuple[int, int]

if TYPE_CHECKING:
    _Base = ScrollView
else:
    _Base = object


class CaretSelecting(_Base):
    """Caret moves, selections from the keyboard (`v`, shift+moves, `o`) and by dragging."""

    _caret: Caret
    _text: str
    _sentences: list[Span]
    cursor: int

    if TYPE_CHECKING:

        def _set_cursor(self, index: int, *, caret: bool = True) -> None: ...

        def offset_at(self, x: int, y: int) -> int | None: ...

    # ---- caret and selection -------------------------------------------------------

    @property
    def caret(self) -> int:
        """The caret's offset in the text: where a selection started with `v` begins."""
        return self._caret.offset

    @property
    def selection(self) -> Span | None:
        """The selected text as (start, end), trimmed of spaces, or None; made with `v`, shift+moves or the mouse."""
        return self._caret.selection(self._text)

    def clear_selection(self) -> None:
        self._caret.clear()
        self.refresh()

    def select(self, start: int, end: int) -> None:
        """Select [start, end) of the text (clamped to it), the caret at its end."""
        self._caret.select(start, end, self._text)
        self._follow_caret()

    def action_toggle_selection(self) -> None:
        """Start a selection at the caret (the whole sentence when the caret is at its start), or end it."""
        if self._caret.selecting:
            self.clear_selection()
        elif self._sentences:
            start, end = self._sentences[self.cursor]
            if self._caret.offset == start:
                self.select(start, end)
            else:
                self._caret.anchor = self._caret.offset
                self.refresh()

    def action_move_caret(self, unit: str, step: int) -> None:
        """Move the caret; while selecting, the selection's moving end goes with it."""
        self._move(unit, step, extend=self._caret.selecting)

    def action_extend(self, unit: str, step: int) -> None:
        """Move the selection's moving end (starting a selection at the caret)."""
        self._move(unit, step, extend=True)

    def action_swap_ends(self) -> None:
        """Move the selection's other end from now on."""
        self._caret.swap_ends()
        self._follow_caret()

    def _move(self, unit: str, step: int, *, extend: bool) -> None:
        if self._sentences:
            self._caret.move(self._text, self._sentences, unit, step, extend=extend)
            self._follow_caret()

    def _follow_caret(self) -> None:
        index = sentence_holding(self._sentences, self._caret.sentence_offset())
        if index is not None:
            self._set_cursor(index, caret=False)
        self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self._caret.place(offset, self._text)
            self._caret.anchor = offset
            self._dragging = True
            self.capture_mouse()
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if getattr(self, "_dragging", False):
            offset = self.offset_at(event.x, event.y)
            anchor = self._caret.anchor
            if offset is not None and anchor is not None:
                # The cell under the pointer is included when dragging forwards.
                self._caret.offset = offset + 1 if offset > anchor else offset
                self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if getattr(self, "_dragging", False):
            self._dragging = False
            self.release_mouse()
            if self._caret.anchor == self._caret.offset:
                self._caret.clear()
            self._follow_caret()
