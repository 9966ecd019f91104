"""A case full of markup and escape sequences is shown literally and triggers nothing."""

from __future__ import annotations

from tests.conftest import DATA
from tests.review_helpers import make_app, reader, reader_visible_text, screen_text
from tui.safe_text import sanitize_line, sanitize_text

HOSTILE = DATA / "good" / "hostile.toml"


def test_sanitizing_keeps_every_offset() -> None:
    raw = "a\x1b]0;t\x07b\x1b[2Jc\u202ed\x85e\nf\tg"
    assert len(sanitize_text(raw)) == len(raw)
    assert len(sanitize_line(raw)) == len(raw)
    assert "\x1b" not in sanitize_text(raw) and "\u202e" not in sanitize_text(raw)
    assert sanitize_text(raw).count("\n") == 1 and "\n" not in sanitize_line(raw)


async def test_hostile_text_is_shown_literally_and_the_app_keeps_running() -> None:
    app = make_app(HOSTILE)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[bold]Hostile[/bold] [@click=app.quit]title[/]" in text
        assert "␛]0;pwned␇" in text
        shown = reader_visible_text(app)
        assert "[bold]not bold[/bold]" in shown
        assert "[@click=app.quit]x[/]" in shown
        assert "[link=http://x]y[/]" in shown
        assert "Escape ␛]0;title␇ and ␛[2J here" in shown
        assert "Unterminated [/ tag" in shown
        assert "Bidi �evil� end." in shown
        assert "\x1b" not in text and "\u202e" not in text
        # Clicking the words that would be a quit action, and every pane, must do nothing harmful.
        await pilot.click("#sections-pane", offset=(20, 2))
        for key in ("2", "enter", "3", "enter", "4", "j", "1", "j", "k"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert "[@click=app.quit]drug[/]" in screen_text(app) or reader(app).section_id == "trap"
        await pilot.press("2")
        await pilot.pause()
        assert "[@click=app.quit]drug[/]" in screen_text(app)
        assert "␛[31mred" in screen_text(app)
        await pilot.press("3")
        await pilot.pause()
        assert "[@click=app.quit]words[/]" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        assert "[@click=app.quit]event[/]" in screen_text(app)
        detail = str(app.screen.query_one("#timeline-detail").render())
        assert detail.splitlines() == ["#1 day 0 · [@click=app.quit]event[/]", "␛]0;pwned␇"], (
            "the event's label and words, made visible, in the detail box"
        )
        await pilot.press("ctrl+p", *"Section")
        await pilot.pause(0.5)
        assert "[@click=app.quit]Trap[/]" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running


def test_title_change_sequence_never_reaches_the_terminal(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Rendered output of the whole first screen, as bytes a terminal would receive.
    import asyncio

    async def render() -> str:
        app = make_app(HOSTILE)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            return app.export_screenshot()

    svg = asyncio.run(render())
    assert "\x1b]0;" not in svg and "\x07" not in svg
