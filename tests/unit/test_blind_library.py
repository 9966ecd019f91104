"""The library under blind review hides other reviewers' counts and note hits, as the compare screen does."""

from __future__ import annotations

from pathlib import Path

from tests.library_helpers import make_library
from tui.library import Library
from tui.library.blind_library import BlindLibrary, library_for


def _rows_by_title(library) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    return {row.title: [review.reviewer for review in row.reviews] for row in library.refresh()}


def test_others_reviews_and_note_hits_are_hidden_until_the_viewers_review_is_complete(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")  # ana's review of "Alpha" is complete and holds "zebrafish"
    (folder / "case-review.toml").write_text("[team]\nblind = true\n", encoding="utf-8")
    plain = Library(folder)
    assert _rows_by_title(plain)["Alpha case of clonazepam"] == ["ana"]

    ben, warning = library_for(folder, Library(folder), "ben")
    assert warning is None and isinstance(ben, BlindLibrary)
    assert _rows_by_title(ben)["Alpha case of clonazepam"] == [], "ben has no review: ana's is hidden"
    assert "blind review" in ben.label and "1 cases" in ben.label
    assert [hit.kind for hit in ben.search("zebrafish").hits] == [], "ana's note is not found by ben"
    assert ben.search("clonazepam").hits, "the case text is still searchable"

    ana, _ = library_for(folder, Library(folder), "ana")
    assert _rows_by_title(ana)["Alpha case of clonazepam"] == ["ana"], "her own review is always shown"
    assert [hit.kind for hit in ana.search("zebrafish").hits] == ["note"]


def test_without_the_team_rule_the_library_is_unchanged(tmp_path: Path) -> None:
    folder = make_library(tmp_path / "cases")
    source = Library(folder)
    assert library_for(folder, source, "ben") == (source, None)
    (folder / "case-review.toml").write_text("[team]\nblind = 3\n", encoding="utf-8")
    source, warning = library_for(folder, Library(folder), "ben")
    assert not isinstance(source, BlindLibrary)
    assert warning is not None and "case-review.toml" in warning and "blind" in warning
