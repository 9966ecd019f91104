"""Review notes as W3C Web Annotations (JSON-LD), in a wrapper that carries the rest of the review.

The wrapper (`format = "case-review-export"`, `version = 1`) holds:
- `case`: the case record exactly as validated, so the annotations' offsets can be checked;
- `review`: the review header and the checklist answers (or null when there is no review);
- `appraisal`: per answered checklist, its title and version, and per assessment the progress
  against its item count, Naranjo's total and band, and the overall decision (`json_appraisal.py`);
- `annotations`: one W3C Web Annotation per note, in reading order, orphans last;
- `orphans`: the ids of the annotations whose place is not in this version of the case.
- `moved`: the annotations whose words were edited in this version of the case: each id with the
  words the case has now at its place (its `TextQuoteSelector` keeps the words annotated; its
  `TextPositionSelector` points at the new words).

Each annotation follows the Web Annotation Data Model (https://www.w3.org/TR/annotation-model/):
`@context`, `id`, `type: "Annotation"`, `motivation`, `creator`, `created`, `modified`, `body`
(the note as a `TextualBody`; the kind as a `classifying` body; each tag as a `tagging` body)
and `target`. A text note's target is the section's text with a `TextQuoteSelector` (exact,
prefix, suffix) and a `TextPositionSelector` (start, end, in Unicode code points of the
section's `text`); a note on a row or a whole section targets the case with a
`FragmentSelector` naming the row (`medications/ID`, `pain_scores/ID`, `timeline/ID`,
`sections/ID`, `checklist/ID`). A note on a checklist item tied to words of the text targets
those words as a text note does, and names the item as an `identifying` body
(`urn:case-review:checklist:care-2013:5d`). The resolution status, which the model has no term for, is
carried as `case_review_status`. Every IRI is a `urn:case-review:` name: nothing points at
the network.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.export.json_appraisal import appraisal_document
from tui.export.notes import NumberedNote, ReviewNotes, pain_change_cells
from tui.model.places import KIND_BY_NAME

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
WRAPPER_FORMAT = "case-review-export"
WRAPPER_VERSION = 1

MOTIVATIONS = {
    "comment": "commenting",
    "question": "questioning",
    "concern": "assessing",
    "error": "assessing",
    "praise": "assessing",
}
# Characters json.dumps leaves raw with ensure_ascii=False that a terminal would act on.
_UNSAFE_IN_TERMINAL = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def case_iri(case_id: str) -> str:
    return f"urn:case-review:case:{case_id}"


def checklist_item_iri(place_id: str) -> str:
    """`urn:case-review:checklist:care-2013:5d`: a checklist item, named apart from any case."""
    return f"urn:case-review:checklist:{place_id}"


def _target(notes: ReviewNotes, note: NumberedNote) -> dict[str, Any]:
    annotation = note.annotation
    case = case_iri(notes.case.id)
    section = annotation.text_section
    if section is not None and annotation.start is not None and annotation.end is not None:
        # A text note, or a checklist note tied to the words that address its item.
        return {
            "type": "SpecificResource",
            "source": f"{case}/sections/{section}/text",
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.quote or "",
                    "prefix": annotation.prefix or "",
                    "suffix": annotation.suffix or "",
                },
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        }
    return {
        "type": "SpecificResource",
        "source": case,
        "selector": {
            "type": "FragmentSelector",
            "value": f"{KIND_BY_NAME[annotation.target].table}/{annotation.target_id}",
        },
    }


def _bodies(note: NumberedNote) -> list[dict[str, Any]]:
    annotation = note.annotation
    bodies: list[dict[str, Any]] = []
    if annotation.body:
        bodies.append(
            {
                "type": "TextualBody",
                "value": annotation.body,
                "format": "text/plain",
                "purpose": MOTIVATIONS[annotation.kind],
            }
        )
    bodies.append({"type": "TextualBody", "value": annotation.kind, "purpose": "classifying"})
    if annotation.target == "checklist":
        # The item the note is about: what a tied span addresses, named with its label.
        bodies.append(
            {
                "type": "SpecificResource",
                "source": checklist_item_iri(annotation.target_id),
                "purpose": "identifying",
                "case_review_label": note.place,
            }
        )
    bodies += [{"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in annotation.tags]
    return bodies


def web_annotation(notes: ReviewNotes, note: NumberedNote) -> dict[str, Any]:
    """One note as a W3C Web Annotation."""
    annotation = note.annotation
    return {
        "@context": ANNO_CONTEXT,
        "id": f"{case_iri(notes.case.id)}/annotations/{annotation.id}",
        "type": "Annotation",
        "motivation": MOTIVATIONS[annotation.kind],
        "creator": {"type": "Person", "name": annotation.author},
        "created": annotation.created.isoformat(),
        "modified": annotation.updated.isoformat(),
        "body": _bodies(note),
        "target": _target(notes, note),
        "case_review_status": annotation.status,
    }


def export_document(notes: ReviewNotes) -> dict[str, Any]:
    """The whole wrapper as plain data (what `render_json` writes)."""
    review = notes.review
    return {
        "format": WRAPPER_FORMAT,
        "version": WRAPPER_VERSION,
        "case": notes.case.model_dump(mode="json", exclude_none=True),
        "review": None
        if review is None
        else {
            **review.review.model_dump(mode="json"),
            "checklist": [answer.model_dump(mode="json", exclude_none=True) for answer in notes.checklist],
        },
        "appraisal": [appraisal_document(summary) for summary in notes.appraisal],
        "pain_changes": [pain_change_cells(change) for change in notes.pain],
        "annotations": [web_annotation(notes, note) for note in notes.notes],
        "orphans": [note.annotation.id for note in notes.orphans()],
        "moved": [{"id": note.annotation.id, "now_reads": note.new_words} for note in notes.moved()],
    }


def _escape_for_terminal(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def render_json(notes: ReviewNotes) -> str:
    """Pretty JSON, UTF-8 text kept readable (μg stays μg) but every control character escaped."""
    text = json.dumps(export_document(notes), ensure_ascii=False, indent=2)
    return _UNSAFE_IN_TERMINAL.sub(_escape_for_terminal, text) + "\n"
