"""Make untrusted text harmless to show in a terminal, without moving a single offset.

Case files, review files and imported reports are untrusted. A raw ESC byte in a
section could retitle the terminal or clear the screen; a bidi override could make a
dose read differently from what is stored. Everything shown, and every error line
printed, goes through these functions first.

Each dangerous character is replaced by exactly one visible character (a Unicode
control picture such as ␛, or U+FFFD), so offsets into the sanitized text are
offsets into the original: annotations, search hits and quote highlights stay
exactly where they belong.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_WITH_LAYOUT = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates, plus line/paragraph separators.
_INVISIBLE_FORMAT = re.compile(r"[\u202a-\u202e\u2066-\u2069\u2028\u2029]")

REPLACEMENT = "\ufffd"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟, e.g. ESC -> ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def sanitize_text(text: str) -> str:
    """Text safe for a terminal, keeping its newlines and tabs; same length as `text`."""
    return _INVISIBLE_FORMAT.sub(REPLACEMENT, _CONTROL.sub(_picture, text))


def sanitize_line(text: str) -> str:
    """Text safe for a terminal and guaranteed to stay on one line; same length as `text`."""
    return _INVISIBLE_FORMAT.sub(REPLACEMENT, _CONTROL_WITH_LAYOUT.sub(_picture, text))
