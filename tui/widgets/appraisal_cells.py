"""How the Appraisal pane draws a row and the highlighted row whole: cells, progress bars, the detail.

Everything read from a checklist file or a review (titles, answer labels, notes) is untrusted
and goes through `plain()`/`plain_line()`. Colours come from the table's component classes in
the stylesheet, handed in as `RowStyles`, so this module names no colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from tui.appraisal import Hint, progress, score, target_label
from tui.appraisal.outline import OutlineRow
from tui.model import CaseRecord
from tui.model.checklist import ChecklistDefinition
from tui.model.checklist_answers import find_answer
from tui.model.review import Review
from tui.widgets.plain import plain, plain_line

BAR_CELLS = 8


@dataclass(frozen=True, slots=True)
class RowStyles:
    """The table's component styles (see `AppraisalTable.COMPONENT_CLASSES`)."""

    heading: Style = field(default_factory=Style)
    domain: Style = field(default_factory=Style)
    answer: Style = field(default_factory=Style)
    hint: Style = field(default_factory=Style)
    done: Style = field(default_factory=Style)
    todo: Style = field(default_factory=Style)


def progress_bar(fraction: float, styles: RowStyles, cells: int = BAR_CELLS) -> Text:
    """`▰▰▰▱▱▱▱▱`: the part answered, then the part left."""
    done = max(0, min(cells, round(fraction * cells)))
    bar = Text()
    bar.append("▰" * done, styles.done)
    bar.append("▱" * (cells - done), styles.todo)
    return bar


def group_title(case: CaseRecord, row: OutlineRow) -> str:
    """`CARE` or `Naranjo: drowsiness with clonazepam 0.5 mg/day`."""
    title = row.definition.short_title
    return f"{title}: {target_label(case, row.target)}" if row.target is not None else title


def group_figure(row: OutlineRow, review: Review, styles: RowStyles) -> Text:
    """The answer column of a checklist's heading: its bar and count, and Naranjo's total and band."""
    done = progress(row.definition, review, row.target)
    scored = score(row.definition, review, row.target)
    if scored is not None and scored.answered:  # the total and band say more than a bar, in the same room
        band = f" {scored.band.label.lower()}" if scored.band is not None else ""
        return plain_line(f"{scored.total:+d}{band} {done.answered}/{done.total}")
    figure = progress_bar(done.fraction, styles)
    figure.append(f" {done.answered}/{done.total}")
    return figure


def answer_label(definition: ChecklistDefinition, answer: str | None) -> str:
    return definition.answer_label(answer) if answer is not None else ""


def row_cells(
    case: CaseRecord, row: OutlineRow, review: Review, *, hint: Hint | None, tied: int, styles: RowStyles
) -> list[Text]:
    """Number, item, answer, marks (✎ a note, ◇ a hint, § text tied to the item)."""
    definition = row.definition
    if row.kind == "checklist":
        return [Text(""), plain_line(group_title(case, row), styles.heading), group_figure(row, review, styles), Text()]
    if row.kind == "domain":
        return [Text(""), plain_line(definition.domain_title(row.domain), styles.domain), Text(""), Text("")]
    if row.kind == "start":
        words = f"{definition.short_title}: none yet: o on a medication row (2) opens one"
        return [Text(""), plain_line(words, styles.domain), Text(""), Text("")]
    item_id = row.item_id or ""
    entry = find_answer(review, definition.id, item_id, row.target)
    answer = entry.answer if entry is not None else None
    if row.kind == "overall":
        number, title = "", definition.overall.title if definition.overall else "Overall"
    else:
        number, title = item_id, row.item.title if row.item else item_id
    if answer is not None:
        shown = plain_line(answer_label(definition, answer), styles.answer)
    elif hint is not None and hint.suggested is not None:
        shown = plain_line(f"{answer_label(definition, hint.suggested)}?", styles.hint)
    else:
        shown = Text("·", styles.todo)
    marks = Text()
    marks.append("✎" if entry is not None and entry.note else " ")
    marks.append("◇" if hint is not None and answer is None else " ", styles.hint)
    marks.append("§" if tied else " ")
    return [plain_line(number), plain_line(title), shown, marks]


