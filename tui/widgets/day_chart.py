"""The pain chart on a day axis, and under it, on the same axis, one named bar per regimen.

Drawn with Rich text cell by cell rather than with a plotting library: each mark must sit
in a known column (a test checks it), words and drug names must be written at a day, and
the bars must share the chart's columns exactly; a plotting library gives none of that and
cost 140 ms to import. Both widgets take their columns from one `DayScale`, so a day is the
same column in the chart and in the bars.

- one marker shape per condition (`●` rest, `▲` movement, `■` unspecified; hollow on a
  second scale), never colour alone;
- a straight segment only between two measurements of one series;
- scores in words as labelled marks at their day, under the axis;
- day labels carry their mark: `~` approximate, `?` no day in the report (placed by order).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby, pairwise
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from tui.clinical.day_axis import AxisDay
from tui.clinical.pain_chart import DrugBar, PainChartData, Series
from tui.clinical.timeline import anchor_words
from tui.widgets.plain import plain_line

GUTTER = 4
"""Columns left of the plot: a y tick (`10┤`), or a bar's number."""

MARKERS = {"rest": "●", "movement": "▲", "unspecified": "■"}
SECOND_SCALE_MARKERS = {"rest": "○", "movement": "△", "unspecified": "□"}
AXIS_ROWS = 2
"""The axis line and the day labels under it."""
WORD_ROWS = 2
VALUE_LABELS = 40
"""A series with more points than this shows its marks without their values (they would cover each other)."""
WORD_LABEL = 28
"""Words longer than this are cut on the chart; the table and the detail line give them whole."""
TICKS_FULL = (10, 8, 6, 4, 2, 0)
TICKS_SHORT = (10, 5, 0)
STYLE_NAMES = ("rest", "movement", "unspecified", "axis", "words")


@dataclass(frozen=True, slots=True)
class DayScale:
    """Days to columns for a widget `width` cells wide: the chart and the bars share it."""

    first: float
    last: float
    width: int

    @property
    def plot_width(self) -> int:
        return max(2, self.width - GUTTER)

    def column(self, day: float) -> int:
        """The cell column of `day`, counted from the widget's left edge."""
        share = (day - self.first) / (self.last - self.first)
        return GUTTER + round(share * (self.plot_width - 1))


def marker(series_or_condition: Series | str, *, second_scale: bool = False) -> str:
    if isinstance(series_or_condition, Series):
        second_scale = series_or_condition.scale != "NRS 0-10"
        series_or_condition = series_or_condition.condition
    return (SECOND_SCALE_MARKERS if second_scale else MARKERS)[series_or_condition]


