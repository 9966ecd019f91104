"""Command line: open the review app, or run a sub-command without a UI.

One module a sub-command (`open_app`, `validate`, `export`, `import_report`, `agree`, `serve`, `search`);
this one only picks which. The sub-commands that do not open the app must start fast and work without
a terminal UI, so
none of them imports Textual (a test checks).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from tui.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, print_error


def _sub_commands() -> dict[str, Callable[[list[str]], int]]:
    from tui.cli import agree, export, import_report, search, serve, validate

    return {
        "validate": validate.main,
        "export": export.main,
        "import": import_report.main,
        "agree": agree.main,
        "serve": serve.main,
        "search": search.main,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `case-review` and `python -m tui`; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        sub_commands = _sub_commands()
        if args and args[0] in sub_commands:
            return sub_commands[args[0]](args[1:])
        from tui.cli import open_app

        return open_app.main(args)
    except UsageError as error:
        print_error(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`| head`); nothing useful is left to say.
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:
        if os.environ.get("CASE_REVIEW_DEBUG"):
            raise
        print_error(f"internal error: {type(error).__name__}: {error} (set CASE_REVIEW_DEBUG=1 for details)")
        return EXIT_INTERNAL
