"""A detail box's text that re-lays out the screen only when its height changes.

`Static.update` asks for a layout of the whole screen on every call, because the new
text may need more or fewer lines. A detail box is updated on every cursor move in
its table, so moving down a table of a thousand rows paid for a full layout per key.
Most moves show text of the same height: measuring the new text at the current width
is a few microseconds, a layout of the screen is milliseconds.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class DetailText(Static):
    """Static text for a detail box, refreshed without a layout when its height is unchanged."""

    def show(self, text: Text) -> None:
        """Show `text`; lay out again only if it needs a different number of lines."""
        width = self.content_size.width
        if width <= 0 or not self.is_mounted:
            self.update(text)
            return
        old_height = self.content_size.height
        self.update(text, layout=False)
        new_height = self.get_content_height(self.content_size, self.app.size, width)
        if new_height != old_height:
            self.refresh(layout=True)
