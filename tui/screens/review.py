"""The review screen: header, section navigator, reader, footer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer

from tui.model import CaseRecord
from tui.widgets.case_header import CaseHeader
from tui.widgets.section_navigator import SectionNavigator
from tui.widgets.section_reader import SectionReader


class ReviewScreen(Screen[None]):
    """Where a reviewer reads the case."""

    def __init__(self, case: CaseRecord) -> None:
        super().__init__()
        self.case = case

    def compose(self) -> ComposeResult:
        yield CaseHeader(self.case, id="case-header")
        with Horizontal(id="main"):
            yield SectionNavigator(self.case, id="navigator")
            yield SectionReader(self.case, id="reader")
        yield Footer()

    def on_mount(self) -> None:
        first = next((s for s in self.case.sections if s.text.strip()), self.case.sections[0])
        navigator = self.query_one(SectionNavigator)
        navigator.select_section(first.id)
        navigator.focus()

    def on_section_navigator_section_chosen(self, message: SectionNavigator.SectionChosen) -> None:
        self.query_one(SectionReader).show(message.section_id)
