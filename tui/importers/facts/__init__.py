"""Clinical facts read from the sentences that state them: patient, regimens, pain scores, events.

Each fact keeps the sentence it came from (`source_quote`, verbatim from the section text)
and is flagged (`needs_review`) where a rule had to choose. Facts are read from the
sections that tell the case; the introduction and discussion speak of other patients and
of the literature, and their doses and scores are not this patient's.
"""

from __future__ import annotations

from tui.importers.facts.extract import Facts, FactSection, extract_facts

__all__ = ["FactSection", "Facts", "extract_facts"]
