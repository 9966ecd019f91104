"""Which checklist answers are "the same item", and what an answer's category is: defined once, here.

Agreement compares answers item by item, the alignment puts them side by side, the
consensus replaces one by its key, and the exports name them; all of them ask these
functions, so when an answer gains key fields (the Naranjo scale names a medication row
and an adverse effect) or new answer values ("dont_know"), only this module changes.
Categories stay plain strings: nothing downstream enumerates them.
"""

from __future__ import annotations

from tui.model.review import ChecklistAnswer

AnswerKey = tuple[str, ...]
"""(checklist, item, ...target): what makes two reviewers' answers answers to the same question."""

ORDERED_SCALE: tuple[str, ...] = ("no", "partly", "yes")
"""The answers that lie on one scale, lowest first: weighted kappa weighs distances along it.
"unclear" and "na" are not on it (they are not "between" anything), so weighted kappa
leaves out items answered that way."""


def answer_key(answer: ChecklistAnswer) -> AnswerKey:
    """The item an answer answers. Add a target's fields here when answers carry them."""
    return (answer.checklist, answer.item)


def answer_category(answer: ChecklistAnswer) -> str:
    """The answer as a category for agreement statistics: the answer's own word."""
    return str(answer.answer)


def answer_scale(checklist: str) -> tuple[str, ...] | None:
    """The ordered answers of a checklist, or None when its answers have no order."""
    del checklist  # every checklist so far shares one scale; definitions will say otherwise
    return ORDERED_SCALE


def checklist_of(key: AnswerKey) -> str:
    return key[0]


def place_id(key: AnswerKey) -> str:
    """The place id of an item, as notes on a checklist item name it (`care-2013-5d`)."""
    return "-".join(key)


def item_order(item: str) -> tuple[int, str]:
    """Items in their published order: `2` before `3a` before `10`."""
    digits = ""
    for character in item:
        if not character.isdigit():
            break
        digits += character
    return (int(digits) if digits else 1_000, item[len(digits) :])


def place_order(target_id: str) -> tuple[str, int, str]:
    """A checklist place (`care-2013-5d`) in reading order: by checklist, then item number."""
    checklist, _, item = target_id.rpartition("-")
    return (checklist, *item_order(item))


def describe_key(key: AnswerKey) -> str:
    """An item in a few words: `care-2013 item 5d`."""
    return f"{key[0]} item {' '.join(key[1:])}"
