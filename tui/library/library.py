"""A library folder kept in step with its index: rows at once, every change re-read, search.

`first_rows` answers from the index and one directory listing (no case is read), so the list
shows at once; `refresh` then compares each file's time and size with the index, hashes a file
whose time changed (same bytes: nothing to read), re-reads only what really changed, and
drops what is gone. It is slow for a new library and is meant for a worker thread; the list
and search stay usable meanwhile.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from tui.library.folder_scan import FileStamp, FolderScan, scan_folder
from tui.library.index import LibraryIndex
from tui.library.locations import index_path_for
from tui.library.query import fts_query, snippet, terms_of
from tui.library.reading import CaseEntry, file_sha256, read_entry
from tui.model.library import CaseSummary, HitKind, SearchAnswer, SearchHit

BATCH = 250
"""Cases written to the index per transaction: few commits, and progress the list can show."""


def placeholder(stamp: FileStamp) -> CaseSummary:
    """A row known by its file name only, until its case is read."""
    return CaseSummary(stamp.path, title=Path(stamp.path).name, read=False)


class Library:
    """A folder of cases and its index in the user cache folder."""

    def __init__(self, folder: Path, *, index_path: Path | None = None) -> None:
        self.folder = folder
        self.index = LibraryIndex(index_path or index_path_for(folder))

    @property
    def label(self) -> str:
        return str(self.folder)

    def first_rows(self) -> list[CaseSummary]:
        """The cases as the index last saw them; with no index yet, every case file by its name.

        No listing when the index has rows: `refresh` lists the folder next and brings in
        what was added or removed since.
        """
        known = self.index.summaries()
        if known:
            return [known[path] for path in sorted(known)]
        return [placeholder(stamp) for stamp in scan_folder(self.folder).cases]

    def refresh(self, progress: Callable[[int, int], None] | None = None) -> list[CaseSummary]:
        """Read again what changed on disk since the index was written; every row, in file order."""
        scan = scan_folder(self.folder)
        stamps = self.index.stamps()
        gone = set(stamps) - {stamp.path for stamp in scan.cases}
        if gone:
            self.index.remove(gone)
        stale = [stamp for stamp in scan.cases if not self._fresh(stamp, scan, stamps.get(stamp.path))]
        batch: list[tuple[CaseEntry, int, int, str]] = []
        for done, stamp in enumerate(stale, 1):
            entry = read_entry(stamp, scan.reviews)
            batch.append((entry, stamp.mtime_ns, stamp.size, scan.reviews_token(entry.summary.case_id)))
            if len(batch) >= BATCH or done == len(stale):
                self.index.put(batch)
                batch = []
                if progress is not None:
                    progress(done, len(stale))
        known = self.index.summaries()
        return [known.get(stamp.path) or placeholder(stamp) for stamp in scan.cases]

    def _fresh(self, stamp: FileStamp, scan: FolderScan, stored: tuple[int, int, str, str, str] | None) -> bool:
        """Whether the index holds this case as it is: same file (by time and size, else hash), same reviews."""
        if stored is None:
            return False
        mtime_ns, size, sha, case_id, reviews = stored
        if scan.reviews_token(case_id) != reviews:
            return False
        if (mtime_ns, size) == (stamp.mtime_ns, stamp.size):
            return True
        try:
            same = size == stamp.size and file_sha256(stamp.path) == sha
        except OSError:
            return False
        if same:
            self.index.touch(stamp.path, stamp.mtime_ns, stamp.size)
        return same

    def search(self, query: str, limit: int = 200) -> SearchAnswer:
        """The best `limit` hits of `query` (words, all required), ranked by bm25; never raises for the query."""
        started = time.perf_counter()
        match = fts_query(query)
        if match is None:
            return SearchAnswer(query, problem="type a word to search for")
        terms = terms_of(query)
        hits = []
        for path, title, _kind, stored_label, place, body in self.index.search(match, limit):
            target, target_id, start, end, note_id, parts = json.loads(place)
            text, marks, first = snippet(body, terms)
            kind: HitKind = "note"
            label = stored_label
            if target == "case":
                kind, label, target, target_id, start, end = _in_case(parts, target_id, first)
            hits.append(
                SearchHit(
                    path=path,
                    title=title,
                    kind=kind,
                    label=label,
                    snippet=text,
                    marks=marks,
                    target=target,
                    target_id=target_id,
                    start=start,
                    end=end,
                    note_id=note_id,
                    reviewer=label if kind == "note" else "",
                )
            )
        return SearchAnswer(query, tuple(hits), time.perf_counter() - started, terms=tuple(terms))


def _in_case(
    parts: list[list[object]], first_section: str, found: tuple[int, int] | None
) -> tuple[HitKind, str, str, str, int | None, int | None]:
    """Where in a whole case's text a match is: the title, or a section and the span in its text."""
    if found is None:
        return "section", "", "section", first_section, None, None
    part_id, label, offset = "", "title", 0
    for section_id, section_label, section_offset in parts:
        if int(str(section_offset)) <= found[0]:
            part_id, label, offset = str(section_id), str(section_label), int(str(section_offset))
    if not part_id:
        return "title", "title", "section", first_section, None, None
    return "section", label, "section", part_id, found[0] - offset, found[1] - offset
