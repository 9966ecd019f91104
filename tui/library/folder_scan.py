"""What a library folder holds, from one directory listing: its case files and their reviews' files.

One `os.scandir` gives every name with its modification time and size, so telling what
changed since the index was written costs one listing, not a read or a glob per case. Reviews
are grouped by the case id their name starts with (`ID.REVIEWER.review.toml`; a case id has
no dot), which is how `tui.store.case_files.reviews_of` finds them one case at a time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.case_files import CONSENSUS_NAME, REVIEW_SUFFIX


@dataclass(frozen=True, slots=True)
class FileStamp:
    """A file as the listing saw it: what "changed on disk" is first judged by."""

    path: str
    mtime_ns: int
    size: int

    @property
    def token(self) -> str:
        return f"{Path(self.path).name}:{self.mtime_ns}:{self.size}"


@dataclass(slots=True)
class FolderScan:
    cases: list[FileStamp] = field(default_factory=list)
    """Case files by name."""
    reviews: dict[str, list[FileStamp]] = field(default_factory=dict)
    """Review files by the case id their name starts with, each list by name."""

    def reviews_of(self, case_id: str) -> list[FileStamp]:
        return self.reviews.get(case_id, [])

    def reviews_token(self, case_id: str) -> str:
        """The reviews of a case as one string: equal while none of them was added, removed or changed."""
        return ";".join(stamp.token for stamp in self.reviews_of(case_id))


def _is_case_name(name: str) -> bool:
    return name.endswith(".toml") and not name.endswith(REVIEW_SUFFIX) and not name.startswith(".")


def scan_folder(folder: Path) -> FolderScan:
    """The case and review files directly in `folder` (hidden files, journals and the consensus left out)."""
    scan = FolderScan()
    consensus = f".{CONSENSUS_NAME}{REVIEW_SUFFIX}"
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.endswith(".toml"):
                continue
            try:
                if not entry.is_file():
                    continue
                info = entry.stat()
            except OSError:
                continue
            stamp = FileStamp(entry.path, info.st_mtime_ns, info.st_size)
            if name.endswith(REVIEW_SUFFIX):
                if not name.endswith(consensus):
                    scan.reviews.setdefault(name.split(".", 1)[0], []).append(stamp)
            elif _is_case_name(name):
                scan.cases.append(stamp)
    scan.cases.sort(key=lambda stamp: stamp.path)
    for stamps in scan.reviews.values():
        stamps.sort(key=lambda stamp: stamp.path)
    return scan
