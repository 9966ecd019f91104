"""Reads one section: its title, then its paragraphs, wrapped to the pane.

A line-based scroll view rather than a `Static`: the reader must know which screen line
holds a given character (to keep the sentence cursor and search hits in view, and later
to map selections and clicks), so it wraps the text itself with offsets kept
(`text_layout.wrap_spans`) and renders only the visible lines.
"""

from __future__ import annotations

from typing import ClassVar

import re

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.model import CaseRecord, Section
from tui.model.text_spans import sentence_spans
from tui.safe_text import sanitize_text
from tui.widgets.text_layout import wrap_spans

MARGIN = 2
"""Blank cells left and right of the text, for a calmer reading column."""

Span = tuple[int, int]

SENTENCE_GROUP = Binding.Group("Sentence", compact=True)


class SectionReader(ScrollView, can_focus=True):
    """A section's text, shown literally (never as markup), with a sentence cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "next_sentence", "Next sentence", id="reader.next_sentence", group=SENTENCE_GROUP),
        Binding("k,up", "previous_sentence", "Previous sentence", id="reader.previous_sentence", group=SENTENCE_GROUP),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="reader.page_up"),
        Binding("home,g", "first_sentence", "First sentence", show=False, id="reader.first_sentence"),
        Binding("end,G", "last_sentence", "Last sentence", show=False, id="reader.last_sentence"),
        Binding("v", "toggle_selection", "Select", id="reader.select"),
        Binding("shift+right", "extend('char', 1)", "Extend by character", show=False, id="reader.extend_char"),
        Binding("shift+left", "extend('char', -1)", "Shrink by character", show=False, id="reader.shrink_char"),
        Binding("ctrl+shift+right,alt+shift+right", "extend('word', 1)", "Extend by word", show=False,
                id="reader.extend_word"),
        Binding("ctrl+shift+left,alt+shift+left", "extend('word', -1)", "Shrink by word", show=False,
                id="reader.shrink_word"),
        Binding("shift+down", "extend('sentence', 1)", "Extend by sentence", show=False, id="reader.extend_sentence"),
        Binding("shift+up", "extend('sentence', -1)", "Shrink by sentence", show=False, id="reader.shrink_sentence"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--cursor",
        "reader--hit",
        "reader--current-hit",
        "reader--quote",
        "reader--annotation",
        "reader--selection",
    }

    class SentenceMoved(Message):
        """The cursor moved to another sentence (the status line may say where)."""

        def __init__(self, section_id: str, index: int, count: int) -> None:
            self.section_id = section_id
            self.index = index
            self.count = count
            super().__init__()

    class EdgeReached(Message):
        """`j` on the last sentence or `k` on the first: the reader may go on into the next section."""

        def __init__(self, section_id: str, direction: int) -> None:
            self.section_id = section_id
            self.direction = direction
            super().__init__()

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._case = case
        self._section: Section | None = None
        self._heading = ""
        self._text = ""
        self._sentences: list[Span] = []
        self._rows: list[tuple[str, int, int]] = []
        """Screen rows: ("title"|"text", start, end) offsets into the title or the text."""
        self._wrapped_width = -1
        self.cursor = 0
        self.hits: list[Span] = []
        self.current_hit: int | None = None
        self.quote: Span | None = None
        self.annotated: list[Span] = []
        self._anchor: int | None = None
        self._head: int | None = None

    # ---- what is shown -------------------------------------------------------------

    @property
    def section_id(self) -> str | None:
        return self._section.id if self._section else None

    @property
    def text(self) -> str:
        """The shown section's text exactly as stored (offsets refer to it)."""
        return self._text

    @property
    def sentences(self) -> list[Span]:
        return self._sentences

    def show(self, section_id: str) -> None:
        """Show a section (a heading-only section shows its first sub-section)."""
        section = self._case.section(section_id)
        if section is not None and not section.text.strip():
            section = next(iter(self._case.children(section.id)), section)
        if section is None or section is self._section:
            return
        self._section = section
        # "Abstract › Background", not "Background": the body has a Background too.
        self._heading = self._case.section_path(section.id)
        self._text = section.text
        self._display = sanitize_text(section.text)
        self._sentences = sentence_spans(section.text)
        self.cursor = 0
        self.hits, self.current_hit, self.quote = [], None, None
        self._anchor = self._head = None
        self._wrapped_width = -1
        self._relayout()
        self.scroll_home(animate=False)
        self._announce()

    def set_hits(self, hits: list[Span], current: int | None) -> None:
        """Highlight search hits in this section; `current` is kept in view."""
        self.hits, self.current_hit = hits, current
        if current is not None:
            self.move_cursor_to_offset(hits[current][0])
        self.refresh()

    # ---- selection -----------------------------------------------------------------

    @property
    def selection(self) -> Span | None:
        """The selected text as (start, end), or None; made with `v`, shift+arrows or the mouse."""
        if self._anchor is None or self._head is None or self._anchor == self._head:
            return None
        return (min(self._anchor, self._head), max(self._anchor, self._head))

    def clear_selection(self) -> None:
        self._anchor = self._head = None
        self.refresh()

    def select(self, start: int, end: int) -> None:
        """Select [start, end) of the text (clamped to it)."""
        limit = len(self._text)
        self._anchor, self._head = max(0, min(start, limit)), max(0, min(end, limit))
        self._follow_head()

    def action_toggle_selection(self) -> None:
        if self.selection is not None:
            self.clear_selection()
        elif self._sentences:
            self.select(*self._sentences[self.cursor])

    def action_extend(self, unit: str, step: int) -> None:
        if not self._sentences:
            return
        if self._anchor is None or self._head is None:
            start = self._sentences[self.cursor][0]
            self._anchor = self._head = start
        self._head = self._moved(self._head, unit, step)
        self._follow_head()

    def _moved(self, offset: int, unit: str, step: int) -> int:
        text = self._text
        if unit == "char":
            return max(0, min(len(text), offset + step))
        if unit == "word":
            if step > 0:
                match = re.compile(r"\s*\S+").match(text, offset)
                return match.end() if match else len(text)
            before = re.search(r"\S+\s*$", text[:offset])
            return before.start() if before else 0
        ends = [end for _start, end in self._sentences]
        starts = [start for start, _end in self._sentences]
        if step > 0:
            return next((end for end in ends if end > offset), len(text))
        return next((start for start in reversed(starts) if start < offset), 0)

    def _follow_head(self) -> None:
        if self._head is not None:
            self.move_cursor_to_offset(max(0, self._head - 1) if self._head > (self._anchor or 0) else self._head)
        self.refresh()

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget (for the mouse), or None off the text."""
        row = y + self.scroll_offset.y
        if not 0 <= row < len(self._rows):
            return None
        kind, start, end = self._rows[row]
        if kind != "text":
            return None
        column = x + self.scroll_offset.x - MARGIN
        cells = 0
        for index in range(start, end):
            cells += cell_len(self._text[index])
            if cells > column:
                return index
        return end

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self._anchor = self._head = offset
            self._dragging = True
            self.capture_mouse()
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if getattr(self, "_dragging", False):
            offset = self.offset_at(event.x, event.y)
            if offset is not None and self._anchor is not None:
                # The cell under the pointer is included when dragging forwards.
                self._head = offset + 1 if offset > self._anchor else offset
                self.refresh()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if getattr(self, "_dragging", False):
            self._dragging = False
            self.release_mouse()
            if self.selection is None and self._anchor is not None:
                self.move_cursor_to_offset(self._anchor)
                self.clear_selection()
            else:
                self._follow_head()

    def set_annotated(self, spans: list[Span]) -> None:
        """Mark the spans that carry annotations."""
        self.annotated = spans
        self.refresh()

    def highlight_quote(self, start: int, end: int) -> None:
        """Mark a source quote (from a table row) and bring it into view."""
        self.quote = (start, end)
        self.move_cursor_to_offset(start)
        self.refresh()

    def move_cursor_to_offset(self, offset: int) -> None:
        """Put the sentence cursor on the sentence holding `offset`."""
        for index, (start, end) in enumerate(self._sentences):
            if offset < end or index == len(self._sentences) - 1:
                self._set_cursor(index)
                return
            if offset < start:
                break

    # ---- layout and rendering ------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width - 2 * MARGIN)
        if self._section is None or width == self._wrapped_width:
            return
        self._wrapped_width = width
        rows = [("title", start, end) for start, end in wrap_spans(self._heading, width)]
        rows.append(("text", 0, 0))
        rows.extend(("text", start, end) for start, end in wrap_spans(self._text, width))
        self._rows = rows
        self.virtual_size = Size(width + 2 * MARGIN, len(rows))
        self.refresh()
        self.call_after_refresh(self._scroll_cursor_into_view)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        base = self.rich_style
        width = self.size.width
        if self._section is None or row >= len(self._rows):
            return Strip.blank(width, base)
        kind, start, end = self._rows[row]
        if kind == "title":
            line = Text(sanitize_text(self._heading[start:end]).rstrip(), style=self.get_component_rich_style("reader--title"))
        else:
            line = self._styled_slice(start, end)
        segments = [Segment(" " * MARGIN, base), *line.render(self.app.console)]
        strip = Strip(segments).simplify()
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _styled_slice(self, start: int, end: int) -> Text:
        line = Text(self._display[start:end].rstrip("\n"), end="")
        layers: list[tuple[Span, Style]] = []
        annotation_style = self.get_component_rich_style("reader--annotation")
        layers.extend((span, annotation_style) for span in self.annotated)
        if self._sentences:
            layers.append((self._sentences[self.cursor], self.get_component_rich_style("reader--cursor")))
        if self.quote is not None:
            layers.append((self.quote, self.get_component_rich_style("reader--quote")))
        for index, hit in enumerate(self.hits):
            name = "reader--current-hit" if index == self.current_hit else "reader--hit"
            layers.append((hit, self.get_component_rich_style(name)))
        if self.selection is not None:
            layers.append((self.selection, self.get_component_rich_style("reader--selection")))
        for (span_start, span_end), style in layers:
            left, right = max(span_start, start), min(span_end, end)
            if left < right:
                line.stylize(style, left - start, right - start)
        line.rstrip()
        return line

    # ---- cursor --------------------------------------------------------------------

    def _set_cursor(self, index: int) -> None:
        if not self._sentences:
            return
        index = max(0, min(index, len(self._sentences) - 1))
        changed = index != self.cursor
        self.cursor = index
        self.refresh()
        self._scroll_cursor_into_view()
        if changed:
            self._announce()

    def _announce(self) -> None:
        if self._section is not None:
            self.post_message(self.SentenceMoved(self._section.id, self.cursor, len(self._sentences)))

    def row_of_offset(self, offset: int) -> int:
        """The screen row (in virtual space) that holds character `offset` of the text."""
        for row, (kind, start, end) in enumerate(self._rows):
            if kind == "text" and start <= offset < max(end, start + 1):
                return row
        return max(0, len(self._rows) - 1)

    def _scroll_cursor_into_view(self) -> None:
        if not self._sentences or not self._rows:
            return
        start, end = self._sentences[self.cursor]
        top, bottom = self.row_of_offset(start), self.row_of_offset(max(start, end - 1))
        if self.cursor == 0:
            top = 0  # the first sentence brings the section title back into view too
        self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False, force=True)

    def action_next_sentence(self) -> None:
        if self._section is not None and self._sentences and self.cursor == len(self._sentences) - 1:
            self.post_message(self.EdgeReached(self._section.id, +1))
            return
        self._set_cursor(self.cursor + 1)

    def action_previous_sentence(self) -> None:
        if self._section is not None and self.cursor == 0:
            self.post_message(self.EdgeReached(self._section.id, -1))
            return
        self._set_cursor(self.cursor - 1)

    def action_first_sentence(self) -> None:
        self._set_cursor(0)

    def action_last_sentence(self) -> None:
        self._set_cursor(len(self._sentences) - 1)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def current_sentence_text(self) -> str:
        """The sentence under the cursor, as stored."""
        if not self._sentences:
            return ""
        start, end = self._sentences[self.cursor]
        return self._text[start:end]
