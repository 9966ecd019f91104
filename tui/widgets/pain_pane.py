"""Pain scores as a table, a chart of scores by day with the regimens under it, and the derived figures.

The chart (`day_chart.py`) puts every score on a day axis counted from the case's day 0, a
shape per condition; a score in words stays words, at its day; under it, on the same
columns, one named bar per regimen. What it shows is decided in `clinical/pain_chart.py`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from tui.actions import bindings
from tui.clinical.pain import MODERATE_REDUCTION, SUBSTANTIAL_REDUCTION, PainChange, pain_changes
from tui.clinical.pain_chart import PainChartData, pain_chart_data
from tui.clinical.rows import PAIN_COLUMNS, pain_cells
from tui.clinical.timeline import anchor_words, point_label
from tui.model import CaseRecord, PainScore
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.annotation_marks import FLAG, NOTES_COLUMN, marks_width, notes_cell
from tui.widgets.day_chart import DrugBars, PainDayChart, marker
from tui.widgets.detail_text import DetailText
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import JumpToQuote
from tui.widgets.plain import plain_line


class PainScoreTable(LineTable):
    """When, condition, value or its words, medications in force; `enter` jumps to the source."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("pain")

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, zebra_stripes=True)
        self._case = case
        self._by_id = {score.id: score for score in case.pain_scores}
        self._counts: dict[str, int] = {}

    def on_mount(self) -> None:
        columns = [
            TableColumn(
                NOTES_COLUMN, "✎", marks_width(any(p.needs_review for p in self._case.pain_scores)), fixed=True
            ),
            *(TableColumn(title.lower(), title) for title in PAIN_COLUMNS),
        ]
        self.set_table(columns, [score.id for score in self._case.pain_scores], self._cells)

    def _cells(self, row: int) -> list[Text]:
        score = self._case.pain_scores[row]
        cells = pain_cells(self._case, score)
        words = score.value is None
        return [
            notes_cell(self._counts.get(score.id, 0), flagged=score.needs_review),
            *(plain_line(cells[title], style="italic" if title == "NRS" and words else "") for title in PAIN_COLUMNS),
        ]

    def set_annotation_counts(self, counts: dict[str, int]) -> None:
        """Show how many annotations each score holds."""
        self._counts = counts
        self.refresh_rows()

    def select_score(self, score_id: str) -> None:
        self.select_row(score_id)

    def score_at_cursor(self) -> PainScore | None:
        key = self.row_key_at_cursor()
        return self._by_id.get(key) if key is not None else None

    def place_at_cursor(self) -> Place | None:
        score = self.score_at_cursor()
        return Place("pain_score", score.id) if score is not None else None

    def action_jump_to_source(self) -> None:
        score = self.score_at_cursor()
        if score is not None:
            self.post_message(JumpToQuote(score.source_quote))

    def on_line_table_row_selected(self, event: LineTable.RowSelected) -> None:
        event.stop()
        self.action_jump_to_source()


def describe_change(case: CaseRecord, change: PainChange) -> Text:
    """One condition's change from baseline, in words a clinician reads at a glance."""
    baseline = change.baseline.value
    text = Text()
    text.append(f"{change.name[:1].upper()}{change.name[1:]}: ", style="bold")
    if change.latest is None or change.change is None:
        text.append(f"baseline {baseline:g}; no later numeric score")
    else:
        percent = change.percent_reduction
        text.append(f"{baseline:g} → {change.latest.value:g} (change {change.change:+g}")
        text.append(f", {percent:.0f}% reduction)" if percent is not None else ")")
        threshold = change.threshold or ""
        style = {"substantial": "bold green", "moderate": "green"}.get(threshold, "yellow")
        text.append(f"\n  {threshold}", style=style)
        text.append(f" (≥{MODERATE_REDUCTION:g}% moderate, ≥{SUBSTANTIAL_REDUCTION:g}% substantial)", style="dim")
    for words in change.later_words:
        text.append("\n  later, in words: ")
        text.append_text(plain_line(f"“{words.description}”", style="italic"))
        text.append_text(plain_line(f" ({point_label(case, words.when) or words.when})", style="dim"))
    return text


