"""Word wrapping that remembers where each line came from.

Rich wraps text beautifully but forgets offsets; the reader needs them to map a
sentence, a search hit or (later) a mouse click to a line and back. This wrapper is
greedy by terminal cell width and returns (start, end) spans into the original text.
"""

from __future__ import annotations

import itertools
import re

from rich.cells import cell_len

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
    """Spans of one hard line; each span runs to the start of the next so no character is lost."""
    breaks: list[int] = [0]
    line_start = 0
    for match in _WORD.finditer(line):
        word_start, word_end = match.span()
        if word_start > line_start and cell_len(line[line_start:word_end]) > width:
            breaks.append(word_start)
            line_start = word_start
        while cell_len(line[line_start:word_end]) > width:  # a word longer than a line is cut
            cut = _cut_at_cells(line, line_start, width)
            breaks.append(cut)
            line_start = cut
    breaks.append(len(line))
    return [(start, end) for start, end in itertools.pairwise(breaks)] or [(0, 0)]


def _cut_at_cells(line: str, start: int, width: int) -> int:
    cells = 0
    for index in range(start, len(line)):
        cells += cell_len(line[index])
        if cells > width:
            return max(index, start + 1)
    return len(line)
