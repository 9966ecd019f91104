"""Time phrases on the day axis; the patient's age and sex."""

from __future__ import annotations

from tui.importers.facts.patient import age_and_sex
from tui.importers.facts.timeline import time_phrases


def _placing(sentence: str) -> list[tuple[object, ...]]:
    return [(p.day, p.offset, p.reference, p.approximate) for p in time_phrases(sentence)]


def test_phrases_against_admission() -> None:
    assert _placing("He had pain for 2 weeks before the consultation.") == [(-14, None, None, True)]
    assert _placing("Therapy was initiated 7 days after admission.") == [(7, None, None, False)]
    assert _placing("On day 2 she walked.") == [(2, None, None, False)]
    assert _placing("She was admitted to our hospital.") == [(0, None, None, False)]


def test_phrases_counting_from_another_event() -> None:
    assert _placing("3 days later, he sat up.") == [(None, 3, None, False)]
    assert _placing("The next day, the pain eased.") == [(None, 1, None, False)]
    assert _placing("It recurred 5 days after surgery.") == [(None, 5, "surgery", False)]
    assert _placing("The opioids were stopped 2 months later.") == [(None, 60, None, True)]


def test_age_and_sex() -> None:
    assert age_and_sex("A 44-year-old male was admitted.")[:2] == (44, "male")
    assert age_and_sex("A woman aged 67 presented.")[:2] == (67, "female")
    _age, sex, note = age_and_sex(
        "The patient, 50 years of age... She said her pain was worse. She slept. Her son came."
    )
    assert sex == "female" and note is not None
