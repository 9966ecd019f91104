"""Two instances on one review: each journals its own work, no save removes the other's, a dead one's comes back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import REPO, SEED_CASE
from tui.model.places import Place
from tui.model.review_session import NoteDraft
from tui.store.journal import journals_of
from tui.workspace import ReviewDocument, Saved

WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def _open(review: Path) -> ReviewDocument:
    return ReviewDocument.open(SEED_CASE, reviewer="tester", review_path=review)


def _note(document: ReviewDocument, body: str) -> None:
    place = Place("medication", document.case.medications[0].id)
    document.session.annotate(document.case, place, NoteDraft(body=body), "tester")
    document.write_journal()


def test_a_save_in_one_instance_keeps_the_other_instances_unsaved_note(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    first, second = _open(review), _open(review)
    try:
        _note(second, "unsaved in the second")
        _note(first, "saved by the first")
        assert isinstance(first.save(), Saved)
        assert journals_of(review) == [second.journal.path], "only the saver's own journal went"
    finally:
        first.close()
    second.close()  # as if its process died: the lock goes with it, the journal stays

    third = _open(review)
    try:
        assert third.recovered is not None
        assert sorted(a.body for a in third.recovered.annotations) == ["saved by the first", "unsaved in the second"]
        third.restore_recovered()
        assert journals_of(review) == [third.journal.path], "the dead instance's journal is now this one's"
    finally:
        third.close()


def test_the_second_instance_on_a_review_is_told(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    first = _open(review)
    try:
        second = _open(review)
        assert any("also open in another case-review" in warning for warning in second.warnings)
        assert second.recovered is None, "a running instance's work is not offered to another"
        second.close()
    finally:
        first.close()
    assert not any("also open" in warning for warning in _open(review).warnings)


def test_work_of_a_killed_process_is_offered_and_a_live_one_is_not(tmp_path: Path) -> None:
    review = tmp_path / "r.review.toml"
    script = (
        "import sys, time; from pathlib import Path\n"
        "from tui.workspace import ReviewDocument\n"
        "from tui.model.places import Place\n"
        "from tui.model.review_session import NoteDraft\n"
        f"d = ReviewDocument.open(Path({str(SEED_CASE)!r}), reviewer='other', review_path=Path({str(review)!r}))\n"
        "d.session.annotate(d.case, Place('medication', d.case.medications[0].id), NoteDraft(body='theirs'), 'o')\n"
        "d.write_journal(); print('ready', flush=True); time.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        alive = _open(review)
        assert alive.recovered is None and any("also open" in w for w in alive.warnings)
        _note(alive, "mine")
        assert isinstance(alive.save(), Saved)
        alive.close()
        assert len(journals_of(review)) == 1, "the running process's journal is untouched"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    deadline = time.monotonic() + 5
    after = _open(review)
    while after.recovered is None and time.monotonic() < deadline:  # the kernel drops the lock at exit
        after.close()
        time.sleep(0.05)
        after = _open(review)
    try:
        assert after.recovered is not None
        assert "theirs" in [a.body for a in after.recovered.annotations]
    finally:
        after.close()
