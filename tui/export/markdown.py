"""Review notes as a Markdown document a reviewer can send as it is.

Every string from the case or the review is escaped for CommonMark: punctuation that
could open emphasis, a link, a code span, raw HTML or a table cell is backslash-escaped,
and characters that would start a heading, list, quote or code block at the start of a
line are escaped too. A reviewer's `<script>` or `[x](javascript:...)` therefore
renders as the characters they typed and never as structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tui.clinical.rows import MEDICATION_COLUMNS, PAIN_COLUMNS, medication_cells, pain_cells
from tui.export.notes import NumberedNote, ReviewNotes, format_time, pain_change_cells
from tui.model.places import KIND_BY_NAME
from tui.model.review import ANNOTATION_KINDS
from tui.safe_text import sanitize_line, sanitize_text

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
"""Emphasis, code spans, links and images (a `[` is needed for both), raw HTML, entities, cells."""
_LINE_START_SPECIAL = re.compile(r"^(#|[-+=](?=[\s=-]|$))")
"""Headings, list items, setext underlines and thematic breaks open only at the start of a line."""
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_HORIZONTAL_SPACE = re.compile(r"[ \t]+")
_ANY_SPACE = re.compile(r"\s+")


def inline(text: str) -> str:
    """Untrusted text as one line of literal Markdown (headings, list items, table cells)."""
    return _escape_line(sanitize_line(_ANY_SPACE.sub(" ", text)))


def _escape_line(line: str) -> str:
    escaped = _INLINE_SPECIAL.sub(r"\\\1", line.strip())
    escaped = _LINE_START_SPECIAL.sub(r"\\\1", escaped)
    return _ORDERED_LIST_START.sub(r"\1\\\2", escaped)


def block(text: str, prefix: str = "") -> list[str]:
    """Untrusted multi-line text as literal Markdown lines: line breaks kept, blank lines part paragraphs."""
    lines: list[str] = []
    for raw in sanitize_text(text).replace("\r\n", "\n").split("\n"):
        line = _escape_line(_HORIZONTAL_SPACE.sub(" ", raw))
        lines.append(line)
    # A hard break (backslash at the end) keeps the writer's line breaks inside a paragraph.
    for index in range(len(lines) - 1):
        if lines[index] and lines[index + 1]:
            lines[index] += "\\"
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return [f"{prefix}{line}".rstrip() for line in lines]


def table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], align_right: frozenset[int] = frozenset()
) -> list[str]:
    """A GFM table; every cell is escaped, so a `|` in the text cannot add a column."""
    lines = [
        "| " + " | ".join(inline(h) for h in headers) + " |",
        "|" + "|".join("---:" if i in align_right else "---" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(inline(cell) for cell in row) + " |" for row in rows]
    return lines


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
        lines += [
            f"{len(notes.notes)} notes: {text_notes} on the text, {row_notes} on table rows and events, "
            f"{orphans} orphaned.",
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
    completion = notes.checklist_completion()
    if completion:
        answered = "; ".join(f"{name}: {count} items answered" for name, count in completion.items())
        lines += [f"Checklists: {inline(answered)}.", ""]
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
        lines += _note(note, with_quote=False)
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


def _checklist(notes: ReviewNotes) -> list[str]:
    answers = notes.checklist
    if not answers:
        return []
    rows = [(a.checklist, a.item, a.answer, a.note) for a in answers]
    return ["## Checklist answers", "", *table(("Checklist", "Item", "Answer", "Note"), rows), ""]


def render_markdown(notes: ReviewNotes) -> str:
    """The whole document; sections with nothing to say are left out."""
    lines = [
        *_header(notes),
        *_summary(notes),
        *_medications(notes),
        *_pain(notes),
        *_notes_on_text(notes),
        *_notes_on_rows(notes),
        *_checklist(notes),
        *_orphans(notes),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
