"""Span agreement: how far two reviewers marked the same stretches of text, as F1.

One reviewer's text notes are taken as the reference and the other's as the
prediction, as in named-entity evaluation; F1 is symmetric, so which is which does not
matter. Two measures:

- exact: a span matches when the other reviewer marked the very same characters of the
  same section (one to one: a span marked twice by one reviewer and once by the other
  matches once); F1 = 2 * matched / (|A| + |B|).
- overlapping: a span matches when it shares at least one character with a span of the
  other reviewer in the same section; precision is the share of B's spans that overlap one
  of A's, recall the share of A's that overlap one of B's, F1 their harmonic mean.

Only placed text notes count: notes on rows or whole sections have no span, and orphans
(whose words are gone from the case) are never counted as agreement. When neither
reviewer marked any text the figure is undefined; when only one did it is 0.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction

from tui.agreement.figure import Figure

Span = tuple[str, int, int]
"""(section id, start, end): a stretch of one section's text, end exclusive."""

NO_SPANS = "neither reviewer marked any text"


def _extent(span: Span) -> tuple[int, int]:
    """A zero-length span still covers the character it stands on, as `ReviewSession.at_place` treats it."""
    _section, start, end = span
    return start, max(end, start + 1)


def _overlapping(spans: Sequence[Span], others: Sequence[Span]) -> int:
    """How many of `spans` share a character with some span of `others` in the same section."""
    by_section: dict[str, list[tuple[int, int]]] = {}
    for span in others:
        by_section.setdefault(span[0], []).append(_extent(span))
    # Sorted by start, with the furthest end reached so far: one binary search a span.
    reach: dict[str, tuple[list[int], list[int]]] = {}
    for section, extents in by_section.items():
        extents.sort()
        starts = [start for start, _ in extents]
        furthest: list[int] = []
        for _, end in extents:
            furthest.append(max(end, furthest[-1]) if furthest else end)
        reach[section] = (starts, furthest)
    matched = 0
    for span in spans:
        if span[0] not in reach:
            continue
        start, end = _extent(span)
        starts, furthest = reach[span[0]]
        before = bisect_left(starts, end)  # spans starting before this one ends
        if before and furthest[before - 1] > start:
            matched += 1
    return matched


def span_f1(first: Iterable[Span], second: Iterable[Span], *, overlap: bool) -> Figure:
    """F1 of two reviewers' spans, exact (`overlap` False) or overlapping; `items` counts both sides' spans."""
    a, b = list(first), list(second)
    items = len(a) + len(b)
    if items == 0:
        return Figure.undefined(0, NO_SPANS)
    if not a or not b:
        return Figure(0.0, items, "only one reviewer marked text")
    if not overlap:
        matched = sum((Counter(a) & Counter(b)).values())
        return Figure.ratio(2 * matched, items, items, NO_SPANS)
    recall = Fraction(_overlapping(a, b), len(a))
    precision = Fraction(_overlapping(b, a), len(b))
    if precision + recall == 0:
        return Figure(0.0, items)
    return Figure.ratio(2 * precision * recall, precision + recall, items, NO_SPANS)
