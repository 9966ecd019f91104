"""An imported case opens, shows what the importer flagged, and its review saves and exports."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, RunCli
from tests.review_helpers import make_app, review_screen
from tests.ui.test_annotations import _annotate
from tests.ui.test_layout_narrow import widget_text
from tui.store.review_file import read_review
from tui.widgets.annotation_marks import FLAG
from tui.widgets.timeline_pane import TimelineTable

FIXTURE = REPO / "tests" / "data" / "import" / "jats-knee.xml"


async def test_an_imported_case_shows_its_flags_and_its_review_saves_and_exports(
    tmp_path: Path, run_cli: RunCli
) -> None:
    case_path = tmp_path / "knee.toml"
    done = run_cli("import", FIXTURE, "-o", case_path)
    assert done.returncode == 0, done.stderr
    review_path = tmp_path / "knee.review.toml"
    app = make_app(case_path, review_path=review_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        header = widget_text(app, review_screen(app).query_one("#import-flags"))
        assert header.strip().startswith(f"{FLAG} Imported:") and "flagged" in header
        await pilot.press("4")
        await pilot.pause()
        table = review_screen(app).query_one(TimelineTable)
        flagged = [e.id for e in app.document.case.timeline if e.needs_review]
        assert flagged, "the fixture has rows the importer was unsure of"
        shown = widget_text(app, table)
        assert shown.count(FLAG) == len(flagged), "each flagged event is marked, and only those"
        await pilot.press("1", "j")
        await _annotate(pilot, "checked against the PDF")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = read_review(review_path, app.document.case)
    assert [a.body for a in saved.annotations] == ["checked against the PDF"]
    exported = app.document.export("markdown", tmp_path / "notes.md")
    assert "checked against the PDF" in exported.read_text(encoding="utf-8")
