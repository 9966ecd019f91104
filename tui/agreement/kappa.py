"""Percent agreement, Cohen's kappa (plain and linearly weighted) and Fleiss' kappa.

Every function takes ratings as a table: one row per item, one column per reviewer, a
category (any hashable value: our answers are strings) or None where that reviewer gave
no answer. Kappas compare the agreement observed with the agreement chance would give
from each reviewer's own mix of answers: 1 is perfect, 0 no better than chance.

Sums are kept in integers and fractions, so a denominator is zero exactly when the
statistic is undefined (every answer in one category), never by rounding. Undefined
figures come back as `Figure(None, items, reason)`; see `figure.py`.

Definitions:
- Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
  Psychological Measurement 20(1), 37-46. Over the items both reviewers answered.
- Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70(4), 213-220; linear
  (Cicchetti-Allison) agreement weights 1 - |i - j| / (k - 1) over an ordered scale of k
  answers, as SAS PROC FREQ reports by default.
- Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
  Psychological Bulletin 76(5), 378-382. It needs the same number of ratings per item, so
  it is taken over the items every reviewer answered; Krippendorff's alpha (`alpha.py`)
  is the figure that allows missing answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from fractions import Fraction
from typing import TypeVar

from tui.agreement.figure import Figure

C = TypeVar("C", bound=Hashable)
Ratings = Sequence[Sequence[C | None]]

ONE_CATEGORY = "every answer is the same, so chance alone would agree completely and kappa is undefined"
NOTHING_IN_COMMON = "no item was answered by every reviewer compared"


def complete_rows(ratings: Ratings[C]) -> list[tuple[C, ...]]:
    """The items every reviewer answered: what percent agreement, Cohen's and Fleiss' kappa compare."""
    return [tuple(value for value in row if value is not None) for row in ratings if None not in row]


def percent_agreement(ratings: Ratings[C]) -> Figure:
    """The share of items, among those every reviewer answered, on which they all gave the same answer.

    With two reviewers this is the usual observed agreement; with more it asks for unanimity
    (the same rule as "agreed item" in the alignment), which is stricter than a pairwise mean.
    """
    rows = complete_rows(ratings)
    agreed = sum(1 for row in rows if len(set(row)) == 1)
    return Figure.ratio(agreed, len(rows), len(rows), NOTHING_IN_COMMON)


def _two_columns(ratings: Ratings[C]) -> list[tuple[C, C]]:
    pairs: list[tuple[C, C]] = []
    for row in ratings:
        if len(row) != 2:
            raise ValueError(f"Cohen's kappa compares two reviewers; a row has {len(row)} ratings")
        first, second = row
        if first is not None and second is not None:
            pairs.append((first, second))
    return pairs


def cohen_kappa(ratings: Ratings[C]) -> Figure:
    """Cohen's kappa of two reviewers over the items both answered.

    kappa = (n * agreed - sum r_c * c_c) / (n^2 - sum r_c * c_c), where r_c and c_c count
    each reviewer's answers of category c: the usual (p_o - p_e) / (1 - p_e) times n^2/n^2.
    Undefined (None) when no item was answered by both, or when both reviewers used one and the
    same category throughout (chance agreement is then 1).
    """
    pairs = _two_columns(ratings)
    n = len(pairs)
    if n == 0:
        return Figure.undefined(0, "no item was answered by both reviewers")
    agreed = sum(1 for first, second in pairs if first == second)
    rows = Counter(first for first, _ in pairs)
    columns = Counter(second for _, second in pairs)
    chance = sum(rows[category] * columns[category] for category in rows)
    return Figure.ratio(n * agreed - chance, n * n - chance, n, ONE_CATEGORY)


def weighted_kappa(ratings: Ratings[C], scale: Sequence[C]) -> Figure:
    """Cohen's kappa with linear agreement weights over the ordered `scale` (lowest first).

    Answering "partly" where the other said "yes" then counts half an agreement on a
    three-step scale, "no" against "yes" none. Only items both reviewers answered on the
    scale count; an answer off the scale ("unclear", "na") has no distance to the others,
    so such items are left out and `reason` says how many remain. Weights are scaled by
    (k - 1) to stay integers: w_ij = (k - 1) - |i - j|.
    """
    rank = {category: index for index, category in enumerate(scale)}
    pairs = _two_columns(ratings)
    on_scale = [(rank[a], rank[b]) for a, b in pairs if a in rank and b in rank]
    n, steps = len(on_scale), len(scale) - 1
    note = f"over the {n} of {len(pairs)} items both answered on the scale {' < '.join(map(str, scale))}"
    if n == 0:
        return Figure.undefined(0, f"no item was answered on the scale {' < '.join(map(str, scale))} by both")
    if steps < 1:
        return Figure.undefined(n, "a scale of one answer has no distances to weigh")
    observed = sum(steps - abs(i - j) for i, j in on_scale)
    rows = Counter(i for i, _ in on_scale)
    columns = Counter(j for _, j in on_scale)
    chance = sum((steps - abs(i - j)) * rows[i] * columns[j] for i in rows for j in columns)
    figure = Figure.ratio(n * observed - chance, steps * n * n - chance, n, ONE_CATEGORY)
    if figure.value is not None and n != len(pairs):
        return Figure(figure.value, n, note)
    return figure


def fleiss_kappa(ratings: Ratings[C]) -> Figure:
    """Fleiss' kappa over the items every reviewer answered.

    For N items rated by m reviewers each, with n_ij the number of ratings of item i in
    category j: P_i = (sum_j n_ij^2 - m) / (m (m - 1)), P = mean P_i, p_j = sum_i n_ij / (N m),
    P_e = sum_j p_j^2, kappa = (P - P_e) / (1 - P_e). Undefined with fewer than two
    reviewers, no complete item, or every rating in one category.
    """
    rows = complete_rows(ratings)
    if not rows:
        return Figure.undefined(0, NOTHING_IN_COMMON)
    m = len(rows[0])
    if m < 2:
        return Figure.undefined(len(rows), "Fleiss' kappa needs at least two reviewers")
    n_items = len(rows)
    totals: Counter[C] = Counter()
    agreement = Fraction(0)
    for row in rows:
        counts = Counter(row)
        totals.update(counts)
        agreement += Fraction(sum(c * c for c in counts.values()) - m, m * (m - 1))
    observed = agreement / n_items
    chance = sum((Fraction(total, n_items * m) ** 2 for total in totals.values()), Fraction(0))
    return Figure.ratio(observed - chance, 1 - chance, n_items, ONE_CATEGORY)
