"""Agreement figures as plain text for the terminal: aligned columns, the notes under each table.

Names and ids come from review files, so every cell goes through `sanitize_line`: an
escape sequence in a reviewer's name is shown as `␛`, never acted on by the terminal.
"""

from __future__ import annotations

from tui.agreement.report import AgreementReport
from tui.export.agreement_tables import Table, agreement_tables
from tui.safe_text import sanitize_line


def _table(table: Table) -> list[str]:
    rows = [tuple(sanitize_line(cell) for cell in row) for row in (table.headers, *table.rows)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(table.headers))]

    def line(row: tuple[str, ...]) -> str:
        cells = [
            cell.rjust(width) if column in table.numeric else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "  " + "  ".join(cells).rstrip()

    lines = [table.title, *(line(row) for row in rows)]
    lines += [f"  note: {sanitize_line(note)}" for note in table.notes]
    return [*lines, ""]


def render_agreement_text(report: AgreementReport) -> str:
    tables = agreement_tables(report)
    lines = [sanitize_line(tables.title), ""]
    lines += [f"{name}: {sanitize_line(value)}" for name, value in tables.facts]
    lines.append("")
    if not report.checklists:
        lines += ["Checklist answers: none given by any reviewer.", ""]
    for table in tables.tables:
        lines += _table(table)
    if tables.orphans:
        lines.append("Orphaned notes (their place is gone from this version of the case; not counted)")
        lines += [f"  {sanitize_line(orphan)}" for orphan in tables.orphans]
    else:
        lines.append("Orphaned notes: none.")
    return "\n".join(lines) + "\n"
