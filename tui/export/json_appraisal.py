"""The appraisal as plain data for the JSON export: what a synthesis script reads back.

Answers themselves are in `review.checklist` as the review file holds them; this adds what is
derived from the checklists' definitions, so a reader needs no copy of them: each checklist's
title and version, and per assessment the progress against its item count, the total and band
of a scored checklist, and the overall decision.
"""

from __future__ import annotations

from typing import Any

from tui.appraisal.summary import Assessment, ChecklistSummary


def _assessment(assessment: Assessment) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if assessment.target is not None:
        data |= {
            "medication": assessment.target.medication,
            "effect": assessment.target.effect,
            "label": assessment.target_label,
        }
    answered = sum(1 for row in assessment.rows if row.answer is not None)
    data["answered"] = assessment.progress.answered if assessment.progress is not None else answered
    data["items"] = assessment.progress.total if assessment.progress is not None else None
    if assessment.score is not None:
        band = assessment.score.band
        data |= {"total": assessment.score.total, "band": band.id if band is not None else None}
    if assessment.overall is not None:
        data["overall"] = assessment.overall.answer
    return data


def appraisal_document(summary: ChecklistSummary) -> dict[str, Any]:
    """One checklist's part of the `appraisal` list."""
    definition = summary.definition
    return {
        "checklist": summary.checklist,
        "known": definition is not None,
        "title": definition.title if definition is not None else None,
        "version": definition.version if definition is not None else None,
        "assessments": [_assessment(assessment) for assessment in summary.assessments],
    }
