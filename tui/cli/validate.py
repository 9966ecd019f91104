"""`case-review validate PATH...`: check case files (and review files against the case beside them)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Parser, print_error, report_input_error

if TYPE_CHECKING:
    from tui.model.case import CaseRecord
    from tui.model.review import Review
    from tui.store.errors import Problem


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
    """Check a review file: its own format, and against its case when the case sits beside it."""
    from tui.model.review import Review
    from tui.store import InputFileError, read_case
    from tui.store.review_file import MAX_REVIEW_BYTES, read_review
    from tui.store.toml_file import read_toml_model

    try:
        review = read_toml_model(path, Review, limit=MAX_REVIEW_BYTES, what="review file")
        case_path = path.parent / f"{review.review.case_id}.toml"
        case = None
        if case_path.is_file():
            case = read_case(case_path)
            read_review(path, case)
        errors, notes = _answer_problems(path, review, case)
        if errors:
            raise InputFileError(path, errors)
        if case is not None:
            print(f"OK {path} (review of {case_path})", file=out)
        else:
            print(f"OK {path} (review of {review.review.case_id}; its case is not beside it)", file=out)
        for note in notes:
            print(note.render(path), file=out)
    except InputFileError as error:
        return report_input_error(error, out)
    return EXIT_OK


def _answer_problems(path: Path, review: Review, case: CaseRecord | None) -> tuple[list[Problem], list[Problem]]:
    """Checklist answers that do not fit their checklist (errors), and those that cannot be checked (notes:
    a checklist this run does not know, another version of one)."""
    from tui.appraisal import check_answers
    from tui.store.checklist_files import load_checklists
    from tui.store.errors import Problem

    catalogue, warnings = load_checklists()
    for warning in warnings:
        print_error(f"warning: {warning}")
    problems = check_answers(review, catalogue, case)
    errors = [Problem(p.message, field_path=p.field_path) for p in problems if p.severity == "error"]
    notes = [Problem(f"note: {p.message}", field_path=p.field_path) for p in problems if p.severity == "note"]
    return errors, notes


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
                print(f"OK {path}", file=out)
    return status
