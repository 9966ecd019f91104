"""The Textual application: themes, the review file, global bindings, the palette.

The app is where edits meet files: widgets and screens change the `ReviewSession`; only
the app asks the store to write it (`ctrl+s`, or "save and quit").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.timer import Timer

from tui.commands import ActionsProvider, CaseContentsProvider, ThemesProvider
from tui.model import CaseRecord
from tui.model.review import Review, ReviewHeader, now
from tui.model.review_session import ReviewSession
from tui.resources import bundled_themes_dir
from tui.screens.review import ReviewScreen
from tui.widgets.messages import ReviewChanged

if TYPE_CHECKING:
    from tui.export import ExportFormat

DEFAULT_THEME = "case-review-dark"
JOURNAL_DELAY = 0.5
"""Seconds between a change and its journal write: within the promised one second."""
DEFAULT_REVIEWER = "reviewer"


def new_review(case: CaseRecord, case_sha256: str, reviewer: str) -> Review:
    """An empty review of `case` by `reviewer`, stamped now."""
    stamp = now()
    header = ReviewHeader(case_id=case.id, case_sha256=case_sha256, reviewer=reviewer, created=stamp, updated=stamp)
    return Review(review=header)


class CaseReviewApp(App[None]):
    """Opens one case for review."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "case-review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+s", "save", "Save", id="app.save"),
        Binding("x", "export", "Export", id="app.export"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]
    COMMANDS = App.COMMANDS | {CaseContentsProvider, ActionsProvider, ThemesProvider}

    def __init__(
        self,
        case: CaseRecord,
        *,
        case_path: Path | None = None,
        theme: str | None = None,
        session: ReviewSession | None = None,
        review_path: Path | None = None,
        reviewer: str = DEFAULT_REVIEWER,
        recovered: Review | None = None,
    ) -> None:
        super().__init__()
        self.case = case
        self.case_path = case_path
        self.reviewer = reviewer
        self.review_path = review_path
        self.session = session or ReviewSession(new_review(case, "0" * 64, reviewer))
        self.recovered = recovered
        """Unsaved work found in the recovery journal, offered back at start."""
        self.startup_warnings: list[str] = []
        self._journal_timer: Timer | None = None
        self._disk_fingerprint: str | None = self._read_fingerprint()
        """The review file's hash when loaded or last saved: a different one means someone else wrote it."""
        self._last_export_format: ExportFormat = "md"
        self._register_themes()
        self.theme = self._initial_theme(theme)

    def _register_themes(self) -> None:
        from tui.store.user_config import config_dir
        from tui.theming import register_theme_files

        for folder in (bundled_themes_dir(), config_dir() / "themes"):
            _names, warnings = register_theme_files(self, folder)
            self.startup_warnings.extend(warnings)

    def _initial_theme(self, requested: str | None) -> str:
        """--theme wins, then the remembered theme, then the default."""
        from tui.store.user_config import load_user_config

        if requested is not None:
            return requested
        config, warning = load_user_config()
        if warning:
            self.startup_warnings.append(warning)
        if config.theme and config.theme in self.available_themes:
            return config.theme
        if config.theme:
            self.startup_warnings.append(f"theme {config.theme!r} from the user config is not available")
        return DEFAULT_THEME

    def on_mount(self) -> None:
        if self.startup_warnings:
            self.notify("\n".join(self.startup_warnings), title="Some settings were not used", severity="warning",
                        markup=False, timeout=10)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.recovered is not None:
            self._offer_recovery(self.recovered)

    # ---- recovery journal ------------------------------------------------------------

    def _offer_recovery(self, recovered: Review) -> None:
        from tui.screens.recovery_dialog import RecoveryChoice, RecoveryDialog
        from tui.store.journal import remove_journal

        count = len(recovered.annotations)
        summary = f"{count} notes, last changed {recovered.review.updated:%Y-%m-%d %H:%M} UTC"

        def decide(choice: RecoveryChoice | None) -> None:
            if choice == "restore":
                self.session.restore(recovered)
                self._refresh_status(annotations=True)
                self.notify("Unsaved notes restored; ctrl+s saves them.")
            elif self.review_path is not None:
                remove_journal(self.review_path)

        self.push_screen(RecoveryDialog(summary), decide)

    def on_review_changed(self, _message: ReviewChanged) -> None:
        # At most one journal write per JOURNAL_DELAY, however fast the changes come.
        if self._journal_timer is None:
            self._journal_timer = self.set_timer(JOURNAL_DELAY, self._write_journal)

    def _write_journal(self) -> None:
        from tui.store.journal import remove_journal, write_journal

        self._journal_timer = None
        if self.review_path is None:
            return
        try:
            if self.session.dirty:
                write_journal(self.review_path, self.session.review)
            else:
                remove_journal(self.review_path)
        except OSError as error:
            self.notify(f"Recovery journal not written: {error}", severity="warning", markup=False)

    def _theme_changed(self, _theme: object) -> None:
        from tui.store.user_config import load_user_config, save_user_config

        config, _warning = load_user_config()
        try:
            save_user_config(config.model_copy(update={"theme": self.theme}))
        except OSError as error:
            self.notify(f"Could not remember the theme: {error}", severity="warning", markup=False)

    def get_default_screen(self) -> ReviewScreen:
        label = str(self.review_path) if self.review_path else "not saved to a file"
        return ReviewScreen(self.case, self.session, author=self.reviewer, review_label=label)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _read_fingerprint(self) -> str | None:
        from tui.store.review_file import fingerprint

        return fingerprint(self.review_path) if self.review_path is not None else None

    def changed_on_disk(self) -> bool:
        """True when the review file is not what this session loaded or last saved."""
        return self.review_path is not None and self._read_fingerprint() != self._disk_fingerprint

    def save_review(self, *, force: bool = False) -> bool:
        """Write the review; on failure say why and keep everything in memory.

        When the file changed on disk since it was loaded, nothing is written until the
        reviewer chooses (`ConflictDialog`); the return value is then False.
        """
        from tui.store.review_file import write_review

        if self.review_path is None:
            self.notify("This review has no file to save to.", severity="error")
            return False
        if not force and self.changed_on_disk():
            self._resolve_conflict()
            return False
        try:
            write_review(self.review_path, self.session.review)
        except OSError as error:
            self.notify(f"Not saved: {error}. The previous file is unchanged.", severity="error", markup=False)
            return False
        self.session.mark_saved()
        self._disk_fingerprint = self._read_fingerprint()
        from tui.store.journal import remove_journal

        remove_journal(self.review_path)
        self._refresh_status()
        return True

    def _resolve_conflict(self) -> None:
        from tui.screens.conflict_dialog import ConflictChoice, ConflictDialog
        from tui.store import InputFileError
        from tui.store.review_file import next_free_review_path, read_review

        assert self.review_path is not None

        def decide(choice: ConflictChoice | None) -> None:
            assert self.review_path is not None
            if choice == "overwrite":
                if self.save_review(force=True):
                    self.notify(f"Overwrote {self.review_path}", markup=False)
            elif choice == "save_as_new":
                old_path = self.review_path
                self.review_path = next_free_review_path(old_path)
                if self.save_review(force=True):
                    self._refresh_status(label=str(self.review_path))
                    self.notify(f"Saved as {self.review_path}; {old_path.name} is untouched.", markup=False)
                else:
                    self.review_path = old_path
            elif choice == "reload":
                try:
                    theirs = read_review(self.review_path, self.case)
                except InputFileError as error:
                    self.notify("; ".join(error.lines()), title="Could not reload", severity="error", markup=False)
                    return
                self.session.restore(theirs)
                self.session.mark_saved()
                self._disk_fingerprint = self._read_fingerprint()
                self._refresh_status(annotations=True)
                self.notify("Reloaded the file on disk; ctrl+z brings your version back.")

        self.push_screen(ConflictDialog(str(self.review_path)), decide)

    def action_save(self) -> None:
        if self.save_review():
            self.notify(f"Saved to {self.review_path}", markup=False)

    def action_export(self) -> None:
        """Ask for a format and a file, then write the notes as they are now, saved or not."""
        from tui.screens.export_dialog import ExportDialog, ExportRequest
        from tui.store.review_file import safe_reviewer_name

        if isinstance(self.screen, ExportDialog):
            return
        default = Path.cwd() / f"{self.case.id}.{safe_reviewer_name(self.reviewer)}.notes.md"

        def export(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_notes(request.export_format, request.path)

        self.push_screen(ExportDialog(default, self._last_export_format), export)

    def export_notes(self, export_format: ExportFormat, path: Path) -> bool:
        """Write the review notes atomically; say where, or why not (nothing else changes on failure)."""
        from tui.export import FORMAT_TITLES, render
        from tui.export.notes import build_review_notes
        from tui.store.atomic import write_atomic

        # No case hash: the session re-anchored its notes to this case text when it opened, so
        # there is no "written against another version" to warn of (and no file to read again).
        notes = build_review_notes(self.case, self.session.review, exported=now())
        try:
            write_atomic(path, render(export_format, notes).encode("utf-8"))
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(f"Not exported: {path}: {reason}", severity="error", markup=False)
            return False
        self._last_export_format = export_format
        self.notify(f"{FORMAT_TITLES[export_format]} written to {path.resolve()}", title="Exported", markup=False)
        return True

    def _refresh_status(self, *, annotations: bool = False, label: str | None = None) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ReviewScreen):
                if label is not None:
                    screen.review_label = label
                if annotations:
                    screen.refresh_annotations()
                else:
                    screen.refresh_review_status()

    async def action_quit(self) -> None:
        """Quit; ask first when the review has unsaved changes."""
        if not self.session.dirty:
            self.exit()
            return
        from tui.screens.quit_dialog import QuitChoice, QuitDialog

        def decide(choice: QuitChoice | None) -> None:
            if choice == "discard" and self.review_path is not None:
                from tui.store.journal import remove_journal

                remove_journal(self.review_path)
            if choice == "discard" or (choice == "save" and self.save_review()):
                self.exit()

        self.push_screen(QuitDialog(), decide)
