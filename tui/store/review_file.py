"""Reading and writing a review file.

One file per reviewer (`ID.REVIEWER.review.toml`, placed by `case_files`), so a team can
share reviews in git without conflicts; written whole, in one stable order, atomically.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import cast

import tomli_w

from tui.model.case import CaseRecord
from tui.model.derived import derived
from tui.model.review import Annotation, ChecklistAnswer, Review
from tui.store.atomic import write_atomic
from tui.store.errors import InputFileError, Problem
from tui.store.toml_file import read_toml_model
from tui.store.toml_writer import entry_to_toml

MAX_REVIEW_BYTES = 32 * 1024 * 1024


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file: a review records which version of the case it saw."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def review_model_for(_path: Path) -> type[Review]:
    """The model every review file is read as (a consensus file too: `Review` holds `provenance`)."""
    return Review


def read_review(path: Path, case: CaseRecord) -> Review:
    """The review at `path`, which must be a review of `case`; raises `InputFileError`."""
    review = read_toml_model(path, Review, limit=MAX_REVIEW_BYTES, what="review file")
    if review.review.case_id != case.id:
        raise InputFileError(
            path,
            [Problem(f"a review of case {review.review.case_id!r}, not of {case.id!r}", field_path="review.case_id")],
        )
    return review


def read_consensus(path: Path, case: CaseRecord) -> Review:
    """The consensus review at `path`, with the provenance of its decisions; raises `InputFileError`.

    Any review file reads as one (with no decisions), so a consensus can start from a copy.
    """
    return read_review(path, case)


MULTILINE_KEYS = ("body", "note")
"""The reviewer's prose, written as TOML multi-line strings so a note reads (and diffs) as text.

Only these: a multi-line TOML string turns `\r\n` into `\n` on reading, which the model already
does to a note, but a quote must stay exactly the case's words to be found again.
"""


def _entry_to_toml(table: str, entry: dict[str, object]) -> str:
    return entry_to_toml(table, entry, MULTILINE_KEYS)


def _decision_to_toml(entry: dict[str, object]) -> str:
    """A `[[provenance]]` table, then one `[[provenance.sources]]` a reviewer, each key on its own line."""
    sources = cast(list[dict[str, object]], entry.pop("sources", []))
    chunks = [_entry_to_toml("provenance", entry)]
    chunks.extend(_entry_to_toml("provenance.sources", source) for source in sources)
    return "\n".join(chunks)


def review_to_toml(review: Review) -> str:
    """The review as TOML text, in its one stable order (see `Review.ordered`).

    Each annotation, checklist answer and consensus decision (`provenance`, only in a
    consensus review) is written as its own `[[table]]`, its prose last. tomli-w alone would
    write a whole array inline whenever every entry happens to fit on one line, so one longer
    note would rewrite every line of the array: bad for diffs and merges.
    """
    ordered = review.ordered()
    header = ordered.review.model_dump(mode="python", exclude_none=True)
    if not header.get("complete"):
        # Written only once set, so a review that was never marked keeps the lines it always had.
        header.pop("complete", None)
    chunks = [tomli_w.dumps({"review": header})]
    # Each entry's text is kept with the entry (entries are immutable): the journal after an edit
    # and the next save write again only the notes that changed.
    chunks.extend(derived(annotation, _annotation_toml) for annotation in ordered.annotations)
    chunks.extend(derived(answer, _answer_toml) for answer in ordered.checklist)
    chunks.extend(
        _decision_to_toml(decision.model_dump(mode="python", exclude_none=True)) for decision in ordered.provenance
    )
    return "\n".join(chunks)


def _annotation_toml(annotation: Annotation) -> str:
    return _entry_to_toml("annotations", annotation.model_dump(mode="python", exclude_none=True))


def _answer_toml(answer: ChecklistAnswer) -> str:
    return _entry_to_toml("checklist", answer.model_dump(mode="python", exclude_none=True))


def write_review(path: Path, review: Review) -> None:
    """Write the whole review atomically; the previous file survives any failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, review_to_toml(review).encode("utf-8"))


def fingerprint(path: Path) -> str | None:
    """The review file's content hash, or None when there is no file: what "changed on disk" compares."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
