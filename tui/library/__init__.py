"""A folder of cases as a library: its rows, and search across it, with an index that is only a cache.

Layers, each its own module, none knowing of a screen: where the index lives (`locations`),
what a folder holds (`folder_scan`), what a case and its reviews say (`reading`), the SQLite
FTS5 index (`index`), what a typed query means to FTS5 (`query`), and `Library`, which keeps
the index in step with the files (`library`). The files stay the source of truth: deleting the
index loses nothing, it is built again.
"""

from __future__ import annotations

from tui.library.library import Library
from tui.library.locations import CACHE_DIR_ENV, cache_dir, index_path_for

__all__ = ["CACHE_DIR_ENV", "Library", "cache_dir", "index_path_for"]
