"""Each case's last reading position, in one small JSON file in the user's state folder.

A convenience, never worth an error: a missing, unreadable, oversized or malformed file
means "start at the top", and the next write replaces it. The file keeps the most recent
cases only, so it stays small however many cases a reviewer opens.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
from pydantic import ValidationError

from tui.model.reading_position import ReadingPosition
from tui.store.atomic import write_atomic

STATE_DIR_ENV = "CASE_REVIEW_STATE_DIR"
"""Overrides the platform's state folder (tests, portable installs)."""

MAX_CASES = 500
MAX_BYTES = 1024 * 1024


def state_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_state_dir("case-review"))


def positions_path() -> Path:
    return state_dir() / "positions.json"


def _key(case_path: Path) -> str:
    return str(case_path.expanduser().resolve())


def _read_all() -> dict[str, object]:
    path = positions_path()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return {}
        raw = json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    return raw if isinstance(raw, dict) else {}


def load_position(case_path: Path) -> ReadingPosition | None:
    """The position last kept for this case, or None (never an error)."""
    raw = _read_all().get(_key(case_path))
    if not isinstance(raw, dict):
        return None
    try:
        return ReadingPosition.model_validate(raw)
    except ValidationError:
        return None


def remember_position(case_path: Path, position: ReadingPosition) -> None:
    """Keep this case's position, the most recent cases first out when the file is full."""
    positions = _read_all()
    key = _key(case_path)
    positions.pop(key, None)
    positions[key] = position.model_dump()
    while len(positions) > MAX_CASES:
        positions.pop(next(iter(positions)))
    positions_path().parent.mkdir(parents=True, exist_ok=True)
    write_atomic(positions_path(), json.dumps(positions, ensure_ascii=True, indent=1).encode("ascii"))
