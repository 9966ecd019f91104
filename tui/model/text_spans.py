"""Sentences and search hits as character spans of a section's text.

Spans are (start, end) offsets into the section text exactly as stored, so the reader's
cursor, the search highlights and (later) annotations all speak the same coordinates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tui.model.case import CaseRecord
from tui.model.derived import derived

# Words that end with a full stop without ending a sentence ("JMS Co., Ltd., Tokyo").
_ABBREVIATIONS = frozenset(
    {"al", "co", "corp", "dr", "e.g", "etc", "fig", "figs", "i.e", "inc", "ltd", "mr", "mrs", "ms", "no", "st", "vs"}
)
_BOUNDARY = re.compile(r"[.!?][\"'’”)\]]*(?=\s+[\"'‘“(\[]?[A-Z0-9])|\n\s*\n")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_LONGEST_ABBREVIATION = 8
"""Characters looked at before a full stop: more than any abbreviation, so each stop costs the same."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` in order, each without surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end() if not match.group().isspace() else match.start()
        if match.group()[0] == ".":
            word = _WORD_BEFORE.search(text, max(0, match.start() - _LONGEST_ABBREVIATION), match.start())
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


MAX_HITS = 10_000
"""Hits found at most: enough to step through, and a search for `e` in a long case stays instant."""


def _searchable(case: CaseRecord) -> list[tuple[str, str, bool]]:
    """(section id, text folded once, whether folding kept its length) for every section."""
    found = []
    for section in case.sections:
        folded = section.text.casefold()
        # casefold() can change lengths (ß -> ss); lower() keeps offsets then.
        same_length = len(folded) == len(section.text)
        found.append((section.id, folded if same_length else section.text.lower(), same_length))
    return found


def find_in_case(case: CaseRecord, query: str, limit: int = MAX_HITS) -> list[TextHit]:
    """Case-insensitive occurrences of `query` in reading order, at most `limit` of them."""
    if not query.strip():
        return []
    hits: list[TextHit] = []
    for section_id, haystack, same_length in derived(case, _searchable):
        needle = query.casefold() if same_length else query.lower()
        position = haystack.find(needle)
        while position != -1:
            if len(hits) >= limit:
                return hits
            hits.append(TextHit(section_id, position, position + len(needle)))
            position = haystack.find(needle, position + max(1, len(needle)))
    return hits


def find_quote(case: CaseRecord, quote: str) -> TextHit | None:
    """Where a `source_quote` occurs first (integrity guarantees it occurs somewhere)."""
    for section in case.sections:
        position = section.text.find(quote)
        if position != -1:
            return TextHit(section.id, position, position + len(quote))
    return None


_NEXT_WORD = re.compile(r"\s*\S+")


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
        # Walked back by hand: a search for "a word at the end" of text[:offset] copies the
        # text and, in a long unbroken run, tries every start (quadratic).
        index = max(0, min(offset, len(text)))
        while index > 0 and text[index - 1].isspace():
            index -= 1
        while index > 0 and not text[index - 1].isspace():
            index -= 1
        return index
    if step > 0:
        return next((end for _start, end in sentences if end > offset), len(text))
    return next((start for start, _end in reversed(sentences) if start < offset), 0)


def sentence_holding(sentences: list[tuple[int, int]], offset: int) -> int | None:
    """The index of the sentence holding `offset` (the next one when it falls between two, the last past the end)."""
    if not sentences:
        return None
    index = bisect_right([end for _start, end in sentences], offset)
    return min(index, len(sentences) - 1)
