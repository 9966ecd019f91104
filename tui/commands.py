"""Command palette providers that apply everywhere: the app's actions, the open cases, the themes.

The review screen adds its own (places of the case, its actions) in `screens/review/palette.py`.
Textual's `Matcher.highlight()` parses its candidate as markup, and candidates here may hold
case text, so hits are highlighted by `_highlight()` over plain `Content` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol, runtime_checkable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import Matcher

from tui.actions import ActionSpec
from tui.keymap import effective_keys, keymap_of
from tui.safe_text import sanitize_line

Entry = tuple[str, Callable[[], object], str]
"""(text shown and matched, what choosing it does, help line)."""


def _highlight(matcher: Matcher, text: str) -> Content:
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class EntryProvider(Provider):
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

    def action_entries(self, actions: Iterable[ActionSpec], target: DOMNode) -> Iterator[Entry]:
        """Each action as if its key were pressed on `target`, with its keys in the words help uses."""
        keymap = keymap_of(self.app)
        for action in actions:
            keys = ", ".join(self.app.get_key_display(Binding(key, "")) for key in effective_keys(action, keymap))
            run = partial(self.app.run_action, action.action, target)
            yield (f"Action: {action.description}", run, f"key: {keys}" if keys else "")


class AppActionsProvider(EntryProvider):
    """The actions that work everywhere: save, export, help, quit."""

    def entries(self) -> Iterator[Entry]:
        from tui.actions import CATALOGUE

        yield from self.action_entries(CATALOGUE.in_context("app"), self.app)


@runtime_checkable
class OpenDocuments(Protocol):
    """An app that holds several open cases and can bring one forward."""

    def document_titles(self) -> list[tuple[str, str]]:
        """(key, title) of every open case."""
        ...

    async def show_document(self, key: str) -> None: ...


class DocumentsProvider(EntryProvider):
    """Every open case, when more than one is open: choosing one brings its review forward."""

    def entries(self) -> Iterator[Entry]:
        app = self.app
        if not isinstance(app, OpenDocuments):
            return
        titles = app.document_titles()
        if len(titles) < 2:
            return
        for key, title in titles:
            yield (f"Case: {sanitize_line(title)}", partial(app.show_document, key), "switch to this case")


class ThemesProvider(EntryProvider):
    """Every registered theme; the choice is remembered in the user config.

    Themes are found by typing ("theme", a name); they are left out of the list shown before
    anything is typed, which belongs to the case's places and the actions.
    """

    async def discover(self) -> Hits:
        return
        yield

    def entries(self) -> Iterator[Entry]:
        for name in sorted(self.app.available_themes):
            yield (f"Theme: {name}", partial(setattr, self.app, "theme", name), "use this theme (remembered)")


OWN_COMMANDS = frozenset({"Theme", "Quit", "Keys"})
"""Textual's system commands that the app gives in its own words (one Theme, one Quit, Help for Keys)."""


def without_own_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's commands less those the app names itself, so the palette lists each thing once."""
    return (command for command in commands if command.title not in OWN_COMMANDS)
