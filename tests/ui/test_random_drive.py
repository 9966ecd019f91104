"""A random drive of the app over the seed case: hundreds of steps, never an exception, and every save
loads back equal to what the app holds.

The steps are rules in the manner of a state machine (move, annotate, edit, delete, undo, redo,
walk notes, search, select, switch panes, save); hypothesis draws the sequence and shrinks any
failing one to the shortest. Each rule knows what must hold after it.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from tests.review_helpers import make_app
from tui.app import CaseReviewApp
from tui.screens.annotation_editor import AnnotationEditor
from tui.store.review_file import read_review

Rule = tuple[str, tuple[str, ...]]

RULES: list[Rule] = [
    ("move down", ("j",)),
    ("move up", ("k",)),
    ("first", ("g",)),
    ("last", ("G",)),
    ("reader", ("1",)),
    ("medications", ("2",)),
    ("pain", ("3",)),
    ("timeline", ("4",)),
    ("notes", ("6",)),
    ("tab", ("tab",)),
    ("annotate", ("a", "n", "o", "t", "e", "ctrl+s")),
    ("edit", ("e", "!", "ctrl+s")),
    ("delete", ("d",)),
    ("undo", ("ctrl+z",)),
    ("redo", ("ctrl+y",)),
    ("next note", ("right_square_bracket",)),
    ("previous note", ("left_square_bracket",)),
    ("select", ("v", "shift+right", "shift+right")),
    ("search", ("slash", "p", "a", "i", "n", "enter")),
    ("next hit", ("n",)),
    ("clear", ("escape",)),
    ("save", ("ctrl+s",)),
]


async def _settle(app: CaseReviewApp, pilot: Pilot[None]) -> None:
    """Back to the review screen: an editor opened on a place with no note is closed, and so on."""
    await pilot.pause()
    for _ in range(3):
        if isinstance(app.screen, AnnotationEditor):
            await pilot.press("escape", "escape")
            await pilot.pause()


async def _drive(rules: list[Rule]) -> int:
    folder = Path(tempfile.mkdtemp())
    review = folder / "drive.review.toml"
    app = make_app(review_path=review)
    saves = 0
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for name, keys in rules:
            await pilot.press(*keys)
            await _settle(app, pilot)
            assert app.is_running, f"the app stopped after {name!r}"
            if name == "save" and app.document.session.review.annotations and not app.document.dirty:
                saved = read_review(review, app.document.case)
                assert saved.ordered().annotations == app.document.session.review.ordered().annotations
                saves += 1
    return saves


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(RULES), min_size=60, max_size=80))
def test_a_random_drive_never_raises_and_every_save_loads_back(rules: list[Rule]) -> None:
    asyncio.run(_drive(rules))


def test_a_drive_with_every_rule_saves_what_it_holds() -> None:
    """The same drive, fixed: each rule at least once, several saves among them."""
    rules = [rule for rule in RULES for _ in range(2)] + [("annotate", RULES[10][1]), ("save", ("ctrl+s",))]
    assert asyncio.run(_drive(rules)) >= 1
