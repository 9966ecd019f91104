"""Every agreement figure of one comparison, computed once, for the terminal, the app and the exports.

Like `ReviewNotes` for the notes, one `AgreementReport` feeds every format, so the
command line, the compare screen and the Markdown, HTML and CSV exports cannot disagree
about a figure. Which statistics appear depends on how many reviewers are compared:
- two: percent agreement, Cohen's kappa, linearly weighted kappa (answers on the ordered
  scale), Krippendorff's alpha (nominal);
- three or more: percent agreement (unanimity), Fleiss' kappa, Krippendorff's alpha, and
  every pair's percent agreement, Cohen's kappa and span F1.
Figures are per checklist and over all checklists together (every item of every checklist
one unit). Span agreement is over placed text notes (orphans are listed, never counted);
with three or more reviewers it is the mean of the pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from tui.agreement.alignment import AlignedPlace, Comparison
from tui.agreement.alpha import krippendorff_alpha
from tui.agreement.answers import answer_scale, checklist_of
from tui.agreement.figure import Figure, mean_figure
from tui.agreement.kappa import cohen_kappa, fleiss_kappa, percent_agreement, weighted_kappa
from tui.agreement.spans import NO_SPANS, Span, span_f1
from tui.model.review import Annotation

ALL_CHECKLISTS = "all checklists"


@dataclass(frozen=True, slots=True)
class ChecklistFigures:
    """The figures of one checklist's answers (or of all checklists: `checklist` is `ALL_CHECKLISTS`)."""

    checklist: str
    items: int
    """Items answered by at least one reviewer."""
    compared: int
    """Items answered by every reviewer: what percent agreement and the kappas rest on."""
    agreement: Figure
    cohen: Figure | None
    """Two reviewers only."""
    weighted: Figure | None
    """Two reviewers only, over answers on the checklist's ordered scale."""
    fleiss: Figure | None
    """Three or more reviewers only."""
    alpha: Figure


@dataclass(frozen=True, slots=True)
class PairFigures:
    """Two reviewers side by side: their answers over all checklists, and their text spans."""

    first: str
    second: str
    compared: int
    agreement: Figure
    cohen: Figure
    span_exact: Figure
    span_overlapping: Figure


@dataclass(frozen=True, slots=True)
class OrphanNote:
    """A note whose place is gone from this version of the case: listed, never counted."""

    reviewer: str
    note: Annotation


@dataclass(frozen=True, slots=True)
class AgreementReport:
    case_id: str
    case_title: str
    reviewers: tuple[str, ...]
    answers: tuple[int, ...]
    """Checklist answers each reviewer gave."""
    text_notes: tuple[int, ...]
    """Placed text notes (with a span) each reviewer wrote."""
    changed: tuple[str, ...]
    """Reviewers whose review was written against another version of the case (re-anchored)."""
    checklists: tuple[ChecklistFigures, ...]
    """One a checklist by id, then `ALL_CHECKLISTS` (none when nobody answered any item)."""
    span_exact: Figure
    span_overlapping: Figure
    pairs: tuple[PairFigures, ...]
    places: int
    disagreements: tuple[int, int, int]
    """Places where the reviewers disagree: in all, on checklist answers, on notes (a place may count in both)."""
    orphans: tuple[OrphanNote, ...]

    @property
    def several(self) -> bool:
        """Three reviewers or more: Fleiss' kappa and the pairs table instead of Cohen's kappa."""
        return len(self.reviewers) > 2


def _ratings(places: Sequence[AlignedPlace]) -> list[tuple[str | None, ...]]:
    return [tuple(entry.category for entry in place.by_reviewer) for place in places]


def checklist_figures(name: str, places: Sequence[AlignedPlace], scale: Sequence[str] | None) -> ChecklistFigures:
    """The figures of the answers at `places` (checklist items), every reviewer a column."""
    ratings = _ratings(places)
    two = len(ratings[0]) == 2 if ratings else False
    compared = sum(1 for row in ratings if None not in row)
    weighted: Figure | None = None
    if two:
        weighted = (
            weighted_kappa(ratings, scale)
            if scale is not None
            else Figure.undefined(compared, "the checklists compared have no one ordered scale")
        )
    return ChecklistFigures(
        checklist=name,
        items=len(ratings),
        compared=compared,
        agreement=percent_agreement(ratings),
        cohen=cohen_kappa(ratings) if two else None,
        weighted=weighted,
        fleiss=None if two else fleiss_kappa(ratings),
        alpha=krippendorff_alpha(ratings),
    )


def _spans(comparison: Comparison) -> list[list[Span]]:
    spans: list[list[Span]] = [[] for _ in comparison.reviewers]
    for place in comparison.places:
        if place.place.is_text_span:
            for index, entry in enumerate(place.by_reviewer):
                spans[index].extend((note.target_id, note.start or 0, note.end or 0) for note in entry.notes)
    return spans


def agreement_report(comparison: Comparison) -> AgreementReport:
    """Every figure of `comparison` (see the module docstring for which appear)."""
    items = [place for place in comparison.places if place.answer_key is not None]
    by_checklist: dict[str, list[AlignedPlace]] = {}
    for place in items:
        assert place.answer_key is not None
        by_checklist.setdefault(checklist_of(place.answer_key), []).append(place)
    figures = [checklist_figures(name, by_checklist[name], answer_scale(name)) for name in sorted(by_checklist)]
    if figures:
        scales = {answer_scale(name) for name in by_checklist}
        figures.append(checklist_figures(ALL_CHECKLISTS, items, scales.pop() if len(scales) == 1 else None))
    spans = _spans(comparison)
    pairs: list[PairFigures] = []
    for (i, first), (j, second) in combinations(enumerate(comparison.reviewers), 2):
        ratings = [(row[i], row[j]) for row in _ratings(items)]
        pairs.append(
            PairFigures(
                first,
                second,
                sum(1 for a, b in ratings if a is not None and b is not None),
                percent_agreement(ratings),
                cohen_kappa(ratings),
                span_f1(spans[i], spans[j], overlap=False),
                span_f1(spans[i], spans[j], overlap=True),
            )
        )
    return AgreementReport(
        case_id=comparison.case.id,
        case_title=comparison.case.title,
        reviewers=comparison.reviewers,
        answers=tuple(len(review.checklist) for review in comparison.reviews),
        text_notes=tuple(len(s) for s in spans),
        changed=tuple(name for name, changed in zip(comparison.reviewers, comparison.changed, strict=True) if changed),
        checklists=tuple(figures),
        span_exact=mean_figure((p.span_exact for p in pairs), empty_reason=NO_SPANS),
        span_overlapping=mean_figure((p.span_overlapping for p in pairs), empty_reason=NO_SPANS),
        pairs=tuple(pairs),
        places=len(comparison.places),
        disagreements=(
            len(comparison.disagreements()),
            sum(1 for place in comparison.places if place.answers_disagree),
            sum(1 for place in comparison.places if place.notes_disagree),
        ),
        orphans=tuple(OrphanNote(name, note) for name, note in comparison.orphan_notes()),
    )
