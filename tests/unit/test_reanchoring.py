"""When the case text changes, annotations follow their quotes; the lost become orphans, never dropped."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import SEED_CASE
from tests.review_helpers import make_app, reader
from tests.unit.test_fuzzy_reanchoring import note_on
from tui.model.places import Place
from tui.model.review import Annotation, Review, ReviewHeader
from tui.model.review_session import open_session
from tui.store import read_case
from tui.store.review_file import file_sha256, read_review, write_review

WHEN = datetime(2026, 11, 25, tzinfo=UTC)
MOVES = "His pain at rest was mitigated and rated 3 on the NRS."
CHANGES = "The adverse effects of clonazepam, such as drowsiness and dizziness, were tolerable."
STAYS = "Vertebral compression fractures can cause severe back pain."


def _edited_case(tmp_path: Path) -> Path:
    """The seed case with a paragraph inserted before one annotated sentence and a word changed in another."""
    source = SEED_CASE.read_text(encoding="utf-8")
    edited = source.replace(
        "We initially prescribed acetaminophen",
        "An inserted paragraph that moves everything after it.\\n\\nWe initially prescribed acetaminophen",
        1,
    ).replace("were tolerable.", "were mild.", 1)
    assert edited != source
    path = tmp_path / "clonazepam-vcf-myeloma.toml"
    path.write_text(edited, encoding="utf-8")
    return path


def test_moved_quote_follows_changed_quote_is_found_moved(tmp_path: Path) -> None:
    original = read_case(SEED_CASE)
    annotations = [
        note_on(original, MOVES, "a-0000001moves1", section="case-presentation"),
        note_on(original, CHANGES, "a-0000002chang1", section="case-presentation"),
        note_on(original, STAYS, "a-0000003stays1", section="abstract-background"),
        Annotation(
            id="a-0000004gone01",
            target="medication",
            target_id="morphine",
            author="t",
            created=WHEN,
            updated=WHEN,
            body="row that no longer exists",
        ),
    ]
    header = ReviewHeader(
        case_id=original.id, case_sha256=file_sha256(SEED_CASE), reviewer="t", created=WHEN, updated=WHEN
    )
    review = Review(review=header, annotations=annotations)

    edited_path = _edited_case(tmp_path)
    edited = read_case(edited_path)
    session = open_session(edited, file_sha256(edited_path), review)
    by_id = {a.id: a for a in session.review.annotations}

    moved = by_id["a-0000001moves1"]
    text = edited.section("case-presentation").text  # type: ignore[union-attr]
    assert text[moved.start : moved.end] == MOVES  # type: ignore[misc]
    assert moved.start != annotations[0].start, "it really moved"
    assert by_id["a-0000003stays1"] == annotations[2]
    assert session.orphans == {"a-0000004gone01"}
    assert len(session.review.annotations) == 4, "orphans are kept"
    assert by_id["a-0000004gone01"] == annotations[3], "an orphan is kept exactly as it was"
    changed = by_id["a-0000002chang1"]
    assert changed.quote == CHANGES, "a moved note keeps the words it was written on"
    assert text[changed.start : changed.end] == CHANGES.replace("were tolerable.", "were mild.")  # type: ignore[misc]
    assert session.review.review.case_sha256 == file_sha256(edited_path)
    assert session.dirty, "moved notes are saved knowingly"


async def test_reopened_on_edited_case_highlights_moved_not_orphans(tmp_path: Path) -> None:
    original = read_case(SEED_CASE)
    review_path = tmp_path / "r.review.toml"
    header = ReviewHeader(
        case_id=original.id, case_sha256=file_sha256(SEED_CASE), reviewer="t", created=WHEN, updated=WHEN
    )
    write_review(
        review_path,
        Review(
            review=header,
            annotations=[
                note_on(original, MOVES, "a-0000001moves1", section="case-presentation"),
                note_on(original, CHANGES, "a-0000002chang1", section="case-presentation"),
            ],
        ),
    )
    edited_path = _edited_case(tmp_path)
    app = make_app(edited_path, review_path=review_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.screen.go_to_place(Place("section", "case-presentation"))  # type: ignore[attr-defined]
        await pilot.pause()
        view = reader(app)
        assert sorted(view.text[start:end] for start, end in view.annotated) == sorted(
            [MOVES, CHANGES.replace("were tolerable.", "were mild.")]
        ), "the edited sentence is found again, moved"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_review(review_path, read_case(edited_path))
    assert len(saved.annotations) == 2
    assert saved.review.case_sha256 == file_sha256(edited_path)
