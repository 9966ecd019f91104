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
    parser.add_argument("case", nargs="?", metavar="CASE_OR_DIR", help="case file (TOML), or a folder holding one")
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
    """Open the case and its review, then the app."""
    from tui.store import InputFileError
    from tui.store.case_files import CaseChoiceError, resolve_case_path
    from tui.workspace import ReviewDocument

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
