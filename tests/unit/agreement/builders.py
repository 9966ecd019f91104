"""Small hand-made reviews of the seed case, for alignment and consensus tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from tui.model.anchoring import text_quote
from tui.model.case import CaseRecord
from tui.model.review import Annotation, ChecklistAnswer, Review, ReviewHeader

WHEN = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
SHA = "a" * 64
_ids = itertools.count(1)


def span_note(
    case: CaseRecord, who: str, section_id: str, start: int, end: int, *, kind: str = "comment"
) -> Annotation:
    section = case.section(section_id)
    assert section is not None
    quote, prefix, suffix = text_quote(section.text, start, end)
    return Annotation(
        id=f"a-{next(_ids):08d}",
        target="section",
        target_id=section_id,
        start=start,
        end=end,
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        kind=kind,  # type: ignore[arg-type]
        body=f"{who} on {section_id}",
        author=who,
        created=WHEN,
        updated=WHEN,
    )


def row_note(who: str, target: str, target_id: str, kind: str = "comment") -> Annotation:
    return Annotation(
        id=f"a-{next(_ids):08d}",
        target=target,  # type: ignore[arg-type]
        target_id=target_id,
        kind=kind,  # type: ignore[arg-type]
        body=f"{who} on {target_id}",
        author=who,
        created=WHEN,
        updated=WHEN,
    )


def answer(item: str, word: str, checklist: str = "care-2013", note: str = "") -> ChecklistAnswer:
    return ChecklistAnswer(checklist=checklist, item=item, answer=word, note=note)  # type: ignore[arg-type]


def review(
    case: CaseRecord,
    who: str,
    notes: list[Annotation] | None = None,
    answers: list[ChecklistAnswer] | None = None,
    sha: str = SHA,
) -> Review:
    header = ReviewHeader(case_id=case.id, case_sha256=sha, reviewer=who, created=WHEN, updated=WHEN)
    return Review(review=header, annotations=notes or [], checklist=answers or [])
