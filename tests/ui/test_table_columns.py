"""Tables fit the width they have: every column on screen, long cells cut and shown whole below."""

from __future__ import annotations

import pytest

from tests.review_helpers import make_app, review_screen
from tests.ui.test_layout_narrow import widget_text
from tui.widgets.medication_table import COLUMNS, MedicationTable


@pytest.mark.parametrize("size", [(140, 45), (200, 50)])
async def test_every_medication_column_is_on_screen(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = review_screen(app).query_one(MedicationTable)
        header = widget_text(app, table).splitlines()[0]
        for title in COLUMNS:
            assert title[:4] in header, f"{title} is on screen at {size}"
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_wide_screen_shows_narrow_columns_whole() -> None:
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = review_screen(app).query_one(MedicationTable)
        text = widget_text(app, table)
        assert "Route" in text and "Stop" in text and "Response" in text
        assert "intravenous" in text, "a short cell is not cut at 140 columns"


async def test_sorting_keeps_the_column_widths() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        table = review_screen(app).query_one(MedicationTable)
        before = [table.column_width(title.lower()) for title in COLUMNS]
        await pilot.press("s", "s", "s")
        after = [table.column_width(title.lower()) for title in COLUMNS]
        assert max(abs(a - b) for a, b in zip(before, after, strict=True)) <= 1  # only the sort arrow
