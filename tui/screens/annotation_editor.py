"""The annotation editor: kind, tags, status and a multi-line body, all from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from tui.actions import bindings
from tui.model.review import ANNOTATION_KINDS, AnnotationKind
from tui.model.review_session import NoteDraft, draft_problems
from tui.safe_text import sanitize_line, sanitize_text
from tui.widgets.plain import plain, plain_line


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as `dose, route  follow-up`: split on commas and spaces, duplicates dropped (none cut short)."""
    seen: dict[str, None] = {}
    for tag in text.replace(",", " ").split():
        seen.setdefault(tag, None)
    return tuple(seen)


class AnnotationEditor(ModalScreen[NoteDraft | None]):
    """`ctrl+s` accepts, `escape` cancels; `tab` moves between the fields.

    Words typed and then lost to a stray `escape` cannot be undone (they never reached the
    review), so `escape` discards a changed draft only when pressed a second time. An accepted
    draft is handed to `keep` at once, before the editor closes, so that quitting with the
    editor open can keep the draft and then save it, in that order.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("editor")

    def __init__(
        self,
        heading: str,
        quote: str | None,
        draft: NoteDraft | None = None,
        *,
        keep: Callable[[NoteDraft], None] | None = None,
        words_only: bool = False,
    ) -> None:
        super().__init__()
        self._words_only = words_only
        """Only the words (a checklist item's own note has no kind, tags or status): the fields are hidden."""
        self._keep = keep
        self._heading = heading
        self._quote = quote
        # Stored words are shown through the one sanitiser: a note read from a file may hold
        # escape sequences, and the text fields would otherwise hand them to the terminal.
        given = draft or NoteDraft()
        self._draft = NoteDraft(
            given.kind, tuple(sanitize_line(tag) for tag in given.tags), given.status, sanitize_text(given.body)
        )
        self._warned_about: NoteDraft | None = None
        """The draft as it stood when `escape` last warned: a second `escape` discards only that."""

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-dialog", classes="words-only" if self._words_only else ""):
            yield Static(plain_line(self._heading), id="editor-target")
            if self._quote:
                yield Static(plain(f"“{self._quote}”"), id="editor-quote")
            with Horizontal(id="editor-fields"):
                with Vertical(classes="editor-field"):
                    yield Label("Kind")
                    yield Select(
                        [(k, k) for k in ANNOTATION_KINDS], value=self._draft.kind, allow_blank=False, id="editor-kind"
                    )
                with Vertical(classes="editor-field"):
                    yield Label("Status")
                    yield Select(
                        [("open", "open"), ("resolved", "resolved")],
                        value=self._draft.status,
                        allow_blank=False,
                        id="editor-status",
                    )
                with Vertical(classes="editor-field editor-tags"):
                    yield Label("Tags (comma or space separated)")
                    yield Input(value=" ".join(self._draft.tags), id="editor-tags")
            yield Label("Note")
            yield TextArea(self._draft.body, id="editor-body", soft_wrap=True, show_line_numbers=False)
            yield Static("ctrl+s accept   escape cancel   tab next field", id="editor-help")

    def on_mount(self) -> None:
        body = self.query_one("#editor-body", TextArea)
        body.move_cursor(body.document.end)  # editing usually adds to a note: start where it ends
        body.focus()

    def _current_draft(self) -> NoteDraft:
        chosen = self.query_one("#editor-kind", Select).value
        status = self.query_one("#editor-status", Select).value
        kind: AnnotationKind = next((k for k in ANNOTATION_KINDS if k == chosen), "comment")
        return NoteDraft(
            kind=kind,
            tags=parse_tags(self.query_one("#editor-tags", Input).value),
            status="resolved" if status == "resolved" else "open",
            body=self.query_one("#editor-body", TextArea).text,
        )

    def action_accept(self) -> None:
        self.keep_draft()

    def keep_draft(self) -> bool:
        """Accept the draft, unless the model would refuse it: then say why, keep every word, stay open."""
        draft = self._current_draft()
        problems = draft_problems(draft)
        if problems:
            self._warn("Not yet: " + "; ".join(problems) + ".")
            return False
        if self._keep is not None:
            self._keep(draft)
        self.dismiss(draft)
        return True

    def has_draft(self) -> bool:
        """Whether the reviewer typed or changed anything that would be lost if the editor closed now."""
        return self.is_mounted and self._current_draft() != self._draft

    def _warn(self, message: str) -> None:
        help_line = self.query_one("#editor-help", Static)
        help_line.update(plain_line(message))
        help_line.add_class("warning")

    def action_cancel(self) -> None:
        current = self._current_draft()
        if current in (self._draft, self._warned_about):
            self.dismiss(None)
            return
        self._warned_about = current  # words typed after this warning earn a warning of their own
        self._warn("escape again discards your changes   ctrl+s keeps them")
