"""Every reviewer's review of one case, read once, and the choice of whose to compare.

`case-review agree` and the compare screen both start here, so "the reviews of a case"
and "the reviewer called ana" mean the same in both: the files beside the case (and in
the user data folder) named `ID.REVIEWER.review.toml`, the consensus review left out,
each read and checked against the case; a reviewer named by the file name part
(`ana-sousa`) or by the name inside (`Ana Sousa`), in any case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.agreement.alignment import Comparison, compare
from tui.model.case import CaseRecord
from tui.model.review import Review
from tui.store import read_case
from tui.store.case_files import consensus_path_for, reviewer_slug, reviews_of, safe_reviewer_name
from tui.store.checklist_files import read_checked_review
from tui.store.review_file import file_sha256


class ReviewerChoiceError(ValueError):
    """A reviewer named who has no review of the case; the message lists those who have."""


@dataclass(frozen=True)
class ReviewSet:
    """A case and every reviewer's review of it, by the reviewer part of the file name (`ana-sousa`)."""

    case_path: Path
    case: CaseRecord
    case_sha256: str
    files: dict[str, Path]
    reviews: dict[str, Review]

    @property
    def consensus_path(self) -> Path:
        """Where the team's consensus review of the case is (or will be) written."""
        return consensus_path_for(self.case_path, self.case.id)

    def choose(self, wanted: Sequence[str] | None = None) -> list[str]:
        """The keys of the reviews to compare: `wanted` in its order (repeats dropped), else every one.

        Raises `ReviewerChoiceError` for a name with no review.
        """
        if wanted is None:
            return list(self.reviews)
        names = {key: safe_reviewer_name(review.review.reviewer) for key, review in self.reviews.items()}
        chosen: list[str] = []
        for name in dict.fromkeys(wanted):
            slug = safe_reviewer_name(name)
            match = next((key for key, inside in names.items() if slug in (key, inside)), None)
            if match is None:
                known = ", ".join(self.reviews) or "none"
                raise ReviewerChoiceError(f"no review by {name!r} beside the case (reviews found: {known})")
            if match not in chosen:
                chosen.append(match)
        return chosen

    def compare(self, keys: Sequence[str] | None = None) -> Comparison:
        """The chosen reviews (default: all) re-anchored to the case and aligned, named as their files say inside."""
        chosen = list(self.reviews) if keys is None else list(keys)
        return compare(self.case, [self.reviews[key] for key in chosen], case_sha256=self.case_sha256)


def read_review_set(case_path: Path) -> ReviewSet:
    """The case at `case_path` and every reviewer's review of it; raises `InputFileError` for any unusable file."""
    case = read_case(case_path)
    files = {reviewer_slug(path, case.id): path for path in reviews_of(case_path, case.id)}
    reviews = {key: read_checked_review(path, case)[0] for key, path in files.items()}
    return ReviewSet(case_path, case, file_sha256(case_path), files, reviews)
