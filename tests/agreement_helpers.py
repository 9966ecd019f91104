"""Reviews of one case with controlled agreement, for agreement tests and for trying `case-review agree`.

Every reviewer starts from one hidden "true" review (checklist answers, notes on sentences
and table rows) and keeps each part of it with probability `agreement`, otherwise answers
differently, picks another kind, marks a slightly shorter span (at most 40% of the time), or leaves it out; some
items go unanswered. Everything is drawn from `random.Random(seed)`, ids and dates
included, so a seed always gives the same files and the same figures.

    .venv/bin/python -m tests.agreement_helpers OUT_DIR [--reviewers 3] [--agreement 0.8] [--seed 1]

copies the seed case into OUT_DIR and writes the reviews beside it.
"""

from __future__ import annotations

import argparse
import random
import shutil
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.model.anchoring import text_quote
from tui.model.case import CaseRecord
from tui.model.review import ANNOTATION_KINDS, Annotation, ChecklistAnswer, Review, ReviewHeader
from tui.model.text_spans import sentence_spans
from tui.store import read_case
from tui.store.case_files import review_path_for
from tui.store.review_file import file_sha256, write_review

CARE_ITEMS = (
    *("1", "2", "3a", "3b", "3c", "3d", "4", "5a", "5b", "5c", "5d", "6", "7", "8a", "8b", "8c", "8d"),
    *("9a", "9b", "9c", "10a", "10b", "10c", "10d", "11a", "11b", "11c", "11d", "12", "13"),
)
JBI_ITEMS = tuple(str(n) for n in range(1, 9))
ANSWERS = {"care-2013": ("yes", "partly", "no", "na"), "jbi-case-report": ("yes", "no", "unclear", "na")}
WEIGHTS = (0.6, 0.2, 0.15, 0.05)
NAMES = ("Ana Sousa", "Ben Okafor", "Chen Wei", "Dana Levi", "Emil Berg")
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

Truth = tuple[list[ChecklistAnswer], list[tuple[str, str, int | None, int | None, str]]]
"""(answers, notes as (target, target_id, start, end, kind))."""


def _truth(case: CaseRecord, rng: random.Random) -> Truth:
    answers = [
        ChecklistAnswer(checklist=checklist, item=item, answer=rng.choices(ANSWERS[checklist], WEIGHTS)[0])  # type: ignore[arg-type]
        for checklist, items in (("care-2013", CARE_ITEMS), ("jbi-case-report", JBI_ITEMS))
        for item in items
    ]
    notes: list[tuple[str, str, int | None, int | None, str]] = []
    for section in case.sections:
        for index, (start, end) in enumerate(sentence_spans(section.text)):
            if index % 3 == 1:
                notes.append(("section", section.id, start, end, rng.choice(ANNOTATION_KINDS)))
    for medication in case.medications[::2]:
        notes.append(("medication", medication.id, None, None, rng.choice(ANNOTATION_KINDS)))
    notes.append(("pain_score", case.pain_scores[0].id, None, None, "question"))
    notes.append(("timeline", case.timeline[-1].id, None, None, "comment"))
    return answers, notes


def _other(rng: random.Random, choices: Sequence[str], not_this: str) -> str:
    return rng.choice([choice for choice in choices if choice != not_this])


def reviewer_review(
    case: CaseRecord, truth: Truth, name: str, index: int, rng: random.Random, *, agreement: float, case_sha256: str
) -> Review:
    """One reviewer's review: the truth, kept part by part with probability `agreement`."""
    answers: list[ChecklistAnswer] = []
    for answer in truth[0]:
        if rng.random() < 0.04:
            continue  # left unanswered
        word = answer.answer if rng.random() < agreement else _other(rng, ANSWERS[answer.checklist], answer.answer)
        answers.append(answer.model_copy(update={"answer": word}))
    notes: list[Annotation] = []
    for number, (target, target_id, start, true_end, true_kind) in enumerate(truth[1]):
        if rng.random() > agreement:
            continue
        kind = true_kind if rng.random() <= agreement else _other(rng, ANNOTATION_KINDS, true_kind)
        quote = prefix = suffix = None
        end = true_end
        if start is not None and true_end is not None:
            # Now and then a shorter selection of the same sentence: overlapping, not exact.
            shorten = rng.random() < min(0.4, 2 * (1 - agreement))
            shorter = max(start + 1, true_end - rng.randint(3, 12)) if shorten else true_end
            section = case.section(target_id)
            quote, prefix, suffix = text_quote(section.text if section else "", start, shorter)
            end = shorter
        stamp = START + timedelta(minutes=number, seconds=index)
        notes.append(
            Annotation(
                id=f"a-{index}x{number:06d}",
                target=target,  # type: ignore[arg-type]
                target_id=target_id,
                start=start,
                end=end,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                kind=kind,  # type: ignore[arg-type]
                body=f"{name}'s note {number}",
                author=name,
                created=stamp,
                updated=stamp,
            )
        )
    header = ReviewHeader(
        case_id=case.id, case_sha256=case_sha256, reviewer=name, created=START, updated=START + timedelta(hours=1)
    )
    return Review(review=header, annotations=notes, checklist=answers)


def make_reviews(
    case: CaseRecord, count: int, *, agreement: float = 0.8, seed: int = 1, case_sha256: str = "0" * 64
) -> list[Review]:
    """`count` reviews of `case` by `NAMES[:count]`, each agreeing with a shared truth about `agreement` of the time."""
    rng = random.Random(seed)
    truth = _truth(case, rng)
    return [
        reviewer_review(case, truth, name, index, rng, agreement=agreement, case_sha256=case_sha256)
        for index, name in enumerate(NAMES[:count])
    ]


def write_reviews(case_path: Path, count: int, *, agreement: float = 0.8, seed: int = 1) -> list[Path]:
    """Generated reviews written beside the case at `case_path`, as `ID.REVIEWER.review.toml`."""
    case = read_case(case_path)
    written = []
    for review in make_reviews(case, count, agreement=agreement, seed=seed, case_sha256=file_sha256(case_path)):
        path = review_path_for(case_path, case.id, review.review.reviewer)
        write_review(path, review)
        written.append(path)
    return written


def main() -> None:
    from tests.conftest import SEED_CASE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--reviewers", type=int, default=2)
    parser.add_argument("--agreement", type=float, default=0.8)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    case_path = options.out / SEED_CASE.name
    shutil.copyfile(SEED_CASE, case_path)
    for path in write_reviews(case_path, options.reviewers, agreement=options.agreement, seed=options.seed):
        print(path)


if __name__ == "__main__":
    main()
