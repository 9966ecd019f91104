"""Reading and changing a review's checklist answers, one entry per (checklist, effect, item).

Pure functions from a review to a review, so `ReviewSession` can make each of them one undoable
change, and so the rules (an answer must be one the item allows; Naranjo needs its medication row
and effect; a note survives a cleared answer) hold wherever answers are changed. A misuse, such as
an answer the checklist does not have, is a programming error and raises `ValueError`: the pane
only offers what the definition allows.
"""

from __future__ import annotations

from tui.model.checklist import OVERALL_ITEM, ChecklistDefinition
from tui.model.review import AdverseEffect, ChecklistAnswer, Review


def _matches(entry: ChecklistAnswer, checklist: str, item: str | None, target: AdverseEffect | None) -> bool:
    return entry.checklist == checklist and entry.target == target and (item is None or entry.item == item)


def find_answer(
    review: Review, checklist: str, item: str, target: AdverseEffect | None = None
) -> ChecklistAnswer | None:
    """The entry for one item (of one assessment, for Naranjo), if the reviewer has touched it."""
    return next((e for e in review.checklist if _matches(e, checklist, item, target)), None)


def answers_of(review: Review, checklist: str, target: AdverseEffect | None = None) -> dict[str, ChecklistAnswer]:
    """One checklist's entries by item (for one assessment, for Naranjo)."""
    return {e.item: e for e in review.checklist if _matches(e, checklist, None, target)}


def assessments(review: Review, checklist: str) -> list[AdverseEffect]:
    """The (medication row, effect) pairs a per-effect checklist has been answered for, sorted."""
    return sorted({e.target for e in review.checklist if e.checklist == checklist and e.target is not None})


def check_entry(definition: ChecklistDefinition, item: str, answer: str | None, target: AdverseEffect | None) -> None:
    """Raise `ValueError` unless `answer` to `item` (about `target`) is one `definition` allows."""
    if (definition.applies_to == "adverse_effect") != (target is not None):
        needs = "a medication row and an effect" if target is None else "no medication row"
        raise ValueError(f"{definition.id} is answered with {needs}")
    if item != OVERALL_ITEM and definition.item(item) is None:
        raise ValueError(f"{definition.id} has no item {item!r}")
    if item == OVERALL_ITEM and definition.overall is None:
        raise ValueError(f"{definition.id} has no overall decision")
    allowed = [option.id for option in definition.allowed_answers(item)]
    if answer is not None and answer not in allowed:
        raise ValueError(f"{answer!r} is not an answer to {definition.id} {item}; it takes {', '.join(allowed)}")


def _put(
    review: Review, checklist: str, item: str, target: AdverseEffect | None, entry: ChecklistAnswer | None
) -> Review:
    kept = [e for e in review.checklist if not _matches(e, checklist, item, target)]
    return review.model_copy(update={"checklist": [*kept, entry] if entry is not None else kept})


def with_answer(
    review: Review, definition: ChecklistDefinition, item: str, answer: str, target: AdverseEffect | None = None
) -> Review:
    """The review with `item` answered `answer`; its note, if any, kept; the checklist's version recorded."""
    check_entry(definition, item, answer, target)
    old = find_answer(review, definition.id, item, target)
    fields = {**_new_entry(definition, item, target), "answer": answer, "note": old.note if old else ""}
    return _put(review, definition.id, item, target, ChecklistAnswer.model_validate(fields))


def with_note(
    review: Review, definition: ChecklistDefinition, item: str, note: str, target: AdverseEffect | None = None
) -> Review:
    """The review with `item`'s note set; an empty note removes an entry that holds no answer.

    The entry keeps the version it was answered against: a note explains an answer, it does
    not give it again.
    """
    check_entry(definition, item, None, target)
    old = find_answer(review, definition.id, item, target)
    if not note and (old is None or old.answer is None):
        return _put(review, definition.id, item, target, None) if old is not None else review
    fields = old.model_dump() if old is not None else _new_entry(definition, item, target)
    return _put(review, definition.id, item, target, ChecklistAnswer.model_validate({**fields, "note": note}))


def _new_entry(definition: ChecklistDefinition, item: str, target: AdverseEffect | None) -> dict[str, object]:
    return {
        "checklist": definition.id,
        "version": definition.version,
        "medication": target.medication if target else None,
        "effect": target.effect if target else None,
        "item": item,
    }


def without_answer(review: Review, checklist: str, item: str, target: AdverseEffect | None = None) -> Review:
    """The review with `item` unanswered; an entry holding a note keeps it, with no answer."""
    old = find_answer(review, checklist, item, target)
    if old is None:
        return review
    entry = old.model_copy(update={"answer": None}) if old.note else None
    return _put(review, checklist, item, target, entry)


def without_assessment(review: Review, checklist: str, target: AdverseEffect) -> Review:
    """The review without any entry of one per-effect assessment (every item, notes included)."""
    kept = [e for e in review.checklist if not _matches(e, checklist, None, target)]
    return review.model_copy(update={"checklist": kept})
