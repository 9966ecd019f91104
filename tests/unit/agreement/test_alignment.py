"""Reviews aligned by place: what counts as one place, when reviewers disagree there, reading order, orphans."""

from __future__ import annotations

from tests.unit.agreement.builders import SHA, answer, review, row_note, span_note
from tui.agreement.alignment import align, compare, unique_names
from tui.model.case import CaseRecord
from tui.model.places import Place

MED = "fentanyl-pca"


def test_checklist_items_agree_differ_or_are_answered_by_some(seed_case: CaseRecord) -> None:
    ana = review(seed_case, "Ana", answers=[answer("1", "yes"), answer("2", "no"), answer("3a", "yes")])
    ben = review(seed_case, "Ben", answers=[answer("1", "yes"), answer("2", "partly")])
    places = {p.ident: p for p in align(seed_case, [ana, ben])}
    assert places["checklist:care-2013-1"].reasons == ()
    assert places["checklist:care-2013-1"].agreed_category == "yes"
    assert places["checklist:care-2013-2"].reasons == ("answers differ",)
    assert places["checklist:care-2013-3a"].reasons == ("answered by some",)
    assert places["checklist:care-2013-3a"].at("Ben").empty
    assert places["checklist:care-2013-2"].answer_key == ("care-2013", "2")
    assert places["checklist:care-2013-2"].label == "care-2013 item 2"


def test_a_note_on_a_checklist_item_sits_with_its_answers(seed_case: CaseRecord) -> None:
    ana = review(seed_case, "Ana", [row_note("Ana", "checklist", "care-2013-5d")], [answer("5d", "partly")])
    ben = review(seed_case, "Ben", answers=[answer("5d", "partly")])
    (place,) = align(seed_case, [ana, ben])
    assert place.ident == "checklist:care-2013-5d"
    assert len(place.at("Ana").notes) == 1 and place.at("Ana").category == "partly"
    assert place.reasons == ("noted by some",)
    assert not place.answers_disagree and place.notes_disagree


def test_overlapping_text_notes_are_one_place_and_touching_ones_are_not(seed_case: CaseRecord) -> None:
    section = "discussion"
    ana = review(
        seed_case, "Ana", [span_note(seed_case, "Ana", section, 10, 30), span_note(seed_case, "Ana", section, 60, 70)]
    )
    ben = review(
        seed_case, "Ben", [span_note(seed_case, "Ben", section, 25, 40), span_note(seed_case, "Ben", section, 70, 80)]
    )
    places = align(seed_case, [ana, ben])
    assert [p.ident for p in places] == [
        f"section:{section}:10-40",
        f"section:{section}:60-70",
        f"section:{section}:70-80",
    ]
    assert places[0].place == Place("section", section, 10, 40)
    assert places[0].reasons == ()
    assert places[1].reasons == places[2].reasons == ("noted by some",)
    assert places[0].label == "Discussion, text"


def test_overlap_chains_across_reviewers(seed_case: CaseRecord) -> None:
    notes = [("Ana", 0, 10), ("Ben", 9, 20), ("Chen", 19, 30)]
    reviews = [review(seed_case, who, [span_note(seed_case, who, "background", s, e)]) for who, s, e in notes]
    (place,) = align(seed_case, reviews)
    assert place.place == Place("section", "background", 0, 30)


def test_kinds_must_match_as_sets(seed_case: CaseRecord) -> None:
    ana = review(
        seed_case, "Ana", [row_note("Ana", "medication", MED, "concern"), row_note("Ana", "timeline", "admission")]
    )
    ben = review(
        seed_case, "Ben", [row_note("Ben", "medication", MED, "error"), row_note("Ben", "timeline", "admission")]
    )
    places = {p.ident: p for p in align(seed_case, [ana, ben])}
    assert places[f"medication:{MED}"].reasons == ("kinds differ",)
    assert places["timeline:admission"].reasons == ()


def test_words_never_make_a_disagreement(seed_case: CaseRecord) -> None:
    ana = review(seed_case, "Ana", [row_note("Ana", "medication", MED)], [answer("4", "yes", note="clear")])
    ben = review(seed_case, "Ben", [row_note("Ben", "medication", MED)], [answer("4", "yes", note="fine, mostly")])
    assert not any(place.disagree for place in align(seed_case, [ana, ben]))


