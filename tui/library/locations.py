"""Where the library index lives: the user cache folder, one file per library folder.

An index is a cache: losing it costs a rebuild, never a note, so it goes where the system may
clear caches. `CASE_REVIEW_CACHE_DIR` overrides the folder, as `CASE_REVIEW_CONFIG_DIR` does
for settings (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

CACHE_DIR_ENV = "CASE_REVIEW_CACHE_DIR"
INDEX_VERSION = 2
"""Bumped when what the index holds changes; an index of another version is built again."""


def cache_dir() -> Path:
    """The folder of caches; an empty override counts as unset."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir("case-review"))


def index_path_for(folder: Path) -> Path:
    """`library-<hash of the folder's real path>.sqlite`: two folders never share an index."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return cache_dir() / f"library-v{INDEX_VERSION}-{digest}.sqlite"
