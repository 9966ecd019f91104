"""A relative day names the event it counts from wherever it is shown: table, detail, medication stop, exports.

"Clonazepam no longer needed" is about 21 days after "Clonazepam started", not after the row
above it ("Fentanyl patch"); a bare "~+21 d" read as the latter.
"""

from __future__ import annotations

from datetime import UTC, datetime

from textual.widgets import Static

from tests.review_helpers import make_app, review_screen, screen_text
from tui.clinical.rows import event_cells
from tui.clinical.timeline import place_events
from tui.export import render
from tui.export.notes import build_review_notes
from tui.model import CaseRecord
from tui.widgets.medication_table import MedicationTable
from tui.widgets.timeline_pane import TimelineTable

WIDE = (140, 45)
ANCHORED = "~21 d after clonazepam started"


async def test_the_timeline_table_and_its_detail_name_the_anchor() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        table = review_screen(app).query_one(TimelineTable)
        assert table.get_cell("clonazepam-stopped", "day").plain == ANCHORED
        assert table.get_cell("pain-onset", "index").plain == "1", "events are numbered from 1, as the legend"
        assert ANCHORED in screen_text(app), "shown whole at 140 columns"
        table.select_event("clonazepam-stopped")
        await pilot.pause()
        detail = str(review_screen(app).query_one("#timeline-detail", Static).render())
        assert detail.startswith(f"#13 {ANCHORED} · Clonazepam no longer needed\n")
        table.select_event("clonazepam-started")
        await pilot.pause()
        detail = str(review_screen(app).query_one("#timeline-detail", Static).render())
        assert detail.startswith("#9 day not stated · Clonazepam started"), "the anchor numbered as in #"
        assert "N d after EVENT" in screen_text(app), "the legend says how a relative day reads"


async def test_a_cut_day_cell_is_whole_in_the_detail_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        table = review_screen(app).query_one(TimelineTable)
        assert table.column_width("day") < len(ANCHORED), "at 80 columns the day is cut in the table"
        table.select_event("clonazepam-stopped")
        await pilot.pause()
        detail = str(review_screen(app).query_one("#timeline-detail", Static).render())
        assert ANCHORED in detail, "and whole in the detail box"


async def test_the_medication_stop_names_the_anchor() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        review_screen(app).query_one(MedicationTable).select_medication("clonazepam")
        await pilot.pause()
        detail = str(review_screen(app).query_one("#medication-detail", Static).render())
        assert f"Clonazepam no longer needed ({ANCHORED})" in detail


def test_every_export_names_the_anchor_and_html_keeps_the_tilde(seed_case: CaseRecord) -> None:
    notes = build_review_notes(seed_case, None, exported=datetime(2026, 1, 1, tzinfo=UTC))
    markdown, html = render("md", notes), render("html", notes)
    assert f"Clonazepam no longer needed (\\{ANCHORED})" in markdown, "Markdown escapes ~ as \\~"
    assert f"<td>13</td><td>{ANCHORED}</td><td>Clonazepam no longer needed</td>" in html
    assert "<td>1</td><td>~-14</td><td>Onset of low back pain</td>" in html, "the approximate day keeps its ~"
    assert "Movement pain relieved (1 d after clonazepam started)" in html
    numbers = [event_cells(placed)["#"] for placed in place_events(seed_case)]
    assert numbers[0] == "1" and numbers[-1] == str(len(seed_case.timeline))
