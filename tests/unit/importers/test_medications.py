"""Regimens from a sentence: the drug of each dose, routes for lists, denials, classes, combinations."""

from __future__ import annotations

from tui.importers.facts.medications import regimens_in


def _rows(sentence: str, last_drug: str | None = None) -> list[tuple[object, ...]]:
    found, _notes = regimens_in(sentence, sentence, last_drug)
    return [(r.name, r.amount, r.unit, r.route) for r in found]


def test_a_route_stated_once_for_a_list_applies_to_each() -> None:
    sentence = "A continuous intravenous infusion of fentanyl 500 μg/day, ketamine 40 mg/day, and lidocaine 400 mg/day."
    assert _rows(sentence) == [
        ("fentanyl", 500, "μg", "intravenous"),
        ("ketamine", 40, "mg", "intravenous"),
        ("lidocaine", 400, "mg", "intravenous"),
    ]


def test_a_route_that_is_one_drug_s_adjective_stays_with_it() -> None:
    sentence = "Transdermal buprenorphine 10 µg/h (a 7-day patch) and paracetamol 1 g every 6 hours were prescribed."
    assert _rows(sentence) == [("buprenorphine", 10, "μg", "transdermal"), ("paracetamol", 1, "g", None)]


def test_a_route_after_the_list() -> None:
    sentence = "Paracetamol 1 g every 6 hours and ibuprofen 400 mg three times daily were given orally."
    assert [row[3] for row in _rows(sentence)] == ["oral", "oral"]


def test_dose_before_its_drug_and_a_dose_change_far_from_it() -> None:
    assert _rows("She received 500 mg of acetaminophen.")[0][:3] == ("acetaminophen", 500, "mg")
    found, _ = regimens_in("The fentanyl dose was then increased to 700 μg/day.", "q", None)
    assert [(r.name, r.amount, r.doubt is None) for r in found] == [("fentanyl", 700, True)]
    found, _ = regimens_in("The dose was halved to 5 mg.", "q", "oxycodone")
    assert [(r.name, r.amount, r.doubt is not None) for r in found] == [("oxycodone", 5, True)]


def test_a_dose_with_no_drug_and_no_change_is_not_a_regimen() -> None:
    assert _rows("A blood loss of 200 mL was noted.", last_drug="morphine") == []


def test_denied_drugs_are_not_regimens() -> None:
    assert _rows("She declined morphine, and gabapentin was not started.") == []
    rows, notes = regimens_in("He did not receive morphine 10 mg.", "q", None)
    assert rows == [] and notes


def test_a_class_given_and_a_named_combination() -> None:
    assert _rows("He was prescribed a non-steroidal anti-inflammatory drug.") == [
        ("non-steroidal anti-inflammatory drug", None, None, None)
    ]
    assert _rows("Bortezomib, lenalidomide, and dexamethasone therapy was initiated.") == [
        ("bortezomib, lenalidomide and dexamethasone", None, None, None)
    ]


def test_volume_and_strength_are_one_regimen() -> None:
    assert _rows("Then 5 mL of bupivacaine 0.25% was injected.") == [("bupivacaine 0.25%", 5, "mL", None)]


def test_route_after_the_drug_and_numerals_that_are_not_routes() -> None:
    assert _rows("We administered 2 g of magnesium sulfate intravenously.") == [
        ("magnesium sulfate", 2, "g", "intravenous")
    ]
    assert _rows("Stage IV cancer was treated with morphine 10 mg.") == [("morphine", 10, "mg", None)]
    assert _rows("Morphine 2 mg IV.") == [("morphine", 2, "mg", "intravenous")]
