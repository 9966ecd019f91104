"""The review screen's palette: every place of the case (a jump), the screen's actions, its panes' commands.

These providers belong to the review screen (`ReviewScreen.COMMANDS`), so the palette offers
them only there, and `self.screen` is always the review screen they serve.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding

from tui.actions import CATALOGUE
from tui.clinical.rows import medication_summary, pain_summary
from tui.commands import Entry, EntryProvider
from tui.keymap import effective_keys, keymap_of
from tui.model.places import Place
from tui.safe_text import sanitize_line
from tui.screens.review.panes import PANES

if TYPE_CHECKING:
    from tui.screens.review.screen import ReviewScreen


class PlacesProvider(EntryProvider):
    """Jump to any section, medication, pain score, timeline event or checklist item."""

    def entries(self) -> Iterator[Entry]:
        screen = cast("ReviewScreen", self.screen)
        case = screen.case
        for section in case.sections:
            title = sanitize_line(case.section_path(section.id))
            yield (f"Section: {title}", partial(screen.go_to_place, Place("section", section.id)), "read it")
        for medication in case.medications:
            label = sanitize_line(medication_summary(medication))
            place = Place("medication", medication.id)
            yield (f"Medication: {label}", partial(screen.go_to_place, place), "show its row")
        for score in case.pain_scores:
            label = sanitize_line(pain_summary(case, score))
            yield (f"Pain score: {label}", partial(screen.go_to_place, Place("pain_score", score.id)), "show it")
        for event in case.timeline:
            label = sanitize_line(event.label)
            place = Place("timeline", event.id)
            yield (f"Timeline: {label}", partial(screen.go_to_place, place), "show it on the timeline")
        yield from self._checklist_items(screen)

    def _checklist_items(self, screen: ReviewScreen) -> Iterator[Entry]:
        """Every item of the checklists answered per case, once they are loaded (the Appraisal pane loads them)."""
        from tui.model.checklist_catalogue import installed_checklists, item_place_id

        for definition in installed_checklists():
            if definition.applies_to != "case":
                continue
            for item in definition.items:
                label = sanitize_line(f"{definition.short_title} {item.id}: {item.title}")
                place = Place("checklist", item_place_id(definition.id, item.id))
                yield (f"Checklist: {label}", partial(screen.go_to_place, place), "answer it in the Appraisal pane")


class ReviewActionsProvider(EntryProvider):
    """The review screen's actions (panes, search, notes) and the commands its panes offer."""

    def entries(self) -> Iterator[Entry]:
        screen = cast("ReviewScreen", self.screen)
        yield from self.action_entries(CATALOGUE.in_context("review"), screen)
        keymap = keymap_of(self.app)
        for pane in PANES:
            for command in pane.commands:
                run = partial(screen.run_pane_command, pane.name, command.method, command.argument)
                action = CATALOGUE.get(command.action_id) if command.action_id else None
                keys = (
                    [self.app.get_key_display(Binding(k, "")) for k in effective_keys(action, keymap)] if action else []
                )
                where = f"key in the {pane.title} pane: {', '.join(keys)}" if keys else ""
                yield (f"Action: {command.words}", run, where)
