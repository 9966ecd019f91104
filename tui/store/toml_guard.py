"""Checks a TOML text must pass before the parser sees it, so every loader answers fast and in bounded memory.

The standard parser is quadratic in the number of parts of a dotted key (`a.b.c...`): a 60 KB
file holding one key of 20,000 parts took seconds and gigabytes. Python refuses to turn a
number of more than 4,300 digits into an int, with an error that is not a TOML error; nested
arrays and tables recurse once per level. No file the program reads has a reason for any of
these, so each is refused with the line and column where it starts, before parsing.

The checks run on a skeleton of the text in which the inside of every string and comment is
blanked (same length, same line breaks), so a dot or a bracket in a note is never counted.
Each check is one pass of a regular expression: linear in the size of the file.
"""

from __future__ import annotations

import re
from itertools import accumulate

MAX_KEY_PARTS = 16
"""Parts in one dotted key or table header; our deepest real key (`keymap.review.pane.notes`) has four."""
MAX_NUMBER_DIGITS = 100
"""Digits in one number; no count, dose, offset or score comes near it."""
MAX_NESTING = 32
"""Arrays and inline tables inside each other."""

_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"""(?:"{0,2})|\Z)'  # multi-line basic (may end in "" before """)
    r"|'''(?:[^']|'(?!''))*(?:'''(?:'{0,2})|\Z)"  # multi-line literal
    r'|"(?:[^"\\\n]|\\.)*(?:"|$)'  # basic, or what is left of its line when left open
    r"|'[^'\n]*(?:'|$)"  # literal, likewise
    r"|#[^\n]*",  # comment
    re.MULTILINE,
)
_NOT_NEWLINE = re.compile(r"[^\n]")
_KEY_BEFORE_EQUALS = re.compile(r"(?:^|[{,])([^\n{},=\[\]]*)=", re.MULTILINE)
_LONG_NUMBER = re.compile(rf"\d[\d_]{{{MAX_NUMBER_DIGITS},}}")
_BRACKET = re.compile(r"[\[\]{}]")
_TABLE_HEADER = re.compile(r"^[ \t]*\[\[?([^\],\n]*)\]", re.MULTILINE)
"""A line opening with `[` and holding no comma before its `]`: a table header (an array has commas)."""
_NOT_BRACKET = re.compile(r"[^\[\]{}]")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


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
    return _NOT_NEWLINE.sub(" ", found) if "\n" in found else " " * len(found)


def check_toml_shape(text: str) -> None:
    """Raise `TomlTooComplex` for a key, a number or a nesting no file of ours would hold."""
    bare = skeleton(text)
    for match in _KEY_BEFORE_EQUALS.finditer(bare):
        _check_key(match.group(1), match.start(1))
    if number := _LONG_NUMBER.search(bare):
        digits = len(number.group().replace("_", ""))
        message = f"TOML too complex to read: a number of {digits:,} digits (at most {MAX_NUMBER_DIGITS})"
        raise TomlTooComplex(message, number.start())
    for header in _TABLE_HEADER.finditer(bare):
        _check_key(header.group(1), header.start(1))
    brackets = _NOT_BRACKET.sub("", bare).encode("ascii")
    # The running depth is worked out in C (map, accumulate, max); only a file past the limit
    # is walked again in Python, to say where.
    if brackets and max(accumulate(map(_DEPTH_STEP.__getitem__, brackets))) > MAX_NESTING:
        opened: list[int] = []
        for bracket in _BRACKET.finditer(bare):
            if bracket.group() in "[{":
                opened.append(bracket.start())
            elif opened:
                opened.pop()
            if len(opened) > MAX_NESTING:
                # Named where the nesting starts: the outermost bracket still open.
                raise TomlTooComplex(f"TOML nesting is too deep to read (more than {MAX_NESTING} levels)", opened[0])


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
