"""A review being edited: the current review, what was last saved, and undo/redo.

Reviews are immutable models, so each change replaces the whole review and the undo
stack simply keeps earlier reviews: every change (deletes included) can be undone
exactly, and "unsaved changes" is a comparison, not a flag that can drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.model.anchoring import accept_new_words, new_words, reanchor, text_quote
from tui.model.case import CaseRecord
from tui.model.places import Place
from tui.model.review import (
    MAX_BODY_CHARS,
    MAX_QUOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    AdverseEffect,
    Annotation,
    AnnotationKind,
    AnnotationStatus,
    ChecklistAnswer,
    Review,
    TargetKind,
    new_annotation_id,
    now,
)

if TYPE_CHECKING:
    from tui.model.checklist import ChecklistDefinition

UNDO_LIMIT = 500


@dataclass(frozen=True, slots=True)
class NoteDraft:
    """What the reviewer typed in the annotation editor: the words of a note, not yet placed."""

    kind: AnnotationKind = "comment"
    tags: tuple[str, ...] = ()
    status: AnnotationStatus = "open"
    body: str = ""

    @classmethod
    def of(cls, annotation: Annotation) -> NoteDraft:
        """The draft an existing note is edited from."""
        return cls(annotation.kind, tuple(annotation.tags), annotation.status, annotation.body)


def draft_problems(draft: NoteDraft) -> list[str]:
    """Why the model would refuse a draft, in words for the editor (empty when it is fine).

    Checked before a note is built, so the editor can say what is too long and keep every word.
    """
    problems = []
    if len(draft.tags) > MAX_TAGS:
        problems.append(f"{len(draft.tags)} tags: a note holds at most {MAX_TAGS}")
    long_tags = [tag for tag in draft.tags if len(tag) > MAX_TAG_CHARS]
    if long_tags:
        problems.append(f"a tag holds at most {MAX_TAG_CHARS} characters ({long_tags[0][:20]}…)")
    if len(draft.body.replace("\r\n", "\n")) > MAX_BODY_CHARS:
        problems.append(f"the note is {len(draft.body):,} characters: at most {MAX_BODY_CHARS:,}")
    return problems


def place_problem(place: Place) -> str | None:
    """Why a note cannot be attached to a place (a passage too long to quote), in words; None if it can."""
    if place.start is not None and place.end is not None and place.end - place.start > MAX_QUOTE_CHARS:
        return (
            f"the passage is {place.end - place.start:,} characters; a note can quote at most {MAX_QUOTE_CHARS:,}: "
            "select a shorter part (v, then shift+arrows)"
        )
    return None


def build_annotation(case: CaseRecord, place: Place, draft: NoteDraft, author: str) -> Annotation:
    """A new note on `place`; a text span carries its quote and context so it can be found again."""
    stamp = now()
    quote = prefix = suffix = None
    section_id = place.target_id if place.kind == "section" else place.section
    if place.start is not None and place.end is not None and section_id is not None:
        section = case.section(section_id)
        quote, prefix, suffix = text_quote(section.text if section else "", place.start, place.end)
    return Annotation(
        id=new_annotation_id(stamp),
        target=place.kind,
        target_id=place.target_id,
        section=place.section if place.kind == "checklist" else None,
        start=place.start,
        end=place.end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        kind=draft.kind,
        tags=list(draft.tags),
        body=draft.body,
        author=author,
        created=stamp,
        updated=stamp,
        status=draft.status,
    )


@dataclass
class ReviewSession:
    """The single owner of the review while the app runs."""

    review: Review
    saved: Review | None = None
    """The review as last read from or written to disk; None when there is no file yet."""
    orphans: frozenset[str] = frozenset()
    """Annotations whose place could not be found in this version of the case: kept, not placed."""
    _undo: list[Review] = field(default_factory=list)
    _redo: list[Review] = field(default_factory=list)

    @property
    def dirty(self) -> bool:
        """True when the review differs from what is on disk (a new, empty review is not dirty)."""
        if self.saved is None:
            return bool(self.review.annotations or self.review.checklist or self.review.review.complete)
        return self.review.ordered() != self.saved.ordered()

    def _replace(self, review: Review) -> None:
        self._undo.append(self.review)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        header = review.review.model_copy(update={"updated": now()})
        self.review = review.model_copy(update={"review": header})

    def replace(self, review: Review) -> None:
        """Make `review` the current review as one undoable change.

        For changes that touch many entries at once (a consensus decision, accepting every
        agreed item): one `ctrl+z` takes back the whole of it.
        """
        self._replace(review)

    def add(self, annotation: Annotation) -> None:
        self._replace(self.review.model_copy(update={"annotations": [*self.review.annotations, annotation]}))

    def annotate(self, case: CaseRecord, place: Place, draft: NoteDraft, author: str) -> Annotation:
        """Add a note on `place` written as `draft`; returns it."""
        annotation = build_annotation(case, place, draft, author)
        self.add(annotation)
        return annotation

    def edit(self, annotation_id: str, draft: NoteDraft) -> Annotation | None:
        """Replace a note's words with `draft`, keeping its place; None when the note is gone."""
        annotation = self.find(annotation_id)
        if annotation is None:
            return None
        changes = {"kind": draft.kind, "tags": list(draft.tags), "status": draft.status, "body": draft.body}
        # Validated, not copied: an edit the model would refuse must never reach the file.
        edited = Annotation.model_validate({**annotation.model_dump(), **changes, "updated": now()})
        self.update(edited)
        return edited

    def update(self, annotation: Annotation) -> None:
        annotations = [annotation if a.id == annotation.id else a for a in self.review.annotations]
        self._replace(self.review.model_copy(update={"annotations": annotations}))

    def accept_new_words(self, case: CaseRecord, annotation_id: str) -> Annotation | None:
        """Take the case's present words as a moved note's quote (one undoable change); None when not moved."""
        annotation = self.find(annotation_id)
        if annotation is None or annotation_id in self.orphans or new_words(case, annotation) is None:
            return None
        accepted = accept_new_words(case, annotation).model_copy(update={"updated": now()})
        self.update(accepted)
        return accepted

    def delete(self, annotation_id: str) -> Annotation | None:
        removed = self.find(annotation_id)
        if removed is not None:
            remaining = [a for a in self.review.annotations if a.id != annotation_id]
            self._replace(self.review.model_copy(update={"annotations": remaining}))
        return removed

    # ---- appraisal: each call is one undoable change, none when nothing changes ---------------
    # (The checklist modules are imported on first use: they are not needed to open a review.)

    def _replace_if_changed(self, review: Review) -> bool:
        if review.checklist == self.review.checklist and review.review == self.review.review:
            return False
        self._replace(review)
        return True

    def answer(
        self, definition: ChecklistDefinition, item: str, answer: str, target: AdverseEffect | None = None
    ) -> ChecklistAnswer:
        """Answer `item` (of the assessment of `target`, for Naranjo); raises `ValueError` for an answer
        the item does not take. Returns the entry as recorded."""
        from tui.model.checklist_answers import find_answer, with_answer

        self._replace_if_changed(with_answer(self.review, definition, item, answer, target))
        entry = find_answer(self.review, definition.id, item, target)
        assert entry is not None
        return entry

    def set_checklist_note(
        self, definition: ChecklistDefinition, item: str, note: str, target: AdverseEffect | None = None
    ) -> ChecklistAnswer | None:
        """Write the reviewer's note on `item`; the entry, or None when an empty note left nothing."""
        from tui.model.checklist_answers import find_answer, with_note

        self._replace_if_changed(with_note(self.review, definition, item, note, target))
        return find_answer(self.review, definition.id, item, target)

    def clear_answer(self, checklist: str, item: str, target: AdverseEffect | None = None) -> bool:
        """Take back the answer to `item` (its note stays); False when it had none."""
        from tui.model.checklist_answers import without_answer

        return self._replace_if_changed(without_answer(self.review, checklist, item, target))

    def clear_assessment(self, checklist: str, target: AdverseEffect) -> bool:
        """Remove one per-effect assessment whole (every answer and note of it)."""
        from tui.model.checklist_answers import without_assessment

        return self._replace_if_changed(without_assessment(self.review, checklist, target))

    def mark_complete(self, complete: bool = True) -> bool:
        """Mark the review complete (or not); False when it already was."""
        if self.review.review.complete == complete:
            return False
        header = self.review.review.model_copy(update={"complete": complete})
        self._replace(self.review.model_copy(update={"review": header}))
        return True

    def checklist_answer(
        self, checklist: str, item: str, target: AdverseEffect | None = None
    ) -> ChecklistAnswer | None:
        from tui.model.checklist_answers import find_answer

        return find_answer(self.review, checklist, item, target)

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.review)
        self.review = self._undo.pop()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.review)
        self.review = self._redo.pop()
        return True

    def restore(self, review: Review, *, orphans: frozenset[str] | None = None) -> None:
        """Take back work recovered from a journal or reloaded from disk, as one undoable change."""
        self._undo.append(self.review)
        self._redo.clear()
        self.review = review
        if orphans is not None:
            self.orphans = orphans

    def mark_saved(self) -> None:
        self.saved = self.review

    def find(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.review.annotations if a.id == annotation_id), None)

    def on_target(self, target: TargetKind, target_id: str) -> list[Annotation]:
        """Annotations on one section, row or event, oldest first."""
        return sorted(
            (a for a in self.review.annotations if a.target == target and a.target_id == target_id),
            key=lambda a: a.id,
        )

    def at_place(self, place: Place) -> list[Annotation]:
        """The notes `e` and `d` act on at a place: for a text span, those overlapping it (placed ones only);
        on a record, those on the whole record, else any on it."""
        on_target = self.on_target(place.kind, place.target_id)
        if place.start is None or place.end is None:
            return [a for a in on_target if not a.is_text_span] or on_target
        start, end = place.start, max(place.end, place.start + 1)
        return [
            a
            for a in on_target
            if a.start is not None
            and a.end is not None
            and a.start < end
            and a.end > start
            and a.id not in self.orphans
        ]

    def counts(self, target: TargetKind) -> dict[str, int]:
        """How many annotations each target of one kind holds."""
        counts: dict[str, int] = {}
        for annotation in self.review.annotations:
            if annotation.target == target:
                counts[annotation.target_id] = counts.get(annotation.target_id, 0) + 1
        return counts


def open_session(case: CaseRecord, case_sha256: str, existing: Review) -> ReviewSession:
    """A session on a review read from disk, re-anchored when the case text has changed since.

    When the case's hash differs from the one the review recorded, text annotations are
    found again by quote and context (`anchoring.reanchor`) and the review records the
    new hash; the session is then dirty, so the reviewer saves the moved notes knowingly.
    """
    review, orphans = reanchor(case, existing)
    if existing.review.case_sha256 != case_sha256:
        header = review.review.model_copy(update={"case_sha256": case_sha256})
        review = review.model_copy(update={"review": header})
    return ReviewSession(review, saved=existing, orphans=orphans)
