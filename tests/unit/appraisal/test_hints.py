"""Hints from the record and where an item is addressed: suggestions with reasons, never answers."""

from __future__ import annotations

import pytest

from tui.appraisal import effect_targets, hints, sections_for
from tui.appraisal.effects import adverse_effects_of
from tui.model import CaseRecord, Medication, Section
from tui.model.checklist import ChecklistDefinition
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.model.review import AdverseEffect

DROWSINESS = AdverseEffect("clonazepam", "drowsiness")


def _definition(catalogue: ChecklistCatalogue, checklist: str) -> ChecklistDefinition:
    definition = catalogue.get(checklist)
    assert definition is not None
    return definition


def _with_sections(case: CaseRecord, *sections: Section) -> CaseRecord:
    return case.model_copy(update={"sections": [*case.sections, *sections]})


def _by_item(found: list[object]) -> dict[str, tuple[str | None, str]]:
    return {h.item: (h.suggested, h.reason) for h in found}  # type: ignore[attr-defined]


def test_care_hints_on_the_seed_case(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    found = _by_item(hints(seed_case, _definition(bundled_checklists, "care-2013")))
    assert list(found) == ["7", "10d", "13"]
    # A timeline in the record, but none in the report: where to look, no answer suggested.
    assert found["7"][0] is None and "14 events" in found["7"][1] and "table or figure" in found["7"][1]
    # Adverse effects on a row: suggest yes, naming the row and the words.
    assert found["10d"] == (
        "yes",
        "The record gives adverse effects for clonazepam 0.5 mg/day (“Drowsiness and dizziness, tolerable”): "
        "check they are described.",
    )
    # No section mentions consent.
    assert found["13"] == ("no", "No section of the report mentions consent.")


def test_consent_mentioned_points_at_the_section_instead(
    seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue
) -> None:
    consent = Section(id="consent", title="Declarations", text="Written informed consent was obtained.")
    case = _with_sections(seed_case, consent)
    care = _definition(bundled_checklists, "care-2013")
    (hint,) = [h for h in hints(case, care) if h.item == "13"]
    assert hint.suggested is None and hint.sections == ("consent",)
    assert "'Declarations'" in hint.reason
    # And `enter` on item 13 jumps there.
    item = care.item("13")
    assert item is not None and sections_for(case, item) == ["consent"]


def test_a_timeline_section_suggests_yes(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    case = _with_sections(seed_case, Section(id="timeline-table", title="Timeline", text="Day 0: admitted."))
    jbi = _definition(bundled_checklists, "jbi-case-report")
    found = _by_item(hints(case, jbi))
    assert found["2"] == ("yes", "The report has a section titled 'Timeline'.")
    assert found["7"][0] == "yes"


def test_no_timeline_and_no_effects_no_hints(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    bare = seed_case.model_copy(
        update={
            "timeline": [],
            "medications": [m.model_copy(update={"adverse_effects": None}) for m in seed_case.medications],
        }
    )
    assert hints(bare, _definition(bundled_checklists, "jbi-case-report")) == []
    # Murad's own guidance: questions 4-6 concern adverse drug events mostly.
    murad = _by_item(hints(bare, _definition(bundled_checklists, "murad-2018")))
    assert list(murad) == ["4", "5", "6"] and {s for s, _r in murad.values()} == {"na"}
    assert hints(seed_case, _definition(bundled_checklists, "murad-2018")) == []


def test_naranjo_hints_need_an_effect(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    naranjo = _definition(bundled_checklists, "naranjo-1981")
    assert hints(seed_case, naranjo) == []
    assert hints(seed_case, naranjo, AdverseEffect("no-such-row", "rash")) == []
    found = {h.item: h for h in hints(seed_case, naranjo, DROWSINESS)}
    assert list(found) == ["2", "3"]
    # 2: no event dates the drowsiness; the report's words name it after the sentence starting clonazepam.
    assert found["2"].suggested == "yes" and found["2"].sections == ("case-presentation",)
    assert "after the sentence that starts clonazepam" in found["2"].reason and "not a date" in found["2"].reason
    # 3: where clonazepam stops, what improved is the pain, not the drowsiness: no suggestion.
    assert found["3"].suggested is None
    assert "does not name drowsiness" in found["3"].reason and "'Clonazepam no longer needed'" in found["3"].reason


def _timeline_case(case: CaseRecord, *texts: tuple[str, str]) -> CaseRecord:
    """The seed with events rewritten: (event id, new text)."""
    rewritten = dict(texts)
    timeline = [e.model_copy(update={"text": rewritten.get(e.id, e.text)}) for e in case.timeline]
    return case.model_copy(update={"timeline": timeline})


def test_naranjo_2_and_3_from_the_timeline(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    naranjo = _definition(bundled_checklists, "naranjo-1981")
    after = _timeline_case(
        seed_case,
        ("clonazepam-relief", "Movement pain relieved; drowsiness began."),
        ("clonazepam-stopped", "Clonazepam stopped; the drowsiness improved within days."),
    )
    found = {h.item: h for h in hints(after, naranjo, DROWSINESS)}
    assert found["2"].suggested == "yes" and "'Movement pain relieved'" in found["2"].reason
    assert found["3"].suggested == "yes" and "reports drowsiness improving" in found["3"].reason
    before = _timeline_case(seed_case, ("admission", "Admitted drowsy; drowsiness noted on arrival."))
    (two,) = [h for h in hints(before, naranjo, DROWSINESS) if h.item == "2"]
    assert two.suggested == "no" and "before" in two.reason


def test_naranjo_3_needs_a_stop(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    naranjo = _definition(bundled_checklists, "naranjo-1981")
    rows = [m.model_copy(update={"stop": None}) if m.id == "clonazepam" else m for m in seed_case.medications]
    no_stop = seed_case.model_copy(update={"medications": rows})
    assert [h.item for h in hints(no_stop, naranjo, DROWSINESS)] == ["2"]


def test_hints_are_pure(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    before = seed_case.model_dump()
    care = _definition(bundled_checklists, "care-2013")
    assert hints(seed_case, care) == hints(seed_case, care)
    assert seed_case.model_dump() == before


def test_a_team_checklist_gets_no_hints(seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue) -> None:
    own = _definition(bundled_checklists, "care-2013").model_copy(update={"id": "team-care"})
    assert hints(seed_case, own) == []


@pytest.mark.parametrize(
    ("checklist", "item", "expected"),
    [
        ("care-2013", "8a", ["case-presentation"]),
        ("care-2013", "3b", ["abstract-background", "abstract-case-presentation", "abstract-conclusion"]),
        ("care-2013", "4", ["background"]),  # the abstract's Background is not the Introduction
        ("care-2013", "11a", ["discussion"]),
        ("care-2013", "11d", ["conclusions", "discussion"]),
        ("care-2013", "10d", ["case-presentation"]),  # titled like it and mentioning adverse effects
        ("care-2013", "1", []),  # the title is not a section
        ("care-2013", "13", []),  # nothing mentions consent
        ("jbi-case-report", "8", ["conclusions", "discussion"]),
    ],
)
def test_which_sections_address_an_item(
    seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue, checklist: str, item: str, expected: list[str]
) -> None:
    found = _definition(bundled_checklists, checklist).item(item)
    assert found is not None
    assert sections_for(seed_case, found) == expected


def test_every_bundled_item_but_the_title_and_consent_points_somewhere_in_the_seed(
    seed_case: CaseRecord, bundled_checklists: ChecklistCatalogue
) -> None:
    nowhere = [f"{d.id} {i.id}" for d in bundled_checklists for i in d.items if not sections_for(seed_case, i)]
    assert nowhere == ["care-2013 1", "care-2013 2", "care-2013 12", "care-2013 13"]


def test_adverse_effects_are_split_into_effects(seed_case: CaseRecord) -> None:
    assert effect_targets(seed_case) == [
        AdverseEffect("clonazepam", "drowsiness"),
        AdverseEffect("clonazepam", "dizziness"),
    ]
    row = Medication(
        id="x", name="x", role="adjuvant", source_quote="x", adverse_effects="Nausea; QT prolongation, mild."
    )
    assert adverse_effects_of(row) == ["nausea", "QT prolongation"]
    assert adverse_effects_of(row.model_copy(update={"adverse_effects": None})) == []
