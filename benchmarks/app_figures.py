"""Figures measured inside a running app on a large case, printed as one JSON line for `run.py`.

    python benchmarks/app_figures.py CASE REVIEW

Each key is timed from its action to a fully composed screen, synchronously (the work on the
key-press path, not the harness' waiting). Panes are built one by one, each timed; the peak
resident memory is read after all of them are up.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path

from textual.pilot import Pilot

import tui.screens.review.screen as review_screen
from tui.app import CaseReviewApp
from tui.model.places import Place
from tui.workspace import ReviewDocument


def _compose(app: CaseReviewApp) -> None:
    # Private, benchmark-only: do now what the next refresh would do.
    app.screen._refresh_layout()
    app.screen._compositor.render_update(full=True)


async def _press(app: CaseReviewApp, key: str, pilot: Pilot[None] | None = None) -> float:
    """The work of one key: its action, the messages it sends handled, and the next frame drawn.

    Timed in CPU time of this process, so the harness' waiting for idle is not counted; the
    frame is drawn as Textual draws it (what changed; layout only when asked for).
    """
    active = app.screen.active_bindings[key]
    started = time.process_time()
    await app.run_action(active.binding.action, active.node)
    if pilot is not None:
        await pilot.pause()
    app.screen._on_timer_update()  # Private, benchmark-only: draw the next frame now.
    return time.process_time() - started


def _peak_rss_mb() -> float:
    """This program's own peak resident memory.

    `ru_maxrss` is not it: Linux carries the parent's figure across fork and exec, so a
    measurement started by a runner that had just exported 100,000 notes reported the
    runner's peak. The memory map's high-water mark (VmHWM) starts again at exec.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _p95(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.95) - 1]


async def _figures(case: Path, review: Path) -> dict[str, float]:
    review_screen.PREBUILD_DELAY = 3600  # nothing is built behind the measurements' back
    document = ReviewDocument.open(case, reviewer="bench", review_path=review)
    app = CaseReviewApp(document, theme="case-review-dark")
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, review_screen.ReviewScreen)
        for pane in screen.panes[1:]:
            started = time.perf_counter()
            await screen.action_show_pane(pane.name)
            await pilot.pause()
            _compose(app)
            figures[f"pane {pane.name}"] = time.perf_counter() - started
            if pane.name == "pain":
                figures["pain chart and a screen of bars"] = _pain_chart_seconds(app)
        figures["peak RSS MB"] = _peak_rss_mb()
        await screen.action_show_pane("sections")
        await _settle(pilot)
        figures["j p95"] = _p95([await _press(app, "j", pilot) for _ in range(60)])
        await screen.action_show_pane("medications")
        await _settle(pilot)
        figures["down p95"] = _p95([await _press(app, "down", pilot) for _ in range(60)])
        figures["s sort"] = statistics.median([await _press(app, "s", pilot) for _ in range(5)])
        await screen.action_show_pane("appraisal")
        await _settle(pilot)
        figures["y p95"] = _p95([await _press(app, "y", pilot) for _ in range(20)])
        for _ in range(20):
            document.session.undo()
        figures["journal UI seconds"] = _journal_ui_seconds(app, document)
        await pilot.pause(0.5)
        document.session.undo()
        document.discard_journal()  # the next measurement opens the same review: no recovery to offer
    return figures


def _pain_chart_seconds(app: CaseReviewApp) -> float:
    """One draw of the day chart (every score) and of 40 bar lines: what a resize or a theme change costs."""
    from tui.widgets.day_chart import DrugBars, PainDayChart

    chart, bars = app.screen.query_one(PainDayChart), app.screen.query_one(DrugBars)
    started = time.perf_counter()
    chart.render()
    for y in range(40):
        bars.render_line(y)
    return time.perf_counter() - started


def _journal_ui_seconds(app: CaseReviewApp, document: ReviewDocument) -> float:
    """The time the UI thread spends on one journal write after an edit (the rest may run elsewhere)."""
    place = Place("medication", document.case.medications[0].id)
    from tui.model.review_session import NoteDraft

    document.session.annotate(document.case, place, NoteDraft(body="journal me"), "bench")
    started = time.perf_counter()
    app._write_journal(document)
    return time.perf_counter() - started


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.pause()


async def _first_switch_to_timeline(case: Path, review: Path) -> float:
    review_screen.PREBUILD_DELAY = 3600
    document = ReviewDocument.open(case, reviewer="bench", review_path=review)
    app = CaseReviewApp(document, theme="case-review-dark")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        elapsed = await _press(app, "4", pilot)
        await pilot.pause()
        return elapsed


def main() -> None:
    case, review = Path(sys.argv[1]), Path(sys.argv[2])
    figures = asyncio.run(_figures(case, review))
    figures["first switch to timeline"] = asyncio.run(_first_switch_to_timeline(case, review))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
