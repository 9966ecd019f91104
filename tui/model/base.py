"""The strict base every record model derives from.

Case files are untrusted and hand-written, so a misspelt key must be an error
rather than silently ignored: `extra="forbid"` turns it into a validation error
that the store then reports with the nearest known key.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Immutable, no unknown keys, no silent type coercion from strings to numbers."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        strict=True,
        str_strip_whitespace=False,
    )
