"""The reader's caret and selection, as offsets into a section's text (no Textual here).

A reviewer quotes a phrase inside a sentence ("clonazepam 0.5 mg/day"), not only whole
sentences, and from the keyboard. The caret is a character offset; a selection runs from
a fixed end (`anchor`) to the caret, so moving the caret with shift moves one end, and
`swap_ends` lets the other end move instead. What is quoted never starts or ends in
whitespace: the span is trimmed when read.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.text_spans import moved_offset

Span = tuple[int, int]


def trimmed(text: str, start: int, end: int) -> Span:
    """[start, end) without the whitespace at either end (empty spans stay where they start)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(slots=True)
class Caret:
    """A caret in a text and, when selecting, the selection's fixed end."""

    offset: int = 0
    anchor: int | None = None

    def selection(self, text: str) -> Span | None:
        """The selected span, trimmed; None when nothing (or only whitespace) is selected."""
        if self.anchor is None or self.anchor == self.offset:
            return None
        start, end = trimmed(text, min(self.anchor, self.offset), max(self.anchor, self.offset))
        return (start, end) if start < end else None

    def place(self, offset: int, text: str) -> None:
        """Put the caret at `offset` (clamped to the text), ending any selection."""
        self.offset = max(0, min(offset, len(text)))
        self.anchor = None

    def move(self, text: str, sentences: list[Span], unit: str, step: int, *, extend: bool) -> None:
        """Move by a character, word or sentence; with `extend`, the selection's moving end."""
        if extend and self.anchor is None:
            self.anchor = self.offset
        elif not extend:
            self.anchor = None
        self.offset = moved_offset(text, sentences, self.offset, unit, step)

    def select(self, start: int, end: int, text: str) -> None:
        """Select [start, end) with the caret at its end."""
        limit = len(text)
        self.anchor, self.offset = max(0, min(start, limit)), max(0, min(end, limit))

    def swap_ends(self) -> None:
        """Let the selection's other end move (the caret goes there)."""
        if self.anchor is not None:
            self.anchor, self.offset = self.offset, self.anchor

    def clear(self) -> None:
        self.anchor = None

    @property
    def selecting(self) -> bool:
        return self.anchor is not None

    def sentence_offset(self) -> int:
        """The offset whose sentence the cursor should show: a selection's last character going forwards."""
        if self.anchor is not None and self.offset > self.anchor:
            return self.offset - 1
        return self.offset
