"""Agreement figures as one self-contained HTML page, in the notes page's shell (`html_page.html_document`).

Every string from a review is escaped with `escape_line`; the page loads nothing and its
policy forbids scripts, as the notes page's does.
"""

from __future__ import annotations

from tui.agreement.report import AgreementReport
from tui.export.agreement_tables import Table, agreement_tables
from tui.export.html_page import html_document
from tui.export.html_text import escape_line


def _table(table: Table) -> str:
    def cell(tag: str, column: int, value: str) -> str:
        numeric = ' class="number"' if column in table.numeric else ""
        return f"<{tag}{numeric}>{escape_line(value)}</{tag}>"

    head = "".join(cell("th", column, header) for column, header in enumerate(table.headers))
    body = "".join(
        "<tr>" + "".join(cell("td", column, value) for column, value in enumerate(row)) + "</tr>" for row in table.rows
    )
    notes = "".join(f"<li>{escape_line(note)}</li>" for note in table.notes)
    return (
        f"<section><h2>{escape_line(table.title)}</h2>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        + (f'<ul class="small">{notes}</ul>' if notes else "")
        + "</section>\n"
    )


def render_agreement_html(report: AgreementReport) -> str:
    tables = agreement_tables(report)
    facts = "".join(f"<dt>{escape_line(name)}</dt><dd>{escape_line(value)}</dd>" for name, value in tables.facts)
    parts = [f"<header><h1>{escape_line(tables.title)}</h1><dl>{facts}</dl></header>\n<main>\n"]
    if not report.checklists:
        parts.append("<section><h2>Checklist answers</h2><p>None given by any reviewer.</p></section>\n")
    parts.extend(_table(table) for table in tables.tables)
    if tables.orphans:
        items = "".join(f"<li>{escape_line(orphan)}</li>" for orphan in tables.orphans)
        parts.append(
            '<section id="orphans"><h2>Orphaned notes</h2><p>Their place is gone from this version of the case; '
            f"they are not counted.</p><ul>{items}</ul></section>\n"
        )
    else:
        parts.append('<section id="orphans"><h2>Orphaned notes</h2><p>None.</p></section>\n')
    parts.append("</main>\n")
    return html_document(tables.title, "".join(parts))
