"""Every key binding, by where it applies, read from the classes themselves.

The help screen and the command palette's action list are both built from this, so
neither can drift from the bindings that really exist: there is no hand-kept list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode


@dataclass(frozen=True, slots=True)
class BoundAction:
    """One action with every key bound to it in a context."""

    keys: tuple[str, ...]
    action: str
    description: str
    binding: Binding


def bindings_of(node_class: type[DOMNode]) -> list[BoundAction]:
    """The bindings a class has, its bases' included, grouped by action, in declaration order."""
    by_key: dict[str, Binding] = {}
    for base in reversed(node_class.__mro__):
        if isinstance(base, type) and issubclass(base, DOMNode):
            if not getattr(base, "_inherit_bindings", True):
                by_key.clear()
            for binding in Binding.make_bindings(base.__dict__.get("BINDINGS", [])):
                by_key[binding.key] = binding
    grouped: dict[tuple[str, str], list[Binding]] = {}
    for binding in by_key.values():
        if not binding.description and not binding.show:
            continue  # a hidden binding with no words for it (Textual's ctrl+c hint) helps nobody in a list
        description = binding.description or binding.action.replace("_", " ")
        grouped.setdefault((binding.action, description), []).append(binding)
    return [
        BoundAction(tuple(b.key for b in group), action, description, group[0])
        for (action, description), group in grouped.items()
    ]


def help_contexts() -> list[tuple[str, type[DOMNode]]]:
    """Where bindings apply, in the order a new user meets them."""
    # Imported here: some panes pull in heavy libraries and are otherwise loaded on first use.
    from tui.app import CaseReviewApp
    from tui.screens.review import ReviewScreen
    from tui.screens.annotation_editor import AnnotationEditor
    from tui.screens.export_dialog import ExportDialog
    from tui.widgets.medication_table import MedicationTable
    from tui.widgets.notes_pane import NotesTable
    from tui.widgets.pain_pane import PainScoreTable
    from tui.widgets.section_navigator import SectionNavigator
    from tui.widgets.section_reader import SectionReader
    from tui.widgets.timeline_pane import TimelineTable

    contexts: list[tuple[str, Any]] = [
        ("Everywhere", CaseReviewApp),
        ("Review screen", ReviewScreen),
        ("Section list", SectionNavigator),
        ("Section reader", SectionReader),
        ("Medications (2)", MedicationTable),
        ("Pain scores (3)", PainScoreTable),
        ("Timeline (4)", TimelineTable),
        ("Notes (6)", NotesTable),
        ("Annotation editor", AnnotationEditor),
        ("Export dialog", ExportDialog),
    ]
    return contexts
