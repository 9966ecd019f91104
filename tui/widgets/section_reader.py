"""Reads one section: its title, then its paragraphs, wrapped to the pane."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.model import CaseRecord, Section
from tui.widgets.plain import plain, plain_line


class SectionReader(VerticalScroll):
    """A scrolling view of a section's text, shown literally (never as markup)."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case
        self._body = Static(id="section-text")
        self.section_id: str | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield self._body

    def show(self, section_id: str) -> None:
        """Show the section with this id (its sub-sections too, for a heading-only section)."""
        section = self._case.section(section_id)
        if section is None:
            return
        self.section_id = section_id
        self._body.update(self._render_section(section))
        self.scroll_home(animate=False)

    def _render_section(self, section: Section) -> Text:
        parts = [plain_line(section.title, style="bold underline")]
        parts.extend(plain(paragraph) for paragraph in section.paragraphs)
        for child in self._case.children(section.id):
            parts.append(plain_line(child.title, style="bold"))
            parts.extend(plain(paragraph) for paragraph in child.paragraphs)
        return Text("\n\n").join(parts)
