"""Sentence spans, search hits and offset-keeping wrapping."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.model import CaseRecord
from tui.model.text_spans import find_in_case, find_quote, sentence_spans
from tui.widgets.text_layout import wrap_spans


def test_sentences_do_not_split_on_abbreviations(seed_case: CaseRecord) -> None:
    text = seed_case.section("case-presentation").text  # type: ignore[union-attr]
    sentences = [text[s:e] for s, e in sentence_spans(text)]
    assert any(s.startswith("Next, we administered") and s.endswith("Tokyo, Japan).") for s in sentences)
    assert "His pain at rest was mitigated and rated 3 on the NRS." in sentences
    assert sentences[-1].endswith("discontinued 2 months later.")


def test_paragraph_breaks_end_sentences() -> None:
    text = "First line without stop\n\nSecond paragraph. Third one."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "First line without stop",
        "Second paragraph.",
        "Third one.",
    ]


def test_search_is_case_insensitive_and_in_reading_order(seed_case: CaseRecord) -> None:
    hits = find_in_case(seed_case, "FENTANYL")
    assert len(hits) == 3
    assert all(seed_case.section(h.section_id).text[h.start : h.end].lower() == "fentanyl" for h in hits)  # type: ignore[union-attr]
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert find_in_case(seed_case, "   ") == []


def test_quote_is_found_where_it_stands(seed_case: CaseRecord) -> None:
    quote = seed_case.medications[0].source_quote
    hit = find_quote(seed_case, quote)
    assert hit is not None and hit.section_id == "case-presentation"
    assert seed_case.section(hit.section_id).text[hit.start : hit.end] == quote  # type: ignore[union-attr]


@given(st.text(alphabet=st.sampled_from(list("ab cμ™\n中文x")), max_size=300), st.integers(min_value=1, max_value=40))
def test_wrapping_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = wrap_spans(text, width)
    # Lines are in order, and together with the newlines between hard lines they cover the text.
    rebuilt = []
    previous_end = 0
    for start, end in lines:
        assert start >= previous_end
        rebuilt.append(text[previous_end:start])
        rebuilt.append(text[start:end])
        previous_end = end
    rebuilt.append(text[previous_end:])
    assert "".join(rebuilt) == text
    assert all(
        text[previous:start].strip("\n") == ""
        for previous, start in zip([0] + [e for _, e in lines], [s for s, _ in lines], strict=False)
    )
    for start, end in lines:
        shown = text[start:end].rstrip(" ")
        assert cell_len(shown) <= width or len(shown) == 1
