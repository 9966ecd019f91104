"""The legend grid: equal columns that fit the width, row by row, and a height known without drawing."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size

from tui.widgets.text_grid import GAP, TextGrid, columns_for, grid_lines


def _entries(count: int) -> list[Text]:
    return [Text(f"{number:>3} drug {number}") for number in range(1, count + 1)]


def test_as_many_columns_as_fit_and_every_entry_once_in_order() -> None:
    entries = _entries(25)
    lines = grid_lines(entries, 60)
    widest = max(cell_len(e.plain) for e in entries)
    per_row = columns_for(widest, 60)
    assert per_row == (60 + GAP) // (widest + GAP)
    assert len(lines) == -(-25 // per_row)
    assert all(cell_len(line.plain) <= 60 for line in lines)
    words = " ".join(line.plain for line in lines).split()
    assert [w for w in words if w.isdigit()][::2] == [str(n) for n in range(1, 26)]


def test_one_column_when_the_widest_entry_is_wider_than_the_width_and_it_is_cut() -> None:
    lines = grid_lines([Text("a" * 50), Text("b")], 20)
    assert len(lines) == 2
    assert lines[0].plain.endswith("…") and cell_len(lines[0].plain) == 20


def test_the_height_for_a_width_is_the_number_of_rows() -> None:
    grid = TextGrid(_entries(1000))
    for width in (20, 57, 80, 140):
        assert grid.get_content_height(Size(width, 10), Size(width, 10), width) == len(
            grid_lines(_entries(1000), width)
        )
    assert TextGrid([]).get_content_height(Size(40, 10), Size(40, 10), 40) == 0
