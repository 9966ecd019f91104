"""A generated library: a folder of many small cases, some reviewed, for the library figures.

Each case is a few sections of a few hundred words (as a published case report's abstract,
presentation and discussion are), a patient and a citation with authors and a year; about
one case in three has one or two reviews with a few notes and checklist answers. Seeded, so
two runs measure the same folder.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w
from generate import DRUGS, WORDS, _sentence

SURNAMES = ("Tanaka", "Okafor", "Silva", "Novak", "Haddad", "Larsen", "Moreau", "Chen", "Kowalski", "Rossi")
CONDITIONS = ("multiple myeloma", "osteoporosis", "renal dysfunction", "anemia", "neuropathy", "migraine")
SECTION_TITLES = ("Abstract", "Background", "Case presentation", "Discussion", "Conclusion")
REVIEWERS = ("ana", "ben")


def library_case(rng: random.Random, index: int) -> dict[str, object]:
    """One small case as TOML data: five sections of about 60-120 words each."""
    year = rng.randint(1995, 2025)
    authors = ", ".join(f"{rng.choice(SURNAMES)} {rng.choice('ABCDEFGH')}" for _ in range(rng.randint(1, 4)))
    title = _sentence(rng, rng.randint(6, 12)).rstrip(".")
    sections = []
    for name in SECTION_TITLES:
        sentences = [_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(4, 8))]
        if rng.random() < 0.3:  # a drug named now and then: words that only some cases hold
            sentences.insert(rng.randrange(len(sentences)), f"We gave {rng.choice(DRUGS)} {rng.randint(1, 900)} mg.")
        sections.append({"id": name.lower().replace(" ", "-"), "title": name, "text": " ".join(sentences)})
    return {
        "schema_version": 1,
        "id": f"case-{index:05d}",
        "title": f"{title} ({index})",
        "source": {"file": f"generated-{index}.txt", "citation": f"{authors}. {title}. J Case Rep. {year};{index}."},
        "patient": {
            "age": rng.randint(1, 95),
            "sex": rng.choice(("male", "female")),
            "conditions": rng.sample(CONDITIONS, rng.randint(1, 3)),
        },
        "sections": sections,
    }


def library_review(rng: random.Random, case: dict[str, object], reviewer: str) -> str:
    """A review of `case` as TOML text: a few notes on sections, now and then a checklist answer."""
    start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=rng.randint(0, 300))
    header = {
        "case_id": case["id"],
        "case_sha256": "0" * 64,
        "reviewer": reviewer,
        "created": start,
        "updated": start + timedelta(hours=rng.randint(0, 100)),
    }
    if rng.random() < 0.3:
        header["complete"] = True
    sections = case["sections"]
    assert isinstance(sections, list)
    notes = []
    for number in range(rng.randint(0, 6)):
        section = rng.choice(sections)
        notes.append(
            {
                "id": f"a-{number:010d}x",
                "target": "section",
                "target_id": section["id"],
                "kind": "comment",
                "body": f"{rng.choice(WORDS)} " + _sentence(rng, 10),
                "author": reviewer,
                "created": start,
                "updated": start,
                "status": rng.choice(("open", "resolved")),
            }
        )
    answers = [{"checklist": "care-2013", "item": str(item), "answer": "yes"} for item in range(1, rng.randint(1, 8))]
    return tomli_w.dumps({"review": header, "annotations": notes, "checklist": answers}, multiline_strings=True)


def write_library(folder: Path, count: int, *, seed: int = 3) -> list[Path]:
    """`count` cases in `folder` (`case-00000.toml`, ...), with their reviews beside them."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        case = library_case(rng, index)
        path = folder / f"{case['id']}.toml"
        path.write_text(tomli_w.dumps(case, multiline_strings=True), "utf-8")
        paths.append(path)
        if index % 3 == 0:
            for reviewer in REVIEWERS[: rng.randint(1, 2)]:
                review = folder / f"{case['id']}.{reviewer}.review.toml"
                review.write_text(library_review(rng, case, reviewer), "utf-8")
    return paths
