"""The library index: one SQLite file of rows and an FTS5 table of every text, a cache of the files.

Each case's row keeps what its files looked like when read (modification time, size, hash, and
its reviews' names, times and sizes), so the next look re-reads only what changed. Texts sit in
an FTS5 table (porter stemming, diacritics folded) ranked by bm25; a side table maps each text
to its case so a changed case's texts are dropped by rowid, not by scanning. An index that
cannot be opened, or is of another version, is deleted and built again: it holds nothing the
files do not.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from tui.library.reading import CaseEntry
from tui.model.library import CaseSummary, ReviewSummary

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases(
    path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, sha256 TEXT,
    case_id TEXT, title TEXT, reviews TEXT, summary TEXT
);
CREATE TABLE IF NOT EXISTS text_case(id INTEGER PRIMARY KEY, path TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS text_case_path ON text_case(path);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(
    body, kind UNINDEXED, label UNINDEXED, place UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


def summary_to_json(summary: CaseSummary) -> str:
    return json.dumps(asdict(summary), separators=(",", ":"))


def summary_from_json(text: str) -> CaseSummary:
    data = json.loads(text)
    data["reviews"] = tuple(ReviewSummary(**review) for review in data.get("reviews", ()))
    return CaseSummary(**data)


class LibraryIndex:
    """One index file, used from any thread: each thread has its own connection (WAL: readers never wait)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._open_checked()

    def _open_checked(self) -> None:
        """Open (creating) the index; one that is damaged is thrown away and started again."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._create(self.connection())
        except sqlite3.DatabaseError:
            self.close()
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{self.path}{suffix}").unlink()
            self._create(self.connection())

    @staticmethod
    def _create(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(SCHEMA)
        connection.execute("SELECT count(*) FROM cases").fetchone()

    def connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # ---- reading ---------------------------------------------------------------------------

    def stamps(self) -> dict[str, tuple[int, int, str, str, str]]:
        """Path -> (modification time, size, hash, case id, reviews token) as last read."""
        rows = self.connection().execute("SELECT path, mtime_ns, size, sha256, case_id, reviews FROM cases")
        return {path: (mtime, size, sha, case_id, reviews) for path, mtime, size, sha, case_id, reviews in rows}

    def summaries(self) -> dict[str, CaseSummary]:
        rows = self.connection().execute("SELECT path, summary FROM cases")
        return {path: summary_from_json(text) for path, text in rows}

    def search(self, match: str, limit: int) -> list[tuple[str, str, str, str, str, str]]:
        """(path, case title, kind, label, place, body) of the best `limit` texts for an FTS5 expression.

        The best are found first by FTS5's own `rank` (bm25, ranked inside FTS5 without fetching a
        row), and only those rows are then read: a word every case holds still costs one scoring pass.
        """
        sql = (
            "WITH best AS (SELECT rowid AS id, rank FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT ?) "
            "SELECT text_case.path, cases.title, texts.kind, texts.label, texts.place, texts.body "
            "FROM best JOIN texts ON texts.rowid = best.id JOIN text_case ON text_case.id = best.id "
            "JOIN cases ON cases.path = text_case.path ORDER BY best.rank"
        )
        return list(self.connection().execute(sql, (match, limit)))

    # ---- writing ---------------------------------------------------------------------------

    def put(self, entries: Iterable[tuple[CaseEntry, int, int, str]]) -> None:
        """Store entries (each with its file's time, size and reviews token) in one transaction."""
        with self._write_lock:
            connection = self.connection()
            connection.execute("BEGIN IMMEDIATE")
            try:
                for entry, mtime_ns, size, reviews in entries:
                    self._drop_texts(connection, entry.summary.path)
                    connection.execute(
                        "INSERT OR REPLACE INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            entry.summary.path,
                            mtime_ns,
                            size,
                            entry.sha256,
                            entry.summary.case_id,
                            entry.summary.title,
                            reviews,
                            summary_to_json(entry.summary),
                        ),
                    )
                    for text in entry.texts:
                        cursor = connection.execute("INSERT INTO text_case(path) VALUES (?)", (entry.summary.path,))
                        place = json.dumps(
                            [text.target, text.target_id, text.start, text.end, text.note_id, text.parts],
                            separators=(",", ":"),
                        )
                        connection.execute(
                            "INSERT INTO texts(rowid, body, kind, label, place) VALUES (?, ?, ?, ?, ?)",
                            (cursor.lastrowid, text.body, text.kind, text.label, place),
                        )
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise

    def touch(self, path: str, mtime_ns: int, size: int) -> None:
        """The file was written again with the same bytes: remember its new time, read nothing."""
        with self._write_lock:
            self.connection().execute("UPDATE cases SET mtime_ns = ?, size = ? WHERE path = ?", (mtime_ns, size, path))

    def remove(self, paths: Iterable[str]) -> None:
        with self._write_lock:
            connection = self.connection()
            connection.execute("BEGIN IMMEDIATE")
            for path in paths:
                self._drop_texts(connection, path)
                connection.execute("DELETE FROM cases WHERE path = ?", (path,))
            connection.execute("COMMIT")

    @staticmethod
    def _drop_texts(connection: sqlite3.Connection, path: str) -> None:
        ids = [row[0] for row in connection.execute("SELECT id FROM text_case WHERE path = ?", (path,))]
        if ids:
            connection.executemany("DELETE FROM texts WHERE rowid = ?", [(i,) for i in ids])
            connection.execute("DELETE FROM text_case WHERE path = ?", (path,))
