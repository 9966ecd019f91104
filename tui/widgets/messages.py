"""Messages widgets and screens send up; widgets never act on each other directly."""

from __future__ import annotations

from textual.message import Message


class JumpToQuote(Message):
    """Show the sentence a table row came from, highlighted in the reader."""

    def __init__(self, quote: str) -> None:
        self.quote = quote
        super().__init__()


class ReviewChanged(Message):
    """The review in memory changed: the app journals it."""
