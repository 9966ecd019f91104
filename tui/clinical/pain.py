"""Pain change from baseline, per condition, against the thresholds used in pain trials.

IMMPACT (Dworkin et al., J Pain 2008) treats a reduction of at least 30% in pain
intensity as moderately important and at least 50% as substantial. These figures are
computed only from numeric scores; a score the report gives only in words is carried
as words so the reader sees it, and never converted into a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.model import CaseRecord, PainScore

MODERATE_REDUCTION = 30.0
SUBSTANTIAL_REDUCTION = 50.0

Threshold = Literal["substantial", "moderate", "below moderate", "worse or unchanged"]


@dataclass(frozen=True, slots=True)
class PainChange:
    """Baseline to latest numeric score for one condition, and any later words."""

    condition: str
    scale: str
    """One scale a change: a VAS 0-100 score is never compared with an NRS 0-10 baseline."""
    baseline: PainScore
    latest: PainScore | None
    """The last numeric score after the baseline; None when there is none."""
    later_words: tuple[PainScore, ...]
    """Scores given only in words after the latest numeric one."""

    @property
    def name(self) -> str:
        """`rest`, or `rest (VAS 0-100)` off the default scale."""
        return self.condition if self.scale == "NRS 0-10" else f"{self.condition} ({self.scale})"

    @property
    def change(self) -> float | None:
        """Latest minus baseline (negative is improvement)."""
        if self.latest is None or self.latest.value is None or self.baseline.value is None:
            return None
        return self.latest.value - self.baseline.value

    @property
    def percent_reduction(self) -> float | None:
        """Reduction as a percentage of baseline; None when it cannot be computed."""
        change = self.change
        if change is None or not self.baseline.value:
            return None
        return -change / self.baseline.value * 100

    @property
    def threshold(self) -> Threshold | None:
        """Which trial threshold the reduction reaches."""
        percent = self.percent_reduction
        if percent is None:
            return None
        if percent >= SUBSTANTIAL_REDUCTION:
            return "substantial"
        if percent >= MODERATE_REDUCTION:
            return "moderate"
        if percent > 0:
            return "below moderate"
        return "worse or unchanged"


def pain_changes(case: CaseRecord) -> list[PainChange]:
    """One change per condition and scale that has a numeric baseline, in order of first appearance.

    Scores on two scales are two changes: a baseline of NRS 8 and a later VAS 30/100 say nothing
    about each other as numbers, and computing "-5" or "62%" across them would mislead.
    """
    groups = list(dict.fromkeys((score.condition, score.scale) for score in case.pain_scores))
    changes: list[PainChange] = []
    for condition, scale in groups:
        scores = [s for s in case.pain_scores if s.condition == condition and (s.scale == scale or s.value is None)]
        numeric = [s for s in scores if s.value is not None]
        if not numeric:
            continue
        baseline = numeric[0]
        latest = numeric[-1] if len(numeric) > 1 else None
        anchor = latest or baseline
        later_words = tuple(s for s in scores[scores.index(anchor) + 1 :] if s.value is None)
        changes.append(PainChange(condition, scale, baseline, latest, later_words))
    return changes
