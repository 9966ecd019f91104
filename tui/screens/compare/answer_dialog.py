"""The consensus answer of one checklist item, written by whoever adjudicates: an answer and a note.

Used when no reviewer's answer is the one the team settles on. What is typed is checked
by the consensus (`ConsensusSession.edit_answer`), not here: the checklist decides which
answers an item takes, and the screen reports a refusal on its status line.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from tui.actions import bindings
from tui.safe_text import sanitize_line
from tui.widgets.plain import plain_line


class AnswerDialog(ModalScreen[tuple[str, str] | None]):
    """`ctrl+s` decides with (answer, note), `escape` cancels; `tab` moves between the two fields."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("decide")

    def __init__(self, heading: str, answers: list[str], answer: str = "") -> None:
        super().__init__()
        self._heading = heading
        self._answers = answers
        self._answer = sanitize_line(answer)

    def compose(self) -> ComposeResult:
        with Vertical(id="answer-dialog"):
            yield Static(plain_line(self._heading), id="answer-heading")
            given = ", ".join(self._answers) or "none"
            yield Static(plain_line(f"The reviewers answered: {given}"), id="answer-given")
            yield Label("Consensus answer")
            yield Input(value=self._answer, id="answer-value")
            yield Label("Note (optional)")
            yield Input(id="answer-note")
            yield Static("ctrl+s decide · escape cancel", id="answer-help")

    def on_mount(self) -> None:
        self.query_one("#answer-value", Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        answer = self.query_one("#answer-value", Input).value.strip()
        note = self.query_one("#answer-note", Input).value.strip()
        self.dismiss((answer, note) if answer else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
