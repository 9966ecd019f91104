"""Re-anchoring at scale: a review of many notes placed again on an edited version of the large case.

    python benchmarks/reanchor.py [--quick]     # these rows alone

The edits are those a corrected case record gets: a sentence inserted at the head of every
section (every note shifts), one word changed in one sentence of ten (notes there are found
moved) and one sentence of fifty deleted (notes wholly inside become orphans). The hostile rows:
one 20,000-character quote in a text of thirty near copies of it; 10,000 quotes none of which
is in the text (the approximate search's budget is what bounds it).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import WORDS, review_of, write_large_case
from measure import Row, median_seconds

from tui.model import CaseRecord
from tui.model.anchoring import reanchor
from tui.model.review import Review
from tui.model.text_spans import sentence_spans
from tui.store import read_case


def edited_text(text: str, rng: random.Random) -> str:
    """`text` with a sentence put before it, a word changed in one sentence of ten, one of fifty deleted."""
    pieces = ["An added sentence moves every later word."]
    position = 0
    for start, end in sentence_spans(text):
        pieces.append(text[position:start])
        sentence = text[start:end]
        roll = rng.random()
        if roll < 0.02:
            sentence = ""
        elif roll < 0.12:
            words = sentence.split(" ")
            index = rng.randrange(len(words))
            words[index] = rng.choice(WORDS) + ("." if words[index].endswith(".") else "")
            sentence = " ".join(words)
        pieces.append(sentence)
        position = end
    pieces.append(text[position:])
    return " ".join(pieces[:1]) + " " + "".join(pieces[1:])


def edited_case(case: CaseRecord, seed: int = 5) -> CaseRecord:
    """The case with every section edited as `edited_text` says (rows untouched: re-anchoring reads only text)."""
    rng = random.Random(seed)
    sections = [section.model_copy(update={"text": edited_text(section.text, rng)}) for section in case.sections]
    return case.model_copy(update={"sections": sections})


def _outcome(case: CaseRecord, review: Review) -> str:
    """How many text notes were found moved (words edited) and orphaned: what the figure is of."""
    placed, orphans = reanchor(case, review)
    spans = [a for a in placed.annotations if a.start is not None and a.id not in orphans]
    moved = sum(1 for a in spans if case.section(a.target_id).text[a.start : a.end] != a.quote)  # type: ignore[union-attr]
    total = sum(1 for a in review.annotations if a.start is not None)
    return f"{moved} moved, {len(orphans)} orphans of {total}"


def hostile_seconds() -> float:
    """One huge quote among thirty near copies of itself, its old place far from any of them."""
    from tui.model.quote_search import Selector, find_quote

    quote = "".join(chr(ord("a") + (i * 7919) % 26) for i in range(20_000))
    text = " ".join(quote[:i] + "#" + quote[i + 1 :] for i in range(0, 30 * 600, 600))
    started = time.perf_counter()
    find_quote(text, Selector(quote, "", "", hint=len(text) // 2))
    return time.perf_counter() - started


def unfound_seconds(notes: int = 10_000) -> float:
    """`notes` quotes none of which is in a 200,000-character text: every one searched for until the
    shared budget of one re-anchoring is spent (the worst a review can ask)."""
    from tui.model.quote_search import SearchBudget, Selector, find_quote

    rng = random.Random(7)
    text = "".join(rng.choice("abcdefghij ") for _ in range(200_000))
    quotes = ["".join(rng.choice("klmnopqrst ") for _ in range(60)) for _ in range(notes)]
    budget = SearchBudget()
    started = time.perf_counter()
    for index, quote in enumerate(quotes):
        find_quote(text, Selector(quote, "", "", hint=(index * 20) % len(text)), budget)
    return time.perf_counter() - started


def reanchor_rows(large: Path, runs: int = 3) -> tuple[list[Row], list[str]]:
    case = read_case(large)
    changed = edited_case(case)
    review_10k = review_of(case, large, 10_000)
    review_5k = review_of(case, large, 5_000)
    unchanged = median_seconds(lambda: reanchor(case, review_10k), runs)
    full = median_seconds(lambda: reanchor(changed, review_10k), runs)
    half = median_seconds(lambda: reanchor(changed, review_5k), runs)
    outcome = _outcome(changed, review_10k)
    rows = [
        Row("re-anchor 10k notes, case unchanged", unchanged, " s", 0.5),
        Row("re-anchor 10k notes after edits to the large case", full, " s", 2.5, outcome.split(" of ")[0]),
        Row("re-anchor a 20,000-char quote among near copies", hostile_seconds(), " s", 2.0),
        Row("re-anchor 10k notes none of which is found", unfound_seconds(), " s", 4.0, "bounded by SearchBudget"),
    ]
    growth = [f"re-anchor        5k {half:.3f} s  10k {full:.3f} s  ratio {full / half:.2f}"]
    return rows, growth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        large = write_large_case(Path(name))
        case = read_case(large)
        print(_outcome(edited_case(case), review_of(case, large, 10_000)))
        rows, growth = reanchor_rows(large, 1 if options.quick else 3)
    for row in rows:
        print(row.render())
    for line in growth:
        print("  " + line)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
