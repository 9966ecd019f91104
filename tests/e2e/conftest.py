"""Browser tests: where their artefacts go, and their paths in the test summary."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
"""Screenshots of the served app (git ignores the folder); listed at the end of the run."""

_kept: list[Path] = []


def keep_artefact(name: str) -> Path:
    """A path in ARTEFACTS for `name`, listed in the summary once the test has written it."""
    ARTEFACTS.mkdir(exist_ok=True)
    path = ARTEFACTS / name
    _kept.append(path)
    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    written = [path for path in _kept if path.exists()]
    if written:
        terminalreporter.section("browser artefacts")
        for path in written:
            terminalreporter.write_line(f"screenshot: {path}")
