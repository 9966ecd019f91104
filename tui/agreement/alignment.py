"""Several reviews of one case, aligned by place: what each reviewer said where, and where they disagree.

A place is where reviewers can be compared: a checklist item (its answers and the notes
on it), a medication row, a pain score, an event, a whole section, or a stretch of a
section's text. Text notes that overlap are at the same place: reviewers rarely select
the very same characters of a sentence they both flag, so overlapping spans (of any
reviewer, chained: A overlaps B, B overlaps C) make one place covering them all.

A place **disagrees** when, among the reviewers compared:
- *answered by some*: some answered its checklist item and some did not;
- *answers differ*: all answered it, not all alike (by `answer_category`);
- *noted by some*: some put a note there and some did not;
- *kinds differ*: all put notes there, but the kinds (comment, concern, ...) each used differ
  as sets.
Words (a note's body, tags, status, an answer's note) never make a disagreement: free
text never agrees letter for letter. Orphans (notes whose place is gone from this version
of the case) are set aside in `Comparison.orphans`, never aligned and never counted as
agreement. Places come in reading order (`places_of(case).key`), checklist items last in
their published order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tui.agreement.answers import AnswerKey, answer_category, answer_key, describe_key, place_id, place_order
from tui.model.anchoring import reanchor
from tui.model.case import CaseRecord
from tui.model.places import Place, describe_place, places_of
from tui.model.review import Annotation, ChecklistAnswer, Review

Reason = Literal["answered by some", "answers differ", "noted by some", "kinds differ"]


@dataclass(frozen=True, slots=True)
class AtPlace:
    """One reviewer's answers and notes at one place; both empty when the reviewer left it alone."""

    reviewer: str
    answers: tuple[ChecklistAnswer, ...] = ()
    notes: tuple[Annotation, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.answers and not self.notes

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(answer_category(a) for a in self.answers)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(note.kind for note in self.notes)

    @property
    def category(self) -> str | None:
        """The reviewer's answer here (the first, should a file hold two), or None."""
        return answer_category(self.answers[0]) if self.answers else None


@dataclass(frozen=True, slots=True)
class AlignedPlace:
    """One place with every reviewer's answers and notes there, in the order of `Comparison.reviewers`."""

    ident: str
    """Stable within one comparison and across saves: `checklist:care-2013-5d`, `medication:fentanyl-pca`,
    `section:discussion`, `section:discussion:120-180` (a text span, from the first start to the last end)."""
    place: Place
    label: str
    answer_key: AnswerKey | None
    by_reviewer: tuple[AtPlace, ...]
    reasons: tuple[Reason, ...]

    @property
    def disagree(self) -> bool:
        return bool(self.reasons)

    @property
    def answers_disagree(self) -> bool:
        return "answered by some" in self.reasons or "answers differ" in self.reasons

    @property
    def notes_disagree(self) -> bool:
        return "noted by some" in self.reasons or "kinds differ" in self.reasons

    def at(self, reviewer: str) -> AtPlace:
        """What `reviewer` said here; raises `KeyError` for a reviewer not compared."""
        for entry in self.by_reviewer:
            if entry.reviewer == reviewer:
                return entry
        raise KeyError(reviewer)

    @property
    def agreed_category(self) -> str | None:
        """The answer every reviewer gave here, when they all gave the same one."""
        categories = {entry.category for entry in self.by_reviewer}
        return next(iter(categories)) if len(categories) == 1 else None


def disagreement_reasons(entries: Sequence[AtPlace]) -> tuple[Reason, ...]:
    """Why these reviewers disagree at one place (the rules in this module's docstring); empty when they agree."""
    reasons: list[Reason] = []
    answered = [bool(e.answers) for e in entries]
    if any(answered) and not all(answered):
        reasons.append("answered by some")
    elif all(answered) and len({e.categories for e in entries}) > 1:
        reasons.append("answers differ")
    noted = [bool(e.notes) for e in entries]
    if any(noted) and not all(noted):
        reasons.append("noted by some")
    elif all(noted) and len({e.kinds for e in entries}) > 1:
        reasons.append("kinds differ")
    return tuple(reasons)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Several reviews of one case, re-anchored to its text and aligned by place."""

    case: CaseRecord
    reviewers: tuple[str, ...]
    """One name a review, unique (a second review by the same name is `Ana (2)`)."""
    reviews: tuple[Review, ...]
    """Each review re-anchored to this case text, in the order of `reviewers`."""
    orphans: tuple[frozenset[str], ...]
    """Each review's orphaned note ids: kept, listed, never aligned or counted."""
    changed: tuple[bool, ...]
    """Whether each review was written against another version of the case file."""
    places: tuple[AlignedPlace, ...]

    def disagreements(self) -> list[AlignedPlace]:
        return [place for place in self.places if place.disagree]

    def orphan_notes(self) -> list[tuple[str, Annotation]]:
        """(reviewer, note) for every orphan, reviewer by reviewer, by note id."""
        return [
            (name, note)
            for name, review, orphans in zip(self.reviewers, self.reviews, self.orphans, strict=True)
            for note in sorted(review.annotations, key=lambda a: a.id)
            if note.id in orphans
        ]

    def index_of(self, ident: str) -> int | None:
        return next((i for i, place in enumerate(self.places) if place.ident == ident), None)

    def step_disagreement(self, index: int | None, step: int) -> int | None:
        """The index of the next (`step` 1) or previous (-1) disagreeing place from `index`, wrapping; `]` / `[`.

        From None, the first (or last) one. None when the reviewers agree everywhere.
        """
        found = [i for i, place in enumerate(self.places) if place.disagree]
        if not found:
            return None
        if index is None:
            return found[0] if step > 0 else found[-1]
        if step > 0:
            return next((i for i in found if i > index), found[0])
        return next((i for i in reversed(found) if i < index), found[-1])


def unique_names(names: Sequence[str]) -> tuple[str, ...]:
    """Names made unique by numbering repeats: two files by "Ana" become `Ana` and `Ana (2)`."""
    seen: dict[str, int] = {}
    unique: list[str] = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(unique)


@dataclass
class _Collected:
    place: Place
    answer_key: AnswerKey | None = None
    answers: dict[int, list[ChecklistAnswer]] | None = None
    notes: dict[int, list[Annotation]] | None = None

    def add_answer(self, reviewer: int, answer: ChecklistAnswer) -> None:
        self.answers = self.answers or {}
        self.answers.setdefault(reviewer, []).append(answer)

    def add_note(self, reviewer: int, note: Annotation) -> None:
        self.notes = self.notes or {}
        self.notes.setdefault(reviewer, []).append(note)


def _text_places(spans: list[tuple[int, Annotation]], section_id: str) -> dict[str, _Collected]:
    """Overlapping spans of one section merged into places (a zero-length span covers one character)."""
    collected: dict[str, _Collected] = {}
    ordered = sorted(spans, key=lambda item: (item[1].start or 0, item[1].end or 0))
    group: list[tuple[int, Annotation]] = []
    reach = -1

    def close() -> None:
        if not group:
            return
        start = min(note.start or 0 for _, note in group)
        end = max(note.end or 0 for _, note in group)
        entry = _Collected(Place("section", section_id, start, end))
        for reviewer, note in group:
            entry.add_note(reviewer, note)
        collected[f"section:{section_id}:{start}-{end}"] = entry

    for reviewer, note in ordered:
        start = note.start or 0
        end = max(note.end or 0, start + 1)
        if group and start >= reach:
            close()
            group = []
        group.append((reviewer, note))
        reach = max(reach, end) if len(group) > 1 else end
    close()
    return collected


def compare(
    case: CaseRecord,
    reviews: Sequence[Review],
    *,
    names: Sequence[str] | None = None,
    case_sha256: str | None = None,
) -> Comparison:
    """The reviews re-anchored to `case` and aligned by place, in reading order.

    `names` labels the reviews (default: each review's reviewer, numbered when repeated);
    `case_sha256` (of the case file) says which reviews were written against another version.
    """
    reviewers = unique_names(names if names is not None else [r.review.reviewer for r in reviews])
    if len(reviewers) != len(reviews):
        raise ValueError("one name a review")
    anchored = [reanchor(case, review) for review in reviews]
    places = places_of(case)
    collected: dict[str, _Collected] = {}
    spans: dict[str, list[tuple[int, Annotation]]] = {}
    for index, (review, orphans) in enumerate(anchored):
        for answer in review.checklist:
            key = answer_key(answer)
            target_id = place_id(key)
            entry = collected.setdefault(f"checklist:{target_id}", _Collected(Place("checklist", target_id), key))
            entry.answer_key = key
            entry.add_answer(index, answer)
        for note in review.annotations:
            if note.id in orphans:
                continue
            if note.is_text_span:
                spans.setdefault(note.target_id, []).append((index, note))
                continue
            ident = f"{note.target}:{note.target_id}"
            collected.setdefault(ident, _Collected(Place(note.target, note.target_id))).add_note(index, note)
    for section_id, section_spans in spans.items():
        collected.update(_text_places(section_spans, section_id))

    def order(item: tuple[str, _Collected]) -> tuple[tuple[int, int, int], bool, int, tuple[str, int, str], str]:
        ident, entry = item
        place = entry.place
        checklist = place_order(place.target_id) if place.kind == "checklist" else ("", 0, "")
        return (
            places.key(place.kind, place.target_id, place.start),
            place.is_text_span,
            place.end or 0,
            checklist,
            ident,
        )

    aligned: list[AlignedPlace] = []
    for ident, entry in sorted(collected.items(), key=order):
        by_reviewer = tuple(
            AtPlace(
                name,
                tuple((entry.answers or {}).get(index, ())),
                tuple((entry.notes or {}).get(index, ())),
            )
            for index, name in enumerate(reviewers)
        )
        label = describe_key(entry.answer_key) if entry.answer_key else describe_place(case, entry.place)
        aligned.append(
            AlignedPlace(ident, entry.place, label, entry.answer_key, by_reviewer, disagreement_reasons(by_reviewer))
        )
    changed = tuple(case_sha256 is not None and r.review.case_sha256 != case_sha256 for r in reviews)
    return Comparison(
        case,
        reviewers,
        tuple(review for review, _ in anchored),
        tuple(orphans for _, orphans in anchored),
        changed,
        tuple(aligned),
    )


def align(case: CaseRecord, reviews: Sequence[Review]) -> list[AlignedPlace]:
    """Every place any reviewer answered or noted, in reading order (see `compare` for the rest)."""
    return list(compare(case, reviews).places)
