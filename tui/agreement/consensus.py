"""Building a consensus review from compared ones: one decision a place, each recorded with its provenance.

For each aligned place whoever adjudicates takes one reviewer's answer and notes, several
reviewers' (both), or writes their own (an edit); every place the reviewers agree on can be
accepted in one step. A decision replaces whatever an earlier decision at the same place
made, so deciding again is how a decision is changed; `reopen` takes one back.

The consensus is an ordinary review (`ConsensusReview`) held by an ordinary
`ReviewSession`, and every operation here is one `ReviewSession.replace`: one `ctrl+z`
takes back one decision, or the whole of a bulk accept, with the same undo and redo as
any other change, and the app saves and journals it like any review.

Copied notes keep their ids, authors and dates (they are the reviewers' words; the
provenance names their files' ids too); edited notes are new, written by `decided_by`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.agreement.alignment import AlignedPlace, AtPlace, Comparison
from tui.agreement.answers import answer_category, answer_key
from tui.model.checklist_catalogue import installed_checklists
from tui.model.consensus_review import ConsensusReview, as_consensus
from tui.model.provenance import Decision, DecisionKind, DecisionSource
from tui.model.review import Annotation, ChecklistAnswer, new_annotation_id, now
from tui.model.review_session import NoteDraft, ReviewSession, build_annotation


class DecisionError(ValueError):
    """A decision that cannot be made as asked (a reviewer not compared, two answers for one item)."""


def sources_at(place: AlignedPlace) -> list[DecisionSource]:
    """What every reviewer had at `place`: the record a decision keeps of what it was made from."""
    return [
        DecisionSource(
            reviewer=entry.reviewer,
            answer=entry.category,
            notes=[note.id for note in entry.notes],
            kinds=sorted(entry.kinds),
        )
        for entry in place.by_reviewer
    ]


def merged_answer(entries: Sequence[AtPlace]) -> ChecklistAnswer | None:
    """The one answer the entries give; its note is the one note written, or each reviewer's, named.

    Raises `DecisionError` when they answered differently: that needs one reviewer, or an edit.
    """
    answers = [(entry.reviewer, entry.answers[0]) for entry in entries if entry.answers]
    if not answers:
        return None
    if len({answer_category(answer) for _, answer in answers}) > 1:
        raise DecisionError("the reviewers chosen answered differently: choose one of them, or edit")
    first = answers[0][1]
    written: dict[str, tuple[str, str]] = {}  # words -> (reviewer, note), first writer kept
    for reviewer, answer in answers:
        if answer.note.strip():
            written.setdefault(answer.note.strip(), (reviewer, answer.note))
    if not written:
        return first
    if len(written) == 1:
        return first.model_copy(update={"note": next(iter(written.values()))[1]})
    return first.model_copy(update={"note": "\n\n".join(f"{name}: {note}" for name, note in written.values())})


@dataclass(frozen=True, slots=True)
class Decided:
    """One place decided: the decision, and the answer and notes it puts into the consensus."""

    place: AlignedPlace
    decision: Decision
    answer: ChecklistAnswer | None
    notes: Sequence[Annotation]


def apply_decisions(review: ConsensusReview, decided: Sequence[Decided]) -> ConsensusReview:
    """`review` with each place decided: what an earlier decision there made is removed, the new entries added.

    At a checklist item the consensus holds one answer: any answer it had for the item goes,
    whoever made it. Notes written into the consensus by hand (no decision made them) stay.
    One pass over the review however many places, so accepting thousands stays quick.
    """
    places = {d.place.ident for d in decided}
    keys = {d.place.answer_key for d in decided if d.place.answer_key is not None}
    made_before = {note for d in review.provenance if d.place in places for note in d.notes}
    annotations = [a for a in review.annotations if a.id not in made_before]
    checklist = [a for a in review.checklist if answer_key(a) not in keys]
    provenance = [d for d in review.provenance if d.place not in places]
    taken = {a.id for a in annotations}
    for each in decided:
        fresh: list[Annotation] = []
        for note in each.notes:
            # Another place's note with this id already in the consensus: the copy gets its own.
            copy = note.model_copy(update={"id": new_annotation_id()}) if note.id in taken else note
            taken.add(copy.id)
            fresh.append(copy)
        annotations += fresh
        if each.answer is not None:
            checklist.append(each.answer)
        provenance.append(each.decision.model_copy(update={"notes": [note.id for note in fresh]}))
    return review.model_copy(update={"annotations": annotations, "checklist": checklist, "provenance": provenance})


@dataclass
class ConsensusSession:
    """Decisions on a comparison, made on a consensus review held by `session` (which owns undo and redo)."""

    comparison: Comparison
    session: ReviewSession
    decided_by: str

    @property
    def review(self) -> ConsensusReview:
        return as_consensus(self.session.review)

    def decision(self, place: AlignedPlace) -> Decision | None:
        return self.review.decision_at(place.ident)

    def decisions(self) -> dict[str, Decision]:
        """Every decision by place ident: for a view that marks each place decided or not in one pass."""
        return {d.place: d for d in self.review.provenance}

    def undecided(self) -> list[AlignedPlace]:
        """The places no decision covers yet, in reading order: what is left to adjudicate."""
        decided = {d.place for d in self.review.provenance}
        return [place for place in self.comparison.places if place.ident not in decided]

    # ---- decisions -------------------------------------------------------------------------

    def _decide(
        self,
        place: AlignedPlace,
        kind: DecisionKind,
        chosen: Sequence[str],
        answer: ChecklistAnswer | None,
        notes: Sequence[Annotation],
    ) -> Decision:
        decision = self._decision(place, kind, chosen, answer)
        self.session.replace(apply_decisions(self.review, [Decided(place, decision, answer, notes)]))
        made = self.review.decision_at(place.ident)
        assert made is not None
        return made

    def _decision(
        self, place: AlignedPlace, kind: DecisionKind, chosen: Sequence[str], answer: ChecklistAnswer | None
    ) -> Decision:
        return Decision(
            place=place.ident,
            decision=kind,
            chosen=list(chosen),
            answer=answer_category(answer) if answer is not None else None,
            decided_by=self.decided_by,
            decided=now(),
            sources=sources_at(place),
        )

    def _entries(self, place: AlignedPlace, reviewers: Sequence[str]) -> list[AtPlace]:
        unknown = [name for name in reviewers if name not in self.comparison.reviewers]
        if unknown:
            raise DecisionError(f"not a reviewer compared here: {', '.join(unknown)}")
        return [place.at(name) for name in dict.fromkeys(reviewers)]

    def choose(self, place: AlignedPlace, reviewers: Sequence[str]) -> Decision:
        """Take these reviewers' answer and notes at `place` as they are: one reviewer's, or both.

        Choosing a reviewer who left the place alone is how "not a note here" is decided. Raises
        `DecisionError` for a name not compared, or for reviewers who answered the item differently.
        """
        entries = self._entries(place, reviewers)
        answer = merged_answer(entries)
        notes = [note for entry in entries for note in entry.notes]
        return self._decide(place, "chosen", [e.reviewer for e in entries], answer, notes)

    def edit(
        self,
        place: AlignedPlace,
        *,
        answer: ChecklistAnswer | None = None,
        notes: Sequence[NoteDraft] = (),
        based_on: Sequence[str] = (),
    ) -> Decision:
        """Decide `place` with words of one's own: `answer` for its item, a new note per draft.

        `based_on` names the reviewers whose entries the edit started from (for the record; their
        notes are not copied). Text notes span the whole place. Raises `DecisionError` for an answer
        to another item, or an answer where the place is no checklist item.
        """
        if answer is not None and answer_key(answer) != place.answer_key:
            raise DecisionError("the answer is not to this place's checklist item")
        entries = self._entries(place, based_on)
        built = [build_annotation(self.comparison.case, place.place, draft, self.decided_by) for draft in notes]
        return self._decide(place, "edited", [e.reviewer for e in entries], answer, built)

    def edit_answer(self, place: AlignedPlace, category: str, note: str = "") -> Decision:
        """Decide a checklist item with `category` (and an answer note), keeping the item's other key fields.

        Raises `DecisionError` when the place has no answer to start from or the checklist (when this
        run knows it) does not take `category` there, and pydantic's `ValidationError` for an answer
        the model does not allow.
        """
        start = next((entry.answers[0] for entry in place.by_reviewer if entry.answers), None)
        if start is None:
            raise DecisionError("no reviewer answered this item; build the answer and pass it to edit()")
        definition = installed_checklists().get(start.checklist)
        if definition is not None and definition.item(start.item) is not None:
            allowed = [option.id for option in definition.allowed_answers(start.item)]
            if category not in allowed:
                raise DecisionError(f"{start.checklist} item {start.item} takes {', '.join(allowed)}, not {category!r}")
        answer = ChecklistAnswer.model_validate({**start.model_dump(), "answer": category, "note": note})
        return self.edit(place, answer=answer)

    def accept(self, place: AlignedPlace) -> Decision:
        """Accept a place the reviewers agree on: the common answer, and every reviewer's notes there.

        Raises `DecisionError` at a place they disagree on.
        """
        if place.disagree:
            raise DecisionError(f"the reviewers disagree here ({', '.join(place.reasons)}): choose or edit")
        entries = list(place.by_reviewer)
        notes = [note for entry in entries for note in entry.notes]
        return self._decide(place, "agreed", [e.reviewer for e in entries], merged_answer(entries), notes)

    def accept_agreed(self) -> int:
        """Accept every agreed place not yet decided, as one undoable change; how many were accepted."""
        decided = {d.place for d in self.review.provenance}
        accepted: list[Decided] = []
        for place in self.comparison.places:
            if place.disagree or place.ident in decided:
                continue
            entries = list(place.by_reviewer)
            answer = merged_answer(entries)
            decision = self._decision(place, "agreed", [e.reviewer for e in entries], answer)
            accepted.append(Decided(place, decision, answer, [n for e in entries for n in e.notes]))
        if accepted:
            self.session.replace(apply_decisions(self.review, accepted))
        return len(accepted)

    def reopen(self, place: AlignedPlace) -> bool:
        """Take back the decision at `place` and what it made; False when there was none."""
        review = self.review
        previous = review.decision_at(place.ident)
        if previous is None:
            return False
        made = set(previous.notes)
        checklist = review.checklist
        if place.answer_key is not None and previous.answer is not None:
            checklist = [a for a in checklist if answer_key(a) != place.answer_key]
        self.session.replace(
            review.model_copy(
                update={
                    "annotations": [a for a in review.annotations if a.id not in made],
                    "checklist": checklist,
                    "provenance": [d for d in review.provenance if d.place != place.ident],
                }
            )
        )
        return True

    # ---- undo ------------------------------------------------------------------------------

    def undo(self) -> bool:
        return self.session.undo()

    def redo(self) -> bool:
        return self.session.redo()

    @property
    def dirty(self) -> bool:
        return self.session.dirty


def start_consensus(
    comparison: Comparison, existing: ConsensusReview | None, *, case_sha256: str, decided_by: str
) -> ConsensusSession:
    """A consensus session on `existing` (read from `ID.consensus.review.toml`), or on a new consensus review.

    An existing consensus written against another version of the case is re-anchored like any
    review, and records the new hash (so it is dirty until saved).
    """
    from tui.model.consensus_review import new_consensus_review
    from tui.model.review_session import open_session

    case = comparison.case
    if existing is None:
        return ConsensusSession(comparison, ReviewSession(new_consensus_review(case.id, case_sha256)), decided_by)
    return ConsensusSession(comparison, open_session(case, case_sha256, existing), decided_by)
