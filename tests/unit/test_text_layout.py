"""Wrapping with offsets: the same lines as the plain greedy rule, found in one pass."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.text_layout import ReaderRows, wrap_spans


def _reference(line: str, width: int) -> list[tuple[int, int]]:
    """The greedy rule as first written: measure the line so far again at every step (quadratic, plain)."""
    breaks = [0]
    line_start = 0
    for match in re.finditer(r"\S+", line):
        word_start, word_end = match.span()
        if word_start > line_start and cell_len(line[line_start:word_end]) > width:
            breaks.append(word_start)
            line_start = word_start
        while cell_len(line[line_start:word_end]) > width:
            cells, cut = 0, len(line)
            for index in range(line_start, len(line)):
                cells += cell_len(line[index])
                if cells > width:
                    cut = max(index, line_start + 1)
                    break
            breaks.append(cut)
            line_start = cut
    breaks.append(len(line))
    return list(itertools.pairwise(breaks)) or [(0, 0)]


WORDS = st.text(alphabet=st.sampled_from("ab μ界 \t-.,"), min_size=0, max_size=60)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=8), st.integers(1, 30))
def test_same_lines_as_the_plain_rule(lines: list[str], width: int) -> None:
    text = "\n".join(lines)
    offset, expected = 0, []
    for line in text.split("\n"):
        expected.extend((offset + a, offset + b) for a, b in _reference(line, width))
        offset += len(line) + 1
    assert wrap_spans(text, width) == expected


def test_every_character_is_on_exactly_one_line() -> None:
    text = "word " * 50 + "x" * 333 + "\n\n" + "界" * 77
    spans = wrap_spans(text, 17)
    covered = [i for start, end in spans for i in range(start, end)]
    assert covered == [i for i, c in enumerate(text) if c != "\n"]
    assert all(cell_len(text[start:end].rstrip()) <= 17 for start, end in spans)


def test_a_long_word_is_measured_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Counted in characters measured, not seconds: each character of a 20,000-character word once.

    The first wrap measured the rest of the word again at every cut: about 2,5 million
    characters for this word, and most of a minute for a one-megabyte one.
    """
    import tui.widgets.text_layout as layout

    measured = 0

    def counting_cell_len(text: str) -> int:
        nonlocal measured
        measured += len(text)
        return cell_len(text)

    def counting_cell_size(character: str) -> int:
        nonlocal measured
        measured += 1
        return cell_len(character)

    monkeypatch.setattr(layout, "cell_len", counting_cell_len)
    monkeypatch.setattr(layout, "get_character_cell_size", counting_cell_size)
    word = "μ" * 20_000  # not ASCII, so every measure goes through the counters
    spans = wrap_spans(word, 80)
    assert len(spans) == 250
    assert measured <= 3 * len(word)


def test_rows_find_the_line_of_any_offset() -> None:
    rows = ReaderRows("A title", "one two three four five six seven", 10)
    assert rows.row(0)[0] == "title"
    for offset in range(len("one two three four five six seven")):
        kind, start, end = rows.row(rows.row_of_offset(offset))
        assert kind == "text" and start <= offset < max(end, start + 1)
