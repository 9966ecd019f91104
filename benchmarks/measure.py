"""How the benchmarks measure: medians of repeated runs, first screens in fresh interpreters, peak memory.

Machines are noisy, so every time is a median, and every ratio compares two figures measured
in the same run (case-review against a bare Textual app started the same way).
"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: a figure, its value, a reference measured alongside, its target."""

    figure: str
    value: float
    unit: str
    target: float
    reference: str = ""

    @property
    def ok(self) -> bool:
        return self.value <= self.target

    def render(self) -> str:
        shown = f"{self.value:.2f}{self.unit}" if self.unit != "x" else f"{self.value:.2f}x"
        target = f"<= {self.target:g}{self.unit}"
        return f"{self.figure:<52} {shown:>12}  {self.reference:<26} {target:>12}  {'ok' if self.ok else 'MISS'}"


def median_seconds(action: Callable[[], object], runs: int = 3) -> float:
    """The median wall time of `action` over `runs` calls (one untimed call first, to warm caches)."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


EXIT_AFTER_FIRST_SCREEN = """
async def auto_pilot(pilot):
    await pilot.pause()
    pilot.app.exit()
"""

BARE_APP = (
    EXIT_AFTER_FIRST_SCREEN
    + """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
Bare().run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""
)


def case_review_app(case: Path, review: Path) -> str:
    """A script that opens the app as the command line does and exits after its first screen."""
    return (
        EXIT_AFTER_FIRST_SCREEN
        + f"""
from pathlib import Path
from tui.cli.open_app import start_up
with start_up():
    from tui.workspace import ReviewDocument
    document = ReviewDocument.open(Path({str(case)!r}), reviewer="bench", review_path=Path({str(review)!r}))
    from tui.app import CaseReviewApp
    app = CaseReviewApp(document)
app.run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""
    )


def first_screens(scripts: dict[str, str], runs: int, bytecode: Path | None = None) -> dict[str, float]:
    """The median time from process start to first screen of each script, in fresh interpreters.

    Runs are interleaved (one of each, then again), so a machine that slows down part way
    slows every script alike and the ratios stay fair. With `bytecode`, every module's
    compiled bytecode is kept in that folder after the untimed first run, as an installed
    package's is; without it, the environment decides (`PYTHONDONTWRITEBYTECODE`).
    """
    env = dict(os.environ)
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)

    def once(script: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True, capture_output=True, env=env)
        return time.perf_counter() - started

    for script in scripts.values():
        once(script)
    times: dict[str, list[float]] = {name: [] for name in scripts}
    for _ in range(runs):
        for name, script in scripts.items():
            times[name].append(once(script))
    return {name: statistics.median(values) for name, values in times.items()}


def bytecode_cached(module_file: Path) -> bool:
    """Whether Python finds compiled bytecode for `module_file` here (else it compiles it at every start)."""
    return Path(importlib.util.cache_from_source(str(module_file))).exists()


def run_json(script: str, timeout: float = 600) -> dict[str, float]:
    """Run a measuring script in a fresh interpreter; it prints one JSON object as its last line."""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"measurement failed: {result.stderr.strip()[-2000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures
