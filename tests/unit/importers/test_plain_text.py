"""Plain-text reports: title, headings, abstract labels, furniture, captions, paragraphs."""

from __future__ import annotations

from tests.conftest import DATA, SEED_CASE, SEED_REPORT
from tui.importers.headings import heading_of, is_caption
from tui.importers.plain_text import read_plain_text
from tui.store import read_case


def _draft(text: str):  # type: ignore[no-untyped-def]
    return read_plain_text(text, "report.txt", "report")


def test_seed_sections_match_the_hand_checked_record_where_the_text_has_headings() -> None:
    draft = read_plain_text(SEED_REPORT.read_text(encoding="utf-8"), "s.txt", "s")
    record = read_case(SEED_CASE)
    expected = {
        (s.title, " ".join(s.text.split())) for s in record.sections if s.id not in ("discussion", "conclusions")
    }
    got = {(s.title, " ".join(s.text.split())) for s in draft.sections}
    assert expected <= got
    assert draft.title == record.title
    # The seed lost its "Conclusions" heading: the importer says so rather than inventing it.
    assert any("no Conclusion heading was found" in note for note in draft.notes)


def test_numbered_headings_nest_and_lose_their_numbers() -> None:
    text = (DATA / "import" / "text-thoracotomy.txt").read_text(encoding="utf-8")
    draft = _draft(text)
    titles = [(s.title, draft.sections[s.parent].title if s.parent is not None else None) for s in draft.sections]
    assert ("Presentation", "Case report") in titles and ("Management", "Case report") in titles
    assert ("Discussion", None) in titles
    assert not any(title in ("Author contributions", "References", "Conceptualization") for title, _ in titles)


def test_page_furniture_and_captions_are_left_out_and_sentences_rejoined() -> None:
    text = (DATA / "import" / "text-thoracotomy.txt").read_text(encoding="utf-8")
    body = " ".join(s.text for s in _draft(text).sections)
    assert "Downloaded from" not in body and "2024;7:101" not in body and "Figure 1" not in body
    assert "the epidural was removed and oral oxycodone 5 mg twice daily was given." in body


def test_running_heads_that_change_their_ending_are_found() -> None:
    draft = _draft((DATA / "import" / "text-crohn.txt").read_text(encoding="utf-8"))
    assert draft.title.startswith("Transdermal buprenorphine and infliximab")
    assert not any("Invented Pain Medicine" in s.text for s in draft.sections)


def test_abstract_labels_on_consecutive_lines_each_start_a_part() -> None:
    draft = _draft(
        "Title of it\n\nAbstract\nBackground: One thing.\nCase presentation: Another.\n"
        "Keywords: a, b\n\nDiscussion\nWords.\n"
    )
    assert [(s.title, s.text) for s in draft.sections] == [
        ("Abstract", ""), ("Background", "One thing."), ("Case presentation", "Another."), ("Discussion", "Words."),
    ]  # fmt: skip


def test_run_in_labels_and_captions_are_not_headings() -> None:
    assert heading_of("Abbreviations: NRS, numerical rating scale", "", "", 60) is None
    assert heading_of("Conceptualization: A.B.", "", "", 60) is None
    assert heading_of("Figure 2 MRI of the lumbar spine", "", "Next line", 60) is None
    assert is_caption("Fig. 3. Timeline of pain scores") and not is_caption("Figure 1 shows the timeline")
    assert heading_of("2 Case report", "", "A man", 60) is not None
    assert heading_of("2 weeks later he was well", "", "And", 60) is None
    assert heading_of("imaging (MRI) revealed change in the", "", "first", 60) is None


def test_headings_of_a_case_series_are_not_running_heads() -> None:
    text = "A series\n\n" + "".join(f"Case {n}\nA {40 + n}-year-old man had pain.\n\n" for n in range(1, 5))
    draft = _draft(text)
    assert [s.title for s in draft.sections] == ["Case 1", "Case 2", "Case 3", "Case 4"]
