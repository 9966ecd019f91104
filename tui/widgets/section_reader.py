"""Reads one section: its title, then its paragraphs, wrapped to the pane.

A line-based scroll view rather than a `Static`: the reader must know which screen line
holds a given character (to keep the sentence cursor and search hits in view, and later
to map selections and clicks), so it wraps the text itself with offsets kept
(`text_layout.wrap_spans`) and renders only the visible lines.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.actions import bindings
from tui.model import CaseRecord, Section
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.model.text_spans import TextHit, sentence_holding, sentence_spans
from tui.safe_text import sanitize_text
from tui.widgets.caret import Caret
from tui.widgets.reader_paint import paint_line
from tui.widgets.reader_selection import CaretSelecting
from tui.widgets.text_layout import ReaderRows, SpanIndex

MARGIN = 2
"""Blank cells left and right of the text, for a calmer reading column."""

Span = tuple[int, int]


class SectionReader(CaretSelecting, ScrollView, can_focus=True):
    """A section's text, shown literally (never as markup), with a sentence cursor."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("reader")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--cursor",
        "reader--hit",
        "reader--current-hit",
        "reader--quote",
        "reader--annotation",
        "reader--selection",
        "reader--caret",
    }

    class SentenceMoved(Message):
        """The cursor moved to another sentence (the status line may say where)."""

        def __init__(self, section_id: str, index: int, count: int) -> None:
            self.section_id = section_id
            self.index = index
            self.count = count
            super().__init__()

    class SectionShown(Message):
        """The reader now shows another section (the section list follows it)."""

        def __init__(self, section_id: str) -> None:
            self.section_id = section_id
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
        self._rows = ReaderRows("", "", 1)
        """The section wrapped to the pane: screen rows with their offsets into the heading or the text."""
        self._wrapped_width = -1
        self.cursor = 0
        self.hits: list[Span] = []
        """Search hits in the shown section."""
        self.current_hit: int | None = None
        self._hits_by_section: dict[str, list[Span]] = {}
        self._current_hit: TextHit | None = None
        self._review: ReviewSession | None = None
        self._hit_index = SpanIndex([])
        self._annotated_index = SpanIndex([])
        self.quote: Span | None = None
        self.annotated: list[Span] = []
        self._caret = Caret()

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
        self.post_message(self.SectionShown(section.id))
        # "Abstract › Background", not "Background": the body has a Background too.
        self._heading = self._case.section_path(section.id)
        self._text = section.text
        self._display = sanitize_text(section.text)
        self._sentences = sentence_spans(section.text)
        self.cursor = 0
        self.quote = None
        self._caret = Caret()
        self._local_hits()
        self._local_annotations()
        self._wrapped_width = -1
        self._relayout()
        self.scroll_home(animate=False)
        self._announce()

    def set_hits(self, hits: list[TextHit], current: int | None) -> None:
        """Highlight search hits (of the whole case; this section's are shown); the current one is kept in view."""
        by_section: dict[str, list[Span]] = {}
        for hit in hits:
            by_section.setdefault(hit.section_id, []).append((hit.start, hit.end))
        self._hits_by_section = by_section
        self._current_hit = hits[current] if current is not None else None
        self._local_hits()
        if self.current_hit is not None:
            self.move_cursor_to_offset(self.hits[self.current_hit][0])
        self.refresh()

    def _local_hits(self) -> None:
        section_id = self.section_id
        self.hits = self._hits_by_section.get(section_id or "", [])
        self._hit_index = SpanIndex(self.hits)
        current = self._current_hit
        self.current_hit = None
        if current is not None and current.section_id == section_id:
            self.current_hit = self.hits.index((current.start, current.end))

    # ---- notes -----------------------------------------------------------------------

    def show_review(self, session: ReviewSession) -> None:
        """Mark the spans that carry notes, in whichever section is shown (orphans are not placed)."""
        self._review = session
        self._local_annotations()
        self.refresh()

    def _local_annotations(self) -> None:
        session, section_id = self._review, self.section_id
        if session is None or section_id is None:
            self.annotated = []
        else:
            self.annotated = [
                (a.start, a.end)
                for a in session.on_target("section", section_id)
                if a.start is not None and a.end is not None and a.id not in session.orphans
            ]
        self._annotated_index = SpanIndex(self.annotated)

    def place_at_cursor(self) -> Place | None:
        """The selection, else the sentence under the cursor: what `a` annotates here."""
        if self._section is None or not self._sentences:
            return None
        start, end = self.selection or self._sentences[self.cursor]
        return Place("section", self._section.id, start, end)

    def reading_place(self) -> Place | None:
        """Where the reader is in reading order: the sentence under the cursor, whatever is selected."""
        if self._section is None or not self._sentences:
            return None
        start, end = self._sentences[self.cursor]
        return Place("section", self._section.id, start, end)

    def select_place(self, place: Place) -> None:
        """Show the place's section with the cursor on the sentence where the place starts."""
        self.show(place.target_id)
        if place.start is not None:
            self.move_cursor_to_offset(place.start)

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget (for the mouse), or None off the text."""
        return self._rows.offset_at(y + self.scroll_offset.y, x + self.scroll_offset.x - MARGIN)

    def highlight_quote(self, start: int, end: int) -> None:
        """Mark a source quote (from a table row) and bring it into view."""
        self.quote = (start, end)
        self.move_cursor_to_offset(start)
        self.refresh()

    def move_cursor_to_offset(self, offset: int) -> None:
        """Put the caret at `offset` and the sentence cursor on the sentence holding it."""
        index = sentence_holding(self._sentences, offset)
        if index is not None:
            self._set_cursor(index, caret=False)
            self._caret.place(offset, self._text)

    # ---- layout and rendering ------------------------------------------------------

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width - 2 * MARGIN)
        if self._section is None or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._rows = ReaderRows(self._heading, self._text, width)
        self.virtual_size = Size(width + 2 * MARGIN, len(self._rows))
        self.refresh()
        self.call_after_refresh(self._scroll_cursor_into_view)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        base = self.rich_style
        width = self.size.width
        if self._section is None or row >= len(self._rows):
            return Strip.blank(width, base)
        kind, start, end = self._rows.row(row)
        if kind == "title":
            line = Text(
                sanitize_text(self._heading[start:end]).rstrip(), style=self.get_component_rich_style("reader--title")
            )
        else:
            line = self._styled_slice(start, end)
        segments = [Segment(" " * MARGIN, base), *line.render(self.app.console)]
        strip = Strip(segments).simplify()
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)

    def _styled_slice(self, start: int, end: int) -> Text:
        style = self.get_component_rich_style
        layers: list[tuple[Span, Style]] = [
            (span, style("reader--annotation")) for _index, span in self._annotated_index.touching(start, end)
        ]
        if self._sentences:
            layers.append((self._sentences[self.cursor], style("reader--cursor")))
        if self.quote is not None:
            layers.append((self.quote, style("reader--quote")))
        for index, hit in self._hit_index.touching(start, end):
            layers.append((hit, style("reader--current-hit" if index == self.current_hit else "reader--hit")))
        if self.selection is not None:
            layers.append((self.selection, style("reader--selection")))
        if self.has_focus and self._sentences:
            layers.append(((self._caret.offset, self._caret.offset + 1), style("reader--caret")))
        return paint_line(self._display, start, end, layers)

    # ---- cursor --------------------------------------------------------------------

    def _set_cursor(self, index: int, *, caret: bool = True) -> None:
        """Put the sentence cursor on sentence `index`; with `caret`, the caret at its start too."""
        if not self._sentences:
            return
        index = max(0, min(index, len(self._sentences) - 1))
        changed = index != self.cursor
        previous, self.cursor = self.cursor, index
        if caret:
            self._caret.place(self._sentences[index][0], self._text)
        # Only the lines of the sentence left and the sentence reached change (a scroll
        # redraws the rest): a whole-widget redraw per key was most of a key's cost.
        self._refresh_sentence(previous)
        self._refresh_sentence(index)
        self._scroll_cursor_into_view()
        if changed:
            self._announce()

    def _refresh_sentence(self, index: int) -> None:
        if not 0 <= index < len(self._sentences) or not self._rows:
            self.refresh()
            return
        start, end = self._sentences[index]
        top, bottom = self.row_of_offset(start), self.row_of_offset(max(start, end - 1))
        self.refresh(Region(0, top - self.scroll_offset.y, self.size.width, bottom - top + 1))

    def _announce(self) -> None:
        if self._section is not None:
            self.post_message(self.SentenceMoved(self._section.id, self.cursor, len(self._sentences)))

    def row_of_offset(self, offset: int) -> int:
        """The screen row (in virtual space) that holds character `offset` of the text."""
        return self._rows.row_of_offset(offset)

    def _scroll_cursor_into_view(self) -> None:
        if not self._sentences or not self._rows:
            return
        start, end = self._sentences[self.cursor]
        top, bottom = self.row_of_offset(start), self.row_of_offset(max(start, end - 1))
        if self.cursor == 0:
            top = 0  # the first sentence brings the section title back into view too
        self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False, force=True)

    def on_focus(self) -> None:
        self.refresh()  # the caret shows while the reader has focus

    def on_blur(self) -> None:
        self.refresh()

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

    def go_to_sentence(self, index: int) -> None:
        """Put the cursor on sentence `index` (the last one if the section has fewer)."""
        self._set_cursor(index)

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
