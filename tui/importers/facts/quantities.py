"""Doses as written: a number or a range, any space, a unit, and how often.

`3000 mg/day`, `500 μg/day`, `0.5 mg`, `5–10 mg/kg/day`, `1,000 mg every 8 hours`,
`40 mg per day`, `5 mg/kg every 8 weeks`, `2 mg twice daily`, `1%`. Units a dose is given
in are few (mass, volume, international units, percent strength); a number with any other
unit (°C, g/dL, mmol/L, mm, kg/m2) is a measurement and never becomes a dose. The micro
prefix is written μ (Greek mu), µ (micro sign), mc or u: all are read as μg.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

Per = Literal["day", "dose", "hour", "week"]

_SPACE = r"[ \u00a0\u2009\u202f\u200a\u2002-\u2008]?"
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)"
_RANGE = rf"(?P<amount>{_NUMBER})(?:{_SPACE}(?:[-–—]|to){_SPACE}(?P<amount_max>{_NUMBER}))?"
_UNIT = (
    r"(?P<unit>(?:mg|μg|µg|mcg|ug|ng|g|mL|ml|L|IU|iu|U|units?|mEq|mmol|%)"
    r"(?:/(?:kg|m2|m²))?)"
)
_PER = (
    r"(?P<per>"
    r"/(?:day|d|24\s?h(?:ours?)?|h|hr|hour|dose|week|wk|min)\b|"
    r"\s(?:per|a|each)\s(?:day|hour|dose|week)\b|"
    r"\s(?:daily|hourly|weekly)\b|"
    r"\severy\s(?P<every>\d{1,3}|other)\s(?P<every_unit>hours?|hrs?|h|days?|d|weeks?|wks?|months?)\b|"
    r"\sq\.?\s?(?P<q>\d{1,2})\s?h\b"
    r")?"
    r"(?P<freq>\s(?:once|twice|thrice|(?:two|three|four|five|six|\d)\s?times)\s(?:daily|a\sday|per\sday|a\sweek|weekly)\b|"
    r"\s(?:b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|o\.?d|bd|tds|prn|nocte)\b\.?|\sas\sneeded\b|\son\sdemand\b)?"
)
DOSE = re.compile(rf"(?<![\w.,/])(?P<number>{_RANGE}){_SPACE}{_UNIT}(?!\w){_PER}", re.IGNORECASE)
"""A dose: amount (or range), unit, and an optional period. Case-insensitive, so `MG` reads too."""

_MEASURE_AFTER = re.compile(r"^/(?:dl|l|ml|min|mm3|µl|μl|hpf)\b|^\s?(?:of\s)?(?:blood|urine|fluid|effusion)", re.I)
_PER_WORDS: tuple[tuple[str, Per], ...] = (
    ("24h", "day"), ("day", "day"), ("daily", "day"), ("hourly", "hour"), ("/d", "day"), ("dose", "dose"),
    ("week", "week"), ("wk", "week"), ("hour", "hour"), ("/h", "hour"),
)  # fmt: skip
"""Words of a period, in the order they are tried (`24h` before `h`)."""
_UNIT_WORDS = {"hour": "hour", "hr": "hour", "h": "hour", "day": "day", "d": "day", "week": "week", "wk": "week",
               "month": "month"}  # fmt: skip
_FROM_BEFORE = re.compile(r"\bfrom\s$", re.IGNORECASE)
_MICRO = re.compile(r"^(?:μ|µ|mc|u)g", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Dose:
    """One dose as the text gives it, and where it stands in the sentence."""

    amount: float
    amount_max: float | None
    unit: str
    per: Per | None
    every: int | None
    schedule: str | None
    start: int
    end: int
    unit_start: int
    uncertain: str | None = None
    """Why a person should check this dose (a period the record cannot hold), or None."""


def find_doses(sentence: str) -> list[Dose]:
    """Every dose in the sentence, in order; measurements (g/dL, mL of blood) left out."""
    doses: list[Dose] = []
    for match in DOSE.finditer(sentence):
        if _MEASURE_AFTER.match(sentence[match.end("unit") :]):
            continue
        amount = parse_number(match.group("amount"))
        top = match.group("amount_max")
        amount_max = parse_number(top) if top else None
        if amount is None or (top and (amount_max is None or amount_max < amount)):
            continue
        per, every, schedule, uncertain = _period(match)
        if freq := (match.group("freq") or "").strip():
            per, schedule = per or "dose", " ".join(filter(None, (schedule, freq)))
        dose = Dose(
            amount=amount,
            amount_max=amount_max,
            unit=normal_unit(match.group("unit")),
            per=per,
            every=every,
            schedule=schedule,
            start=match.start(),
            end=match.end(),
            unit_start=match.start("unit"),
            uncertain=uncertain,
        )
        if amount_max is not None and _FROM_BEFORE.search(sentence[: match.start()]):
            # "increased from 10 to 20 mg": two regimens, not a range.
            doses.append(replace(dose, amount_max=None, end=match.end("amount")))
            dose = replace(dose, amount=amount_max, amount_max=None, start=match.start("amount_max"))
        doses.append(dose)
    return doses


def parse_number(text: str) -> float | None:
    """`1,000` -> 1000, `0.5` -> 0.5; None for anything else."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def normal_unit(unit: str) -> str:
    """One spelling per unit: `mcg`, `µg`, `ug` -> `μg`; `ml` -> `mL`; `units` -> `units`."""
    unit = _MICRO.sub("μg", unit)
    lowered = unit.casefold()
    if lowered.startswith("ml"):
        return "mL" + unit[2:]
    if lowered in ("u", "unit", "units"):
        return "units"
    if lowered == "iu":
        return "IU"
    if lowered.startswith(("mg", "g", "ng", "meq", "mmol")):
        return {"meq": "mEq", "mmol": "mmol"}.get(lowered, lowered)
    return unit


def _period(match: re.Match[str]) -> tuple[Per | None, int | None, str | None, str | None]:
    """(per, every, schedule words, doubt) from the words after the unit."""
    raw = (match.group("per") or "").strip()
    if not raw:
        return None, None, None, None
    lowered = raw.casefold().replace(" ", "")
    if match.group("q"):
        hours = int(match.group("q"))
        return ("hour", hours, raw, None) if hours >= 2 else ("hour", None, raw, None)
    if match.group("every"):
        count_text, unit = match.group("every"), _UNIT_WORDS.get(match.group("every_unit").casefold().rstrip("s"), "")
        count = 2 if count_text.casefold() == "other" else int(count_text)
        if unit == "month":
            return None, None, raw, "a period in months (the record counts hours, days or weeks)"
        per: Per = "hour" if unit == "hour" else "day" if unit == "day" else "week"
        return (per, count, raw, None) if count >= 2 else (per, None, raw, None)
    if lowered.startswith("/min"):
        return None, None, "per minute", "a rate per minute (the record counts hours, days or weeks)"
    for words, per_value in _PER_WORDS:
        if words in lowered:
            return per_value, None, None, None
    return None, None, raw, None