class _Canvas:
    """A grid of cells, each a character and a style name; drawn into Rich lines at the end."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.cells = [[(" ", "")] * width for _ in range(height)]

    def put(self, row: int, column: int, char: str, style: str, *, over: bool = True) -> None:
        if 0 <= row < len(self.cells) and 0 <= column < self.width and (over or self.cells[row][column][0] == " "):
            self.cells[row][column] = (char, style)

    def write(self, row: int, column: int, text: str, style: str) -> None:
        for offset, char in enumerate(text):
            self.put(row, column + offset, char, style)

    def free(self, row: int, start: int, end: int) -> bool:
        return all(self.cells[row][c][0] == " " for c in range(max(0, start), min(self.width, end)))

    def lines(self, styles: dict[str, Style]) -> list[Text]:
        lines = []
        for row in self.cells:
            line = Text()
            for style, run in groupby(row, key=lambda cell: cell[1]):
                line.append("".join(char for char, _ in run), styles.get(style, Style()))
            lines.append(line)
        return lines


class PainDayChart(Widget):
    """Pain scores (0-10) by day, a shape per condition, segments between measurements only."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "day-chart--rest",
        "day-chart--movement",
        "day-chart--unspecified",
        "day-chart--axis",
        "day-chart--words",
    }

    def __init__(self, data: PainChartData, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.data = data

    def scale(self) -> DayScale:
        return DayScale(self.data.first_day, self.data.last_day, self.size.width)

    def plot_rows(self) -> int:
        """Rows for 0-10: 6, 11, 16... when there is room, so each tick and each score is on an exact row."""
        room = max(3, self.size.height - AXIS_ROWS - self.word_rows())
        return room if room < 6 else room - (room - 1) % 5

    def word_rows(self) -> int:
        """Two rows of words, one on a short chart (the plot keeps its six rows)."""
        return min(WORD_ROWS if self.size.height > 10 else 1, len(self.data.words))

    def row_of(self, value: float, rows: int | None = None) -> int:
        """The plot row of a 0-10 value: 10 on the top row, 0 on the bottom one (of `rows`, or as many as fit)."""
        return round((10 - value) / 10 * ((rows or self.plot_rows()) - 1))

    def render(self) -> RenderResult:
        width, rows = self.size.width, self.plot_rows()
        canvas = _Canvas(width, rows + AXIS_ROWS + self.word_rows())
        scale = self.scale()
        self._draw_y_axis(canvas, rows)
        for series in self.data.series:
            self._draw_series(canvas, scale, series, rows)
        self._draw_x_axis(canvas, scale, rows)
        self._draw_words(canvas, scale, rows + AXIS_ROWS)
        styles = {name: self.get_component_rich_style(f"day-chart--{name}") for name in STYLE_NAMES}
        return Text("\n").join(canvas.lines(styles))

    def _draw_y_axis(self, canvas: _Canvas, rows: int) -> None:
        ticks = TICKS_FULL if rows >= len(TICKS_FULL) else TICKS_SHORT
        tick_rows = {self.row_of(tick, rows): tick for tick in ticks}
        for row in range(rows):
            tick = tick_rows.get(row)
            label = f"{tick:>3}┤" if tick is not None else "   │"
            canvas.write(row, 0, label, "axis")

    def _draw_series(self, canvas: _Canvas, scale: DayScale, series: Series, rows: int) -> None:
        style = series.condition
        cells = [(scale.column(p.at.day), self.row_of(p.value, rows)) for p in series.points]
        for (c1, r1), (c2, r2) in pairwise(cells):
            char = "─" if r1 == r2 else ("╲" if r2 > r1 else "╱")
            for column in range(c1 + 1, c2):
                row = round(r1 + (r2 - r1) * (column - c1) / (c2 - c1))
                canvas.put(row, column, char, style, over=False)
        shape = marker(series)
        for column, row in cells:
            canvas.put(row, column, shape, style)
        if len(cells) <= VALUE_LABELS:
            # The value beside its mark where the cells are free: a 3 between the 2 and 4 rows reads as 3.
            for (column, row), point in zip(cells, series.points, strict=True):
                value = f"{point.score.value:g}"
                if canvas.free(row, column + 1, column + 2 + len(value)):
                    canvas.write(row, column + 1, value, style)

    def _draw_x_axis(self, canvas: _Canvas, scale: DayScale, rows: int) -> None:
        canvas.write(rows, 0, "   └" + "─" * (canvas.width - GUTTER), "axis")
        for label_day in self._day_labels():
            column = scale.column(label_day.day)
            label = label_day.label
            start = min(max(GUTTER, column - (len(label) - 1) // 2), canvas.width - len(label))
            if canvas.free(rows + 1, start - 1, start + len(label) + 1):
                canvas.write(rows + 1, start, label, "axis")
                canvas.put(rows, column, "┬", "axis")
        # What the days count from, at the right end of the labels when they leave room for it.
        caption = f"days from {anchor_words(self.data.reference)}"
        start = canvas.width - len(caption)
        if start > GUTTER and canvas.free(rows + 1, start - 1, canvas.width):
            canvas.write(rows + 1, start, caption, "axis")

    def _day_labels(self) -> list[AxisDay]:
        """Days worth a label, most telling first: scores' days, day 0, the days the report gives; never a guess."""
        scored = [p.at for s in self.data.series for p in s.points] + [w.at for w in self.data.words]
        firm = [at for at in scored if at.kind != "ordered"]
        zero = [AxisDay(0.0, "stated")] if self.data.first_day <= 0 <= self.data.last_day else []
        seen: set[tuple[float, str]] = set()
        ordered = []
        guessed = [at for at in scored if at.kind == "ordered"]
        for at in [*firm, *zero, *self.data.firm_days, *guessed]:
            if (at.day, at.kind) not in seen:
                seen.add((at.day, at.kind))
                ordered.append(at)
        return ordered

    def _draw_words(self, canvas: _Canvas, scale: DayScale, top: int) -> None:
        """Each score in words: its shape on the axis at its day, its words under it, or as near right as fits."""
        ends = [GUTTER] * self.word_rows()
        for mark in self.data.words:
            column = scale.column(mark.at.day)
            shape = marker(mark.score.condition, second_scale=True)
            canvas.put(top - AXIS_ROWS, column, shape, "words")
            text = plain_line(f"{shape}{mark.score.description or ''}").plain
            for row, end in enumerate(ends):
                start = max(column, end)
                room = min(len(text), WORD_LABEL, canvas.width - start)
                if room >= min(len(text), 8):
                    canvas.write(top + row, start, text if room == len(text) else text[: room - 1] + "…", "words")
                    ends[row] = start + room + 2
                    break


class DrugBars(Widget):
    """One line per regimen on the chart's day axis: a bar from start to stop, its name written on it.

    Drawn line by line: only the bars in view are built, so a thousand regimens cost a screen.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"drug-bars--bar", "drug-bars--open", "drug-bars--name"}

    def __init__(self, data: PainChartData, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.data = data

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.data.bars))

    def scale(self) -> DayScale:
        return DayScale(self.data.first_day, self.data.last_day, self.size.width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if not 0 <= y < len(self.data.bars):
            return Strip.blank(width, self.rich_style)
        line = bar_line(self.data.bars[y], y + 1, self.scale())
        styles = {name: self.get_component_rich_style(f"drug-bars--{name}") for name in ("bar", "open", "name")}
        base = self.rich_style
        segments = [Segment(char, base + styles[style] if style else base) for char, style in line]
        return Strip(segments, width).simplify()


def bar_line(bar: DrugBar, number: int, scale: DayScale) -> list[tuple[str, str]]:
    """The cells of one regimen's line: its number, the bar, and its name on or beside the bar."""
    canvas = _Canvas(scale.width, 1)
    canvas.write(0, 0, f"{number:>3} " if number < 1000 else f"{number:>4}"[-GUTTER:], "")
    name = plain_line(bar.medication.label).plain
    if bar.start is None:
        canvas.write(0, GUTTER, f"{name}: start not stated"[: scale.plot_width], "open")
        return canvas.cells[0]
    start = scale.column(bar.start.day)
    if bar.stop is not None and bar.stop.day < bar.start.day:
        # A record whose stop comes before its start: drawn as its start only, and said so.
        canvas.put(0, start, _cap(bar.start, "├"), "bar")
        _write_name(canvas, f"{name} (stop before start)", start, start, scale.width)
        return canvas.cells[0]
    end = scale.column(bar.stop.day) if bar.stop is not None else scale.width - 1
    body, style = ("━", "bar") if bar.stop is not None else ("╍", "open")
    for column in range(start, end + 1):
        canvas.put(0, column, body, style)
    canvas.put(0, start, _cap(bar.start, "├"), "bar")
    canvas.put(0, end, _cap(bar.stop, "┤") if bar.stop is not None else "→", style)
    _write_name(canvas, name, start, end, scale.width)
    return canvas.cells[0]


def _write_name(canvas: _Canvas, name: str, start: int, end: int, width: int) -> None:
    """A bar's name on it, else after its end, else before its start, else cut after its start."""
    if len(name) <= end - start - 1:
        canvas.write(0, start + 1, name, "name")
    elif end + 2 + len(name) <= width:
        canvas.write(0, end + 2, name, "name")
    elif start - 1 - len(name) >= GUTTER:
        canvas.write(0, start - 1 - len(name), name, "name")
    else:  # the medication table gives it whole
        room = max(2, width - start - 1)
        canvas.write(0, start + 1, name if len(name) <= room else name[: room - 1] + "…", "name")


def _cap(at: AxisDay, firm: str) -> str:
    """A bar's end as sure as its day: `├` stated, `~` approximate, `?` placed by order."""
    return {"stated": firm, "approximate": "~", "ordered": "?"}[at.kind]
