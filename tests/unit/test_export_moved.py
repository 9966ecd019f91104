"""Exports mark a moved note where they mark orphans: the words annotated beside the words the case has now."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from tests.conftest import SEED_CASE
from tests.unit.test_fuzzy_reanchoring import EDITED, PHRASE, edited_case, note_on, review_of
from tui.export import render
from tui.export.notes import build_review_notes
from tui.store import read_case

EXPORTED = datetime(2026, 11, 28, tzinfo=UTC)


def _notes():  # type: ignore[no-untyped-def]
    original = read_case(SEED_CASE)
    hostile = note_on(original, PHRASE).model_copy(update={"body": "see <b>this</b>"})
    return build_review_notes(edited_case(PHRASE, EDITED), review_of(original, hostile), exported=EXPORTED)


def test_markdown_and_html_show_both_quotes_and_count_the_moved() -> None:
    notes = _notes()
    assert [n.new_words for n in notes.moved()] == [EDITED]
    markdown = render("md", notes)
    assert f"> {PHRASE}" in markdown and f"> {EDITED}" in markdown
    assert "*Moved: the case's words here were edited; it now reads:*" in markdown
    assert "0 orphaned, 1 moved (their words were edited in the case)." in markdown
    html = render("html", notes)
    assert f'<blockquote class="moved">{EDITED}</blockquote>' in html
    assert "<b>this</b>" not in html


def test_csv_and_json_name_the_new_words() -> None:
    notes = _notes()
    rows = list(csv.DictReader(io.StringIO(render("csv", notes))))
    assert rows[0]["quote"] == PHRASE and rows[0]["now_reads"] == EDITED and rows[0]["orphan"] == "no"
    document = json.loads(render("json", notes))
    assert document["moved"] == [{"id": "a-0000001fuzzy1", "now_reads": EDITED}]
    assert document["orphans"] == []
