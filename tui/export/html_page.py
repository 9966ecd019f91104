"""Review notes as one self-contained HTML page: the case text with the notes beside it.

The page must be safe to open from an e-mail: every string that comes from the case or
the review is escaped (`_text`), the page loads nothing from anywhere (inline CSS, no
scripts, no images), and a Content-Security-Policy forbids scripts and requests even if
something unescaped ever slipped through. It prints as it reads on screen.
"""

from __future__ import annotations

import re
from datetime import datetime
from importlib import resources

from tui.clinical.rows import (
    EVENT_COLUMNS,
    MEDICATION_COLUMNS,
    PAIN_COLUMNS,
    event_cells,
    medication_cells,
    pain_cells,
)
from tui.clinical.timeline import place_events
from tui.export.html_appraisal import appraisal_section
from tui.export.html_text import escape_line as _line
from tui.export.html_text import escape_text as _text
from tui.export.html_text import table as _table
from tui.export.notes import NumberedNote, ReviewNotes, format_time, pain_change_cells
from tui.model.case import Section
from tui.model.places import KIND_BY_NAME
from tui.model.review import ANNOTATION_KINDS

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _time(moment: datetime) -> str:
    return f'<time datetime="{moment.isoformat()}">{_line(format_time(moment))}</time>'


def _stylesheet() -> str:
    return resources.files("tui.export").joinpath("review.css").read_text(encoding="utf-8")


def _paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph of a section's text, blank lines being the breaks."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((position, match.start()))
        position = match.end()
    ranges.append((position, len(text)))
    return [(start, end) for start, end in ranges if text[start:end].strip()]


def _note_ref(note: NumberedNote) -> str:
    return f'<sup class="ref"><a href="#{note.anchor}">{note.number}</a></sup>'


def _marked_paragraph(text: str, start: int, end: int, covering: list[NumberedNote], refs: list[NumberedNote]) -> str:
    """One paragraph with each annotated span in a `<mark>` and the numbered references of `refs`.

    Spans may overlap; the paragraph is cut at every span boundary so each piece is marked
    by all the notes covering it, and the marks never cross a paragraph's edge. A reference
    stands where its span ends, or at the paragraph's end when the span runs past it.
    """
    spans = [(max(start, n.annotation.start or 0), min(end, n.annotation.end or 0), n) for n in covering]
    ref_at = {n.number: min(max(n.annotation.end or 0, start), end) for n in refs}
    cuts = sorted({start, end, *(s for s, _e, _n in spans), *(e for _s, e, _n in spans), *ref_at.values()})
    pieces: list[str] = []
    for index, cut in enumerate(cuts):
        pieces.extend(_note_ref(n) for n in refs if ref_at[n.number] == cut)
        if index + 1 == len(cuts):
            break
        following = cuts[index + 1]
        marking = [n for s, e, n in spans if s <= cut and following <= e]
        words = _text(text[cut:following])
        if marking:
            numbers = " ".join(str(n.number) for n in marking)
            pieces.append(f'<mark class="k-{marking[0].annotation.kind}" data-notes="{numbers}">{words}</mark>')
        else:
            pieces.append(words)
    return "<p>" + "".join(pieces) + "</p>"


def _home_paragraph(ranges: list[tuple[int, int]], note: NumberedNote) -> int:
    """The paragraph whose notes list this span note: the last one its span reaches into.

    A span that ends in the blank lines between paragraphs, or past the text, still gets a home,
    so no note ever falls out of the page.
    """
    last_character = max(0, (note.annotation.end or 0) - 1)
    home = 0
    for index, (start, _end) in enumerate(ranges):
        if start <= last_character:
            home = index
    return home


