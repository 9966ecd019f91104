"""Cold start: time from process start to the first screen, case-review against a bare Textual app.

The goal (DEVELOPERS' standard): case-review within 1.5x of a bare Textual app. Each sample is a
fresh interpreter running headless until its first screen has been composed and refreshed, so
import cost is counted. Prints medians; asserts nothing (machines are noisy).

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_EXIT_AFTER_FIRST_SCREEN = """
async def auto_pilot(pilot):
    await pilot.pause()
    pilot.app.exit()
"""

BARE = (
    _EXIT_AFTER_FIRST_SCREEN
    + """
from textual.app import App
from textual.widgets import Footer, Static
class Bare(App):
    def compose(self):
        yield Static("hello")
        yield Footer()
Bare().run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""
)

CASE_REVIEW = (
    _EXIT_AFTER_FIRST_SCREEN
    + """
import tempfile
from pathlib import Path
from tui.resources import default_case_path
from tui.workspace import ReviewDocument
from tui.app import CaseReviewApp
review = Path(tempfile.mkdtemp()) / "bench.review.toml"
document = ReviewDocument.open(default_case_path(), reviewer="bench", review_path=review)
CaseReviewApp(document).run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""
)


def _sample(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    _sample(BARE), _sample(CASE_REVIEW)  # warm the file cache and .pyc files
    bare = statistics.median(_sample(BARE) for _ in range(runs))
    ours = statistics.median(_sample(CASE_REVIEW) for _ in range(runs))
    print(f"bare Textual app   median {bare * 1000:7.1f} ms over {runs} runs")
    print(f"case-review        median {ours * 1000:7.1f} ms over {runs} runs")
    print(f"ratio              {ours / bare:7.2f}x  (goal: at most 1.50x)")


if __name__ == "__main__":
    main()
