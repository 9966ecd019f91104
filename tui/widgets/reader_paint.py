"""One line of the reader, painted: the text's slice with each highlight laid over it in turn.

Kept apart from the widget so the order of the layers (later ones win: notes, then the
sentence cursor, the quote, search hits, the selection, the caret) is one list in one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

Span = tuple[int, int]


def paint_line(display: str, start: int, end: int, layers: Iterable[tuple[Span, Style]]) -> Text:
    """`display[start:end]` (one screen line) with each layer's style over the part it covers."""
    line = Text(display[start:end].rstrip("\n"), end="")
    for (span_start, span_end), style in layers:
        left, right = max(span_start, start), min(span_end, end)
        if left < right:
            line.stylize(style, left - start, right - start)
    line.rstrip()
    return line