def answer_keys(definition: ChecklistDefinition, item_id: str) -> Text:
    """`y yes · n no · p partly · - not applicable`: what each key gives on this row."""
    text = Text()
    options = definition.allowed_answers(item_id)
    for index, option in enumerate(options):
        if index:
            text.append(" · ", style="dim")
        if option.key:
            text.append_text(plain_line(option.key, style="bold"))
            text.append(" ")
        text.append_text(plain_line(option.label.lower()))
    if not any(option.key for option in options):
        text.append("  (no keys: the palette or a team's file gives them)", style="dim")
    return text


def _line(text: Text, label: str, value: Text) -> None:
    text.append(f"\n{label}: ", style="dim")
    text.append_text(value)


def describe_row(
    case: CaseRecord, row: OutlineRow, review: Review, *, hint: Hint | None, tied: int, sections: Sequence[str]
) -> Text:
    """The highlighted row whole: the question, its guidance, the answer, keys, hint with reason, note."""
    definition = row.definition
    text = Text()
    if row.kind in ("checklist", "start"):
        text.append_text(plain_line(definition.title, style="bold"))
        if row.target is not None:
            text.append_text(plain_line(f" · {target_label(case, row.target)}"))
        done = progress(definition, review, row.target)
        _line(text, "progress", plain_line(done.describe()))
        scored = score(definition, review, row.target)
        if scored is not None:
            _line(text, "score", plain_line(scored.describe()))
        if row.kind == "start":
            text.append("\nIn Medications (2), o on a row with adverse effects opens an assessment.", style="italic")
        if definition.description:
            text.append("\n")
            text.append_text(plain(definition.description, style="dim"))
        return text
    if row.kind == "domain":
        domain = next((d for d in definition.domains if d.id == row.domain), None)
        text.append_text(plain_line(definition.domain_title(row.domain), style="bold"))
        if domain is not None and domain.guidance:
            text.append("\n")
            text.append_text(plain(domain.guidance, style="dim"))
        return text
    item_id = row.item_id or ""
    entry = find_answer(review, definition.id, item_id, row.target)
    if row.kind == "overall" and definition.overall is not None:
        text.append_text(plain_line(f"{definition.short_title}: {definition.overall.title}", style="bold"))
        question, guidance = definition.overall.text, ""
    elif row.item is not None:
        text.append_text(plain_line(f"{definition.short_title} {row.item.id}: {row.item.title}", style="bold"))
        heading = definition.domain_title(row.item.domain) if row.item.domain else ""
        if heading and heading.lower() != row.item.title.lower():
            text.append_text(plain_line(f" · {heading}", style="dim"))
        question, guidance = row.item.text, row.item.guidance
    else:
        question, guidance = "", ""
    if question:
        text.append("\n")
        text.append_text(plain(question))
    if guidance:
        text.append("\n")
        text.append_text(plain(guidance, style="dim italic"))
    answer = entry.answer if entry is not None else None
    _line(text, "answer", plain_line(answer_label(definition, answer)) if answer else Text("none yet", style="italic"))
    _line(text, "keys", answer_keys(definition, item_id))
    if row.item is not None and row.item.scores and answer is not None:
        text.append_text(plain_line(f"  ({row.item.scores.get(answer, 0):+d})", style="dim"))
    if hint is not None:
        suggestion = f"suggests {answer_label(definition, hint.suggested)!r}; h accepts. " if hint.suggested else ""
        _line(text, "hint", plain(suggestion + hint.reason, style="italic"))
    if entry is not None and entry.note:
        _line(text, "note", plain(entry.note))
    else:
        _line(text, "note", Text("none (a writes one)", style="dim italic"))
    if tied:
        _line(text, "tied to text", plain_line(f"{tied} note{'' if tied == 1 else 's'} (Notes pane, 6)"))
    if sections:
        names = ", ".join(case.section_path(s) for s in sections[:3])
        _line(text, "addressed in", plain_line(f"{names} (enter goes there)"))
    return text
