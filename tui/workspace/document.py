"""One open review: a case, one reviewer's review of it, and everything that keeps that review safe.

Opening a case with its review (and any unsaved work a crash left in the journal), saving
with the on-disk conflict check, reloading, saving as a new file, journalling and exporting
all happen here, in one owner, without any UI. The command line, the app and the tests open
reviews through `ReviewDocument.open`, so they cannot disagree about how it is done; the app
can hold several documents at once, each with its own unsaved state.
"""

from __future__ import annotations

import contextlib
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui.model.anchoring import reanchor
from tui.model.case import CaseRecord
from tui.model.review import Review, merge_reviews, new_review, now
from tui.model.review_session import ReviewSession, open_session
from tui.store import InputFileError, read_case
from tui.store.case_files import next_free_review_path, review_path_for
from tui.store.errors import Problem
from tui.store.journal import JournalSlot, journals_of, remove_stale
from tui.store.review_file import file_sha256, fingerprint, read_review, write_review

if TYPE_CHECKING:
    from tui.export import ExportFormat
    from tui.model.checklist_catalogue import ChecklistCatalogue


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path


@dataclass(frozen=True, slots=True)
class Conflict:
    """Nothing was written; the reviewer chooses: the file `changed` on disk since it was loaded,
    or it is `read_only` (someone protected it)."""

    path: Path
    reason: Literal["changed", "read_only"] = "changed"


@dataclass(frozen=True, slots=True)
class Failed:
    """Nothing was written; the previous file is as it was and the review is still in memory."""

    path: Path
    reason: str


SaveOutcome = Saved | Conflict | Failed


def _read_existing(review_path: Path, case: CaseRecord) -> tuple[Review | None, list[str]]:
    """The saved review, if any, with lines for answers that could not be checked.

    The checklists (their files and models) load only for a review that answers one.
    """
    if not review_path.exists():
        return None, []
    review = read_review(review_path, case)
    if not review.touches_checklists():
        return review, []
    from tui.store.checklist_files import check_review_answers

    return review, check_review_answers(review_path, review, case)


def check_review_place(review_path: Path) -> None:
    """Refuse a review path the app could never save to, before any work is typed into it."""
    if review_path.is_dir():
        raise InputFileError(
            review_path, [Problem("is a folder; name a review file (e.g. NAME.review.toml)")], unreadable=True
        )
    folder = review_path.parent
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            if not ancestor.is_dir():
                message = f"cannot hold a review: {ancestor} is a file, not a folder"
                raise InputFileError(review_path, [Problem(message)], unreadable=True)
            return


