"""`case-review serve [CASE_OR_DIR]`: the review app in a browser, one app process a tab (textual-serve).

The case and the review are checked here, before anything listens, so bad input is one line and
an exit code as for the terminal app. Each tab then runs `python -m tui CASE ...` under
textual-serve's web driver: two tabs on one review are two instances, each with its own journal.
On loopback no token is needed; on any other address one is (made for this run and printed once,
or read from `--token-file`), and a token file asks for it on loopback too.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from tui.cli.common import EXIT_OK, EXIT_USAGE, PROG, Parser, UsageError, print_error, report_input_error, reviewer_name


def parser() -> Parser:
    parser = Parser(
        prog=f"{PROG} serve",
        description="Serve the review app to a web browser; each tab runs its own app on this machine, "
        "reading and saving files here. Loopback only unless --host says otherwise; any other address "
        "needs a token.",
    )
    parser.add_argument("case", nargs="?", metavar="CASE_OR_DIR", help="case file (TOML), or a folder holding one")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--token-file", metavar="F", help="file holding the token to require (default: a new one, printed once)"
    )
    parser.add_argument("--review", metavar="FILE", help="review file to open or create (default: beside the case)")
    parser.add_argument("--reviewer", metavar="NAME", help="your name on the review (default: user config, else login)")
    parser.add_argument("--theme", metavar="NAME", help="colour theme")
    return parser


def main(args: list[str]) -> int:
    options = parser().parse_args(args)
    if not 1 <= options.port <= 65535:
        raise UsageError(f"--port: {options.port} is not a port (1-65535)")
    from tui.serve.access import TokenFileError, required_token

    try:
        token, show_token = required_token(options.host, Path(options.token_file) if options.token_file else None)
    except TokenFileError as error:
        print_error(f"--token-file: {error}")
        return EXIT_USAGE
    command = app_command(
        Path(options.case) if options.case else None,
        review=Path(options.review) if options.review else None,
        reviewer=reviewer_name(options.reviewer),
        theme=options.theme,
    )
    if isinstance(command, int):
        return command
    problem = cannot_listen(options.host, options.port)
    if problem is not None:
        print_error(f"cannot listen on {options.host}:{options.port}: {problem}")
        return EXIT_USAGE
    from tui.serve.server import ReviewServer

    server = ReviewServer(
        command[0],
        host=options.host,
        port=options.port,
        token=token,
        show_token=show_token,
        title=command[1],
    )
    try:
        server.serve()
    except OSError as error:
        print_error(f"cannot listen on {options.host}:{options.port}: {error.strerror or error}")
        return EXIT_USAGE
    return EXIT_OK


def cannot_listen(host: str, port: int) -> str | None:
    """Why host:port cannot be listened on (in use, no such address), found before the banner is printed."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        for family, kind, proto, _name, address in infos:
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
                probe.bind(address)
    except OSError as error:
        return error.strerror or str(error)
    return None


def app_command(case: Path | None, *, review: Path | None, reviewer: str, theme: str | None) -> tuple[str, str] | int:
    """The shell command each tab runs and the case's title; or the exit code after reporting bad input."""
    from tui.store import InputFileError, read_case
    from tui.store.case_files import CaseChoiceError, resolve_case_path, review_path_for
    from tui.store.review_file import read_review
    from tui.workspace.document import check_review_place

    try:
        path = resolve_case_path(case)
    except CaseChoiceError as error:
        raise UsageError(str(error)) from None
    try:
        record = read_case(path)
        review_path = review or review_path_for(path, record.id, reviewer)
        check_review_place(review_path)
        if review_path.exists():
            read_review(review_path, record)
    except InputFileError as error:
        return report_input_error(error, sys.stderr)
    words = [sys.executable, "-m", "tui", str(path.resolve()), "--reviewer", reviewer]
    if review is not None:
        words += ["--review", str(review.resolve())]
    if theme is not None:
        words += ["--theme", theme]
    return shlex.join(words), record.id
