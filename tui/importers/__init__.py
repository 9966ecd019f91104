"""Importers: a published case report (plain text, or PubMed Central JATS XML) to case records.

`import_report(path)` reads the file safely (`source`), turns it into drafts of sections
(`plain_text` or `jats`), reads the clinical facts from the case sentences (`facts`), and
builds records that pass every integrity rule (`record`); `record_toml` writes one as
TOML. This package never imports Textual or Rich: the command line runs it without a UI.
"""

from __future__ import annotations

from pathlib import Path

from tui.importers.record import build_record
from tui.importers.source import MAX_REPORT_BYTES, read_report
from tui.importers.toml_out import record_toml
from tui.model import CaseRecord

__all__ = ["MAX_REPORT_BYTES", "import_report", "record_toml"]


def import_report(path: Path, *, source_name: str | None = None) -> list[CaseRecord]:
    """The case record of each report in the file (several for a JATS article set).

    `source_name` is what `source.file` records (default: the path as given). Raises
    `InputFileError` with one line saying why when the file cannot be imported.
    """
    from tui.importers.jats import read_jats
    from tui.importers.plain_text import read_plain_text

    source = read_report(path)
    name = source_name or path.as_posix()
    if source.format == "jats":
        drafts = read_jats(source.data, path, name)
    else:
        drafts = [read_plain_text(source.text, name, path.stem)]
    for draft in drafts:
        for note in reversed(source.notes):
            draft.notes.insert(0, note)
    return [build_record(draft, path) for draft in drafts]
