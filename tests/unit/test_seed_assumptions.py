"""The seed record says what it assumes beyond the report, and keeps the report's own facts."""

from __future__ import annotations

from tui.model.case import CaseRecord


def test_every_assumed_day_or_order_is_written_on_its_event(seed_case: CaseRecord) -> None:
    events = {event.id: event for event in seed_case.timeline}
    assert events["admission"].day == 0 and "consultation" in (events["admission"].assumption or "")
    for undated in ("acetaminophen-started", "pca-started"):
        assert events[undated].day is None and "day 7" in (events[undated].assumption or "")
    for counted in ("clonazepam-stopped", "opioids-stopped"):
        assert events[counted].anchor == "clonazepam-started" and events[counted].approximate
        assert "clonazepam start" in (events[counted].assumption or "")
    assert "refused treatment for cancer" in events["cancer-treatment-refused"].text


def test_the_nsaid_stops_at_admission_and_says_why(seed_case: CaseRecord) -> None:
    nsaid = next(m for m in seed_case.medications if m.id == "nsaid")
    assert nsaid.stop == "admission"
    assert "contraindicated" in (nsaid.assumption or "")
