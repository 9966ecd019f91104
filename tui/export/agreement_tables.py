"""The agreement tables every text format shows, worded once.

The terminal table, Markdown and HTML render the same `AgreementTables` (headings,
cells already worded, the notes that qualify or replace a figure), so a figure reads the
same in each. Nothing here imports Textual or does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.agreement.figure import Figure
from tui.agreement.report import AgreementReport, ChecklistFigures

NOT_SHOWN = "-"
"""A figure that cannot be computed; its reason is listed under the table."""


@dataclass(frozen=True, slots=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int]
    """Columns of figures, aligned right."""
    notes: tuple[str, ...] = ()
    """What qualifies a figure of the table, or why one is missing."""


@dataclass(frozen=True, slots=True)
class AgreementTables:
    title: str
    facts: tuple[tuple[str, str], ...]
    tables: tuple[Table, ...]
    orphans: tuple[str, ...]
    """One line an orphaned note: whose, which, where it was."""


def number(figure: Figure) -> str:
    """A kappa, alpha or F1 to three decimals; `-` when there is none."""
    return NOT_SHOWN if figure.value is None else f"{figure.value:.3f}"


def percent(figure: Figure) -> str:
    return NOT_SHOWN if figure.value is None else f"{100 * figure.value:.1f}%"


def _noted(notes: list[str], where: str, figure: Figure | None) -> None:
    if figure is not None and figure.reason:
        notes.append(f"{where}: {figure.reason}.")


def _checklist_table(report: AgreementReport) -> Table:
    several = report.several
    kappas = ("Fleiss' kappa",) if several else ("Cohen's kappa", "weighted kappa")
    headers = ("checklist", "items", "compared", "agreement", *kappas, "Krippendorff's alpha")
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for figures in report.checklists:
        figure_cells = (figures.fleiss,) if several else (figures.cohen, figures.weighted)
        rows.append(
            (
                figures.checklist,
                str(figures.items),
                str(figures.compared),
                percent(figures.agreement),
                *(number(f) if f is not None else NOT_SHOWN for f in figure_cells),
                number(figures.alpha),
            )
        )
        for name, figure in _named_figures(figures):
            _noted(notes, f"{figures.checklist}, {name}", figure)
    return Table("Checklist answers", headers, tuple(rows), frozenset(range(1, len(headers))), tuple(notes))


def _named_figures(figures: ChecklistFigures) -> list[tuple[str, Figure | None]]:
    return [
        ("agreement", figures.agreement),
        ("Cohen's kappa", figures.cohen),
        ("weighted kappa", figures.weighted),
        ("Fleiss' kappa", figures.fleiss),
        ("Krippendorff's alpha", figures.alpha),
    ]


def _spans_table(report: AgreementReport) -> Table:
    who = " / ".join(report.reviewers) if not report.several else f"mean of {len(report.pairs)} pairs"
    counts = " / ".join(str(count) for count in report.text_notes)
    notes: list[str] = []
    _noted(notes, "exact F1", report.span_exact)
    _noted(notes, "overlapping F1", report.span_overlapping)
    return Table(
        "Text notes (span F1)",
        ("reviewers", "text notes", "exact", "overlapping"),
        ((who, counts, number(report.span_exact), number(report.span_overlapping)),),
        frozenset({2, 3}),
        tuple(notes),
    )


def _pairs_table(report: AgreementReport) -> Table:
    rows: list[tuple[str, ...]] = []
    notes: list[str] = []
    for pair in report.pairs:
        who = f"{pair.first} / {pair.second}"
        rows.append(
            (
                who,
                str(pair.compared),
                percent(pair.agreement),
                number(pair.cohen),
                number(pair.span_exact),
                number(pair.span_overlapping),
            )
        )
        _noted(notes, f"{who}, Cohen's kappa", pair.cohen)
    headers = ("reviewers", "compared", "agreement", "Cohen's kappa", "span F1 exact", "span F1 overlapping")
    return Table("Pairs of reviewers", headers, tuple(rows), frozenset(range(1, 6)), tuple(notes))


def _shortened(quote: str, limit: int = 60) -> str:
    words = " ".join(quote.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def agreement_tables(report: AgreementReport) -> AgreementTables:
    """What the terminal, Markdown and HTML show, in that order, worded once."""
    answers = zip(report.reviewers, report.answers, strict=True)
    disagree, on_answers, on_notes = report.disagreements
    facts = [
        ("Case", report.case_title),
        ("Reviewers", ", ".join(f"{name} ({count} answers)" for name, count in answers)),
        (
            "Places",
            f"{report.places} aligned; the reviewers disagree at {disagree} "
            f"({on_answers} on checklist answers, {on_notes} on notes)",
        ),
    ]
    if report.changed:
        facts.append(("Re-anchored", f"written against another version of the case: {', '.join(report.changed)}"))
    tables: list[Table] = []
    if report.checklists:
        tables.append(_checklist_table(report))
    tables.append(_spans_table(report))
    if report.several:
        tables.append(_pairs_table(report))
    orphans = tuple(
        f"{orphan.reviewer}: {orphan.note.id} on {orphan.note.target} {orphan.note.target_id}"
        + (f" “{_shortened(orphan.note.quote)}”" if orphan.note.quote else "")
        for orphan in report.orphans
    )
    return AgreementTables(f"Agreement on {report.case_id}", tuple(facts), tuple(tables), orphans)
