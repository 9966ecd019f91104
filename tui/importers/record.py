"""A `ReportDraft` and its clinical facts as one `CaseRecord` that the case reader accepts.

Ids come from titles and names (stable across re-imports); sections that ended up with no
words and no sub-sections are left out, since the record cannot hold them; the record is
checked against every integrity rule before it is returned, so a broken record is never
written.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from tui.importers.draft import ReportDraft
from tui.importers.errors import unusable
from tui.importers.facts import FactSection, extract_facts
from tui.importers.slugs import IdMaker, slugify
from tui.model import SCHEMA_VERSION, CaseRecord, Patient, Section, Source, check_integrity

MAX_SECTION_CHARS = 1_000_000
"""The case format's limit on one section's text."""


def build_record(draft: ReportDraft, path: Path) -> CaseRecord:
    """The case record of one report; `InputFileError` when the report cannot make a sound one."""
    sections = _sections(draft, path)
    if not sections:
        raise unusable(path, "no text found under any heading; nothing to import")
    facts = extract_facts([FactSection(s.id, s.title, s.text, _parent_title(sections, s.parent)) for s in sections])
    notes = [*draft.notes, *facts.notes]
    try:
        case = CaseRecord(
            schema_version=SCHEMA_VERSION,
            id=slugify(draft.title, fallback="imported-case"),
            title=_one_line(draft.title)[:2_000],
            source=Source(file=draft.source_file, doi=draft.doi),
            patient=Patient(age=facts.age, sex=facts.sex, conditions=facts.conditions),
            sections=sections,
            medications=facts.medications,
            pain_scores=facts.pain_scores,
            timeline=facts.timeline,
            import_notes=[_one_line(note)[:2_000] for note in notes],
        )
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise unusable(path, f"the imported record is not valid at {where}: {first['msg']}") from None
    problems = check_integrity(case)
    if problems:
        raise unusable(path, f"the imported record breaks a rule at {problems[0].field_path}: {problems[0].message}")
    return case


def _sections(draft: ReportDraft, path: Path) -> list[Section]:
    """Draft sections with ids (`abstract-background` under `abstract`); empty leaves left out."""
    has_child = {s.parent for s in draft.sections if s.parent is not None and s.text.strip()}
    ids = IdMaker()
    made: dict[int, str] = {}
    sections: list[Section] = []
    for index, draft_section in enumerate(draft.sections):
        text = draft_section.text.strip()
        if not text and index not in has_child:
            draft.note(f"heading {draft_section.title!r} has no text under it; left out")
            continue
        if len(text) > MAX_SECTION_CHARS:
            raise unusable(path, f"section {draft_section.title!r} is longer than a case record allows")
        parent = made.get(draft_section.parent) if draft_section.parent is not None else None
        section_id = ids.make(draft_section.title, fallback="section", prefix=parent or "")
        made[index] = section_id
        title = _one_line(draft_section.title)[:2_000] or "Untitled"
        sections.append(Section(id=section_id, title=title, parent=parent, text=text))
    return sections


def _parent_title(sections: list[Section], parent: str | None) -> str | None:
    return next((s.title for s in sections if s.id == parent), None) if parent else None


def _one_line(text: str) -> str:
    return " ".join(text.split())
