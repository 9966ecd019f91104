"""The total of a scored checklist (Naranjo) and the band that names it.

Each answered item adds the points its definition gives for the answer; an unanswered item adds
nothing, which is also what "do not know" scores on Naranjo, so a running total while answering
is never higher than the finished one would be for the same answers. The band is looked up in the
definition (Naranjo: definite 9 or more, probable 5 to 8, possible 1 to 4, doubtful 0 or less).
Checklists that are not scored (CARE, JBI, Murad) have no total: Murad in particular asks for a
judgement, recorded as the overall answer, never a sum.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.checklist import Band, ChecklistDefinition
from tui.model.checklist_answers import answers_of
from tui.model.review import AdverseEffect, Review


@dataclass(frozen=True, slots=True)
class Score:
    """A scored checklist's total, its band, and how many items the total rests on."""

    total: int
    band: Band | None
    answered: int
    items: int

    @property
    def complete(self) -> bool:
        return self.answered >= self.items

    def describe(self) -> str:
        """`total 2, possible` (with `, 7 of 10 items answered` while unfinished)."""
        band = f", {self.band.label.lower()}" if self.band is not None else ""
        rest = "" if self.complete else f", {self.answered} of {self.items} items answered"
        return f"total {self.total}{band}{rest}"


def band_for(definition: ChecklistDefinition, total: int) -> Band | None:
    """The band holding `total`; None for a checklist without bands."""
    return next((band for band in definition.bands if band.holds(total)), None)


def score_answers(definition: ChecklistDefinition, answers: dict[str, str]) -> Score:
    """The score of answers given as item id -> answer id (items the checklist lacks are ignored)."""
    total = 0
    answered = 0
    for item in definition.items:
        answer = answers.get(item.id)
        if answer is None:
            continue
        answered += 1
        total += item.scores.get(answer, 0)
    return Score(total, band_for(definition, total), answered, len(definition.items))


def score(definition: ChecklistDefinition, review: Review, target: AdverseEffect | None = None) -> Score | None:
    """The score of one assessment in `review` (Naranjo: of `target`); None when the checklist is not scored."""
    if not definition.scored:
        return None
    entries = answers_of(review, definition.id, target)
    return score_answers(definition, {item: e.answer for item, e in entries.items() if e.answer is not None})
