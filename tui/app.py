"""The Textual application: the open documents, their screens, dialogs and notifications.

Each open case is a `ReviewDocument` (no UI) shown by its own `ReviewScreen`, in a Textual mode
of its own, so each case keeps its own screen stack and its own unsaved state. The app is where
edits meet files, and only through the documents: it asks a document to save, reload, journal
or export, and turns the outcome into a dialog or a notification. It talks to screens by
messages (`DocumentChanged`), never by testing what they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.notifications import SeverityLevel
from textual.timer import Timer

from tui.actions import bindings
from tui.commands import AppActionsProvider, DocumentsProvider, ThemesProvider, without_own_commands
from tui.model.user_config import UserConfig
from tui.positions import remember_positions, restore_in_background
from tui.resources import bundled_themes_dir
from tui.safe_text import sanitize_line, sanitize_text
from tui.screens.review.screen import ReviewScreen
from tui.widgets.messages import DocumentChanged, ReviewChanged
from tui.widgets.protocols import HoldsDraft
from tui.workspace import Conflict, Failed, ReviewDocument, Saved

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.export import ExportFormat

DEFAULT_THEME = "case-review-dark"
JOURNAL_DELAY = 0.5
"""Seconds between a change and its journal write: within the promised one second."""


class CaseReviewApp(App[None]):
    """Opens one or more cases for review; one of them is shown at a time."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "case-review"
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")
    COMMANDS = App.COMMANDS | {AppActionsProvider, DocumentsProvider, ThemesProvider}
    DEFAULT_MODE = "case-0"
    """Each open case is a mode with its own screen stack; the first case's is where the app starts."""

    def __init__(self, documents: ReviewDocument | Sequence[ReviewDocument], *, theme: str | None = None) -> None:
        super().__init__()
        opened = [documents] if isinstance(documents, ReviewDocument) else list(documents)
        if not opened and self.DEFAULT_MODE == CaseReviewApp.DEFAULT_MODE:  # the library starts in its own mode
            raise ValueError("the app needs at least one document to show")
        self.documents: list[ReviewDocument] = []
        self._mode_of: dict[int, str] = {}
        self._document_in: dict[str, ReviewDocument] = {}
        self._screens: dict[int, ReviewScreen] = {}
        self._journal_timers: dict[int, Timer] = {}
        self._closing = False
        self._journal_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        self._recovery_offered: set[int] = set()
        self.startup_warnings: list[str] = []
        self.keymap: dict[str, str] = {}
        """The user's key map as applied (action id -> keys); help and the palette show these keys."""
        for document in opened:
            self.add_document(document)
        self._last_export_format: ExportFormat = "md"
        config = self._load_config()
        self._register_themes()
        self._apply_keymap(config)
        self._start_in_theme(self._initial_theme(theme, config))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification goes through the one sanitiser and is never markup.

        Messages name files and folders, and quote what a file held; a folder called
        `ESC]0;...` must not retitle the terminal, and `[b]` in a path is two characters.
        """
        super().notify(
            sanitize_text(message), title=sanitize_line(title), severity=severity, timeout=timeout, markup=False
        )

    # ---- settings ---------------------------------------------------------------------------

    def _load_config(self) -> UserConfig:
        from tui.store.user_config import load_user_config

        config, warning = load_user_config()
        if warning:
            self.startup_warnings.append(warning)
        return config

    def _register_themes(self) -> None:
        from tui.store.user_config import config_dir
        from tui.theming import register_theme_files

        for folder in (bundled_themes_dir(), config_dir() / "themes"):
            _names, warnings = register_theme_files(self, folder)
            self.startup_warnings.extend(warnings)

    def _apply_keymap(self, config: UserConfig) -> None:
        from tui.keymap import resolve_keymap

        self.keymap, warnings = resolve_keymap(config.keymap)
        self.startup_warnings.extend(warnings)
        if self.keymap:
            self.set_keymap(self.keymap)

    def _initial_theme(self, requested: str | None, config: UserConfig) -> str:
        """--theme wins, then the remembered theme, then the default."""
        if requested is not None:
            return requested
        if config.theme and config.theme in self.available_themes:
            return config.theme
        if config.theme:
            self.startup_warnings.append(f"theme {config.theme!r} from the user config is not available")
        return DEFAULT_THEME

    def _start_in_theme(self, name: str) -> None:
        """Take the first theme as the reactive's value, not as a change.

        A change of theme re-parses every stylesheet (a third of the first screen's
        work); before the first screen nothing has been parsed, so there is nothing to redo.
        """
        if name not in self.available_themes:
            self.theme = name  # Textual's own error for a theme it does not know
        self.set_reactive(CaseReviewApp.theme, name)
        dark = self.current_theme.dark
        self.set_class(True, f"-theme-{name}", update=False)
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        # What the watcher does besides re-parsing: map ANSI colours for a light or dark theme.
        # Private in Textual; the light snapshots fail if it ever stops doing this.
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def _theme_changed(self, _theme: object) -> None:
        from tui.store.user_config import load_user_config, save_user_config

        config, warning = load_user_config()
        if warning is not None:
            # The file could not be read: rewriting it from defaults would throw away what the user wrote.
            self.notify(f"Theme used but not remembered: {warning}", severity="warning")
            return
        try:
            save_user_config(config.model_copy(update={"theme": self.theme}))
        except OSError as error:
            self.notify(f"Could not remember the theme: {error}", severity="warning")

    def on_mount(self) -> None:
        warnings = [*self.startup_warnings, *(w for d in self.documents for w in d.warnings)]
        if warnings:
            self.notify(
                "\n".join(warnings), title="Some settings were not used", severity="warning", markup=False, timeout=10
            )
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._offer_recovery(next(iter(self.documents), None))  # none when the app starts on the library

    def on_unmount(self) -> None:
        remember_positions((document, self._screens.get(id(document))) for document in self.documents)
        for document in [d for d in self.documents if id(d) in self._journal_timers]:
            self._journal_timers[id(document)].stop()
            self._write_journal(document)  # a change made in the last half second is journalled too
        self._closing = True
        self._journal_writer.shutdown(wait=True)  # journals of the last changes land before the locks go
        for document in self.documents:
            document.close()

    # ---- the open documents -----------------------------------------------------------------

    def add_document(self, document: ReviewDocument) -> None:
        """Hold another open case; `show_document` brings it forward."""
        if id(document) in self._mode_of:
            return
        mode = f"case-{len(self.documents)}"
        self.documents.append(document)
        self._mode_of[id(document)] = mode
        self._document_in[mode] = document
        self.add_mode(mode, lambda: self._screen_for(document))

    def _screen_for(self, document: ReviewDocument) -> ReviewScreen:
        screen = self._screens.get(id(document))
        if screen is None:
            screen = self._screens[id(document)] = ReviewScreen(document)
            # A screen made now is styled by the stylesheet as it is now. Textual counts a new
            # mode's screen as behind it and re-parses every stylesheet before showing it (a
            # fifth of the first screen); private in Textual, guarded by test_first_screen_cost.
            screen._css_update_count = self._css_update_count
            restore_in_background(self, document, screen)
        return screen

    @property
    def document(self) -> ReviewDocument:
        """The document shown now."""
        return self._document_in.get(self.current_mode, self.documents[0])

    def document_titles(self) -> list[tuple[str, str]]:
        return [(self._mode_of[id(d)], d.title) for d in self.documents]

    async def show_document(self, key: str | ReviewDocument) -> None:
        """Bring an open case forward (by its key from `document_titles`, or the document itself)."""
        if isinstance(key, ReviewDocument):
            self.add_document(key)
            key = self._mode_of[id(key)]
        if key not in self._document_in:
            return
        await self.switch_mode(key)
        self._offer_recovery(self._document_in[key])

    def _tell(self, document: ReviewDocument) -> None:
        """Tell a document's screen that its review changed outside it."""
        screen = self._screens.get(id(document))
        if screen is not None:
            screen.post_message(DocumentChanged())

    # ---- the recovery journal ---------------------------------------------------------------

    def _offer_recovery(self, document: ReviewDocument | None) -> None:
        if document is None or document.recovered is None or id(document) in self._recovery_offered:
            return
        self._recovery_offered.add(id(document))
        from tui.screens.recovery_dialog import RecoveryChoice, RecoveryDialog

        recovered = document.recovered
        summary = f"{len(recovered.annotations)} notes, last changed {recovered.review.updated:%Y-%m-%d %H:%M} UTC"

        def decide(choice: RecoveryChoice | None) -> None:
            if choice == "restore":
                document.restore_recovered()
                self._tell(document)
                self.notify("Unsaved notes restored; ctrl+s saves them.")
            else:
                document.discard_recovered()

        self.push_screen(RecoveryDialog(summary), decide)

    def on_review_changed(self, message: ReviewChanged) -> None:
        document = next((d for d in self.documents if d is message.document), None)
        # At most one journal write per JOURNAL_DELAY and document, however fast the changes come.
        if document is not None and id(document) not in self._journal_timers:
            self._journal_timers[id(document)] = self.set_timer(JOURNAL_DELAY, lambda: self._write_journal(document))

    def _write_journal(self, document: ReviewDocument) -> None:
        """Hand the journal write to the journal thread: a key is never kept waiting for the disk.

        One thread, so writes land in the order the changes were made.
        """
        self._journal_timers.pop(id(document), None)
        if self._closing:
            return  # a timer that fired during shutdown: its write was flushed by on_unmount
        job = document.journal_job()

        def run() -> None:
            try:
                job()
            except OSError as error:
                self.call_from_thread(self.notify, f"Recovery journal not written: {error}", severity="warning")

        self._journal_writer.submit(run)

    # ---- saving -----------------------------------------------------------------------------

    def save_document(self, document: ReviewDocument, *, force: bool = False) -> bool:
        """Save one document; on a conflict ask, on a failure say why (the review stays in memory and journal)."""
        outcome = document.save(force=force, read_only_too=force)
        if isinstance(outcome, Saved):
            self._tell(document)
            return True
        if isinstance(outcome, Conflict):
            self._resolve_conflict(document, outcome.reason)
        elif isinstance(outcome, Failed):
            self.notify(
                f"Not saved: {outcome.path}: {outcome.reason}. Your notes are kept here and in the recovery journal.",
                severity="error",
            )
            with contextlib.suppress(OSError):
                document.write_journal()  # the notes must be on disk somewhere: now, not later
        return False

    def action_save(self) -> None:
        document = self.document
        if self.save_document(document):
            self.notify(f"Saved to {document.review_path}")

    def _resolve_conflict(self, document: ReviewDocument, reason: str = "changed") -> None:
        from tui.screens.conflict_dialog import ConflictChoice, ConflictDialog
        from tui.store import InputFileError

        def decide(choice: ConflictChoice | None) -> None:
            if choice == "overwrite":
                if self.save_document(document, force=True):
                    self.notify(f"Overwrote {document.review_path}")
            elif choice == "save_as_new":
                old_name = document.review_path.name
                outcome = document.save_as_new()
                if isinstance(outcome, Saved):
                    self._tell(document)
                    self.notify(f"Saved as {outcome.path}; {old_name} is untouched.")
                elif isinstance(outcome, Failed):
                    self.notify(f"Not saved: {outcome.path}: {outcome.reason}", severity="error")
            elif choice == "reload":
                try:
                    document.reload()
                except InputFileError as error:
                    self.notify("; ".join(error.lines()), title="Could not reload", severity="error")
                    return
                self._tell(document)
                self.notify("Reloaded the file on disk; ctrl+z brings your version back.")

        self.push_screen(ConflictDialog(str(document.review_path), reason), decide)

    # ---- exporting --------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask for a format and a file, then write the notes as they are now, saved or not."""
        from tui.screens.export_dialog import ExportDialog, ExportRequest
        from tui.store.case_files import safe_reviewer_name

        if isinstance(self.screen, ExportDialog):
            return
        document = self.document
        name = f"{document.case.id}.{safe_reviewer_name(document.reviewer)}.notes.md"
        folder = Path.cwd()
        # A folder whose name a terminal would act on is not shown: the name alone goes to the same place.
        default = folder / name if sanitize_line(str(folder)) == str(folder) else Path(name)

        def export(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_notes(document, request.export_format, request.path)

        self.push_screen(ExportDialog(default, self._last_export_format, document.export_text), export)

    def export_notes(self, document: ReviewDocument, export_format: ExportFormat, path: Path) -> bool:
        """Write the review notes atomically; say where, or why not (nothing else changes on failure)."""
        from tui.export import FORMAT_TITLES
        from tui.store.outputs import OutputRefused

        try:
            written = document.export(export_format, path)
        except OutputRefused as refused:
            self.notify(f"Not exported: {path}: {refused}", severity="error")
            return False
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Not exported: {path}: {reason}", severity="error")
            return False
        self._last_export_format = export_format
        self.notify(f"{FORMAT_TITLES[export_format]} written to {written}", title="Exported")
        return True

    # ---- help and quitting ------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return without_own_commands(super().get_system_commands(screen))

    async def action_quit(self) -> None:
        """Quit; ask once first when a note is being written or any open review has unsaved changes.

        "Save" keeps the drafts as notes first (an editor hands its draft over at once), then saves
        every unsaved review; "discard" drops both.
        """
        # Every open case's stack: a note may be half written in a case the palette switched away from.
        stacks = getattr(self, "_screen_stacks", {}).values() or [self.screen_stack]
        drafts = [s for stack in stacks for s in stack if isinstance(s, HoldsDraft) and s.has_draft()]
        unsaved = [d for d in self.documents if d.dirty]
        if not drafts and not unsaved:
            self.exit()
            return
        from tui.screens.quit_dialog import QuitChoice, QuitDialog

        def decide(choice: QuitChoice | None) -> None:
            if choice == "discard":
                for document in unsaved:
                    document.discard_journal()
                self.exit()
            elif choice == "save" and all(screen.keep_draft() for screen in drafts):
                saved = [self.save_document(d) for d in self.documents if d.dirty]  # each tried, whatever the first did
                if all(saved):
                    self.exit()

        self.push_screen(QuitDialog(len(unsaved), drafts=len(drafts)), decide)
