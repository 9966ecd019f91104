"""Columns narrowed to fit: the widest give way first, narrow ones stay whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.widgets.column_fit import fit_widths


def test_columns_that_fit_keep_their_content_width() -> None:
    assert fit_widths([3, 10, 20], [3, 4, 4], 40) == [3, 10, 20]


def test_the_widest_columns_are_capped_to_one_width_and_the_narrow_ones_stay_whole() -> None:
    widths = fit_widths([3, 8, 40, 30], [3, 4, 4, 4], 50)
    assert sum(widths) == 50
    assert widths[:2] == [3, 8]
    assert abs(widths[2] - widths[3]) <= 1


def test_when_even_the_floors_do_not_fit_the_floors_are_kept() -> None:
    assert fit_widths([10, 10, 10], [6, 6, 6], 12) == [6, 6, 6]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)), min_size=1, max_size=12),
    st.integers(0, 300),
)
def test_widths_stay_between_floor_and_content_and_fit_when_they_can(
    columns: list[tuple[int, int]], available: int
) -> None:
    natural = [width for width, _floor in columns]
    floors = [floor for _width, floor in columns]
    widths = fit_widths(natural, floors, available)
    for width, content, floor in zip(widths, natural, floors, strict=True):
        assert min(floor, content) <= width <= content
    if sum(min(floor, content) for content, floor in columns) <= available:
        assert sum(widths) <= available
