"""The one way widgets turn untrusted strings into something renderable.

Textual and Rich parse plain `str` as markup in many places (labels, tree
nodes, table cells). Case text must never be: `[@click=app.quit]` in a report
would be an action. Wrapping every untrusted string in a `Text` built here,
after control characters are made visible, closes both holes in one place.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tui.safe_text import sanitize_line, sanitize_text


def plain(text: str, style: str | Style = "") -> Text:
    """Untrusted multi-line text, shown literally."""
    return Text(sanitize_text(text), style=style, end="")


def plain_line(text: str, style: str | Style = "") -> Text:
    """Untrusted text forced onto one line (labels, cells, titles)."""
    return Text(sanitize_line(text), style=style, end="", no_wrap=True, overflow="ellipsis")
