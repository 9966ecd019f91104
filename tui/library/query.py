"""What a typed search means to FTS5: words, each quoted, all required; never FTS5's own syntax.

A reviewer types words, not a query language: `"`, `*`, `NEAR(`, `AND`, `-` or a lone `(`
would be FTS5 syntax errors or operators. Every word is quoted as an FTS5 string (a `"` inside
doubled), so anything typed is a valid query; the last word also matches as a prefix, so the
list answers while a word is still being typed.
"""

from __future__ import annotations

import re

MAX_TERMS = 16
MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w+", re.UNICODE)

SNIPPET_CHARS = 110
"""About this many characters of context around the first matched word."""


def terms_of(text: str) -> list[str]:
    """The words of a query as the index tokenises them (letters and digits), at most `MAX_TERMS`."""
    return _WORD.findall(text[:MAX_QUERY_CHARS].casefold())[:MAX_TERMS]


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression for `text`, or None when it has no word to look for."""
    terms = terms_of(text)
    if not terms:
        return None
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms]
    if not text[-1:].isspace() and len(terms[-1]) >= 2:
        quoted[-1] += " *"
    return " AND ".join(quoted)


def _pattern(stems: set[str]) -> re.Pattern[str]:
    ordered = sorted(stems, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(stem) for stem in ordered) + r")\w*", re.IGNORECASE)


def _patterns(terms: list[str]) -> list[re.Pattern[str]]:
    """The words as typed (and longer), then their stems: the index stems, so `fractures` finds `fracture`."""
    if not terms:
        return []
    return [_pattern(set(terms)), _pattern({term[: max(3, len(term) - 2)] for term in terms})]


def snippet(body: str, terms: list[str]) -> tuple[str, tuple[tuple[int, int], ...], tuple[int, int] | None]:
    """The words around the first match in `body` on one line, the matched spans in it, and the first match in `body`.

    Built here rather than by FTS5's `snippet()`, which would be run for every matching row
    before the best are picked; this runs for the rows shown only.
    """
    pattern: re.Pattern[str] | None = None
    first: re.Match[str] | None = None
    for candidate in _patterns(terms):
        first = candidate.search(body)
        if first is not None:
            pattern = candidate
            break
    begin = 0
    if first is not None:
        begin = max(0, first.start() - SNIPPET_CHARS // 3)
        space = body.rfind(" ", 0, begin)
        begin = space + 1 if begin and space >= 0 else begin
    piece = body[begin : begin + SNIPPET_CHARS]
    lead = "…" if begin else ""
    tail = "…" if begin + SNIPPET_CHARS < len(body) else ""
    text = lead + " ".join(piece.split()) + tail
    marks = tuple((m.start(), m.end()) for m in pattern.finditer(text)) if pattern is not None else ()
    return text, marks, ((first.start(), first.end()) if first is not None else None)
