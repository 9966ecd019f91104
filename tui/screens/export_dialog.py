"""The export dialog: pick a format and a file; the app writes it and says where.

The file name follows the format (`.md` becomes `.html` when HTML is picked) until the
reviewer types a name of their own. A file that already exists is replaced only after a
second `enter`, so an export never silently overwrites notes edited by hand.

In a browser (`App.is_web`, under `case-review serve`) the file is the browser's to save: the
dialog asks only for a name (folders dropped, anything but letters, digits and `.-_` replaced),
renders the notes with the `notes` function it was given and hands them to the browser
(`App.deliver_text`); nothing is checked or written on the server, and it dismisses with None.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from io import StringIO
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, RadioButton, RadioSet, Static

from tui.actions import bindings
from tui.export import FILE_SUFFIXES, FORMAT_TITLES, FORMATS, MEDIA_TYPES, ExportFormat
from tui.widgets.plain import plain_line


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the reviewer asked for: a format and where to write it."""

    export_format: ExportFormat
    path: Path


def with_format_suffix(name: str, export_format: ExportFormat) -> str:
    """`notes.md` -> `notes.html` when the name ends in an export suffix; other names are the reviewer's own."""
    for suffix in FILE_SUFFIXES.values():
        if name.endswith(suffix):
            return name[: -len(suffix)] + FILE_SUFFIXES[export_format]
    return name


def download_name(text: str) -> str:
    """The name a browser download gets: the last part of what was typed, in characters every browser keeps."""
    last = re.split(r"[\\/]", text.strip())[-1]
    return re.sub(r"[^A-Za-z0-9._-]+", "-", last).strip(".-")[:120]


class ExportDialog(ModalScreen[ExportRequest | None]):
    """`enter` (or `ctrl+s`) exports, `escape` cancels; `tab` moves between format and file."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("export")

    def __init__(
        self, default_path: Path, export_format: ExportFormat = "md", notes: Callable[[ExportFormat], str] | None = None
    ) -> None:
        super().__init__()
        self._format: ExportFormat = export_format
        self._default_path = default_path
        self._notes = notes
        self._download = False
        self._confirmed_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        self._download = self._notes is not None and self.app.is_web
        if self._download:
            self._default_path = Path(self._default_path.name)  # a folder of the server's means nothing here
        with Vertical(id="export-dialog"):
            title = "Download review notes" if self._download else "Export review notes"
            yield Static(title, id="export-title")
            yield Label("Format")
            with RadioSet(id="export-format"):
                for name in FORMATS:
                    yield RadioButton(FORMAT_TITLES[name], value=name == self._format, name=name)
            yield Label("File name (the browser saves it)" if self._download else "File")
            yield Input(value=str(self._default_path.with_suffix(FILE_SUFFIXES[self._format])), id="export-path")
            yield Static(id="export-warning")
            yield Static("enter export   escape cancel   tab format / file", id="export-help")

    def on_mount(self) -> None:
        path_input = self.query_one("#export-path", Input)
        path_input.focus()
        path_input.cursor_position = len(path_input.value)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        chosen = next((name for name in FORMATS if name == event.pressed.name), None)
        if chosen is not None:
            self._format = chosen
            path_input = self.query_one("#export-path", Input)
            path_input.value = with_format_suffix(path_input.value, self._format)

    @on(Input.Changed, "#export-path")
    def _path_changed(self, _event: Input.Changed) -> None:
        self._confirmed_overwrite = None
        self.query_one("#export-warning", Static).update("")

    def _warn(self, message: str) -> None:
        self.query_one("#export-warning", Static).update(plain_line(message, style="bold"))

    def action_export(self) -> None:
        # `enter` is a priority key (it exports from the format list too), so it can arrive
        # before keys typed just ahead of it have reached the file field: export once the
        # field has taken every key already sent to it.
        self.query_one("#export-path", Input).call_later(self._export)

    def _export(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        if not text:
            self._warn("Name a file to write.")
            return
        if self._download and self._notes is not None:
            self._deliver(self._notes, download_name(text))
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self._warn(f"{text} is a folder: add a file name.")
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            self._warn(f"{path.name} exists: enter again to replace it.")
            return
        self.dismiss(ExportRequest(self._format, path))

    def _deliver(self, notes: Callable[[ExportFormat], str], name: str) -> None:
        """Hand the notes to the browser, which saves them where its user says."""
        if not name:
            self._warn("Name the file with letters or digits.")
            return
        text = StringIO(notes(self._format))
        self.app.deliver_text(text, save_filename=name, mime_type=MEDIA_TYPES[self._format], encoding="utf-8")
        self.app.notify(f"{FORMAT_TITLES[self._format]} sent to the browser as {name}", title="Exported")
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
