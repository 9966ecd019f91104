"""Text-quote selectors: the words of an annotated span and a little context either side.

Stored with the offsets (as the W3C TextQuoteSelector does) so a later version of the
case text can be searched for the same words in the same surroundings.
"""

from __future__ import annotations

from tui.model.case import CaseRecord
from tui.model.places import places_of
from tui.model.review import Annotation, Review

CONTEXT_CHARS = 32


def text_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for the span [start, end) of `text`."""
    return text[start:end], text[max(0, start - context) : start], text[end : end + context]


def _common_suffix(a: str, b: str) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[-1 - count] == b[-1 - count]:
        count += 1
    return count


def _common_prefix(a: str, b: str) -> int:
    count = 0
    while count < min(len(a), len(b)) and a[count] == b[count]:
        count += 1
    return count


def find_anchor(text: str, quote: str, prefix: str, suffix: str, old_start: int) -> tuple[int, int] | None:
    """Where `quote` stands in `text` now: the occurrence whose context matches best, nearest the old place.

    None when the quote no longer occurs: the annotation is then an orphan, kept but not placed.
    """
    if not quote:
        return None
    best: tuple[int, int, int] | None = None  # (-context score, distance, start)
    position = text.find(quote)
    while position != -1:
        before = text[max(0, position - len(prefix)) : position]
        after = text[position + len(quote) : position + len(quote) + len(suffix)]
        score = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        candidate = (-score, abs(position - old_start), position)
        if best is None or candidate < best:
            best = candidate
        position = text.find(quote, position + 1)
    return None if best is None else (best[2], best[2] + len(quote))


def reanchor(case: CaseRecord, review: Review) -> tuple[Review, frozenset[str]]:
    """The review with text annotations moved to where their quotes are now, and the orphans' ids.

    An annotation whose quote is still at its offsets stays as it is; one whose quote moved is
    moved; one whose quote is gone, or whose target no longer exists, is kept unchanged and
    reported as an orphan. Nothing is ever dropped.
    """
    places = places_of(case)
    orphans: set[str] = set()
    annotations: list[Annotation] = []
    for annotation in review.annotations:
        if not places.holds(annotation.target, annotation.target_id):
            orphans.add(annotation.id)
            annotations.append(annotation)
            continue
        section_id = annotation.text_section
        if section_id is None or annotation.start is None or annotation.end is None:
            annotations.append(annotation)
            continue
        # A checklist note tied to text lies in a section named apart from its target.
        section = case.section(section_id)
        text = section.text if section else ""
        quote = annotation.quote if annotation.quote is not None else ""
        if text[annotation.start : annotation.end] == quote:
            annotations.append(annotation)
            continue
        found = find_anchor(text, quote, annotation.prefix or "", annotation.suffix or "", annotation.start)
        if found is None:
            orphans.add(annotation.id)
            annotations.append(annotation)
            continue
        start, end = found
        _quote, prefix, suffix = text_quote(text, start, end)
        annotations.append(
            annotation.model_copy(update={"start": start, "end": end, "prefix": prefix, "suffix": suffix})
        )
    return review.model_copy(update={"annotations": annotations}), frozenset(orphans)
