"""The library screen driven by keys: open, sort, filter, open a case, back, next/previous, search, quit."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.library_helpers import make_library
from tui.library import Library
from tui.library_app import LibraryApp
from tui.screens.library.screen import LibraryScreen
from tui.screens.quit_dialog import QuitDialog
from tui.screens.review.screen import ReviewScreen


def _app(folder: Path) -> LibraryApp:
    return LibraryApp(Library(folder), reviewer="tester", theme="case-review-dark")


async def _loaded(pilot, app: LibraryApp) -> LibraryScreen:  # type: ignore[no-untyped-def]
    screen = app.library_screen
    for _ in range(100):
        await pilot.pause(0.02)
        if screen.loaded:
            break
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert screen.loaded
    return screen


def _titles(screen: LibraryScreen) -> list[str]:
    return [row.title for row in screen.shown]


def _cursor_title(screen: LibraryScreen) -> str | None:
    row = screen.current_row()
    return row.title if row is not None else None


async def test_a_folder_opens_as_a_list_sorted_and_filtered(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        assert isinstance(app.screen, LibraryScreen)
        assert _titles(screen)[:3] == ["A minimal case", "Alpha case of clonazepam", "Bravo case of clonazepam"]
        await pilot.press("r")
        assert _titles(screen)[0] == "Charlie case of clonazepam"
        await pilot.press("r", "c", "c", "c")  # any -> not started -> in progress -> complete
        assert _titles(screen) == ["Alpha case of clonazepam"]
        await pilot.press("escape", "w")  # reviewer: ana
        assert screen.row_filter.reviewer == "ana" and _titles(screen) == ["Alpha case of clonazepam"]
        await pilot.press("escape", "f", *"charlie", "enter")
        assert _titles(screen) == ["Charlie case of clonazepam"]
        await pilot.press("escape")
        assert len(screen.shown) == 5


async def test_a_broken_case_is_listed_with_its_error_and_does_not_open(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press(*"c" * 4)  # status: broken
        assert _titles(screen) == ["broken.toml"]
        status = str(screen.query_one("#library-status", Static).render())
        assert "broken.toml:3" in status
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.documents == []


async def test_enter_opens_a_case_and_escape_comes_back_with_the_cursor_kept(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("j", "j")
        assert _cursor_title(screen) == "Bravo case of clonazepam"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.case.title == "Bravo case of clonazepam"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and _cursor_title(screen) == "Bravo case of clonazepam"


async def test_ctrl_n_and_ctrl_b_go_through_the_list_without_going_back(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.case.title == "Alpha case of clonazepam"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen) and app.screen.case.title == "Bravo case of clonazepam"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.case.title == "Charlie case of clonazepam"  # the broken row is skipped
        await pilot.press("ctrl+b", "ctrl+b")
        await pilot.pause()
        assert app.screen.case.title == "Alpha case of clonazepam"
        await pilot.press("escape")
        await pilot.pause()
        assert _cursor_title(screen) == "Alpha case of clonazepam"
        assert len(app.documents) == 3


async def test_search_then_enter_opens_the_case_at_the_hit(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("slash", *"fentanyl patch", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.answer is not None and screen.answer.hits
        hit = screen.answer.hits[0]
        assert hit.kind == "section" and "fentanyl" in hit.snippet.casefold()
        await pilot.press("enter")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert review.reader.section_id == hit.target_id
        assert hit.start is not None and hit.end is not None
        assert review.case.section(hit.target_id).text[hit.start : hit.end].casefold().startswith("fentanyl")  # type: ignore[union-attr]


async def test_a_note_hit_opens_the_case_at_the_note(tmp_path: Path) -> None:
    app = _app(make_library(tmp_path / "cases"))
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("slash", *"zebrafish", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.answer is not None and [h.kind for h in screen.answer.hits] == ["note"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.screen.reader.section_id == "discussion"


async def test_a_case_changed_on_disk_is_read_again_when_the_list_is_next_shown(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    app = _app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await _loaded(pilot, app)
        await pilot.press("enter")  # the first row: A minimal case
        await pilot.pause()
        case = folder / "seed-copy-3.toml"
        case.write_text(case.read_text(encoding="utf-8").replace("Charlie case", "Delta case"), encoding="utf-8")
        screen.loaded = True
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Delta case of clonazepam" in _titles(screen)
        assert _cursor_title(screen) == "A minimal case"


async def test_two_cases_with_unsaved_notes_and_one_quit_question(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    app = _app(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await _loaded(pilot, app)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("a", *"first note", "ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("a", *"second note", "ctrl+s")
        await pilot.pause()
        assert [d.dirty for d in app.documents] == [True, True]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await pilot.pause()
    written = sorted(path.name for path in folder.glob("*.tester.review.toml"))
    assert written == ["seed-copy-1.tester.review.toml", "seed-copy-2.tester.review.toml"]
