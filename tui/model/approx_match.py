"""Approximate matching of a pattern in a text with a bounded number of errors (edits).

Myers' bit-parallel algorithm (1999): one column of the edit-distance table is kept as bit
vectors, so each text character costs a dozen operations on integers of `len(pattern)` bits,
whatever the error budget. Python's integers are arbitrary precision, so a pattern of any
length is one "word": the cost per character grows only with the pattern's length in machine
words. Re-anchoring uses it to find a quote whose words changed a little, and to score how well
the text beside a match still reads like the stored prefix and suffix.

All functions here are pure and work on `[lo, hi)` slices of the text given, so the caller
bounds the work by the windows it asks about.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat


@dataclass(frozen=True, slots=True)
class Masks:
    """A pattern's per-character bit masks (bit i set where pattern[i] is that character)."""

    length: int
    by_char: dict[str, int]

    @property
    def full(self) -> int:
        return (1 << self.length) - 1


@lru_cache(maxsize=256)
def masks_of(pattern: str) -> Masks:
    """The masks of `pattern` (kept for the patterns matched most recently: prefixes repeat)."""
    by_char: dict[str, int] = {}
    for index, char in enumerate(pattern):
        by_char[char] = by_char.get(char, 0) | (1 << index)
    return Masks(len(pattern), by_char)


def error_column(pattern: str, text: str, lo: int, hi: int, *, anchored: bool) -> list[int]:
    """The errors of the best alignment of the whole `pattern` ending at each position of `text[lo:hi]`.

    Entry j is the fewest edits turning `pattern` into some `text[s : lo + j + 1]`; with
    `anchored`, `s` must be `lo` (the match starts exactly at `lo`), else any `s >= lo`.
    """
    masks = masks_of(pattern)
    full, high = masks.full, 1 << (masks.length - 1)
    pv, mv, score = full, 0, masks.length
    carry = 1 if anchored else 0
    column: list[int] = []
    append = column.append
    # Each character's mask looked up once, in C, before the loop.
    for eq in map(masks.by_char.get, text[lo:hi], repeat(0)):
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (full ^ (xh | pv))
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & full
        mh = (mh << 1) & full
        pv = mh | (full ^ (xv | ph))
        mv = ph & xv
        append(score)
    return column


def best_errors(pattern: str, text: str) -> int:
    """The fewest edits that turn `pattern` into some part of `text` (len(pattern) when text is empty)."""
    if not pattern:
        return 0
    return min(error_column(pattern, text, 0, len(text), anchored=False), default=len(pattern))


def match_ends(pattern: str, text: str, lo: int, hi: int, max_errors: int) -> list[tuple[int, int]]:
    """(end, errors) of the matches of `pattern` in `text[lo:hi]` with at most `max_errors` errors.

    Of a run of adjacent ends within budget (one match seen a character shorter or longer),
    only the end with the fewest errors is kept: one candidate a place, not one a character.
    The loop is `error_column`'s, with the budget checked inline: this is where re-anchoring
    spends its time.
    """
    if not pattern or hi <= lo:
        return []
    masks = masks_of(pattern)
    full, high = masks.full, 1 << (masks.length - 1)
    pv, mv, score = full, 0, masks.length
    found: list[tuple[int, int]] = []
    run_end, run_errors = -1, max_errors + 1
    position = lo
    for eq in map(masks.by_char.get, text[lo:hi], repeat(0)):
        position += 1
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (full ^ (xh | pv))
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) & full
        mh = (mh << 1) & full
        pv = mh | (full ^ (xv | ph))
        mv = ph & xv
        if score <= max_errors:
            if score < run_errors:
                run_end, run_errors = position, score
        elif run_end != -1:
            found.append((run_end, run_errors))
            run_end, run_errors = -1, max_errors + 1
    if run_end != -1:
        found.append((run_end, run_errors))
    return found


def match_start(pattern: str, text: str, end: int, lo: int) -> tuple[int, int]:
    """(start, errors) of the best alignment of `pattern` ending exactly at `end`, starting at or after `lo`.

    The pattern and the text before `end` are read backwards, anchored at `end`; of equally good
    starts, the one giving a match nearest the pattern's own length wins.
    """
    reversed_text = text[lo:end][::-1]
    column = error_column(pattern[::-1], reversed_text, 0, len(reversed_text), anchored=True)
    best_length, best_errors_found = 0, len(pattern)
    for offset, errors in enumerate(column):
        length = offset + 1
        if errors < best_errors_found or (
            errors == best_errors_found and abs(length - len(pattern)) < abs(best_length - len(pattern))
        ):
            best_length, best_errors_found = length, errors
    return end - best_length, best_errors_found


def could_match(pattern: str, text: str, lo: int, hi: int, max_errors: int) -> bool:
    """False only when no part of `text[lo:hi]` is within `max_errors` edits of `pattern`.

    A cheap filter for long patterns: split into `max_errors + 1` pieces, at least one piece
    of any match within budget survives unedited, so a text that holds none of them holds no
    match. For short pieces (most patterns) it proves nothing and answers True.
    """
    pieces = max_errors + 1
    size = len(pattern) // pieces
    if size < 8:
        return True
    return any(text.find(pattern[i * size : (i + 1) * size], lo, hi) != -1 for i in range(pieces))
