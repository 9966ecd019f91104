"""The `/` search line: it finds every hit in the case as the reviewer types, and keeps them.

The bar owns the search: the query, the hits in reading order and which one is current.
It tells the screen when they change (`HitsChanged`) and when it closes (`Closed`); the
screen shows the hits in the reader and the bar's own words in the status line.
"""

from __future__ import annotations

from textual import on
from textual.message import Message
from textual.widgets import Input

from tui.model import CaseRecord
from tui.model.text_spans import MAX_HITS, TextHit, find_in_case


class SearchBar(Input):
    """Hidden until `/`; `enter` keeps the hits, `escape` clears them (the screen decides)."""

    class HitsChanged(Message):
        """The hits or the current hit changed."""

    class Closed(Message):
        """The bar was closed; `keep` is False when the search was cleared."""

        def __init__(self, keep: bool) -> None:
            self.keep = keep
            super().__init__()

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(placeholder="search the case text; enter keeps the hits, escape clears", id=id)
        self._case = case
        self._order = {section.id: index for index, section in enumerate(case.sections)}
        self.query_text = ""
        self.hits: list[TextHit] = []
        self.index: int | None = None
        self._origin: tuple[int, int] = (0, 0)
        """Where the reader was when the search opened: the first hit is the first at or after it."""

    @property
    def is_open(self) -> bool:
        return self.has_class("visible")

    @property
    def current(self) -> TextHit | None:
        return self.hits[self.index] if self.index is not None and self.hits else None

    def open(self, from_section: str | None) -> None:
        """Show the bar with the last query, searching from the start of `from_section`."""
        self._origin = (self._order.get(from_section or "", 0), 0)
        self.add_class("visible")
        self.value = self.query_text
        self.focus()

    def close(self, *, keep: bool) -> None:
        self.remove_class("visible")
        if not keep:
            self.value = ""
            self._search("")
        self.post_message(self.Closed(keep))

    def step(self, step: int) -> TextHit | None:
        """Make the next (`step` 1) or previous (-1) hit current, wrapping; None when there are no hits."""
        if not self.hits:
            return None
        start = self.index if self.index is not None else (-1 if step > 0 else 1)
        self.index = (start + step) % len(self.hits)
        self.post_message(self.HitsChanged())
        return self.hits[self.index]

    def describe(self) -> str:
        """The search in a few words, for the status line."""
        if not self.query_text:
            return ""
        if not self.hits:
            return f"no hits for “{self.query_text}”"
        count = f"{len(self.hits):,}+" if len(self.hits) >= MAX_HITS else str(len(self.hits))
        return f"hit {(self.index or 0) + 1}/{count} for “{self.query_text}”  (n next, N previous)"

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._search(event.value)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close(keep=True)

    def _search(self, query: str) -> None:
        self.query_text = query
        self.hits = find_in_case(self._case, query)
        self.index = self._first_from_origin() if self.hits else None
        self.post_message(self.HitsChanged())

    def _first_from_origin(self) -> int:
        for index, hit in enumerate(self.hits):
            if (self._order.get(hit.section_id, 0), hit.start) >= self._origin:
                return index
        return 0
