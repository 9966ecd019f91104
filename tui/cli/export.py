"""`case-review export CASE --format md|html|json|csv [-o OUT]`: review notes without opening the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Parser, UsageError, print_error, report_input_error, reviewer_name
from tui.export import FORMATS, ExportFormat

if TYPE_CHECKING:
    from tui.model.checklist_catalogue import ChecklistCatalogue


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} export",
        description="Write a case's review notes as Markdown, HTML, W3C Web Annotation JSON or CSV. "
        "Without a review, the case alone is exported. Exit 0 when written, 1 when an input has "
        "problems, 2 for bad usage, unreadable input or an output that cannot be written.",
    )
    parser.add_argument("case", metavar="CASE", help="case file (TOML), or a folder holding one")
    parser.add_argument("--review", metavar="FILE", help="review file (default: your review beside the case, if any)")
    parser.add_argument("--reviewer", metavar="NAME", help="whose review to find when --review is not given")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from the -o suffix)")
    parser.add_argument("-o", "--output", metavar="OUT", help="file to write (default: standard output)")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    return run_export(
        Path(options.case),
        review=Path(options.review) if options.review else None,
        reviewer=options.reviewer,
        export_format=options.format,
        output=Path(options.output) if options.output else None,
    )


def format_for(export_format: str | None, output: Path | None) -> ExportFormat:
    """The format asked for, else the one the output's suffix names."""
    wanted = export_format
    if wanted is None:
        suffix = output.suffix.lower().lstrip(".") if output is not None else ""
        wanted = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    for name in FORMATS:
        if name == wanted:
            return name
    raise UsageError("say which format with --format md|html|json|csv (or give -o a .md, .html, .json or .csv name)")


def _checklists() -> ChecklistCatalogue:
    """The bundled and the user's checklists, so the export names items and counts progress as the app
    does; a user file that cannot be used is one warning line, and the export goes on without it."""
    from tui.store.checklist_files import load_checklists

    catalogue, warnings = load_checklists()
    for warning in warnings:
        print_error(f"warning: {warning}")
    return catalogue


def run_export(
    case: Path,
    *,
    review: Path | None = None,
    reviewer: str | None = None,
    export_format: str | None = None,
    output: Path | None = None,
) -> int:
    """Export the review notes of `case` to `output` or standard output; return the exit code."""
    from tui.export import render
    from tui.export.notes import build_review_notes
    from tui.model.checklist_catalogue import install_checklists
    from tui.model.review import now
    from tui.store import InputFileError, read_case
    from tui.store.atomic import write_atomic
    from tui.store.case_files import CaseChoiceError, resolve_case_path, review_path_for
    from tui.store.outputs import OutputRefused, check_output
    from tui.store.review_file import file_sha256, read_review

    chosen = format_for(export_format, output)
    try:
        path = resolve_case_path(case)
    except CaseChoiceError as error:
        raise UsageError(str(error)) from None
    try:
        record = read_case(path)
        review_path = review
        if review_path is None:
            default = review_path_for(path, record.id, reviewer_name(reviewer))
            review_path = default if default.exists() else None
        existing = read_review(review_path, record) if review_path is not None else None
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    if existing is None:
        print_error("note: no review of this case found; exporting the case alone")
    install_checklists(_checklists())
    notes = build_review_notes(record, existing, exported=now(), case_sha256=file_sha256(path))
    data = render(chosen, notes).encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        check_output(output, [path, *([review_path] if review_path is not None else [])])
    except OutputRefused as error:
        print_error(f"{output}: cannot write the export: {error}")
        return EXIT_USAGE
    try:
        write_atomic(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        print_error(f"{output}: cannot write the export: {reason}")
        return EXIT_USAGE
    return EXIT_OK
