"""What one case file and its reviews say, as a library row and as the texts search looks in.

Reading goes through the store's own readers (`read_case`, `read_toml_model`), so a case the
library calls broken is one `case-review CASE` would refuse, with the same first line. The year
and first author come from the citation when it plainly gives them: a case record has no field
for either, and a guess that is not plain is left out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from tui.library.folder_scan import FileStamp
from tui.model.case import CaseRecord
from tui.model.library import CaseSummary, HitKind, ReviewSummary
from tui.model.review import Review
from tui.store import InputFileError, read_case
from tui.store.review_file import MAX_REVIEW_BYTES
from tui.store.toml_file import read_toml_model

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_AUTHOR = re.compile(r"^\s*([A-Z][\w'’-]+(?: [A-Z][\w'’-]*){0,2})\s*(?:[,.;]|et al)")


@dataclass(frozen=True, slots=True)
class TextRow:
    """One text search looks in: a whole case (its title and sections, with where each starts), or one note.

    A case is one text, not one a section: ranking scores every text that matches, and a word
    most cases hold then costs one score a case rather than one a section.
    """

    kind: HitKind
    label: str
    """The section's title, or the reviewer who wrote the note."""
    body: str
    target: str = "section"
    target_id: str = ""
    start: int | None = None
    end: int | None = None
    note_id: str = ""
    parts: tuple[tuple[str, str, int], ...] = ()
    """For a whole case: (section id, its label, where its text starts in `body`); the title is first, id ""."""


@dataclass(frozen=True, slots=True)
class CaseEntry:
    summary: CaseSummary
    sha256: str
    texts: tuple[TextRow, ...]


def first_line(error: InputFileError) -> str:
    """An input error in one line: its first problem, and how many more there are."""
    lines = error.lines()
    more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
    return (lines[0] if lines else str(error)) + more


def year_and_author(citation: str | None) -> tuple[int | None, str]:
    """The year and first author a citation plainly gives (`Tanaka A, Chen B. ... 2019;3.`), else none."""
    if not citation:
        return None, ""
    years = _YEAR.findall(citation)
    author = _AUTHOR.match(citation)
    return (int(years[-1]) if years else None), (author.group(1) if author else "")


def file_sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


PART_GAP = "\n\n"


def _case_texts(case: CaseRecord) -> list[TextRow]:
    """The case as one text, title first, then each section's text, and where each starts."""
    chunks = [case.title]
    parts = [("", "title", 0)]
    offset = len(case.title)
    for section in case.sections:
        if section.text.strip():
            offset += len(PART_GAP)
            parts.append((section.id, case.section_path(section.id), offset))
            chunks.append(section.text)
            offset += len(section.text)
    body = PART_GAP.join(chunks)
    return [TextRow("section", "", body, target="case", target_id=case.sections[0].id, parts=tuple(parts))]


def read_review_summary(stamp: FileStamp, case_id: str) -> tuple[ReviewSummary, list[TextRow]]:
    """One review counted, and its notes as texts; a broken review is a summary with its error."""
    name = Path(stamp.path).name.removeprefix(f"{case_id}.").removesuffix(".review.toml")
    try:
        review = read_toml_model(Path(stamp.path), Review, limit=MAX_REVIEW_BYTES, what="review file")
    except InputFileError as error:
        return ReviewSummary(reviewer=name, error=first_line(error)), []
    if review.review.case_id != case_id:
        return ReviewSummary(reviewer=name, error=f"{stamp.path}: a review of case {review.review.case_id!r}"), []
    reviewer = review.review.reviewer
    summary = ReviewSummary(
        reviewer=reviewer,
        notes=len(review.annotations),
        open_notes=sum(1 for note in review.annotations if note.status == "open"),
        answered=sum(1 for answer in review.checklist if answer.answer is not None),
        complete=review.review.complete,
        updated=review.review.updated.isoformat(timespec="seconds"),
    )
    texts = [
        TextRow(
            "note",
            reviewer,
            " ".join(part for part in (note.body, " ".join(note.tags)) if part),
            target=note.target,
            target_id=note.target_id,
            start=note.start,
            end=note.end,
            note_id=note.id,
        )
        for note in review.annotations
        if note.body.strip() or note.tags
    ]
    return summary, texts


def read_entry(stamp: FileStamp, reviews_of: dict[str, list[FileStamp]]) -> CaseEntry:
    """A case file as a row and texts; never raises for what the files hold (a broken case is a row)."""
    try:
        sha = file_sha256(stamp.path)
    except OSError as error:
        return CaseEntry(CaseSummary(stamp.path, title=Path(stamp.path).name, error=str(error)), "", ())
    try:
        case = read_case(stamp.path)
    except InputFileError as error:
        summary = CaseSummary(stamp.path, title=Path(stamp.path).name, error=first_line(error))
        return CaseEntry(summary, sha, ())
    year, author = year_and_author(case.source.citation)
    reviews: list[ReviewSummary] = []
    texts = _case_texts(case)
    for review_stamp in reviews_of.get(case.id, []):
        review, notes = read_review_summary(review_stamp, case.id)
        reviews.append(review)
        texts.extend(notes)
    row = CaseSummary(
        stamp.path,
        case_id=case.id,
        title=case.title,
        patient=case.patient.summary,
        year=year,
        author=author,
        reviews=tuple(reviews),
    )
    return CaseEntry(row, sha, tuple(texts))
