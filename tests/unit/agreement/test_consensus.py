"""Building a consensus: choose one, both, edit, accept every agreed place, undo and redo, provenance in the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_CASE
from tests.unit.agreement.builders import SHA, answer, review, row_note, span_note
from tui.agreement.alignment import AlignedPlace, Comparison, compare
from tui.agreement.consensus import ConsensusSession, DecisionError, start_consensus
from tui.model.case import CaseRecord
from tui.model.consensus_review import CONSENSUS_REVIEWER, ConsensusReview
from tui.model.review import Review
from tui.model.review_session import NoteDraft
from tui.store.case_files import consensus_path_for, is_consensus_file, review_path_for, reviews_of
from tui.store.journal import read_journal
from tui.store.review_file import read_consensus, read_review, review_to_toml, write_review
from tui.workspace import ReviewDocument, Saved

MED = "fentanyl-pca"


def _comparison(case: CaseRecord) -> Comparison:
    ana = review(
        case,
        "Ana",
        [span_note(case, "Ana", "discussion", 10, 30, kind="concern"), row_note("Ana", "medication", MED, "question")],
        [answer("1", "yes", note="title says case report"), answer("2", "no"), answer("3a", "partly")],
    )
    ben = review(
        case,
        "Ben",
        [span_note(case, "Ben", "discussion", 20, 40, kind="concern"), row_note("Ben", "timeline", "admission")],
        [answer("1", "yes"), answer("2", "yes")],
    )
    return compare(case, [ana, ben], case_sha256=SHA)


def _session(case: CaseRecord) -> ConsensusSession:
    return start_consensus(_comparison(case), None, case_sha256=SHA, decided_by="Carla")


def _place(session: ConsensusSession, ident: str) -> AlignedPlace:
    index = session.comparison.index_of(ident)
    assert index is not None, ident
    return session.comparison.places[index]


def test_a_new_consensus_is_an_empty_review_by_the_team(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    assert session.review.review.reviewer == CONSENSUS_REVIEWER
    assert session.review.review.case_sha256 == SHA
    assert not session.dirty
    assert [p.ident for p in session.undecided()] == [p.ident for p in session.comparison.places]


def test_choose_one_reviewer_at_a_checklist_item(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, "checklist:care-2013-2")
    decision = session.choose(place, ["Ben"])
    assert [(a.item, a.answer) for a in session.review.checklist] == [("2", "yes")]
    assert decision.decision == "chosen" and decision.chosen == ["Ben"] and decision.answer == "yes"
    assert decision.decided_by == "Carla"
    assert [(s.reviewer, s.answer) for s in decision.sources] == [("Ana", "no"), ("Ben", "yes")]
    assert session.decision(place) == decision
    assert session.decisions() == {place.ident: decision}
    assert place not in session.undecided()
    # Deciding again replaces the first decision and its answer.
    session.choose(place, ["Ana"])
    assert [(a.item, a.answer) for a in session.review.checklist] == [("2", "no")]
    assert len(session.review.provenance) == 1


def test_choose_both_copies_every_note_with_its_id_and_author(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, "section:discussion:10-40")
    decision = session.choose(place, ["Ana", "Ben"])
    originals = [note for entry in place.by_reviewer for note in entry.notes]
    assert session.review.annotations == originals
    assert decision.notes == [note.id for note in originals]
    assert [s.notes for s in decision.sources] == [[originals[0].id], [originals[1].id]]
    assert [s.kinds for s in decision.sources] == [["concern"], ["concern"]]


def test_choose_both_refuses_two_different_answers(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    with pytest.raises(DecisionError, match="answered differently"):
        session.choose(_place(session, "checklist:care-2013-2"), ["Ana", "Ben"])
    with pytest.raises(DecisionError, match="not a reviewer"):
        session.choose(_place(session, "checklist:care-2013-2"), ["Zoe"])
    assert not session.dirty  # nothing half-done


def test_choosing_the_reviewer_who_left_a_place_alone_decides_nothing_there(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, f"medication:{MED}")
    decision = session.choose(place, ["Ben"])
    assert session.review.annotations == [] and decision.notes == []
    assert session.decision(place) is not None


def test_edit_writes_the_deciders_own_note_over_the_whole_place(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, "section:discussion:10-40")
    decision = session.edit(
        place, notes=[NoteDraft(kind="concern", body="Both flagged this; merged.")], based_on=["Ana"]
    )
    (note,) = session.review.annotations
    assert (note.start, note.end, note.author, note.body) == (10, 40, "Carla", "Both flagged this; merged.")
    assert note.quote == seed_case.section("discussion").text[10:40]  # type: ignore[union-attr]
    assert decision.decision == "edited" and decision.chosen == ["Ana"] and decision.notes == [note.id]


def test_edit_an_answer(seed_case: CaseRecord, bundled_checklists: object) -> None:
    session = _session(seed_case)
    place = _place(session, "checklist:care-2013-2")
    decision = session.edit_answer(place, "partly", note="partly: only in the abstract")
    (consensus,) = session.review.checklist
    assert (consensus.answer, consensus.note) == ("partly", "partly: only in the abstract")
    assert decision.decision == "edited" and decision.answer == "partly"
    with pytest.raises(DecisionError, match="takes yes, no, partly, na"):
        session.edit_answer(place, "unclear")  # JBI's answer, not CARE's
    with pytest.raises(DecisionError, match="not to this"):
        session.edit(place, answer=answer("3a", "yes"))


def test_accept_every_agreed_place_is_one_undoable_change(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    comparison = session.comparison
    agreed = [p.ident for p in comparison.places if not p.disagree]
    assert agreed == ["section:discussion:10-40", "checklist:care-2013-1"]
    assert session.accept_agreed() == 2
    assert [d.decision for d in session.review.provenance] == ["agreed", "agreed"]
    (item,) = session.review.checklist
    assert (item.item, item.answer, item.note) == ("1", "yes", "title says case report")
    assert len(session.review.annotations) == 2
    assert {p.ident for p in session.undecided()} == {p.ident for p in comparison.disagreements()}
    assert session.accept_agreed() == 0  # nothing left to accept; no empty undo step
    assert session.undo()
    assert session.review.provenance == [] and session.review.annotations == [] and not session.dirty
    assert session.redo()
    assert len(session.review.provenance) == 2


def test_accept_agreed_leaves_places_already_decided(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, "section:discussion:10-40")
    session.choose(place, ["Ana"])
    assert session.accept_agreed() == 1
    assert session.decision(place).decision == "chosen"  # type: ignore[union-attr]
    with pytest.raises(DecisionError, match="disagree"):
        session.accept(_place(session, "checklist:care-2013-2"))


def test_undo_and_redo_walk_decisions_one_at_a_time(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    session.choose(_place(session, "checklist:care-2013-2"), ["Ben"])
    session.choose(_place(session, "checklist:care-2013-3a"), ["Ana"])
    assert len(session.review.provenance) == 2
    assert session.undo()
    assert [d.place for d in session.review.provenance] == ["checklist:care-2013-2"]
    assert session.undo()
    assert session.review.provenance == [] and session.review.checklist == []
    assert not session.undo()
    assert session.redo() and session.redo() and not session.redo()
    assert [a.item for a in session.review.checklist] == ["2", "3a"]


def test_reopen_takes_a_decision_back(seed_case: CaseRecord) -> None:
    session = _session(seed_case)
    place = _place(session, "section:discussion:10-40")
    session.choose(place, ["Ana", "Ben"])
    assert session.reopen(place)
    assert session.review.annotations == [] and session.decision(place) is None
    assert not session.reopen(place)
    assert session.undo() and len(session.review.annotations) == 2


def test_provenance_round_trips_through_the_consensus_file(seed_case: CaseRecord, tmp_path: Path) -> None:
    session = _session(seed_case)
    session.accept_agreed()
    session.choose(_place(session, "checklist:care-2013-2"), ["Ben"])
    session.edit(_place(session, f"medication:{MED}"), notes=[NoteDraft(body="Dose unclear.")], based_on=["Ana"])
    path = tmp_path / f"{seed_case.id}.consensus.review.toml"
    write_review(path, session.review)
    text = path.read_text(encoding="utf-8")
    assert text.count("[[provenance]]") == 4
    assert text.count("[[provenance.sources]]") == 8
    again = read_consensus(path, seed_case)
    assert again.ordered() == session.review.ordered()
    assert review_to_toml(again) == text
    # Opened again, the session knows what is decided.
    reopened = start_consensus(_comparison(seed_case), again, case_sha256=SHA, decided_by="Dan")
    assert not reopened.dirty
    assert {p.ident for p in reopened.undecided()} == {"checklist:care-2013-3a", "timeline:admission"}


def test_any_review_file_reads_as_a_consensus_without_decisions(seed_case: CaseRecord, tmp_path: Path) -> None:
    path = tmp_path / "x.review.toml"
    write_review(path, review(seed_case, "Ana", [row_note("Ana", "medication", MED)], [answer("1", "yes")]))
    consensus = read_consensus(path, seed_case)
    assert consensus.provenance == []
    assert "provenance" not in path.read_text(encoding="utf-8")


def test_a_consensus_file_without_decisions_is_a_plain_review(seed_case: CaseRecord, tmp_path: Path) -> None:
    session = _session(seed_case)
    path = tmp_path / f"{seed_case.id}.consensus.review.toml"
    write_review(path, session.review)
    assert isinstance(read_review(path, seed_case), Review)


def test_the_app_opens_saves_and_journals_a_consensus_as_any_review(seed_case: CaseRecord, tmp_path: Path) -> None:
    """`ReviewDocument` on `ID.consensus.review.toml`, a `ConsensusSession` on its session: save, journal, reopen."""
    case_path = tmp_path / SEED_CASE.name
    shutil.copyfile(SEED_CASE, case_path)
    comparison = _comparison(seed_case)
    path = consensus_path_for(case_path, seed_case.id)
    document = ReviewDocument.open(case_path, reviewer=CONSENSUS_REVIEWER, review_path=path)
    session = ConsensusSession(comparison, document.session, decided_by="Carla")
    assert session.accept_agreed() == 2 and document.dirty
    document.write_journal()
    recovered, warning = read_journal(path, seed_case)
    assert warning is None and isinstance(recovered, ConsensusReview) and len(recovered.provenance) == 2
    assert isinstance(document.save(), Saved)
    again = ReviewDocument.open(case_path, reviewer=CONSENSUS_REVIEWER, review_path=path)
    assert not again.dirty and again.recovered is None
    reopened = ConsensusSession(comparison, again.session, decided_by="Dan")
    assert [d.decision for d in reopened.review.provenance] == ["agreed", "agreed"]
    assert reopened.undo() is False  # nothing to undo in a freshly opened file


def test_a_consensus_file_with_decisions_is_a_plain_review(seed_case: CaseRecord, tmp_path: Path) -> None:
    """Once `Review` holds `provenance`, a consensus file is a review under any name (a copy, a renamed file)."""
    session = _session(seed_case)
    session.accept_agreed()
    path = tmp_path / f"{seed_case.id}.carla.review.toml"
    write_review(path, session.review)
    assert len(read_review(path, seed_case).provenance) == 2


def test_the_consensus_file_sits_beside_the_reviews_and_is_no_reviewers(tmp_path: Path, seed_case: CaseRecord) -> None:
    case_path = tmp_path / "case.toml"
    case_path.write_text("", encoding="utf-8")
    consensus = consensus_path_for(case_path, seed_case.id)
    assert consensus == tmp_path / f"{seed_case.id}.consensus.review.toml"
    assert is_consensus_file(consensus)
    ana = review_path_for(case_path, seed_case.id, "Ana")
    for path in (consensus, ana):
        write_review(path, ConsensusReview(review=review(seed_case, "x").review))
    assert reviews_of(case_path, seed_case.id) == [ana]
