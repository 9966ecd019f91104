"""Speed and memory of case-review at scale: one table of figures against their targets.

    python benchmarks/run.py [--quick]

Generates a large case (200 sections of about 2,000 words, 1,000 medication rows, 1,000 pain
scores, 500 events) and reviews of 10,000 and 100,000 notes in a temporary folder, measures each
figure (medians; first screens against a bare Textual app started the same way, in the same
run), prints `ok` or `MISS` against each target, then how each cost grows when its input
doubles (linear is about 2); then a generated library of 10,000 cases (`library_figures.py`).
Exits 1 on any MISS. `--quick` runs fewer repeats.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import compare_rows
from generate import review_of, write_large_case
from library_figures import library_rows
from measure import (
    BARE_APP,
    REPO,
    Row,
    bytecode_cached,
    case_review_app,
    first_screens,
    median_seconds,
    run_json,
)
from reanchor import reanchor_rows

from tui.export import FORMATS, render
from tui.export.notes import build_review_notes
from tui.model import CaseRecord
from tui.resources import default_case_path
from tui.store import read_case
from tui.store.review_file import review_to_toml, write_review

EXPORTED = datetime(2026, 11, 28, tzinfo=UTC)


def _export_seconds(case_path: Path, notes: int, export_format: str) -> float:
    case = read_case(case_path)
    review = review_of(case, case_path, notes)
    return median_seconds(lambda: render(export_format, build_review_notes(case, review, exported=EXPORTED)), 1)


def start_up_rows(folder: Path, large: Path, review: Path, runs: int) -> list[Row]:
    """First screens against a bare Textual app: as installed (bytecode kept, as a wheel install
    keeps it), and as this environment starts the package (an editable install under
    `PYTHONDONTWRITEBYTECODE` compiles every module of ours at every start)."""
    seed_review = folder / "seed.bench.review.toml"
    scripts = {
        "bare": BARE_APP,
        "seed": case_review_app(default_case_path(), seed_review),
        "large": case_review_app(large, review),
    }
    installed = first_screens(scripts, runs, bytecode=folder / "bytecode")
    here = first_screens({name: scripts[name] for name in ("bare", "seed")}, runs)
    compiled = "bytecode kept" if bytecode_cached(REPO / "tui" / "app.py") else "ours compiled at each start"
    return [
        Row(
            "first screen, seed case / bare app",
            installed["seed"] / installed["bare"],
            "x",
            1.5,
            f"bare Textual {installed['bare'] * 1000:.0f} ms",
        ),
        Row(
            "first screen, large case + 10k review / bare app",
            installed["large"] / installed["bare"],
            "x",
            3.0,
            f"bare Textual {installed['bare'] * 1000:.0f} ms",
        ),
        Row(
            f"first screen, seed case / bare app ({compiled})",
            here["seed"] / here["bare"],
            "x",
            1.5,
            f"bare Textual {here['bare'] * 1000:.0f} ms",
        ),
    ]


def _first_save_seconds(case: CaseRecord, case_path: Path, target: Path) -> float:
    """A save of a review none of whose entries was written in this process (each run a new review)."""
    times = []
    for _ in range(3):
        review = review_of(case, case_path, 10_000)
        started = time.perf_counter()
        write_review(target, review)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def data_rows(folder: Path, large: Path, half: Path) -> tuple[list[Row], list[str]]:
    case = read_case(large)
    read_full = median_seconds(lambda: read_case(large), 5)
    read_half = median_seconds(lambda: read_case(half), 5)
    review_10k = review_of(case, large, 10_000)
    review_5k = review_of(case, large, 5_000)
    target = folder / "save.review.toml"
    save_full = median_seconds(lambda: write_review(target, review_10k), 7)
    save_half = median_seconds(lambda: write_review(target, review_5k), 7)
    rows = [
        Row("read_case, large case", read_full, " s", 0.25),
        Row("first save of 10k notes (no entry written before)", _first_save_seconds(case, large, target), " s", 0.25),
        Row("save of 10k notes after an edit", save_full, " s", 0.1),
    ]
    growth = [
        f"read_case        half {read_half:.3f} s  full {read_full:.3f} s  ratio {read_full / read_half:.2f}",
        f"save             5k {save_half:.3f} s  10k {save_full:.3f} s  ratio {save_full / save_half:.2f}",
    ]
    for export_format in FORMATS:
        full = _export_seconds(large, 10_000, export_format)
        half = _export_seconds(large, 5_000, export_format)
        rows.append(Row(f"export of 10k notes, {export_format}", full, " s", 1.0))
        growth.append(f"export {export_format:<9} 5k {half:.3f} s  10k {full:.3f} s  ratio {full / half:.2f}")
    ten = _export_seconds(large, 10_000, "md")
    hundred = _export_seconds(large, 100_000, "md")
    rows.append(Row("export of 100k notes / of 10k (md)", hundred / ten, "x", 12.0, f"10k: {ten:.2f} s"))
    _ = review_to_toml  # the writer measured through write_review
    return rows, growth


def app_rows(large: Path, review: Path) -> list[Row]:
    figures = run_json(
        "import runpy, sys; sys.argv = ['app_figures', "
        f"{str(large)!r}, {str(review)!r}]; runpy.run_path({str(REPO / 'benchmarks' / 'app_figures.py')!r}, "
        "run_name='__main__')"
    )
    rows = [
        Row(f"build hidden pane: {name.removeprefix('pane ')}", value, " s", 0.5)
        for name, value in figures.items()
        if name.startswith("pane ")
    ]
    frame = 1000 / 60
    rows += [
        Row("peak RSS with every pane built", figures["peak RSS MB"], " MB", 150),
        Row("key work: j in the reader, p95", figures["j p95"] * 1000, " ms", frame),
        Row("key work: down in the medication table, p95", figures["down p95"] * 1000, " ms", frame),
        Row("s (sort medications)", figures["s sort"] * 1000, " ms", 50),
        Row("y (answer an appraisal item, 10k notes), p95", figures["y p95"] * 1000, " ms", 50),
        Row("first switch to the timeline", figures["first switch to timeline"], " s", 0.5),
        Row("pain chart (1k scores) + 40 drug bars", figures["pain chart and a screen of bars"] * 1000, " ms", frame),
        Row("journal write after an edit, on the UI thread", figures["journal UI seconds"] * 1000, " ms", frame),
    ]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (noisier)")
    options = parser.parse_args()
    runs = 3 if options.quick else 7
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "half").mkdir()
        large = write_large_case(folder)
        half = write_large_case(folder / "half", sections=100, medications=500, pain=500, events=250)
        review = folder / "large-case.bench.review.toml"
        write_review(review, review_of(read_case(large), large, 10_000))
        rows = start_up_rows(folder, large, review, runs)
        data, growth = data_rows(folder, large, half)
        anchoring, anchoring_growth = reanchor_rows(large, runs)
        rows += data + anchoring + compare_rows(large, runs) + app_rows(large, review)
        growth += anchoring_growth
    rows += library_rows(runs)
    print(f"{'figure':<52} {'value':>12}  {'reference':<26} {'target':>12}  result")
    for row in rows:
        print(row.render())
    print("\nhow each cost grows when its input doubles (linear is about 2):")
    for line in growth:
        print("  " + line)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
