"""Agreement figures as CSV, one figure a row, for a spreadsheet or a synthesis table.

Long rather than wide: `scope, subject, reviewers, measure, value, items, note`, so figures
of two and of five reviewers load into the same sheet. Values are unrounded (empty when a
figure cannot be computed, `note` then says why); cells from review files go through
`csv_table.cell`, so none is run as a formula.
"""

from __future__ import annotations

import csv
import io

from tui.agreement.figure import Figure
from tui.agreement.report import AgreementReport
from tui.export.csv_table import cell

COLUMNS = ("scope", "subject", "reviewers", "measure", "value", "items", "note")


def _value(figure: Figure) -> str:
    return "" if figure.value is None else repr(round(figure.value, 6))


def render_agreement_csv(report: AgreementReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    everyone = cell("; ".join(report.reviewers))

    def figure_row(scope: str, subject: str, reviewers: str, measure: str, figure: Figure | None) -> None:
        if figure is not None:
            writer.writerow(
                [scope, cell(subject), reviewers, measure, _value(figure), figure.items, cell(figure.reason)]
            )

    writer.writerow(["places", cell(report.case_id), everyone, "aligned", report.places, "", ""])
    writer.writerow(["places", cell(report.case_id), everyone, "disagree", report.disagreements, "", ""])
    for figures in report.checklists:
        subject = figures.checklist
        writer.writerow(["checklist", cell(subject), everyone, "items answered", figures.items, "", ""])
        writer.writerow(["checklist", cell(subject), everyone, "items compared", figures.compared, "", ""])
        figure_row("checklist", subject, everyone, "percent agreement", figures.agreement)
        figure_row("checklist", subject, everyone, "cohen kappa", figures.cohen)
        figure_row("checklist", subject, everyone, "weighted kappa (linear)", figures.weighted)
        figure_row("checklist", subject, everyone, "fleiss kappa", figures.fleiss)
        figure_row("checklist", subject, everyone, "krippendorff alpha (nominal)", figures.alpha)
    figure_row("text notes", "all text notes", everyone, "span f1 exact", report.span_exact)
    figure_row("text notes", "all text notes", everyone, "span f1 overlapping", report.span_overlapping)
    for pair in report.pairs if report.several else ():
        both = cell(f"{pair.first}; {pair.second}")
        figure_row("pair", "all checklists", both, "percent agreement", pair.agreement)
        figure_row("pair", "all checklists", both, "cohen kappa", pair.cohen)
        figure_row("pair", "all text notes", both, "span f1 exact", pair.span_exact)
        figure_row("pair", "all text notes", both, "span f1 overlapping", pair.span_overlapping)
    for orphan in report.orphans:
        where = f"{orphan.note.target} {orphan.note.target_id}"
        writer.writerow(
            ["orphan", cell(where), cell(orphan.reviewer), "orphaned note", orphan.note.id, "", "not counted"]
        )
    return out.getvalue()
