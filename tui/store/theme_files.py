"""Read a folder of theme files, keeping the good ones and describing the bad ones.

One broken theme must not cost the user the others, nor stop the program from
starting: each file that cannot be used becomes one warning line (the app shows
it; the command line prints it) and the rest load as usual.
"""

from __future__ import annotations

from pathlib import Path

from tui.model.theme import ThemeSpec
from tui.store.errors import InputFileError, Problem
from tui.store.toml_file import read_toml_model

MAX_THEME_BYTES = 64 * 1024
"""A theme is a dozen lines; anything this large is not one."""


def load_theme_files(folder: Path) -> tuple[list[ThemeSpec], list[str]]:
    """The valid themes in `folder` in file-name order, and one warning line per file that was skipped.

    A missing folder is not a problem: most users never create one. Hidden files
    (editor back-ups, macOS `._name.toml` resource forks) are not themes and are
    passed over without a warning.
    """
    if not folder.exists():
        return [], []
    try:
        paths = sorted(
            entry for entry in folder.iterdir() if entry.suffix == ".toml" and not entry.name.startswith(".")
        )
    except NotADirectoryError:
        return [], [Problem("is not a folder, so it holds no themes").render(folder)]
    except OSError as error:
        return [], [Problem(f"cannot list theme folder: {error.strerror}").render(folder)]

    themes: list[ThemeSpec] = []
    warnings: list[str] = []
    defined_by: dict[str, Path] = {}
    for path in paths:
        try:
            spec = read_toml_model(path, ThemeSpec, limit=MAX_THEME_BYTES, what="theme file")
        except InputFileError as error:
            warnings.append("; ".join(error.lines()))
            continue
        if spec.name in defined_by:
            message = f"theme {spec.name!r} is already defined by {defined_by[spec.name].name}"
            warnings.append(Problem(message, field_path="name").render(path))
            continue
        defined_by[spec.name] = path
        themes.append(spec)
    return themes, warnings
