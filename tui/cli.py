"""Command line: open the review app, or run a sub-command without a UI.

Sub-commands (`validate`, and later `export`, `import`) must start fast and work
without a terminal UI, so this module imports Textual only on the path that
opens the app. Every failure ends as one line per problem and an exit code:
0 ok, 1 problems found in the input, 2 bad usage or unreadable input. A
traceback is never shown unless CASE_REVIEW_DEBUG is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from tui import __version__
from tui.export import FORMATS

if TYPE_CHECKING:
    from tui.store import InputFileError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70

PROG = "case-review"


class UsageError(Exception):
    """Bad arguments: reported as one line with exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Review a published clinical case report: read it, annotate it, appraise it, export notes.",
        epilog="sub-commands: 'case-review validate PATH...' checks case files; "
        "'case-review export CASE --format md|html|json|csv' writes review notes. Neither opens the app.",
    )
    parser.add_argument("case", nargs="?", metavar="CASE_OR_DIR", help="case file (TOML), or a folder holding one")
    parser.add_argument("--review", metavar="FILE", help="review file to open or create (default: beside the case)")
    parser.add_argument("--reviewer", metavar="NAME", help="your name on the review (default: user config, else login)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme (remembered when changed in the app)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} validate",
        description="Check case files: syntax, schema, ids, references and quotes. "
        "Exit 0 when every file is sound, 1 when a file has problems, 2 for unreadable input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="case file, or folder of case files")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `case-review` and `python -m tui`; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "validate":
            options = _validate_parser().parse_args(args[1:])
            return run_validate([Path(p) for p in options.paths], sys.stdout)
        if args and args[0] == "export":
            options = _export_parser().parse_args(args[1:])
            return run_export(
                Path(options.case),
                review=Path(options.review) if options.review else None,
                reviewer=options.reviewer,
                export_format=options.format,
                output=Path(options.output) if options.output else None,
            )
        options = _open_parser().parse_args(args)
        return run_app(
            Path(options.case) if options.case else None,
            theme=options.theme,
            review=Path(options.review) if options.review else None,
            reviewer=options.reviewer,
        )
    except UsageError as error:
        _print_error(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`); nothing useful is left to say.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # noqa: BLE001 - the last guard against a traceback
        if os.environ.get("CASE_REVIEW_DEBUG"):
            raise
        _print_error(f"internal error: {type(error).__name__}: {error} (set CASE_REVIEW_DEBUG=1 for details)")
        return EXIT_INTERNAL


def _print_error(message: str) -> None:
    from tui.safe_text import sanitize_line

    print(f"{PROG}: {sanitize_line(message)}", file=sys.stderr)


def report_input_error(error: InputFileError, out: TextIO) -> int:
    """Print an input file's problems, one line each, and return the exit code they call for."""
    for line in error.lines():
        print(line, file=out)
    return EXIT_USAGE if error.unreadable else EXIT_PROBLEMS


REVIEW_SUFFIX = ".review.toml"


def is_review_file(path: Path) -> bool:
    """Reviews sit beside cases and end in `.review.toml`; they are checked as reviews, not cases."""
    return path.name.endswith(REVIEW_SUFFIX)


def expand_case_paths(paths: Iterable[Path]) -> list[Path]:
    """Paths as given, with each folder replaced by the case files directly inside it.

    Review files (`*.review.toml`) sit beside cases but are not cases, so a folder's
    listing leaves them out; named one by one (`cases/*.toml`), they are kept and
    checked as reviews. An empty folder is reported as such.
    """
    expanded: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.toml") if not is_review_file(p) and p.is_file())
            if not found:
                raise _EmptyFolder(path)
            expanded.extend(found)
        else:
            expanded.append(path)
    return expanded


class _EmptyFolder(Exception):
    def __init__(self, folder: Path) -> None:
        super().__init__(f"{folder}: no case file (*.toml) in this folder")
        self.folder = folder


def _validate_review(path: Path, out: TextIO) -> int:
    """Check a review file: its own format, and against its case when the case sits beside it."""
    from tui.model.review import Review
    from tui.store import InputFileError, read_case
    from tui.store.review_file import MAX_REVIEW_BYTES, read_review
    from tui.store.toml_file import read_toml_model

    try:
        review = read_toml_model(path, Review, limit=MAX_REVIEW_BYTES, what="review file")
        case_path = path.parent / f"{review.review.case_id}.toml"
        if case_path.is_file():
            read_review(path, read_case(case_path))
            print(f"OK {path} (review of {case_path})", file=out)
        else:
            print(f"OK {path} (review of {review.review.case_id}; its case is not beside it)", file=out)
    except InputFileError as error:
        return report_input_error(error, out)
    return EXIT_OK


def run_validate(paths: Sequence[Path], out: TextIO) -> int:
    """Print `OK path` or one line per problem for each case (or review) file; return the exit code."""
    from tui.store import InputFileError, read_case

    status = EXIT_OK
    for given in paths:
        try:
            expanded = expand_case_paths([given])
        except _EmptyFolder as empty:
            from tui.safe_text import sanitize_line

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


def _format_for(export_format: str | None, output: Path | None) -> str:
    if export_format is not None:
        return export_format
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    suffix = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    if suffix in FORMATS:
        return suffix
    raise UsageError("say which format with --format md|html|json|csv (or give -o a .md, .html, .json or .csv name)")


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
    from tui.model.review import now
    from tui.store import InputFileError, read_case
    from tui.store.atomic import write_atomic
    from tui.store.review_file import file_sha256, read_review, review_path_for

    chosen_format = _format_for(export_format, output)
    path = resolve_case_path(case)
    try:
        record = read_case(path)
        review_path = review
        if review_path is None:
            default = review_path_for(path, record.id, (reviewer or default_reviewer()).strip() or "reviewer")
            review_path = default if default.exists() else None
        existing = read_review(review_path, record) if review_path is not None else None
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    if existing is None:
        _print_error("note: no review of this case found; exporting the case alone")
    notes = build_review_notes(record, existing, exported=now(), case_sha256=file_sha256(path))
    data = render(chosen_format, notes).encode("utf-8")  # type: ignore[arg-type]
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    try:
        if output.is_dir():
            raise IsADirectoryError(f"{output} is a folder")
        write_atomic(output, data)
    except OSError as error:
        reason = error.strerror or str(error)
        _print_error(f"{output}: cannot write the export: {reason}")
        return EXIT_USAGE
    return EXIT_OK


def resolve_case_path(case: Path | None) -> Path:
    """The case file to open: the one named, the only one in a folder, or the seed case."""
    from tui.resources import default_case_path

    if case is None:
        return default_case_path()
    if is_review_file(case):
        raise UsageError(f"{case}: is a review file; open its case and add --review {case}")
    if case.is_dir():
        try:
            found = expand_case_paths([case])
        except _EmptyFolder as empty:
            raise UsageError(str(empty)) from None
        if len(found) > 1:
            names = ", ".join(p.name for p in found[:5])
            raise UsageError(f"{case}: holds {len(found)} case files ({names}...); name one")
        return found[0]
    return case


def default_reviewer() -> str:
    """The reviewer's name: from the user config, else the login name."""
    import getpass

    from tui.store.user_config import load_user_config

    config, _warning = load_user_config()
    if config.reviewer:
        return config.reviewer
    try:
        return getpass.getuser() or "reviewer"
    except (KeyError, OSError):
        return "reviewer"


def _check_review_place(review_path: Path) -> None:
    """Refuse a review path the app could never save to, before any work is typed into it."""
    if review_path.is_dir():
        raise UsageError(f"{review_path}: is a folder; name a review file (e.g. NAME.review.toml)")
    folder = review_path.parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                raise UsageError(f"{review_path}: cannot hold a review: {ancestor} is a file, not a folder")
            return


def run_app(
    case: Path | None,
    *,
    theme: str | None = None,
    review: Path | None = None,
    reviewer: str | None = None,
) -> int:
    """Load the case and its review, then open the app; bad input never reaches the UI."""
    from tui.model.review_session import ReviewSession, open_session
    from tui.store import InputFileError, read_case
    from tui.store.journal import read_journal
    from tui.store.review_file import file_sha256, read_review, review_path_for

    path = resolve_case_path(case)
    try:
        record = read_case(path)
        name = (reviewer or default_reviewer()).strip() or "reviewer"
        review_path = review or review_path_for(path, record.id, name)
        _check_review_place(review_path)
        existing = read_review(review_path, record) if review_path.exists() else None
        recovered, journal_warning = read_journal(review_path, record)
    except InputFileError as error:
        return report_input_error(error, sys.stderr)

    from tui.app import CaseReviewApp, new_review  # Textual is imported only on this path.

    if existing is not None:
        session = open_session(record, file_sha256(path), existing)
    else:
        session = ReviewSession(new_review(record, file_sha256(path), name))
    if recovered is not None and existing is not None and recovered.ordered() == existing.ordered():
        recovered = None  # the journal holds nothing the saved file lacks
    app = CaseReviewApp(
        record, case_path=path, session=session, review_path=review_path, reviewer=name, recovered=recovered
    )
    if journal_warning:
        app.startup_warnings.append(journal_warning)
    if theme is not None:
        if theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError(f"unknown theme {theme!r}; available: {names}")
        app.theme = theme
    app.run()
    return EXIT_OK
