"""What every export says, before any format: the case, the review, the notes in reading order.

Building this once keeps the formats honest with each other: the same notes, the same
order (sections as read, then table rows, orphans last), the same counts and the same
derived pain figures, whichever format a reviewer picks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tui.appraisal.summary import ChecklistSummary, appraisal_summary
from tui.clinical.pain import PainChange, pain_changes
from tui.model.anchoring import reanchor
from tui.model.case import CaseRecord
from tui.model.checklist_catalogue import ChecklistCatalogue, installed_checklists, parse_item_place
from tui.model.review import ANNOTATION_KINDS, Annotation, ChecklistAnswer, Review
from tui.model.review_outline import PlacedNote, notes_in_reading_order

STATUSES = ("open", "resolved")


@dataclass(frozen=True, slots=True)
class NumberedNote:
    """A note as the exports list it: numbered in reading order so the formats can refer to it."""

    number: int
    annotation: Annotation
    place: str
    orphan: bool
    new_words: str | None = None
    """For a moved note (its words edited in the case): the words the case has now at its place."""

    @property
    def moved(self) -> bool:
        return self.new_words is not None

    @property
    def anchor(self) -> str:
        """The id of this note inside an exported document (HTML and Markdown link to it)."""
        return f"note-{self.number}"


@dataclass(frozen=True, slots=True)
class ReviewNotes:
    """One case and, when there is one, one reviewer's review of it, ready to render."""

    case: CaseRecord
    review: Review | None
    notes: tuple[NumberedNote, ...]
    exported: datetime
    case_sha256: str | None = None
    """The hash of the case file exported; compared with the one the review recorded."""
    pain: tuple[PainChange, ...] = field(default_factory=tuple)
    appraisal: tuple[ChecklistSummary, ...] = field(default_factory=tuple)
    """Each answered checklist: items with their words, answers, notes, progress, totals and bands."""
    checklists: ChecklistCatalogue = field(default_factory=ChecklistCatalogue)
    """The checklists known when the export was built: rendering never looks at the installed set again."""
    _by_place: dict[tuple[str, str], list[NumberedNote]] = field(init=False, repr=False, compare=False)
    _by_item: dict[str, list[NumberedNote]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Grouped once: a section or row asks for its notes in constant time, however long the review.
        by_place: dict[tuple[str, str], list[NumberedNote]] = {}
        for note in self.notes:
            if not note.orphan:
                by_place.setdefault((note.annotation.target, note.annotation.target_id), []).append(note)
        object.__setattr__(self, "_by_place", by_place)
        # Notes on checklist items by the item's place id, whichever form their `target_id` was written in.
        by_item: dict[str, list[NumberedNote]] = {}
        for note in self.notes:
            if note.annotation.target == "checklist" and not note.orphan:
                parsed = parse_item_place(note.annotation.target_id, self.checklists)
                key = parsed.target_id if parsed is not None else note.annotation.target_id
                by_item.setdefault(key, []).append(note)
        object.__setattr__(self, "_by_item", by_item)

    # ---- who and when -----------------------------------------------------------------

    @property
    def reviewer(self) -> str | None:
        return self.review.review.reviewer if self.review else None

    @property
    def date(self) -> datetime:
        """The date a reader cares about: the review's last change, else the moment of export."""
        return self.review.review.updated if self.review else self.exported

    @property
    def case_changed(self) -> bool:
        """True when the review was written against another version of the case file."""
        return bool(self.review and self.case_sha256 and self.review.review.case_sha256 != self.case_sha256)

    @property
    def checklist(self) -> list[ChecklistAnswer]:
        return list(self.review.ordered().checklist) if self.review else []

    @property
    def complete(self) -> bool:
        """True when the reviewer marked the review complete."""
        return bool(self.review and self.review.review.complete)

    # ---- the notes, grouped as the documents show them ----------------------------------

    def on_sections(self) -> list[NumberedNote]:
        return [n for n in self.notes if not n.orphan and n.annotation.target == "section"]

    def on_section(self, section_id: str) -> list[NumberedNote]:
        return list(self._by_place.get(("section", section_id), []))

    def on_rows(self) -> list[NumberedNote]:
        """Notes on medication rows, pain scores, timeline events and checklist items, in that order."""
        return [n for n in self.notes if not n.orphan and n.annotation.target != "section"]

    def on_row(self, target: str, target_id: str) -> list[NumberedNote]:
        return list(self._by_place.get((target, target_id), []))

    def on_item(self, place_id: str) -> list[NumberedNote]:
        """Notes on one checklist item (`care-2013:5d`), old-style ids (`care-2013-5d`) included."""
        return list(self._by_item.get(place_id, []))

    def orphans(self) -> list[NumberedNote]:
        return [n for n in self.notes if n.orphan]

    def moved(self) -> list[NumberedNote]:
        """Notes found where their words were edited: placed, shown with the words the case has now."""
        return [n for n in self.notes if n.moved]

    # ---- counts ----------------------------------------------------------------------

    def counts_by_kind_and_status(self) -> dict[tuple[str, str], int]:
        """How many notes of each kind are open and resolved (kinds in their usual order)."""
        counted: Counter[tuple[str, str]] = Counter((n.annotation.kind, n.annotation.status) for n in self.notes)
        return {(kind, status): counted[(kind, status)] for kind in ANNOTATION_KINDS for status in STATUSES}

    def checklist_progress(self) -> list[str]:
        """One line per answered checklist: progress against its item count when the checklist is known,
        Naranjo's totals and bands, the overall decision."""
        return [line for summary in self.appraisal for line in summary.describe()]


def format_time(moment: datetime) -> str:
    """A timestamp to the minute, in UTC when it carries a zone (TOML may also hold a local time)."""
    if moment.tzinfo is None:
        return f"{moment:%Y-%m-%d %H:%M}"
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def pain_change_cells(change: PainChange) -> dict[str, str]:
    """One condition's change from baseline; figures that cannot be computed are left empty."""
    latest = change.latest.value if change.latest is not None else None
    words = "; ".join(f"“{s.description}”" for s in change.later_words if s.description)
    return {
        "Condition": change.name,
        "Baseline": f"{change.baseline.value:g}" if change.baseline.value is not None else "",
        "Latest": f"{latest:g}" if latest is not None else "",
        "Change": f"{change.change:+g}" if change.change is not None else "",
        "Reduction": f"{change.percent_reduction:.0f}%" if change.percent_reduction is not None else "",
        "Threshold": change.threshold or "",
        "Later, in words": words,
    }


def build_review_notes(
    case: CaseRecord, review: Review | None, *, exported: datetime, case_sha256: str | None = None
) -> ReviewNotes:
    """The export's content: annotations re-anchored to this case text, numbered in reading order.

    Checklists are those installed for this run (`install_checklists`): the same set that names
    checklist items in the app, so an export says what the screen says.
    """
    placed: list[PlacedNote] = []
    if review is not None:
        review, orphans = reanchor(case, review)
        placed = notes_in_reading_order(case, review, orphans)
    notes = tuple(NumberedNote(i, p.annotation, p.place, p.orphan, p.new_words) for i, p in enumerate(placed, start=1))
    checklists = installed_checklists()
    appraisal = appraisal_summary(case, review, checklists)
    return ReviewNotes(case, review, notes, exported, case_sha256, tuple(pain_changes(case)), appraisal, checklists)