def test_places_come_in_reading_order(seed_case: CaseRecord) -> None:
    ana = review(
        seed_case,
        "Ana",
        [
            row_note("Ana", "timeline", seed_case.timeline[0].id),
            span_note(seed_case, "Ana", "discussion", 5, 9),
            row_note("Ana", "medication", seed_case.medications[1].id),
            span_note(seed_case, "Ana", "abstract-background", 50, 60),
            row_note("Ana", "section", "discussion"),
            row_note("Ana", "pain_score", seed_case.pain_scores[0].id),
            row_note("Ana", "medication", seed_case.medications[0].id),
        ],
        [answer("10a", "yes"), answer("3a", "no"), answer("2", "yes"), answer("1", "yes", checklist="jbi-case-report")],
    )
    places = align(seed_case, [ana, review(seed_case, "Ben")])
    assert [p.ident for p in places] == [
        "section:abstract-background:50-60",
        "section:discussion",
        "section:discussion:5-9",
        f"medication:{seed_case.medications[0].id}",
        f"medication:{seed_case.medications[1].id}",
        f"pain_score:{seed_case.pain_scores[0].id}",
        f"timeline:{seed_case.timeline[0].id}",
        "checklist:care-2013-2",
        "checklist:care-2013-3a",
        "checklist:care-2013-10a",
        "checklist:jbi-case-report-1",
    ]
    assert all(place.disagree for place in places)


def test_orphans_are_set_aside_and_changed_reviews_are_reanchored(seed_case: CaseRecord) -> None:
    text = seed_case.section("discussion").text  # type: ignore[union-attr]
    moved = span_note(seed_case, "Ana", "discussion", 20, 40)
    # Ana's note recorded at stale offsets (as if written against an older text): its quote is found again.
    stale = moved.model_copy(update={"start": 120, "end": 140})
    gone = row_note("Ana", "medication", "morphine")
    ana = review(seed_case, "Ana", [stale, gone], sha="b" * 64)
    ben = review(seed_case, "Ben", [span_note(seed_case, "Ben", "discussion", 30, 45)])
    comparison = compare(seed_case, [ana, ben], case_sha256=SHA)
    assert comparison.changed == (True, False)
    (place,) = comparison.places
    assert place.place == Place("section", "discussion", 20, 45)
    assert place.at("Ana").notes[0].quote == text[20:40]
    assert comparison.orphans == (frozenset({gone.id}), frozenset())
    assert comparison.orphan_notes() == [("Ana", gone)]


def test_stepping_through_disagreements_wraps(seed_case: CaseRecord) -> None:
    ana = review(
        seed_case, "Ana", answers=[answer("1", "yes"), answer("2", "no"), answer("3a", "yes"), answer("4", "no")]
    )
    ben = review(
        seed_case, "Ben", answers=[answer("1", "yes"), answer("2", "yes"), answer("3a", "yes"), answer("4", "yes")]
    )
    comparison = compare(seed_case, [ana, ben])
    assert [p.disagree for p in comparison.places] == [False, True, False, True]
    assert comparison.step_disagreement(None, 1) == 1
    assert comparison.step_disagreement(None, -1) == 3
    assert comparison.step_disagreement(1, 1) == 3
    assert comparison.step_disagreement(3, 1) == 1
    assert comparison.step_disagreement(1, -1) == 3
    assert comparison.step_disagreement(2, -1) == 1
    assert comparison.index_of("checklist:care-2013-4") == 3
    agreeing = compare(seed_case, [ana, ana])
    assert agreeing.step_disagreement(None, 1) is None


def test_three_reviewers_and_repeated_names(seed_case: CaseRecord) -> None:
    reviews = [
        review(seed_case, "Ana", answers=[answer("1", "yes")]),
        review(seed_case, "Ana", answers=[answer("1", "yes")]),
        review(seed_case, "Ben"),
    ]
    comparison = compare(seed_case, reviews)
    assert comparison.reviewers == ("Ana", "Ana (2)", "Ben")
    (place,) = comparison.places
    assert place.reasons == ("answered by some",)
    assert [entry.reviewer for entry in place.by_reviewer] == ["Ana", "Ana (2)", "Ben"]
    assert unique_names(["a", "b", "a", "a"]) == ("a", "b", "a (2)", "a (3)")


def test_nothing_to_align(seed_case: CaseRecord) -> None:
    assert align(seed_case, [review(seed_case, "Ana"), review(seed_case, "Ben")]) == []
