"""Review notes as a Markdown document a reviewer can send as it is.

Every string from the case or the review is escaped for CommonMark: punctuation that
could open emphasis, a link, a code span, raw HTML or a table cell is backslash-escaped,
and characters that would start a heading, list, quote or code block at the start of a
line are escaped too. A reviewer's `<script>` or `[x](javascript:...)` therefore
renders as the characters they typed and never as structure.
"""

from __future__ import annotations

from tui.clinical.rows import MEDICATION_COLUMNS, PAIN_COLUMNS, medication_cells, pain_cells
from tui.export.markdown_appraisal import appraisal_section
from tui.export.markdown_text import block, inline, table
from tui.export.notes import NumberedNote, ReviewNotes, format_time, pain_change_cells
from tui.model.places import KIND_BY_NAME
from tui.model.review import ANNOTATION_KINDS


def _note_numbers(notes: list[NumberedNote]) -> str:
    return ", ".join(f"#{n.number}" for n in notes)


def _header(notes: ReviewNotes) -> list[str]:
    case, source = notes.case, notes.case.source
    lines = [f"# Review of {inline(case.title)}", ""]
    source_parts = [inline(part) for part in (source.citation,) if part]
    if source.doi:
        source_parts.append(f"DOI {inline(source.doi)}")
    if source.url:
        source_parts.append(inline(source.url))
    source_parts.append(f"case file {inline(case.id)}")
    lines += [
        f"- **Source:** {' · '.join(source_parts)}",
        f"- **Patient:** {inline(case.patient.summary)}",
        f"- **Reviewer:** {inline(notes.reviewer) if notes.reviewer else 'no review yet (the case alone)'}",
        f"- **Date:** {inline(format_time(notes.date))}",
        *(["- **Review:** marked complete by the reviewer"] if notes.complete else []),
        "",
    ]
    if notes.case_changed:
        lines += [
            "> The case file has changed since this review was written: notes were found again by their "
            "quoted words, and those that could not be are listed under *Orphaned notes*.",
            "",
        ]
    return lines


def _summary(notes: ReviewNotes) -> list[str]:
    lines = ["## Summary", ""]
    if not notes.notes:
        lines += ["No notes yet.", ""]
    else:
        counts = notes.counts_by_kind_and_status()
        text_notes, row_notes, orphans = len(notes.on_sections()), len(notes.on_rows()), len(notes.orphans())
        moved = len(notes.moved())
        lines += [
            f"{len(notes.notes)} notes: {text_notes} on the text, {row_notes} on table rows and events, "
            f"{orphans} orphaned" + (f", {moved} moved (their words were edited in the case)." if moved else "."),
            "",
        ]
        rows: list[tuple[str, str, str, str]] = [
            (
                kind,
                str(counts[(kind, "open")]),
                str(counts[(kind, "resolved")]),
                str(counts[(kind, "open")] + counts[(kind, "resolved")]),
            )
            for kind in ANNOTATION_KINDS
        ]
        total_open = sum(v for (_k, status), v in counts.items() if status == "open")
        total_resolved = sum(v for (_k, status), v in counts.items() if status == "resolved")
        rows.append(("all", str(total_open), str(total_resolved), str(total_open + total_resolved)))
        lines += [*table(("Kind", "Open", "Resolved", "All"), rows, frozenset({1, 2, 3})), ""]
    progress = notes.checklist_progress()
    if progress:
        lines += ["Checklists:", "", *(f"- {inline(line)}" for line in progress), ""]
    else:
        lines += ["Checklists: none answered yet.", ""]
    return lines


def _medications(notes: ReviewNotes) -> list[str]:
    if not notes.case.medications:
        return []
    rows = [
        (*medication_cells(notes.case, m).values(), _note_numbers(notes.on_row("medication", m.id)))
        for m in notes.case.medications
    ]
    headers = (*MEDICATION_COLUMNS, "Notes")
    return ["## Medications", "", *table(headers, rows), ""]


