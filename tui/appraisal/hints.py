"""Hints from the case record: what to check for an item, with the reason, never the answer itself.

A hint names an item, may suggest an answer, and always says in words why (which row, which
event, which section). The reviewer accepts or overrides it; nothing here writes to a review, so
an unanswered item is never filled in silently. The rules are few and each is stated where it is
defined:

- CARE 7 and JBI 2, when the record holds a timeline: can the course be laid out in time, and does
  the report itself present it as a timeline?
- CARE 13, when no section mentions consent: suggest "no"; when one does, point at it.
- CARE 10d and JBI 7, when a medication row records adverse effects: suggest "yes".
- Murad 4-6, when no row records an adverse effect: suggest "na" (the tool's own guidance).
- Naranjo 2 and 3, per adverse effect: see `naranjo_hints`.

Hints exist only for the bundled checklists; a team's own checklist gets none.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.appraisal.effects import adverse_effects_of
from tui.appraisal.hint_types import Hint
from tui.appraisal.naranjo_hints import naranjo_hints
from tui.appraisal.sections import sections_mentioning
from tui.model.case import CaseRecord
from tui.model.checklist import ChecklistDefinition
from tui.model.review import AdverseEffect

Rule = Callable[[CaseRecord, AdverseEffect | None], list[Hint]]


def hints(case: CaseRecord, checklist: ChecklistDefinition, target: AdverseEffect | None = None) -> list[Hint]:
    """What the record suggests checking in `checklist` (for the assessment of `target`, for Naranjo).

    Pure: the same case, checklist and target give the same hints, in item order.
    """
    rule = RULES.get(checklist.id)
    if rule is None:
        return []
    order = {item.id: index for index, item in enumerate(checklist.items)}
    found = [hint for hint in rule(case, target) if hint.item in order]
    return sorted(found, key=lambda hint: order[hint.item])


def _timeline_hint(item: str) -> Rule:
    def rule(case: CaseRecord, _target: AdverseEffect | None) -> list[Hint]:
        if not case.timeline:
            return []
        titled = [s.id for s in case.sections if "timeline" in s.title.lower() and s.text.strip()]
        if titled:
            section = case.section_path(titled[0])
            return [Hint(item, "yes", f"The report has a section titled {section!r}.", tuple(titled))]
        count = len(case.timeline)
        reason = (
            f"The record places {count} events in time from the report's text, so the course can be laid out; "
            "no section is titled as a timeline: check whether the report itself gives one as a table or figure."
        )
        return [Hint(item, None, reason)]

    return rule


def _consent(case: CaseRecord, _target: AdverseEffect | None) -> list[Hint]:
    mentioning = sections_mentioning(case, ["consent"])
    if not mentioning:
        return [Hint("13", "no", "No section of the report mentions consent.")]
    names = ", ".join(repr(case.section_path(s)) for s in mentioning)
    reason = f"Consent is mentioned in {names}: check that it covers publication."
    return [Hint("13", None, reason, tuple(mentioning))]


def _rows_with_effects(case: CaseRecord) -> list[str]:
    return [f"{m.label} (“{m.adverse_effects.rstrip('. ')}”)" for m in case.medications if m.adverse_effects]


def _adverse_events_hint(item: str) -> Rule:
    def rule(case: CaseRecord, _target: AdverseEffect | None) -> list[Hint]:
        rows = _rows_with_effects(case)
        if not rows:
            return []
        effects = [effect for m in case.medications for effect in adverse_effects_of(m)]
        reason = "The record gives adverse effects for " + "; ".join(rows) + ": check they are described."
        return [Hint(item, "yes", reason, tuple(sections_mentioning(case, effects)))]

    return rule


def _murad_causality(case: CaseRecord, _target: AdverseEffect | None) -> list[Hint]:
    if _rows_with_effects(case):
        return []
    reason = (
        "No medication row records an adverse effect, and the tool's guidance is that questions 4 to 6 "
        "concern adverse drug events mostly: check whether this report is about one."
    )
    return [Hint(item, "na", reason) for item in ("4", "5", "6")]


def _combine(*rules: Rule) -> Rule:
    def rule(case: CaseRecord, target: AdverseEffect | None) -> list[Hint]:
        return [hint for each in rules for hint in each(case, target)]

    return rule


RULES: dict[str, Rule] = {
    "care-2013": _combine(_timeline_hint("7"), _adverse_events_hint("10d"), _consent),
    "jbi-case-report": _combine(_timeline_hint("2"), _adverse_events_hint("7")),
    "murad-2018": _murad_causality,
    "naranjo-1981": naranjo_hints,
}
"""The rules of each bundled checklist, by checklist id."""
