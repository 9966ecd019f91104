"""Review notes as CSV: one row per note, then one per checklist answer, for a spreadsheet or an
evidence-synthesis table.

The `record` column says which a row is: `note`, `answer` (one checklist item as answered, its
note in `body`), or `score` (a scored checklist's total, its band in `answer`, for Naranjo one
row per assessment). The columns `checklist` to `effect` are filled for answers and scores, and
for notes on checklist items; `section` names the section a text span lies in (a text note's, or a
checklist note's tied to text). The first columns keep their place for older spreadsheets.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
by spreadsheet programs, so a hostile case or note could run one when the file is opened.
Such cells get a leading apostrophe (the usual guard against CSV injection); everything else
is written as it is, control characters made visible, line breaks kept inside quoted cells.
"""

from __future__ import annotations

import csv
import io

from tui.export.notes import ReviewNotes
from tui.model.checklist_catalogue import parse_item_place
from tui.safe_text import sanitize_text

COLUMNS = (
    "number",
    "target",
    "target_id",
    "place",
    "orphan",
    "start",
    "end",
    "quote",
    "kind",
    "status",
    "tags",
    "body",
    "author",
    "created",
    "updated",
    "id",
    "record",
    "checklist",
    "version",
    "item",
    "answer",
    "points",
    "medication",
    "effect",
    "section",
    "now_reads",
)
"""`now_reads`, last so older readers of the file keep their columns: a moved note's words in the case now."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text and never evaluates."""
    safe = sanitize_text(value)
    return "'" + safe if safe.startswith(_FORMULA_STARTS) else safe


def render_csv(notes: ReviewNotes) -> str:
    """A header row, the notes in reading order (orphans last), then the answers checklist by checklist."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for note in notes.notes:
        a = note.annotation
        writer.writerow(
            [
                note.number,
                a.target,
                cell(a.target_id),
                cell(note.place),
                "yes" if note.orphan else "no",
                "" if a.start is None else a.start,
                "" if a.end is None else a.end,
                cell(a.quote or ""),
                a.kind,
                a.status,
                cell(" ".join(a.tags)),
                cell(a.body),
                cell(a.author),
                a.created.isoformat(),
                a.updated.isoformat(),
                a.id,
                "note",
                *_item_of_note(notes, a.target, a.target_id),
                a.text_section or "",
                cell(note.new_words or ""),
            ]
        )
    writer.writerows(answer_rows(notes))
    return out.getvalue()


def _item_of_note(notes: ReviewNotes, target: str, target_id: str) -> list[str]:
    place = parse_item_place(target_id, notes.checklists) if target == "checklist" else None
    if place is None:
        return [""] * 7
    return [place.checklist, "", place.item, "", "", place.medication or "", cell(place.effect or "")]


def answer_rows(notes: ReviewNotes) -> list[list[object]]:
    """One row per answered (or annotated) item, each checklist's score rows after its answers."""
    author = cell(notes.reviewer or "")
    rows: list[list[object]] = []
    for summary in notes.appraisal:
        for assessment in summary.assessments:
            target = assessment.target
            medication, effect = (target.medication, cell(target.effect)) if target else ("", "")
            entries = [*assessment.rows, *([assessment.overall] if assessment.overall else [])]
            for row in entries:
                if row.answer is None and not row.note:
                    continue
                place = f"{summary.short_name} {row.item}" + (f": {row.title}" if row.title else "")
                if assessment.target_label:
                    place += f" ({assessment.target_label})"
                points = "" if row.points is None else row.points
                tail = [
                    summary.checklist,
                    row.version or "",
                    row.item,
                    row.answer or "",
                    points,
                    medication,
                    effect,
                    "",
                    "",
                ]
                rows.append(["", "checklist", cell(row.place_id), cell(place), "no", "", "", "", "", "", "",
                             cell(row.note), author, "", "", "", "answer", *tail])  # fmt: skip
            if assessment.score is not None:
                band = assessment.score.band.id if assessment.score.band is not None else ""
                place = f"{summary.short_name} total" + (
                    f" ({assessment.target_label})" if assessment.target_label else ""
                )
                definition_version = summary.definition.version if summary.definition else ""
                tail = [
                    summary.checklist,
                    definition_version,
                    "",
                    band,
                    assessment.score.total,
                    medication,
                    effect,
                    "",
                    "",
                ]
                rows.append(["", "checklist", "", cell(place), "no", "", "", "", "", "", "", "", author, "", "", "",
                             "score", *tail])  # fmt: skip
    return rows
