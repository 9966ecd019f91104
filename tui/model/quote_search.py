"""Finding a stored quote again in a new version of a section's text.

The method is the one web annotation clients use (the Hypothesis client's `matchQuote`):
exact occurrences of the quote first; only when there is none, approximate matches with at
most `min(256, len(quote) // 2)` errors. Every candidate is scored on how well the quote
(weight 50), the text before it against the stored prefix (20), the text after it against the
stored suffix (20) and its nearness to where the note was (2) agree, and the best one wins.

Two things differ, both for a reviewer's sake:
- an approximate match is accepted only when its score reaches `ACCEPT_SCORE`: a note whose
  sentence was deleted must become an orphan, not settle on some other sentence that happens
  to share half its letters;
- the search is bounded: it starts in a window around where the note is expected (its old
  offset moved by how far its neighbours moved, and where its prefix or suffix now stands)
  and widens four-fold at a time up to `WIDEST_RADIUS`, not over the whole text: the exact
  search covers the whole text, and so do the prefix and suffix that aim the approximate one;
  approximate search spends from a `SearchBudget` shared by one re-anchoring, so a hostile
  review answers in seconds, whatever its size.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.approx_match import best_errors, could_match, match_ends, match_start

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
MAX_ERRORS = 256
ACCEPT_SCORE = 0.7
"""The lowest score an approximate match is accepted at. A word changed in a sentence scores
above 0.9 (its context is intact); words found elsewhere by chance score about 0.5."""
ACCEPT_CONTEXT = 0.6
"""The lowest context score (mean of prefix and suffix) an approximate match is accepted at: a
short phrase from a deleted sentence is often found nearly word for word elsewhere, but not
between the same words."""
MARGIN = 64
"""Characters searched beyond where a match could reach, either side of a window."""
WIDEN = 4
EXACT_CANDIDATES = 1_000
"""Exact occurrences looked at, at most, for one quote (a hostile text repeats a quote everywhere)."""
SCORED_CANDIDATES = 8
"""Candidates scored in full for one quote (the context scores cost an approximate match each)."""
FUZZY_BUDGET = 3_000_000
"""Work units (characters searched, weighted by the quote's length) of approximate search in one
re-anchoring: a few seconds at most. Past it, only exact matches are looked for."""
EXACT_COST_SHARE = 256
OCCURRENCE_COST = 4
"""Budget units an exact occurrence costs to look at (about what 4 characters of approximate search cost)."""
WIDEST_RADIUS = 4_096
"""How far either side of the expected place approximate search widens to, at most (or eight times
the quote's reach, for a long quote). Words moved further *and* edited are still found when the
words either side of them (prefix or suffix) moved with them: those are looked for in the whole
text, exactly, and aim a search of their own."""


class SearchBudget:
    """What approximate search may still spend in one re-anchoring (see `FUZZY_BUDGET`)."""

    def __init__(self, units: int = FUZZY_BUDGET) -> None:
        self.left = units

    def spend(self, characters: int, pattern_length: int) -> bool:
        """Take the cost of searching `characters` for a pattern; False (nothing taken) when it is not there."""
        cost = max(0, characters) * (1 + pattern_length // 2_000)
        if cost > self.left:
            return False
        self.left -= cost
        return True


@dataclass(frozen=True, slots=True)
class Selector:
    """What a note stored of its words (W3C TextQuoteSelector), and where they are expected now."""

    quote: str
    prefix: str
    suffix: str
    hint: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote stands now; `errors` is 0 for the exact words, else how many edits they took."""

    start: int
    end: int
    errors: int
    score: float
    context: float
    """How well the text either side still reads as the stored prefix and suffix (0 to 1)."""

    @property
    def moved(self) -> bool:
        """Whether the words themselves changed (found by approximate match)."""
        return self.errors > 0


def _context_score(seen: str, expected: str) -> float:
    if seen == expected:
        return 1.0
    if not seen:
        return 0.0
    return 1.0 - best_errors(expected, seen) / len(expected)


def match_score(text: str, selector: Selector, start: int, end: int, errors: int) -> tuple[float, float]:
    """A candidate's score between 0 and 1 (1: the exact quote, in its exact context, where it was),
    and its context's score alone."""
    quote, prefix, suffix, hint = selector.quote, selector.prefix, selector.suffix, selector.hint
    quote_score = 1.0 - errors / len(quote)
    prefix_score = _context_score(text[max(0, start - len(prefix)) : start], prefix) if prefix else 1.0
    suffix_score = _context_score(text[end : end + len(suffix)], suffix) if suffix else 1.0
    position_score = 1.0 - abs(start - hint) / max(1, len(text))
    raw = (
        QUOTE_WEIGHT * quote_score
        + PREFIX_WEIGHT * prefix_score
        + SUFFIX_WEIGHT * suffix_score
        + POSITION_WEIGHT * position_score
    )
    context = (prefix_score + suffix_score) / 2
    return raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT), context


def find_quote(text: str, selector: Selector, budget: SearchBudget | None = None) -> Anchor | None:
    """Where the selector's quote stands in `text` now, expected near its hint; None when its words are gone."""
    if not selector.quote:
        return None
    hint = max(0, min(selector.hint, len(text)))
    if hint != selector.hint:
        selector = Selector(selector.quote, selector.prefix, selector.suffix, hint)
    budget = budget if budget is not None else SearchBudget()
    exact = _exact(text, selector, budget)
    if exact is not None:
        return exact
    return _fuzzy(text, selector, budget)


def _exact(text: str, selector: Selector, budget: SearchBudget) -> Anchor | None:
    """The best exact occurrence, looked for outwards from the hint until one sits in its whole context.

    Occurrences looked at and candidates scored are paid from the budget (a hostile text repeats a
    short quote everywhere): once it is spent, the nearest occurrences are taken as they come."""
    quote, prefix, suffix, hint = selector.quote, selector.prefix, selector.suffix, selector.hint
    size = len(quote)
    last_start = len(text) - size
    if last_start < 0:
        return None
    found: list[tuple[int, int, int]] = []  # (-context parts equal, distance, start)
    done_lo = done_hi = min(hint, last_start)  # starts in [done_lo, done_hi) are searched
    radius = size + MARGIN
    while True:
        before = len(found)
        lo, hi = max(0, hint - radius), min(last_start + 1, hint + radius)
        for strip_lo, strip_hi in ((lo, done_lo), (done_hi, hi)):
            position = text.find(quote, strip_lo, strip_hi + size - 1) if strip_hi > strip_lo else -1
            while position != -1 and len(found) < EXACT_CANDIDATES:
                equal = (not prefix or text[max(0, position - len(prefix)) : position] == prefix) + (
                    not suffix or text[position + size : position + size + len(suffix)] == suffix
                )
                found.append((-equal, abs(position - hint), position))
                position = text.find(quote, position + 1, strip_hi + size - 1)
        done_lo, done_hi = min(done_lo, lo), max(done_hi, hi)
        whole = done_lo == 0 and done_hi >= last_start + 1
        paid = budget.spend(OCCURRENCE_COST * (len(found) - before), 0)
        if whole or not paid or len(found) >= EXACT_CANDIDATES or (found and min(found)[0] == -2):
            break
        radius *= WIDEN
    if not found:
        return None
    found.sort()
    # A candidate in its whole context scores without an approximate match; the others pay for theirs.
    fuzzy_context = sum(1 for equal, _distance, _start in found[:SCORED_CANDIDATES] if equal > -2)
    paid = budget.spend(fuzzy_context * (len(prefix) + len(suffix)), 0)
    best: Anchor | None = None
    for _equal, _distance, start in found[: SCORED_CANDIDATES if paid else 1]:
        score, context = match_score(text, selector, start, start + size, 0)
        if best is None or score > best.score:
            best = Anchor(start, start + size, 0, score, context)
    return best


def _fuzzy(text: str, selector: Selector, budget: SearchBudget) -> Anchor | None:
    """The best approximate match, in windows around the expected places, widening until one is good enough."""
    quote, hint = selector.quote, selector.hint
    max_errors = min(MAX_ERRORS, len(quote) // 2)
    if max_errors == 0:
        return None
    reach = len(quote) + max_errors + MARGIN
    best: Anchor | None = None
    searched: list[tuple[int, int]] = []
    for centre in _hints(text, selector, budget):
        window = (max(0, centre - max_errors - MARGIN), min(len(text), centre + reach))
        if not budget.spend(window[1] - window[0], len(quote)):
            return None
        best = _better(best, _search(text, selector, window, max_errors=max_errors, budget=budget, searched=searched))
    # Then outwards from the expected place, each ring searched once: a match ending in the new
    # ring starts at most len(quote) + max_errors before its end, so each ring reaches that far back in.
    overlap = len(quote) + max_errors
    done = (max(0, hint - reach), min(len(text), hint + reach))
    radius = reach
    widest = max(WIDEST_RADIUS, 8 * reach)
    while not _acceptable(best) and done != (0, len(text)) and radius < widest:
        radius = min(radius * WIDEN, widest)
        lo, hi = max(0, hint - radius), min(len(text), hint + radius)
        rings = []
        if lo < done[0]:
            rings.append((lo, min(len(text), done[0] + overlap)))
        if hi > done[1]:
            rings.append((max(0, done[1] - overlap), hi))
        if not budget.spend(sum(b - a for a, b in rings), len(quote)):
            break
        for ring in rings:
            best = _better(best, _search(text, selector, ring, max_errors=max_errors, budget=budget, searched=searched))
        done = (lo, hi)
    return best if _acceptable(best) else None


def _acceptable(found: Anchor | None) -> bool:
    return found is not None and found.score >= ACCEPT_SCORE and found.context >= ACCEPT_CONTEXT


def _better(best: Anchor | None, found: Anchor | None) -> Anchor | None:
    if found is None:
        return best
    return found if best is None or found.score > best.score else best


def _hints(text: str, selector: Selector, budget: SearchBudget) -> list[int]:
    """Where the quote probably starts: the expected place, then where its prefix ends or its suffix begins.

    The prefix and suffix are looked for in the whole text while the budget pays for it (an exact
    search costs about `EXACT_COST_SHARE` of an approximate one a character), else near the place.
    """
    quote, prefix, suffix, hint = selector.quote, selector.prefix, selector.suffix, selector.hint
    centres = [hint]
    for context, shift in ((prefix, len(prefix)), (suffix, -len(quote))):
        if len(context) < 8:
            continue
        whole = budget.spend(len(text) // EXACT_COST_SHARE, 0)
        lo, hi = (0, len(text)) if whole else (max(0, hint - WIDEST_RADIUS), hint + WIDEST_RADIUS)
        before = text.rfind(context, lo, hint + len(context))
        after = text.find(context, hint, hi)
        nearest = min((p for p in (before, after) if p != -1), key=lambda p: abs(p - hint), default=-1)
        if nearest != -1 and all(abs(nearest + shift - c) > MARGIN for c in centres):
            centres.append(nearest + shift)
    return centres


WORD_SNAP = 32
"""Characters a fuzzy match's edge may move to reach the edge of a word."""


def _whole_words(text: str, selector: Selector, start: int, end: int) -> tuple[int, int]:
    """A fuzzy match widened to whole words where the quote began or ended at a word's edge.

    The fewest edits can start a match inside a word ("Next" edited to "Then" aligns best
    with "hen"); a reviewer who annotated whole words expects whole words back.
    """
    quote, prefix, suffix = selector.quote, selector.prefix, selector.suffix
    if quote[0].isalnum() and not (prefix and prefix[-1].isalnum()):
        floor = max(0, start - WORD_SNAP)
        while start > floor and text[start - 1].isalnum():
            start -= 1
    if quote[-1].isalnum() and not (suffix and suffix[0].isalnum()):
        ceiling = min(len(text), end + WORD_SNAP)
        while end < ceiling and text[end].isalnum():
            end += 1
    return start, end


def _search(
    text: str,
    selector: Selector,
    window: tuple[int, int],
    *,
    max_errors: int,
    budget: SearchBudget,
    searched: list[tuple[int, int]],
) -> Anchor | None:
    """The best-scoring approximate match ending inside `window` (its search already paid for)."""
    quote, hint = selector.quote, selector.hint
    lo, hi = window
    if any(done_lo <= lo and hi <= done_hi for done_lo, done_hi in searched):
        return None
    searched.append(window)
    if not could_match(quote, text, lo, hi, max_errors):
        return None
    ends = match_ends(quote, text, lo, hi, max_errors)
    ends.sort(key=lambda item: (item[1], abs(item[0] - len(quote) - hint)))
    best: Anchor | None = None
    for end, _errors in ends[:SCORED_CANDIDATES]:
        if not budget.spend(len(quote) + max_errors, len(quote)):
            break
        start, errors = match_start(quote, text, end, max(0, end - len(quote) - max_errors))
        first, last = _whole_words(text, selector, start, end)
        score, context = match_score(text, selector, first, last, errors)
        if best is None or score > best.score:
            best = Anchor(first, last, errors, score, context)
    return best
