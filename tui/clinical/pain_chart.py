"""What the pain chart shows, on the day axis: scores by condition and scale, words, regimens.

The chart is drawn by a widget; what it draws is decided here, once per case, so a test (or
an export) can check it without a screen:

- one series per condition and scale; a segment joins two *measurements* of one series and
  nothing else (no point is drawn where the report has none);
- a value on another scale than NRS 0-10 is put on the 0-10 axis as value / maximum x 10, and
  its series says so (`VAS 0-100, shown /10`): two scales are never joined or mixed silently;
- a score given in words stays words, placed at its day;
- a regimen is a bar from its start to its stop, open when the report gives no stop.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.clinical.day_axis import AxisDay, day_axis, point_day
from tui.model import CaseRecord, Medication, PainScore
from tui.model.derived import derived

CONDITIONS: tuple[str, ...] = ("rest", "movement", "unspecified")
PRIMARY_SCALE = "NRS 0-10"


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One numeric score at its day, with its value on the 0-10 axis."""

    at: AxisDay
    value: float
    score: PainScore


@dataclass(frozen=True, slots=True)
class Series:
    """The numeric scores of one condition on one scale, in day order."""

    condition: str
    scale: str
    points: tuple[ChartPoint, ...]

    @property
    def name(self) -> str:
        """`rest`, or `rest (VAS 0-100, shown /10)` for a scale other than NRS 0-10."""
        if self.scale == PRIMARY_SCALE:
            return self.condition
        top = self.points[0].score.maximum if self.points else 10
        shown = "" if top == 10 else f", shown /{top // 10}"
        return f"{self.condition} ({self.scale}{shown})"


@dataclass(frozen=True, slots=True)
class WordMark:
    """A score the report gives in words, at its day."""

    at: AxisDay
    score: PainScore


@dataclass(frozen=True, slots=True)
class DrugBar:
    """A regimen from its start to its stop; `stop` None is open-ended (the report gives none)."""

    medication: Medication
    start: AxisDay | None
    stop: AxisDay | None

    @property
    def open_ended(self) -> bool:
        return self.stop is None


@dataclass(frozen=True, slots=True)
class PainChartData:
    series: tuple[Series, ...]
    words: tuple[WordMark, ...]
    bars: tuple[DrugBar, ...]
    first_day: float
    last_day: float
    reference: str
    firm_days: tuple[AxisDay, ...]
    """Days the record gives (stated or approximate) for events and rows: what the axis labels."""
    unplaced: int
    """Scores whose `when` is not on the axis (no such event): listed in the table, not drawn."""

    @property
    def scales(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(series.scale for series in self.series))


def pain_chart_data(case: CaseRecord) -> PainChartData:
    """The chart's content for `case` (worked out once per case)."""
    return derived(case, _build)


def _normalised(score: PainScore) -> float:
    assert score.value is not None
    return score.value / score.maximum * 10


def _build(case: CaseRecord) -> PainChartData:
    grouped: dict[tuple[str, str], list[ChartPoint]] = {}
    words: list[WordMark] = []
    unplaced = 0
    for score in case.pain_scores:
        at = point_day(case, score.when)
        if at is None:
            unplaced += 1
        elif score.value is None:
            words.append(WordMark(at, score))
        else:
            grouped.setdefault((score.condition, score.scale), []).append(ChartPoint(at, _normalised(score), score))
    order = {condition: rank for rank, condition in enumerate(CONDITIONS)}
    series = tuple(
        Series(condition, scale, tuple(sorted(points, key=lambda p: p.at.day)))
        for (condition, scale), points in sorted(
            grouped.items(), key=lambda item: (item[0][1] != PRIMARY_SCALE, order[item[0][0]], item[0][1])
        )
    )
    bars = tuple(DrugBar(m, point_day(case, m.start), point_day(case, m.stop)) for m in case.medications)
    days = [p.at.day for s in series for p in s.points] + [w.at.day for w in words]
    days += [d.day for bar in bars for d in (bar.start, bar.stop) if d is not None]
    days += [at.day for at in day_axis(case).by_id.values()]
    first, last = (min(days), max(days)) if days else (0.0, 1.0)
    if last - first < 1:
        last = first + 1
    words.sort(key=lambda w: w.at.day)
    firm = [at for at in day_axis(case).by_id.values() if at.kind != "ordered"]
    firm += [d for bar in bars for d in (bar.start, bar.stop) if d is not None and d.kind != "ordered"]
    firm_days = tuple(dict.fromkeys(sorted(firm, key=lambda at: at.day)))
    reference = day_axis(case).reference
    return PainChartData(series, tuple(words), bars, first, last, reference, firm_days, unplaced)
