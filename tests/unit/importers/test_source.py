"""Reading a report: encodings, formats told by content, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.importers.source import read_report
from tui.store.errors import InputFileError


def test_utf16_and_windows_1252_are_read(tmp_path: Path) -> None:
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes("Title\n\nDiscussion\nPain 5 µg.\n".encode("utf-16"))
    assert "5 µg" in read_report(utf16).text
    legacy = tmp_path / "b.txt"
    legacy.write_bytes("Title\n\nDiscussion\nThe patient\x92s pain.\n".encode("latin-1"))
    source = read_report(legacy)
    assert "patient’s" in source.text and source.notes and "Windows-1252" in source.notes[0]


def test_format_is_told_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "looks-like.txt"
    path.write_text("\n  <article><front/></article>", encoding="utf-8")
    assert read_report(path).format == "jats"


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"Title\x00\x00 words")
    with pytest.raises(InputFileError, match="binary file"):
        read_report(path)
