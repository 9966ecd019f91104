"""Word wrapping that remembers where each line came from.

Rich wraps text beautifully but forgets offsets; the reader needs them to map a
sentence, a search hit or (later) a mouse click to a line and back. This wrapper is
greedy by terminal cell width and returns (start, end) spans into the original text.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"\S+")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """Line spans of `text` wrapped to `width` cells; blank lines are empty spans."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for raw_line in text.split("\n"):
        lines.extend((offset + start, offset + end) for start, end in _wrap_line(raw_line, width))
        offset += len(raw_line) + 1
    return lines


def _wrap_line(line: str, width: int) -> list[tuple[int, int]]:
    """Spans of one hard line; each span runs to the start of the next so no character is lost.

    Greedy by cells, in one pass: the running width of the current line is carried from word
    to word, and a word wider than a line is cut by walking its characters once. (Measuring
    the rest of the line again at each cut made a one-megabyte word take most of a minute.)
    """
    breaks: list[int] = [0]
    line_start = column = previous_end = 0
    for match in _WORD.finditer(line):
        word_start, word_end = match.span()
        gap = _cells(line, previous_end, word_start)
        word = _cells(line, word_start, word_end)
        if word_start > line_start and column + gap + word > width:
            breaks.append(word_start)
            line_start, column = word_start, 0
        else:
            column += gap
        if column + word <= width:
            column += word
        else:
            line_start, column = _cut_word(line, word_start, word_end, line_start, column, width, breaks)
        previous_end = word_end
    breaks.append(len(line))
    return [(start, end) for start, end in itertools.pairwise(breaks)] or [(0, 0)]


def _cut_word(  # noqa: PLR0917 - the state of one pass, handed over and back
    line: str, index: int, end: int, line_start: int, column: int, width: int, breaks: list[int]
) -> tuple[int, int]:
    """Cut `line[index:end]` where the lines fill up; returns the last line's start and width."""
    while index < end:
        cells = get_character_cell_size(line[index])
        if column + cells > width:
            cut = max(index, line_start + 1)  # a character wider than a line goes alone on its line
            breaks.append(cut)
            if cut > index:
                line_start, column, index = cut, 0, cut
                continue
            line_start, column = cut, 0
            continue
        column += cells
        index += 1
    return line_start, column


def _cells(line: str, start: int, end: int) -> int:
    part = line[start:end]
    return len(part) if part.isascii() and part.isprintable() else cell_len(part)


class ReaderRows:
    """A heading and a text wrapped to a width, as screen rows that remember their offsets.

    Row 0.. hold the heading, then a blank row, then the text. Looking up the row of an
    offset is a binary search, so keys that move through a long section cost the same as
    in a short one.
    """

    def __init__(self, heading: str, text: str, width: int) -> None:
        self.text = text
        self.heading_rows = wrap_spans(heading, width)
        self.text_rows = wrap_spans(text, width)
        self._first_text_row = len(self.heading_rows) + 1
        self._ends = [max(end, start + 1) for start, end in self.text_rows]

    def __len__(self) -> int:
        return self._first_text_row + len(self.text_rows)

    def row(self, index: int) -> tuple[str, int, int]:
        """("title" | "text", start, end) of a screen row; the blank row is an empty text row."""
        if index < len(self.heading_rows):
            return ("title", *self.heading_rows[index])
        if index < self._first_text_row:
            return ("text", 0, 0)
        return ("text", *self.text_rows[index - self._first_text_row])

    def row_of_offset(self, offset: int) -> int:
        """The screen row that holds character `offset` of the text."""
        if not self.text_rows:
            return max(0, len(self) - 1)
        index = bisect_right(self._ends, offset)
        return self._first_text_row + min(index, len(self.text_rows) - 1)

    def offset_at(self, row: int, column: int) -> int | None:
        """The text offset at a cell of a row (for the mouse), or None off the text."""
        if not self._first_text_row <= row < len(self):
            return None
        start, end = self.text_rows[row - self._first_text_row]
        cells = 0
        for index in range(start, end):
            cells += cell_len(self.text[index])
            if cells > column:
                return index
        return end


class SpanIndex:
    """Spans (hits, annotated passages) looked up by the line they touch, without a scan of them all.

    A line is drawn many times; with tens of thousands of hits or notes in a section, testing
    each against each line made every frame slow. Spans are sorted by start once; those that can
    touch a line start after the line's start minus the longest span, and before its end.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda index: spans[index])
        self._spans = spans
        self._starts = [spans[index][0] for index in self._order]
        self._longest = max((end - start for start, end in spans), default=0)

    def touching(self, start: int, end: int) -> list[tuple[int, tuple[int, int]]]:
        """(index in the given list, span) of every span overlapping [start, end)."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        found = []
        for position in range(low, high):
            index = self._order[position]
            span_start, span_end = self._spans[index]
            if span_end > start and span_start < end:
                found.append((index, self._spans[index]))
        return found
