"""The bottom line: the keys that apply where focus is, drawn as one line of text.

Textual's `Footer` builds a widget per key and rebuilds them on every focus change,
which cost more than the whole rest of the first screen and sat on the key-press path
(every pane switch moves focus). One `Static` re-rendered from the screen's active
bindings shows the same information for a fraction of the work.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static


class KeyHints(Static):
    """`↑↓ Sentence  1234 Panes  / Search ...  ^p palette`, for the focused widget and its ancestors."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._render_hints()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self._render_hints()

    def hints(self) -> list[tuple[str, str]]:
        """(keys, description) pairs in footer order, grouped bindings folded into one."""
        local, always = self._split_hints()
        return local + always

    def _split_hints(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The keys of where focus is, and the app's own keys (quit, save, export, help)."""
        seen_actions: set[str] = set()
        local: list[tuple[str, str]] = []
        always: list[tuple[str, str]] = []
        group_index: dict[int, int] = {}
        palette_key = self.app.COMMAND_PALETTE_BINDING
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.action in seen_actions or key == palette_key:
                continue
            seen_actions.add(binding.action)
            display = self.app.get_key_display(binding)
            group = binding.group
            pairs = always if active.node is self.app else local
            if group is not None and id(group) in group_index:
                index = group_index[id(group)]
                keys, description = pairs[index]
                pairs[index] = (keys + ("" if group.compact else " ") + display, description)
            elif group is not None:
                group_index[id(group)] = len(pairs)
                pairs.append((display, group.description))
            else:
                pairs.append((display, binding.description))
        return local, always

    def on_resize(self) -> None:
        self._render_hints()

    def _render_hints(self) -> None:
        # The app's keys (quit, save, export, help) and the palette key stay at the right
        # edge whatever the width: a reviewer must always see how to save and how to leave,
        # and from the palette every other action can be found. The keys of where focus is
        # fill the rest, whole hints only, as many as fit.
        local, always = self._split_hints()
        right = Text(end="")
        for keys, description in always:
            right.append(f" {keys} ", style="bold reverse")
            right.append(f" {description} ")
        if self.app.ENABLE_COMMAND_PALETTE:
            palette_key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
            right.append(f" {palette_key} ", style="bold reverse")
            right.append(" palette ")
        if right.cell_len > self.size.width:
            right = _keys_only(always, right)
        room = max(0, self.size.width - right.cell_len)
        hints = Text(no_wrap=True, end="")
        for position, (keys, description) in enumerate(local):
            hint = Text(end="")
            hint.append(f" {keys} ", style="bold reverse")
            hint.append(f" {description} ")
            more = position < len(local) - 1
            if hints.cell_len + hint.cell_len + (1 if more else 0) > room:
                hints.append("…")
                break
            hints.append_text(hint)
        hints.truncate(room)
        hints.pad_right(room - hints.cell_len)
        self.update(hints + right, layout=False)


def _keys_only(always: list[tuple[str, str]], full: Text) -> Text:
    """The app's keys without their words, for a terminal too narrow for both."""
    compact = Text(end="")
    for keys, _description in always:
        compact.append(f" {keys} ", style="bold reverse")
        compact.append(" ")
    return compact if compact.cell_len < full.cell_len else full
