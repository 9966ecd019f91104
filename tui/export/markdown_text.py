"""Untrusted text as literal Markdown: one line, a block of lines, a table.

Every string from the case or the review is escaped for CommonMark: punctuation that could open
emphasis, a link, a code span, raw HTML or a table cell is backslash-escaped, and characters that
would start a heading, list, quote or code block at the start of a line are escaped too. Shared by
the document (`markdown.py`) and its appraisal section (`markdown_appraisal.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tui.safe_text import sanitize_line, sanitize_text

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
"""Emphasis, code spans, links and images (a `[` is needed for both), raw HTML, entities, cells."""
_LINE_START_SPECIAL = re.compile(r"^(#|[-+=](?=[\s=-]|$))")
"""Headings, list items, setext underlines and thematic breaks open only at the start of a line."""
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_HORIZONTAL_SPACE = re.compile(r"[ \t]+")
_ANY_SPACE = re.compile(r"\s+")


def inline(text: str) -> str:
    """Untrusted text as one line of literal Markdown (headings, list items, table cells)."""
    return _escape_line(sanitize_line(_ANY_SPACE.sub(" ", text)))


def _escape_line(line: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", line.strip())
    escaped = _LINE_START_SPECIAL.sub(r"\\\1", escaped)
    return _ORDERED_LIST_START.sub(r"\1\\\2", escaped)


def block(text: str, prefix: str = "") -> list[str]:
    """Untrusted multi-line text as literal Markdown lines: line breaks kept, blank lines part paragraphs."""
    lines: list[str] = []
    for raw in sanitize_text(text).replace("\r\n", "\n").split("\n"):
        line = _escape_line(_HORIZONTAL_SPACE.sub(" ", raw))
        lines.append(line)
    # A hard break (backslash at the end) keeps the writer's line breaks inside a paragraph.
    for index in range(len(lines) - 1):
        if lines[index] and lines[index + 1]:
            lines[index] += "\\"
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return [f"{prefix}{line}".rstrip() for line in lines]


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], align_right: frozenset[int] = frozenset()
) -> list[str]:
    """A GFM table; every cell is escaped, so a `|` in the text cannot add a column."""
    lines = [
        "| " + " | ".join(inline(h) for h in headers) + " |",
        "|" + "|".join("---:" if i in align_right else "---" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(inline(cell) for cell in row) + " |" for row in rows]
    return lines
