"""Doses as written: units three ways, any space, ranges, periods; measurements are not doses."""

from __future__ import annotations

import pytest

from tui.importers.facts.quantities import find_doses


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f", "\u200a", ""])
@pytest.mark.parametrize("micro", ["μg", "µg", "mcg"])
def test_any_space_and_any_micro(space: str, micro: str) -> None:
    (dose,) = find_doses(f"fentanyl 500{space}{micro}/day")
    assert (dose.amount, dose.unit, dose.per) == (500, "μg", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5–10 mg/day", (5, 10, "mg", "day", None)),
        ("5 mg/kg every 8 weeks", (5, None, "mg/kg", "week", 8)),
        ("1,000 mg q6h", (1000, None, "mg", "hour", 6)),
        ("400 mg three times daily", (400, None, "mg", "dose", None)),
        ("40 mg per day", (40, None, "mg", "day", None)),
        ("2 mL/h", (2, None, "mL", "hour", None)),
        ("10 units at night", (10, None, "units", None, None)),
        ("5 mg every 4 h as needed", (5, None, "mg", "hour", 4)),
    ],
)
def test_amounts_units_and_periods(text: str, expected: tuple[object, ...]) -> None:
    (dose,) = find_doses(text)
    assert (dose.amount, dose.amount_max, dose.unit, dose.per, dose.every) == expected


def test_a_change_from_one_dose_to_another_is_two_doses() -> None:
    assert [(d.amount, d.amount_max) for d in find_doses("increased from 10 to 20 mg")] == [(10, None), (20, None)]


@pytest.mark.parametrize(
    "text",
    ["Hb 8.2 g/dL", "sodium 140 mmol/L", "CRP 45 mg/L", "38.5 °C", "at 10:30", "L4-L5", "in 2019", "BMI 31 kg/m2"],
)
def test_measurements_are_not_doses(text: str) -> None:
    assert find_doses(text) == []
