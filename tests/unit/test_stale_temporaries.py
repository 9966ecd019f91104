"""Temporary files of writers that died mid-write are cleaned up by the next save; a live writer's never."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import REPO
from tui.store.atomic import remove_stale_temporaries, write_atomic


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_write_removes_a_dead_writers_temporary_and_keeps_a_live_ones(tmp_path: Path) -> None:
    target = tmp_path / "r.review.toml"
    dead = tmp_path / ".r.review.toml.dead01.tmp"
    live = tmp_path / ".r.review.toml.live01.tmp"
    fresh = tmp_path / ".r.review.toml.fresh1.tmp"
    other = tmp_path / ".other.toml.old001.tmp"
    for path in (dead, live, fresh, other):
        path.write_bytes(b"half a review")
    for path in (dead, live, other):
        _age(path, 60)
    holder = os.open(live, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        write_atomic(target, b"whole")
    finally:
        os.close(holder)
    assert target.read_bytes() == b"whole"
    assert not dead.exists(), "a dead writer's file is removed"
    assert live.exists(), "a file a writer still holds is left alone"
    assert fresh.exists(), "a file younger than a few seconds may be a writer about to take its lock"
    assert other.exists(), "only this file's temporaries are ours to remove"


def test_kills_during_saves_leave_nothing_after_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "big.review.toml"
    script = (
        "import sys; from pathlib import Path; from tui.store.atomic import write_atomic\n"
        f"target = Path({str(target)!r}); data = b'x' * 8_000_000\n"
        "print('ready', flush=True)\n"
        "while True: write_atomic(target, data)\n"
    )
    for _round in range(8):
        process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        time.sleep(0.15)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    leftovers = sorted(tmp_path.glob(".big.review.toml.*.tmp"))
    for path in leftovers:
        _age(path, 60)  # as if the next save came a minute later
    write_atomic(target, b"after")
    assert sorted(tmp_path.glob(".big.review.toml.*.tmp")) == []
    assert target.read_bytes() == b"after"


def test_cleaning_never_raises_on_a_folder_it_cannot_list(tmp_path: Path) -> None:
    assert remove_stale_temporaries(tmp_path / "missing" / "r.review.toml") == []
