"""How far a checklist has been answered: what the pane's progress bar and every export report.

Progress counts the checklist's items that hold an answer (a note alone is not an answer), out of
all its items; the overall decision is reported beside it, not counted in it, since a reviewer
takes it after the items. For a checklist answered per adverse effect it is counted for one
assessment at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.checklist import OVERALL_ITEM, ChecklistDefinition
from tui.model.checklist_answers import answers_of
from tui.model.review import AdverseEffect, Review


@dataclass(frozen=True, slots=True)
class Progress:
    """`answered` of `total` items; `overall` is the overall decision's answer id, if taken."""

    answered: int
    total: int
    overall: str | None = None

    @property
    def fraction(self) -> float:
        """From 0 to 1, for a progress bar; an empty checklist counts as done."""
        return self.answered / self.total if self.total else 1.0

    @property
    def done(self) -> bool:
        return self.answered >= self.total

    def describe(self) -> str:
        """`12 of 30 items answered`."""
        return f"{self.answered} of {self.total} items answered"


def progress(definition: ChecklistDefinition, review: Review, target: AdverseEffect | None = None) -> Progress:
    """How much of `definition` the review has answered (for the assessment of `target`, for Naranjo)."""
    entries = answers_of(review, definition.id, target)
    items = {item.id for item in definition.items}
    answered = sum(1 for item_id, entry in entries.items() if item_id in items and entry.answer is not None)
    overall = entries.get(OVERALL_ITEM)
    return Progress(answered, len(items), overall.answer if overall is not None else None)
