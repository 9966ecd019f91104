"""A case record as TOML text: the same record always gives the same bytes, and reads back as it.

Written in the order a person reads a record (the header, the source, the patient, then the
sections, medications, pain scores and events), with section text as multi-line strings so
that a re-import diffs paragraph by paragraph. tomli-w does the escaping; the result is read
back with `tomllib` and compared before it is handed out, so what is written is what the
case reader will see.
"""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w

from tui.model import CaseRecord

HEADER = (
    "# Case record imported by `case-review import` from {source}.\n"
    "# Section text is the report's words; rows with needs_review = true and the import_notes\n"
    "# are what the importer was unsure of: check them against the text before relying on them.\n"
)


def record_toml(case: CaseRecord) -> str:
    """The record as TOML; raises ValueError if it would not read back as the same record."""
    data: dict[str, Any] = _whole_numbers(case.model_dump(mode="json", exclude_none=True))
    text = HEADER.format(source=case.source.file.replace("\n", " ")) + tomli_w.dumps(
        data, multiline_strings=True, indent=4
    )
    if CaseRecord.model_validate(tomllib.loads(text)) != case:
        raise ValueError("the record does not read back as written")
    return text


def _whole_numbers(value: Any) -> Any:
    """`3000.0` written as `3000`, as a person writes a dose; the model reads either as the same float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {key: _whole_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(item) for item in value]
    return value
