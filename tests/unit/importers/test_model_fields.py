"""The case model's fields for imported records: ranges, intervals, scales, review flags, notes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from tui.clinical.rows import dose_sort_key
from tui.model import CaseRecord, Medication, PainScore


def _medication(**fields: object) -> Medication:
    return Medication.model_validate({"id": "m", "name": "drug", "role": "analgesic", "source_quote": "q"} | fields)


def test_a_range_reads_as_a_range() -> None:
    assert _medication(amount=5.0, amount_max=10.0, unit="mg", per="day").dose_label == "5-10 mg/day"


def test_an_interval_reads_in_words() -> None:
    assert _medication(amount=5.0, unit="mg/kg", per="week", every=8).dose_label == "5 mg/kg every 8 weeks"


@pytest.mark.parametrize(
    "fields",
    [
        {"amount_max": 10.0},
        {"amount": 10.0, "amount_max": 5.0},
        {"amount": 1.0, "every": 8},
        {"amount": 1.0, "per": "dose", "every": 3},
    ],
)
def test_incomplete_ranges_and_intervals_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        _medication(**fields)


def test_an_interval_sorts_by_what_it_amounts_to_per_period() -> None:
    every_eight = _medication(amount=8.0, unit="mg", per="week", every=8)
    weekly = _medication(amount=2.0, unit="mg", per="week")
    assert dose_sort_key(every_eight) < dose_sort_key(weekly)


def _score(**fields: object) -> PainScore:
    return PainScore.model_validate({"id": "p", "condition": "rest", "when": "day 1", "source_quote": "q"} | fields)


def test_value_bounds_follow_the_scale() -> None:
    assert _score(scale="VAS 0-100", value=72.0).reading == "72/100 VAS"
    assert _score(value=7.0).reading == "7"
    with pytest.raises(ValidationError, match="less than or equal to 10"):
        _score(value=72.0)
    with pytest.raises(ValidationError, match="less than or equal to 10"):
        _score(scale="VAS 0-10", value=11.0)


def test_flags_and_notes_are_left_out_of_a_dump_unless_set(seed_case: CaseRecord) -> None:
    dumped = seed_case.model_dump(exclude_none=True)
    assert "import_notes" not in dumped
    assert all("needs_review" not in row for row in dumped["medications"])
    flagged = _medication(amount=1.0, needs_review=True).model_dump()
    assert flagged["needs_review"] is True
