"""What `a`, `e` and `d` act on: the place under focus, and the annotations there.

Kept apart from the screen so the rule "which thing does the reviewer mean" lives in one
place: the sentence under the reader's cursor, the section under the tree's cursor, or
the row under a table's cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widget import Widget

from tui.model import CaseRecord
from tui.model.review import Annotation, TargetKind
from tui.model.review_outline import place_label
from tui.model.review_session import ReviewSession
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader


@dataclass(frozen=True, slots=True)
class Target:
    """A place that can be annotated."""

    kind: TargetKind
    target_id: str
    label: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None


def focused_target(case: CaseRecord, focused: Widget | None) -> Target | None:
    """The place the reviewer points at, or None where nothing can be annotated."""
    from tui.widgets.medication_table import MedicationTable
    from tui.widgets.pain_pane import PainScoreTable
    from tui.widgets.timeline_pane import TimelineTable

    if isinstance(focused, SectionReader) and focused.section_id is not None and focused.sentences:
        start, end = focused.selection or focused.sentences[focused.cursor]
        title = case.section_path(focused.section_id)
        return Target("section", focused.section_id, f"{title}, text", start, end, focused.text[start:end])
    if isinstance(focused, SectionNavigator) and focused.cursor_node is not None and focused.cursor_node.data:
        section = case.section(focused.cursor_node.data)
        if section is not None:
            return Target("section", section.id, f"section {case.section_path(section.id)}")
    if isinstance(focused, MedicationTable) and (medication := focused.medication_at_cursor()) is not None:
        return Target("medication", medication.id, f"medication {medication.label}")
    if isinstance(focused, PainScoreTable) and focused.row_count:
        score = case.pain_scores[focused.cursor_row]
        return Target("pain_score", score.id, f"pain score: {place_label(case, 'pain_score', score.id)}")
    if isinstance(focused, TimelineTable) and focused.row_count:
        event = case.timeline[focused.cursor_row]
        return Target("timeline", event.id, f"timeline event {event.label}")
    return None


def annotations_at(session: ReviewSession, target: Target) -> list[Annotation]:
    """Annotations on the target: for a text span, those that overlap it; whole-section ones otherwise."""
    on_target = session.on_target(target.kind, target.target_id)
    if target.start is None or target.end is None:
        return [a for a in on_target if not a.is_text_span] or on_target
    return [
        a for a in on_target
        if a.start is not None and a.end is not None and a.start < max(target.end, target.start + 1) and a.end > target.start
    ]


def annotations_under_focus(case: CaseRecord, session: ReviewSession, focused: Widget | None) -> list[Annotation]:
    """The notes `e` and `d` act on: the highlighted one in the Notes pane, else those at the focused place."""
    from tui.widgets.notes_pane import NotesTable

    if isinstance(focused, NotesTable):
        note = focused.note_at_cursor()
        return [note] if note is not None else []
    target = focused_target(case, focused)
    return annotations_at(session, target) if target is not None else []
