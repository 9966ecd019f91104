"""Krippendorff's alpha: agreement among any number of reviewers, missing answers allowed.

Alpha = 1 - D_o / D_e, observed over expected disagreement, computed from the
coincidence matrix: within each item, every ordered pair of answers from two different
reviewers adds 1 / (m_u - 1) to o_ck, where m_u is the number of answers the item has.
Items with fewer than two answers pair with nothing and are left out. With n_c the row
sums of o and n their total,

    alpha = 1 - (n - 1) * sum_ck o_ck d(c, k) / sum_ck n_c n_k d(c, k)

for a distance d: nominal (0 if equal, else 1), ordinal (how many answers lie between
the two, by their frequencies), interval (squared difference of numbers).

Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. Departmental papers
(ASC), University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 (sections
A-E give these definitions; section C the worked example the tests use).

As elsewhere in this package sums are exact fractions, and an undefined alpha (nothing
paired, or no variation at all among the answers) is `Figure(None, items, reason)`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from fractions import Fraction
from typing import Literal, TypeVar

from tui.agreement.figure import Figure

C = TypeVar("C", bound=Hashable)
Metric = Literal["nominal", "ordinal", "interval"]

NO_VARIATION = "every answer is the same, so there is no disagreement to expect and alpha is undefined"


def coincidences(ratings: Sequence[Sequence[C | None]]) -> tuple[dict[tuple[C, C], Fraction], int]:
    """The coincidence matrix o_ck (as fractions), and how many items had two answers or more."""
    matrix: defaultdict[tuple[C, C], Fraction] = defaultdict(Fraction)
    paired = 0
    for row in ratings:
        values = [value for value in row if value is not None]
        m = len(values)
        if m < 2:
            continue
        paired += 1
        weight = Fraction(1, m - 1)
        counts = Counter(values)
        for c, count_c in counts.items():
            for k, count_k in counts.items():
                pairs = count_c * (count_k - 1) if c == k else count_c * count_k
                if pairs:
                    matrix[(c, k)] += weight * pairs
    return dict(matrix), paired


def _number(value: object) -> Fraction:
    """An answer as an exact number, for the interval distance; a word has no interval."""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        raise TypeError(f"the interval metric needs numbers, not {value!r}")
    return Fraction(value)


def _ordinal_distances(order: Sequence[C], totals: dict[C, Fraction]) -> Callable[[C, C], Fraction]:
    """d(c, k) = (sum of n_g for g from c to k, minus (n_c + n_k) / 2) squared, by position in `order`."""
    position = {value: index for index, value in enumerate(order)}
    cumulative = [Fraction(0)]
    for value in order:
        cumulative.append(cumulative[-1] + totals.get(value, Fraction(0)))

    def distance(c: C, k: C) -> Fraction:
        low, high = sorted((position[c], position[k]))
        between = cumulative[high + 1] - cumulative[low]
        return (between - (totals[c] + totals[k]) / 2) ** 2

    return distance


def krippendorff_alpha(
    ratings: Sequence[Sequence[C | None]], metric: Metric = "nominal", *, scale: Sequence[C] | None = None
) -> Figure:
    """Krippendorff's alpha of the ratings (rows are items, columns reviewers, None a missing answer).

    `metric` "interval" needs numbers (int, float or Fraction); "ordinal" ranks the answers by
    `scale` (lowest first; by default the sorted values) and leaves out answers not on it, as
    weighted kappa does. `items` counts the items with at least two answers.
    """
    rows: Sequence[Sequence[C | None]] = ratings
    if metric == "ordinal" and scale is not None:
        on_scale = set(scale)
        rows = [[value if value in on_scale else None for value in row] for row in ratings]
    matrix, paired = coincidences(rows)
    if not matrix:
        return Figure.undefined(0, "no item was answered by two reviewers or more")
    totals: defaultdict[C, Fraction] = defaultdict(Fraction)
    for (c, _k), weight in matrix.items():
        totals[c] += weight
    n = sum(totals.values(), Fraction(0))
    distance: Callable[[C, C], Fraction]
    if metric == "nominal":

        def distance(c: C, k: C) -> Fraction:
            return Fraction(c != k)

    elif metric == "interval":

        def distance(c: C, k: C) -> Fraction:
            return (_number(c) - _number(k)) ** 2

    else:
        order = list(scale) if scale is not None else sorted(totals)  # type: ignore[type-var]
        distance = _ordinal_distances(order, totals)
    observed = sum((weight * distance(c, k) for (c, k), weight in matrix.items()), Fraction(0))
    expected = sum((totals[c] * totals[k] * distance(c, k) for c in totals for k in totals), Fraction(0))
    if expected == 0:
        return Figure.undefined(paired, NO_VARIATION)
    return Figure(float(1 - (n - 1) * observed / expected), paired)
