"""Derived figures: days on the timeline, medication spans, pain change and thresholds."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA
from tui.clinical.pain import pain_changes
from tui.clinical.timeline import medication_spans, place_events, point_label, position_of
from tui.model import CaseRecord
from tui.store import read_case

MINIMAL = (DATA / "good" / "minimal.toml").read_text(encoding="utf-8")


def test_days_are_stated_or_derived_from_anchors_never_guessed(seed_case: CaseRecord) -> None:
    placed = {p.event.id: p for p in place_events(seed_case)}
    assert placed["pain-onset"].day == -14 and placed["pain-onset"].day_label == "~-14"
    assert placed["admission"].day == 0
    assert placed["anti-myeloma-started"].day == 7
    # Clonazepam's start has no day in the report, so nothing anchored to it gets one.
    assert placed["clonazepam-started"].day is None and placed["clonazepam-started"].day_label == "?"
    assert placed["clonazepam-relief"].day is None
    # A relative day names the event it counts from, wherever it is shown.
    assert placed["clonazepam-relief"].day_label == "1 d after clonazepam started"
    assert placed["opioids-stopped"].day_label == "~60 d after clonazepam started"


def test_anchor_with_a_dated_event_gets_a_day(tmp_path: Path) -> None:
    text = MINIMAL + '\n[[timeline]]\nid = "later"\nanchor = "admission"\noffset = 3\nlabel = "L"\ntext = "T"\n'
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    case = read_case(path)
    assert [p.day for p in place_events(case)] == [0, 3]
    assert position_of(case, 2) == 1, "a day offset maps to the first event on or after it"
    assert point_label(case, "later") == "L (day 3)"
    assert point_label(case, 5) == "day 5"


def test_medication_spans_follow_start_and_stop_events(seed_case: CaseRecord) -> None:
    spans = {s.medication.id: s for s in medication_spans(seed_case)}
    order = [t.id for t in seed_case.timeline]
    pca = spans["fentanyl-pca"]
    assert (pca.start, pca.stop) == (order.index("pca-started"), order.index("fentanyl-increased"))
    assert pca.in_force_at(order.index("pca-started"))
    assert not pca.in_force_at(order.index("fentanyl-increased"))
    assert spans["ketamine-pca"].stop is None
    assert spans["ketamine-pca"].in_force_at(len(order) - 1)


def test_pain_change_per_condition(seed_case: CaseRecord) -> None:
    rest, movement = pain_changes(seed_case)
    assert rest.condition == "rest"
    assert (rest.change, rest.percent_reduction, rest.threshold) == (-5, 62.5, "substantial")
    assert movement.condition == "movement"
    assert movement.latest is None and movement.change is None and movement.threshold is None
    assert [w.description for w in movement.later_words][-1] == "dramatically relieved"


def test_thresholds_at_their_edges(tmp_path: Path) -> None:
    def change_for(before: int, after: int) -> str | None:
        text = MINIMAL.replace("value = 7", f"value = {before}").replace("value = 4", f"value = {after}")
        path = tmp_path / f"{before}-{after}.toml"
        path.write_text(text, encoding="utf-8")
        [change] = pain_changes(read_case(path))
        return change.threshold

    assert change_for(10, 5) == "substantial"  # exactly 50%
    assert change_for(10, 7) == "moderate"  # exactly 30%
    assert change_for(10, 8) == "below moderate"
    assert change_for(5, 5) == "worse or unchanged"
    assert change_for(0, 3) is None, "no percentage from a baseline of zero"
