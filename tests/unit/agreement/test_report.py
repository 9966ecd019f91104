"""The agreement report: which figures appear for two and for three reviewers, and how each format words them."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.unit.agreement.builders import answer, review, row_note, span_note
from tui.agreement.alignment import compare
from tui.agreement.report import ALL_CHECKLISTS, agreement_report
from tui.export.agreement import AGREEMENT_FORMATS, render_agreement
from tui.export.agreement_tables import agreement_tables
from tui.model.case import CaseRecord


def test_two_reviewers_get_cohen_and_weighted_kappa(seed_case: CaseRecord) -> None:
    ana = review(
        seed_case, "Ana", answers=[answer("1", "yes"), answer("2", "no"), answer("3", "yes", "jbi-case-report")]
    )
    ben = review(
        seed_case, "Ben", answers=[answer("1", "yes"), answer("2", "partly"), answer("3", "yes", "jbi-case-report")]
    )
    report = agreement_report(compare(seed_case, [ana, ben]))
    assert [f.checklist for f in report.checklists] == ["care-2013", "jbi-case-report", ALL_CHECKLISTS]
    care, jbi, overall = report.checklists
    assert care.cohen is not None and care.weighted is not None and care.fleiss is None
    assert (care.items, care.compared, care.agreement.value) == (2, 2, 0.5)
    assert jbi.cohen is not None and jbi.cohen.value is None and "every answer is the same" in jbi.cohen.reason
    assert (overall.items, overall.compared) == (3, 3)
    assert report.disagreements == (1, 1, 0)
    assert not report.several


def test_three_reviewers_get_fleiss_and_pairs(seed_case: CaseRecord) -> None:
    reviews = [
        review(seed_case, name, answers=[answer("1", "yes"), answer("2", word)])
        for name, word in (("Ana", "no"), ("Ben", "no"), ("Chen", "yes"))
    ]
    report = agreement_report(compare(seed_case, reviews))
    overall = report.checklists[-1]
    assert overall.cohen is None and overall.weighted is None and overall.fleiss is not None
    assert [(p.first, p.second) for p in report.pairs] == [("Ana", "Ben"), ("Ana", "Chen"), ("Ben", "Chen")]
    assert report.pairs[0].agreement.value == 1.0 and report.pairs[1].agreement.value == 0.5
    assert report.several


def test_text_notes_orphans_and_nothing_answered(seed_case: CaseRecord) -> None:
    gone = row_note("Ana", "timeline", "no-such-event")
    ana = review(seed_case, "Ana", [span_note(seed_case, "Ana", "discussion", 0, 20), gone])
    ben = review(seed_case, "Ben", [span_note(seed_case, "Ben", "discussion", 5, 20)])
    report = agreement_report(compare(seed_case, [ana, ben]))
    assert report.checklists == ()
    assert report.text_notes == (1, 1)
    assert report.span_exact.value == 0.0 and report.span_overlapping.value == 1.0
    assert [o.note.id for o in report.orphans] == [gone.id]
    text = render_agreement("text", report)
    assert "Checklist answers: none given by any reviewer." in text
    assert f"Ana: {gone.id} on timeline no-such-event" in text


def test_no_text_notes_at_all_is_a_reason_not_a_zero(seed_case: CaseRecord) -> None:
    report = agreement_report(compare(seed_case, [review(seed_case, "Ana"), review(seed_case, "Ben")]))
    assert report.span_exact.value is None
    tables = agreement_tables(report)
    (spans,) = tables.tables
    assert spans.rows == (("Ana / Ben", "0 / 0", "-", "-"),)
    assert any("neither reviewer marked any text" in note for note in spans.notes)


@pytest.mark.parametrize("export_format", AGREEMENT_FORMATS)
def test_every_format_renders_an_empty_comparison(seed_case: CaseRecord, export_format: str) -> None:
    report = agreement_report(compare(seed_case, [review(seed_case, "Ana"), review(seed_case, "Ben")]))
    assert render_agreement(export_format, report)  # type: ignore[arg-type]


def test_markdown_escapes_names(seed_case: CaseRecord) -> None:
    reviews = [review(seed_case, "A | [x](javascript:y)", answers=[answer("1", "yes")]), review(seed_case, "# B")]
    markdown = render_agreement("md", agreement_report(compare(seed_case, reviews)))
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    flat = [t for token in tokens for t in [token, *(token.children or [])]]
    assert not [t for t in flat if t.type in {"link_open", "html_inline", "html_block"}]
    assert next(t.tag for t in tokens if t.type == "heading_open") == "h1"
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1
