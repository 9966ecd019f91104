"""Make untrusted text harmless to show in a terminal.

Case files, review files and imported reports are untrusted. A raw ESC byte in a
section could retitle the terminal, clear the screen or worse; a bidi override
could make a dose read differently from what is stored. Everything shown, and
every error line printed, goes through these functions first. Control characters
are made visible (as Unicode control pictures) rather than deleted, so a
reviewer can see that the source contained them.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_WITH_LAYOUT = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates, plus line/paragraph separators.
_INVISIBLE_FORMAT = re.compile(r"[\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ .. ␟, e.g. ESC -> ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def _format_char(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def sanitize_text(text: str) -> str:
    """Text safe for a terminal, keeping its newlines and tabs."""
    return _INVISIBLE_FORMAT.sub(_format_char, _CONTROL.sub(_picture, text))


def sanitize_line(text: str) -> str:
    """Text safe for a terminal and guaranteed to stay on one line."""
    return _INVISIBLE_FORMAT.sub(_format_char, _CONTROL_WITH_LAYOUT.sub(_picture, text))