def _pain(notes: ReviewNotes) -> list[str]:
    if not notes.case.pain_scores:
        return []
    headers = (*PAIN_COLUMNS, "Notes")
    rows = [
        (*pain_cells(notes.case, score).values(), _note_numbers(notes.on_row("pain_score", score.id)))
        for score in notes.case.pain_scores
    ]
    lines = ["## Pain scores", "", *table(headers, rows), ""]
    if notes.pain:
        change_rows = [list(pain_change_cells(change).values()) for change in notes.pain]
        lines += [
            "### Change from baseline",
            "",
            *table(tuple(pain_change_cells(notes.pain[0]).keys()), change_rows),
            "",
            "Thresholds as in pain trials (IMMPACT): a reduction of 30% or more is moderate, 50% or more "
            "substantial. Scores given only in words are quoted, never turned into numbers.",
            "",
        ]
    return lines


def _note(note: NumberedNote, *, with_quote: bool) -> list[str]:
    annotation = note.annotation
    facts = [f"**{note.number}. {annotation.kind.capitalize()}**", annotation.status]
    if annotation.tags:
        facts.append("tags: " + ", ".join(inline(tag) for tag in annotation.tags))
    facts.append(f"{inline(annotation.author)}, {inline(format_time(annotation.created))}")
    if annotation.updated != annotation.created:
        facts.append(f"edited {inline(format_time(annotation.updated))}")
    lines = [" · ".join(facts), ""]
    if with_quote and annotation.quote:
        lines += [*block(annotation.quote, prefix="> "), ""]
    if with_quote and note.new_words is not None:
        lines += ["*Moved: the case's words here were edited; it now reads:*", ""]
        lines += [*block(note.new_words, prefix="> "), ""]
    elif annotation.target == "section" and annotation.start is None:
        lines += ["*On the whole section.*", ""]
    body = block(annotation.body)
    lines += [*body, ""] if body else ["*(no text)*", ""]
    return lines


def _notes_on_text(notes: ReviewNotes) -> list[str]:
    on_text = notes.on_sections()
    if not on_text:
        return []
    lines = ["## Notes on the text", ""]
    for section in notes.case.sections:
        here = notes.on_section(section.id)
        if here:
            lines += [f"### {inline(notes.case.section_path(section.id))}", ""]
            for note in here:
                lines += _note(note, with_quote=True)
    return lines


def _notes_on_rows(notes: ReviewNotes) -> list[str]:
    on_rows = notes.on_rows()
    if not on_rows:
        return []
    lines = ["## Notes on medications, pain scores and events", ""]
    heading = None
    for note in on_rows:
        this_heading = f"### {KIND_BY_NAME[note.annotation.target].title}: {inline(note.place)}"
        if this_heading != heading:
            heading = this_heading
            lines += [heading, ""]
        # A checklist note tied to text shows the words it ties the item to.
        lines += _note(note, with_quote=note.annotation.target == "checklist")
    return lines


def _orphans(notes: ReviewNotes) -> list[str]:
    orphans = notes.orphans()
    if not orphans:
        return []
    lines = [
        "## Orphaned notes",
        "",
        "Their place is no longer in this version of the case; they are kept as they were written.",
        "",
    ]
    for note in orphans:
        where = f"{note.annotation.target.replace('_', ' ')} {note.annotation.target_id}"
        lines += [f"### Was on {inline(where)}", ""]
        lines += _note(note, with_quote=True)
    return lines


def render_markdown(notes: ReviewNotes) -> str:
    """The whole document; sections with nothing to say are left out."""
    lines = [
        *_header(notes),
        *_summary(notes),
        *_medications(notes),
        *_pain(notes),
        *_notes_on_text(notes),
        *_notes_on_rows(notes),
        *appraisal_section(notes),
        *_orphans(notes),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
