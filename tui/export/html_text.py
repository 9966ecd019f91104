"""Untrusted text as HTML: escaped content and attribute values, control characters made visible.

Shared by the page (`html_page.py`) and its appraisal section (`html_appraisal.py`), so there is
one definition of "escaped" for the whole page.
"""

from __future__ import annotations

import html

from tui.safe_text import sanitize_line, sanitize_text


def escape_text(value: str) -> str:
    """Untrusted text, escaped for HTML content and attribute values alike; control characters made visible."""
    return html.escape(sanitize_text(value), quote=True)


def escape_line(value: str) -> str:
    """Untrusted text for one line (a cell, a heading): as `escape_text`, line breaks made visible too."""
    return html.escape(sanitize_line(value), quote=True)


def table(headers: list[str], rows: list[list[str]], *, escaped_last: bool = False) -> str:
    """A table of untrusted cells; with `escaped_last`, the last column is our own markup (note links)."""
    head = "".join(f"<th>{escape_line(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = [f"<td>{escape_line(c)}</td>" for c in (row[:-1] if escaped_last else row)]
        if escaped_last:
            cells.append(f"<td>{row[-1]}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
