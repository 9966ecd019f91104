"""Command palette providers: every section, medication, pain score, event, action and theme.

Textual's `Matcher.highlight()` parses its candidate as markup, and candidates here
are case text, so hits are highlighted by `_highlight()` over plain `Content` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from tui.clinical.timeline import point_label
from tui.safe_text import sanitize_line

if TYPE_CHECKING:
    from tui.app import CaseReviewApp
    from tui.screens.review import ReviewScreen

Entry = tuple[str, Callable[[], object], str]
"""(text shown and matched, what choosing it does, help line)."""


def _highlight(matcher: Matcher, text: str) -> Content:
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _EntryProvider(Provider):
    """A provider over a fixed list of entries, matched fuzzily."""

    def entries(self) -> Iterator[Entry]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for text, command, help_text in self.entries():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self.entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command, text=text, help=help_text)

    def _review_screen(self) -> ReviewScreen | None:
        from tui.screens.review import ReviewScreen

        return next((s for s in self.app.screen_stack if isinstance(s, ReviewScreen)), None)


class CaseContentsProvider(_EntryProvider):
    """Jump to any section, medication, pain score or timeline event."""

    def entries(self) -> Iterator[Entry]:
        screen = self._review_screen()
        if screen is None:
            return
        case = screen.case
        for section in case.sections:
            title = sanitize_line(case.section_path(section.id))
            yield (f"Section: {title}", partial(screen.go_to_section, section.id), "read it")
        for medication in case.medications:
            label = sanitize_line(f"{medication.label} {medication.route or ''}".strip())
            yield (f"Medication: {label}", partial(screen.go_to_medication, medication.id), "show its row")
        for score in case.pain_scores:
            label = sanitize_line(f"{score.condition} {score.reading} at {point_label(case, score.when) or score.when}")
            yield (f"Pain score: {label}", partial(screen.go_to_pain_score, score.id), "show it")
        for event in case.timeline:
            label = sanitize_line(event.label)
            yield (f"Timeline: {label}", partial(screen.go_to_event, event.id), "show it on the timeline")


class ActionsProvider(_EntryProvider):
    """Every action that has a key, run as if the key were pressed."""

    def entries(self) -> Iterator[Entry]:
        from tui.bindings_catalog import bindings_of
        from tui.screens.review import ReviewScreen

        screen = self._review_screen()
        app_actions = [(self.app, bound) for bound in bindings_of(type(self.app))]
        screen_actions = [(screen, bound) for bound in bindings_of(ReviewScreen)] if screen else []
        for target, bound in [*app_actions, *screen_actions]:
            keys = ", ".join(bound.keys)
            run = partial(self.app.run_action, bound.action, target)
            yield (f"Action: {bound.description}", run, f"key: {keys}")
        if screen is not None:
            for column in ("Drug", "Dose", "Route", "Role", "Start", "Stop"):
                yield (f"Action: Sort medications by {column.lower()}", partial(screen.sort_medications, column), "")


class ThemesProvider(_EntryProvider):
    """Every registered theme; the choice is remembered in the user config.

    Themes are found by typing ("theme", a name); they are left out of the list shown before
    anything is typed, which belongs to the case's places and the actions.
    """

    async def discover(self) -> Hits:
        return
        yield

    def entries(self) -> Iterator[Entry]:
        app: CaseReviewApp = self.app  # type: ignore[assignment]
        for name in sorted(app.available_themes):
            yield (f"Theme: {name}", partial(setattr, app, "theme", name), "use this theme (remembered)")
