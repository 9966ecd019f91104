"""What the compare screen shows of an aligned place: one cell a reviewer, a decision cell, the detail lines.

Everything here comes from review files (names, notes, answers), so every string goes
through the sanitiser into a `Text`; nothing is ever read as markup. Styles are handed in
by the widget (from the stylesheet), so this module only chooses which part is which.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from tui.agreement.alignment import AlignedPlace, AtPlace
from tui.model.case import CaseRecord
from tui.model.provenance import Decision
from tui.safe_text import sanitize_line, sanitize_text

EMPTY = "—"


def place_label(case: CaseRecord, place: AlignedPlace) -> str:
    """The place's name; a stretch of text adds its words, so two places in one section read apart."""
    where = place.place
    section = case.section(where.target_id) if where.is_text_span else None
    if section is None or where.start is None or where.end is None:
        return sanitize_line(place.label)
    words = " ".join(section.text[where.start : where.end].split())
    return sanitize_line(f"{place.label}: “{words}”")


def entry_summary(entry: AtPlace) -> str:
    """One line: the answer, then each note's kind and first words (`partly · concern: dose unclear`)."""
    parts: list[str] = []
    if entry.answers:
        parts.append(" / ".join(a.answer or "(note only)" for a in entry.answers))
    for note in entry.notes:
        words = " ".join(note.body.split())
        parts.append(f"{note.kind}: {words}" if words else note.kind)
    return sanitize_line(" · ".join(parts)) if parts else EMPTY


def decision_summary(decision: Decision | None) -> str:
    """How the consensus decided this place, in a few words; empty when undecided."""
    if decision is None:
        return ""
    if decision.decision == "agreed":
        return "✓ agreed"
    if decision.decision == "chosen":
        return sanitize_line("✓ " + (", ".join(decision.chosen) or "—"))
    return sanitize_line(f"✎ {decision.answer}" if decision.answer else "✎ edited")


def row_cells(
    case: CaseRecord, place: AlignedPlace, decision: Decision | None, disagree: Style, decided: Style
) -> list[Text]:
    """The row of one place: a mark, the place, each reviewer's entry, the consensus decision."""
    style = disagree if place.disagree else Style()
    mark = Text("≠" if place.disagree else " ", style=style)
    cells = [mark, Text(place_label(case, place), style=style)]
    for entry in place.by_reviewer:
        differs = place.disagree and (entry.empty or place.answers_disagree or place.notes_disagree)
        cells.append(Text(entry_summary(entry), style=disagree if differs else Style()))
    cells.append(Text(decision_summary(decision), style=decided))
    return cells


def detail_text(case: CaseRecord, place: AlignedPlace, decision: Decision | None, numbers: Sequence[str]) -> Text:
    """The place in full: why the reviewers disagree, then each reviewer's answer notes and notes whole.

    `numbers` are the keys that take each reviewer's entry (`1`, `2`, ...), shown beside their names.
    """
    text = Text()
    text.append(place_label(case, place), style="bold")
    if place.disagree:
        text.append("  disagree: " + ", ".join(place.reasons))
    else:
        text.append("  agreed")
    if decision is not None:
        text.append("  · consensus: " + decision_summary(decision) + f" by {sanitize_line(decision.decided_by)}")
    for key, entry in zip(numbers, place.by_reviewer, strict=False):
        text.append(f"\n[{key}] ", style="bold")
        text.append(sanitize_line(entry.reviewer), style="bold")
        text.append(": ")
        if entry.empty:
            text.append("nothing here")
        for answer in entry.answers:
            text.append(sanitize_line(f"answer {answer.answer or '(none)'}"))
            if answer.note.strip():
                text.append(" — " + sanitize_text(answer.note.strip()))
        for note in entry.notes:
            text.append("\n    " + sanitize_line(note.kind) + ": ")
            text.append(sanitize_text(note.body.strip()) or "(no words)")
    return text
