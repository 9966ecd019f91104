"""Every fixture imports to records the case reader accepts, deterministically, with doubts flagged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO, SEED_REPORT
from tui.importers import import_report, record_toml
from tui.store import read_case

REPORTS = [SEED_REPORT, *sorted((DATA / "import").glob("*.txt")), *sorted((DATA / "import").glob("*.xml"))]


@pytest.mark.parametrize("report", REPORTS, ids=lambda path: path.name)
def test_records_read_back_and_quote_their_sections(report: Path, tmp_path: Path) -> None:
    for index, case in enumerate(import_report(report)):
        written = tmp_path / f"{index}.toml"
        written.write_text(record_toml(case), encoding="utf-8")
        assert read_case(written) == case
        texts = [s.text for s in case.sections]
        for row in [*case.medications, *case.pain_scores]:
            assert any(row.source_quote in text for text in texts)
        assert len({s.id for s in case.sections}) == len(case.sections)


def test_flags_and_notes_name_what_was_guessed() -> None:
    (case,) = import_report(SEED_REPORT)
    flagged = {m.id for m in case.medications if m.needs_review}
    assert flagged == {"fentanyl-2"}  # the increased dose: its route is carried over from the first row
    assert any(
        note.startswith("medications fentanyl-2: route 'intravenous' carried over") for note in case.import_notes
    )
    assert all(e.needs_review for e in case.timeline if e.anchor is not None)


def test_toml_is_byte_identical_across_runs() -> None:
    first = [record_toml(case) for case in import_report(DATA / "import" / "jats-set.xml")]
    second = [record_toml(case) for case in import_report(DATA / "import" / "jats-set.xml")]
    assert first == second


def test_accuracy_benchmark_meets_its_targets_on_the_fixtures() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "import_accuracy.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "overall" in result.stdout
