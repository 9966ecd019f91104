"""Events on the day axis, what the pain chart holds, and changes that never cross scales."""

from __future__ import annotations

from tests.conftest import REPO
from tui.clinical.day_axis import AxisDay, day_axis, point_day
from tui.clinical.pain import pain_changes
from tui.clinical.pain_chart import DrugBar, pain_chart_data
from tui.model import CaseRecord
from tui.store import read_case

DAY_AXIS_CASE = REPO / "tests" / "data" / "good" / "day-axis.toml"


def test_each_event_has_a_day_and_says_how_sure_it_is() -> None:
    days = day_axis(read_case(DAY_AXIS_CASE)).by_id
    assert days["admission"] == AxisDay(0, "stated")
    assert days["started"] == AxisDay(2, "stated")
    assert days["better"] == AxisDay(5, "approximate"), "about 3 days after day 2"
    assert days["unstated"] == AxisDay(7.5, "ordered"), "no day: between ~5 and day 10, in record order"
    assert days["follow-up"] == AxisDay(21.5, "ordered"), "14 days after an event placed by order is a guess too"
    assert [days[k].label for k in ("admission", "better", "unstated")] == ["0", "~5", "?"]


def test_the_seed_case_days_count_from_admission(seed_case: CaseRecord) -> None:
    axis = day_axis(seed_case)
    assert axis.reference == "Consultation"
    days = axis.by_id
    assert days["pain-onset"] == AxisDay(-14, "approximate")
    assert days["anti-myeloma-started"] == AxisDay(7, "stated")
    # The report gives clonazepam's start no day: it and everything counted from it are placed, marked "?".
    assert days["clonazepam-started"].kind == "ordered" and days["clonazepam-started"].day > 7
    assert days["clonazepam-relief"].day == days["clonazepam-started"].day + 1
    assert days["clonazepam-stopped"].day == days["clonazepam-started"].day + 21
    assert point_day(seed_case, 30) == AxisDay(30, "stated") and point_day(seed_case, None) is None


def test_the_chart_keeps_scales_apart_and_bars_say_when_they_are_open() -> None:
    data = pain_chart_data(read_case(DAY_AXIS_CASE))
    assert [(s.condition, s.scale, [p.value for p in s.points]) for s in data.series] == [
        ("rest", "NRS 0-10", [8, 4]),
        ("rest", "VAS 0-100", [6.0]),  # 60/100 on the 0-10 axis, in a series of its own
    ]
    assert data.series[1].name == "rest (VAS 0-100, shown /10)"
    assert data.scales == ("NRS 0-10", "VAS 0-100")
    assert [(w.at, w.score.description) for w in data.words] == [(AxisDay(5, "approximate"), "much better")]
    assert [(b.medication.id, b.open_ended) for b in data.bars] == [
        ("drug-a", False),
        ("drug-b", True),
        ("drug-c", False),
    ]
    assert (data.first_day, data.last_day) == (0, 21.5)
    assert AxisDay(5, "approximate") in data.firm_days and all(d.kind != "ordered" for d in data.firm_days)


def test_a_change_from_baseline_never_crosses_scales() -> None:
    changes = {change.name: change for change in pain_changes(read_case(DAY_AXIS_CASE))}
    assert set(changes) == {"rest", "rest (VAS 0-100)"}, "movement has words only: no change to compute"
    assert changes["rest"].percent_reduction == 50, "NRS 8 -> 4"
    assert changes["rest (VAS 0-100)"].latest is None, "one VAS score: nothing to compare it with"


def test_a_bar_line_for_odd_records() -> None:
    """A stop before its start, the thousandth regimen, a regimen with no start: each line still says what it is."""
    from tui.model import Medication
    from tui.widgets.day_chart import DayScale, bar_line

    drug = Medication(id="x", name="oxycodone", role="analgesic", source_quote="q")

    def line(start: AxisDay | None, stop: AxisDay | None, number: int) -> str:
        return "".join(char for char, _ in bar_line(DrugBar(drug, start, stop), number, DayScale(0, 20, 60)))

    assert "oxycodone (stop before sta" in line(AxisDay(10, "stated"), AxisDay(2, "stated"), 1)
    assert line(AxisDay(2, "stated"), None, 1000).startswith("1000")
    assert line(None, None, 7).startswith("  7 oxycodone: start not stated")
