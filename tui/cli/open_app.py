"""`case-review [CASE_OR_DIR]`: open the review app on a case and your review of it.

Bad input never reaches the UI: the case and the review are opened (and refused with one
line) before Textual is even imported.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui import __version__
from tui.cli.common import EXIT_OK, PROG, Parser, UsageError, report_input_error, reviewer_name


def parser() -> Parser:
    parser = Parser(
        prog=PROG,
        description="Review a published clinical case report: read it, annotate it, appraise it, export notes.",
        epilog="sub-commands: 'case-review validate PATH...' checks case files; "
        "'case-review export CASE --format md|html|json|csv' writes review notes. Neither opens the app.",
    )
    parser.add_argument(
        "case",
        nargs="?",
        metavar="CASE_OR_DIR",
        help="case file (TOML), or a folder: one case opens it, several open the library",
    )
    parser.add_argument("--review", metavar="FILE", help="review file to open or create (default: beside the case)")
    parser.add_argument("--reviewer", metavar="NAME", help="your name on the review (default: user config, else login)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme (remembered when changed in the app)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    return run_app(
        Path(options.case) if options.case else None,
        theme=options.theme,
        review=Path(options.review) if options.review else None,
        reviewer=options.reviewer,
    )


@contextmanager
def start_up() -> Iterator[None]:
    """No cycle collection while the app starts; then what start-up built is kept out of every later one.

    Start-up imports Textual and pydantic and builds the case's records: a great many objects
    that live as long as the app, and almost no garbage. The collector would walk them all a
    dozen times before the first screen, and again in each full collection after it.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def run_app(
    case: Path | None,
    *,
    theme: str | None = None,
    review: Path | None = None,
    reviewer: str | None = None,
) -> int:
    """Open the case and its review, then the app; a folder of several cases (or the configured one) as a library."""
    from tui.store import InputFileError
    from tui.store.case_files import CaseChoiceError, resolve_case_path
    from tui.workspace import ReviewDocument

    folder = library_folder(case)
    if folder is not None:
        if review is not None:
            raise UsageError("--review names one review file; open one case of the library with it")
        return run_library(folder, theme=theme, reviewer=reviewer)
    with start_up():
        try:
            path = resolve_case_path(case)
        except CaseChoiceError as error:
            raise UsageError(str(error)) from None
        try:
            document = ReviewDocument.open(path, reviewer=reviewer_name(reviewer), review_path=review)
        except InputFileError as error:
            return report_input_error(error, sys.stderr)

        from tui.app import CaseReviewApp  # Textual is imported only on this path.

        app = CaseReviewApp(document, theme=theme)
        if theme is not None and theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError(f"unknown theme {theme!r}; available: {names}")
    app.run()
    return EXIT_OK


def library_folder(case: Path | None) -> Path | None:
    """The folder to open as a library: one holding several cases, or with no argument the configured one."""
    from tui.store.case_files import CaseChoiceError, cases_in_folder

    if case is None:
        from tui.store.user_config import load_user_config

        config, _warning = load_user_config()  # the app repeats the warning once it is up
        if not config.library:
            return None
        configured = Path(config.library).expanduser()
        if not configured.is_dir():
            raise UsageError(f"library {configured}: not a folder (the 'library' setting of the user config)")
        return configured
    if not case.is_dir():
        return None
    try:
        return case if len(cases_in_folder(case)) > 1 else None
    except CaseChoiceError:
        return None


def run_library(folder: Path, *, theme: str | None, reviewer: str | None) -> int:
    """Open the library screen on a folder; its rows are read by the screen's workers."""
    with start_up():
        from tui.library import Library
        from tui.library.blind_library import library_for

        name = reviewer_name(reviewer)
        library, warning = library_for(folder, Library(folder), name)
        from tui.library_app import LibraryApp  # Textual is imported only on this path.

        app = LibraryApp(library, reviewer=name, theme=theme)
        if warning:
            app.startup_warnings.append(warning)
        if theme is not None and theme not in app.available_themes:
            names = ", ".join(sorted(app.available_themes))
            raise UsageError(f"unknown theme {theme!r}; available: {names}")
    app.run()
    return EXIT_OK
