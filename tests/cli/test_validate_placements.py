"""`case-review validate REVIEW` names each orphaned and moved note; orphans fail it, moved notes do not."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEED_CASE, RunCli
from tests.unit.test_fuzzy_reanchoring import PHRASE, note_on, review_of
from tui.model.review import Annotation
from tui.store import read_case
from tui.store.review_file import write_review

GONE = "Vertebral compression fractures can cause severe back pain."
KEPT = "We encountered a case where clonazepam was effective"


def _case_and_review(tmp_path: Path, *, delete: bool, hostile: bool = False) -> tuple[Path, Path]:
    """An edited copy of the seed case ("Next" now "Then"; one sentence deleted if asked) and a review of it."""
    source = SEED_CASE.read_text(encoding="utf-8").replace(PHRASE, PHRASE.replace("Next", "Then"), 1)
    if delete:
        source = source.replace(GONE + " ", "", 1)
    case_path = tmp_path / SEED_CASE.name
    case_path.write_text(source, encoding="utf-8")
    original = read_case(SEED_CASE)
    moved = note_on(original, PHRASE, "a-0000001moved1")
    if hostile:
        moved = moved.model_copy(update={"quote": PHRASE.replace("Next", "Next\x1b[31m")})
    notes: list[Annotation] = [
        moved,
        note_on(original, GONE, "a-0000002gone01", section="abstract-background"),
        note_on(original, KEPT, "a-0000003kept01", section="abstract-background"),
    ]
    review_path = tmp_path / "clonazepam-vcf-myeloma.ana.review.toml"
    write_review(review_path, review_of(original, *notes))
    return case_path, review_path


def test_moved_notes_are_listed_and_the_review_passes(run_cli: RunCli, tmp_path: Path) -> None:
    case_path, review_path = _case_and_review(tmp_path, delete=False)
    result = run_cli("validate", review_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        f"OK {review_path} (review of {case_path}; 1 moved note)",
        f"{review_path}: annotations[0]: note a-0000001moved1 on Case presentation moved: "
        "“Next, we administered continuous intravenous infusion of…” "
        "now reads “Then, we administered continuous intravenous infusion of…”",
    ]
    assert result.stderr == ""


def test_orphans_fail_the_review_one_line_each(run_cli: RunCli, tmp_path: Path) -> None:
    case_path, review_path = _case_and_review(tmp_path, delete=True)
    result = run_cli("validate", review_path)
    assert result.returncode == 1, result.stdout
    lines = result.stdout.splitlines()
    assert not any(line.startswith("OK ") for line in lines), "a review with orphans is not OK"
    assert lines == [
        f"{review_path}: annotations[0]: note a-0000001moved1 on Case presentation moved: "
        "“Next, we administered continuous intravenous infusion of…” "
        "now reads “Then, we administered continuous intravenous infusion of…”",
        f"{review_path}: annotations[1]: note a-0000002gone01 on Abstract › Background is an orphan: "
        f"its words “{GONE}” are no longer in the case",
    ]
    assert case_path.exists()


def test_the_quotes_shown_are_sanitised(run_cli: RunCli, tmp_path: Path) -> None:
    _case_path, review_path = _case_and_review(tmp_path, delete=False, hostile=True)
    result = run_cli("validate", review_path)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert len(result.stdout.splitlines()) == 2, "one line a note, whatever its words hold"
