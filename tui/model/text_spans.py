"""Sentences and search hits as character spans of a section's text.

Spans are (start, end) offsets into the section text exactly as stored, so the reader's
cursor, the search highlights and (later) annotations all speak the same coordinates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tui.model.case import CaseRecord

# Words that end with a full stop without ending a sentence ("JMS Co., Ltd., Tokyo").
_ABBREVIATIONS = frozenset(
    {"al", "co", "corp", "dr", "e.g", "etc", "fig", "figs", "i.e", "inc", "ltd", "mr", "mrs", "ms", "no", "st", "vs"}
)
_BOUNDARY = re.compile(r"[.!?][\"'’”)\]]*(?=\s+[\"'‘“(\[]?[A-Z0-9])|\n\s*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` in order, each without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if not match.group().isspace() else match.start()
        if match.group()[0] == ".":
            word = _WORD_BEFORE.search(text, 0, match.start())
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        _append_trimmed(spans, text, start, end)
        start = match.end()
    _append_trimmed(spans, text, start, len(text))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(frozen=True, slots=True)
class TextHit:
    """One occurrence of a search query in a section's text."""

    section_id: str
    start: int
    end: int


def find_in_case(case: CaseRecord, query: str) -> list[TextHit]:
    """Every case-insensitive occurrence of `query`, in reading order."""
    needle = query.casefold()
    if not needle.strip():
        return []
    hits: list[TextHit] = []
    for section in case.sections:
        haystack = section.text.casefold()
        # casefold() can change lengths (ß -> ss); fall back to lower() offsets then.
        if len(haystack) != len(section.text):
            haystack, needle_here = section.text.lower(), query.lower()
        else:
            needle_here = needle
        position = haystack.find(needle_here)
        while position != -1:
            hits.append(TextHit(section.id, position, position + len(needle_here)))
            position = haystack.find(needle_here, position + max(1, len(needle_here)))
    return hits


def find_quote(case: CaseRecord, quote: str) -> TextHit | None:
    """Where a `source_quote` occurs first (integrity guarantees it occurs somewhere)."""
    for section in case.sections:
        position = section.text.find(quote)
        if position != -1:
            return TextHit(section.id, position, position + len(quote))
    return None


_NEXT_WORD = re.compile(r"\s*\S+")
_WORD_AT_END = re.compile(r"\S+\s*$")


def moved_offset(text: str, sentences: list[tuple[int, int]], offset: int, unit: str, step: int) -> int:
    """`offset` moved one `unit` ("char", "word" or "sentence") forwards (`step` 1) or back (-1), within the text.

    A word forwards ends after the next word; back, it starts the word before. A sentence
    forwards ends the next sentence that ends after the offset; back, it starts the one before.
    """
    if unit == "char":
        return max(0, min(len(text), offset + step))
    if unit == "word":
        if step > 0:
            match = _NEXT_WORD.match(text, offset)
            return match.end() if match else len(text)
        before = _WORD_AT_END.search(text[:offset])
        return before.start() if before else 0
    if step > 0:
        return next((end for _start, end in sentences if end > offset), len(text))
    return next((start for start, _end in reversed(sentences) if start < offset), 0)


def sentence_holding(sentences: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the sentence holding `offset` (the next one when it falls between two, the last past the end)."""
    if not sentences:
        return None
    index = bisect_right([end for _start, end in sentences], offset)
    return min(index, len(sentences) - 1)
