"""The appraisal part of the Markdown document: one table per checklist (per assessment for Naranjo).

Each table lists every item of the checklist with its question, the answer (empty while
unanswered, so what is missing shows) and the note; above it the progress, and for a scored
checklist the total and its band; below it the overall decision. A checklist this run does not
know is listed with its answers as recorded.
"""

from __future__ import annotations

from tui.appraisal.summary import Assessment, ChecklistSummary
from tui.export.markdown_text import block, inline, table
from tui.export.notes import ReviewNotes


def _facts(assessment: Assessment) -> list[str]:
    facts: list[str] = []
    if assessment.progress is not None:
        facts.append(f"Progress: {assessment.progress.describe()}.")
    else:
        facts.append("The checklist is not known here: its answers are listed as recorded, without its questions.")
    if assessment.score is not None:
        band = f" ({inline(assessment.score.band.label.lower())})" if assessment.score.band is not None else ""
        facts.append(f"**Total: {assessment.score.total}**{band}.")
    return facts


def _assessment(notes: ReviewNotes, summary: ChecklistSummary, assessment: Assessment) -> list[str]:
    lines: list[str] = []
    if assessment.target_label:
        lines += [f"#### {inline(summary.short_name)}: {inline(assessment.target_label)}", ""]
    lines += [" ".join(_facts(assessment)), ""]
    scored = assessment.score is not None
    headers = ("Item", "Question", "Answer", *(("Points",) if scored else ()), "Note", "Notes")
    rows = []
    for row in assessment.rows:
        question = ": ".join(part for part in (row.title, row.text) if part)
        cells = [row.item, question, row.answer_label]
        if scored:
            cells.append(row.points_text)
        numbers = ", ".join(f"#{n.number}" for n in notes.on_item(row.place_id))
        rows.append((*cells, row.note, numbers))
    lines += [*table(headers, rows), ""]
    overall = assessment.overall
    if overall is not None:
        decision = inline(overall.answer_label) if overall.answer is not None else "*not decided yet*"
        lines += [f"**{inline(overall.title)}:** {decision}", ""]
        if overall.note:
            lines += [*block(overall.note), ""]
    return lines


def appraisal_section(notes: ReviewNotes) -> list[str]:
    """`## Appraisal` and a part per checklist; nothing when no checklist has been answered.

    The last column numbers the notes on each item, as the medication table does for its rows.
    """
    if not notes.appraisal:
        return []
    lines = ["## Appraisal", ""]
    for summary in notes.appraisal:
        lines += [f"### {inline(summary.name)}", ""]
        for assessment in summary.assessments:
            lines += _assessment(notes, summary, assessment)
    return lines
