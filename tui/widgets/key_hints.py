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
        seen_actions: set[str] = set()
        pairs: list[tuple[str, str]] = []
        group_index: dict[int, int] = {}
        palette_key = self.app.COMMAND_PALETTE_BINDING
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.action in seen_actions or key == palette_key:
                continue
            seen_actions.add(binding.action)
            display = self.app.get_key_display(binding)
            group = binding.group
            if group is not None and id(group) in group_index:
                index = group_index[id(group)]
                keys, description = pairs[index]
                pairs[index] = (keys + ("" if group.compact else " ") + display, description)
            elif group is not None:
                group_index[id(group)] = len(pairs)
                pairs.append((display, group.description))
            else:
                pairs.append((display, binding.description))
        return pairs

    def on_resize(self) -> None:
        self._render_hints()

    def _render_hints(self) -> None:
        # The palette key stays at the right edge whatever the width: from it every other
        # action can be found, so it is the one hint that must never be cut off.
        palette = Text(end="")
        if self.app.ENABLE_COMMAND_PALETTE:
            palette.append(
                f" {self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ''))} ", style="bold reverse"
            )
            palette.append(" palette ")
        hints = Text(no_wrap=True, overflow="ellipsis", end="")
        for keys, description in self.hints():
            hints.append(f" {keys} ", style="bold reverse")
            hints.append(f" {description}  ")
        room = max(0, self.size.width - palette.cell_len)
        if hints.cell_len > room:
            hints.truncate(max(0, room - 1))
            hints.append("…")
        hints.pad_right(room - hints.cell_len)
        self.update(hints + palette)
