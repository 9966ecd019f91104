"""How wide each table column is drawn: its content's width, shrunk to fit the screen.

A table whose columns are as wide as their content runs off the right edge at ordinary
widths (the medication table's Stop and Response columns were off screen even at 140
columns). Shrinking only the widest columns, to a common cap, keeps every narrow column
whole and spreads the loss over the long free-text ones, whose cells the detail box
under the table shows whole.
"""

from __future__ import annotations

from collections.abc import Sequence


def fit_widths(natural: Sequence[int], floors: Sequence[int], available: int) -> list[int]:
    """Widths no wider than `natural`, no narrower than `floors`, summing to at most `available`.

    The widest columns are capped at one common width, the largest that fits; cells left
    over go one each to the capped columns, left to right. When even the floors do not fit,
    the floors are the answer (the table scrolls sideways).
    """
    natural = list(natural)
    floors = [min(floor, width) for floor, width in zip(floors, natural, strict=True)]
    if sum(natural) <= available:
        return natural
    if sum(floors) >= available:
        return floors

    def total(cap: int) -> int:
        return sum(min(width, max(cap, floor)) for width, floor in zip(natural, floors, strict=True))

    low, high = 0, max(natural)
    while low < high:
        middle = (low + high + 1) // 2
        if total(middle) <= available:
            low = middle
        else:
            high = middle - 1
    widths = [min(width, max(low, floor)) for width, floor in zip(natural, floors, strict=True)]
    spare = available - sum(widths)
    for index, width in enumerate(widths):
        if spare <= 0:
            break
        if width < natural[index]:
            widths[index] += 1
            spare -= 1
    return widths
