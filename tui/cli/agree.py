"""`case-review agree CASE [--reviewers a,b,...] [--format text|md|html|csv] [-o OUT]`: agreement among reviewers.

Reads every reviewer's review beside the case (`reviews_of`; the consensus review is no
reviewer's), re-anchors those written against another version of the case text, and
prints the agreement table (or writes an export). Exit 0 with a table, 1 when fewer than
two reviews exist or a review has problems, 2 for bad usage, unreadable input or an
output that cannot be written. Never imports Textual.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, PROG, Parser, UsageError, print_error, report_input_error
from tui.export.agreement import AGREEMENT_FORMATS, AgreementFormat

SUFFIX_FORMATS: dict[str, AgreementFormat] = {
    ".txt": "text",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
}


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} agree",
        description="Agreement among the reviewers of a case: percent agreement, Cohen's kappa (plain and "
        "linearly weighted), Fleiss' kappa, Krippendorff's alpha over checklist answers, per checklist and "
        "overall; span F1 over text notes. Exit 0 when the figures were written, 1 when fewer than two "
        "reviews exist or a review has problems, 2 for bad usage, unreadable input or an output that "
        "cannot be written.",
    )
    parser.add_argument("case", metavar="CASE", help="case file (TOML), or a folder holding one")
    parser.add_argument(
        "--reviewers",
        metavar="A,B,...",
        help="whose reviews to compare, by name or file name part (default: every review beside the case)",
    )
    parser.add_argument("--format", choices=AGREEMENT_FORMATS, help="output format (default: from -o, else text)")
    parser.add_argument("-o", "--output", metavar="OUT", help="file to write (default: standard output)")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    output = Path(options.output) if options.output else None
    chosen = format_for(options.format, output)
    wanted = [name.strip() for name in options.reviewers.split(",") if name.strip()] if options.reviewers else None
    if wanted is not None and len(dict.fromkeys(wanted)) < 2:
        raise UsageError("--reviewers needs at least two names, separated by commas")
    return run_agree(Path(options.case), reviewers=wanted, export_format=chosen, output=output)


def format_for(export_format: str | None, output: Path | None) -> AgreementFormat:
    """The format asked for, else the one the output's suffix names, else the terminal table."""
    for name in AGREEMENT_FORMATS:
        if name == export_format:
            return name
    if output is None:
        return "text"
    suffix = output.suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        raise UsageError("say which format with --format text|md|html|csv (or give -o a .txt, .md, .html or .csv name)")
    return SUFFIX_FORMATS[suffix]


def _check_output(output: Path, inputs: list[Path]) -> None:
    from tui.store.outputs import OutputRefused, check_output

    try:
        check_output(output, inputs)
    except OutputRefused as error:
        raise UsageError(f"{output}: cannot write the agreement figures: {error}") from None


def run_agree(
    case: Path,
    *,
    reviewers: list[str] | None = None,
    export_format: AgreementFormat = "text",
    output: Path | None = None,
) -> int:
    """Compare the reviews of `case` and write the figures; return the exit code."""
    from tui.agreement.report import agreement_report
    from tui.export.agreement import render_agreement
    from tui.store import InputFileError
    from tui.store.atomic import write_atomic
    from tui.store.case_files import CaseChoiceError, resolve_case_path
    from tui.workspace.review_set import ReviewerChoiceError, read_review_set

    try:
        path = resolve_case_path(case)
    except CaseChoiceError as error:
        raise UsageError(str(error)) from None
    try:
        found = read_review_set(path)
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    try:
        chosen = found.choose(reviewers)
    except ReviewerChoiceError as error:
        raise UsageError(str(error)) from None
    if output is not None:
        _check_output(output, [path, *found.files.values(), found.consensus_path])
    if len(chosen) < 2:
        count = f"{len(chosen)} review{'' if len(chosen) == 1 else 's'}"
        print_error(f"{path}: {count} of this case beside it; agreement needs two or more")
        return EXIT_PROBLEMS
    comparison = found.compare(chosen)
    data = render_agreement(export_format, agreement_report(comparison)).encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        write_atomic(output, data)
    except OSError as error:
        print_error(f"{output}: cannot write the figures: {error.strerror or error}")
        return EXIT_USAGE
    return EXIT_OK
