"""What every sub-command shares: exit codes, one-line errors, the argument parser.

Every failure ends as one line per problem and an exit code: 0 ok, 1 problems found in
the input, 2 bad usage or unreadable input, 70 an internal error. A traceback is never
shown unless CASE_REVIEW_DEBUG is set.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

if TYPE_CHECKING:
    from tui.store import InputFileError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70

PROG = "case-review"


class UsageError(Exception):
    """Bad arguments: reported as one line with exit code 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def print_error(message: str) -> None:
    """One line on standard error, `case-review: ...`, with anything a terminal would act on made visible."""
    from tui.safe_text import sanitize_line

    print(f"{PROG}: {sanitize_line(message)}", file=sys.stderr)


def report_input_error(error: InputFileError, out: TextIO) -> int:
    """Print an input file's problems, one line each, and return the exit code they call for."""
    for line in error.lines():
        print(line, file=out)
    return EXIT_USAGE if error.unreadable else EXIT_PROBLEMS


def reviewer_name(given: str | None) -> str:
    """The reviewer: `--reviewer`, else the user config, else the login name."""
    from tui.model.review import MAX_NAME_CHARS
    from tui.store.user_config import default_reviewer

    name = (given or default_reviewer()).strip() or "reviewer"
    if len(name) > MAX_NAME_CHARS:
        raise UsageError(f"--reviewer: a name of {len(name):,} characters; at most {MAX_NAME_CHARS:,}")
    return name
