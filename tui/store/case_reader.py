"""Read a case file into a `CaseRecord`, or say precisely what is wrong with it.

The generic stages (file, bytes, TOML, schema) are `toml_file.read_toml_model`; this
module adds the rules that need the whole case (`tui.model.integrity`).
"""

from __future__ import annotations

from pathlib import Path

from tui.model.case import CaseRecord
from tui.model.integrity import check_integrity
from tui.store.errors import InputFileError, Problem
from tui.store.toml_file import read_toml_model

MAX_CASE_BYTES = 8 * 1024 * 1024
"""A case report is tens of kilobytes; anything past this is refused unread."""


def read_case(path: Path | str) -> CaseRecord:
    """The validated case at `path`; raises `InputFileError` on any problem."""
    path = Path(path)
    case = read_toml_model(path, CaseRecord, limit=MAX_CASE_BYTES, what="case file")
    problems = [Problem(p.message, field_path=p.field_path) for p in check_integrity(case)]
    if problems:
        raise InputFileError(path, problems)
    return case
