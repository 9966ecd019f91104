"""The recovery journal: unsaved notes survive a crash and are offered back."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO, SEED_CASE
from tests.review_helpers import make_app, review_screen
from tui.app import JOURNAL_DELAY, CaseReviewApp
from tui.model.review_session import ReviewSession
from tui.screens.recovery_dialog import RecoveryDialog
from tui.store import read_case
from tui.store.journal import journals_of, read_journal
from tui.store.review_file import read_review


async def _add_note(pilot, body: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a", *body, "ctrl+s")
    await pilot.pause()


async def test_a_change_reaches_the_journal_within_a_second_and_save_removes_it(tmp_path: Path) -> None:
    review_path = tmp_path / "r.review.toml"
    app = make_app(review_path=review_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _add_note(pilot, "journalled")
        started = time.monotonic()
        while not journals_of(review_path) and time.monotonic() - started < 2:
            await pilot.pause(0.05)
        assert time.monotonic() - started < 1.0
        recovered, warning = read_journal(review_path, app.document.case)
        assert warning is None and recovered is not None
        assert [a.body for a in recovered.annotations] == ["journalled"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert journals_of(review_path) == []
        assert JOURNAL_DELAY <= 1.0


async def _start_with_journal(tmp_path: Path) -> tuple[CaseReviewApp, Path]:
    review_path = tmp_path / "r.review.toml"
    first = make_app(review_path=review_path)
    async with first.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _add_note(pilot, "lost in a crash")
        await pilot.pause(JOURNAL_DELAY + 0.3)
    assert journals_of(review_path)
    case = read_case(SEED_CASE)
    recovered, _warning = read_journal(review_path, case)
    app = make_app(review_path=review_path)
    assert app.document.recovered == recovered, "opening the review finds the journal"
    return app, review_path


async def test_restore_offer_enter_restores(tmp_path: Path) -> None:
    app, _review_path = await _start_with_journal(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RecoveryDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [a.body for a in app.document.session.review.annotations] == ["lost in a crash"]
        assert app.document.session.dirty
        assert review_screen(app).reader.annotated


async def test_restore_offer_d_discards(tmp_path: Path) -> None:
    app, review_path = await _start_with_journal(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.document.session.review.annotations == []
        assert journals_of(review_path) == []


def _drain(fd: int, seconds: float) -> bytes:
    """Read what the app writes to its terminal for `seconds` (it blocks if nobody reads)."""
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def _spawn(review_path: Path) -> tuple[subprocess.Popen[bytes], int]:
    controller, terminal = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", str(SEED_CASE), "--review", str(review_path), "--reviewer", "crash"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    return process, controller


def _type(fd: int, keys: bytes) -> None:
    for key in [keys[i : i + 1] for i in range(len(keys))]:
        os.write(fd, key)
        _drain(fd, 0.05)


def test_sigkill_before_save_then_restore_finds_every_note(tmp_path: Path) -> None:
    review_path = tmp_path / "crash.review.toml"
    process, fd = _spawn(review_path)
    try:
        _drain(fd, 4.0)  # start-up
        _type(fd, b"a")
        _drain(fd, 0.8)
        _type(fd, b"first note")
        os.write(fd, b"\x13")  # ctrl+s accepts the editor
        _drain(fd, 0.8)
        _type(fd, b"j")
        _type(fd, b"a")
        _drain(fd, 0.8)
        _type(fd, b"second note")
        os.write(fd, b"\x13")
        _drain(fd, 2.0)  # give the journal its second
        assert journals_of(review_path)
        assert not review_path.exists()
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        os.close(fd)

    process, fd = _spawn(review_path)
    try:
        screen = _drain(fd, 4.0)
        assert b"Unsaved work" in screen
        os.write(fd, b"\r")  # enter restores
        _drain(fd, 0.8)
        os.write(fd, b"\x13")  # ctrl+s saves
        _drain(fd, 1.0)
        os.write(fd, b"q")
        _drain(fd, 1.5)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        os.close(fd)
    saved = read_review(review_path, read_case(SEED_CASE))
    assert sorted(a.body for a in saved.annotations) == ["first note", "second note"]
    assert journals_of(review_path) == []


def test_session_restore_is_undoable() -> None:
    app = make_app()
    session: ReviewSession = app.document.session
    before = session.review
    session.restore(before.model_copy(update={"annotations": []}))
    assert session.undo() and session.review == before
