"""Text-quote selectors, and notes found again when the case text changes.

A text note stores its offsets with the quoted words and a little context either side (as the
W3C TextQuoteSelector does), so a later version of the case text can be searched for the same
words in the same surroundings (`quote_search.find_quote`).

What a re-anchored note becomes:
- its words at its offsets: unchanged;
- its exact words elsewhere: moved there, its context taken afresh (nothing of the note changed);
- words close to its own (a word edited): **moved**: its offsets point at the new words, and it
  keeps its stored quote, prefix and suffix, so the reviewer sees what they annotated beside
  what the case says now, and saving keeps the original words until the reviewer accepts the
  new ones (`accept_new_words`). Reopened, such a note is found at its offsets again, moved;
- words truly gone, or a target the case no longer holds: an **orphan**, kept unchanged and listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.case import CaseRecord
from tui.model.places import places_of
from tui.model.quote_search import SearchBudget, Selector, find_quote
from tui.model.review import Annotation, Review

CONTEXT_CHARS = 32


def text_quote(text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(quote, prefix, suffix) for the span [start, end) of `text`."""
    return text[start:end], text[max(0, start - context) : start], text[end : end + context]


@dataclass(frozen=True, slots=True)
class Reanchored:
    """A review placed on one version of the case: the notes as placed, and which are orphans or moved."""

    review: Review
    orphans: frozenset[str]
    moved: frozenset[str]


def _section_text(case: CaseRecord, annotation: Annotation) -> str | None:
    """The text a note's span lies in, or None for a note with no span (or whose section is gone)."""
    if annotation.text_section is None or annotation.start is None:
        return None
    section = case.section(annotation.text_section)
    return section.text if section is not None else None


def new_words(case: CaseRecord, annotation: Annotation) -> str | None:
    """The words now at a placed text note's offsets when they are not its quote (a moved note), else None."""
    text = _section_text(case, annotation)
    if text is None or annotation.start is None or annotation.end is None or annotation.end > len(text):
        return None
    now = text[annotation.start : annotation.end]
    return now if now != (annotation.quote or "") else None


def accept_new_words(case: CaseRecord, annotation: Annotation) -> Annotation:
    """The moved note with the case's words at its offsets as its quote, and their context."""
    text = _section_text(case, annotation)
    if text is None or annotation.start is None or annotation.end is None:
        return annotation
    quote, prefix, suffix = text_quote(text, annotation.start, annotation.end)
    return annotation.model_copy(update={"quote": quote, "prefix": prefix, "suffix": suffix})


def anchor_review(case: CaseRecord, review: Review, budget: SearchBudget | None = None) -> Reanchored:
    """The review with text notes placed where their words are now; orphans and moved notes named.

    Notes are taken section by section in their old order, so each is first looked for where
    the note before it went (offset by the same shift): after a paragraph is inserted, every
    later note is found in a window of its own size. Nothing is ever dropped.
    """
    places = places_of(case)
    budget = budget if budget is not None else SearchBudget()
    placed: dict[str, Annotation] = {}
    orphans: set[str] = set()
    moved: set[str] = set()
    shift: dict[str, int] = {}
    for annotation in sorted(review.annotations, key=lambda a: (a.text_section or "", a.start or 0)):
        if not places.holds(annotation.target, annotation.target_id):
            orphans.add(annotation.id)
            continue
        text = _section_text(case, annotation)
        if text is None or annotation.start is None or annotation.end is None:
            continue  # a note on a row or a whole section: its place is its target
        section_id = annotation.text_section or ""
        quote = annotation.quote or ""
        if text[annotation.start : annotation.end] == quote:
            shift[section_id] = 0
            continue
        hint = annotation.start + shift.get(section_id, 0)
        found = find_quote(text, Selector(quote, annotation.prefix or "", annotation.suffix or "", hint), budget)
        if found is None:
            orphans.add(annotation.id)
            continue
        shift[section_id] = found.start - annotation.start
        update: dict[str, object] = {"start": found.start, "end": found.end}
        if found.moved:
            moved.add(annotation.id)
        else:
            update.update(zip(("prefix", "suffix"), text_quote(text, found.start, found.end)[1:], strict=True))
        placed[annotation.id] = annotation.model_copy(update=update)
    annotations = [placed.get(a.id, a) for a in review.annotations]
    return Reanchored(review.model_copy(update={"annotations": annotations}), frozenset(orphans), frozenset(moved))


def reanchor(case: CaseRecord, review: Review) -> tuple[Review, frozenset[str]]:
    """The review with text notes placed where their words are now, and the orphans' ids (see `anchor_review`)."""
    anchored = anchor_review(case, review)
    return anchored.review, anchored.orphans
