"""Sentences of a section for the fact readers: the app's sentence spans, split once more after units.

The reader's sentence rule keeps "mL/h. Paracetamol" together, since a one-letter word
before a full stop is usually an initial. In a case report it is as often a unit ending a
dose; splitting there keeps each regimen, score and time phrase in its own sentence.
"""

from __future__ import annotations

import re

from tui.model.text_spans import sentence_spans

_BLANK_LINE = re.compile(r"\n\s*\n")
_UNIT_END = re.compile(r"(?:\d\s?(?:mg|g|μg|µg|mcg|mL|ml|h|d|kg|L|min|%)|/(?:h|d|day|kg|min|hr))\.\s+(?=[A-Z])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, as `sentence_spans` gives them, split after a unit's full stop.

    `sentence_spans` looks back from each full stop to the start of its text, so it is called
    one paragraph at a time (a blank line ends a sentence there anyway): a long section then
    costs time in proportion to its length.
    """
    spans: list[tuple[int, int]] = []
    for offset, end in _paragraphs(text):
        for start, stop in sentence_spans(text[offset:end]):
            spans.extend(_split_after_units(text, offset + start, offset + stop))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        found.append((start, match.start()))
        start = match.end()
    found.append((start, len(text)))
    return found


def _split_after_units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cut = start
    for match in _UNIT_END.finditer(text, start, end):
        stop = match.start() + match.group().index(".") + 1
        spans.append((cut, stop))
        cut = match.end()
    spans.append((cut, end))
    return spans
