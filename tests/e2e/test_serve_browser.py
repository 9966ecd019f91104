"""`case-review serve` driven in real Chromium: page, keys, a saved note, a download, the token, no other host.

The terminal is drawn on a canvas, so the test asserts on what the app writes (the review file)
and delivers (the download), and on what the server answers; the screenshot is for people.
Chromium is Debian's (`/usr/bin/chromium`, or $CASE_REVIEW_CHROMIUM): never a downloaded browser.
Without it, or without Playwright, the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

from tests.conftest import SEED_CASE
from tests.e2e.conftest import keep_artefact
from tests.e2e.server_process import serving, status, websocket_status
from tui.serve.access import COOKIE

CHROMIUM = Path(os.environ.get("CASE_REVIEW_CHROMIUM", "/usr/bin/chromium"))
TOKEN = "e2e-token-0123456789abcdef"
NOTE = "Checked in Chromium"
CASE_ID = "clonazepam-vcf-myeloma"


def _browser_or_skip() -> None:
    pytest.importorskip("playwright.sync_api", reason="Playwright for Python is missing (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium): the browser test did not run")


def _wait_for(page: Page, condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    """Poll `condition`, letting Playwright deliver its events meanwhile (a plain sleep would not)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        page.wait_for_timeout(100)


def _settle(page: Page, frames: list[float], timeout: float = 30) -> None:
    """Wait until the app has answered the last key (a new frame on the websocket), then half a second more.

    Not "until the stream is quiet": a focused text field blinks its cursor, so it never is.
    """
    before = len(frames)
    _wait_for(page, lambda: len(frames) > before, "the app to answer", timeout)
    page.wait_for_timeout(500)


def _app_processes(case: Path) -> int:
    """Running `python -m tui CASE ...` processes (not the server): one per open tab."""
    count = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if "tui" in words and str(case) in words and "serve" not in words:
            count += 1
    return count


def _assert_refused_without_the_token(port: int) -> None:
    wrong = {"Cookie": f"{COOKIE}=wrong-token-0123456789"}
    assert status(port, "/") == 401
    assert status(port, "/?token=wrong-token-0123456789") == 403
    assert status(port, "/", wrong) == 403
    assert status(port, "/static/js/textual.js") == 401
    assert websocket_status(port) == 401
    assert websocket_status(port, wrong) == 403
    assert websocket_status(port, {"Cookie": f"{COOKIE}={TOKEN}", "Origin": "http://elsewhere.example"}) == 403


def test_a_served_session_in_chromium(tmp_path: Path) -> None:
    _browser_or_skip()
    from playwright.sync_api import Download, WebSocket, sync_playwright

    case = tmp_path / SEED_CASE.name
    shutil.copy(SEED_CASE, case)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="ascii")
    review = tmp_path / f"{CASE_ID}.tester.review.toml"

    with serving(case, "--reviewer", "tester", "--token-file", token_file, cwd=tmp_path) as port:
        origin = f"http://127.0.0.1:{port}"
        _assert_refused_without_the_token(port)

        requested: list[str] = []
        downloads: list[Download] = []
        frames: list[float] = []
        console_errors: list[str] = []

        def watch(page: Page) -> None:
            page.on("request", lambda request: requested.append(request.url))
            page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108 (Playwright wraps it)
            page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

        def watch_socket(socket: WebSocket) -> None:
            requested.append(socket.url)
            socket.on("framereceived", lambda _frame: frames.append(time.monotonic()))

        with sync_playwright() as playwright:
            # No name resolves: the page works with this machine offline, or it fails here.
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
            )
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
                context.on("page", watch)
                page = context.new_page()

                wrong = page.goto(f"{origin}/?token=not-the-token-000000")
                assert wrong is not None and wrong.status == 403

                page.on("websocket", watch_socket)
                answer = page.goto(f"{origin}/?token={TOKEN}")
                assert answer is not None and answer.status == 200
                assert page.url == f"{origin}/", "the token stays out of the address bar"
                page.wait_for_selector("body.-first-byte", timeout=30_000)
                # The first screen is drawn once the stream has gone quiet.
                _wait_for(page, lambda: bool(frames) and time.monotonic() - frames[-1] > 1.5, "the first screen")
                assert _app_processes(case) == 1

                page.focus(".xterm-helper-textarea")
                page.keyboard.press("a")  # annotate the sentence under the reader's cursor
                _settle(page, frames)
                page.keyboard.type(NOTE, delay=20)
                page.keyboard.press("Control+s")  # accept the note
                _settle(page, frames)
                page.keyboard.press("Control+s")  # save the review
                saved_note = lambda: review.exists() and NOTE in review.read_text(encoding="utf-8")  # noqa: E731
                _wait_for(page, saved_note, "the saved review")

                # A second tab is a second app process; closing it ends that process.
                second = context.new_page()
                second.goto(f"{origin}/")  # the cookie carries the token
                second.wait_for_selector("body.-first-byte", timeout=30_000)
                _wait_for(page, lambda: _app_processes(case) == 2, "a second app process")
                second.close()
                _wait_for(page, lambda: _app_processes(case) == 1, "the second app process to end")

                page.keyboard.press("x")  # export: in a browser, a download
                _settle(page, frames)
                page.keyboard.press("Enter")
                _wait_for(page, lambda: bool(downloads), "the download")
                download = downloads[0]
                assert download.suggested_filename == f"{CASE_ID}.tester.notes.md"
                saved = tmp_path / "downloaded.md"
                download.save_as(saved)
                assert NOTE in saved.read_text(encoding="utf-8")
                assert sorted(tmp_path.glob("*.notes.*")) == [], "nothing exported on the server"

                page.wait_for_timeout(1000)  # the notification has faded in
                page.screenshot(path=keep_artefact("serve-chromium.png"))
            finally:
                browser.close()

    assert requested, "the page made no request"
    elsewhere = [url for url in requested if urlsplit(url).netloc != f"127.0.0.1:{port}"]
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert any(url.endswith(".ttf") for url in requested), "the terminal font is served locally"
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
