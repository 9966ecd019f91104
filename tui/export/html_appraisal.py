"""The appraisal part of the HTML page: one table per checklist (per assessment for Naranjo).

Every item with its question, the answer (empty while unanswered, so what is missing shows),
the points on a scored checklist, the note, and links to the notes on the item; above each
table the progress, the total and its band; below it the overall decision. Every string is
escaped by `html_text`; only the tags and the note links are ours.
"""

from __future__ import annotations

from tui.appraisal.summary import Assessment, ChecklistSummary, ItemRow
from tui.export.html_text import escape_line, escape_text
from tui.export.notes import ReviewNotes


def _facts(assessment: Assessment) -> str:
    facts: list[str] = []
    if assessment.progress is not None:
        progress = assessment.progress
        facts.append(
            f'<span class="progress">{escape_line(progress.describe())}</span> '
            f'<meter min="0" max="{progress.total}" value="{progress.answered}"></meter>'
        )
    else:
        facts.append("The checklist is not known here: its answers are listed as recorded, without its questions.")
    if assessment.score is not None:
        band = assessment.score.band
        label = f" ({escape_line(band.label.lower())})" if band is not None else ""
        facts.append(f'<strong class="total">Total: {assessment.score.total}</strong>{label}')
    return '<p class="facts">' + " · ".join(facts) + "</p>"


def _cell_answer(row: ItemRow) -> str:
    if row.answer is None:
        return '<td class="answer"></td>'
    return f'<td class="answer a-{row.answer}">{escape_line(row.answer_label)}</td>'


def _note_cell(note: str) -> str:
    lines = [escape_text(line) for line in note.strip().splitlines()]
    return "<td>" + "<br>".join(lines) + "</td>"


def _rows(notes: ReviewNotes, assessment: Assessment, scored: bool) -> str:
    rows = []
    for row in assessment.rows:
        question = "<br>".join(
            part
            for part in (f"<strong>{escape_line(row.title)}</strong>" if row.title else "", escape_line(row.text))
            if part
        )
        points = ""
        if scored:
            points = f'<td class="number">{row.points_text}</td>'
        links = " ".join(f'<a href="#{n.anchor}">{n.number}</a>' for n in notes.on_item(row.place_id))
        rows.append(
            f"<tr><td>{escape_line(row.item)}</td><td>{question}</td>{_cell_answer(row)}{points}"
            f"{_note_cell(row.note)}<td>{links}</td></tr>"
        )
    return "".join(rows)


def _assessment(notes: ReviewNotes, summary: ChecklistSummary, assessment: Assessment) -> str:
    parts: list[str] = []
    if assessment.target_label:
        parts.append(f"<h4>{escape_line(summary.short_name)}: {escape_line(assessment.target_label)}</h4>")
    parts.append(_facts(assessment))
    scored = assessment.score is not None
    points = '<th class="number">Points</th>' if scored else ""
    parts.append(
        '<table class="appraisal"><thead><tr><th>Item</th><th>Question</th><th>Answer</th>'
        f"{points}<th>Note</th><th>Notes</th></tr></thead><tbody>{_rows(notes, assessment, scored)}</tbody></table>"
    )
    overall = assessment.overall
    if overall is not None:
        decision = escape_line(overall.answer_label) if overall.answer is not None else "<em>not decided yet</em>"
        parts.append(f'<p class="overall"><strong>{escape_line(overall.title)}:</strong> {decision}</p>')
        if overall.note:
            parts.append(f'<p class="overall-note">{escape_text(overall.note)}</p>')
    return "".join(parts)


def appraisal_section(notes: ReviewNotes, checklist_notes: str) -> str:
    """`<section id="checklist">`, a part per checklist, then the notes on items (`checklist_notes`,
    our own markup); nothing when there is neither."""
    if not notes.appraisal and not checklist_notes:
        return ""
    parts = ['<section id="checklist"><h2>Appraisal</h2>']
    for summary in notes.appraisal:
        parts.append(f"<h3>{escape_line(summary.name)}</h3>")
        parts += [_assessment(notes, summary, assessment) for assessment in summary.assessments]
    parts.append(checklist_notes + "</section>")
    return "".join(parts)
