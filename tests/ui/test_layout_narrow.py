"""Every pane at 80x24 shows, or scrolls to, all it holds; and still reads well at 200x60.

These drive the app as a user would (keys, then what the screen shows), at the two sizes
a tester used: the smallest terminal the README promises, and a large one.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from tests.conftest import REPO
from tests.review_helpers import make_app, review_screen, screen_text
from tui.app import CaseReviewApp
from tui.model.note_filter import parse_filter
from tui.model.review import Annotation
from tui.screens.review.panes import PANES
from tui.widgets.day_chart import PainDayChart
from tui.widgets.medication_table import MedicationTable
from tui.widgets.notes_pane import NotesTable, note_count
from tui.widgets.pane_bar import PaneBar, PaneLabel, render_bar

SEED_REVIEW = REPO / "tests" / "data" / "export" / "seed.ana-sousa.review.toml"
WHEN = datetime(2026, 11, 25, tzinfo=UTC)
NARROW = (80, 24)
WIDE = (200, 60)


def widget_text(app: CaseReviewApp, widget: Widget) -> str:
    """What the screen shows inside a widget's region, line by line."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.crop(region.x, region.right).text for strip in strips[region.y : region.bottom])


def seeded_app(tmp_path: Path) -> CaseReviewApp:
    """The seed case with a copy of the example review (nine notes, two orphans)."""
    review = tmp_path / "seed.review.toml"
    shutil.copy(SEED_REVIEW, review)
    return make_app(review_path=review)


# ---- 1. the pane bar and the review status ------------------------------------------------


async def test_pane_bar_names_the_current_pane_at_80_columns(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "a-rather-long-reviewer-name.review.toml")
    app.document.session.add(
        Annotation(
            id="a-0000001abcdef",
            target="section",
            target_id="abstract-background",
            author="t",
            created=WHEN,
            updated=WHEN,
            body="x",
        )
    )
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        bar = review_screen(app).query_one(PaneBar)
        for pane in PANES:
            key, title = pane.key, pane.title
            await pilot.press(key)
            await pilot.pause()
            assert title in widget_text(app, bar), (key, widget_text(app, bar))
        text = screen_text(app)
        assert "● unsaved" in text
        assert "a-rather-long-reviewer-name.review.toml" in text, "the review file's name is never cut"


async def test_pane_bar_and_status_share_one_row_at_200_columns(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "wide.review.toml")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        screen = review_screen(app)
        bar = screen.query_one(PaneBar)
        status = screen.query_one("#review-status", Static)
        assert bar.region.y == status.region.y, "side by side"
        assert "1 Sections   2 Medications   3 Pain   4 Timeline   5 Appraisal   6 Notes" in widget_text(app, bar)
        assert "wide.review.toml" in widget_text(app, status)


def test_bar_falls_back_to_shorter_forms_that_still_name_the_current_pane() -> None:
    labels = [PaneLabel(pane.key, pane.name, pane.title, pane.short_title) for pane in PANES]
    assert render_bar(labels, "pain", 200).plain.startswith(" 1 Sections   2 Medications ")
    full = " 1 Sections  2 Medications  3 Pain  4 Timeline  5 Appraisal  6 Notes "
    assert render_bar(labels, "pain", 70).plain == full
    assert render_bar(labels, "timeline", 56).plain == " 1 Text  2 Meds  3 Pain  4 Timeline  5 Appr  6 Notes "
    assert render_bar(labels, "medications", 30).plain == " 1  2 Medications  3  4  5  6 "


# ---- 2. detail areas reach everything ------------------------------------------------------


async def test_medication_detail_scrolls_to_the_source_sentence_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("2")
        review_screen(app).query_one(MedicationTable).select_medication("clonazepam")
        await pilot.pause()
        assert "clonazepam 0.5 mg/day" in screen_text(app)
        await pilot.press("tab")
        assert isinstance(app.focused, VerticalScroll) and app.focused.id == "medication-detail-box"
        await pilot.press("end")
        await pilot.pause()
        box = widget_text(app, app.focused)
        assert "adverse effects: Drowsiness and dizziness" in box
        assert "anxiolytic agent.”" in box, "the end of the source sentence is reachable"


async def test_timeline_legend_reaches_every_medication_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        seen = screen_text(app)
        await pilot.press("tab")
        assert isinstance(app.focused, VerticalScroll) and app.focused.id == "timeline-legend-box"
        for _ in range(6):
            await pilot.press("pagedown")
            await pilot.pause()
            seen += screen_text(app)
        for number, medication in enumerate(app.document.case.medications, start=1):
            assert f"{number:>2} ██ {medication.name}" in seen, medication.id


async def test_timeline_event_text_is_reachable_whole_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("4", "down", "down", "down", "down")
        await pilot.pause()
        event = app.document.case.timeline[4]
        assert event.id == "pca-started"
        await pilot.press("tab")
        seen = widget_text(app, app.focused)
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
            seen += widget_text(app, app.focused)
        assert "movement pain unchanged." in " ".join(seen.split()), "the end of the event's words is reachable"


async def test_timeline_legend_shows_every_medication_at_once_at_200x60() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        text = screen_text(app)
        for medication in app.document.case.medications:
            assert f"██ {medication.name} {medication.dose_label}".rstrip() in text, medication.id


