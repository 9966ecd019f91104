"""A checklist item as a note's place: its id, its label, its order, and a note tying it to words of the text."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tui.model import CaseRecord
from tui.model.anchoring import reanchor
from tui.model.checklist_catalogue import ChecklistCatalogue, ItemPlace, item_place_id, parse_item_place
from tui.model.places import Place, describe_place, place_label, places_of
from tui.model.review import Annotation, new_review, now
from tui.model.review_outline import document_order
from tui.model.review_session import NoteDraft, ReviewSession

QUOTE = "The adverse effects of clonazepam, such as drowsiness and dizziness, were tolerable."


def test_item_place_ids_split_back() -> None:
    assert item_place_id("care-2013", "5d") == "care-2013:5d"
    assert item_place_id("naranjo-1981", "2", "clonazepam", "QT prolongation") == (
        "naranjo-1981:2@clonazepam/QT prolongation"
    )
    assert parse_item_place("naranjo-1981:2@clonazepam/QT prolongation") == ItemPlace(
        "naranjo-1981", "2", "clonazepam", "QT prolongation"
    )
    assert parse_item_place("care-2013:5d") == ItemPlace("care-2013", "5d")
    for broken in ("care-2013", ":5d", "care-2013:", "naranjo-1981:2@clonazepam", "naranjo-1981:2@/x"):
        assert parse_item_place(broken) is None


def test_the_old_form_is_read_when_the_checklist_is_known(bundled_checklists: ChecklistCatalogue) -> None:
    assert parse_item_place("care-2013-5d", bundled_checklists) == ItemPlace("care-2013", "5d")
    assert parse_item_place("care-2013-99", bundled_checklists) is None
    assert parse_item_place("care-2013-5d") is None


def test_without_installed_checklists_an_item_is_named_by_its_id(seed_case: CaseRecord) -> None:
    assert place_label(seed_case, "checklist", "care-2013:5d") == "care-2013:5d"


def test_places_label_items_by_short_title(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    assert place_label(seed_case, "checklist", "care-2013:5d") == "CARE 5d: Past interventions and their results"
    assert place_label(seed_case, "checklist", "care-2013-13") == "CARE 13: Informed consent"
    assert place_label(seed_case, "checklist", "jbi-case-report:overall") == "JBI: Overall appraisal"
    assert place_label(seed_case, "checklist", "naranjo-1981:2@clonazepam/drowsiness") == (
        "Naranjo 2: Followed the drug (drowsiness with clonazepam)"
    )
    assert place_label(seed_case, "checklist", "team-form:q1") == "team-form:q1"
    place = Place("checklist", "care-2013:10d", 10, 20, section="case-presentation")
    assert describe_place(seed_case, place) == (
        "checklist item CARE 10d: Adverse and unexpected events, text in Case presentation"
    )


def test_notes_on_items_follow_the_checklists_order(
    seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue
) -> None:
    stamp = now()

    def note(number: int, target_id: str) -> Annotation:
        return Annotation(
            id=f"a-000000{number}aaaaaa", target="checklist", target_id=target_id, author="Ana", created=stamp,
            updated=stamp,
        )  # fmt: skip

    notes = [note(1, "naranjo-1981:1"), note(2, "care-2013:13"), note(3, "jbi-case-report:2"), note(4, "care-2013:3a")]
    ordered = [a.target_id for a in document_order(seed_case, notes)]
    assert ordered == ["care-2013:3a", "care-2013:13", "jbi-case-report:2", "naranjo-1981:1"]
    assert places_of(seed_case).position("checklist", "team-form:q1") is None


def test_an_item_tied_to_words_of_the_text(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    section = seed_case.section("case-presentation")
    assert section is not None
    start = section.text.index(QUOTE)
    session = ReviewSession(new_review(seed_case.id, "0" * 64, "Ana"))
    place = Place(
        "checklist", item_place_id("care-2013", "10d"), start, start + len(QUOTE), section="case-presentation"
    )
    note = session.annotate(seed_case, place, NoteDraft(kind="concern", body="Not graded."), "Ana")
    assert (note.target, note.target_id, note.section) == ("checklist", "care-2013:10d", "case-presentation")
    assert note.quote == QUOTE and note.text_section == "case-presentation"
    assert session.at_place(place) == [note]
    assert session.undo() and session.review.annotations == []


def test_a_tied_note_is_found_again_when_the_text_moves_and_kept_when_it_goes(seed_case: CaseRecord) -> None:
    section = seed_case.section("case-presentation")
    assert section is not None
    start = section.text.index(QUOTE)
    stamp = now()
    tied = Annotation(
        id="a-0000001aaaaaa", target="checklist", target_id="care-2013:10d", section="case-presentation",
        start=start, end=start + len(QUOTE), quote=QUOTE, prefix="", suffix="", author="Ana", created=stamp,
        updated=stamp,
    )  # fmt: skip
    review = new_review(seed_case.id, "0" * 64, "Ana").model_copy(update={"annotations": [tied]})
    moved_text = "A new first sentence. " + section.text
    moved = _with_text(seed_case, moved_text)
    again, orphans = reanchor(moved, review)
    assert orphans == frozenset()
    assert again.annotations[0].start == start + len("A new first sentence. ")
    gone = _with_text(seed_case, section.text.replace(QUOTE, ""))
    kept, orphans = reanchor(gone, review)
    assert orphans == {"a-0000001aaaaaa"} and kept.annotations == [tied]


def _with_text(case: CaseRecord, text: str) -> CaseRecord:
    sections = [s.model_copy(update={"text": text}) if s.id == "case-presentation" else s for s in case.sections]
    return case.model_copy(update={"sections": sections})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"target": "medication", "section": "case-presentation", "start": 0, "end": 1}, "only a checklist note"),
        ({"section": "case-presentation"}, "only with the span"),
        ({"start": 0, "end": 4}, "have a text span"),
    ],
)
def test_only_checklist_notes_name_a_section(fields: dict[str, object], message: str) -> None:
    stamp = now()
    base = {"id": "a-0000001aaaaaa", "target": "checklist", "target_id": "care-2013:1", "author": "Ana"}
    with pytest.raises(ValidationError, match=message):
        Annotation.model_validate({**base, "created": stamp, "updated": stamp, **fields})
