"""`case-review search DIR QUERY...`: the library's search on the command line, for scripts.

Brings the folder's index up to date (reading only what changed), then prints one line a hit,
best first: `FILE<TAB>WHERE<TAB>CONTEXT`. Every string from a file is made safe for a terminal.
Exit 0 with hits, 1 with none, 2 for a folder that cannot be read. No Textual import.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tui.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, PROG, Parser, print_error


def parser() -> Parser:
    parser = Parser(prog=f"{PROG} search", description="Search every case and review note of a folder of cases.")
    parser.add_argument("folder", metavar="DIR", help="a folder of case files")
    parser.add_argument(
        "query", nargs="+", metavar="QUERY", help="words to find (all of them); quotes and symbols are words"
    )
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    from tui.library import Library
    from tui.safe_text import sanitize_line

    folder = Path(options.folder)
    if not folder.is_dir():
        print_error(f"{folder}: not a folder")
        return EXIT_USAGE
    try:
        library = Library(folder)
        library.refresh()
    except OSError as error:
        print_error(f"{folder}: {error.strerror or error}")
        return EXIT_USAGE
    answer = library.search(" ".join(options.query), limit=max(1, min(options.limit, 1000)))
    if answer.problem:
        print_error(answer.problem)
        return EXIT_PROBLEMS
    for hit in answer.hits:
        where = f"note by {hit.reviewer}" if hit.kind == "note" else hit.label
        print("\t".join(sanitize_line(part) for part in (hit.path, where, hit.snippet)))
    sys.stdout.flush()
    return EXIT_OK if answer.hits else EXIT_PROBLEMS
