"""Agreement figures as a Markdown document, escaped with the notes export's helpers (`markdown.inline`, `table`)."""

from __future__ import annotations

from tui.agreement.report import AgreementReport
from tui.export.agreement_tables import agreement_tables
from tui.export.markdown_text import inline, table


def render_agreement_markdown(report: AgreementReport) -> str:
    tables = agreement_tables(report)
    lines = [f"# {inline(tables.title)}", ""]
    lines += [f"- **{name}:** {inline(value)}" for name, value in tables.facts]
    lines.append("")
    if not report.checklists:
        lines += ["## Checklist answers", "", "None given by any reviewer.", ""]
    for each in tables.tables:
        lines += [f"## {inline(each.title)}", "", *table(each.headers, each.rows, each.numeric), ""]
        lines += [f"- {inline(note)}" for note in each.notes]
        if each.notes:
            lines.append("")
    lines += ["## Orphaned notes", ""]
    if tables.orphans:
        lines += ["Their place is gone from this version of the case; they are not counted.", ""]
        lines += [f"- {inline(orphan)}" for orphan in tables.orphans]
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"
