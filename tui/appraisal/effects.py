"""The adverse effects a Naranjo assessment can start from: each effect of each medication row.

The case record keeps a row's adverse effects as the report words them ("Drowsiness and
dizziness, tolerable."), since a record never invents structure the report lacks. To offer one
assessment per effect, the words are split by a small rule: at commas, semicolons, full stops and
the words "and" / "or"; pieces that only qualify (tolerable, mild, transient, ...) are dropped; a
capital that only starts the sentence is lowered ("Drowsiness" -> "drowsiness", "QT prolongation"
stays). The reviewer may always name an effect in their own words instead.
"""

from __future__ import annotations

import re

from tui.model.case import CaseRecord, Medication
from tui.model.review import AdverseEffect

QUALIFIERS = frozenset(
    {
        "tolerable",
        "tolerated",
        "well tolerated",
        "mild",
        "moderate",
        "severe",
        "transient",
        "minor",
        "none",
        "no",
        "resolved",
        "reversible",
        "etc",
    }
)
_SPLIT = re.compile(r"[,;.]|\band\b|\bor\b", re.IGNORECASE)


def _tidy(piece: str) -> str:
    piece = " ".join(piece.split())
    if len(piece) > 1 and piece[0].isupper() and not piece[1].isupper():
        piece = piece[0].lower() + piece[1:]
    return piece


def adverse_effects_of(medication: Medication) -> list[str]:
    """The effects named in a row's `adverse_effects`, in order, each once (see the module's rule)."""
    effects: list[str] = []
    for raw in _SPLIT.split(medication.adverse_effects or ""):
        effect = _tidy(raw)
        if effect and effect.lower() not in QUALIFIERS and effect not in effects:
            effects.append(effect[:120].strip())
    return effects


def effect_targets(case: CaseRecord) -> list[AdverseEffect]:
    """Every (medication row, effect) a Naranjo assessment could be about, in the record's order."""
    return [AdverseEffect(m.id, effect) for m in case.medications for effect in adverse_effects_of(m)]
