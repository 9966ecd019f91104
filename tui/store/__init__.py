"""Reading case files (and, later, reading and writing reviews).

The store knows files and formats; it knows nothing of widgets. Every failure
it reports is a `CaseFileError`, so callers have exactly one thing to catch.
"""

from tui.store.case_reader import MAX_CASE_BYTES, read_case
from tui.store.errors import CaseFileError, Problem

__all__ = ["MAX_CASE_BYTES", "CaseFileError", "Problem", "read_case"]
