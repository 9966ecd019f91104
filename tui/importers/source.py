"""Read a report file safely: bounded size, no binary, text decoded, format told from the content.

A report arrives from outside (a download, an e-mail), so nothing about it is trusted: the
size is checked before a byte is read (`read_limited`), a file with NUL bytes or mostly
control characters is refused as binary, and the format is decided by what the file holds,
not by its name, so `case.txt` holding XML is read as XML.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.importers.errors import unusable
from tui.store.toml_file import read_limited

MAX_REPORT_BYTES = 16 * 1024 * 1024
"""A case report is tens of kilobytes, a PMC article set a few megabytes; past this it is refused unread."""

ReportFormat = Literal["text", "jats"]


@dataclass(frozen=True, slots=True)
class ReportSource:
    """A report's bytes, decoded where it is text, with the format it was recognised as."""

    path: Path
    format: ReportFormat
    data: bytes
    text: str
    notes: tuple[str, ...] = ()


def read_report(path: Path) -> ReportSource:
    """The report at `path`, or `InputFileError` naming what makes it unusable."""
    data = read_limited(path, MAX_REPORT_BYTES, what="report")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise unusable(path, "file is empty; nothing to import")
    if data.startswith(b"%PDF"):
        raise unusable(path, "a PDF file; import its text (as pdftotext writes it) or its JATS XML instead")
    text, notes = _decode(path, data)
    if _looks_binary(text):
        raise unusable(path, "binary file, not a plain-text or JATS XML report")
    if not any(char.isalpha() for char in text[:100_000]):
        raise unusable(path, "no words in the file; nothing to import")
    fmt: ReportFormat = "jats" if text.lstrip().startswith("<") else "text"
    return ReportSource(path, fmt, data, text, notes)


def _decode(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            raise unusable(path, "starts like UTF-16 but is not valid UTF-16") from None
    if b"\x00" in data[:65_536]:
        raise unusable(path, "binary file (it holds NUL bytes), not a plain-text or JATS XML report")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as error:
        where = data[: error.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise unusable(path, f"invalid UTF-8 at line {where} and not Windows-1252 text either") from None
        return text, (f"the file is not UTF-8 (first bad byte on line {where}); it was read as Windows-1252",)


def _looks_binary(text: str) -> bool:
    """Mostly control or unassigned characters: an image, an archive, a PDF's innards."""
    sample = text[:65_536]
    odd = sum(1 for char in sample if unicodedata.category(char) in ("Cc", "Co", "Cn") and char not in "\n\r\t\f")
    return odd > max(8, len(sample) // 100)
