"""Read checklist definitions: the bundled ones, then the user's own from `CONFIG/checklists/`.

A team's extraction form is a file somebody wrote by hand, so it is untrusted input: each file
is read through `read_toml_model` (size limit, UTF-8, TOML, strict schema), then checked by the
rules that need the whole file (`checklist_problems`). A file that fails any of them costs the
user that file only: it becomes one warning line naming the file and the field path, and every
other checklist still loads, as with theme files.
"""

from __future__ import annotations

from pathlib import Path

from tui.model.case import CaseRecord
from tui.model.checklist import ChecklistDefinition, checklist_problems
from tui.model.checklist_catalogue import ChecklistCatalogue, install_checklists
from tui.model.review import Review
from tui.resources import bundled_checklists_dir
from tui.store.errors import InputFileError, Problem
from tui.store.review_file import read_review
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


_loaded: tuple[ChecklistCatalogue, tuple[str, ...]] | None = None


def ensure_checklists() -> tuple[ChecklistCatalogue, list[str]]:
    """The checklists of this run, loaded and installed on first need (the warnings of that load).

    Loaded on demand rather than at start-up: a review with no answers and no notes on checklist
    items never needs them, and the Appraisal pane is built after the first screen.
    """
    global _loaded  # noqa: PLW0603 - once per run
    if _loaded is None:
        catalogue, warnings = load_checklists()
        install_checklists(catalogue)
        _loaded = (catalogue, tuple(warnings))
    return _loaded[0], list(_loaded[1])


def read_checked_review(path: Path, case: CaseRecord) -> tuple[Review, list[str]]:
    """The review at `path`, its checklist answers checked against the checklists they name.

    Raises `InputFileError` for a file that cannot be used; the second value holds one line for
    each answer that could not be checked (a checklist this run does not know).
    """
    review = read_review(path, case)
    return review, check_review_answers(path, review, case)


def check_review_answers(path: Path, review: Review, case: CaseRecord | None) -> list[str]:
    """Raise `InputFileError` for answers that do not fit a checklist this run knows; lines for the rest.

    An answer that does not fit is a problem of the file, at its field path; answers to a checklist
    this run does not know are kept and noted, since a colleague's own form must never stop a
    review opening.
    """
    from tui.appraisal.check import check_answers

    if not review.touches_checklists():
        return []
    catalogue, warnings = ensure_checklists()
    problems = check_answers(review, catalogue, case)
    errors = [Problem(p.message, field_path=p.field_path) for p in problems if p.severity == "error"]
    if errors:
        raise InputFileError(path, errors)
    notes = [Problem(f"note: {p.message}", field_path=p.field_path) for p in problems if p.severity == "note"]
    return [*warnings, *(note.render(path) for note in notes)]
