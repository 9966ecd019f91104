"""Read an untrusted TOML file into a pydantic model, or say precisely what is wrong.

Used for every file the program reads (cases, reviews, themes, the user config). Each
stage has its own failure and its own place: the file system (path), the bytes
(line:col of a bad UTF-8 byte), the TOML syntax (line:col from the parser) and the
schema (field path). Each stage runs only when the one before it passed, so the first
real problem is never buried under its consequences.
"""

from __future__ import annotations

import difflib
import re
import reprlib
import stat
import types
import typing
from pathlib import Path
from typing import Any, TypeVar

import rtoml
from pydantic import BaseModel, ValidationError

from tui.safe_text import sanitize_line
from tui.store.errors import InputFileError, Problem
from tui.store.toml_guard import TomlTooComplex, check_toml_shape, line_and_column

M = TypeVar("M", bound=BaseModel)

_SHORT_REPR = reprlib.Repr()
"""The input shown beside a schema problem: bounded in depth and length, whatever the file holds."""
_SHORT_REPR.maxlevel = 2
_SHORT_REPR.maxstring = _SHORT_REPR.maxother = _SHORT_REPR.maxlong = 70


def read_toml_model(path: Path, model: type[M], *, limit: int, what: str) -> M:
    """The file at `path` validated as `model`; raises `InputFileError` on any problem."""
    text = decode_utf8(path, read_limited(path, limit, what=what))
    return validate_model(path, model, parse_toml(path, text))


_TOML_POSITION = re.compile(r"\s*at line (\d+) column (\d+)\s*$")


def read_limited(path: Path, limit: int, *, what: str) -> bytes:
    """The file's bytes, refusing missing paths, non-files and oversized files."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputFileError(path, [Problem("no such file")], unreadable=True) from None
    except OSError as error:
        raise InputFileError(path, [Problem(f"cannot read: {error.strerror}")], unreadable=True) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, [Problem(f"is a directory, not a {what}")], unreadable=True)
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(path, [Problem(f"is not a regular file, so not a {what}")], unreadable=True)
    if info.st_size > limit:
        raise InputFileError(
            path, [Problem(f"file is {info.st_size:,} bytes; a {what} may be at most {limit:,} bytes")], unreadable=True
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # The file may have grown since stat().
    except OSError as error:
        raise InputFileError(path, [Problem(f"cannot read: {error.strerror}")], unreadable=True) from None
    if len(data) > limit:
        raise InputFileError(path, [Problem(f"file is larger than {limit:,} bytes")], unreadable=True)
    return data


def decode_utf8(path: Path, data: bytes) -> str:
    """The bytes as text; a bad byte is reported at its line and column."""
    if not data.strip():
        raise InputFileError(path, [Problem("file is empty")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        bad = data[error.start : error.end].hex(" ")
        raise InputFileError(path, [Problem(f"invalid UTF-8 (byte {bad})", line=line, column=column)]) from None


def parse_toml(path: Path, text: str) -> dict[str, Any]:
    """The TOML document as a dict; a syntax error is reported at its line and column.

    `toml_guard` refuses first what the parser would take too long or too much memory for.
    """
    try:
        check_toml_shape(text)
    except TomlTooComplex as error:
        where = line_and_column(text, error.offset)
        raise InputFileError(path, [Problem(error.message, *where)]) from None
    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as error:
        message = sanitize_line(str(error)).strip()
        line = column = 1
        if match := _TOML_POSITION.search(message):
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        if "recursion depth" in message:
            message = "TOML nesting is too deep to read (arrays or tables inside each other)"
        elif "number overflowed" in message:
            message = f"TOML too complex to read: {message} (a number this large is no count, dose or day)"
        else:
            message = f"TOML syntax: {message}"
        raise InputFileError(path, [Problem(message, line=line, column=column)]) from None
    except RecursionError:
        raise InputFileError(path, [Problem("TOML nesting is too deep to read")]) from None
    except (ValueError, MemoryError) as error:
        # Not a syntax error the parser knows how to place (a value Python cannot hold): still one line.
        raise InputFileError(path, [Problem(f"TOML cannot be read: {sanitize_line(str(error))[:200]}")]) from None


def validate_model(path: Path, model: type[M], data: dict[str, Any]) -> M:
    """`data` validated as `model`; every schema problem reported at its field path."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        try:
            problems = _schema_problems(model, error)
        except RecursionError:
            problems = [Problem("data is nested too deeply")]
        raise InputFileError(path, problems) from None
    except RecursionError:
        raise InputFileError(path, [Problem("data is nested too deeply")]) from None


def _schema_problems(model: type[BaseModel], error: ValidationError) -> list[Problem]:
    by_path: dict[str, list[str]] = {}
    for detail in error.errors(include_url=False):
        field_path, message = _describe(model, detail)
        messages = by_path.setdefault(field_path, [])
        if message not in messages:
            messages.append(message)
    _drop_missing_explained_by_a_typo(by_path)
    version_problem = by_path.get("schema_version")
    if version_problem and "unsupported schema_version" in version_problem[0]:
        # A file for another schema fails everywhere; only this line helps.
        return [Problem(version_problem[0], field_path="schema_version")]
    return [Problem(" or ".join(messages), field_path=path or "(top level)") for path, messages in by_path.items()]


_DID_YOU_MEAN = re.compile(r"^unknown key .*; did you mean '([^']+)'\?$")


def _drop_missing_explained_by_a_typo(by_path: dict[str, list[str]]) -> None:
    """`titel = ...` makes `title` missing too; the line suggesting `title` already says all of it."""
    for field_path, messages in list(by_path.items()):
        for message in messages:
            if match := _DID_YOU_MEAN.match(message):
                parent = field_path.rsplit(".", 1)[0] if "." in field_path else ""
                sibling = f"{parent}.{match.group(1)}" if parent else match.group(1)
                if by_path.get(sibling) == ["missing required field"]:
                    del by_path[sibling]


def _describe(model: type[BaseModel], detail: Any) -> tuple[str, str]:
    loc: tuple[int | str, ...] = detail["loc"]
    kind: str = detail["type"]
    parts: list[str] = []
    current: type[BaseModel] | None = model
    parent_fields: list[str] = []
    for position, item in enumerate(loc):
        if isinstance(item, int):
            parts.append(f"[{item}]")
            continue
        is_last = position == len(loc) - 1
        if current is not None and item in current.model_fields:
            parts.append(f".{item}" if parts else item)
            parent_fields = list(current.model_fields)
            current = _inner_model(current.model_fields[item].annotation)
        elif kind == "extra_forbidden" and is_last:
            parent_fields = list(current.model_fields) if current is not None else []
            parts.append(f".{item}" if parts else str(item))
        # Anything else is a union-member tag that pydantic adds; it is not a field.
    field_path = "".join(parts)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        close = difflib.get_close_matches(key, parent_fields, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(parent_fields)}"
        return field_path, f"unknown key {key!r}{hint}"
    if kind == "missing":
        return field_path, "missing required field"
    message = str(detail["msg"]).removeprefix("Value error, ")
    if "input" in detail and kind not in {"model_type", "dict_type", "list_type"}:
        shown = _SHORT_REPR.repr(detail["input"])
        if len(shown) <= 60 and not message.startswith("unsupported schema_version"):
            message += f" (got {shown})"
    return field_path, sanitize_line(message)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside `list[Model]`, `Model | None` and the like, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = _inner_model(argument)
            if found is not None:
                return found
    return None