def scale_words(data: PainChartData) -> str:
    """`NRS 0-10`, or how several scales were put on one 0-10 axis."""
    scales = data.scales or ("NRS 0-10",)
    return scales[0] if len(scales) == 1 else "0-10 (" + ", ".join(scales) + " put on 0-10)"


def chart_title(data: PainChartData) -> Text:
    """What the axes are: the scale (or how several were put on one axis) and the day counted from."""
    text = Text(f"Pain, {scale_words(data)}, by day from ", style="bold")
    text.append_text(plain_line(anchor_words(data.reference), style="bold"))
    return text


def chart_legend(data: PainChartData) -> Text:
    """Each shape in words (never colour alone), then what the day marks and the bars mean."""
    text = Text(f"{scale_words(data)}: ")
    for series in data.series:
        text.append(f"{marker(series)} ", style="bold")
        text.append_text(plain_line(f"{series.name}  "))
    if data.words:
        text.append("△○ in words  ", style="italic")
    text.append("~ approximate day  ? no day given, placed in record order  ")
    text.append("├━┤ a regimen, ╍→ no stop given")
    if data.unplaced:
        text.append(f"  ({data.unplaced} scores at no event of the timeline: in the table only)")
    return text


def score_detail(case: CaseRecord, score: PainScore) -> Text:
    """The highlighted score whole, on as few lines as it takes: what a narrow column cuts is here."""
    cells = pain_cells(case, score)
    text = plain_line(f"{cells['When']} · {score.condition} · ")
    # `reading` names the scale when it is not NRS 0-10 (`60/100 VAS`); the chart's title names it too.
    text.append_text(plain_line(score.reading, style="italic" if score.value is None else "bold"))
    if cells["Medications in force"]:
        text.append(" · in force: ")
        text.append_text(plain_line(cells["Medications in force"]))
    if score.needs_review:
        text.append(f"\n{FLAG} flagged on import: check this score against the source sentence", style="bold")
    return text


class PainFigures(Static):
    """Change from baseline per condition, against the 30% and 50% thresholds."""

    def __init__(self, case: CaseRecord, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        changes = pain_changes(case)
        body = (
            Text("\n\n").join(describe_change(case, c) for c in changes) if changes else Text("No numeric pain scores.")
        )
        super().__init__(body, id=id, classes=classes)


class PainPane(Vertical):
    """The pain scores table and the highlighted score whole; under them the day chart, the drug bars, the figures.

    The chart, the bars and the legend scroll together in one box (the bars can be many); the
    figures stand beside them, or under them when the pane is narrow (`-narrow`).
    """

    NARROW = 90
    """Below this width the figures go under the bars: beside them the chart would be too narrow."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        data = pain_chart_data(self._case)
        yield PainScoreTable(self._case, id="pain-table")
        yield DetailText(id="pain-detail")
        with Horizontal(id="pain-lower"):
            with VerticalScroll(id="pain-chart-box"):
                yield Static(chart_title(data), id="pain-chart-title")
                yield PainDayChart(data, id="pain-chart")
                yield DrugBars(data, id="pain-bars")
                yield Static(chart_legend(data), id="pain-legend")
                yield PainFigures(self._case, id="pain-figures-under", classes="pain-figures")
            # The figures wrap to many lines on a narrow screen: they scroll rather than being cut.
            with VerticalScroll(id="pain-figures-box"):
                yield PainFigures(self._case, id="pain-figures", classes="pain-figures")

    SHORT = 26
    """Below this height the table and the chart take fewer rows, so the chart's axis stays in view."""

    def on_resize(self) -> None:
        self.set_class(self.size.width < self.NARROW, "-narrow")
        self.set_class(self.size.height < self.SHORT, "-short")

    def scores(self) -> list[PainScore]:
        return list(self._case.pain_scores)

    def show_review(self, session: ReviewSession) -> None:
        for table in self.query(PainScoreTable):
            table.set_annotation_counts(session.counts("pain_score"))

    def select_place(self, place: Place) -> None:
        self.query_one(PainScoreTable).select_score(place.target_id)

    def on_line_table_row_highlighted(self, event: LineTable.RowHighlighted) -> None:
        score = self.query_one(PainScoreTable).score_at_cursor()
        if score is not None:
            self.query_one("#pain-detail", DetailText).show(score_detail(self._case, score))