def _note(note: NumberedNote, *, with_quote: bool = False, where: str | None = None) -> str:
    annotation = note.annotation
    facts = [
        f'<span class="num">{note.number}</span>',
        f'<span class="kind">{annotation.kind.capitalize()}</span>',
        f'<span class="status">{annotation.status}</span>',
    ]
    if annotation.tags:
        facts.append(
            '<span class="tags">'
            + " ".join(f'<span class="tag">{_line(t)}</span>' for t in annotation.tags)
            + "</span>"
        )
    edited = f", edited {_time(annotation.updated)}" if annotation.updated != annotation.created else ""
    facts.append(f'<span class="by">{_line(annotation.author)}, {_time(annotation.created)}{edited}</span>')
    parts = [
        f'<article class="note k-{annotation.kind} s-{annotation.status}" id="{note.anchor}">',
        "<header>" + " · ".join(facts) + "</header>",
    ]
    if where:
        parts.append(f'<p class="where">{where}</p>')
    if note.new_words is not None:
        # The highlighted text shows the words now; the note was written on the words it quotes.
        parts.append(
            '<p class="moved">Moved: the case’s words here were edited. Annotated:</p>'
            f'<blockquote class="was">{_text(annotation.quote or "")}</blockquote>'
            f'<p class="moved">It now reads:</p><blockquote class="moved">{_text(note.new_words)}</blockquote>'
        )
    elif with_quote and annotation.quote:
        parts.append(f"<blockquote>{_text(annotation.quote)}</blockquote>")
    paragraphs = [p for p in re.split(r"\n\s*\n", annotation.body.strip()) if p.strip()]
    if paragraphs:
        parts.append(
            '<div class="body">'
            + "".join("<p>" + "<br>".join(_text(line) for line in p.splitlines()) + "</p>" for p in paragraphs)
            + "</div>"
        )
    else:
        parts.append('<p class="empty">(no text)</p>')
    parts.append("</article>")
    return "".join(parts)


def _section(notes: ReviewNotes, section: Section) -> str:
    level = 4 if section.parent else 3
    here = notes.on_section(section.id)
    whole = [n for n in here if n.annotation.start is None]
    spans = [n for n in here if n.annotation.start is not None]
    parts = [
        f'<section class="case-section" id="section-{section.id}">',
        f"<h{level}>{_line(section.title)}</h{level}>",
    ]
    if whole:
        parts.append(
            '<aside class="notes whole">' + "".join(_note(n, where="On the whole section.") for n in whole) + "</aside>"
        )
    text = section.text
    ranges = _paragraph_ranges(text)
    if spans and not ranges:
        ranges = [(0, len(text))]
    homes = {n.number: _home_paragraph(ranges, n) for n in spans}
    for index, (start, end) in enumerate(ranges):
        covering = [n for n in spans if (n.annotation.start or 0) < end and (n.annotation.end or 0) > start]
        listed_here = [n for n in spans if homes[n.number] == index]
        paragraph = _marked_paragraph(text, start, end, covering, listed_here)
        if listed_here:
            parts.append(
                '<div class="with-notes">'
                + paragraph
                + '<aside class="notes">'
                + "".join(_note(n) for n in listed_here)
                + "</aside></div>"
            )
        else:
            parts.append(paragraph)
    parts.append("</section>")
    return "".join(parts)


def _links(notes: list[NumberedNote]) -> str:
    return " ".join(f'<a href="#{n.anchor}">{n.number}</a>' for n in notes)


def _row_notes(notes: ReviewNotes, kind: str) -> str:
    rows = [n for n in notes.on_rows() if n.annotation.target == kind]
    if not rows:
        return ""
    title = KIND_BY_NAME[kind].title
    return (
        '<aside class="notes rows">'
        # A checklist note tied to text shows the words it ties the item to.
        + "".join(_note(n, with_quote=kind == "checklist", where=f"{title}: {_line(n.place)}") for n in rows)
        + "</aside>"
    )


def _header(notes: ReviewNotes) -> str:
    case, source = notes.case, notes.case.source
    facts = [("Source", _line(source.citation or source.file))]
    if source.doi:
        facts.append(("DOI", _line(source.doi)))
    if source.url:
        facts.append(("URL", _line(source.url)))
    facts += [
        ("Patient", _line(case.patient.summary)),
        ("Reviewer", _line(notes.reviewer) if notes.reviewer else "no review yet (the case alone)"),
        ("Date", _line(format_time(notes.date))),
        *([("Review", "marked complete by the reviewer")] if notes.complete else []),
    ]
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    warning = ""
    if notes.case_changed:
        warning = (
            '<p class="warning">The case file has changed since this review was written: notes were found '
            "again by their quoted words, and those that could not be are listed under Orphaned notes.</p>"
        )
    return f"<header><h1>Review of {_line(case.title)}</h1><dl>{items}</dl>{warning}</header>"


