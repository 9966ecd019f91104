"""How a medication row, a pain score and a timeline event read: once, for the tables, exports and palette.

A reviewer compares what the app shows with what an export says; both come from these
functions, so a dose or a "when" cannot read one way on screen and another on paper.
Values the report does not give are empty strings, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.clinical.timeline import PlacedEvent, point_label, position_of
from tui.model import CaseRecord, Medication, PainScore
from tui.model.derived import derived

MEDICATION_COLUMNS: tuple[str, ...] = (
    "Drug", "Dose", "Route", "Schedule", "Role", "Start", "Stop", "Response", "Adverse effects",
)  # fmt: skip
PAIN_COLUMNS: tuple[str, ...] = ("When", "Condition", "NRS", "Medications in force")
EVENT_COLUMNS: tuple[str, ...] = ("#", "Day", "Event")


def medication_cells(case: CaseRecord, medication: Medication) -> dict[str, str]:
    """A regimen as every view shows it, column by column (`MEDICATION_COLUMNS`)."""
    return {
        "Drug": medication.name,
        "Dose": medication.dose_label,
        "Route": medication.route or "",
        "Schedule": medication.schedule or "",
        "Role": medication.role,
        "Start": point_label(case, medication.start),
        "Stop": point_label(case, medication.stop),
        "Response": medication.response or "",
        "Adverse effects": medication.adverse_effects or "",
    }


def _medication_labels(case: CaseRecord) -> dict[str, str]:
    return {medication.id: medication.label for medication in case.medications}


def pain_cells(case: CaseRecord, score: PainScore) -> dict[str, str]:
    """A pain score as every view shows it: a number when the report gives one, its words otherwise."""
    names = derived(case, _medication_labels)
    return {
        "When": point_label(case, score.when) or score.when,
        "Condition": score.condition,
        "NRS": score.reading,
        "Medications in force": ", ".join(names.get(m, m) for m in score.after),
    }


def event_cells(placed: PlacedEvent) -> dict[str, str]:
    """A timeline event's number on the axis, its day as far as the report allows, and its label."""
    return {"#": str(placed.number), "Day": placed.day_label, "Event": placed.event.label}


def medication_summary(medication: Medication) -> str:
    """A regimen on one line for lists such as the command palette: `fentanyl 500 μg/day intravenous`."""
    return f"{medication.label} {medication.route or ''}".strip()


def pain_summary(case: CaseRecord, score: PainScore) -> str:
    """A score on one line: `rest 8 at Admission (day 0)`."""
    return f"{score.condition} {score.reading} at {point_label(case, score.when) or score.when}"


# ---- sorting medication rows -------------------------------------------------------------


def missing_last(value: Any) -> tuple[bool, Any]:
    """Sort key that puts values the report does not give after all given ones."""
    if value is None or value == "":
        return (True, 0)
    return (False, value)


def is_missing(key: Any) -> bool:
    """Whether a sort key came from `missing_last` for a value the report does not give."""
    return isinstance(key, tuple) and len(key) == 2 and key[0] is True


MASS_IN_MG: dict[str, float] = {"ng": 1e-6, "μg": 1e-3, "mcg": 1e-3, "ug": 1e-3, "mg": 1.0, "g": 1000.0}
"""Mass units a report writes, in milligrams; `µ` (micro sign) is folded to `μ` first."""

PER_ORDER: dict[str | None, int] = {"dose": 0, "hour": 1, "day": 2, "week": 3, None: 4}
"""Doses are compared only within one period; a dose with no period stated comes after."""


def dose_sort_key(medication: Medication) -> tuple[bool, Any]:
    """Doses by their amount in one unit, within each period (`per`); no dose sorts last.

    Sorting by the unit's spelling put 1 mg before 500 μg and 3000 mg/day before
    500 μg/day; a clinician compares amounts. A range sorts by its bottom (`amount`). A unit
    that is not a mass (IU, mL) is kept in its own group after the masses, by its spelling,
    and compared as written.
    """
    if medication.amount is None:
        return missing_last(None)
    unit = (medication.unit or "").casefold().replace("µ", "μ")
    factor = MASS_IN_MG.get(unit)
    group = ("", 0) if factor is not None else (unit, 1)
    value = medication.amount * factor if factor is not None else medication.amount
    # `5 mg every 8 weeks` sorts among weekly doses as the 0.625 mg a week it amounts to.
    value /= medication.every or 1
    return missing_last((PER_ORDER.get(medication.per, len(PER_ORDER)), group[1], group[0], value))


def medication_sort_keys(case: CaseRecord) -> dict[str, Callable[[Medication], Any]]:
    """How each column sorts: doses by amount, start and stop by their place on the axis, text by its words."""
    return {
        "Drug": lambda m: m.name.casefold(),
        "Dose": dose_sort_key,
        "Route": lambda m: missing_last(m.route),
        "Schedule": lambda m: missing_last(m.schedule),
        "Role": lambda m: m.role,
        "Start": lambda m: missing_last(position_of(case, m.start)),
        "Stop": lambda m: missing_last(position_of(case, m.stop)),
        "Response": lambda m: missing_last(m.response),
        "Adverse effects": lambda m: missing_last(m.adverse_effects),
    }
