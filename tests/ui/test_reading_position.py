"""Reopening a case returns to the pane, section and sentence the reviewer left."""

from __future__ import annotations

import json
from pathlib import Path

from tests.review_helpers import current_pane, make_app, reader
from tui.store.reading_positions import positions_path

SIZE = (110, 32)


async def _wait_for(pilot, condition) -> None:  # type: ignore[no-untyped-def]
    for _ in range(250):
        if condition():
            return
        await pilot.pause(0.02)


async def test_reopening_returns_to_the_pane_section_and_sentence(tmp_path: Path) -> None:
    review = tmp_path / "me.review.toml"
    app = make_app(review_path=review)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = reader(app)
        await pilot.press("j", "j")
        kept = (view.section_id, view.cursor)
        await pilot.press("2")
        await pilot.pause()
    assert positions_path().exists(), "the position is kept in the state folder"
    assert not review.exists(), "not in the review"

    again = make_app(review_path=review)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _wait_for(pilot, lambda: current_pane(again) == "medications-pane")
        assert current_pane(again) == "medications-pane"
        assert (reader(again).section_id, reader(again).cursor) == kept


async def test_a_damaged_positions_file_is_ignored_and_replaced() -> None:
    path = positions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"x": [1, 2', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert current_pane(app) == "sections-pane"
        await pilot.press("j")
    assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)


async def test_a_position_the_case_no_longer_has_is_skipped(tmp_path: Path) -> None:
    app = make_app()
    path = positions_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = str(app.document.case_path.resolve())
    path.write_text(json.dumps({key: {"pane": "nowhere", "section": "gone", "sentence": 99}}), encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause(0.1)
        assert current_pane(app) == "sections-pane"
        assert reader(app).cursor == 0
