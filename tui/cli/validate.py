"""`case-review validate PATH...`: check case files (and review files against the case beside them)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, PROG, Parser, report_input_error

if TYPE_CHECKING:
    from tui.model import CaseRecord
    from tui.model.review import Review
    from tui.store.errors import Problem

QUOTE_SHOWN = 60
"""Characters of a quote a line shows (the whole note is in the app and the exports)."""


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} validate",
        description="Check case files: syntax, schema, ids, references and quotes; and review files: "
        "their format, their answers, and, against the case beside them, their orphaned and moved notes. "
        "Exit 0 when every file is sound (moved notes are listed), 1 when a file has problems or a review "
        "has orphaned notes, 2 for unreadable input.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="case file, or folder of case files")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    return run_validate([Path(p) for p in options.paths], sys.stdout)


def _shown(quote: str | None) -> str:
    words = " ".join((quote or "").split())
    if len(words) <= QUOTE_SHOWN:
        return f"“{words}”"
    cut = words[: QUOTE_SHOWN + 1].rsplit(" ", 1)[0] if " " in words[:QUOTE_SHOWN] else words[:QUOTE_SHOWN]
    return f"“{cut}…”"


def placement_problems(case: CaseRecord, review: Review) -> tuple[list[Problem], int]:
    """One problem a note whose place is gone (orphan) or whose words were edited (moved), in file order;
    and how many are orphans (moved notes are found, so they are listed without failing)."""
    from tui.model.anchoring import anchor_review, new_words
    from tui.model.places import places_of
    from tui.store.errors import Problem

    anchored = anchor_review(case, review)
    places = places_of(case)
    problems: list[Problem] = []
    for index, (note, placed) in enumerate(zip(review.annotations, anchored.review.annotations, strict=True)):
        where = f"annotations[{index}]"
        label = places.label(note.target, note.target_id)
        if note.id in anchored.orphans:
            gone = (
                f"its words {_shown(note.quote)} are no longer in the case"
                if places.holds(note.target, note.target_id)
                else f"the case has no {note.target} {note.target_id!r} now"
            )
            problems.append(Problem(f"note {note.id} on {label} is an orphan: {gone}", field_path=where))
        elif note.id in anchored.moved:
            now = _shown(new_words(case, placed))
            problems.append(
                Problem(f"note {note.id} on {label} moved: {_shown(note.quote)} now reads {now}", field_path=where)
            )
    return problems, len(anchored.orphans)


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
        placements, orphans = placement_problems(case, review) if case is not None else ([], 0)
        if case is None:
            print(sanitize_line(f"OK {path} (review of {review.review.case_id}; its case is not beside it)"), file=out)
        elif not orphans:
            moved = f"; {len(placements)} moved note{'s' if len(placements) != 1 else ''}" if placements else ""
            print(sanitize_line(f"OK {path} (review of {case_path}{moved})"), file=out)
        for note in notes:
            print(sanitize_line(note), file=out)
        for problem in placements:
            print(problem.render(path), file=out)
    except InputFileError as error:
        return report_input_error(error, out)
    return EXIT_PROBLEMS if orphans else EXIT_OK


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
