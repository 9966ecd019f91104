"""Key-press cost: the work each review key does, from its action to a fully composed screen.

Goal: every key answered within one frame (16.7 ms at 60 Hz). Runs headless at 120x40 on the
seed case. For each key the binding that applies where focus is runs its action, then the
screen's layout is refreshed and the whole screen composed, synchronously, so the figure is
the work done on the key-press path and not the harness' waiting. The first press of a pane
key includes building that pane (done once), so first and repeated figures are both printed.
Prints figures; asserts nothing (machines are noisy).

    .venv/bin/python benchmarks/keys.py [--repeat N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tui.app import CaseReviewApp
from tui.resources import default_case_path
from tui.workspace import ReviewDocument

FRAME_MS = 1000 / 60
SEQUENCE = [
    ("j", "next sentence"),
    ("k", "previous sentence"),
    ("end", "last sentence"),
    ("home", "first sentence"),
    ("2", "medications pane"),
    ("s", "sort medications"),
    ("j", "next medication"),
    ("enter", "jump to source sentence"),
    ("3", "pain pane"),
    ("4", "timeline pane"),
    ("j", "next event"),
    ("5", "appraisal pane"),
    ("y", "answer an item, on to the next"),
    ("j", "next appraisal row"),
    ("1", "sections pane"),
    ("n", "next hit (no search)"),
]


async def _press(app: CaseReviewApp, key: str) -> float:
    """Run the action bound to `key` and compose the screen; return milliseconds taken."""
    active = app.screen.active_bindings[key]
    started = time.perf_counter()
    await app.run_action(active.binding.action, active.node)
    # Private, benchmark-only: do now what the next refresh would do.
    app.screen._refresh_layout()
    app.screen._compositor.render_update(full=True)
    return (time.perf_counter() - started) * 1000


async def measure(repeat: int) -> dict[str, list[float]]:
    review_path = Path(tempfile.mkdtemp()) / "bench.review.toml"
    document = ReviewDocument.open(default_case_path(), reviewer="bench", review_path=review_path)
    app = CaseReviewApp(document, theme="case-review-dark")
    timings: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for round_number in range(repeat):
            for key, label in SEQUENCE:
                elapsed = await _press(app, key)
                await pilot.pause()  # let focus changes and messages settle before the next key
                name = f"{key:>5}  {label}" + ("  (first)" if round_number == 0 else "")
                timings.setdefault(name, []).append(elapsed)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    timings = asyncio.run(measure(parser.parse_args().repeat))
    print(f"{'key':<44} {'median ms':>9} {'max ms':>7}   (one frame = {FRAME_MS:.1f} ms)")
    for name, values in timings.items():
        median = statistics.median(values)
        flag = "" if median <= FRAME_MS else "  over one frame"
        print(f"{name:<44} {median:>9.1f} {max(values):>7.1f}{flag}")


if __name__ == "__main__":
    main()
