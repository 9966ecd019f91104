"""Hints for a Naranjo assessment of one adverse effect of one medication row.

- Question 2 (did the effect follow the drug?): a timeline event mentioning the effect at or after
  the row's start suggests "yes", one before it "no". Without such an event, the order of the
  report's own words is the next best witness: the effect first mentioned after the sentence the
  row comes from suggests "yes" (said to be text order, not a date).
- Question 3 (better when the drug was stopped?): only when the row has a stop. An event at or
  after the stop that speaks of improvement and names the effect suggests "yes"; one that speaks of
  improvement without naming the effect only points at it, since what improved may be something
  else (the seed case: the pain, not the drowsiness).

The words of an effect are matched case-insensitively at the start of a word.
"""

from __future__ import annotations

import re

from tui.appraisal.hint_types import Hint
from tui.clinical.timeline import place_events, point_label, position_of, source_quote_of_event
from tui.model.case import CaseRecord, Medication
from tui.model.review import AdverseEffect

IMPROVEMENT = re.compile(
    r"(?<![\w])(improv\w*|resolv\w*|relie\w*|subsid\w*|disappear\w*|recover\w*|better|abat\w*|eased)", re.IGNORECASE
)


def _names(text: str, effect: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(effect.lower()), text.lower()) is not None


def naranjo_hints(case: CaseRecord, target: AdverseEffect | None) -> list[Hint]:
    """Hints for questions 2 and 3 about `target`; none without a target or for an unknown row."""
    if target is None:
        return []
    medication = next((m for m in case.medications if m.id == target.medication), None)
    if medication is None:
        return []
    return [
        *_followed_the_drug(case, medication, target.effect),
        *_better_on_withdrawal(case, medication, target.effect),
    ]


def _followed_the_drug(case: CaseRecord, medication: Medication, effect: str) -> list[Hint]:
    start = position_of(case, medication.start)
    started = point_label(case, medication.start)
    if start is not None:
        for placed in place_events(case):
            if not _names(f"{placed.event.label} {placed.event.text}", effect):
                continue
            sections = _sections_of_event(case, placed.event.id)
            if placed.index >= start:
                reason = f"The timeline event {placed.event.label!r} mentions {effect}, at or after {started!r}."
                return [Hint("2", "yes", reason, sections)]
            reason = f"The timeline event {placed.event.label!r} mentions {effect} before {started!r}."
            return [Hint("2", "no", reason, sections)]
    return _text_order(case, medication, effect)


def _text_order(case: CaseRecord, medication: Medication, effect: str) -> list[Hint]:
    for section in case.sections:
        at = section.text.find(medication.source_quote)
        if at == -1:
            continue
        where = case.section_path(section.id)
        mention = re.search(r"(?<![\w])" + re.escape(effect.lower()), section.text.lower())
        if mention is None:
            break
        if mention.start() >= at + len(medication.source_quote):
            reason = (
                f"In {where!r}, {effect} is first mentioned after the sentence that starts {medication.name} "
                "(the order of the text, not a date: check it)."
            )
            return [Hint("2", "yes", reason, (section.id,))]
        reason = (
            f"In {where!r}, {effect} is mentioned before {medication.name} is introduced: check whether it predates it."
        )
        return [Hint("2", None, reason, (section.id,))]
    reason = f"Nothing in the record places {effect} in time relative to {medication.name}: check the text."
    return [Hint("2", None, reason)]


def _better_on_withdrawal(case: CaseRecord, medication: Medication, effect: str) -> list[Hint]:
    stop = position_of(case, medication.stop)
    if stop is None:
        return []
    for placed in place_events(case)[stop:]:
        words = f"{placed.event.label}. {placed.event.text}"
        found = IMPROVEMENT.search(words)
        if found is None:
            continue
        if placed.index == stop:
            where = f"{placed.event.label!r}, where {medication.name} stops,"
        else:
            where = (
                f"{placed.event.label!r}, after {medication.name} stopped at {point_label(case, medication.stop)!r},"
            )
        sections = _sections_of_event(case, placed.event.id)
        if _names(words, effect):
            return [Hint("3", "yes", f"{where} reports {effect} improving.", sections)]
        reason = f"{where} speaks of improvement ({found.group(0)!r}) but does not name {effect}: check what improved."
        return [Hint("3", None, reason, sections)]
    return []


def _sections_of_event(case: CaseRecord, event_id: str) -> tuple[str, ...]:
    """The section holding the report's words for an event, when a row or score ties them together."""
    quote = source_quote_of_event(case, event_id)
    if quote is None:
        return ()
    return tuple(s.id for s in case.sections if quote in s.text)[:1]
