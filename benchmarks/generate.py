"""Large inputs for the benchmarks: a long case, a review of many notes, a library of many cases.

Everything is generated from a seeded random source, so two runs measure the same files. The
case stays within the schema's row limits; every source quote is a sentence of its sections,
so the case passes every integrity rule, as a real one would.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

from tui.model.anchoring import text_quote
from tui.model.case import CaseRecord
from tui.model.review import ANNOTATION_KINDS, Annotation, Review, ReviewHeader
from tui.store.review_file import file_sha256, review_to_toml

WORDS = [
    "patient",
    "pain",
    "fracture",
    "vertebral",
    "myeloma",
    "dose",
    "infusion",
    "analgesic",
    "relief",
    "score",
    "rest",
    "movement",
    "day",
    "week",
    "admission",
    "discharge",
    "therapy",
    "response",
    "adverse",
    "effect",
    "drowsiness",
    "dizziness",
    "nausea",
    "opioid",
    "adjuvant",
    "muscle",
    "spasm",
    "lumbar",
    "compression",
    "report",
    "case",
    "clinical",
    "review",
    "treatment",
    "improved",
    "worsened",
    "stable",
]
DRUGS = ("fentanyl", "ketamine", "lidocaine", "clonazepam", "acetaminophen", "morphine", "oxycodone", "gabapentin")
UNITS = ("mg", "μg", "g", "mL")
ROUTES = ("oral", "intravenous", "transdermal", "epidural", None)


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def large_case_data(
    rng: random.Random,
    *,
    sections: int = 200,
    words: int = 2000,
    medications: int = 1000,
    pain: int = 1000,
    events: int = 500,
) -> dict[str, object]:
    """A case record as TOML data: long sections, many rows; quotes taken from the sections' sentences."""
    timeline = []
    for index in range(events):
        event: dict[str, object] = {"id": f"e{index}", "label": f"Event {index}", "text": _sentence(rng, 8)}
        if index and index % 5 == 0:
            event.update(anchor=f"e{index - 1}", offset=rng.randint(1, 5))
        elif index % 3:
            event["day"] = index
        timeline.append(event)
    quotes: list[str] = []
    section_rows = []
    for index in range(sections):
        paragraphs = []
        remaining = words
        while remaining > 0:
            sentences = [_sentence(rng, rng.randint(8, 24)) for _ in range(rng.randint(3, 7))]
            remaining -= sum(len(s.split()) for s in sentences)
            quotes.extend(sentences[:2])
            paragraphs.append(" ".join(sentences))
        section_rows.append({"id": f"s{index}", "title": f"Section {index}", "text": "\n\n".join(paragraphs)})
    meds = []
    for index in range(medications):
        row: dict[str, object] = {
            "id": f"m{index}",
            "name": rng.choice(DRUGS),
            "amount": round(rng.uniform(0.1, 500), 1),
            "unit": rng.choice(UNITS),
            "per": rng.choice(("day", "dose", "hour")),
            "role": "analgesic",
            "start": f"e{rng.randrange(events)}",
            "source_quote": quotes[index % len(quotes)],
        }
        if (route := rng.choice(ROUTES)) is not None:
            row["route"] = route
        if index % 4 == 0:
            row["stop"] = f"e{rng.randrange(events)}"
        meds.append(row)
    scores = [
        {
            "id": f"p{index}",
            "condition": rng.choice(("rest", "movement")),
            "value": float(rng.randint(0, 10)),
            "when": f"e{rng.randrange(events)}",
            "after": [f"m{rng.randrange(medications)}"],
            "source_quote": quotes[(index * 7) % len(quotes)],
        }
        for index in range(pain)
    ]
    return {
        "schema_version": 1,
        "id": "large-case",
        "title": "A long generated case",
        "source": {"file": "generated"},
        "patient": {"age": 50, "sex": "female", "conditions": ["generated"]},
        "sections": section_rows,
        "medications": meds,
        "pain_scores": scores,
        "timeline": timeline,
    }


def write_large_case(folder: Path, *, seed: int = 1, **sizes: int) -> Path:
    """`folder/large-case.toml`, generated; `sizes` as in `large_case_data`."""
    path = folder / "large-case.toml"
    path.write_text(tomli_w.dumps(large_case_data(random.Random(seed), **sizes), multiline_strings=True), "utf-8")
    return path


def review_of(case: CaseRecord, case_path: Path, notes: int, *, seed: int = 2, reviewer: str = "bench") -> Review:
    """A review of `case` with `notes` notes: most on sentences of the text, the rest on rows and events."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=UTC)
    annotations = []
    for index in range(notes):
        stamp = start + timedelta(seconds=index)
        common = {
            "id": f"a-{index:010d}x",
            "kind": ANNOTATION_KINDS[index % len(ANNOTATION_KINDS)],
            "body": f"note {index} " + _sentence(rng, 12),
            "author": reviewer,
            "created": stamp,
            "updated": stamp,
            "tags": [rng.choice(WORDS)] if index % 3 == 0 else [],
        }
        if index % 4:
            section = case.sections[rng.randrange(len(case.sections))]
            begin = rng.randrange(max(1, len(section.text) - 80))
            quote, prefix, suffix = text_quote(section.text, begin, begin + 60)
            note = Annotation(
                target="section",
                target_id=section.id,
                start=begin,
                end=begin + 60,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                **common,
            )
        else:
            kind, rows = rng.choice(
                (("medication", case.medications), ("pain_score", case.pain_scores), ("timeline", case.timeline))
            )
            note = Annotation(target=kind, target_id=rows[rng.randrange(len(rows))].id, **common)
        annotations.append(note)
    header = ReviewHeader(
        case_id=case.id, case_sha256=file_sha256(case_path), reviewer=reviewer, created=start, updated=start
    )
    return Review(review=header, annotations=annotations)


def write_review_of(case: CaseRecord, case_path: Path, notes: int, **options: object) -> Path:
    path = case_path.with_name(f"{case.id}.bench.review.toml")
    path.write_text(review_to_toml(review_of(case, case_path, notes, **options)), "utf-8")  # type: ignore[arg-type]
    return path