class ReviewDocument:
    """A case and one reviewer's review of it, open for editing."""

    def __init__(
        self,
        case: CaseRecord,
        *,
        case_path: Path,
        case_sha256: str,
        session: ReviewSession,
        review_path: Path,
        reviewer: str,
        recovered: Review | None = None,
        warnings: tuple[str, ...] = (),
        journal: JournalSlot | None = None,
        stale_journals: tuple[Path, ...] = (),
        answer_notes: tuple[str, ...] = (),
    ) -> None:
        self.case = case
        self.case_path = case_path
        self.case_sha256 = case_sha256
        self.session = session
        self.review_path = review_path
        self.reviewer = reviewer
        self.recovered = recovered
        """Unsaved work found in the recovery journal, to be offered back."""
        self.warnings = warnings
        """Problems met while opening that did not stop it (a damaged journal, another instance on the review)."""
        self.answer_notes = answer_notes
        """Answers that could not be checked (a checklist this run does not know): kept, and said where they show."""
        self.journal = journal or JournalSlot(review_path)
        self._journal_lock = threading.Lock()
        self._journal_settled = 0
        """Counts saves and discards: a journal job from before the last one must not write."""
        """This instance's own journal: a save removes it, and nobody else's."""
        self._stale_journals = stale_journals
        """Journals of instances that ended before saving: `recovered` holds their work until restored or discarded."""
        self._disk_fingerprint = self._fingerprint_or_none()
        """The review file's hash when loaded or last saved: a different one means someone else wrote it."""

    @classmethod
    def open(cls, case_path: Path, *, reviewer: str, review_path: Path | None = None) -> ReviewDocument:
        """The case at `case_path` with `reviewer`'s review of it (new when there is none yet).

        Raises `InputFileError` for a case or review that cannot be used, or a review path
        that could never be saved to. A journal left by a crash becomes `recovered` unless it
        holds nothing the saved file lacks.
        """
        case = read_case(case_path)
        case_sha256 = file_sha256(case_path)
        review_path = review_path or review_path_for(case_path, case.id, reviewer)
        check_review_place(review_path)
        existing, notes = _read_existing(review_path, case)
        journal = JournalSlot(review_path)
        recovered, journal_warning, stale = journal.read_stale(case)
        if existing is not None:
            session = open_session(case, case_sha256, existing)
        else:
            session = ReviewSession(new_review(case.id, case_sha256, reviewer))
        if recovered is not None and existing is not None:
            # Offered on top of what is saved, so restoring can never take away a note saved since.
            recovered = merge_reviews([existing, recovered])
            if recovered.ordered() == existing.ordered():
                recovered = None  # the journals hold nothing the saved file lacks
                remove_stale(review_path, stale)
                stale = []
        warnings = [journal_warning] if journal_warning else []
        for other in journal.others():
            warnings.append(
                f"{review_path.name} is also open in another case-review (since {other.since}): each keeps its own "
                "unsaved notes, and a save asks before replacing what the other saved"
            )
        return cls(
            case,
            case_path=case_path,
            case_sha256=case_sha256,
            session=session,
            review_path=review_path,
            reviewer=reviewer,
            recovered=recovered,
            warnings=tuple(warnings),
            journal=journal,
            stale_journals=tuple(stale),
            answer_notes=tuple(notes),
        )

    # ---- what the screens read -------------------------------------------------------------

    @property
    def label(self) -> str:
        """Where the review is saved, as the status line shows it."""
        return str(self.review_path)

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def title(self) -> str:
        return self.case.title

    def checklists(self) -> tuple[ChecklistCatalogue, list[str]]:
        """The checklists of this run with the warnings of their files, loaded on first need (the
        Appraisal pane is built after the first screen, so this stays off the start-up path)."""
        from tui.store.checklist_files import ensure_checklists

        return ensure_checklists()

    # ---- saving ----------------------------------------------------------------------------

    def _fingerprint_or_none(self) -> str | None:
        try:
            return fingerprint(self.review_path)
        except OSError:
            return None

    def changed_on_disk(self) -> bool:
        """True when the review file is not what this document loaded or last saved; raises `OSError`."""
        return fingerprint(self.review_path) != self._disk_fingerprint

    def save(self, *, force: bool = False, read_only_too: bool = False) -> SaveOutcome:
        """Write the review, unless something on disk says to ask first or makes it impossible.

        A file changed on disk since it was loaded is not overwritten unless `force`; a file
        with no write permission for anyone (protected on purpose) unless `read_only_too`.
        What cannot be written (a folder in the file's place, a file that cannot be read, a
        full disk) is `Failed`, with the reason, and nothing on disk or in memory changes.
        """
        path = self.review_path
        try:
            info = path.stat()
        except FileNotFoundError:
            info = None
        except OSError as error:
            return Failed(path, error.strerror or str(error))
        if info is not None and stat.S_ISDIR(info.st_mode):
            return Failed(path, "a folder is where the review file should be")
        if info is not None and not stat.S_ISREG(info.st_mode):
            return Failed(path, "this is not a regular file")
        if not force:
            try:
                if self.changed_on_disk():
                    return Conflict(path, "changed")
            except OSError as error:
                return Failed(path, f"cannot read it to check nobody changed it: {error.strerror or error}")
        if info is not None and not read_only_too and not stat.S_IMODE(info.st_mode) & 0o222:
            return Conflict(path, "read_only")
        try:
            write_review(path, self.session.review)
        except OSError as error:
            return Failed(path, error.strerror or str(error))
        self.session.mark_saved()
        self._disk_fingerprint = self._fingerprint_or_none()
        self.discard_journal()
        return Saved(path)

    def save_as_new(self) -> SaveOutcome:
        """Write the review to a new file beside the old one, which is left untouched; the document follows it."""
        old_path, old_journal = self.review_path, self.journal
        self.review_path = next_free_review_path(old_path)
        self.journal = JournalSlot(self.review_path)
        outcome = self.save(force=True, read_only_too=True)
        if isinstance(outcome, Saved):
            old_journal.remove()  # its work is in the new file now
            old_journal.release()
        else:
            self.journal.release()
            self.review_path, self.journal = old_path, old_journal
        return outcome

    def reload(self) -> None:
        """Take the file on disk as it is now, as one undoable change; raises `InputFileError`."""
        theirs = read_review(self.review_path, self.case)
        placed, orphans = reanchor(self.case, theirs)
        self.session.restore(placed, orphans=orphans)
        self.session.saved = theirs
        self._disk_fingerprint = fingerprint(self.review_path)

    # ---- the recovery journal ----------------------------------------------------------------

    def restore_recovered(self) -> int:
        """Take back the journalled work as one undoable change; returns how many notes it holds.

        The work moves into this instance's own journal before the old journals are removed,
        so at no moment is it only in memory.
        """
        recovered, self.recovered = self.recovered, None
        if recovered is None:
            return 0
        placed, orphans = reanchor(self.case, recovered)  # a journal may predate a change of the case text
        self.session.restore(placed, orphans=orphans)
        with contextlib.suppress(OSError):
            self.write_journal()
            remove_stale(self.review_path, list(self._stale_journals))
            self._stale_journals = ()
        return len(recovered.annotations)

    def discard_recovered(self) -> None:
        """The reviewer chose to throw away what the ended instances left."""
        self.recovered = None
        remove_stale(self.review_path, list(self._stale_journals))
        self._stale_journals = ()

    def journal_job(self) -> Callable[[], None]:
        """What the journal should hold now, as work another thread may do (raises `OSError` when run).

        The review is immutable, so the snapshot taken here is what gets written, whenever the job
        runs. A save (or a discard) after the snapshot wins: the job then leaves the journal alone.
        """
        review = self.session.review if self.session.dirty else None
        settled = self._journal_settled

        def job() -> None:
            with self._journal_lock:
                if settled != self._journal_settled:
                    return
                if review is None:
                    self.journal.remove()
                else:
                    self.journal.write(review)

        return job

    def write_journal(self) -> None:
        """Journal the unsaved review now (or remove a journal that holds nothing unsaved); raises `OSError`."""
        self.journal_job()()

    def discard_journal(self) -> None:
        """Remove this instance's journal (after a save, or when its changes are thrown away)."""
        with self._journal_lock:
            self._journal_settled += 1
            with contextlib.suppress(OSError):
                self.journal.remove()

    def close(self) -> None:
        """The instance ends: let others know (a journal of unsaved work stays, to be offered next time)."""
        self.journal.release()

    # ---- exporting -----------------------------------------------------------------------------

    def export_text(self, export_format: ExportFormat) -> str:
        """The notes as they are now, saved or not, in one format."""
        from tui.export import render
        from tui.export.notes import build_review_notes

        # No case hash: the session re-anchored its notes to this case text when it opened, so
        # there is no "written against another version" to warn of.
        return render(export_format, build_review_notes(self.case, self.session.review, exported=now()))

    def export(self, export_format: ExportFormat, path: Path) -> Path:
        """Write the notes atomically to `path`; returns where they went.

        Raises `OutputRefused` for the case, the review, a journal or anything but a regular file,
        and `OSError` when the write fails.
        """
        from tui.store.atomic import write_atomic
        from tui.store.outputs import check_output

        check_output(path, [self.case_path, self.review_path, *journals_of(self.review_path)])
        write_atomic(path, self.export_text(export_format).encode("utf-8"))
        return path.resolve()
