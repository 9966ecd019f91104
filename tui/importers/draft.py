"""What a reader of either format hands on: the report's words in sections, before any clinical fact.

Plain text and JATS XML differ in how a report is laid out, not in what a case record
needs from it. Both readers produce a `ReportDraft`, and everything after (facts, ids,
the record, the TOML) is written once against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class DraftSection:
    """A heading and its paragraphs; `parent` is the index of an earlier section in the draft."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    parent: int | None = None

    @property
    def text(self) -> str:
        """Paragraphs separated by blank lines, as the case record stores them."""
        return "\n\n".join(p for p in self.paragraphs if p)


@dataclass(slots=True)
class ReportDraft:
    """One report: its title, where it came from, its sections, and what the reader was unsure of."""

    title: str
    source_file: str
    sections: list[DraftSection] = field(default_factory=list)
    doi: str | None = None
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        """Record something a reviewer should check; the same note is kept once."""
        if message not in self.notes:
            self.notes.append(message)
