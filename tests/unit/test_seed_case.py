"""The seed record says what the report says: doses, routes, scores and words, checked against the text."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEED_REPORT
from tui.model import CaseRecord


def _report_text() -> str:
    """The seed report as one line: breaks re-joined, end-of-line hyphenation undone, nbsp as space."""
    raw = SEED_REPORT.read_text(encoding="utf-8").replace("\u00a0", " ")
    raw = re.sub(r"-[ \t]*\n\s*", "", raw)
    return re.sub(r"\s+", " ", raw)


REPORT = _report_text()


def test_seed_file_is_byte_for_byte_the_shared_seed() -> None:
    shared = SEED_REPORT.parent.parent.parent / "shared" / "seeds" / SEED_REPORT.name
    if not shared.exists():
        pytest.skip("the shared seeds folder is not beside this checkout")
    assert SEED_REPORT.read_bytes() == shared.read_bytes()


def test_every_section_paragraph_is_the_reports_words(seed_case: CaseRecord) -> None:
    for section in seed_case.sections:
        for paragraph in section.paragraphs:
            assert paragraph in REPORT, f"{section.id}: {paragraph[:60]!r} is not in the report"


def test_sections_cover_the_whole_report(seed_case: CaseRecord) -> None:
    # Remove every paragraph and heading the record holds: nothing of substance may remain.
    rest = REPORT
    for section in seed_case.sections:
        for paragraph in section.paragraphs:
            rest = rest.replace(paragraph, " ", 1)
    for heading in ("CASE REPORT", seed_case.title, "Abstract", "Background:", "Case presentation:", "Conclusion:"):
        rest = rest.replace(heading, " ", 1)
    for heading in ("Background", "Case presentation", "Discussion"):
        rest = rest.replace(heading, " ", 1)
    assert rest.split() == []


def test_section_structure(seed_case: CaseRecord) -> None:
    assert [(s.id, s.parent) for s in seed_case.sections] == [
        ("abstract", None),
        ("abstract-background", "abstract"),
        ("abstract-case-presentation", "abstract"),
        ("abstract-conclusion", "abstract"),
        ("background", None),
        ("case-presentation", None),
        ("discussion", None),
        ("conclusions", None),
    ]


def test_patient(seed_case: CaseRecord) -> None:
    assert seed_case.patient.age == 44
    assert seed_case.patient.sex == "male"
    conditions = " ".join(seed_case.patient.conditions)
    for condition in ("multiple myeloma", "renal dysfunction", "anemia", "hypercalcemia", "L1 and L2"):
        assert condition in conditions
    assert "44-year-old male" in REPORT


# id -> (name, amount, unit, per, route, role, words of the report that state the dose)
MEDICATIONS = {
    "nsaid": (None, None, None, None, None, "analgesic", "prescribed a non-steroidal anti-inflammatory drug"),
    "acetaminophen": ("acetaminophen", 3000, "mg", "day", None, "analgesic", "acetaminophen 3000 mg/day"),
    "fentanyl-pca": (
        "fentanyl",
        500,
        "μg",
        "day",
        "intravenous",
        "analgesic",
        "intravenous infusion of fentanyl 500 μg/day",
    ),
    "ketamine-pca": ("ketamine", 40, "mg", "day", "intravenous", "adjuvant", "ketamine 40 mg/day"),
    "lidocaine-pca": ("lidocaine", 400, "mg", "day", "intravenous", "adjuvant", "lidocaine 400 mg/day"),
    "fentanyl-pca-increased": (
        "fentanyl",
        700,
        "μg",
        "day",
        "intravenous",
        "analgesic",
        "increased to 700 μg/day, including bolus",
    ),
    "clonazepam": ("clonazepam", 0.5, "mg", "day", None, "adjuvant", "clonazepam 0.5 mg/day"),
    "fentanyl-patch": ("fentanyl", 1, "mg", None, "transdermal", "analgesic", "reduced to 1 mg with a patch"),
    "bortezomib-lenalidomide-dexamethasone": (
        "bortezomib, lenalidomide and dexamethasone",
        None,
        None,
        None,
        None,
        "anti-myeloma",
        "Bortezomib, lenalidomide, and dexamethasone therapy was initiated",
    ),
}


def test_every_regimen_is_recorded_once(seed_case: CaseRecord) -> None:
    assert [m.id for m in seed_case.medications] == list(MEDICATIONS)


@pytest.mark.parametrize("medication_id", list(MEDICATIONS))
def test_medication_matches_the_report(seed_case: CaseRecord, medication_id: str) -> None:
    name, amount, unit, per, route, role, words = MEDICATIONS[medication_id]
    medication = next(m for m in seed_case.medications if m.id == medication_id)
    if name is not None:
        assert medication.name == name
    assert medication.amount == amount
    assert medication.unit == unit
    assert medication.per == per
    assert medication.route == route
    assert medication.role == role
    assert words in REPORT
    assert medication.source_quote in REPORT
    if medication.amount is not None:
        assert f"{medication.amount:g} {medication.unit}" in REPORT


def test_pca_rows_say_patient_controlled(seed_case: CaseRecord) -> None:
    for medication_id in ("fentanyl-pca", "ketamine-pca", "lidocaine-pca", "fentanyl-pca-increased"):
        medication = next(m for m in seed_case.medications if m.id == medication_id)
        assert medication.schedule is not None and "patient-controlled analgesia pump" in medication.schedule
    assert "patient-controlled analgesia pump" in REPORT


def test_clonazepam_adverse_effects(seed_case: CaseRecord) -> None:
    clonazepam = next(m for m in seed_case.medications if m.id == "clonazepam")
    # "as an analgesic and anxiolytic agent" is why it was given, not when: the report states no schedule.
    assert clonazepam.schedule is None
    assert clonazepam.adverse_effects is not None
    for effect in ("drowsiness", "dizziness"):
        assert effect in clonazepam.adverse_effects.lower()
        assert effect in REPORT


def test_pain_scores(seed_case: CaseRecord) -> None:
    scores = {p.id: p for p in seed_case.pain_scores}
    numeric = {(p.condition, p.value, p.when) for p in seed_case.pain_scores if p.value is not None}
    assert numeric == {("rest", 8, "admission"), ("movement", 10, "admission"), ("rest", 3, "pca-started")}
    assert "rated the pain as 8 at rest and 10 on movement" in REPORT
    assert "mitigated and rated 3 on the NRS" in REPORT
    unchanged = scores["pca-movement"]
    assert unchanged.value is None and unchanged.description == "remained unchanged"
    relieved = scores["clonazepam-movement"]
    assert relieved.value is None, "the report gives no number after clonazepam"
    assert relieved.description == "dramatically relieved"
    assert relieved.after == ["clonazepam"]
    for score in seed_case.pain_scores:
        assert score.source_quote in REPORT


def test_timeline_runs_from_onset_to_end_of_opioids(seed_case: CaseRecord) -> None:
    first, last = seed_case.timeline[0], seed_case.timeline[-1]
    assert (first.id, first.day, first.approximate) == ("pain-onset", -14, True)
    assert "2 weeks before the consultation" in REPORT
    assert (last.id, last.anchor, last.offset) == ("opioids-stopped", "clonazepam-started", 60)
    assert "discontinued 2 months later" in REPORT
    by_id = {t.id: t for t in seed_case.timeline}
    assert by_id["anti-myeloma-started"].day == 7
    assert "initiated 7 days after consultation" in REPORT
    assert (by_id["clonazepam-stopped"].anchor, by_id["clonazepam-stopped"].offset) == ("clonazepam-started", 21)
