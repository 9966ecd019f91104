"""The pain chart on a day axis and the drug bars under it, driven as a user would (`3`), read off the screen.

The case `tests/data/good/day-axis.toml` has admission (day 0), a stated day 2, an
approximate day (~5, three days after day 2), an undated event, day 10, and a regimen of
each kind: closed, open-ended, started on a day number with an approximate stop.
"""

from __future__ import annotations

from tests.conftest import REPO
from tests.review_helpers import make_app, review_screen, screen_text
from tui.app import CaseReviewApp
from tui.widgets.day_chart import GUTTER, DrugBars, PainDayChart
from tui.widgets.pain_pane import PainScoreTable

DAY_AXIS_CASE = REPO / "tests" / "data" / "good" / "day-axis.toml"
WIDE = (140, 45)
NARROW = (80, 24)


def chart_lines(app: CaseReviewApp) -> list[str]:
    """The chart's lines as the screen shows them, from the chart's own left edge."""
    chart = review_screen(app).query_one(PainDayChart)
    region = chart.region
    strips = app.screen._compositor.render_strips()
    return [strip.crop(region.x, region.right).text for strip in strips[region.y : region.bottom]]


def bar_texts(app: CaseReviewApp) -> list[str]:
    bars = review_screen(app).query_one(DrugBars)
    return [bars.render_line(y).text for y in range(len(bars.data.bars))]


async def test_scores_sit_at_their_day_columns_with_a_shape_per_condition() -> None:
    app = make_app(DAY_AXIS_CASE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        chart = review_screen(app).query_one(PainDayChart)
        scale, lines = chart.scale(), chart_lines(app)
        assert scale.first == 0 and scale.last == 21.5, "day 0 to the follow-up, 14 days after the undated event"
        assert lines[chart.row_of(8)][scale.column(0)] == "●", "rest 8 on admission, at day 0"
        assert lines[chart.row_of(4)][scale.column(10)] == "●", "rest 4 at day 10"
        assert lines[chart.row_of(6)][scale.column(2)] == "○", "VAS 60/100 at day 2: a hollow shape on 0-10"
        # One straight segment joins the two NRS measurements; nothing is drawn as a point between them.
        between = [lines[row][scale.column(0) + 1 : scale.column(10)] for row in range(chart.plot_rows())]
        assert sum(line.count("●") for line in between) == 0
        assert any(set(line.strip()) & {"─", "╲"} for line in between)
        assert all(line[scale.column(11) :].strip() == "" for line in lines[: chart.plot_rows()]), "nothing after"


async def test_day_labels_mark_approximate_days_and_words_are_labelled_marks() -> None:
    app = make_app(DAY_AXIS_CASE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        chart = review_screen(app).query_one(PainDayChart)
        scale, lines = chart.scale(), chart_lines(app)
        axis, labels = lines[chart.plot_rows()], lines[chart.plot_rows() + 1]
        assert axis.startswith("   └")
        assert labels[scale.column(0)] == "0" and labels[scale.column(10) : scale.column(10) + 2] == "10"
        approximate = scale.column(5)
        assert labels[approximate : approximate + 2] == "~5", "an approximate day carries its ~"
        assert axis[approximate] == "△", "the score in words is marked on the axis at its day"
        words = lines[chart.plot_rows() + 2]
        assert words[approximate:].startswith("△much better"), "and labelled with its words under it"
        legend = str(review_screen(app).query_one("#pain-legend").render())
        assert "● rest" in legend and "○ rest (VAS 0-100, shown /10)" in legend and "~ approximate day" in legend
        title = str(review_screen(app).query_one("#pain-chart-title").render())
        assert title == "Pain, 0-10 (NRS 0-10, VAS 0-100 put on 0-10), by day from admission"


async def test_one_named_bar_per_regimen_on_the_same_columns() -> None:
    app = make_app(DAY_AXIS_CASE)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        chart = review_screen(app).query_one(PainDayChart)
        bars = review_screen(app).query_one(DrugBars)
        assert bars.region.x == chart.region.x and bars.size.width == chart.size.width, "one axis for both"
        scale = chart.scale()
        closed, open_ended, approximate_stop = bar_texts(app)
        assert closed[:GUTTER].strip() == "1" and "drug A" in closed
        assert closed[scale.column(2)] == "├" and closed[scale.column(10)] == "┤", "from its start to its stop"
        assert "drug B" in open_ended and open_ended.rstrip().endswith("→"), "no stop given: open to the edge"
        assert "╍" in open_ended and "┤" not in open_ended
        assert approximate_stop[scale.column(0)] == "├" and approximate_stop[scale.column(5)] == "~"
        assert "drug C" in approximate_stop


async def test_the_seed_chart_names_every_regimen_and_its_words_at_80x24() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        texts = bar_texts(app)
        for medication, text in zip(app.document.case.medications, texts, strict=True):
            assert medication.name[:12] in text, (medication.name, text)
        assert "?" in texts[0], "the NSAID's start has no day: its bar starts with ?"
        text = screen_text(app)
        assert "△remained unchanged" in text and "~-14" in text
        legend = str(review_screen(app).query_one("#pain-legend").render())
        assert "? no day given, placed in record order" in legend


async def test_the_pain_table_fits_the_width_and_the_detail_gives_the_score_whole() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        table = review_screen(app).query_one(PainScoreTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "every column on screen"
        assert "NSAID (agent not named)" in screen_text(app), "the medication column is not cut to NSA"
        await pilot.press("G")
        await pilot.pause()
        detail = str(review_screen(app).query_one("#pain-detail").render())
        assert detail.startswith("Movement pain relieved (1 d after clonazepam started) · movement ·")
        assert "“dramatically relieved” · in force: clonazepam 0.5 mg/day" in detail


async def test_the_pain_table_fits_at_80x24_and_the_chart_axis_is_in_view() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        table = review_screen(app).query_one(PainScoreTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        text = screen_text(app)
        assert " 10┤" in text and "   └" in text and "  0┤" in text, "the whole plot and its axis fit"
        assert "days from consultation" in text, "the axis says what its days count from"
        await pilot.press("G")
        await pilot.pause()
        # The table cuts it to "clonazepa…"; the detail box shows it whole, on screen.
        assert "clonazepam 0.5 mg/day" in screen_text(app), "the last score's detail is whole on screen at 80x24"
