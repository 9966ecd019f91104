"""The importer's one failure: an input that cannot become a case record, said in one line.

It is the store's `InputFileError` (path, problem, unreadable or not), so the command line
reports an import problem exactly as it reports a bad case file: `path: what is wrong`.
"""

from __future__ import annotations

from pathlib import Path

from tui.store.errors import InputFileError, Problem


def unusable(path: Path | str, message: str, *, line: int | None = None, column: int | None = None) -> InputFileError:
    """An input that was read but cannot be imported (exit code 2: nothing can be made of it)."""
    return InputFileError(path, [Problem(message, line=line, column=column)], unreadable=True)
