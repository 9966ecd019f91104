"""Naranjo totals and bands, worked by hand: the published points, and the seed case as a reviewer answers it.

Published points per question (yes / no / do not know):
 1 earlier conclusive reports        +1 /  0 / 0
 2 event after the drug              +2 / -1 / 0
 3 better on withdrawal/antagonist   +1 /  0 / 0
 4 back on re-exposure               +2 / -1 / 0
 5 other causes could explain it     -1 / +2 / 0
 6 back on placebo                   -1 / +1 / 0
 7 toxic concentration               +1 /  0 / 0
 8 dose related                      +1 /  0 / 0
 9 similar reaction before           +1 /  0 / 0
10 objective evidence                +1 /  0 / 0
Bands: definite >= 9, probable 5-8, possible 1-4, doubtful <= 0.
"""

from __future__ import annotations

import pytest

from tui.appraisal import progress, score, score_answers
from tui.model.checklist import ChecklistDefinition
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.model.review import AdverseEffect, new_review
from tui.model.review_session import ReviewSession

YES, NO, DK = "yes", "no", "dont_know"


@pytest.fixture
def naranjo(bundled_checklists: ChecklistCatalogue) -> ChecklistDefinition:
    definition = bundled_checklists.get("naranjo-1981")
    assert definition is not None
    return definition


def _answers(*answers: str) -> dict[str, str]:
    return {str(number): answer for number, answer in enumerate(answers, start=1)}


def test_published_points_per_question(naranjo: ChecklistDefinition) -> None:
    points = {item.id: (item.scores[YES], item.scores[NO], item.scores[DK]) for item in naranjo.items}
    assert points == {
        "1": (1, 0, 0),
        "2": (2, -1, 0),
        "3": (1, 0, 0),
        "4": (2, -1, 0),
        "5": (-1, 2, 0),
        "6": (-1, 1, 0),
        "7": (1, 0, 0),
        "8": (1, 0, 0),
        "9": (1, 0, 0),
        "10": (1, 0, 0),
    }


def test_worked_example_withdrawal_and_rechallenge(naranjo: ChecklistDefinition) -> None:
    """A reaction that followed the drug, eased when it was stopped and came back when it was given again,
    with no other cause and nothing else known: the scale's textbook "probable" case."""
    result = score_answers(naranjo, _answers(YES, YES, YES, YES, NO, DK, DK, DK, DK, NO))
    # +1 (1) +2 (2) +1 (3) +2 (4) +2 (5, no other cause) +0 (6-9 do not know) +0 (10 no) = 8
    assert result.total == 8
    assert result.band is not None and result.band.id == "probable"
    assert result.complete


def test_worked_example_with_objective_evidence_is_definite(naranjo: ChecklistDefinition) -> None:
    # As above, and the reaction was confirmed objectively: 8 + 1 (10) = 9, the lowest "definite".
    result = score_answers(naranjo, _answers(YES, YES, YES, YES, NO, DK, DK, DK, DK, YES))
    assert (result.total, result.band.id if result.band else None) == (9, "definite")


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        # Every answer pointing at the drug: 1+2+1+2+2+1+1+1+1+1 = 13.
        ((YES, YES, YES, YES, NO, NO, YES, YES, YES, YES), 13, "definite"),
        # Every answer pointing away from it: 0-1+0-1-1-1+0+0+0+0 = -4.
        ((NO, NO, NO, NO, YES, YES, NO, NO, NO, NO), -4, "doubtful"),
        # Nothing known: 0.
        ((DK,) * 10, 0, "doubtful"),
        # Only "the event followed the drug" (+2) and "no other cause" (+2): 4, the top of "possible".
        ((DK, YES, DK, DK, NO, DK, DK, DK, DK, DK), 4, "possible"),
        # ... and earlier conclusive reports (+1): 5, the bottom of "probable".
        ((YES, YES, DK, DK, NO, DK, DK, DK, DK, DK), 5, "probable"),
        # Only earlier reports (+1): 1, the bottom of "possible".
        ((YES, DK, DK, DK, DK, DK, DK, DK, DK, DK), 1, "possible"),
    ],
)
def test_totals_and_bands_at_their_edges(
    naranjo: ChecklistDefinition, answers: tuple[str, ...], total: int, band: str
) -> None:
    result = score_answers(naranjo, _answers(*answers))
    assert result.total == total
    assert result.band is not None and result.band.id == band


# The seed case (clonazepam 0.5 mg/day for pain in multiple myeloma): "The adverse effects of clonazepam,
# such as drowsiness and dizziness, were tolerable." A reviewer answers each effect from the report:
SEED_DROWSINESS = {
    "1": YES,  # drowsiness is a well-documented effect of clonazepam            +1
    "2": YES,  # reported as an effect of clonazepam, once it had been started     +2
    "3": DK,  # the report does not say whether it eased when clonazepam stopped    0
    "4": DK,  # clonazepam was not given again                                      0
    "5": YES,  # fentanyl 700 μg/day by PCA ran alongside and can cause it on its own  -1
    "6": DK,  # no placebo                                                          0
    "7": DK,  # no drug level measured                                              0
    "8": DK,  # the dose never changed                                              0
    "9": DK,  # no earlier exposure reported                                        0
    "10": NO,  # no objective measure of drowsiness                                 0
}
# Total: 1 + 2 + 0 + 0 - 1 + 0 + 0 + 0 + 0 + 0 = 2, "possible".
SEED_DIZZINESS = {
    **SEED_DROWSINESS,
    "5": YES,  # anaemia, fentanyl and presyncope before clonazepam could each cause it  -1
}
# Total: 1 + 2 + 0 + 0 - 1 + 0 + 0 + 0 + 0 + 0 = 2, "possible".


def test_seed_case_clonazepam_drowsiness_and_dizziness(naranjo: ChecklistDefinition) -> None:
    session = ReviewSession(new_review("clonazepam-vcf-myeloma", "0" * 64, "Ana"))
    drowsiness = AdverseEffect("clonazepam", "drowsiness")
    dizziness = AdverseEffect("clonazepam", "dizziness")
    for item, answer in SEED_DROWSINESS.items():
        session.answer(naranjo, item, answer, drowsiness)
    for item, answer in SEED_DIZZINESS.items():
        session.answer(naranjo, item, answer, dizziness)
    for target in (drowsiness, dizziness):
        result = score(naranjo, session.review, target)
        assert result is not None
        assert result.total == 2
        assert result.band is not None and result.band.id == "possible"
        assert result.describe() == "total 2, possible"
        assert progress(naranjo, session.review, target).done
    # Two assessments side by side in one review, twenty answers in all.
    assert len(session.review.checklist) == 20


def test_the_running_total_counts_only_what_is_answered(naranjo: ChecklistDefinition) -> None:
    session = ReviewSession(new_review("clonazepam-vcf-myeloma", "0" * 64, "Ana"))
    target = AdverseEffect("clonazepam", "drowsiness")
    session.answer(naranjo, "2", YES, target)  # +2
    session.answer(naranjo, "5", YES, target)  # -1
    running = score(naranjo, session.review, target)
    assert running is not None
    assert (running.total, running.answered, running.complete) == (1, 2, False)
    assert running.band is not None and running.band.id == "possible"
    assert running.describe() == "total 1, possible, 2 of 10 items answered"
    # Another effect's answers never leak into this one's total.
    session.answer(naranjo, "1", YES, AdverseEffect("clonazepam", "dizziness"))
    again = score(naranjo, session.review, target)
    assert again is not None and again.total == 1
