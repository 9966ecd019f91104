"""Finding case files and review files on disk: what a path names, and whose reviews sit beside a case.

The command line, the app and (later) the library all ask these questions; answering them
in one place keeps "a folder of cases" and "the reviews of a case" meaning the same thing
everywhere. Nothing here reads a file's content: that is `case_reader` and `review_file`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from tui.resources import default_case_path, is_bundled

REVIEW_SUFFIX = ".review.toml"
CONSENSUS_NAME = "consensus"
"""`ID.consensus.review.toml`: the team's consensus review, beside the reviewers' own files."""
DATA_DIR_ENV = "CASE_REVIEW_DATA_DIR"
"""Overrides the platform's user data folder: for tests and portable installs."""


class CaseChoiceError(Exception):
    """A path that does not name one case: a review file, an empty folder, a folder of several cases."""


def is_review_file(path: Path) -> bool:
    """Reviews sit beside cases and end in `.review.toml`; they are checked as reviews, not cases."""
    return path.name.endswith(REVIEW_SUFFIX)


def cases_in_folder(folder: Path) -> list[Path]:
    """The case files directly inside `folder`, by name; review files and hidden files are left out.

    Raises `CaseChoiceError` for a folder with no case file.
    """
    found = sorted(
        path
        for path in folder.glob("*.toml")
        if not is_review_file(path) and not path.name.startswith(".") and path.is_file()
    )
    if not found:
        raise CaseChoiceError(f"{folder}: no case file (*.toml) in this folder")
    return found


def expand_case_paths(paths: Iterable[Path]) -> list[Path]:
    """Paths as given, with each folder replaced by the case files directly inside it.

    Review files named one by one (`cases/*.toml`) are kept, to be checked as reviews.
    """
    expanded: list[Path] = []
    for path in paths:
        expanded.extend(cases_in_folder(path) if path.is_dir() else [path])
    return expanded


def resolve_case_path(case: Path | None) -> Path:
    """The case file to open: the one named, the only one in a folder, or the bundled seed case."""
    if case is None:
        return default_case_path()
    if is_review_file(case):
        raise CaseChoiceError(f"{case}: is a review file; open its case and add --review {case}")
    if case.is_dir():
        found = cases_in_folder(case)
        if len(found) > 1:
            names = ", ".join(p.name for p in found[:5])
            raise CaseChoiceError(f"{case}: holds {len(found)} case files ({names}...); name one")
        return found[0]
    return case


def data_dir() -> Path:
    """The user data folder, where reviews of read-only cases go."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir("case-review"))


def safe_reviewer_name(name: str) -> str:
    """A reviewer's name made safe for a file name: `Dr. Ana Sousa` -> `dr-ana-sousa`."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return slug[:60] or "reviewer"


def review_folder(case_path: Path) -> Path:
    """Where reviews of a case are written: beside it, or the user data folder when that is not writable."""
    folder = case_path.resolve().parent
    if is_bundled(case_path) or not os.access(folder, os.W_OK):
        return data_dir() / "reviews"
    return folder


def reviews_of(case_path: Path, case_id: str) -> list[Path]:
    """Every reviewer's review file of a case (`ID.REVIEWER.review.toml`), by file name.

    Looks beside the case and in the user data folder, where reviews of read-only cases go;
    journals and temporary files (hidden) are not reviews, and the consensus review is no
    reviewer's (`consensus_path_for` finds it).
    """
    folders = dict.fromkeys([case_path.resolve().parent, review_folder(case_path)])
    consensus = f"{case_id}.{CONSENSUS_NAME}{REVIEW_SUFFIX}"
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.glob(f"{case_id}.*{REVIEW_SUFFIX}")):
            if path.is_file() and not path.name.startswith(".") and path.name != consensus:
                found.setdefault(path.name, path)
    return [found[name] for name in sorted(found)]


def reviewer_slug(review_path: Path, case_id: str) -> str:
    """The reviewer part of a review file's name: `x.ana-sousa.review.toml` -> `ana-sousa`."""
    return review_path.name.removeprefix(f"{case_id}.").removesuffix(REVIEW_SUFFIX)


def consensus_path_for(case_path: Path, case_id: str) -> Path:
    """The consensus review of a case, `ID.consensus.review.toml`, where the reviewers' files are written."""
    return review_folder(case_path) / f"{case_id}.{CONSENSUS_NAME}{REVIEW_SUFFIX}"


def is_consensus_file(path: Path) -> bool:
    return path.name.endswith(f".{CONSENSUS_NAME}{REVIEW_SUFFIX}")


def review_path_for(case_path: Path, case_id: str, reviewer: str) -> Path:
    """The default review file of `reviewer` for the case at `case_path`."""
    return review_folder(case_path) / f"{case_id}.{safe_reviewer_name(reviewer)}{REVIEW_SUFFIX}"


def next_free_review_path(path: Path) -> Path:
    """`x.ana.review.toml` -> `x.ana-2.review.toml` (or -3, ...): a new file that takes nothing over."""
    stem = path.name.removesuffix(REVIEW_SUFFIX)
    number = 2
    while True:
        candidate = path.with_name(f"{stem}-{number}{REVIEW_SUFFIX}")
        if not candidate.exists():
            return candidate
        number += 1
