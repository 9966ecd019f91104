"""The one error type the store raises, and its one-line-per-problem rendering.

Each problem has a place: `line:col` for bytes the parser could not read, or a
field path for a value the schema or the integrity rules reject. Rendering is
`path:line:col: what` or `path: field.path: what`, the form compilers use, so
editors and terminals can jump to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tui.safe_text import sanitize_line


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at one place."""

    message: str
    line: int | None = None
    column: int | None = None
    field_path: str | None = None

    def render(self, path: Path | str) -> str:
        """The problem as a single printable line (never a multi-line traceback)."""
        where = str(path)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        prefix = f"{where}: {self.field_path}: " if self.field_path else f"{where}: "
        return sanitize_line(prefix + self.message)


class InputFileError(Exception):
    """An input file (case, review, theme, config) that cannot be used: unreadable, malformed, or unsound.

    `unreadable` separates "could not read it at all" (exit code 2) from "read
    it and found problems" (exit code 1), as the command line promises.
    """

    def __init__(self, path: Path | str, problems: list[Problem], *, unreadable: bool = False) -> None:
        self.path = Path(path)
        self.problems = problems
        self.unreadable = unreadable
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One rendered line per problem."""
        return [problem.render(self.path) for problem in self.problems]
