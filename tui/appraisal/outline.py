"""The Appraisal pane's rows, worked out without a UI: checklists, their domains, items and overall rows.

A checklist answered per case (CARE, JBI, Murad, a team's form) is one group: a heading row,
then its items under their domains' headings, then its overall decision when it has one. A
checklist answered per adverse effect (Naranjo) is one group per assessment: those the review
holds and those the reviewer started this session (from a medication row), or a single row that
says how to start one. Each row has a key unique in the pane, so the cursor stays on its row when
the rows are rebuilt after an answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.model.checklist import OVERALL_ITEM, ChecklistDefinition, ChecklistItem
from tui.model.checklist_answers import assessments
from tui.model.checklist_catalogue import item_place_id
from tui.model.review import AdverseEffect, Review

RowKind = Literal["checklist", "domain", "item", "overall", "start"]


@dataclass(frozen=True, slots=True)
class OutlineRow:
    """One row of the pane: a heading, an item to answer, the overall row, or how to start an assessment."""

    kind: RowKind
    definition: ChecklistDefinition
    target: AdverseEffect | None = None
    item: ChecklistItem | None = None
    domain: str | None = None

    @property
    def item_id(self) -> str | None:
        """The id answers are recorded under: the item's, or `overall`; None for headings."""
        if self.kind == "item" and self.item is not None:
            return self.item.id
        return OVERALL_ITEM if self.kind == "overall" else None

    @property
    def answerable(self) -> bool:
        return self.item_id is not None

    @property
    def key(self) -> str:
        """Unique in the pane: an item's place id (`care-2013:5d`), else its group and kind
        (`care-2013#checklist`, `naranjo-1981@clonazepam/drowsiness#checklist`)."""
        medication = self.target.medication if self.target else None
        effect = self.target.effect if self.target else None
        if self.item_id is not None:
            return item_place_id(self.definition.id, self.item_id, medication, effect)
        group = self.definition.id + (f"@{medication}/{effect}" if self.target else "")
        return f"{group}#{self.domain}" if self.kind == "domain" else f"{group}#{self.kind}"


def assessment_targets(
    definition: ChecklistDefinition, review: Review, started: Iterable[AdverseEffect] = ()
) -> list[AdverseEffect]:
    """The assessments of a per-effect checklist to show: those answered, then those started, each once."""
    found = list(assessments(review, definition.id))
    for target in started:
        if target not in found:
            found.append(target)
    return found


def checklist_rows(definition: ChecklistDefinition, target: AdverseEffect | None = None) -> list[OutlineRow]:
    """One group: its heading, the items under their domain headings, then the overall row."""
    rows = [OutlineRow("checklist", definition, target)]
    domain: str | None = None
    for index, item in enumerate(definition.items):
        if item.domain is not None and item.domain != domain:
            domain = item.domain
            if not _says_no_more(definition, index):
                rows.append(OutlineRow("domain", definition, target, domain=domain))
        rows.append(OutlineRow("item", definition, target, item=item))
    if definition.overall is not None:
        rows.append(OutlineRow("overall", definition, target))
    return rows


def _says_no_more(definition: ChecklistDefinition, index: int) -> bool:
    """Whether a domain heading would only repeat its one item's title (CARE 1, Title): left out then."""
    item = definition.items[index]
    following = definition.items[index + 1] if index + 1 < len(definition.items) else None
    alone = following is None or following.domain != item.domain
    return alone and definition.domain_title(item.domain).lower() == item.title.lower()


def outline(
    definitions: Iterable[ChecklistDefinition],
    review: Review,
    started: Mapping[str, Sequence[AdverseEffect]] | None = None,
) -> list[OutlineRow]:
    """Every row of the pane, checklist by checklist in catalogue order (see the module)."""
    started = started or {}
    rows: list[OutlineRow] = []
    for definition in definitions:
        if definition.applies_to != "adverse_effect":
            rows.extend(checklist_rows(definition))
            continue
        targets = assessment_targets(definition, review, started.get(definition.id, ()))
        if not targets:
            rows.append(OutlineRow("start", definition))
        for target in targets:
            rows.extend(checklist_rows(definition, target))
    return rows
