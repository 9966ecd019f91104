"""Which sections of a case likely address a checklist item: where `enter` on an item jumps.

The rule is deliberately small and general, so a reviewer can predict it and a team's own
checklist can use it through its data file alone:

1. An item lists words of section titles (`look_in`, e.g. CARE 8a: `diagnos`, `case presentation`)
   and words of section text (`mentions`, e.g. CARE 13: `consent`).
2. A section addresses the item when a `look_in` word occurs in its title or its parent's title
   (case-insensitive, anywhere in the title, so `diagnos` finds "Diagnostic assessment"), or a
   `mentions` word begins a word of its text.
3. Sections inside the abstract are pointed to only by items that name `abstract` themselves: the
   abstract repeats the body in brief, and would otherwise crowd out the section that addresses
   the item in full. Headings without text of their own are never pointed to.
4. The strongest matches come first (title and text, then title, then text); among equals, the one
   matched by an earlier word of `look_in` (files list the likeliest title first), then reading order.

It suggests where to look; it never decides whether the item is met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.model.case import CaseRecord
from tui.model.checklist import ChecklistItem
from tui.model.derived import derived

ABSTRACT_WORD = "abstract"


@dataclass(frozen=True, slots=True)
class _SectionWords:
    section_id: str
    title: str
    """The section's title and its parent's, lower-cased."""
    text: str
    in_abstract: bool


def _section_words(case: CaseRecord) -> tuple[_SectionWords, ...]:
    """Lower-cased titles and texts, computed once per case."""
    words: list[_SectionWords] = []
    for section in case.sections:
        if not section.text.strip():
            continue
        parent = case.section(section.parent) if section.parent else None
        title = f"{parent.title} {section.title}" if parent else section.title
        title = title.lower()
        words.append(_SectionWords(section.id, title, section.text.lower(), ABSTRACT_WORD in title))
    return tuple(words)


def _mentions(text: str, word: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(word.lower()), text) is not None


def sections_for(case: CaseRecord, item: ChecklistItem) -> list[str]:
    """Ids of the sections of `case` that likely address `item`, best first (see the module's rule)."""
    looks_in_abstract = any(ABSTRACT_WORD in word.lower() for word in item.look_in)
    ranked: list[tuple[int, int, int, str]] = []
    for position, section in enumerate(derived(case, _section_words)):
        if section.in_abstract and not looks_in_abstract:
            continue
        word = next((rank for rank, word in enumerate(item.look_in) if word.lower() in section.title), None)
        by_text = any(_mentions(section.text, word) for word in item.mentions)
        if word is not None or by_text:
            strength = 0 if word is not None and by_text else 1 if word is not None else 2
            ranked.append((strength, word if word is not None else 0, position, section.section_id))
    return [section_id for *_rank, section_id in sorted(ranked)]


def sections_mentioning(case: CaseRecord, words: list[str]) -> list[str]:
    """Ids of the sections whose text mentions any of `words` (each at the start of a word), in reading order."""
    return [s.section_id for s in derived(case, _section_words) if any(_mentions(s.text, w) for w in words)]
