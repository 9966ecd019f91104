"""Notes survive an edit of the case: a changed word leaves a note "moved", only lost words orphan it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SEED_CASE
from tui.model.anchoring import anchor_review, new_words, text_quote
from tui.model.approx_match import best_errors, match_ends, match_start
from tui.model.case import CaseRecord
from tui.model.quote_search import FUZZY_BUDGET, SearchBudget, Selector, find_quote
from tui.model.review import Annotation, Review, ReviewHeader
from tui.model.review_session import open_session
from tui.store import read_case
from tui.store.review_file import read_review, write_review

WHEN = datetime(2026, 11, 25, tzinfo=UTC)
PHRASE = "Next, we administered continuous intravenous infusion of fentanyl 500 μg/day"
EDITED = PHRASE.replace("Next", "Then")
SECTION = "case-presentation"


def note_on(case: CaseRecord, words: str, ident: str = "a-0000001fuzzy1", section: str = SECTION) -> Annotation:
    text = case.section(section).text  # type: ignore[union-attr]
    start = text.index(words)
    quote, prefix, suffix = text_quote(text, start, start + len(words))
    return Annotation(
        id=ident,
        target="section",
        target_id=section,
        start=start,
        end=start + len(words),
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        body=ident,
        author="t",
        created=WHEN,
        updated=WHEN,
    )


def review_of(case: CaseRecord, *notes: Annotation) -> Review:
    header = ReviewHeader(case_id=case.id, case_sha256="0" * 64, reviewer="t", created=WHEN, updated=WHEN)
    return Review(review=header, annotations=list(notes))


def edited_case(old: str, new: str) -> CaseRecord:
    """The seed case with `old` replaced by `new` in its case presentation (row quotes are not checked here)."""
    case = read_case(SEED_CASE)
    sections = [
        s.model_copy(update={"text": s.text.replace(old, new, 1)}) if s.id == SECTION else s for s in case.sections
    ]
    assert sections != case.sections
    return case.model_copy(update={"sections": sections})


def test_one_word_changed_is_moved_with_the_new_words_beside_the_old() -> None:
    original = read_case(SEED_CASE)
    note = note_on(original, PHRASE)
    case = edited_case(PHRASE, EDITED)

    anchored = anchor_review(case, review_of(original, note))

    assert anchored.orphans == frozenset()
    assert anchored.moved == {note.id}
    [placed] = anchored.review.annotations
    assert placed.quote == PHRASE, "the words the reviewer annotated are kept"
    assert new_words(case, placed) == EDITED, "the case's words now, shown beside them"


def test_a_moved_note_saved_keeps_its_original_quote_and_reopens_moved(tmp_path: Path) -> None:
    original = read_case(SEED_CASE)
    case = edited_case(PHRASE, EDITED)
    session = open_session(case, "1" * 64, review_of(original, note_on(original, PHRASE)))
    review_path = tmp_path / "r.review.toml"
    write_review(review_path, session.review)

    saved = read_review(review_path, case)
    assert saved.annotations[0].quote == PHRASE, "saving never loses the original quote"
    again = anchor_review(case, saved)
    assert again.moved == {saved.annotations[0].id}, "still moved until the reviewer accepts"
    assert again.review == saved, "found where it was saved"

    accepted = session.accept_new_words(case, saved.annotations[0].id)
    assert accepted is not None and accepted.quote == EDITED
    assert new_words(case, accepted) is None
    assert anchor_review(case, session.review).moved == frozenset()
    assert session.undo() and session.review.annotations[0].quote == PHRASE, "accepting is one undoable change"


def test_a_deleted_sentence_orphans_its_note() -> None:
    original = read_case(SEED_CASE)
    text = original.section(SECTION).text  # type: ignore[union-attr]
    sentence = text[text.index(PHRASE) :].split(" using a patient-controlled")[0]
    note = note_on(original, sentence)
    case = edited_case(sentence + " using", "Using")

    anchored = anchor_review(case, review_of(original, note))

    assert anchored.orphans == {note.id}
    assert anchored.moved == frozenset()
    assert anchored.review.annotations == [note], "an orphan is kept exactly as it was"


def test_the_exact_words_elsewhere_beat_a_near_match_in_place() -> None:
    quote = "clonazepam 0.5 mg/day was started"
    near = "clonazepam 0.6 mg/day was started"
    text = f"At first {near} for spasm. " + "Filler words go here. " * 40 + f"Later {quote} again."
    selector = Selector(quote, "At first ", " for spasm.", hint=text.index(near))

    found = find_quote(text, selector)

    assert found is not None and not found.moved
    assert text[found.start : found.end] == quote


def test_of_exact_occurrences_the_one_in_its_context_wins() -> None:
    quote = "pain improved"
    text = "Day 1: pain improved. " * 30 + "After the block, pain improved markedly. " + "Day 2: pain improved. " * 30
    selector = Selector(quote, "After the block, ", " markedly.", hint=0)

    found = find_quote(text, selector)

    assert found is not None
    assert text[found.start - 17 : found.start] == "After the block, "


def test_a_huge_quote_among_many_near_duplicates_stays_within_its_work_bound() -> None:
    """A 20,000-character quote, the text 30 near copies of it: the search is bounded by its budget."""
    quote = "".join(chr(ord("a") + (i * 7919) % 26) for i in range(20_000))
    copies = [quote[:i] + "#" + quote[i + 1 :] for i in range(0, 30 * 600, 600)]
    text = " ".join(copies)
    budget = SearchBudget()

    found = find_quote(text, Selector(quote, "", "", hint=len(text) // 2), budget)

    assert found is not None and found.moved and found.errors == 1
    assert 0 <= budget.left < FUZZY_BUDGET


def test_many_notes_share_one_budget_and_all_are_kept() -> None:
    """Past the budget, fuzzy search stops (notes become orphans), never a hang, and none is dropped."""
    quote = "x" * 5_000
    text = "y" * 200_000
    budget = SearchBudget(units=100_000)
    results = [find_quote(text, Selector(quote, "", "", hint=i * 1_000), budget) for i in range(50)]
    assert results == [None] * 50
    assert budget.left >= 0


@settings(max_examples=300, deadline=None)
@given(st.text("abc", min_size=1, max_size=12), st.text("abcd", max_size=30))
def test_the_matcher_agrees_with_the_edit_distance_table(pattern: str, text: str) -> None:
    expected = _semi_global(pattern, text)
    assert best_errors(pattern, text) == expected
    ends = match_ends(pattern, text, 0, len(text), len(pattern))
    if text and expected < len(pattern):
        best_end, errors = min(ends, key=lambda item: item[1])
        assert errors == expected
        start, start_errors = match_start(pattern, text, best_end, 0)
        assert start_errors == expected == _global(pattern, text[start:best_end])


def _semi_global(pattern: str, text: str) -> int:
    previous = list(range(len(pattern) + 1))
    best = len(pattern)
    for char in text:
        current = [0]
        for i in range(1, len(pattern) + 1):
            current.append(min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (pattern[i - 1] != char)))
        previous = current
        best = min(best, current[-1])
    return best


def _global(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j in range(1, len(b) + 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != b[j - 1])))
        previous = current
    return previous[-1]


def test_words_moved_far_and_edited_are_found_by_their_context() -> None:
    """A paragraph moved 20,000 characters away, a word changed in it: its prefix aims the search there."""
    paragraph = "The pump was set up on day seven. Next, we gave fentanyl by infusion at night. It helped."
    filler = " ".join(f"Filler sentence number {i} says nothing." for i in range(600))
    old = paragraph + "\n\n" + filler
    start = old.index("Next, we gave")
    quote, prefix, suffix = text_quote(old, start, start + len("Next, we gave fentanyl by infusion"))
    new = filler + "\n\n" + paragraph.replace("Next", "Then")

    found = find_quote(new, Selector(quote, prefix, suffix, hint=start))

    assert found is not None and found.moved
    assert new[found.start : found.end] == "Then, we gave fentanyl by infusion"


def test_a_short_quote_repeated_everywhere_is_placed_for_every_note_within_the_budget() -> None:
    """10,000 notes on "pain" in a text that is "pain " 200,000 times, none in its old context: each is
    placed on an occurrence near its old place, the occurrences looked at paid from one budget."""
    text = "pain " * 200_000
    budget = SearchBudget()
    selectors = [Selector("pain", "zzzzzzzzzz", "yyyyyyyyyy", hint=i * 100) for i in range(10_000)]
    found = [find_quote(text, selector, budget) for selector in selectors]
    assert all(f is not None and not f.moved and text[f.start : f.end] == "pain" for f in found)
    assert all(abs(f.start - s.hint) <= 5 for f, s in zip(found, selectors, strict=True) if f is not None)
    assert 0 <= budget.left < FUZZY_BUDGET
