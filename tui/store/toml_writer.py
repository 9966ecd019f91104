"""One review entry as TOML text, byte for byte as tomli-w writes it, without its per-character loop.

A save writes every note of a review; tomli-w escapes strings one character at a time in
Python, which was most of the time a save of 10,000 notes took (and the journal did the same
after each edit). Entries hold only strings, numbers, booleans, datetimes and lists of those,
so this writes them with one regular expression a string; anything else goes to tomli-w. The
output is the same bytes as before, so a file saved by another version diffs only where its
notes differ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time

import tomli_w

_COMPACT_ESCAPES = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_ESCAPED = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')
_ESCAPED_IN_MULTILINE = re.compile(r'["\\\x00-\x08\x0b-\x1f\x7f]')
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_INDENT = "    "


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _COMPACT_ESCAPES.get(char) or "\\u" + hex(ord(char))[2:].rjust(4, "0")


def toml_string(text: str, *, multiline: bool = False) -> str:
    """A TOML basic string (multi-line when asked and the text has a line break), as tomli-w writes it."""
    if multiline and "\n" in text:
        return '"""\n' + _ESCAPED_IN_MULTILINE.sub(_escape, text.replace("\r\n", "\n")) + '"""'
    return '"' + _ESCAPED.sub(_escape, text) + '"'


_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    """`key = ` as written (quoted when it is not bare), remembered: entries share their keys."""
    written = _KEYS.get(key)
    if written is None:
        written = _KEYS[key] = (key if _BARE_KEY.fullmatch(key) else toml_string(key)) + " = "
    return written


def _plain(value: str) -> str:
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def _prose(value: str) -> str:
    return toml_string(value, multiline=True)


def _list(value: list[object] | tuple[object, ...], multiline: bool = False) -> str | None:
    if not value:
        return "[]"
    items = [_value(item, multiline=multiline) for item in value]
    if any(item is None for item in items):
        return None
    return "[\n" + ",\n".join(_INDENT + item for item in items if item is not None) + ",\n]"


_BY_TYPE: dict[type, object] = {
    str: _plain,
    int: str,
    float: str,
    datetime: str,
    date: str,
    time: str,
    list: _list,
    tuple: _list,
}
"""How each kind of value is written, looked up by its exact type (the common case, and the fast one)."""


def _value(value: object, *, multiline: bool) -> str | None:
    """The value as tomli-w writes it, or None for a kind this writer leaves to tomli-w."""
    if multiline and type(value) is str:
        return _prose(value)
    if multiline and type(value) in (list, tuple):
        return _list(value, multiline=True)  # type: ignore[arg-type]
    if value is True or value is False:
        return "true" if value else "false"
    writer = _BY_TYPE.get(type(value))
    if writer is None:
        return None
    return writer(value)  # type: ignore[operator,no-any-return]


def entry_to_toml(table: str, entry: Mapping[str, object], multiline_keys: tuple[str, ...]) -> str:
    """`[[table]]` and the entry's keys, the prose keys last and as multi-line strings."""
    lines = [f"[[{table}]]\n"]
    for key, value in entry.items():
        if key in multiline_keys:
            continue
        written = _value(value, multiline=False)
        if written is None:  # a table or an array of tables: tomli-w knows those
            return _slow_entry(table, entry, multiline_keys)
        lines.append(_key(key) + written + "\n")
    for key in multiline_keys:
        if key in entry:
            written = _value(entry[key], multiline=True)
            if written is None:
                return _slow_entry(table, entry, multiline_keys)
            lines.append(_key(key) + written + "\n")
    return "".join(lines)


def _slow_entry(table: str, entry: Mapping[str, object], multiline_keys: tuple[str, ...]) -> str:
    exact = {key: value for key, value in entry.items() if key not in multiline_keys}
    prose = {key: entry[key] for key in multiline_keys if key in entry}
    return f"[[{table}]]\n" + tomli_w.dumps(exact) + tomli_w.dumps(prose, multiline_strings=True)
