"""Checks a TOML text must pass before the parser sees it: no key or number a file of ours could hold.

A dotted key of thousands of parts (`a.b.c...`) made the standard parser quadratic (a 60 KB
file took seconds and gigabytes) and later made schema errors recurse; a number of thousands
of digits is more than Python turns into an int. No file the program reads has a reason for
either, so each is refused with the line and column where it starts. (Nesting of arrays and
tables is bounded by the parser itself, which refuses past its recursion limit.)

The checks run first on the text as it is, then, only when that fails, on a skeleton in which
the inside of every string and comment is blanked (same length, same line breaks), so a dot or
a digit in a note is never counted. Each pass is a regular expression: linear in the file.
"""

from __future__ import annotations

import re

MAX_KEY_PARTS = 16
"""Parts in one dotted key or table header; our deepest real key (`keymap.review.pane.notes`) has four."""
MAX_NUMBER_DIGITS = 100
"""Digits in one number; no count, dose, offset or score comes near it."""

_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"""(?:"{0,2})|\\?\Z)'  # multi-line basic (may end in "" before """)
    r"|'''(?:[^']++|'(?!''))*+(?:'''(?:'{0,2})|\Z)"  # multi-line literal
    r'|"(?:[^"\\\n]++|\\.)*+(?:"|\\?$)'  # basic, or what is left of its line when left open
    r"|'[^'\n]*+(?:'|$)"  # literal, likewise
    r"|#[^\n]*+",  # comment
    re.MULTILINE,
)
_KEY_BEFORE_EQUALS = re.compile(r"(?:^|[{,])([^\n{},=\[\]]*)=", re.MULTILINE)
_KEY_AT_LINE_START = re.compile(r"^([^\n{},=\[\]]*)=", re.MULTILINE)
_LONG_NUMBER = re.compile(rf"\d[\d_]{{{MAX_NUMBER_DIGITS},}}")
_TABLE_HEADER = re.compile(r"^[ \t]*\[\[?([^\],\n]*)\]", re.MULTILINE)
"""A line opening with `[` and holding no comma before its `]`: a table header (an array has commas)."""


class TomlTooComplex(Exception):
    """A structure past a limit; `offset` is where it starts in the text."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


def skeleton(text: str) -> str:
    """`text` with the inside of strings and comments blanked: same length, same line breaks.

    Every alternative of `_STRING_OR_COMMENT` matches from its opening quote whatever follows
    (a string left open runs to the end of its line, a multi-line one to the end of the text),
    so the scan never backs up to rescan: linear however quotes and backslashes are arranged.
    """
    return _STRING_OR_COMMENT.sub(_blank, text)


def _blank(match: re.Match[str]) -> str:
    found = match.group()
    if "\n" not in found:
        return " " * len(found)
    return "\n".join(" " * len(part) for part in found.split("\n"))


def check_toml_shape(text: str) -> None:
    """Raise `TomlTooComplex` for a key, a number or a nesting no file of ours would hold.

    The checks run first on the text as it is: strings and comments can only add dots, digits
    and brackets, so a text that passes as it is passes. Only a text that does not is blanked
    (`skeleton`) and checked again, exactly.
    """
    try:
        _check_shape(text)
    except TomlTooComplex:
        _check_shape(skeleton(text))


def _check_shape(bare: str) -> None:
    # Keys follow a comma only inside an inline table: with no `{`, line starts are all there is to read.
    keys = _KEY_BEFORE_EQUALS if "{" in bare else _KEY_AT_LINE_START
    for match in keys.finditer(bare):
        _check_key(match.group(1), match.start(1))
    for header in _TABLE_HEADER.finditer(bare):
        _check_key(header.group(1), header.start(1))
    if number := _LONG_NUMBER.search(bare):
        digits = len(number.group().replace("_", ""))
        message = f"TOML too complex to read: a number of {digits:,} digits (at most {MAX_NUMBER_DIGITS})"
        raise TomlTooComplex(message, number.start())


def _check_key(key: str, offset: int) -> None:
    parts = key.count(".") + 1
    if parts > MAX_KEY_PARTS:
        raise TomlTooComplex(
            f"TOML too complex to read: a dotted key of {parts:,} parts (at most {MAX_KEY_PARTS})", offset
        )


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
