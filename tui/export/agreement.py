"""Agreement figures as text, in one of four formats: the terminal table, Markdown, HTML, CSV.

Text, Markdown and HTML render the same tables (`agreement_tables.py`); CSV writes the
report's figures one a row, unrounded, for a spreadsheet. Each format's module is
imported only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.agreement.report import AgreementReport

AgreementFormat = Literal["text", "md", "html", "csv"]
AGREEMENT_FORMATS: tuple[AgreementFormat, ...] = ("text", "md", "html", "csv")


def render_agreement(export_format: AgreementFormat, report: AgreementReport) -> str:
    """The report as text in one format."""
    renderer: Callable[[AgreementReport], str]
    if export_format == "text":
        from tui.export.agreement_text import render_agreement_text as renderer
    elif export_format == "md":
        from tui.export.agreement_markdown import render_agreement_markdown as renderer
    elif export_format == "html":
        from tui.export.agreement_html import render_agreement_html as renderer
    else:
        from tui.export.agreement_csv import render_agreement_csv as renderer
    return renderer(report)
