"""The review screen's panes: one entry each, from which the pane bar, the number keys, help and jumps derive.

A pane is an entry here and one widget module. Its entry says which key shows it, how the
bar names it, how to build it (importing its module only then, so a pane never shown costs
nothing at start-up), which kind of place it shows (so a jump to a medication lands in the
Medications pane), which catalogue context holds its own keys (for help), and any palette
commands it offers. Its widget answers the small protocols in `tui/widgets/protocols.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textual.widget import Widget

from tui.actions import CATALOGUE, ActionSpec
from tui.clinical.rows import MEDICATION_COLUMNS
from tui.model import CaseRecord


@dataclass(frozen=True, slots=True)
class PaneCommand:
    """A palette command a pane offers: `Sort medications by dose` calls `sort_by("Dose")` on the pane."""

    words: str
    method: str
    argument: str
    action_id: str | None = None
    """The catalogue action the command also is, so the palette can show its key."""


@dataclass(frozen=True, slots=True)
class PaneSpec:
    """One pane of the review screen."""

    name: str
    key: str
    title: str
    short_title: str
    """The bar's label when the full titles do not fit."""
    build: Callable[[CaseRecord], Widget]
    place_kind: str | None = None
    """The kind of place the pane shows and can select (see `model/places.py`)."""
    context: str | None = None
    """The catalogue context of the pane's own keys, listed in help under the pane's title."""
    commands: tuple[PaneCommand, ...] = ()

    @property
    def widget_id(self) -> str:
        return f"{self.name}-pane"

    @property
    def action(self) -> ActionSpec:
        """The action that shows the pane: `review.pane.NAME`, rebindable like any other."""
        return ActionSpec(f"review.pane.{self.name}", self.key, f"show_pane('{self.name}')", self.title, group="Panes")


class PaneRegistry:
    """The panes in the order of their keys; names and keys are unique."""

    def __init__(self) -> None:
        self._panes: dict[str, PaneSpec] = {}

    def register(self, pane: PaneSpec) -> None:
        if pane.name in self._panes:
            raise ValueError(f"a pane named {pane.name!r} is already registered")
        if any(other.key == pane.key for other in self._panes.values()):
            raise ValueError(f"key {pane.key!r} already shows another pane")
        CATALOGUE.add(pane.action)
        self._panes[pane.name] = pane

    def unregister(self, name: str) -> None:
        pane = self._panes.pop(name, None)
        if pane is not None:
            CATALOGUE.remove(pane.action.id)

    def __iter__(self) -> Iterator[PaneSpec]:
        return iter(sorted(self._panes.values(), key=lambda pane: pane.key))

    def __len__(self) -> int:
        return len(self._panes)

    def get(self, name: str) -> PaneSpec:
        return self._panes[name]

    def first(self) -> PaneSpec:
        return next(iter(self))

    def for_kind(self, kind: str) -> PaneSpec | None:
        """The pane that shows places of this kind, if one does."""
        return next((pane for pane in self if pane.place_kind == kind), None)

    def for_context(self, context: str) -> PaneSpec | None:
        return next((pane for pane in self if pane.context == context), None)


# Each builder imports its pane's module: the chart library, for one, loads only with its pane.


def _sections(case: CaseRecord) -> Widget:
    from tui.widgets.section_reader import SectionReader

    return SectionReader(case)


def _medications(case: CaseRecord) -> Widget:
    from tui.widgets.medication_table import MedicationPane

    return MedicationPane(case)


def _pain(case: CaseRecord) -> Widget:
    from tui.widgets.pain_pane import PainPane

    return PainPane(case)


def _timeline(case: CaseRecord) -> Widget:
    from tui.widgets.timeline_pane import TimelinePane

    return TimelinePane(case)


def _appraisal(case: CaseRecord) -> Widget:
    from tui.widgets.appraisal_pane import AppraisalPane

    return AppraisalPane(case)


def _notes(case: CaseRecord) -> Widget:
    from tui.widgets.notes_pane import NotesPane

    return NotesPane(case)


_SORTABLE = ("Drug", "Dose", "Route", "Role", "Start", "Stop")

PANES = PaneRegistry()
PANES.register(PaneSpec("sections", "1", "Sections", "Text", _sections, place_kind="section", context="reader"))
PANES.register(
    PaneSpec(
        "medications",
        "2",
        "Medications",
        "Meds",
        _medications,
        place_kind="medication",
        context="medications",
        commands=tuple(
            PaneCommand(f"Sort medications by {title.lower()}", "sort_by", title)
            for title in MEDICATION_COLUMNS
            if title in _SORTABLE
        ),
    )
)
PANES.register(PaneSpec("pain", "3", "Pain", "Pain", _pain, place_kind="pain_score", context="pain"))
PANES.register(PaneSpec("timeline", "4", "Timeline", "Time", _timeline, place_kind="timeline", context="timeline"))
PANES.register(
    PaneSpec(
        "appraisal",
        "5",
        "Appraisal",
        "Appr",
        _appraisal,
        place_kind="checklist",
        context="appraisal",
        commands=(
            PaneCommand("Appraisal: next unanswered item", "run_key", "next_unanswered", "appraisal.next_open"),
            PaneCommand("Appraisal: accept the hint", "run_key", "accept_hint", "appraisal.hint"),
            PaneCommand("Appraisal: note on the item", "run_key", "edit_item_note", "appraisal.note"),
            PaneCommand("Appraisal: tie the item to the selected text", "run_key", "tie_selection", "appraisal.tie"),
            PaneCommand("Appraisal: clear the answer", "run_key", "clear_answer", "appraisal.clear"),
            PaneCommand("Mark the review complete (or not)", "run_key", "toggle_complete", "appraisal.complete"),
        ),
    )
)
PANES.register(PaneSpec("notes", "6", "Notes", "Notes", _notes, context="notes"))