def _summary(notes: ReviewNotes) -> str:
    parts = ['<section id="summary"><h2>Summary</h2>']
    if notes.notes:
        counts = notes.counts_by_kind_and_status()
        parts.append(
            f"<p>{len(notes.notes)} notes: {len(notes.on_sections())} on the text, "
            f"{len(notes.on_rows())} on table rows and events, {len(notes.orphans())} orphaned"
            + (f", {len(notes.moved())} moved (their words were edited in the case)" if notes.moved() else "")
            + ".</p>"
        )
        rows = []
        for kind in (*ANNOTATION_KINDS, "all"):
            opened = sum(v for (k, status), v in counts.items() if status == "open" and kind in (k, "all"))
            resolved = sum(v for (k, status), v in counts.items() if status == "resolved" and kind in (k, "all"))
            figures = "".join(f'<td class="number">{n}</td>' for n in (opened, resolved, opened + resolved))
            total = ' class="total"' if kind == "all" else ""
            rows.append(f"<tr{total}><td>{kind}</td>{figures}</tr>")
        parts.append(
            '<table><thead><tr><th>Kind</th><th class="number">Open</th><th class="number">Resolved</th>'
            f'<th class="number">All</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        )
    else:
        parts.append("<p>No notes yet.</p>")
    progress = notes.checklist_progress()
    if progress:
        items = "".join(f"<li>{_line(line)}</li>" for line in progress)
        parts.append(f'<p>Checklists:</p><ul class="checklists">{items}</ul></section>')
    else:
        parts.append("<p>Checklists: none answered yet.</p></section>")
    return "".join(parts)


def _tables(notes: ReviewNotes) -> str:
    case = notes.case
    parts: list[str] = []
    if case.medications:
        rows = [
            [*medication_cells(case, m).values(), _links(notes.on_row("medication", m.id))] for m in case.medications
        ]
        headers = [*MEDICATION_COLUMNS, "Notes"]
        parts.append(
            '<section id="medications"><h2>Medications</h2>'
            + _table(headers, rows, escaped_last=True)
            + _row_notes(notes, "medication")
            + "</section>"
        )
    if case.pain_scores:
        rows = [[*pain_cells(case, s).values(), _links(notes.on_row("pain_score", s.id))] for s in case.pain_scores]
        headers = [*PAIN_COLUMNS, "Notes"]
        parts.append('<section id="pain"><h2>Pain scores</h2>' + _table(headers, rows, escaped_last=True))
        if notes.pain:
            change_rows = [list(pain_change_cells(c).values()) for c in notes.pain]
            parts.append(
                "<h3>Change from baseline</h3>" + _table(list(pain_change_cells(notes.pain[0]).keys()), change_rows)
            )
            parts.append(
                '<p class="small">Thresholds as in pain trials (IMMPACT): a reduction of 30% or more is '
                "moderate, 50% or more substantial. Scores given only in words are quoted, never turned "
                "into numbers.</p>"
            )
        parts.append(_row_notes(notes, "pain_score") + "</section>")
    if case.timeline:
        # The day as the app writes it: `~` kept, a relative day with the event it counts from.
        rows = [
            [*event_cells(placed).values(), placed.event.text, _links(notes.on_row("timeline", placed.event.id))]
            for placed in place_events(case)
        ]
        parts.append(
            '<section id="timeline"><h2>Timeline</h2>'
            + _table([*EVENT_COLUMNS, "What happened", "Notes"], rows, escaped_last=True)
            + _row_notes(notes, "timeline")
            + "</section>"
        )
    parts.append(appraisal_section(notes, _row_notes(notes, "checklist")))
    return "".join(parts)


def _orphans(notes: ReviewNotes) -> str:
    orphans = notes.orphans()
    if not orphans:
        return ""
    items = "".join(
        _note(
            n,
            with_quote=True,
            where=f"Was on {_line(n.annotation.target.replace('_', ' '))} {_line(n.annotation.target_id)}",
        )
        for n in orphans
    )
    return (
        '<section id="orphans"><h2>Orphaned notes</h2><p>Their place is no longer in this version of the '
        f"case; they are kept as they were written.</p>{items}</section>"
    )


def html_document(title: str, body: str) -> str:
    """A whole page around `body` (our own markup): the stylesheet inline, the policy that forbids scripts and
    requests, nothing loaded from elsewhere. `title` is untrusted text."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="case-review">\n'
        f"<title>{_line(title)}</title>\n"
        f"<style>\n{_stylesheet()}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def render_html(notes: ReviewNotes) -> str:
    """The whole page, one file, nothing loaded from elsewhere."""
    case_text = "".join(_section(notes, section) for section in notes.case.sections)
    return html_document(
        f"Review of {notes.case.title}",
        f"{_header(notes)}\n<main>\n{_summary(notes)}\n"
        f'<section id="case-text"><h2>The case</h2>{case_text}</section>\n'
        f"{_tables(notes)}\n{_orphans(notes)}\n</main>\n",
    )
