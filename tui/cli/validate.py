"""`case-review validate PATH...`: check case files (and review files against the case beside them)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Parser, report_input_error

if TYPE_CHECKING:
    pass


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} validate",
        description="Check case files: syntax, schema, ids, references and quotes. "
        "Exit 0 when every file is sound, 1 when a file has problems, 2 for unreadable input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="case file, or folder of case files")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    return run_validate([Path(p) for p in options.paths], sys.stdout)


def _validate_review(path: Path, out: TextIO) -> int:
    """Check a review file: its own format, its answers, and against its case when the case sits beside it."""
    from tui.model.review import Review
    from tui.safe_text import sanitize_line
    from tui.store import InputFileError, read_case
    from tui.store.checklist_files import check_review_answers
    from tui.store.review_file import MAX_REVIEW_BYTES, read_review
    from tui.store.toml_file import read_toml_model

    try:
        review = read_toml_model(path, Review, limit=MAX_REVIEW_BYTES, what="review file")
        case_path = path.parent / f"{review.review.case_id}.toml"
        case = read_case(case_path) if case_path.is_file() else None
        if case is not None:
            read_review(path, case)
        notes = check_review_answers(path, review, case)
        if case is not None:
            print(sanitize_line(f"OK {path} (review of {case_path})"), file=out)
        else:
            print(sanitize_line(f"OK {path} (review of {review.review.case_id}; its case is not beside it)"), file=out)
        for note in notes:
            print(sanitize_line(note), file=out)
    except InputFileError as error:
        return report_input_error(error, out)
    return EXIT_OK


def run_validate(paths: Sequence[Path], out: TextIO) -> int:
    """Print `OK path` or one line per problem for each case (or review) file; return the exit code."""
    from tui.safe_text import sanitize_line
    from tui.store import InputFileError, read_case
    from tui.store.case_files import CaseChoiceError, expand_case_paths, is_review_file

    status = EXIT_OK
    for given in paths:
        try:
            expanded = expand_case_paths([given])
        except CaseChoiceError as empty:
            print(sanitize_line(str(empty)), file=out)
            status = max(status, EXIT_USAGE)
            continue
        for path in expanded:
            if is_review_file(path):
                status = max(status, _validate_review(path, out))
                continue
            try:
                read_case(path)
            except InputFileError as error:
                status = max(status, report_input_error(error, out))
            else:
                print(sanitize_line(f"OK {path}"), file=out)
    return status
