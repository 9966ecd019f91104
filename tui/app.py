"""The Textual application: themes, global bindings, the palette, the screen it opens on."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from tui.commands import ActionsProvider, CaseContentsProvider, ThemesProvider
from tui.model import CaseRecord
from tui.resources import bundled_themes_dir
from tui.screens.review import ReviewScreen

DEFAULT_THEME = "case-review-dark"


class CaseReviewApp(App[None]):
    """Opens one case for review."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "case-review"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
    ]
    COMMANDS = App.COMMANDS | {CaseContentsProvider, ActionsProvider, ThemesProvider}

    def __init__(self, case: CaseRecord, *, case_path: Path | None = None, theme: str | None = None) -> None:
        super().__init__()
        self.case = case
        self.case_path = case_path
        self.startup_warnings: list[str] = []
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

    def _theme_changed(self, _theme: object) -> None:
        from tui.store.user_config import load_user_config, save_user_config

        config, _warning = load_user_config()
        try:
            save_user_config(config.model_copy(update={"theme": self.theme}))
        except OSError as error:
            self.notify(f"Could not remember the theme: {error}", severity="warning", markup=False)

    def get_default_screen(self) -> ReviewScreen:
        return ReviewScreen(self.case)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
