"""The compare screen's work at scale: every review of a large case read, compared and opened for consensus.

Five reviewers with 2,000 notes each on the large case (different seeds, so they mostly
disagree), written beside it: `team_review_for` is what `C` waits for before the screen
is drawn (the screen itself draws only the rows on screen), and accepting every agreed
place is one key.
"""

from __future__ import annotations

from pathlib import Path

from generate import review_of
from measure import Row, median_seconds

from tui.store import read_case
from tui.store.case_files import review_path_for
from tui.store.review_file import file_sha256, read_review, write_review
from tui.workspace.team_review import TeamReview, team_review_for

REVIEWERS = ("Ana Sousa", "Ben Okafor", "Chen Wei", "Dana Levi", "Emil Berg")


def compare_rows(large: Path, runs: int, notes: int = 2_000) -> list[Row]:
    case = read_case(large)
    digest = file_sha256(large)
    paths = []
    for seed, name in enumerate(REVIEWERS, start=10):
        review = review_of(case, large, notes, seed=seed, reviewer=name)
        header = review.review.model_copy(update={"reviewer": name, "case_sha256": digest})
        path = review_path_for(large, case.id, name)
        write_review(path, review.model_copy(update={"review": header}))
        paths.append(path)
    viewer = read_review(paths[0], case)

    def open_team() -> TeamReview:
        team = team_review_for(large, viewer_path=paths[0], viewer_review=viewer, decided_by="Ana Sousa")
        assert not isinstance(team, str), team
        return team

    opened = median_seconds(open_team, runs)
    team = open_team()
    assert team.consensus is not None and team.comparison is not None
    places = len(team.comparison.places)

    def open_and_accept() -> int:
        consensus = open_team().consensus
        assert consensus is not None
        return consensus.accept_agreed()

    accept = median_seconds(open_and_accept, runs) - opened
    for path in paths:
        path.unlink()
    return [
        Row(f"compare: open 5 reviews x {notes:,} notes (large case)", opened, " s", 1.0, f"{places:,} places"),
        Row("compare: accept every agreed place (A)", max(accept, 0.0), " s", 0.5),
    ]
