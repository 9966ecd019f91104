"""Checks that span records: ids unique, references resolvable, quotes verbatim.

Pydantic validates each record on its own; these rules need the whole case. They
are pure functions over the model so the store, the validator command and the
tests share one definition of "a sound case".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tui.model.case import CaseRecord, Medication, PainScore


@dataclass(frozen=True, slots=True)
class IntegrityProblem:
    """A rule broken at a field path such as `medications[3].source_quote`."""

    field_path: str
    message: str


def check_integrity(case: CaseRecord) -> list[IntegrityProblem]:
    """Every cross-record problem in the case, in file order."""
    return [
        *_duplicate_ids(case),
        *_section_parents(case),
        *_timeline_references(case),
        *_medication_references(case),
        *_pain_score_references(case),
        *_quotes_in_text(case),
    ]


def _duplicates(table: str, ids: Sequence[str]) -> Iterator[IntegrityProblem]:
    first_seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in first_seen:
            yield IntegrityProblem(
                f"{table}[{index}].id",
                f"duplicate id {item_id!r}; first used at {table}[{first_seen[item_id]}]",
            )
        else:
            first_seen[item_id] = index


def _duplicate_ids(case: CaseRecord) -> Iterator[IntegrityProblem]:
    yield from _duplicates("sections", [s.id for s in case.sections])
    yield from _duplicates("medications", [m.id for m in case.medications])
    yield from _duplicates("pain_scores", [p.id for p in case.pain_scores])
    yield from _duplicates("timeline", [t.id for t in case.timeline])


def _section_parents(case: CaseRecord) -> Iterator[IntegrityProblem]:
    seen: set[str] = set()
    for index, section in enumerate(case.sections):
        # A parent must come first, which also rules out cycles.
        if section.parent is not None and section.parent not in seen:
            known = {s.id for s in case.sections}
            why = "does not come before it" if section.parent in known else "is not a section id"
            yield IntegrityProblem(f"sections[{index}].parent", f"parent {section.parent!r} {why}")
        seen.add(section.id)
        if not section.text.strip() and not any(s.parent == section.id for s in case.sections):
            yield IntegrityProblem(f"sections[{index}].text", "section has no text and no sub-sections")


def _timeline_references(case: CaseRecord) -> Iterator[IntegrityProblem]:
    earlier: set[str] = set()
    for index, event in enumerate(case.timeline):
        # An anchor must be an earlier event, which keeps day resolution free of cycles.
        if event.anchor is not None and event.anchor not in earlier:
            known = {t.id for t in case.timeline}
            why = "does not come before this event" if event.anchor in known else "is not a timeline event id"
            yield IntegrityProblem(f"timeline[{index}].anchor", f"anchor {event.anchor!r} {why}")
        if event.offset is not None and event.anchor is None:
            yield IntegrityProblem(f"timeline[{index}].offset", "offset needs an anchor event to count from")
        if event.day is not None and event.anchor is not None:
            yield IntegrityProblem(f"timeline[{index}].day", "give either a day or an anchor with an offset, not both")
        earlier.add(event.id)


def _medication_references(case: CaseRecord) -> Iterator[IntegrityProblem]:
    event_ids = {t.id for t in case.timeline}
    for index, medication in enumerate(case.medications):
        for field in ("start", "stop"):
            point = getattr(medication, field)
            if isinstance(point, str) and point not in event_ids:
                yield IntegrityProblem(f"medications[{index}].{field}", f"{point!r} is not a timeline event id")


def _pain_score_references(case: CaseRecord) -> Iterator[IntegrityProblem]:
    medication_ids = {m.id for m in case.medications}
    for index, score in enumerate(case.pain_scores):
        for position, medication_id in enumerate(score.after):
            if medication_id not in medication_ids:
                yield IntegrityProblem(
                    f"pain_scores[{index}].after[{position}]", f"{medication_id!r} is not a medication id"
                )


def _quotes_in_text(case: CaseRecord) -> Iterator[IntegrityProblem]:
    texts = [s.text for s in case.sections]
    tables: tuple[tuple[str, Sequence[Medication | PainScore]], ...] = (
        ("medications", case.medications),
        ("pain_scores", case.pain_scores),
    )
    found = quotes_found([row.source_quote for _table, rows in tables for row in rows], texts)
    for table, rows in tables:
        for index, row in enumerate(rows):
            if row.source_quote not in found:
                yield IntegrityProblem(
                    f"{table}[{index}].source_quote", "quote does not occur verbatim in any section's text"
                )


SHORT_QUOTE = 12
"""Quotes shorter than this are looked for one by one: as automaton words they would match everywhere."""


def quotes_found(quotes: Sequence[str], texts: Sequence[str]) -> set[str]:
    """The quotes that occur verbatim in some text, all found in one pass over the texts.

    An Aho-Corasick automaton of the quotes reads each text once, whatever the number of
    quotes: looking for each quote in each text cost rows x text, most of the time it took to
    open a long case.
    """
    import ahocorasick

    unique = list(dict.fromkeys(quotes))
    found = {quote for quote in unique if len(quote) < SHORT_QUOTE and any(quote in text for text in texts)}
    long_quotes = [quote for quote in unique if len(quote) >= SHORT_QUOTE]
    if not long_quotes:
        return found
    automaton = ahocorasick.Automaton()
    for index, quote in enumerate(long_quotes):
        automaton.add_word(quote, index)
    automaton.make_automaton()
    seen: set[int] = set()
    for text in texts:
        for _end, index in automaton.iter(text):
            seen.add(index)
        if len(seen) == len(long_quotes):
            break
    return found | {long_quotes[index] for index in seen}
