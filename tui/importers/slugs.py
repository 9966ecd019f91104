"""Ids for the record: lower-case slugs, unique within their table, stable for the same input.

A re-import must give the same ids so that a reviewer's notes on the old record find their
places again; ids are therefore made from the words (a title, a drug name), never from a
counter shared across tables or from the time.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(words: str, *, fallback: str = "item", limit: int = MAX_SLUG) -> str:
    """`Case presentation` -> `case-presentation`; accents dropped, cut at a hyphen within `limit`."""
    ascii_words = unicodedata.normalize("NFKD", words.replace("μ", "u").replace("µ", "u"))
    ascii_words = ascii_words.encode("ascii", "ignore").decode("ascii").casefold()
    slug = _NOT_SLUG.sub("-", ascii_words).strip("-")
    if len(slug) > limit:
        cut = slug[:limit]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut
    return slug.strip("-") or fallback


class IdMaker:
    """Hands out unique ids in one table: the second `fentanyl` is `fentanyl-2`."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def make(self, words: str, *, fallback: str = "item", prefix: str = "") -> str:
        """A new id from `words` (after `prefix-`), made unique in this table."""
        base = slugify(f"{prefix} {words}" if prefix else words, fallback=fallback)
        candidate, number = base, 2
        while candidate in self._taken:
            candidate = f"{base}-{number}"
            number += 1
        self._taken.add(candidate)
        return candidate
