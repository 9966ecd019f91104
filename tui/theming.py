"""Turn validated theme files into Textual themes and register them on an app.

This is the one place that knows both `ThemeSpec` and Textual's `Theme`, so the
model and the store stay free of Textual and the command line can validate
theme files without importing it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.theme import Theme

from tui.model.theme import ThemeSpec
from tui.store.theme_files import load_theme_files


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme for `spec`; colours left unset stay `None` so Textual derives them."""
    return Theme(
        name=spec.name,
        primary=spec.primary,
        secondary=spec.secondary,
        accent=spec.accent,
        foreground=spec.foreground,
        background=spec.background,
        surface=spec.surface,
        panel=spec.panel,
        warning=spec.warning,
        error=spec.error,
        success=spec.success,
        dark=spec.dark,
    )


def register_theme_files(app: App[Any], folder: Path) -> tuple[list[str], list[str]]:
    """Register every valid theme in `folder` on `app`; return the names registered and the warning lines.

    A theme whose name is already registered replaces it, as Textual's own
    `register_theme` does, so a user folder loaded after the bundled one can
    adjust a bundled theme by reusing its name.
    """
    specs, warnings = load_theme_files(folder)
    names: list[str] = []
    for spec in specs:
        app.register_theme(to_textual_theme(spec))
        names.append(spec.name)
    return names, warnings
