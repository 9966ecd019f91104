"""Pydantic models of the case record and the review.

This layer does no I/O and never imports Textual: it is shared by the app, the
command line and the exporters, and must stay cheap to import.
"""

from tui.model.case import (
    SCHEMA_VERSION,
    CaseRecord,
    Medication,
    PainScore,
    Patient,
    Section,
    Source,
    TimelineEvent,
)
from tui.model.integrity import IntegrityProblem, check_integrity

__all__ = [
    "SCHEMA_VERSION",
    "CaseRecord",
    "IntegrityProblem",
    "Medication",
    "PainScore",
    "Patient",
    "Section",
    "Source",
    "TimelineEvent",
    "check_integrity",
]
