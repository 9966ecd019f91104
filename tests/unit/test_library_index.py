"""The library index: rows from the files, incremental updates, broken cases, hostile queries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.library_helpers import make_library
from tui.library import Library, index_path_for
from tui.library.query import fts_query, snippet
from tui.model.library import RowFilter, filter_rows, sort_rows


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(make_library(tmp_path / "cases"))


def _by_name(rows: list) -> dict:  # type: ignore[type-arg]
    return {Path(row.path).name: row for row in rows}


def test_rows_say_what_each_case_is_and_how_far_its_review_is(library: Library) -> None:
    rows = _by_name(library.refresh())
    assert set(rows) == {"seed-copy-1.toml", "seed-copy-2.toml", "seed-copy-3.toml", "minimal.toml", "broken.toml"}
    reviewed = rows["seed-copy-2.toml"]
    assert reviewed.title == "Alpha case of clonazepam"
    assert reviewed.patient.startswith("44-year-old male")
    assert reviewed.notes_by_reviewer() == "ana 1"
    assert (reviewed.open_notes, reviewed.complete, reviewed.last_reviewed[:10]) == (1, True, "2026-02-03")
    assert rows["seed-copy-1.toml"].status == "not started"


def test_a_broken_case_is_a_row_with_its_one_line_error(library: Library) -> None:
    broken = _by_name(library.refresh())["broken.toml"]
    assert broken.status == "broken"
    assert broken.error is not None and "broken.toml:3" in broken.error and "\n" not in broken.error


def test_first_rows_come_from_the_index_without_reading_a_case(library: Library, tmp_path: Path) -> None:
    cold = library.first_rows()
    assert all(not row.read for row in cold) and len(cold) == 5
    library.refresh()
    again = Library(library.folder)
    warm = _by_name(again.first_rows())
    assert warm["seed-copy-2.toml"].title == "Alpha case of clonazepam"


def test_only_changed_files_are_read_again(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    library.refresh()
    read: list[str] = []
    import tui.library.library as module

    original = module.read_entry
    monkeypatch.setattr(
        module, "read_entry", lambda stamp, reviews: read.append(stamp.path) or original(stamp, reviews)
    )
    library.refresh()
    assert read == []
    case = library.folder / "seed-copy-1.toml"
    case.write_text(case.read_text(encoding="utf-8").replace("Bravo case", "Renamed case"), encoding="utf-8")
    rows = _by_name(library.refresh())
    assert read == [str(case)]
    assert rows["seed-copy-1.toml"].title == "Renamed case of clonazepam"
    assert library.search("renamed").hits[0].path == str(case)


def test_a_file_touched_with_the_same_bytes_is_not_read(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    library.refresh()
    case = library.folder / "seed-copy-3.toml"
    stat = case.stat()
    os.utime(case, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    import tui.library.library as module

    monkeypatch.setattr(module, "read_entry", lambda *_: pytest.fail("read again"))
    library.refresh()


def test_a_changed_review_updates_its_row_and_its_notes_in_search(library: Library) -> None:
    library.refresh()
    review = library.folder / "seed-copy-2.ana.review.toml"
    review.write_text(review.read_text(encoding="utf-8").replace("zebrafish", "okapi"), encoding="utf-8")
    library.refresh()
    assert library.search("zebrafish").hits == ()
    hit = library.search("okapi").hits[0]
    assert (hit.kind, hit.reviewer, hit.target_id) == ("note", "ana", "discussion")


def test_a_removed_case_leaves_the_list_and_the_index(library: Library) -> None:
    library.refresh()
    (library.folder / "seed-copy-3.toml").unlink()
    rows = _by_name(library.refresh())
    assert "seed-copy-3.toml" not in rows
    assert all("seed-copy-3" not in hit.path for hit in library.search("clonazepam").hits)


def test_deleting_the_index_loses_nothing(library: Library) -> None:
    before = library.refresh()
    library.index.close()
    path = index_path_for(library.folder)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rebuilt = Library(library.folder)
    assert rebuilt.refresh() == before


def test_a_damaged_index_is_built_again(library: Library) -> None:
    library.refresh()
    library.index.close()
    index_path_for(library.folder).write_bytes(b"not a database at all" * 100)
    assert len(Library(library.folder).refresh()) == 5


def test_search_is_ranked_and_opens_a_section_at_the_word(library: Library) -> None:
    library.refresh()
    assert library.search("charlie").hits[0].kind == "title"
    answer = library.search("fentanyl")
    assert answer.problem is None and len(answer.hits) == 3
    section = answer.hits[0]
    assert (section.kind, section.target_id, section.label) == ("section", "case-presentation", "Case presentation")
    assert section.start is not None and section.end is not None
    start, end = section.marks[0]
    assert section.snippet[start:end].casefold() == "fentanyl"


@pytest.mark.parametrize(
    "query",
    ['"', '""', "clonazepam\"'", "NEAR(", "a OR", "AND", "(", ")", "*", "-pain", "pain*", "col:pain", "^",
     "'; DROP TABLE cases; --", "\x1b[31m", "\u0000", "x" * 5000, "pain " * 100],
)  # fmt: skip
def test_any_query_is_answered_never_an_exception(library: Library, query: str) -> None:
    library.refresh()
    answer = library.search(query)
    assert answer.problem is not None or isinstance(answer.hits, tuple)


def test_query_words_are_quoted_and_the_last_is_a_prefix() -> None:
    assert fts_query('pain "spasm') == '"pain" AND "spasm" *'
    assert fts_query("pain ") == '"pain"'
    assert fts_query("*** ( )") is None


def test_snippet_marks_the_words_found() -> None:
    text, marks, first = snippet("The patient had fractures of the spine and more fractures.", ["fracture"])
    assert [text[a:b] for a, b in marks] == ["fractures", "fractures"]
    assert first == (16, 25)


def test_rows_sort_and_filter(library: Library) -> None:
    rows = library.refresh()
    titles = [row.title for row in sort_rows(rows, "title")]
    assert titles[:3] == ["A minimal case", "Alpha case of clonazepam", "Bravo case of clonazepam"]
    assert [row.title for row in filter_rows(rows, RowFilter(status="complete"))] == ["Alpha case of clonazepam"]
    assert [row.title for row in filter_rows(rows, RowFilter(reviewer="ana"))] == ["Alpha case of clonazepam"]
    assert [row.title for row in filter_rows(rows, RowFilter(text="charlie"))] == ["Charlie case of clonazepam"]


def test_which_folder_opens_as_a_library(tmp_path: Path, isolated_config_dir: Path) -> None:
    from tui.cli.common import UsageError
    from tui.cli.open_app import library_folder

    folder = make_library(tmp_path / "cases")
    single = tmp_path / "single"
    single.mkdir()
    (single / "one.toml").write_text((folder / "minimal.toml").read_text(encoding="utf-8"), encoding="utf-8")
    assert library_folder(folder) == folder
    assert library_folder(single) is None  # one case opens as before
    assert library_folder(folder / "minimal.toml") is None
    assert library_folder(None) is None
    (isolated_config_dir / "config.toml").write_text(f"library = {str(folder)!r}\n", encoding="utf-8")
    assert library_folder(None) == folder
    (isolated_config_dir / "config.toml").write_text(f"library = {str(tmp_path / 'gone')!r}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        library_folder(None)