async def test_notes_show_kind_and_status_and_the_highlighted_note_whole_at_80x24(tmp_path: Path) -> None:
    app = seeded_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = review_screen(app).query_one(NotesTable)
        shown = widget_text(app, table)
        assert "Kind" in shown and "Status" in shown
        assert "question" in shown and "resolved" in shown
        await pilot.press("j", "j", "j")
        await pilot.pause()
        note = table.note_at_cursor()
        assert note is not None and note.kind == "concern"
        detail = str(review_screen(app).query_one("#notes-detail", Static).render())
        assert detail.startswith("concern · open · tags dose route · by Ana Sousa")
        assert note.body in detail, "the whole body, not its first line cut to a column"
        box = review_screen(app).query_one("#notes-detail-box", VerticalScroll)
        await pilot.press("tab")
        assert app.focused is box
        await pilot.press("end")
        await pilot.pause()
        assert "per bolus is not given." in widget_text(app, box)


async def test_notes_detail_shows_the_full_quote_and_every_line_of_the_body(tmp_path: Path) -> None:
    app = seeded_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        first = review_screen(app).query_one(NotesTable).note_at_cursor()
        assert first is not None and first.quote and "\n" in first.body.strip()
        text = screen_text(app)
        assert f"“{first.quote}”" in text
        for line in first.body.strip().splitlines():
            assert line in text


# ---- 3. the pain chart's legend ----------------------------------------------------------


async def test_pain_chart_legend_does_not_cover_the_admission_scores_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        chart = widget_text(app, review_screen(app).query_one(PainDayChart))
        assert "rest" not in chart and "movement" not in chart, chart
        top = next(line for line in chart.splitlines() if line.startswith(" 10┤"))
        assert "▲" in top, "movement 10 at admission is drawn"
        labels = [int(line.split("┤")[0]) for line in chart.splitlines() if "┤" in line]
        assert labels == sorted(labels, reverse=True) and labels[0] == 10 and labels[-1] == 0, labels
        assert labels in ([10, 5, 0], [10, 8, 6, 4, 2, 0]), "no two ticks share a row"
        legend = str(review_screen(app).query_one("#pain-legend", Static).render())
        assert "● rest" in legend and "▲ movement" in legend


# ---- 4. dose sort --------------------------------------------------------------------------

DOSES_ASCENDING = [
    "fentanyl-pca",  # 500 μg/day
    "clonazepam",  # 0.5 mg/day, the same amount: the record's order
    "fentanyl-pca-increased",  # 700 μg/day
    "ketamine-pca",  # 40 mg/day
    "lidocaine-pca",  # 400 mg/day
    "acetaminophen",  # 3000 mg/day
    "fentanyl-patch",  # 1 mg, no period stated: after the daily doses
]
NO_DOSE = ["nsaid", "bortezomib-lenalidomide-dexamethasone"]


async def test_dose_sort_compares_amounts_in_one_unit_and_keeps_no_dose_last() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("2", "s", "s")
        table = review_screen(app).query_one(MedicationTable)
        assert table.row_ids == DOSES_ASCENDING + NO_DOSE
        await pilot.press("r")
        descending = [
            "fentanyl-patch",
            "acetaminophen",
            "lidocaine-pca",
            "ketamine-pca",
            "fentanyl-pca-increased",
            "fentanyl-pca",
            "clonazepam",
        ]  # equal amounts keep the record's order both ways
        assert table.row_ids == descending + NO_DOSE, "no dose stays last reversed too"
        await pilot.press("s")  # route: rows with no route stay last when reversed as well
        await pilot.press("r")
        routes = [next(m.route for m in app.document.case.medications if m.id == i) for i in table.row_ids]
        given = [r for r in routes if r]
        assert routes == given + [None] * (len(routes) - len(given))


# ---- 5. the notes filter -------------------------------------------------------------------


async def test_unknown_kind_in_the_filter_is_named_with_the_valid_ones(tmp_path: Path) -> None:
    app = seeded_app(tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("6", "f", *"kind:bogus")
        await pilot.pause()
        count = str(review_screen(app).query_one("#notes-count", Static).render())
        assert count.startswith("0 of 9 notes")
        assert "“bogus”" in count and "comment, question, concern, error, praise" in count
        text = screen_text(app)
        assert "bogus" in text and "praise" in text, "the hint is on screen, not cut"


def test_filter_hint_names_unknown_kinds_and_statuses_only() -> None:
    assert parse_filter("kind:concern status:open dose").hint() == ""
    hint = parse_filter("kind:concern,bogus status:closed").hint()
    assert "“bogus”" in hint and "“concern”" not in hint
    assert "“closed”" in hint and "open, resolved" in hint


def test_note_count_agrees_with_the_total() -> None:
    assert note_count(1, 1) == "1 of 1 note"
    assert note_count(0, 1) == "0 of 1 note"
    assert note_count(1, 3) == "1 of 3 notes"
    assert note_count(0, 0) == "0 of 0 notes"


async def test_one_note_is_counted_as_one_note(tmp_path: Path) -> None:
    app = make_app(review_path=tmp_path / "one.review.toml")
    app.document.session.add(
        Annotation(
            id="a-0000001abcdef",
            target="section",
            target_id="abstract-background",
            author="t",
            created=WHEN,
            updated=WHEN,
            body="x",
        )
    )
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        assert str(review_screen(app).query_one("#notes-count", Static).render()) == "1 of 1 note"


async def test_notes_columns_grow_on_a_wide_terminal(tmp_path: Path) -> None:
    from tui.widgets.notes_pane import COLUMNS, NotesTable, column_widths

    assert column_widths(80) == list(COLUMNS)
    wide = dict(column_widths(200))
    assert wide["Note"] > dict(COLUMNS)["Note"] and wide["Kind"] == dict(COLUMNS)["Kind"]
    app = seeded_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("6")
        await pilot.pause()
        table = app.screen.query_one(NotesTable)
        assert table.column_width("note") > dict(COLUMNS)["Note"]
        assert table.row_count == 9
