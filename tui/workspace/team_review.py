"""One reviewer's view of every review of a case: what blind review lets them see, compared, with a consensus.

The compare screen starts here (the library can too): the reviews beside the case
(`read_review_set`), the viewer's own one taken from their open session (so unsaved work
counts), the team's blind rule applied (`agreement.blind`), the rest compared by place, and
the consensus review (`ID.consensus.review.toml`) opened for decisions. Saving writes the
consensus file only, atomically, and refuses any path that is a reviewer's file or a file
someone else changed since it was read. Nothing here knows of widgets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.agreement.alignment import Comparison, compare
from tui.agreement.blind import BlindView, blind_view
from tui.agreement.consensus import ConsensusSession, start_consensus
from tui.agreement.report import agreement_report
from tui.export.agreement import AgreementFormat, render_agreement
from tui.model.case import CaseRecord
from tui.model.review import Review
from tui.store import InputFileError
from tui.store.atomic import write_atomic
from tui.store.case_files import review_folder, reviewer_slug
from tui.store.outputs import OutputRefused, check_output
from tui.store.review_file import fingerprint, read_consensus, write_review
from tui.store.team_settings import TEAM_SETTINGS_NAME, load_team_settings
from tui.workspace.review_set import ReviewSet, read_review_set

FIGURE_FILES: dict[AgreementFormat, str] = {"md": "md", "html": "html", "csv": "csv"}
"""The formats the figures are exported in from the app, by file suffix."""


class ConsensusSaveError(Exception):
    """The consensus could not be saved; the message is one line for the status bar."""


@dataclass
class TeamReview:
    """Every review of a case as `viewer` may see them, compared, and the consensus being built."""

    review_set: ReviewSet
    viewer: str
    """The viewer's key: the reviewer part of their review file's name."""
    reviews: dict[str, Review]
    """Every review by key, the viewer's as it is in their open session."""
    view: BlindView
    warning: str | None
    """The team settings file could not be used (one line naming file and field)."""
    comparison: Comparison | None
    """None while fewer than two reviews may be shown."""
    consensus: ConsensusSession | None
    viewer_path: Path
    decided_by: str
    _consensus_print: str | None = field(default=None, repr=False)

    @property
    def case(self) -> CaseRecord:
        return self.review_set.case

    @property
    def review_count(self) -> int:
        return len(self.reviews)

    @property
    def consensus_path(self) -> Path:
        return self.review_set.consensus_path

    def reopened(self, viewer_review: Review) -> TeamReview | str:
        """Read again (after the viewer marked their review complete, say); an error line when it cannot be."""
        return team_review_for(
            self.review_set.case_path,
            viewer_path=self.viewer_path,
            viewer_review=viewer_review,
            decided_by=self.decided_by,
        )

    def save(self) -> tuple[bool, str]:
        """`save_consensus`, as (saved, the line that says where or why not)."""
        try:
            return True, f"consensus saved: {self.save_consensus().name}"
        except ConsensusSaveError as error:
            return False, str(error)

    def write_figures(self) -> tuple[bool, str]:
        """`export_figures`, as (written, the line that names the files or says why not)."""
        try:
            return True, "figures written: " + ", ".join(path.name for path in self.export_figures())
        except ConsensusSaveError as error:
            return False, str(error)

    @property
    def shown_names(self) -> tuple[str, ...]:
        return self.comparison.reviewers if self.comparison else ()

    def hidden_line(self) -> str:
        """What is hidden and why, in one line; empty when nothing is."""
        return self.view.reason

    def save_consensus(self) -> Path:
        """Write the consensus review atomically; raises `ConsensusSaveError` (nothing written) when it cannot."""
        if self.consensus is None:
            raise ConsensusSaveError("no consensus to save: fewer than two reviews are shown")
        path = self.consensus_path
        if path.resolve() in {p.resolve() for p in self.review_set.files.values()}:
            raise ConsensusSaveError(f"{path}: is a reviewer's file; the consensus is never written onto one")
        if fingerprint(path) != self._consensus_print:
            raise ConsensusSaveError(f"{path}: changed on disk since it was read; close and open compare again")
        try:
            write_review(path, self.consensus.review)
        except OSError as error:
            raise ConsensusSaveError(f"{path}: cannot write: {error.strerror or error}") from None
        self.consensus.session.mark_saved()
        self._consensus_print = fingerprint(path)
        return path

    def export_figures(self) -> list[Path]:
        """The agreement figures written as Markdown, HTML and CSV beside the reviews; the paths written.

        Raises `ConsensusSaveError` (used for any one-line write failure) when a file cannot be written.
        """
        if self.comparison is None:
            raise ConsensusSaveError("no figures: fewer than two reviews are shown")
        report = agreement_report(self.comparison)
        folder = review_folder(self.review_set.case_path)
        inputs = [self.review_set.case_path, *self.review_set.files.values(), self.consensus_path]
        written = []
        for export_format, suffix in FIGURE_FILES.items():
            path = folder / f"{self.review_set.case.id}.agreement.{suffix}"
            try:
                check_output(path, inputs)
                write_atomic(path, render_agreement(export_format, report).encode("utf-8"))
            except (OutputRefused, OSError) as error:
                raise ConsensusSaveError(f"{path}: cannot write the figures: {error}") from None
            written.append(path)
        return written


def open_team_review(case_path: Path, *, viewer_path: Path, viewer_review: Review, decided_by: str) -> TeamReview:
    """Every review of the case at `case_path` as the reviewer whose file is `viewer_path` may see them.

    `viewer_review` (their open session's review) stands in for their file. Raises the store's
    `InputFileError` when a review or the consensus file cannot be used.
    """
    found = read_review_set(case_path)
    case = found.case
    viewer = reviewer_slug(viewer_path, case.id)
    reviews = dict(found.reviews)
    if viewer in reviews or viewer_review.annotations or viewer_review.checklist or viewer_review.review.complete:
        reviews[viewer] = viewer_review
    settings, warning = load_team_settings(case_path)
    own = reviews.get(viewer)
    view = blind_view(
        settings.team.blind,
        viewer,
        list(reviews),
        own_complete=own.review.complete if own is not None else None,
        settings_file=TEAM_SETTINGS_NAME,
    )
    shown = [key for key in reviews if key in view.shown]
    comparison = None
    consensus = None
    consensus_print = fingerprint(found.consensus_path)
    if len(shown) >= 2:
        comparison = compare(case, [reviews[key] for key in shown], case_sha256=found.case_sha256)
        existing = read_consensus(found.consensus_path, case) if consensus_print is not None else None
        consensus = start_consensus(comparison, existing, case_sha256=found.case_sha256, decided_by=decided_by)
    return TeamReview(
        found, viewer, reviews, view, warning, comparison, consensus, viewer_path, decided_by, consensus_print
    )


def team_review_for(case_path: Path, *, viewer_path: Path, viewer_review: Review, decided_by: str) -> TeamReview | str:
    """`open_team_review`, or the first line of what is wrong with an unusable file (naming file and place)."""
    try:
        return open_team_review(case_path, viewer_path=viewer_path, viewer_review=viewer_review, decided_by=decided_by)
    except InputFileError as error:
        return error.lines()[0]
