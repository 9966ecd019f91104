"""One agreement figure, or the reason there is none.

Chance-corrected statistics divide by the disagreement chance alone would produce. On
small or uniform data (every answer "yes", a single item, nothing answered twice) that
is zero and the statistic does not exist. NaN would print as "nan" and poison every
mean taken over it; an exception would stop a whole report over one checklist. So
every function in this package returns a `Figure`: a value, or None with a sentence
saying why, and always the number of items the figure rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Figure:
    """A statistic over `items` items: `value`, or None with `reason` saying why it cannot be computed.

    `reason` may also qualify a value that exists ("over 12 of the 14 items: ..."); renderers
    show it as a footnote either way.
    """

    value: float | None
    items: int
    reason: str = ""

    @property
    def defined(self) -> bool:
        return self.value is not None

    @classmethod
    def undefined(cls, items: int, reason: str) -> Figure:
        return cls(None, items, reason)

    @classmethod
    def ratio(cls, numerator: Fraction | int, denominator: Fraction | int, items: int, reason: str) -> Figure:
        """`numerator / denominator`, or undefined with `reason` when the denominator is zero.

        Callers compute both exactly (integers or fractions), so "zero" is exact: a float
        that merely came close to zero never turns into an enormous figure.
        """
        if denominator == 0:
            return cls.undefined(items, reason)
        return cls(float(Fraction(numerator) / Fraction(denominator)), items)


def mean_figure(figures: Iterable[Figure], *, empty_reason: str) -> Figure:
    """The mean of the defined figures (pairwise F1 over three reviewers, say); undefined when none is.

    `items` is the largest count among them: the mean rests on no more items than its largest part.
    """
    collected = list(figures)
    if len(collected) == 1:  # one pair: its own figure, reason and all
        return collected[0]
    values = [f.value for f in collected if f.value is not None]
    items = max((f.items for f in collected), default=0)
    if not values:
        reasons = sorted({f.reason for f in collected if f.reason})
        return Figure.undefined(items, "; ".join(reasons) or empty_reason)
    left_out = len(collected) - len(values)
    reason = f"mean of {len(values)} pairs; {left_out} undefined left out" if left_out else ""
    return Figure(sum(values) / len(values), items, reason)
