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


def _select(found: dict[str, str], wanted: list[str] | None) -> list[str]:
    """The reviews to compare (keys of `found`, file name part -> reviewer), in the order asked.

    A name matches a review file's name part (`ana-sousa`) or its reviewer (`Ana Sousa`), in any case;
    an unknown one is a `UsageError` naming the reviews there are.
    """
    from tui.store.case_files import safe_reviewer_name

    if wanted is None:
        return list(found)
    chosen: list[str] = []
    for name in dict.fromkeys(wanted):
        slug = safe_reviewer_name(name)
        match = next((key for key, reviewer in found.items() if slug in (key, safe_reviewer_name(reviewer))), None)
        if match is None:
            known = ", ".join(found) or "none"
            raise UsageError(f"no review by {name!r} beside the case (reviews found: {known})")
        if match not in chosen:
            chosen.append(match)
    return chosen


def _check_output(output: Path, inputs: list[Path]) -> None:
    """Refuse an output that is an input of this command, a folder, or anything but a regular file or a new path."""
    if output.exists() and not output.is_file():
        raise UsageError(f"{output}: not a regular file; name a new file or a file to replace")
    resolved = output.resolve()
    if any(resolved == path.resolve() for path in inputs):
        raise UsageError(f"{output}: is an input of this command; name another file")


def run_agree(
    case: Path,
    *,
    reviewers: list[str] | None = None,
    export_format: AgreementFormat = "text",
    output: Path | None = None,
) -> int:
    """Compare the reviews of `case` and write the figures; return the exit code."""
    from tui.agreement.alignment import compare
    from tui.agreement.report import agreement_report
    from tui.export.agreement import render_agreement
    from tui.store import InputFileError, read_case
    from tui.store.atomic import write_atomic
    from tui.store.case_files import CaseChoiceError, consensus_path_for, resolve_case_path, reviewer_slug, reviews_of
    from tui.store.review_file import file_sha256, read_review

    try:
        path = resolve_case_path(case)
    except CaseChoiceError as error:
        raise UsageError(str(error)) from None
    try:
        record = read_case(path)
        files = reviews_of(path, record.id)
        reviews = {reviewer_slug(file, record.id): read_review(file, record) for file in files}
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    chosen = _select({key: review.review.reviewer for key, review in reviews.items()}, reviewers)
    if output is not None:
        _check_output(output, [path, *files, consensus_path_for(path, record.id)])
    if len(chosen) < 2:
        found = f"{len(chosen)} review{'' if len(chosen) == 1 else 's'}"
        print_error(f"{path}: {found} of this case beside it; agreement needs two or more")
        return EXIT_PROBLEMS
    comparison = compare(record, [reviews[key] for key in chosen], case_sha256=file_sha256(path))
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
