"""Reading case files (and, later, reading and writing reviews).

The store knows files and formats; it knows nothing of widgets. Every failure
it reports is an `InputFileError`, so callers have exactly one thing to catch.
"""

from tui.store.case_reader import MAX_CASE_BYTES, read_case
from tui.store.errors import InputFileError, Problem

__all__ = ["MAX_CASE_BYTES", "InputFileError", "Problem", "read_case"]
