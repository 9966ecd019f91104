"""A check a TOML text must pass before the parser sees it: no dotted key deeper than any file of ours.

A dotted key of thousands of parts (`a.b.c...`) made the standard parser quadratic (a 60 KB file
took seconds and gigabytes) and made schema errors recurse. No file the program reads has a
reason for more than a few parts, so a deeper key is refused at its line and column. The parser
(rtoml) bounds the rest itself: nesting past its recursion limit and integers past 64 bits are
its own one-line errors, with their place.

The check runs first on the text as it is, then, only when that fails, on a skeleton in which
the inside of every string and comment is blanked (same length, same line breaks), so a dot in a
note is never counted. Each pass is a regular expression: linear in the file.
"""

from __future__ import annotations

import re

MAX_KEY_PARTS = 16
"""Parts in one dotted key or table header; our deepest real key (`keymap.review.pane.notes`) has four."""

_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"""(?:"{0,2})|\\?\Z)'  # multi-line basic (may end in "" before """)
    r"|'''(?:[^']++|'(?!''))*+(?:'''(?:'{0,2})|\Z)"  # multi-line literal
    r'|"(?:[^"\\\n]++|\\.)*+(?:"|\\?$)'  # basic, or what is left of its line when left open
    r"|'[^'\n]*+(?:'|$)"  # literal, likewise
    r"|#[^\n]*+",  # comment
    re.MULTILINE,
)
_KEY_PART = r"[^\n{},=\[\].]*+\."
_DEEP_KEY = re.compile(rf"[\n{{,]((?:{_KEY_PART}){{{MAX_KEY_PARTS}}}[^\n{{}},=\[\]]*+)=")
"""A key of more parts than allowed, after a line break, or a `{` or `,` (inline tables). Searched in the
text with a line break put before it, so the search jumps from line to line instead of testing `^` at
every character."""
_DEEP_KEY_AT_LINE_START = re.compile(rf"\n((?:{_KEY_PART}){{{MAX_KEY_PARTS}}}[^\n{{}},=\[\]]*+)=")
_DEEP_HEADER = re.compile(rf"\n[ \t]*\[\[?((?:[^\],\n.]*+\.){{{MAX_KEY_PARTS}}}[^\],\n]*+)\]")
"""A table header of more parts than allowed (an array line has commas, a header none)."""


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
    """Raise `TomlTooComplex` for a dotted key deeper than any file of ours would hold.

    The check runs first on the text as it is: strings and comments can only add dots, so a text
    that passes as it is passes. Only a text that does not is blanked (`skeleton`) and checked
    again, exactly.
    """
    try:
        _check_shape(text)
    except TomlTooComplex:
        _check_shape(skeleton(text))


def _check_shape(bare: str) -> None:
    """Each check is one search for the first offence, in C: nothing is looped over in Python."""
    text = "\n" + bare  # offsets below are one more than in `bare`
    # Keys follow a comma only inside an inline table: with no `{`, line starts are all there is to read.
    deep_key = _DEEP_KEY if "{" in bare else _DEEP_KEY_AT_LINE_START
    for pattern in (deep_key, _DEEP_HEADER):
        if found := pattern.search(text):
            parts = found.group(1).count(".") + 1
            message = f"TOML too complex to read: a dotted key of {parts:,} parts (at most {MAX_KEY_PARTS})"
            raise TomlTooComplex(message, found.start(1) - 1)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
