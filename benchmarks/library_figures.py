"""The library at scale: a generated folder of 10,000 cases, its first screens, index build, search, scrolling.

    python benchmarks/library_figures.py          # prints the rows on their own

`run.py` adds these rows to its table. First screens are timed from process start to the list
showing its rows, in fresh interpreters: cold (no index: rows by file name, the index built
behind them) and warm (index present). The index build and search run in this process; the
scrolling key is timed inside a running app (`--scroll`, one JSON line) as `app_figures` times keys.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_library import write_library
from measure import REPO, Row, run_json

CASES = 10_000
QUERIES = ("clonazepam", "ketamine infusion", "gabapentin neuropathy", "morphine relief")
WORST_QUERY = "pain"
"""A word in every generated text: every one of 60,000 texts is scored."""

FIRST_SCREEN = """
import os, sys
from pathlib import Path
from tui.cli.open_app import start_up
async def auto_pilot(pilot):
    screen = pilot.app.library_screen
    while not screen.rows:
        await pilot.pause(0.002)
    # Private, benchmark-only: draw the frame with the rows now, as app_figures does.
    pilot.app.screen._refresh_layout()
    pilot.app.screen._compositor.render_update(full=True)
    print("drawn", flush=True)
    os._exit(0)  # the index is brought up to date behind the list; not part of the first screen
with start_up():
    from tui.library import Library
    from tui.library_app import LibraryApp
    app = LibraryApp(Library(Path(sys.argv[1])), reviewer="bench")
app.run(headless=True, size=(120, 40), auto_pilot=auto_pilot)
"""


def first_screen_seconds(folder: Path, cache: Path, runs: int, *, cold: bool) -> float:
    """Median seconds from process start to a frame drawn with the list's rows.

    The rows come from the index (warm) or the file names (cold); the re-check of the folder,
    or the whole index build, goes on behind them and is measured on its own.
    """
    env = dict(os.environ, CASE_REVIEW_CACHE_DIR=str(cache))
    times = []
    for _ in range(runs):
        if cold:
            shutil.rmtree(cache, ignore_errors=True)
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", FIRST_SCREEN, str(folder)], cwd=REPO, env=env, stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        times.append(time.perf_counter() - started)
        child.wait(timeout=120)
        if line.strip() != "drawn":
            raise RuntimeError("the library did not show its first screen")
    return statistics.median(times)


def index_rate(folder: Path, cache: Path) -> tuple[float, float]:
    """Cases per second of a full index build, and seconds of a refresh when nothing changed."""
    from tui.library import Library

    os.environ["CASE_REVIEW_CACHE_DIR"] = str(cache)
    shutil.rmtree(cache, ignore_errors=True)
    library = Library(folder)
    started = time.perf_counter()
    rows = library.refresh()
    built = time.perf_counter() - started
    started = time.perf_counter()
    library.refresh()
    return len(rows) / built, time.perf_counter() - started


def search_seconds(folder: Path, cache: Path) -> tuple[float, float, int]:
    """The median of typical queries' times, the worst query's, and its hit count (index present)."""
    from tui.library import Library

    os.environ["CASE_REVIEW_CACHE_DIR"] = str(cache)
    library = Library(folder)
    typical = []
    for query in QUERIES * 3:
        started = time.perf_counter()
        library.search(query)
        typical.append(time.perf_counter() - started)
    worst = []
    for _ in range(3):
        started = time.perf_counter()
        answer = library.search(WORST_QUERY)
        worst.append(time.perf_counter() - started)
    return statistics.median(typical), statistics.median(worst), len(answer.hits)


async def _scroll(folder: Path) -> dict[str, float]:
    from tui.library import Library
    from tui.library_app import LibraryApp

    app = LibraryApp(Library(folder), reviewer="bench")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.library_screen
        while not screen.loaded:
            await pilot.pause(0.05)
        await pilot.pause()
        figures: dict[str, list[float]] = {"down": [], "pagedown": []}
        for key in ["down"] * 60 + ["pagedown"] * 60:
            active = app.screen.active_bindings[key]
            started = time.process_time()
            await app.run_action(active.binding.action, active.node)
            app.screen._on_timer_update()  # Private, benchmark-only: draw the next frame now.
            figures[key].append(time.process_time() - started)
    return {f"{key} p95": sorted(values)[int(len(values) * 0.95) - 1] for key, values in figures.items()}


def library_rows(runs: int) -> list[Row]:
    frame = 1000 / 60
    with tempfile.TemporaryDirectory() as name:
        folder, cache = Path(name) / "library", Path(name) / "cache"
        started = time.perf_counter()
        write_library(folder, CASES)
        generated = time.perf_counter() - started
        cold = first_screen_seconds(folder, cache, runs, cold=True)
        rate, unchanged = index_rate(folder, cache)
        warm = first_screen_seconds(folder, cache, runs, cold=False)
        typical, worst, worst_hits = search_seconds(folder, cache)
        script = (
            "import runpy, sys; sys.argv = ['library_figures', '--scroll', "
            f"{str(folder)!r}]; runpy.run_path({str(Path(__file__))!r}, run_name='__main__')"
        )
        os.environ["CASE_REVIEW_CACHE_DIR"] = str(cache)
        scroll = run_json(script)
    reference = f"{CASES:,} cases made in {generated:.0f} s"
    return [
        Row("library: first screen, cold (no index)", cold, " s", 3.0, reference),
        Row("library: first screen, warm (index present)", warm, " s", 1.0),
        Row("library: index build, s per 1,000 cases (500/s)", 1000 / rate, " s", 2.0, f"{rate:,.0f} cases/s"),
        Row("library: refresh with nothing changed", unchanged, " s", 1.0),
        Row("library: search, typical queries (median)", typical * 1000, " ms", 50, ", ".join(QUERIES[:2])),
        Row(f"library: search, a word in every text ({WORST_QUERY!r})", worst * 1000, " ms", 50, f"{worst_hits} hits"),
        Row("library: down in the list, p95", scroll["down p95"] * 1000, " ms", frame),
        Row("library: page down in the list, p95", scroll["pagedown p95"] * 1000, " ms", frame),
    ]


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--scroll":
        print(json.dumps(asyncio.run(_scroll(Path(sys.argv[2])))))
        return 0
    rows = library_rows(runs=3)
    for row in rows:
        print(row.render())
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
