"""Pain scores as a table, a chart of NRS over the course, and the derived figures.

The chart's x axis is the order of events in the timeline (most events in a case report
have no day), labelled by event; rest and movement are two series; a vertical mark
stands where each medication starts. A score given only in words is listed in words
beside the chart and never plotted as a number.

This module imports textual-plotext, so the screen imports it only when the pane is
first shown: the chart library stays off the start-up path.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tui.actions import bindings
from tui.clinical.pain import MODERATE_REDUCTION, SUBSTANTIAL_REDUCTION, PainChange, pain_changes
from tui.clinical.rows import PAIN_COLUMNS, pain_cells
from tui.clinical.timeline import medication_spans, place_events, point_label, position_of
from tui.model import CaseRecord, PainScore
from tui.model.places import Place
from tui.model.review_session import ReviewSession
from tui.widgets.annotation_marks import NOTES_COLUMN, marks_width, notes_cell
from tui.widgets.line_table import LineTable, TableColumn
from tui.widgets.messages import JumpToQuote
from tui.widgets.plain import plain_line

SERIES_COLOURS = {"rest": "cyan", "movement": "orange", "unspecified": "white"}
"""Plotext's colour names for the chart's series."""

Y_TICKS = (0, 2, 4, 6, 8, 10)
Y_TICKS_SHORT = (0, 5, 10)
CHART_FRAME_ROWS = 4
"""Rows of the chart that are not data: the title, the two borders, the x tick labels."""

LEGEND_COLOURS = {"rest": "cyan", "movement": "dark_orange", "unspecified": "white"}
"""The same colours in Rich's names, for the legend under the chart."""


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


def plotted_conditions(case: CaseRecord) -> list[str]:
    """The conditions that have at least one numeric score placed on the axis: the chart's series."""
    return [
        condition
        for condition in ("rest", "movement", "unspecified")
        if any(
            s.condition == condition and s.value is not None and position_of(case, s.when) is not None
            for s in case.pain_scores
        )
    ]


class PainChart(PlotextPlot):
    """NRS over the course of events: rest and movement series, medication start marks.

    The series carry no plotext labels: plotext draws its legend inside the plot's top
    left corner, where the admission scores (rest 8, movement 10) are, and hid them on a
    small chart. The legend is a line of its own under the chart (`chart_legend`).
    """

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case

    def on_mount(self) -> None:
        plt = self.plt
        events = place_events(self._case)
        for condition in plotted_conditions(self._case):
            points = [
                (position, score.value)
                for score in self._case.pain_scores
                if score.condition == condition
                and score.value is not None
                and (position := position_of(self._case, score.when)) is not None
            ]
            xs, ys = zip(*points, strict=True)
            plt.plot(list(xs), list(ys), marker="dot", color=SERIES_COLOURS[condition])
        for span in medication_spans(self._case):
            if span.start is not None:
                plt.vline(span.start, "gray")
        plt.ylim(0, 10)
        plt.yticks(list(Y_TICKS))
        ticks: list[float] = sorted({span.start for span in medication_spans(self._case) if span.start is not None})
        plt.xticks(ticks, [f"{t:g}" for t in ticks])
        plt.xlim(0, max(1, len(events) - 1))
        # No axis labels: the title names both axes, so a short chart keeps its rows for the data.
        plt.title("Pain (NRS 0-10) by event #")

    def render(self) -> RenderResult:
        # With fewer data rows than ticks, two ticks share a row and plotext labels it with
        # either one (a 6 one time, a 4 the next): fewer ticks on a short chart, each on its row.
        rows = self.size.height - CHART_FRAME_ROWS
        self.plt.yticks(list(Y_TICKS if rows >= len(Y_TICKS) else Y_TICKS_SHORT))
        return super().render()


def describe_change(case: CaseRecord, change: PainChange) -> Text:
    """One condition's change from baseline, in words a clinician reads at a glance."""
    baseline = change.baseline.value
    text = Text()
    text.append(f"{change.condition.capitalize()}: ", style="bold")
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


def chart_legend(case: CaseRecord) -> Text:
    """`•• rest  •• movement  │ drug starts`, in the chart's colours; short, to fit one line at 80 columns."""
    text = Text()
    for condition in plotted_conditions(case):
        text.append("••", style=LEGEND_COLOURS[condition])
        text.append(f" {condition}  ")
    text.append("│", style="grey50")
    text.append(" drug starts")
    return text


class PainFigures(Static):
    """Change from baseline per condition, against the 30% and 50% thresholds."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        changes = pain_changes(case)
        body = (
            Text("\n\n").join(describe_change(case, c) for c in changes) if changes else Text("No numeric pain scores.")
        )
        super().__init__(body, id=id)


class PainPane(Vertical):
    """The pain scores table above the chart and its derived figures."""

    def __init__(self, case: CaseRecord, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._case = case

    def compose(self) -> ComposeResult:
        yield PainScoreTable(self._case, id="pain-table")
        with Horizontal(id="pain-lower"):
            with Vertical(id="pain-chart-box"):
                yield PainChart(self._case, id="pain-chart")
                yield Static(chart_legend(self._case), id="pain-legend")
            # The figures wrap to many lines on a narrow screen: they scroll rather than being cut.
            with VerticalScroll(id="pain-figures-box"):
                yield PainFigures(self._case, id="pain-figures")

    def scores(self) -> list[PainScore]:
        return list(self._case.pain_scores)

    def show_review(self, session: ReviewSession) -> None:
        for table in self.query(PainScoreTable):
            table.set_annotation_counts(session.counts("pain_score"))

    def select_place(self, place: Place) -> None:
        self.query_one(PainScoreTable).select_score(place.target_id)
