"""What changed between two versions of a review, in a few words (for "undid ..." messages).

Undo and redo restore whole reviews; a reviewer pressing ctrl+z wants to know what came
back or went away without opening the notes list, so the two versions are compared.
"""

from __future__ import annotations

from tui.model.review import Review


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else f"{n} {many}"


def change_summary(before: Review, after: Review) -> str:
    """The change that turns `before` into `after`: "a new note", "an edited note and 2 answers", ..."""
    old = {note.id: note for note in before.annotations}
    new = {note.id: note for note in after.annotations}
    parts: list[str] = []
    added = len(new.keys() - old.keys())
    removed = len(old.keys() - new.keys())
    edited = sum(1 for key in new.keys() & old.keys() if new[key] != old[key])
    if added:
        parts.append(_count(added, "a new note", "new notes"))
    if removed:
        parts.append(_count(removed, "a deleted note", "deleted notes"))
    if edited:
        parts.append(_count(edited, "an edited note", "edited notes"))
    if before.checklist != after.checklist:
        parts.append("checklist answers")
    if before.review.complete != after.review.complete:
        parts.append("the review's completion mark")
    if not parts:
        return "a change"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
