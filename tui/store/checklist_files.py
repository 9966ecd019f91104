"""Read checklist definitions: the bundled ones, then the user's own from `CONFIG/checklists/`.

A team's extraction form is a file somebody wrote by hand, so it is untrusted input: each file
is read through `read_toml_model` (size limit, UTF-8, TOML, strict schema), then checked by the
rules that need the whole file (`checklist_problems`). A file that fails any of them costs the
user that file only: it becomes one warning line naming the file and the field path, and every
other checklist still loads, as with theme files.
"""

from __future__ import annotations

from pathlib import Path

from tui.model.checklist import ChecklistDefinition, checklist_problems
from tui.model.checklist_catalogue import ChecklistCatalogue
from tui.resources import bundled_checklists_dir
from tui.store.errors import InputFileError, Problem
from tui.store.toml_file import read_toml_model
from tui.store.user_config import config_dir

MAX_CHECKLIST_BYTES = 256 * 1024
"""The largest bundled checklist is a few kilobytes; a file far past this is not a checklist."""


def user_checklists_dir() -> Path:
    """Where a user's own checklist files live: `CONFIG/checklists/`."""
    return config_dir() / "checklists"


def read_checklist(path: Path) -> ChecklistDefinition:
    """The checklist at `path`, validated whole; raises `InputFileError` naming each problem's field path."""
    definition = read_toml_model(path, ChecklistDefinition, limit=MAX_CHECKLIST_BYTES, what="checklist file")
    problems = [Problem(p.message, field_path=p.field_path) for p in checklist_problems(definition)]
    if problems:
        raise InputFileError(path, problems)
    return definition


def _checklist_paths(folder: Path) -> tuple[list[Path], str | None]:
    if not folder.exists():
        return [], None
    try:
        paths = sorted(
            entry for entry in folder.iterdir() if entry.suffix == ".toml" and not entry.name.startswith(".")
        )
    except NotADirectoryError:
        return [], Problem("is not a folder, so it holds no checklists").render(folder)
    except OSError as error:
        return [], Problem(f"cannot list checklist folder: {error.strerror}").render(folder)
    return paths, None


def load_checklists(user_folder: Path | None = None) -> tuple[ChecklistCatalogue, list[str]]:
    """Every usable checklist (bundled first, then the user's in file-name order) and one warning per
    file left out.

    `user_folder` defaults to `CONFIG/checklists/`; a missing folder is no problem. A file whose id
    is already taken (by a bundled checklist or an earlier file) is left out with a warning rather
    than replacing it: answers in reviews are keyed by that id. Hidden files are passed over.
    """
    definitions: list[ChecklistDefinition] = []
    warnings: list[str] = []
    defined_by: dict[str, Path] = {}
    bundled, _none = _checklist_paths(bundled_checklists_dir())
    user, folder_problem = _checklist_paths(user_folder if user_folder is not None else user_checklists_dir())
    if folder_problem:
        warnings.append(folder_problem)
    for path in [*bundled, *user]:
        try:
            definition = read_checklist(path)
        except InputFileError as error:
            warnings.append("; ".join(error.lines()))
            continue
        if definition.id in defined_by:
            message = f"checklist {definition.id!r} is already defined by {defined_by[definition.id].name}"
            warnings.append(Problem(message, field_path="id").render(path))
            continue
        defined_by[definition.id] = path
        definitions.append(definition)
    return ChecklistCatalogue(definitions), warnings
