"""Asked when the review file changed on disk since it was loaded: nothing is overwritten silently."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.actions import bindings
from tui.widgets.plain import plain_line

ConflictChoice = Literal["reload", "overwrite", "save_as_new", "cancel"]


class ConflictDialog(ModalScreen[ConflictChoice]):
    """`r` reload theirs, `o` overwrite with mine, `n` save mine as a new file, `escape` cancel."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("conflict")

    QUESTIONS: ClassVar[dict[str, str]] = {
        "changed": "The review file changed on disk since it was loaded.",
        "read_only": "The review file is read-only: someone protected it from changes.",
    }

    def __init__(self, path: str, reason: str = "changed") -> None:
        super().__init__()
        self._path = path
        self._reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict-dialog"):
            yield Static(self.QUESTIONS.get(self._reason, self.QUESTIONS["changed"]), id="conflict-question")
            yield Static(plain_line(self._path), id="conflict-path")
            yield Static(
                "r       reload theirs (yours stay one ctrl+z away)\n"
                "o       overwrite with mine\n"
                "n       save mine as a new file\n"
                "escape  cancel",
                id="conflict-choices",
            )

    def action_choose(self, choice: ConflictChoice) -> None:
        self.dismiss(choice)
