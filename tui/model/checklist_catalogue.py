"""The checklists this run knows, how a checklist item is named as a place, and the installed set.

A note can sit on a checklist item (`target = "checklist"`). Its `target_id` names the item:
`care-2013:5d`, or for a checklist answered per adverse effect, `naranjo-1981:2@clonazepam/drowsiness`
(checklist id, `:`, item id, then optionally `@`, the medication row id, `/`, the effect). Checklist
ids are slugs and item ids never hold `:` or `@`, so the name splits back without ambiguity. Reviews
written before this scheme used `care-2013-5d`; `parse_item_place` still reads those when the
checklist is known.

Which checklists are known is decided once at start: the bundled files and the user's own, read by
`tui.store.checklist_files.load_checklists`. The app and the command line install that set here
(`install_checklists`) so that every view naming a place (`places.py`, the exports) names a
checklist item the same way, `CARE 5d: Past interventions`, without each of them being handed the
set. Until something is installed no checklist is known and items are named by their ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tui.model.checklist import ChecklistDefinition


@dataclass(frozen=True, slots=True)
class ItemPlace:
    """A checklist item as a note's place: which checklist, which item, and for Naranjo which effect."""

    checklist: str
    item: str
    medication: str | None = None
    effect: str | None = None

    @property
    def target_id(self) -> str:
        base = f"{self.checklist}:{self.item}"
        if self.medication is None or self.effect is None:
            return base
        return f"{base}@{self.medication}/{self.effect}"


def item_place_id(checklist: str, item: str, medication: str | None = None, effect: str | None = None) -> str:
    """The `target_id` of a note on a checklist item: `care-2013:5d`, `naranjo-1981:2@clonazepam/drowsiness`."""
    return ItemPlace(checklist, item, medication, effect).target_id


class ChecklistCatalogue:
    """Checklist definitions by id, in the order they were loaded (bundled first, then the user's)."""

    def __init__(self, definitions: Iterable[ChecklistDefinition] = ()) -> None:
        self._by_id: dict[str, ChecklistDefinition] = {}
        for definition in definitions:
            self._by_id.setdefault(definition.id, definition)
        self._order = {checklist_id: index for index, checklist_id in enumerate(self._by_id)}

    def __iter__(self) -> Iterator[ChecklistDefinition]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, checklist_id: object) -> bool:
        return checklist_id in self._by_id

    def get(self, checklist_id: str) -> ChecklistDefinition | None:
        return self._by_id.get(checklist_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def rank(self, checklist_id: str) -> int:
        """Where a checklist stands among the known ones; unknown ones after all of them."""
        return self._order.get(checklist_id, len(self._order))

    def parse_item_place(self, target_id: str) -> ItemPlace | None:
        """The item a checklist note's `target_id` names, or None when it names none (see the module)."""
        return parse_item_place(target_id, self)

    def item_label(self, target_id: str) -> str:
        """`CARE 5d: Past interventions` (with ` (drowsiness with clonazepam)` for an effect); the id when unknown."""
        place = self.parse_item_place(target_id)
        definition = self.get(place.checklist) if place else None
        if place is None or definition is None:
            return target_id
        item = definition.item(place.item)
        if item is not None:
            label = f"{definition.short_title} {item.id}: {item.title}"
        elif place.item == "overall" and definition.overall is not None:
            label = f"{definition.short_title}: {definition.overall.title}"
        else:
            label = f"{definition.short_title} {place.item}"
        if place.medication is not None:
            label += f" ({place.effect} with {place.medication})"
        return label

    def item_position(self, target_id: str) -> int | None:
        """A checklist item's position among all known items, for reading order; None when unknown."""
        place = self.parse_item_place(target_id)
        definition = self.get(place.checklist) if place else None
        if place is None or definition is None:
            return None
        index = next((i for i, item in enumerate(definition.items) if item.id == place.item), len(definition.items))
        return self.rank(definition.id) * 1_000 + index


def parse_item_place(target_id: str, catalogue: ChecklistCatalogue | None = None) -> ItemPlace | None:
    """Split a checklist note's `target_id`; the old `care-2013-5d` form only when `catalogue` knows it."""
    head, _at, tail = target_id.partition("@")
    medication, effect = None, None
    if tail:
        medication, slash, effect = tail.partition("/")
        if not slash or not medication or not effect:
            return None
    checklist, colon, item = head.partition(":")
    if colon:
        return ItemPlace(checklist, item, medication, effect) if checklist and item else None
    if catalogue is None:
        return None
    # The old form: the longest known checklist id followed by `-` and one of its items.
    for definition in sorted(catalogue, key=lambda d: -len(d.id)):
        prefix = f"{definition.id}-"
        if head.startswith(prefix) and definition.item(head[len(prefix) :]) is not None:
            return ItemPlace(definition.id, head[len(prefix) :], medication, effect)
    return None


_installed = ChecklistCatalogue()


def install_checklists(catalogue: ChecklistCatalogue) -> None:
    """Make `catalogue` the checklists every view of this run knows (see the module docstring)."""
    global _installed  # noqa: PLW0603 - one set per run, replaced whole, never mutated
    _installed = catalogue


def installed_checklists() -> ChecklistCatalogue:
    """The checklists installed for this run; an empty set before `install_checklists`."""
    return _installed
