"""A review's checklist answers checked against the checklists this run knows.

The review model checks an answer's form only; whether `partly` answers JBI item 3 depends on
the definition. Answers given against the version of a checklist this run knows must fit it:
anything else is an error, as a malformed value would be. Answers to a checklist this run does
not know (a colleague's own form), or given against another version of it, are kept as they are
and reported as notes: a review from a colleague must always open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.model.case import CaseRecord
from tui.model.checklist import OVERALL_ITEM, ChecklistDefinition
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.model.review import ChecklistAnswer, Review


@dataclass(frozen=True, slots=True)
class AnswerProblem:
    """One answer that does not fit its checklist, at its field path (`checklist[3].answer`)."""

    field_path: str
    message: str
    severity: Literal["error", "note"]


def check_answers(review: Review, catalogue: ChecklistCatalogue, case: CaseRecord | None = None) -> list[AnswerProblem]:
    """Every problem with the review's answers, in file order; notes for what cannot be checked.

    With `case`, a per-effect answer naming a medication row the case does not hold is a note too.
    """
    problems: list[AnswerProblem] = []
    reported: set[tuple[str, str]] = set()
    first_at: dict[tuple[object, ...], int] = {}
    rows = {m.id for m in case.medications} if case is not None else None
    for index, entry in enumerate(review.checklist):
        where = f"checklist[{index}]"
        definition = catalogue.get(entry.checklist)
        if entry.key in first_at:
            problems.append(
                AnswerProblem(f"{where}.item", f"answered twice; first at checklist[{first_at[entry.key]}]", "error")
            )
        first_at.setdefault(entry.key, index)
        if definition is None:
            if ("unknown", entry.checklist) not in reported:
                reported.add(("unknown", entry.checklist))
                message = f"checklist {entry.checklist!r} is not known here; its answers are kept as they are"
                problems.append(AnswerProblem(f"{where}.checklist", message, "note"))
            continue
        same_version = entry.version is None or entry.version == definition.version
        if not same_version and ("version", entry.checklist) not in reported:
            reported.add(("version", entry.checklist))
            known = definition.version
            message = f"answered against version {entry.version!r} of {entry.checklist}; this run knows {known!r}"
            problems.append(AnswerProblem(f"{where}.version", message, "note"))
        severity: Literal["error", "note"] = "error" if same_version else "note"
        problems += [
            AnswerProblem(f"{where}.{field}", message, severity) for field, message in _misfits(definition, entry)
        ]
        if rows is not None and entry.medication is not None and entry.medication not in rows:
            message = f"no medication row {entry.medication!r} in this case; the answer is kept"
            problems.append(AnswerProblem(f"{where}.medication", message, "note"))
    return problems


def _misfits(definition: ChecklistDefinition, entry: ChecklistAnswer) -> list[tuple[str, str]]:
    per_effect = definition.applies_to == "adverse_effect"
    if per_effect and entry.target is None:
        return [("medication", f"{definition.id} is answered per adverse effect: name the medication row and effect")]
    if not per_effect and entry.target is not None:
        return [("medication", f"{definition.id} is answered for the whole case, not per adverse effect")]
    if entry.item == OVERALL_ITEM and definition.overall is None:
        return [("item", f"{definition.id} has no overall decision")]
    if entry.item != OVERALL_ITEM and definition.item(entry.item) is None:
        return [("item", f"{definition.id} has no item {entry.item!r}")]
    allowed = [option.id for option in definition.allowed_answers(entry.item)]
    if entry.answer is not None and entry.answer not in allowed:
        return [
            ("answer", f"{entry.answer!r} does not answer {definition.id} {entry.item}; it takes {', '.join(allowed)}")
        ]
    return []
