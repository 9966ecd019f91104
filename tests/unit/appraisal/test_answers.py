"""Checklist answers: recorded against their definition, undoable, saved and read back, checked on reading."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from tui.appraisal import check_answers, progress
from tui.model import CaseRecord
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.model.review import AdverseEffect, ChecklistAnswer, Review, ReviewHeader, new_review
from tui.model.review_session import ReviewSession
from tui.store.review_file import read_review, review_to_toml, write_review

DROWSINESS = AdverseEffect("clonazepam", "drowsiness")
WHEN = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)


@pytest.fixture
def session(seed_case: CaseRecord) -> ReviewSession:
    return ReviewSession(new_review(seed_case.id, "0" * 64, "Ana"))


def test_an_answer_records_the_checklist_version_and_keeps_its_note(
    session: ReviewSession, bundled_checklists: ChecklistCatalogue
) -> None:
    care = bundled_checklists.get("care-2013")
    assert care is not None
    session.set_checklist_note(care, "5d", "Relative days only.")
    entry = session.answer(care, "5d", "partly")
    assert (entry.checklist, entry.version, entry.item, entry.answer) == ("care-2013", "2013", "5d", "partly")
    assert entry.note == "Relative days only."
    assert session.answer(care, "5d", "yes").note == "Relative days only."
    assert len(session.review.checklist) == 1
    assert progress(care, session.review).describe() == "1 of 30 items answered"


def test_answers_outside_the_definition_are_refused(
    session: ReviewSession, bundled_checklists: ChecklistCatalogue
) -> None:
    care, jbi, naranjo = (bundled_checklists.get(c) for c in ("care-2013", "jbi-case-report", "naranjo-1981"))
    assert care is not None and jbi is not None and naranjo is not None
    with pytest.raises(ValueError, match="takes yes, no, unclear, na"):
        session.answer(jbi, "3", "partly")
    with pytest.raises(ValueError, match="has no item '14'"):
        session.answer(care, "14", "yes")
    with pytest.raises(ValueError, match="medication row and an effect"):
        session.answer(naranjo, "2", "yes")
    with pytest.raises(ValueError, match="no medication row"):
        session.answer(care, "1", "yes", DROWSINESS)
    with pytest.raises(ValueError, match="has no overall decision"):
        session.answer(care, "overall", "include")
    assert session.review.checklist == [] and not session.dirty


def test_every_operation_is_one_undoable_change(session: ReviewSession, bundled_checklists: ChecklistCatalogue) -> None:
    jbi, naranjo = bundled_checklists.get("jbi-case-report"), bundled_checklists.get("naranjo-1981")
    assert jbi is not None and naranjo is not None
    states: list[Review] = [session.review]

    def step(changed: bool) -> None:
        assert changed
        states.append(session.review)

    session.answer(jbi, "7", "yes")
    step(True)
    session.answer(jbi, "overall", "include")
    step(True)
    session.set_checklist_note(jbi, "7", "Drowsiness and dizziness.")
    step(True)
    step(session.clear_answer("jbi-case-report", "7"))
    session.answer(naranjo, "2", "yes", DROWSINESS)
    step(True)
    step(session.clear_assessment("naranjo-1981", DROWSINESS))
    step(session.mark_complete())
    assert session.review.review.complete and session.dirty
    # What did nothing is no change, and leaves nothing to undo.
    assert not session.mark_complete()
    assert not session.clear_answer("jbi-case-report", "1")
    # Each undo goes back exactly one step, answers, notes and the complete flag alike.
    for earlier in reversed(states[:-1]):
        assert session.undo()
        assert session.review.checklist == earlier.checklist
        assert session.review.review.complete == earlier.review.complete
    assert not session.undo()
    for later in states[1:]:
        assert session.redo()
        assert session.review.checklist == later.checklist
    assert session.review.review.complete


def test_clearing_an_answer_keeps_its_note(session: ReviewSession, bundled_checklists: ChecklistCatalogue) -> None:
    care = bundled_checklists.get("care-2013")
    assert care is not None
    session.answer(care, "13", "no")
    session.set_checklist_note(care, "13", "No consent statement.")
    session.clear_answer("care-2013", "13")
    entry = session.checklist_answer("care-2013", "13")
    assert entry is not None and entry.answer is None and entry.note == "No consent statement."
    assert progress(care, session.review).answered == 0
    session.set_checklist_note(care, "13", "")
    assert session.checklist_answer("care-2013", "13") is None


def test_a_note_edit_keeps_the_version_the_item_was_answered_against(
    session: ReviewSession, bundled_checklists: ChecklistCatalogue
) -> None:
    care = bundled_checklists.get("care-2013")
    assert care is not None
    old = ChecklistAnswer(checklist="care-2013", version="2012", item="1", answer="yes")
    session.review = session.review.model_copy(update={"checklist": [old]})
    entry = session.set_checklist_note(care, "1", "Checked against the 2012 draft.")
    assert entry is not None and entry.version == "2012" and entry.answer == "yes"


def _full_review(case_id: str) -> Review:
    header = ReviewHeader(
        case_id=case_id, case_sha256="0" * 64, reviewer="Ana", created=WHEN, updated=WHEN, complete=True
    )
    answers = [
        ChecklistAnswer(checklist="naranjo-1981", version="1981", medication="clonazepam", effect="dizziness",
                        item="10", answer="no"),
        ChecklistAnswer(checklist="naranjo-1981", version="1981", medication="clonazepam", effect="dizziness",
                        item="2", answer="yes", note="After the first dose.\nTolerable."),
        ChecklistAnswer(checklist="jbi-case-report", version="2017", item="overall", answer="seek_further_info"),
        ChecklistAnswer(checklist="jbi-case-report", version="2017", item="7", answer="yes"),
        ChecklistAnswer(checklist="care-2013", version="2013", item="13", note="Ask the authors."),
        ChecklistAnswer(checklist="care-2013", item="10d", answer="partly"),
        ChecklistAnswer(checklist="care-2013", item="9a", answer="yes"),
    ]  # fmt: skip
    return Review(review=header, checklist=answers)


def test_answers_survive_a_round_trip_in_one_stable_order(tmp_path: Path, seed_case: CaseRecord) -> None:
    review = _full_review(seed_case.id)
    path = tmp_path / "r.review.toml"
    write_review(path, review)
    again = read_review(path, seed_case)
    assert again == review.ordered()
    assert [(a.checklist, a.effect, a.item) for a in again.checklist] == [
        ("care-2013", None, "9a"),
        ("care-2013", None, "10d"),
        ("care-2013", None, "13"),
        ("jbi-case-report", None, "7"),
        ("jbi-case-report", None, "overall"),
        ("naranjo-1981", "dizziness", "2"),
        ("naranjo-1981", "dizziness", "10"),
    ]
    text = path.read_text(encoding="utf-8")
    assert "complete = true\n" in text
    assert (
        '[[checklist]]\nchecklist = "naranjo-1981"\nversion = "1981"\nmedication = "clonazepam"\n'
        'effect = "dizziness"\nitem = "2"\nanswer = "yes"\nnote = """\nAfter the first dose.\nTolerable."""\n'
    ) in text
    assert review_to_toml(again) == text


def test_an_unmarked_review_is_written_as_it_always_was(seed_case: CaseRecord) -> None:
    review = new_review(seed_case.id, "0" * 64, "Ana")
    assert "complete" not in review_to_toml(review)
    assert review.review.complete is False


def test_an_old_review_file_still_reads(tmp_path: Path, seed_case: CaseRecord) -> None:
    """Written before versions, effects, overall decisions and `complete` existed."""
    path = tmp_path / "old.review.toml"
    path.write_text(
        '[review]\ncase_id = "clonazepam-vcf-myeloma"\ncase_sha256 = "' + "0" * 64 + '"\nreviewer = "Ana"\n'
        "created = 2026-11-25 06:00:00+00:00\nupdated = 2026-11-25 06:00:00+00:00\n\n"
        '[[checklist]]\nchecklist = "care-2013"\nitem = "5d"\nanswer = "partly"\nnote = ""\n',
        encoding="utf-8",
    )
    review = read_review(path, seed_case)
    assert review.review.complete is False
    assert review.checklist == [ChecklistAnswer(checklist="care-2013", item="5d", answer="partly")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"medication": "clonazepam"}, "medication and effect go together"),
        ({"answer": None, "note": ""}, "an entry needs an answer or a note"),
        ({"effect": "drowsiness\n", "medication": "clonazepam"}, "String should match pattern"),
        ({"item": "5:d"}, "String should match pattern"),
    ],
)
def test_malformed_entries_are_refused(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ChecklistAnswer.model_validate({"checklist": "care-2013", "item": "1", "answer": "yes", **fields})


def test_answers_are_checked_against_their_definition(bundled_checklists: ChecklistCatalogue) -> None:
    answers = [
        ChecklistAnswer(checklist="care-2013", item="5d", answer="partly"),  # fine: no version, checked as current
        ChecklistAnswer(checklist="jbi-case-report", version="2017", item="3", answer="partly"),  # JBI has no partly
        ChecklistAnswer(checklist="jbi-case-report", version="2017", item="3", answer="yes"),  # answered twice
        ChecklistAnswer(checklist="care-2013", version="2013", item="14", answer="yes"),  # no such item
        ChecklistAnswer(checklist="naranjo-1981", item="2", answer="yes"),  # no effect named
        ChecklistAnswer(checklist="care-2025", item="1", answer="yes"),  # not known here
        ChecklistAnswer(checklist="murad-2018", version="2030", item="9", answer="maybe"),  # a later version
    ]
    review = Review(review=new_review("clonazepam-vcf-myeloma", "0" * 64, "Ana").review, checklist=answers)
    problems = [(p.field_path, p.severity) for p in check_answers(review, bundled_checklists)]
    assert problems == [
        ("checklist[1].answer", "error"),
        ("checklist[2].item", "error"),
        ("checklist[3].item", "error"),
        ("checklist[4].medication", "error"),
        ("checklist[5].checklist", "note"),
        ("checklist[6].version", "note"),
        ("checklist[6].item", "note"),
    ]


def test_an_answer_about_a_row_the_case_lacks_is_a_note(
    seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue
) -> None:
    entry = ChecklistAnswer(
        checklist="naranjo-1981", medication="morphine-oral", effect="nausea", item="1", answer="yes"
    )
    review = Review(review=new_review(seed_case.id, "0" * 64, "Ana").review, checklist=[entry])
    problems = check_answers(review, bundled_checklists, seed_case)
    assert [(p.field_path, p.severity) for p in problems] == [("checklist[0].medication", "note")]
