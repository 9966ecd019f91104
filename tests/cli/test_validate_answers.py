"""`validate` checks a review's answers against the checklists: errors fail it, what it cannot check is a note."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, SEED_CASE, RunCli, textual_modules_after
from tui.model.review import Review
from tui.store.review_file import write_review
from tui.store.toml_file import read_toml_model

ORPHANS = ("a-0tp1o9e080000", "a-0tp1o9e090000")
"""The export fixture's two orphaned notes: left out here, where answers are what is checked
(orphans fail `validate` on their own: tests/cli/test_validate_placements.py)."""


def _review_beside_its_case(tmp_path: Path, change: tuple[str, str] | None = None) -> Path:
    (tmp_path / SEED_CASE.name).write_bytes(SEED_CASE.read_bytes())
    review = tmp_path / "clonazepam-vcf-myeloma.ana.review.toml"
    text = (DATA / "export" / "seed.ana-sousa.review.toml").read_text(encoding="utf-8")
    if change is not None:
        assert change[0] in text
        text = text.replace(*change, 1)
    review.write_text(text, encoding="utf-8")
    if change is None:
        read = read_toml_model(review, Review, limit=10**7, what="review file")
        kept = [a for a in read.annotations if a.id not in ORPHANS]
        assert len(kept) == len(read.annotations) - len(ORPHANS)
        write_review(review, read.model_copy(update={"annotations": kept}))
    return review


def test_answers_that_fit_pass_and_an_unknown_checklist_is_a_note(run_cli: RunCli, tmp_path: Path) -> None:
    review = _review_beside_its_case(tmp_path)
    result = run_cli("validate", review)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"OK {review} (review of {tmp_path / SEED_CASE.name})",
        f"{review}: checklist[43].checklist: note: checklist 'team-extraction-form' is not known here; "
        "its answers are kept as they are",
    ]


def test_an_answer_the_checklist_lacks_is_one_line_and_exit_1(run_cli: RunCli, tmp_path: Path) -> None:
    review = _review_beside_its_case(tmp_path, ('answer = "unclear"', 'answer = "partly"'))
    result = run_cli("validate", review)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{review}: checklist[6].answer: 'partly' does not answer jbi-case-report 2; it takes yes, no, unclear, na"
    ]


def test_validating_a_review_does_not_import_textual(tmp_path: Path) -> None:
    review = _review_beside_its_case(tmp_path)
    assert textual_modules_after(["validate", str(review)]) == []
