"""Review notes for someone outside the app: Markdown, HTML, W3C Web Annotation JSON, CSV.

Every format renders the same `ReviewNotes` (see `notes.py`), so a note that is in one
export is in all of them, in the same order. Nothing here imports Textual or does I/O:
the command line and the app hand in models and write the returned text themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.export.notes import ReviewNotes

ExportFormat = Literal["md", "html", "json", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("md", "html", "json", "csv")
FORMAT_TITLES: dict[ExportFormat, str] = {
    "md": "Markdown",
    "html": "HTML (one self-contained page)",
    "json": "JSON (W3C Web Annotation)",
    "csv": "CSV (one row per note)",
}
FILE_SUFFIXES: dict[ExportFormat, str] = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv"}
MEDIA_TYPES: dict[ExportFormat, str] = {
    "md": "text/markdown",
    "html": "text/html",
    "json": "application/json",
    "csv": "text/csv",
}


def render(export_format: ExportFormat, notes: ReviewNotes) -> str:
    """The export as text; each format's module is imported only when it is asked for."""
    renderer: Callable[[ReviewNotes], str]
    if export_format == "md":
        from tui.export.markdown import render_markdown as renderer
    elif export_format == "html":
        from tui.export.html_page import render_html as renderer
    elif export_format == "json":
        from tui.export.web_annotation import render_json as renderer
    else:
        from tui.export.csv_table import render_csv as renderer
    return renderer(notes)


__all__ = ["FILE_SUFFIXES", "FORMATS", "FORMAT_TITLES", "MEDIA_TYPES", "ExportFormat", "render"]
